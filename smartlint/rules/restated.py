"""Facts the file states in a field but the goal's sentence leaves out (advice, with a safe fix).

A reader sees the sentence; the `baseline:` field, the history and the `deadline:` field sit
below it or in other columns.  When the sentence leaves one out while the file states it,
writing it into the sentence changes nothing the author committed to, so these rules carry
a safe fix (:mod:`smartlint.fixes`).
"""

from __future__ import annotations

from collections.abc import Iterator

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.i18n import fmt_amount, fmt_date, pick
from smartlint.model import ChangeKind, Criterion, Effect, GoalKind, Severity, Violation
from smartlint.rules.base import Rule, rule


def check_baseline_not_in_sentence(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """The sentence leaves out the baseline the file states.

    ## What it does
    Notes a goal whose sentence names a target level ("to 500", "lên 500") but not where
    the metric stands today, while the file gives that value: a `baseline:` field or the
    last value of its history.

    ## Why is this bad?
    The sentence is what people read in a plan review; "to 500" reads very differently from
    "from 480 to 500" and from "from 100 to 500".

    ## Example
    ```yaml
    goals:
      - id: signups
        title: Grow weekly signups to 500 by 30 September 2027
        baseline: 420
        why: Fill the sales pipeline
    ```

    ## Use instead
    ```yaml
    goals:
      - id: signups
        title: Grow weekly signups from 420 to 500 by 30 September 2027
        baseline: 420
        why: Fill the sales pipeline
    ```
    """
    reading, baseline, target = facts.reading, facts.baseline, facts.target
    if reading is None or baseline is None or target is None or facts.parts:
        return
    if baseline.source not in ("field", "history") or target.source != "sentence":
        return
    if target.value.kind is not ChangeKind.LEVEL or facts.kind is not GoalKind.CHANGE:
        return
    if reading.baseline is not None or reading.implied_baseline is not None:
        return
    if reading.implied_zero_baseline:
        return
    lang = facts.language
    value = fmt_amount(baseline.value, lang)
    where = pick(
        lang,
        "trường `baseline`" if baseline.source == "field" else "giá trị lịch sử gần nhất",
        "the `baseline` field" if baseline.source == "field" else "the last history value",
    )
    yield Violation(
        target.span,
        pick(
            lang,
            f"Câu mục tiêu không nêu mốc hiện tại; {where} ghi {value}.",
            f"The sentence does not say where the metric starts; {where} says {value}.",
        ),
        pick(
            lang,
            f'Viết mốc vào câu: "từ {value} lên …".',
            f'Write it into the sentence: "from {value} to …".',
        ),
    )


def check_deadline_not_in_sentence(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """The sentence leaves out the deadline the `deadline` field states.

    ## What it does
    Notes a goal whose `deadline:` field (or deadline column) gives a date while its
    sentence states a target but no deadline and no cadence. A title that only names the
    metric, beside its own target and deadline columns, is not a statement and is left alone.

    ## Why is this bad?
    People quote the sentence in slides and chats, without the fields beside it; a goal
    quoted without its end date is a goal without one.

    ## Example
    ```yaml
    goals:
      - id: signups
        title: Grow weekly signups from 420 to 500
        deadline: 2027-09-30
        why: Fill the sales pipeline
    ```

    ## Use instead
    ```yaml
    goals:
      - id: signups
        title: Grow weekly signups from 420 to 500 by 30 September 2027
        deadline: 2027-09-30
        why: Fill the sales pipeline
    ```
    """
    reading, deadline = facts.reading, facts.deadline
    if reading is None or deadline is None or deadline.source != "field":
        return
    if reading.deadline is not None or reading.cadence is not None or facts.cadence is not None:
        return
    ref = deadline.value
    if ref.end is None or ref.problem is not None or ref.year_assumed or not reading.text.strip():
        return
    if facts.target is None or facts.target.source != "sentence":
        return  # a metric's name beside its target and deadline columns is not a statement
    when = fmt_date(ref.end, facts.language)
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            f"Câu mục tiêu không nêu thời hạn; trường `deadline` ghi {when}.",
            f"The sentence does not say when the goal ends; the `deadline` field says {when}.",
        ),
        pick(
            facts.language,
            f'Viết thời hạn vào câu: "… vào {when}".',
            f'Write it into the sentence: "… by {when}".',
        ),
    )


MEASURABLE: tuple[Rule, ...] = (
    rule(
        "M209",
        "baseline-not-in-sentence",
        Criterion.MEASURABLE,
        Severity.INFO,
        check_baseline_not_in_sentence,
        effect=Effect.NONE,
        fix="Write the baseline the file gives into the sentence.",
    ),
)

TIME_BOUND: tuple[Rule, ...] = (
    rule(
        "T520",
        "deadline-not-in-sentence",
        Criterion.TIME_BOUND,
        Severity.INFO,
        check_deadline_not_in_sentence,
        effect=Effect.NONE,
        fix="Write the deadline field's date into the sentence.",
    ),
)
