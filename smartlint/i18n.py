"""Words, numbers and dates in the goal's own language (Vietnamese or English)."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from smartlint.model import Change, Language, Period

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def pick(language: Language, vi: str, en: str) -> str:
    """Return the Vietnamese or the English text, by the goal's language."""
    return vi if language is Language.VI else en


def fmt_number(value: float, language: Language, *, decimals: int = 2) -> str:
    """Format a number the way the language writes it: 12.000 / 2,5 (vi), 12,000 / 2.5 (en)."""
    if not math.isfinite(value):
        return str(value)
    rounded = half_up(value, decimals)
    if rounded == int(rounded):
        text = f"{int(rounded):,}"
    else:
        text = f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")
    if language is Language.VI:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def half_up(value: float, decimals: int) -> float:
    """Round half away from zero, as people do (round() gives 1,312 for 1,312.5), on the
    number as written (2.675 is 2.68, though its float is a hair below)."""
    scaled = abs(value) * 10.0**decimals
    if math.isfinite(scaled) and abs(scaled - math.floor(scaled) - 0.5) > 1e-6 * max(1.0, scaled):
        return round(value, decimals)  # not at a half: every rounding agrees (and it is fast)
    places = Decimal(1).scaleb(-decimals)
    exact = Decimal(repr(value)).quantize(places, ROUND_HALF_UP, _WIDE)
    return float(exact)


_WIDE = Context(prec=400)  # room for every finite float's digits


_SCALES = ((1e9, "tỷ", "billion", "B"), (1e6, "triệu", "million", "M"))


def fmt_amount(value: float, language: Language, *, short: bool = False) -> str:
    """Format an amount as people write large ones: 2,5 tỷ / 2.5 million; smaller as numbers.

    ``short`` writes the English scale as one letter (2.5B), for a label with little room.
    """
    for scale, vi, en, letter in _SCALES:
        if math.isfinite(value) and abs(value) >= scale:
            number = fmt_number(value / scale, language)
            if short and language is not Language.VI:
                return number + letter
            return f"{number} {pick(language, vi, en)}"
    return fmt_number(value, language, decimals=0 if abs(value) >= 100 else 2)


def amount_step(value: float) -> float:
    """Return the value of the last digit :func:`fmt_amount` shows for ``value``."""
    for scale, *_ in _SCALES:
        if abs(value) >= scale:
            return scale / 100
    return 1.0 if abs(value) >= 100 else 0.01


def fmt_percent(value: float, language: Language, *, signed: bool = False) -> str:
    """Format a percentage: +5,6% (vi), +5.6% (en)."""
    sign = "+" if signed and value > 0 else ""
    return f"{sign}{fmt_number(value, language, decimals=1)}%"


def fmt_exact(value: float, language: Language) -> str:
    """Format a number the author wrote, keeping its digits (99.95 stays 99.95, not 100)."""
    return fmt_number(value, language, decimals=6)


def written(change: Change, language: Language) -> str:
    """Return a target as the author wrote it ("≥ 99.95%" keeps "99.95%"), in the language's
    number format when it came from elsewhere."""
    text = change.where.text.strip()
    if text:
        return text
    shown = fmt_exact(change.value, language)
    return shown + "%" if change.kind.value == "percent" else shown


def fmt_date(day: date, language: Language) -> str:
    """Format a deadline: "cuối tháng 7 năm 2027" / "31 July 2027", or dd/mm/yyyy."""
    month_end = day == date.max or date.fromordinal(day.toordinal() + 1).day == 1
    if language is Language.VI:
        if month_end and day.month == 12:
            return f"cuối năm {day.year}"
        if month_end:
            return f"cuối tháng {day.month} năm {day.year}"
        return f"ngày {day.day:02d}/{day.month:02d}/{day.year}"
    if month_end and day.month == 12:
        return f"the end of {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def fmt_short_date(day: date, language: Language) -> str:
    """Format a date compactly: 31/01/2027 (vi), 31 Jan 2027 (en)."""
    if language is Language.VI:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1][:3]} {day.year}"


# Each period's name in Vietnamese and English, and the English adjective ("monthly"); the
# other phrases are built on the name ("hàng tháng", "theo tháng", "every month").
_PERIOD_WORDS = {
    Period.DAY: ("ngày", "day", "daily"),
    Period.WEEK: ("tuần", "week", "weekly"),
    Period.MONTH: ("tháng", "month", "monthly"),
    Period.QUARTER: ("quý", "quarter", "quarterly"),
    Period.YEAR: ("năm", "year", "yearly"),
}


def period_word(period: Period, language: Language) -> str:
    """Return the name of one period: "tháng" / "month"."""
    vi, en, _ = _PERIOD_WORDS[period]
    return pick(language, vi, en)


def cadence_words(period: Period, language: Language) -> str:
    """Return the phrase for a recurring period: "hàng tháng" / "every month"."""
    vi, en, _ = _PERIOD_WORDS[period]
    return pick(language, f"hàng {vi}", f"every {en}")


def periodic_words(period: Period, language: Language) -> str:
    """Return the words for values kept per period: "theo tháng" / "monthly"."""
    vi, _, en = _PERIOD_WORDS[period]
    return pick(language, f"theo {vi}", en)
