"""Figures as people write them: one rounding for every level and change a report shows.

A level (the start, the target, the level the history makes reachable) and the change
between two levels are shown in a finding's message, its suggestion, the rewrite, the
mini-chart and the HTML chart.  They all round here, so one figure has one set of digits:

- **Counts of people and things are whole.**  A metric whose head noun counts
  (subscribers, khách hàng, người, học viên, đơn hàng, stores, lượt truy cập, …) never
  shows "5.437,5" subscribers.  Money, percentages and other measures keep the decimals
  they are shown with (:func:`smartlint.i18n.fmt_amount`).
- **Rounding keeps the claim honest.**  A level the goal *requires* rounds away from the
  start (+25 % on 4,350 subscribers needs 5,438 of them, not 5,437); a level the history
  makes *reachable* rounds toward it (never a little more than the pace allows).
- **A change is taken from the levels as shown**, so "4.350 → 5.287" reads "+21,5%"
  wherever it appears.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from smartlint.extract.text import fold
from smartlint.facts import Facts
from smartlint.i18n import amount_step, fmt_amount, fmt_number, fmt_percent
from smartlint.model import ChangeKind, Language
from smartlint.patterns import Lazy

# --------------------------------------------------------------------------- what is counted

# Head nouns (folded) of metrics that count people or things.  A metric counts when its
# head noun is one of them: the first noun in Vietnamese ("số người đăng ký", "lượt tải"),
# the last before a preposition in English ("newsletter subscribers", "stores in Hanoi").
_COUNTED_VI = (
    "nguoi", "khach hang", "khach", "hoc vien", "hoc sinh", "sinh vien", "nhan vien",
    "nhan su", "thanh vien", "thue bao", "ung vien", "benh nhan", "doi tac", "dai ly",
    "don hang", "don", "cua hang", "chi nhanh", "diem ban", "hop dong", "giao dich",
    "luot", "bai viet", "bai", "video", "san pham", "khoa hoc", "lop", "su kien",
    "tai khoan", "ho so", "cuoc goi", "cuoc hen", "ve", "xe", "can ho", "may", "thiet bi",
    "phong", "giuong", "cho ngoi", "du an", "tinh nang", "su co", "hoi vien",
    "nha phan phoi", "nha cung cap", "nha hang", "nha thuoc", "nha may", "truong",
    "benh vien", "phong kham", "cong ty", "doanh nghiep", "nguoi dung",
    "tinh nguyen vien", "lead", "leads", "user", "users",
)  # fmt: skip
_COUNTED_EN = frozenset(
    [
        "subscriber",
        "customer",
        "client",
        "user",
        "member",
        "employee",
        "staff",
        "hire",
        "person",
        "people",
        "student",
        "learner",
        "trainee",
        "pupil",
        "follower",
        "fan",
        "visitor",
        "visit",
        "download",
        "install",
        "signup",
        "sign-up",
        "registration",
        "order",
        "transaction",
        "store",
        "shop",
        "branch",
        "outlet",
        "location",
        "contract",
        "deal",
        "lead",
        "ticket",
        "account",
        "partner",
        "candidate",
        "applicant",
        "volunteer",
        "patient",
        "participant",
        "attendee",
        "agent",
        "driver",
        "seller",
        "merchant",
        "vendor",
        "supplier",
        "product",
        "unit",
        "item",
        "article",
        "post",
        "video",
        "review",
        "referral",
        "meeting",
        "call",
        "demo",
        "request",
        "booking",
        "reservation",
        "session",
        "pageview",
        "click",
        "like",
        "comment",
        "subscription",
        "project",
        "feature",
        "bug",
        "incident",
        "course",
        "class",
        "event",
        "workshop",
        "vehicle",
        "car",
        "home",
        "house",
        "apartment",
        "seat",
        "license",
        "licence",
        "device",
        "machine",
        "app",
        "website",
        "school",
        "hospital",
        "clinic",
        "restaurant",
        "household",
        "family",
        "farmer",
        "teacher",
        "doctor",
        "nurse",
    ]
)
# Words that make a metric a ratio or an average, whatever it counts ("orders per customer",
# "số khách hàng trung bình"); a count per period ("visits per month") is still a count.
_NOT_COUNTED = (
    r"(?<![\w])(?:per|tren|each|average|avg|mean|median|trung binh|binh quan|ty le|ti le"
    r"|percentage|phan tram)(?![\w])"
)
_PER_PERIOD = (
    r"(?<![\w])(?:per|moi|each|a|every|hang|trong)\s+(?:mot\s+)?"
    r"(?:ngay|tuan|thang|quy|nam|day|week|month|quarter|year)(?![\w])|/\s*\w+"
)
_VI_LEAD = r"^(?:(?:tong\s+)?so\s+luong|tong\s+so|so|luong)\s+"
_EN_LEAD = (
    r"^(?:(?:the|a|an|our|total|overall)\s+)*(?:(?:number|count|total|amount)\s+of\s+)?"
    r"(?:(?:the|our)\s+)?"
)
_EN_TAIL = r"\s+(?:of|in|on|at|for|from|with|who|that|which|across|by|via|to|per|through)\s.*$"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_VI_HEAD = (
    "(?:" + "|".join(sorted(map(re.escape, _COUNTED_VI), key=len, reverse=True)) + r")(?: |$)"
)


# Compiled on first use, not at start-up: only goals that count people or things need them.
_VI_HEAD_RX, _VI_LEAD_RX = Lazy(_VI_HEAD), Lazy(_VI_LEAD)
_EN_LEAD_RX, _EN_TAIL_RX = Lazy(_EN_LEAD), Lazy(_EN_TAIL)
_PER_PERIOD_RX, _NOT_COUNTED_RX = Lazy(_PER_PERIOD), Lazy(_NOT_COUNTED)


def _counted_vi(text: str) -> bool:
    return _VI_HEAD_RX.match(_VI_LEAD_RX.sub("", text, count=1)) is not None


def _counted_en(text: str) -> bool:
    rest = _EN_TAIL_RX.sub("", _EN_LEAD_RX.sub("", text, count=1))
    words = rest.replace("/", " ").split()
    return bool(words) and _singular(words[-1].strip("-")) in _COUNTED_EN


@lru_cache(maxsize=2048)  # a plan names the same few metrics on many goals
def counts(words: str, language: Language) -> bool:
    """Tell whether a metric's or unit's words name a count of people or things."""
    text = " ".join(fold(words).low.replace("-", " - ").split()).replace(" - ", "-")
    text = text.replace("sign-ups", "signups").replace("sign-up", "signup")
    text = _PER_PERIOD_RX.sub(" ", text).strip()
    if not text or _NOT_COUNTED_RX.search(text):
        return False
    if language is Language.VI:
        return _counted_vi(text)
    return _counted_en(text)


def is_count(facts: Facts) -> bool:
    """Tell whether the goal's metric counts people or things, so its levels are whole.

    The ``unit:`` field decides when it names one ("người", "visits/month", "VND");
    otherwise the metric's head noun does.  A rate, a level written in percent, money, or
    a metric whose baseline or history has fractions is never a count.
    """
    target = facts.target
    if facts.rate or (target is not None and target.value.kind is ChangeKind.POINTS):
        return False
    if target is not None and ("%" in target.value.where.text and _is_level(facts)):
        return False
    if target is not None and "$" in target.value.where.text:
        return False
    if not _whole(facts):
        return False  # "1,02 cửa hàng": values kept as averages are not counted one by one
    unit = facts.goal.unit
    if unit is not None and unit.value.strip():
        head = unit.value.split("/")[0]
        return counts(head, Language.VI) or counts(head, Language.EN)
    if facts.metric is None:
        return False
    return counts(facts.metric.value, facts.language)


def _whole(facts: Facts) -> bool:
    """Tell whether the goal's known values (its baseline and history) are whole numbers."""
    values = [facts.baseline.value] if facts.baseline is not None else []
    if facts.history is not None:
        values.extend(p.value for p in facts.history.points)
    return all(math.isfinite(v) and v == int(v) for v in values)


def _is_level(facts: Facts) -> bool:
    return facts.target is not None and facts.target.value.kind is ChangeKind.LEVEL


# --------------------------------------------------------------------------- how levels show


class Scale(NamedTuple):
    """How a goal's levels are written: whole counts, a percent level, dollars, or amounts.

    (A NamedTuple, not a dataclass: it is built at start-up, and costs less to define.)
    """

    counted: bool = False
    percent: bool = False  # a rate's level: "2,2%"
    dollars: bool = False


def scale_of(facts: Facts) -> Scale:
    """Return how the goal's levels are written, read once from its facts."""
    target = facts.target
    where = target.value.where.text if target is not None else ""
    percent = facts.rate or (_is_level(facts) and "%" in where)
    return Scale(counted=not percent and is_count(facts), percent=percent, dollars="$" in where)


def level_step(value: float, scale: Scale) -> float:
    """Return the value of the last digit a level is shown with."""
    if scale.percent:
        return 0.01
    step = amount_step(value)
    return max(step, 1.0) if scale.counted else step


def rounded_level(
    value: float, scale: Scale, *, start: float | None, reachable: bool = False
) -> float:
    """Round a level to the digits it is shown with; the one rounding of a level.

    A reachable level rounds toward ``start`` (never more than the pace allows); a required
    level of a count rounds away from it (the goal is met only at the next whole unit).  A
    required level of any other measure is left as computed: it shows to the nearest digit.
    """
    if not math.isfinite(value) or start is None or not math.isfinite(start):
        return value
    if not reachable and not scale.counted:
        return value
    step = level_step(value, scale)
    steps = value / step
    near = round(steps)
    if abs(steps - near) < 1e-6:  # 4350 × 1.1 is 4785.000000000001, not a step more
        return near * step
    up = value > start
    if reachable:
        up = not up
    return (math.ceil(steps) if up else math.floor(steps)) * step


def level_text(value: float, scale: Scale, language: Language) -> str:
    """Format a level as every report shows it: 5.438 người, 2,5 tỷ, 2,2%, $1,200."""
    if scale.percent:
        return fmt_number(value, language, decimals=2) + "%"  # 99.95% stays 99.95%
    if scale.counted and math.isfinite(value) and abs(value) < 1e6:
        text = fmt_number(value, language, decimals=0)
    else:
        text = fmt_amount(value, language)
    return ("$" if scale.dollars else "") + text


def change_text(start: float, level: float, scale: Scale, language: Language) -> str | None:
    """Return the change from ``start`` to ``level`` as shown beside them: "+21,5%", or in
    points for a rate ("+0,4 điểm %"); None when it has no meaning (a start of zero)."""
    if scale.percent:
        diff = level - start
        sign = "+" if diff > 0 else ""
        points = "điểm %" if language is Language.VI else "points"
        return f"{sign}{fmt_number(diff, language, decimals=2)} {points}"
    if not start or not math.isfinite(start) or not math.isfinite(level):
        return None
    percent = (level / start - 1) * 100
    if abs(percent) >= 100:  # "+416%": a decimal adds nothing at that size
        percent = float(round(percent))
    return fmt_percent(percent, language, signed=True)
