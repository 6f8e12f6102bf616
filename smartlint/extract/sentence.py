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
from smartlint.extract.text import Folded, fold
from smartlint.extract.time import Hit, find_times
from smartlint.model import (
    Amount,
    Change,
    ChangeKind,
    Direction,
    Language,
    Period,
    Reading,
    Snip,
    TimeProblem,
    TimeRef,
)

_B = r"(?<![\w-])"
_E = r"(?![\w-])"
_PLACEHOLDER = re.compile(
    r"(?<![\w])(?:tbd|tbc|tba|n/a)%?(?![\w])"
    r"|(?<![\w])x{1,3}%|(?<![\w])(?P<x>x{1,3})(?![\w%])"
    r"|\?{2,}%?|(?<![\w])\?%"
    r"|<[^<>\n]{1,80}>|\[[^\[\]\n]{1,40}\]"
    r"|\(\s*(?:xac dinh|chua xac dinh|dien|tbd|so|number|target|value)[^()\n]{0,60}\)"
    r"|(?<![\w])(?:chua xac dinh|xac dinh sau)(?![\w])"
    r"|(?<![\w])(?P<n>n\d{0,3})%|(?<![\w])(?P<n2>n\d{1,3})(?![\w])"
    r"|_{3,}"
)
# Cheap tests that tell whether the placeholder pattern can match at all.
_PLACEHOLDER_GATE = re.compile(r"[XN?<\[_]")
_PLACEHOLDER_WORDS = ("tbd", "tbc", "tba", "n/a", "x%", "(", "xac dinh")
_MEANS = re.compile(
    _B + r"(?:bang\s+cach|thong\s+qua|nho\s+(?:vao|viec|co)|voi\s+viec|qua\s+viec"
    r"|by\s+(?!the\s)[a-z]+ing|through|via|thanks\s+to|by\s+means\s+of)" + _E
)
_CLAUSE_END = re.compile(r"[,;]")
_CADENCE = re.compile(
    _B + r"(?:(?:hang|moi)\s+(?P<u1>ngay|tuan|thang|quy|nam)"
    r"|(?P<u2>daily|weekly|monthly|quarterly|yearly|annually)"
    r"|(?:every|each|per|a)\s+(?P<u3>day|week|month|quarter|year)"
    r"|/\s?(?P<u4>ngay|tuan|thang|quy|nam|day|week|month|quarter|year|mo|wk|yr)"
    # "week over week", "MoM": each period against the one before, as the spec's cadence.
    r"|(?P<u5>week|month|quarter)[-\s](?:over|on)[-\s](?:week|month|quarter)"
    r"|(?P<u6>wow|mom|qoq|w/w|m/m|q/q))" + _E
)
_PERIOD = {
    "ngay": Period.DAY, "day": Period.DAY, "daily": Period.DAY,
    "tuan": Period.WEEK, "week": Period.WEEK, "weekly": Period.WEEK, "wk": Period.WEEK,
    "thang": Period.MONTH, "month": Period.MONTH, "monthly": Period.MONTH, "mo": Period.MONTH,
    "quy": Period.QUARTER, "quarter": Period.QUARTER, "quarterly": Period.QUARTER,
    "nam": Period.YEAR, "year": Period.YEAR, "yearly": Period.YEAR, "annually": Period.YEAR,
    "yr": Period.YEAR, "wow": Period.WEEK, "w/w": Period.WEEK, "mom": Period.MONTH,
    "m/m": Period.MONTH, "qoq": Period.QUARTER, "q/q": Period.QUARTER,
}  # fmt: skip
_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "over"/"than"/"against" name a base only before a past period ("over last year", "over
# June"); "over the next 3 months" is a span, so the lookahead is narrow on purpose.
_BASE_WORD = re.compile(
    _B + r"(?:so\s+voi|compared\s+(?:to|with)|vs\.?|versus|relative\s+to"
    r"|(?:over|than|against)(?=\s+(?:last|the\s+(?:previous|prior|same|last)|previous|prior"
    r"|(?:" + _MONTH_WORDS + r")\b|q[1-4]\b|h[12]\b|fy|20\d\d\b)))"
    r"(?:\s+(?:cung\s+ky|the\s+same\s+period(?:\s+of)?|muc\s+cua|ky))?" + r"(?![\w-])\s*"
)
_BASE_ENDS = frozenset(
    [
        "by",
        "before",
        "until",
        "in",
        "within",
        "during",
        "trong",
        "vao",
        "truoc",
        "den",
        "toi",
        "cho",
        "bang",
        "nham",
        "de",
    ]
)
_BASE_FILLER = re.compile(r"(?:(?:last|the|previous|prior|same|this)\s+)+")
# Against the same period a year before ("YoY", "cùng kỳ") names a base; "MoM", "QoQ" and
# "week over week" compare each period with the one before, a cadence (see _CADENCE).
_BASE_ALONE = re.compile(
    _B + r"(?:yoy|y/y|year[-\s](?:over|on)[-\s]year"
    r"|cung\s+ky(?:\s+nam\s+(?:ngoai|truoc))?)" + _E
)
_VERB = re.compile(
    _B
    # "nhân đôi", "x2 doanh thu", "2x revenue" and "double" are verbs that carry their factor.
    + r"(?:(?P<inc>gia\s+tang|nhan\s+(?:doi|ba|bon)|[x×]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?[x×]"
    r"|tang(?:\s+truong)?|(?<!tinh\s)(?<!kha\s)nang(?!\s+(?:luc|suat|luong|dong|dong))(?:\s+cao)?|day\s+manh|mo\s+rong|them"
    r"|increas(?:e|es|ed|ing)|grow(?:s|n|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?"
    r"|lift|expand|extend(?:s|ed|ing)?|lengthen|keo\s+dai"
    r"|add(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)"
    r"|quadrupl(?:e|es|ed|ing)|accelerate)"
    r"|(?P<dec>keo\s+(?:giam|xuong)|cat\s+giam|giam|cat|ha(?:\s+thap)?|rut\s+ngan|reduc(?:e|es|ed|ing)"
    r"|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|shrink|halv(?:e|es|ed|ing)"
    r"|minimi[sz]e|slash|drop|shorten)"
    # "đẩy doanh thu lên 3 tỷ": "đẩy" counts only with its "lên" ("đẩy mạnh" is above).
    r"|(?P<reach>keo(?:\s+(?:len|tang))?|dua(?!\s+(?:vao|tren|ra))|day(?=(?:\s+[a-z]+){1,6}?\s+len\b)"
    r"|bring|push|drive|take(?=(?:\s+\S+){1,6}?\s+to\b)"
    # "có ít nhất 300 khách hàng", "have at least 300 customers": having a count is a level.
    r"|co(?:\s+(?:it\s+nhat|toi\s+thieu|tren))?(?=\s+\d)"
    r"|have(?:\s+(?:at\s+least|over|more\s+than))?(?=\s+\$?\d)"
    # Holding a level is reaching it every period: "duy trì 99,9%", "keep uptime above 99.9%".
    r"|duy\s+tri|giu(?:\s+vung|\s+muc)?|keep|maintain|sustain"
    r"|dat(?:\s+duoc)?|reach(?:es|ed|ing)?|hit|achieve|attain|get\s+to)"
    r"|(?P<imp>cai\s+thien|improv(?:e|es|ed|ing)|optimi[sz]e|toi\s+uu|enhance)"
    r"|(?P<prod>tuyen(?:\s+(?:dung|sinh))?|dang|ky(?:\s+ket)?|ra\s+mat|xuat\s+ban|to\s+chuc"
    r"|phat\s+hanh|khai\s+truong|mo(?:\s+moi)?|viet|san\s+xuat|chay|hop\s+tac"
    r"|hire|recruit|publish|launch|open|sign|partner"
    r"|close|onboard|ship|release|host|run|organi[sz]e|write|create|produce)"
    # Counting what happens within the goal's period starts from zero when a count follows
    # ("bán được 500 sản phẩm", "generate 200 leads"); with a percent it reaches a level
    # ("thu hồi 80% công nợ").
    r"|(?P<evt>ban(?:\s+duoc)?|chot|huy\s+dong|thu\s+(?:hoi|ve|duoc|hut)|ho\s+tro|sell|assign|provide"
    r"|cover|generate|collect|secure|acquire"
    r"|get|gain|earn|win|goi(?:\s+dien)?|cham\s+soc|lien\s+he|phuc\s+vu|dao\s+tao|giai\s+ngan"
    r"|giao\s+hang|hoan\s+thanh|xu\s+ly|giai\s+quyet|thuc\s+hien|gui|lap\s+dat|xay\s+dung"
    r"|tiep\s+can|call|contact|visit|serve|train|disburse|deliver|complete|process|resolve"
    r"|handle|answer|conduct|send|install|build|interview|audit|inspect|distribute|approve"
    r"|book|schedule|migrate|certify|enrol|enroll|register))" + _E
)
# Words that may sit between a production verb and its count: "hire at least 3", and an
# object then "with" or "for" ("ký hợp đồng với 2 nhà phân phối", "hợp tác với 6 KOL",
# "partner with 5", "hỗ trợ sinh kế cho 500 hộ"), or "mới" ("tuyển mới 15 kỹ thuật viên").
_PROD_GAP = re.compile(
    r"\s*(?:(?:[a-z]+\s+){0,3}?(?:voi|with|cho)\s+)?"
    r"(?:(?:them|moi|toi\s+thieu|it\s+nhat|at\s+least|another|them\s+nua)\s*)?"
)
_STOP = re.compile(
    _B + r"(?:len|xuong|them|dat|so\s+voi|by|to|from|vs|versus|compared|in|within|before"
    r"|until|during|over|trong|vao|truoc|gap|with|voi|cho\s+den|den|toi|for|at|tu(?=\s+[\d$]|\s\s)"
    r"|reaching|every|each|per|(?:hang|moi)(?=\s+(?:ngay|tuan|thang|quy|nam))"
    r"|(?:up|down)(?=\s+(?:from|to|by|below|under)\b))" + _E + r"|[,;:()!?]|\.(?!\d)|->|→|=>"
)
_FROM = re.compile(r"(?<![\w])(?:tu|from|tu\s+muc|from\s+a\s+baseline\s+of)\s*$")
# A baseline said after the target ("lên 1,5 tỷ, hiện tại 1,2 tỷ", "to $1.5M, up from $1.2M").
# A bare "từ"/"from" there may name a source ("lên 2 tỷ từ 3 kênh"), so it needs a baseline
# of the target's kind and size; the other marks say "the current value" outright.
_NOW_MARK = re.compile(
    r"(?<![\w])(?:hien\s+(?:tai|nay|dang)(?:\s+(?:la|o\s+muc|dang\s+la|dat))?|tu\s+muc"
    r"|(?:up|down)\s+from|currently(?:\s+at)?|from\s+a\s+baseline\s+of|baseline(?:\s+of)?"
    r"|from\s+today'?s?)\s*:?\s*$"
)
_BARE_FROM = re.compile(r"(?<![\w])(?:tu|from)\s*$")
_CONNECT = re.compile(
    r"(?:[a-z]+\s+){0,2}?(?:len(?:\s+(?:den|toi|muc))?|xuong(?:\s+(?:con|den|muc))?|den|toi"
    r"|to|con)|(?:[a-z]+\s*){0,2}?(?:->|→|=>|–|-)"
)
_ARROW = re.compile(r"(?:[a-z]+\s*){0,2}?(?:->|→|=>)")
_LEVEL_MARK = re.compile(
    r"(?<![\w])(?:len|xuong|con|dat(?:\s+duoc)?|to|reach(?:es|ed|ing)?|at|toi|den|muc|duoi|tren"
    r"|below|under|above|at\s+least|it\s+nhat|toi\s+thieu|so\s+luong|khoang"
    r"|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|toi\s+da|khong\s+(?:vuot\s+)?qua)\s*$"
)
# A percent change said beside a level ("đạt 10 tỷ, tăng 25% so với năm 2026") implies the
# level it started from.
_REL_MARK = re.compile(
    r"(?<![\w])(?:(?P<up>tang|up|increase|grow(?:th)?|\+)|(?P<down>giam|down|decrease|-))\s*(?:them\s*)?$"
)
_DELTA_MARK = re.compile(r"(?<![\w])(?:them|add(?:s|ed|ing)?|by|plus|another)\s*$")
_RATE = re.compile(
    r"ty le|ti le|ty so|ty suat|ratio|bien loi nhuan|thi phan|rate|conversion(?!s)|churn|bounce|margin|ctr"
    r"|retention|share|ty trong|engagement|percentage"
)
_END_CTX = re.compile(r"(?<![\w])(?:cuoi|het|end\s+of(?:\s+the)?)\s*$")
_POINT_CTX = re.compile(
    r"(?<![\w])(?:truoc(?:\s+ngay)?|by|before|until|till|den(?:\s+het)?(?:\s+ngay)?|toi|no\s+later\s+than"
    r"|deadline:?|han\s+chot:?|on)\s*$"
)
_BEFORE_CTX = re.compile(r"(?<![\w])(?:truoc|before|prior\s+to)\s*$")
_IN_CTX = re.compile(r"(?<![\w])(?:trong(?:\s+vong)?|vao|in|during|within|for|over|o)\s*$")
_START_CTX = re.compile(
    r"(?<![\w])(?:tu|from|starting(?:\s+(?:from|in|on))?|beginning(?:\s+(?:in|on))?|bat\s+dau(?:\s+tu)?"
    r"|ke\s+tu|since)\s*$"
)
_LETTER = re.compile(r"[a-z]")
# "Reach $1M in annual recurring revenue": the metric follows the amount after "in"/"of".
_LEAD_IN = re.compile(r"\s*(?:in|of|cua|ve)\s+")
_PROBLEM_RANK = {TimeProblem.IMPOSSIBLE: 0, TimeProblem.UNPARSEABLE: 1, TimeProblem.BARE_YEAR: 2}


@dataclass(frozen=True, slots=True)
class _Verb:
    start: int
    end: int
    kind: str


# Substrings without which a pattern cannot match: checking them first is much cheaper
# than running the pattern over a sentence that cannot contain it.
_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _CADENCE: ("hang", "moi", "ly", "every", "each", "per", "a day", "a week", "a month",
               "a quarter", "a year", "/", "over", " on", "wow", "mom", "qoq"),
    _MEANS: ("bang cach", "thong qua", "nho", "voi viec", "qua viec", "by", "through", "via",
             "thanks"),
    _BASE_WORD: ("so voi", "compared", "vs", "versus", "relative", "over", "than", "against"),
    _BASE_ALONE: ("yoy", "y/y", "over", "-on-", " on ", "cung ky"),
}  # fmt: skip


def _scan(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    if not any(g in text for g in _GATES[rx]):
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
    if _PLACEHOLDER_GATE.search(f.src) or any(g in low for g in _PLACEHOLDER_WORDS):
        holders = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(low) if _keep(f, m)]
    masked = _blank(low, holders)
    hits = find_times(f, masked, today)
    masked = _blank(masked, [(h.start, h.end) for h in hits])
    cadences = [m for m in _scan(_CADENCE, masked) if f.plain(m.start(), m.end())]
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
        for m in _VERB.finditer(masked)
        if not _inside(m.start(), m.end(), excluded) and f.plain(m.start(), m.end())
    ]
    free = [q for q in quantities if not _inside(q.start, q.end, excluded)]
    verb = _primary(verbs, free, masked)
    label = _LABEL.match(masked) if verb is None else None
    if label is not None:  # "CSAT: 88% → 92%", "Cloud spend: -20% QoQ": the colon is the verb
        verb = _Verb(label.end("m"), label.end(), _label_kind(masked, label.end()))
    deadline, start = _deadline(f, hits, base_hits)

    r = _Target(verb, free, masked)
    metric = (
        (label.start("m"), label.end("m"))
        if label is not None
        else _metric(masked, verb, quantities, hits, holders, excluded, r.target_q)
    )
    metric_text = low[metric[0] : metric[1]] if metric else low
    rate = bool(_RATE.search(metric_text)) or r.both_percent
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
        cadence=_PERIOD[next(g for g in cadence.group("u1", "u2", "u3", "u5", "u6") if g)]
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
    for m in _scan(_MEANS, low):
        if any(h.start - m.end() in (0, 1) for h in hits):
            continue  # "through Q3 2027" is a deadline, not a means
        end_m = _CLAUSE_END.search(low, m.end())
        spans.append((m.start(), end_m.start() if end_m else len(low.rstrip(" .!"))))
    return spans


def _base(low: str, hits: list[Hit]) -> tuple[tuple[int, int] | None, set[int]]:
    """Return the comparison base's span and the ids of the time hits it covers."""
    covered: set[int] = set()
    base: tuple[int, int] | None = None
    for m in _scan(_BASE_WORD, low):
        end = m.end()
        filler = _BASE_FILLER.match(low, end)  # "compared with last August"
        if filler:
            end = filler.end()
        for h in hits:
            if h.start == end or (h.start > end and not low[end : h.start].strip()):
                covered.add(id(h))
                end = h.end
                break
        else:
            stop = _CLAUSE_END.search(low, end)
            words = []
            for word in low[end : stop.start() if stop else len(low)].split()[:4]:
                if word in _BASE_ENDS:  # "… last year by 31 Dec": the deadline starts here
                    break
                words.append(word)
            rest = low[end:]
            end = end + (len(rest) - len(rest.lstrip())) + len(" ".join(words)) if words else end
        if base is None:
            base = (m.start(), end)
    for m in _scan(_BASE_ALONE, low):
        for h in hits:
            if m.start() <= h.start and h.end <= m.end() + 12 and h.past:
                covered.add(id(h))
        if base is None:
            base = (m.start(), m.end())
    return base, covered


_RATING = re.compile(r"\s*-?\s*(?:sao|stars?)" + _E)


def _names_a_rating(masked: str, q: Quantity) -> bool:
    """Tell whether a number names a kind of rating ("đánh giá 5 sao", "5-star reviews").

    "lên 4,6 sao" or "from 4.2 to 4.6 stars" still count: a level or a from-to marker
    before the number makes it a quantity.
    """
    if not _RATING.match(masked, q.end):
        return False
    before = masked[max(0, q.start - 25) : q.start]
    return not (_LEVEL_MARK.search(before) or _FROM.search(before) or _ARROW_BEFORE.search(before))


_ARROW_BEFORE = re.compile(r"(?:->|→|=>)\s*$")
# Nouns a small whole number names a kind after ("đại lý cấp 1", "Quận 7", "giai đoạn 2",
# "tier 1 customers", "phase 2"): the number is part of the metric's name, not an amount.
_LABEL_NOUN = re.compile(
    # "quận 7", but not "bình quân 7 tấn" (on average) or "liên quan", "hải quan"
    _B + r"(?:cap|loai|giai\s+doan|(?<!binh\s)(?<!lien\s)(?<!tuong\s)(?<!hai\s)quan|phuong"
    r"|khu\s+vuc|vung|mien|chi\s+nhanh\s+so"
    r"|tier|phase|stage|level|grade|district|region|zone|wave|gen|version|ward)\s*#?\s*$"
)


def _names_a_label(masked: str, q: Quantity) -> bool:
    """Tell whether a number names a kind after a label noun ("cấp 1", "phase 2").

    "lên cấp 3" or "reach level 5" still count: a level or from marker before the noun
    makes the number the target.
    """
    if q.percent or q.points or q.factor or q.unit or not (0 <= q.value <= 99):
        return False
    if not q.value.is_integer():
        return False
    noun = _LABEL_NOUN.search(masked, max(0, q.start - 20), q.start)
    if noun is None:
        return False
    before = masked[max(0, noun.start() - 25) : noun.start()]
    return not (_LEVEL_MARK.search(before) or _FROM.search(before))


# A goal written as "<metric>: <numbers>" with no verb, the way dashboards and OKR sheets do.
_LABEL = re.compile(r"\s*(?P<m>[a-z][^:\d\n]{0,60}?)\s*:\s*(?=[-+$]?\s?\d)")


def _label_kind(masked: str, at: int) -> str:
    """Return the verb kind a signed number after a label stands for ("-20%" decreases)."""
    sign = masked[at : at + 1]
    return "dec" if sign == "-" else "inc" if sign == "+" else "reach"


_MORE = re.compile(r"\s+(?:(?P<more>more|nhieu\s+hon)|(?P<less>fewer|less|it\s+hon))(?![\w])")


def _primary(verbs: list[_Verb], free: list[Quantity], masked: str) -> _Verb | None:
    """Pick the goal's verb: the first direction verb, or a production verb with a count."""
    fallback: _Verb | None = None
    for v in verbs:
        if v.kind not in ("prod", "evt"):
            return v
        gap = _PROD_GAP.match(masked, v.end)
        pos = gap.end() if gap else v.end
        if any(q.start == pos and not q.percent and not q.factor for q in free):
            return _Verb(v.start, v.end, "prod")
        at = next((q for q in free if q.start == pos), None)
        more = _MORE.match(masked, at.end) if at is not None and at.percent else None
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
            arrow = _ARROW.fullmatch(gap)
            if arrow or (_CONNECT.fullmatch(gap) and _FROM.search(low, 0, a.start)):
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
            level = self.direction is Direction.REACH or _LEVEL_MARK.search(pre)
            self.kind = ChangeKind.LEVEL if level else ChangeKind.PERCENT
            later = [x for x in free if x.start > q.end and not x.percent and not x.factor]
            if later and _LEVEL_MARK.search(low[max(0, later[0].start - 25) : later[0].start]):
                self.level_q = later[0]
        elif self.direction is Direction.REACH or _LEVEL_MARK.search(pre):
            self.kind = ChangeKind.LEVEL
            self.rel_q = self._change_beside(free, q)
            self._base_after(free, q)
        elif _DELTA_MARK.search(pre) or right_after or self.direction is not None:
            self.kind = ChangeKind.DELTA
        else:
            self.kind = ChangeKind.LEVEL

    def _base_after(self, free: list[Quantity], level: Quantity) -> None:
        """Take a baseline said after the target level, and the direction it gives."""
        for x in free:
            if x.start <= level.end or x.percent != level.percent or x.factor:
                continue
            before = self.low[max(0, x.start - 30) : x.start]
            if not _NOW_MARK.search(before):
                similar = (
                    x.unit == level.unit and x.value > 0 and 1 / 20 <= level.value / x.value <= 20
                )
                if not (_BARE_FROM.search(before) and similar):
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
            mark = _REL_MARK.search(self.low, max(0, x.start - 20), x.start)
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
        stop = _STOP.search(masked, a)
        b = min([stop.start() if stop else len(masked)] + [m for m in marks if m >= a])
        seg = masked[a:b]
        if not _LETTER.search(seg):
            return None
        lead = len(seg) - len(seg.lstrip())
        return a + lead, a + len(seg.rstrip())

    found = phrase(verb.end)
    if found is None:
        after = target_q or next((q for q in quantities if q.start >= verb.end), None)
        if after is not None and after.start >= verb.end:
            lead_in = _LEAD_IN.match(masked, after.end)
            found = phrase(lead_in.end() if lead_in else after.end)
    if found is None:
        clause = max([m.end() for m in _CLAUSE_END.finditer(masked, 0, verb.start)] + [0])
        inside = [h for h in hits if clause <= h.start < verb.start]
        # After the last time in the subject ("Trong quý 3, doanh thu đạt …"), else before
        # the first ("Doanh thu quý 4/2027 đạt 12 tỷ": the period qualifies the metric).
        for a, b in ((max([clause] + [h.end for h in inside]), verb.start),
                     (clause, min([verb.start] + [h.start for h in inside]))):  # fmt: skip
            seg = masked[a:b]
            if _LETTER.search(seg):
                lead = len(seg) - len(seg.lstrip())
                return a + lead, a + len(seg.rstrip())
    return found


def _deadline(f: Folded, hits: list[Hit], base_hits: set[int]) -> tuple[Hit | None, Hit | None]:
    """Choose the deadline among the time hits; return it and an explicit start, if any."""
    low = f.low
    start: Hit | None = None
    candidates: list[tuple[Hit, bool]] = []
    for h in hits:
        if id(h) in base_hits or h.past:
            continue
        pre = low[max(0, h.start - 30) : h.start]
        if _START_CTX.search(pre):
            start = start or h
            continue
        end_ctx = bool(_END_CTX.search(pre))
        point = end_ctx or bool(_POINT_CTX.search(pre))
        introduced = point or bool(_IN_CTX.search(pre))
        if point and h.start_date is not None and h.end_date is not None:
            end = h.end_date
            if not end_ctx and h.period and h.start_date > date.min and _BEFORE_CTX.search(pre):
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
