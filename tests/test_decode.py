"""Decoding: every Unicode form a goal file arrives in, legacy Vietnamese, and binaries."""

from __future__ import annotations

import codecs

import pytest

from smartlint.decode import decode_bytes
from smartlint.model import Span
from smartlint.parser import parse_bytes

SOURCE = "goals:\n  - Tăng doanh thu lên 10% trước 31/12/2027\n"

ENCODINGS = [
    ("utf-8", SOURCE.encode()),
    ("utf-8 with BOM", codecs.BOM_UTF8 + SOURCE.encode()),
    ("utf-8 CRLF", SOURCE.replace("\n", "\r\n").encode()),
    ("utf-16 BOM", SOURCE.encode("utf-16")),
    ("utf-16-le BOM", codecs.BOM_UTF16_LE + SOURCE.encode("utf-16-le")),
    ("utf-16-be BOM", codecs.BOM_UTF16_BE + SOURCE.encode("utf-16-be")),
    ("utf-32 BOM", SOURCE.encode("utf-32")),
    ("utf-32-be BOM", codecs.BOM_UTF32_BE + SOURCE.encode("utf-32-be")),
    ("utf-16-le no BOM", SOURCE.encode("utf-16-le")),
    ("utf-16-be no BOM", SOURCE.encode("utf-16-be")),
]


@pytest.mark.parametrize(("name", "data"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_unicode_forms_read_the_same_goal(name: str, data: bytes) -> None:
    parsed = parse_bytes(data, "goals.yaml")
    assert parsed.problems == (), name
    [goal] = parsed.goals
    assert goal.title is not None and goal.title.value == "Tăng doanh thu lên 10% trước 31/12/2027"
    assert goal.span == Span(2, 5, 2, 44)


def test_legacy_windows_vietnamese_is_read_with_a_warning() -> None:
    data = "# ghi chú\ngoals:\n  - Tăng doanh thu lên 10%\n".encode("cp1258")
    parsed = parse_bytes(data, "goals.yaml")
    [problem] = parsed.problems
    assert problem.code == "F008"
    assert "cp1258" in problem.message and "save it as UTF-8" in problem.message
    assert (problem.span.line, problem.span.column) == (1, 9)  # the first non-UTF-8 byte
    [goal] = parsed.goals
    assert goal.title is not None and goal.title.value == "Tăng doanh thu lên 10%"


def test_legacy_combining_tones_are_composed() -> None:
    # cp1258 writes "ố" as "ô" + a combining acute accent (0xEC)
    decoded = decode_bytes(b"- S\xf4\xecng\n")
    assert decoded.text == "- Sống\n"


def test_undecodable_bytes() -> None:
    parsed = parse_bytes(b"- T\x81ng\n", "goals.yaml")
    assert [p.code for p in parsed.problems] == ["F009"] and parsed.goals == ()


BINARIES = [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    bytes(range(1, 32)) * 20,
    b"\x00" * 100,
    b"- a\n\x00- b\n",
]


@pytest.mark.parametrize("data", BINARIES)
def test_binary_files_give_one_problem_and_no_goals(data: bytes) -> None:
    parsed = parse_bytes(data, "goals.yaml")
    assert [p.code for p in parsed.problems] == ["F010"]
    assert "not a text file" in parsed.problems[0].message
    assert parsed.goals == ()


def test_empty_bytes_are_an_empty_file() -> None:
    assert [p.code for p in parse_bytes(b"", "g.yaml").problems] == ["F005"]
