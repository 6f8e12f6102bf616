"""Compose libyaml events into nodes with positions: no recursion, no construction, no alias expansion.

PyYAML's own composer recurses (deep files blow the stack), keeps the last duplicate key
silently and hands back tags for a constructor.  This one walks the event stream with an
explicit stack, refuses files nested deeper than :data:`MAX_DEPTH`, reports duplicate keys
and foreign tags, and lets an alias share its anchor's children instead of copying them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import TypeGuard

import yaml

from smartlint.model import Problem
from smartlint.parser import codes
from smartlint.parser.nodes import (
    MAX_DEPTH,
    Map,
    Mark,
    Node,
    Position,
    Scalar,
    Seq,
    is_unsafe,
    mark_span,
)
from smartlint.parser.report import problem, said
from smartlint.parser.yaml_errors import (
    duplicate_problem,
    reader_problem,
    surrogate_problem,
    syntax_problem,
    too_deep_problem,
)
from smartlint.records import record

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


@record(frozen=False)
class Composed:
    """The documents of a stream, and the problems met while composing them."""

    documents: list[Node] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@record(frozen=False)
class _Frame:
    node: Seq | Map
    key: Node | None = None
    seen: dict[str, Mark] | None = None  # a mapping's keys so far, made at its first key
    read: Callable[[Node], None] | None = None  # a list read ahead: takes each item composed


@record
class ReadAhead:
    """A list whose items are handed on as soon as each is composed, then let go.

    ``opens(seq, top, key)`` tells whether a list just opened in the first document is
    the one: ``top`` and ``key`` are None for the document itself, else the document's
    top mapping and the key the list is the value of.  ``read`` takes each item.
    """

    opens: Callable[[Seq, Map | None, Node | None], bool]
    read: Callable[[Node], None]


def compose(text: str, ahead: ReadAhead | None = None) -> Composed:
    """Compose every document of ``text``; on a YAML error or deep nesting return no documents.

    With ``ahead``, the items of the list it opens are handed to ``ahead.read`` as soon as
    each is composed, so that a big file's nodes never all live at once: the list is marked
    ``read_ahead`` and keeps its last item only.  On an error the caller drops what it read.
    """
    out = Composed()
    try:
        _compose_into(text, out, ahead)
    except yaml.MarkedYAMLError as error:
        return _refused(syntax_problem(error, text))
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        return _refused(reader_problem(text, error))
    except UnicodeEncodeError as error:  # a lone surrogate: no encoding can write it
        return _refused(surrogate_problem(text, error.start))
    except _TooDeep as deep:
        return _refused(too_deep_problem(deep.mark))
    except _UndefinedAlias as alias:
        return _refused(
            problem(
                codes.INVALID_YAML,
                mark_span(alias.mark),
                said(
                    f"tệp không phải YAML hợp lệ: alias *{alias.anchor} không trỏ tới anchor nào",
                    f"the file is not valid YAML: the alias *{alias.anchor} refers to no anchor",
                ),
                said(
                    f"Đặt &{alias.anchor} cho một giá trị trước khi dùng *{alias.anchor}, hoặc"
                    " bỏ nó.",
                    f"Define &{alias.anchor} on a value before using *{alias.anchor}, or remove it.",
                ),
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


def _compose_into(text: str, out: Composed, ahead: ReadAhead | None) -> None:
    loader = _LOADER(text)
    try:
        _walk_events(loader.get_event, text, out, ahead)
    finally:
        loader.dispose()


def _walk_events(
    next_event: Callable[[], yaml.Event | None],
    text: str,
    out: Composed,
    ahead: ReadAhead | None,
) -> None:
    """Build nodes from the event stream; the branches go from the most frequent event down.

    libyaml's own marks are kept as they come (see :class:`Mark`): copying them was a third
    of parsing.
    """
    stack: list[_Frame] = []
    anchors: dict[str, Node] = {}
    while True:
        event = next_event()
        node: Node
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is not None:  # rare: test it only when there is one
                _check_tag(tag, event.start_mark, out)
            style = event.style or ""
            end = _mark(event.end_mark)
            if style == "|" or style == ">":
                end = _block_end(text, end)
            node = Scalar(event.value, style, tag, _mark(event.start_mark), end)
            if event.anchor is not None:
                anchors[event.anchor] = node
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            closed = stack.pop().node
            closed.end = _closingmark_of(closed, _mark(event.end_mark))
            node = closed
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            start = _mark(event.start_mark)
            if len(stack) >= MAX_DEPTH:
                raise _TooDeep(start)
            tag = event.tag
            if tag is not None:
                _check_tag(tag, start, out)
            flow = bool(event.flow_style)
            opened: Seq | Map = (
                Map([], tag, start, start, flow)
                if isinstance(event, yaml.MappingStartEvent)
                else Seq([], tag, start, start, flow)
            )
            if event.anchor is not None:
                anchors[event.anchor] = opened
            frame = _Frame(opened)
            # out.documents is empty until the first document ends
            if ahead is not None and not out.documents and _opens(opened, stack, ahead):
                frame.read = ahead.read
                opened.read_ahead = True
            stack.append(frame)
            continue
        elif isinstance(event, yaml.AliasEvent):
            node = _alias(event, anchors)
        elif isinstance(event, yaml.DocumentStartEvent):
            anchors = {}
            continue
        elif event is None or isinstance(event, yaml.StreamEndEvent):
            return
        else:
            continue
        _attach(node, stack, out)


def _mark(mark: Mark | None) -> Mark:
    """Narrow an event's mark, which the stubs allow to be missing; libyaml always sets it."""
    return mark if mark is not None else _NOWHERE


_NOWHERE = Position(0, 0, 0)


def _block_end(text: str, end: Mark) -> Mark:
    """End a block scalar after its last character, not at the start of the next line."""
    index = end.index
    while index > 0 and end.column == 0 and text[index - 1] == "\n":
        index -= 1
        end = Position(end.line - 1, index - (text.rfind("\n", 0, index) + 1), index)
    return end


def _closingmark_of(node: Seq | Map, end: Mark) -> Mark:
    """End a block collection at its last character, not at the next line's token."""
    if node.flow:
        return end
    last = node.items[-1] if isinstance(node, Seq) and node.items else None
    if isinstance(node, Map) and node.pairs:
        last = node.pairs[-1][1]
        if isinstance(last, Scalar) and last.null:
            last = node.pairs[-1][0]
    return last.end if last is not None else end


def _opens(opened: Seq | Map, stack: list[_Frame], ahead: ReadAhead) -> TypeGuard[Seq]:
    """Tell whether a collection just opened is the list ``ahead`` reads: asked of the
    document itself and of its top mapping's values, never of a repeated key's value, which
    is dropped (see :func:`_attach`)."""
    if not isinstance(opened, Seq):
        return False
    if not stack:
        return ahead.opens(opened, None, None)
    top = stack[0]
    if len(stack) != 1 or not isinstance(top.node, Map):
        return False
    repeated = isinstance(top.key, Scalar) and top.seen is not None and top.key.value in top.seen
    return not repeated and ahead.opens(opened, top.node, top.key)


def _attach(node: Node, stack: list[_Frame], out: Composed) -> None:
    if not stack:
        out.documents.append(node)
        return
    frame = stack[-1]
    if isinstance(frame.node, Seq):
        if frame.read is None:
            frame.node.items.append(node)
        else:
            frame.read(node)
            frame.node.items[:] = [node]  # the last item only, for the list's end
        return
    if frame.key is None:
        frame.key = node
        return
    key, frame.key = frame.key, None
    if isinstance(key, Scalar):
        if frame.seen is None:
            frame.seen = {}
        first = frame.seen.get(key.value)
        if first is not None:
            out.problems.append(duplicate_problem(key, first))
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


def _check_tag(tag: str, at: Mark | None, out: Composed) -> None:
    """Report a tag that is not YAML's core schema; the value is still read as plain text."""
    if tag == "!" or tag in _CORE_TAGS:
        return
    span = mark_span(_mark(at))
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if is_unsafe(tag):
        out.problems.append(
            problem(
                codes.UNSAFE_TAG,
                span,
                said(
                    f"thẻ {shown} yêu cầu trình đọc YAML chạy mã Python; smartlint bỏ qua giá trị"
                    " mà nó gắn",
                    f"the tag {shown} asks a YAML loader to run Python code; smartlint ignores"
                    " the value it tags",
                ),
                said(
                    "Bỏ thẻ; tệp mục tiêu chỉ chứa chữ, số, danh sách và bảng.",
                    "Remove the tag; a goal file holds only text, numbers, lists and mappings.",
                ),
            )
        )
    else:
        out.problems.append(
            problem(
                codes.UNKNOWN_TAG,
                span,
                said(
                    f"thẻ {shown} không có nghĩa trong tệp mục tiêu; giá trị được đọc như đã viết",
                    f"the tag {shown} has no meaning in a goal file; the value is read as written",
                ),
                said("Bỏ thẻ.", "Remove the tag."),
            )
        )
