"""Read one goal sentence: metric, quantities, target, direction, deadline, base, means.

Everything is matched on the folded copy of the text (see :mod:`.text`); Snips point into
the text as given.  Only the first :data:`~.text.MAX_CHARS` characters are read.
"""

from __future__ import annotations

import enum
import itertools
import re
from datetime import date, timedelta
from typing import NamedTuple

from smartlint.extract.language import detect
from smartlint.extract.numbers import Quantity, find_quantities
from smartlint.extract.phrases import (
    AMOUNT_BEFORE,
    ARROW,
    ARROW_BEFORE,
    AVERAGE,
    BARE_FROM,
    BASE_ALONE,
    BASE_ENDS,
    BASE_FILLER,
    BASE_WORD,
    BASIS,
    BEFORE_CTX,
    BOUND_REACH,
    BULLET,
    CADENCE,
    CLAUSE_END,
    COMPARATOR_AFTER,
    COMPARATOR_BEFORE,
    COMPARATOR_PHRASES,
    COMPARATOR_SIGNS,
    COMPARATOR_WORDS,
    CONNECT,
    COPULA,
    DELTA_MARK,
    END_CTX,
    FROM,
    GATES,
    IN_CTX,
    KPI_LABEL,
    KPI_WORDS,
    LABEL,
    LABEL_NOUN,
    LEAD_IN,
    LEAD_LABEL,
    LETTER,
    LEVEL_MARK,
    MARKUP,
    MEANS,
    MORE,
    NAME_COLON,
    NEW_THINGS,
    NOW_MARK,
    PERIOD,
    PLACE_LABEL,
    PLACEHOLDER,
    PLACEHOLDER_GATE,
    PLACEHOLDER_WORDS,
    POINT_CTX,
    PROD_GAP,
    PURPOSE,
    PURPOSE_GATE,
    RATE,
    RATING,
    REL_MARK,
    ROLLING,
    SLA_UNIT,
    SLA_VERB,
    STANDARD_NAME,
    STANDARD_WORDS,
    START_CTX,
    STOP,
    VERB,
    VERB_SCAN,
    WORD,
    gate,
    opens,
)
from smartlint.extract.text import Folded, fold
from smartlint.extract.time import FiscalEnd, Hit, find_times
from smartlint.model import (
    Amount,
    Change,
    ChangeKind,
    Comparator,
    Direction,
    GoalKind,
    Language,
    Period,
    Reading,
    Snip,
    TimeProblem,
    TimeRef,
)
from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

_PROBLEM_RANK = {TimeProblem.IMPOSSIBLE: 0, TimeProblem.UNPARSEABLE: 1, TimeProblem.BARE_YEAR: 2}


# How far before a number (in characters of the folded text) its qualifiers are looked for.
MARK_WINDOW = 25  # a level or from marker: "lên", "to", "from", "up from"
NAME_WINDOW = 12  # a name before a number ("WCAG 2.2", "the new 311 app"); a period after "YoY"
NOUN_WINDOW = 20  # a label noun ("cấp 1", "phase 2"), a copula, a relative-change marker
COMPARATOR_WINDOW = 28  # a comparator: "no more than", "không vượt quá"
STATE_WINDOW = 40  # a comparator or copula of a level stated as a state
CONTEXT_WINDOW = 30  # the words that open, end or date a time expression; a baseline's "now"
AVERAGE_WINDOW = 60  # "bình quân … 7%/năm", "a CAGR of 12%"
ROW_HEAD = 100  # the head of a line where a KPI row's label ends with its colon or dash
LABEL_HEAD = 48  # the head of a line where a "Name:" label ends


class VerbKind(enum.Enum):
    """What the goal's verb does to its metric (the VERB pattern's group names)."""

    INCREASE = "inc"
    DECREASE = "dec"
    REACH = "reach"
    HOLD = "hold"
    DOWN_TO = "con"  # "còn": down to a level
    IMPROVE = "imp"
    PRODUCE = "prod"  # produce a count from zero: hire, publish, launch
    EVENT = "evt"  # count what happens within the period: sell, call, train


_VERB_KIND = {k.value: k for k in VerbKind}
_DIRECTION_OF = {
    VerbKind.INCREASE: Direction.INCREASE,
    VerbKind.DECREASE: Direction.DECREASE,
    VerbKind.REACH: Direction.REACH,
    VerbKind.PRODUCE: Direction.INCREASE,
}


@record
class _Verb:
    start: int
    end: int
    kind: VerbKind


def _scan(rx: re.Pattern[str], text: str, words: frozenset[str]) -> list[re.Match[str]]:
    return list(rx.finditer(text)) if opens(GATES[rx], text, words) else []


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:  # noqa: SIM110 -- a loop builds no generator; runs for every quantity
        if s <= a and b <= e:
            return True
    return False


def _snip(f: Folded, a: int, b: int) -> Snip:
    s, e = f.orig(a), f.orig(b)
    return Snip(s, e, f.src[s:e])


def _amount(f: Folded, q: Quantity) -> Amount:
    return Amount(q.value, _snip(f, q.start, q.end), q.percent, q.unit, q.scale)


def read(
    text: str,
    today: date,
    language: Language | None = None,
    fiscal: FiscalEnd = (12, 31),
) -> Reading:
    """Read a goal sentence (see :func:`smartlint.extract.read_sentence`)."""
    f = fold(text)
    low = f.low
    lang = language or detect(f)
    # Labels and markup are read past: blanked, so every offset still points into the text.
    markup = [m.span() for m in MARKUP.finditer(low)] if _MARKUP_GATE.search(low) else []
    clean = _blank(low, markup)
    # The sentence's words, once: most patterns, and the rarer readings, are looked for only
    # when one of their words is among them.
    words = frozenset(WORD.findall(low))
    label, named_by_label = _label(clean)
    clean = _blank(clean, [label] if label else [])
    holders: list[tuple[int, int]] = []
    if PLACEHOLDER_GATE.search(f.src) or opens(PLACEHOLDER_WORDS, low, words):
        holders = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(clean) if _keep(f, m)]
    bullet = BULLET.match(clean)  # "2. Nâng cao …": a list number, not a quantity
    masked = _blank(clean, holders + ([bullet.span("b")] if bullet else []))
    hits = find_times(f, masked, today, fiscal)
    hits = _service_levels(masked, hits)
    masked = _blank(masked, [(h.start, h.end) for h in hits])
    means = _means(low, hits, words) + _purposes(masked, words)
    base, base_hits = _base(low, hits, words)
    standards = not f.src.islower() and not STANDARD_WORDS.isdisjoint(words)  # "WCAG 2.2"
    things = not _THING_WORDS.isdisjoint(words)  # "the new 311 app"
    quantities = [
        q
        for q in find_quantities(f, masked)
        if not _names_no_amount(f, masked, q, standards, things)
    ]
    excluded = means + ([base] if base else [])
    free = [q for q in quantities if not _inside(q.start, q.end, excluded)]
    hits, free, milestones = _milestones(masked, hits, free, base_hits, today)
    tail = _second_target(masked, free, excluded, words)
    parts: tuple[Reading, ...] = ()
    vague = _vague_target(masked, free, excluded + holders, words) if tail is None else None
    if vague is not None:  # "Plant 500 trees and improve canopy health by 2028"
        masked = masked[: vague[0]] + " " * (len(masked) - vague[0])
    if tail is not None:
        part = _read_part(f, masked, tail, quantities, hits, excluded, lang, words)
        if part is not None:
            parts = (part,)
            free = [q for q in free if q.start < tail]
            masked = masked[:tail] + " " * (len(masked) - tail)
    whole = _Whole(
        text=text,
        placeholders=tuple(_snip(f, a, b) for a, b in holders),
        milestones=milestones,
        parts=parts,
        label=_snip(f, *label) if label else None,
        label_metric=named_by_label,
        vague_parts=(_snip(f, *vague),) if vague else (),
    )
    return _read_clause(
        f, masked, lang, hits, base, base_hits, means, quantities, free, holders, words, whole
    )


class _Whole(NamedTuple):
    """What only the whole sentence knows, added to the reading of its main clause.

    A named tuple: as frozen as the dataclasses between stages, and cheaper to build once per
    sentence.
    """

    text: str
    placeholders: tuple[Snip, ...] = ()
    milestones: int = 0
    parts: tuple[Reading, ...] = ()
    label: Snip | None = None
    label_metric: tuple[int, int] | None = None  # "Revenue: grow …": the label names the metric
    vague_parts: tuple[Snip, ...] = ()


def _read_clause(
    f: Folded,
    masked: str,
    lang: Language,
    hits: list[Hit],
    base: tuple[int, int] | None,
    base_hits: set[int],
    means: list[tuple[int, int]],
    quantities: list[Quantity],
    free: list[Quantity],
    holders: list[tuple[int, int]],
    words: frozenset[str],
    whole: _Whole | None = None,
) -> Reading:
    """Read one clause's target, metric and kind; the deadline is the whole sentence's."""
    low = f.low
    excluded = means + ([base] if base else [])
    cadences = [m for m in _scan(CADENCE, masked, words) if f.plain(m.start(), m.end())]
    verbs: list[_Verb] = []
    for m in VERB_SCAN.finditer(masked):
        a, b = m.span()
        if excluded and _inside(a, b, excluded):
            continue
        if f.ascii or f.plain(a, b):
            exact = VERB.match(masked, a)  # the same verb, with its group's name
            group = exact.lastgroup if exact is not None else None
            verbs.append(_Verb(a, b, _VERB_KIND[group] if group else VerbKind.REACH))
    verb = _primary(verbs, free, masked)
    named: tuple[int, int] | None = None  # a metric named before a colon or a signed number
    stated = False  # a level stated as a state, with no verb
    row = KPI_LABEL.match(masked) if _ROW_GATE.search(masked, 0, ROW_HEAD) else None
    # Most goals hold no comparator and no copula: their patterns are not run.
    comparing = _may_compare(masked, words)
    copula = whole is None or not _COPULA_ENDS.isdisjoint(words)
    if verb is not None and copula and _copula_before_level(masked, verb, free):
        # "Average time to answer a chat is 45 seconds": the verb names the metric's action,
        # the level is stated as a state.
        verb = None
    elif _leads_with_level(masked, free, cadences, comparing):
        # "100% of new hires complete …", "Mỗi tháng tối thiểu 200 khách hàng mới …": a
        # standard stated as a state; the verb after the level belongs to what it counts.
        verb = None
    elif row is not None and _row_label(masked, row):
        # A KPI row: the label names the metric even when it holds a verb ("xử lý hồ sơ").
        verb = None
        free = [q for q in free if q.start >= row.end()]
    if verb is None:
        verb, named = _verbless(masked, free, hits)
        if verb is None or (row is not None and named is None):
            verb, named = _stated(masked, free, hits, comparing)
        if verb is None and row is not None and free:
            # "Onboarding NPS — target 50": the row's label is the metric, its number the level.
            verb = _Verb(row.end(), row.end(), _label_kind(masked, row.end()))
            named = row.span("m")
        stated = verb is not None
    deadline, start = _deadline(f, hits, base_hits)

    r = _Target(verb, free, masked)
    target_q = r.target_q  # None below when the number turns out to measure nothing
    metric = named or _metric(masked, verb, quantities, hits, holders, excluded, target_q)
    if metric is not None and whole is None:  # a further target: "reach an NPS of 50"
        metric = _trim_metric(masked, metric)
    if named is not None and metric is not None:
        # Only a label before a colon or dash may be a place ("Bắc Giang: 13,6%").
        labelled = masked[named[1] : named[1] + 4].lstrip()[:1] in (":", "—", "–")
        metric = _kpi_metric(f, masked, metric, lang, labelled)
        if metric is None and stated:
            target_q = None  # "Bắc Giang: 13,6%": a number with no metric measures nothing
    metric_text = low[metric[0] : metric[1]] if metric else low
    rate = bool(RATE.search(metric_text)) or r.both_percent
    comparator = _comparator(masked, target_q, comparing) if target_q is not None else None
    kind = _kind(masked, verb, r, comparator, stated) if target_q is not None else None
    direction = r.direction
    if kind in (GoalKind.BOUND, GoalKind.HOLD) and r.base_q is None:
        direction = Direction.REACH  # a bound with no baseline is a level to reach
    change = r.change(rate, direction) if target_q is not None else None
    cadence: tuple[Period, tuple[int, int]] | None = None
    if change is not None and target_q is not None:
        if kind in (GoalKind.BOUND, GoalKind.HOLD):
            cadence = _recurring(cadences, masked, target_q, means)
        elif change.kind is not ChangeKind.LEVEL:
            found = _cadence(cadences, masked, target_q, verb, means)
            cadence = _period_of(found) if found else None
            if cadence is None:
                cadence = _average(cadences, masked, target_q, words) or _basis(masked)
        elif r.zero:
            # Producing a count every period recurs: "books 12 discovery calls per week".
            cadence = _recurring(cadences, masked, target_q, means, after_only=True)
    if kind is not None and comparator is None and kind is not GoalKind.CHANGE:
        comparator = Comparator.EQUAL
    if metric is None and change is not None and whole is not None:
        metric = whole.label_metric
    return Reading(
        text=whole.text if whole else f.src,
        language=lang,
        metric=_snip(f, *metric) if metric else None,
        quantities=tuple(_amount(f, q) for q in quantities),
        baseline=_amount(f, r.base_q) if r.base_q else None,
        target=Change(change.kind, change.value, _snip(f, *change.where)) if change else None,
        direction=direction,
        deadline=_timeref(f, deadline) if deadline else None,
        start=_timeref(f, start) if start else None,
        cadence=cadence[0] if cadence else None,
        cadence_where=_snip(f, *cadence[1]) if cadence else None,
        base=_snip(f, *base) if base else None,
        means=_snip(f, *means[0]) if means else None,
        implied_zero_baseline=r.zero,
        rate=rate,
        implied_baseline=r.implied(change.kind if change else None, direction),
        kind=kind,
        comparator=comparator,
        placeholders=whole.placeholders if whole else (),
        milestones=whole.milestones if whole else 0,
        parts=whole.parts if whole else (),
        label=whole.label if whole else None,
        vague_parts=whole.vague_parts if whole else (),
    )


_WITHIN = compile_pattern(r"(?:within|trong(?:\s+vong)?)\s")
_DAYS_OR_WEEKS = compile_pattern(r"(?:ngay|days?|tuan|weeks?)$")
# The last word of each COPULA phrase: the pattern runs only after one of them.
# The last word of every START_CTX, END_CTX, POINT_CTX, IN_CTX and BEFORE_CTX phrase.
_CONTEXT_ENDS = (
    "tu", "from", "starting", "in", "on", "beginning", "since", "dau", "cuoi", "het", "of",
    "the", "truoc", "ngay", "by", "before", "until", "till", "den", "toi", "than", "deadline",
    "deadline:", "chot", "chot:", "trong", "vong", "vao", "during", "within", "for", "over", "o",
    "to",
)  # fmt: skip
_COMPARATOR_PAIRS = tuple(tuple(p.split()) for p in COMPARATOR_PHRASES)
_COMPARATOR_PAIR_STARTS = frozenset(p[0] for p in _COMPARATOR_PAIRS)
_COMPARATOR_PAIR_ENDS = frozenset(p[-1] for p in _COMPARATOR_PAIRS)
_THING_WORDS = frozenset(("the", "new", "our"))
_COPULA_ENDS = frozenset(
    ("is", "are", "stay", "stays", "remain", "remains", "be", "la", "muc", "luon")
)
_OF_EVENT = Lazy(r"\s+(?:of|after|from|ke\s+tu|sau\s+khi)\s+[a-z]")
_WORKING = Lazy(r"\s+lam\s+viec")
_COUNT_DIGIT = Lazy(r"\d(?![\d.,]*\s?%)")
_DIGIT = Lazy(r"\d")
_ROLLING_WORDS = compile_pattern(r"rolling|trailing|last|past|any")
_AVERAGE_WORDS = gate("binh quan", "trung binh", "average", "avg", "cagr", "compound")
_LABEL_GATE = compile_pattern(
    r"\s*(?:[-–•*+]\s+)?(?:\[[ x]\]\s+)?(?:\[|kr|okr|o\s*\d|obj|key|goal|target|kq|ket|muc|kpi|p[0-4])"
)
_LABEL_STARTS = frozenset("-–•*+[kogtmp")  # what a label (or the bullet before it) opens with
_ROW_GATE = compile_pattern(r"[:—–]")
_MARKUP_GATE = compile_pattern(r"[*_`<\]]")
_REL_CHANGE_VERB = compile_pattern(r"keo|dua|day|bring|push|drive|take|move")
_CONNECTOR_SET = frozenset(("and", "va", "thoi", "well", "plus", "nhu"))
_CONNECTOR = Lazy(r"\s(?:and|va|dong\s+thoi|as\s+well\s+as|plus|cung\s+nhu)\s|;\s*")
_MILESTONE_GAP = Lazy(
    r"\s*(?:by|in|truoc|vao|den|toi|trong|until|for|at|on)?\s*(?:the\s+end\s+of\s+|cuoi\s+|het\s+)?$"
)
# A word after "weekly" that it qualifies ("weekly feature adoption"), unless a preposition.
_ADJECTIVE = Lazy(r"\s+(?!(?:for|in|until|by|and|or|from|through|across|at|on|to|during)\b)[a-z]")
_ARTICLE = Lazy(r"(?:a|an|the)\s+(?=\S)")
_DANGLING = Lazy(r"\s+(?:of|cua)$")
_NOUN_START = Lazy(r"[,;:]")
_BY_COMPARATOR = compile_pattern(
    r"(?<![\w])by\s+(?:at\s+least|at\s+most|more\s+than|over|up\s+to)\s*$"
)
_UNIT_AFTER_HYPHEN = Lazy(
    r"(?:day|hour|week|month|year|minute|second|point|star|step|item|page|person|seat|bed|lane)s?(?![\w])"
)
_SHARE_OF = compile_pattern(r"\s+(?:of|cua|trong\s+so)\s")
# What may open a clause that leads with its level: the number itself, a sign, a period
# ("mỗi tháng", "every month") or a comparator ("tối thiểu", "at least", "> 70%").
_LEVEL_FIRST = compile_pattern(
    r"\s*(?:[\d$+≥≤<>=]|(?:moi|hang|every|each|per|toi|it|at|khong|no|not|more|less|fewer|tren"
    r"|duoi|over|under|above|below|minimum|maximum|min|max|up|a|an|tu)(?![\w]))"
)
_OF_NOUN = compile_pattern(r"\s+(?:of\s+)?[a-z]")
_TRAIL = Lazy(r"[\s:=–—-]+$")
_OF = compile_pattern(r"\s*(?:of|cua|trong\s+so)?\s*")


_Span = tuple[int, int]


def _label(clean: str) -> tuple[_Span | None, _Span | None]:
    """Return the span of a label before the goal ("KR2:", "O1 -", "[P1]", "CEO:"), and the
    words of a "Name:" label, which name the metric when the clause names none ("Revenue:
    grow from 2 to 3 tỷ"); "KR2." and "[P1]" name nothing."""
    head = clean.lstrip()[:1]
    m = LEAD_LABEL.match(clean) if head in _LABEL_STARTS and _LABEL_GATE.match(clean) else None
    if m is not None and clean[m.end() :].strip():
        return m.span("l"), None
    if ":" not in clean[:LABEL_HEAD]:
        return None, None
    m = NAME_COLON.match(clean)
    if m is not None and VERB.match(clean, m.end()) is not None:
        return m.span("l"), m.span("n")
    return None, None


def _service_levels(masked: str, hits: list[Hit]) -> list[Hit]:
    """Drop "within N days" where it is the level of a duration, not the goal's time frame.

    "Phản hồi khiếu nại trong vòng 2 ngày làm việc", "respond within 2 days": a bound on how
    long something takes.  "Tăng doanh thu 10% trong vòng 3 tháng" keeps its deadline.
    """
    if not hits or ("within" not in masked and "trong" not in masked):
        return hits
    kept: list[Hit] = []
    for h in hits:
        seg = masked[h.start : h.end]
        if (
            seg.startswith(("within", "trong"))
            and _WITHIN.match(seg)
            and _DAYS_OR_WEEKS.search(seg)
            and (
                SLA_UNIT.match(masked, h.end) is not None
                or _WORKING.match(masked, h.end) is not None
                or _OF_EVENT.match(masked, h.end) is not None  # "within 30 days of referral"
                or _sla_verb_without_count(masked, h.start)
            )
        ):
            continue
        kept.append(h)
    return kept


def _sla_verb_without_count(masked: str, at: int) -> bool:
    """Tell whether an action verb ("respond", "xử lý") comes before ``at`` with no count of
    its own: "close 12 deals within 90 days" is a time frame, "resolve 90% of tickets within
    2 days" and "respond to every request within 2 days" are service levels."""
    verb = SLA_VERB.search(masked, 0, at)
    if verb is None:
        return False
    return _COUNT_DIGIT.search(masked, verb.end(), at) is None


def _purposes(masked: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Return purpose clauses ("nhằm …", "để tăng …", "in order to …"): they set no target."""
    spans: list[tuple[int, int]] = []
    if not opens(PURPOSE_GATE, masked, words):
        return spans
    for m in PURPOSE.finditer(masked):
        end = CLAUSE_END.search(masked, m.end())
        spans.append((m.start(), end.start() if end else len(masked)))
    return spans


def _names_no_amount(f: Folded, masked: str, q: Quantity, standards: bool, things: bool) -> bool:
    """Tell whether a number names something (a rating, a standard, a year, a label, a noun's
    measure, a thing) instead of being an amount.  Only a bare number can name most of them,
    so a percent or a unit is asked one question."""
    if _names_a_rating(masked, q):
        return True
    if q.percent:
        return False
    if _qualifies_a_noun(masked, q) or (standards and _names_a_standard(f, masked, q)):
        return True
    if q.points or q.factor or q.unit:
        return False
    return (
        _names_a_label(masked, q)
        or _names_a_year(f, masked, q)
        or (things and _names_a_thing(f, masked, q))
    )


def _names_a_year(f: Folded, masked: str, q: Quantity) -> bool:
    """Tell whether a bare four-digit number is a year in a name ("Summit 2027", "the 2027 plan")."""
    if q.percent or q.points or q.factor or q.unit or not (1900 <= q.value <= 2100):
        return False
    if not f.src[f.orig(q.start) : f.orig(q.end)].isdigit():
        return False
    before = masked[max(0, q.start - MARK_WINDOW) : q.start].split()
    return not before or before[-1] not in AMOUNT_BEFORE


def _names_a_thing(f: Folded, masked: str, q: Quantity) -> bool:
    """Tell whether a bare number after "the"/"our"/"new" names a thing ("the new 311 app",
    "our 211 line"): an identifier, not an amount."""
    if q.percent or q.points or q.factor or q.unit or not q.value.is_integer():
        return False
    if masked[q.end : q.end + 1] != " " or not masked[q.end + 1 : q.end + 2].isalpha():
        return False
    before = masked[max(0, q.start - NAME_WINDOW) : q.start].split()
    return bool(before) and before[-1] in _THING_WORDS


def _qualifies_a_noun(masked: str, q: Quantity) -> bool:
    """Tell whether a number is joined by a hyphen to the noun it qualifies ("the 30-day
    readmission rate", "a 24-hour hotline"): part of the metric's name, not an amount."""
    return (
        not q.percent
        and masked[q.end : q.end + 1] == "-"
        and masked[q.end + 1 : q.end + 2].isalpha()
        and _UNIT_AFTER_HYPHEN.match(masked, q.end + 1) is not None
    )


def _names_a_standard(f: Folded, masked: str, q: Quantity) -> bool:
    """Tell whether a number is part of a standard's or a version's name ("WCAG 2.2", "ISO
    27001", "Python 3.12"): the name is written with a capital, as names are."""
    if q.percent or q.unit:
        return False
    words = masked[max(0, q.start - NAME_WINDOW) : q.start].split()
    if not words or words[-1] not in STANDARD_WORDS:
        return False
    m = STANDARD_NAME.search(masked, max(0, q.start - NAME_WINDOW), q.start)
    return m is not None and f.source(m.start(), m.start() + 1).isupper()


def _milestones(
    masked: str, hits: list[Hit], free: list[Quantity], base_hits: set[int], today: date
) -> tuple[list[Hit], list[Quantity], int]:
    """Keep the milestone not yet passed when a line lists several dated targets.

    "SUS score: 73 by Q4-FY27, 77 by Q4-FY28": the first target whose date is not behind
    today is the goal's target and deadline; the others are set aside.
    """
    if len(hits) < 2 or len(free) < 2:
        return hits, free, 0
    pairs: list[tuple[Quantity, Hit]] = []
    for q in free:
        h = next((h for h in hits if h.start >= q.end and id(h) not in base_hits), None)
        if h is None or h.end_date is None or not _MILESTONE_GAP.match(masked[q.end : h.start]):
            continue
        if len(masked[q.end : h.start]) > 20 or any(p[1] is h for p in pairs):
            continue
        pairs.append((q, h))
    if len(pairs) < 2:
        return hits, free, 0
    chosen = next((p for p in pairs if p[1].end_date and p[1].end_date >= today), pairs[-1])
    others = [p for p in pairs if p is not chosen]
    drop_q = {id(q) for q, _ in others}
    drop_h = {id(h) for _, h in others}
    return (
        [h for h in hits if id(h) not in drop_h],
        [q for q in free if id(q) not in drop_q],
        len(pairs),
    )


def _second_target(
    masked: str, free: list[Quantity], excluded: list[tuple[int, int]], words: frozenset[str]
) -> int | None:
    """Return where a second target starts ("Cut incidents by 30% and reach an NPS of 50")."""
    if len(free) < 2:
        return None
    joined = not _CONNECTOR_SET.isdisjoint(words) or ";" in masked
    if not joined and "," not in masked:
        return None
    for m in _CONNECTOR.finditer(masked, free[0].end) if joined else ():
        if _inside(m.start(), m.end(), excluded):
            continue
        later = [q for q in free if q.start >= m.end()]
        if not later:
            return None
        verb = VERB.match(masked, m.end())
        if verb is None:
            verb = VERB.search(masked, m.end(), later[0].start)
            if verb is None or len(masked[m.end() : verb.start()].split()) > 4:
                continue
        if _VERB_KIND[verb.lastgroup or ""] in (
            VerbKind.INCREASE,
            VerbKind.DECREASE,
            VerbKind.REACH,
            VerbKind.HOLD,
            VerbKind.DOWN_TO,
            VerbKind.IMPROVE,
        ):
            return m.end()
    # "Doanh thu đạt 1.200 tỷ, lợi nhuận sau thuế tăng 10% so với năm 2026": a comma, then a
    # new metric and its verb.  ", tăng 25% so với năm 2026" with no subject is the same
    # metric's change, which implies its baseline, and stays one target.
    for m in CLAUSE_END.finditer(masked, free[0].end):
        later = [q for q in free if q.start > m.end()]
        if not later or _inside(m.start(), m.end(), excluded):
            continue
        verb = VERB.search(masked, m.end(), later[0].start)
        if verb is None or _VERB_KIND[verb.lastgroup or ""] not in (
            VerbKind.INCREASE,
            VerbKind.DECREASE,
            VerbKind.REACH,
            VerbKind.HOLD,
            VerbKind.DOWN_TO,
        ):
            continue
        subject = masked[m.end() : verb.start()]
        if LETTER.search(subject) and not _DIGIT.search(subject) and len(subject.split()) <= 6:
            return m.end()
    return None


def _vague_target(
    masked: str, free: list[Quantity], excluded: list[tuple[int, int]], words: frozenset[str]
) -> tuple[int, int] | None:
    """Return a further target that states no number ("… and improve canopy health")."""
    if not free or (_CONNECTOR_SET.isdisjoint(words) and ";" not in masked):
        return None
    for m in _CONNECTOR.finditer(masked, free[0].end):
        if _inside(m.start(), m.end(), excluded) or any(q.start >= m.end() for q in free):
            continue
        if any(a >= m.end() for a, _ in excluded):
            continue  # a placeholder or a means there ("… reduce cost to TBD"): reported as such
        verb = VERB.match(masked, m.end())
        if verb is None or _VERB_KIND[verb.lastgroup or ""] not in (
            VerbKind.INCREASE,
            VerbKind.DECREASE,
            VerbKind.IMPROVE,
        ):
            continue
        end = CLAUSE_END.search(masked, verb.end())
        stop = end.start() if end else len(masked)
        if LETTER.search(masked, verb.end(), stop):
            return m.end(), len(masked[:stop].rstrip())
    return None


def _read_part(
    f: Folded,
    masked: str,
    tail: int,
    quantities: list[Quantity],
    hits: list[Hit],
    excluded: list[tuple[int, int]],
    lang: Language,
    words: frozenset[str],
) -> Reading | None:
    """Read a further target on the line; None when it names no metric of its own."""
    part_masked = " " * tail + masked[tail:]
    free = [q for q in quantities if q.start >= tail and not _inside(q.start, q.end, excluded)]
    own = [q for q in quantities if q.start >= tail]
    reading = _read_clause(f, part_masked, lang, hits, None, set(), [], own, free, [], words)
    if reading.target is None or reading.metric is None:
        return None
    return reading


def _copula_before_level(masked: str, verb: _Verb, free: list[Quantity]) -> bool:
    """Tell whether the first level after the verb follows "is/are/là/ở mức" directly."""
    q = next((q for q in free if q.start >= verb.end), None)
    if q is None or verb.kind in (
        VerbKind.INCREASE,
        VerbKind.DECREASE,
        VerbKind.DOWN_TO,
        VerbKind.HOLD,
    ):
        return False
    words = masked[max(verb.end, q.start - NOUN_WINDOW) : q.start].split()
    if not words or words[-1] not in _COPULA_ENDS:
        return False
    copula = COPULA.search(masked, max(verb.end, q.start - NOUN_WINDOW), q.start)
    return copula is not None and not masked[copula.end() : q.start].strip()


def _row_label(masked: str, row: re.Match[str]) -> bool:
    """Tell whether a KPI row's label names a metric: not one opened by a change verb
    ("Giảm chi phí: còn 5 tỷ"); "Open bugs per team: ≤ 25" opens with an adjective."""
    verb = VERB.match(masked, row.start("m"))
    return verb is None or _VERB_KIND[verb.lastgroup or ""] in (VerbKind.PRODUCE, VerbKind.EVENT)


def _leads_with_level(
    masked: str, free: list[Quantity], cadences: list[re.Match[str]], comparing: bool
) -> bool:
    """Tell whether the clause opens with its level: only a comparator or a period before it."""
    if not free or free[0].factor:
        return False  # "Double demo requests": a multiplier is a change verb
    if _LEVEL_FIRST.match(masked, masked.rfind(",", 0, free[0].start) + 1) is None:
        return False  # most goals open with a verb or a metric
    q = free[0]
    clause = masked.rfind(",", 0, q.start) + 1  # "Đến năm 2030, 100% hồ sơ …": after the lead-in
    if q.start - clause > 60:
        return False
    before = masked[clause : q.start]
    if len(before.split()) > 6:
        return False
    for m in cadences:
        if clause <= m.start() and m.end() <= q.start:
            a, b = m.start() - clause, m.end() - clause
            before = before[:a] + " " * (b - a) + before[b:]
    cmp = COMPARATOR_BEFORE.search(before) if comparing else None
    if cmp is not None:
        before = before[: cmp.start()]
    return not LETTER.search(before) and (
        q.percent or cmp is not None or _OF_NOUN.match(masked, q.end) is not None
    )


def _stated(
    masked: str, free: list[Quantity], hits: list[Hit], comparing: bool = True
) -> tuple[_Verb | None, tuple[int, int] | None]:
    """Read a level stated as a state, with no verb: a bound or a standard.

    "Tỷ lệ nợ xấu dưới 3%", "p95 latency is under 300 ms", "Average first response is 4
    hours or less", "99.9% of API requests succeed", "> 70% of reps at quota".
    """
    for q in free:
        window = max(0, q.start - STATE_WINDOW)
        cmp = COMPARATOR_BEFORE.search(masked, window, q.start) if comparing else None
        at = cmp.start() if cmp is not None else q.start
        if cmp is None and not (comparing and COMPARATOR_AFTER.match(masked, q.end)):
            copula = COPULA.search(masked, window, q.start)
            if copula is not None:
                at = copula.start()
            elif masked[masked.rfind(",", 0, at) + 1 : at].strip():
                continue  # words before the level in its clause, and no comparator or copula
        subject = _subject_before(masked, at, hits)
        if subject is not None:
            a, b = subject
            copula = COPULA.search(masked, a, b)
            if copula is not None and masked[a : copula.start()].strip():
                b = a + len(masked[a : copula.start()].rstrip())
            return _Verb(at, at, VerbKind.REACH), (a, b)
        after = _phrase_after(masked, q)
        if after is not None:
            return _Verb(q.start, q.start, VerbKind.REACH), after
        return None, None
    # "Năm 2027: doanh thu hợp nhất 1.500 tỷ đồng": a metric, then its level, and no verb.
    for q in free:
        clause = max([m.end() for m in _NOUN_START.finditer(masked, 0, q.start)] + [0])
        seg = masked[clause : q.start]
        if LETTER.search(seg) and not _DIGIT.search(seg) and len(seg.split()) <= 8:
            a = clause + len(seg) - len(seg.lstrip())
            return _Verb(q.start, q.start, VerbKind.REACH), (a, clause + len(seg.rstrip()))
        break
    return None, None


def _phrase_after(masked: str, q: Quantity) -> tuple[int, int] | None:
    """Return the words after a share or count that say what it counts ("… of API requests")."""
    start = _OF.match(masked, q.end)
    a = start.end() if start else q.end
    stop = STOP.search(masked, a)
    b = stop.start() if stop else len(masked)
    seg = masked[a:b]
    if not LETTER.search(seg):
        return None
    return a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())


def _trim_metric(masked: str, metric: tuple[int, int]) -> tuple[int, int] | None:
    """Drop an article before the metric and a dangling "of" after it ("an NPS of" -> "NPS")."""
    a, b = metric
    lead = _ARTICLE.match(masked, a, b)
    if lead is not None:
        a = lead.end()
    tail = _DANGLING.search(masked, a, b)
    if tail is not None:
        b = tail.start()
    return (a, b) if LETTER.search(masked, a, b) else metric


def _kpi_metric(
    f: Folded, masked: str, metric: tuple[int, int], lang: Language, labelled: bool = True
) -> tuple[int, int] | None:
    """Trim a KPI row's label to its metric ("MR Rate — target" -> "MR Rate"); a place or
    person named before the colon ("Bắc Giang: 13,6%") is no metric."""
    a, b = metric
    seg = masked[a:b]
    trimmed = KPI_WORDS.sub("", _TRAIL.sub("", seg))
    trimmed = _TRAIL.sub("", trimmed)
    if trimmed != seg:
        lead = seg.find(trimmed) if trimmed else 0
        a, b = a + max(lead, 0), a + max(lead, 0) + len(trimmed)
    words = f.src[f.orig(a) : f.orig(b)].split()
    if not words or not LETTER.search(masked[a:b]):
        return None
    if not labelled:
        return a, b
    titled = all(w[:1].isupper() and not w.isupper() for w in words)
    vietnamese = lang is Language.VI or not "".join(words).isascii()
    if vietnamese and titled and len(words) >= 2:
        return None  # "Bắc Giang: 13,6%": a place, not a metric
    label = masked[a:b]
    last = label.rsplit(" ", 2)
    per_unit = len(last) > 1 and last[-2] in ("per", "moi", "each", "tren")
    if PLACE_LABEL.match(label) or (PLACE_LABEL.fullmatch(last[-1]) and not per_unit):
        return None  # "Southern region: 12.5%", "Chi nhánh Hà Nội: 15%": who, not what
    return a, b


def _may_compare(window: str, words: frozenset[str] | None = None) -> bool:
    """Tell cheaply whether a comparator can stand in ``window`` (most goals have none)."""
    if words is None:
        words = frozenset(window.split())
    if not COMPARATOR_WORDS.isdisjoint(words) or COMPARATOR_SIGNS.search(window) is not None:
        return True
    # Phrases whose words are common alone: "tối đa", "ít nhất", "không quá", "trở lên", "up to".
    if _COMPARATOR_PAIR_STARTS.isdisjoint(words) or _COMPARATOR_PAIR_ENDS.isdisjoint(words):
        return False
    return any(a in words and b in words for a, b in _COMPARATOR_PAIRS)


def _comparator(masked: str, q: Quantity, comparing: bool = True) -> Comparator | None:
    """Return the comparator that qualifies a level, before it ("≥", "dưới") or after it ("+")."""
    if not comparing:
        return None
    m = COMPARATOR_BEFORE.search(masked, max(0, q.start - COMPARATOR_WINDOW), q.start)
    if m is None:
        m = COMPARATOR_AFTER.match(masked, q.end)
    if m is None:
        return None
    return {
        "ge": Comparator.AT_LEAST,
        "gt": Comparator.MORE_THAN,
        "le": Comparator.AT_MOST,
        "lt": Comparator.LESS_THAN,
    }[m.lastgroup or "ge"]


def _kind(
    masked: str, verb: _Verb | None, r: _Target, comparator: Comparator | None, stated: bool
) -> GoalKind:
    """Tell a change from a bound or a hold (PRODUCT.md: change verbs win)."""
    if verb is None or r.base_q is not None:
        return GoalKind.CHANGE
    if verb.kind is VerbKind.PRODUCE and comparator is not None:
        return GoalKind.BOUND  # "onboard at least 25 merchants every month"
    if comparator is not None and masked[verb.start : verb.end] in ("tang truong", "growth"):
        return GoalKind.BOUND  # "Tăng trưởng tín dụng tối đa 14%": growth is the metric, held
    if verb.kind in (
        VerbKind.INCREASE,
        VerbKind.DECREASE,
        VerbKind.DOWN_TO,
        VerbKind.IMPROVE,
        VerbKind.PRODUCE,
    ):
        return GoalKind.CHANGE
    if verb.kind is VerbKind.HOLD:
        return GoalKind.HOLD
    if stated:
        return GoalKind.BOUND
    words = masked[verb.start : verb.end]
    if _REL_CHANGE_VERB.match(words):
        return GoalKind.CHANGE
    if BOUND_REACH.match(words):
        return GoalKind.BOUND if comparator is not None else GoalKind.CHANGE
    # An action verb with a share or a comparator states a standard: "resolve 90% of tickets".
    q = r.target_q
    if comparator is not None or (q is not None and q.percent):
        return GoalKind.BOUND
    return GoalKind.CHANGE


def _period_of(m: re.Match[str]) -> tuple[Period, tuple[int, int]] | None:
    unit = next((g for g in m.group("u1", "u2", "u3", "u4", "u5", "u6") if g), None)
    return (PERIOD[unit], (m.start(), m.end())) if unit in PERIOD else None


def _recurring(
    cadences: list[re.Match[str]],
    masked: str,
    target_q: Quantity,
    means: list[tuple[int, int]],
    *,
    after_only: bool = False,
) -> tuple[Period, tuple[int, int]] | None:
    """Return the period a bound is checked in ("≥ 99.95% every month", "55 MRs per month").

    "monthly active users", "weekly feature adoption": an adjective before a noun names the
    metric, not a period.
    """
    for m in cadences:
        if _inside(m.start(), m.end(), means) or (after_only and m.start() < target_q.end):
            continue
        if m.group("u2") and (m.start() < target_q.start or _ADJECTIVE.match(masked, m.end())):
            continue
        found = _period_of(m)
        if found is not None:
            return found
    basis = _basis(masked)
    if basis is not None:
        return basis
    rolling = ROLLING.search(masked) if _ROLLING_WORDS.search(masked) else None
    if rolling is not None:
        unit = rolling.group("u").rstrip("s")
        return PERIOD[unit], rolling.span()
    return None


def _basis(masked: str) -> tuple[Period, tuple[int, int]] | None:
    """Return the period of "on a weekly basis", "on a year-over-year basis"."""
    if "basis" not in masked:
        return None
    basis = BASIS.search(masked)
    if basis is None:
        return None
    word = basis.group("u")
    period = Period.YEAR if word.startswith(("year", "annual")) else PERIOD[word]
    return period, basis.span()


def _average(
    cadences: list[re.Match[str]], masked: str, target_q: Quantity, words: frozenset[str]
) -> tuple[Period, tuple[int, int]] | None:
    """Return the period of an average change ("bình quân 7%/năm", "CAGR of 12%")."""
    if not opens(_AVERAGE_WORDS, masked, words):
        return None
    avg = AVERAGE.search(masked, max(0, target_q.start - AVERAGE_WINDOW), target_q.start)
    if avg is None:
        avg = AVERAGE.match(masked, target_q.end + 1)
    if avg is None:
        return None
    for m in cadences:
        if m.start() >= target_q.end:
            found = _period_of(m)
            if found is not None:
                return found
    if "cagr" in avg.group(0) or "compound" in avg.group(0):
        return Period.YEAR, avg.span()
    return None


def _cadence(
    cadences: list[re.Match[str]],
    masked: str,
    target_q: Quantity,
    verb: _Verb | None,
    means: list[tuple[int, int]],
) -> re.Match[str] | None:
    """Return the period that makes a relative change recur, if one follows or opens it.

    A period inside the means belongs to the means; a period before the change ("monthly
    active users") or written as "/month" is the metric's unit.
    """
    for m in cadences:
        if m.start() >= target_q.end or _leads_clause(masked, m.start(), m.end(), verb):
            if _inside(m.start(), m.end(), means):
                continue
            return m if m.group("u4") is None else None
    return None


def _leads_clause(masked: str, start: int, end: int, verb: _Verb | None) -> bool:
    """Tell whether a period opens the goal's clause ("Mỗi tháng, tăng 5% …")."""
    if verb is None or verb.start < end or masked[end : verb.start].strip(" ,"):
        return False
    return not masked[:start].rsplit(",", 1)[-1].strip()


def _keep(f: Folded, m: re.Match[str]) -> bool:
    """Keep case-sensitive placeholders only when written in capitals ("X", "XX", "N7")."""
    for g in ("x", "n", "n2"):
        if m.group(g) is not None:
            return f.src[f.orig(m.start(g))].isupper()
    return True


def _means(low: str, hits: list[Hit], words: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _scan(MEANS, low, words):
        if any(h.start - m.end() in (0, 1) for h in hits):
            continue  # "through Q3 2027" is a deadline, not a means
        end_m = CLAUSE_END.search(low, m.end())
        spans.append((m.start(), end_m.start() if end_m else len(low.rstrip(" .!"))))
    return spans


def _base(
    low: str, hits: list[Hit], words: frozenset[str]
) -> tuple[tuple[int, int] | None, set[int]]:
    """Return the comparison base's span and the ids of the time hits it covers."""
    covered: set[int] = set()
    base: tuple[int, int] | None = None
    for m in _scan(BASE_WORD, low, words):
        end = m.end()
        filler = BASE_FILLER.match(low, end)  # "compared with last August"
        if filler:
            end = filler.end()
        for h in hits:
            if h.start == end or (h.start > end and not low[end : h.start].strip()):
                covered.add(id(h))
                end = h.end
                break
        else:
            stop = CLAUSE_END.search(low, end)
            kept: list[str] = []
            for word in low[end : stop.start() if stop else len(low)].split()[:4]:
                if word in BASE_ENDS:  # "… last year by 31 Dec": the deadline starts here
                    break
                kept.append(word)
            rest = low[end:]
            end = end + (len(rest) - len(rest.lstrip())) + len(" ".join(kept)) if kept else end
        if base is None:
            base = (m.start(), end)
    for m in _scan(BASE_ALONE, low, words):
        for h in hits:
            if m.start() <= h.start and h.end <= m.end() + NAME_WINDOW and h.past:
                covered.add(id(h))
        if base is None:
            base = (m.start(), m.end())
    return base, covered


def _names_a_rating(masked: str, q: Quantity) -> bool:
    """Tell whether a number names a kind of rating ("đánh giá 5 sao", "5-star reviews").

    "lên 4,6 sao" or "from 4.2 to 4.6 stars" still count: a level or a from-to marker
    before the number makes it a quantity.
    """
    if not RATING.match(masked, q.end):
        return False
    before = masked[max(0, q.start - MARK_WINDOW) : q.start]
    return not (LEVEL_MARK.search(before) or FROM.search(before) or ARROW_BEFORE.search(before))


def _names_a_label(masked: str, q: Quantity) -> bool:
    """Tell whether a number names a kind after a label noun ("cấp 1", "phase 2").

    "lên cấp 3" or "reach level 5" still count: a level or from marker before the noun
    makes the number the target.
    """
    if q.percent or q.points or q.factor or q.unit or not (0 <= q.value <= 99):
        return False
    if not q.value.is_integer():
        return False
    noun = LABEL_NOUN.search(masked, max(0, q.start - NOUN_WINDOW), q.start)
    if noun is None:
        return False
    before = masked[max(0, noun.start() - MARK_WINDOW) : noun.start()]
    return not (LEVEL_MARK.search(before) or FROM.search(before))


def _label_kind(masked: str, at: int) -> VerbKind:
    """Return the verb kind a signed number after a label stands for ("-20%" decreases)."""
    sign = masked[at : at + 1]
    if sign == "-":
        return VerbKind.DECREASE
    return VerbKind.INCREASE if sign == "+" else VerbKind.REACH


def _verbless(
    masked: str, free: list[Quantity], hits: list[Hit]
) -> tuple[_Verb | None, tuple[int, int] | None]:
    """Read a goal written without a verb, the way dashboards and OKR sheets do.

    "CSAT: 88% → 92%" and "Cloud spend: -20% QoQ" name the metric before a colon, which
    stands for the verb; "DT Q4/2027 +25% YoY" names it before a signed number.
    """
    label = LABEL.match(masked)
    if label is not None:
        verb = _Verb(label.end("m"), label.end(), _label_kind(masked, label.end()))
        return verb, (label.start("m"), label.end("m"))
    for q in free:
        if q.start > 0 and masked[q.start] in "+-" and masked[q.start - 1] == " ":
            subject = _subject_before(masked, q.start, hits)
            if subject is not None:
                return _Verb(q.start, q.start, _label_kind(masked, q.start)), subject
    return None, None


def _primary(verbs: list[_Verb], free: list[Quantity], masked: str) -> _Verb | None:
    """Pick the goal's verb: the first direction verb, or a production verb with a count."""
    fallback: _Verb | None = None
    for v in verbs:
        if v.kind not in (VerbKind.PRODUCE, VerbKind.EVENT):
            return v
        gap = PROD_GAP.match(masked, v.end)
        pos = gap.end() if gap else v.end
        if any(q.start == pos and not q.percent and not q.factor for q in free):
            return _Verb(v.start, v.end, VerbKind.PRODUCE)
        at = next((q for q in free if q.start == pos), None)
        more = MORE.match(masked, at.end) if at is not None and at.percent else None
        if more is not None:  # "resolve 20% more tickets": a relative change
            return _Verb(
                v.start, v.end, VerbKind.DECREASE if more.group("less") else VerbKind.INCREASE
            )
        # "thu hồi 80% công nợ", "close 80% of tickets": a share of what happens is a level.
        if at is not None and (at.percent or v.kind is VerbKind.EVENT):
            return _Verb(v.start, v.end, VerbKind.REACH)
        if v.kind is VerbKind.EVENT:
            # An action verb with no count of its own ("triển khai chiến dịch để tăng …")
            # yields to a later direction verb.
            fallback = fallback or _Verb(v.start, v.end, VerbKind.REACH)
    return fallback


@record
class _Change:
    kind: ChangeKind
    value: float
    where: tuple[int, int]


class _Target:
    """Work out target, baseline and direction from the quantities after the goal's verb.

    Its fields are settled when it is built; what the clause learns later (the metric makes a
    percent a rate, a bound has no direction) is passed to :meth:`change` and :meth:`implied`.
    """

    def __init__(self, verb: _Verb | None, free: list[Quantity], masked: str) -> None:
        self.verb = verb
        self.low = masked
        self.base_q: Quantity | None = None
        self.target_q: Quantity | None = None
        self.level_q: Quantity | None = None
        self.rel_q: tuple[Quantity, int] | None = None  # a percent change beside a level, signed
        self.zero = False
        self.up_to = True  # a percent level after "lên" (or no marker) may be a relative change
        self.both_percent = False
        self.kind: ChangeKind | None = None
        self.direction: Direction | None = None
        if verb is not None:
            self.direction = _DIRECTION_OF.get(verb.kind)
            free = [q for q in free if q.end > verb.start]
        if free:
            self._choose(free)

    def _choose(self, free: list[Quantity]) -> None:
        low = self.low
        for a, b in itertools.pairwise(free):
            gap = low[a.end : b.start].strip()
            if a.factor or b.factor or not gap:
                continue
            arrow = ARROW.fullmatch(gap)
            if arrow or (CONNECT.fullmatch(gap) and FROM.search(low, 0, a.start)):
                self.base_q, self.target_q, self.kind = a, b, ChangeKind.LEVEL
                self.both_percent = a.percent and b.percent
                if self.direction in (None, Direction.REACH) and a.value != b.value:
                    up = b.value > a.value
                    self.direction = Direction.INCREASE if up else Direction.DECREASE
                return
        if self.verb is None:
            return
        factors = [q for q in free if q.factor]
        if factors:
            q = factors[0]
            self.target_q, self.kind = q, ChangeKind.FACTOR
            if self.direction in (None, Direction.REACH):  # "đạt gấp đôi", "kéo lên gấp rưỡi"
                self.direction = Direction.INCREASE if q.value > 1 else Direction.DECREASE
            self.level_q = next((x for x in free if x.start > q.end and not x.percent), None)
            return
        q = free[0]
        self.target_q = q
        pre = low[max(0, q.start - MARK_WINDOW) : q.start]
        right_after = not low[self.verb.end : q.start].strip()
        if self.verb.kind is VerbKind.PRODUCE:
            self.kind, self.zero = ChangeKind.LEVEL, True
        elif q.points:
            self.kind = ChangeKind.POINTS
        elif q.percent:
            mark = LEVEL_MARK.search(pre)
            # "by at least 5%": a change, not a level
            by = "by " in pre and _BY_COMPARATOR.search(pre) is not None
            level = (self.direction is Direction.REACH or mark is not None) and not by
            self.kind = ChangeKind.LEVEL if level else ChangeKind.PERCENT
            # "lên 15%", "xuống 2%", "to 5%" on a count are relative changes; a comparator
            # ("to below 10%", "dưới 3%") names the level (PRODUCT.md, relative or level).
            self.up_to = mark is not None and mark.group(0).strip() in ("len", "xuong", "to")
            later = [x for x in free if x.start > q.end and not x.percent and not x.factor]
            if later and LEVEL_MARK.search(
                low[max(0, later[0].start - MARK_WINDOW) : later[0].start]
            ):
                self.level_q = later[0]
            if level and self.direction is Direction.REACH:
                self._base_after(free, q)  # "reach 85% by Q4, up from 78%"
        elif self.direction is Direction.REACH or LEVEL_MARK.search(pre):
            self.kind = ChangeKind.LEVEL
            self.rel_q = self._change_beside(free, q)
            self._base_after(free, q)
        elif DELTA_MARK.search(pre):  # "add 200 new customers", "thêm 5"
            self.kind = ChangeKind.DELTA
        elif NEW_THINGS.match(low, q.end):  # "mở rộng ra 5 tỉnh mới": new ones, from zero
            self.kind, self.zero = ChangeKind.LEVEL, True
        elif right_after or self.direction is not None:
            self.kind = ChangeKind.DELTA
        else:
            self.kind = ChangeKind.LEVEL

    def _base_after(self, free: list[Quantity], level: Quantity) -> None:
        """Take a baseline said after the target level, and the direction it gives."""
        for x in free:
            if x.start <= level.end or x.percent != level.percent or x.factor:
                continue
            before = self.low[max(0, x.start - CONTEXT_WINDOW) : x.start]
            if not NOW_MARK.search(before):
                similar = (
                    x.unit == level.unit and x.value > 0 and 1 / 20 <= level.value / x.value <= 20
                )
                if not (BARE_FROM.search(before) and similar):
                    continue
            self.base_q = x
            if self.direction in (None, Direction.REACH) and x.value != level.value:
                up = level.value > x.value
                self.direction = Direction.INCREASE if up else Direction.DECREASE
            return

    def change(self, rate: bool, direction: Direction | None) -> _Change | None:
        """Return the target once the metric tells whether percent levels are a rate's, and
        the clause its direction."""
        q = self.target_q
        if q is None or self.kind is None:
            return None
        kind = self.kind
        relative = direction is not Direction.REACH and self.base_q is None
        share = _SHARE_OF.match(self.low, q.end) is not None  # "to 95% of rural households"
        if kind is ChangeKind.LEVEL and q.percent and not rate and relative and not share:
            kind = ChangeKind.PERCENT if self.up_to else kind
        value = q.value
        if kind in (ChangeKind.PERCENT, ChangeKind.POINTS, ChangeKind.DELTA):
            value = abs(value)
            if direction is Direction.DECREASE or q.value < 0:
                value = -value
        return _Change(kind, value, (q.start, q.end))

    def _change_beside(self, free: list[Quantity], level: Quantity) -> tuple[Quantity, int] | None:
        """Find a percent change said after a level ("…, tăng 25%"), with its sign."""
        for x in free:
            if x.start <= level.end or not x.percent or x.points:
                continue
            mark = REL_MARK.search(self.low, max(0, x.start - NOUN_WINDOW), x.start)
            if mark:
                return x, -1 if mark.group("down") else 1
        return None

    def implied(self, kind: ChangeKind | None, direction: Direction | None) -> float | None:
        """Return the baseline a relative target and a level imply together, if any; ``kind``
        is the target's kind as :meth:`change` settled it (None without a target)."""
        if kind is ChangeKind.LEVEL and self.rel_q is not None and self.target_q:
            change, sign = self.rel_q
            if self.base_q is None and abs(change.value) < 100:
                return self.target_q.value / (1 + sign * abs(change.value) / 100)
        q, lv = self.target_q, self.level_q
        if q is None or lv is None or self.base_q is not None:
            return None
        if kind is ChangeKind.PERCENT and q.value != -100:
            sign = -1 if direction is Direction.DECREASE else 1
            return lv.value / (1 + sign * abs(q.value) / 100)
        if kind is ChangeKind.FACTOR and q.value:
            return lv.value / q.value
        return None


def _metric(
    masked: str,
    verb: _Verb | None,
    quantities: list[Quantity],
    hits: list[Hit],
    holders: list[tuple[int, int]],
    excluded: list[tuple[int, int]],
    target_q: Quantity | None,
) -> tuple[int, int] | None:
    """Find the metric phrase: after the verb, else after its count, else before the verb."""
    if verb is None:
        return None
    marks = sorted(
        [q.start for q in quantities] + [h.start for h in hits] + [a for a, _ in holders + excluded]
    )

    def phrase(a: int) -> tuple[int, int] | None:
        stop = STOP.search(masked, a)
        b = min([stop.start() if stop else len(masked)] + [m for m in marks if m >= a])
        seg = masked[a:b]
        if not LETTER.search(seg):
            return None
        lead = len(seg) - len(seg.lstrip())
        return a + lead, a + len(seg.rstrip())

    found = phrase(verb.end)
    if found is None:
        after = target_q or next((q for q in quantities if q.start >= verb.end), None)
        if after is not None and after.start >= verb.end:
            lead_in = LEAD_IN.match(masked, after.end)
            found = phrase(lead_in.end() if lead_in else after.end)
    if found is None:  # "giảm một nửa chi phí cho mỗi lead, từ 50.000đ xuống 25.000đ"
        right = next((q for q in quantities if q.start >= verb.end), None)
        if right is not None and not masked[verb.end : right.start].strip():
            found = phrase(right.end)
    if found is None:
        found = _subject_before(masked, verb.start, hits)
    return found


def _subject_before(masked: str, at: int, hits: list[Hit]) -> tuple[int, int] | None:
    """Return the words of the clause before ``at``: the metric of a subject-first goal."""
    clause = max([m.end() for m in CLAUSE_END.finditer(masked, 0, at)] + [0])
    inside = [h for h in hits if clause <= h.start < at]
    # After the last time in the subject ("Trong quý 3, doanh thu đạt …"), else before
    # the first ("Doanh thu quý 4/2027 đạt 12 tỷ": the period qualifies the metric).
    for a, b in ((max([clause] + [h.end for h in inside]), at),
                 (clause, min([at] + [h.start for h in inside]))):  # fmt: skip
        seg = masked[a:b]
        if LETTER.search(seg):
            lead = len(seg) - len(seg.lstrip())
            return a + lead, a + len(seg.rstrip())
    return None


def _deadline(f: Folded, hits: list[Hit], base_hits: set[int]) -> tuple[Hit | None, Hit | None]:
    """Choose the deadline among the time hits; return it and an explicit start, if any."""
    low = f.low
    start: Hit | None = None
    candidates: list[tuple[Hit, bool]] = []
    for h in hits:
        if id(h) in base_hits or h.past:
            continue
        at = max(0, h.start - CONTEXT_WINDOW)
        pre = low[at : h.start]
        if not pre.rstrip().endswith(_CONTEXT_ENDS):
            candidates.append((h, False))  # no word before it that opens, ends or dates it
            continue
        opens = START_CTX.search(pre)
        if opens and f.plain(at + opens.start(), at + opens.end()):  # "điện tử" is not "từ"
            start = start or h
            continue
        end_ctx = bool(END_CTX.search(pre))
        point = end_ctx or bool(POINT_CTX.search(pre))
        introduced = point or bool(IN_CTX.search(pre))
        if point and h.start_date is not None and h.end_date is not None:
            end = h.end_date
            if not end_ctx and h.period and h.start_date > date.min and BEFORE_CTX.search(pre):
                # "trước tháng 6" / "before June": done by the day before the month starts.
                end = h.start_date - timedelta(days=1)
            h = Hit(h.start, h.end, end, None, h.problem, h.year_assumed, h.past, False)
        candidates.append((h, introduced))
    good = [(h, i) for h, i in candidates if h.end_date is not None]
    if good:
        pool = [h for h, i in good if i] or [h for h, _ in good]
        return max(pool, key=lambda h: (h.end_date or date.min, h.start)), start
    bad = [h for h, _ in candidates]
    if bad:
        return min(
            bad, key=lambda h: _PROBLEM_RANK.get(h.problem or TimeProblem.BARE_YEAR, 3)
        ), start
    return None, start


def _timeref(f: Folded, h: Hit) -> TimeRef:
    return TimeRef(_snip(f, h.start, h.end), h.end_date, h.start_date, h.problem, h.year_assumed)
