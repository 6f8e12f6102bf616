"""Normalise a text for matching: NFC, lower case, Vietnamese diacritics folded, đ -> d.

Keyword patterns run against the folded copy, so "tang 10% trong quy 3" reads like "tăng 10%
trong quý 3".  Offsets of the folded copy map back to the NFC form of the input through
:meth:`Folded.orig`; every :class:`~smartlint.model.Snip` refers to the NFC string (an NFD
input is composed first, so its offsets differ from the raw input's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Goals are one sentence; the first MAX_CHARS characters are analysed so that a hostile
# one-megabyte title costs the same as a long sentence.
MAX_CHARS = 2000


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for cp in range(0xC0, 0x1F00):
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1:
            continue
        parts = unicodedata.normalize("NFD", low)
        base = parts[0]
        if base.isascii() and base.isalpha() and all(unicodedata.combining(p) for p in parts[1:]):
            table[cp] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_TABLE = _build_table()
_COMBINING = re.compile(r"[\u0300-\u036f]")

# A folded word and the spellings it may come from: the plain spelling (text typed without
# diacritics) or the right Vietnamese one.  "tinh năng" must not read as "nâng", "đặt" not as
# "đạt", "hại" not as "hai".
_ALLOWED: dict[str, frozenset[str]] = {
    k: frozenset([*v.split(), k])
    for k, v in {
        "tang": "tăng",
        "nang": "nâng",
        "giam": "giảm",
        "dat": "đạt",
        "ha": "hạ",
        "cat": "cắt",
        "thang": "tháng",
        "nam": "năm",
        "quy": "quý",
        "tuan": "tuần",
        "ngay": "ngày",
        "tu": "từ",
        "len": "lên",
        "xuong": "xuống",
        "den": "đến",
        "toi": "tới",
        "them": "thêm",
        "con": "còn",
        "truoc": "trước",
        "nay": "này",
        "cuoi": "cuối",
        "vao": "vào",
        "dang": "đăng",
        "ky": "ký kí",
        "tuyen": "tuyển",
        "moi": "mỗi mới",
        "hang": "hàng hằng",
        "doi": "đôi",
        "gap": "gấp",
        "lan": "lần",
        "nua": "nửa",
        "mot": "một",
        "ty": "tỷ tỉ",
        "ti": "tỉ tỷ",
        "trieu": "triệu",
        "dong": "đồng",
        "mo": "mở",
        "dau": "đầu",
        "sau": "sau",
        "ngoai": "ngoái",
        "ba": "ba",
        "hai": "hai",
        "bon": "bốn",
        "chin": "chín",
        "muoi": "mười",
        "voi": "với",
        "so": "so",
        "viet": "viết",
    }.items()
}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Folded:
    """The NFC text (cut to MAX_CHARS) and its folded copy with the offset map between them."""

    nfc: str
    low: str
    _map: tuple[int, ...] | None = None

    def orig(self, i: int) -> int:
        """Return the NFC offset of folded offset ``i``."""
        if self._map is None:
            return i
        return self._map[min(i, len(self._map) - 1)]

    def plain(self, start: int, end: int) -> bool:
        """Tell whether the words at folded ``start:end`` are spelt as the keywords they fold to."""
        seg = self.nfc[self.orig(start) : self.orig(end)].lower()
        for w in _WORD.findall(seg):
            allowed = _ALLOWED.get(w.translate(_TABLE))
            if allowed is not None and w not in allowed:
                return False
        return True


def fold(text: str) -> Folded:
    """Return the NFC form of ``text`` (first MAX_CHARS characters) with its folded copy."""
    nfc = unicodedata.normalize("NFC", text[: MAX_CHARS * 2])[:MAX_CHARS]
    low = nfc.translate(_TABLE)
    if not _COMBINING.search(low):
        return Folded(nfc, low)
    # Marks NFC could not compose: drop them and remember where each kept character came from.
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(low):
        if not unicodedata.combining(ch):
            chars.append(ch)
            where.append(i)
    where.append(len(nfc))
    return Folded(nfc, "".join(chars), tuple(where))
