"""Measurable (M2xx): a definite target, and a baseline to measure progress from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from smartlint.context import Context
from smartlint.extract.text import fold
from smartlint.facts import Facts, Located
from smartlint.i18n import fmt_exact, pick, written
from smartlint.model import Change, ChangeKind, Criterion, Direction, Severity, Violation
from smartlint.objectives import is_qualitative_objective, key_result_findings
from smartlint.patterns import Lazy
from smartlint.rules.base import Rule, rule

_RELATIVE = (ChangeKind.PERCENT, ChangeKind.FACTOR, ChangeKind.POINTS, ChangeKind.DELTA)


def check_no_target(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal has no target to reach.

    ## What it does
    Checks that the goal says where the metric should end up: a level ("đạt 3.000"), a
    change ("+15%", "gấp đôi") or a `target:` field.

    ## Why is this bad?
    Without a target nobody can tell at the deadline whether the goal was met
    ("Tăng số lượng người ghé thăm trang website bán hàng").

    ## Example
    ```yaml
    goals:
      - Tăng số lượng người ghé thăm trang website bán hàng
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng số lượng người ghé thăm trang website bán hàng từ 1.000 lên 3.000 người trong quý 3 năm 2027
    ```
    """
    for part in facts.vague_parts:  # a further target with no number cannot be measured
        yield Violation(
            part.span,
            pick(
                facts.language,
                f'Mục tiêu "{part.value}" không có mức cần đạt nên không đo được.',
                f'The target "{part.value}" has no level, so it cannot be measured.',
            ),
            pick(
                facts.language,
                'Nêu mức cần đạt: "từ <hiện tại> lên <mục tiêu>".',
                'State the level: "from <current> to <target>".',
            ),
        )
    if facts.target is not None:
        return
    if is_qualitative_objective(facts, ctx):
        return  # judged through its key results (M208)
    unnamed = facts.quantity_count > 0 and facts.metric is None
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            "Con số không gắn với chỉ số nào nên không đo được."
            if unnamed
            else "Không có mức mục tiêu nên không đo được khi nào đạt.",
            "The number measures nothing named, so there is nothing to track."
            if unnamed
            else "There is no target, so nobody can tell when the goal is met.",
        ),
        pick(
            facts.language,
            'Nêu mức cần đạt: "từ <hiện tại> lên <mục tiêu>" hoặc "tăng <x>% so với <mốc>".',
            'State the target: "from <current> to <target>" or "by <x>% over <base>".',
        ),
    )


def check_absolute_without_baseline(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Absolute target has no baseline to measure progress from.

    ## What it does
    Checks that a target level ("reach 50,000 subscribers", "đạt 10.000 lượt tải") comes
    with the current value: a `baseline:` field, "from X to Y" / "từ X lên Y", or history.

    ## Why is this bad?
    Whether 50,000 is a stretch or already done depends on where you stand today.

    ## Example
    ```yaml
    goals:
      - Reach 50,000 newsletter subscribers by 31 December 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - Grow newsletter subscribers from 40,000 to 50,000 by 31 December 2027
    ```
    """
    for target, baseline, bound in _targets(facts):
        if target.value.kind is not ChangeKind.LEVEL or baseline or bound:
            continue
        yield _no_baseline(facts, target)


def _targets(facts: Facts) -> Iterator[tuple[Located[Change], bool, bool]]:
    """Yield each target of the goal with whether it has a baseline and whether it is a bound.

    A bound or a hold ("≥ 99.95%", "duy trì trên 90%") is its own test of success: it needs no
    baseline (PRODUCT.md, bounds).  Further targets on the line are judged the same way.
    """
    if facts.target is not None:
        yield facts.target, facts.baseline is not None, facts.is_bound
    for part in facts.parts:
        has_base = part.baseline is not None or part.implied_zero_baseline
        yield part.target, has_base, part.is_bound


def _no_baseline(facts: Facts, target: Located[Change]) -> Violation:
    level = written(target.value, facts.language)
    return Violation(
        target.span,
        pick(
            facts.language,
            f"Mục tiêu {level} không có mốc hiện tại để so sánh.",
            f"The target {level} has no baseline to measure progress from.",
        ),
        pick(
            facts.language,
            f'Nêu giá trị hiện tại: "từ <hiện tại> lên {level}" hoặc thêm `baseline:`.',
            f'Give the current value: "from <current> to {level}" or add `baseline:`.',
        ),
    )


def check_relative_without_base(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Relative target has neither a base nor a period.

    ## What it does
    Checks that a relative target ("+15%", "gấp đôi", "thêm 200") says what it is relative
    to: a named base ("so với tháng 6", "vs last quarter"), a cadence ("hàng tháng"), the
    goal's own period ("trong quý 3 năm 2027", "within 3 months", or from now to a deadline
    such as "by 31 December 2027"), or a baseline the goal states.  The last value of its
    history is where progress starts, not what the change compares with.

    ## Why is this bad?
    "+5%" of what, from when? The same growth looks very different against last month and
    against the same month last year.

    ## Example
    ```yaml
    goals:
      - Tăng số lượng người đăng ký tư vấn sử dụng sản phẩm lên 5%
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng số lượng người đăng ký tư vấn sử dụng sản phẩm lên 5% hàng tháng
    ```
    """
    deadline = facts.deadline
    dated = deadline is not None and deadline.value.end is not None and not deadline.value.problem
    if dated or facts.period_start:
        return  # measured over the goal's own span, from when it is set to its deadline
    # A history's last value is where progress starts, not what "+15%" compares with:
    # only a baseline the goal states itself names that.
    stated = facts.baseline is not None and facts.baseline.source != "history"
    relative = [] if stated or facts.base or facts.cadence else [facts.target]
    relative += [p.target for p in facts.parts if not (p.baseline or p.base or p.cadence)]
    for target in relative:
        if target is not None and target.value.kind in _RELATIVE:
            yield _no_base(facts, target)


def _no_base(facts: Facts, target: Located[Change]) -> Violation:
    return Violation(
        target.span,
        pick(
            facts.language,
            f'Mức thay đổi "{target.value.where.text}" không nói so với mốc nào hay trong khoảng thời gian nào.',
            f'The change "{target.value.where.text}" has no base and no period to measure it against.',
        ),
        pick(
            facts.language,
            'Thêm mốc so sánh ("so với tháng 6") hoặc khoảng thời gian ("trong quý 3 năm 2027", "hàng tháng").',
            'Add a base ("vs June") or a period ("in Q3 2027", "every month").',
        ),
    )


def check_target_equals_baseline(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Target equals the baseline.

    ## What it does
    Checks that the target differs from the starting value.

    ## Why is this bad?
    A goal whose target is where the metric already stands asks for no change; it is
    usually a copy-paste slip.

    ## Example
    ```yaml
    goals:
      - Increase weekly demos from 40 to 40 by 30 June 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - Increase weekly demos from 40 to 48 by 30 June 2027
    ```
    """
    level, baseline = facts.target_level, facts.baseline
    if facts.target is None or level is None or baseline is None or facts.is_bound:
        return  # a bound already met is a hold, which Achievable notes (A307)
    if abs(level - baseline.value) > 1e-9 * max(1.0, abs(level)):
        return
    shown = fmt_exact(level, facts.language)
    yield Violation(
        facts.target.span,
        pick(
            facts.language,
            f"Mục tiêu ({shown}) bằng đúng giá trị hiện tại.",
            f"The target ({shown}) equals the baseline.",
        ),
        pick(
            facts.language,
            'Đặt mục tiêu khác giá trị hiện tại, hoặc ghi rõ "duy trì" nếu đó là ý định.',
            'Set a target that differs from the baseline, or say "maintain" if that is the intent.',
        ),
    )


def check_direction_contradiction(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Direction word contradicts the numbers.

    ## What it does
    Checks that "increase / tăng" goes up and "reduce / giảm" goes down: the target must lie
    on the side of the baseline the verb promises.

    ## Why is this bad?
    "Giảm chi phí từ 80 lên 95 triệu" cannot be both; the reader cannot tell which is meant.

    ## Example
    ```yaml
    goals:
      - Reduce customer churn from 4% to 6% by 31 December 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - Reduce customer churn from 6% to 4% by 31 December 2027
    ```
    """
    level, baseline, target = facts.target_level, facts.baseline, facts.target
    if target is None or level is None or baseline is None or facts.is_bound:
        return
    if facts.direction is Direction.INCREASE and level < baseline.value:
        verb = pick(facts.language, "tăng", "increase")
    elif facts.direction is Direction.DECREASE and level > baseline.value:
        verb = pick(facts.language, "giảm", "reduce")
    else:
        return
    lang = facts.language
    was, goes = fmt_exact(baseline.value, lang), fmt_exact(level, lang)
    yield Violation(
        target.span,
        pick(
            lang,
            f'Mục tiêu nói "{verb}" nhưng con số đi từ {was} đến {goes}.',
            f'The goal says "{verb}" but the numbers go from {was} to {goes}.',
        ),
        pick(
            lang,
            "Sửa động từ hoặc đổi chỗ hai con số cho khớp với hướng mong muốn.",
            "Fix the verb, or swap the numbers so they match the intended direction.",
        ),
    )


def check_field_contradicts_sentence(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """A target or baseline field and the sentence disagree.

    ## What it does
    Compares the `target` and `baseline` fields with what the goal's sentence says (a
    disagreeing `deadline` is T507's).

    ## Why is this bad?
    Readers see the sentence, tools read the fields; when they disagree, one of them is
    wrong and progress gets measured against the wrong number.

    ## Example
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 260 by 30 June 2027
        baseline: 200
        target: 300
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 300 by 30 June 2027
        baseline: 200
        target: 300
    ```
    """
    for conflict in facts.conflicts:
        if conflict.field == "deadline":
            continue  # a deadline disagreement is Time-bound's (T507)
        yield Violation(
            conflict.span,
            pick(
                facts.language,
                f"Trường `{conflict.field}` ghi {conflict.field_says} nhưng câu mục tiêu ghi "
                f'"{conflict.sentence_says}".',
                f"Field `{conflict.field}` says {conflict.field_says} but the sentence says "
                f'"{conflict.sentence_says}".',
            ),
            pick(
                facts.language,
                "Sửa để trường và câu mục tiêu nói cùng một con số.",
                "Make the field and the sentence state the same value.",
            ),
        )


_TIME_BEFORE = Lazy(
    r"(?:by|before|until|in|on|due|deadline|truoc|vao|den|han|han\s+chot|trong|cuoi|het)\s*:?\s*$",
    re.IGNORECASE,
)


def check_placeholder_target(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """A target on the line is a placeholder, so it is not definite.

    ## What it does
    Checks every target of a goal with several: a placeholder where one of them should be
    ("reduce cost per demo to TBD") leaves that target undefined, even when another target
    on the line is a real number. (A placeholder where the deadline should be is Time-bound's.)

    ## Why is this bad?
    Progress can be measured only against a number; "TBD" will still be TBD at the review.

    ## Example
    ```yaml
    goals:
      - id: demos
        title: Increase demo requests by 20% and reduce cost per demo to TBD by 30 June 2027
        why: Sales capacity is idle
    ```

    ## Use instead
    ```yaml
    goals:
      - id: demos
        title: Increase demo requests by 20% and reduce cost per demo to $40 by 30 June 2027
        why: Sales capacity is idle
    ```
    """
    if facts.target is None or facts.goal.title is None:
        return
    for placeholder in facts.placeholders:
        if placeholder.source != "sentence":
            continue
        title = facts.goal.title.value
        at = title.find(placeholder.value)
        before = fold(title[max(0, at - 16) : max(at, 0)]).low
        if at >= 0 and "%" not in placeholder.value and _TIME_BEFORE.search(before):
            continue  # "by <date>": a deadline to fill in, Time-bound's business
        yield Violation(
            placeholder.span,
            pick(
                facts.language,
                f'Mức mục tiêu "{placeholder.value}" chưa xác định nên không đo được.',
                f'The target "{placeholder.value}" is not a definite quantity, so it cannot be measured.',
            ),
            pick(
                facts.language,
                f'Thay "{placeholder.value}" bằng con số cần đạt.',
                f'Replace "{placeholder.value}" with the number to reach.',
            ),
        )


def check_key_result_not_measurable(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """A key result of a qualitative objective is not measurable.

    ## What it does
    An objective that states no quantity and no deadline is judged through its key results:
    it is measurable when every key result is. This rule names the key results that are not.

    ## Why is this bad?
    An objective in OKR practice is qualitative on purpose; its key results carry the
    numbers and dates. When one of them lacks what the objective leaves to it, nothing in the
    objective's tree does.

    ## Example
    ```yaml
    goals:
      - id: brand
        title: Be the shop customers recommend
        why: Most new customers come from a friend
        key_results:
          - Increase NPS from 32 to 45 by 31 December 2027
          - Reach an average review score of 4.5 by 31 December 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - id: brand
        title: Be the shop customers recommend
        why: Most new customers come from a friend
        key_results:
          - Increase NPS from 32 to 45 by 31 December 2027
          - Raise the average review score from 4.1 to 4.5 by 31 December 2027
    ```
    """
    yield from key_result_findings(facts, Criterion.MEASURABLE, ctx)


RULES: tuple[Rule, ...] = (
    rule(
        "M201",
        "no-target",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_no_target,
        fix="State the level or change to reach.",
    ),
    rule(
        "M202",
        "target-without-baseline",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_absolute_without_baseline,
        fix="Give the current value the target starts from.",
    ),
    rule(
        "M203",
        "relative-target-without-base",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_relative_without_base,
        fix="Say what the change is relative to, or over which period.",
    ),
    rule(
        "M204",
        "target-equals-baseline",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_target_equals_baseline,
        fix="Set a target different from the baseline.",
    ),
    rule(
        "M205",
        "direction-contradicts-numbers",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_direction_contradiction,
        fix="Make the verb and the numbers agree.",
    ),
    rule(
        "M206",
        "field-contradicts-sentence",
        Criterion.MEASURABLE,
        Severity.WARNING,
        check_field_contradicts_sentence,
        fix="Make the field and the sentence agree.",
    ),
    rule(
        "M207",
        "placeholder-target",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_placeholder_target,
        fix="Replace the placeholder with the number to reach.",
    ),
    rule(
        "M208",
        "key-result-not-measurable",
        Criterion.MEASURABLE,
        Severity.ERROR,
        check_key_result_not_measurable,
        fix="Give every key result a definite target and a baseline.",
    ),
)
