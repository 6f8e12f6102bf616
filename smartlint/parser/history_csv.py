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
from smartlint.parser.report import Said, Sink, said

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
            said(
                f"không đọc được tệp history '{name}' khi tệp mục tiêu đến từ đầu vào chuẩn",
                f"history file '{name}' cannot be read when the goal file comes from standard"
                " input",
            ),
            said(
                "Kiểm tra tệp mục tiêu theo đường dẫn của nó (hoặc thêm --stdin-filename), hoặc"
                " viết history ngay trong tệp: {period: month, values: [...]}.",
                "Lint the goal file by its path (or add --stdin-filename), or write"
                " the history inline: {period: month, values: [...]}.",
            ),
        )
        return None
    if not name.strip().lower().endswith(_SUFFIXES):
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                f"history là đoạn chữ '{shown(name)}', không phải danh sách giá trị cũng không"
                " phải tên tệp .csv",
                f"history is the text '{shown(name)}', which is neither a list of values nor"
                " a .csv file name",
            ),
            said(
                "Viết history: {period: month, values: [...]} hoặc history: traffic.csv.",
                "Write history: {period: month, values: [...]} or history: traffic.csv.",
            ),
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
            said(f"tệp history '{name}' không có dòng nào", f"history file '{name}' has no rows"),
            said(
                "Thêm các dòng ngày và giá trị, mỗi kỳ một dòng.",
                "Add rows of date and value, one per period.",
            ),
        )
        return None
    entries: list[Entry] = []
    row_sink = Sink([], sink.goal_index, sink.field)
    for line, row in rows:
        where = said(f"dòng {line} của {name}", f"line {line} of {name}")
        entry = _entry(row, date_col, value_col, where, span, row_sink)
        if entry is not None:
            entries.append(entry)
    sink.problems.extend(row_sink.problems[:MAX_ROW_PROBLEMS])
    if len(row_sink.problems) > MAX_ROW_PROBLEMS:
        more = len(row_sink.problems) - MAX_ROW_PROBLEMS
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                f"tệp history '{name}' còn {more} dòng lỗi khác không liệt kê ở đây",
                f"history file '{name}' has {more} more bad row(s) not listed here",
            ),
            said(
                "Kiểm tra rằng mỗi dòng của tệp có một ngày và một giá trị.",
                "Check that the file holds one date and one value per row.",
            ),
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
            said(
                f"không đọc được tệp history '{name}': {reason}",
                f"history file '{name}' cannot be read: {reason}",
            ),
            said(
                "Đặt tệp CSV cạnh tệp mục tiêu, hoặc sửa tên.",
                "Put the CSV file next to the goal file, or fix the name.",
            ),
        )
        return None
    if len(data) > MAX_BYTES:
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                f"tệp history '{name}' lớn hơn {MAX_BYTES // 1_000_000} MB",
                f"history file '{name}' is larger than {MAX_BYTES // 1_000_000} MB",
            ),
            said(
                "Chỉ giữ một giá trị cho mỗi kỳ trong history.",
                "Keep one value per period in the history.",
            ),
        )
        return None
    decoded = decode_bytes(data)
    if decoded.text is None:
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                f"tệp history '{name}' không phải tệp CSV dạng văn bản",
                f"history file '{name}' is not a text CSV file",
            ),
            said(
                "Lưu history thành tệp CSV UTF-8 có cột ngày và cột giá trị.",
                "Save the history as a UTF-8 CSV file with date and value columns.",
            ),
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
    row: list[str], date_col: int, value_col: int, at: Said, span: Span, sink: Sink
) -> Entry | None:
    where = at.en
    if len(row) <= max(date_col, value_col):
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                f"history {at.vi} có {len(row)} cột, cần một ngày và một giá trị",
                f"history {where} has {len(row)} column(s), expected a date and a value",
            ),
            said(
                "Viết mỗi dòng dạng ngày;giá trị hoặc ngày,giá trị.",
                "Write each row as date;value or date,value.",
            ),
        )
        return None
    raw_date, raw_value = row[date_col], row[value_col]
    when = read_date(raw_date)
    if isinstance(when, BadDate):
        sink.add(
            codes.BAD_DATE,
            span,
            said(f"history {at.vi}: {when.reason_vi}", f"history {where}: {when.reason}"),
            said(
                "Ghi ngày dạng YYYY-MM-DD, dd/mm/yyyy, YYYY-MM, YYYY-Qn hoặc YYYY.",
                "Write dates as YYYY-MM-DD, dd/mm/yyyy, YYYY-MM, YYYY-Qn or YYYY.",
            ),
        )
        return None
    number = read_value(raw_value)
    if isinstance(number, BadNumber):
        sink.add(
            codes.BAD_NUMBER,
            span,
            said(f"history {at.vi}: {number.reason_vi}", f"history {where}: {number.reason}"),
            said(
                "Ghi một số trơn; đặt trong dấu nháy các giá trị có dấu phân cách.",
                "Write a plain number; quote values that contain the delimiter.",
            ),
        )
        return None
    if number < 0:
        sink.add(
            codes.NEGATIVE_VALUE,
            span,
            said(
                f"history {at.vi}: {raw_value} là số âm; không thể so sánh tăng trưởng theo thang"
                " log",
                f"history {where}: {raw_value} is negative; growth cannot be compared in log space",
            ),
            said(
                "Dùng một chỉ số luôn dương nếu cần đánh giá tốc độ.",
                "Use a metric that stays positive if the pace should be judged.",
            ),
        )
    return Entry(when, number, span, where)
