"""Objectives judged through their key results (PRODUCT.md, "Objectives may be qualitative").

An objective — a goal with key results — that states no quantity and no deadline of its own
passes Specific, Measurable and Time-bound when it has at least one key result and every key
result passes that criterion.  These helpers tell which goals are such objectives and what
their key results' verdicts are; the S104, M208 and T509 rules report the failing ones.
"""

from __future__ import annotations

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.model import Criterion, Effect


def is_qualitative_objective(facts: Facts, ctx: Context) -> bool:
    """Tell whether a goal is an objective judged through its key results."""
    if not ctx.goals.children(facts):
        return False
    states_quantity = facts.quantity_count or facts.target is not None or facts.placeholders
    states_time = facts.deadline is not None or facts.cadence is not None
    return not states_quantity and not states_time


def fails(facts: Facts, criterion: Criterion, ctx: Context) -> bool:
    """Tell whether a goal fails a criterion by the rules' own checks (computed once a run).

    Every rule of the catalog that can fail the criterion is asked, whatever the run's
    selection: a key result's verdict here is the one its own row would show by default.
    """
    key = (f"fails-{criterion.value}", facts.goal.index)
    found = ctx.derived.get(key)
    if found is None:
        ctx.derived[key] = True  # a cycle of objectives ends here instead of recursing forever
        from smartlint.rules import ALL_RULES  # the catalog imports the rules that import us

        found = any(
            True
            for rule in ALL_RULES
            if rule.criterion is criterion and rule.effect is Effect.FAIL and rule.check
            for _ in rule.check(facts, ctx)
        )
        ctx.derived[key] = found
    return bool(found)


def failing_key_results(facts: Facts, criterion: Criterion, ctx: Context) -> tuple[Facts, ...]:
    """Return the key results of an objective that fail a criterion."""
    return tuple(kr for kr in ctx.goals.children(facts) if fails(kr, criterion, ctx))


def names(goals: tuple[Facts, ...]) -> str:
    """Name goals for a message: their ids, else their lines ("kr-signups, line 14")."""
    shown = [f.goal.goal_id or f"line {f.goal.span.line}" for f in goals[:3]]
    more = len(goals) - len(shown)
    return ", ".join(shown) + (f" (+{more})" if more > 0 else "")
