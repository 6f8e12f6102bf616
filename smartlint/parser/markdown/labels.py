"""Split the text of a list item, heading or paragraph into label, title, id and inline fields.

The forms, all optional, in this order::

    [ ] KR1: Raise weekly signups from 1,200 to 1,500 {#signups} (baseline: 1,200; history: signups.csv)

- a checkbox ``[ ]`` / ``[x]`` (a task-list item is a key result);
- a label: "Objective:", "Objective 1 -", "O1", "O1 -", "Mục tiêu 1:", "KR1:", "KR:",
  "Key result 2.1:", "Kết quả then chốt 1:", in bold or not; a label without a number needs
  a ``:``, ``-``, ``–``, ``—``, ``.`` or ``)`` after it ("Mục tiêu doanh thu" is a sentence);
- the title: everything up to the trailing parts;
- an id ``{#signups}``;
- inline fields in parentheses, ``;``-separated, the first name a field name
  ("(baseline: 1,200; history: signups.csv; why: …)");
- trailing HTML comments (suppressions) are left out of the title.

Every part is an offset range into the text as written, so spans stay exact.
"""

from __future__ import annotations

import enum
import re

from smartlint.parser.markdown.words import FIELD_NAMES, fold
from smartlint.patterns import compile_pattern
from smartlint.records import record


class Role(str, enum.Enum):
    """What a label says the goal is."""

    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"


@record
class FieldPart:
    """``name: value`` inside an inline field group or a field sub-item."""

    name: str  # as written
    key: str | None  # the goal field it names, None when it names none
    name_start: int
    value_start: int
    value_end: int


@record
class Parts:
    """The parts of one goal text, as offsets into it."""

    role: Role | None
    checkbox: bool
    title_start: int
    title_end: int
    id_range: tuple[int, int] | None = None
    fields: tuple[FieldPart, ...] = ()


_CHECKBOX = compile_pattern(r"\[[ xX]\][ \t]+")
_LABEL = compile_pattern(
    r"(?P<open>\*\*|__)?"
    r"(?:(?P<obj>objective|obj|mục\s+tiêu|muc\s+tieu|goal|o(?=\d))"
    r"|(?P<kr>key\s+results?|kết\s+quả\s+then\s+chốt|ket\s+qua\s+then\s+chot|kr|kq(?=\d)))"
    r"(?P<num>[ \t]*#?\d+(?:\.\d+)*(?-i:[a-z])?)?"
    r"(?P<sep>[ \t]*[:.)\-–—]+(?=[ \t*_]|$)|[ \t]+)"
    r"(?P<close>\*\*|__)?[ \t]*",
    re.IGNORECASE,
)
_ID = compile_pattern(r"\{#([A-Za-z0-9][\w.:/-]*)\}[ \t]*$")
_FIELD_NAME = compile_pattern(r"[ \t]*([^:;()\n]{1,40}?)[ \t]*:")
MAX_SCAN = 2_000  # only the last characters are searched for trailing parts: bounded work


def field_key(name: str) -> str | None:
    """Return the goal field a written name stands for ("Thời hạn" -> deadline), or None."""
    return FIELD_NAMES.get(" ".join(fold(name).split()))


def split_text(text: str) -> Parts:
    """Split one goal text into its parts."""
    start = 0
    checkbox = False
    box = _CHECKBOX.match(text)
    if box:
        checkbox = True
        start = box.end()
    role: Role | None = None
    opened = ""
    label = _LABEL.match(text, start)
    if label and (label.group("num") or label.group("sep").strip()):
        role = Role.OBJECTIVE if label.group("obj") else Role.KEY_RESULT
        opened = "" if label.group("close") else label.group("open") or ""
        start = label.end()
    end = len(text.rstrip())
    id_range: tuple[int, int] | None = None
    fields: tuple[FieldPart, ...] = ()
    changed = True
    while changed and end > start:
        changed = False
        tail_from = max(start, end - MAX_SCAN)
        if text.endswith("-->", start, end):
            opening = text.rfind("<!--", tail_from, end - 3)
            if opening >= 0:
                end = len(text[:opening].rstrip())
                changed = True
                continue
        found = _ID.search(text, tail_from, end)
        if id_range is None and found:
            id_range = (found.start(1), found.end(1))
            end = len(text[: found.start()].rstrip())
            changed = True
            continue
        if not fields and text[end - 1] == ")":
            group = _field_group(text, tail_from, end)
            if group is not None:
                open_at, fields = group
                end = len(text[:open_at].rstrip())
                changed = True
    if opened and text[start:end].endswith(opened) and opened not in text[start : end - 2]:
        end -= len(opened)
    while start < end and text[start] in " \t":
        start += 1
    return Parts(role, checkbox, start, max(start, end), id_range, fields)


def _field_group(text: str, lower: int, end: int) -> tuple[int, tuple[FieldPart, ...]] | None:
    """Find ``(name: value; …)`` ending at ``end``; None unless its first name is a field."""
    depth = 0
    open_at = -1
    for index in range(end - 1, lower - 1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                open_at = index
                break
    if open_at < 0:
        return None
    parts = split_fields(text, open_at + 1, end - 1)
    if not parts or parts[0].key is None:
        return None
    return open_at, parts


def split_fields(text: str, start: int, end: int) -> tuple[FieldPart, ...]:
    """Split ``name: value; name: value`` between two offsets."""
    parts: list[FieldPart] = []
    position = start
    while position < end:
        stop = text.find(";", position, end)
        stop = end if stop < 0 else stop
        named = _FIELD_NAME.match(text, position, stop)
        if named is None:
            if text[position:stop].strip():
                return ()  # not a field group: a part without a name
        else:
            value_start = named.end()
            while value_start < stop and text[value_start] in " \t":
                value_start += 1
            value_end = len(text[:stop].rstrip())
            name = named.group(1)
            parts.append(
                FieldPart(
                    name, field_key(name), named.start(1), value_start, max(value_start, value_end)
                )
            )
        position = stop + 1
    return tuple(parts)


def field_line(text: str) -> FieldPart | None:
    """Read a sub-item that is one field (``baseline: 1,200``, ``Thời hạn: 30/9/2027``)."""
    named = _FIELD_NAME.match(text)
    if named is None or field_key(named.group(1)) is None:
        return None
    parts = split_fields(text, 0, len(text.rstrip()))
    return parts[0] if len(parts) == 1 else None
