"""Compose libyaml events into nodes with positions: no recursion, no construction, no alias expansion.

PyYAML's own composer recurses (deep files blow the stack), keeps the last duplicate key
silently and hands back tags for a constructor.  This one walks the event stream with an
explicit stack, refuses files nested deeper than :data:`MAX_DEPTH`, reports duplicate keys
and foreign tags, and lets an alias share its anchor's children instead of copying them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from smartlint.model import Problem, Span
from smartlint.parser import codes

MAX_DEPTH = 200  # goal files nest a few levels; anything deeper is an attack or an accident
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_CORE_TAGS = frozenset(
    _CORE + t
    for t in [
        "str",
        "int",
        "float",
        "bool",
        "null",
        "seq",
        "map",
        "timestamp",
        "binary",
        "set",
        "omap",
        "pairs",
        "merge",
        "value",
    ]
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A 0-based position as libyaml counts it (characters, not bytes)."""

    line: int
    column: int
    index: int


@dataclass(eq=False, slots=True)
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


@dataclass(eq=False, slots=True)
class Seq:
    """A sequence; an alias to one shares its ``items`` list."""

    items: list[Node]
    tag: str | None
    start: Mark
    end: Mark
    flow: bool
    alias: bool = False


@dataclass(eq=False, slots=True)
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
    """Name a node's kind the way a user thinks of it."""
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    if node.null:
        return "empty"
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f"the value '{shown}'"


@dataclass(slots=True)
class Composed:
    """The documents of a stream, and the problems met while composing them."""

    documents: list[Node] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class _Frame:
    node: Seq | Map
    key: Node | None = None
    seen: dict[str, Mark] = field(default_factory=dict)


def compose(text: str) -> Composed:
    """Compose every document of ``text``; on a YAML error or deep nesting return no documents."""
    out = Composed()
    try:
        _compose_into(text, out)
    except yaml.MarkedYAMLError as error:
        return _refused(_yaml_problem(error, text))
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        return _refused(_reader_problem(text, error))
    except UnicodeEncodeError as error:  # a lone surrogate: no encoding can write it
        return _refused(_surrogate_problem(text, error.start))
    except _TooDeep as deep:
        return _refused(_deep_problem(deep.mark))
    except _UndefinedAlias as alias:
        return _refused(
            Problem(
                codes.INVALID_YAML,
                mark_span(alias.mark),
                f"the file is not valid YAML: the alias *{alias.anchor} refers to no anchor",
                f"Define &{alias.anchor} on a value before using *{alias.anchor}, or remove it.",
            )
        )
    return out


def _refused(problem: Problem) -> Composed:
    """Give one problem and no documents: findings inside a broken file would mislead."""
    return Composed([], [problem])


class _UndefinedAlias(Exception):
    def __init__(self, anchor: str, mark: Mark) -> None:
        super().__init__()
        self.anchor = anchor
        self.mark = mark


class _TooDeep(Exception):
    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark


def _compose_into(text: str, out: Composed) -> None:
    stack: list[_Frame] = []
    anchors: dict[str, Node] = {}
    for event in yaml.parse(text, Loader=_LOADER):
        node: Node | None = None
        if isinstance(event, yaml.DocumentStartEvent):
            anchors = {}
        elif isinstance(event, yaml.AliasEvent):
            node = _alias(event, anchors)
        elif isinstance(event, yaml.ScalarEvent):
            tag = _checked_tag(event, out)
            style = event.style or ""
            end = _mark(event.end_mark)
            if style in ("|", ">"):
                end = _block_end(text, end)
            node = Scalar(event.value, style, tag, _mark(event.start_mark), end)
            _anchor(event, node, anchors)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _TooDeep(_mark(event.start_mark))
            tag = _checked_tag(event, out)
            start = _mark(event.start_mark)
            flow = bool(event.flow_style)
            opened: Seq | Map = (
                Seq([], tag, start, start, flow)
                if isinstance(event, yaml.SequenceStartEvent)
                else Map([], tag, start, start, flow)
            )
            _anchor(event, opened, anchors)
            stack.append(_Frame(opened))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            closed = stack.pop().node
            closed.end = _closing_mark(closed, _mark(event.end_mark))
            node = closed
        if node is not None:
            _attach(node, stack, out)


def _block_end(text: str, end: Mark) -> Mark:
    """End a block scalar after its last character, not at the start of the next line."""
    index = end.index
    while index > 0 and end.column == 0 and text[index - 1] == "\n":
        index -= 1
        end = Mark(end.line - 1, index - (text.rfind("\n", 0, index) + 1), index)
    return end


def _closing_mark(node: Seq | Map, end: Mark) -> Mark:
    """End a block collection at its last character, not at the next line's token."""
    if node.flow:
        return end
    last = node.items[-1] if isinstance(node, Seq) and node.items else None
    if isinstance(node, Map) and node.pairs:
        last = node.pairs[-1][1]
        if isinstance(last, Scalar) and last.null:
            last = node.pairs[-1][0]
    return last.end if last is not None else end


def _attach(node: Node, stack: list[_Frame], out: Composed) -> None:
    if not stack:
        out.documents.append(node)
        return
    frame = stack[-1]
    if isinstance(frame.node, Seq):
        frame.node.items.append(node)
        return
    if frame.key is None:
        frame.key = node
        return
    key, frame.key = frame.key, None
    if isinstance(key, Scalar):
        first = frame.seen.get(key.value)
        if first is not None:
            out.problems.append(_duplicate_problem(key, first))
            return
        frame.seen[key.value] = key.start
    frame.node.pairs.append((key, node))


def _alias(event: yaml.AliasEvent, anchors: dict[str, Node]) -> Node:
    target = anchors.get(event.anchor or "")
    start, end = _mark(event.start_mark), _mark(event.end_mark)
    if target is None:
        raise _UndefinedAlias(event.anchor or "", start)
    # A fresh node at the alias's own position that shares the anchor's children:
    # nothing is copied, so a billion-laughs file stays as small as its text.
    if isinstance(target, Scalar):
        return Scalar(target.value, target.style, target.tag, start, end, alias=True)
    if isinstance(target, Seq):
        return Seq(target.items, target.tag, start, end, target.flow, alias=True)
    return Map(target.pairs, target.tag, start, end, target.flow, alias=True)


def _anchor(event: yaml.NodeEvent, node: Node, anchors: dict[str, Node]) -> None:
    if event.anchor is not None:
        anchors[event.anchor] = node


def _checked_tag(
    event: yaml.ScalarEvent | yaml.SequenceStartEvent | yaml.MappingStartEvent, out: Composed
) -> str | None:
    tag = event.tag
    if tag is None or tag == "!" or tag in _CORE_TAGS:
        return tag
    span = mark_span(_mark(event.start_mark))
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if is_unsafe(tag):
        out.problems.append(
            Problem(
                codes.UNSAFE_TAG,
                span,
                f"the tag {shown} asks a YAML loader to run Python code; smartlint ignores"
                " the value it tags",
                "Remove the tag; a goal file holds only text, numbers, lists and mappings.",
            )
        )
    else:
        out.problems.append(
            Problem(
                codes.UNKNOWN_TAG,
                span,
                f"the tag {shown} has no meaning in a goal file; the value is read as written",
                "Remove the tag.",
            )
        )
    return tag


def _mark(mark: object) -> Mark:
    """Copy a PyYAML or libyaml mark (the stubs type it loosely) into a plain value."""
    return Mark(
        int(getattr(mark, "line", 0)),
        int(getattr(mark, "column", 0)),
        int(getattr(mark, "index", 0)),
    )


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    at = _mark(mark) if mark is not None else Mark(0, 0, 0)
    problem = (error.problem or "").strip()
    if "maximum nesting depth" in problem:
        return _deep_problem(_too_deep_bracket(text, at))
    context = f" {error.context}" if error.context else ""
    where = ""
    if error.context_mark is not None and error.context_mark is not mark:
        where = f" (started at line {error.context_mark.line + 1})"
    message = f"the file is not valid YAML: {problem}{context}{where}"
    return Problem(codes.INVALID_YAML, mark_span(at), message, _yaml_fix(problem, context))


def _yaml_fix(problem: str, context: str) -> str:
    if "cannot start any token" in problem:
        return "Indent with spaces, not tabs, and quote text that starts with @ or `."
    if "quoted scalar" in context:
        return "Close the quoted text with the same quote it opens with."
    if "flow" in context:
        return "Close every [ with ] and every { with }."
    if "mapping values are not allowed" in problem:
        return "Quote text that contains ': ', or move it to its own line."
    return "Fix the YAML at this position; goal files use spaces for indentation."


def _reader_problem(text: str, error: yaml.YAMLError) -> Problem:
    position = getattr(error, "position", 0)
    return Problem(
        codes.INVALID_YAML,
        mark_span(_mark_at(text, position if isinstance(position, int) else 0)),
        f"the file is not valid YAML: {error}".split("\n")[0],
        "Remove control characters from the file; YAML allows only printable text.",
    )


def _surrogate_problem(text: str, position: int) -> Problem:
    return Problem(
        codes.INVALID_YAML,
        mark_span(_mark_at(text, position)),
        f"the text holds a lone surrogate (U+{ord(text[position]):04X}), which is not a character",
        "Remove the broken character; it usually comes from a bad copy and paste.",
    )


def _mark_at(text: str, position: int) -> Mark:
    position = min(max(position, 0), len(text))
    line = text.count("\n", 0, position)
    return Mark(line, position - (text.rfind("\n", 0, position) + 1), position)


def _too_deep_bracket(text: str, stop: Mark) -> Mark:
    """Find the bracket that first nests past MAX_DEPTH, where libyaml stopped further on.

    libyaml scans flow brackets ahead of the events and gives up at its own limit (1000),
    so the position it reports is not the first level too deep.  Counting brackets up to
    that point is linear and good enough: this path runs only for files being refused.
    """
    depth = 0
    line_start = text.rfind("\n", 0, stop.index) + 1
    for index in range(line_start, min(stop.index, len(text))):
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Mark(stop.line, index - line_start, index)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return stop


def _deep_problem(at: Mark) -> Problem:
    return Problem(
        codes.NESTING_TOO_DEEP,
        mark_span(at),
        f"the file nests lists and mappings more than {MAX_DEPTH} levels deep;"
        " smartlint does not read it",
        "Flatten the file: goals nest through key_results a few levels at most.",
    )


def _duplicate_problem(key: Scalar, first: Mark) -> Problem:
    return Problem(
        codes.DUPLICATE_KEY,
        node_span(key),
        f"the key '{key.value}' appears again; it was first given on line {first.line + 1},"
        " and that first value is used",
        f"Keep one '{key.value}:' in this mapping.",
    )
