"""What hovering over a goal shows: its verdict row, what smartlint read, the pace chart.

The text is Markdown, as editors render hovers; the chart sits in a code block so its
block characters keep their width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from smartlint.context import Options
from smartlint.facts import build_facts
from smartlint.i18n import pick
from smartlint.model import SMART, GoalResult, Verdict
from smartlint.reporters.chart import draw_chart
from smartlint.understood import describe

CHART_WIDTH = 40
_MARKS = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.SKIP: "–"}
_ALWAYS = ("metric", "baseline", "target", "deadline", "cadence", "kind")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def goal_at(goals: Sequence[GoalResult], line: int, column: int) -> GoalResult | None:
    """Return the innermost goal whose span holds a 1-based line and column."""
    best: GoalResult | None = None
    for result in goals:
        span = result.goal.span
        inside = (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)
        whole_line = span.line <= line <= span.end_line
        if not (inside or whole_line):
            continue
        if best is None or (span.line, span.column) >= (best.goal.span.line, best.goal.span.column):
            best = result
    return best


def verdict_row(result: GoalResult) -> str:
    """Return the goal's ``S ✓  M ✗  A –  R ✓  T ✓`` row."""
    return "  ".join(f"{c.letter} {_MARKS[result.verdict(c)]}" for c in SMART)


def hover_text(result: GoalResult, today: date, options: Options) -> str:
    """Return the Markdown hover of one goal."""
    lang = result.language
    goal = result.goal
    head = f"**{verdict_row(result)}**"
    if goal.goal_id:
        head += f" · `{goal.goal_id}`"
    facts = build_facts(
        goal, today, forced_language=options.language, fiscal_year_end=options.fiscal_end
    )
    rows = [
        f"- **{label}**: {_escape(value)}"
        for label, value in describe(facts)
        if label in _ALWAYS or value not in ("—", "no")
    ]
    parts = [head, "", pick(lang, "smartlint đọc được:", "What smartlint read:"), "", *rows]
    chart = draw_chart(result.chart, CHART_WIDTH, language=lang) if result.chart else ""
    if chart:
        title = pick(
            lang,
            "Khả thi: lịch sử ┊ con đường mục tiêu cần",
            "Achievable: history ┊ the path the target needs",
        )
        parts += ["", f"**{title}**", "", "```text", chart, "```"]
    if result.rewrite:
        parts += ["", f"**{pick(lang, 'Viết lại', 'Rewrite')}:** {_escape(result.rewrite)}"]
    return "\n".join(parts) + "\n"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
