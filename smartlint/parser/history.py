"""Read a goal's ``history:`` in its three forms: period + values, date -> value, or a CSV file."""

from __future__ import annotations

from pathlib import Path

from smartlint.model import History, HistoryPoint, Period
from smartlint.parser import codes
from smartlint.parser.dates import BadDate, read_date
from smartlint.parser.history_csv import read_csv_history
from smartlint.parser.nodes import Map, Node, Scalar, Seq, kind_of, kind_said, node_span
from smartlint.parser.numbers import BadNumber, read_value
from smartlint.parser.points import Entry, checked_number, dated_history
from smartlint.parser.report import Sink, did_you_mean, likely, rename_or_choose, said, unknown_name

PERIODS: dict[str, Period] = {
    **{p.value: p for p in Period},
    "daily": Period.DAY,
    "weekly": Period.WEEK,
    "monthly": Period.MONTH,
    "quarterly": Period.QUARTER,
    "yearly": Period.YEAR,
    "annual": Period.YEAR,
    "ngày": Period.DAY,
    "tuần": Period.WEEK,
    "tháng": Period.MONTH,
    "quý": Period.QUARTER,
    "năm": Period.YEAR,
}
_LISTED_KEYS = ("period", "values")
_EXAMPLE = "history: {period: month, values: [10100, 10600, 11300]}"


def read_history(node: Node, sink: Sink, base_dir: Path | None) -> History | None:
    """Read a history node; report what is wrong and keep every usable value."""
    span = node_span(node)
    if isinstance(node, Scalar):
        if node.null:
            return None
        if node.style == "" and not isinstance(read_value(node.value), BadNumber):
            sink.add(
                codes.WRONG_TYPE,
                span,
                said(
                    f"history là số {node.value}, không phải danh sách các giá trị đã qua",
                    f"history is the number {node.value}, not a list of past values",
                ),
                said(
                    f"Ghi các giá trị đã qua, ví dụ {_EXAMPLE}.",
                    f"Write the past values, e.g. {_EXAMPLE}.",
                ),
            )
            return None
        return read_csv_history(node.value, span, sink, base_dir)
    if node.alias:
        sink.add(
            codes.ALIAS_NOT_ALLOWED,
            span,
            said(
                "history là alias trỏ tới một danh sách hoặc bảng",
                "history is an alias to a list or mapping",
            ),
            said("Viết history ra ngay nơi dùng.", "Write the history out where it is used."),
        )
        return None
    if isinstance(node, Seq):
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(
                "history là một danh sách trơn, nên không biết các giá trị theo kỳ nào",
                "history is a bare list, so the period of its values is unknown",
            ),
            said(f"Ghi rõ kỳ: {_EXAMPLE}.", f"Name the period: {_EXAMPLE}."),
        )
        return None
    keys = {k.value for k, _ in node.pairs if isinstance(k, Scalar)}
    if keys & set(_LISTED_KEYS):
        return _listed(node, sink)
    return _dated(node, sink)


def _listed(node: Map, sink: Sink) -> History | None:
    span = node_span(node)
    period: Period | None = None
    values: Node | None = None
    for key, value in node.pairs:
        name = key.value if isinstance(key, Scalar) else ""
        if name == "period":
            period = _period(value, sink)
        elif name == "values":
            values = value
        else:
            sink.add(
                codes.UNKNOWN_FIELD,
                node_span(key),
                unknown_name(
                    name,
                    said("một trường của history", "a field of history"),
                    _LISTED_KEYS,
                    likely(name, _LISTED_KEYS),
                ),
                rename_or_choose(name, _LISTED_KEYS, likely(name, _LISTED_KEYS)),
            )
    if period is None:
        if not any(isinstance(k, Scalar) and k.value == "period" for k, _ in node.pairs):
            sink.add(
                codes.BAD_HISTORY,
                span,
                said(
                    "history liệt kê giá trị mà không nêu kỳ",
                    "history lists values without a period",
                ),
                said(f"Thêm kỳ: {_EXAMPLE}.", f"Add the period: {_EXAMPLE}."),
            )
        return None
    if not isinstance(values, Seq) or values.alias:
        shown = "missing" if values is None else kind_of(values)
        shown_vi = "bị thiếu" if values is None else kind_said(values).vi
        sink.add(
            codes.BAD_HISTORY,
            span if values is None else node_span(values),
            said(
                f"values của history là {shown_vi}, cần một danh sách số",
                f"history values are {shown}, expected a list of numbers",
            ),
            said(
                f"Ghi values thành danh sách: {_EXAMPLE}.",
                f"Write the values as a list: {_EXAMPLE}.",
            ),
        )
        return None
    points = []
    for item in values.items:
        number = _number(item, sink)
        if number is not None:
            points.append(HistoryPoint(number, None, node_span(item)))
    if not points:
        if not values.items:
            sink.add(
                codes.BAD_HISTORY,
                node_span(values),
                said("history không có giá trị nào", "history has no values"),
                said(
                    "Thêm các giá trị đã qua của chỉ số, cũ nhất trước, hoặc bỏ `history`.",
                    "Add the metric's past values, oldest first, or remove `history`.",
                ),
            )
        return None
    return History(period, tuple(points), span)


def _period(node: Node, sink: Sink) -> Period | None:
    raw = node.value.strip() if isinstance(node, Scalar) else ""
    period = PERIODS.get(raw.lower())
    if period is None:
        names = ", ".join(p.value for p in Period)
        sink.add(
            codes.BAD_HISTORY,
            node_span(node),
            said(
                f"kỳ '{raw or kind_said(node).vi}' của history không thuộc {names}."
                + did_you_mean(raw, PERIODS).vi,
                f"history period '{raw or kind_of(node)}'"
                f" is not one of {names}." + did_you_mean(raw, PERIODS).en,
            ),
            said(
                "Ghi kỳ là day, week, month, quarter hoặc year.",
                "Write the period as day, week, month, quarter or year.",
            ),
        )
    return period


def _dated(node: Map, sink: Sink) -> History | None:
    entries: list[Entry] = []
    for key, value in node.pairs:
        if not isinstance(key, Scalar):
            sink.add(
                codes.WRONG_TYPE,
                node_span(key),
                said(
                    f"một ngày của history là {kind_said(key).vi}",
                    f"a history date is {kind_of(key)}",
                ),
                said(
                    "Ghi mỗi ngày thành một khóa như 2027-03 hoặc 2027-Q1.",
                    "Write each date as a key such as 2027-03 or 2027-Q1.",
                ),
            )
            continue
        when = read_date(key.value)
        if isinstance(when, BadDate):
            sink.add(
                codes.BAD_DATE,
                node_span(key),
                said(f"ngày của history: {when.reason_vi}", f"history date {when.reason}"),
                said(
                    "Ghi ngày dạng YYYY-MM-DD, YYYY-MM, YYYY-Qn hoặc YYYY.",
                    "Write dates as YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY.",
                ),
            )
            continue
        number = _number(value, sink)
        if number is not None:
            entries.append(Entry(when, number, node_span(value), f"{key.value}"))
    if not node.pairs:
        sink.add(
            codes.BAD_HISTORY,
            node_span(node),
            said("history trống", "history is empty"),
            said(
                f"Thêm các giá trị đã qua của chỉ số, ví dụ {_EXAMPLE}.",
                f"Add the metric's past values, e.g. {_EXAMPLE}.",
            ),
        )
    return dated_history(entries, node_span(node), sink, None)


def _number(node: Node, sink: Sink) -> float | None:
    span = node_span(node)
    if not isinstance(node, Scalar):
        sink.add(
            codes.BAD_NUMBER,
            span,
            said(
                f"một giá trị của history là {kind_said(node).vi}, không phải số",
                f"a history value is {kind_of(node)}, not a number",
            ),
            said(
                "Ghi mỗi giá trị của history là một số trơn.",
                "Write each history value as a plain number.",
            ),
        )
        return None
    return checked_number(node.value, span, sink, "history value")
