"""One model of what a goal says: its fields and its sentence merged, each fact with a span.

Rules read :class:`Facts` only.  A fact comes from a structured field when the goal has
one, else from the sentence; when both speak and disagree, the disagreement is kept in
``conflicts`` so a rule can report it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Generic, TypeVar

from smartlint import extract
from smartlint.i18n import fmt_number
from smartlint.model import (
    Change,
    ChangeKind,
    Comparator,
    Direction,
    Goal,
    GoalKind,
    History,
    Language,
    Period,
    Reading,
    Snip,
    Span,
    Text,
    TimeRef,
)
from smartlint.records import record

T = TypeVar("T", covariant=True)

# A field and the sentence agree on a number when they are within 0.5 % of each other
# (rounding in the sentence, "12k" for 12,040, is not a conflict).
AGREE_WITHIN = 0.005


@record
class Located(Generic[T]):
    """A fact with the span it was read from and where it came from."""

    value: T
    span: Span
    source: str  # "field", "sentence", "history" or "implied"


@record
class Conflict:
    """A structured field and the sentence say different things."""

    field: str
    span: Span
    field_says: str
    sentence_says: str


@record
class Part:
    """A further target on the goal's line ("… and reach an NPS of 50"), judged on its own."""

    metric: Located[str] | None
    target: Located[Change]
    baseline: Located[float] | None
    kind: GoalKind | None
    comparator: Comparator | None
    implied_zero_baseline: bool
    cadence: Period | None
    base: str | None

    @property
    def is_bound(self) -> bool:
        """Tell whether the part is a bound or a hold, which needs no baseline."""
        return self.kind in (GoalKind.BOUND, GoalKind.HOLD)


@record
class Facts:
    """Everything the rules know about one goal."""

    goal: Goal
    reading: Reading | None
    language: Language
    metric: Located[str] | None
    quantity_count: int
    baseline: Located[float] | None
    baseline_as_of: date | None
    implied_zero_baseline: bool
    target: Located[Change] | None
    direction: Direction | None
    deadline: Located[TimeRef] | None
    start: Located[date] | None
    cadence: Located[Period] | None
    base: Located[str] | None
    placeholders: tuple[Located[str], ...]
    rate: bool
    history: History | None
    conflicts: tuple[Conflict, ...]
    kind: GoalKind | None = None
    comparator: Comparator | None = None
    parts: tuple[Part, ...] = ()
    milestones: int = 0
    vague_parts: tuple[Located[str], ...] = ()  # further targets with no number
    section_deadline: Located[TimeRef] | None = None  # the period of a Markdown heading above

    @property
    def is_bound(self) -> bool:
        """Tell whether the goal holds its metric to a level (a bound or a hold)."""
        return self.kind in (GoalKind.BOUND, GoalKind.HOLD)

    @property
    def anchor(self) -> Span:
        """Return the span a goal-level finding points at: the sentence, else the goal."""
        return self.goal.title.span if self.goal.title else self.goal.span

    @property
    def target_level(self) -> float | None:
        """Return the metric's value the target asks for, when it can be computed."""
        if self.target is None:
            return None
        change = self.target.value
        if change.kind is ChangeKind.LEVEL:
            return change.value
        if self.baseline is None:
            return None
        return apply_change(self.baseline.value, change)

    @property
    def period_start(self) -> date | None:
        """Return the start of the goal's own period: its start field, else its deadline's."""
        if self.start is not None:
            return self.start.value
        if self.deadline is not None:
            return self.deadline.value.start
        return None


def apply_change(baseline: float, change: Change) -> float:
    """Return the level a change reaches from a baseline."""
    if change.kind is ChangeKind.PERCENT:
        return baseline * (1 + change.value / 100)
    if change.kind is ChangeKind.FACTOR:
        return baseline * change.value
    if change.kind in (ChangeKind.POINTS, ChangeKind.DELTA):
        return baseline + change.value
    return change.value


def _at(text: Text | None, snip: Snip | None) -> Span:
    """Return the span of a snip of ``text`` (the whole text when there is no snip)."""
    if text is None:
        raise ValueError("a snip needs the text it came from")
    return text.span_of(snip.start, snip.end) if snip else text.span


def own_language(goal: Goal) -> Language:
    """Return the language the goal is written in, whatever language messages are forced to."""
    return _goal_language(goal, None, Language.EN)


def _goal_language(goal: Goal, forced: Language | None, default: Language) -> Language:
    if forced is not None:
        return forced
    if goal.language is not None:
        value = goal.language.value.strip().lower()
        if value in ("vi", "en"):
            return Language(value)
    for text in (goal.title, goal.metric, goal.why):
        if text is not None and text.value.strip():
            return extract.detect_language(text.value)
    return default


def build_facts(
    goal: Goal,
    today: date,
    *,
    forced_language: Language | None = None,
    default_language: Language = Language.EN,
    fiscal_year_end: tuple[int, int] = (12, 31),
) -> Facts:
    """Merge a goal's fields with the reading of its sentence."""
    language = _goal_language(goal, forced_language, default_language)
    title = goal.title
    reading = (
        extract.read_sentence(title.value, today, language, fiscal_year_end) if title else None
    )
    conflicts: list[Conflict] = []

    metric: Located[str] | None = None
    if goal.metric is not None and goal.metric.value.strip():
        metric = Located(goal.metric.value.strip(), goal.metric.span, "field")
    elif reading is not None and reading.metric is not None:
        metric = Located(reading.metric.text, _at(title, reading.metric), "sentence")

    target = _target(goal, title, reading, conflicts)
    field_comparator = (
        _read_target(goal.target.value)[1]
        if goal.target is not None and target is not None and target.source == "field"
        else None
    )
    row = _kpi_row(title, reading, target)
    if row and metric is None and title is not None:
        # A KPI row ("Doanh thu dịch vụ" | 500 tỷ): the title names the metric the field sets.
        metric = Located(title.value.strip(), title.span, "sentence")
    history = _in_target_scale(goal.history, reading, target)
    baseline, as_of = _baseline(goal, history, title, reading, target, conflicts, language)
    deadline = _time_field(goal.deadline, today, fiscal_year_end)
    sentence_deadline = (
        Located(reading.deadline, _at(title, reading.deadline.where), "sentence")
        if reading is not None and reading.deadline is not None
        else None
    )
    if goal.deadline_inherited and deadline is not None:  # a heading's period, not the goal's
        deadline = (
            None if sentence_deadline else Located(deadline.value, deadline.span, "inherited")
        )
    if deadline is None:
        deadline = sentence_deadline
    elif sentence_deadline is not None:
        _compare_dates("deadline", deadline, sentence_deadline, conflicts)

    start: Located[date] | None = None
    start_ref = _time_field(goal.start, today, fiscal_year_end)
    if start_ref is not None and start_ref.value.end is not None:
        begin = start_ref.value.start or start_ref.value.end
        start = Located(begin, start_ref.span, "field")
    elif reading is not None and reading.start is not None:
        begin_date = reading.start.start or reading.start.end
        if begin_date is not None:
            start = Located(begin_date, _at(title, reading.start.where), "sentence")

    cadence = None
    if reading is not None and reading.cadence is not None:
        cadence = Located(reading.cadence, _at(title, reading.cadence_where), "sentence")
    base = None
    if reading is not None and reading.base is not None:
        base = Located(reading.base.text, _at(title, reading.base), "sentence")
    placeholders = tuple(
        Located(p.text, _at(title, p), "sentence")
        for p in (reading.placeholders if reading else ())
    )
    for text in (goal.target, goal.deadline):
        if text is not None and _is_placeholder(text.value):
            placeholders += (Located(text.value, text.span, "field"),)

    direction = reading.direction if reading is not None else None
    if direction is None and target is not None:
        direction = _direction_of(target.value)

    return Facts(
        goal=goal,
        reading=reading,
        language=language,
        metric=metric,
        quantity_count=_goal_quantities(reading)
        + (1 if target and target.source == "field" else 0),
        baseline=baseline,
        baseline_as_of=as_of,
        implied_zero_baseline=bool(reading and reading.implied_zero_baseline),
        target=target,
        direction=direction,
        deadline=deadline,
        start=start,
        cadence=cadence,
        base=base,
        placeholders=placeholders,
        rate=bool(reading and reading.rate),
        history=history,
        conflicts=tuple(conflicts),
        section_deadline=_time_field(goal.section_deadline, today, fiscal_year_end),
        kind=GoalKind.BOUND if field_comparator or row else _kind(reading, target),
        comparator=field_comparator
        or (reading.comparator if reading is not None and reading.target else None),
        parts=tuple(_part(title, p) for p in (reading.parts if reading else ()) if p.target),
        milestones=reading.milestones if reading is not None else 0,
        vague_parts=tuple(
            Located(p.text, _at(title, p), "sentence")
            for p in (reading.vague_parts if reading else ())
        ),
    )


def _in_target_scale(
    history: History | None, reading: Reading | None, target: Located[Change] | None
) -> History | None:
    """Read a history kept in the target's scale word in that scale.

    "Tăng doanh thu quý lên 140 tỷ đồng" with `history: [100, 110, 120, 130]`: planners keep
    the figures in tỷ; read as units they would make 140 tỷ a billion-fold jump.
    """
    if history is None or not history.points or reading is None or target is None:
        return history
    change = target.value
    if change.kind is not ChangeKind.LEVEL or target.source != "sentence":
        return history
    amount = next((q for q in reading.quantities if q.where == change.where), None)
    last = history.points[-1].value
    if amount is None or amount.scale <= 1 or last <= 0:
        return history
    in_scale = change.value / amount.scale
    if not (in_scale / 20 <= last <= in_scale * 20) or change.value / last < amount.scale / 20:
        return history
    points = tuple(replace(p, value=p.value * amount.scale) for p in history.points)
    return replace(history, points=points)


def _kpi_row(title: Text | None, reading: Reading | None, target: Located[Change] | None) -> bool:
    """Tell whether a goal is a KPI row: a title that only names a metric ("API availability",
    "Doanh thu dịch vụ") and a target field with its level, a standard (PRODUCT.md)."""
    if target is None or target.source != "field" or target.value.kind is not ChangeKind.LEVEL:
        return False
    if title is None or reading is None or not title.value.strip():
        return False
    return reading.target is None and reading.metric is None and reading.direction is None


def _kind(reading: Reading | None, target: Located[Change] | None) -> GoalKind | None:
    """Return the goal's kind: the sentence's, else a change when only a field gives a target."""
    if target is None:
        return None
    if reading is not None and reading.target is not None and reading.kind is not None:
        return reading.kind
    return GoalKind.CHANGE


def _part(title: Text | None, reading: Reading) -> Part:
    assert reading.target is not None
    baseline = None
    if reading.baseline is not None:
        baseline = Located(reading.baseline.value, _at(title, reading.baseline.where), "sentence")
    elif reading.implied_baseline is not None:
        baseline = Located(reading.implied_baseline, _at(title, reading.target.where), "implied")
    return Part(
        metric=Located(reading.metric.text, _at(title, reading.metric), "sentence")
        if reading.metric
        else None,
        target=Located(reading.target, _at(title, reading.target.where), "sentence"),
        baseline=baseline,
        kind=reading.kind,
        comparator=reading.comparator,
        implied_zero_baseline=reading.implied_zero_baseline,
        cadence=reading.cadence,
        base=reading.base.text if reading.base else None,
    )


def _goal_quantities(reading: Reading | None) -> int:
    """Count the sentence's quantities, leaving out the means' ("bằng cách thêm 2 quầy")."""
    if reading is None:
        return 0
    means = reading.means
    if means is None:
        return len(reading.quantities)
    return sum(1 for q in reading.quantities if not means.start <= q.where.start < means.end)


# Field values repeat across a plan ("+10%", "2027-Q3", "TBD"), and the readers are pure
# functions of their arguments, so each distinct value is read once per run.
_FIELD_CACHE = 4096


@lru_cache(maxsize=_FIELD_CACHE)
def _is_placeholder(raw: str) -> bool:
    reading = extract.read_sentence(raw, date(2000, 1, 1), Language.EN)
    return bool(reading.placeholders)


@lru_cache(maxsize=_FIELD_CACHE)
def _read_target(raw: str) -> tuple[Change | None, Comparator | None]:
    return extract.read_target_bound(raw)


@lru_cache(maxsize=_FIELD_CACHE)
def _read_time(raw: str, today: date, fiscal_year_end: tuple[int, int]) -> TimeRef | None:
    return extract.read_time(raw, today, fiscal_year_end)


def _direction_of(change: Change) -> Direction | None:
    if change.kind is ChangeKind.LEVEL:
        return None
    if change.kind is ChangeKind.FACTOR:
        return Direction.INCREASE if change.value > 1 else Direction.DECREASE
    return Direction.INCREASE if change.value > 0 else Direction.DECREASE


def _target(
    goal: Goal, title: Text | None, reading: Reading | None, conflicts: list[Conflict]
) -> Located[Change] | None:
    sentence = (
        Located(reading.target, _at(title, reading.target.where), "sentence")
        if reading is not None and reading.target is not None
        else None
    )
    if goal.target is None:
        return sentence
    change = _read_target(goal.target.value)[0]
    if change is None:
        return sentence
    field = Located(change, goal.target.span, "field")
    if sentence is not None and _disagree(change, sentence.value):
        conflicts.append(
            Conflict("target", goal.target.span, goal.target.value, sentence.value.where.text)
        )
    return field


def _disagree(a: Change, b: Change) -> bool:
    """Tell whether a field's change and the sentence's say different things."""
    if a.kind is not b.kind:  # a level and a percent cannot be compared without a baseline
        return False
    return not agree(a.value, b.value)


def agree(a: float, b: float) -> bool:
    """Tell whether two figures of one goal are the same within rounding (AGREE_WITHIN);
    a value that is not a number (inf - inf) agrees with nothing."""
    return abs(a - b) <= 1e-9 + AGREE_WITHIN * max(abs(a), abs(b))


def _baseline(
    goal: Goal,
    history: History | None,
    title: Text | None,
    reading: Reading | None,
    target: Located[Change] | None,
    conflicts: list[Conflict],
    language: Language,
) -> tuple[Located[float] | None, date | None]:
    if goal.baseline is not None:
        field = Located(goal.baseline.value, goal.baseline.span, "field")
        if reading is not None and reading.baseline is not None:
            said = reading.baseline.value
            if not agree(said, goal.baseline.value):
                conflicts.append(
                    Conflict(
                        "baseline",
                        goal.baseline.span,
                        fmt_number(goal.baseline.value, language),
                        reading.baseline.where.text,
                    )
                )
        return field, goal.baseline.as_of
    if reading is not None and reading.baseline is not None:
        return Located(reading.baseline.value, _at(title, reading.baseline.where), "sentence"), None
    if reading is not None and reading.implied_baseline is not None:
        span = _at(title, reading.target.where) if reading.target else _at(title, None)
        return Located(reading.implied_baseline, span, "implied"), None
    if history is not None and history.points:
        last = history.points[-1]
        return Located(last.value, last.span, "history"), last.when
    if reading is not None and reading.implied_zero_baseline:
        span = _at(title, reading.target.where) if reading.target else _at(title, None)
        return Located(0.0, span, "implied"), None
    return None, None


def _time_field(
    text: Text | None, today: date, fiscal_year_end: tuple[int, int]
) -> Located[TimeRef] | None:
    if text is None or not text.value.strip():
        return None
    ref = _read_time(text.value, today, fiscal_year_end)
    if ref is None:
        return None
    return Located(ref, text.span, "field")


def _compare_dates(
    name: str, field: Located[TimeRef], sentence: Located[TimeRef], conflicts: list[Conflict]
) -> None:
    a, b = field.value.end, sentence.value.end
    if a is not None and b is not None and a != b:
        conflicts.append(Conflict(name, field.span, a.isoformat(), sentence.value.where.text))
