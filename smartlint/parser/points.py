"""Turn read values into history points: checked numbers, and dated entries put in order."""

from __future__ import annotations

import itertools

from smartlint.model import History, HistoryPoint, Period, Span
from smartlint.parser import codes
from smartlint.parser.dates import When, infer_day_period
from smartlint.parser.numbers import BadNumber, read_value
from smartlint.parser.report import Sink, said
from smartlint.records import record


@record
class Entry:
    """One dated value before it becomes a point; ``where`` names it in messages."""

    when: When
    value: float
    span: Span
    where: str


def dated_history(
    entries: list[Entry], span: Span, sink: Sink, source: str | None
) -> History | None:
    """Build a history from dated entries: one period, sorted, no date twice."""
    if not entries:
        return None
    periods = {e.when.period for e in entries}
    if len(periods) > 1:
        shown = " and ".join(sorted(p.value + "s" for p in periods))
        shown_vi = " và ".join(sorted(p.value for p in periods))
        sink.add(
            codes.BAD_HISTORY,
            span,
            said(f"history trộn lẫn các kỳ {shown_vi}", f"history mixes {shown}"),
            said(
                "Ghi mọi giá trị với cùng một loại ngày, ví dụ đều là tháng (2027-03).",
                "Give every value the same kind of date, e.g. all months (2027-03).",
            ),
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
            said(
                f"các ngày của history không theo thứ tự ({_first_disorder(entries, 'vi')});"
                " smartlint đã sắp xếp lại",
                f"history dates are not in order ({_first_disorder(entries)}); smartlint sorted them",
            ),
            said("Liệt kê history từ cũ nhất.", "List history oldest first."),
        )
    points: list[HistoryPoint] = []
    previous: Entry | None = None
    for entry in ordered:
        if previous is not None and previous.when.end == entry.when.end:
            sink.add(
                codes.BAD_HISTORY,
                span,
                said(
                    f"history ghi ngày {entry.when.end.isoformat()} hai lần ({previous.where} và"
                    f" {entry.where}); giá trị đầu được dùng",
                    f"history gives {entry.when.end.isoformat()}"
                    f" twice ({previous.where} and {entry.where}); the first is used",
                ),
                said("Giữ một giá trị cho mỗi ngày.", "Keep one value per date."),
            )
            continue
        points.append(HistoryPoint(entry.value, entry.when.end, entry.span))
        previous = entry
    return History(period, tuple(points), span, source)


def _first_disorder(entries: list[Entry], language: str = "en") -> str:
    for before, after in itertools.pairwise(entries):
        if after.when.end < before.when.end:
            if language == "vi":
                return f"{after.where} đứng sau {before.where}"
            return f"{after.where} comes after {before.where}"
    return ""


def checked_number(raw: str, span: Span, sink: Sink, what: str) -> float | None:
    """Read a number and report why it is unusable; negatives are kept with a note."""
    number = read_value(raw)
    if isinstance(number, BadNumber):
        sink.add(
            codes.BAD_NUMBER,
            span,
            said(f"{what}: {number.reason_vi}", f"{what} {number.reason}"),
            said(
                "Ghi một số trơn như 12000, 12.000 hoặc 2,5.",
                "Write a plain number such as 12000, 12.000 or 2,5.",
            ),
        )
        return None
    if number < 0:
        sink.add(
            codes.NEGATIVE_VALUE,
            span,
            said(
                f"{what} {raw.strip()} là số âm; không thể so sánh tăng trưởng theo thang log",
                f"{what} {raw.strip()} is negative; growth cannot be compared in log space",
            ),
            said(
                "Dùng một chỉ số luôn dương, ví dụ doanh thu thay vì lợi nhuận, nếu cần đánh giá"
                " tốc độ.",
                "Use a metric that stays positive,"
                " e.g. revenue rather than profit, if the pace should be judged.",
            ),
        )
    return number
