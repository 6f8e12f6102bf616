"""Split CSV text into rows with the line each starts on: delimiter detected, quoted newlines kept.

Shared by history CSV files and goal sheets, so both read the same dialect: comma, semicolon
or tab, whichever the first non-empty line uses most outside quotes (a tie prefers the
semicolon, which Vietnamese and European spreadsheets write because their decimal mark is a
comma, then the tab).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from smartlint.records import record

DELIMITERS = (";", "\t", ",")  # order breaks ties


@record
class CsvRow:
    """One record: the 1-based line it starts on and its cells, stripped."""

    line: int
    cells: tuple[str, ...]


class CsvTrouble(ValueError):
    """The text stops being CSV at ``line`` (an endless quoted field, an oversized cell)."""

    def __init__(self, line: int, reason: str) -> None:
        """Remember where reading stopped and why."""
        super().__init__(reason)
        self.line = line
        self.reason = reason


def sniff_delimiter(text: str) -> str:
    """Return the delimiter the first non-empty line uses most outside quotes (comma by default)."""
    first = next((line for line in text.split("\n", 50)[:50] if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(text: str) -> Iterator[CsvRow]:
    """Yield every record of ``text`` (LF line ends), blank ones included, in order.

    Raises :class:`CsvTrouble` where the text cannot be read further.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    start = 1
    try:
        for row in reader:
            yield CsvRow(start, tuple(cell.strip() for cell in row))
            start = reader.line_num + 1
    except csv.Error as error:  # e.g. a field larger than the csv module's limit
        raise CsvTrouble(start, str(error)) from None
