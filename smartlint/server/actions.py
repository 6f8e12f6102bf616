"""Edits the editor offers besides the rules' own fixes: a suppression comment, the rewrite.

Both are built as :class:`~smartlint.model.TextEdit` values, the shape of a rule's fix, and
checked before they are offered: the edited text must parse to as many goals as before,
without a new file problem, so an action never breaks a file.
"""

from __future__ import annotations

import json
import re

import yaml

from smartlint.model import Finding, Goal, ParsedFile, Span, TextEdit
from smartlint.parser import parse_text
from smartlint.server.goalset import Kind

_YAML_DIRECTIVE = re.compile(r"^(\s*#\s*smartlint\s*:\s*ignore\[)([^\]]*)(\].*)$")
_HTML_DIRECTIVE = re.compile(r"^(\s*<!--\s*smartlint\s*:\s*ignore\[)([^\]]*)(\].*-->\s*)$")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split text into lines without their ends, at CRLF, LF or CR."""
    return _NEWLINE.split(text)


def line_end(text: str) -> str:
    """Return the text's first line end, or LF when it has none."""
    found = _NEWLINE.search(text)
    return found.group(0) if found else "\n"


def suppression_edit(text: str, kind: Kind, finding: Finding, goal: Goal | None) -> TextEdit | None:
    """Return the edit that writes ``ignore[CODE]`` where it covers the finding.

    In a goal, a comment on its own line above the goal's first line covers that goal (an
    existing one there gains the code); a finding outside goals gets ``ignore-file``.
    Spreadsheets have no comments, so a sheet gets none.
    """
    if kind == "sheet":
        return None
    code = finding.code
    lines = split_lines(text)
    end = line_end(text)
    if goal is None:
        if kind == "yaml":
            return TextEdit(Span(1, 1, 1, 1), f"# smartlint: ignore-file[{code}]{end}")
        last = len(lines)
        tail = lines[-1] if lines else ""
        lead = end if tail.strip() else ""
        return TextEdit(
            Span(last, len(tail) + 1, last, len(tail) + 1),
            f"{lead}<!-- smartlint: ignore-file[{code}] -->{end}",
        )
    row = goal.span.line
    if not 1 <= row <= len(lines):
        return None
    pattern = _YAML_DIRECTIVE if kind == "yaml" else _HTML_DIRECTIVE
    above = lines[row - 2] if row >= 2 else ""
    existing = pattern.match(above)
    if existing is not None:
        codes = [c.strip() for c in existing.group(2).split(",") if c.strip()]
        if code in codes:
            return None
        start = len(existing.group(1)) + 1
        stop = start + len(existing.group(2))
        return TextEdit(Span(row - 1, start, row - 1, stop), ", ".join([*codes, code]))
    line = lines[row - 1]
    indent = line[: len(line) - len(line.lstrip())]
    comment = (
        f"# smartlint: ignore[{code}]" if kind == "yaml" else f"<!-- smartlint: ignore[{code}] -->"
    )
    return TextEdit(Span(row, 1, row, 1), f"{indent}{comment}{end}")


def line_suppression_edit(text: str, kind: Kind, finding: Finding) -> TextEdit | None:
    """Return the edit that ends the finding's line with ``ignore[CODE]`` (that line only).

    The fallback where a comment line above the goal would break it: a Markdown table row.
    """
    if kind == "sheet":
        return None
    lines = split_lines(text)
    row = finding.span.line
    if not 1 <= row <= len(lines) or not lines[row - 1].strip():
        return None
    line = lines[row - 1]
    end = len(line.rstrip()) + 1
    comment = (
        f"  # smartlint: ignore[{finding.code}]"
        if kind == "yaml"
        else f" <!-- smartlint: ignore[{finding.code}] -->"
    )
    return TextEdit(Span(row, end, row, end), comment)


def rewrite_edit(text: str, kind: Kind, goal: Goal, rewrite: str) -> TextEdit | None:
    """Return the edit that puts the suggested rewrite in place of the goal's title."""
    title = goal.title
    if title is None or kind == "sheet" or "\n" in rewrite:
        return None
    if kind == "markdown":
        if not title.exact:
            return None
        return TextEdit(title.span, rewrite)
    lines = split_lines(text)
    span = title.span
    if title.exact and span.single_line and 1 <= span.line <= len(lines):
        line = lines[span.line - 1]
        before = line[span.column - 2] if span.column >= 2 else ""
        after = line[span.end_column - 1] if span.end_column - 1 < len(line) else ""
        if before == after == "'":
            return TextEdit(span, rewrite.replace("'", "''"))
        if before == after == '"':
            return TextEdit(span, json.dumps(rewrite, ensure_ascii=False)[1:-1])
        return TextEdit(span, _yaml_scalar(rewrite))
    return TextEdit(span, json.dumps(rewrite, ensure_ascii=False))


def _yaml_scalar(value: str) -> str:
    """Write a value plain when YAML reads it back as the same string, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value} and " #" not in value
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def apply_edits(text: str, edits: tuple[TextEdit, ...]) -> str:
    """Apply non-overlapping edits to a text; spans count characters on each line."""
    starts = [0]
    for found in _NEWLINE.finditer(text):
        starts.append(found.end())

    def offset(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        start = starts[line - 1]
        stop = starts[line] if line < len(starts) else len(text)
        content = _NEWLINE.sub("", text[start:stop])
        return start + min(max(0, column - 1), len(content))

    out = text
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        begin = offset(edit.span.line, edit.span.column)
        finish = max(begin, offset(edit.span.end_line, edit.span.end_column))
        out = out[:begin] + edit.text + out[finish:]
    return out


class EditCheck:
    """Check edits of one document: the edited text must keep its goals and add no problem."""

    def __init__(self, text: str, path: str) -> None:
        """Parse the document as it is, once, to compare edited versions with."""
        self._text = text
        self._path = path
        self._before: ParsedFile | None = None

    def keeps_goals(self, edits: tuple[TextEdit, ...]) -> bool:
        """Tell whether the edited text still parses to as many goals without a new problem."""
        if self._before is None:
            self._before = parse_text(self._text, self._path)
        after = parse_text(apply_edits(self._text, edits), self._path)
        old = {p.code for p in self._before.problems}
        return (
            len(after.goals) == len(self._before.goals) and {p.code for p in after.problems} <= old
        )
