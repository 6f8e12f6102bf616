"""Achievable (A3xx): the pace a target requires, against the pace the metric has shown.

The plan (start, periods, required pace) and its judgement against the history come from
:mod:`smartlint.plan`; this module keeps the checks and their wording.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date

from smartlint import pace
from smartlint.context import Context, Options
from smartlint.facts import Facts
from smartlint.figures import change_text, level_text, scale_of
from smartlint.i18n import (
    fmt_exact,
    fmt_number,
    fmt_percent,
    fmt_short_date,
    period_word,
    periodic_words,
    pick,
    written,
)
from smartlint.model import Criterion, Effect, Language, Period, Severity, Violation
from smartlint.plan import (
    Lack,
    Missing,
    Plan,
    Reason,
    has_history,
    history_paces,
    judge_goal,
    mismatch_for,
    plan_for,
    realistic_level,
    shown_target,
)
from smartlint.rules.base import Rule, rule

# --------------------------------------------------------------------------- why a plan is missing

_MISSING_TARGET = {
    Language.VI: (
        "chưa có mức mục tiêu",
        "nêu mức cần đạt (`target: 13200` hoặc `+10%`)",
    ),
    Language.EN: ("there is no target", "state the target (`target: 13200` or `+10%`)"),
}
_MISSING_DEADLINE = {
    Language.VI: (
        "chưa có thời hạn hay chu kỳ",
        'thêm thời hạn ("vào cuối tháng 7 năm 2027") hoặc chu kỳ ("hàng tháng")',
    ),
    Language.EN: (
        "there is no deadline or cadence",
        'add a deadline ("by 31 July 2027") or a cadence ("every month")',
    ),
}
_MISSING_BASELINE = {
    Language.VI: (
        "chưa biết giá trị hiện tại của chỉ số",
        "thêm `baseline:` với giá trị hiện tại",
    ),
    Language.EN: (
        "the metric's current value is unknown",
        "add `baseline:` with the current value",
    ),
}


# A goal that counts new things ("hire two", "đăng 5 bài mới") starts from zero, where a
# growth rate means nothing; what settles it is how many were done per period before.
_FROM_ZERO = {
    Language.VI: (
        "mục tiêu đếm việc mới từ 0, nên không so tốc độ tăng trưởng được",
        "thêm `history:` với số lượng đã làm được mỗi tháng trước đây",
    ),
    Language.EN: (
        "the goal counts new things from zero, so there is no growth rate to compare",
        "add `history:` with how many were done per month before",
    ),
}


def _not_positive(lang: Language, value: float | None) -> tuple[str, str]:
    shown = fmt_number(value, lang) if value is not None else "0"
    return (
        pick(
            lang,
            f"tốc độ tăng trưởng chỉ so được giữa các giá trị lớn hơn 0 (ở đây: {shown})",
            f"growth can only be compared between values above zero (here: {shown})",
        ),
        pick(
            lang,
            "nêu giá trị hiện tại lớn hơn 0 và mức cần đạt",
            "give a current value above zero and the level to reach",
        ),
    )


def _not_after(lang: Language, deadline: date, since: date, *, measured: bool) -> tuple[str, str]:
    if measured:
        what = pick(lang, "lần đo cuối", "the last measurement")
    else:
        what = pick(lang, "ngày bắt đầu", "the start")
    shown, day = fmt_short_date(deadline, lang), fmt_short_date(since, lang)
    return (
        pick(
            lang,
            f"thời hạn {shown} không sau {what} ({day})",
            f"the deadline {shown} is not after {what} ({day})",
        ),
        pick(lang, f"đặt thời hạn sau {what}", f"set a deadline after {what}"),
    )


def _reason(reason: Reason, lang: Language) -> tuple[str, str]:
    """Word one reason the pace cannot be computed: (message part, suggestion part)."""
    lack = reason.lack
    if lack is Lack.NOT_POSITIVE:
        return _not_positive(lang, reason.value)
    if lack is Lack.NOT_AFTER:
        assert reason.deadline is not None and reason.since is not None
        return _not_after(lang, reason.deadline, reason.since, measured=reason.measured)
    return _LACKS[lack][lang]


_LACKS = {
    Lack.TARGET: _MISSING_TARGET,
    Lack.DEADLINE: _MISSING_DEADLINE,
    Lack.BASELINE: _MISSING_BASELINE,
    Lack.FROM_ZERO: _FROM_ZERO,
}


# --------------------------------------------------------------------------- words


def _show_pace(signed: float, plan: Plan, lang: Language) -> str:
    """Format a pace per period: "+21%", "-4,5%", "+0,7 điểm %"."""
    if plan.points:
        number = fmt_number(signed, lang, decimals=1)
        sign = "+" if signed > 0 else ""
        return f"{sign}{number} " + pick(lang, "điểm %", "points")
    percent = pace.as_percent(signed)
    if not percent < 1e6:  # also inf and nan: a bound reads better than "inf%"
        return pick(lang, ">+1.000.000%", ">+1,000,000%")
    if abs(percent) >= 100:  # "+416%": a decimal adds nothing at that size
        percent = float(round(percent))
    return fmt_percent(percent, lang, signed=True)


def _per(plan: Plan, lang: Language) -> str:
    return "/" + period_word(plan.unit, lang)


def _metric(facts: Facts, lang: Language) -> str:
    if facts.metric is not None:
        return facts.metric.value
    return pick(lang, "chỉ số này", "the metric")


def _path(facts: Facts, plan: Plan, lang: Language) -> str:
    """Return "1.050 → 1.313 vào 28/02/2021" when the levels are known."""
    parts = []
    # a cadence goal's levels are one step, not the whole path: only its rhythm is shown
    target = shown_target(facts, plan)
    if plan.periods is not None and plan.start is not None and target is not None:
        scale = scale_of(facts)
        parts.append(f"{level_text(plan.start, scale, lang)} → {level_text(target, scale, lang)}")
    if plan.deadline is not None:
        parts.append(pick(lang, "vào ", "by ") + fmt_short_date(plan.deadline, lang))
    return " ".join(parts)


def _needs(plan: Plan, lang: Language) -> str:
    """Return the required pace: "+25%/tháng", or "+8%/week (≈ +39.7%/month)" for a cadence."""
    per_unit = _show_pace(plan.sign * plan.required, plan, lang) + _per(plan, lang)
    if plan.cadence is None or plan.cadence is plan.unit:
        return per_unit
    each = pace.convert_pace(plan.sign * plan.required, plan.unit, plan.cadence)
    return f"{_show_pace(each, plan, lang)}/{period_word(plan.cadence, lang)} (≈ {per_unit})"


def _times(factor: float, lang: Language) -> str:
    if factor == 2:
        return pick(lang, "gấp đôi", "twice")
    return pick(lang, f"gấp {fmt_number(factor, lang)} lần", f"{fmt_number(factor, lang)}×")


def _growth_fix(options: Options) -> str:
    """Word A301's fix with the configured factor: "… at most twice the best pace …"."""
    times = _times(options.achievable_factor, Language.EN)
    return f"Lower the target to at most {times} the best pace in the history."


# --------------------------------------------------------------------------- checks


def check_growth_beyond_history(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Target needs a pace far beyond the metric's history.

    ## What it does
    Computes the pace the target requires per history period (in log space for counts, in
    points for rates) and compares it with the best pace the history shows in the same
    direction. The goal fails when it asks for more than `achievable-factor` (default 2)
    times that best pace. A history that never moved the goal's way allows only the noise
    floor (+1% a month, 0.1 point a month for rates).

    ## Why is this bad?
    If visits grew 5% last month, +8–10% next month is a stretch worth making; +25% is a
    wish. A goal nobody believes in stops steering work.

    ## Example
    ```yaml
    goals:
      - id: visits
        title: Tăng số lượt truy cập website lên 25% trong tháng 2 năm 2027
        why: Thêm khách hàng tiềm năng cho đội bán hàng
        history: {period: month, values: [1000, 1050]}
    ```

    ## Use instead
    ```yaml
    goals:
      - id: visits
        title: Tăng số lượt truy cập website lên 8% trong tháng 2 năm 2027
        why: Thêm khách hàng tiềm năng cho đội bán hàng
        history: {period: month, values: [1000, 1050]}
    ```

    ## Options
    - `achievable-factor` (default 2.0): how many times the best historical pace a goal
      may ask for.
    """
    judged = judge_goal(facts, ctx)
    if judged is None or not judged[1].beyond:
        return
    plan, verdict = judged
    factor = ctx.options.achievable_factor
    lang = facts.language
    unit = period_word(plan.unit, lang)
    needs = _needs(plan, lang)
    path = _path(facts, plan, lang)
    if verdict.best > 0:
        best = _show_pace(plan.sign * verdict.best, plan, lang)
        so_far = pick(lang, f"{unit} tốt nhất mới {best}", f"the best {unit} so far was {best}")
    else:
        moved = pick(lang, "tăng" if plan.sign > 0 else "giảm", "up" if plan.sign > 0 else "down")
        so_far = pick(lang, f"chưa {unit} nào {moved}", f"no {unit} so far moved it {moved}")
    message = pick(lang, f"Cần {needs}", f"Needs {needs}")
    message += f" ({path}); {so_far}." if path else f"; {so_far}."

    allowed = plan.sign * verdict.allowed
    if verdict.from_noise:
        how = pick(
            lang,
            f"Với mức dao động tự nhiên ({_show_pace(allowed, plan, lang)}{_per(plan, lang)})",
            f"At the pace a flat metric drifts ({_show_pace(allowed, plan, lang)}"
            f"{_per(plan, lang)})",
        )
    else:
        times = _times(factor, lang)
        how = pick(
            lang,
            f"Với tốc độ {times} {unit} tốt nhất",
            f"At {times} the best {unit}'s pace",
        )
    if plan.periods is None:
        cadence = plan.cadence or plan.unit
        per_cadence = pace.convert_pace(allowed, plan.unit, cadence)
        each = _show_pace(per_cadence, plan, lang)
        word = period_word(cadence, lang)
        suggestion = pick(lang, f"{how}: ≈ {each} mỗi {word}.", f"{how}: ≈ {each} every {word}.")
    else:
        total = allowed * plan.periods
        change = _show_pace(total, plan, lang)
        date_text = fmt_short_date(plan.deadline, lang) if plan.deadline else ""
        level = realistic_level(facts, ctx)
        if plan.start is not None and level is not None:
            scale = scale_of(facts)
            change = change_text(plan.start, level, scale, lang) or change
            reach = f"≈ {level_text(level, scale, lang)}" + pick(lang, " vào ", " by ") + date_text
            suggestion = f"{how}: {reach} ({change})."
        else:
            suggestion = f"{how}: ≈ {change}" + pick(lang, " vào ", " by ") + date_text + "."
    yield Violation(plan.span, message, suggestion)


def check_no_history(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal has no history to judge its pace against.

    ## What it does
    Marks Achievable as `skip` when the goal states a target and a deadline (or a cadence)
    but no `history:` with at least two values, and names the history that would settle it.

    ## Why is this bad?
    Without past values nobody can tell a stretch from a fantasy: +10% is easy for a
    metric that grows 8% a month and out of reach for one that grows 1%.

    ## Example
    ```yaml
    goals:
      - id: subscribers
        title: Increase newsletter subscribers from 12,000 to 13,200 by 31 July 2027
        why: Newsletter readers convert twice as often
    ```

    ## Use instead
    ```yaml
    goals:
      - id: subscribers
        title: Increase newsletter subscribers from 12,000 to 13,200 by 31 July 2027
        why: Newsletter readers convert twice as often
        history: {period: month, values: [11200, 11500, 11800, 12000]}
    ```
    """
    if has_history(facts):
        return
    plan = plan_for(facts, ctx)
    if isinstance(plan, Missing) or plan.held:
        return
    # A target already reached (or pointing the wrong way) is still unjudged without history:
    # the verdict stays skip, and A305 / M205 say what is odd about it.
    lang = facts.language
    unit = facts.history.period if facts.history is not None else plan.cadence or Period.MONTH
    word = period_word(unit, lang)
    metric = _metric(facts, lang)
    one = facts.history is not None and len(facts.history.points) == 1
    needs = _needs(plan, lang) if plan.required > 0 else pick(lang, "không tăng", "no progress")
    message = pick(
        lang,
        f"Lịch sử chỉ có một giá trị nên chưa có tốc độ để so với mức cần đạt ({needs})."
        if one
        else f"Chưa có số liệu lịch sử để biết tốc độ cần đạt ({needs}) có khả thi hay không.",
        f"The history has a single value, so there is no pace to compare the required {needs} with."
        if one
        else f"There is no history to tell whether the required pace ({needs}) is achievable.",
    )
    suggestion = pick(
        lang,
        f"Thêm `history:` với giá trị theo {word} của {metric}"
        f" (`period: {unit.value}`, `values: [...]`, cũ nhất trước).",
        f"Add `history:` with the values of {metric} per {word}"
        f" (`period: {unit.value}`, `values: [...]`, oldest first).",
    )
    yield Violation(facts.anchor, message, suggestion)


def check_not_enough_data(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal lacks the numbers needed to compute its pace.

    ## What it does
    Marks Achievable as `skip` when the required pace cannot be computed: no target, no
    baseline for a level, no deadline or cadence, values at or below zero (growth from
    zero has no rate), a deadline not after the last measurement, or a history whose values
    cannot be compared. The message says which.

    ## Why is this bad?
    Achievability is a comparison of two paces; a goal that gives neither its start, its end
    nor its time frame cannot be judged, and is usually vague in other ways too.

    ## Example
    ```yaml
    goals:
      - id: revenue
        title: Tăng doanh thu lên 15% so với tháng trước
        why: Mục tiêu chung của doanh nghiệp
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue
        title: Tăng doanh thu lên 15% so với tháng trước vào cuối tháng 3 năm 2027
        why: Mục tiêu chung của doanh nghiệp
        history: {period: month, values: [100, 108, 115]}
    ```
    """
    lang = facts.language
    plan = plan_for(facts, ctx)
    reasons: tuple[tuple[str, str], ...]
    if isinstance(plan, Missing):
        reasons = tuple(_reason(r, lang) for r in plan.reasons)
    elif plan.required > 0 and has_history(facts) and not history_paces(facts, plan):
        reasons = (
            (
                pick(
                    lang,
                    "lịch sử không có hai giá trị liên tiếp nào lớn hơn 0 để tính tốc độ",
                    "the history has no two consecutive values above zero to take a pace from",
                ),
                pick(lang, "sửa các giá trị trong `history:`", "fix the values in `history:`"),
            ),
        )
    else:
        return
    head = pick(lang, "Chưa đánh giá được tính khả thi: ", "Cannot judge achievability: ")
    message = head + "; ".join(r[0] for r in reasons) + "."
    fix = "; ".join(r[1] for r in reasons)
    yield Violation(facts.anchor, message, fix[:1].upper() + fix[1:] + ".")


def check_extreme_growth(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Target needs extreme growth and there is no history to back it.

    ## What it does
    Without history Achievable stays `skip`, but a target that needs more than +30% a month
    (`extreme-monthly-growth`) or more than ×10 overall (`extreme-overall-factor`), up or
    down, is flagged anyway.

    ## Why is this bad?
    Few metrics sustain such growth; a goal like this needs evidence before it is planned
    around.

    ## Example
    ```yaml
    goals:
      - id: downloads
        title: Increase app downloads from 1,000 to 50,000 by 31 March 2027
        why: The launch campaign depends on it
    ```

    ## Use instead
    ```yaml
    goals:
      - id: downloads
        title: Increase app downloads from 1,000 to 1,200 by 31 March 2027
        why: The launch campaign depends on it
    ```

    ## Options
    - `extreme-monthly-growth` (default 0.30): the monthly growth called extreme.
    - `extreme-overall-factor` (default 10): the overall multiplier called extreme.
    """
    if has_history(facts):
        return
    plan = plan_for(facts, ctx)
    if isinstance(plan, Missing) or plan.required <= 0:
        return
    lang = facts.language
    options = ctx.options
    reasons: list[str] = []
    if not plan.points:
        monthly = pace.convert_pace(plan.required, plan.unit, Period.MONTH)
        limit = math.log1p(options.extreme_monthly_growth)
        if monthly > limit:
            shown = _show_pace(plan.sign * monthly, plan, lang)
            reasons.append(pick(lang, f"{shown}/tháng", f"{shown}/month"))
    if (
        plan.periods is not None
        and plan.start is not None
        and plan.target is not None
        and plan.start > 0
        and plan.target > 0
    ):
        overall = abs(math.log(plan.target) - math.log(plan.start))  # no ratio underflow
        if overall > math.log(options.extreme_overall_factor):
            ratio = math.exp(min(overall, pace.MAX_EXP)) ** (1 if plan.target >= plan.start else -1)
            shown = (
                f"×{fmt_number(ratio, lang, decimals=1)}"
                if ratio >= 1
                else f"÷{fmt_number(1 / ratio, lang, decimals=1)}"
            )
            reasons.append(pick(lang, f"{shown} tổng cộng", f"{shown} overall"))
    if not reasons:
        return
    said = pick(lang, " và ", " and ").join(reasons)
    yield Violation(
        plan.span,
        pick(
            lang,
            f"Mục tiêu cần tăng trưởng rất cao ({said}) mà không có lịch sử chứng minh.",
            f"The target needs extreme growth ({said}) with no history to back it.",
        ),
        pick(
            lang,
            "Thêm `history:` để chứng minh tốc độ này, hoặc đặt mục tiêu thấp hơn.",
            "Add `history:` that shows such a pace, or set a lower target.",
        ),
    )


def check_target_already_reached(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Target is already reached by the baseline.

    ## What it does
    Notes a goal whose target asks for no progress in its own direction: the current
    value already meets it.

    ## Why is this bad?
    A goal that is met on the day it is written is not a goal; it hides the real ambition.

    ## Example
    ```yaml
    goals:
      - id: signups
        title: Increase sign-ups to 10,000 by 31 July 2027
        why: Enough users for the beta
        baseline: 12000
    ```

    ## Use instead
    ```yaml
    goals:
      - id: signups
        title: Increase sign-ups to 14,000 by 31 July 2027
        why: Enough users for the beta
        baseline: 12000
        history: {period: month, values: [11000, 11500, 12000]}
    ```
    """
    plan = plan_for(facts, ctx)
    if isinstance(plan, Missing) or plan.required > 0 or plan.held:
        return
    lang = facts.language
    target = shown_target(facts, plan)
    if plan.start is not None and target is not None:
        scale = scale_of(facts)
        goal, now = level_text(target, scale, lang), level_text(plan.start, scale, lang)
        message = pick(
            lang,
            f"Mục tiêu {goal} đã đạt: giá trị hiện tại là {now}.",
            f"The target {goal} is already reached: the current value is {now}.",
        )
    else:
        message = pick(
            lang,
            "Mục tiêu không đòi hỏi tiến bộ nào.",
            "The target asks for no progress.",
        )
    yield Violation(
        plan.span,
        message,
        pick(
            lang,
            "Đặt mức mục tiêu vượt giá trị hiện tại.",
            "Set a target beyond the current value.",
        ),
    )


def check_trend_reaches_target(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Target is reached by the plain trend, without extra effort.

    ## What it does
    Notes a goal whose required pace is at or below the median pace of its history: the
    metric reaches the target by carrying on as it is.

    ## Why is this bad?
    A goal the trend meets anyway measures the weather, not the team's work.

    ## Example
    ```yaml
    goals:
      - id: visits
        title: Tăng số lượt truy cập website lên 5% trong tháng 2 năm 2027
        why: Thêm khách hàng tiềm năng cho đội bán hàng
        history: {period: month, values: [1000, 1100, 1210]}
    ```

    ## Use instead
    ```yaml
    goals:
      - id: visits
        title: Tăng số lượt truy cập website lên 15% trong tháng 2 năm 2027
        why: Thêm khách hàng tiềm năng cho đội bán hàng
        history: {period: month, values: [1000, 1100, 1210]}
    ```
    """
    judged = judge_goal(facts, ctx)
    if judged is None:
        return
    plan, verdict = judged
    if not verdict.trend_reaches or verdict.beyond or verdict.trend is None:
        return
    lang = facts.language
    needs = _needs(plan, lang)
    trend = _show_pace(plan.sign * verdict.trend, plan, lang) + _per(plan, lang)
    yield Violation(
        plan.span,
        pick(
            lang,
            f"Mục tiêu chỉ cần {needs}, trong khi xu hướng hiện tại đã là {trend}.",
            f"The target needs only {needs}, while the current trend is already {trend}.",
        ),
        pick(
            lang,
            "Đặt mục tiêu cao hơn xu hướng để nó phản ánh nỗ lực của đội.",
            "Set the target above the trend so it reflects the team's effort.",
        ),
    )


def check_bound_already_met(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Bound is already met: the goal holds the metric where it is.

    ## What it does
    Notes a bound ("≥ 99.95%", "dưới 3%", "maintain NPS above 50") whose current value (a
    `baseline`, the sentence's "hiện tại …", or the last `history` value) already meets it.
    Such a goal is a hold: it is achievable by keeping what works, and Achievable passes.

    ## Why is this bad?
    It is not: holding a level is a fine goal. The note says so, so that a reader does not
    mistake a hold for a stretch, and can raise the bar if a stretch was meant.

    ## Example
    ```yaml
    goals:
      - id: uptime
        title: Keep API availability at or above 99.9% every month
        why: Enterprise contracts promise it
        history: {period: month, values: [99.92, 99.95, 99.97]}
    ```

    ## Use instead
    ```yaml
    goals:
      - id: uptime
        title: Keep API availability at or above 99.99% every month
        why: Enterprise contracts promise it
        history: {period: month, values: [99.92, 99.95, 99.97]}
    ```
    """
    plan = plan_for(facts, ctx)
    if isinstance(plan, Missing) or not plan.held or facts.target is None:
        return
    lang = facts.language
    bound = written(facts.target.value, lang)
    now = fmt_exact(plan.start, lang) if plan.start is not None else "?"
    yield Violation(
        plan.span,
        pick(
            lang,
            f"Ngưỡng {bound} đã đạt (hiện tại {now}): mục tiêu là giữ vững mức này.",
            f"The bound {bound} is already met (currently {now}): the goal holds it.",
        ),
        pick(
            lang,
            "Giữ nguyên nếu đó là ý định; nếu muốn bứt phá, đặt ngưỡng cao hơn mức hiện tại.",
            "Keep it if holding is the intent; for a stretch, set the bound beyond today's value.",
        ),
    )


def check_history_period_mismatch(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """History is kept per a different period than the goal's level.

    ## What it does
    Compares the period of the `history:` values with the period the goal's level is a
    total over: the `unit:` field ("VND/năm"), period words on the metric ("annual
    revenue", "doanh thu năm 2027"), the period a level recurs in ("15 hợp đồng mỗi quý"),
    or the calendar year or quarter a level's deadline names. When they differ and the
    numbers agree that they are totals of different lengths (an annual baseline about four
    times the last quarterly value), Achievable is `skip` with this note instead of a
    judgement.

    ## Why is this bad?
    Quarterly revenue of 11 tỷ beside an annual baseline of 40 tỷ is not a jump from 11 to
    40: they measure different things. Charting them on one scale, or comparing their
    paces, gives a verdict about numbers nobody wrote.

    ## Example
    ```yaml
    goals:
      - id: revenue
        title: Increase annual revenue from $4 million to $4.8 million by the end of 2027
        why: Funding for two new branches
        history: {period: quarter, values: [900000, 950000, 1000000, 1100000]}
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue
        title: Increase annual revenue from $4 million to $4.8 million by the end of 2027
        why: Funding for two new branches
        history: {period: year, values: [3200000, 3600000, 4000000]}
    ```
    """
    mismatch = mismatch_for(facts, ctx)
    if mismatch is None or isinstance(plan_for(facts, ctx), Missing):
        return  # A303 already says why Achievable is not judged: one skip note is enough
    lang = facts.language
    scale = scale_of(facts)
    kept = periodic_words(mismatch.history, lang)  # "theo quý" / "quarterly"
    total = periodic_words(mismatch.level, lang)  # "theo năm" (the English says "per year")
    kept_word, level_word = period_word(mismatch.history, lang), period_word(mismatch.level, lang)
    last, level = (
        level_text(mismatch.last, scale, lang),
        level_text(mismatch.reference, scale, lang),
    )
    history_unit, level_unit = mismatch.history.value, mismatch.level.value
    yield Violation(
        mismatch.span,
        pick(
            lang,
            f"Lịch sử ghi giá trị {kept} (gần nhất {last}) nhưng mức của mục tiêu là tổng"
            f" {total} ({level}): hai con số không cùng một thước đo, nên chưa so tốc độ.",
            f"The history holds {kept} values (last {last}) but the goal's level is a total"
            f" per {level_word} ({level}): they measure different things, so no pace is compared.",
        ),
        pick(
            lang,
            f"Ghi lịch sử {total} (`period: {level_unit}`), hoặc nêu mức hiện tại và mục"
            f" tiêu {kept} cho khớp với `period: {history_unit}`.",
            f"Give the history per {level_word} (`period: {level_unit}`), or state the baseline and"
            f" target per {kept_word} to match `period: {history_unit}`.",
        ),
    )


RULES: tuple[Rule, ...] = (
    rule(
        "A301",
        "growth-beyond-history",
        Criterion.ACHIEVABLE,
        Severity.WARNING,
        check_growth_beyond_history,
        effect=Effect.FAIL,
        fix=_growth_fix(Options()),
        fix_for=_growth_fix,
    ),
    rule(
        "A302",
        "no-history",
        Criterion.ACHIEVABLE,
        Severity.INFO,
        check_no_history,
        effect=Effect.SKIP,
        fix="Add `history:` with past values of the metric.",
    ),
    rule(
        "A303",
        "not-enough-data",
        Criterion.ACHIEVABLE,
        Severity.INFO,
        check_not_enough_data,
        effect=Effect.SKIP,
        fix="Give a baseline, a target and a deadline or cadence, with values above zero.",
    ),
    rule(
        "A304",
        "extreme-growth",
        Criterion.ACHIEVABLE,
        Severity.WARNING,
        check_extreme_growth,
        effect=Effect.NONE,
        fix="Back the target with history, or lower it.",
    ),
    rule(
        "A305",
        "target-already-reached",
        Criterion.ACHIEVABLE,
        Severity.INFO,
        check_target_already_reached,
        effect=Effect.NONE,
        fix="Set a target beyond the current value.",
    ),
    rule(
        "A306",
        "trend-reaches-target",
        Criterion.ACHIEVABLE,
        Severity.INFO,
        check_trend_reaches_target,
        effect=Effect.NONE,
        fix="Set the target above what the trend reaches anyway.",
    ),
    rule(
        "A307",
        "bound-already-met",
        Criterion.ACHIEVABLE,
        Severity.INFO,
        check_bound_already_met,
        effect=Effect.NONE,
        fix="Keep the bound to hold the level, or raise it for a stretch.",
    ),
    rule(
        "A308",
        "history-period-mismatch",
        Criterion.ACHIEVABLE,
        Severity.WARNING,
        check_history_period_mismatch,
        effect=Effect.SKIP,
        fix="Keep the history in the period of the goal's level, or restate the level.",
    ),
)
