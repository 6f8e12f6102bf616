"""The frozen context every rule receives: today, options, and the whole goal set."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import field
from datetime import date
from types import MappingProxyType
from typing import TypeVar, overload

from smartlint.facts import Facts
from smartlint.model import Goal, Language
from smartlint.records import record

K = TypeVar("K")


@record(slots=False)
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


@record(slots=False)
class GoalSet:
    """Every goal of the run, indexed by id, with parent links resolved once.

    ``parent_of`` holds written links that resolve (to the first goal with that id, never to
    the goal itself) and nesting links, including those to a parent without an id.
    ``cycles`` maps each goal on a parent cycle to the cycle's ids, closed, starting at the
    member that comes first in the run ("a", "b", "a").
    """

    facts: Sequence[Facts]
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

    def has_children(self, facts: Facts) -> bool:
        """Tell whether a goal has key results, without reading them."""
        return facts.goal.index in self.children_of

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


def build_goal_set(all_facts: Sequence[Facts], other_ids: Sequence[str] = ()) -> GoalSet:
    """Index goals by id, resolve parent links and find cycles in linear time.

    ``other_ids`` are ids of goals outside the set (files of the project not read): they
    resolve no link, but a mistyped parent may be suggested one of them.
    """
    by_index = {f.goal.index: f for f in all_facts}
    return goal_set_of([f.goal for f in all_facts], by_index.__getitem__, other_ids)


def goal_set_of(
    goals: Sequence[Goal], facts_of: Callable[[int], Facts], other_ids: Sequence[str] = ()
) -> GoalSet:
    """Build the goal set from the goals alone; ``facts_of`` gives a goal's facts by index.

    The links, ids and cycles need only the goals, so a worker process that reads a share of
    a big run asks ``facts_of`` only for the goals its rules look at (its own, their parents
    and key results); a lookup that computes facts on demand keeps the rest unread.
    """
    by_id: dict[str, list[int]] = {}
    for g in goals:
        if g.goal_id is not None:
            by_id.setdefault(g.goal_id, []).append(g.index)
    parent_of: dict[int, int] = {}
    for g in goals:
        link = g.parent
        # a self link is its own finding (self-parent), not a one-goal cycle
        if link is not None and link.value in by_id and link.value != g.goal_id:
            parent_of[g.index] = by_id[link.value][0]
    parent_of.update(nesting_parents(goals))
    children_of: dict[int, list[int]] = {}
    for g in goals:
        up = parent_of.get(g.index)
        if up is not None:
            children_of.setdefault(up, []).append(g.index)
    by_index = {g.index: g for g in goals}
    return GoalSet(
        facts=_FactsSeq(tuple(g.index for g in goals), facts_of),
        children_of=_FactsByKey({k: tuple(v) for k, v in children_of.items()}, facts_of),
        by_id=_FactsByKey({k: tuple(v) for k, v in by_id.items()}, facts_of),
        parent_of=_FactByKey(parent_of, facts_of),
        cycles=MappingProxyType(_find_cycles(goals, parent_of, by_index)),
        ids=tuple(sorted(by_id.keys() | set(other_ids))),
        ids_by_shape=MappingProxyType(group_ids_by_shape(sorted(by_id.keys() | set(other_ids)))),
    )


class _FactsSeq(Sequence[Facts]):
    """The facts of goals given by index, looked up when read."""

    __slots__ = ("_facts_of", "_indices")

    def __init__(self, indices: tuple[int, ...], facts_of: Callable[[int], Facts]) -> None:
        self._indices = indices
        self._facts_of = facts_of

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, i: int) -> Facts: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Facts]: ...
    def __getitem__(self, i: int | slice) -> Facts | Sequence[Facts]:
        if isinstance(i, slice):
            return tuple(self._facts_of(x) for x in self._indices[i])
        return self._facts_of(self._indices[i])


class _FactByKey(Mapping[int, Facts]):
    """A goal index -> one goal's facts, looked up when read."""

    __slots__ = ("_facts_of", "_keys")

    def __init__(self, keys: dict[int, int], facts_of: Callable[[int], Facts]) -> None:
        self._keys = keys
        self._facts_of = facts_of

    def __getitem__(self, key: int) -> Facts:
        return self._facts_of(self._keys[key])

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[int]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class _FactsByKey(Mapping[K, tuple[Facts, ...]]):
    """A key -> several goals' facts, looked up when read."""

    __slots__ = ("_facts_of", "_keys")

    def __init__(self, keys: dict[K, tuple[int, ...]], facts_of: Callable[[int], Facts]) -> None:
        self._keys = keys
        self._facts_of = facts_of

    def __getitem__(self, key: K) -> tuple[Facts, ...]:
        return tuple(self._facts_of(i) for i in self._keys[key])

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _find_cycles(
    goals: Sequence[Goal], parent_of: Mapping[int, int], by_index: Mapping[int, Goal]
) -> dict[int, tuple[str, ...]]:
    """Walk each parent chain once; colour nodes so the whole pass is O(goals)."""
    state: dict[int, int] = {}  # 1 = on the current walk, 2 = done
    cycles: dict[int, tuple[str, ...]] = {}
    for g in goals:
        walk: list[Goal] = []
        position: dict[int, int] = {}
        node: Goal | None = g
        while node is not None and state.get(node.index, 0) == 0:
            state[node.index] = 1
            position[node.index] = len(walk)
            walk.append(node)
            up = parent_of.get(node.index)
            node = None if up is None else by_index[up]
        if node is not None and state.get(node.index) == 1:
            ring = walk[position[node.index] :]
            head = min(range(len(ring)), key=lambda i: ring[i].index)
            ring = ring[head:] + ring[:head]
            names = [w.goal_id or "?" for w in ring]
            ids = (*names, names[0])
            for member in ring:
                cycles[member.index] = ids
        for w in walk:
            state[w.index] = 2
    return cycles


@record(slots=False)
class Context:
    """What a rule may know besides its goal; it never reads the clock or files."""

    today: date
    goals: GoalSet
    options: Options = field(default_factory=Options)
    # Values several rules derive from the same goal (Achievable's plan), computed once per
    # run and goal: keyed by (what, goal index).  Filling it changes no rule's answer.
    derived: dict[tuple[str, int], object] = field(default_factory=dict, compare=False)
