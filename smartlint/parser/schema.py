"""Read another team's YAML as goals: the configuration's ``schema:`` says where the list is
and which keys hold which goal field.

Each item of the list is renamed key by key into a goal mapping and then read by the same
code as a goal file, so spans, numbers, history forms and problems are exactly those of
goal files.  Keys the schema does not map (``health``, ``dri``, ``notes``) are ignored
without a word: they belong to the other team's format, not to smartlint.
"""

from __future__ import annotations

from dataclasses import replace

from smartlint.parser import codes
from smartlint.parser.goals import Walk, read_goal_list
from smartlint.parser.nodes import Map, Node, Scalar, Seq, is_unsafe, kind_of, kind_said, node_span
from smartlint.parser.report import said
from smartlint.records import record

SCHEMA_FIELDS = (
    "title", "id", "parent", "why", "owner", "metric", "unit", "baseline", "target", "start",
    "deadline", "history", "key_results",
)  # fmt: skip


@record(slots=False)
class Schema:
    """Where the goals are (a dotted key path, "" for a top-level list) and goal field -> key."""

    goals: str
    fields: tuple[tuple[str, str], ...]


def read_mapped(node: Node, walk: Walk, schema: Schema) -> None:
    """Find the schema's goal list in a document and read its items as goals."""
    found: Node | None = node
    walked: list[str] = []
    for key in (part for part in schema.goals.split(".") if part):
        walked.append(key)
        if not isinstance(found, Map):
            found = None
            break
        found = next((v for k, v in found.pairs if isinstance(k, Scalar) and k.value == key), None)
    where = ".".join(walked) or "the file"
    if found is None or is_unsafe(found.tag):
        walk.sink().add(
            codes.NOT_A_GOAL_FILE,
            node_span(node),
            said(
                f"tệp không có danh sách '{schema.goals}' (schema.goals trong cấu hình), nên"
                " không phải tệp mục tiêu theo lược đồ đó",
                f"the file has no '{schema.goals}' list (schema.goals in the configuration),"
                " so it is not a goal file of that schema",
            ),
            said(
                "Sửa schema.goals trong cấu hình, hoặc chỉ kiểm tra các tệp theo lược đồ đó.",
                "Fix schema.goals in the configuration, or lint only files of that schema.",
            ),
        )
        return
    if not isinstance(found, Seq):
        walk.sink().add(
            codes.NOT_A_GOAL_LIST,
            node_span(found),
            said(
                f"'{where}' là {kind_said(found).vi}, không phải danh sách (schema.goals trong"
                " cấu hình)",
                f"'{where}' is {kind_of(found)}, not a list (schema.goals in the configuration)",
            ),
            said(
                "Trỏ schema.goals tới danh sách có mỗi mục tiêu một mục.",
                "Point schema.goals at the list that holds one item per goal.",
            ),
        )
        return
    keys = {foreign: field for field, foreign in schema.fields}
    read_goal_list(_renamed(found, keys), walk, None, where)


def _renamed(node: Seq, keys: dict[str, str]) -> Seq:
    return replace(node, items=[_item(item, keys) for item in node.items])


def _item(node: Node, keys: dict[str, str]) -> Node:
    """Rename an item's mapped keys to goal fields and drop the keys the schema leaves out."""
    if not isinstance(node, Map) or node.alias:
        return node
    pairs: list[tuple[Node, Node]] = []
    for key, value in node.pairs:
        field = keys.get(key.value) if isinstance(key, Scalar) else None
        if field is None or not isinstance(key, Scalar):
            continue
        if field == "key_results" and isinstance(value, Seq) and not value.alias:
            value = _renamed(value, keys)
        pairs.append((replace(key, value=field), value))
    return replace(node, pairs=pairs)
