"""One line per finding: ``path:line:col: severity CODE message → hint`` (for editors and grep).

The hint (the finding's suggestion: a did-you-mean, the field to add) follows an arrow on
the same line, cut to a compact length so a line stays one screen line in most editors.
"""

from __future__ import annotations

from smartlint.model import Report
from smartlint.reporters.base import RenderContext


def render(report: Report, ctx: RenderContext) -> str:
    """Render every finding on its own line, never wrapped or coloured."""
    lines = [
        f"{f.path}:{f.span.line}:{f.span.column}: {f.severity.value} {f.code} "
        f"{_one_line(f.message)}{_hint(f.suggestion)}"
        for f in report.findings
    ]
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


HINT_LIMIT = 100  # characters of the suggestion kept; a longer one ends with "…"


def _hint(suggestion: str) -> str:
    flat = _one_line(suggestion)
    if not flat:
        return ""
    if len(flat) > HINT_LIMIT:
        flat = flat[: HINT_LIMIT - 1].rstrip() + "…"
    return f" → {flat}"
