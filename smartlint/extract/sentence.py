"""Read one goal sentence: metric, quantities, target, direction, deadline, base, means.

Everything is matched on the folded copy of the text (see :mod:`.text`); Snips point into
the text as given.  Only the first :data:`~.text.MAX_CHARS` characters are read.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from smartlint.extract.language import detect
from smartlint.extract.numbers import Quantity, find_quantities
from smartlint.extract.phrases import (
    ARROW,
    ARROW_BEFORE,
    BARE_FROM,
    BASE_ALONE,
    BASE_ENDS,
    BASE_FILLER,
    BASE_WORD,
    BEFORE_CTX,
    BULLET,
    CADENCE,
    CLAUSE_END,
    CONNECT,
    DELTA_MARK,
    END_CTX,
    FROM,
    GATES,
    IN_CTX,
    LABEL,
    LABEL_NOUN,
    LEAD_IN,
    LETTER,
    LEVEL_MARK,
    MEANS,
    MORE,
    NEW_THINGS,
    NOW_MARK,
    PERIOD,
    PLACEHOLDER,
    PLACEHOLDER_GATE,
    PLACEHOLDER_WORDS,
    POINT_CTX,
    PROD_GAP,
    RATE,
    RATING,
    REL_MARK,
    START_CTX,
    STOP,
    VERB,
)
from smartlint.extract.text import Folded, fold
from smartlint.extract.time import Hit, find_times
from smartlint.model import (
    Amount,
    Change,
    ChangeKind,
    Direction,
    Language,
    Reading,
    Snip,
    TimeProblem,
    TimeRef,
)

_PROBLEM_RANK = {TimeProblem.IMPOSSIBLE: 0, TimeProblem.UNPARSEABLE: 1, TimeProblem.BARE_YEAR: 2}


@dataclass(frozen=True, slots=True)
class _Verb:
    start: int
    end: int
    kind: str


def _scan(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    if not any(g in text for g in GATES[rx]):
        return []
    return list(rx.finditer(text))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _snip(f: Folded, a: int, b: int) -> Snip:
    s, e = f.orig(a), f.orig(b)
    return Snip(s, e, f.src[s:e])


def _amount(f: Folded, q: Quantity) -> Amount:
    return Amount(q.value, _snip(f, q.start, q.end), q.percent, q.unit)


def read(text: str, today: date, language: Language | None = None) -> Reading:
    """Read a goal sentence (see :func:`smartlint.extract.read_sentence`)."""
    f = fold(text)
    low = f.low
    lang = language or detect(f)
    holders: list[tuple[int, int]] = []
    if PLACEHOLDER_GATE.search(f.src) or any(g in low for g in PLACEHOLDER_WORDS):
        holders = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(low) if _keep(f, m)]
    bullet = BULLET.match(low)  # "2. Nâng cao …": a list number, not a quantity
    masked = _blank(low, holders + ([bullet.span("b")] if bullet else []))
    hits = find_times(f, masked, today)
    masked = _blank(masked, [(h.start, h.end) for h in hits])
    cadences = [m for m in _scan(CADENCE, masked) if f.plain(m.start(), m.end())]
    means = _means(low, hits)
    base, base_hits = _base(low, hits)
    quantities = [
        q
        for q in find_quantities(f, masked)
        if not _names_a_rating(masked, q) and not _names_a_label(masked, q)
    ]
    excluded = means + ([base] if base else [])
    verbs = [
        _Verb(m.start(), m.end(), m.lastgroup or "")
        for m in VERB.finditer(masked)
        if not _inside(m.start(), m.end(), excluded) and f.plain(m.start(), m.end())
    ]
    free = [q for q in quantities if not _inside(q.start, q.end, excluded)]
    verb = _primary(verbs, free, masked)
    named: tuple[int, int] | None = None  # a metric named before a colon or a signed number
    if verb is None:
        verb, named = _verbless(masked, free, hits)
    deadline, start = _deadline(f, hits, base_hits)

    r = _Target(verb, free, masked)
    metric = named or _metric(masked, verb, quantities, hits, holders, excluded, r.target_q)
    metric_text = low[metric[0] : metric[1]] if metric else low
    rate = bool(RATE.search(metric_text)) or r.both_percent
    change = r.change(rate)
    cadence: re.Match[str] | None = None
    if change is not None and change.kind is not ChangeKind.LEVEL and r.target_q is not None:
        cadence = _cadence(cadences, masked, r.target_q, verb, means)
    return Reading(
        text=text,
        language=lang,
        metric=_snip(f, *metric) if metric else None,
        quantities=tuple(_amount(f, q) for q in quantities),
        baseline=_amount(f, r.base_q) if r.base_q else None,
        target=Change(change.kind, change.value, _snip(f, *change.where)) if change else None,
        direction=r.direction,
        deadline=_timeref(f, deadline) if deadline else None,
        start=_timeref(f, start) if start else None,
        cadence=PERIOD[next(g for g in cadence.group("u1", "u2", "u3", "u5", "u6") if g)]
        if cadence
        else None,
        cadence_where=_snip(f, cadence.start(), cadence.end()) if cadence else None,
        base=_snip(f, *base) if base else None,
        placeholders=tuple(_snip(f, a, b) for a, b in holders),
        means=_snip(f, *means[0]) if means else None,
        implied_zero_baseline=r.zero,
        rate=rate,
        implied_baseline=r.implied(),
    )


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


def _means(low: str, hits: list[Hit]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _scan(MEANS, low):
        if any(h.start - m.end() in (0, 1) for h in hits):
            continue  # "through Q3 2027" is a deadline, not a means
        end_m = CLAUSE_END.search(low, m.end())
        spans.append((m.start(), end_m.start() if end_m else len(low.rstrip(" .!"))))
    return spans


def _base(low: str, hits: list[Hit]) -> tuple[tuple[int, int] | None, set[int]]:
    """Return the comparison base's span and the ids of the time hits it covers."""
    covered: set[int] = set()
    base: tuple[int, int] | None = None
    for m in _scan(BASE_WORD, low):
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
            words = []
            for word in low[end : stop.start() if stop else len(low)].split()[:4]:
                if word in BASE_ENDS:  # "… last year by 31 Dec": the deadline starts here
                    break
                words.append(word)
            rest = low[end:]
            end = end + (len(rest) - len(rest.lstrip())) + len(" ".join(words)) if words else end
        if base is None:
            base = (m.start(), end)
    for m in _scan(BASE_ALONE, low):
        for h in hits:
            if m.start() <= h.start and h.end <= m.end() + 12 and h.past:
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
    before = masked[max(0, q.start - 25) : q.start]
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
    noun = LABEL_NOUN.search(masked, max(0, q.start - 20), q.start)
    if noun is None:
        return False
    before = masked[max(0, noun.start() - 25) : noun.start()]
    return not (LEVEL_MARK.search(before) or FROM.search(before))


def _label_kind(masked: str, at: int) -> str:
    """Return the verb kind a signed number after a label stands for ("-20%" decreases)."""
    sign = masked[at : at + 1]
    return "dec" if sign == "-" else "inc" if sign == "+" else "reach"


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
        if v.kind not in ("prod", "evt"):
            return v
        gap = PROD_GAP.match(masked, v.end)
        pos = gap.end() if gap else v.end
        if any(q.start == pos and not q.percent and not q.factor for q in free):
            return _Verb(v.start, v.end, "prod")
        at = next((q for q in free if q.start == pos), None)
        more = MORE.match(masked, at.end) if at is not None and at.percent else None
        if more is not None:  # "resolve 20% more tickets": a relative change
            return _Verb(v.start, v.end, "dec" if more.group("less") else "inc")
        # "thu hồi 80% công nợ", "close 80% of tickets": a share of what happens is a level.
        if at is not None and (at.percent or v.kind == "evt"):
            return _Verb(v.start, v.end, "reach")
        if v.kind == "evt":
            # An action verb with no count of its own ("triển khai chiến dịch để tăng …")
            # yields to a later direction verb.
            fallback = fallback or _Verb(v.start, v.end, "reach")
    return fallback


@dataclass(frozen=True, slots=True)
class _Change:
    kind: ChangeKind
    value: float
    where: tuple[int, int]


class _Target:
    """Work out target, baseline and direction from the quantities after the goal's verb."""

    def __init__(self, verb: _Verb | None, free: list[Quantity], masked: str) -> None:
        self.verb = verb
        self.low = masked
        self.base_q: Quantity | None = None
        self.target_q: Quantity | None = None
        self.level_q: Quantity | None = None
        self.rel_q: tuple[Quantity, int] | None = None  # a percent change beside a level, signed
        self.zero = False
        self.both_percent = False
        self.kind: ChangeKind | None = None
        kinds = {"inc": Direction.INCREASE, "dec": Direction.DECREASE, "reach": Direction.REACH}
        self.direction: Direction | None = None
        if verb is not None:
            self.direction = kinds.get(verb.kind)
            if verb.kind == "prod":
                self.direction = Direction.INCREASE
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
        pre = low[max(0, q.start - 25) : q.start]
        right_after = not low[self.verb.end : q.start].strip()
        if self.verb.kind == "prod":
            self.kind, self.zero = ChangeKind.LEVEL, True
        elif q.points:
            self.kind = ChangeKind.POINTS
        elif q.percent:
            level = self.direction is Direction.REACH or LEVEL_MARK.search(pre)
            self.kind = ChangeKind.LEVEL if level else ChangeKind.PERCENT
            later = [x for x in free if x.start > q.end and not x.percent and not x.factor]
            if later and LEVEL_MARK.search(low[max(0, later[0].start - 25) : later[0].start]):
                self.level_q = later[0]
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
            before = self.low[max(0, x.start - 30) : x.start]
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

    def change(self, rate: bool) -> _Change | None:
        """Return the target once the metric tells whether percent levels are a rate's."""
        q = self.target_q
        if q is None or self.kind is None:
            return None
        kind = self.kind
        relative = self.direction is not Direction.REACH and self.base_q is None
        if kind is ChangeKind.LEVEL and q.percent and not rate and relative:
            kind = ChangeKind.PERCENT
        self.kind = kind
        value = q.value
        if kind in (ChangeKind.PERCENT, ChangeKind.POINTS, ChangeKind.DELTA):
            value = abs(value)
            if self.direction is Direction.DECREASE or q.value < 0:
                value = -value
        return _Change(kind, value, (q.start, q.end))

    def _change_beside(self, free: list[Quantity], level: Quantity) -> tuple[Quantity, int] | None:
        """Find a percent change said after a level ("…, tăng 25%"), with its sign."""
        for x in free:
            if x.start <= level.end or not x.percent or x.points:
                continue
            mark = REL_MARK.search(self.low, max(0, x.start - 20), x.start)
            if mark:
                return x, -1 if mark.group("down") else 1
        return None

    def implied(self) -> float | None:
        """Return the baseline a relative target and a level imply together, if any."""
        if self.kind is ChangeKind.LEVEL and self.rel_q is not None and self.target_q:
            change, sign = self.rel_q
            if self.base_q is None and abs(change.value) < 100:
                return self.target_q.value / (1 + sign * abs(change.value) / 100)
        q, lv = self.target_q, self.level_q
        if q is None or lv is None or self.base_q is not None:
            return None
        if self.kind is ChangeKind.PERCENT and q.value != -100:
            sign = -1 if self.direction is Direction.DECREASE else 1
            return lv.value / (1 + sign * abs(q.value) / 100)
        if self.kind is ChangeKind.FACTOR and q.value:
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
        pre = low[max(0, h.start - 30) : h.start]
        if START_CTX.search(pre):
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
