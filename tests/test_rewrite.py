"""Rewrites: one sentence in the goal's own language, built from what it says.

Facts the goal lacks become ``<placeholders>``; a rewrite with none left passes S, M and T
when it is linted again.
"""

from __future__ import annotations

import pytest
from conftest import lint

from smartlint.model import SMART, Criterion

CASES = [
    (
        "Tăng số lượng người ghé thăm trang blog",
        "Tăng số lượng người ghé thăm trang blog từ <giá trị hiện tại> lên <mục tiêu> vào "
        "<thời hạn, ví dụ: cuối tháng 7 năm 2027>",
    ),
    (
        "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
        "Chúng ta sẽ triển khai một chiến dịch marketing lớn, đo bằng <chỉ số> từ "
        "<giá trị hiện tại> lên <mục tiêu> vào <thời hạn, ví dụ: cuối tháng 7 năm 2027>",
    ),
    (
        "Reach 50,000 newsletter subscribers",
        "Increase newsletter subscribers from <current value> to 50,000 by "
        "<deadline, e.g. 31 July 2027>",
    ),
    (
        "Halve the average ticket resolution time compared with last August",
        "Reduce the average ticket resolution time by half compared with last August by "
        "<deadline, e.g. 31 July 2027>",
    ),
    (
        "Increase demo requests from 200 to 260 by 31 December 2026",
        "Increase demo requests from 200 to 260 (+30%) by <new deadline>",
    ),
    (
        "Tăng doanh thu lên 15% so với tháng trước",
        "Tăng doanh thu thêm 15% so với tháng trước vào <thời hạn, ví dụ: cuối tháng 7 năm 2027>",
    ),
    (
        "Tăng số lượt truy cập website lên 25% trong tháng 2 năm 2027",
        None,  # fails nothing but Achievable's skip: no rewrite
    ),
]


def _goal(title: str, extra: str = "") -> str:
    escaped = title.replace("'", "''")
    return f"goals:\n  - id: g\n    why: Mở chi nhánh\n    title: '{escaped}'\n{extra}"


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_rewrite(title: str, expected: str | None) -> None:
    [result] = lint(_goal(title)).goals
    assert result.rewrite == expected


def test_failing_achievable_goal_is_rewritten_with_a_reachable_target() -> None:
    history = "    history: {period: month, values: [1000, 1050]}\n"
    [result] = lint(
        _goal("Tăng số lượt truy cập website lên 25% trong tháng 2 năm 2027", history)
    ).goals
    assert result.verdict(Criterion.ACHIEVABLE).value == "fail"
    assert result.rewrite == (
        "Tăng số lượt truy cập website từ 1.050 lên 1.157 (+10,2%) vào cuối tháng 2 năm 2027"
    )
    [again] = lint(_goal(result.rewrite, history)).goals
    assert again.passes_all


def test_target_equal_to_baseline_leaves_the_target_to_the_author() -> None:
    [result] = lint(_goal("Increase demo requests from 200 to 200 by 30 June 2027")).goals
    assert result.rewrite == "Increase demo requests from 200 to <target> by 30 June 2027"


def test_missing_why_adds_a_placeholder_for_it() -> None:
    [result] = lint("goals:\n  - Improve the blog\n").goals
    assert result.rewrite is not None and result.rewrite.endswith(", so that <why it matters>")


@pytest.mark.parametrize(
    ("title", "fields"),
    [
        ("Increase demo requests from 200 to 260 by 30 June 2027", "    target: 300\n"),
        ("Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027", "    deadline: 2027-06-30\n"),
    ],
)
def test_rewrite_of_a_field_conflict_passes_when_linted_again(title: str, fields: str) -> None:
    [result] = lint(_goal(title, fields)).goals
    assert result.rewrite is not None and "<" not in result.rewrite
    [again] = lint(_goal(result.rewrite, fields)).goals
    for criterion in (Criterion.SPECIFIC, Criterion.MEASURABLE, Criterion.TIME_BOUND):
        assert again.verdict(criterion).value == "pass", (criterion, result.rewrite)


@pytest.mark.parametrize(
    "title",
    [
        "Reduce p95 API latency from 450ms to 200ms by 30 Sep 2027",
        "Cut monthly burn from $420k to $350k by the end of Q4 2027",
        "Trong quý 3, tăng số suất ăn bán ra mỗi ngày từ 200 lên 260 suất",
    ],
)
def test_a_goal_that_only_lacks_its_why_keeps_its_own_words(title: str) -> None:
    """Units, currency and "mỗi ngày" would be lost if the sentence were composed again."""
    [result] = lint(f"goals:\n  - {title}\n").goals
    assert [c for c in SMART if result.verdict(c).value == "fail"] == [Criterion.RELEVANT]
    assert result.rewrite is not None
    assert result.rewrite.startswith(title)
    assert result.rewrite.endswith(
        ("so that <why it matters>", "nhằm <lý do mục tiêu này quan trọng>")
    )


def test_large_amounts_are_written_with_scale_words() -> None:
    history = "    history: {period: month, values: [1900000000, 2000000000]}\n"
    [result] = lint(_goal("Tăng doanh thu tháng từ 2 tỷ lên 8 tỷ trước 31/12/2027", history)).goals
    assert result.verdict(Criterion.ACHIEVABLE).value == "fail"
    assert result.rewrite is not None
    assert result.rewrite.startswith("Tăng doanh thu tháng từ 2 tỷ lên ")
    assert " tỷ (+" in result.rewrite and "000.000" not in result.rewrite
    [again] = lint(_goal(result.rewrite, history)).goals
    assert again.passes_all
