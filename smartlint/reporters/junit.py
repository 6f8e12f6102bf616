"""JUnit XML: a test case per goal (failing when a criterion fails) and per file-level finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from smartlint.model import (
    SMART,
    Criterion,
    FileResult,
    Finding,
    GoalResult,
    Report,
    Severity,
    Verdict,
)
from smartlint.patterns import compile_pattern
from smartlint.reporters.base import RenderContext
from smartlint.reporters.ci import relative_path

_NOT_XML = compile_pattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ud800-\\udfff\\ufffe\\uffff]")


def render(report: Report, ctx: RenderContext) -> str:
    """Render the run as ``<testsuites>`` with one ``<testsuite>`` per file."""
    root = ET.Element("testsuites", name="smartlint")
    total = failed = 0
    for file_result in report.files:
        suite = _suite(file_result, ctx)
        root.append(suite)
        total += int(suite.get("tests", "0"))
        failed += int(suite.get("failures", "0"))
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(file_result: FileResult, ctx: RenderContext) -> ET.Element:
    path = relative_path(file_result.path, ctx.cwd)
    suite = ET.Element("testsuite", name=path)
    cases = [_goal_case(g, path) for g in file_result.goals]
    cases += [_file_case(f, path) for f in file_result.findings if f.criterion is Criterion.FILE]
    for case in cases:
        suite.append(case)
    failures = sum(1 for c in cases if c.find("failure") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def _goal_case(result: GoalResult, path: str) -> ET.Element:
    goal = result.goal
    label = clean(goal.goal_id or (goal.title.value if goal.title else f"goal {goal.index + 1}"))
    case = ET.Element(
        "testcase",
        name=f"{label} (line {goal.span.line})",
        classname=path,
        file=path,
        line=str(goal.span.line),
    )
    failing = [c for c in SMART if result.verdict(c) is Verdict.FAIL]
    if failing:
        findings = [f for f in result.findings if f.criterion in failing]
        failure = ET.SubElement(
            case,
            "failure",
            type=",".join(c.value for c in failing),
            message="fails " + ", ".join(c.value for c in failing),
        )
        failure.text = "".join(_line(f) for f in findings)
    return case


def _file_case(finding: Finding, path: str) -> ET.Element:
    span = finding.span
    case = ET.Element(
        "testcase",
        name=f"{finding.code} {finding.name} (line {span.line})",
        classname=path,
        file=path,
        line=str(span.line),
    )
    text = _line(finding)
    if finding.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = text
    else:
        failure = ET.SubElement(case, "failure", type=finding.code, message=clean(finding.message))
        failure.text = text
    return case


def _line(f: Finding) -> str:
    return clean(
        f"{f.span.line}:{f.span.column} {f.severity.value} {f.code} {f.name}: {f.message}"
        f" -> {f.suggestion}\n"
    )


def clean(text: str) -> str:
    """Replace characters XML 1.0 cannot hold (controls, lone surrogates) with U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
