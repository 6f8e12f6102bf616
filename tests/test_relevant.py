"""Relevant rules and the goal set on hand-built goals: links, cycles, ids, deadlines, why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from conftest import assert_scales_linearly, cpu_seconds

from smartlint.context import Context, GoalSet, build_goal_set, goal_set_of, nesting_parents
from smartlint.facts import Facts, Located
from smartlint.model import Goal, Language, Snip, Span, Text, TimeRef, Violation
from smartlint.rules import relevant
from smartlint.rules.relevant import did_you_mean

TODAY = date(2027, 1, 15)


@dataclass(frozen=True)
class G:
    """One goal of a test set: what Relevant looks at."""

    id: str | None = None
    parent: str | None = None
    why: str | None = None
    deadline: date | None = None
    nested: bool = False
    column: int = 5
    path: str = "goals.yaml"


def build(goals: list[G], language: Language = Language.EN) -> tuple[Facts, ...]:
    """Turn test goals into facts, one per line of a file."""
    out = []
    for i, g in enumerate(goals):
        line = i + 1
        span = Span(line, g.column, line, g.column + 10)

        def text(value: str | None, column: int, line: int = line) -> Text | None:
            if value is None:
                return None
            return Text(value, Span(line, column, line, column + len(value)), exact=True)

        goal = Goal(
            path=g.path,
            span=span,
            index=i,
            id=text(g.id, 9),
            title=text("goal", 20),
            why=text(g.why, 40),
            parent=text(g.parent, 60),
            parent_from_nesting=g.nested,
        )
        deadline = None
        if g.deadline is not None:
            ref = TimeRef(Snip(0, 4, "date"), g.deadline)
            deadline = Located(ref, Span(line, 80, line, 90), "field")
        out.append(
            Facts(
                goal=goal,
                reading=None,
                language=language,
                metric=None,
                quantity_count=0,
                baseline=None,
                baseline_as_of=None,
                implied_zero_baseline=False,
                target=None,
                direction=None,
                deadline=deadline,
                start=None,
                cadence=None,
                base=None,
                placeholders=(),
                rate=False,
                history=None,
                conflicts=(),
            )
        )
    return tuple(out)


def findings(goals: list[G], language: Language = Language.EN) -> list[tuple[int, str, str]]:
    """Return (goal index, rule name, message) for every Relevant finding of a set."""
    all_facts = build(goals, language)
    ctx = Context(today=TODAY, goals=build_goal_set(all_facts))
    found = []
    for f in all_facts:
        for rule in relevant.RULES:
            assert rule.check is not None
            found += [(f.goal.index, rule.name, v.message) for v in rule.check(f, ctx)]
    return found


def names(goals: list[G]) -> list[tuple[int, str]]:
    """Return (goal index, rule name) for every Relevant finding of a set."""
    return [(i, n) for i, n, _ in findings(goals)]


def one(goals: list[G], index: int, name: str, language: Language = Language.EN) -> Violation:
    """Return the single violation a rule reports on one goal."""
    all_facts = build(goals, language)
    ctx = Context(today=TODAY, goals=build_goal_set(all_facts))
    rule = next(r for r in relevant.RULES if r.name == name)
    assert rule.check is not None
    [v] = list(rule.check(all_facts[index], ctx))
    return v


ROOT = G(id="root", why="because")

OK = [
    [ROOT],
    [ROOT, G(id="a", parent="root")],
    [ROOT, G(id="a", nested=True, parent="root", column=9)],
    [G(why="reason"), G(nested=True, column=9)],  # nested under a parent without an id
    [ROOT, G(id="a", parent="root", deadline=date(2027, 3, 31))],  # parent has no deadline
    [
        G(id="root", why="x", deadline=date(2027, 6, 30)),
        G(id="a", parent="root", deadline=date(2027, 6, 30)),
    ],
]


@pytest.mark.parametrize("goals", OK)
def test_ok(goals: list[G]) -> None:
    assert findings(goals) == []


BAD = [
    ([ROOT, G(id="a", parent="rot")], [(1, "unknown-parent")]),
    ([G(id="a", parent="a")], [(0, "self-parent")]),
    ([G(id="a", parent="b"), G(id="b", parent="a")], [(0, "parent-cycle"), (1, "parent-cycle")]),
    (
        [ROOT, G(id="c", parent="a"), G(id="a", parent="b"), G(id="b", parent="c")],
        [(1, "parent-cycle"), (2, "parent-cycle"), (3, "parent-cycle")],
    ),
    ([ROOT, G(id="root", why="again")], [(1, "duplicate-id")]),
    (
        [ROOT, G(id="root", why="again"), G(id="root", why="3")],
        [(1, "duplicate-id"), (2, "duplicate-id")],
    ),
    (
        [
            G(id="p", why="x", deadline=date(2027, 6, 30)),
            G(id="c", parent="p", deadline=date(2027, 7, 31)),
        ],
        [(1, "child-deadline-after-parent")],
    ),
    (
        # nested under a parent without an id: the nesting still names the parent
        [
            G(why="x", deadline=date(2027, 6, 30)),
            G(nested=True, column=9, deadline=date(2027, 7, 31)),
        ],
        [(1, "child-deadline-after-parent")],
    ),
    ([G(id="a")], [(0, "missing-why")]),
    ([G(id="a", why="  ")], [(0, "missing-why")]),
    ([G()], [(0, "missing-why")]),
]


@pytest.mark.parametrize(("goals", "expected"), BAD)
def test_bad(goals: list[G], expected: list[tuple[int, str]]) -> None:
    assert names(goals) == expected


def test_unknown_parent_suggests_the_closest_id() -> None:
    v = one([G(id="revenue-2027", why="x"), G(id="a", parent="revenue-2072")], 1, "unknown-parent")
    assert v.message == "Parent goal `revenue-2072` is not in the goal set."
    assert v.suggestion == "Did you mean `revenue-2027`?"
    assert v.span.column == 60
    far = one([G(id="revenue", why="x"), G(id="a", parent="zzz")], 1, "unknown-parent", Language.VI)
    assert far.message == "Mục tiêu cha `zzz` không có trong bộ mục tiêu."
    assert far.suggestion.startswith("Dùng id của một mục tiêu")


def test_cycle_message_starts_at_the_first_member() -> None:
    goals = [ROOT, G(id="c", parent="a"), G(id="a", parent="b"), G(id="b", parent="c")]
    v = one(goals, 1, "parent-cycle")
    assert v.message == "Parent links form a cycle: c → a → b → c."
    v = one(goals, 1, "parent-cycle", Language.VI)
    assert v.message == "Liên kết mục tiêu cha tạo thành vòng lặp: c → a → b → c."


def test_a_tail_into_a_cycle_is_not_on_it() -> None:
    goals = [G(id="t", parent="a"), G(id="a", parent="b"), G(id="b", parent="a")]
    cycles = build_goal_set(build(goals)).cycles
    assert set(cycles) == {1, 2}
    assert cycles[1] == ("a", "b", "a")


def test_duplicate_id_names_the_first() -> None:
    goals = [G(id="x", why="1", path="a.yaml"), G(id="x", why="2", path="b.yaml")]
    v = one(goals, 1, "duplicate-id")
    assert v.message == "Id `x` is already used by the goal at a.yaml:1."
    assert v.span.column == 9


def test_child_deadline_message() -> None:
    goals = [
        G(id="p", why="x", deadline=date(2027, 6, 30)),
        G(id="c", parent="p", deadline=date(2027, 7, 31)),
    ]
    v = one(goals, 1, "child-deadline-after-parent", Language.VI)
    assert v.message == "Thời hạn 31/07/2027 muộn hơn thời hạn của mục tiêu cha `p` (30/06/2027)."
    assert v.span.column == 80


def test_missing_why_message() -> None:
    v = one([G(id="a")], 0, "missing-why", Language.VI)
    assert v.message == "Mục tiêu gốc không nói vì sao nó quan trọng."
    assert "`why:`" in v.suggestion and "`parent:`" in v.suggestion


def test_nesting_parents_follow_indentation() -> None:
    goals = [
        G(why="p0"),  # 0
        G(nested=True, column=9),  # 1 -> 0
        G(nested=True, column=13),  # 2 -> 1
        G(nested=True, column=9),  # 3 -> 0
        G(why="p4"),  # 4
        G(nested=True, column=9),  # 5 -> 4
        G(nested=True, column=9, path="other.yaml"),  # 6: another file, no parent
    ]
    found = nesting_parents([f.goal for f in build(goals)])
    assert found == {1: 0, 2: 1, 3: 0, 5: 4}


@pytest.mark.parametrize(
    ("wrong", "expected"),
    [("revenu", "revenue"), ("tarffic", "traffic"), ("zzz", None)],
)
def test_did_you_mean(wrong: str, expected: str | None) -> None:
    assert did_you_mean(wrong, ["leads", "revenue", "traffic"]) == expected


def test_did_you_mean_stays_fast_on_many_ids() -> None:
    known = [f"goal-{i:05d}" for i in range(20000)]
    # about 20 ms: the bound only catches a hang, and CPU time does not grow on a busy machine
    assert cpu_seconds(lambda: did_you_mean("goal-0042", known)) < 2
    assert did_you_mean("goal-0042", known) is not None


def _resolve(n: int) -> Callable[[], tuple[GoalSet, list[tuple[int, str]]]]:
    """Prepare a chain of n goals and a ring of n goals; return resolving them and the rules."""
    chain = [G(id="c0", why="root")] + [G(id=f"c{i}", parent=f"c{i - 1}") for i in range(1, n)]
    ring = [G(id=f"r{i}", parent=f"r{(i + 1) % n}") for i in range(n)]
    all_facts = build(chain + ring)

    def resolve() -> tuple[GoalSet, list[tuple[int, str]]]:
        goal_set = build_goal_set(all_facts)
        ctx = Context(today=TODAY, goals=goal_set)
        reported = [
            (f.goal.index, v.message)
            for f in all_facts
            for rule in relevant.RULES
            if rule.check is not None
            for v in rule.check(f, ctx)
        ]
        return goal_set, reported

    return resolve


def test_ten_thousand_goals_stay_linear() -> None:
    """10,000 goals cost about 10× what 1,000 do (3× slack), not 100×."""
    n = 10_000
    goal_set, reported = assert_scales_linearly(_resolve, n // 10)
    assert len(goal_set.cycles) == n
    # every member fails; the path is told once, on the first member
    assert [i for i, _ in reported] == list(range(n, 2 * n))
    assert sum("→" in message for _, message in reported) == 1


def test_whether_a_goal_has_key_results_is_told_without_reading_them() -> None:
    all_facts = build([G(id="o"), G(parent="o"), G(parent="o"), G(id="lone")])
    read: list[int] = []

    def facts_of(index: int) -> Facts:
        read.append(index)
        return all_facts[index]

    goals = goal_set_of([f.goal for f in all_facts], facts_of)
    assert goals.has_children(all_facts[0]) and not goals.has_children(all_facts[3])
    assert read == []  # only the links were looked at
    assert [f.goal.index for f in goals.children(all_facts[0])] == [1, 2]
    assert read == [1, 2]
