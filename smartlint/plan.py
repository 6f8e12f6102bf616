"""The pace plan: what a goal asks for, as a pace per history period, and how it compares.

Every stage after the facts reads the frozen :class:`Plan` from here: the Achievable rules
word it, the rewrite offers the realistic level, and the chart draws the required path.
The math lives in :mod:`smartlint.pace`; this module decides which numbers to feed it:

- The **start value** is the baseline (a field, the sentence, or the last history value).
- The **periods** are counted in the history's unit (a month when there is no history),
  fractionally, from the last measurement to the end of the deadline day.  A dated point
  stands at the end of its day; an undated list's last value stands at the baseline's
  ``as_of``, else at today.  A relative target over the goal's own named period ("lên 8%
  trong tháng 2 năm 2021") is counted from that period's start instead: the change is
  measured over it, so it needs no baseline.  A relative target against a named base
  ("-15% so với quý 4 năm 2026 vào cuối quý 3 năm 2027") is not: it is counted from the
  last measurement, like a level.
- A **cadence** goal ("+5% hàng tháng") requires the change itself every cadence period.
- Counts compare in log space, rates (``facts.rate``, "18% → 22%", a change in points) in
  percentage points.  Direction is the goal's verb; for "reach" it is where the target lies.
- The goal may ask up to ``achievable_factor`` × the best historical pace in its direction,
  and never less than a noise floor (+1 %/month, 0.1 point/month) so a flat history does not
  fail a goal that asks for almost nothing.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar, cast

from smartlint import pace
from smartlint.context import Context
from smartlint.extract.time import add_months
from smartlint.facts import Facts
from smartlint.figures import rounded_level, scale_of
from smartlint.history_fit import PeriodMismatch, period_mismatch
from smartlint.model import ChangeKind, ChartData, Comparator, Direction, PacePlot, Period, Span
from smartlint.records import record

T = TypeVar("T")

CADENCE_PERIODS = 3  # how far a recurring goal's path is charted, in history periods

# --------------------------------------------------------------------------- the plan


@record
class Plan:
    """What a goal asks for, as a pace per history period."""

    required: float  # magnitude in the goal's direction, per ``unit``; <= 0 asks nothing
    sign: int  # +1 up, -1 down
    points: bool  # rate: pace in percentage points
    unit: Period
    span: Span  # where the target was written
    start: float | None  # the start value, when known
    target: float | None  # the target level, when known
    periods: float | None  # None for a cadence goal
    deadline: date | None
    cadence: Period | None
    held: bool = False  # a bound the start value already meets: the goal holds it


class Lack(enum.Enum):
    """What keeps the pace from being computed."""

    TARGET = "target"  # no target
    DEADLINE = "deadline"  # no deadline or cadence
    BASELINE = "baseline"  # the metric's current value is unknown
    FROM_ZERO = "from-zero"  # a count of new things from zero has no growth rate
    NOT_POSITIVE = "not-positive"  # growth between values at or below zero
    NOT_AFTER = "not-after"  # the deadline is not after the last measurement (or the start)


@record
class Reason:
    """One fact the pace lacks, with the values a message about it shows."""

    lack: Lack
    value: float | None = None  # NOT_POSITIVE: the value at or below zero (None: zero)
    deadline: date | None = None  # NOT_AFTER: the deadline
    since: date | None = None  # NOT_AFTER: the day of the last measurement, or the start
    measured: bool = True  # NOT_AFTER: ``since`` is the last measurement, not the start


@record
class Missing:
    """Why the pace cannot be computed: one reason per missing fact (the rules word them)."""

    reasons: tuple[Reason, ...]


def _is_rate(facts: Facts) -> bool:
    target = facts.target
    if target is None:
        return False
    kind = target.value.kind
    if kind is ChangeKind.POINTS:
        return True
    if kind not in (ChangeKind.LEVEL, ChangeKind.DELTA):
        return False  # a relative change of a rate is still a ratio
    if facts.rate:
        return True
    # "xuống 5%", "to 3%", "từ 18% lên 22%": a level written in percent is a rate's level
    reading = facts.reading
    baseline_percent = bool(reading and reading.baseline and reading.baseline.percent)
    return (kind is ChangeKind.LEVEL and "%" in target.value.where.text) or baseline_percent


def _measured_at(facts: Facts, today: date) -> date:
    """Return the day the start value was measured (see the module docs)."""
    days: list[date] = []
    history = facts.history
    if history is not None and history.points and history.points[-1].when is not None:
        days.append(history.points[-1].when)
    if facts.baseline_as_of is not None:
        days.append(facts.baseline_as_of)
    return max(days) if days else today


def _ratio_of(kind: ChangeKind, value: float, start: float | None) -> float | None:
    """Return the end/start ratio a relative change asks for, when it is defined."""
    if kind is ChangeKind.PERCENT:
        return 1 + value / 100
    if kind is ChangeKind.FACTOR:
        return value
    if kind is ChangeKind.DELTA and start is not None and start > 0:
        return (start + value) / start
    return None


def _sign(facts: Facts, raw: float) -> int:
    if facts.direction is Direction.INCREASE:
        return 1
    if facts.direction is Direction.DECREASE:
        return -1
    return 1 if raw >= 0 else -1


def plan_for(facts: Facts, ctx: Context) -> Plan | Missing:
    """Return the goal's plan, computed once per run for every rule and chart that reads it."""
    return _once("plan", facts, ctx, lambda: plan_goal(facts, ctx.today))


def _once(name: str, facts: Facts, ctx: Context, compute: Callable[[], T]) -> T:
    """Return what ``compute`` gives for the goal, computed once per run: the run's derived
    values keep it under ``name`` and the goal's index."""
    key = (name, facts.goal.index)
    if key not in ctx.derived:
        ctx.derived[key] = compute()
    return cast(T, ctx.derived[key])


def plan_goal(facts: Facts, today: date) -> Plan | Missing:
    """Return the pace the goal requires per history period, or why it cannot be told."""
    unit = facts.history.period if facts.history is not None else Period.MONTH
    target = facts.target
    if target is None:
        return Missing((Reason(Lack.TARGET),))
    change = target.value
    points = _is_rate(facts)
    start = facts.baseline.value if facts.baseline is not None else None
    level = facts.target_level
    # A bound the metric already meets is a hold; one not yet met is a change from the last
    # value to the bound (judged below like any level).
    held = (
        facts.is_bound
        and change.kind is ChangeKind.LEVEL
        and start is not None
        and _meets(facts.comparator, start, change.value)
    )
    if held:
        up = facts.comparator is None or facts.comparator.upward
        return Plan(
            required=0.0,
            sign=1 if up else -1,
            points=points,
            unit=unit,
            span=target.span,
            start=start,
            target=change.value,
            periods=None,
            deadline=facts.deadline.value.end if facts.deadline is not None else None,
            cadence=facts.cadence.value if facts.cadence is not None else None,
            held=True,
        )

    if facts.cadence is not None and change.kind is not ChangeKind.LEVEL:
        per_cadence: float | None
        if change.kind is ChangeKind.DELTA and start is None:
            return Missing((Reason(Lack.BASELINE),))
        if change.kind is ChangeKind.POINTS:
            per_cadence, points = change.value, True
        elif points:  # a delta of a rate
            per_cadence = change.value
        else:
            ratio = _ratio_of(change.kind, change.value, start)
            per_cadence = math.log(ratio) if ratio is not None and ratio > 0 else None
        if per_cadence is None:
            return Missing((Reason(Lack.NOT_POSITIVE, value=start),))
        raw = pace.convert_pace(per_cadence, facts.cadence.value, unit)
        return _plan(facts, raw, points, unit, start, level, cadence=facts.cadence.value)

    missing: list[Reason] = []
    deadline = facts.deadline.value.end if facts.deadline is not None else None
    if deadline is None and facts.is_bound and facts.cadence is not None:
        # A recurring bound ("≥ 99.95% mỗi tháng") is checked at the end of its next period.
        deadline = _period_after(_measured_at(facts, today), facts.cadence.value)
    if deadline is None:
        missing.append(Reason(Lack.DEADLINE))
    # A relative change over the goal's own period is measured from that period's start;
    # against a named base ("so với quý 4 năm 2026") it runs from the base's measurement.
    own_period = (
        change.kind is not ChangeKind.LEVEL
        and facts.period_start is not None
        and facts.base is None
    )
    needs_start = change.kind in (ChangeKind.LEVEL, ChangeKind.DELTA) or points
    if start is None and needs_start:
        missing.append(Reason(Lack.BASELINE))
    if missing:
        return Missing(tuple(missing))
    assert deadline is not None

    if own_period:
        assert facts.period_start is not None
        begin = facts.period_start
    else:
        begin = pace.end_of(_measured_at(facts, today))
    periods = pace.periods_between(begin, pace.end_of(deadline), unit)
    if periods <= 0:
        return Missing((_not_after(deadline, begin, measured=not own_period),))

    raw_pace: float | None
    if points:
        assert start is not None
        end_level = level if level is not None else start
        raw_pace = pace.pace(start, end_level, periods, points=True)
    elif change.kind is ChangeKind.LEVEL:
        assert start is not None
        raw_pace = pace.pace(start, change.value, periods)
    else:
        ratio = _ratio_of(change.kind, change.value, start)
        raw_pace = pace.pace(1.0, ratio, periods) if ratio is not None else None
    if raw_pace is None:
        if facts.implied_zero_baseline and not start:
            return Missing((Reason(Lack.FROM_ZERO),))
        return Missing(
            (Reason(Lack.NOT_POSITIVE, value=start if start is not None and start <= 0 else level),)
        )
    return _plan(facts, raw_pace, points, unit, start, level, periods=periods, deadline=deadline)


def _plan(
    facts: Facts,
    raw: float,
    points: bool,
    unit: Period,
    start: float | None,
    level: float | None,
    *,
    periods: float | None = None,
    deadline: date | None = None,
    cadence: Period | None = None,
) -> Plan:
    """Return the plan of a pace ``raw`` in the goal's direction: over ``periods`` to a
    deadline, or per ``cadence``."""
    assert facts.target is not None
    sign = _sign(facts, raw)
    return Plan(
        required=sign * raw,
        sign=sign,
        points=points,
        unit=unit,
        span=facts.target.span,
        start=start,
        target=level,
        periods=periods,
        deadline=deadline,
        cadence=cadence,
    )


def _period_after(day: date, period: Period) -> date:
    """Return the day one period after ``day``."""
    if period is Period.DAY:
        return day + timedelta(days=1)
    if period is Period.WEEK:
        return day + timedelta(weeks=1)
    return add_months(day, {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period])


def _meets(comparator: Comparator | None, value: float, level: float) -> bool:
    """Tell whether a value already satisfies a bound ("≥ 95%" is met by 96%)."""
    close = abs(value - level) <= 1e-9 * max(1.0, abs(level))
    if comparator is Comparator.AT_LEAST:
        return value >= level or close
    if comparator is Comparator.MORE_THAN:
        return value > level
    if comparator is Comparator.AT_MOST:
        return value <= level or close
    if comparator is Comparator.LESS_THAN:
        return value < level
    return close  # a standard stated as a level is held when the metric stands at it


def history_paces(facts: Facts, plan: Plan) -> tuple[float, ...]:
    """Return the paces the goal's history shows, in the plan's unit and space."""
    history = facts.history
    if history is None:
        return ()
    values = [p.value for p in history.points]
    whens = [p.when for p in history.points]
    return pace.history_paces(values, whens, history.period, points=plan.points)


def has_history(facts: Facts) -> bool:
    """Tell whether the goal has at least two history values to take a pace from."""
    return facts.history is not None and len(facts.history.points) >= 2


def mismatch_for(facts: Facts, ctx: Context) -> PeriodMismatch | None:
    """Return how the history's period disagrees with the goal's level, once per run."""
    return _once("history-fit", facts, ctx, lambda: period_mismatch(facts))


def judge_goal(facts: Facts, ctx: Context) -> tuple[Plan, pace.Judgement] | None:
    """Judge the goal's required pace against its history, or None when it cannot be (also
    when the history measures a different period's total than the goal: A308); once per run,
    for the rules, the realistic level and the rewrite that all ask."""
    return _once("judged", facts, ctx, lambda: _judged(facts, ctx))


def _judged(facts: Facts, ctx: Context) -> tuple[Plan, pace.Judgement] | None:
    plan = plan_for(facts, ctx)
    if isinstance(plan, Missing) or plan.required <= 0 or not has_history(facts):
        return None
    if mismatch_for(facts, ctx) is not None:
        return None
    paces = history_paces(facts, plan)
    if not paces:
        return None
    verdict = pace.judge(
        plan.required,
        paces,
        plan.sign,
        factor=ctx.options.achievable_factor,
        unit=plan.unit,
        points=plan.points,
    )
    return plan, verdict


def realistic_level(facts: Facts, ctx: Context) -> float | None:
    """Return the level the history makes reachable by the deadline, when the goal asks more,
    rounded as every report shows it (toward the start: never more than the pace allows)."""
    judged = judge_goal(facts, ctx)
    if judged is None or not judged[1].beyond:
        return None
    plan, verdict = judged
    if plan.periods is None or plan.start is None:
        return None
    return _reachable(facts, plan, verdict.allowed, plan.periods)


def _reachable(facts: Facts, plan: Plan, allowed: float, periods: float) -> float:
    """Return the level ``allowed`` (a pace magnitude) reaches, rounded as it is shown."""
    assert plan.start is not None
    level = pace.project(plan.start, plan.sign * allowed, periods, points=plan.points)
    return rounded_level(level, scale_of(facts), start=plan.start, reachable=True)


def shown_target(facts: Facts, plan: Plan) -> float | None:
    """Return the plan's target level rounded as every report shows it (a count whole,
    away from the start: the goal is met only there)."""
    if plan.target is None:
        return None
    return rounded_level(plan.target, scale_of(facts), start=plan.start)


def chart_data(facts: Facts, ctx: Context) -> ChartData | None:
    """Return what the goal's history chart shows, or None when it has no pace to show."""
    plan = plan_for(facts, ctx)
    if not isinstance(plan, Plan) or mismatch_for(facts, ctx) is not None:
        return None
    history = tuple(p.value for p in facts.history.points) if facts.history is not None else ()
    start = plan.start if plan.start is not None else (history[-1] if history else None)
    if start is None:
        return None
    periods = plan.periods if plan.periods is not None else float(CADENCE_PERIODS)
    end = _path_end(facts, plan, start, periods)
    return ChartData(history, start, end, periods, plan.points)


def _path_end(facts: Facts, plan: Plan, start: float, periods: float) -> float:
    """Return where the required path ends: the target as shown, for a goal with one."""
    end = pace.project(start, plan.sign * plan.required, periods, points=plan.points)
    if plan.periods is not None and plan.target is not None and plan.start == start:
        shown = shown_target(facts, plan)
        if shown is not None and math.isfinite(shown):
            return shown  # the same digits as the message and the rewrite
    return end


def _not_after(deadline: date, begin: date, *, measured: bool) -> Reason:
    """Say that the deadline is not after ``begin`` (the end of the measurement day, or the start)."""
    since = date.fromordinal(begin.toordinal() - 1) if measured else begin
    return Reason(Lack.NOT_AFTER, deadline=deadline, since=since, measured=measured)


def pace_plot(facts: Facts, ctx: Context) -> PacePlot | None:
    """Return the data of one goal's chart for the HTML report, or None with no pace to show.

    The same plan as :func:`chart_data`, plus where the realistic pace (the factor times the
    best historical pace, as Achievable judges) would lead over the same periods.
    """
    plan = plan_for(facts, ctx)
    if not isinstance(plan, Plan) or facts.history is None or mismatch_for(facts, ctx):
        return None
    points = facts.history.points
    history = tuple(p.value for p in points if math.isfinite(p.value))
    start = plan.start if plan.start is not None else (history[-1] if history else None)
    if start is None or not math.isfinite(start):
        return None
    periods = plan.periods if plan.periods is not None else float(CADENCE_PERIODS)
    if not math.isfinite(periods) or periods <= 0:
        return None
    end = _path_end(facts, plan, start, periods)
    if not math.isfinite(end):
        return None
    judged = judge_goal(facts, ctx)
    realistic = None
    if judged is not None:
        level = pace.project(start, plan.sign * judged[1].allowed, periods, points=plan.points)
        if math.isfinite(level):
            realistic = rounded_level(level, scale_of(facts), start=start, reachable=True)
    return PacePlot(
        history=history,
        history_end=points[-1].when if points else None,
        period=facts.history.period,
        start=start,
        end=end,
        periods=periods,
        points=plan.points,
        realistic=realistic,
        factor=ctx.options.achievable_factor,
        deadline=plan.deadline,
        cadence=plan.cadence,
    )
