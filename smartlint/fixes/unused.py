"""F090: remove a suppression comment that suppresses nothing (a safe fix, as ruff's RUF100).

Offered only when every selector of the comment is unused (each gives its own F090, all
carrying the same fix) and the comment is a well-formed directive: a misspelt directive word
or rule code is the author's intent to suppress something, so it is left for them to mend.
"""

from __future__ import annotations

import re
from dataclasses import replace

from smartlint.fixes.source import SourceText
from smartlint.model import FileResult, Finding, Fix, FixSafety, Span, TextEdit
from smartlint.patterns import compile_pattern

# The F090 messages of a well-formed directive that suppressed nothing, in either language
# (a misspelt directive or rule code gets another message and no fix).
_UNUSED = compile_pattern(
    r"(?:^(?:the suppression of \S+|this suppression) matches no finding"
    r"|^lệnh bỏ qua (?:\S+ )?này không khớp với phát hiện nào"
    r"|^lệnh bỏ qua \S+ không khớp với phát hiện nào)\.?$",
    re.IGNORECASE,
)
_SELECTORS = compile_pattern(r"ignore(?:-file)?\[([^\]]*)\]")


def attach_unused_fixes(result: FileResult, source: SourceText) -> FileResult:
    """Return the file result with its removable unused suppressions carrying their fix."""
    unused = [f for f in result.findings if f.code == "F090"]
    if not unused:
        return result
    per_span: dict[Span, list[Finding]] = {}
    for finding in unused:
        per_span.setdefault(finding.span, []).append(finding)
    fixes: dict[Span, Fix] = {}
    for span, found in per_span.items():
        fix = _removal(span, found, source)
        if fix is not None:
            fixes[span] = fix
    if not fixes:
        return result
    findings = tuple(
        replace(f, fix=fixes[f.span]) if f.code == "F090" and f.span in fixes else f
        for f in result.findings
    )
    return replace(result, findings=findings)


def _removal(span: Span, found: list[Finding], source: SourceText) -> Fix | None:
    if not span.single_line or not all(_UNUSED.search(f.message) for f in found):
        return None
    line = source.line(span.line)
    if line is None:
        return None
    comment = line[span.column - 1 : span.end_column - 1]
    selectors = _SELECTORS.search(comment)
    count = len([s for s in selectors.group(1).split(",") if s.strip()]) if selectors else 1
    if len(found) != max(count, 1) or "smartlint" not in comment:
        return None
    before = line[: span.column - 1]
    after = line[span.end_column - 1 :]
    if not before.strip() and not after.strip():
        if source.line(span.line + 1) is None:
            return None  # the last line: nothing after it to take the line end from
        edit = TextEdit(Span(span.line, 1, span.line + 1, 1), "")
    else:
        start = len(before.rstrip()) + 1
        edit = TextEdit(Span(span.line, start, span.line, span.end_column), "")
    return Fix(FixSafety.SAFE, "Remove the unused suppression comment.", (edit,))
