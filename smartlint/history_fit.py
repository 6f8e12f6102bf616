"""Whether a goal's history measures the same thing as its baseline and target.

A history is a list of the metric's past values per period.  When the goal's level is a
total over a longer (or shorter) period than the history's — quarterly revenue beside an
annual baseline, monthly contracts beside "15 hợp đồng mỗi quý" — the two are different
measures: charting them on one scale, or comparing their paces, misleads.

The level's period is read from what the goal says about it, first that applies:

1. the ``unit:`` field ("VND/năm", "visits/month", "contracts per quarter");
2. period words on the metric ("annual revenue", "doanh thu năm 2027", "doanh thu quý");
3. the period a level target recurs in ("lên 15 hợp đồng mỗi quý", "≥ 55 MRs per month");
4. the calendar period a level target's deadline names ("doanh thu năm 2027 đạt 52 tỷ").

A period alone is not enough ("monthly active users" may well be sampled each week): the
numbers must agree that they are totals of different lengths, that is, the baseline (or
the target, when the baseline is the history's last value) stands to the last history
value about as the two periods' lengths do (a year is about four quarters).
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from typing import NamedTuple

from smartlint import pace
from smartlint.extract.phrases import PERIOD
from smartlint.extract.text import fold
from smartlint.facts import Facts
from smartlint.model import ChangeKind, Period, Span
from smartlint.patterns import Lazy

# How far the level may stand from "n history periods' worth" and still read as a total of
# n of them: a factor of 2.5 either way (growth inside the longer period, uneven seasons).
_SLACK = 2.5
# Below this ratio the level and the history's last value may just be the same measure
# after some growth; nothing is said.
_SAME = 1.8

# The folded period words the patterns below capture: the extractor's, and "annual".
_WORDS = {**PERIOD, "annual": Period.YEAR}
# A period word on a metric or unit: "annual revenue", "revenue per year", "/năm",
# "hàng quý", "doanh thu năm 2027", "doanh thu quý" (at the end of the metric).
_EN_ADJECTIVE = r"(?<![\w])(?P<a>annual|yearly|quarterly|monthly|weekly|daily)"
_EN_PER = r"(?:(?<![\w])(?:per|a|an|each|every)\s+|/\s*)(?P<p>year|quarter|month|week|day)"
# "hàng năm" is yearly, but "khách hàng năm 2027" is the year's customers (folded alike).
_VI_PER = (
    r"(?:(?<![\w])(?<!khach )(?<!don )(?<!cua )(?<!mat )(?<!ngan )(?<!ban )(?<!giao )hang\s+"
    r"|(?<![\w])(?:moi|trong\s+(?:mot|1))\s+|/\s*)(?P<v>nam|quy|thang|tuan|ngay)"
)
_VI_NAMED = r"(?<![\w])(?P<n>nam|quy|thang)(?=\s+(?:\d{4}|nay|toi|sau)|\s*$)"
_PERIOD_WORD = Lazy(rf"{_EN_ADJECTIVE}(?![\w])|{_EN_PER}(?![\w])|{_VI_PER}(?![\w])|{_VI_NAMED}")


class PeriodMismatch(NamedTuple):
    """The history's values are per one period, the goal's level per another."""

    history: Period  # the period of one history value
    level: Period  # the period the goal's level is a total over
    reference: float  # the goal's level compared: its baseline, else its target
    last: float  # the history's last value
    span: Span  # the history, where the finding points


@lru_cache(maxsize=2048)
def period_words(words: str) -> Period | None:
    """Return the period a metric's or unit's words make it a total over, if they name one."""
    text = " ".join(fold(words).low.split())
    found = _PERIOD_WORD.search(text)
    if found is None:
        return None
    word = next(g for g in found.group("a", "p", "v", "n") if g)
    return _WORDS[word]


def _named_period(facts: Facts) -> Period | None:
    """Return the calendar year, quarter or month a level target's deadline names."""
    deadline = facts.deadline
    if deadline is None or deadline.value.start is None or deadline.value.end is None:
        return None
    first, last = deadline.value.start, deadline.value.end
    if first.day != 1 or (last + timedelta(days=1)).day != 1:
        return None
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return {12: Period.YEAR, 3: Period.QUARTER, 1: Period.MONTH}.get(months)


# The period named right after the metric in the sentence: "doanh thu năm 2027 …",
# "doanh thu quý 3 …", "doanh thu tháng 12/2027", "revenue for 2027", "FY2027 revenue".
_AFTER_METRIC = Lazy(
    r"\s*(?:cua\s+)?(?P<w>nam|quy|thang)\s+(?:\d|nay|toi|sau)"
    r"|\s*(?:for|in)\s+(?:the\s+)?(?:(?P<y>fy\s*\d{2,4}|\d{4})|(?P<q>q[1-4]))(?![\w])"
    rf"|\s*(?:{_EN_PER}|{_VI_PER})(?![\w])".replace("(?P<p>", "(?P<ap>").replace(
        "(?P<v>", "(?P<av>"
    )
)


def _period_after_metric(facts: Facts) -> Period | None:
    reading, title = facts.reading, facts.goal.title
    if reading is None or reading.metric is None or title is None:
        return None
    after = fold(title.value[reading.metric.end : reading.metric.end + 30]).low
    found = _AFTER_METRIC.match(after)
    if found is None:
        return None
    word = found["w"] or found["ap"] or found["av"]
    if word:
        return _WORDS[word]
    return Period.YEAR if found["y"] else Period.QUARTER


# A period right after the target's level, past its unit: "lên 15 hợp đồng mỗi quý",
# "to 55 MRs per month", "40 tỷ/năm".
_AFTER_LEVEL = Lazy(
    rf"(?:\s*[^\W\d]+){{0,3}}?\s*(?:{_EN_PER}|{_VI_PER})(?![\w])".replace("?P<", "?P<x")
)


def _period_after_level(facts: Facts) -> Period | None:
    reading, title, target = facts.reading, facts.goal.title, facts.target
    if reading is None or reading.target is None or title is None or target is None:
        return None
    if target.source != "sentence" or target.value.kind is not ChangeKind.LEVEL:
        return None
    end = reading.target.where.end
    found = _AFTER_LEVEL.match(fold(title.value[end : end + 40]).low)
    if found is None:
        return None
    return _WORDS[next(g for g in found.group("xp", "xv") if g)]


def level_period(facts: Facts) -> Period | None:
    """Return the period the goal's level is a total over, when the goal says so."""
    unit = facts.goal.unit
    if unit is not None and unit.value.strip():
        found = period_words(unit.value)
        if found is not None:
            return found
    if facts.metric is not None:
        found = period_words(facts.metric.value) or _period_after_metric(facts)
        if found is not None:
            return found
    target = facts.target
    if target is None or target.value.kind is not ChangeKind.LEVEL:
        return None
    if facts.cadence is not None:
        return facts.cadence.value
    return _period_after_level(facts) or _named_period(facts)


def period_mismatch(facts: Facts) -> PeriodMismatch | None:
    """Return how the history's period disagrees with the goal's level, or None when it fits."""
    history = facts.history
    if history is None or len(history.points) < 2:
        return None
    level = level_period(facts)
    if level is None or level is history.period:
        return None
    last = history.points[-1].value
    baseline = facts.baseline
    if baseline is not None and baseline.source != "history":
        reference = baseline.value
    else:
        target = facts.target
        if target is None or target.value.kind is not ChangeKind.LEVEL:
            return None
        reference = target.value.value
    if last <= 0 or reference <= 0:
        return None
    expected = pace.convert_pace(1.0, history.period, level)  # history periods in one level period
    ratio = reference / last
    if not expected / _SLACK <= ratio <= expected * _SLACK:
        return None
    if 1 / _SAME < ratio < _SAME:
        return None
    return PeriodMismatch(history.period, level, reference, last, history.span)
