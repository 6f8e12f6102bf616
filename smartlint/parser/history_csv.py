"""Read a history kept in a CSV file next to the goal file: date and value columns."""

from __future__ import annotations

import stat
from pathlib import Path

from smartlint.decode import decode_bytes, normalize_newlines
from smartlint.model import History, Span
from smartlint.parser import codes
from smartlint.parser.csv_rows import CsvTrouble, csv_rows
from smartlint.parser.dates import BadDate, read_date
from smartlint.parser.numbers import BadNumber, read_value, shown
from smartlint.parser.points import Entry, dated_history
from smartlint.parser.report import Sink

MAX_BYTES = 5_000_000
MAX_ROW_PROBLEMS = 5  # enough to show the pattern; a wrong file would flood the report
# Only CSV names are read: a goal file must not make the linter echo arbitrary files
# (/etc/passwd, keys) into CI logs through bad-row messages.
_SUFFIXES = (".csv", ".tsv")  # a history of daily values for a century is far smaller
_DATE_NAMES = frozenset(
    {
        "date",
        "day",
        "month",
        "period",
        "time",
        "when",
        "ngày",
        "ngay",
        "tháng",
        "thang",
        "thời gian",
        "thoi gian",
        "kỳ",
    }
)
_VALUE_NAMES = frozenset(
    {"value", "values", "count", "total", "amount", "giá trị", "gia tri", "số lượng", "so luong"}
)


def read_csv_history(name: str, span: Span, sink: Sink, base_dir: Path | None) -> History | None:
    """Read ``name`` (relative to ``base_dir``) as a history; problems point at ``span``."""
    if base_dir is None:
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' cannot be read when the goal file comes from standard input",
            "Lint the goal file by its path, or write"
            " the history inline: {period: month, values: [...]}.",
        )
        return None
    if not name.strip().lower().endswith(_SUFFIXES):
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history is the text '{shown(name)}', which is neither a list of values nor"
            " a .csv file name",
            "Write history: {period: month, values: [...]} or history: traffic.csv.",
        )
        return None
    text = _read_text(base_dir / name, name, span, sink)
    if text is None:
        return None
    rows = _rows(text)
    date_col, value_col, rows = _columns(rows) if rows else (0, 1, rows)
    if not rows:
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' has no rows",
            "Add rows of date and value, one per period.",
        )
        return None
    entries: list[Entry] = []
    row_sink = Sink([], sink.goal_index, sink.field)
    for line, row in rows:
        entry = _entry(row, date_col, value_col, f"line {line} of {name}", span, row_sink)
        if entry is not None:
            entries.append(entry)
    sink.problems.extend(row_sink.problems[:MAX_ROW_PROBLEMS])
    if len(row_sink.problems) > MAX_ROW_PROBLEMS:
        more = len(row_sink.problems) - MAX_ROW_PROBLEMS
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' has {more} more bad row(s) not listed here",
            "Check that the file holds one date and one value per row.",
        )
    if not entries:
        return None
    return dated_history(entries, span, sink, name)


def _read_text(path: Path, name: str, span: Span, sink: Sink) -> str | None:
    try:
        # Only regular files: a FIFO or a device named in a goal file would hang the run.
        if not name.strip() or not stat.S_ISREG(path.stat().st_mode):
            raise IsADirectoryError(0, "it is not a regular file")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        reason = getattr(error, "strerror", None) or "the name is not a usable path"
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' cannot be read: {reason}",
            "Put the CSV file next to the goal file, or fix the name.",
        )
        return None
    if len(data) > MAX_BYTES:
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' is larger than {MAX_BYTES // 1_000_000} MB",
            "Keep one value per period in the history.",
        )
        return None
    decoded = decode_bytes(data)
    if decoded.text is None:
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history file '{name}' is not a text CSV file",
            "Save the history as a UTF-8 CSV file with date and value columns.",
        )
        return None
    return normalize_newlines(decoded.text)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in csv_rows(text):
            if any(row.cells) and not row.cells[0].startswith("#"):
                rows.append((row.line, list(row.cells)))
    except CsvTrouble:
        pass  # keep the rows read so far; the bad tail gives no values
    return rows


def _columns(rows: list[tuple[int, list[str]]]) -> tuple[int, int, list[tuple[int, list[str]]]]:
    """Find the date and value columns from a header, or take the first two without one."""
    header = [cell.lower() for cell in rows[0][1]]
    if (
        isinstance(read_date(header[0]), BadDate)
        and len(header) > 1
        and isinstance(read_value(header[1]), BadNumber)
    ):
        date_col = next((i for i, h in enumerate(header) if h in _DATE_NAMES), 0)
        value_col = next((i for i, h in enumerate(header) if h in _VALUE_NAMES), 1)
        return date_col, value_col, rows[1:]
    return 0, 1, rows


def _entry(
    row: list[str], date_col: int, value_col: int, where: str, span: Span, sink: Sink
) -> Entry | None:
    if len(row) <= max(date_col, value_col):
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history {where} has {len(row)} column(s), expected a date and a value",
            "Write each row as date;value or date,value.",
        )
        return None
    raw_date, raw_value = row[date_col], row[value_col]
    when = read_date(raw_date)
    if isinstance(when, BadDate):
        sink.add(
            codes.BAD_DATE,
            span,
            f"history {where}: {when.reason}",
            "Write dates as YYYY-MM-DD, dd/mm/yyyy, YYYY-MM, YYYY-Qn or YYYY.",
        )
        return None
    number = read_value(raw_value)
    if isinstance(number, BadNumber):
        sink.add(
            codes.BAD_NUMBER,
            span,
            f"history {where}: {number.reason}",
            "Write a plain number; quote values that contain the delimiter.",
        )
        return None
    if number < 0:
        sink.add(
            codes.NEGATIVE_VALUE,
            span,
            f"history {where}: {raw_value} is negative; growth cannot be compared in log space",
            "Use a metric that stays positive if the pace should be judged.",
        )
    return Entry(when, number, span, where)
