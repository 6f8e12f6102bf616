"""The extraction stage's entry points (contract; implementation in the sibling modules)."""

from __future__ import annotations

from datetime import date

from smartlint.model import Change, Language, Reading, TimeRef


def detect_language(text: str) -> Language:
    """Return the language a goal text is written in (Vietnamese with or without diacritics)."""
    raise NotImplementedError


def read_sentence(text: str, today: date, language: Language | None = None) -> Reading:
    """Read a goal sentence into metric, quantities, target, direction, deadline and more."""
    raise NotImplementedError


def read_number(raw: str) -> float | None:
    """Read one number as written in a field ("1.000", "2,5 tỷ", "12000", "15%")."""
    raise NotImplementedError


def read_target(raw: str) -> Change | None:
    """Read a target field: "+10%", "x3", "-15%", "13200", "22%"."""
    raise NotImplementedError


def read_time(raw: str, today: date) -> TimeRef | None:
    """Read a deadline or start field: "2027-07-31", "2027-Q3", "end of July 2027"."""
    raise NotImplementedError
