"""Goals as organisations write them (PRODUCT.md, "Reading rules for goals as organisations
actually write them"): bounds, holds, standards, KPI rows, numbered and fiscal years, labels,
several targets and milestones, in both languages, with and without diacritics.

The sentences are written for these tests in the shapes real plans use; none is copied.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import lint, only_goal, run_cli_in_process, sentence

from smartlint.extract import read_sentence
from smartlint.model import Comparator, Criterion, GoalKind

TODAY = date(2027, 3, 10)


def _verdicts(text: str) -> str:
    goal = only_goal(sentence(text), TODAY)
    return " ".join(
        goal.verdict(c).value
        for c in (Criterion.SPECIFIC, Criterion.MEASURABLE, Criterion.TIME_BOUND)
    )


@pytest.mark.parametrize(
    ("text", "kind", "comparator", "level"),
    [
        # KPI rows and bounds
        ("Deploy success rate: above 97%", GoalKind.BOUND, Comparator.MORE_THAN, 97),
        ("Refund rate — target: at or below 1.5%", GoalKind.BOUND, Comparator.AT_MOST, 1.5),
        ("Open bugs per team: ≤ 25 per sprint week", GoalKind.BOUND, Comparator.AT_MOST, 25),
        ("p99 search latency <= 800 ms", GoalKind.BOUND, Comparator.AT_MOST, 800),
        ("> 60% of stores on the new POS", GoalKind.BOUND, Comparator.MORE_THAN, 60),
        ("Tỷ lệ khách hàng rời bỏ dưới 4%", GoalKind.BOUND, Comparator.LESS_THAN, 4),
        ("Ty le hang tra ve khong qua 2%", GoalKind.BOUND, Comparator.AT_MOST, 2),
        ("Thời gian duyệt hồ sơ vay: không quá 5 ngày", GoalKind.BOUND, Comparator.AT_MOST, 5),
        ("Warehouse NPS — target 40", GoalKind.BOUND, Comparator.EQUAL, 40),
        ("Chỉ tiêu lợi nhuận: 80 tỷ đồng", GoalKind.BOUND, Comparator.EQUAL, 80e9),
        # standards stated as states
        ("98% of invoices are paid within 30 days", GoalKind.BOUND, Comparator.EQUAL, 98),
        ("Median onboarding time is 3 days or less", GoalKind.BOUND, Comparator.AT_MOST, 3),
        (
            "100% of drivers pass the safety course by Q3 2027",
            GoalKind.BOUND,
            Comparator.EQUAL,
            100,
        ),
        # hold verbs and reach with a comparator
        ("Keep churn under 3% every month", GoalKind.HOLD, Comparator.LESS_THAN, 3),
        ("Duy trì tỷ lệ lấp đầy phòng trên 85%", GoalKind.HOLD, Comparator.MORE_THAN, 85),
        ("Giu vung thi phan o muc 20%", GoalKind.HOLD, Comparator.EQUAL, 20),
        ("Achieve > 99.9% uptime in Q3 2027", GoalKind.BOUND, Comparator.MORE_THAN, 99.9),
        ("Đạt trên 90% học viên hài lòng trong năm 2027", GoalKind.BOUND, Comparator.MORE_THAN, 90),
        # change verbs win, even with a comparator
        (
            "Reduce p95 latency to under 250 ms by Q4 2027",
            GoalKind.CHANGE,
            Comparator.LESS_THAN,
            250,
        ),
        (
            "Giảm tỷ lệ nợ xấu xuống dưới 2% vào cuối năm 2027",
            GoalKind.CHANGE,
            Comparator.LESS_THAN,
            2,
        ),
        ("Reach 20,000 members by 2028", GoalKind.CHANGE, None, 20000),
    ],
)
def test_kind_and_comparator(
    text: str, kind: GoalKind, comparator: Comparator | None, level: float
) -> None:
    reading = read_sentence(text, TODAY)
    assert reading.kind is kind, reading
    assert reading.comparator is comparator
    assert reading.target is not None
    assert reading.target.value == pytest.approx(level)
    assert reading.metric is not None


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        # a bound needs no baseline; without a deadline or a period it has no deadline
        ("Deploy success rate: above 97%", "pass pass fail"),
        ("Deploy success rate: above 97% every month", "pass pass pass"),
        ("Số đơn mới mỗi tuần tối thiểu 300", "pass pass pass"),
        ("moi thang toi thieu 120 khach hang moi", "pass pass pass"),
        ("Doanh thu tối thiểu 40 tỷ đồng/tháng", "pass pass pass"),
        ("Monthly active users above 50,000", "pass pass fail"),  # a unit, not a period
        ("Uptime ≥ 99.95% on a weekly basis", "pass pass pass"),
        # numbered years, fiscal years and spans are deadlines; bare years are vague
        ("Increase exports from $2M to $3M by 2029", "pass pass pass"),
        ("Tăng số hộ dùng nước sạch từ 70% lên 85% giai đoạn 2026–2030", "pass pass pass"),
        ("Grow recurring revenue from $5M to $7M in FY2028", "pass pass pass"),
        ("Cut energy use per unit from 12 to 10 kWh through 2028", "pass pass pass"),
        ("Increase signups from 1,000 to 1,500 next year", "pass pass fail"),
        ("Năm nay tăng doanh thu từ 20 tỷ lên 25 tỷ", "pass pass fail"),
        # "within" a duration: a service level or the goal's time frame
        ("Answer every support chat within 2 minutes", "pass pass fail"),
        ("Phản hồi khiếu nại trong vòng 2 ngày làm việc", "pass pass fail"),
        ("Increase trial signups by 10% within 3 months", "pass pass pass"),
        # several targets: each is judged
        ("Cut returns by 20% and reach a CSAT of 90% by Q4 2027", "pass fail pass"),
        (
            "Increase leads from 400 to 500 and cut cost per lead from $30 to $25 by Q4 2027",
            "pass pass pass",
        ),
        (
            "Doanh thu đạt 900 tỷ, lợi nhuận tăng 8% so với năm 2026, trong năm 2027",
            "pass fail pass",
        ),
        # milestones: the first one not yet passed is the target
        ("App rating: 4.3 by Q4 2026, 4.5 by Q4 2027, 4.7 by Q4 2028", "pass pass pass"),
        ("Launch the partner portal by 30 June 2027", "fail fail pass"),
        # labels and markup are read past
        (
            "KR2: **Grow** [paid seats](https://example.com) from 800 to 1,000 by Q3 2027",
            "pass pass pass",
        ),
        ("[P1] Mục tiêu 3: Tăng số đại lý từ 40 lên 55 trước 30/9/2027", "pass pass pass"),
        ("CFO: Reduce days sales outstanding from 52 to 45 by Q4 2027", "pass pass pass"),
        # words and names that are not quantities; numbers with no metric
        ("Ship the Summit 2027 agenda to all speakers", "fail fail fail"),
        ("Reach SOC 2 compliance for every product", "fail fail fail"),
        ("Northern region: 14%", "fail fail fail"),
        ("Hà Tĩnh: 9,5%", "fail fail fail"),
        # purpose clauses set no target; "còn" is a change verb
        ("Đào tạo 40 nhân viên mới trong quý 3 năm 2027 nhằm tăng doanh thu 20%", "pass pass pass"),
        ("Tỷ lệ lỗi sản phẩm còn 0,8% vào cuối năm 2027", "pass fail pass"),
        # averages per period are cadences
        ("Tăng trưởng doanh thu bình quân 12%/năm", "pass pass pass"),
        ("Grow bookings at an average of 6% a year", "pass pass pass"),
    ],
)
def test_verdicts(text: str, verdicts: str) -> None:
    assert _verdicts(text) == verdicts


def test_several_targets_point_at_the_part_that_fails() -> None:
    goal = only_goal(sentence("Cut returns by 20% and reach a CSAT of 90% by Q4 2027"), TODAY)
    [m202] = [f for f in goal.findings if f.code == "M202"]
    start = goal.goal.title.span.column if goal.goal.title else 0
    title = "Cut returns by 20% and reach a CSAT of 90% by Q4 2027"
    assert title[m202.span.column - start : m202.span.end_column - start] == "90%"


def test_numbers_keep_the_digits_they_were_written_with() -> None:
    """A bound of 99.95% is not reported as 100%."""
    goal = only_goal(sentence("Achieve 99.95% availability by Q4 2027"), TODAY)
    [m202] = [f for f in goal.findings if f.code == "M202"]
    assert "99.95%" in m202.message
    assert "100%" not in m202.message
    vi = only_goal(sentence("Đạt tỷ lệ giao hàng đúng hẹn 99,95% vào cuối năm 2027"), TODAY)
    [m202_vi] = [f for f in vi.findings if f.code == "M202"]
    assert "99,95%" in m202_vi.message


def test_a_bound_already_met_is_a_hold() -> None:
    source = (
        "goals:\n"
        "  - id: uptime\n"
        "    title: Keep API availability at or above 99.9% every month\n"
        "    why: Contracts promise it\n"
        "    history: {period: month, values: [99.91, 99.95, 99.97]}\n"
    )
    goal = only_goal(source, TODAY)
    assert goal.verdict(Criterion.ACHIEVABLE).value == "pass"
    assert {f.code for f in goal.findings} >= {"A307"}
    assert not {"A302", "A303", "A305"} & {f.code for f in goal.findings}


def test_a_bound_not_met_is_judged_as_a_change() -> None:
    source = (
        "goals:\n"
        "  - id: churn\n"
        "    title: Keep monthly churn below 1% by 30 April 2027\n"
        "    why: Retention drives the plan\n"
        "    history: {period: month, values: [3.1, 3.0, 2.9, 2.8]}\n"
    )
    goal = only_goal(source, date(2027, 3, 31))
    assert goal.verdict(Criterion.ACHIEVABLE).value == "fail"
    assert "A301" in {f.code for f in goal.findings}


def test_a_qualitative_objective_is_judged_through_its_key_results() -> None:
    source = (
        "goals:\n"
        "  - id: loved\n"
        "    title: Be the clinic patients recommend\n"
        "    why: Word of mouth brings most new patients\n"
        "    key_results:\n"
        "      - id: kr-nps\n"
        "        title: Raise patient NPS from 41 to 50 by 31 December 2027\n"
        "      - id: kr-wait\n"
        "        title: Reduce average waiting time from 35 to 20 minutes\n"
    )
    report = lint(source, TODAY)
    objective = next(g for g in report.goals if g.goal.goal_id == "loved")
    verdicts = {c.value: v.value for c, v in objective.verdicts}
    assert verdicts["specific"] == "pass" and verdicts["measurable"] == "pass"
    assert verdicts["time_bound"] == "fail"
    [t509] = [f for f in objective.findings if f.code == "T509"]
    assert "kr-wait" in t509.message
    assert not {"S101", "M201", "T501"} & {f.code for f in objective.findings}


def test_an_objective_that_states_a_number_is_judged_on_it() -> None:
    source = (
        "goals:\n"
        "  - id: obj\n"
        "    title: Grow the clinic to 3 branches\n"
        "    why: Patients travel too far\n"
        "    key_results:\n"
        "      - Open 2 new branches by 31 December 2027\n"
    )
    report = lint(source, TODAY)
    objective = report.goals[0]
    assert objective.verdict(Criterion.TIME_BOUND).value == "fail"
    assert "T501" in {f.code for f in objective.findings}


@pytest.mark.parametrize(
    ("fiscal", "deadline"),
    [("12-31", "2027-12-31"), ("06-30", "2027-06-30"), ("09-30", "2027-09-30")],
)
def test_fiscal_year_end_through_the_cli(tmp_path: Path, fiscal: str, deadline: str) -> None:
    (tmp_path / ".smartlint.yaml").write_text(f'fiscal-year-end: "{fiscal}"\n', encoding="utf-8")
    goals = tmp_path / "goals.yaml"
    goals.write_text(
        "goals:\n  - id: arr\n    title: Grow ARR from $4M to $5M in FY2027\n    why: Plan\n",
        encoding="utf-8",
    )
    done = run_cli_in_process("--today", "2026-01-05", "--show-reading", str(goals))
    assert done.returncode in (0, 1), done.stderr
    assert f"deadline:     {deadline}" in done.stdout


def test_bad_fiscal_year_end_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / ".smartlint.yaml").write_text('fiscal-year-end: "13-01"\n', encoding="utf-8")
    (tmp_path / "goals.yaml").write_text("goals:\n  - Tăng doanh thu\n", encoding="utf-8")
    done = run_cli_in_process(str(tmp_path / "goals.yaml"))
    assert done.returncode == 2
    assert "fiscal-year-end" in done.stderr and "MM-DD" in done.stderr
    assert "Traceback" not in done.stderr


def test_show_reading_says_the_kind_and_each_target() -> None:
    stdin = (
        "- 'SUS score: 70 by Q4 2026, 74 by Q4 2027'\n"
        "- Cut incidents by 30% and reach an NPS of 50 by Q4 2027\n"
        "- 'Tỷ lệ nợ xấu: dưới 3% mỗi quý'\n"
    )
    done = run_cli_in_process("--today", "2027-03-10", "--show-reading", "-", stdin=stdin)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "kind:         bound = (milestone: the first not yet passed of 2)" in out
    assert "target 2:" in out and "change level 50" in out
    assert "kind:         bound <" in out
    assert "cadence:      quarter" in out


def test_json_through_the_cli_for_real_world_shapes() -> None:
    stdin = (
        "- 'Availability — target: ≥ 99.95% every month'\n"
        "- 'Thời gian xử lý hồ sơ: không quá 3 ngày'\n"
        "- Increase revenue from 2 to 3 billion in 2028\n"
    )
    done = run_cli_in_process(
        "--today", "2027-03-10", "-f", "json", "--ignore", "R", "-", stdin=stdin
    )
    document = json.loads(done.stdout)
    criteria = [g["criteria"] for g in document["goals"]]
    assert [c["measurable"] for c in criteria] == ["pass", "pass", "pass"]
    assert [c["time_bound"] for c in criteria] == ["pass", "fail", "pass"]


def test_a_recurring_bound_not_met_is_judged_over_its_next_period() -> None:
    source = (
        "goals:\n"
        "  - id: up\n"
        "    title: Keep API availability at or above 99.95% every month\n"
        "    why: Contracts promise it\n"
        "    history: {period: month, values: [99.5, 99.6, 99.7]}\n"
    )
    goal = only_goal(source, TODAY)
    assert goal.verdict(Criterion.ACHIEVABLE).value == "fail"
    [a301] = [f for f in goal.findings if f.code == "A301"]
    assert "99.7" in a301.message and "99.95" in a301.message
