"""Folding: NFC, lower case, diacritics and đ removed, offsets mapped back to the NFC text."""

from __future__ import annotations

import unicodedata

import pytest

from smartlint.extract.text import _TABLE, MAX_CHARS, _build_table, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tăng doanh thu", "tang doanh thu"),
        ("ĐẠT 10.000 lượt tải", "dat 10.000 luot tai"),
        ("Quý III năm 2027", "quy iii nam 2027"),
        ("Increase REVENUE", "increase revenue"),
        ("Nửa cuối năm", "nua cuoi nam"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    f = fold(text)
    assert f.low == folded
    assert len(f.low) == len(f.src)


def test_nfd_folds_like_nfc_and_maps_back_to_itself() -> None:
    nfd = unicodedata.normalize("NFD", "Tăng lên 15%")
    f = fold(nfd)
    assert f.low == "tang len 15%"
    assert f.source(0, 4) == nfd[:5]  # "Tăng" is five characters in NFD
    assert f.source(9, 12) == "15%"


def test_stray_marks_are_dropped_and_offsets_map_back() -> None:
    text = "x\u0301\u0302 tăng"  # two marks NFC cannot compose onto "x"
    f = fold(text)
    assert f.low == "x tang"
    i = f.low.index("tang")
    assert f.source(i, i + 4) == "tăng"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("tăng", True),
        ("tang", True),
        ("tầng", False),
        ("nâng", True),
        ("năng", False),
        ("đặt", False),  # "đặt" (set) is not "đạt" (reach) …
        ("lắp đặt", True),  # … but the phrase "lắp đặt" (install) is a keyword of its own
        ("Lắp đặt", True),
        ("lap dat", True),
        ("lắp đạt", True),  # a slip of the accent on the verb itself still reads
    ],
)
def test_plain_rejects_other_words_with_the_same_letters(text: str, ok: bool) -> None:
    f = fold(text)
    assert f.plain(0, len(f.low)) is ok


def test_only_the_first_characters_are_read() -> None:
    assert len(fold("a" * (MAX_CHARS * 10)).src) == MAX_CHARS


def test_folding_table_misses_no_letter_outside_the_latin_blocks() -> None:
    """The table is built from two Latin blocks at import; every other letter up to the
    Greek block (IPA, Cyrillic, Devanagari, ...) would fold to nothing anyway."""
    assert _build_table((range(0xC0, 0x1F00),)) == _TABLE
    assert fold("Đạt ĐƯỢC Ưu Tiên").low == "dat duoc uu tien"
