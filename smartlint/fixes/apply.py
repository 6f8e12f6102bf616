"""Apply fixes to a file's text, keeping every other character as it was.

Spans count lines split at LF and columns in characters of the text the parser read (no
BOM, CRLF read as LF).  The text edited here is the file as decoded, with its own line ends:
a column maps to the same character there, so CRLF, a lone CR inside a line, tabs and very
long lines all stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smartlint.model import Finding, Fix, FixSafety, TextEdit
from smartlint.records import record


@record
class Applied:
    """The new text, and the findings whose fixes it holds."""

    text: str
    fixed: tuple[Finding, ...]


def wanted(finding: Finding, *, unsafe: bool) -> bool:
    """Tell whether a finding's fix is to be applied: safe ones always, others when asked."""
    fix = finding.fix
    return fix is not None and (unsafe or fix.safety is FixSafety.SAFE) and bool(fix.edits)


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool) -> Applied:
    """Apply every wanted fix that shares no line with an earlier one (the rest wait a round).

    Each fix was worked out and checked against the text as it is; two fixes on one line
    (one sentence, one CSV row) are not checked together, so the second is worked out
    again on the fixed text in the next round.

    Two findings carrying the same fix (one rewrite mends several) are both counted fixed.
    """
    starts = _line_starts(text)
    chosen: list[tuple[int, int, str]] = []
    taken_lines: set[int] = set()  # one fix per line a round: each was checked on its own
    fixed: list[Finding] = []
    seen: dict[tuple[TextEdit, ...], bool] = {}
    for finding in sorted(findings, key=_order):
        if not wanted(finding, unsafe=unsafe):
            continue
        fix = finding.fix
        assert fix is not None
        if fix.edits in seen:
            if seen[fix.edits]:
                fixed.append(finding)
            continue
        ranges = _ranges(text, starts, fix)
        lines = {line for e in fix.edits for line in range(e.span.line, e.span.end_line + 1)}
        ok = ranges is not None and not lines & taken_lines
        seen[fix.edits] = ok
        if ranges is None or not ok:
            continue
        taken_lines |= lines
        chosen.extend(ranges)
        fixed.append(finding)
    out = text
    for start, end, new in sorted(chosen, key=lambda r: (r[0], r[1]), reverse=True):
        out = out[:start] + new + out[end:]
    return Applied(out, tuple(fixed))


def _order(finding: Finding) -> tuple[int, int, int, str]:
    safe = 0 if finding.fix is not None and finding.fix.safety is FixSafety.SAFE else 1
    return (safe, finding.span.line, finding.span.column, finding.code)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _content_end(text: str, starts: Sequence[int], line: int) -> int:
    """Return the offset just past a line's characters (before its LF or CRLF)."""
    end = starts[line] - 1 if line < len(starts) else len(text)
    if line < len(starts) and end > starts[line - 1] and text[end - 1] == "\r":
        end -= 1
    return end


def _ranges(text: str, starts: Sequence[int], fix: Fix) -> list[tuple[int, int, str]] | None:
    """Map a fix's edits to offsets, or None when an edit falls outside its line."""
    out: list[tuple[int, int, str]] = []
    for edit in fix.edits:
        span = edit.span
        if "\n" in edit.text or "\r" in edit.text:
            return None
        begin = _offset(text, starts, span.line, span.column)
        end = _offset(text, starts, span.end_line, span.end_column)
        if begin is None or end is None or end < begin:
            return None
        out.append((begin, end, edit.text))
    return out


def _offset(text: str, starts: Sequence[int], line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    return offset if offset <= _content_end(text, starts, line) else None
