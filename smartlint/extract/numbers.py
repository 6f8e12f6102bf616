"""Quantities in folded text: numerals in both separator conventions, scales, currency,
percent and percentage points, multipliers and small numbers written as words."""

from __future__ import annotations

import re
import unicodedata

from smartlint.extract.text import Folded, fold
from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

_NUMERAL = r"\d+(?:[.,]\d+)*"
_SCALE_WORD = {
    "van": 1e4,  # "1 vạn dân": ten thousand
    "nghin": 1e3,
    "ngan": 1e3,
    "thousand": 1e3,
    "k": 1e3,
    "trieu": 1e6,
    "tr": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "ty": 1e9,
    "ti": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
}
# Word scales may stand apart from the numeral; letter scales must touch it ("10k", "$2M")
# so that "5 m" or "2 b" in prose are not read as scales.  "tỷ lệ" is a rate, not a billion.
_AMOUNT = compile_pattern(
    # Not a number inside a name: "Sev-1", "COVID-19", "P1", "v2".
    r"(?<![\w.,])(?<![a-z]-)(?P<cur>(?:us)?\$\s?|usd\s?|vnd\s?)?"
    r"(?P<sign>[+-])?(?P<num>" + _NUMERAL + r")"
    # A range: "8-10%", "90% - 95%", "1 - 1,5 điểm %"; the lower end is kept (PRODUCT.md, ranges).
    r"(?:\s?%?\s?[-–]\s?" + _NUMERAL + r"(?=\s?(?:%|diem|points?|pts|pp|phan tram|percent)))?"
    r"(?:\s?(?P<sw>nghin|ngan|van|thousand|trieu|millions?|ty|ti|billions?)(?![\w])(?!\s+le\b)"
    r"|(?P<sl>k|tr|mn|m|bn|b)(?![a-z_])(?!(?<!tr)\d))?"
    r"(?:\s(?P<pts>diem phan tram|diem %|percentage points?|points?|pts|pp)(?![\w])"
    r"|(?P<pp>pp)(?![\w])"
    r"|\s?(?P<pct>%|(?:phan tram|percent|per cent)(?![\w])))?"
    r"(?:\s?(?P<cur2>dong|vnd|usd|\$|dollars?|do(?:\s+la)?(?:\s+my)?)(?![\w])|(?P<d>d)(?![\w]))?"
)
# The rest of a Vietnamese amount said after its scale: "2 tỷ 5" is 2,5 tỷ, "1 triệu 2" and
# "1tr2" are 1,2 triệu, "2 tỷ 500 triệu" is 2,5 tỷ.  One digit alone stands for hundreds
# of the next scale ("5" is 500 triệu after tỷ), three digits for themselves; two are
# ambiguous ("2 tỷ 50") and left alone.  The tail counts only where the amount plainly ends.
_VI_SCALES = {w: _SCALE_WORD[w] for w in ("ty", "ti", "trieu", "tr", "nghin", "ngan")}
_TAIL = compile_pattern(
    r"(?P<t>\d{1,3})(?:\s?(?P<tsw>trieu|tr|nghin|ngan|k)(?![a-z]))?"
    r"(?:\s?(?P<cur>dong|vnd|d)(?![\w]))?"
    r"(?=\s*$|\s*[,;:)!?]|\s*\.(?!\d)|\s{2,}|\s+(?:dong|vnd|d|truoc|vao|trong|den|toi|cuoi|tu|so"
    r"|moi|hang|va|cho|la|tai|o|nhu)(?![\w]))"
)
_TAIL_SCALE = {w: _SCALE_WORD[w] for w in ("trieu", "tr", "nghin", "ngan", "k")}


def _tail(masked: str, m: re.Match[str]) -> tuple[float, int, bool] | None:
    """Return the value and end of the digits that finish a Vietnamese scaled amount, and
    whether a currency closes them ("2 tỷ 5 đồng")."""
    scale_word = m.group("sw") or m.group("sl")
    if scale_word not in _VI_SCALES or m.group("pct") or m.group("pts") or m.group("pp"):
        return None
    gap = 0 if scale_word == "tr" and masked[m.end() : m.end() + 1].isdigit() else 1
    if gap and masked[m.end() : m.end() + 1] != " ":
        return None
    t = _TAIL.match(masked, m.end() + gap)
    if t is None:
        return None
    scale, digits = _VI_SCALES[scale_word], t.group("t")
    priced = t.group("cur") is not None
    lower = _TAIL_SCALE.get(t.group("tsw") or "")
    if lower is not None:
        return (int(digits) * lower, t.end(), priced) if lower < scale else None
    if len(digits) == 2:
        return None
    return int(digits.ljust(3, "0")) * scale / 1000, t.end(), priced


# A fraction of the current level as a change: "cut CAC by a third", "giảm một phần ba".
_FRACTION = Lazy(
    r"(?<![\w])(?:by\s+)?(?:(?P<two>two)\s+thirds|(?:a|one)\s+third|(?:mot\s+)?phan\s+ba)(?![\w])"
)


_MULT = compile_pattern(
    r"(?<![\w])(?:gap\s+(?P<g>doi|ruoi|\d+(?:[.,]\d+)?|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
    r"(?:\s+lan(?![\w]))?"
    r"|nhan\s+(?P<nh>doi|ba|bon)(?:\s+lan)?(?![\w])"
    r"|[x×]\s?(?P<x>\d+(?:[.,]\d+)?)(?![\w])"
    r"|(?P<x2>\d+(?:[.,]\d+)?)\s?[x×](?![\w])"
    r"|(?P<en>doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)"
    r"|halv(?:e|es|ed|ing)|in half|by half|(?:mot\s+)?nua(?![\w])))"
)
# Substrings without which the multiplier and amount patterns cannot match (a cheap skip).
_MULT_GATE = ("gap", "nhan", "x", "×", "doubl", "tripl", "quadrupl", "halv", "half", "nua")
_DIGIT = compile_pattern(r"\d")
_VI_WORD_NUM = {"gap": 0.0, "doi": 2.0, "ruoi": 1.5, "hai": 2.0, "ba": 3.0, "bon": 4.0}
_VI_WORD_NUM.update({"nam": 5.0, "sau": 6.0, "bay": 7.0, "tam": 8.0, "chin": 9.0, "muoi": 10.0})
_EN_MULT = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_EN_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_EN_NUM = {w: float(i + 2) for i, w in enumerate(_EN_WORDS)}
_EN_NUM.update({"zero": 0.0, "once": 1.0, "twice": 2.0})  # "zero Sev-1 incidents", "once a week"
# "a dozen", "half a dozen", "half a million": counts said in words.
_DOZEN = Lazy(r"(?<![\w])(?:(?P<half>half\s+)?a\s+(?P<w>dozen|million|billion))(?![\w])")
# "within an hour", "under a minute": a duration of one unit, the level of a service.
_ONE_UNIT = Lazy(
    r"(?:(?<=within )|(?<=under )|(?<= than ))(?:an?|one)(?=\s+(?:hour|minute|second|day|week"
    r"|business\s+day|working\s+day)(?![\w]))"
)
_DOZEN_VALUE = {"dozen": 12.0, "million": 1e6, "billion": 1e9}
# Counted on the NFC text, so "hại" and "bà" are not numbers; "năm", "sáu", "bảy" are
# left out because "năm" is also "year" and plain "sau"/"bay" are "after"/"fly".
_VI_NUM = {"hai": 2.0, "ba": 3.0, "bốn": 4.0, "sáu": 6.0, "bảy": 7.0, "tám": 8.0, "chín": 9.0}
_VI_NUM["mười"] = 10.0
_WORDNUM = compile_pattern(
    r"(?<![\w])(?P<w>" + "|".join(_EN_WORDS) + r"|zero|once|twice|hai|ba|bon|sau|bay|tam|chin|muoi)"
    r"\s+(?=[a-z])"
)
# Words that make a plain "hai" another word (hài lòng, hải quan, hải sản, Hải Phòng …).
_NOT_TWO = Lazy(r"\s+(?:long|quan|san|ngoai|huoc|phong|duong|dang|ly)(?![\w])")
_WORDNUM_SET = frozenset(
    [*_EN_WORDS, "zero", "once", "twice", "hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi"]
)


@record
class Quantity:
    """A quantity found in folded text, before it becomes a model Amount."""

    start: int
    end: int
    value: float
    percent: bool = False
    points: bool = False
    factor: bool = False
    unit: str | None = None
    scale: float = 1.0  # the scale word it was written with: 1e9 for "140 tỷ"


def parse_numeral(s: str) -> float:
    """Read one numeral: a group of exactly three digits after one separator is thousands."""
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        if s.count(dec) > 1:  # "0,0.0.0": no reading makes sense; every mark groups digits
            return float(s.replace(".", "").replace(",", ""))
        return float(s.replace(grp, "").replace(dec, "."))
    for sep in ".,":
        n = s.count(sep)
        if n == 0:
            continue
        parts = s.split(sep)
        if n > 1:
            return float("".join(parts))
        head, tail = parts
        if len(tail) == 3 and head != "0":
            return float(head + tail)
        return float(head + "." + tail)
    return float(s)


def _currency(m: re.Match[str]) -> str | None:
    raw = (m.group("cur") or m.group("cur2") or m.group("d") or "").strip()
    if not raw:
        return None
    return "VND" if raw in ("dong", "vnd", "d") else "USD"


def find_quantities(f: Folded, masked: str) -> list[Quantity]:
    """Find every quantity in ``masked`` (the folded text with dates blanked out)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    mults = _MULT.finditer(masked) if any(g in masked for g in _MULT_GATE) else ()
    for m in mults:
        if not f.plain(m.start(), m.end()):
            continue
        value = _mult_value(m)
        if value is None:
            continue
        found.append(Quantity(m.start(), m.end(), value, factor=True, unit="x"))
        taken.append((m.start(), m.end()))
    amounts = _AMOUNT.finditer(masked) if _DIGIT.search(masked) else ()
    for m in amounts:
        if _overlaps(taken, m.start(), m.end()):
            continue
        if (m.group("sw") or m.group("cur2")) and not f.plain(m.start(), m.end()):
            continue
        value = parse_numeral(m.group("num"))
        scale = m.group("sw") or m.group("sl")
        if scale:
            value *= _SCALE_WORD[scale]
        end = m.end()
        unit = _currency(m)
        tail = _tail(masked, m)
        if tail is not None:
            value, end = value + tail[0], tail[1]
            unit = "VND" if tail[2] else unit
        if m.group("sign") == "-":
            value = -value
        points = bool(m.group("pts") or m.group("pp"))
        found.append(
            Quantity(
                m.start(),
                end,
                value,
                percent=bool(m.group("pct")),
                points=points,
                unit="pp" if points else unit,
                scale=_SCALE_WORD[scale] if scale else 1.0,
            )
        )
        taken.append((m.start(), end))
    for q in _said_in_words(masked):
        if not _overlaps(taken, q.start, q.end):
            found.append(q)
            taken.append((q.start, q.end))
    words = _WORDNUM.finditer(masked) if _WORDNUM_SET.intersection(masked.split()) else ()
    for m in words:
        s, e = m.start("w"), m.end("w")
        if _overlaps(taken, s, e):
            continue
        w = m.group("w")
        if w in _EN_NUM:
            found.append(Quantity(s, e, _EN_NUM[w]))
            continue
        orig = unicodedata.normalize("NFC", f.source(s, e)).lower()
        if orig == "hai" and _NOT_TWO.match(masked, e):
            continue  # typed without diacritics: "hai long" is hài lòng, "hai san" hải sản
        if orig in _VI_NUM or (orig == w and w in ("hai", "ba", "bon", "chin", "muoi")):
            found.append(Quantity(s, e, _VI_NUM.get(orig, _VI_WORD_NUM.get(w, 0.0))))
    found.sort(key=lambda q: q.start)
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    for a, b in taken:  # noqa: SIM110 -- a loop builds no generator; runs for every quantity
        if a < end and start < b:
            return True
    return False


def _said_in_words(masked: str) -> list[Quantity]:
    """Return amounts said in words: "a dozen", "half a million" (counts) and "a third",
    "two thirds" (percent changes of the current level)."""
    found: list[Quantity] = []
    if "dozen" in masked or "half a" in masked:
        for m in _DOZEN.finditer(masked):
            value = _DOZEN_VALUE[m.group("w")] * (0.5 if m.group("half") else 1.0)
            found.append(Quantity(m.start(), m.end(), value))
    if "third" in masked or "phan ba" in masked:
        for m in _FRACTION.finditer(masked):
            share = (200 if m.group("two") else 100) / 3
            found.append(Quantity(m.start(), m.end(), share, percent=True))
    if "within a" in masked or "under a" in masked or "than a" in masked:
        for m in _ONE_UNIT.finditer(masked):  # "within an hour": one of the unit
            found.append(Quantity(m.start(), m.end(), 1.0))
    return found


def _mult_value(m: re.Match[str]) -> float | None:
    g = m.group("g") or m.group("nh")
    if g is not None:
        return _VI_WORD_NUM.get(g) or parse_numeral(g)
    x = m.group("x") or m.group("x2")
    if x is not None:
        return parse_numeral(x)
    en = m.group("en")
    if en.endswith("nua") or "half" in en:
        return 0.5
    for stem, v in _EN_MULT.items():
        if en.startswith(stem):
            return v
    return None


def read_number(raw: str) -> float | None:
    """Read one number as written in a field, scaled; None when it is not a single number.

    It needs only the folded text and the quantity finder, so the parser reads history
    values with it without loading the sentence reader.
    """
    f = fold(raw.strip())
    qs = find_quantities(f, f.low)
    if len(qs) != 1 or qs[0].factor:
        return None
    q = qs[0]
    rest = (f.low[: q.start] + f.low[q.end :]).strip(" +")
    return q.value if not rest else None
