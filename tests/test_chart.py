"""The mini-chart: history then the required path, one scale, pinned widths, golden files.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/chart/*.txt after a deliberate change.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.context import Context, build_goal_set
from smartlint.engine import RunSettings, lint_parsed
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
    TimeRef,
)
from smartlint.parser import parse_text
from smartlint.reporters.chart import BLOCKS, chart_for, draw_chart, render_chart
from smartlint.reporters.pretty import CHART_WIDTH

GOLDEN = Path(__file__).parent / "golden" / "chart"

# name -> (history, start, target, periods, width, options)
CASES: dict[str, tuple[list[float], float | None, float, float, int, dict[str, object]]] = {
    "article-25pct": ([1000, 1050], 1050, 1312.5, 1, 40, {}),
    "article-8pct": ([1000, 1050], 1050, 1134, 1, 40, {}),
    "growth-vi": (
        [1000, 1050, 1100, 1180, 1200, 1300],
        None,
        2000,
        6,
        40,
        {"language": Language.VI},
    ),
    "long-history-narrow": ([float(v) for v in range(1, 100)], None, 300, 50, 20, {}),
    "decrease": ([200, 190, 185, 180], 180, 90, 3, 40, {}),
    "rate-points-ascii": ([18, 19, 20], 20, 22, 3, 30, {"points": True, "ascii_only": True}),
    "no-history": ([], 100, 50, 4, 30, {}),
    "flat": ([5, 5], 5, 5, 2, 20, {}),
}


def _render(name: str) -> str:
    history, start, target, periods, width, options = CASES[name]
    return render_chart(history, start, target, periods, width, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    got = _render(name) + "\n"
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 13, 40, 200])
def test_never_wider_than_asked(name: str, width: int) -> None:
    history, start, target, periods, _, options = CASES[name]
    got = render_chart(history, start, target, periods, width, **options)  # type: ignore[arg-type]
    assert len(got) <= width
    assert "\n" not in got


def test_deterministic_and_pure() -> None:
    assert _render("growth-vi") == _render("growth-vi")


def test_history_then_path_on_one_scale() -> None:
    got = render_chart([1000, 1050], 1050, 1312.5, 1, 40)
    assert got == "▁▂┊█ 1,000–1,313"
    assert got[0] == BLOCKS[0] and got[3] == BLOCKS[-1]


def test_nothing_to_draw() -> None:
    assert render_chart([], None, 10, 1, 40) == ""
    assert render_chart([1, 2], float("nan"), 10, 1, 40) == ""
    assert render_chart([1, 2], None, 10, 1, 1) == ""


def _facts(history: list[float], percent: float) -> Facts:
    span = Span(1, 1, 1, 2)
    points = tuple(HistoryPoint(v, None, span) for v in history)
    return Facts(
        goal=Goal(path="g.yaml", span=span, index=0),
        reading=None,
        language=Language.EN,
        metric=None,
        quantity_count=1,
        baseline=Located(history[-1], span, "history"),
        baseline_as_of=None,
        implied_zero_baseline=False,
        target=Located(Change(ChangeKind.PERCENT, percent, Snip(0, 1, "x")), span, "sentence"),
        direction=Direction.INCREASE,
        deadline=Located(
            TimeRef(Snip(0, 1, "x"), date(2021, 2, 28), date(2021, 2, 1)), span, "sentence"
        ),
        start=None,
        cadence=None,
        base=None,
        placeholders=(),
        rate=False,
        history=History(Period.MONTH, points, span),
        conflicts=(),
    )


def test_chart_for_a_goal() -> None:
    facts = _facts([1000, 1050], 25)
    ctx = Context(today=date(2021, 1, 15), goals=build_goal_set((facts,)))
    got = chart_for(facts, ctx, 40)
    assert got == "▁▂┊█ 1,000–1,313"


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=30),
    start=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    target=st.floats(allow_nan=True, allow_infinity=True),
    periods=st.floats(allow_nan=True, allow_infinity=True),
    width=st.integers(min_value=-5, max_value=120),
    points=st.booleans(),
)
def test_never_crashes_and_fits(
    history: list[float],
    start: float | None,
    target: float,
    periods: float,
    width: int,
    points: bool,
) -> None:
    got = render_chart(history, start, target, periods, width, points=points)
    assert len(got) <= max(width, 0)


@pytest.mark.parametrize(
    ("language", "expected"),
    [(Language.VI, "▁▃┊▅▆▇█ 1,6 tỷ–2,5 tỷ"), (Language.EN, "▁▃┊▅▆▇█ 1.6B–2.5B")],
)
def test_large_numbers_get_short_labels(language: Language, expected: str) -> None:
    assert render_chart([1.6e9, 1.8e9], 2e9, 2.5e9, 4, 40, language=language) == expected


HISTORY_GOAL = """\
goals:
  - id: signups
    title: Increase weekly signups from 1,000 to 1,300 by 2027-06-30
    why: Growth
    start: 2026-07-01
    history: {2026-10: 1000, 2026-11: 1020, 2026-12: 1050}
"""


def test_charts_are_drawn_only_when_a_report_shows_them(tmp_path: Path) -> None:
    parsed = parse_text(HISTORY_GOAL, "g.yaml")
    on = lint_parsed([parsed], RunSettings(today=date(2027, 1, 15)))
    off = lint_parsed([parsed], RunSettings(today=date(2027, 1, 15), chart=False))
    assert on.files[0].goals[0].chart
    assert off.files[0].goals[0].chart is None
    assert on.files[0].goals[0].findings == off.files[0].goals[0].findings

    goals = tmp_path / "g.yaml"
    goals.write_text(HISTORY_GOAL, encoding="utf-8")
    both = run_cli_in_process(
        "--today",
        "2027-01-15",
        "-f",
        "pretty",
        "--report",
        f"json:{tmp_path / 'r.json'}",
        str(goals),
    )
    drawn = draw_chart(on.files[0].goals[0].chart, CHART_WIDTH)
    assert drawn in both.stdout  # pretty beside json still charts
