"""The words Markdown goal documents are read by: labels, field names, table headers, periods.

Every name is matched folded (lower case, no diacritics, ``đ`` as ``d``), so "Mục tiêu",
"muc tieu" and "MỤC TIÊU" are one word.  Folding is for matching only; offsets always
refer to the text as written.
"""

from __future__ import annotations

import re
import unicodedata

from smartlint.parser.fields import TEXT_FIELDS
from smartlint.patterns import compile_pattern


def fold(text: str) -> str:
    """Return text lower-cased, without diacritics, with ``đ`` as ``d`` (for matching only)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


# Field names a goal may give inline, in a sub-item or as a table column, folded.
FIELD_NAMES: dict[str, str] = {
    # The YAML goal fields, less the title (the goal's own text) and the nesting keys.
    **{name: name for name in (*TEXT_FIELDS, "baseline", "history") if name != "title"},
    "due": "deadline",
    "due date": "deadline",
    "current": "baseline",
    "phu trach": "owner",
    "nguoi phu trach": "owner",
    "ly do": "why",
    "thoi han": "deadline",
    "han": "deadline",
    "han chot": "deadline",
    "hien tai": "baseline",
    "gia tri hien tai": "baseline",
    "co so": "baseline",
    "chi tieu": "target",
    "chi so": "metric",
    "lich su": "history",
    "bat dau": "start",
    "don vi": "unit",
    "ngon ngu": "language",
    "muc tieu cha": "parent",
}

# Table headers: the goal's own text, and its target (other columns use FIELD_NAMES).
TITLE_HEADERS = frozenset(
    [
        "goal",
        "goals",
        "objective",
        "objectives",
        "key result",
        "key results",
        "kr",
        "krs",
        "okr",
        "title",
        "muc tieu",
        "ket qua then chot",
        "ket qua",
        "kqtc",
    ]
)
TARGET_HEADERS = frozenset(
    {"target", "targets", "target value", "chi tieu", "muc tieu so", "gia tri muc tieu"}
)

# A heading with one of these words (folded) names a section of goals.
GOAL_WORDS = compile_pattern(
    r"\b(?:okrs?|objectives?|goals?|key results?|targets?|kpis?|muc tieu|ket qua then chot"
    r"|chi tieu|ke hoach)\b"
)
# A heading that names a section of prose, never of goals, even inside an OKR document.
PROSE_HEADINGS = compile_pattern(
    r"^(?:background|context|notes?|appendix|overview|summary|introduction|about|links"
    r"|references|glossary|risks?|dependencies|retrospective|lessons learned|faq|changelog"
    r"|history|boi canh|ghi chu|phu luc|tong quan|gioi thieu|tai lieu|rui ro|tom tat)\b"
)
# A heading that only announces the key results of the objective above it.
KR_HEADINGS = frozenset({"key results", "key result", "krs", "ket qua then chot", "ket qua"})

_YEAR = r"(?:FY\s?)?(?:19|20)\d\d\b"
_PART = r"(?:Q[1-4]|H[12])"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_VI_PART = (
    r"(?:quý|quy)\s+(?:[1-4]|IV|I{1,3})|(?:nửa|nua)\s+(?:đầu|dau|cuối|cuoi)"
    r"|(?:tháng|thang)\s+\d{1,2}|(?:6|sáu|sau)\s+(?:tháng|thang)\s+(?:đầu|dau|cuối|cuoi)"
)
# Where a heading names its period; the extraction stage reads the phrase found.
PERIOD = compile_pattern(
    rf"(?<![\w/-])(?:{_PART}\s*[/-]?\s*{_YEAR}|{_YEAR}\s*[/-]?\s*{_PART}\b"
    rf"|(?:{_VI_PART})\s*(?:/|(?:năm|nam)\s+)?\s*{_YEAR}|(?:năm|nam)\s+{_YEAR}"
    rf"|{_MONTH}\s+{_YEAR}|{_YEAR}(?![/.-]\d))",  # a year, but not a date's (2027-06-15)
    re.IGNORECASE,
)
