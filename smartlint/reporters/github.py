"""GitHub Actions workflow commands (annotations), and a Markdown job summary."""

from __future__ import annotations

from smartlint.model import SMART, Finding, Report, Severity, Verdict
from smartlint.reporters.base import RenderContext
from smartlint.reporters.ci import relative_path
from smartlint.reporters.tally import tally

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_MARKS = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.SKIP: "–"}
MAX_ROWS = 500  # GitHub refuses job summaries above 1 MiB; the annotations carry the rest


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, ctx: RenderContext) -> str:
    """Return one ``::error file=…::message`` line; columns only for one-line spans."""
    span = finding.span
    props = [("file", relative_path(finding.path, ctx.cwd)), ("line", str(span.line))]
    if span.single_line:
        props.append(("col", str(span.column)))
        if span.end_column > span.column + 1:
            # GitHub's endColumn is inclusive; a span's end_column points past the end
            props.append(("endColumn", str(span.end_column - 1)))
    else:
        props.append(("endLine", str(span.end_line)))
    props.append(("title", f"{finding.code} {finding.name}"))
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    body = finding.message if not finding.suggestion else f"{finding.message}\n{finding.suggestion}"
    return f"::{_COMMANDS[finding.severity]} {head}::{escape_data(body)}"


def render(report: Report, ctx: RenderContext) -> str:
    """Render one workflow command per finding."""
    return "".join(annotation(f, ctx) + "\n" for f in report.findings)


def summary_markdown(report: Report, ctx: RenderContext) -> str:
    """Return a Markdown job summary: counts, each goal's S M A R T row, and the findings."""
    counts = tally(report)
    lines = [
        "## smartlint",
        "",
        f"{counts.files} files, {counts.goals} goals, {counts.pass_all_five} pass all five"
        f" criteria; {counts.errors} errors, {counts.warnings} warnings, {counts.infos} infos.",
        "",
    ]
    if report.goals:
        lines += ["| goal | S | M | A | R | T |", "|---|---|---|---|---|---|"]
        for g in report.goals[:MAX_ROWS]:
            where = f"{relative_path(g.goal.path, ctx.cwd)}:{g.goal.span.line}"
            name = g.goal.goal_id or (g.goal.title.value if g.goal.title else "")
            marks = " | ".join(_MARKS[g.verdict(c)] for c in SMART)
            lines.append(f"| {_cell(where)} {_cell(name)} | {marks} |")
        lines += _more(len(report.goals), "goals")
    if report.findings:
        lines += ["| where | severity | rule | message |", "|---|---|---|---|"]
        for f in report.findings[:MAX_ROWS]:
            where = f"{relative_path(f.path, ctx.cwd)}:{f.span.line}:{f.span.column}"
            lines.append(
                f"| {_cell(where)} | {f.severity.value} | {f.code} {f.name} | {_cell(f.message)} |"
            )
        lines += _more(len(report.findings), "findings")
    return "\n".join(lines) + "\n"


def _more(total: int, what: str) -> list[str]:
    if total <= MAX_ROWS:
        return [""]
    return ["", f"… and {total - MAX_ROWS} more {what}.", ""]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
