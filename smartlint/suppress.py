"""Inline suppressions: ``# smartlint: ignore[...]`` comments, read by a cheap line scan.

YAML nodes do not keep comments, so the raw text is scanned once per file into a
:class:`SuppressionTable`; :func:`apply_suppressions` is a pure post-processing step on a
file's findings that drops what the table (and the file's per-file ignores) cover,
recomputes the verdicts of the goals that lost findings, and reports unused suppressions.

Forms (codes, prefixes or rule names, comma-separated; none means every rule):

- ``title: …  # smartlint: ignore[T501] reason`` at the end of a line: findings that start
  on that line;
- ``# smartlint: ignore[T501]`` on its own line: the goal that starts on the next line that
  is not blank or a comment (all its findings), else findings that start on that line;
- ``# smartlint: ignore-file[T501]`` anywhere: the whole file.

Markdown documents take the same forms as HTML comments, ``<!-- smartlint: ignore[T501]
reason -->``; a comment on a line of its own covers the goal on the next line that is not
blank or a comment, one after text covers that line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Literal

from smartlint.i18n import pick
from smartlint.model import (
    SMART,
    Criterion,
    FileResult,
    Finding,
    GoalResult,
    Language,
    Severity,
    Span,
    Verdict,
    verdict_of,
)
from smartlint.patterns import compile_pattern
from smartlint.records import record
from smartlint.rules import ALL_RULES
from smartlint.rules.base import Rule
from smartlint.rules.suppression import UNUSED_SUPPRESSION
from smartlint.selection import SelectorError, did_you_mean, resolve

_DIRECTIVE = compile_pattern(r"#[ \t]*smartlint[ \t]*:[ \t]*([A-Za-z-]*)(.*)$")
_HTML_DIRECTIVE = compile_pattern(r"<!--[ \t]*smartlint[ \t]*:[ \t]*([A-Za-z-]*)(.*?)[ \t]*-->")
_MD_FENCE = compile_pattern(r"^[ ]{0,3}(```+|~~~+)")
_COMMENT_LINE = {"yaml": compile_pattern("#"), "markdown": compile_pattern(r"<!--.*-->$")}
_OPENS_SCALAR = " \t[{,"
_ARGS = compile_pattern(r"^\[([^\]]*)\][ \t]*(.*)$")
_ALL = "*"

Kind = Literal["line", "next", "file"]
FileKind = Literal["yaml", "markdown"]
Rewrite = Callable[[GoalResult, tuple[tuple[Criterion, Verdict], ...]], "str | None"]


@record
class Directive:
    """One suppression comment: what it covers and which selectors it names."""

    kind: Kind
    target: int  # the line it covers (0 for the whole file)
    selectors: tuple[str, ...]  # empty: every rule
    span: Span  # the comment itself, where an unused suppression is reported
    reason: str = ""
    unknown: str | None = None  # a directive word smartlint does not know


@record
class SuppressionTable:
    """A file's suppression comments, and the codes its configuration ignores there."""

    directives: tuple[Directive, ...] = ()
    ignored: frozenset[str] = frozenset()


EMPTY = SuppressionTable()


def scan(text: str, kind: FileKind = "yaml") -> SuppressionTable:
    """Read every suppression comment of a file's text, without parsing YAML or Markdown.

    ``kind`` says which comments count: ``# smartlint: …`` in YAML, ``<!-- smartlint: … -->``
    in Markdown (outside fenced code blocks).
    """
    if "smartlint" not in text:
        return EMPTY
    lines = text.splitlines()
    find = _find_yaml if kind == "yaml" else _markdown_finder()
    directives: list[Directive] = []
    for number, line in enumerate(lines, start=1):
        found = find(line)
        if found is None:
            continue
        start, stop, match = found
        word, rest = match.group(1), match.group(2)
        span = Span(number, start + 1, number, stop + 1)
        args = _ARGS.match(rest.strip())
        selectors = tuple(
            s.strip() for s in (args.group(1).split(",") if args else ()) if s.strip()
        )
        reason = (args.group(2) if args else rest).strip()
        own_line = not line[:start].strip()
        if word == "ignore-file":
            directives.append(Directive("file", 0, selectors, span, reason))
        elif word == "ignore" and own_line:
            target = _next_content(lines, number, _COMMENT_LINE[kind])
            directives.append(Directive("next", target, selectors, span, reason))
        elif word == "ignore":
            directives.append(Directive("line", number, selectors, span, reason))
        else:
            directives.append(Directive("file", 0, (), span, reason, unknown=word or "(none)"))
    return SuppressionTable(tuple(directives))


def comment_start(line: str) -> int | None:
    """Return where a line's YAML comment starts: a ``#`` after a space, outside quotes."""
    quote = ""
    escaped = False
    for index, char in enumerate(line):
        if quote == '"':
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quote = ""
        elif quote == "'":
            if char == "'":
                quote = ""  # a doubled '' reopens on the next character
        elif char in "'\"" and (index == 0 or line[index - 1] in _OPENS_SCALAR):
            quote = char
        elif char == "'" and index > 0 and line[index - 1] == "'":
            quote = "'"
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def _find_yaml(line: str) -> tuple[int, int, re.Match[str]] | None:
    """Find a ``# smartlint:`` comment: where it starts and ends, and its directive."""
    if "smartlint" not in line:
        return None
    start = comment_start(line)
    match = _DIRECTIVE.match(line, start) if start is not None else None
    if start is None or match is None:
        return None
    return start, len(line.rstrip()), match


def _markdown_finder() -> Callable[[str], tuple[int, int, re.Match[str]] | None]:
    """Return a finder of ``<!-- smartlint: … -->`` comments that skips fenced code blocks."""
    fence = ""

    def find(line: str) -> tuple[int, int, re.Match[str]] | None:
        nonlocal fence
        opening = _MD_FENCE.match(line)
        if opening is not None and (not fence or opening.group(1).startswith(fence)):
            fence = "" if fence else opening.group(1)[:3]
            return None
        if fence or "smartlint" not in line:
            return None
        match = _HTML_DIRECTIVE.search(line)
        if match is None:
            return None
        return match.start(), match.end(), match

    return find


def _next_content(lines: Sequence[str], number: int, comment: re.Pattern[str]) -> int:
    """Return the 1-based number of the next line that is not blank or a comment."""
    for index in range(number, len(lines)):
        stripped = lines[index].strip()
        if stripped and not comment.match(stripped):
            return index + 1
    return 0


def apply_suppressions(
    table: SuppressionTable,
    result: FileResult,
    catalog: Sequence[Rule],
    *,
    severities: Mapping[str, Severity] | None = None,
    rewrite: Rewrite | None = None,
) -> FileResult:
    """Drop suppressed and ignored findings, recompute verdicts, add unused suppressions.

    ``catalog`` holds the rules enabled for the file; unused suppressions are reported only
    when ``F090`` is among them.  ``rewrite`` rebuilds a goal's suggested rewrite when its
    verdicts change; without it the old rewrite is kept while the goal still fails.
    """
    if not table.directives and not table.ignored:
        return result
    goal_starts = {g.goal.span.line: g.goal.index for g in result.goals}
    resolved = [_resolve(d) for d in table.directives]
    used: set[tuple[int, str]] = set()

    def keep(finding: Finding) -> bool:
        if finding.code in table.ignored:
            return False
        hit = False
        for number, (directive, codes) in enumerate(zip(table.directives, resolved, strict=True)):
            if directive.unknown is not None or not _covers(directive, finding, goal_starts):
                continue
            if finding.code == UNUSED_SUPPRESSION.code and directive.kind != "file":
                continue
            for selector, selected in codes.items():
                if selected is None or finding.code in selected:
                    used.add((number, selector))
                    hit = True
        return not hit

    goals = tuple(_filter_goal(g, keep, rewrite) for g in result.goals)
    findings = [f for f in result.findings if keep(f)]
    if any(r.code == UNUSED_SUPPRESSION.code for r in catalog):
        spoken = [g.language for g in result.goals]
        language = Language.VI if spoken.count(Language.VI) * 2 > len(spoken) else Language.EN
        unused = _unused(table, resolved, used, result.path, severities or {}, language)
        findings += [f for f in unused if keep(f)]
        findings.sort(key=lambda f: (f.span.line, f.span.column, f.code, f.message))
    return replace(result, goals=goals, findings=tuple(findings))


def _resolve(directive: Directive) -> dict[str, frozenset[str] | None]:
    """Map each selector of a directive to the codes it names (None: every rule)."""
    if not directive.selectors:
        return {_ALL: None}
    codes: dict[str, frozenset[str] | None] = {}
    for selector in directive.selectors:
        try:
            codes[selector] = resolve(selector, ALL_RULES)
        except SelectorError:
            codes[selector] = frozenset()
    return codes


def _covers(directive: Directive, finding: Finding, goal_starts: Mapping[int, int]) -> bool:
    if directive.kind == "file":
        return True
    if directive.kind == "next" and directive.target in goal_starts:
        return finding.goal_index == goal_starts[directive.target]
    return finding.span.line == directive.target


def _filter_goal(
    goal: GoalResult, keep: Callable[[Finding], bool], rewrite: Rewrite | None
) -> GoalResult:
    kept = tuple(f for f in goal.findings if keep(f))
    if len(kept) == len(goal.findings):
        return goal
    verdicts = tuple((c, verdict_of(c, kept)) for c in SMART)
    fails = any(v is Verdict.FAIL for _, v in verdicts)
    new = replace(goal, findings=kept, verdicts=verdicts)
    if not fails:
        return replace(new, rewrite=None)
    if rewrite is not None and verdicts != goal.verdicts:
        return replace(new, rewrite=rewrite(new, verdicts))
    return new


def _unused(
    table: SuppressionTable,
    resolved: Sequence[Mapping[str, frozenset[str] | None]],
    used: set[tuple[int, str]],
    path: str,
    severities: Mapping[str, Severity],
    language: Language = Language.EN,
) -> list[Finding]:
    rule = UNUSED_SUPPRESSION
    found = []
    for number, (directive, codes) in enumerate(zip(table.directives, resolved, strict=True)):
        for selector, selected in codes.items():
            if (number, selector) in used:
                continue
            if directive.unknown is not None:
                message = pick(
                    language,
                    f"'smartlint: {directive.unknown}' không phải là một chỉ thị; hãy viết"
                    " 'smartlint: ignore[CODE]' hoặc 'smartlint: ignore-file[CODE]'.",
                    f"'smartlint: {directive.unknown}' is not a directive;"
                    " write 'smartlint: ignore[CODE]' or 'smartlint: ignore-file[CODE]'.",
                )
            elif selected is not None and not selected:
                hint = did_you_mean(selector, ALL_RULES)
                message = pick(
                    language,
                    f"{selector!r} không phải là một quy tắc của smartlint"
                    f"{hint.replace('did you mean', 'có phải ý bạn là')}.",
                    f"{selector!r} is not a smartlint rule{hint}.",
                )
            elif selector == _ALL:
                message = pick(
                    language,
                    "Lệnh bỏ qua này không khớp với phát hiện nào.",
                    "This suppression matches no finding.",
                )
            else:
                message = pick(
                    language,
                    f"Lệnh bỏ qua {selector} không khớp với phát hiện nào.",
                    f"The suppression of {selector} matches no finding.",
                )
            found.append(
                Finding(
                    path=path,
                    span=directive.span,
                    code=rule.code,
                    name=rule.name,
                    criterion=rule.criterion,
                    severity=severities.get(rule.code, rule.severity),
                    effect=rule.effect,
                    message=message,
                    suggestion=pick(
                        language, "Xóa chú thích, hoặc sửa các mã trong ngoặc vuông.", rule.fix
                    ),
                )
            )
    return found
