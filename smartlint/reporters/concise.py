"""One line per finding: ``path:line:col: severity CODE message`` (for editors and grep)."""

from __future__ import annotations

from smartlint.model import Report
from smartlint.reporters.base import RenderContext


def render(report: Report, ctx: RenderContext) -> str:
    """Render every finding on its own line, never wrapped or coloured."""
    lines = [
        f"{f.path}:{f.span.line}:{f.span.column}: {f.severity.value} {f.code} "
        f"{_one_line(f.message)}"
        for f in report.findings
    ]
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
