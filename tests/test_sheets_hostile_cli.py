"""Hostile spreadsheets through the real command line, each beside a good goal file.

Every case checks what tests/test_hostile_cli.py checks for YAML: one-line stderr and no
traceback, bounded time and memory, the input untouched, the good file still linted, and
a finding with a position (or the documented exit status) for the hostile file.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import run_cli_in_process
from test_hostile_cli import (
    GOOD,
    assert_good_still_linted,
    findings_of,
    fingerprint,
    lint_with_good,
)

from smartlint.parser import sheet_table
from smartlint.parser.sheet_table import MAX_ROWS

GOAL_ROW = ["Tăng doanh thu online từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027", "Sales"]


def _workbook(rows: list[list[Any]], merge: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _codes(report: dict[str, Any], path: str) -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in findings_of(report, path)]


def test_an_encrypted_workbook_is_refused_with_one_finding(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    run, _ = lint_with_good(tmp_path, "plan.xlsx", ole)
    assert run.status == 1
    report = run.report()
    assert _codes(report, "plan.xlsx") == [("F026", 1, 1)]
    assert "encrypted" in findings_of(report, "plan.xlsx")[0]["message"]
    assert_good_still_linted(report)


def test_a_text_file_named_xlsx_is_not_a_workbook(tmp_path: Path) -> None:
    run, _ = lint_with_good(tmp_path, "plan.xlsx", b"title,target\nTang doanh thu,10\n")
    report = run.report()
    assert _codes(report, "plan.xlsx") == [("F026", 1, 1)]
    assert "not a zip archive" in findings_of(report, "plan.xlsx")[0]["message"]
    assert_good_still_linted(report)


def test_a_zip_without_a_workbook_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    run, _ = lint_with_good(tmp_path, "plan.xlsx", buffer.getvalue())
    report = run.report()
    assert _codes(report, "plan.xlsx") == [("F026", 1, 1)]
    assert "xl/workbook.xml" in findings_of(report, "plan.xlsx")[0]["message"]
    assert_good_still_linted(report)


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating(tmp_path: Path) -> None:
    good = _workbook([["Mục tiêu", "Phụ trách"], GOAL_ROW])
    buffer = io.BytesIO(good)
    archive = zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED)
    with archive, archive.open("xl/media/padding.bin", "w") as member:
        chunk = b"\x00" * 1_000_000  # streamed, so the test process stays small too
        for _ in range(150):
            member.write(chunk)
    assert len(buffer.getvalue()) < 1_000_000
    run, _ = lint_with_good(tmp_path, "plan.xlsx", buffer.getvalue())
    report = run.report()
    assert _codes(report, "plan.xlsx") == [("F024", 1, 1)]
    assert "unpacks to 150 MB" in findings_of(report, "plan.xlsx")[0]["message"]
    assert run.peak_mb < 200
    assert_good_still_linted(report)


def test_a_damaged_sheet_inside_a_workbook_is_a_finding(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(_workbook([["Mục tiêu"], [GOAL_ROW[0]]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            archive.writestr(info, data)
    run, _ = lint_with_good(tmp_path, "plan.xlsx", buffer.getvalue())
    report = run.report()
    codes = [code for code, _, _ in _codes(report, "plan.xlsx")]
    assert codes and set(codes) <= {"F026", "F007"}, codes
    assert_good_still_linted(report)


def test_a_huge_csv_is_read_up_to_the_cap_and_says_so(tmp_path: Path) -> None:
    rows = "".join(
        f"Tăng doanh số cửa hàng {i} từ 100 lên 110 trước 31/12/2027\n" for i in range(12_000)
    )
    run, _ = lint_with_good(tmp_path, "plan.csv", ("Mục tiêu\n" + rows).encode())
    report = run.report()
    capped = [f for f in findings_of(report, "plan.csv") if f["code"] == "F024"]
    assert len(capped) == 1 and capped[0]["line"] == MAX_ROWS + 2
    assert sum(1 for g in report["goals"] if g["path"] == "plan.csv") == MAX_ROWS
    assert_good_still_linted(report)


def test_merged_cells_are_named_with_their_range(tmp_path: Path) -> None:
    rows = [
        ["Mục tiêu", "Phụ trách"],
        GOAL_ROW,
        ["Tăng số đơn hàng từ 100 lên 120 trước 31/12/2027"],
    ]
    run, _ = lint_with_good(tmp_path, "plan.xlsx", _workbook(rows, merge="B2:B3"))
    report = run.report()
    merged = [f for f in findings_of(report, "plan.xlsx") if f["code"] == "F027"]
    assert [(f["line"], f["column"], f["end_line"]) for f in merged] == [(2, 2, 3)]
    assert merged[0]["message"].startswith("[Sheet] Các ô B2:B3 được gộp")
    assert_good_still_linted(report)


def test_a_formula_saved_without_its_value_is_a_finding_at_its_cell(tmp_path: Path) -> None:
    rows = [["Mục tiêu", "Hiện tại", "Chỉ tiêu"], [GOAL_ROW[0], 1000, "=B2*1.2"]]
    run, _ = lint_with_good(tmp_path, "plan.xlsx", _workbook(rows))
    report = run.report()
    assert ("F025", 2, 3) in _codes(report, "plan.xlsx")
    assert_good_still_linted(report)


def test_empty_header_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    data = ";;\n\nKế hoạch 2027;;\nMục tiêu;Chỉ tiêu;Thời hạn\n" + f"{GOAL_ROW[0]};;\n"
    run, _ = lint_with_good(tmp_path, "plan.csv", data.encode())
    report = run.report()
    goals = [g for g in report["goals"] if g["path"] == "plan.csv"]
    assert [(g["line"], g["column"]) for g in goals] == [(5, 1)]
    assert_good_still_linted(report)


def test_a_sheet_without_a_title_column_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    run, _ = lint_with_good(tmp_path, "plan.csv", b"\n\nfoo;bar\n1;2\n")
    report = run.report()
    assert _codes(report, "plan.csv") == [("F007", 1, 1)]
    assert_good_still_linted(report)


def test_an_empty_workbook_sheet_and_an_empty_csv(tmp_path: Path) -> None:
    run, _ = lint_with_good(tmp_path, "plan.xlsx", _workbook([]))
    assert [c for c, _, _ in _codes(run.report(), "plan.xlsx")] == ["F007"]
    run, _ = lint_with_good(tmp_path, "plan.csv", b"")
    assert [c for c, _, _ in _codes(run.report(), "plan.csv")] == ["F005"]


def test_an_endless_quoted_field_is_a_finding(tmp_path: Path) -> None:
    data = 'Mục tiêu;Chỉ tiêu\n"Tăng doanh thu' + "x" * 200_000 + "\n"
    run, _ = lint_with_good(tmp_path, "plan.csv", data.encode())
    report = run.report()
    assert [c for c, _, _ in _codes(report, "plan.csv")] == ["F026"]
    assert_good_still_linted(report)


def test_a_very_wide_row_is_cut_to_the_column_cap(tmp_path: Path) -> None:
    rows = [["Mục tiêu", *[f"c{i}" for i in range(3000)]], [GOAL_ROW[0], *range(3000)]]
    run, _ = lint_with_good(tmp_path, "plan.xlsx", _workbook(rows))
    report = run.report()
    assert [g["line"] for g in report["goals"] if g["path"] == "plan.xlsx"] == [2]
    assert_good_still_linted(report)


def test_a_huge_workbook_sheet_is_streamed_up_to_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook sheet is read up to the row cap, with F024 on the first row not read.

    The cap is lowered here (to 50 rows) and the command line runs in this process: the
    workbook reader stops as it would at 10,000 rows, without linting 10,000 goals.  The
    real cap, through the real entry point, is the huge CSV's test above.
    """
    cap = 50
    monkeypatch.setattr(sheet_table, "MAX_ROWS", cap)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Plan")
    sheet.append(["Mục tiêu", "Chỉ tiêu"])
    for i in range(cap + 2_000):
        sheet.append([f"Tăng doanh số cửa hàng {i} lên 10% trước 31/12/2027", 110])
    buffer = io.BytesIO()
    book.save(buffer)
    (tmp_path / "plan.xlsx").write_bytes(buffer.getvalue())
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    before = fingerprint(tmp_path / "plan.xlsx")
    run = run_cli_in_process(
        "--today", "2027-01-15", "-f", "json", "plan.xlsx", "good.yaml", cwd=tmp_path
    )
    assert fingerprint(tmp_path / "plan.xlsx") == before, "smartlint changed the input file"
    assert all(line.startswith("smartlint: ") for line in run.stderr.splitlines()), run.stderr
    report = json.loads(run.stdout)
    capped = [f for f in findings_of(report, "plan.xlsx") if f["code"] == "F024"]
    assert [(f["line"], f["message"][:7]) for f in capped] == [(cap + 2, "[Plan] ")]
    assert sum(1 for g in report["goals"] if g["path"] == "plan.xlsx") == cap
    assert_good_still_linted(report)
