"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from typing import Any

from smartlint import __version__
from smartlint.fixes.catalog import fix_column
from smartlint.model import Finding, Report, Severity
from smartlint.reporters.base import RenderContext
from smartlint.reporters.ci import fingerprints, relative_path
from smartlint.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/smartlint/smartlint"
FINGERPRINT_KEY = "smartlint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULES_DOC = f"{INFORMATION_URI}/blob/main/docs/rules.md"


def rule_help_uri(code: str, name: str) -> str:
    """Return the address of a rule's section of the rule reference (docs/rules.md)."""
    return f"{RULES_DOC}#{code.lower()}-{name}"


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """Return one rule as a SARIF ``reportingDescriptor`` with its docs as help."""
    help_text = rule.fix or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "help": {"text": help_text, "markdown": f"{rule.summary}\n\n{rule.doc}".strip()},
        "helpUri": rule_help_uri(rule.code, rule.name),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {
            "criterion": rule.criterion.value,
            "tags": [rule.criterion.value],
            "fix": fix_column(rule.code),
        },
    }


def render(report: Report, ctx: RenderContext) -> str:
    """Render the run as one SARIF log listing every enabled rule and every finding."""
    rules = sorted(ctx.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    prints = fingerprints(report, ctx.cwd)
    results = [_result(f, index, fp, ctx) for f, fp in zip(report.findings, prints, strict=True)]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "smartlint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _result(
    finding: Finding, index: dict[str, int], fingerprint: str, ctx: RenderContext
) -> dict[str, Any]:
    span = finding.span
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    result.update(
        {
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": relative_path(finding.path, ctx.cwd)},
                        "region": {
                            "startLine": span.line,
                            "startColumn": span.column,
                            "endLine": span.end_line,
                            "endColumn": span.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            **_fixes(finding, relative_path(finding.path, ctx.cwd)),
            "properties": {
                "name": finding.name,
                "criterion": finding.criterion.value,
                "goalId": finding.goal_id,
                "suggestion": finding.suggestion,
            },
        }
    )
    return result


def _fixes(finding: Finding, uri: str) -> dict[str, Any]:
    """Return the result's ``fixes`` (one fix: its replacements in the finding's file)."""
    fix = finding.fix
    if fix is None:
        return {}
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.span.line,
                "startColumn": e.span.column,
                "endLine": e.span.end_line,
                "endColumn": e.span.end_column,
            },
            "insertedContent": {"text": e.text},
        }
        for e in fix.edits
    ]
    return {
        "fixes": [
            {
                "description": {"text": fix.description},
                "artifactChanges": [
                    {"artifactLocation": {"uri": uri}, "replacements": replacements}
                ],
                "properties": {"safety": fix.safety.value},
            }
        ]
    }
