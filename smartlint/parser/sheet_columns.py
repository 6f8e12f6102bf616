"""Recognise a goal sheet's columns from its header row: goal fields and monthly actuals.

Headers are compared folded (lower case, without diacritics, punctuation as spaces, a
trailing "(unit)" dropped), so "Mục tiêu", "MUC TIEU" and "muc tieu (KR)" are one name.
A ``columns:`` mapping in the configuration names a role's header exactly (folded the same
way) and turns that role's own recognition off.  Columns whose header names a month or a
quarter ("Jan", "T1", "Tháng 1", "2027-01", "01/2027", "Q1 2027", "Quý 1") hold the
metric's history; when a sheet has both, the months are read and the quarters (usually
their sums) are not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from smartlint.extract.text import fold
from smartlint.model import Period
from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

ROLES = (
    "title", "id", "parent", "why", "owner", "metric", "unit", "baseline", "target", "start",
    "deadline", "year",
)  # fmt: skip
_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "goal", "goals", "objective", "objectives", "okr", "kr", "key result",
        "key results", "kpi", "kpis", "ten kpi", "muc tieu", "ten muc tieu",
        "ket qua then chot", "statement", "goal statement",
    ),
    "id": ("id", "ma", "ma muc tieu", "ma kpi", "code", "goal id", "key"),
    "parent": ("parent", "parent id", "cha", "muc tieu cha", "thuoc", "thuoc muc tieu"),
    "why": ("why", "ly do", "reason", "rationale", "y nghia", "purpose", "muc dich"),
    "owner": (
        "owner", "phu trach", "nguoi phu trach", "responsible", "assignee", "pic",
        "nguoi thuc hien",
    ),
    "metric": ("metric", "chi so", "measure", "chi so do luong", "thuoc do"),
    "unit": ("unit", "don vi", "don vi tinh", "dvt"),
    "baseline": (
        "baseline", "hien tai", "current", "gia tri hien tai", "thuc trang", "hien trang",
        "start value", "dau ky", "gia tri dau ky",
    ),
    "target": (
        "target", "chi tieu", "muc tieu so", "target value", "gia tri muc tieu", "ke hoach",
    ),
    "start": ("start", "start date", "bat dau", "ngay bat dau"),
    "deadline": (
        "deadline", "thoi han", "due", "due date", "han", "han chot", "end date",
        "ngay ket thuc", "ngay hoan thanh", "thoi gian hoan thanh",
    ),
    "year": ("year", "nam"),
}  # fmt: skip
NAMES: dict[str, str] = {name: role for role, names in _NAMES.items() for name in names}

_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_MONTH_WORD = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR_TAIL = r"(?:\s*(?:/|-|'|\.|,|nam)?\s*(?P<y>\d{4}|\d{2}))?"
_MONTH_NUMBER = r"0?(?P<m>1[0-2]|[1-9])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_UNIT_AT_END = Lazy(r"\s*\([^)]*\)\s*$")  # "Doanh thu (tỷ đồng)"
_PUNCTUATION = Lazy(r"[^\w/'.-]+")
_SHAPES: tuple[tuple[re.Pattern[str], Period], ...] = (
    (compile_pattern(_MONTH_WORD + r"\.?" + _YEAR_TAIL), Period.MONTH),
    (compile_pattern(r"(?:t|thang)\s*" + _MONTH_NUMBER + _YEAR_TAIL), Period.MONTH),
    (compile_pattern(r"(?P<y>\d{4})\s*[-/.]\s*" + _MONTH_NUMBER), Period.MONTH),
    (compile_pattern(_MONTH_NUMBER + r"\s*[-/.]\s*(?P<y>\d{4})"), Period.MONTH),
    (compile_pattern(r"(?:q|quy)\s*(?P<q>[1-4]|iv|i{1,3})" + _YEAR_TAIL), Period.QUARTER),
    (compile_pattern(r"(?P<y>\d{4})\s*[-/ ]?\s*q(?P<q>[1-4])"), Period.QUARTER),
)


@record
class PeriodKey:
    """A history column's period: month 1-12 or quarter 1-4, and its year when the header says."""

    period: Period
    number: int
    year: int | None


@record
class Layout:
    """Which 0-based column holds each role, and the history columns in sheet order."""

    roles: tuple[tuple[str, int], ...]
    history: tuple[tuple[int, PeriodKey], ...]
    repeated: tuple[tuple[str, int, int], ...] = ()  # role, first column, repeated column
    missing: tuple[tuple[str, str], ...] = ()  # configured role, header not found

    def column(self, role: str) -> int | None:
        """Return the column of a role, or None when the sheet has none."""
        return dict(self.roles).get(role)


def folded(header: str) -> str:
    """Return a header as it is compared: folded, punctuation as spaces, "(unit)" dropped."""
    text = fold(header.strip()).low
    text = _UNIT_AT_END.sub("", text) or text
    return " ".join(_PUNCTUATION.sub(" ", text).replace("_", " ").split())


def period_key(header: str) -> PeriodKey | None:
    """Read a header that names a month or a quarter ("T3", "Mar 2027", "Quý 1"), else None."""
    text = folded(header)
    for pattern, period in _SHAPES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        year = _year(parts.get("y"))
        if period is Period.QUARTER:
            raw = parts["q"]
            number = _ROMAN[raw] if raw in _ROMAN else int(raw)
        elif parts.get("mon"):
            number = _MONTHS.index(parts["mon"][:3]) + 1
        else:
            number = int(parts["m"])
        return PeriodKey(period, number, year)
    return None


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def recognise(headers: Sequence[str], configured: Mapping[str, str]) -> Layout:
    """Map header cells to roles and history columns; ``configured`` maps role -> header."""
    wanted = {folded(name): role for role, name in configured.items()}
    roles: dict[str, int] = {}
    repeated: list[tuple[str, int, int]] = []
    months: list[tuple[int, PeriodKey]] = []
    quarters: list[tuple[int, PeriodKey]] = []
    for column, header in enumerate(headers):
        name = folded(header)
        if not name:
            continue
        role = wanted.get(name)
        if role is None:
            role = NAMES.get(name)
            if role in configured:
                role = None  # the configuration names another header for this role
        if role is not None:
            if role in roles:
                repeated.append((role, roles[role], column))
            else:
                roles[role] = column
            continue
        key = period_key(header)
        if key is not None:
            (months if key.period is Period.MONTH else quarters).append((column, key))
    missing = tuple((role, name) for role, name in configured.items() if role not in roles)
    return Layout(
        tuple(sorted(roles.items(), key=lambda item: item[1])),
        tuple(months or quarters),
        tuple(repeated),
        missing,
    )
