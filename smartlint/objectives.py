"""Objectives judged through their key results (PRODUCT.md, "Objectives may be qualitative").

An objective — a goal with key results — that states no quantity and no deadline of its own
passes Specific, Measurable and Time-bound when it has at least one key result and every key
result passes that criterion.  These helpers tell which goals are such objectives and what
their key results' verdicts are; the S104, M208 and T509 rules report the failing ones.
"""

from __future__ import annotations

from collections.abc import Iterator

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.i18n import pick
from smartlint.model import Criterion, Effect, Violation

# What a key result lacks when it fails a criterion, in each language.
_LACKS = {
    Criterion.SPECIFIC: ("cụ thể (chưa nêu chỉ số và con số)", "specific (no metric and quantity)"),
    Criterion.MEASURABLE: (
        "đo được (thiếu mức mục tiêu hoặc mốc hiện tại)",
        "measurable (no definite target or baseline)",
    ),
    Criterion.TIME_BOUND: ("có thời hạn", "time-bound (no usable deadline or cadence)"),
}


def is_qualitative_objective(facts: Facts, ctx: Context) -> bool:
    """Tell whether a goal is an objective judged through its key results."""
    states_quantity = facts.quantity_count or facts.target is not None or facts.placeholders
    # A heading's period that the objective inherits is not a deadline it states.
    own_deadline = facts.deadline is not None and facts.deadline.source != "inherited"
    states_time = own_deadline or facts.cadence is not None
    # Whether it has key results is asked last and without reading them: a parent linked
    # from all over a big file would otherwise have every key result read to answer.
    return not states_quantity and not states_time and ctx.goals.has_children(facts)


def fails(facts: Facts, criterion: Criterion, ctx: Context) -> bool:
    """Tell whether a goal fails a criterion by the rules' own checks (computed once a run).

    Every rule of the catalog that can fail the criterion is asked, whatever the run's
    selection and before suppressions: a key result's verdict here is the one its own row
    would show by default.
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


def key_result_findings(facts: Facts, criterion: Criterion, ctx: Context) -> Iterator[Violation]:
    """Yield the finding of a qualitative objective whose key results fail a criterion."""
    if not is_qualitative_objective(facts, ctx):
        return
    failing = failing_key_results(facts, criterion, ctx)
    if not failing:
        return
    shown = names(failing)
    vi, en = _LACKS[criterion]
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            f"Mục tiêu định tính được đánh giá qua các kết quả then chốt, nhưng {shown} chưa {vi}.",
            f"The objective is judged through its key results, but {shown} is not {en}.",
        ),
        pick(
            facts.language,
            f"Sửa {shown} cho đạt tiêu chí, hoặc nêu con số và thời hạn ngay trong mục tiêu.",
            f"Fix {shown}, or state a quantity and a deadline in the objective itself.",
        ),
    )
