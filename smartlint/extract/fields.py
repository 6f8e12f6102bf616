"""Read structured field values: a number, a target, a deadline or start."""

from __future__ import annotations

from datetime import date

from smartlint.extract.numbers import Quantity, find_quantities
from smartlint.extract.phrases import COMPARATOR_AFTER, COMPARATOR_BEFORE
from smartlint.extract.sentence import read
from smartlint.extract.text import Folded, fold
from smartlint.extract.time import find_times
from smartlint.model import Change, ChangeKind, Comparator, Snip, TimeProblem, TimeRef
from smartlint.patterns import Lazy, compile_pattern

_SIGNED = compile_pattern(r"\s*(?P<sign>[+-])")
# A word before a date that makes it a point, not a period's start: "cuối", "by", "before".
_POINT_BEFORE = Lazy(r"(?:cuoi|het|end\s+of(?:\s+the)?|by|before|truoc)\s*$")
_YEAR_ONLY = Lazy(r"\s*((?:19|20)\d\d)\s*")  # a deadline field that is a year's number
_ANY_DAY = date(2000, 1, 1)  # targets do not depend on the date


def target(raw: str) -> Change | None:
    """Read a target field: signed means a change, unsigned a level, "x3" a factor."""
    return target_and_bound(raw)[0]


def target_and_bound(raw: str) -> tuple[Change | None, Comparator | None]:
    """Read a target field, and the comparator when it is a bound ("≥ 99.95%", "dưới 3%")."""
    f = fold(raw.strip())
    where = Snip(0, len(f.src), f.src)
    qs = find_quantities(f, f.low)
    rest = "".join(f.low[: qs[0].start] + f.low[qs[0].end :]).strip(" +-") if qs else "?"
    if len(qs) == 1 and (not rest or qs[0].factor):
        q = qs[0]
        signed = _SIGNED.match(f.low) is not None
        if q.factor:
            return Change(ChangeKind.FACTOR, q.value, where), None
        if q.points:
            return Change(ChangeKind.POINTS, q.value, where), None
        if signed and q.percent:
            return Change(ChangeKind.PERCENT, q.value, where), None
        if signed:
            return Change(ChangeKind.DELTA, q.value, where), None
        return Change(ChangeKind.LEVEL, q.value, where), None
    bound = _bound(f, qs)
    if bound is not None:
        return Change(ChangeKind.LEVEL, qs[0].value, where), bound
    return read(f.src, _ANY_DAY).target, None


def _bound(f: Folded, qs: list[Quantity]) -> Comparator | None:
    if len(qs) != 1 or qs[0].factor:
        return None
    q = qs[0]
    before, after = f.low[: q.start], f.low[q.end :]
    m = COMPARATOR_BEFORE.fullmatch(before.strip() + " ") if before.strip() else None
    if m is None and before.strip():
        return None
    tail = COMPARATOR_AFTER.match(after) if after.strip() else None
    if tail is None and after.strip() and not _UNIT_WORDS.fullmatch(after):
        return None  # "≤ 2s", "không quá 3 ngày": a unit may follow the level
    if tail is not None and after[tail.end() :].strip():
        return None
    found = m or tail
    if found is None:
        return None
    return _COMPARATORS[found.lastgroup or "ge"]


_UNIT_WORDS = Lazy(r"\s*[a-z%/]+(?:\s+[a-z/]+){0,2}\s*")
_COMPARATORS = {
    "ge": Comparator.AT_LEAST,
    "gt": Comparator.MORE_THAN,
    "le": Comparator.AT_MOST,
    "lt": Comparator.LESS_THAN,
}


def time(raw: str, today: date, fiscal: tuple[int, int] = (12, 31)) -> TimeRef | None:
    """Read a deadline field into a TimeRef; a text with no readable date is UNPARSEABLE."""
    f = fold(raw.strip())
    if not f.src:
        return None
    where = Snip(0, len(f.src), f.src)
    hits = [h for h in find_times(f, f.low, today, fiscal) if not h.past]
    good = [h for h in hits if h.end_date is not None]
    if good:
        h = max(good, key=lambda h: h.end_date or date.min)
        point = _POINT_BEFORE.search(f.low[: h.start])
        start = None if point else h.start_date
        return TimeRef(where, h.end_date, start, None, h.year_assumed)
    if hits:
        return TimeRef(where, None, problem=hits[0].problem)
    year = _YEAR_ONLY.fullmatch(f.low)
    if year:  # a year given by its number ends with that year (PRODUCT.md, numbered years)
        y = int(year.group(1))
        return TimeRef(where, date(y, 12, 31), date(y, 1, 1))
    return TimeRef(where, None, problem=TimeProblem.UNPARSEABLE)
