"""A308 history-period-mismatch: a history kept per another period than the goal's level.

Quarterly values beside an annual baseline are a finding and Achievable skips (no chart,
no pace judged); a history in the level's own period, one sampled more often at the same
level, and a relative cadence (converted between periods) are judged as usual.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint, run_cli_in_process

from smartlint.history_fit import period_words
from smartlint.model import Criterion, Period


def _goal(title: str, history: str, extra: str = "") -> str:
    escaped = title.replace("'", "''")
    return (
        f"goals:\n  - id: g\n    why: Mở chi nhánh\n    title: '{escaped}'\n"
        f"    history: {history}\n{extra}"
    )


QUARTERS = "{period: quarter, values: [8, 9, 10, 11]}"
QUARTERS_USD = "{period: quarter, values: [900000, 950000, 1000000, 1100000]}"
MONTHS = "{period: month, values: [3, 4, 4, 5]}"

MISMATCHED = [
    ("Tăng doanh thu năm 2027 từ 40 tỷ lên 48 tỷ đồng vào cuối năm 2027", QUARTERS, ""),
    ("Tang doanh thu nam 2027 tu 40 ty len 48 ty dong vao cuoi nam 2027", QUARTERS, ""),
    ("Tăng doanh thu hàng năm từ 40 tỷ lên 48 tỷ đồng vào cuối năm 2027", QUARTERS, ""),
    (
        "Increase annual revenue from $4 million to $4.8 million by the end of 2027",
        QUARTERS_USD,
        "",
    ),
    (
        "Increase revenue per year from $4 million to $4.8 million by the end of 2027",
        QUARTERS_USD,
        "",
    ),
    (
        "Increase yearly sign-ups to 60,000 by 31 December 2027",
        "{period: quarter, values: [10000, 11000, 12000, 13000]}",
        "    baseline: 48000\n",
    ),
    ("Tăng số hợp đồng từ 12 lên 15 hợp đồng mỗi quý trước 31/12/2027", MONTHS, ""),
    ("Tang so hop dong tu 12 len 15 hop dong moi quy truoc 31/12/2027", MONTHS, ""),
    (
        "Increase revenue from $4 million to $4.8 million by the end of 2027",
        QUARTERS_USD,
        "    unit: USD/year\n",
    ),
]
FITTING = [
    # the level's own period
    (
        "Increase annual revenue from $4 million to $4.8 million by the end of 2027",
        "{period: year, values: [3200000, 3600000, 4000000]}",
        "",
    ),
    # sampled weekly at the same level: a stock, not a total
    (
        "Increase monthly active users from 9,000 to 9,900 by 31 March 2027",
        "{period: week, values: [8600, 8700, 8850, 9000]}",
        "",
    ),
    # a relative cadence converts between periods
    (
        "Tăng số đơn hàng online thêm 5% mỗi tháng",
        "{period: quarter, values: [3000, 3300, 3600, 3900]}",
        "",
    ),
    # no period named: the history is the metric's own
    (
        "Tăng số khách hàng từ 1.000 lên 1.200 vào cuối năm 2027",
        "{period: quarter, values: [850, 900, 950, 1000]}",
        "",
    ),
    # an annual metric whose quarterly values are rolling annual totals (same level)
    (
        "Increase annual revenue from $4 million to $4.8 million by the end of 2027",
        "{period: quarter, values: [3700000, 3800000, 3900000, 4000000]}",
        "",
    ),
]


@pytest.mark.parametrize(("title", "history", "extra"), MISMATCHED)
def test_a_history_of_another_period_skips_achievable(title: str, history: str, extra: str) -> None:
    [result] = lint(_goal(title, history, extra)).goals
    codes = [f.code for f in result.findings if f.criterion is Criterion.ACHIEVABLE]
    assert codes == ["A308"], result.findings
    assert result.verdict(Criterion.ACHIEVABLE).value == "skip"


@pytest.mark.parametrize(("title", "history", "extra"), FITTING)
def test_a_history_that_fits_is_judged(title: str, history: str, extra: str) -> None:
    [result] = lint(_goal(title, history, extra)).goals
    assert "A308" not in [f.code for f in result.findings]
    assert result.verdict(Criterion.ACHIEVABLE).value in ("pass", "fail")


def test_the_message_names_both_periods_and_values() -> None:
    [result] = lint(_goal(*MISMATCHED[0][:2])).goals
    [finding] = [f for f in result.findings if f.code == "A308"]
    assert finding.message == (
        "Lịch sử ghi giá trị theo quý (gần nhất 11 tỷ) nhưng mức của mục tiêu là tổng theo năm"
        " (40 tỷ): hai con số không cùng một thước đo, nên chưa so tốc độ."
    )
    assert "`period: year`" in finding.suggestion and "`period: quarter`" in finding.suggestion
    assert finding.span.line == 5  # the history


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("annual revenue", Period.YEAR),
        ("revenue per quarter", Period.QUARTER),
        ("doanh thu hàng tháng", Period.MONTH),
        ("doanh thu nam 2027", Period.YEAR),
        ("VND/năm", Period.YEAR),
        ("contracts a quarter", Period.QUARTER),
        ("newsletter subscribers", None),
        ("số người đăng ký", None),
        ("năm sản phẩm mới", None),  # "năm" is also five
    ],
)
def test_period_words(words: str, period: Period | None) -> None:
    assert period_words(words) is period


@pytest.mark.parametrize(
    ("adjective", "name", "vi", "period"),
    [
        ("annual", "year", "năm", Period.YEAR),
        ("yearly", "year", "năm", Period.YEAR),
        ("quarterly", "quarter", "quý", Period.QUARTER),
        ("monthly", "month", "tháng", Period.MONTH),
        ("weekly", "week", "tuần", Period.WEEK),
        ("daily", "day", "ngày", Period.DAY),
    ],
)
def test_every_period_word_names_its_period(
    adjective: str, name: str, vi: str, period: Period
) -> None:
    assert period_words(f"{adjective} orders") is period
    assert period_words(f"orders per {name}") is period
    assert period_words(f"đơn hàng mỗi {vi}") is period


def test_through_the_cli_no_chart_and_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(_goal(*MISMATCHED[3][:2]), encoding="utf-8")
    pretty = run_cli_in_process(str(path), "--today", "2027-01-15")
    assert pretty.returncode == 0, pretty.stderr
    assert "A308" in pretty.stdout and "A –" in pretty.stdout
    assert "┊" not in pretty.stdout  # no chart of two different measures
    done = run_cli_in_process(str(path), "--today", "2027-01-15", "--format", "json")
    document = json.loads(done.stdout)
    assert document["goals"][0]["criteria"]["achievable"] == "skip"
    assert [f["code"] for f in document["findings"]] == ["A308"]
    assert document["findings"][0]["name"] == "history-period-mismatch"
    html = run_cli_in_process(str(path), "--today", "2027-01-15", "--format", "html")
    assert html.returncode == 0 and "A308" in html.stdout


def test_a_sheet_with_quarter_columns_beside_an_annual_target(tmp_path: Path) -> None:
    """A KPI sheet: quarterly actuals beside an annual target are flagged, and the rewrite
    does not take the last quarter for the current annual level; a quarterly KPI is judged."""
    sheet = tmp_path / "kpi.csv"
    quarters = "8.000.000.000;9.000.000.000;10.000.000.000;11.000.000.000"
    sheet.write_text(
        "Mục tiêu;Chỉ tiêu;Hạn;Q1 2026;Q2 2026;Q3 2026;Q4 2026\n"
        f"Doanh thu năm 2027;48.000.000.000;31/12/2027;{quarters}\n"
        f"Doanh thu quý 4 năm 2027;13.000.000.000;31/12/2027;{quarters}\n",
        encoding="utf-8",
    )
    done = run_cli_in_process(str(sheet), "--today", "2027-01-15", "--format", "json")
    document = json.loads(done.stdout)
    annual, quarterly = document["goals"]
    assert annual["criteria"]["achievable"] == "skip"
    assert quarterly["criteria"]["achievable"] == "pass"
    codes = [(f["line"], f["code"]) for f in document["findings"] if f["code"].startswith("A")]
    assert (2, "A308") in codes and (3, "A308") not in codes
    assert "từ <giá trị hiện tại> lên 48 tỷ" in annual["suggestion"]
