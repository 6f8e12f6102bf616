"""Achievable rules on hand-built facts: the article's case, decreases, rates, cadences, skips."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.context import Context, Options, build_goal_set
from smartlint.facts import Facts, Located
from smartlint.model import (
    Change,
    ChangeKind,
    Direction,
    Goal,
    History,
    HistoryPoint,
    Language,
    Period,
    Snip,
    Span,
    Text,
    TimeRef,
    Violation,
)
from smartlint.plan import Missing, Plan, plan_goal
from smartlint.rules import achievable

SPAN = Span(1, 1, 1, 10)
TARGET_SPAN = Span(1, 20, 1, 24)
TODAY = date(2021, 1, 15)


def facts(
    *,
    target: tuple[ChangeKind, float] | None = None,
    baseline: float | None = None,
    as_of: date | None = None,
    deadline: date | None = None,
    period_start: date | None = None,
    cadence: Period | None = None,
    history: list[float] | None = None,
    dated: list[date] | None = None,
    period: Period = Period.MONTH,
    direction: Direction | None = None,
    rate: bool = False,
    language: Language = Language.EN,
    metric: str | None = None,
) -> Facts:
    """Build the facts of one goal by hand, as the extraction stage would."""
    hist = None
    if history is not None:
        whens: list[date | None] = list(dated) if dated else [None] * len(history)
        points = tuple(HistoryPoint(v, w, SPAN) for v, w in zip(history, whens, strict=True))
        hist = History(period, points, SPAN)
    change = None
    if target is not None:
        kind, value = target
        snip = Snip(0, 3, f"{value:g}%" if kind is ChangeKind.PERCENT else f"{value:g}")
        change = Located(Change(kind, value, snip), TARGET_SPAN, "sentence")
    ref = None
    if deadline is not None:
        ref = Located(TimeRef(Snip(0, 1, "x"), deadline, period_start), SPAN, "sentence")
    goal = Goal(path="goals.yaml", span=SPAN, index=0, title=Text("goal", SPAN, exact=False))
    return Facts(
        goal=goal,
        reading=None,
        language=language,
        metric=Located(metric, SPAN, "field") if metric else None,
        quantity_count=1,
        baseline=Located(baseline, SPAN, "field") if baseline is not None else None,
        baseline_as_of=as_of,
        implied_zero_baseline=False,
        target=change,
        direction=direction,
        deadline=ref,
        start=None,
        cadence=Located(cadence, SPAN, "sentence") if cadence else None,
        base=None,
        placeholders=(),
        rate=rate,
        history=hist,
        conflicts=(),
    )


def ctx(f: Facts, **options: float) -> Context:
    """Return the context of a one-goal set."""
    return Context(today=TODAY, goals=build_goal_set((f,)), options=Options(**options))  # type: ignore[arg-type]


def run(name: str, f: Facts, **options: float) -> list[Violation]:
    """Run one Achievable rule by name."""
    rule = next(r for r in achievable.RULES if r.name == name)
    assert rule.check is not None
    return list(rule.check(f, ctx(f, **options)))


def fired(f: Facts, **options: float) -> set[str]:
    """Return the names of the Achievable rules that fire."""
    names = set()
    for rule in achievable.RULES:
        assert rule.check is not None
        if list(rule.check(f, ctx(f, **options))):
            names.add(rule.name)
    return names


FEB = dict(deadline=date(2021, 2, 28), period_start=date(2021, 2, 1))
ARTICLE = dict(history=[1000.0, 1050.0], baseline=1050.0, direction=Direction.INCREASE, **FEB)


# --------------------------------------------------------------------------- the article


@pytest.mark.parametrize(
    ("percent", "names"),
    [
        (8, set()),
        (10, set()),
        (25, {"growth-beyond-history"}),
        (3, {"trend-reaches-target"}),
    ],
)
def test_article_case(percent: float, names: set[str]) -> None:
    f = facts(target=(ChangeKind.PERCENT, percent), **ARTICLE)  # type: ignore[arg-type]
    assert fired(f) == names


def test_growth_beyond_history_message_en() -> None:
    f = facts(target=(ChangeKind.PERCENT, 25), **ARTICLE)  # type: ignore[arg-type]
    [v] = run("growth-beyond-history", f)
    assert v.span == TARGET_SPAN
    assert v.message == (
        "Needs +25%/month (1,050 → 1,313 by 28 Feb 2021); the best month so far was +5%."
    )
    assert v.suggestion == "At twice the best month's pace: ≈ 1,157 by 28 Feb 2021 (+10.2%)."


def test_growth_beyond_history_message_vi() -> None:
    f = facts(target=(ChangeKind.PERCENT, 25), language=Language.VI, **ARTICLE)  # type: ignore[arg-type]
    [v] = run("growth-beyond-history", f)
    assert v.message == ("Cần +25%/tháng (1.050 → 1.313 vào 28/02/2021); tháng tốt nhất mới +5%.")
    assert v.suggestion == ("Với tốc độ gấp đôi tháng tốt nhất: ≈ 1.157 vào 28/02/2021 (+10,2%).")


def test_factor_option_changes_the_allowance() -> None:
    f = facts(target=(ChangeKind.PERCENT, 10), **ARTICLE)  # type: ignore[arg-type]
    assert "growth-beyond-history" in fired(f, achievable_factor=1.5)
    [v] = run("growth-beyond-history", f, achievable_factor=1.5)
    assert "1.5× the best month" in v.suggestion


# --------------------------------------------------------------------------- the periods


def test_level_target_counts_from_today_for_undated_history() -> None:
    # 1050 at the end of 15 Jan -> 1,312.5 at the end of 31 Mar: 2 + 16/31 months
    f = facts(
        target=(ChangeKind.LEVEL, 1312.5),
        baseline=1050,
        deadline=date(2021, 3, 31),
        history=[1000, 1050],
    )
    plan = plan_goal(f, TODAY)
    assert isinstance(plan, Plan)
    assert plan.periods == pytest.approx(2 + 16 / 31)
    assert fired(f) == set()


def test_dated_history_counts_from_its_last_point() -> None:
    f = facts(
        target=(ChangeKind.LEVEL, 1300),
        baseline=1050,
        deadline=date(2021, 4, 30),
        history=[1000, 1050],
        dated=[date(2020, 11, 30), date(2020, 12, 31)],
    )
    plan = plan_goal(f, TODAY)
    assert isinstance(plan, Plan) and plan.periods == pytest.approx(4)


def test_baseline_as_of_places_an_undated_history() -> None:
    f = facts(
        target=(ChangeKind.LEVEL, 1300),
        baseline=1050,
        as_of=date(2020, 12, 31),
        deadline=date(2021, 3, 31),
        history=[1000, 1050],
    )
    plan = plan_goal(f, TODAY)
    assert isinstance(plan, Plan) and plan.periods == pytest.approx(3)


def test_quarterly_history_counts_in_quarters() -> None:
    f = facts(
        target=(ChangeKind.PERCENT, 15),
        history=[100, 110, 120],
        period=Period.QUARTER,
        deadline=date(2021, 9, 30),
        period_start=date(2021, 7, 1),
    )
    plan = plan_goal(f, TODAY)
    assert isinstance(plan, Plan) and plan.periods == pytest.approx(1)
    assert fired(f) == set()


# --------------------------------------------------------------------------- directions, rates


def test_decrease_is_judged_in_log_space() -> None:
    base = dict(
        baseline=180.0,
        deadline=date(2021, 2, 28),
        history=[200.0, 190.0, 180.0],
        direction=Direction.DECREASE,
    )
    assert fired(facts(target=(ChangeKind.LEVEL, 160), **base)) == set()  # type: ignore[arg-type]
    halve = facts(target=(ChangeKind.FACTOR, 0.5), **base)  # type: ignore[arg-type]
    assert fired(halve) == {"growth-beyond-history"}
    [v] = run("growth-beyond-history", halve)
    assert "-" in v.message and "the best month so far was -5.3%" in v.message


def test_rate_compares_points() -> None:
    # conversion 18% -> 22% over ~3.5 months: about +1.1 point a month; history +0.5/month
    base = dict(baseline=18.0, deadline=date(2021, 4, 30), rate=True)
    f = facts(target=(ChangeKind.LEVEL, 22), history=[17.0, 17.5, 18.0], **base)  # type: ignore[arg-type]
    [v] = run("growth-beyond-history", f)
    assert "points/month" in v.message and "+0.5 points" in v.message
    ok = facts(target=(ChangeKind.LEVEL, 22), history=[16.0, 17.0, 18.0], **base)  # type: ignore[arg-type]
    assert fired(ok) == set()


def test_flat_history_fails_real_progress_but_not_noise() -> None:
    base = dict(baseline=100.0, history=[100.0, 100.0, 100.0], **FEB)
    f = facts(target=(ChangeKind.PERCENT, 10), **base)  # type: ignore[arg-type]
    [v] = run("growth-beyond-history", f)
    assert "no month so far moved it up" in v.message
    assert v.suggestion.startswith("At the pace a flat metric drifts (+1%/month)")
    assert fired(facts(target=(ChangeKind.PERCENT, 0.5), **base)) == set()  # type: ignore[arg-type]


def test_cadence_is_converted_to_the_history_unit() -> None:
    # +5% a week is about +23.6% a month against a best month of +5%
    f = facts(target=(ChangeKind.PERCENT, 5), cadence=Period.WEEK, history=[1000, 1050])
    [v] = run("growth-beyond-history", f)
    assert v.message == "Needs +5%/week (≈ +23.6%/month); the best month so far was +5%."
    assert v.suggestion == "At twice the best month's pace: ≈ +2.3% every week."
    monthly = facts(target=(ChangeKind.PERCENT, 5), cadence=Period.MONTH, history=[1000, 1050])
    assert fired(monthly) == {"trend-reaches-target"}


# --------------------------------------------------------------------------- skips


def test_no_history_names_the_history_to_add() -> None:
    f = facts(
        target=(ChangeKind.PERCENT, 10),
        metric="organic search visits",
        **FEB,  # type: ignore[arg-type]
    )
    assert fired(f) == {"no-history"}
    [v] = run("no-history", f)
    assert "per month" in v.suggestion and "organic search visits" in v.suggestion
    vi = replace(f, language=Language.VI)
    [v] = run("no-history", vi)
    assert v.suggestion.startswith("Thêm `history:` với giá trị theo tháng của organic")


def test_single_history_value_is_no_history() -> None:
    f = facts(target=(ChangeKind.PERCENT, 10), history=[1000], **FEB)  # type: ignore[arg-type]
    assert fired(f) == {"no-history"}


@pytest.mark.parametrize(
    ("f", "part"),
    [
        (facts(baseline=10, deadline=date(2021, 3, 31)), "there is no target"),
        (facts(target=(ChangeKind.LEVEL, 20), baseline=10), "no deadline or cadence"),
        (
            facts(target=(ChangeKind.LEVEL, 20), deadline=date(2021, 3, 31)),
            "current value is unknown",
        ),
        (
            facts(target=(ChangeKind.LEVEL, 20), baseline=0, deadline=date(2021, 3, 31)),
            "above zero (here: 0)",
        ),
        (
            facts(target=(ChangeKind.LEVEL, 20), baseline=10, deadline=date(2021, 1, 10)),
            "not after the last measurement",
        ),
        (
            facts(
                target=(ChangeKind.LEVEL, 20),
                baseline=10,
                deadline=date(2021, 3, 31),
                history=[0, 0, 10],
            ),
            "no two consecutive values above zero",
        ),
        (
            facts(target=(ChangeKind.DELTA, 20), cadence=Period.MONTH),
            "current value is unknown",
        ),
    ],
)
def test_not_enough_data(f: Facts, part: str) -> None:
    assert fired(f) == {"not-enough-data"}
    [v] = run("not-enough-data", f)
    assert part in v.message and v.message.startswith("Cannot judge achievability: ")


def test_not_enough_data_lists_every_missing_fact_in_vietnamese() -> None:
    f = facts(target=(ChangeKind.LEVEL, 20), language=Language.VI)
    [v] = run("not-enough-data", f)
    assert v.message == (
        "Chưa đánh giá được tính khả thi: chưa có thời hạn hay chu kỳ;"
        " chưa biết giá trị hiện tại của chỉ số."
    )
    assert v.suggestion.startswith("Thêm thời hạn")


def test_relative_target_over_its_own_period_needs_no_baseline() -> None:
    f = facts(target=(ChangeKind.PERCENT, 15), history=[100, 104, 108], **FEB)  # type: ignore[arg-type]
    assert isinstance(plan_goal(f, TODAY), Plan)
    [v] = run("growth-beyond-history", f)
    assert v.suggestion.startswith("At twice the best month's pace: ≈ +8.2% by 28 Feb 2021")


# --------------------------------------------------------------------------- advice


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ((ChangeKind.LEVEL, 60000), {"no-history", "extreme-growth"}),  # ×60 in 2.5 months
        ((ChangeKind.LEVEL, 3000), {"no-history", "extreme-growth"}),  # +55 %/month
        ((ChangeKind.LEVEL, 1100), {"no-history"}),
        ((ChangeKind.LEVEL, 50), {"no-history", "extreme-growth"}),  # ÷20 is as extreme
    ],
)
def test_extreme_growth_without_history(
    target: tuple[ChangeKind, float], expected: set[str]
) -> None:
    f = facts(target=target, baseline=1000, deadline=date(2021, 3, 31))
    assert fired(f) == expected


def test_extreme_growth_message() -> None:
    f = facts(target=(ChangeKind.LEVEL, 60000), baseline=1000, deadline=date(2021, 3, 31))
    [v] = run("extreme-growth", f)
    assert v.message == (
        "The target needs extreme growth (+409%/month and ×60 overall) with no history to back it."
    )


def test_target_already_reached() -> None:
    f = facts(
        target=(ChangeKind.LEVEL, 10000),
        baseline=12000,
        deadline=date(2021, 7, 31),
        direction=Direction.INCREASE,
    )
    # without history the verdict stays skip (no-history), the note says the target is reached
    assert fired(f) == {"target-already-reached", "no-history"}
    [v] = run("target-already-reached", replace(f, language=Language.VI))
    assert v.message == "Mục tiêu 10.000 đã đạt: giá trị hiện tại là 12.000."


def test_trend_reaches_target_message() -> None:
    f = facts(target=(ChangeKind.PERCENT, 5), history=[1000, 1100, 1210], **FEB)  # type: ignore[arg-type]
    [v] = run("trend-reaches-target", f)
    assert v.message == (
        "The target needs only +5%/month, while the current trend is already +10%/month."
    )


def test_missing_is_a_value() -> None:
    plan = plan_goal(facts(), TODAY)
    assert isinstance(plan, Missing) and len(plan.reasons) == 1


# --------------------------------------------------------------------------- robustness

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -1.0, 1e-300, 1e300, 100.0]),
)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(ChangeKind)),
    value=numbers,
    baseline=st.one_of(st.none(), numbers),
    history=st.one_of(st.none(), st.lists(numbers, max_size=5)),
    deadline=st.one_of(st.none(), st.dates()),
    start=st.one_of(st.none(), st.dates()),
    cadence=st.one_of(st.none(), st.sampled_from(list(Period))),
    period=st.sampled_from(list(Period)),
    direction=st.one_of(st.none(), st.sampled_from(list(Direction))),
    rate=st.booleans(),
    language=st.sampled_from(list(Language)),
)
def test_never_crashes(
    kind: ChangeKind,
    value: float,
    baseline: float | None,
    history: list[float] | None,
    deadline: date | None,
    start: date | None,
    cadence: Period | None,
    period: Period,
    direction: Direction | None,
    rate: bool,
    language: Language,
) -> None:
    f = facts(
        target=(kind, value),
        baseline=baseline,
        history=history,
        deadline=deadline,
        period_start=start,
        cadence=cadence,
        period=period,
        direction=direction,
        rate=rate,
        language=language,
    )
    skips = 0
    for rule in achievable.RULES:
        assert rule.check is not None
        for v in rule.check(f, ctx(f)):
            assert v.message and v.suggestion
            skips += rule.effect.value == "skip"
    assert skips <= 1  # one skip finding at most says why
