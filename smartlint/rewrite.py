"""Suggest one rewritten statement for a goal that fails a criterion, in its own language.

The rewrite is built from what the goal already says (metric, numbers, base, cadence,
deadline, means); only facts it lacks become ``<placeholders>``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.figures import change_text, level_text, rounded_level, scale_of
from smartlint.i18n import (
    cadence_words,
    fmt_date,
    fmt_number,
    fmt_percent,
    pick,
)
from smartlint.model import ChangeKind, Criterion, Direction, Language, Verdict
from smartlint.patterns import Lazy
from smartlint.plan import mismatch_for, realistic_level

_VI_TIME_WORDS = Lazy(r"^(vào|trong|trước|đến|tới|cuối|hết|until|by)\b", re.IGNORECASE)
_EN_TIME_WORDS = Lazy(
    r"^(by|in|within|before|until|during|over|at|end of|through)\b", re.IGNORECASE
)


def rewrite_goal(facts: Facts, verdicts: Mapping[Criterion, Verdict], ctx: Context) -> str:
    """Return the goal as one sentence that states metric, numbers and deadline."""
    lang = facts.language
    if _says_it_all(facts, verdicts):
        assert facts.reading is not None
        sentence = facts.reading.text.strip().rstrip(" .;,")
    else:
        sentence = _composed(facts, verdicts, ctx)
    if (
        verdicts.get(Criterion.RELEVANT) is Verdict.FAIL
        and _top_level(facts)
        and not facts.goal.why
    ):
        sentence += pick(
            lang, ", nhằm <lý do mục tiêu này quan trọng>", ", so that <why it matters>"
        )
    return sentence[:1].upper() + sentence[1:]


def _composed(facts: Facts, verdicts: Mapping[Criterion, Verdict], ctx: Context) -> str:
    """Build the statement from the goal's facts, with placeholders for what it lacks."""
    lang = facts.language
    baseline = facts.baseline
    if baseline is not None and baseline.source == "history" and mismatch_for(facts, ctx):
        # the history's last value is another period's total (A308), not the current level
        facts = replace(facts, baseline=None)
    realistic = (
        realistic_level(facts, ctx) if verdicts.get(Criterion.ACHIEVABLE) is Verdict.FAIL else None
    )
    if facts.metric is None and facts.target is None and facts.reading is not None:
        parts = [_what_it_says(facts), _measured_by(facts)]
    else:
        parts = [_verb(facts), _metric(facts), _numbers(facts, realistic)]
    if facts.cadence is not None:
        parts.append(cadence_words(facts.cadence.value, lang))
    parts.append(_deadline(facts, ctx.today))
    reading = facts.reading
    if reading is not None and reading.means is not None:
        parts.append(reading.means.text.strip().rstrip("."))
    return " ".join(p for p in parts if p)


def _says_it_all(facts: Facts, verdicts: Mapping[Criterion, Verdict]) -> bool:
    """Tell whether the goal's own sentence states it fully: only Relevant fails, and the
    target and deadline come from the sentence.  Its words (units, "mỗi ngày", the verb
    the author chose) are then kept, and only what Relevant misses is added."""
    if any(verdicts.get(c) is Verdict.FAIL for c in _STATED):
        return False
    target, deadline = facts.target, facts.deadline
    return (
        facts.reading is not None
        and target is not None
        and target.source == "sentence"
        and (deadline is None or deadline.source == "sentence")
    )


_STATED = (Criterion.SPECIFIC, Criterion.MEASURABLE, Criterion.ACHIEVABLE, Criterion.TIME_BOUND)


def _needs_own_period(facts: Facts) -> bool:
    """Tell whether a relative target is measured over the period its deadline names."""
    target = facts.target
    return (
        target is not None
        and target.value.kind is not ChangeKind.LEVEL
        and facts.baseline is None
        and facts.base is None
        and facts.cadence is None
        and facts.period_start is not None
    )


def _top_level(facts: Facts) -> bool:
    return facts.goal.parent is None and not facts.goal.parent_from_nesting


def _verb(facts: Facts) -> str:
    lang = facts.language
    if _going_down(facts):
        return pick(lang, "giảm", "reduce")
    return pick(lang, "tăng", "increase")


def _going_down(facts: Facts) -> bool:
    level, baseline = facts.target_level, facts.baseline
    if level is not None and baseline is not None and level != baseline.value:
        return level < baseline.value
    return facts.direction is Direction.DECREASE


def _metric(facts: Facts) -> str:
    if facts.metric is not None:
        return facts.metric.value.strip(" ,.")
    return pick(facts.language, "<chỉ số cần thay đổi>", "<metric>")


def _value(facts: Facts, value: float) -> str:
    return level_text(value, scale_of(facts), facts.language)


def _what_it_says(facts: Facts) -> str:
    """Return the sentence without its time phrase: the action a goal with no metric names."""
    assert facts.reading is not None
    text = facts.reading.text
    deadline = facts.deadline
    if deadline is not None and deadline.source == "sentence":
        where = deadline.value.where
        text = text[: where.start] + text[where.end :]
    return " ".join(text.split()).strip(" ,.;") + ","


def _measured_by(facts: Facts) -> str:
    return pick(
        facts.language,
        "đo bằng <chỉ số> từ <giá trị hiện tại> lên <mục tiêu>",
        "measured by <metric> going from <current value> to <target>",
    )


def _numbers(facts: Facts, realistic: float | None = None) -> str:
    lang = facts.language
    down = _going_down(facts)
    to_word = pick(lang, "xuống" if down else "lên", "to")
    current = pick(lang, "<giá trị hiện tại>", "<current value>")
    target = facts.target
    if target is None or facts.placeholders:
        goal = pick(lang, "<mục tiêu>", "<target>")
        return pick(lang, f"từ {current} {to_word} {goal}", f"from {current} to {goal}")
    change = target.value
    start = facts.baseline.value if facts.baseline is not None else None
    level = facts.target_level
    if realistic is not None:
        level = realistic  # already rounded toward the start, as A301's hint shows it
    elif level is not None:
        level = rounded_level(level, scale_of(facts), start=start)
    if start is not None and level == start:  # asks for no change
        was, goal = _value(facts, level), pick(lang, "<mục tiêu>", "<target>")
        return pick(lang, f"từ {was} {to_word} {goal}", f"from {was} to {goal}")
    if start is not None and level is not None:
        was, goes = _value(facts, start), _value(facts, level)
        text = pick(lang, f"từ {was} {to_word} {goes}", f"from {was} to {goes}")
        scale = scale_of(facts)
        if change.kind is not ChangeKind.POINTS and not scale.percent:
            pct = change_text(start, level, scale, lang)
            text += f" ({pct})" if pct else ""
        return text
    if change.kind is ChangeKind.LEVEL:
        goes = _value(facts, change.value)
        return pick(lang, f"từ {current} {to_word} {goes}", f"from {current} to {goes}")
    amount = _relative(facts)
    base = facts.base.value if facts.base is not None else None
    if base is None and facts.cadence is None and facts.period_start is None:
        base = pick(lang, "so với <mốc so sánh>", "over <base period>")
    return " ".join(p for p in (amount, base) if p)


def _relative(facts: Facts) -> str:
    assert facts.target is not None
    change, lang = facts.target.value, facts.language
    if change.kind is ChangeKind.FACTOR:
        if change.value == 0.5:
            return pick(lang, "một nửa", "by half")
        if change.value < 1:
            share = fmt_percent(change.value * 100, lang)
            return pick(lang, f"còn {share} mức hiện tại", f"to {share} of its current level")
        factor = fmt_number(change.value, lang)
        return pick(lang, f"lên gấp {factor} lần", f"{factor}-fold")
    if change.kind is ChangeKind.PERCENT:
        return pick(lang, "thêm ", "by ") + fmt_percent(abs(change.value), lang)
    if change.kind is ChangeKind.POINTS:
        pts = fmt_number(abs(change.value), lang)
        return pick(lang, f"thêm {pts} điểm phần trăm", f"by {pts} percentage points")
    return pick(lang, "thêm ", "by ") + fmt_number(abs(change.value), lang)


def _deadline(facts: Facts, today: date) -> str:
    lang = facts.language
    missing = pick(
        lang, "vào <thời hạn, ví dụ: cuối tháng 7 năm 2027>", "by <deadline, e.g. 31 July 2027>"
    )
    deadline = facts.deadline
    if deadline is None:
        return "" if facts.cadence is not None else missing
    ref = deadline.value
    if ref.end is None or ref.problem is not None:
        return missing
    if (facts.start is not None and ref.end < facts.start.value) or ref.end < today:
        return pick(lang, "vào <thời hạn mới>", "by <new deadline>")
    if _needs_own_period(facts) and deadline.source == "sentence" and not ref.year_assumed:
        text = ref.where.text.strip(" ,.")
        pattern = _VI_TIME_WORDS if lang is Language.VI else _EN_TIME_WORDS
        return text if pattern.match(text) else pick(lang, "vào ", "by ") + text
    return pick(lang, "vào ", "by ") + fmt_date(ref.end, lang)
