"""Read numbers from a scalar's source text, never through YAML's resolver."""

from __future__ import annotations

import math

from smartlint.records import record


@record
class BadNumber:
    """Why a text is not a usable number."""

    reason: str
    reason_vi: str = ""


def shown(raw: str, limit: int = 30) -> str:
    """Return text short enough to quote in a message."""
    return raw if len(raw) <= limit else raw[: limit - 3] + "..."


def read_value(raw: str) -> float | BadNumber:
    """Read a finite number as written ("1.000", "2,5", "12000"); explain anything else."""
    text = raw.strip()
    if not text:
        return BadNumber("the value is empty", "giá trị trống")
    number = _read(text)
    if number is None:
        return BadNumber(f"'{shown(text)}' is not a number", f"'{shown(text)}' không phải là số")
    if math.isnan(number):
        return BadNumber(
            f"'{shown(text)}' is not a number (NaN)", f"'{shown(text)}' không phải là số (NaN)"
        )
    if math.isinf(number):
        return BadNumber(
            f"'{shown(text)}' is too large to be a measurement",
            f"'{shown(text)}' quá lớn để là một số đo",
        )
    return number


def _read(text: str) -> float | None:
    # Most history values are plain integers ("1200"): they need no locale reading.
    digits = text[1:] if text[:1] == "-" else text
    if len(digits) <= 15 and digits.isascii() and digits.isdigit():
        return float(text)
    from smartlint.extract.numbers import read_number  # the one reader shared with sentences

    return read_number(text)
