"""Read the goal sheets of an XLSX workbook: which sheets, their rows, and what the XML shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zipfile import ZipFile

from smartlint.model import FILE_START, Span
from smartlint.parser import codes
from smartlint.parser.report import Sink, said
from smartlint.parser.sheet_table import SheetWalk, cell_span, find_header, prefix, read_sheet
from smartlint.parser.sheet_xlsx import (
    Refused,
    SheetMarks,
    check_archive,
    open_workbook,
    scan_marks,
    sheet_parts,
    sheet_rows,
)
from smartlint.parser.sheets import not_goals


def read_workbook(
    path: Path, walk: SheetWalk, wanted_sheets: tuple[str, ...], walked: bool
) -> bool | None:
    """Read every sheet (or the configured ones); None when a walked file has no goal sheet."""
    try:
        archive = check_archive(path)
    except Refused as refusal:
        if walked:
            return None
        code = codes.SHEET_TOO_LARGE if "unpacks" in str(refusal) else codes.UNREADABLE_WORKBOOK
        Sink(walk.problems).add(code, FILE_START, str(refusal), "Save the goals as an .xlsx file.")
        return True
    with archive:
        parts = sheet_parts(archive)
        try:
            book = open_workbook(path)
        except Exception as error:
            if walked:
                return None
            Sink(walk.problems).add(
                codes.UNREADABLE_WORKBOOK,
                FILE_START,
                said(
                    f"không mở được sổ tính: {_reason(error)}",
                    f"the workbook cannot be opened: {_reason(error)}",
                ),
                said(
                    "Mở và lưu lại nó trong một chương trình bảng tính, hoặc xuất trang ra CSV.",
                    "Open and save it again in a spreadsheet program, or export the sheet as CSV.",
                ),
            )
            return True
        try:
            return _read_sheets(book, archive, parts, walk, wanted_sheets, walked)
        finally:
            book.close()


def _read_sheets(
    book: Any,
    archive: ZipFile,
    parts: dict[str, str],
    walk: SheetWalk,
    wanted_sheets: tuple[str, ...],
    walked: bool,
) -> bool | None:
    names: list[str] = list(getattr(book, "sheetnames", []))
    wanted = list(wanted_sheets) or names
    sink = Sink(walk.problems)
    for name in wanted:
        if name not in names:
            sink.add(
                codes.NOT_A_GOAL_FILE,
                FILE_START,
                said(
                    f"sổ tính không có trang '{name}' (sheets: trong cấu hình); nó có "
                    + ", ".join(f"'{n}'" for n in names),
                    f"the workbook has no sheet '{name}' (sheets: in the configuration); it has "
                    + ", ".join(f"'{n}'" for n in names),
                ),
                said(
                    "Sửa tên trang trong sheets: của cấu hình.",
                    "Fix the sheet's name in the configuration's sheets:.",
                ),
            )
    read_any = False
    for name in (n for n in wanted if n in names):
        sheet = book[name]
        if not hasattr(sheet, "iter_rows"):
            continue  # a chart sheet holds no cells
        try:
            rows = sheet_rows(sheet)
            header = find_header(rows, walk.columns)
            if header is None:
                if wanted_sheets:
                    not_goals(
                        walk,
                        FILE_START,
                        said(f"{prefix(name)}trang", f"{prefix(name)}the sheet"),
                    )
                continue
            read_any = True
            read_sheet(rows, header[0], header[1], walk, name)
            part = parts.get(name)
            if part is not None:
                marks = scan_marks(archive, part, header[0].line)
                _note_marks(marks, walk, name)
        except Exception as error:
            sink.add(
                codes.UNREADABLE_WORKBOOK,
                FILE_START,
                said(
                    f"{prefix(name)}không đọc được trang: {_reason(error)}",
                    f"{prefix(name)}the sheet cannot be read: {_reason(error)}",
                ),
                said(
                    "Mở và lưu lại sổ tính, hoặc xuất trang ra CSV.",
                    "Open and save the workbook again, or export the sheet as CSV.",
                ),
            )
        if walk.capped:
            break
    if not read_any:
        if walked:
            return None
        if not wanted_sheets:
            shown = ", ".join(f"'{n}'" for n in names)
            not_goals(
                walk,
                FILE_START,
                said(f"sổ tính (các trang {shown})", f"the workbook (sheets {shown})"),
            )
    return True


_UNMERGE = said(
    "Bỏ gộp các ô và lặp lại giá trị trên mỗi dòng.",
    "Unmerge the cells and repeat the value on each row.",
)


def _note_marks(marks: SheetMarks, walk: SheetWalk, sheet: str) -> None:
    sink = Sink(walk.problems)
    for ref in marks.formulas:
        sink.add(
            codes.FORMULA_WITHOUT_VALUE,
            _ref_span(ref),
            said(
                f"{prefix(sheet)}ô {ref} chứa công thức được lưu mà không có giá trị; nó được đọc"
                " là trống",
                f"{prefix(sheet)}cell {ref} holds a formula saved without its value; it is read"
                " as empty",
            ),
            said(
                "Mở sổ tính trong một chương trình bảng tính và lưu lại, để công thức giữ giá trị.",
                "Open the workbook in a spreadsheet program and save it, so formulas keep their"
                " values.",
            ),
        )
    if marks.formula_count > len(marks.formulas):
        more = marks.formula_count - len(marks.formulas)
        sink.add(
            codes.FORMULA_WITHOUT_VALUE,
            _ref_span(marks.formulas[-1]),
            said(
                f"{prefix(sheet)}còn {more} ô công thức khác không có giá trị đã lưu",
                f"{prefix(sheet)}{more} more formula cell(s) have no saved value",
            ),
            said(
                "Mở sổ tính trong một chương trình bảng tính và lưu lại.",
                "Open the workbook in a spreadsheet program and save it.",
            ),
        )
    for ref in marks.merges:
        first, _, last = ref.partition(":")
        sink.add(
            codes.MERGED_CELLS,
            _ref_span(first, last),
            said(
                f"{prefix(sheet)}các ô {ref} được gộp: chỉ {first} giữ giá trị, các dòng và cột"
                " khác của vùng được đọc là trống",
                f"{prefix(sheet)}cells {ref} are merged: only {first} holds the value, the other"
                " rows and columns of the range are read as empty",
            ),
            _UNMERGE,
        )
    if marks.merge_count > len(marks.merges):
        sink.add(
            codes.MERGED_CELLS,
            _ref_span(marks.merges[-1].partition(":")[0]),
            said(
                f"{prefix(sheet)}còn {marks.merge_count - len(marks.merges)} vùng gộp khác",
                f"{prefix(sheet)}{marks.merge_count - len(marks.merges)} more merged range(s)",
            ),
            _UNMERGE,
        )


def _ref_span(first: str, last: str | None = None) -> Span:
    """Return the span of an A1 reference or range."""
    line, column = _ref(first)
    if last is None:
        return cell_span(line, column)
    end_line, end_column = _ref(last)
    return Span(line, column + 1, end_line, end_column + 2)


def _ref(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (int(digits) if digits else 1), max(column - 1, 0)


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
