"""T510 ambiguous-numeric-date: a numeric date an English reader can take two ways.

English goals are flagged when both numbers of "02/03/2027" could be the month; the date
is still read day first, and the message says so.  Vietnamese goals write the day first
by convention and are never flagged, with or without diacritics.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import lint, run_cli_in_process, sentence

from smartlint.context import Options
from smartlint.engine import lint_text
from smartlint.model import Criterion, Language

FLAGGED = [
    ("Increase newsletter subscribers from 4,000 to 4,400 by 02/03/2027", "02/03/2027"),
    ("Grow monthly active users from 9,000 to 9,900 by 4.5.2027", "4.5.2027"),
    ("Reduce churned customers from 300 to 240 before 06-07-2027", "06-07-2027"),
    ("Hire 4 support engineers by 11/12/2027", "11/12/2027"),
    ("Increase newsletter subscribers from 4,000 to 4,400 by 02/03", "02/03"),
]
NOT_FLAGGED = [
    "Increase newsletter subscribers from 4,000 to 4,400 by 13/03/2027",  # one way only
    "Increase newsletter subscribers from 4,000 to 4,400 by 03/03/2027",  # same both ways
    "Increase newsletter subscribers from 4,000 to 4,400 by 2027-03-02",
    "Increase newsletter subscribers from 4,000 to 4,400 by 3 Feb 2027",
    "Increase newsletter subscribers from 4,000 to 4,400 by March 2, 2027",
    "Tăng số người đăng ký nhận bản tin từ 4.000 lên 4.400 trước 02/03/2027",
    "Tang so nguoi dang ky nhan ban tin tu 4.000 len 4.400 truoc 02/03/2027",
    "Tăng số khách hàng từ 4.000 lên 4.400 vào ngày 04/05/2027",
    "Increase conversion from 1.5% to 2.5% by 31 July 2027",  # decimals are no dates
]


def _t510(source: str) -> list[str]:
    [result] = lint(source).goals
    return [f.message for f in result.findings if f.code == "T510"]


@pytest.mark.parametrize(("title", "written"), FLAGGED)
def test_english_numeric_dates_that_read_two_ways(title: str, written: str) -> None:
    [message] = _t510(sentence(title))
    assert f'"{written}"' in message and "read day first" in message


@pytest.mark.parametrize("title", NOT_FLAGGED)
def test_dates_that_read_one_way_or_vietnamese_day_first(title: str) -> None:
    assert _t510(sentence(title)) == []


def test_the_reading_stays_day_first_and_the_message_says_which() -> None:
    [result] = lint(sentence(FLAGGED[0][0])).goals
    [finding] = [f for f in result.findings if f.code == "T510"]
    assert finding.message == (
        'The date "02/03/2027" can be 2 March 2027 or 3 February 2027; it is read day first,'
        " as 2 March 2027."
    )
    assert finding.suggestion == (
        'Write the date so it reads one way only: "2 March 2027" or 2027-03-02.'
    )
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (2, 61, 71)
    assert result.verdict(Criterion.TIME_BOUND).value == "pass"  # a warning, not a failure


def test_a_deadline_field_is_checked_too() -> None:
    source = (
        "goals:\n  - id: s\n    title: Open 12 new stores in Hanoi\n"
        "    deadline: 04/05/2027\n    why: Growth\n"
    )
    [message] = _t510(source)
    assert "4 May 2027 or 5 April 2027" in message


def test_forced_vietnamese_messages_still_flag_an_english_goal() -> None:
    options = Options(language=Language.VI)
    report = lint_text(sentence(FLAGGED[0][0]), today=date(2027, 1, 15), options=options)
    [finding] = [f for f in report.findings if f.code == "T510"]
    assert finding.message.startswith('Ngày "02/03/2027" trong mục tiêu tiếng Anh')


def test_through_the_cli_in_both_languages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(
        "goals:\n"
        "  - Increase newsletter subscribers from 4,000 to 4,400 by 02/03/2027\n"
        "  - Tăng số người đăng ký nhận bản tin từ 4.000 lên 4.400 trước 02/03/2027\n",
        encoding="utf-8",
    )
    done = run_cli_in_process(str(path), "--today", "2027-01-15", "--format", "concise")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if " T510 " in line]
    assert len(lines) == 1 and lines[0].startswith(f"{path}:2:")
    vi = run_cli_in_process(
        str(path), "--today", "2027-01-15", "--format", "concise", "--lang", "vi"
    )
    [line] = [line for line in vi.stdout.splitlines() if " T510 " in line]
    assert "ngày 2 tháng 3 năm 2027 hoặc ngày 3 tháng 2 năm 2027" in line
    ignored = run_cli_in_process(
        str(path), "--today", "2027-01-15", "--format", "concise", "--ignore", "T510"
    )
    assert " T510 " not in ignored.stdout


def test_forced_english_messages_keep_a_vietnamese_goal_day_first() -> None:
    title = "Tang so nguoi dang ky nhan ban tin tu 4.000 len 4.400 truoc 02/03/2027"
    options = Options(language=Language.EN)
    report = lint_text(sentence(title), today=date(2027, 1, 15), options=options)
    assert [f for f in report.findings if f.code == "T510"] == []
