"""Normalise a text for matching: NFC, lower case, Vietnamese diacritics folded, đ -> d.

Keyword patterns run against the folded copy, so "tang 10% trong quy 3" reads like "tăng 10%
trong quý 3".  Offsets of the folded copy map back to the text as given through
:meth:`Folded.orig`, so every :class:`~smartlint.model.Snip` points into the caller's own
string, whether it came in NFC or NFD.
"""

from __future__ import annotations

import unicodedata

from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

# Goals are one sentence; the first MAX_CHARS characters are analysed so that a hostile
# one-megabyte title costs the same as a long sentence.
MAX_CHARS = 2000


# The Latin blocks whose letters fold to a plain ASCII letter: Latin-1 Supplement and
# Extended-A/B (0xC0-0x24F) and Latin Extended Additional (0x1E00-0x1EFF, which holds
# Vietnamese's stacked diacritics).  The blocks between fold nothing (a test checks).
FOLDED_BLOCKS = (range(0xC0, 0x250), range(0x1E00, 0x1F00))


def _build_table(blocks: tuple[range, ...] = FOLDED_BLOCKS) -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for cp in (cp for block in blocks for cp in block):
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
_COMBINING = compile_pattern(r"[\u0300-\u036f]")

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
        "dong": "đồng động",
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
        "ban": "bán",  # not "bạn" (you) or "bàn" (table)
        "chot": "chốt",
        "duoc": "được",
        "nhan": "nhân",  # "nhân đôi" (double), not "nhận" (receive) or "nhắn"
        "keo": "kéo",  # "kéo lên" (pull up), not "kẹo" (candy) or "keo" (glue)
        "dua": "đưa",  # "đưa lên" (bring up), not "dựa" (rely on) or "đùa"
        "co": "có",  # "có 300 khách hàng" (have), not "cô" or "cỡ"
        "giu": "giữ",  # "giữ vững" (hold)
        "day": "đẩy",  # "đẩy doanh thu lên", "đẩy mạnh"; not "dạy", "đầy", "dây"
        "chay": "chạy",  # "chạy 12 chiến dịch"; not "cháy", "chảy"
        "do": "đô",  # "1 tỷ đô" (dollars); not "độ" (degrees) or "đỏ"
        "la": "la là lá",  # "đô la"
    }.items()
}
# Phrases whose words fold to a keyword they are not, spelt as they must be for the whole
# phrase to be its own keyword: "lắp đặt" (install) holds "đặt", not "đạt" (reach).
_PHRASES: dict[str, frozenset[str]] = {"lap dat": frozenset(["lắp đặt"])}
_FOLDED_WORD = Lazy(r"\w+")
_ACCENTED_WORD = compile_pattern(r"\w*[^\W\x00-\x7f]\w*")  # a word with a non-ASCII letter


@record
class Folded:
    """The text as given (cut to MAX_CHARS), its folded copy, and the offset map between them."""

    src: str
    low: str
    _map: tuple[int, ...] | None = None
    ascii: bool = False  # the whole text is ASCII: every keyword is spelt plainly

    def orig(self, i: int) -> int:
        """Return the offset in ``src`` of folded offset ``i``."""
        if self._map is None:
            return i
        return self._map[min(i, len(self._map) - 1)]

    def source(self, start: int, end: int) -> str:
        """Return the original characters behind folded ``start:end``."""
        return self.src[self.orig(start) : self.orig(end)]

    def plain(self, start: int, end: int) -> bool:
        """Tell whether the words at folded ``start:end`` are spelt as the keywords they fold to
        ("tính năng" holds "nang" spelt "năng", not the verb "nâng")."""
        if self.ascii:
            return True
        seg = self.src[self.orig(start) : self.orig(end)]
        if seg.isascii():
            return True  # typed without diacritics: the plain spelling of any keyword
        phrase = _PHRASES.get(self.low[start:end])
        if phrase is not None and unicodedata.normalize("NFC", seg).lower() in phrase:
            return True
        if self._map is None:  # NFC text: one folded character per character
            for m in _ACCENTED_WORD.finditer(seg):
                allowed = _ALLOWED.get(self.low[start + m.start() : start + m.end()])
                if allowed is not None and m.group().lower() not in allowed:
                    return False
            return True
        for word in _FOLDED_WORD.findall(unicodedata.normalize("NFC", seg).lower()):
            allowed = _ALLOWED.get(word.translate(_TABLE))
            if allowed is not None and word not in allowed:
                return False
        return True


def fold(text: str) -> Folded:
    """Return the first MAX_CHARS characters of ``text`` with their folded copy.

    The folded copy is NFC, lower case, without diacritics and with đ -> d; offsets of the
    folded copy map back to ``text`` (NFD input too) through :meth:`Folded.orig`.
    """
    src = text[:MAX_CHARS]
    if unicodedata.is_normalized("NFC", src):
        low = src.translate(_TABLE)
        if not _COMBINING.search(low):
            if src.isascii():
                return Folded(src, low, None, True)
            return Folded(src, low)
        pieces = [(i, ch) for i, ch in enumerate(low)]
    else:
        # Compose each starter with its marks on its own, so that every folded character
        # still knows which original characters it came from.
        pieces = []
        seg = 0
        for i in range(1, len(src) + 1):
            if i == len(src) or not unicodedata.combining(src[i]):
                for ch in unicodedata.normalize("NFC", src[seg:i]).translate(_TABLE):
                    pieces.append((seg, ch))
                seg = i
    kept = [(i, ch) for i, ch in pieces if not unicodedata.combining(ch)]
    where = [i for i, _ in kept]
    where.append(len(src))
    low = "".join(ch for _, ch in kept)
    return Folded(src, low, tuple(where))
