"""The frozen context every rule receives: today, options, and the whole goal set."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from smartlint.facts import Facts
from smartlint.model import Language


@dataclass(frozen=True)
class Options:
    """Rule options a user can set (configuration key in brackets)."""

    achievable_factor: float = 2.0  # [achievable-factor] required pace ≤ factor × best pace
    extreme_monthly_growth: float = 0.30  # [extreme-monthly-growth] +30 %/month is extreme
    extreme_overall_factor: float = 10.0  # [extreme-overall-factor] ×10 overall is extreme
    language: Language | None = None  # forced language of messages (--lang)


@dataclass(frozen=True)
class GoalSet:
    """Every goal of the run, indexed by id, with parent links resolved once."""

    facts: tuple[Facts, ...]
    by_id: Mapping[str, tuple[Facts, ...]]
    parent_of: Mapping[int, Facts]  # goal index -> parent facts (resolved links only)
    cycles: Mapping[int, tuple[str, ...]]  # goal index -> the cycle it is on (ids, closed)

    def parent(self, facts: Facts) -> Facts | None:
        """Return the resolved parent of a goal, if any."""
        return self.parent_of.get(facts.goal.index)


def build_goal_set(all_facts: tuple[Facts, ...]) -> GoalSet:
    """Index goals by id, resolve parent links and find cycles in linear time."""
    by_id: dict[str, list[Facts]] = {}
    for f in all_facts:
        gid = f.goal.goal_id
        if gid is not None:
            by_id.setdefault(gid, []).append(f)
    parent_of: dict[int, Facts] = {}
    for f in all_facts:
        link = f.goal.parent
        if link is not None and link.value in by_id:
            parent_of[f.goal.index] = by_id[link.value][0]
    return GoalSet(
        facts=all_facts,
        by_id=MappingProxyType({k: tuple(v) for k, v in by_id.items()}),
        parent_of=MappingProxyType(parent_of),
        cycles=MappingProxyType(_find_cycles(all_facts, parent_of)),
    )


def _find_cycles(all_facts: tuple[Facts, ...], parent_of: Mapping[int, Facts]) -> dict[int, tuple[str, ...]]:
    """Walk each parent chain once; colour nodes so the whole pass is O(goals)."""
    state: dict[int, int] = {}  # 1 = on the current walk, 2 = done
    cycles: dict[int, tuple[str, ...]] = {}
    for f in all_facts:
        walk: list[Facts] = []
        node: Facts | None = f
        while node is not None and state.get(node.goal.index, 0) == 0:
            state[node.goal.index] = 1
            walk.append(node)
            node = parent_of.get(node.goal.index)
        if node is not None and state.get(node.goal.index) == 1:
            at = next(i for i, w in enumerate(walk) if w.goal.index == node.goal.index)
            ring = walk[at:]
            ids = tuple(w.goal.goal_id or "?" for w in ring) + (ring[0].goal.goal_id or "?",)
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
