"""The frozen context every rule receives: today, options, and the whole goal set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from smartlint.facts import Facts
from smartlint.model import Goal, Language


@dataclass(frozen=True)
class Options:
    """Rule options a user can set (configuration key in brackets)."""

    achievable_factor: float = 2.0  # [achievable-factor] required pace ≤ factor × best pace
    extreme_monthly_growth: float = 0.30  # [extreme-monthly-growth] +30 %/month is extreme
    extreme_overall_factor: float = 10.0  # [extreme-overall-factor] ×10 overall is extreme
    fiscal_year_end: str = "12-31"  # [fiscal-year-end] MM-DD: "FY2027" ends on that day of 2027

    @property
    def fiscal_end(self) -> tuple[int, int]:
        """Return the fiscal year end as (month, day)."""
        month, day = self.fiscal_year_end.split("-")
        return int(month), int(day)

    language: Language | None = None  # forced language of messages (--lang)


@dataclass(frozen=True)
class GoalSet:
    """Every goal of the run, indexed by id, with parent links resolved once.

    ``parent_of`` holds written links that resolve (to the first goal with that id, never to
    the goal itself) and nesting links, including those to a parent without an id.
    ``cycles`` maps each goal on a parent cycle to the cycle's ids, closed, starting at the
    member that comes first in the run ("a", "b", "a").
    """

    facts: tuple[Facts, ...]
    by_id: Mapping[str, tuple[Facts, ...]]
    parent_of: Mapping[int, Facts]  # goal index -> parent facts (resolved links only)
    cycles: Mapping[int, tuple[str, ...]]  # goal index -> the cycle it is on (ids, closed)
    ids: tuple[str, ...] = ()  # every known id, sorted, for did-you-mean suggestions
    ids_by_shape: Mapping[tuple[str, int], tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )  # the same ids grouped by (first character, length), so a suggestion never scans them all
    children_of: Mapping[int, tuple[Facts, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )  # goal index -> its key results (nested or linked), in input order

    def children(self, facts: Facts) -> tuple[Facts, ...]:
        """Return a goal's key results: the goals nested under it or linked to it."""
        return self.children_of.get(facts.goal.index, ())

    def parent(self, facts: Facts) -> Facts | None:
        """Return the resolved parent of a goal, if any."""
        return self.parent_of.get(facts.goal.index)

    def first_with_id(self, goal_id: str) -> Facts | None:
        """Return the first goal of the run that has this id."""
        found = self.by_id.get(goal_id)
        return found[0] if found else None


def group_ids_by_shape(ids: Sequence[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    """Group ids by (first character, length), each group in the order given."""
    groups: dict[tuple[str, int], list[str]] = {}
    for goal_id in ids:
        groups.setdefault((goal_id[:1], len(goal_id)), []).append(goal_id)
    return {shape: tuple(group) for shape, group in groups.items()}


def nesting_parents(goals: Sequence[Goal]) -> dict[int, int]:
    """Map each nested goal to the index of the goal it is nested in.

    The parser links a nested goal to its parent's id; when the parent has none it only
    sets ``parent_from_nesting``.  Either way the nesting decides: an id given twice in a
    project must not hand one goal's key results to the other.  A nested goal is indented under its parent and follows
    it, so the parent is the nearest earlier goal of the same file that starts in a column
    to its left; a stack keeps the walk linear.
    """
    found: dict[int, int] = {}
    stack: list[Goal] = []
    path: str | None = None
    for goal in sorted(goals, key=lambda g: g.index):
        if goal.path != path:
            stack, path = [], goal.path
        while stack and stack[-1].span.column >= goal.span.column:
            stack.pop()
        if goal.parent_from_nesting and stack:
            found[goal.index] = stack[-1].index
        stack.append(goal)
    return found


def build_goal_set(all_facts: tuple[Facts, ...], other_ids: Sequence[str] = ()) -> GoalSet:
    """Index goals by id, resolve parent links and find cycles in linear time.

    ``other_ids`` are ids of goals outside the set (files of the project not read): they
    resolve no link, but a mistyped parent may be suggested one of them.
    """
    by_id: dict[str, list[Facts]] = {}
    for f in all_facts:
        gid = f.goal.goal_id
        if gid is not None:
            by_id.setdefault(gid, []).append(f)
    by_index = {f.goal.index: f for f in all_facts}
    parent_of: dict[int, Facts] = {}
    for f in all_facts:
        link = f.goal.parent
        # a self link is its own finding (self-parent), not a one-goal cycle
        if link is not None and link.value in by_id and link.value != f.goal.goal_id:
            parent_of[f.goal.index] = by_id[link.value][0]
    for child, parent in nesting_parents([f.goal for f in all_facts]).items():
        parent_of[child] = by_index[parent]
    children_of: dict[int, list[Facts]] = {}
    for f in all_facts:
        up = parent_of.get(f.goal.index)
        if up is not None:
            children_of.setdefault(up.goal.index, []).append(f)
    return GoalSet(
        facts=all_facts,
        children_of=MappingProxyType({k: tuple(v) for k, v in children_of.items()}),
        by_id=MappingProxyType({k: tuple(v) for k, v in by_id.items()}),
        parent_of=MappingProxyType(parent_of),
        cycles=MappingProxyType(_find_cycles(all_facts, parent_of)),
        ids=tuple(sorted(by_id.keys() | set(other_ids))),
        ids_by_shape=MappingProxyType(group_ids_by_shape(sorted(by_id.keys() | set(other_ids)))),
    )


def _find_cycles(
    all_facts: tuple[Facts, ...], parent_of: Mapping[int, Facts]
) -> dict[int, tuple[str, ...]]:
    """Walk each parent chain once; colour nodes so the whole pass is O(goals)."""
    state: dict[int, int] = {}  # 1 = on the current walk, 2 = done
    cycles: dict[int, tuple[str, ...]] = {}
    for f in all_facts:
        walk: list[Facts] = []
        position: dict[int, int] = {}
        node: Facts | None = f
        while node is not None and state.get(node.goal.index, 0) == 0:
            state[node.goal.index] = 1
            position[node.goal.index] = len(walk)
            walk.append(node)
            node = parent_of.get(node.goal.index)
        if node is not None and state.get(node.goal.index) == 1:
            ring = walk[position[node.goal.index] :]
            head = min(range(len(ring)), key=lambda i: ring[i].goal.index)
            ring = ring[head:] + ring[:head]
            names = [w.goal.goal_id or "?" for w in ring]
            ids = (*names, names[0])
            for member in ring:
                cycles[member.goal.index] = ids
        for w in walk:
            state[w.goal.index] = 2
    return cycles


@dataclass(frozen=True)
class Context:
    """What a rule may know besides its goal; it never reads the clock or files."""

    today: date
    goals: GoalSet
    options: Options = field(default_factory=Options)
    # Values several rules derive from the same goal (Achievable's plan), computed once per
    # run and goal: keyed by (what, goal index).  Filling it changes no rule's answer.
    derived: dict[tuple[str, int], object] = field(default_factory=dict, compare=False)
