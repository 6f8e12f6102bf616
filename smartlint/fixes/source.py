"""Turn a new value for a goal field into text edits on the exact characters of its source.

A fix is first worked out on values ("the sentence becomes …"); this module writes it into
the file as the author wrote it: the smallest change of characters that stand one-to-one in
the source (a plain or quoted YAML scalar, a literal block line, a Markdown list item or
table cell, a CSV cell), re-quoting only when the new text needs it.  When a value does not
sit in the source as the parser read it (escapes, folded lines, a line numbering that does
not agree), no edit is made: a fix is never a guess about where text is.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Literal

from smartlint.model import Span, Text, TextEdit
from smartlint.patterns import Lazy, compile_pattern
from smartlint.records import record

SourceKind = Literal["yaml", "markdown", "csv"]

_PLAIN_STARTS_BADLY = compile_pattern(r"[-?:,\[\]{}#&*!|>'\"%@`\s]")
_INDICATOR_PAIRS = (": ", " #")
_BLOCK_HEADER = Lazy(r"(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$")  # "key: |-  # note"
_NEEDS_QUOTE_WORDS = compile_pattern(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?)$",
    re.IGNORECASE,
)


@record(slots=False)
class SourceText:
    """A goal file's decoded text as the parser read it: no BOM, LF line ends."""

    text: str
    kind: SourceKind
    csv_delimiter: str = ","
    _lines: list[str] = field(default_factory=list, repr=False, compare=False)

    def line(self, number: int) -> str | None:
        """Return a 1-based line without its end, or None past the end."""
        if not self._lines:
            self._lines.extend(self.text.split("\n"))
        if 1 <= number <= len(self._lines):
            return self._lines[number - 1]
        return None


def minimal_change(old: str, new: str) -> tuple[int, int, str]:
    """Return ``(start, end, text)``: replacing ``old[start:end]`` by ``text`` gives ``new``."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def edits_for(text: Text, new_value: str, source: SourceText) -> tuple[TextEdit, ...] | None:
    """Return the edits that make the field ``text`` read as ``new_value``, or None."""
    if new_value == text.value or "\n" in new_value or "\r" in new_value:
        return None
    if source.kind == "csv":
        return _csv_edits(text, new_value, source)
    if not text.exact:
        return _block_edits(text, new_value, source) if source.kind == "yaml" else None
    line = source.line(text.span.line)
    start, end = text.span.column - 1, text.span.end_column - 1
    if line is None or line[start:end] != text.value:
        return None  # the value is not where the parser put it: write nothing
    if source.kind == "markdown":
        return _markdown_edits(text, new_value, line)
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if before in ("'", '"') and after == before:
        return _quoted_edits(text, new_value, before)
    return _plain_edits(text, new_value, flow=_in_flow(line, start))


def _edit(text: Text, start: int, end: int, new: str) -> TextEdit:
    line, column = text.span.line, text.span.column
    return TextEdit(Span(line, column + start, line, column + end), new)


def _minimal(text: Text, new_value: str) -> tuple[TextEdit, ...]:
    start, end, new = minimal_change(text.value, new_value)
    return (_edit(text, start, end, new),)


def plain_ok(value: str, *, flow: bool) -> bool:
    """Tell whether ``value`` reads back as the same string when written as a plain scalar."""
    if not value or _PLAIN_STARTS_BADLY.match(value) or value[-1].isspace():
        return False
    if _NEEDS_QUOTE_WORDS.match(value):
        return False
    if any(pair in value for pair in _INDICATOR_PAIRS) or value.endswith(":"):
        return False
    if flow and any(c in value for c in ",[]{}"):
        return False
    return value.replace("\t", " ").isprintable()


def double_quoted(value: str) -> str:
    """Write ``value`` as a YAML double-quoted scalar (UTF-8 kept, only what must be escaped)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{escaped}"'


def _plain_edits(text: Text, new_value: str, *, flow: bool) -> tuple[TextEdit, ...]:
    if plain_ok(new_value, flow=flow):
        return _minimal(text, new_value)
    return (_edit(text, 0, len(text.value), double_quoted(new_value)),)


def _quoted_edits(text: Text, new_value: str, quote: str) -> tuple[TextEdit, ...] | None:
    if quote == "'":
        if "'" in text.value:
            return None  # '' stands for one quote: the value is not one-to-one
        start, end, new = minimal_change(text.value, new_value)
        return (_edit(text, start, end, new.replace("'", "''")),)
    if "\\" in new_value or '"' in new_value or "\t" in new_value:
        start, end, new = minimal_change(text.value, new_value)
        escaped = new.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return (_edit(text, start, end, escaped),)
    return _minimal(text, new_value)


def _in_flow(line: str, column: int) -> bool:
    """Tell whether a scalar at ``column`` sits inside a flow collection opened on its line."""
    depth = 0
    quote = ""
    for char in line[:column]:
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "#":
            break
    return depth > 0


def _markdown_edits(text: Text, new_value: str, line: str) -> tuple[TextEdit, ...] | None:
    start, end, new = minimal_change(text.value, new_value)
    if line.lstrip().startswith("|"):
        new = new.replace("|", "\\|")  # a table cell: a bare pipe would split it
    if any(c in new for c in "*_`[]<>\\") or new.lstrip().startswith(("#", "-", "+", ">")):
        return None  # Markdown would read it as markup: not a text edit any more
    return (_edit(text, start, end, new),)


def _block_edits(text: Text, new_value: str, source: SourceText) -> tuple[TextEdit, ...] | None:
    """Edit a block scalar (``|`` or ``>``) whose lines hold the value as written."""
    header = source.line(text.span.line)
    if header is None:
        return None
    stripped = header.rstrip()
    if not _BLOCK_HEADER.search(stripped):
        return None
    folded = ">" in stripped.split("#", 1)[0].split(":")[-1] if ":" in stripped else False
    value_lines = text.value.split("\n")
    if folded and len(value_lines) != 1:
        return None  # folded lines join with spaces: offsets do not map to one line
    start, end, new = minimal_change(text.value, new_value)
    before = text.value[:start]
    row = before.count("\n")
    if "\n" in text.value[start:end]:
        return None
    offset = start - (before.rfind("\n") + 1)
    number = text.span.line + 1
    seen = -1
    while True:
        content = source.line(number)
        if content is None:
            return None
        if content.strip():
            seen += 1
        elif seen < 0:
            number += 1
            continue
        else:
            seen += 1  # a blank line inside a literal block is a value line too
        if seen == row:
            break
        number += 1
    indent = len(content) - len(content.lstrip(" "))
    want = value_lines[row]
    if content[indent : indent + len(want)] != want or not content.strip():
        return None
    column = indent + offset + 1
    return (TextEdit(Span(number, column, number, column + (end - start)), new),)


def csv_cells(line: str, delimiter: str) -> list[tuple[int, int, bool]] | None:
    """Return each cell of a one-line CSV record as ``(start, end, quoted)`` offsets."""
    cells: list[tuple[int, int, bool]] = []
    i, n = 0, len(line)
    while True:
        start = i
        if i < n and line[i] == '"':
            i += 1
            while True:
                if i >= n:
                    return None  # the record goes on past the line
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        i += 2
                        continue
                    i += 1
                    break
                i += 1
            if i < n and line[i] != delimiter:
                return None  # text after a closing quote: not a clean cell
            cells.append((start, i, True))
        else:
            while i < n and line[i] != delimiter:
                if line[i] == '"':
                    return None
                i += 1
            cells.append((start, i, False))
        if i >= n:
            return cells
        i += 1  # past the delimiter


def _csv_edits(text: Text, new_value: str, source: SourceText) -> tuple[TextEdit, ...] | None:
    line = source.line(text.span.line)
    if line is None:
        return None
    cells = csv_cells(line, source.csv_delimiter)
    index = text.span.column - 1
    if cells is None or index >= len(cells):
        return None
    start, end, quoted = cells[index]
    raw = line[start:end]
    inner = raw[1:-1].replace('""', '"') if quoted else raw
    if inner.strip() != text.value:
        return None
    lead = len(inner) - len(inner.lstrip())
    number = text.span.line
    if not quoted:
        simple = not any(c in new_value for c in (source.csv_delimiter, '"'))
        if simple and new_value == new_value.strip():
            begin = start + lead
            a, b, new = minimal_change(text.value, new_value)
            return (TextEdit(Span(number, begin + a + 1, number, begin + b + 1), new),)
        quoted_value = '"' + new_value.replace('"', '""') + '"'
        begin = start + lead
        return (
            TextEdit(Span(number, begin + 1, number, begin + len(text.value) + 1), quoted_value),
        )
    if '"' in raw[1:-1]:
        return (TextEdit(Span(number, start + 1, number, end + 1), _csv_quote(new_value)),)
    begin = start + 1 + lead
    a, b, new = minimal_change(text.value, new_value)
    return (TextEdit(Span(number, begin + a + 1, number, begin + b + 1), new.replace('"', '""')),)


def _csv_quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'
