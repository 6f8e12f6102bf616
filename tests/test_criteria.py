"""Each criterion's verdict on sentences a planner would write: lists of passing and failing goals.

Sentences are linted through the real pipeline (parser, extraction, rules, engine) with
today pinned to 2027-01-15.
"""

from __future__ import annotations

import pytest
from conftest import only_goal, verdict_of

from smartlint.model import Criterion

SPECIFIC_OK = [
    "Tăng số lượng người ghé thăm trang website bán hàng lên gấp ba lần",
    "Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027",
    "Increase organic search visits from 12,000 to 13,200 by 31 July 2027",
    "Double demo requests within 2 months",
    "Hire two account executives by 30 April 2027",
    "tang so luong nguoi dang ky email len 10% trong quy 3 nam 2027",
    "Giảm tỷ lệ hủy đơn xuống 5% vào cuối năm 2027",
    "Disburse $3.5 million in new small-business loans in H2 2027",
    "goi dien cham soc 500 khach hang co nguy co roi bo trong 4 tuan toi",
    "Tăng điểm đánh giá trung bình từ 4,2 lên 4,6 sao trước 30/9/2027",
]
SPECIFIC_BAD = [
    "Tăng số lượng người ghé thăm trang blog",
    "Improve the blog",
    "Vào quý 1 năm 2027, chúng ta sẽ tập trung vào việc triển khai chiến dịch marketing cho tính năng sản phẩm mới",
    "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
    "Increase trial sign-ups by X% by 30 June 2027",
    "Tăng doanh thu lên TBD trong quý 3 năm 2027",
    "Cai thien su hai long cua khach hang",  # "hai" is hài (lòng), not two
    "Tăng số lượt đánh giá 5 sao trên Google Maps",  # "5 sao" names the rating
    "Grow in-store sales by adding 2 self-checkout kiosks per store by 30 November 2027",
]

MEASURABLE_OK = [
    "Tăng số lượng người ghé thăm trang website bán hàng lên gấp ba lần, từ 1000 lên đến 3000 người so với quý trước",
    "Tăng số lượng người đăng ký tư vấn sử dụng sản phẩm lên 5% hàng tháng",
    "Tăng số lượng người like fanpage về sản phẩm lên 15% trong quý 3 năm 2027",
    "Tăng số lượng người đăng ký nhận tin bài viết mới lên 10%, đạt số lượng 50,000 người vào cuối tháng 8 năm 2027",
    "Increase webinar sign-ups by 8% every month",
    "Hire two account executives by 30 April 2027",
    "Reduce monthly churn from 6% to 4% by the end of Q3 2027",
    "Tăng doanh thu lên 15% so với tháng trước",
    "Double the number of enterprise customers by end of H1 2028",
    "Sell 500 units of the new model by the end of Q2 2027",
    "Đến hết năm 2027, đạt doanh thu 10 tỷ đồng, tăng 25% so với năm 2026",
]
MEASURABLE_BAD = [
    "Tăng số lượng người đăng ký tư vấn sử dụng sản phẩm lên 5%",
    "Reach 50,000 newsletter subscribers by 31 December 2027",
    "Tăng số lượng người ghé thăm trang website bán hàng",
    "Increase weekly demos from 40 to 40 by 30 June 2027",
    "Giảm chi phí quảng cáo từ 80 triệu lên 95 triệu đồng trước 30/06/2027",
]

TIME_OK = [
    "Tăng số lượng người đăng ký tư vấn sử dụng sản phẩm lên 5% hàng tháng",
    "Tăng doanh thu thêm 10% vào cuối tháng 7 năm 2027",
    "Increase organic search visits from 12,000 to 13,200 by 31 July 2027",
    "Double demo requests within 2 months",
    "Raise trial-to-paid conversion from 18% to 22% in Q2 2027",
    "Tăng lượt tải ứng dụng từ 8.000 lên 10.000 trong H1 2027",
    "Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng vào cuối năm 2027",
    "Increase webinar sign-ups by 8% every month",
]
TIME_BAD = [
    "Tăng số lượng người ghé thăm trang website bán hàng lên gấp ba lần, từ 1000 lên đến 3000 người so với quý trước",
    "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
    "This year we will run a big marketing campaign",
    "Increase organic search visits from 12,000 to 13,200 by 31 July 2026",
    "Tăng số lượng đơn hàng mỗi tháng từ 300 lên 400",
    "Grow monthly active users from 10,000 to 12,000",
]


@pytest.mark.parametrize("text", SPECIFIC_OK)
def test_specific_passes(text: str) -> None:
    assert verdict_of(text, Criterion.SPECIFIC) == "pass"


@pytest.mark.parametrize("text", SPECIFIC_BAD)
def test_specific_fails(text: str) -> None:
    assert verdict_of(text, Criterion.SPECIFIC) == "fail"


@pytest.mark.parametrize("text", MEASURABLE_OK)
def test_measurable_passes(text: str) -> None:
    assert verdict_of(text, Criterion.MEASURABLE) == "pass"


@pytest.mark.parametrize("text", MEASURABLE_BAD)
def test_measurable_fails(text: str) -> None:
    assert verdict_of(text, Criterion.MEASURABLE) == "fail"


@pytest.mark.parametrize("text", TIME_OK)
def test_time_bound_passes(text: str) -> None:
    assert verdict_of(text, Criterion.TIME_BOUND) == "pass"


@pytest.mark.parametrize("text", TIME_BAD)
def test_time_bound_fails(text: str) -> None:
    assert verdict_of(text, Criterion.TIME_BOUND) == "fail"


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        (
            "Tăng doanh thu thêm 10% trong quý 3 năm 2027",
            "tang doanh thu them 10% trong quy 3 nam 2027",
        ),
        (
            "Giảm chi phí quảng cáo từ 85.000 đồng xuống 70.000 đồng vào cuối quý 2 năm 2027",
            "giam chi phi quang cao tu 85.000 dong xuong 70.000 dong vao cuoi quy 2 nam 2027",
        ),
        (
            "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
            "Nam nay, chung ta se trien khai mot chien dich marketing lon",
        ),
    ],
)
def test_without_diacritics_same_verdicts(accented: str, plain: str) -> None:
    for criterion in Criterion:
        if criterion is Criterion.FILE:
            continue
        assert verdict_of(plain, criterion) == verdict_of(accented, criterion), criterion


HISTORY_ONLY = "goals:\n  - title: Tăng doanh thu 15%\n    why: x\n{extra}"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # The last history value is where progress starts, not what +15% compares with.
        ("    history: {period: quarter, values: [6.000, 6.500, 7.200]}\n", "fail"),
        ("    baseline: 7.200\n", "pass"),  # a baseline the goal states names it
        (
            "    history: {period: quarter, values: [6.000, 7.200]}\n    deadline: 2027-12-31\n",
            "pass",
        ),
    ],
)
def test_relative_target_needs_a_stated_base_not_just_history(extra: str, expected: str) -> None:
    result = only_goal(HISTORY_ONLY.format(extra=extra))
    assert result.verdict(Criterion.MEASURABLE).value == expected
