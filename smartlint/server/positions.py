"""Spans (1-based, in characters; cells for a sheet) as editor positions (0-based, in units).

The protocol counts columns in UTF-16 code units unless client and server agree on
another encoding; a Vietnamese goal is all in the Basic Multilingual Plane, but an emoji
in a title is two units.  A goal sheet's spans name cells (column 3 is the third cell),
so for a CSV document each cell is found on its line.
"""

from __future__ import annotations

from collections.abc import Sequence

from smartlint.model import Span
from smartlint.parser.csv_rows import sniff_delimiter
from smartlint.records import record

Position = tuple[int, int]  # 0-based line, column in the client's units


@record(slots=False)
class Lines:
    """A document's lines (without their ends), and how the client counts columns."""

    lines: Sequence[str]
    encoding: str = "utf-16"  # the position encoding agreed with the client

    @classmethod
    def of(cls, text: str, encoding: str = "utf-16") -> Lines:
        """Split a document as the protocol does: at CRLF, LF or CR."""
        return cls(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), encoding)

    def _width(self, char: str) -> int:
        if self.encoding == "utf-8":
            return len(char.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return 1
        return 2 if ord(char) > 0xFFFF else 1

    def units(self, line: int, chars: int) -> int:
        """Return how many client units the first ``chars`` characters of a line take."""
        if not 0 <= line < len(self.lines):
            return 0
        head = self.lines[line][: max(0, chars)]
        if head.isascii() or self.encoding == "utf-32":
            return len(head)
        if self.encoding == "utf-8":
            return len(head.encode("utf-8", "surrogatepass"))
        return len(head.encode("utf-16-le", "surrogatepass")) // 2

    def chars(self, line: int, units: int) -> int:
        """Return the character offset of a client column on a line (the inverse of units)."""
        if not 0 <= line < len(self.lines):
            return 0
        text = self.lines[line]
        if text.isascii():
            return min(max(0, units), len(text))
        count = 0
        for index, char in enumerate(text):
            if count >= units:
                return index
            count += self._width(char)
        return len(text)

    def point(self, line: int, column: int) -> Position:
        """Return the client position of a 1-based line and character column, clamped."""
        if not self.lines:
            return (0, 0)
        row = min(max(0, line - 1), len(self.lines) - 1)
        if line - 1 > row:  # past the last line: its end
            return (row, self.units(row, len(self.lines[row])))
        return (row, self.units(row, min(max(0, column - 1), len(self.lines[row]))))

    def span_range(self, span: Span) -> tuple[Position, Position]:
        """Return the client range of a span, clamped to the document."""
        start = self.point(span.line, span.column)
        end = self.point(span.end_line, span.end_column)
        return (start, max(start, end))


def cell_range(lines: Lines, span: Span) -> tuple[Position, Position]:
    """Return the client range of a CSV span: from its first cell to its last, on one line."""
    row = span.line - 1
    if not 0 <= row < len(lines.lines):
        return lines.span_range(span)
    text = lines.lines[row]
    cells = cell_bounds(text, sniff_delimiter("\n".join(lines.lines[:50])))
    first = span.column - 1
    last = max(first, span.end_column - 2) if span.end_line == span.line else first
    if first >= len(cells) or span.end_column <= span.column:  # no such cell: the line start
        return ((row, 0), (row, 0) if span.end_column <= span.column else (row, len(text)))
    start = cells[first][0]
    end = cells[min(last, len(cells) - 1)][1]
    return ((row, lines.units(row, start)), (row, lines.units(row, end)))


def cell_bounds(line: str, delimiter: str) -> list[tuple[int, int]]:
    """Return each cell's character range on one CSV line (quotes kept inside the cell)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(line)))
    return bounds
