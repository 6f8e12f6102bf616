"""The run in numbers, and the summary a person reads at the end of the terminal report.

"Pass all five" counts goals whose five verdicts are all *pass*: a skipped criterion
(Achievable without history, say) was not shown to hold, so it is not a pass.  The summary
speaks the report's language: ``--lang`` when given, else the language most goals are
written in (English on a tie or without goals).  It is a few short lines, not a table, so it
reads the same at 60 columns as at 200.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from smartlint.i18n import pick
from smartlint.model import SMART, GoalResult, Language, Report, Severity, Verdict
from smartlint.records import record
from smartlint.reporters.terminal import Painter, cells


@record
class Tally:
    """The counts of one run."""

    files: int
    goals: int
    pass_all_five: int
    failing: tuple[int, ...]  # goals failing each criterion, in SMART order
    errors: int
    warnings: int
    infos: int


def passes_all_five(result: GoalResult) -> bool:
    """Tell whether each of the five criteria passed (a skipped one does not)."""
    return all(v is Verdict.PASS for _, v in result.verdicts)


def tally(report: Report) -> Tally:
    """Count the run's files, goals, real passes, failures per criterion and findings."""
    goals = report.goals
    severities = Counter(f.severity for f in report.findings)
    failing = [0] * len(SMART)
    passing = 0
    for result in goals:
        passing += passes_all_five(result)
        for i, criterion in enumerate(SMART):
            failing[i] += result.verdict(criterion) is Verdict.FAIL
    return Tally(
        files=len(report.files),
        goals=len(goals),
        pass_all_five=passing,
        failing=tuple(failing),
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        infos=severities[Severity.INFO],
    )


def report_language(goals: Sequence[GoalResult], forced: Language | None = None) -> Language:
    """Return ``forced`` when given, else the language most goals use (English on a tie)."""
    if forced is not None:
        return forced
    counts = Counter(g.language for g in goals)
    return Language.VI if counts[Language.VI] > counts[Language.EN] else Language.EN


def _count(lang: Language, n: int, vi: str, en_one: str, en_many: str) -> str:
    return f"{n} {pick(lang, vi, en_one if n == 1 else en_many)}"


Segment = tuple[str, str]  # text that stays on one line, and its style ("" for none)


def summary_lines(
    counts: Tally, lang: Language, paint: Painter, *, width: int, hidden_infos: int = 0
) -> list[str]:
    """Return the summary: what was linted, what failed, what was found; fitted to ``width``."""
    passed = pick(lang, "đạt cả năm tiêu chí", "pass all five criteria")
    head: list[Segment] = [
        (_count(lang, counts.files, "tệp", "file", "files") + ",", ""),
        (_count(lang, counts.goals, "mục tiêu", "goal", "goals") + ";", ""),
        (f"{counts.pass_all_five} {passed}", "green" if counts.pass_all_five else ""),
    ]
    fails: list[Segment] = [
        (f"{c.letter} {n}", "red" if n else "") for c, n in zip(SMART, counts.failing, strict=True)
    ]
    found: list[Segment] = [
        (
            _count(lang, counts.errors, "lỗi", "error", "errors") + ",",
            "bold red" if counts.errors else "",
        ),
        (
            _count(lang, counts.warnings, "cảnh báo", "warning", "warnings") + ",",
            "yellow" if counts.warnings else "",
        ),
        (_count(lang, counts.infos, "ghi chú", "info", "infos"), ""),
    ]
    if hidden_infos:
        note = pick(
            lang,
            f"({hidden_infos} được ẩn; --show-info để xem)",
            f"({hidden_infos} hidden; --show-info shows them)",
        )
        found += [(word, "dim") for word in note.split()]
    return [
        *fit("smartlint: ", head, width, paint, label_style="bold"),
        *fit(pick(lang, "Không đạt: ", "Failing: "), fails, width, paint, gap="  "),
        *fit(pick(lang, "Phát hiện: ", "Findings: "), found, width, paint),
    ]


def fit(
    label: str,
    segments: Sequence[Segment],
    width: int,
    paint: Painter,
    *,
    gap: str = " ",
    label_style: str = "",
) -> list[str]:
    """Lay ``segments`` after ``label``, starting a new indented line where one would overflow."""
    indent = " " * min(cells(label), 12)
    lines: list[str] = []
    line, used = paint(label, label_style), cells(label)
    fresh = True
    for text, style in segments:
        size = cells(text)
        if not fresh and used + len(gap) + size > width:
            lines.append(line)
            line, used, fresh = indent, len(indent), True
        if not fresh:
            line += gap
            used += len(gap)
        line += paint(text, style)
        used += size
        fresh = False
    lines.append(line)
    return lines
