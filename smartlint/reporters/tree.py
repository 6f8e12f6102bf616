"""The goal tree for a planning review: parents above children, each with its S M A R T marks.

::

    S✓ M✓ A– R✓ T✗ seed-12: Tăng doanh thu lên 15% so với tháng trước
    ├─ S✓ M✓ A✓ R✓ T✓ seed-13: Tăng số lượt truy cập website lên 8% trong tháng 2 năm 2021
    └─ S✓ M✓ A✗ R✓ T✓ seed-14: Tăng số lượt truy cập website lên 25% trong tháng 2 năm…

Roots and children keep the order of the run.  A goal whose parent link dangles is shown as
a root with the missing id; goals on a parent cycle, which no root reaches, follow under a
"cycle" marker.  Lines are cut to the width with "…"; the output never holds colour codes.
"""

from __future__ import annotations

from collections.abc import Sequence

from smartlint.context import nesting_parents
from smartlint.model import SMART, GoalResult, Report, Verdict
from smartlint.reporters.base import RenderContext
from smartlint.reporters.terminal import cells

DEFAULT_WIDTH = 100
MAX_DEPTH = 16  # levels of indentation drawn; deeper goals line up at the last one

_MARKS = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.SKIP: "–"}
_ASCII_MARKS = {Verdict.PASS: "+", Verdict.FAIL: "x", Verdict.SKIP: "-"}
# (branch, last branch, continuing rail, empty rail)
_LINES = ("├─ ", "└─ ", "│  ", "   ")
_ASCII_LINES = ("|- ", "`- ", "|  ", "   ")


def render_tree(report: Report, ctx: RenderContext, *, ascii_only: bool = False) -> str:
    """Render every goal of the run as a forest, parents above their children."""
    goals = report.goals
    if not goals:
        return ""
    width = ctx.width or DEFAULT_WIDTH
    parents, children = family(goals)

    lines = [_header(ascii_only)]
    seen: set[int] = set()
    for result in goals:
        if result.goal.index not in parents:
            _walk(result, "", "", children, parents, seen, lines, width, ascii_only)
    for result in goals:  # only goals on a cycle are left: no root reaches them
        if result.goal.index not in seen:
            marker = "(cycle) " if ascii_only else "↻ "
            _walk(result, marker, "  ", children, parents, seen, lines, width, ascii_only)
    return "\n".join(lines) + "\n"


def family(goals: Sequence[GoalResult]) -> tuple[dict[int, int], dict[int, list[GoalResult]]]:
    """Return each goal's parent (by index) and each parent's children, in input order."""
    parents = resolve_parents(goals)
    children: dict[int, list[GoalResult]] = {}
    for result in goals:
        parent = parents.get(result.goal.index)
        if parent is not None:
            children.setdefault(parent, []).append(result)
    return parents, children


def resolve_parents(goals: Sequence[GoalResult]) -> dict[int, int]:
    """Map each goal's index to its parent's: a written id (first goal with it) or the nesting."""
    first: dict[str, int] = {}
    for result in goals:
        gid = result.goal.goal_id
        if gid is not None:
            first.setdefault(gid, result.goal.index)
    parents: dict[int, int] = {}
    for result in goals:
        link = result.goal.parent
        if link is not None and link.value in first and link.value != result.goal.goal_id:
            parents[result.goal.index] = first[link.value]
    parents.update(nesting_parents([r.goal for r in goals]))
    return parents


def _walk(
    root: GoalResult,
    lead: str,
    rail: str,
    children: dict[int, list[GoalResult]],
    parents: dict[int, int],
    seen: set[int],
    lines: list[str],
    width: int,
    ascii_only: bool,
) -> None:
    """Append a subtree depth-first; an explicit stack keeps deep trees off the call stack."""
    branch, last_branch, going, empty = _ASCII_LINES if ascii_only else _LINES
    stack: list[tuple[GoalResult, str, str]] = [(root, lead, rail)]
    while stack:
        result, prefix, indent = stack.pop()
        if result.goal.index in seen:
            continue
        seen.add(result.goal.index)
        dangling = result.goal.index not in parents
        lines.append(_fit(prefix + _node(result, ascii_only, dangling=dangling), width))
        kids = [k for k in children.get(result.goal.index, ()) if k.goal.index not in seen]
        # past MAX_DEPTH levels the rails stop growing: the line stays readable and a
        # pathological chain costs linear, not quadratic, text
        deeper = len(indent) < MAX_DEPTH * len(empty)
        for i in reversed(range(len(kids))):
            last = i == len(kids) - 1
            rail_next = indent + (empty if last else going) if deeper else indent
            stack.append((kids[i], indent + (last_branch if last else branch), rail_next))


def _header(ascii_only: bool) -> str:
    marks = _ASCII_MARKS if ascii_only else _MARKS
    legend = ", ".join(f"{marks[v]} {v.value}" for v in (Verdict.PASS, Verdict.FAIL, Verdict.SKIP))
    return f"Goal tree ({legend})"


def _node(result: GoalResult, ascii_only: bool, *, dangling: bool) -> str:
    marks = _ASCII_MARKS if ascii_only else _MARKS
    row = " ".join(f"{c.letter}{marks[result.verdict(c)]}" for c in SMART)
    goal = result.goal
    name = goal.goal_id or f"{goal.path}:{goal.span.line}"
    link = goal.parent
    if link is not None and not goal.parent_from_nesting and link.value == goal.goal_id:
        name += " (parent: itself)"
    elif link is not None and dangling:
        name += f" (parent {link.value}: not found)"
    title = " ".join(goal.title.value.split()) if goal.title else ""
    return f"{row} {name}: {title}" if title else f"{row} {name}"


def _fit(line: str, width: int) -> str:
    """Cut a line to ``width`` terminal cells, ending with "…" when cut.

    One pass that stops at the width, so a long line costs no more than a short one.
    """
    used, cut = 0, 0
    for position, char in enumerate(line):
        used += cells(char)
        if used <= width - 1:
            cut = position + 1
        if used > width:
            return line[:cut].rstrip() + "…"
    return line
