"""Read goal sheets: CSV files and XLSX workbooks, one goal per row.

Public API: :data:`SHEET_SUFFIXES`, :func:`is_sheet`, :class:`SheetOptions`, :func:`parse_sheet`.

A file is a goal sheet when one of its sheets has a header row with a title column
(recognised by name, see :mod:`~smartlint.parser.sheet_columns`, or named by the
configuration's ``columns:``).  A history CSV (``date,value``) has none, so a directory walk
never lints it as goals.  A walked file that is not a goal sheet, or cannot be opened at
all, is skipped without a word (``parse_sheet`` returns None); a file named on the command
line always gets a finding saying why it was not read.  Nothing here raises on bad input.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType

from smartlint.decode import decode_bytes, normalize_newlines
from smartlint.model import FILE_START, ParsedFile, Problem, Span
from smartlint.parser import _DECODE_CODES, MAX_FILE_BYTES, codes
from smartlint.parser.csv_rows import CsvTrouble, csv_rows
from smartlint.parser.report import Said, Sink, said
from smartlint.parser.sheet_limits import XLSX_SUFFIXES
from smartlint.parser.sheet_table import (
    Cell,
    SheetRow,
    SheetWalk,
    find_header,
    read_sheet,
)
from smartlint.records import record

_GOAL_COLUMNS = "title, goal, objective, KR, KPI, mục tiêu"


@record(slots=False)
class SheetOptions:
    """What the configuration says about sheets: header names per role, sheets to read."""

    columns: tuple[tuple[str, str], ...] = ()
    sheets: tuple[str, ...] = ()


@record(slots=False)
class ReadSheet:
    """A goal sheet as read, with a CSV's text as the parser saw it (no BOM, LF line ends).

    ``text`` is what fixes edit; None for a workbook (never written) or an undecodable CSV.
    """

    parsed: ParsedFile
    text: str | None = None


def parse_sheet(
    path: Path,
    display: str,
    *,
    first_index: int,
    options: SheetOptions,
    walked: bool,
    data: bytes | None = None,
) -> ParsedFile | None:
    """Read a goal sheet; None when a ``walked`` file is not one (or cannot be opened).

    ``data`` holds a CSV sheet's bytes when they are not the disk's (an editor's open
    document): the file is then not read.
    """
    read = read_sheet_file(
        path, display, first_index=first_index, options=options, walked=walked, data=data
    )
    return None if read is None else read.parsed


def read_sheet_file(
    path: Path,
    display: str,
    *,
    first_index: int,
    options: SheetOptions,
    walked: bool,
    data: bytes | None = None,
) -> ReadSheet | None:
    """Read a goal sheet as :func:`parse_sheet` does, keeping a CSV's text (one read)."""
    walk = SheetWalk(display, first_index, MappingProxyType(dict(options.columns)))
    try:
        if data is not None:
            size = len(data)
        elif not stat.S_ISREG(path.stat().st_mode):
            raise IsADirectoryError(0, "not a regular file")
        else:
            size = path.stat().st_size
    except OSError as error:
        if walked:
            return None
        return _refused(display, codes.UNREADABLE_WORKBOOK, error.strerror or str(error))
    if size > MAX_FILE_BYTES:
        if walked:
            return None
        return _too_large(display, size)
    text = None
    if path.name.lower().endswith(XLSX_SUFFIXES):
        from smartlint.parser.sheet_book import read_workbook  # keeps zip and XML out of YAML runs

        if read_workbook(path, walk, options.sheets, walked) is None:
            return None
    else:
        found = _read_csv(path.read_bytes() if data is None else data, walk, walked)
        if found is None:
            return None
        text = found.text
    return _read(walk, text)


def _read(walk: SheetWalk, text: str | None) -> ReadSheet:
    """Return what a walk read: its goals, and its problems in the order of the file."""
    problems = sorted(walk.problems, key=lambda p: (p.span.line, p.span.column))
    return ReadSheet(ParsedFile(walk.path, tuple(walk.goals), tuple(problems)), text)


def _too_large(display: str, size: int) -> ReadSheet:
    return _refused(
        display,
        codes.FILE_TOO_LARGE,
        f"the file is {size / 1_000_000:.1f} MB; smartlint reads goal sheets up to"
        f" {MAX_FILE_BYTES // 1_000_000} MB",
    )


def _refused(display: str, code: str, why: str) -> ReadSheet:
    problem = Problem(
        code, FILE_START, why, "Save the goals as an unencrypted .xlsx or a CSV file."
    )
    return ReadSheet(ParsedFile(display, (), (problem,)))


def not_goals(walk: SheetWalk, span: Span, subject: str | Said) -> None:
    """Report that ``subject`` ("the file", "[Plan] the sheet") has no goal header."""
    vi, en = subject if isinstance(subject, Said) else ("tệp", subject)
    Sink(walk.problems).add(
        codes.NOT_A_GOAL_FILE,
        span,
        said(
            f"{vi} không có dòng tiêu đề với cột mục tiêu ({_GOAL_COLUMNS}, ...) ở các dòng đầu,"
            " nên không phải trang mục tiêu",
            f"{en} has no header row with a goal column ({_GOAL_COLUMNS}, ...) in its first"
            " rows, so it is not a goal sheet",
        ),
        said(
            "Thêm dòng tiêu đề có cột Title / Mục tiêu, hoặc đặt tên các cột trong columns: của"
            " cấu hình.",
            "Add a header row with a Title / Mục tiêu column, or name the columns in the"
            " configuration's columns:.",
        ),
    )


def parse_csv_data(
    data: bytes, display: str, *, first_index: int, options: SheetOptions
) -> ParsedFile:
    """Read a goal sheet held in bytes (standard input named by ``--stdin-filename``)."""
    return read_csv_data(data, display, first_index=first_index, options=options).parsed


def read_csv_data(
    data: bytes, display: str, *, first_index: int, options: SheetOptions
) -> ReadSheet:
    """Read a goal sheet held in bytes as :func:`parse_csv_data` does, keeping its text."""
    walk = SheetWalk(display, first_index, MappingProxyType(dict(options.columns)))
    if len(data) > MAX_FILE_BYTES:
        return _too_large(display, len(data))
    found = _read_csv(data, walk, walked=False)
    return _read(walk, None if found is None else found.text)


@record
class _Csv:
    text: str | None  # None: the bytes are not text


def _read_csv(data: bytes, walk: SheetWalk, walked: bool) -> _Csv | None:
    decoded = decode_bytes(data)
    if decoded.issue is not None:
        if decoded.text is None and walked:
            return None
        issue = decoded.issue
        Sink(walk.problems).add(
            _DECODE_CODES[issue.kind], issue.span, issue.message, issue.suggestion
        )
    if decoded.text is None:
        return _Csv(None)
    text = normalize_newlines(decoded.text.removeprefix("\ufeff"))
    rows = _csv_sheet_rows(text, walk)
    header = find_header(rows, walk.columns)
    if header is None:
        if walked:
            return None
        if not text.strip():
            Sink(walk.problems).add(
                codes.EMPTY_FILE,
                FILE_START,
                said("tệp trống", "the file is empty"),
                said("Thêm dòng tiêu đề và các mục tiêu.", "Add a header row and goals."),
            )
        else:
            not_goals(walk, FILE_START, "the file")
        return _Csv(text)
    read_sheet(rows, header[0], header[1], walk, None)
    return _Csv(text)


def _csv_sheet_rows(text: str, walk: SheetWalk) -> Iterator[SheetRow]:
    try:
        for row in csv_rows(text):
            yield SheetRow(row.line, tuple(Cell(c) if c else None for c in row.cells))
    except CsvTrouble as trouble:
        Sink(walk.problems).add(
            codes.UNREADABLE_WORKBOOK,
            Span(trouble.line, 1, trouble.line, 1),
            said(
                f"không đọc được CSV từ dòng {trouble.line} trở đi: {trouble.reason}",
                f"the CSV cannot be read from line {trouble.line} on: {trouble.reason}",
            ),
            said(
                "Đóng trường trong dấu nháy, hoặc lưu lại trang dạng CSV.",
                "Close the quoted field, or save the sheet again as CSV.",
            ),
        )
