"""Time expressions in folded text: dates, months, quarters, halves, year ends, spans and
this/next/last periods, each resolved against ``today`` into a TimeRef-ready hit."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from smartlint.extract.text import Folded
from smartlint.model import Period, TimeProblem
from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SMALL = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "a": 1, "i": 1, "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}|mot|hai|ba|bon|nam|sau|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a)"
# A year written after a month or quarter: "năm 2027", "/2027", "năm nay", "2027".
_VY = r"(?:\s*(?:nam\s+|/|-)\s*(?P<y>\d{4}|nay|sau|toi|truoc|ngoai))?"
_EY = r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?"
# A fiscal year: "FY2027", "FY 27", "FY'27"; named by the calendar year it ends in.
_FY = r"fy\s*'?(?P<y>\d{4}|\d{2})(?!\d)"
_UNIT = {
    "ngay": Period.DAY, "day": Period.DAY, "days": Period.DAY,
    "tuan": Period.WEEK, "week": Period.WEEK, "weeks": Period.WEEK,
    "thang": Period.MONTH, "month": Period.MONTH, "months": Period.MONTH,
    "quy": Period.QUARTER, "quarter": Period.QUARTER, "quarters": Period.QUARTER,
    "nam": Period.YEAR, "year": Period.YEAR, "years": Period.YEAR,
}  # fmt: skip
_REL = {
    "nay": 0, "this": 0, "the": 0, "sau": 1, "toi": 1, "ke tiep": 1, "next": 1, "coming": 1,
    "the next": 1, "the coming": 1, "truoc": -1, "ngoai": -1, "last": -1, "previous": -1,
    "the previous": -1, "the last": -1,
}  # fmt: skip
_B = r"(?<![\w])"
FiscalEnd = tuple[int, int]  # the month and day a fiscal year ends on; (12, 31) by default
# A bare "2027" is a year only after a preposition; "từ 1000 lên 2000" speaks of counts.
# The pattern finds the number; the preposition is checked on the few it finds (one
# look-behind per preposition at every position cost more than the rest of the reading).
_PREPOSITION_BEFORE = Lazy(
    r"(?<![\w])(?:in|of|for|to|by|than|vs|since|until|before|during|trong|through|thru|den|toi"
    r"|truoc|after|till)\s$"
)
_E = r"(?![\w])"

# Each pattern as (kind, source); compiled on first use (see _compiled), since a run meets
# only some of them and compiling all costs several milliseconds of every start-up.
_SOURCES: tuple[tuple[str, str], ...] = tuple(
    (kind, _B + rx + _E)
    for kind, rx in (
        # Fiscal periods: "FY24-Q2", "Q4-FY26", "Q2 FY2027", "FY2027 H1", "H2 FY27".
        ("fq", _FY + r"\s*[-/]?\s*q(?P<q>[1-4])"),
        ("fq", r"q(?P<q>[1-4])\s*[-/]?\s*" + _FY),
        ("fh", _FY + r"\s*[-/]?\s*h(?P<h>[12])"),
        ("fh", r"h(?P<h>[12])\s*[-/]?\s*" + _FY),
        # A span of years ends with its last: "giai đoạn 2026–2030", "2021-2025", "FY26-28".
        (
            "years",
            r"(?:(?:giai\s+doan|thoi\s+ky|nhiem\s+ky|period|from|tu|between)\s+(?:nam\s+)?)?"
            r"(?:fy\s*)?(?P<y1>(?:19|20)\d\d)\s*(?:[-–—]|to|through|den|toi|and|va)\s*"
            r"(?:nam\s+|fy\s*)?(?P<y2>(?:19|20)?\d\d)",
        ),
        ("ymd", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        ("dmy", r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"),
        (
            "dmy",
            r"(?:ngay\s+)?(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s+nam\s+(?P<y>\d{4}|nay|sau)",
        ),
        ("dmy", r"ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})"),
        ("dmy", r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + _EY),
        ("dmy", _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?" + _EY),
        ("dmy", r"(?:ngay\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![/\d])"),
        ("yq", r"(?P<y>\d{4})\s*-?\s*q(?P<q>[1-4])"),
        ("yh", r"(?P<y>\d{4})\s*-?\s*h(?P<h>[12])"),
        ("ym", r"(?P<y>\d{4})-(?P<m>\d{2})"),
        ("q", r"q(?P<q>[1-4])(?:\s*[/-]?\s*(?P<y>\d{4}))?"),
        # "quý 5 năm 2027" is no quarter (impossible); the year must not stand in for it.
        ("q", r"quy\s+(?P<q>\d{1,2}|iv|iii|ii|i|mot|hai|ba|bon)" + _VY),
        (
            "q",
            r"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
            r"(?:\s+of)?(?:\s+(?P<y>\d{4}))?",
        ),
        ("h", r"h(?P<h>[12])(?:\s*[/-]?\s*(?P<y>\d{4}))?"),
        (
            "h",
            r"(?:nua|6\s+thang)\s+(?P<h>dau|cuoi|sau)\s+(?:cua\s+)?nam(?:\s+(?P<y>\d{4}|nay|sau|toi))?",
        ),
        (
            "h",
            r"(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of)?(?:\s+(?:the\s+year|(?P<y>\d{4})))?",
        ),
        ("m", r"thang\s+(?P<m>\d{1,2})" + _VY),
        ("m", _MON + _EY),
        ("yend", r"(?:cuoi|het)\s+nam(?:\s+(?P<y>\d{4}|nay|sau|toi))?"),
        (
            "yend",
            r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(?:fy\s*)?(?P<y>\d{4})|year|(?P<r>this|next)\s+year)",
        ),
        ("yend", r"(?:year[-\s]end|eoy)"),
        (
            "span",
            r"(?:trong(?:\s+vong)?|sau|within|in|over|during|for)\s+(?:the\s+)?"
            r"(?:next\s+|coming\s+|upcoming\s+)?"
            + _COUNT
            + r"\s+(?P<u>ngay|tuan|thang|quy|nam|days?|weeks?|months?|quarters?|years?)"
            r"(?:\s+(?:toi(?!\s+(?:thieu|da))|sap\s+toi|ke\s+tiep|nua))?",
        ),
        (
            "span",
            r"(?:the\s+)?next\s+" + _COUNT + r"\s+(?P<u>days?|weeks?|months?|quarters?|years?)",
        ),
        (
            "span",
            _COUNT
            + r"\s+(?P<u>ngay|tuan|thang|quy|nam)\s+(?:toi(?!\s+(?:thieu|da))|sap\s+toi|ke\s+tiep)",
        ),
        # "tháng tới" is next month; "mỗi tháng tối thiểu 200" is a bound ("tối thiểu", "tối đa").
        (
            "rel",
            r"(?P<u>tuan|thang|quy|nam)\s+(?P<r>nay|sau|toi(?!\s+(?:thieu|da))|ke\s+tiep|truoc|ngoai)",
        ),
        (
            "rel",
            r"(?P<r>this|next|last|previous|coming|(?:the\s+)?(?:next|previous|last|coming))"
            r"\s+(?P<u>week|month|quarter|year)",
        ),
        (
            "vague",
            r"(?:asap|soon|someday|some\s+day|eventually|as\s+soon\s+as\s+possible"
            r"|som\s+nhat\s+co\s+the|cang\s+som\s+cang\s+tot|trong\s+thoi\s+gian\s+toi)",
        ),
        ("year", _FY),
        ("year", r"(?:fiscal(?:\s+year)?|nam\s+tai\s+chinh|tai\s+khoa)\s+(?P<y>\d{4})"),
        # The end of the current period: "end of quarter", "EOQ", "cuối quý", "cuối tháng này".
        (
            "cur",
            r"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:this\s+|current\s+)?(?P<u>quarter|month|week)"
            r"|(?:cuoi|het)\s+(?P<v>quy|thang|tuan)(?:\s+nay)?(?!\s*(?:\d|[ivx]+\b|mot|hai|ba|bon|sau|toi))"
            r"|(?P<e>eoq|eom|eow))",
        ),
        ("year", r"(?:nam|fy)\s*(?P<y>\d{4})"),
        ("bare-year", r"(?P<y>(?:19|20)\d\d)"),
    )
)
_PATTERNS: tuple[Lazy, ...] = tuple(Lazy(source) for _, source in _SOURCES)


# Substrings one of which each pattern needs: a pattern whose gate is absent is not run,
# which halves the cost of a sentence.  "MON" stands for an English month name.
_UNITS = ("ngay", "tuan", "thang", "quy", "nam", "day", "week", "month", "quarter", "year")
_GATES: tuple[tuple[str, ...], ...] = (
    ("fy",),
    ("fy",),
    ("fy",),
    ("fy",),
    # a span of years: a separator, then the last year
    (
        "-1",
        "-2",
        "–",
        "—",
        "- 2",
        "to 20",
        "through 20",
        "den 20",
        "toi 20",
        "and 20",
        "va 20",
        "fy",
    ),
    ("-",),
    ("/", "-", "."),
    ("thang",),
    ("ngay",),
    ("MON",),
    ("MON",),
    ("/",),
    ("q1", "q2", "q3", "q4"),
    ("h1", "h2"),
    ("-",),
    ("q1", "q2", "q3", "q4"),
    ("quy",),
    ("quarter",),
    ("h1", "h2"),
    ("nua", "thang"),
    ("half",),
    ("thang",),
    ("MON",),
    ("cuoi", "het"),
    ("end",),
    ("end", "eoy"),
    _UNITS,
    ("next",),
    ("toi", "tiep"),
    _UNITS,
    ("week", "month", "quarter", "year"),
    ("asap", "soon", "some", "eventually", "possible", "som", "thoi gian"),
    ("fy",),
    ("fiscal", "tai chinh", "tai khoa"),
    (
        "end of",
        "cuoi quy",
        "cuoi thang",
        "cuoi tuan",
        "het quy",
        "het thang",
        "het tuan",
        "eoq",
        "eom",
        "eow",
    ),
    ("nam", "fy"),
    ("19", "20"),
)
_GATE_WORDS = tuple(sorted({g for gate in _GATES for g in gate} - {"MON"}))
# Which patterns (by their place in _SOURCES) each gate word lets run.
_PATTERNS_OF: dict[str, tuple[int, ...]] = {
    word: tuple(n for n, gate in enumerate(_GATES) if word in gate)
    for word in (*_GATE_WORDS, "MON")
}
_MON_GATE = compile_pattern(_B + r"(?:" + "|".join(_MONTHS) + r")" + _E)
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "mot": 1, "hai": 2, "ba": 3, "bon": 4}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@record
class Hit:
    """A time expression found in folded text, resolved against today."""

    start: int
    end: int
    end_date: date | None
    start_date: date | None = None
    problem: TimeProblem | None = None
    year_assumed: bool = False
    past: bool = False  # "last quarter", "năm ngoái": only ever a comparison base
    period: bool = True  # names a whole period (month, quarter), not a single day


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year_of(word: str | None, today: date) -> tuple[int | None, bool]:
    if word is None:
        return None, True
    if word.isdigit():
        return int(word), False
    return today.year + _REL.get(word, 0), False


def _span(y: int | None, first: int, last: int, today: date) -> tuple[date, date, bool]:
    """Return the start and end of months first..last, taking the next occurrence if no year."""
    assumed = y is None
    if y is None:
        y = today.year if _month_end(today.year, last) >= today else today.year + 1
    return date(y, first, 1), _month_end(y, last), assumed


def _full_year(word: str) -> int:
    """Return a year written with four digits or two ("27" in "FY27" is 2027)."""
    return int(word) if len(word) == 4 else 2000 + int(word)


def fiscal_year(y: int, fiscal: FiscalEnd) -> tuple[date, date]:
    """Return the first and last day of fiscal year ``y``: the one that ends in calendar year y."""
    month, day = fiscal
    last = date(y, month, min(day, calendar.monthrange(y, month)[1]))
    before = date(y - 1, month, min(day, calendar.monthrange(y - 1, month)[1]))
    return before + timedelta(days=1), last


def _fiscal_part(y: int, n: int, months: int, fiscal: FiscalEnd) -> tuple[date, date]:
    """Return the ``n``-th quarter (months=3) or half (months=6) of fiscal year ``y``."""
    first, _ = fiscal_year(y, fiscal)
    start = add_months(first, months * (n - 1))
    return start, add_months(start, months) - timedelta(days=1)


def _resolve(kind: str, m: re.Match[str], today: date, fiscal: FiscalEnd = (12, 31)) -> Hit | None:
    s, e = m.start(), m.end()
    g = m.groupdict()
    if kind in ("fq", "fh"):
        n = int(g["q"] if kind == "fq" else g["h"])
        a, b = _fiscal_part(_full_year(g["y"]), n, 3 if kind == "fq" else 6, fiscal)
        return Hit(s, e, b, a)
    if kind == "years":
        y1, y2 = int(g["y1"]), _full_year(g["y2"]) if len(g["y2"]) == 2 else int(g["y2"])
        if len(g["y2"]) == 2:
            y2 = y1 // 100 * 100 + int(g["y2"])
        if not 0 < y2 - y1 <= 30:
            return None
        fy = "fy" in m.group(0)
        a = fiscal_year(y1, fiscal)[0] if fy else date(y1, 1, 1)
        b = fiscal_year(y2, fiscal)[1] if fy else date(y2, 12, 31)
        return Hit(s, e, b, a)
    if kind == "cur":
        word = g.get("u") or {"quy": "quarter", "thang": "month", "tuan": "week"}.get(
            g.get("v") or ""
        )
        if word is None:
            word = {"eoq": "quarter", "eom": "month", "eow": "week"}[g["e"]]
        unit = {"quarter": Period.QUARTER, "month": Period.MONTH, "week": Period.WEEK}[word]
        hit = _relative(s, e, unit, 0, today)
        return Hit(s, e, hit.end_date, None, period=False)
    if kind in ("ymd", "dmy"):
        month = _MONTHS[g["mon"]] if g.get("mon") else int(g["m"])
        y, assumed = _year_of(g.get("y"), today)
        day = int(g["d"])
        if not 1 <= month <= 12:
            return Hit(s, e, None, problem=TimeProblem.IMPOSSIBLE)
        if y is None:
            y = today.year
            if month < today.month or (month == today.month and day < today.day):
                y += 1
        if not 1 <= day <= calendar.monthrange(y, month)[1]:
            return Hit(s, e, None, problem=TimeProblem.IMPOSSIBLE)
        return Hit(s, e, date(y, month, day), year_assumed=assumed, period=False)
    if kind in ("m", "ym"):
        month = _MONTHS[g["mon"]] if g.get("mon") else int(g["m"])
        if not 1 <= month <= 12:
            return Hit(s, e, None, problem=TimeProblem.IMPOSSIBLE)
        a, b, assumed = _span(_year_of(g.get("y"), today)[0], month, month, today)
        return Hit(s, e, b, a, year_assumed=assumed)
    if kind in ("q", "yq"):
        q = g["q"]
        n = int(q) if q.isdigit() else _ROMAN_Q.get(q) or _ORD[q]
        if not 1 <= n <= 4:
            return Hit(s, e, None, problem=TimeProblem.IMPOSSIBLE)
        a, b, assumed = _span(_year_of(g.get("y"), today)[0], 3 * n - 2, 3 * n, today)
        return Hit(s, e, b, a, year_assumed=assumed)
    if kind in ("h", "yh"):
        h = g["h"]
        n = int(h) if h.isdigit() else (1 if h in ("dau", "first") else 2)
        a, b, assumed = _span(_year_of(g.get("y"), today)[0], 6 * n - 5, 6 * n, today)
        return Hit(s, e, b, a, year_assumed=assumed)
    if kind == "yend":
        y, _ = _year_of(g.get("y") or g.get("r"), today)
        if "fy" in m.group(0) and y is not None:
            return Hit(s, e, fiscal_year(y, fiscal)[1], period=False)
        return Hit(s, e, date(y or today.year, 12, 31), period=False)
    if kind == "span":
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"]]
        unit = _UNIT[g["u"]]
        if unit is Period.DAY or unit is Period.WEEK:
            return Hit(s, e, today + timedelta(days=n * (7 if unit is Period.WEEK else 1)), today)
        months = {Period.MONTH: n, Period.QUARTER: 3 * n, Period.YEAR: 12 * n}[unit]
        return Hit(s, e, add_months(today, months), today)
    if kind == "rel":
        return _relative(s, e, _UNIT[g["u"]], _REL[" ".join(g["r"].split())], today)
    if kind == "vague":
        return Hit(s, e, None, problem=TimeProblem.UNPARSEABLE)
    # A year given by its number ends with that year ("by 2028", "trong năm 2027"); a
    # fiscal one ("FY2027", "fiscal 2027") at the configured fiscal year end.
    y = _full_year(g["y"])
    text = m.group(0)
    if "fy" in text or "fiscal" in text or "tai" in text:
        a, b = fiscal_year(y, fiscal)
        return Hit(s, e, b, a)
    return Hit(s, e, date(y, 12, 31), date(y, 1, 1))


def _relative(s: int, e: int, unit: Period, shift: int, today: date) -> Hit:
    if unit is Period.YEAR:
        if shift < 0:
            y = today.year - 1
            return Hit(s, e, date(y, 12, 31), date(y, 1, 1), past=True)
        return Hit(s, e, None, problem=TimeProblem.BARE_YEAR)
    if unit is Period.WEEK:
        first = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        return Hit(s, e, first + timedelta(days=6), first, past=shift < 0)
    months = 1 if unit is Period.MONTH else 3
    first_month = (today.month - 1) // months * months + 1
    first = add_months(date(today.year, first_month, 1), months * shift)
    last = add_months(first, months) - timedelta(days=1)
    return Hit(s, e, last, first, past=shift < 0)


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by whole months, kept inside the month (31 Jan + 1 = 28/29 Feb),
    as dateutil's relativedelta does, without its cost on every time expression."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def find_times(f: Folded, text: str, today: date, fiscal: FiscalEnd = (12, 31)) -> list[Hit]:
    """Find every time expression in ``text`` (folded), longest and most specific first."""
    hits: list[Hit] = []
    present = {g for g in _GATE_WORDS if g in text}  # each gate word looked for once
    if _MON_GATE.search(text) is not None:
        present.add("MON")
    covered = bytearray(len(text))
    # Only the patterns some present word opens, in the order of _SOURCES.
    for n in sorted({n for w in present for n in _PATTERNS_OF[w]}):
        kind = _SOURCES[n][0]
        rx = _PATTERNS[n].compiled
        for m in rx.finditer(text):
            if 1 in covered[m.start() : m.end()]:
                continue
            if kind == "bare-year" and not _PREPOSITION_BEFORE.search(text, 0, m.start()):
                continue
            if not f.plain(m.start(), m.end()):
                continue
            # "may" is mostly the verb; only a capitalised month counts.
            if m.groupdict().get("mon") == "may" and f.src[f.orig(m.start("mon"))] != "M":
                continue
            try:
                hit = _resolve(kind, m, today, fiscal)
            except (ValueError, OverflowError):
                # A date beyond year 9999 or before year 1: no calendar can hold it.
                hit = Hit(m.start(), m.end(), None, problem=TimeProblem.IMPOSSIBLE)
            if hit is not None:
                hits.append(hit)
                covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    hits.sort(key=lambda h: h.start)
    return hits
