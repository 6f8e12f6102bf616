"""The terminal report: per goal what needs action, then a short summary in the report's language.

Each goal shows its S M A R T row, then the findings to act on: a field finding that
explains the others first (the others say so), then errors, then warnings.  Infos fold into
one dim line per goal unless ``--show-info``/``-v`` asks for them; ``--quiet`` prints only
the summary; ``--tree`` prints the goal tree instead of the goals.  Lines are built as plain
strings (SGR codes only when colour is on), so the report costs little more than concise.
"""

from __future__ import annotations

from collections.abc import Sequence

from smartlint.i18n import pick
from smartlint.model import SMART, Finding, GoalResult, Language, Report, Severity, Verdict
from smartlint.reporters.base import RenderContext
from smartlint.reporters.chart import draw_chart
from smartlint.reporters.tally import report_language, summary_lines, tally
from smartlint.reporters.terminal import Painter, cells, clip, wrap
from smartlint.reporters.triage import Shown, triage

_MARK = {Verdict.PASS: ("✓", "green"), Verdict.FAIL: ("✗", "bold red"), Verdict.SKIP: ("–", "dim")}
CHART_WIDTH = 36  # cells of the one-line history chart beside the verdicts
DEFAULT_WIDTH = 100
TITLE_LIMIT = 400  # characters of a goal's sentence shown; longer ones end with "…"
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_ROW_CELLS = 2 + 5 * 3 + 4 * 2  # "  S ✓  M ✓  A ✓  R ✓  T ✓"


def render(report: Report, ctx: RenderContext) -> str:
    """Render the run for a person at a terminal."""
    paint = Painter(ctx.color)
    width = max(ctx.width or DEFAULT_WIDTH, 20)
    out: list[str] = []
    hidden = 0
    if ctx.show_tree:
        from smartlint.reporters.tree import render_tree

        tree = render_tree(report, ctx)
        if tree:
            out.extend([*tree.splitlines(), ""])
    elif not ctx.quiet:
        for file in report.files:
            loose = [Shown(f) for f in file.findings if f.goal_index is None]
            if loose:
                out.append(paint(file.path, "bold underline"))
                out.extend(_finding_lines(loose, Language.EN, paint, width))
                out.append("")
            for result in file.goals:
                hidden += _goal_lines(out, result, ctx, paint, width)
    lang = report_language(report.goals, ctx.language)
    out.extend(summary_lines(tally(report), lang, paint, width=width, hidden_infos=hidden))
    return "".join(line.rstrip() + "\n" for line in out)


def verdict_row(result: GoalResult, paint: Painter | None = None) -> str:
    """Return the goal's ``S ✓  M ✗  A –  R ✓  T ✓`` row."""
    paint = paint or Painter(False)
    return "  ".join(
        paint(f"{c.letter} {mark}", style)
        for c in SMART
        for mark, style in (_MARK[result.verdict(c)],)
    )


def _goal_lines(
    out: list[str], result: GoalResult, ctx: RenderContext, paint: Painter, width: int
) -> int:
    """Append one goal's block; return how many of its infos were folded away."""
    goal = result.goal
    lang = result.language
    head = paint(f"{goal.path}:{goal.span.line}:{goal.span.column}", "bold")
    if goal.goal_id:
        head += "  " + paint(goal.goal_id, "bold magenta")
    out.append(head)
    if goal.title is not None:
        out.extend("  " + line for line in wrap(clip(goal.title.value, TITLE_LIMIT), width - 2))
    order = triage(result, show_info=ctx.show_info)
    row = "  " + verdict_row(result, paint)
    used = _ROW_CELLS
    room = min(CHART_WIDTH, width - _ROW_CELLS - 3)
    chart = draw_chart(result.chart, room, language=lang) if result.chart and room > 8 else ""
    if chart:
        row += "   " + paint(chart, "cyan")
        used += 3 + cells(chart)
    note = ""
    if order.folded:  # the infos, by code and name, beside the row when they fit
        codes = dict.fromkeys(f"{f.code} {f.name}" for f in order.folded)
        note = pick(lang, "ghi chú ", "info ") + ", ".join(codes)
        if used + 3 + cells(note) <= width:
            row += "   " + paint(note, "dim")
            note = ""
    out.append(row)
    if note:
        out.append("  " + paint(clip(note, width - 2), "dim"))
    if ctx.show_reading and result.understood:
        out.extend(_reading_lines(result.understood, paint, width))
    out.extend(_finding_lines(order.shown, lang, paint, width))
    if result.rewrite:
        label = pick(lang, "Viết lại", "Rewrite") + ": "
        lines = wrap(label + result.rewrite, width - 2)
        lines[0] = paint(label.rstrip(), "bold green") + " " + lines[0][len(label) :]
        out.extend("  " + line for line in lines)
    out.append("")
    return len(order.folded)


def _reading_lines(understood: Sequence[tuple[str, str]], paint: Painter, width: int) -> list[str]:
    """Lay out what was read: labels in one dim column, values wrapped beside them."""
    label_w = max(cells(label) for label, _ in understood) + 5  # "    " before, ":" after
    room = max(width - label_w - 1, 20)
    pad = " " * (label_w + 1)
    lines: list[str] = []
    for label, value in understood:
        body = [value] if cells(value) <= room and "\n" not in value else wrap(value, room)
        lead = f"    {label}:".ljust(label_w)
        lines.append(paint(lead, "dim") + " " + body[0])
        lines.extend(pad + more for more in body[1:])
    return lines


def _finding_lines(shown: Sequence[Shown], lang: Language, paint: Painter, width: int) -> list[str]:
    """Lay findings out in aligned columns: position, severity, code, then the message."""
    if not shown:
        return []
    places = [f"{s.finding.span.line}:{s.finding.span.column}" for s in shown]
    place_w = max(map(len, places))
    severity_w = max(len(s.finding.severity.value) for s in shown)
    code_w = max(len(s.finding.code) for s in shown)
    indent = 2 + place_w + 1 + severity_w + 1 + code_w + 1
    room = max(width - indent, 24)
    pad = " " * indent
    lines: list[str] = []
    for place, item in zip(places, shown, strict=True):
        f = item.finding
        message = _message(f, item.because, lang)
        body = wrap(message, room)
        lines.append(
            "  "
            + place.rjust(place_w)
            + " "
            + paint(f.severity.value.ljust(severity_w), _SEVERITY_STYLE[f.severity])
            + " "
            + paint(f.code.ljust(code_w), "bold")
            + " "
            + body[0]
        )
        lines.extend(pad + line for line in body[1:])
        if f.suggestion:
            lines.extend(pad + paint(line, "dim") for line in wrap("→ " + f.suggestion, room))
    return lines


def _message(finding: Finding, because: str | None, lang: Language) -> str:
    if because is None:
        return finding.message
    return finding.message + " " + pick(lang, f"(do {because})", f"(because of {because})")
