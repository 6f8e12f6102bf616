"""Turn composed goal nodes into :class:`Goal` values, field by field, with their spans."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from smartlint.model import Baseline, Goal, History, Problem, Text
from smartlint.parser import codes
from smartlint.parser.fields import (
    CHILD_FIELDS,
    OTHER_FIELDS,
    TEXT_FIELDS,
    check_other,
    read_baseline,
    report_unknown,
    text_field,
    text_of,
)
from smartlint.parser.history import read_history
from smartlint.parser.nodes import Map, Node, Scalar, Seq, is_unsafe, kind_of, node_span
from smartlint.parser.report import Sink


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
            text = text_field(name, value, walk.text, sink)
            if text is not None:
                texts[name] = text
        elif name == "baseline":
            baseline = read_baseline(value, sink)
        elif name == "history":
            history = read_history(value, sink, walk.base_dir)
        elif name in CHILD_FIELDS:
            children.append((name, value))
        elif name in OTHER_FIELDS:
            check_other(name, value, sink)
        else:
            report_unknown(key, walk.sink(index, name))
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
    goal = link_nested(goal, parent, walk.sink(index, "parent"))
    walk.goals.append(goal)
    for name, value in children:
        read_goal_list(value, walk, goal, name)


def link_nested(goal: Goal, parent: Goal | None, sink: Sink) -> Goal:
    """Link a goal to the goal it is nested in; a written parent that differs is reported."""
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
