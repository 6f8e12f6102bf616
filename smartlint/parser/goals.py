"""Turn composed goal nodes into :class:`Goal` values, field by field, with their spans."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from smartlint.model import Baseline, Goal, History, Problem, Span, Text
from smartlint.parser import codes
from smartlint.parser.compose import Map, Node, Scalar, Seq, is_unsafe, kind_of, node_span
from smartlint.parser.dates import BadDate, read_date
from smartlint.parser.history import checked_number, read_history
from smartlint.parser.report import Sink, did_you_mean

TEXT_FIELDS = (
    "id", "title", "why", "owner", "parent", "metric", "unit", "target", "start", "deadline",
    "language",
)  # fmt: skip
CHILD_FIELDS = ("key_results", "children")
OTHER_FIELDS = ("baseline", "history", "notes", "tags", "status")
KNOWN_FIELDS = TEXT_FIELDS + CHILD_FIELDS + OTHER_FIELDS
LANGUAGES = ("vi", "en")
# Names people reach for that are not fields; difflib alone would not find these.
ALIASES = {
    "goal": "title",
    "name": "title",
    "statement": "title",
    "text": "title",
    "objective": "title",
    "description": "why",
    "reason": "why",
    "kr": "key_results",
    "krs": "key_results",
    "keyresults": "key_results",
    "results": "key_results",
    "subgoals": "children",
    "due": "deadline",
    "due_date": "deadline",
    "end": "deadline",
    "end_date": "deadline",
    "by": "deadline",
    "begin": "start",
    "start_date": "start",
    "from": "start",
    "current": "baseline",
    "base": "baseline",
    "goal_value": "target",
    "lang": "language",
}


@dataclass(slots=True)
class Walk:
    """The state of reading one file's goals."""

    path: str
    text: str
    base_dir: Path | None
    next_index: int
    problems: list[Problem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    def sink(self, goal_index: int | None = None, field: str | None = None) -> Sink:
        """Return a sink for problems about a goal, or the file when none is given."""
        return Sink(self.problems, goal_index, field)


def read_goal_list(node: Node, walk: Walk, parent: Goal | None, where: str) -> None:
    """Read a list of goals; ``where`` names the list in messages ("the file", "key_results")."""
    sink = walk.sink(None if parent is None else parent.index, None if parent is None else where)
    if isinstance(node, Scalar) and node.null:
        return
    if is_unsafe(node.tag):
        return
    if not isinstance(node, Seq):
        sink.add(
            codes.NOT_A_GOAL_LIST,
            node_span(node),
            f"{where} is {kind_of(node)}, not a list of goals",
            "Write goals as a list: one '- ' item per goal.",
        )
        return
    if node.alias:
        sink.add(
            codes.ALIAS_NOT_ALLOWED,
            node_span(node),
            f"{where} is an alias to a list; goals are never repeated through aliases",
            "Write each goal out once.",
        )
        return
    for item in node.items:
        read_goal(item, walk, parent)


def read_goal(node: Node, walk: Walk, parent: Goal | None) -> None:
    """Read one goal (a sentence or a mapping) and, after it, the goals nested in it."""
    if is_unsafe(node.tag):
        return
    span = node_span(node)
    if isinstance(node, Scalar):
        if node.null:
            walk.sink().add(
                codes.WRONG_TYPE,
                span,
                "this goal is empty",
                "Write the goal's sentence after '- ', or remove the empty item.",
            )
            return
        walk.goals.append(
            _nested(
                Goal(walk.path, span, _take_index(walk), title=text_of(node, walk.text)), parent
            )
        )
        return
    if node.alias:
        walk.sink().add(
            codes.ALIAS_NOT_ALLOWED,
            span,
            "this goal is an alias; a goal is written out once, never repeated through *alias",
            "Copy the goal and give it its own id, or link it with parent:.",
        )
        return
    if isinstance(node, Seq):
        walk.sink().add(
            codes.WRONG_TYPE,
            span,
            "this goal is a list; a goal is a sentence or a mapping of fields",
            "Remove the extra '- ' so the goal's fields sit directly under one '- '.",
        )
        return
    _read_mapping(node, walk, parent)


def _take_index(walk: Walk) -> int:
    index = walk.next_index
    walk.next_index += 1
    return index


def _nested(goal: Goal, parent: Goal | None) -> Goal:
    """Link a nested goal to its parent (parent stays None when the parent has no id)."""
    if parent is None:
        return goal
    return replace(goal, parent=parent.id, parent_from_nesting=True)


def _read_mapping(node: Map, walk: Walk, parent: Goal | None) -> None:
    index = _take_index(walk)
    texts: dict[str, Text] = {}
    baseline: Baseline | None = None
    history: History | None = None
    children: list[tuple[str, Node]] = []
    for key, value in node.pairs:
        if not isinstance(key, Scalar):
            walk.sink(index).add(
                codes.WRONG_TYPE,
                node_span(key),
                f"a field name is {kind_of(key)}",
                "Write field names as plain words such as title or deadline.",
            )
            continue
        name = key.value
        sink = walk.sink(index, name)
        if is_unsafe(value.tag):
            continue
        if name in TEXT_FIELDS:
            text = _text_field(name, value, walk.text, sink)
            if text is not None:
                texts[name] = text
        elif name == "baseline":
            baseline = _baseline(value, sink)
        elif name == "history":
            history = read_history(value, sink, walk.base_dir)
        elif name in CHILD_FIELDS:
            children.append((name, value))
        elif name in OTHER_FIELDS:
            _check_other(name, value, sink)
        else:
            _unknown(key, walk.sink(index, name))
    goal = Goal(
        walk.path,
        node_span(node),
        index,
        id=texts.get("id"),
        title=texts.get("title"),
        why=texts.get("why"),
        owner=texts.get("owner"),
        parent=texts.get("parent"),
        metric=texts.get("metric"),
        unit=texts.get("unit"),
        baseline=baseline,
        target=texts.get("target"),
        start=texts.get("start"),
        deadline=texts.get("deadline"),
        history=history,
        language=texts.get("language"),
    )
    goal = _link(goal, parent, walk.sink(index, "parent"))
    walk.goals.append(goal)
    for name, value in children:
        read_goal_list(value, walk, goal, name)


def _link(goal: Goal, parent: Goal | None, sink: Sink) -> Goal:
    if parent is None:
        return goal
    written = goal.parent
    if written is not None and (parent.id is None or written.value != parent.id.value):
        nesting = f"'{parent.id.value}'" if parent.id else "a goal without id"
        sink.add(
            codes.CONFLICTING_PARENT,
            written.span,
            f"parent '{written.value}' contradicts the nesting: this goal sits under {nesting}",
            "Remove parent: from nested goals; the nesting already links them.",
        )
    if written is not None and parent.id is not None and written.value == parent.id.value:
        return replace(goal, parent_from_nesting=True)
    return replace(goal, parent=parent.id, parent_from_nesting=True)


def text_of(node: Scalar, source: str) -> Text:
    """Make a Text; exact when its characters sit one-to-one on one line (see module notes).

    For a quoted exact scalar the span covers the content between the quotes, so that
    ``Text.span_of`` maps character offsets to columns.
    """
    span = node_span(node)
    if node.style in ("|", ">"):
        return Text(node.value.rstrip("\n"), span)
    if node.alias or node.start.line != node.end.line:
        return Text(node.value, span)
    raw = source[node.start.index : node.end.index]
    if node.style == "" and raw == node.value:
        return Text(node.value, span, exact=True)
    if node.style in ("'", '"') and raw[1:-1] == node.value:
        inner = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
        return Text(node.value, inner, exact=True)
    return Text(node.value, span)


def _text_field(name: str, node: Node, source: str, sink: Sink) -> Text | None:
    if isinstance(node, Scalar):
        if node.null:
            return None
        text = text_of(node, source)
        if name == "language" and text.value.strip().lower() not in LANGUAGES:
            sink.add(
                codes.UNKNOWN_LANGUAGE,
                text.span,
                f"language '{text.value}' is not one smartlint reads (vi, en); it is guessed"
                " from the text instead",
                "Write language: vi or language: en, or remove it.",
            )
            return None
        return text
    sink.add(
        codes.WRONG_TYPE,
        node_span(node),
        f"{name} is {kind_of(node)}, expected one line of text",
        f"Write {name} as text on one line, e.g. {name}: ...; quote it if it contains ': '.",
    )
    return None


def _baseline(node: Node, sink: Sink) -> Baseline | None:
    if isinstance(node, Scalar):
        if node.null:
            return None
        value = checked_number(node.value, node_span(node), sink, "baseline")
        return None if value is None else Baseline(value, node_span(node))
    if isinstance(node, Seq) or node.alias:
        sink.add(
            codes.WRONG_TYPE,
            node_span(node),
            f"baseline is {'an alias' if node.alias else kind_of(node)}, expected a number"
            " or {value, as_of}",
            "Write baseline: 12000 or baseline: {value: 12000, as_of: 2027-04-30}.",
        )
        return None
    return _baseline_mapping(node, sink)


def _baseline_mapping(node: Map, sink: Sink) -> Baseline | None:
    value: float | None = None
    value_span: Span | None = None
    as_of = None
    for key, item in node.pairs:
        name = key.value if isinstance(key, Scalar) else kind_of(key)
        if name == "value" and isinstance(item, Scalar) and not item.null:
            value_span = node_span(item)
            value = checked_number(item.value, value_span, sink, "baseline value")
        elif name == "as_of" and isinstance(item, Scalar) and not item.null:
            when = read_date(item.value)
            if isinstance(when, BadDate):
                sink.add(
                    codes.BAD_DATE,
                    node_span(item),
                    f"baseline as_of {when.reason}",
                    "Write as_of as YYYY-MM-DD, e.g. as_of: 2027-04-30.",
                )
            else:
                as_of = when.end
        elif name in ("value", "as_of"):
            sink.add(
                codes.WRONG_TYPE,
                node_span(item),
                f"baseline {name} is {kind_of(item)}",
                "Write baseline: {value: 12000, as_of: 2027-04-30}.",
            )
        else:
            sink.add(
                codes.UNKNOWN_FIELD,
                node_span(key),
                f"baseline has no field '{name}'." + did_you_mean(name, ("value", "as_of")),
                "A baseline mapping has `value` and `as_of`.",
            )
    if value is None or value_span is None:
        if not any(isinstance(k, Scalar) and k.value == "value" for k, _ in node.pairs):
            sink.add(
                codes.WRONG_TYPE,
                node_span(node),
                "baseline has no value",
                "Write baseline: {value: 12000, as_of: 2027-04-30}.",
            )
        return None
    return Baseline(value, value_span, as_of)


def _check_other(name: str, node: Node, sink: Sink) -> None:
    """Check the fields smartlint keeps out of the goal value: notes, tags, status."""
    ok = isinstance(node, Scalar) or (
        name == "tags" and isinstance(node, Seq) and all(isinstance(i, Scalar) for i in node.items)
    )
    if not ok:
        expected = "text or a list of words" if name == "tags" else "text"
        sink.add(
            codes.WRONG_TYPE,
            node_span(node),
            f"{name} is {kind_of(node)}, expected {expected}",
            f"Write {name} as {expected}.",
        )


def _unknown(key: Scalar, sink: Sink) -> None:
    hint = did_you_mean(key.value, KNOWN_FIELDS, ALIASES)
    if key.value == "<<":
        hint = " Merge keys (<<) are not supported."
    sink.add(
        codes.UNKNOWN_FIELD,
        node_span(key),
        f"'{key.value}' is not a goal field.{hint}",
        "Use one of: " + ", ".join(KNOWN_FIELDS) + ".",
    )
