"""The nodes the parser builds from YAML events: scalars keep their source text, all keep marks."""

from __future__ import annotations

from typing import Protocol

from smartlint.model import Span
from smartlint.parser.report import Said
from smartlint.records import record

MAX_DEPTH = 200  # goal files nest a few levels; anything deeper is an attack or an accident
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Mark(Protocol):
    """A 0-based position as libyaml counts it (characters, not bytes).

    The composer keeps the marks libyaml made for each event rather than copying them
    (a 10,000-goal file has some 300,000); positions it works out itself are a
    :class:`Position`.  Nothing may change a mark once made.
    """

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def index(self) -> int: ...


@record
class Position:
    """A mark the parser works out itself (a block scalar's true end, an error's place)."""

    line: int
    column: int
    index: int


@record(frozen=False, eq=False)
class Scalar:
    """A scalar with its source text: ``value`` is never resolved to int, bool or date."""

    value: str
    style: str  # "" plain, "'" or '"' quoted, "|" or ">" block
    tag: str | None
    start: Mark
    end: Mark
    alias: bool = False

    @property
    def null(self) -> bool:
        """Tell whether the scalar is YAML's null (empty, ``~`` or ``null``, untagged)."""
        return self.style == "" and self.tag is None and self.value in _NULLS


@record(frozen=False, eq=False)
class Seq:
    """A sequence; an alias to one shares its ``items`` list.

    ``read_ahead`` marks the goal list of a file's first document when the composer handed
    each item to the reader as soon as it was composed (see :func:`compose`): ``items``
    then keeps only the last, for the list's end.
    """

    items: list[Node]
    tag: str | None
    start: Mark
    end: Mark
    flow: bool
    alias: bool = False
    read_ahead: bool = False


@record(frozen=False, eq=False)
class Map:
    """A mapping with its pairs in order; the second of two equal keys is dropped."""

    pairs: list[tuple[Node, Node]]
    tag: str | None
    start: Mark
    end: Mark
    flow: bool
    alias: bool = False


Node = Scalar | Seq | Map


def is_unsafe(tag: str | None) -> bool:
    """Tell whether a tag asks a loader to build Python objects."""
    return tag is not None and ("python/" in tag or tag.startswith("!python"))


def node_span(node: Node) -> Span:
    """Return the 1-based span of a node."""
    return Span(node.start.line + 1, node.start.column + 1, node.end.line + 1, node.end.column + 1)


def mark_span(mark: Mark) -> Span:
    """Return the one-character span at a mark."""
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


def kind_of(node: Node) -> str:
    """Name a node's kind the way a user thinks of it (in English; see :func:`kind_said`)."""
    return kind_said(node).en


def kind_said(node: Node) -> Said:
    """Name a node's kind in both languages, the way a user thinks of it."""
    if isinstance(node, Seq):
        return Said("một danh sách", "a list")
    if isinstance(node, Map):
        return Said("một bảng khóa: giá trị", "a mapping")
    if node.null:
        return Said("trống", "empty")
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return Said(f"giá trị '{shown}'", f"the value '{shown}'")


def mark_of(mark: object) -> Position:
    """Copy a PyYAML or libyaml mark (the stubs type it loosely) into a plain value."""
    return Position(
        int(getattr(mark, "line", 0)),
        int(getattr(mark, "column", 0)),
        int(getattr(mark, "index", 0)),
    )


def mark_at(text: str, position: int) -> Position:
    """Return the mark of a character offset into ``text``."""
    position = min(max(position, 0), len(text))
    line = text.count("\n", 0, position)
    return Position(line, position - (text.rfind("\n", 0, position) + 1), position)
