"""Turn the rows of one goal sheet (CSV or a workbook's sheet) into goals with cell positions.

A position in a sheet is its row and column number: ``line`` is the row (for CSV the line
the record starts on), ``column`` the column (A = 1), so ``plan.xlsx:12:3`` is cell C12.
The header is the first row, among the first :data:`HEADER_SCAN` non-empty ones, that has a
title column; rows above it (a sheet title, notes) are skipped, and so are rows below it
with no title (blank rows, section labels written in another column).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping
from dataclasses import field
from datetime import date

from smartlint.model import Baseline, Goal, History, HistoryPoint, Period, Problem, Span, Text
from smartlint.parser import codes
from smartlint.parser.dates import BadDate, When, read_date
from smartlint.parser.points import Entry, checked_number, dated_history
from smartlint.parser.report import Sink, said
from smartlint.parser.sheet_columns import Layout, PeriodKey, recognise
from smartlint.parser.sheet_limits import MAX_ROWS
from smartlint.patterns import compile_pattern
from smartlint.records import record

HEADER_SCAN = 20  # non-empty rows searched for the header
_NO_VALUE = frozenset({"-", "–", "—", "n/a", "na", "x", "?", "…", "..."})
_YEAR = compile_pattern(r"\b(19|20)\d\d\b")
_TEXT_ROLES = ("id", "parent", "why", "owner", "metric", "unit", "target")


@record
class Cell:
    """A cell's content as text, with the number or date a workbook stored, if any."""

    text: str
    number: float | None = None
    day: date | None = None


@record
class SheetRow:
    """One row: its 1-based line and its cells from column A on (None for an empty cell)."""

    line: int
    cells: tuple[Cell | None, ...]

    def at(self, column: int | None) -> Cell | None:
        """Return the cell at a 0-based column, or None."""
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]


@record(frozen=False)
class SheetWalk:
    """The state of reading one file's sheets: goals and problems so far, rows counted."""

    path: str
    next_index: int
    columns: Mapping[str, str]
    problems: list[Problem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    rows_read: int = 0
    capped: bool = False


def cell_span(line: int, column: int) -> Span:
    """Return the span of the cell at a 1-based line and 0-based column."""
    return Span(line, column + 1, line, column + 2)


def prefix(sheet: str | None) -> str:
    """Return the ``[Sheet] `` prefix of a workbook's messages (empty for CSV)."""
    return f"[{sheet}] " if sheet else ""


def find_header(
    rows: Iterator[SheetRow], columns: Mapping[str, str]
) -> tuple[SheetRow, Layout] | None:
    """Consume rows up to the header and return it with its layout, or None without one."""
    seen = 0
    for row in rows:
        texts = [cell.text if cell else "" for cell in row.cells]
        if not any(texts):
            continue
        layout = recognise(texts, columns)
        if layout.column("title") is not None:
            return row, layout
        seen += 1
        if seen >= HEADER_SCAN:
            break
    return None


_ROWS_VI = f"{MAX_ROWS:,}".replace(",", ".")  # Vietnamese groups thousands with dots


def read_sheet(
    rows: Iterator[SheetRow], header: SheetRow, layout: Layout, walk: SheetWalk, sheet: str | None
) -> None:
    """Read every goal row after the header; stop with a finding at :data:`MAX_ROWS`."""
    _report_layout(header, layout, walk, sheet)
    for row in rows:
        if walk.rows_read >= MAX_ROWS:
            walk.capped = True
            Sink(walk.problems).add(
                codes.SHEET_TOO_LARGE,
                Span(row.line, 1, row.line, 1),
                said(
                    f"{prefix(sheet)}smartlint đọc tối đa {MAX_ROWS:,} dòng của một tệp; các dòng"
                    f" từ {row.line} trở đi không được đọc".replace(f"{MAX_ROWS:,}", _ROWS_VI),
                    f"{prefix(sheet)}smartlint reads {MAX_ROWS:,} rows of a file; the rows from"
                    f" {row.line} on are not read",
                ),
                said(
                    "Để các mục tiêu trong một trang riêng; chuyển các dòng dữ liệu sang tệp khác.",
                    "Keep goals in a sheet of their own; move data rows to another file.",
                ),
            )
            return
        walk.rows_read += 1
        title = row.at(layout.column("title"))
        if title is None or not title.text:
            continue
        _read_row(row, layout, walk, sheet)


def _report_layout(header: SheetRow, layout: Layout, walk: SheetWalk, sheet: str | None) -> None:
    sink = Sink(walk.problems)
    for role, first, again in layout.repeated:
        sink.add(
            codes.DUPLICATE_KEY,
            cell_span(header.line, again),
            said(
                f"{prefix(sheet)}cột {_letter(again)} là cột '{role}' thứ hai (cột đầu là"
                f" {_letter(first)}); cột đầu được đọc",
                f"{prefix(sheet)}column {_letter(again)} is a second '{role}' column"
                f" (the first is {_letter(first)}); the first is read",
            ),
            said("Đổi tên hoặc bỏ một trong hai cột.", "Rename or remove one of the two columns."),
        )
    for role, name in layout.missing:
        sink.add(
            codes.UNKNOWN_FIELD,
            Span(header.line, 1, header.line, len(header.cells) + 1),
            said(
                f"{prefix(sheet)}dòng tiêu đề không có cột '{name}' (columns.{role} trong cấu"
                " hình)",
                f"{prefix(sheet)}the header row has no column '{name}' (columns.{role} in the"
                " configuration)",
            ),
            said(
                "Sửa tên tiêu đề trong columns: của cấu hình, hoặc đổi tên cột.",
                "Fix the header name in the configuration's columns:, or rename the column.",
            ),
        )


def _letter(column: int) -> str:
    """Return a 0-based column's letters: 0 -> A, 26 -> AA."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(row: SheetRow, column: int | None) -> Text | None:
    cell = row.at(column)
    if cell is None or not cell.text or column is None:
        return None
    value = cell.day.isoformat() if cell.day is not None else cell.text
    return Text(value, cell_span(row.line, column))


def _read_row(row: SheetRow, layout: Layout, walk: SheetWalk, sheet: str | None) -> None:
    index = walk.next_index
    walk.next_index += 1
    sink = Sink(walk.problems, index)
    texts = {role: _text(row, layout.column(role)) for role in (*_TEXT_ROLES, "start", "deadline")}
    used = [c for c, cell in enumerate(row.cells) if cell is not None and cell.text]
    span = Span(row.line, 1, row.line, (max(used) if used else 0) + 2)
    goal = Goal(
        walk.path,
        span,
        index,
        id=texts["id"],
        title=_text(row, layout.column("title")),
        why=texts["why"],
        owner=texts["owner"],
        parent=texts["parent"],
        metric=texts["metric"],
        unit=texts["unit"],
        baseline=_baseline(row, layout.column("baseline"), sink.about("baseline"), sheet),
        target=texts["target"],
        start=texts["start"],
        deadline=texts["deadline"],
        history=_history(row, layout, sink.about("history"), sheet),
        sheet=sheet,
    )
    walk.goals.append(goal)


def _baseline(row: SheetRow, column: int | None, sink: Sink, sheet: str | None) -> Baseline | None:
    cell = row.at(column)
    if cell is None or column is None or not cell.text or cell.text.lower() in _NO_VALUE:
        return None
    span = cell_span(row.line, column)
    if cell.number is not None:
        value: float | None = cell.number
    else:
        value = checked_number(cell.text, span, sink, f"{prefix(sheet)}baseline")
    return None if value is None else Baseline(value, span)


def _history(row: SheetRow, layout: Layout, sink: Sink, sheet: str | None) -> History | None:
    """Read the row's monthly or quarterly actuals, oldest first, skipping empty cells."""
    if not layout.history:
        return None
    year = _row_year(row, layout)
    first, last = layout.history[0][0], layout.history[-1][0]
    span = Span(row.line, first + 1, row.line, last + 2)
    dated: list[Entry] = []
    undated: list[HistoryPoint] = []
    for column, key in layout.history:
        cell = row.at(column)
        if cell is None or not cell.text or cell.text.lower() in _NO_VALUE:
            continue
        where = cell_span(row.line, column)
        value = cell.number if cell.number is not None else _value(cell.text, where, sink, sheet)
        if value is None:
            continue
        key_year = key.year if key.year is not None else year
        if key_year is None:
            undated.append(HistoryPoint(value, None, where))
        else:
            dated.append(Entry(_end(key, key_year), value, where, f"column {_letter(column)}"))
    if dated:
        return dated_history(dated, span, sink, None)
    if undated:
        return History(layout.history[0][1].period, tuple(undated), span)
    return None


def _value(raw: str, span: Span, sink: Sink, sheet: str | None) -> float | None:
    return checked_number(raw, span, sink, f"{prefix(sheet)}history value")


def _end(key: PeriodKey, year: int) -> When:
    month = key.number * 3 if key.period is Period.QUARTER else key.number
    return When(date(year, month, calendar.monthrange(year, month)[1]), key.period)


def _row_year(row: SheetRow, layout: Layout) -> int | None:
    """Return the year of undated history headers: a ``year`` column, else the deadline's."""
    for role in ("year", "deadline"):
        cell = row.at(layout.column(role))
        if cell is None:
            continue
        if cell.day is not None:
            return cell.day.year
        if cell.number is not None and 1900 <= cell.number <= 2200 and cell.number.is_integer():
            return int(cell.number)
        when = read_date(cell.text)
        if not isinstance(when, BadDate):
            return when.end.year
        found = _YEAR.search(cell.text)
        if found:
            return int(found.group(0))
    return None
