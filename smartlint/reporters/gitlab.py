"""GitLab Code Quality JSON (``artifacts: reports: codequality``).

Severity mapping: info -> ``info``, warning -> ``minor``, error -> ``major``.  GitLab keeps
``critical`` and ``blocker`` for defects that break software; a goal that fails a SMART
criterion blocks the pipeline through the exit status, not through the widget's colour.
"""

from __future__ import annotations

import json
from typing import Any

from smartlint.model import Finding, Report, Severity
from smartlint.reporters.base import RenderContext
from smartlint.reporters.ci import fingerprints, relative_path

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def render(report: Report, ctx: RenderContext) -> str:
    """Render every finding as a Code Quality issue with a unique fingerprint."""
    prints = fingerprints(report, ctx.cwd)
    issues = [_issue(f, fp, ctx) for f, fp in zip(report.findings, prints, strict=True)]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(finding: Finding, fingerprint: str, ctx: RenderContext) -> dict[str, Any]:
    span = finding.span
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.name}: {finding.message}",
        "content": {"body": finding.suggestion},
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": relative_path(finding.path, ctx.cwd),
            "lines": {"begin": span.line, "end": span.end_line},
        },
    }
