"""Read a goal's ``history:`` in its three forms: period + values, date -> value, or a CSV file."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from smartlint.model import History, HistoryPoint, Period, Span
from smartlint.parser import codes
from smartlint.parser.compose import Map, Node, Scalar, Seq, kind_of, node_span
from smartlint.parser.dates import BadDate, When, infer_day_period, read_date
from smartlint.parser.numbers import BadNumber, read_value
from smartlint.parser.report import Sink, did_you_mean

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


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated value before it becomes a point; ``where`` names it in messages."""

    when: When
    value: float
    span: Span
    where: str


def read_history(node: Node, sink: Sink, base_dir: Path | None) -> History | None:
    """Read a history node; report what is wrong and keep every usable value."""
    span = node_span(node)
    if isinstance(node, Scalar):
        if node.style == "" and not isinstance(read_value(node.value), BadNumber):
            sink.add(
                codes.WRONG_TYPE,
                span,
                f"history is the number {node.value}, not a list of past values",
                f"Write the past values, e.g. {_EXAMPLE}.",
            )
            return None
        from smartlint.parser.history_csv import read_csv_history

        return read_csv_history(node.value, span, sink, base_dir)
    if node.alias:
        sink.add(
            codes.ALIAS_NOT_ALLOWED,
            span,
            "history is an alias to a list or mapping",
            "Write the history out where it is used.",
        )
        return None
    if isinstance(node, Seq):
        sink.add(
            codes.BAD_HISTORY,
            span,
            "history is a bare list, so the period of its values is unknown",
            f"Name the period: {_EXAMPLE}.",
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
                f"history has no field '{name}'." + did_you_mean(name, _LISTED_KEYS),
                "A listed history has `period` and `values`.",
            )
    if period is None:
        if not any(isinstance(k, Scalar) and k.value == "period" for k, _ in node.pairs):
            sink.add(
                codes.BAD_HISTORY,
                span,
                "history lists values without a period",
                f"Add the period: {_EXAMPLE}.",
            )
        return None
    if not isinstance(values, Seq) or values.alias:
        shown = "missing" if values is None else kind_of(values)
        sink.add(
            codes.BAD_HISTORY,
            span if values is None else node_span(values),
            f"history values are {shown}, expected a list of numbers",
            f"Write the values as a list: {_EXAMPLE}.",
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
                "history has no values",
                "Add the metric's past values, oldest first, or remove `history`.",
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
            f"history period '{raw or kind_of(node)}'"
            f" is not one of {names}." + did_you_mean(raw, PERIODS),
            "Write the period as day, week, month, quarter or year.",
        )
    return period


def _dated(node: Map, sink: Sink) -> History | None:
    entries: list[Entry] = []
    for key, value in node.pairs:
        if not isinstance(key, Scalar):
            sink.add(
                codes.WRONG_TYPE,
                node_span(key),
                f"a history date is {kind_of(key)}",
                "Write each date as a key such as 2027-03 or 2027-Q1.",
            )
            continue
        when = read_date(key.value)
        if isinstance(when, BadDate):
            sink.add(
                codes.BAD_DATE,
                node_span(key),
                f"history date {when.reason}",
                "Write dates as YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY.",
            )
            continue
        number = _number(value, sink)
        if number is not None:
            entries.append(Entry(when, number, node_span(value), f"{key.value}"))
    if not node.pairs:
        sink.add(
            codes.BAD_HISTORY,
            node_span(node),
            "history is empty",
            f"Add the metric's past values, e.g. {_EXAMPLE}.",
        )
    return dated_history(entries, node_span(node), sink, None)


def dated_history(
    entries: list[Entry], span: Span, sink: Sink, source: str | None
) -> History | None:
    """Build a history from dated entries: one period, sorted, no date twice."""
    if not entries:
        return None
    periods = {e.when.period for e in entries}
    if len(periods) > 1:
        shown = " and ".join(sorted(p.value + "s" for p in periods))
        sink.add(
            codes.BAD_HISTORY,
            span,
            f"history mixes {shown}",
            "Give every value the same kind of date, e.g. all months (2027-03).",
        )
        return None
    period = periods.pop()
    if period is Period.DAY:
        period = infer_day_period([e.when.end for e in entries])
    ordered = sorted(entries, key=lambda e: e.when.end)
    if ordered != entries:
        sink.add(
            codes.UNSORTED_HISTORY,
            span,
            f"history dates are not in order ({_first_disorder(entries)}); smartlint sorted them",
            "List history oldest first.",
        )
    points: list[HistoryPoint] = []
    previous: Entry | None = None
    for entry in ordered:
        if previous is not None and previous.when.end == entry.when.end:
            sink.add(
                codes.BAD_HISTORY,
                span,
                f"history gives {entry.when.end.isoformat()}"
                f" twice ({previous.where} and {entry.where}); the first is used",
                "Keep one value per date.",
            )
            continue
        points.append(HistoryPoint(entry.value, entry.when.end, entry.span))
        previous = entry
    return History(period, tuple(points), span, source)


def _first_disorder(entries: list[Entry]) -> str:
    for before, after in itertools.pairwise(entries):
        if after.when.end < before.when.end:
            return f"{after.where} comes after {before.where}"
    return ""


def _number(node: Node, sink: Sink) -> float | None:
    span = node_span(node)
    if not isinstance(node, Scalar):
        sink.add(
            codes.BAD_NUMBER,
            span,
            f"a history value is {kind_of(node)}, not a number",
            "Write each history value as a plain number.",
        )
        return None
    return checked_number(node.value, span, sink, "history value")


def checked_number(raw: str, span: Span, sink: Sink, what: str) -> float | None:
    """Read a number and report why it is unusable; negatives are kept with a note."""
    number = read_value(raw)
    if isinstance(number, BadNumber):
        sink.add(
            codes.BAD_NUMBER,
            span,
            f"{what} {number.reason}",
            "Write a plain number such as 12000, 12.000 or 2,5.",
        )
        return None
    if number < 0:
        sink.add(
            codes.NEGATIVE_VALUE,
            span,
            f"{what} {raw.strip()} is negative; growth cannot be compared in log space",
            "Use a metric that stays positive,"
            " e.g. revenue rather than profit, if the pace should be judged.",
        )
    return number
