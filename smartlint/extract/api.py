"""The extraction stage's entry points; the work is done in the sibling modules.

- :mod:`.text` folds a text (NFC, lower case, no diacritics) and maps offsets back,
- :mod:`.numbers` reads quantities, :mod:`.time` reads time expressions,
- :mod:`.language` tells Vietnamese from English, :mod:`.sentence` puts a reading together.

Only the first 2,000 characters of a text are analysed (``text.MAX_CHARS``), so that hostile
input is read in bounded time.  Snip offsets refer to the text as given (NFC or NFD);
Reading.text is that text.
"""

from __future__ import annotations

from datetime import date

from smartlint.extract import fields, numbers
from smartlint.extract.language import detect
from smartlint.extract.sentence import read
from smartlint.extract.text import fold
from smartlint.model import Change, Comparator, Language, Reading, TimeRef


def detect_language(text: str) -> Language:
    """Return the language a goal text is written in (Vietnamese with or without diacritics)."""
    return detect(fold(text))


def read_sentence(
    text: str,
    today: date,
    language: Language | None = None,
    fiscal_year_end: tuple[int, int] = (12, 31),
) -> Reading:
    """Read a goal sentence into metric, quantities, target, direction, deadline and more.

    ``fiscal_year_end`` is the (month, day) a fiscal year ends on: "FY2027" and its quarters
    resolve against it.
    """
    return read(text, today, language, fiscal_year_end)


def read_number(raw: str) -> float | None:
    """Read one number as written in a field ("1.000", "2,5 tỷ", "12000", "15%")."""
    return numbers.read_number(raw)


def read_target(raw: str) -> Change | None:
    """Read a target field: "+10%", "x3", "-15%", "13200", "22%"."""
    return fields.target(raw)


def read_target_bound(raw: str) -> tuple[Change | None, Comparator | None]:
    """Read a target field and, when it is a bound ("≥ 99.95%", "dưới 3%"), its comparator."""
    return fields.target_and_bound(raw)


def read_time(raw: str, today: date, fiscal_year_end: tuple[int, int] = (12, 31)) -> TimeRef | None:
    """Read a deadline or start field: "2027-07-31", "2027-Q3", "end of July 2027", "FY2027"."""
    return fields.time(raw, today, fiscal_year_end)
