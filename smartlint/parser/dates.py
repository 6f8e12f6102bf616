"""Read the dates the parser owns (history keys, CSV dates, ``as_of``) as the end of their period."""

from __future__ import annotations

import calendar
import itertools
import re
from datetime import date

from smartlint.model import Period
from smartlint.patterns import compile_pattern
from smartlint.records import record

_SHAPES: tuple[tuple[re.Pattern[str], Period], ...] = (
    (compile_pattern(r"(?P<y>\d{4})"), Period.YEAR),
    (compile_pattern(r"(?P<y>\d{4})-[Qq](?P<q>\d)"), Period.QUARTER),
    (compile_pattern(r"(?P<y>\d{4})-W(?P<w>\d{1,2})"), Period.WEEK),
    (compile_pattern(r"(?P<y>\d{4})-(?P<m>\d{1,2})"), Period.MONTH),
    (compile_pattern(r"(?P<m>\d{1,2})/(?P<y>\d{4})"), Period.MONTH),
    (compile_pattern(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), Period.DAY),
    (compile_pattern(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"), Period.DAY),
)
SHAPES_HELP = "YYYY-MM-DD, dd/mm/yyyy, YYYY-MM, YYYY-Qn or YYYY"


@record
class When:
    """A date read from text: the last day of the period it names."""

    end: date
    period: Period


@record
class BadDate:
    """Why a text is not a usable date; ``impossible`` when it has a date's shape."""

    reason: str
    impossible: bool
    reason_vi: str = ""


def read_date(raw: str) -> When | BadDate:
    """Read a date key such as ``2027-03``, ``2027-Q1``, ``31/03/2027``; never raise."""
    text = raw.strip()
    for pattern, period in _SHAPES:
        match = pattern.fullmatch(text)
        if match:
            return _end_of(match.groupdict(), period, text)
    short = raw if len(raw) <= 30 else raw[:27] + "..."
    return BadDate(
        f"'{short}' is not a date ({SHAPES_HELP})",
        impossible=False,
        reason_vi=f"'{short}' không phải là một ngày ({SHAPES_HELP})",
    )


def _end_of(parts: dict[str, str], period: Period, text: str) -> When | BadDate:
    year = int(parts["y"])
    try:
        if period is Period.YEAR:
            return When(date(year, 12, 31), period)
        if period is Period.QUARTER:
            quarter = int(parts["q"])
            if not 1 <= quarter <= 4:
                return BadDate(
                    f"'{text}' names quarter {quarter}; a year has quarters 1-4",
                    True,
                    f"'{text}' ghi quý {quarter}; một năm chỉ có quý 1-4",
                )
            month = 3 * quarter
            return When(date(year, month, calendar.monthrange(year, month)[1]), period)
        if period is Period.WEEK:
            return When(date.fromisocalendar(year, int(parts["w"]), 7), period)
        month = int(parts["m"])
        if period is Period.MONTH:
            return When(date(year, month, calendar.monthrange(year, month)[1]), period)
        return When(date(year, month, int(parts["d"])), period)
    except (ValueError, calendar.IllegalMonthError):
        return BadDate(
            f"'{text}' is not a date that exists",
            impossible=True,
            reason_vi=f"'{text}' là một ngày không có thật",
        )


def infer_day_period(days: list[date]) -> Period:
    """Tell the period of daily-shaped dates: month ends are months, 7-day steps are weeks."""
    if len(days) < 2:
        return Period.DAY
    if all(d == _month_end(d) for d in days):
        quarters = all(d.month % 3 == 0 for d in days)
        return Period.QUARTER if quarters else Period.MONTH
    ordered = sorted(days)
    steps = [(b - a).days for a, b in itertools.pairwise(ordered)]
    if all(step > 0 and step % 7 == 0 for step in steps):
        return Period.WEEK
    return Period.DAY


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
