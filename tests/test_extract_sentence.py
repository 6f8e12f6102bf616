"""Reading whole goal sentences: target, baseline, direction, metric, base, means, placeholders."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from conftest import cpu_seconds

from smartlint.extract import detect_language, read_sentence
from smartlint.model import ChangeKind, Direction, Language, Period, Reading

TODAY = date(2027, 1, 15)
SEED_TODAY = date(2021, 1, 15)
L, P, F, X, DL = (
    ChangeKind.LEVEL,
    ChangeKind.PERCENT,
    ChangeKind.FACTOR,
    ChangeKind.POINTS,
    ChangeKind.DELTA,
)
UP, DOWN, REACH = Direction.INCREASE, Direction.DECREASE, Direction.REACH


def target(r: Reading) -> tuple[ChangeKind, float] | None:
    return (r.target.kind, round(r.target.value, 6)) if r.target else None


@pytest.mark.parametrize(
    ("text", "direction", "expected", "baseline"),
    [
        ("Tăng số người ghé thăm website lên gấp ba lần, từ 1000 lên đến 3000 người so với quý trước",
         UP, (L, 3000.0), 1000.0),
        ("Tăng số người đăng ký lên 15% trong quý 3 năm 2027", UP, (P, 15.0), None),
        ("Grow sign-ups by 15% in Q3 2027", UP, (P, 15.0), None),
        ("Tăng số khách hàng thêm 20% trong quý 2", UP, (P, 20.0), None),
        ("Giảm chi phí quảng cáo 20%", DOWN, (P, -20.0), None),
        ("Giảm tỷ lệ khách hàng rời bỏ xuống 5%", DOWN, (L, 5.0), None),
        ("Reduce churn rate to 3%", DOWN, (L, 3.0), None),
        ("Tăng tỷ lệ mở email từ 18% lên 22%", UP, (L, 22.0), 18.0),
        ("Tăng số khách hàng từ 1000 lên 3000", UP, (L, 3000.0), 1000.0),
        ("Increase visits from 12,000 to 13,200", UP, (L, 13200.0), 12000.0),
        ("Tăng lượt tải 1000 → 3000", UP, (L, 3000.0), 1000.0),
        ("Cut onboarding time 14 -> 7 days", DOWN, (L, 7.0), 14.0),
        ("Tăng doanh số gấp ba lần", UP, (F, 3.0), None),
        ("Tăng doanh số gấp đôi", UP, (F, 2.0), None),
        ("Double demo requests", UP, (F, 2.0), None),
        ("Cut acquisition cost in half", DOWN, (F, 0.5), None),
        ("Tăng doanh số x3", UP, (F, 3.0), None),
        ("Tăng số khách hàng thêm 200 khách hàng", UP, (DL, 200.0), None),
        ("Increase Instagram followers by 5,000", UP, (DL, 5000.0), None),
        ("Reduce operating expenses by $50,000", DOWN, (DL, -50000.0), None),
        ("Giảm tỷ lệ hủy đơn 2 điểm phần trăm", DOWN, (X, -2.0), None),
        ("Grow engagement rate by 2 points", UP, (X, 2.0), None),
        ("Đạt 10.000 lượt tải ứng dụng", REACH, (L, 10000.0), None),
        ("Reach 50,000 subscribers", REACH, (L, 50000.0), None),
        ("Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng", UP, (L, 2.5e9), 2e9),
        ("Increase revenue from $1.5M to $2M", UP, (L, 2e6), 1.5e6),
        ("Tăng doanh thu lên 5 tỷ đồng", UP, (L, 5e9), None),
    ],
)  # fmt: skip
def test_target(
    text: str, direction: Direction, expected: tuple[ChangeKind, float], baseline: float | None
) -> None:
    r = read_sentence(text, TODAY)
    assert r.direction is direction
    assert target(r) == (expected[0], pytest.approx(expected[1]))
    assert (r.baseline.value if r.baseline else None) == baseline


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Hire two account executives by March 31, 2027", 2.0),
        ("Đăng 5 bài mới trên blog trong tháng 3 năm 2027", 5.0),
        ("Ký 3 hợp đồng mới với nhà phân phối", 3.0),
        ("Launch 3 new campaigns in Q2 2027", 3.0),
        ("Tuyển 2 nhân viên kinh doanh", 2.0),
    ],
)
def test_new_things_start_from_zero(text: str, count: float) -> None:
    r = read_sentence(text, TODAY)
    assert r.implied_zero_baseline
    assert target(r) == (L, count)


@pytest.mark.parametrize(
    "text",
    ["Đạt 10.000 lượt tải ứng dụng", "Reach 50,000 subscribers", "Tăng số khách hàng lên 300"],
)
def test_reaching_a_level_implies_nothing(text: str) -> None:
    r = read_sentence(text, TODAY)
    assert not r.implied_zero_baseline
    assert r.implied_baseline is None


def test_percent_and_level_imply_the_baseline() -> None:
    r = read_sentence(
        "Tăng số lượng người đăng ký nhận tin bài viết mới lên 10%, đạt số lượng 50,000 người"
        " vào cuối tháng 8 năm nay",
        SEED_TODAY,
    )
    assert target(r) == (P, 10.0)
    assert r.implied_baseline == pytest.approx(50000 / 1.1)


def test_means_is_kept_apart() -> None:
    text = (
        "Trong tháng 8, số lượng người đăng ký email để nhận bài viết mới tăng 10% so với"
        " tháng 7 bằng cách tăng số lượng bài blog từ 3 bài lên 5 bài hàng tuần."
    )
    r = read_sentence(text, SEED_TODAY)
    assert target(r) == (P, 10.0)
    assert r.baseline is None
    assert r.cadence is None
    assert r.means is not None and r.means.text.startswith("bằng cách")
    assert (
        r.metric is not None
        and r.metric.text == "số lượng người đăng ký email để nhận bài viết mới"
    )
    assert r.base is not None and r.base.text == "so với tháng 7"


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Tăng doanh thu lên 15% so với tháng trước", "so với tháng trước"),
        ("Tăng doanh số gấp đôi so với cùng kỳ năm ngoái", "so với cùng kỳ năm ngoái"),
        ("Giảm chi phí 10% so với quý trước", "so với quý trước"),
        ("Grow revenue 10% vs last quarter", "vs last quarter"),
        ("Grow revenue 10% compared to June", "compared to June"),
        ("Increase revenue by 12% YoY", "YoY"),
        ("Tăng doanh thu 20% cùng kỳ năm ngoái", "cùng kỳ năm ngoái"),
    ],
)
def test_comparison_base(text: str, base: str) -> None:
    r = read_sentence(text, TODAY)
    assert r.base is not None and r.base.text == base
    assert r.deadline is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Grow sessions 5% MoM", Period.MONTH),
        ("Grow warehouse picks per hour 3% week over week", Period.WEEK),
        ("Cut cloud spend 5% quarter-over-quarter", Period.QUARTER),
    ],
)
def test_period_over_period_is_a_cadence_not_a_base(text: str, period: Period) -> None:
    """MoM, WoW and QoQ compare each period with the one before: the spec's cadence.
    YoY compares with the same period a year before: a named base (above)."""
    r = read_sentence(text, TODAY)
    assert r.cadence is period
    assert r.base is None


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        ("Tăng doanh thu lên X% trong quý 4 năm 2027", ["X%"]),
        ("Tăng doanh thu lên XX khách hàng", ["XX"]),
        ("Tăng khách hàng tiềm năng lên TBD", ["TBD"]),
        ("Increase revenue to TBC", ["TBC"]),
        ("Increase revenue by ???", ["???"]),
        ("Increase revenue to <target>", ["<target>"]),
        ("Tăng doanh thu lên (xác định bằng số)", ["(xác định bằng số)"]),
        ("Tăng doanh thu lên [số] khách hàng", ["[số]"]),
        ("Increase revenue by N7% in Q2 2027", ["N7%"]),
        ("Baseline: N/A", ["N/A"]),
    ],
)
def test_placeholders(text: str, holders: list[str]) -> None:
    r = read_sentence(text, TODAY)
    assert [p.text for p in r.placeholders] == holders
    assert r.target is None


@pytest.mark.parametrize(
    "text",
    ["Tăng doanh số x3 trong quý 2", "Max out the next quarter", "Tăng số người dùng lên 10%"],
)
def test_no_placeholder(text: str) -> None:
    assert read_sentence(text, TODAY).placeholders == ()


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Tăng số lượng người ghé thăm trang blog", "số lượng người ghé thăm trang blog"),
        ("Increase organic search visits from 12,000 to 13,200", "organic search visits"),
        ("Đạt 10.000 lượt tải ứng dụng trước 30/9/2027", "lượt tải ứng dụng"),
        ("Hire two account executives", "account executives"),
        ("Tang 10% doanh thu trong quy 3 nam 2027", "doanh thu"),
        ("Reach $1M in annual recurring revenue", "annual recurring revenue"),
    ],
)
def test_metric(text: str, metric: str) -> None:
    r = read_sentence(text, TODAY)
    assert r.metric is not None
    assert r.metric.text == metric
    assert r.text[r.metric.start : r.metric.end] == metric


@pytest.mark.parametrize(
    "text",
    [
        "Vào quý 1 năm 2021, chúng ta sẽ tập trung vào việc triển khai chiến dịch marketing",
        "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
        "This year we will launch a big marketing campaign",
        "tinh nang san pham moi",
        "Đặt mục tiêu cho đội ngũ",
        "",
    ],
)
def test_nothing_to_read(text: str) -> None:
    r = read_sentence(text, TODAY)
    assert (r.target, r.direction, r.metric, r.quantities) == (None, None, None, ())


@pytest.mark.parametrize(
    ("rate_text", "count_text"),
    [
        ("Tăng tỷ lệ chuyển đổi lên 5%", "Tăng số người đăng ký lên 5%"),
        ("Increase conversion rate to 5%", "Increase sign-ups to 5%"),
    ],
)
def test_rate_levels_and_count_changes(rate_text: str, count_text: str) -> None:
    rate, count = read_sentence(rate_text, TODAY), read_sentence(count_text, TODAY)
    assert rate.rate and target(rate) == (L, 5.0)
    assert not count.rate and target(count) == (P, 5.0)


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        ("tang 10% trong quy 3 nam 2027", "tăng 10% trong quý 3 năm 2027"),
        ("Giam ty le khach hang roi bo tu 6% xuong 4% truoc 30/6/2027",
         "Giảm tỷ lệ khách hàng rời bỏ từ 6% xuống 4% trước 30/6/2027"),
        ("Tang doanh thu tu 2 ty len 3 ty dong vao cuoi nam 2027",
         "Tăng doanh thu từ 2 tỷ lên 3 tỷ đồng vào cuối năm 2027"),
        ("Tang so nguoi dang ky nhan tin len 5% hang thang",
         "Tăng số người đăng ký nhận tin lên 5% hàng tháng"),
    ],
)  # fmt: skip
def test_without_diacritics_reads_the_same(plain: str, marked: str) -> None:
    a, b = read_sentence(plain, TODAY), read_sentence(marked, TODAY)
    assert (a.direction, a.target and a.target.kind, a.target and a.target.value) == (
        b.direction,
        b.target and b.target.kind,
        b.target and b.target.value,
    )
    assert (a.baseline and a.baseline.value, a.cadence, a.rate, a.language) == (
        b.baseline and b.baseline.value,
        b.cadence,
        b.rate,
        b.language,
    )
    assert (a.deadline and a.deadline.end) == (b.deadline and b.deadline.end)


def test_nfd_input_reads_like_nfc() -> None:
    nfc = "Tăng số người đăng ký lên 15% trong quý 3 năm 2027"
    nfd = unicodedata.normalize("NFD", nfc)
    a, b = read_sentence(nfd, TODAY), read_sentence(nfc, TODAY)
    assert a.text == nfd
    assert (a.direction, a.target and a.target.value, a.deadline and a.deadline.end) == (
        b.direction,
        b.target and b.target.value,
        b.deadline and b.deadline.end,
    )
    assert a.metric is not None and b.metric is not None
    assert unicodedata.normalize("NFC", a.metric.text) == b.metric.text == "số người đăng ký"
    assert nfd[a.metric.start : a.metric.end] == a.metric.text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tăng doanh thu lên 15%", Language.VI),
        ("tang so luong nguoi ghe tham trang blog len 10% trong quy 3 nam 2027", Language.VI),
        ("Giam chi phi marketing 15% trong 6 thang toi", Language.VI),
        ("Increase organic search visits by 10% in Q3 2027", Language.EN),
        ("Reach 50,000 subscribers by the end of 2027", Language.EN),
        ("Improve the blog", Language.EN),
        ("Café visits up 10% by the end of 2027", Language.EN),
    ],
)
def test_language(text: str, language: Language) -> None:
    assert detect_language(text) is language


def test_language_can_be_forced() -> None:
    assert read_sentence("Tang doanh thu", TODAY, language=Language.EN).language is Language.EN


@pytest.mark.parametrize(
    "text",
    [
        "Tăng " + "a" * 1_000_000 + " lên 10%",
        "1" * 100_000,
        "từ " * 50_000,
        "." * 1_000_000,
        "1." * 500_000,
        "tăng 1 lên " * 100_000,
        "quý 3 năm " * 100_000,
        "<" * 1_000_000,
        "\u0301" * 1_000_000,
    ],
)
def test_hostile_input_is_read_in_bounded_time(text: str) -> None:
    # a few milliseconds each: the bound only catches runaway backtracking
    assert cpu_seconds(lambda: read_sentence(text, TODAY)) < 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu hồi 80% công nợ quá hạn trước cuối quý 3 năm 2027", (L, 80.0)),
        ("Huy động 5 tỷ đồng vốn đầu tư trong nửa đầu năm 2027", (L, 5e9)),
        ("Increase sales by 8-10% next quarter", (P, 8.0)),
        ("Increase the share of repeat customers to 40% by 30 September 2027", (L, 40.0)),
        ("Increase NPS by 10 points by Q4", (X, 10.0)),
        ("Reduce customer complaints by half by Dec 2027", (F, 0.5)),
    ],
)
def test_more_goal_shapes(text: str, expected: tuple[ChangeKind, float]) -> None:
    assert target(read_sentence(text, TODAY)) == (expected[0], pytest.approx(expected[1]))
