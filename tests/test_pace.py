"""The growth math: periods, paces and the article's 5 % -> 8-10 % feasible, 25 % not."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.model import Period
from smartlint.pace import (
    add_months,
    as_percent,
    best_pace,
    convert_pace,
    end_of,
    from_percent,
    history_paces,
    judge,
    months_between,
    pace,
    periods_between,
    project,
    trend_pace,
)

D = date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2021, 1, 31), 1, D(2021, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2021, 1, 31), 2, D(2021, 3, 31)),
        (D(2021, 11, 15), 3, D(2022, 2, 15)),
        (D(2021, 3, 15), -3, D(2020, 12, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2021, 2, 1), end_of(D(2021, 2, 28)), 1.0),  # February is one whole month
        (end_of(D(2021, 1, 31)), end_of(D(2021, 2, 28)), 1.0),  # month end to month end
        (D(2021, 1, 1), D(2022, 1, 1), 12.0),
        (D(2021, 1, 1), D(2021, 1, 16), 15 / 31),
        (D(2021, 1, 16), D(2021, 3, 1), 1 + 13 / 28),
        (D(2021, 3, 1), D(2021, 1, 1), -2.0),
        (D(2021, 5, 5), D(2021, 5, 5), 0.0),
    ],
)
def test_months_between(start: date, end: date, expected: float) -> None:
    assert months_between(start, end) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("start", "end", "unit", "expected"),
    [
        (D(2021, 1, 1), D(2021, 1, 15), Period.DAY, 14.0),
        (D(2021, 1, 1), D(2021, 1, 15), Period.WEEK, 2.0),
        (D(2021, 1, 1), D(2021, 7, 1), Period.QUARTER, 2.0),
        (D(2021, 1, 1), D(2022, 7, 1), Period.YEAR, 1.5),
        (D(2021, 7, 1), end_of(D(2021, 9, 30)), Period.MONTH, 3.0),
    ],
)
def test_periods_between(start: date, end: date, unit: Period, expected: float) -> None:
    assert periods_between(start, end, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("args", "points", "expected"),
    [
        ((1000, 1050, 1), False, math.log(1.05)),
        ((1000, 1100, 2), False, math.log(1.1) / 2),
        ((100, 50, 1), False, -math.log(2)),  # halving weighs as much as doubling
        ((18, 22, 4), True, 1.0),  # a rate moves in points
        ((0, 10, 1), False, None),
        ((10, -1, 1), False, None),
        ((10, 20, 0), False, None),
        ((0, 10, 2), True, 5.0),  # points do not need positive values
        ((float("nan"), 10, 1), False, None),
    ],
)
def test_pace(args: tuple[float, float, float], points: bool, expected: float | None) -> None:
    got = pace(*args, points=points)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_history_paces_undated_and_dated_gaps() -> None:
    assert history_paces([1000, 1050, 1000], [None] * 3, Period.MONTH) == pytest.approx(
        (math.log(1.05), math.log(1000 / 1050))
    )
    # a two-month gap between dated points divides the change by two
    whens = [D(2021, 1, 31), D(2021, 3, 31)]
    assert history_paces([100, 121], whens, Period.MONTH) == pytest.approx((math.log(1.1),))
    # a zero value cannot be compared in log space: its pairs are left out
    assert history_paces([0, 10, 11], [None] * 3, Period.MONTH) == pytest.approx((math.log(1.1),))
    assert history_paces([18, 19, 21], [None] * 3, Period.MONTH, points=True) == (1.0, 2.0)


@pytest.mark.parametrize(
    ("paces", "sign", "best", "trend"),
    [
        ((0.1, 0.3, -0.2), 1, 0.3, 0.1),
        ((0.1, 0.3, -0.2), -1, 0.2, -0.1),
        ((-0.1, -0.2), 1, 0.0, -0.15),  # never moved up: best is 0
        ((), 1, 0.0, None),
    ],
)
def test_best_and_trend(
    paces: tuple[float, ...], sign: int, best: float, trend: float | None
) -> None:
    assert best_pace(paces, sign) == pytest.approx(best)
    got = trend_pace(paces, sign)
    assert got == (None if trend is None else pytest.approx(trend))


# The article: visits grew 5 % last month, so 8-10 % is feasible and 25 % is not;
# exactly twice the log pace (1.05² = +10.25 %) is still allowed.
@pytest.mark.parametrize(
    ("percent", "beyond"),
    [(8, False), (10, False), (10.25, False), (10.5, True), (25, True), (3, False)],
)
def test_article_case(percent: float, beyond: bool) -> None:
    paces = history_paces([1000, 1050], [None, None], Period.MONTH)
    verdict = judge(math.log1p(percent / 100), paces, 1, factor=2.0, unit=Period.MONTH)
    assert verdict.beyond is beyond


def test_decrease_is_judged_like_increase() -> None:
    paces = history_paces([200, 190, 180], [None] * 3, Period.MONTH)  # about -5 % a month
    assert not judge(-math.log(0.9), paces, -1, factor=2.0, unit=Period.MONTH).beyond
    assert judge(-math.log(0.5), paces, -1, factor=2.0, unit=Period.MONTH).beyond


def test_flat_history_allows_only_noise() -> None:
    paces = history_paces([100, 100, 100], [None] * 3, Period.MONTH)
    verdict = judge(math.log(1.005), paces, 1, factor=2.0, unit=Period.MONTH)
    assert not verdict.beyond and verdict.from_noise
    assert judge(math.log(1.05), paces, 1, factor=2.0, unit=Period.MONTH).beyond


def test_trend_reaches() -> None:
    paces = history_paces([100, 110, 121], [None] * 3, Period.MONTH)
    assert judge(math.log(1.05), paces, 1, factor=2.0, unit=Period.MONTH).trend_reaches
    assert not judge(math.log(1.15), paces, 1, factor=2.0, unit=Period.MONTH).trend_reaches


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (0.05, Period.MONTH, Period.QUARTER, 0.15),
        (0.12, Period.YEAR, Period.MONTH, 0.01),
        (0.01, Period.WEEK, Period.WEEK, 0.01),
    ],
)
def test_convert_pace(value: float, from_unit: Period, to_unit: Period, expected: float) -> None:
    assert convert_pace(value, from_unit, to_unit) == pytest.approx(expected)


def test_project_and_percent_round_trip() -> None:
    assert project(1050, math.log(1.05) * 2, 1) == pytest.approx(1050 * 1.05**2)
    assert project(18, 0.5, 4, points=True) == pytest.approx(20)
    assert as_percent(math.log(1.056)) == pytest.approx(5.6)
    assert from_percent(-100) is None
    lp = from_percent(21)
    assert lp is not None and as_percent(lp) == pytest.approx(21)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(1, 1, 1), D(9999, 12, 31)),
        (D(9999, 12, 1), D(9999, 12, 31)),
        (D(9999, 11, 30), end_of(D(9999, 12, 31))),
        (D(1, 1, 31), D(1, 3, 1)),
    ],
)
def test_extreme_dates_never_raise(start: date, end: date) -> None:
    for unit in Period:
        assert periods_between(start, end, unit) >= 0
    assert end_of(date.max) == date.max
    assert add_months(D(9999, 12, 31), 1) == date.max
    assert add_months(D(1, 1, 1), -1) == date.min


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.dates())
def test_months_between_agrees_with_add_months(a: date, b: date) -> None:
    months = months_between(a, b)
    assert months == pytest.approx(-months_between(b, a))
    low, high = sorted((a, b))
    whole = int(months_between(low, high))
    assert add_months(low, whole) <= high
