"""Read goals from a Markdown outline: objectives, key results, goal tables, heading periods.

How a document is read (README, "Markdown OKR documents", says the same for users):

- A heading is an **objective** when it carries an objective label ("Objective 1:", "O2 -",
  "Mục tiêu 1:"); else, unless it names a goal section (below), when the list under it holds
  key results (items labelled "KR1:", "Kết quả then chốt:" or checkboxes), or when it sits in
  a goal section and only a flat list of goals follows it.  The items of its lists are its
  key results.
- A heading with a goal word (OKRs, Objectives, Goals, Targets, KPI, Mục tiêu, Chỉ tiêu, Kế
  hoạch …) or a period ("Q3 2027", "năm 2027", "FY2027 H1") opens a **goal section**; its
  period is the deadline of goals under it that name none.  Headings without either inherit
  their parent's kind; a document with no such heading at all is read whole.
- A heading such as Background, Context, Notes, Risks, Bối cảnh, Ghi chú opens a section of
  prose: only labelled items there are goals.
- In a goal section every list item is a goal; a nested item is a goal whose parent is the
  item it sits in (as ``key_results:`` nests in YAML).  Outside goal sections only labelled
  items and paragraphs are goals.  In a flat list, "KR" items after an "O" item are its key
  results; a paragraph labelled as an objective ("**Objective 2:** …") owns the lists that
  follow it.
- A sub-item ``name: value`` with a goal field name (``baseline: 1,200``, ``Thời hạn:
  30/9/2027``) is a field of the item above it, not a goal.
- A table with a goal column and a target column holds one goal per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from pathlib import Path

from smartlint.model import Goal, Problem, Span, Text
from smartlint.parser import codes
from smartlint.parser.goals import link_nested
from smartlint.parser.markdown.front import FrontMatter
from smartlint.parser.markdown.inline import Fields, read_field
from smartlint.parser.markdown.labels import (
    FieldPart,
    Parts,
    Role,
    field_key,
    field_line,
    split_text,
)
from smartlint.parser.markdown.outline import Block, Heading, Item, ItemList, Paragraph, Raw, Table
from smartlint.parser.markdown.words import (
    GOAL_WORDS,
    KR_HEADINGS,
    PERIOD,
    PROSE_HEADINGS,
    TARGET_HEADERS,
    TITLE_HEADERS,
    fold,
)
from smartlint.parser.report import Sink, problem, said
from smartlint.records import record


@record
class Context:
    """Where blocks are read: the goal they belong to, the period, and whether items are goals."""

    parent: Goal | None
    period: Text | None
    reading: bool


Section = tuple[Heading | None, list[Block]]


@record(frozen=False)
class Builder:
    """The state of reading one document's goals."""

    path: str
    lines: Sequence[str]
    base_dir: Path | None
    next_index: int
    front: FrontMatter
    problems: list[Problem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    def read(self, blocks: list[Block]) -> None:
        """Read every goal of the document, in order of appearance."""
        sections = _sections(blocks)
        root = Context(
            None,
            self.front.deadline,
            not any(h is not None and _goal_heading(h, body) for h, body in sections),
        )
        stack: list[tuple[int, Context]] = []
        for heading, body in sections:
            context = root
            if heading is not None:
                while stack and stack[-1][0] >= heading.level:
                    stack.pop()
                context = self._heading(heading, body, stack[-1][1] if stack else root)
                stack.append((heading.level, context))
            self._body(body, context)

    # ----------------------------------------------------------------- blocks

    def _heading(self, heading: Heading, body: list[Block], outer: Context) -> Context:
        raw = heading.raw
        parts = split_text(raw.text)
        words = _folded_title(raw, parts)
        span = Span(raw.span.line, 1, raw.span.end_line, raw.span.end_column)
        if parts.role is not None:
            return self._objective(raw, parts, outer, span, body)
        if words in KR_HEADINGS:
            return Context(outer.parent, outer.period, True)
        if PROSE_HEADINGS.match(words):
            return Context(outer.parent, outer.period, False)
        period = _period(raw)
        if period is not None or GOAL_WORDS.search(words):
            return Context(outer.parent, period or outer.period, True)
        if _has_key_results(body):
            return self._objective(raw, parts, outer, span, body)
        if outer.reading and _flat_goals(body):
            return self._objective(raw, parts, outer, span, body)
        return outer

    def _objective(
        self, raw: Raw, parts: Parts, outer: Context, span: Span, body: list[Block]
    ) -> Context:
        """Read a heading as an objective whose lists hold its key results."""
        goal = self._goal(raw, parts, outer, span, _body_fields(body))
        return Context(goal, outer.period, True) if goal is not None else outer

    def _body(self, blocks: list[Block], context: Context) -> None:
        current = context
        for block in blocks:
            if isinstance(block, ItemList):
                self._list(block.items, current)
            elif isinstance(block, Table):
                self._table(block, current)
            elif isinstance(block, Paragraph):
                parts = split_text(block.raw.text)
                if parts.role is None:
                    continue
                goal = self._goal(block.raw, parts, context, block.raw.span, [])
                if goal is not None and parts.role is Role.OBJECTIVE:
                    current = Context(goal, context.period, True)

    def _list(self, items: list[Item], context: Context) -> None:
        objective: Goal | None = None  # a flat list: "KR" items after an "O" item are its
        for item in items:
            if item.raw is None:
                self._list(item.children, context)
                continue
            parts = split_text(item.raw.text)
            if parts.role is None and not parts.checkbox and field_line(item.raw.text):
                continue  # a field of the goal above, read with it
            if not (context.reading or parts.role is not None):
                self._list(item.children, context)
                continue
            here = context
            if parts.role is Role.KEY_RESULT and objective is not None:
                here = Context(objective, context.period, True)
            span = Span(
                item.span.line, item.span.column, item.raw.span.end_line, item.raw.span.end_column
            )
            goal = self._goal(item.raw, parts, here, span, _item_fields(item.children))
            if goal is not None and parts.role is Role.OBJECTIVE:
                objective = goal
            inner = Context(goal, context.period, True) if goal is not None else context
            self._list(item.children, inner)

    def _table(self, table: Table, context: Context) -> None:
        columns = _columns(table.header)
        if columns is None:
            return
        for span, cells in table.rows:
            if not any(cell.text.strip() for cell in cells):
                continue
            title_at = columns["title"]
            if title_at >= len(cells) or not cells[title_at].text.strip():
                self.problems.append(
                    problem(
                        codes.WRONG_TYPE,
                        span,
                        said(
                            "dòng này không có mục tiêu trong cột mục tiêu",
                            "this row has no goal in its goal column",
                        ),
                        said(
                            "Viết mục tiêu vào cột mục tiêu, hoặc bỏ dòng.",
                            "Write the goal in the goal column, or remove the row.",
                        ),
                    )
                )
                continue
            extra = [
                (cells[at], FieldPart("", key, 0, 0, len(cells[at].text)))
                for key, at in columns.items()
                if key != "title" and at < len(cells) and cells[at].text.strip()
            ]
            cell = cells[title_at]
            self._goal(cell, split_text(cell.text), context, span, extra)

    # ----------------------------------------------------------------- goals

    def _goal(
        self,
        raw: Raw,
        parts: Parts,
        context: Context,
        span: Span,
        more: list[tuple[Raw, FieldPart]],
    ) -> Goal | None:
        """Build one goal from its text and fields, linked to the goal it sits in."""
        value = raw.text[parts.title_start : parts.title_end]
        if not value.strip():
            self.problems.append(
                problem(
                    codes.WRONG_TYPE,
                    raw.span,
                    said(
                        "mục tiêu này trống: có nhãn nhưng không có nội dung",
                        "this goal is empty: it has a label but no text",
                    ),
                    said(
                        "Viết câu mục tiêu sau nhãn, hoặc bỏ dòng.",
                        "Write the goal's sentence after the label, or remove the line.",
                    ),
                )
            )
            return None
        index = self.next_index
        self.next_index += 1
        sink = Sink(self.problems, index)
        fields = Fields()
        if parts.id_range is not None:
            start, end = parts.id_range
            fields.texts["id"] = Text(raw.text[start:end], raw.span_of(start, end), raw.exact)
            fields.seen.add("id")
        for part in parts.fields:
            read_field(raw, part, self.lines, sink, self.base_dir, fields)
        for where, part in more:
            read_field(where, part, self.lines, sink, self.base_dir, fields)
        texts = fields.texts
        deadline = texts.get("deadline")
        inherited = deadline is None and context.period is not None
        why = texts.get("why")
        if why is None and context.parent is None:
            why = self.front.why
        goal_id = texts.get("id")
        history = fields.history
        if history is None and goal_id is not None:
            history = self.front.histories.get(goal_id.value)
        goal = Goal(
            self.path,
            span,
            index,
            id=goal_id,
            title=Text(value, raw.span_of(parts.title_start, parts.title_end), raw.exact),
            why=why,
            owner=texts.get("owner") or self.front.owner,
            parent=texts.get("parent"),
            metric=texts.get("metric"),
            unit=texts.get("unit"),
            baseline=fields.baseline,
            target=texts.get("target"),
            start=texts.get("start"),
            deadline=context.period if inherited else deadline,
            history=history,
            language=texts.get("language"),
            section_deadline=context.period,
            deadline_inherited=inherited,
        )
        if context.parent is not None:
            goal = link_nested(goal, context.parent, Sink(self.problems, index, "parent"))
        self.goals.append(goal)
        return goal


# --------------------------------------------------------------------- helpers


def _sections(blocks: list[Block]) -> list[Section]:
    sections: list[Section] = [(None, [])]
    for block in blocks:
        if isinstance(block, Heading):
            sections.append((block, []))
        else:
            sections[-1][1].append(block)
    return sections


def _folded_title(raw: Raw, parts: Parts) -> str:
    return " ".join(fold(raw.text[parts.title_start : parts.title_end]).strip(" :").split())


def _goal_heading(heading: Heading, body: list[Block]) -> bool:
    """Tell whether a heading names goals (labels, goal words, a period, key results)."""
    raw = heading.raw
    parts = split_text(raw.text)
    words = _folded_title(raw, parts)
    return (
        parts.role is not None
        or words in KR_HEADINGS
        or GOAL_WORDS.search(words) is not None
        or _period(raw) is not None
        or _has_key_results(body)
    )


def _period(raw: Raw) -> Text | None:
    """Find the period a heading names ("Q3 2027", "năm 2027", "FY2027 H1")."""
    found = PERIOD.search(raw.text)
    if found is None:
        return None
    return Text(found.group(0), raw.span_of(found.start(), found.end()), raw.exact)


def _items(body: list[Block]) -> list[Item]:
    return [item for block in body if isinstance(block, ItemList) for item in block.items]


def _has_key_results(body: list[Block]) -> bool:
    for item in _items(body):
        if item.raw is not None:
            parts = split_text(item.raw.text)
            if parts.role is Role.KEY_RESULT or parts.checkbox:
                return True
    return False


def _flat_goals(body: list[Block]) -> bool:
    """Tell whether a section holds only a flat list of unlabelled goals (an objective's KRs)."""
    items = [i for i in _items(body) if i.raw is not None and not field_line(i.raw.text)]
    if not items:
        return False
    for item in items:
        assert item.raw is not None
        if split_text(item.raw.text).role is Role.OBJECTIVE:
            return False
        if any(c.raw is not None and not field_line(c.raw.text) for c in item.children):
            return False
    return True


def _item_fields(children: list[Item]) -> list[tuple[Raw, FieldPart]]:
    """Return the field sub-items of an item (``baseline: 1,200``)."""
    found = []
    for child in children:
        if child.raw is None:
            continue
        parts = split_text(child.raw.text)
        part = field_line(child.raw.text)
        if part is not None and parts.role is None and not parts.checkbox:
            found.append((child.raw, part))
    return found


def _body_fields(body: list[Block]) -> list[tuple[Raw, FieldPart]]:
    return _item_fields(_items(body))


def _columns(header: list[Raw]) -> dict[str, int] | None:
    """Map a table's columns to goal fields; None unless it has a goal and a target column."""
    columns: dict[str, int] = {}
    for at, cell in enumerate(header):
        word = " ".join(fold(cell.text).strip(" :*_").split())
        if word in TITLE_HEADERS and "title" not in columns:
            columns["title"] = at
        elif word in TARGET_HEADERS or (word == "muc tieu" and "title" in columns):
            columns.setdefault("target", at)
        else:
            key = field_key(word)
            if key is not None:
                columns.setdefault(key, at)
    if "title" not in columns or "target" not in columns:
        return None
    return columns
