"""Turn composed goal nodes into :class:`Goal` values, field by field, with their spans."""

from __future__ import annotations

from dataclasses import field, replace
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
from smartlint.parser.nodes import Map, Node, Scalar, Seq, is_unsafe, kind_of, kind_said, node_span
from smartlint.parser.report import Sink, said
from smartlint.records import record


@record(frozen=False)
class Walk:
    """The state of reading one file's goals."""

    path: str
    text: str
    base_dir: Path | None
    next_index: int
    problems: list[Problem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    # The goal list read while the file was composed, numbered from the same first index.
    ahead: Walk | None = None

    def sink(self, goal_index: int | None = None, field: str | None = None) -> Sink:
        """Return a sink for problems about a goal, or the file when none is given."""
        return Sink(self.problems, goal_index, field)

    def take_ahead(self) -> None:
        """Take the goals and problems of the goal list read ahead, where it stands.

        Nothing takes a goal index before the first document's goal list, so its goals
        were numbered as they would have been had they been read here.
        """
        ahead = self.ahead
        assert ahead is not None and not self.goals, "a goal list read ahead comes first"
        self.goals += ahead.goals
        self.problems += ahead.problems
        self.next_index = ahead.next_index


def _vi(where: str) -> str:
    """Name a goal list in Vietnamese: "tệp" for the file, the key itself otherwise."""
    return "tệp" if where == "the file" else where


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
            said(
                f"{_vi(where)} là {kind_said(node).vi}, không phải danh sách mục tiêu",
                f"{where} is {kind_of(node)}, not a list of goals",
            ),
            said(
                "Viết các mục tiêu thành danh sách: mỗi mục tiêu một dòng '- '.",
                "Write goals as a list: one '- ' item per goal.",
            ),
        )
        return
    if node.alias:
        sink.add(
            codes.ALIAS_NOT_ALLOWED,
            node_span(node),
            said(
                f"{_vi(where)} là alias trỏ tới một danh sách; mục tiêu không bao giờ được lặp lại"
                " qua alias",
                f"{where} is an alias to a list; goals are never repeated through aliases",
            ),
            said("Viết mỗi mục tiêu ra một lần.", "Write each goal out once."),
        )
        return
    if node.read_ahead:
        walk.take_ahead()
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
                said("mục tiêu này trống", "this goal is empty"),
                said(
                    "Viết câu mục tiêu sau '- ', hoặc bỏ dòng trống.",
                    "Write the goal's sentence after '- ', or remove the empty item.",
                ),
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
            said(
                "mục tiêu này là một alias; mỗi mục tiêu được viết ra một lần, không lặp lại"
                " qua *alias",
                "this goal is an alias; a goal is written out once, never repeated through *alias",
            ),
            said(
                "Chép mục tiêu và đặt id riêng cho nó, hoặc liên kết bằng parent:.",
                "Copy the goal and give it its own id, or link it with parent:.",
            ),
        )
        return
    if isinstance(node, Seq):
        walk.sink().add(
            codes.WRONG_TYPE,
            span,
            said(
                "mục tiêu này là một danh sách; mục tiêu là một câu hoặc một bảng các trường",
                "this goal is a list; a goal is a sentence or a mapping of fields",
            ),
            said(
                "Bỏ dấu '- ' thừa để các trường của mục tiêu nằm ngay dưới một '- '.",
                "Remove the extra '- ' so the goal's fields sit directly under one '- '.",
            ),
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
                said(f"một tên trường là {kind_said(key).vi}", f"a field name is {kind_of(key)}"),
                said(
                    "Viết tên trường là từ trơn như title hoặc deadline.",
                    "Write field names as plain words such as title or deadline.",
                ),
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
        nesting_vi = f"'{parent.id.value}'" if parent.id else "một mục tiêu không có id"
        sink.add(
            codes.CONFLICTING_PARENT,
            written.span,
            said(
                f"parent '{written.value}' mâu thuẫn với cách lồng: mục tiêu này nằm dưới"
                f" {nesting_vi}",
                f"parent '{written.value}' contradicts the nesting: this goal sits under {nesting}",
            ),
            said(
                "Bỏ parent: ở các mục tiêu lồng nhau; việc lồng đã liên kết chúng.",
                "Remove parent: from nested goals; the nesting already links them.",
            ),
        )
    if written is not None and parent.id is not None and written.value == parent.id.value:
        return replace(goal, parent_from_nesting=True)
    return replace(goal, parent=parent.id, parent_from_nesting=True)
