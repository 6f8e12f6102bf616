"""The growth math behind Achievable: periods, paces and what history makes reachable.

A *pace* is a change per period.  Counts move multiplicatively, so their pace is taken in
log space, ``log(v1 / v0) / periods``: doubling and halving then weigh the same, and two
months of +5 % are twice one month of +5 %.  Rates (conversion 18 % -> 22 %) move
additively, so their pace is in percentage points per period.

Every function here is pure and knows nothing of goals or facts; :mod:`smartlint.plan` decides which numbers to feed it.

Dates stand for whole days.  A measurement or a deadline on day ``d`` is taken at the *end*
of that day (see :func:`end_of`), a period start at its beginning, so February 2021 counted
from 2021-02-01 to the deadline 2021-02-28 is exactly one month.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from datetime import date, timedelta

from smartlint.model import Period
from smartlint.records import record

# Nominal length of each period in months, used only to convert a pace between units
# (a cadence "+5% every week" judged against a monthly history); counting periods between
# two dates is calendar-exact instead (see periods_between).
_MONTHS_PER: dict[Period, float] = {
    Period.DAY: 12 / 365.25,
    Period.WEEK: 7 * 12 / 365.25,
    Period.MONTH: 1.0,
    Period.QUARTER: 3.0,
    Period.YEAR: 12.0,
}

# Below these paces a history that never moved still allows the goal: a flat metric drifts
# by about this much on its own, so asking for less is not "beyond history".
NOISE_MONTHLY_LOG = math.log(1.01)  # 1 % a month for counts
NOISE_MONTHLY_POINTS = 0.1  # 0.1 percentage point a month for rates

MAX_EXP = 700.0  # the largest exponent taken: math.exp overflows just above 709


def end_of(day: date) -> date:
    """Return the instant a day ends at (the next day's start), for counting periods.

    The last representable day stands for its own end: a day short at year 9999 changes
    no verdict, and a crash would.
    """
    return day if day == date.max else day + timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later, clamped to the month's last day (and to dates)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year = day.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def months_between(start: date, end: date) -> float:
    """Return the calendar months from ``start`` to ``end``, the last one counted by its days."""
    if end < start:
        return -months_between(end, start)
    # start + whole lands in end's month; if past end's day, the month before is the last whole
    whole = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, whole) > end:
        whole -= 1
    low = add_months(start, whole)
    span_days = (add_months(start, whole + 1) - low).days
    if span_days <= 0:  # the next month lies beyond the last representable date
        span_days = 31
    return whole + (end - low).days / span_days


def periods_between(start: date, end: date, unit: Period) -> float:
    """Return how many ``unit`` periods run from ``start`` to ``end``, fractionally."""
    if unit is Period.DAY:
        return float((end - start).days)
    if unit is Period.WEEK:
        return (end - start).days / 7
    months = months_between(start, end)
    if unit is Period.QUARTER:
        return months / 3
    if unit is Period.YEAR:
        return months / 12
    return months


def convert_pace(pace: float, from_unit: Period, to_unit: Period) -> float:
    """Return a per-``from_unit`` pace expressed per ``to_unit`` (paces add up linearly)."""
    return pace * _MONTHS_PER[to_unit] / _MONTHS_PER[from_unit]


def noise_pace(unit: Period, *, points: bool) -> float:
    """Return the pace per ``unit`` that a flat metric shows on its own."""
    monthly = NOISE_MONTHLY_POINTS if points else NOISE_MONTHLY_LOG
    return convert_pace(monthly, Period.MONTH, unit)


def pace(start: float, end: float, periods: float, *, points: bool = False) -> float | None:
    """Return the signed pace per period from ``start`` to ``end``, or None when undefined.

    In log space the values must be positive; the periods must always be positive.
    """
    if periods <= 0 or not (math.isfinite(start) and math.isfinite(end)):
        return None
    if points:
        step = (end - start) / periods
    elif start <= 0 or end <= 0:
        return None
    else:
        # two logs, not the log of the ratio: 1e-300 / 1e300 would underflow to zero
        step = (math.log(end) - math.log(start)) / periods
    return step if math.isfinite(step) else None


def history_paces(
    values: Sequence[float],
    whens: Sequence[date | None],
    unit: Period,
    *,
    points: bool = False,
) -> tuple[float, ...]:
    """Return the pace of each consecutive pair of history values, oldest first.

    Dated pairs divide by the periods between their dates (a gap of two months halves the
    change); undated pairs are one period apart.  Pairs whose pace is undefined (a zero or
    negative value in log space, two values on the same day) are left out.
    """
    paces: list[float] = []
    for i in range(1, len(values)):
        before, after = whens[i - 1], whens[i]
        periods = periods_between(before, after, unit) if before and after else 1.0
        step = pace(values[i - 1], values[i], periods, points=points)
        if step is not None:
            paces.append(step)
    return tuple(paces)


def best_pace(paces: Sequence[float], sign: int) -> float:
    """Return the largest pace in the goal's direction (``sign`` +1 or -1), at least 0."""
    return max(0.0, max((sign * p for p in paces), default=0.0))


def trend_pace(paces: Sequence[float], sign: int) -> float | None:
    """Return the median pace in the goal's direction (negative when it moves the other way)."""
    if not paces:
        return None
    ordered = sorted(sign * p for p in paces)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    # the mean of the two middle values, as statistics.median (not imported: +4 ms a start)
    return float((ordered[middle - 1] + ordered[middle]) / 2)


@record
class Judgement:
    """Required pace against history, all as magnitudes in the goal's direction."""

    required: float  # per history period, > 0 when the goal asks for progress
    best: float  # best historical pace in the goal's direction, >= 0
    factored: float  # factor × best
    noise: float  # the pace a flat metric shows on its own
    trend: float | None  # median historical pace in the goal's direction

    @property
    def allowed(self) -> float:
        """Return the most the goal may ask: factor × best, but never below the noise."""
        return max(self.factored, self.noise)

    @property
    def from_noise(self) -> bool:
        """Tell whether the allowance comes from the noise floor rather than from history."""
        return self.noise > self.factored

    @property
    def beyond(self) -> bool:
        """Tell whether the goal asks for more than history allows."""
        return self.required > self.allowed * (1 + 1e-9)

    @property
    def trend_reaches(self) -> bool:
        """Tell whether simply continuing the median pace reaches the target."""
        return self.trend is not None and self.required > 0 and self.trend >= self.required


def judge(
    required: float,
    paces: Sequence[float],
    sign: int,
    *,
    factor: float,
    unit: Period,
    points: bool = False,
) -> Judgement:
    """Compare a required pace (a magnitude in the goal's direction) with history."""
    best = best_pace(paces, sign)
    return Judgement(
        required=required,
        best=best,
        factored=factor * best,
        noise=noise_pace(unit, points=points),
        trend=trend_pace(paces, sign),
    )


def project(start: float, pace_per_period: float, periods: float, *, points: bool = False) -> float:
    """Return the level reached from ``start`` at a signed pace over ``periods``."""
    if points:
        return start + pace_per_period * periods
    return start * _exp(pace_per_period * periods)


def as_percent(log_pace: float) -> float:
    """Return a log pace as the percent change it makes in one period (ln 1.05 -> 5.0)."""
    if log_pace > MAX_EXP:
        return math.inf
    return math.expm1(log_pace) * 100


def _exp(x: float) -> float:
    return math.inf if x > MAX_EXP else math.exp(x)


def from_percent(percent: float) -> float | None:
    """Return the log pace of a percent change (5.0 -> ln 1.05), or None below -100 %."""
    if percent <= -100:
        return None
    return math.log1p(percent / 100)
