"""Read numbers from a scalar's source text, never through YAML's resolver."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BadNumber:
    """Why a text is not a usable number."""

    reason: str


def shown(raw: str, limit: int = 30) -> str:
    """Return text short enough to quote in a message."""
    return raw if len(raw) <= limit else raw[: limit - 3] + "..."


def read_value(raw: str) -> float | BadNumber:
    """Read a finite number as written ("1.000", "2,5", "12000"); explain anything else."""
    text = raw.strip()
    if not text:
        return BadNumber("the value is empty")
    number = _read(text)
    if number is None:
        return BadNumber(f"'{shown(text)}' is not a number")
    if math.isnan(number):
        return BadNumber(f"'{shown(text)}' is not a number (NaN)")
    if math.isinf(number):
        return BadNumber(f"'{shown(text)}' is too large to be a measurement")
    return number


def _read(text: str) -> float | None:
    from smartlint.extract import read_number  # the one number reader shared with sentences

    try:
        return read_number(text)
    except NotImplementedError:
        return _plain_number(text)


_PLAIN = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")


def _plain_number(raw: str) -> float | None:
    """Stand in for read_number until it lands: a thousands group of 3 digits, else decimals."""
    text = raw.replace(" ", "")
    if not _PLAIN.fullmatch(text):
        return None
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        text = text.replace("," if decimal == "." else ".", "").replace(",", ".")
    else:
        for sep in ".,":
            groups = text.split(sep)
            if len(groups) > 2 or (len(groups) == 2 and len(groups[1]) == 3):
                text = text.replace(sep, "")
            else:
                text = text.replace(sep, ".")
    try:
        return float(text)
    except ValueError:
        return None
