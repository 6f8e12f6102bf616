"""The goal tree: parents above children, S M A R T marks, pinned widths, golden files.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/tree/*.txt after a deliberate change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import assert_scales_linearly

from smartlint.model import (
    SMART,
    FileResult,
    Goal,
    GoalResult,
    Language,
    Report,
    Span,
    Text,
    Verdict,
)
from smartlint.reporters.base import RenderContext
from smartlint.reporters.tree import render_tree

GOLDEN = Path(__file__).parent / "golden" / "tree"
V = {"p": Verdict.PASS, "f": Verdict.FAIL, "s": Verdict.SKIP}


def goal(
    index: int,
    marks: str,
    title: str | None,
    *,
    gid: str | None = None,
    parent: str | None = None,
    nested: bool = False,
    column: int = 5,
    path: str = "goals.yaml",
) -> GoalResult:
    """Build one goal result: ``marks`` holds five of p/f/s for S M A R T."""
    line = index * 3 + 2
    span = Span(line, column, line, column + 1)

    def text(value: str | None) -> Text | None:
        return Text(value, span) if value is not None else None

    g = Goal(
        path=path,
        span=span,
        index=index,
        id=text(gid),
        title=text(title),
        parent=text(parent),
        parent_from_nesting=nested,
    )
    verdicts = tuple((c, V[m]) for c, m in zip(SMART, marks, strict=True))
    return GoalResult(goal=g, language=Language.VI, verdicts=verdicts, rewrite=None)


def report(*goals: GoalResult) -> Report:
    """Wrap goal results in a one-file report (or several, by path)."""
    paths: dict[str, list[GoalResult]] = {}
    for g in goals:
        paths.setdefault(g.goal.path, []).append(g)
    files = tuple(FileResult(p, tuple(gs), ()) for p, gs in paths.items())
    return Report(files=files, today=date(2021, 1, 15))


SEED = report(
    goal(0, "ffsff", "Tăng số lượng người ghé thăm trang blog", gid="seed-01"),
    goal(1, "ppsfp", "Tăng doanh thu lên 15% so với tháng trước", gid="seed-12"),
    goal(
        2,
        "ppppp",
        "Tăng số lượt truy cập website lên 8% trong tháng 2 năm 2021",
        gid="seed-13",
        parent="seed-12",
    ),
    goal(
        3,
        "ppfpp",
        "Tăng số lượt truy cập website lên 25% trong tháng 2 năm 2021",
        gid="seed-14",
        parent="seed-12",
    ),
    goal(4, "ppsfp", "Tăng số người đăng ký lên 10% vào cuối tháng 3 năm 2021"),
)

NESTED = report(
    goal(0, "ppspp", "Grow revenue from 2 bn to 2.5 bn VND by 31/12/2027", gid="revenue"),
    goal(
        1,
        "pppfp",
        "Increase organic visits from 12,000 to 13,200 by 31 July 2027",
        parent="revenue",
        nested=True,
        column=9,
    ),
    goal(2, "ppspp", "Publish 5 new posts a month", nested=True, column=13),
    goal(3, "ppspp", "Earn 20 backlinks by 30 June 2027", nested=True, column=13),
    goal(
        4,
        "ppspp",
        "Raise trial-to-paid conversion from 18% to 22% in Q2 2027",
        parent="revenue",
        nested=True,
        column=9,
    ),
    goal(5, "ppspf", None, gid="orphan", parent="revenu"),
    goal(6, "ppsfp", "Loop one", gid="a", parent="b"),
    goal(7, "ppsfp", "Loop two", gid="b", parent="a"),
    goal(8, "ppsfp", "Self", gid="me", parent="me"),
)

CASES = {
    "seed-w100": (SEED, 100, False),
    "seed-w60": (SEED, 60, False),
    "seed-ascii-w60": (SEED, 60, True),
    "nested-w80": (NESTED, 80, False),
    "nested-ascii-w80": (NESTED, 80, True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    rep, width, ascii_only = CASES[name]
    got = render_tree(rep, RenderContext(width=width), ascii_only=ascii_only)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_lines_fit_and_every_goal_once(name: str) -> None:
    rep, width, ascii_only = CASES[name]
    lines = render_tree(rep, RenderContext(width=width), ascii_only=ascii_only).splitlines()
    assert all(len(line) <= width for line in lines)
    assert len(lines) == 1 + len(rep.goals)
    assert "\x1b" not in "".join(lines)


def test_children_sit_under_their_parent() -> None:
    lines = render_tree(SEED, RenderContext(width=200)).splitlines()
    assert lines[2].startswith("S✓ M✓ A– R✗ T✓ seed-12: ")
    assert lines[3].startswith("├─ S✓ M✓ A✓ R✓ T✓ seed-13: ")
    assert lines[4].startswith("└─ S✓ M✓ A✗ R✓ T✓ seed-14: ")
    assert lines[5].startswith("S✓ M✓ A– R✗ T✓ goals.yaml:14: ")


def test_empty_report() -> None:
    assert render_tree(report(), RenderContext()) == ""


def _deep_and_wide(n: int) -> Callable[[], list[str]]:
    """Prepare a chain of n goals and a hub with n - 1 children; return rendering them."""
    deep = [goal(0, "ppppp", "root", gid="g0")]
    deep += [goal(i, "ppppp", f"g{i}", gid=f"g{i}", parent=f"g{i - 1}") for i in range(1, n)]
    wide = [goal(n, "ppppp", "hub", gid="hub")]
    wide += [goal(n + i, "ppppp", f"w{i}", parent="hub") for i in range(1, n)]
    whole = report(*deep, *wide)
    return lambda: render_tree(whole, RenderContext(width=80)).splitlines()


def test_deep_and_wide_trees_render_in_linear_time() -> None:
    """Trees of 10,000 goals cost about 10× what trees of 1,000 do (3× slack), not 100×."""
    n = 10_000
    lines = assert_scales_linearly(_deep_and_wide, n // 10)
    assert len(lines) == 1 + 2 * n
    assert all(len(line) <= 80 for line in lines)
    # the rails stop growing after MAX_DEPTH levels
    assert lines[100].startswith("   " * 16 + "└─ ")
