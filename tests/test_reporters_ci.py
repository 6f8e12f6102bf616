"""The CI formats on hand-built reports: SARIF against its schema, GitHub lines, GitLab, JUnit."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, FINDING_KEYS, ROOT

from smartlint.model import (
    SMART,
    Criterion,
    Effect,
    FileResult,
    Finding,
    Goal,
    GoalResult,
    Language,
    Report,
    Severity,
    Span,
    Text,
    Verdict,
)
from smartlint.reporters import FORMATS, renderer
from smartlint.reporters.base import RenderContext
from smartlint.reporters.github import escape_data, escape_property, summary_markdown
from smartlint.rules import ALL_RULES, RULES_BY_CODE

CWD = Path("/repo")
CTX = RenderContext(rules=ALL_RULES, cwd=CWD)


def _finding(
    code: str,
    span: Span,
    message: str,
    *,
    path: str = "plans/goals.yaml",
    goal: Goal | None = None,
    field: str | None = "title",
    severity: Severity | None = None,
) -> Finding:
    rule = RULES_BY_CODE[code]
    return Finding(
        path=path,
        span=span,
        code=code,
        name=rule.name,
        criterion=rule.criterion,
        severity=severity or rule.severity,
        effect=rule.effect,
        message=message,
        suggestion="Say by when, e.g. 31/12/2027.",
        goal_id=goal.goal_id if goal else None,
        goal_index=goal.index if goal else None,
        field=field if goal else None,
    )


def _goal(index: int, line: int, gid: str | None, title: str, path: str) -> Goal:
    return Goal(
        path=path,
        span=Span(line, 5, line + 1, 20),
        index=index,
        id=Text(gid, Span(line, 9, line, 9 + len(gid))) if gid else None,
        title=Text(title, Span(line + 1, 12, line + 1, 12 + len(title)), exact=True),
    )


def _result(goal: Goal, findings: tuple[Finding, ...]) -> GoalResult:
    failing = {f.criterion for f in findings if f.effect is Effect.FAIL}
    verdicts = tuple((c, Verdict.FAIL if c in failing else Verdict.PASS) for c in SMART)
    return GoalResult(goal, Language.VI, verdicts, "Tăng X lên Y" if failing else None, findings)


def make_report(first_line: int = 3) -> Report:
    """Build a two-file report; ``first_line`` moves every position of the first file."""
    path = "/repo/plans/goals.yaml"
    blog = _goal(0, first_line, "blog", "Tăng số lượng người ghé thăm trang blog", path)
    bare = _goal(1, first_line + 3, None, "Improve, the: blog 100%", path)
    f_blog = (
        _finding(
            "S101",
            Span(first_line + 1, 12, first_line + 1, 51),
            "không có số",
            path=path,
            goal=blog,
        ),
        _finding(
            "T501",
            Span(first_line + 1, 12, first_line + 2, 3),
            "no deadline:\nat all, 50%",
            path=path,
            goal=blog,
        ),
    )
    f_bare = (
        _finding(
            "S101", Span(first_line + 4, 7, first_line + 4, 30), "no quantity", path=path, goal=bare
        ),
    )
    file_problem = _finding("F003", Span(1, 1, 1, 6), "unknown field 'titel'", path=path)
    first = FileResult(
        path, (_result(blog, f_blog), _result(bare, f_bare)), (file_problem, *f_blog, *f_bare)
    )
    broken = _finding(
        "F001", Span(2, 3, 2, 4), "mapping values are not allowed here", path="other.yaml"
    )
    second = FileResult("other.yaml", (), (broken,))
    return Report(files=(first, second), today=date(2027, 1, 15))


def test_every_format_is_registered() -> None:
    assert {"sarif", "github", "gitlab", "junit", "json-lines"} <= set(FORMATS)


@pytest.mark.parametrize("name", ["sarif", "github", "gitlab", "junit", "json-lines"])
def test_machine_formats_are_deterministic_and_plain(name: str) -> None:
    first = renderer(name)(make_report(), CTX)
    assert first == renderer(name)(make_report(), CTX)
    assert "\x1b[" not in first


def test_sarif_is_valid_against_the_2_1_0_schema() -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(renderer("sarif")(make_report(), CTX))
    jsonschema.validate(log, schema)
    assert log["version"] == "2.1.0"


def test_sarif_lists_every_enabled_rule_with_descriptions_and_help() -> None:
    enabled = tuple(r for r in ALL_RULES if r.code.startswith("T"))
    log = json.loads(renderer("sarif")(make_report(), RenderContext(rules=enabled, cwd=CWD)))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.code for r in enabled)
    for descriptor in rules:
        assert descriptor["shortDescription"]["text"]
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] and "## What it does" in descriptor["help"]["markdown"]
    # the rule reference's anchor, as the rule docs' index links it (and the editor's link)
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for descriptor in rules:
        anchor = descriptor["helpUri"].split("#", 1)[1]
        assert descriptor["helpUri"].startswith("https://") and f"(#{anchor})" in reference
    results = log["runs"][0]["results"]
    t501 = next(r for r in results if r["ruleId"] == "T501")
    assert rules[t501["ruleIndex"]]["id"] == "T501"
    assert all("ruleIndex" not in r for r in results if r["ruleId"] != "T501")


def test_sarif_locations_are_relative_with_full_regions() -> None:
    results = json.loads(renderer("sarif")(make_report(), CTX))["runs"][0]["results"]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "plans/goals.yaml"
    assert first["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 6}
    assert {r["level"] for r in results} <= {"error", "warning", "note"}


def test_fingerprints_are_unique_and_survive_moved_lines() -> None:
    def prints(report: Report) -> list[str]:
        log = json.loads(renderer("sarif")(report, CTX))
        return [r["partialFingerprints"]["smartlint/v1"] for r in log["runs"][0]["results"]]

    before, after = prints(make_report(3)), prints(make_report(10))
    assert len(set(before)) == len(before)
    assert before == after
    gitlab = [i["fingerprint"] for i in json.loads(renderer("gitlab")(make_report(), CTX))]
    assert gitlab == before


ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+"
    r"(,col=\d+(,endColumn=\d+)?|,endLine=\d+),title=[A-Z]\d{3} [a-z-]+::[^\r\n]*$"
)


def test_github_annotations_match_the_workflow_command_pattern() -> None:
    lines = renderer("github")(make_report(), CTX).splitlines()
    assert len(lines) == 5
    assert all(ANNOTATION.match(line) for line in lines), lines
    assert lines[0] == (
        "::warning file=plans/goals.yaml,line=1,col=1,endColumn=5,"
        "title=F003 unknown-field::unknown field 'titel'%0ASay by when, e.g. 31/12/2027."
    )


def test_github_gives_columns_only_for_single_line_spans_and_escapes() -> None:
    lines = renderer("github")(make_report(), CTX).splitlines()
    multi = next(line for line in lines if "T501" in line)
    assert "col=" not in multi and "endLine=5" in multi
    assert "no deadline:%0Aat all, 50%25%0A" in multi
    assert escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"
    assert escape_data("a:b,c%") == "a:b,c%25"


def test_github_summary_is_markdown_with_goal_rows() -> None:
    text = summary_markdown(make_report(), CTX)
    assert text.startswith("## smartlint\n")
    assert "| plans/goals.yaml:3 blog | ✗ | ✓ | ✓ | ✓ | ✗ |" in text
    assert "Improve, the: blog 100%" in text


def test_gitlab_code_quality_structure() -> None:
    issues = json.loads(renderer("gitlab")(make_report(), CTX))
    assert len(issues) == 5
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]["lines"]) == {"begin", "end"}
    assert issues[0]["location"]["path"] == "plans/goals.yaml"
    assert {i["check_name"]: i["severity"] for i in issues}["F001"] == "major"


def test_junit_has_a_case_per_goal_and_per_file_finding() -> None:
    root = ET.fromstring(renderer("junit")(make_report(), CTX))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["plans/goals.yaml", "other.yaml"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "blog (line 3)",
        "Improve, the: blog 100% (line 6)",
        "F003 unknown-field (line 1)",
    ]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "fails specific, time_bound"
    assert "S101" in (failure.text or "") and "T501" in (failure.text or "")
    assert suites[1].get("failures") == "1" and root.get("tests") == "4"
    assert root.get("failures") == "4"


def test_junit_survives_control_characters() -> None:
    report = make_report()
    bad = _finding("F001", Span(1, 1, 1, 2), "bad \x00 byte \udcff", path="x.yaml")
    report = Report(files=(FileResult("x.yaml", (), (bad,)),), today=report.today)
    ET.fromstring(renderer("junit")(report, CTX))


def test_json_lines_has_one_contract_record_per_finding() -> None:
    lines = renderer("json-lines")(make_report(), CTX).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    assert set(records[0]) == FINDING_KEYS
    assert records[1]["goal_id"] == "blog" and records[1]["criterion"] == Criterion.SPECIFIC.value


def test_github_summary_is_capped_for_huge_runs() -> None:
    from smartlint.reporters.github import MAX_ROWS

    many = make_report()
    extra = tuple(
        _finding("F001", Span(i + 1, 1, i + 1, 2), "bad", path="big.yaml")
        for i in range(MAX_ROWS + 7)
    )
    report = Report(files=(*many.files, FileResult("big.yaml", (), extra)), today=many.today)
    text = summary_markdown(report, CTX)
    assert "… and 12 more findings." in text
    assert text.count("| error | F001") == MAX_ROWS - 4
