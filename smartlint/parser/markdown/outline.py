"""Turn a Markdown text into an outline of headings, lists, paragraphs and tables, with positions.

markdown-it-py does the CommonMark parsing; its block tokens carry the source lines they
came from (``Token.map``).  Inline parsing is switched off: a goal's text is kept as
written (emphasis and links included) and located on its source line, so a title on one
line gets an exact span.  markdown-it stops nesting at ``maxNesting`` levels, so deeply
nested lists cost bounded time and stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from smartlint.model import Span
from smartlint.records import record

_MD = MarkdownIt("commonmark", {"maxNesting": 20}).enable("table").disable("inline")


@record
class Raw:
    """A block's text with where it stands.

    ``exact`` when the text sits as written on one source line starting at ``column``;
    otherwise ``text`` is the block's lines joined by spaces and ``span`` covers them.
    """

    text: str
    span: Span
    exact: bool

    def span_of(self, start: int, end: int) -> Span:
        """Return the span of ``text[start:end]``, or the block's span when not exact."""
        if not self.exact:
            return self.span
        line, column = self.span.line, self.span.column
        return Span(line, column + start, line, column + end)


@record
class Heading:
    """A heading: ``#`` to ``######`` or setext."""

    level: int
    raw: Raw


@record
class Paragraph:
    """A paragraph outside lists."""

    raw: Raw


@record(frozen=False)
class Item:
    """A list item: its first paragraph, and the items of the lists nested in it."""

    span: Span
    raw: Raw | None = None
    children: list[Item] = field(default_factory=list)


@record(frozen=False)
class ItemList:
    """A bullet or ordered list."""

    items: list[Item] = field(default_factory=list)


@record(frozen=False)
class Table:
    """A table: the header cells and, per row, its span and cells."""

    header: list[Raw] = field(default_factory=list)
    rows: list[tuple[Span, list[Raw]]] = field(default_factory=list)


Block = Heading | Paragraph | ItemList | Table


def outline(text: str) -> list[Block]:
    """Parse Markdown into top-level blocks; lists nested in list items hang off their items."""
    lines = text.split("\n")
    tokens = _MD.parse(text)
    blocks: list[Block] = []
    items: list[Item] = []  # the list items we are inside, innermost last
    lists: list[ItemList] = []
    table: Table | None = None
    row: list[Raw] | None = None
    heading_level = 0
    in_paragraph = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            new = ItemList()
            if not items:
                blocks.append(new)
            lists.append(new)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item = Item(_block_span(token, lines))
            if items:
                items[-1].children.append(item)
            else:
                lists[-1].items.append(item)
            items.append(item)
        elif kind == "list_item_close":
            items.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "paragraph_open":
            in_paragraph = True
        elif kind == "paragraph_close":
            in_paragraph = False
        elif kind == "table_open":
            table = Table()
            if not items:
                blocks.append(table)
        elif kind == "table_close":
            table = None
        elif kind == "tr_open" and table is not None:
            row = []
            if token.map is not None and table.header:
                table.rows.append((_block_span(token, lines), row))
        elif kind == "tr_close" and table is not None:
            if not table.header and row is not None:
                table.header = row
            row = None
        elif kind == "inline":
            after = row[-1].span.end_column - 1 if row and row[-1].exact else 0
            raw = _locate(token, lines, after if row is not None else 0)
            if raw is None:
                continue
            if row is not None:
                row.append(raw)
            elif heading_level:
                blocks.append(Heading(heading_level, raw))
            elif in_paragraph and items:
                if items[-1].raw is None:
                    items[-1].raw = raw
            elif in_paragraph:
                blocks.append(Paragraph(raw))
    return blocks


def _block_span(token: Token, lines: Sequence[str]) -> Span:
    first, last = token.map or (0, 1)
    line = lines[first] if first < len(lines) else ""
    column = len(line) - len(line.lstrip(" \t>")) + 1
    end = max(first + 1, last)
    return Span(first + 1, column, end, len(lines[end - 1]) + 1 if end <= len(lines) else 1)


def _locate(token: Token, lines: Sequence[str], after: int = 0) -> Raw | None:
    """Place an inline token's text on its source line(s), at or after column ``after``."""
    if token.map is None:
        return None
    first, last = token.map
    content = token.content
    if "\n" not in content:
        line = lines[first] if first < len(lines) else ""
        where = line.find(content, after) if content else -1
        if where >= 0:
            return Raw(
                content, Span(first + 1, where + 1, first + 1, where + 1 + len(content)), True
            )
    joined = " ".join(part.strip() for part in content.split("\n"))
    end = max(first + 1, last)
    # markdown-it also breaks lines at a lone CR, which the line list does not: stay inside it
    return Raw(
        joined,
        Span(first + 1, 1, end, len(lines[end - 1]) + 1 if end <= len(lines) else 1),
        False,
    )
