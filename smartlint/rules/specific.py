"""Specific (S1xx): the goal names what changes and by how much."""

from __future__ import annotations

from collections.abc import Iterator

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.i18n import pick
from smartlint.model import Criterion, Severity, Violation
from smartlint.objectives import is_qualitative_objective, key_result_findings
from smartlint.rules.base import Rule, rule


def check_no_quantity(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal states no quantity.

    ## What it does
    Checks that the goal gives a number, a percent or a multiplier ("gấp ba lần", "double",
    "two") for what it wants to change. Numbers inside dates ("quý 1 năm 2021") do not count.

    ## Why is this bad?
    "Tăng số lượng người ghé thăm trang blog" cannot be finished: any single extra visitor
    fulfils it, and nobody can tell whether the team did well.

    ## Example
    ```yaml
    goals:
      - Tăng số lượng người ghé thăm trang blog
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng số lượng người ghé thăm trang blog thêm 20% trong quý 3 năm 2027
    ```
    """
    for part in facts.vague_parts:  # "… and improve canopy health": that target has no number
        yield Violation(
            part.span,
            pick(
                facts.language,
                f'Mục tiêu "{part.value}" không nêu con số nào.',
                f'The target "{part.value}" states no quantity.',
            ),
            pick(
                facts.language,
                "Nêu con số cho từng mục tiêu trên dòng, hoặc tách thành mục tiêu riêng.",
                "Give each target on the line a number, or make it a goal of its own.",
            ),
        )
    if facts.quantity_count or facts.target is not None or facts.placeholders:
        return
    if is_qualitative_objective(facts, ctx):
        return  # judged through its key results (S104)
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            "Mục tiêu không nêu con số nào (số lượng, phần trăm hay số lần).",
            "The goal states no quantity (a number, a percent or a multiplier).",
        ),
        pick(
            facts.language,
            'Thêm một con số cụ thể, ví dụ: "thêm 20%" hoặc "từ 1.000 lên 1.200".',
            'Add a concrete number, for example "by 20%" or "from 1,000 to 1,200".',
        ),
    )


def check_no_metric(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal gives a number but not what it measures.

    ## What it does
    Checks that a goal with a quantity also names the metric that changes (visits, revenue,
    sign-ups), in the sentence or in the `metric` field.

    ## Why is this bad?
    "Đạt 50.000" or "Grow 20%" leaves the reader guessing what should reach that number.

    ## Example
    ```yaml
    goals:
      - title: Grow 20% by 30 June 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Grow newsletter subscribers by 20% by 30 June 2027
    ```
    """
    has_quantity = facts.quantity_count or facts.target is not None
    if not has_quantity or facts.metric is not None or facts.placeholders:
        return
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            "Mục tiêu có con số nhưng không nói chỉ số nào thay đổi.",
            "The goal has a number but does not say which metric changes.",
        ),
        pick(
            facts.language,
            'Nêu rõ chỉ số, ví dụ: "số lượt truy cập website", hoặc thêm trường `metric:`.',
            'Name the metric, for example "organic search visits", or add a `metric:` field.',
        ),
    )


def check_placeholder(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal has a placeholder where a number should be.

    ## What it does
    Finds placeholders such as `TBD`, `X%`, `???`, `<số>` or "(xác định bằng số)" left in
    the goal instead of a real number or date.

    ## Why is this bad?
    A placeholder reads like a goal in a review but commits the team to nothing.

    ## Example
    ```yaml
    goals:
      - title: Increase trial sign-ups by X% by 30 June 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Increase trial sign-ups by 15% by 30 June 2027
    ```
    """
    for placeholder in facts.placeholders:
        yield Violation(
            placeholder.span,
            pick(
                facts.language,
                f'Còn chỗ trống "{placeholder.value}" thay cho một con số.',
                f'Placeholder "{placeholder.value}" stands where a number should be.',
            ),
            pick(
                facts.language,
                f'Thay "{placeholder.value}" bằng con số hoặc ngày cụ thể.',
                f'Replace "{placeholder.value}" with the actual number or date.',
            ),
        )


def check_key_result_not_specific(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """A key result of a qualitative objective is not specific.

    ## What it does
    An objective that states no quantity and no deadline is judged through its key results
    (PRODUCT.md, "Objectives may be qualitative"): it is specific when every key result is.
    This rule names the key results that are not.

    ## Why is this bad?
    An objective in OKR practice is qualitative on purpose; its key results carry the
    numbers and dates. When one of them lacks what the objective leaves to it, nothing in the
    objective's tree does.

    ## Example
    ```yaml
    goals:
      - id: brand
        title: Become the brand customers recommend
        why: Referrals are our cheapest channel
        key_results:
          - Increase NPS from 32 to 45 by 31 December 2027
          - Improve our reviews
    ```

    ## Use instead
    ```yaml
    goals:
      - id: brand
        title: Become the brand customers recommend
        why: Referrals are our cheapest channel
        key_results:
          - Increase NPS from 32 to 45 by 31 December 2027
          - Raise the average review score from 4.1 to 4.5 by 31 December 2027
    ```
    """
    yield from key_result_findings(facts, Criterion.SPECIFIC, ctx)


RULES: tuple[Rule, ...] = (
    rule(
        "S101",
        "no-quantity",
        Criterion.SPECIFIC,
        Severity.ERROR,
        check_no_quantity,
        fix="State how much: a number, a percent or a multiplier.",
    ),
    rule(
        "S102",
        "no-metric",
        Criterion.SPECIFIC,
        Severity.ERROR,
        check_no_metric,
        fix="Name the metric the number applies to.",
    ),
    rule(
        "S103",
        "placeholder-instead-of-number",
        Criterion.SPECIFIC,
        Severity.ERROR,
        check_placeholder,
        fix="Replace the placeholder with a real number.",
    ),
    rule(
        "S104",
        "key-result-not-specific",
        Criterion.SPECIFIC,
        Severity.ERROR,
        check_key_result_not_specific,
        fix="Give every key result a metric and a quantity.",
    ),
)
