"""The terminal report: per goal a S M A R T row, findings with positions, one rewrite."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from smartlint.i18n import pick
from smartlint.model import SMART, Finding, GoalResult, Language, Report, Severity, Verdict
from smartlint.reporters.base import RenderContext
from smartlint.reporters.chart import draw_chart
from smartlint.reporters.json import summary_record

_MARK = {Verdict.PASS: ("✓", "green"), Verdict.FAIL: ("✗", "bold red"), Verdict.SKIP: ("–", "dim")}
CHART_WIDTH = 36  # cells of the one-line history chart beside the verdicts
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(report: Report, ctx: RenderContext) -> str:
    """Render the run for a person at a terminal."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=ctx.width or 100,
        color_system="standard" if ctx.color else None,
        force_terminal=ctx.color,
        no_color=not ctx.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for file in report.files:
        loose = [f for f in file.findings if f.goal_index is None]
        if loose:
            console.print(Text(file.path, style="bold underline"))
            _print_findings(console, loose)
            console.print()
        for result in file.goals:
            _print_goal(console, result, ctx)
    _print_summary(console, report)
    # Rich pads table cells to the full width; trailing blanks only add noise to a terminal.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def verdict_row(result: GoalResult) -> Text:
    """Return the goal's ``S ✓  M ✗  A –  R ✓  T ✓`` row."""
    row = Text()
    for i, criterion in enumerate(SMART):
        mark, style = _MARK[result.verdict(criterion)]
        if i:
            row.append("  ")
        row.append(f"{criterion.letter} {mark}", style=style)
    return row


def _print_reading(console: Console, understood: tuple[tuple[str, str], ...]) -> None:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="dim")
    table.add_column(ratio=1)
    for label, value in understood:
        table.add_row(f"    {label}:", Text(value))
    console.print(table)


def _print_goal(console: Console, result: GoalResult, ctx: RenderContext) -> None:
    goal = result.goal
    lang = result.language
    head = Text(f"{goal.path}:{goal.span.line}:{goal.span.column}", style="bold")
    if goal.goal_id:
        head.append(f"  {goal.goal_id}", style="bold magenta")
    console.print(head)
    if goal.title is not None:
        console.print(Padding(Text(_clip(goal.title.value, 400)), (0, 0, 0, 2)))
    row = Text("  ").append_text(verdict_row(result))
    chart = draw_chart(result.chart, CHART_WIDTH, language=lang) if result.chart else ""
    if chart:
        row.append("   " + chart, style="cyan")
    console.print(row)
    if ctx.show_reading and result.understood:
        _print_reading(console, result.understood)
    goal_findings = [f for f in result.findings if f.goal_index == goal.index]
    if goal_findings:
        _print_findings(console, goal_findings, lang)
    if result.rewrite:
        label = pick(lang, "Viết lại", "Rewrite")
        line = Text(f"{label}: ", style="bold green")
        line.append(result.rewrite)
        console.print(Padding(line, (0, 0, 0, 2)))
    console.print()


def _print_findings(
    console: Console, findings: Iterable[Finding], lang: Language = Language.EN
) -> None:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, justify="right")
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    arrow = "→"
    for f in findings:
        message = Text(f.message)
        if f.suggestion:
            message.append(f"\n{arrow} ", style="dim")
            message.append(f.suggestion, style="dim")
        table.add_row(
            f"  {f.span.line}:{f.span.column}",
            Text(f.severity.value, style=_SEVERITY_STYLE[f.severity]),
            Text(f"{f.code}", style="bold"),
            message,
        )
    console.print(table)


def _print_summary(console: Console, report: Report) -> None:
    counts = summary_record(report)
    passing = sum(1 for g in report.goals if g.passes_all)
    table = Table(title="smartlint", title_justify="left", expand=False)
    table.add_column("files", justify="right")
    table.add_column("goals", justify="right")
    table.add_column("pass all five", justify="right")
    for criterion in SMART:
        table.add_column(f"{criterion.letter} ✗", justify="right")
    for name in ("errors", "warnings", "infos"):
        table.add_column(name, justify="right")
    fails = [sum(1 for g in report.goals if g.verdict(c) is Verdict.FAIL) for c in SMART]
    table.add_row(
        str(counts["files"]),
        str(counts["goals"]),
        Text(str(passing), style="green" if passing else ""),
        *(Text(str(n), style="red" if n else "") for n in fails),
        Text(str(counts["errors"]), style="bold red" if counts["errors"] else ""),
        Text(str(counts["warnings"]), style="yellow" if counts["warnings"] else ""),
        str(counts["infos"]),
    )
    console.print(table)


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
