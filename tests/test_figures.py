"""Figures as people write them: whole counts, and one rounding for a figure everywhere.

A level and a change shown in A301's message and hint, the rewrite and the chart come from
:mod:`smartlint.figures`; the property test below lints many generated goals and checks
that the same figure reads the same wherever it appears.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import lint, run_cli_in_process
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.figures import Scale, change_text, counts, level_text, rounded_level
from smartlint.i18n import fmt_amount, fmt_number
from smartlint.model import Language

VI, EN = Language.VI, Language.EN

COUNTED = [
    ("số người đăng ký nhận bản tin", VI),
    ("so nguoi dang ky nhan ban tin", VI),
    ("số lượng khách hàng mới", VI),
    ("so luong khach hang moi", VI),
    ("học viên khoá tiếng Anh", VI),
    ("hoc vien khoa tieng Anh", VI),
    ("số đơn hàng online", VI),
    ("lượt truy cập website mỗi tháng", VI),
    ("thành viên chương trình khách hàng thân thiết", VI),
    ("cửa hàng nhượng quyền", VI),
    ("so nha phan phoi cap 1", VI),
    ("số nhà phân phối cấp 1", VI),
    ("newsletter subscribers", EN),
    ("monthly active users", EN),
    ("app sign-ups", EN),
    ("number of stores in Hanoi", EN),
    ("full-time employees", EN),
    ("organic search visits", EN),
    ("visits per month", EN),
]
NOT_COUNTED = [
    ("doanh thu online", VI),
    ("doanh thu tu khach hang moi", VI),
    ("chi phí quảng cáo trên mỗi đơn hàng", VI),
    ("tỷ lệ khách hàng quay lại", VI),
    ("ty le chuyen doi", VI),
    ("lợi nhuận gộp", VI),
    ("giá trị đơn hàng trung bình", VI),
    ("revenue", EN),
    ("average order value", EN),
    ("cost per order", EN),
    ("share of customers who return", EN),
    ("orders per customer", EN),
    ("NPS", EN),
    ("churn rate", EN),
]


@pytest.mark.parametrize(("words", "language"), COUNTED)
def test_head_nouns_that_count(words: str, language: Language) -> None:
    assert counts(words, language)


@pytest.mark.parametrize(("words", "language"), NOT_COUNTED)
def test_measures_ratios_and_money_do_not_count(words: str, language: Language) -> None:
    assert not counts(words, language)


COUNT, AMOUNT, PERCENT = Scale(counted=True), Scale(), Scale(percent=True)


def test_a_required_count_rounds_away_from_the_start() -> None:
    assert rounded_level(5437.5, COUNT, start=4350) == 5438  # +25 % needs the 5,438th
    assert rounded_level(3262.5, COUNT, start=4350) == 3262  # -25 % is met at 3,262
    assert rounded_level(4785.000000000001, COUNT, start=4350) == 4785  # no float step


def test_a_reachable_level_rounds_toward_the_start() -> None:
    assert rounded_level(5287.9, COUNT, start=4350, reachable=True) == 5287
    assert rounded_level(3300.2, COUNT, start=4350, reachable=True) == 3301
    assert rounded_level(45.567, AMOUNT, start=40, reachable=True) == pytest.approx(45.56)
    assert rounded_level(2.057, PERCENT, start=1.8, reachable=True) == pytest.approx(2.05)


def test_a_required_measure_keeps_its_decimals() -> None:
    assert rounded_level(1234.5678, AMOUNT, start=1000) == 1234.5678
    assert level_text(12.345, AMOUNT, EN) == "12.35"  # half up, as people round
    assert level_text(2.5e9, AMOUNT, VI) == "2,5 tỷ"
    assert level_text(99.95, PERCENT, EN) == "99.95%"


def test_counts_show_whole_in_both_languages() -> None:
    assert level_text(5438, COUNT, VI) == "5.438"
    assert level_text(5438, COUNT, EN) == "5,438"
    assert level_text(12, COUNT, EN) == "12"
    assert level_text(2_500_000, COUNT, VI) == "2,5 triệu"


def test_a_change_is_taken_from_the_levels_shown() -> None:
    assert change_text(4350, 5287, COUNT, VI) == "+21,5%"
    assert change_text(195, 232, COUNT, EN) == "+19%"
    assert change_text(100, 516.4, AMOUNT, EN) == "+416%"
    assert change_text(1.8, 2.2, PERCENT, VI) == "+0,4 điểm %"
    assert change_text(0, 10, COUNT, EN) is None


def test_half_up_everywhere() -> None:
    assert fmt_number(1312.5, EN, decimals=0) == "1,313"
    assert fmt_number(-1312.5, EN, decimals=0) == "-1,313"
    assert fmt_number(2.675, VI) == "2,68"
    assert fmt_number(1.7e308, EN).startswith("169,999")


def test_an_amount_has_the_same_digits_short_or_long() -> None:
    # the chart's scale label writes the English scale as a letter; the digits do not change
    assert fmt_amount(2_512_000_000, EN) == "2.51 billion"
    assert fmt_amount(2_512_000_000, EN, short=True) == "2.51B"
    assert fmt_amount(1_600_000, EN, short=True) == "1.6M"
    assert fmt_amount(2_512_000_000, VI, short=True) == fmt_amount(2_512_000_000, VI) == "2,51 tỷ"
    assert fmt_amount(4350.4, EN, short=True) == "4,350"
    assert fmt_amount(12.345, VI, short=True) == "12,35"


# --------------------------------------------------------------------------- end to end


def _goal(title: str, values: list[float]) -> str:
    shown = ", ".join(str(v) for v in values)
    escaped = title.replace("'", "''")
    return (
        f"goals:\n  - id: g\n    why: Mở chi nhánh\n    title: '{escaped}'\n"
        f"    history: {{period: month, values: [{shown}]}}\n"
    )


_DATED = "    history: {2026-10: 4000, 2026-11: 4200, 2026-12: 4350}\n"


def _dated(title: str, goal_id: str = "g") -> str:
    escaped = title.replace("'", "''")
    return f"  - id: {goal_id}\n    why: Funding\n    title: '{escaped}'\n{_DATED}"


def test_the_example_subscriber_goal_reads_whole_and_agrees() -> None:
    source = "goals:\n" + _dated(
        "Tăng số người đăng ký nhận bản tin lên 25% vào cuối tháng 2 năm 2027"
    )
    [result] = lint(source).goals
    [a301] = [f for f in result.findings if f.code == "A301"]
    assert "4.350 → 5.438 " in a301.message
    assert "≈ 5.287 " in a301.suggestion and "(+21,5%)" in a301.suggestion
    assert result.rewrite is not None and "từ 4.350 lên 5.287 (+21,5%)" in result.rewrite


def test_the_cli_shows_whole_counts_and_one_rounding(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "plan.yaml"  # type: ignore[operator]
    path.write_text(
        "goals:\n"
        + _dated("Tang so nguoi dang ky nhan ban tin len 25% vao cuoi thang 2 nam 2027")
        + _dated("Increase newsletter subscribers by 25% by 28 February 2027", "en"),
        encoding="utf-8",
    )
    done = run_cli_in_process(
        str(path), "--today", "2027-01-15", env={**os.environ, "COLUMNS": "120"}
    )
    assert done.returncode == 0, done.stderr  # A301 is a warning
    out = done.stdout
    assert "5.437,5" not in out and "5,437.5" not in out
    assert "4.350 → 5.438" in out and "4,350 → 5,438" in out
    assert out.count("5.287") == 2 and out.count("+21,5%") == 2
    assert out.count("5,287") == 2 and out.count("+21.5%") == 2
    assert "4.000–5.438" in out and "4,000–5,438" in out  # the chart's scale, same digits


_HINT = re.compile(r"≈ (?P<level>\S+) (?:by|vào) .*\((?P<change>[^)]+)\)\.$")
_REWRITE = re.compile(r"(?:from|từ) \S+ (?:to|lên|xuống) (?P<level>\S+) \((?P<change>[^)]+)\)")
_PATH = re.compile(r"\((?P<start>\S+) → (?P<target>\S+) (?:by|vào) ")

_METRICS = {
    VI: ["số người đăng ký nhận bản tin", "doanh thu online", "so khach hang moi"],
    EN: ["newsletter subscribers", "online revenue", "new customers"],
}


@settings(max_examples=80)
@given(
    language=st.sampled_from([VI, EN]),
    metric=st.integers(0, 2),
    start=st.integers(101, 90_000),
    percent=st.integers(12, 400),
    growth=st.lists(st.floats(0.001, 0.06), min_size=2, max_size=5),
    month=st.integers(2, 9),
)
def test_growth_and_levels_agree_in_message_hint_and_rewrite(
    language: Language, metric: int, start: int, percent: int, growth: list[float], month: int
) -> None:
    values = [float(start)]
    for g in reversed(growth):
        values.insert(0, round(values[0] / (1 + g), 3))
    what = _METRICS[language][metric]
    if language is VI:
        title = f"Tăng {what} lên {percent}% vào cuối tháng {month} năm 2027"
    else:
        title = f"Increase {what} by {percent}% by the end of {_MONTHS[month]} 2027"
    [result] = lint(_goal(title, values)).goals
    found = [f for f in result.findings if f.code == "A301"]
    if not found:
        return
    [a301] = found
    hint = _HINT.search(a301.suggestion or "")
    assert hint is not None, a301.suggestion
    assert result.rewrite is not None
    rewrite = _REWRITE.search(result.rewrite)
    assert rewrite is not None, result.rewrite
    assert hint["level"] == rewrite["level"]
    assert hint["change"] == rewrite["change"]
    path = _PATH.search(a301.message)
    assert path is not None, a301.message
    if metric != 1:  # counts: whole everywhere
        decimal = "," if language is VI else "."
        for shown in (path["target"], hint["level"]):
            assert decimal not in shown.split()[0] or shown.endswith(("tỷ", "triệu")), shown


_MONTHS = {
    2: "February",
    3: "March",
    4: "April",
    5: "May",
    6: "June",
    7: "July",
    8: "August",
    9: "September",
}


def test_a_count_kept_with_fractions_is_not_rounded_whole() -> None:
    """Stores averaged over a month (1,02) are not counted one by one: decimals stay."""
    source = (
        "goals:\n  - id: g\n    why: Growth\n"
        "    title: Increase stores by 3%\n"
        "    history: {period: month, values: [1, 1.01, 1.02]}\n"
    )
    [result] = lint(source).goals
    assert result.rewrite is not None and "from 1.02 to 1.05 (+3%)" in result.rewrite


def test_a_small_count_needs_the_next_whole_unit() -> None:
    source = (
        "goals:\n  - id: g\n    why: Growth\n"
        "    title: Increase the number of stores by 3% by 31 March 2027\n"
        "    history: {period: month, values: [9, 10, 10]}\n"
    )
    [result] = lint(source).goals
    found = [f.message for f in result.findings if f.code in ("A301", "A306")]
    assert result.rewrite is None or "10.3" not in result.rewrite
    assert all("10.3" not in message for message in found)
