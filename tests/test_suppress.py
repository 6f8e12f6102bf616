"""Inline suppressions: the line scan, and the pure post-processing step on a file's findings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.model import (
    SMART,
    Criterion,
    Effect,
    FileResult,
    Finding,
    Goal,
    GoalResult,
    Language,
    Severity,
    Span,
    Verdict,
)
from smartlint.rules import ALL_RULES, RULES_BY_CODE
from smartlint.suppress import SuppressionTable, apply_suppressions, comment_start, scan

SOURCE = """\
# smartlint: ignore-file[R401]
goals:
  # smartlint: ignore[T501] we agree the date next week
  - id: blog
    title: Tăng lượt truy cập blog  # smartlint: ignore[no-quantity, M]
  - id: shop
    title: Improve the shop
"""


def _finding(code: str, line: int, goal: Goal | None) -> Finding:
    rule = RULES_BY_CODE[code]
    return Finding(
        path="goals.yaml",
        span=Span(line, 12, line, 30),
        code=code,
        name=rule.name,
        criterion=rule.criterion,
        severity=rule.severity,
        effect=rule.effect,
        message=f"{code} message",
        suggestion="fix it",
        goal_id=goal.goal_id if goal else None,
        goal_index=goal.index if goal else None,
    )


def _goal(index: int, line: int) -> Goal:
    return Goal(path="goals.yaml", span=Span(line, 5, line + 1, 30), index=index)


def _file(findings_by_goal: dict[int, list[Finding]], goals: list[Goal]) -> FileResult:
    results = []
    for goal in goals:
        found = tuple(findings_by_goal.get(goal.index, []))
        failing = {f.criterion for f in found if f.effect is Effect.FAIL}
        verdicts = tuple((c, Verdict.FAIL if c in failing else Verdict.PASS) for c in SMART)
        results.append(
            GoalResult(goal, Language.VI, verdicts, "rewrite" if failing else None, found)
        )
    every = tuple(f for g in results for f in g.findings)
    return FileResult("goals.yaml", tuple(results), every)


BLOG, SHOP = _goal(0, 4), _goal(1, 6)


def test_scan_reads_every_form() -> None:
    table = scan(SOURCE)
    kinds = [(d.kind, d.target, d.selectors) for d in table.directives]
    assert kinds == [
        ("file", 0, ("R401",)),
        ("next", 4, ("T501",)),
        ("line", 5, ("no-quantity", "M")),
    ]
    assert table.directives[1].reason == "we agree the date next week"
    assert table.directives[2].span == Span(5, 37, 5, 72)


def test_scan_ignores_text_without_directives() -> None:
    assert scan("goals:\n  - title: 'smartlint # not a comment'\n").directives == ()
    assert scan("goals:\n  - title: a#smartlint: ignore\n").directives == ()


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("# smartlint: ignore", 0),
        ("  - title: Don't grow  # smartlint: ignore", 23),
        ("  - title: 'a # b'  # c", 20),
        ("  - title: 'it''s # x' # c", 23),
        ('  - title: "say \\"# x\\"" # c', 25),
        ("  - title: [a, 'b # c'] # d", 24),
        ("  - title: a#b", None),
        ("  - title: '# open", None),
    ],
)
def test_comment_start_skips_quoted_text(line: str, start: int | None) -> None:
    assert comment_start(line) == start


def test_suppressed_findings_do_not_change_verdicts() -> None:
    blog = [_finding("S101", 5, BLOG), _finding("T501", 5, BLOG), _finding("R401", 4, BLOG)]
    shop = [_finding("S101", 7, SHOP), _finding("T501", 7, SHOP)]
    result = apply_suppressions(scan(SOURCE), _file({0: blog, 1: shop}, [BLOG, SHOP]), ALL_RULES)
    kept = sorted((f.goal_index or -1, f.code, f.message) for f in result.findings)
    assert kept == [
        (-1, "F090", "Lệnh bỏ qua M không khớp với phát hiện nào."),  # the goals' language
        (1, "S101", "S101 message"),
        (1, "T501", "T501 message"),
    ]
    blog_result = result.goals[0]
    assert blog_result.findings == ()
    assert blog_result.passes_all and blog_result.rewrite is None
    assert result.goals[1].verdict(Criterion.SPECIFIC) is Verdict.FAIL


def test_unused_suppressions_are_reported_per_code() -> None:
    blog = [_finding("S101", 5, BLOG), _finding("T501", 5, BLOG)]
    result = apply_suppressions(scan(SOURCE), _file({0: blog}, [BLOG, SHOP]), ALL_RULES)
    unused = [f for f in result.findings if f.code == "F090"]
    assert [(f.span.line, f.message) for f in unused] == [
        (1, "Lệnh bỏ qua R401 không khớp với phát hiện nào."),
        (5, "Lệnh bỏ qua M không khớp với phát hiện nào."),
    ]
    assert all(f.severity is Severity.INFO and f.name == "unused-suppression" for f in unused)


def test_unknown_codes_and_directives_are_reported() -> None:
    text = "goals:\n  - Improve  # smartlint: ignore[T5O1]\n# smartlint: disable[T501]\n"
    result = apply_suppressions(scan(text), FileResult("goals.yaml", (), ()), ALL_RULES)
    messages = [f.message for f in result.findings]
    assert messages[0] == "'T5O1' is not a smartlint rule (did you mean 'T501'?)."
    assert "'smartlint: disable' is not a directive" in messages[1]


def test_unused_suppressions_follow_selection_and_ignore_file() -> None:
    text = "goals:\n  - Improve  # smartlint: ignore[T501]\n"
    without_f090 = tuple(r for r in ALL_RULES if r.code != "F090")
    empty = FileResult("goals.yaml", (), ())
    assert apply_suppressions(scan(text), empty, without_f090).findings == ()
    silenced = scan(text + "# smartlint: ignore-file[unused-suppression]\n")
    assert apply_suppressions(silenced, empty, ALL_RULES).findings == ()


def test_a_bare_ignore_covers_every_rule_on_its_line() -> None:
    text = "goals:\n  - id: blog\n    title: Improve  # smartlint: ignore\n"
    goal = _goal(0, 2)
    found = [_finding("S101", 3, goal), _finding("T501", 3, goal), _finding("R401", 2, goal)]
    result = apply_suppressions(scan(text), _file({0: found}, [goal]), ALL_RULES)
    assert [f.code for f in result.findings] == ["R401"]


def test_per_file_ignores_drop_findings_without_unused_reports() -> None:
    found = [_finding("S101", 5, BLOG), _finding("T501", 5, BLOG)]
    table = SuppressionTable(ignored=frozenset({"T501"}))
    result = apply_suppressions(table, _file({0: found}, [BLOG]), ALL_RULES)
    assert [f.code for f in result.findings] == ["S101"]
    assert result.goals[0].verdict(Criterion.TIME_BOUND) is Verdict.PASS


def test_rewrite_is_rebuilt_when_verdicts_change() -> None:
    found = [_finding("S101", 5, BLOG), _finding("T501", 5, BLOG)]
    table = SuppressionTable(ignored=frozenset({"T501"}))
    result = apply_suppressions(
        table, _file({0: found}, [BLOG]), ALL_RULES, rewrite=lambda g, v: f"new {len(v)}"
    )
    assert result.goals[0].rewrite == "new 5"


def test_unchanged_file_is_returned_as_is() -> None:
    result = _file({0: [_finding("S101", 5, BLOG)]}, [BLOG])
    assert apply_suppressions(SuppressionTable(), result, ALL_RULES) is result


@given(st.text(alphabet=st.sampled_from(list("# smartlignore-f[],T501S:\n\t'\"xé")), max_size=200))
@settings(max_examples=300, deadline=None)
def test_scan_and_apply_never_raise_nor_add_other_findings(text: str) -> None:
    table = scan(text)
    base = _file({0: [_finding("S101", 5, BLOG)]}, [BLOG])
    result = apply_suppressions(table, base, ALL_RULES)
    assert {f for f in result.findings if f.code != "F090"} <= set(base.findings)
    assert all(f.span.line >= 1 and f.span.column >= 1 for f in result.findings)
