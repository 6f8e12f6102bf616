"""Read a goal's inline fields with the YAML parser's own field readers.

Each ``name: value`` becomes the node the YAML parser would have built for it (a plain
scalar at the value's position, or the composed node of a flow value such as
``{value: 1200, as_of: 2027-06-30}``), and goes through ``text_field``, ``read_baseline``
and ``read_history``: numbers, dates, CSV histories and their problems are read one way
for every file kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path

from smartlint.model import Baseline, History, Text
from smartlint.parser import codes
from smartlint.parser.compose import compose
from smartlint.parser.fields import read_baseline, text_field
from smartlint.parser.history import read_history
from smartlint.parser.markdown.labels import FieldPart
from smartlint.parser.markdown.outline import Raw
from smartlint.parser.markdown.words import FIELD_NAMES
from smartlint.parser.nodes import Node, Position, Scalar
from smartlint.parser.report import Sink, likely, rename_or_choose, said, unknown_name
from smartlint.records import record

_KNOWN = sorted(set(FIELD_NAMES.values()))


@record(frozen=False)
class Fields:
    """The fields one goal has given so far; the first of two equal fields wins."""

    texts: dict[str, Text] = field(default_factory=dict)
    baseline: Baseline | None = None
    history: History | None = None
    seen: set[str] = field(default_factory=set)


def read_field(
    raw: Raw,
    part: FieldPart,
    lines: Sequence[str],
    sink: Sink,
    base_dir: Path | None,
    into: Fields,
) -> None:
    """Read one ``name: value`` of ``raw`` into ``into``, reporting what is wrong."""
    name_span = raw.span_of(part.name_start, part.name_start + len(part.name))
    if part.key is None:
        sink.add(
            codes.UNKNOWN_FIELD,
            name_span,
            unknown_name(
                part.name,
                said("một trường của mục tiêu", "a goal field"),
                _KNOWN,
                likely(part.name, _KNOWN),
            ),
            rename_or_choose(part.name, _KNOWN, likely(part.name, _KNOWN)),
        )
        return
    key = part.key
    about = sink.about(key)
    if key in into.seen:
        about.add(
            codes.DUPLICATE_KEY,
            name_span,
            said(
                f"mục tiêu ghi {key} hai lần; giá trị đầu được giữ",
                f"the goal gives {key} twice; the first one is kept",
            ),
            said(f"Chỉ ghi {key} một lần.", f"Give {key} once."),
        )
        return
    into.seen.add(key)
    node, source = _node(raw, part, lines, about)
    if node is None:
        return
    if key == "baseline":
        into.baseline = read_baseline(node, about)
    elif key == "history":
        into.history = read_history(node, about, base_dir)
    else:
        text = text_field(key, node, source, about)
        if text is not None:
            into.texts[key] = text


def _node(raw: Raw, part: FieldPart, lines: Sequence[str], sink: Sink) -> tuple[Node | None, str]:
    """Build the node the YAML parser would have made for the value, and its source text."""
    value = raw.text[part.value_start : part.value_end]
    line = raw.span.line - 1
    if value[:1] in ("{", "["):  # a flow mapping or list: compose it where it stands
        column = raw.span.column - 1 + part.value_start if raw.exact else 0
        source = "\n" * line + " " * column + value
        composed = compose(source)
        value_span = raw.span_of(part.value_start, part.value_end)
        for problem in composed.problems:  # an error at the end of the value: point at it
            inside = problem.span.line <= value_span.end_line
            sink.problems.append(problem if inside else replace(problem, span=value_span))
        return (composed.documents[0] if composed.documents else None), source
    if raw.exact:
        start = raw.span.column - 1 + part.value_start
        end = raw.span.column - 1 + part.value_end
        source = lines[line] if line < len(lines) else ""
        return Scalar(
            value, "", None, Position(line, start, start), Position(line, end, end)
        ), source
    end_line = raw.span.end_line - 1
    where = Position(line, raw.span.column - 1, 0)
    until = Position(end_line, raw.span.end_column - 1, 0)
    return Scalar(value, "", None, where, until), ""
