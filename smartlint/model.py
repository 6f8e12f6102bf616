"""Frozen values passed between the stages: parser -> extract -> facts -> rules -> engine -> reporters.

Every position that leaves the parser is a 1-based :class:`Span`; nothing downstream sees
YAML marks or 0-based numbers.  Readings of a sentence carry character offsets into that
sentence (:class:`Snip`); :mod:`smartlint.facts` turns them into spans through
:meth:`Text.span_of`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import field
from datetime import date

from smartlint.records import record

# --------------------------------------------------------------------------- positions


@record
class Span:
    """A 1-based region of a file; ``end_column`` points just past the last character."""

    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def single_line(self) -> bool:
        """Tell whether the region starts and ends on one line."""
        return self.line == self.end_line


FILE_START = Span(1, 1, 1, 1)


@record
class Text:
    """A scalar string from the goal file with its span.

    ``exact`` is true when the value's characters stand one-to-one on a single source
    line (a plain or simply quoted one-line scalar), so a character range of the value
    maps to an exact column range.
    """

    value: str
    span: Span
    exact: bool = False

    def span_of(self, start: int, end: int) -> Span:
        """Return the span of ``value[start:end]``, or the whole scalar's when not exact."""
        if not self.exact or start < 0 or end > len(self.value) or start > end:
            return self.span
        return Span(
            self.span.line,
            self.span.column + start,
            self.span.line,
            self.span.column + end,
        )


# --------------------------------------------------------------------------- the goal file


class Period(str, enum.Enum):
    """A calendar period: the unit of history, cadence and pace."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@record
class HistoryPoint:
    """One measurement; ``when`` is the end of its period when the history is dated."""

    value: float
    when: date | None
    span: Span


@record
class History:
    """A metric's past values, oldest first."""

    period: Period
    points: tuple[HistoryPoint, ...]
    span: Span
    source: str | None = None  # a CSV file name when the history was read from one


@record
class Baseline:
    """The metric's value at the start: a number with an optional ``as_of`` date."""

    value: float
    span: Span
    as_of: date | None = None


@record
class Goal:
    """One goal as written in a file, with the span of every field it has.

    Field values stay as written (``Text``); numbers and dates inside them are read by
    :mod:`smartlint.extract`, the same reader that reads the sentence.
    """

    path: str
    span: Span
    index: int  # order of appearance in the run, for stable output
    id: Text | None = None
    title: Text | None = None
    why: Text | None = None
    owner: Text | None = None
    parent: Text | None = None
    parent_from_nesting: bool = False
    metric: Text | None = None
    unit: Text | None = None
    baseline: Baseline | None = None
    target: Text | None = None
    start: Text | None = None
    deadline: Text | None = None
    history: History | None = None
    language: Text | None = None
    sheet: str | None = None  # a workbook's sheet the goal's row is on, named in its messages
    # Markdown: the period of the heading above the goal ("## Q3 2027 OKRs"), and whether
    # ``deadline`` is that period because the goal names no deadline field of its own.
    section_deadline: Text | None = None
    deadline_inherited: bool = False

    @property
    def goal_id(self) -> str | None:
        """Return the goal's id, or None."""
        return self.id.value if self.id else None


# --------------------------------------------------------------------------- reading a sentence


class Language(str, enum.Enum):
    """A language smartlint reads and writes."""

    VI = "vi"
    EN = "en"


class Direction(str, enum.Enum):
    """Which way the goal moves its metric."""

    INCREASE = "increase"
    DECREASE = "decrease"
    REACH = "reach"  # "đạt", "reach", "hit": a level, no stated direction


class ChangeKind(str, enum.Enum):
    """How a target is expressed."""

    LEVEL = "level"  # the metric's value at the deadline (3000; 22% for a rate)
    PERCENT = "percent"  # signed relative change in percent (+15, -20)
    POINTS = "points"  # signed change in percentage points
    FACTOR = "factor"  # multiplier (3.0 for "gấp ba", 0.5 for "halve")
    DELTA = "delta"  # signed absolute change ("thêm 200 khách hàng")


class GoalKind(str, enum.Enum):
    """What a goal asks of its metric (PRODUCT.md, "Reading rules for goals as organisations
    actually write them")."""

    CHANGE = "change"  # move the metric: needs a baseline for an absolute target
    BOUND = "bound"  # hold it to a level by a comparator, or a standard stated as a state
    HOLD = "hold"  # maintain / keep / duy trì: a bound said with a hold verb


class Comparator(str, enum.Enum):
    """How a bound compares the metric with its level."""

    AT_LEAST = "≥"
    MORE_THAN = ">"
    AT_MOST = "≤"
    LESS_THAN = "<"
    EQUAL = "="  # a standard stated without a comparator ("99.9% of requests succeed")

    @property
    def upward(self) -> bool:
        """Tell whether the bound is met from above (at least, more than)."""
        return self in (Comparator.AT_LEAST, Comparator.MORE_THAN)


@record
class Snip:
    """A character range of the sentence that a reading came from."""

    start: int
    end: int
    text: str


@record
class Amount:
    """A number as written, scaled (``2,5 tỷ`` -> 2.5e9); ``percent`` when it had ``%``."""

    value: float
    where: Snip
    percent: bool = False
    unit: str | None = None
    scale: float = 1.0  # the scale word it was written with (1e9 for "140 tỷ")


@record
class Change:
    """The target: a level or a change, see :class:`ChangeKind`."""

    kind: ChangeKind
    value: float
    where: Snip


class TimeProblem(str, enum.Enum):
    """Why a time expression does not give a usable deadline."""

    BARE_YEAR = "bare-year"  # "năm nay", "this year", "2027" alone
    UNPARSEABLE = "unparseable"
    IMPOSSIBLE = "impossible"  # 2027-02-30


@record
class TimeRef:
    """A point in time read from text: the end of the named period, and its start.

    ``end`` is the deadline ("quý 3 năm 2021" -> 2021-09-30, "within 3 months" -> today
    + 3 months); ``start`` is the start of the goal's own period when the text names one
    (2021-07-01 for the quarter, today for "within"); ``year_assumed`` when no year was
    written and the next occurrence was taken.
    """

    where: Snip
    end: date | None
    start: date | None = None
    problem: TimeProblem | None = None
    year_assumed: bool = False


@record
class Reading:
    """What the extraction stage understood of one text (a sentence or a field value)."""

    text: str
    language: Language
    metric: Snip | None = None
    quantities: tuple[Amount, ...] = ()  # every quantity outside dates
    baseline: Amount | None = None
    target: Change | None = None
    direction: Direction | None = None
    deadline: TimeRef | None = None
    start: TimeRef | None = None  # an explicit start ("từ 1/5/2027", "starting May 2027")
    cadence: Period | None = None  # a recurring goal ("lên 5% hàng tháng")
    cadence_where: Snip | None = None
    base: Snip | None = None  # comparison base ("so với tháng 6", "vs last quarter")
    placeholders: tuple[Snip, ...] = ()
    means: Snip | None = None  # "bằng cách …", "by running …"
    implied_zero_baseline: bool = False  # producing new things starts from zero
    rate: bool = False  # the metric is a rate: levels and changes compare in points
    implied_baseline: float | None = None  # "lên 10%, đạt 50,000" -> 50,000 / 1.1
    kind: GoalKind | None = None  # None when there is no target
    comparator: Comparator | None = None
    milestones: int = 0  # how many dated targets the line lists ("73 by Q4-FY27, 77 by …")
    parts: tuple[Reading, ...] = ()  # further targets on the same line, each read on its own
    label: Snip | None = None  # a label read past ("KR2:", "Mục tiêu 1:", "[P1]")
    vague_parts: tuple[Snip, ...] = ()  # "… and improve canopy health": a target with no number


# --------------------------------------------------------------------------- findings


class Severity(str, enum.Enum):
    """How bad a finding is; ordered by :attr:`rank`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return 0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


class Criterion(str, enum.Enum):
    """The five SMART criteria, and the file itself."""

    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time_bound"
    FILE = "file"

    @property
    def letter(self) -> str:
        """Return the one-letter mark used in the verdict row."""
        return {"time_bound": "T", "file": "F"}.get(self.value, self.value[0].upper())


SMART: tuple[Criterion, ...] = (
    Criterion.SPECIFIC,
    Criterion.MEASURABLE,
    Criterion.ACHIEVABLE,
    Criterion.RELEVANT,
    Criterion.TIME_BOUND,
)


class Verdict(str, enum.Enum):
    """One criterion's outcome for one goal."""

    PASS = "pass"
    FAIL = "fail"
    SKIP = "skip"


class Effect(str, enum.Enum):
    """What a rule's finding does to its criterion's verdict."""

    FAIL = "fail"
    SKIP = "skip"
    NONE = "none"  # advice only


@record
class Violation:
    """What a rule reports; the engine stamps code, name, severity and path."""

    span: Span
    message: str
    suggestion: str


class FixSafety(str, enum.Enum):
    """How sure a fix is: safe fixes keep what the author committed to; unsafe ones change it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@record
class TextEdit:
    """Replace the source text in ``span`` (1-based, end column exclusive) with ``text``.

    Columns count characters of the decoded line, as every other span does; an empty span
    inserts.  Edits of one fix never overlap.
    """

    span: Span
    text: str


@record
class Fix:
    """A mend a rule offers for its finding: edits to the goal file and what they do."""

    safety: FixSafety
    description: str  # a sentence in the finding's language: what applying the fix does
    edits: tuple[TextEdit, ...]


@record
class Finding:
    """A stamped violation, ready for a reporter."""

    path: str
    span: Span
    code: str
    name: str
    criterion: Criterion
    severity: Severity
    effect: Effect
    message: str
    suggestion: str
    goal_id: str | None = None
    goal_index: int | None = None
    field: str | None = None  # the goal field the finding is about, for stable fingerprints
    fix: Fix | None = None  # the edits that mend it, when the rule knows them without guessing


def verdict_of(criterion: Criterion, findings: Iterable[Finding]) -> Verdict:
    """Return a criterion's verdict from the effects of its findings: fail, else skip, else pass."""
    effects = {f.effect for f in findings if f.criterion is criterion}
    if Effect.FAIL in effects:
        return Verdict.FAIL
    if Effect.SKIP in effects:
        return Verdict.SKIP
    return Verdict.PASS


@record
class PacePlot:
    """What the HTML report's Achievable chart draws: history, the required path, the band.

    Levels are in the metric's unit.  The path runs from ``start`` (after the last history
    value) to ``end`` over ``periods`` history periods; ``realistic`` is where the factor
    times the best historical pace would lead over the same periods (None without a pace
    to judge by).
    """

    history: tuple[float, ...]
    history_end: date | None  # when the last history value was measured
    period: Period
    start: float
    end: float
    periods: float
    points: bool
    realistic: float | None
    factor: float
    deadline: date | None
    cadence: Period | None


@record
class ChartData:
    """What a goal's history chart shows: the past values, then the path the target needs.

    ``end`` is where the required path arrives after ``periods`` history periods from
    ``start``; ``points`` draws it straight (a rate in points) instead of geometric.
    """

    history: tuple[float, ...]  # past values, oldest first
    start: float
    end: float
    periods: float
    points: bool


@record
class GoalResult:
    """A goal with its verdicts and suggested rewrite."""

    goal: Goal
    language: Language
    verdicts: tuple[tuple[Criterion, Verdict], ...]
    rewrite: str | None
    findings: tuple[Finding, ...] = ()
    understood: tuple[tuple[str, str], ...] = ()  # what was read, for --show-reading
    chart: ChartData | None = None  # history and required path, drawn by the terminal report
    plot: PacePlot | None = None  # the same with the realistic band, for the HTML report

    def verdict(self, criterion: Criterion) -> Verdict:
        """Return the verdict for one criterion."""
        return dict(self.verdicts)[criterion]

    @property
    def passes_all(self) -> bool:
        """Tell whether no criterion failed."""
        return all(v is not Verdict.FAIL for _, v in self.verdicts)


@record
class FileResult:
    """One file of the run: its goals and the findings that belong to no goal."""

    path: str
    goals: tuple[GoalResult, ...]
    findings: tuple[Finding, ...]  # every finding of the file, goal ones included


@record(slots=False)
class Report:
    """The whole run, in input order."""

    files: tuple[FileResult, ...]
    today: date
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Return every finding of the run."""
        return tuple(f for fr in self.files for f in fr.findings)

    @property
    def goals(self) -> tuple[GoalResult, ...]:
        """Return every goal result of the run."""
        return tuple(g for fr in self.files for g in fr.goals)


@record
class Problem:
    """A file or schema problem found while reading a file (codes ``F0xx``).

    The parser knows the code; the engine stamps name and severity from the rule catalog,
    as it does for rule violations.
    """

    code: str
    span: Span
    message: str  # English
    suggestion: str
    goal_index: int | None = None
    field: str | None = None
    message_vi: str = ""  # Vietnamese, when the parser wrote it; else the English is shown
    suggestion_vi: str = ""


@record
class ParsedFile:
    """A goal file after parsing: its goals in order, and the problems met on the way."""

    path: str
    goals: tuple[Goal, ...]
    problems: tuple[Problem, ...]
    language_hint: Language | None = None
