"""The Markdown parser as a pure function: layouts, labels, ids, fields, periods, exact spans."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import assert_scales_linearly, lint

from smartlint.model import Goal, ParsedFile
from smartlint.parser import parse_bytes, parse_text
from smartlint.parser.markdown.labels import Role, field_line, split_text
from smartlint.parser.markdown.recognise import looks_like_goals


def parse(text: str, path: str = "okrs.md", base_dir: Path | None = None) -> ParsedFile:
    return parse_text(text, path, base_dir=base_dir)


def titles(parsed: ParsedFile) -> list[str]:
    return [g.title.value for g in parsed.goals if g.title]


def by_title(parsed: ParsedFile, start: str) -> Goal:
    return next(g for g in parsed.goals if g.title and g.title.value.startswith(start))


def column_of(text: str, line: int, needle: str) -> int:
    return text.split("\n")[line - 1].index(needle) + 1


# ----------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("text", "title", "role"),
    [
        ("Objective: Grow revenue", "Grow revenue", Role.OBJECTIVE),
        ("Objective 1 - Grow revenue", "Grow revenue", Role.OBJECTIVE),
        ("O1 Grow revenue", "Grow revenue", Role.OBJECTIVE),
        ("O1 - Grow revenue", "Grow revenue", Role.OBJECTIVE),
        ("**O2: Keep customers**", "Keep customers", Role.OBJECTIVE),
        ("**Objective 3:** Ship faster", "Ship faster", Role.OBJECTIVE),
        ("Mục tiêu 1: Tăng doanh thu", "Tăng doanh thu", Role.OBJECTIVE),
        ("Muc tieu: Tang doanh thu", "Tang doanh thu", Role.OBJECTIVE),
        ("KR1: Raise NPS from 30 to 40", "Raise NPS from 30 to 40", Role.KEY_RESULT),
        ("KR: Raise NPS", "Raise NPS", Role.KEY_RESULT),
        ("KR1.2 Launch the app", "Launch the app", Role.KEY_RESULT),
        ("Kết quả then chốt 2: Giảm chi phí", "Giảm chi phí", Role.KEY_RESULT),
        ("Key result 1: Cut costs", "Cut costs", Role.KEY_RESULT),
        ("Mục tiêu doanh thu năm 2027", "Mục tiêu doanh thu năm 2027", None),
        ("Goals for the team", "Goals for the team", None),
        ("KR Raise NPS", "KR Raise NPS", None),
        ("O2O marketing push", "O2O marketing push", None),
    ],
)
def test_labels_are_read_past(text: str, title: str, role: Role | None) -> None:
    parts = split_text(text)
    assert text[parts.title_start : parts.title_end] == title
    assert parts.role is role


def test_checkbox_id_fields_and_comment_are_split_off() -> None:
    text = "[x] KR2: Grow sign-ups to 1,700 {#signups} (baseline: 1,450; why: cash) <!-- c -->"
    parts = split_text(text)
    assert parts.checkbox
    assert text[parts.title_start : parts.title_end] == "Grow sign-ups to 1,700"
    assert parts.id_range and text[slice(*parts.id_range)] == "signups"
    assert [(f.key, text[f.value_start : f.value_end]) for f in parts.fields] == [
        ("baseline", "1,450"),
        ("why", "cash"),
    ]


def test_parentheses_that_are_not_fields_stay_in_the_title() -> None:
    text = "Raise NPS (from 30) by Q3 2027"
    parts = split_text(text)
    assert text[parts.title_start : parts.title_end] == text
    assert not parts.fields


def test_field_lines_need_a_field_name() -> None:
    assert field_line("Thời hạn: 30/9/2027") is not None
    assert field_line("baseline: 1,200") is not None
    assert field_line("Revenue: 3 tỷ") is None


# ----------------------------------------------------------------- layouts

HEADINGS = """\
# Q3 2027 OKRs

## Objective 1: Make onboarding effortless {#onboarding}

- KR1: Raise activation from 30% to 40% by 15 September 2027
- [ ] KR2: Cut setup time from 3 days to 1 day

## Objective 2: Keep customers

- Reduce churn from 2.1% to 1.6%
"""


def test_headings_are_objectives_and_items_their_key_results() -> None:
    parsed = parse(HEADINGS)
    assert titles(parsed) == [
        "Make onboarding effortless",
        "Raise activation from 30% to 40% by 15 September 2027",
        "Cut setup time from 3 days to 1 day",
        "Keep customers",
        "Reduce churn from 2.1% to 1.6%",
    ]
    onboarding, kr1, kr2, _keep, churn = parsed.goals
    assert onboarding.goal_id == "onboarding" and onboarding.parent is None
    assert not onboarding.parent_from_nesting
    assert kr1.parent is not None and kr1.parent.value == "onboarding" and kr1.parent_from_nesting
    assert kr2.parent_from_nesting
    assert churn.parent is None and churn.parent_from_nesting  # nested under a goal without id
    assert [g.index for g in parsed.goals] == [0, 1, 2, 3, 4]
    assert not parsed.problems


def test_nested_lists_and_flat_labelled_lists() -> None:
    parsed = parse(
        "## Goals\n\n"
        "- Grow the newsletter {#news}\n"
        "  - Raise subscribers from 4,000 to 4,400\n"
        "    - Publish 12 issues\n"
        "- O2: Keep customers {#keep}\n"
        "- KR1: Hold churn under 2% every month\n"
    )
    news, subs, issues, keep, churn = parsed.goals
    assert subs.parent is not None and subs.parent.value == "news"
    assert issues.parent is None and issues.parent_from_nesting
    assert keep.parent is None and not keep.parent_from_nesting
    assert churn.parent is not None and churn.parent.value == "keep"
    assert news.parent is None


def test_objective_paragraph_owns_the_list_after_it() -> None:
    parsed = parse(
        "# OKRs\n\n**Objective 1:** Grow revenue {#rev}\n\n- KR: Raise MRR from $10k to $12k\n"
    )
    rev, mrr = parsed.goals
    assert rev.title and rev.title.value == "Grow revenue"
    assert mrr.parent is not None and mrr.parent.value == "rev"


def test_unlabelled_heading_with_a_flat_list_under_a_goal_section_is_an_objective() -> None:
    parsed = parse("# Growth OKRs\n\n### Grow the blog {#blog}\n\n- Publish 12 posts\n")
    blog, posts = parsed.goals
    assert blog.goal_id == "blog"
    assert posts.parent is not None and posts.parent.value == "blog"


def test_prose_sections_and_plain_documents() -> None:
    parsed = parse(
        "# Q3 2027 OKRs\n\n- Reach 100 customers\n\n## Background\n\n- We are small.\n"
        "- KR: Hire 2 engineers\n"
    )
    assert titles(parsed) == ["Reach 100 customers", "Hire 2 engineers"]
    plain = parse("# Marketing\n\n## Grow the newsletter\n\n- Raise subscribers to 5,000\n")
    assert titles(plain) == ["Grow the newsletter", "Raise subscribers to 5,000"]


def test_text_outside_goal_sections_is_not_a_goal() -> None:
    parsed = parse(
        "# Handbook\n\n## Q3 2027 OKRs\n\n- Reach 100 customers\n\n# Onboarding\n\n- Read the wiki\n"
    )
    assert titles(parsed) == ["Reach 100 customers"]


@pytest.mark.parametrize(
    "header",
    [
        "| Mục tiêu | Chỉ tiêu | Thời hạn | Phụ trách |",
        "| Muc tieu | Chi tieu | Thoi han | Phu trach |",
        "| Goal | Target | Deadline | Owner |",
        "| **KR** | target | due | owner |",
    ],
)
def test_tables_with_a_goal_and_a_target_column(header: str) -> None:
    text = (
        f"## Q3 2027\n\n{header}\n|---|---|---|---|\n"
        "| Tăng doanh thu online | 2,5 tỷ | 31/12/2027 | Lan |\n"
        "| | | | |\n"
    )
    parsed = parse(text)
    (goal,) = parsed.goals
    assert goal.title and goal.title.value == "Tăng doanh thu online" and goal.title.exact
    assert goal.title.span.column == 3
    assert goal.target and goal.target.value == "2,5 tỷ"
    assert goal.target.span.column == column_of(text, 5, "2,5 tỷ")
    assert goal.deadline and goal.deadline.value == "31/12/2027" and not goal.deadline_inherited
    assert goal.owner and goal.owner.value == "Lan"
    assert goal.section_deadline and goal.section_deadline.value == "Q3 2027"


def test_a_table_without_a_target_column_is_not_goals() -> None:
    parsed = parse("## Q3 2027 OKRs\n\n| Goal | Notes |\n|---|---|\n| Grow | later |\n")
    assert not parsed.goals
    assert [p.code for p in parsed.problems] == ["F023"]


def test_a_row_without_a_goal_is_reported() -> None:
    parsed = parse("| Goal | Target |\n|---|---|\n| | 300 |\n| Grow sales | 300 |\n")
    assert titles(parsed) == ["Grow sales"]
    assert [(p.code, p.span.line) for p in parsed.problems] == [("F004", 3)]


# ----------------------------------------------------------------- spans


def test_titles_on_one_line_have_exact_spans() -> None:
    text = "## O1: Grow\n\n- [x] **KR1:** Raise NPS from 30 to 40 {#nps}\n"
    parsed = parse(text)
    objective, kr = parsed.goals
    assert objective.title is not None and objective.title.exact
    assert objective.title.span.column == column_of(text, 1, "Grow")
    assert kr.title is not None and kr.title.exact and kr.title.value == "Raise NPS from 30 to 40"
    start = column_of(text, 3, "Raise")
    assert (kr.title.span.line, kr.title.span.column, kr.title.span.end_column) == (
        3,
        start,
        start + len(kr.title.value),
    )
    assert kr.id and kr.id.span.column == column_of(text, 3, "nps")
    assert kr.span.line == 3 and kr.span.column == 1


def test_column_precise_findings_point_into_the_title() -> None:
    text = "# Q3 2027 OKRs\n\n- KR1: Tăng doanh thu lên 10% vào năm nay\n"
    report = lint(text, path="okrs.md")
    (finding,) = [f for f in report.findings if f.code == "T505"]
    assert finding.span.line == 3
    assert text.split("\n")[2][finding.span.column - 1 : finding.span.end_column - 1] == "năm nay"


def test_multi_line_items_are_not_exact() -> None:
    parsed = parse("# OKRs\n\n- KR1: Raise NPS\n  from 30 to 40\n")
    (goal,) = parsed.goals
    assert goal.title and goal.title.value == "Raise NPS from 30 to 40" and not goal.title.exact
    assert (goal.title.span.line, goal.title.span.end_line) == (3, 4)


def test_front_matter_keeps_line_numbers() -> None:
    parsed = parse("---\nsmartlint: true\n---\n# OKRs\n\n- Reach 100 customers\n")
    assert parsed.goals[0].span.line == 6


# ----------------------------------------------------------------- fields


def test_inline_and_sub_item_fields_use_the_yaml_readers(tmp_path: Path) -> None:
    (tmp_path / "signups.csv").write_text("date,value\n2027-05-31,1300\n2027-06-30,1450\n")
    text = (
        "# OKRs\n\n"
        "- KR1: Grow sign-ups to 1,700 (baseline: 1,450; history: signups.csv; why: cash)\n"
        "- KR2: Cut churn to 1.6%\n"
        "  - baseline: 2.1\n"
        "  - Thời hạn: 30/09/2027\n"
        "  - history: {period: month, values: [2.4, 2.3, 2.1]}\n"
    )
    parsed = parse(text, base_dir=tmp_path)
    signups, churn = parsed.goals
    assert signups.baseline and signups.baseline.value == 1450
    assert signups.baseline.span.column == column_of(text, 3, "1,450")
    assert signups.history and [p.value for p in signups.history.points] == [1300, 1450]
    assert signups.why and signups.why.value == "cash"
    assert churn.baseline and churn.baseline.value == 2.1 and churn.baseline.span.line == 5
    assert churn.deadline and churn.deadline.value == "30/09/2027" and churn.deadline.span.line == 6
    assert churn.history and len(churn.history.points) == 3
    assert not parsed.problems


def test_field_problems_are_positioned() -> None:
    text = (
        "# OKRs\n\n"
        "- KR1: Grow sales (baseline: lots; owner: Lan; ownr: x; owner: Hà)\n"
        "  - history: {period: month, values: [1, 2\n"
        "  - history: nope.csv\n"
    )
    parsed = parse(text)
    found = {(p.code, p.span.line, p.span.column) for p in parsed.problems}
    assert ("F016", 3, column_of(text, 3, "lots")) in found
    assert ("F003", 3, column_of(text, 3, "ownr")) in found
    assert ("F002", 3, column_of(text, 3, "owner: Hà")) in found
    assert any(code == "F001" and line == 4 for code, line, _ in found)
    assert ("F002", 5, column_of(text, 5, "history")) in found


def test_explicit_parent_that_contradicts_the_nesting() -> None:
    parsed = parse("## O1: Grow {#grow}\n\n- KR1: Sell 10 units (parent: other)\n")
    assert [p.code for p in parsed.problems] == ["F021"]


def test_front_matter_gives_document_wide_fields(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("date,value\n2027-06-30,10\n")
    text = (
        "---\nsmartlint: true\nowner: growth\nwhy: Fund the shop\ndeadline: 2027-09-30\n"
        "language: en\nhistory:\n  signups: s.csv\ntitle: Ignored by smartlint\n---\n"
        "# OKRs\n\n- Grow sign-ups to 20 {#signups}\n  - Nested one\n"
    )
    parsed = parse(text, base_dir=tmp_path)
    top, nested = parsed.goals
    assert parsed.language_hint is not None and parsed.language_hint.value == "en"
    assert top.owner and top.owner.value == "growth" and top.owner.span.line == 3
    assert top.why and top.why.value == "Fund the shop"
    assert nested.why is None  # a nested goal gets its relevance from its parent
    assert top.deadline and top.deadline.value == "2027-09-30" and top.deadline_inherited
    assert top.history and top.history.points[0].value == 10
    assert not parsed.problems


def test_bad_front_matter_is_a_positioned_problem() -> None:
    parsed = parse("---\nsmartlint: maybe\nownr: x\nwhy: [a\n---\n# OKRs\n\n- Sell 10 units\n")
    assert {p.span.line for p in parsed.problems if p.code == "F001"} <= {4, 5}
    assert any(p.code == "F001" for p in parsed.problems)
    broken_flag = parse("---\nsmartlint: maybe\nownr: x\n---\n# OKRs\n\n- Sell 10 units\n")
    assert {(p.code, p.span.line) for p in broken_flag.problems} == {("F004", 2), ("F003", 3)}


# ----------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("heading", "period"),
    [
        ("## Q3 2027 OKRs", "Q3 2027"),
        ("# Kế hoạch năm 2027", "năm 2027"),
        ("## FY2027 H1", "FY2027 H1"),
        ("## 2027", "2027"),
        ("## OKR quý 3 năm 2027", "quý 3 năm 2027"),
        ("## Goals for H2 2027", "H2 2027"),
        ("## Mục tiêu Q3/2027", "Q3/2027"),
        ("## Plan for July 2027", "July 2027"),
    ],
)
def test_a_headings_period_is_the_default_deadline(heading: str, period: str) -> None:
    text = f"{heading}\n\n- Sell 100 units\n- Sell 200 units by 30/06/2027\n"
    parsed = parse(text)
    inherited, own = parsed.goals
    assert inherited.deadline is not None and inherited.deadline.value == period
    assert inherited.deadline_inherited
    assert inherited.deadline.span.column == column_of(text, 1, period)
    assert inherited.section_deadline == inherited.deadline
    assert own.deadline_inherited  # the parser cannot read sentences; facts prefer the sentence
    report = lint(text, path="okrs.md")
    assert "T507" not in {f.code for f in report.findings}


def test_a_date_in_a_heading_is_not_its_period() -> None:
    parsed = parse("## OKRs (updated 2027-06-15)\n\n- Sell 100 units\n")
    assert parsed.goals[0].deadline is None and not parsed.goals[0].deadline_inherited


def test_deadline_after_the_sections_period_is_a_warning() -> None:
    text = (
        "## Q3 2027 OKRs\n\n"
        "- Sell 100 units by 31 December 2027\n"
        "- Sell 200 units (deadline: 2027-11-30)\n"
        "- Sell 300 units by 31 August 2027\n"
        "- Sell 400 units\n"
    )
    findings = [f for f in lint(text, path="okrs.md").findings if f.code == "T508"]
    assert [(f.span.line, f.span.column) for f in findings] == [
        (3, column_of(text, 3, "31 December")),
        (4, column_of(text, 4, "2027-11-30")),
    ]
    assert findings[0].severity.value == "warning"


def test_no_goals_is_a_finding_not_a_crash() -> None:
    parsed = parse("# Team handbook\n\nWe meet on Mondays.\n")
    assert [p.code for p in parsed.problems] == ["F023"]
    assert [p.code for p in parse("").problems] == ["F023"]


def test_markdown_size_cap() -> None:
    parsed = parse_bytes(b"- x\n" * 600_000, "okrs.md")
    assert [p.code for p in parsed.problems] == ["F022"]
    assert "Markdown" in parsed.problems[0].message


def test_a_large_table_is_read_in_linear_time() -> None:
    """Rows cost the same each however many there are: CPU time of 2,000 and 20,000 rows."""

    def make(rows: int) -> Callable[[], ParsedFile]:
        text = "| Goal | Target |\n|---|---|\n" + "| Sell | 10 |\n" * rows
        return lambda: parse(text)

    parsed = assert_scales_linearly(make, 2_000)
    assert len(parsed.goals) == 20_000


def test_deep_nesting_is_bounded() -> None:
    text = "# OKRs\n\n" + "".join("  " * i + f"- Sell {i} units\n" for i in range(1_000))
    parsed = parse(text)
    assert 0 < len(parsed.goals) <= 1_000


# ----------------------------------------------------------------- recognition


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("README.md", "## Objective 1: x\n- KR1: y\n", False),
        ("CHANGELOG.md", "# OKRs\n", False),
        ("docs/guide.md", "# Guide\n\n- step one\n", False),
        ("okrs.md", "", True),
        ("plans/2027-q3-okrs.md", "", True),
        ("team-goals.md", "", True),
        ("goals.md", "", True),
        ("muc-tieu-2027.md", "", True),
        ("mục-tiêu-quý-3.md", "", True),
        ("okrs/2027-q3.md", "", True),
        ("notes.md", "## Objective 1: x\n\n- KR1: y\n", True),
        ("notes.md", "# Mục tiêu 1: x\n\n- Kết quả then chốt 1: y\n", True),
        ("notes.md", "```\n## Objective 1: x\n- KR1: y\n```\n", False),
        ("notes.md", "---\nsmartlint: true\n---\n", True),
        ("okrs.md", "---\nsmartlint: false\n---\n", False),
        ("README.md", "---\nsmartlint: yes\n---\n", True),
    ],
)
def test_which_markdown_files_are_goal_documents(path: str, text: str, expected: bool) -> None:
    assert looks_like_goals(path, text) is expected


def test_id_as_an_inline_field() -> None:
    text = "# OKRs\n\n- Sell 100 units (id: units; owner: Lan)\n"
    (goal,) = parse(text).goals
    assert goal.id is not None and goal.id.value == "units"
    assert goal.id.span.column == column_of(text, 3, "units;")


def test_markdown_suppression_scan() -> None:
    from smartlint.suppress import scan

    table = scan(
        "# OKRs\n"
        "<!-- smartlint: ignore[S101] why -->\n"
        "\n"
        "<!-- another comment -->\n"
        "- Improve the blog <!-- smartlint: ignore[T501] -->\n"
        "~~~\n"
        "<!-- smartlint: ignore[T] in code -->\n"
        "~~~\n"
        "<!-- smartlint: ignore-file -->\n",
        "markdown",
    )
    assert [(d.kind, d.target, d.selectors, d.reason) for d in table.directives] == [
        ("next", 5, ("S101",), "why"),
        ("line", 5, ("T501",), ""),
        ("file", 0, (), ""),
    ]
    assert table.directives[1].span.column == len("- Improve the blog ") + 1
    assert not scan("# smartlint: ignore[S101]\n- x\n", "markdown").directives


@pytest.mark.parametrize("text", ["\r2", "# OKRs Q3 2027\n\n- KR1: a\rb\n- KR2: c\r\r\rd"])
def test_a_lone_carriage_return_never_raises(text: str) -> None:
    """markdown-it breaks lines at a lone CR; an editor sends such text as typed."""
    parsed = parse_text(text, "okrs.md")
    assert all(p.span.line >= 1 for p in parsed.problems)
