"""History in its three forms: period + values, date -> value, and a CSV file next to the goal."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from smartlint.model import History, ParsedFile, Period, Span
from smartlint.parser import parse_text


def parse(source: str, base_dir: Path | None = None) -> ParsedFile:
    """Parse a goal file held in a string."""
    return parse_text(source, "goals.yaml", base_dir=base_dir)


def history_of(source: str, base_dir: Path | None = None) -> tuple[History | None, list[str]]:
    """Return the one goal's history and the problem codes."""
    parsed = parse(source, base_dir)
    return parsed.goals[0].history, [p.code for p in parsed.problems]


# --------------------------------------------------------------------------- inline forms

INLINE = [
    # (history source, period, values, dates)
    ("{period: month, values: [10100, 10600, 12.000]}", Period.MONTH, [10100, 10600, 12000], []),
    ("{period: weekly, values: [1, 0, 2]}", Period.WEEK, [1, 0, 2], []),
    ("{2027-01: 100, 2027-02: 110}", Period.MONTH, [100, 110], ["2027-01-31", "2027-02-28"]),
    ("{2027-Q1: 5, 2027-Q2: 6}", Period.QUARTER, [5, 6], ["2027-03-31", "2027-06-30"]),
    ("{2025: 5, 2026: 6}", Period.YEAR, [5, 6], ["2025-12-31", "2026-12-31"]),
    ("{2027-01-05: 1, 2027-01-06: 2}", Period.DAY, [1, 2], ["2027-01-05", "2027-01-06"]),
    ("{2027-01-04: 1, 2027-01-18: 2}", Period.WEEK, [1, 2], ["2027-01-04", "2027-01-18"]),
    ("{2027-01-31: 1, 2027-02-28: 2}", Period.MONTH, [1, 2], ["2027-01-31", "2027-02-28"]),
    ("{2027-01: 1, 2027-04: 2}", Period.MONTH, [1, 2], ["2027-01-31", "2027-04-30"]),  # gap
    ("{9999-12: 1}", Period.MONTH, [1], ["9999-12-31"]),
]


@pytest.mark.parametrize(("source", "period", "values", "dates"), INLINE)
def test_inline_history(source: str, period: Period, values: list[float], dates: list[str]) -> None:
    history, problems = history_of(f"- title: x\n  history: {source}\n")
    assert problems == []
    assert history is not None and history.period is period
    assert [p.value for p in history.points] == values
    if dates:
        assert [p.when.isoformat() for p in history.points if p.when] == dates


def test_dated_history_block_spans() -> None:
    history, _ = history_of("- title: x\n  history:\n    2027-01: 100\n    2027-02: 1.050\n")
    assert history is not None
    assert history.span == Span(3, 5, 4, 19)
    assert history.points[1].span == Span(4, 14, 4, 19)
    assert history.points[1].value == 1050


def test_unsorted_dates_are_sorted_with_a_note() -> None:
    history, problems = history_of("- history: {2027-03: 3, 2027-01: 1, 2027-02: 2}\n")
    assert problems == ["F018"]
    assert history is not None and [p.value for p in history.points] == [1, 2, 3]


BAD_INLINE = [
    # (history source, codes, still a history)
    ("[1, 2, 3]", ["F015"], False),
    ("{period: month, values: []}", ["F015"], False),
    ("{}", ["F015"], False),
    ("{values: [1, 2]}", ["F015"], False),
    ("{period: fortnight, values: [1]}", ["F015"], False),
    ("{period: month, values: 5}", ["F015"], False),
    ("{period: month, values: [1, abc, 3]}", ["F016"], True),
    ("{period: month, values: [.nan, 2]}", ["F016"], True),
    ("{period: month, values: [.inf, 2]}", ["F016"], True),
    ("{period: month, values: [1e400, 2]}", ["F016"], True),
    ("{period: month, values: [[1], 2]}", ["F016"], True),
    ("{period: month, values: [-5, 0, 2]}", ["F019"], True),  # kept; the rules decide
    ("{period: month, values: [1], every: 2}", ["F003"], True),
    ("{2027-02-30: 1, 2027-03-01: 2}", ["F017"], True),
    ("{2027-13: 1}", ["F017"], False),
    ("{2027-Q5: 1}", ["F017"], False),
    ("{january: 1}", ["F017"], False),
    ("{2027-01: 1, 2027-Q1: 2}", ["F015"], False),
    ("42", ["F004"], False),
]


@pytest.mark.parametrize(("source", "expected", "kept"), BAD_INLINE)
def test_bad_inline_history(source: str, expected: list[str], kept: bool) -> None:
    history, problems = history_of(f"- title: x\n  history: {source}\n")
    assert problems == expected
    assert (history is not None) is kept


def test_zero_and_negative_values_are_kept() -> None:
    history, _ = history_of("- history: {period: month, values: [-5, 0, 2]}\n")
    assert history is not None and [p.value for p in history.points] == [-5, 0, 2]


def test_bad_value_points_at_the_value() -> None:
    parsed = parse("- title: x\n  history: {period: month, values: [1, abc]}\n")
    problem = parsed.problems[0]
    assert problem.span == Span(2, 40, 2, 43) and "'abc'" in problem.message
    assert problem.goal_index == 0 and problem.field == "history"


# --------------------------------------------------------------------------- CSV files

CSV = [
    # (file text, period, values, last date)
    ("date,value\n2027-01,100\n2027-02,110\n", Period.MONTH, [100, 110], "2027-02-28"),
    ("2027-01;100\n2027-02;110\n", Period.MONTH, [100, 110], "2027-02-28"),  # no header
    ("ngày;giá trị\n31/01/2027;1.234,5\n28/02/2027;1.300\n", Period.MONTH, [1234.5, 1300], None),
    ('date,value\n2027-01,"1,234.5"\n2027-02,12.000\n', Period.MONTH, [1234.5, 12000], None),
    ("value,date\n5,2027-Q1\n6,2027-Q2\n", Period.QUARTER, [5, 6], "2027-06-30"),
    ("date;value\n01/01/2027;1\n08/01/2027;2\n22/01/2027;3\n", Period.WEEK, [1, 2, 3], None),
    ("\ufeffdate,value\r\n2027-01,1\r\n\r\n2027-03,3\r\n", Period.MONTH, [1, 3], "2027-03-31"),
    ("date,value\n# a comment\n2027-01,1\n", Period.MONTH, [1], None),
]


@pytest.mark.parametrize(("content", "period", "values", "last"), CSV)
def test_csv_history(
    tmp_path: Path, content: str, period: Period, values: list[float], last: str | None
) -> None:
    (tmp_path / "traffic.csv").write_text(content, encoding="utf-8", newline="")
    history, problems = history_of("- title: x\n  history: traffic.csv\n", tmp_path)
    assert problems == []
    assert history is not None and history.source == "traffic.csv"
    assert history.period is period and [p.value for p in history.points] == values
    if last:
        assert history.points[-1].when == date.fromisoformat(last)


def test_csv_unsorted_rows_are_sorted_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("date,value\n2027-02,2\n2027-01,1\n", encoding="utf-8")
    history, problems = history_of("- history: h.csv\n", tmp_path)
    assert problems == ["F018"]
    assert history is not None and [p.value for p in history.points] == [1, 2]


BAD_CSV = [
    # (file text, code, text in the message)
    ("date,value\n2027-01,100\n2027-02,abc\n", "F016", "line 3 of h.csv"),
    ("date,value\n2027-01,100\n2027-02-30,5\n", "F017", "line 3 of h.csv"),
    ("date,value\n2027-01\n", "F015", "line 2 of h.csv"),
    ("date,value\n2027-01,1\n2027-01,2\n", "F015", "twice"),
    ("date,value\n", "F015", "no rows"),
    ("", "F015", "no rows"),
    ("date,value\n2027-01,-3\n", "F019", "line 2 of h.csv"),
]


@pytest.mark.parametrize(("content", "code", "words"), BAD_CSV)
def test_bad_csv_rows_name_their_line(tmp_path: Path, content: str, code: str, words: str) -> None:
    (tmp_path / "h.csv").write_text(content, encoding="utf-8")
    parsed = parse("- title: x\n  history: h.csv\n", tmp_path)
    problem = next(p for p in parsed.problems if p.code == code)
    assert words in problem.message
    assert problem.span == Span(2, 12, 2, 17)  # the history: field's value


def test_missing_csv_file(tmp_path: Path) -> None:
    parsed = parse("- history: nope.csv\n", tmp_path)
    assert [p.code for p in parsed.problems] == ["F015"]
    assert "nope.csv" in parsed.problems[0].message


def test_binary_csv_file(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_bytes(b"\x00\x01\x02\x03" * 10)
    assert [p.code for p in parse("- history: h.csv\n", tmp_path).problems] == ["F015"]


def test_csv_from_stdin_cannot_be_read() -> None:
    parsed = parse("- history: traffic.csv\n", None)
    assert [p.code for p in parsed.problems] == ["F015"]
    assert "standard input" in parsed.problems[0].message


def test_bad_rows_are_capped_so_a_wrong_file_does_not_flood_the_report(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("date,value\n" + "x,y\n" * 50, encoding="utf-8")
    parsed = parse("- history: h.csv\n", tmp_path)
    assert len(parsed.problems) == 6
    assert "45 more bad row(s)" in parsed.problems[-1].message


@pytest.mark.parametrize("name", ["notes.txt", "../../etc/passwd", "tăng 5% mỗi tháng"])
def test_only_csv_names_are_read(tmp_path: Path, name: str) -> None:
    parsed = parse(f"- history: {name}\n", tmp_path)
    assert [p.code for p in parsed.problems] == ["F015"]
    assert "neither a list of values nor a .csv file name" in parsed.problems[0].message


@pytest.mark.parametrize("name", ["sub.csv", '"h\\0.csv"'])
def test_directories_and_bad_names_are_not_files(tmp_path: Path, name: str) -> None:
    (tmp_path / "sub.csv").mkdir()
    parsed = parse(f"- history: {name}\n", tmp_path)
    assert [p.code for p in parsed.problems] == ["F015"]
    assert "cannot be read" in parsed.problems[0].message


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.csv")
    parsed = parse("- history: pipe.csv\n", tmp_path)  # would block forever if opened
    assert "not a regular file" in parsed.problems[0].message
