"""The stable JSON contract (schema_version 1) of PRODUCT.md."""

from __future__ import annotations

import json
from typing import Any

from smartlint.model import SMART, Finding, Fix, GoalResult, Report, Severity
from smartlint.reporters.base import RenderContext

SCHEMA_VERSION = 1


def goal_record(result: GoalResult) -> dict[str, Any]:
    """Return one goal as the contract's ``goals[]`` entry."""
    goal = result.goal
    return {
        "path": goal.path,
        "id": goal.goal_id,
        "title": goal.title.value if goal.title is not None else None,
        "line": goal.span.line,
        "column": goal.span.column,
        "language": result.language.value,
        "criteria": {c.value: result.verdict(c).value for c in SMART},
        "suggestion": result.rewrite,
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    """Return one finding as the contract's ``findings[]`` entry."""
    span = finding.span
    return {
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": finding.code,
        "name": finding.name,
        "criterion": finding.criterion.value,
        "severity": finding.severity.value,
        "goal_id": finding.goal_id,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "fix": fix_record(finding.fix),
    }


def fix_record(fix: Fix | None) -> dict[str, Any] | None:
    """Return a finding's fix as ``{safety, description, edits}`` (null when it has none).

    Each edit replaces the text from ``start`` up to ``end`` (1-based line and column, the
    column counted in characters and exclusive at the end) with ``text``.
    """
    if fix is None:
        return None
    return {
        "safety": fix.safety.value,
        "description": fix.description,
        "edits": [
            {
                "start": {"line": e.span.line, "column": e.span.column},
                "end": {"line": e.span.end_line, "column": e.span.end_column},
                "text": e.text,
            }
            for e in fix.edits
        ],
    }


def summary_record(report: Report) -> dict[str, int]:
    """Return the contract's ``summary`` object."""
    counts = {s: 0 for s in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    return {
        "files": len(report.files),
        "goals": len(report.goals),
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
    }


def render(report: Report, ctx: RenderContext) -> str:
    """Render the whole run as one JSON document."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "goals": [goal_record(g) for g in report.goals],
        "findings": [finding_record(f) for f in report.findings],
        "summary": summary_record(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
