"""Time expressions: deadline fields and the deadline, start and cadence of a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from smartlint.extract import read_sentence, read_time
from smartlint.model import Period, TimeProblem

TODAY = date(2027, 1, 15)
D = date.fromisoformat


@pytest.mark.parametrize(
    ("raw", "end", "start", "assumed"),
    [
        ("2027-07-31", "2027-07-31", None, False),
        ("31/12/2027", "2027-12-31", None, False),
        ("31-12-2027", "2027-12-31", None, False),
        ("31 July 2027", "2027-07-31", None, False),
        ("Dec 31, 2027", "2027-12-31", None, False),
        ("December 31st 2027", "2027-12-31", None, False),
        ("31/12", "2027-12-31", None, True),
        ("2027-Q3", "2027-09-30", "2027-07-01", False),
        ("Q3 2027", "2027-09-30", "2027-07-01", False),
        ("Q3/2027", "2027-09-30", "2027-07-01", False),
        ("Q3", "2027-09-30", "2027-07-01", True),
        ("quý 3 năm 2027", "2027-09-30", "2027-07-01", False),
        ("quý III năm 2027", "2027-09-30", "2027-07-01", False),
        ("quy 3 nam 2027", "2027-09-30", "2027-07-01", False),
        ("the third quarter of 2027", "2027-09-30", "2027-07-01", False),
        ("H1 2027", "2027-06-30", "2027-01-01", False),
        ("nửa đầu năm 2027", "2027-06-30", "2027-01-01", False),
        ("nửa cuối năm 2027", "2027-12-31", "2027-07-01", False),
        ("second half of 2027", "2027-12-31", "2027-07-01", False),
        ("end of July 2027", "2027-07-31", None, False),
        ("cuối tháng 7 năm 2027", "2027-07-31", None, False),
        ("tháng 8", "2027-08-31", "2027-08-01", True),
        ("tháng 1", "2027-01-31", "2027-01-01", True),
        ("July", "2027-07-31", "2027-07-01", True),
        ("cuối năm 2027", "2027-12-31", None, False),
        ("end of 2027", "2027-12-31", None, False),
        ("cuối năm nay", "2027-12-31", None, False),
        ("the end of this year", "2027-12-31", None, False),
        ("within 3 months", "2027-04-15", "2027-01-15", False),
        ("in the next 90 days", "2027-04-15", "2027-01-15", False),
        ("trong 6 tháng tới", "2027-07-15", "2027-01-15", False),
        ("trong vòng 3 tháng", "2027-04-15", "2027-01-15", False),
        ("over the next two quarters", "2027-07-15", "2027-01-15", False),
        ("this quarter", "2027-03-31", "2027-01-01", False),
        ("quý này", "2027-03-31", "2027-01-01", False),
        ("next month", "2027-02-28", "2027-02-01", False),
        ("tháng sau", "2027-02-28", "2027-02-01", False),
        ("tháng tới", "2027-02-28", "2027-02-01", False),
        ("quý tới", "2027-06-30", "2027-04-01", False),
        ("2027-07", "2027-07-31", "2027-07-01", False),
        ("end of FY2027", "2027-12-31", None, False),
        ("31.12.2027", "2027-12-31", None, False),
        # A year given by its number ends with that year; a span with its last year.
        ("2027", "2027-12-31", "2027-01-01", False),
        ("in 2027", "2027-12-31", "2027-01-01", False),
        ("FY2027", "2027-12-31", "2027-01-01", False),
        ("FY27", "2027-12-31", "2027-01-01", False),
        ("trong năm 2027", "2027-12-31", "2027-01-01", False),
        ("đến năm 2030", "2030-12-31", "2030-01-01", False),
        ("by 2028", "2028-12-31", None, False),
        ("through 2029", "2029-12-31", "2029-01-01", False),
        ("giai đoạn 2026–2030", "2030-12-31", "2026-01-01", False),
        ("giai doan 2026-2030", "2030-12-31", "2026-01-01", False),
        ("2026 - 2030", "2030-12-31", "2026-01-01", False),
        ("Q4-FY26", "2026-12-31", "2026-10-01", False),
        ("FY27-Q2", "2027-06-30", "2027-04-01", False),
        ("Q3 FY2027", "2027-09-30", "2027-07-01", False),
        ("FY2027 H1", "2027-06-30", "2027-01-01", False),
        ("năm tài chính 2027", "2027-12-31", "2027-01-01", False),
        ("EOQ", "2027-03-31", None, False),
        ("end of quarter", "2027-03-31", None, False),
        ("end of the month", "2027-01-31", None, False),
        ("cuối quý", "2027-03-31", None, False),
        ("cuoi thang", "2027-01-31", None, False),
        ("next quarter", "2027-06-30", "2027-04-01", False),
        ("quý sau", "2027-06-30", "2027-04-01", False),
    ],
)
def test_read_time(raw: str, end: str, start: str | None, assumed: bool) -> None:
    ref = read_time(raw, TODAY)
    assert ref is not None
    assert ref.problem is None
    assert ref.end == D(end)
    assert ref.start == (D(start) if start else None)
    assert ref.year_assumed is assumed


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("2027-02-30", TimeProblem.IMPOSSIBLE),
        ("31/02/2027", TimeProblem.IMPOSSIBLE),
        ("tháng 13 năm 2027", TimeProblem.IMPOSSIBLE),
        ("someday", TimeProblem.UNPARSEABLE),
        ("soon", TimeProblem.UNPARSEABLE),
        ("ASAP", TimeProblem.UNPARSEABLE),
        ("sớm nhất có thể", TimeProblem.UNPARSEABLE),
        ("whenever", TimeProblem.UNPARSEABLE),
        ("năm nay", TimeProblem.BARE_YEAR),
        ("năm sau", TimeProblem.BARE_YEAR),
        ("năm tới", TimeProblem.BARE_YEAR),
        ("this year", TimeProblem.BARE_YEAR),
        ("next year", TimeProblem.BARE_YEAR),
        ("quý 5 năm 2027", TimeProblem.IMPOSSIBLE),
        ("trong năm nay", TimeProblem.BARE_YEAR),
    ],
)
def test_read_time_problem(raw: str, problem: TimeProblem) -> None:
    ref = read_time(raw, TODAY)
    assert ref is not None
    assert (ref.end, ref.problem) == (None, problem)


def test_read_time_empty() -> None:
    assert read_time("  ", TODAY) is None


@pytest.mark.parametrize(
    ("text", "today", "end", "assumed"),
    [
        # The comparison base is never the deadline.
        (
            "Tăng số lượng người ghé thăm trang blog lên 10% so với tháng 12 năm 2020"
            " vào cuối tháng 3 năm 2021",
            "2021-01-15",
            "2021-03-31",
            False,
        ),
        ("Vào cuối tháng 7, với việc tăng số bài blog, lượt truy cập tăng 10% so với tháng 6",
         "2021-01-15", "2021-07-31", True),
        ("Tăng số người đăng ký lên 10%, đạt 50,000 người vào cuối tháng 8 năm nay",
         "2021-01-15", "2021-08-31", False),
        ("Vào quý 1 năm 2021, chúng ta sẽ tập trung vào chiến dịch", "2021-01-15", "2021-03-31", False),
        ("Increase leads by 10% next month compared to this month", "2027-01-15", "2027-02-28", False),
        ("Tăng doanh thu quý 2 năm 2027 lên 10% so với quý 1 năm 2027", "2027-01-15", "2027-06-30", False),
        ("Increase revenue by 10% starting May 2027 until the end of Q3 2027",
         "2027-01-15", "2027-09-30", False),
        ("tang 10% doanh thu trong quy 3 nam 2027", "2027-01-15", "2027-09-30", False),
        # "Before June" is done by the end of May; "before the end of June" by June 30.
        ("Tuyển thêm 5 nhân viên trước tháng 6 năm 2027", "2027-01-15", "2027-05-31", False),
        ("Cut cloud spend by 25% before the end of June 2027", "2027-01-15", "2027-06-30", False),
    ],
)  # fmt: skip
def test_sentence_deadline(text: str, today: str, end: str, assumed: bool) -> None:
    ref = read_sentence(text, D(today)).deadline
    assert ref is not None
    assert (ref.end, ref.problem, ref.year_assumed) == (D(end), None, assumed)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Tăng số lượt truy cập website lên 8% trong tháng 2 năm 2027", "2027-02-01"),
        ("Tăng số like lên 15% trong quý 3 năm 2027", "2027-07-01"),
        ("Grow sign-ups by 10% within 3 months", "2027-01-15"),
        ("Grow sign-ups by 10% by the end of Q3 2027", None),
        ("Tăng doanh thu 10% trước 31/12/2027", None),
    ],
)
def test_sentence_period_start(text: str, start: str | None) -> None:
    ref = read_sentence(text, TODAY).deadline
    assert ref is not None
    assert ref.start == (D(start) if start else None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn", TimeProblem.BARE_YEAR),
        ("This year we will launch a big campaign", TimeProblem.BARE_YEAR),
        ("Reach 1,000 paying customers next year", TimeProblem.BARE_YEAR),
        ("Năm sau, công ty sẽ mở thêm chi nhánh", TimeProblem.BARE_YEAR),
        ("Tăng số đại lý lên 120 trước 31/02/2027", TimeProblem.IMPOSSIBLE),
        ("Increase organic traffic ASAP", TimeProblem.UNPARSEABLE),
    ],
)
def test_sentence_deadline_problem(text: str, problem: TimeProblem) -> None:
    ref = read_sentence(text, TODAY).deadline
    assert ref is not None
    assert ref.problem is problem


@pytest.mark.parametrize(
    "text",
    [
        "Tăng doanh thu lên 15% so với tháng trước",
        "Tăng doanh số gấp đôi so với cùng kỳ năm ngoái",
        "Grow revenue 10% vs last quarter",
        "Increase revenue by 12% YoY",
        "Tăng số người theo dõi lên 20% hàng tháng",
        "Tăng số hợp đồng từ 12 lên 15 hợp đồng mỗi quý",
        "Improve the blog",
    ],
)
def test_sentence_without_deadline(text: str) -> None:
    assert read_sentence(text, TODAY).deadline is None


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("Tăng số lượng người đăng ký tư vấn lên 5% hàng tháng", Period.MONTH),
        ("Increase sign-ups by 8% every month", Period.MONTH),
        ("Tăng doanh số lên 10% mỗi quý", Period.QUARTER),
        ("Grow newsletter subscribers 3% weekly", Period.WEEK),
        ("Mỗi tháng, tăng 5% số người theo dõi", Period.MONTH),
        ("Số đơn hàng mỗi tháng tăng 10%", None),
        # A period attached to a level or a from -> to pair is the metric's unit.
        ("Tăng số hợp đồng từ 12 lên 15 hợp đồng mỗi quý", None),
        ("Increase monthly active users by 20%", None),
        ("Increase visits from 12,000 to 13,200 a month by 31 July 2027", None),
        ("Increase visits/month by 10% in Q3 2027", None),
        ("Giảm chi phí vận chuyển xuống 30 triệu đồng mỗi tháng", None),
        # "hàng tuần" belongs to the means, not to the goal.
        (
            "Trong tháng 8, số người đăng ký email tăng 10% so với tháng 7 bằng cách tăng số"
            " bài blog từ 3 bài lên 5 bài hàng tuần.",
            None,
        ),
    ],
)
def test_cadence_or_unit(text: str, cadence: Period | None) -> None:
    assert read_sentence(text, TODAY).cadence is cadence


@pytest.mark.parametrize("today", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize(
    "text",
    ["next month", "năm sau", "within 3 months", "tháng 1", "Q1", "31/12", "quý tới",
     "cuối năm sau", "năm ngoái", "last week", "next week", "this week", "trước H1",
     "December 9999", "0000-01-01"],
)  # fmt: skip
def test_calendar_edges_do_not_raise(text: str, today: date) -> None:
    read_sentence("Tăng doanh thu 10% " + text, today)
    read_time(text, today)


@pytest.mark.parametrize(
    ("raw", "fiscal", "end", "start"),
    [
        ("FY2027", (6, 30), "2027-06-30", "2026-07-01"),
        ("FY27", (9, 30), "2027-09-30", "2026-10-01"),
        ("Q1 FY2027", (6, 30), "2026-09-30", "2026-07-01"),
        ("Q4-FY27", (6, 30), "2027-06-30", "2027-04-01"),
        ("FY2027 H2", (3, 31), "2027-03-31", "2026-10-01"),
        ("FY2026-FY2028", (6, 30), "2028-06-30", "2025-07-01"),
        ("end of FY2027", (6, 30), "2027-06-30", None),
        ("2027", (6, 30), "2027-12-31", "2027-01-01"),  # a calendar year stays a calendar year
    ],
)
def test_fiscal_years_end_at_the_configured_day(
    raw: str, fiscal: tuple[int, int], end: str, start: str | None
) -> None:
    ref = read_time(raw, TODAY, fiscal)
    assert ref is not None and ref.problem is None
    assert ref.end == D(end)
    assert ref.start == (D(start) if start else None)


def test_every_time_pattern_has_its_gate() -> None:
    """Patterns are compiled on first use and run only when a gate word is present: each
    pattern needs its own gate, in the same order."""
    from smartlint.extract import time as time_patterns

    assert len(time_patterns._SOURCES) == len(time_patterns._GATES)
    for (kind, source), rx in zip(time_patterns._SOURCES, time_patterns._PATTERNS, strict=True):
        assert kind and rx.compiled.pattern == source
