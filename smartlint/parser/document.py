"""Find the goal list in a composed document: a top-level list, or the list under ``goals:``."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from smartlint.model import Language
from smartlint.parser import codes
from smartlint.parser.goals import Walk, read_goal, read_goal_list
from smartlint.parser.nodes import Map, Node, Scalar, Seq, is_unsafe, kind_of, kind_said, node_span
from smartlint.parser.report import likely, rename_or_choose, said, unknown_name

TOP_FIELDS = ("goals", "language")
# Fields that make a top-level mapping read as one goal written without its list.
GOAL_LIKE = frozenset({"title", "deadline", "target", "key_results", "baseline", "history"})


def opens_goal_list(seq: Seq, top: Map | None, key: Node | None) -> bool:
    """Tell whether a list is the goal list :func:`read_document` reads: the document
    itself (``top`` None), or the value of its top mapping's ``goals:``; never one it skips
    for a constructor's tag, on the list or on the mapping."""
    if is_unsafe(seq.tag):
        return False
    if top is None:
        return True
    return not is_unsafe(top.tag) and isinstance(key, Scalar) and key.value == "goals"


def read_document(node: Node, walk: Walk) -> Language | None:
    """Read the goals of one document; return the file's language when it names one."""
    if is_unsafe(node.tag):
        return None
    if isinstance(node, Seq):
        read_goal_list(node, walk, None, "the file")
        return None
    if isinstance(node, Scalar):
        if not node.null:
            walk.sink().add(
                codes.NOT_A_GOAL_LIST,
                node_span(node),
                said(
                    f"tệp chỉ chứa một giá trị ('{_short(node.value)}'), không phải danh sách"
                    " mục tiêu",
                    f"the file holds a single value ('{_short(node.value)}'), not a list of goals",
                ),
                said(
                    "Viết các mục tiêu thành danh sách dưới goals:, mỗi mục tiêu một dòng '- '.",
                    "Write goals as a list under goals:, one '- ' item per goal.",
                ),
            )
        return None
    return _read_top_mapping(node, walk)


def _read_top_mapping(node: Map, walk: Walk) -> Language | None:
    keys = {k.value: (k, v) for k, v in node.pairs if isinstance(k, Scalar)}
    if "goals" not in keys:
        _without_goals(node, keys, walk)
        return None
    language = None
    for name, (key, value) in keys.items():
        if name == "goals":
            read_goal_list(value, walk, None, "goals")
        elif name == "language":
            language = _language(value, walk)
        else:
            walk.sink().add(
                codes.UNKNOWN_FIELD,
                node_span(key),
                unknown_name(
                    name,
                    said(
                        "một khóa cấp cao nhất của tệp mục tiêu", "a top-level key of a goal file"
                    ),
                    TOP_FIELDS,
                    likely(name, TOP_FIELDS),
                ),
                rename_or_choose(name, TOP_FIELDS, likely(name, TOP_FIELDS)),
            )
    return language


def _without_goals(node: Map, keys: Mapping[str, tuple[Node, Node]], walk: Walk) -> None:
    near = {k: difflib.get_close_matches(k.lower(), ["goals"], n=1, cutoff=0.7) for k in keys}
    typo = next((k for k, close in near.items() if close), None)
    if typo is not None:
        walk.sink().add(
            codes.UNKNOWN_FIELD,
            node_span(keys[typo][0]),
            unknown_name(
                typo, said("một khóa cấp cao nhất", "a top-level key"), ("goals",), "goals"
            ),
            said("Đặt danh sách mục tiêu dưới goals:.", "Put the list of goals under goals:."),
        )
        return
    if GOAL_LIKE & keys.keys():
        walk.sink().add(
            codes.NOT_A_GOAL_LIST,
            node_span(node),
            said(
                "tệp là một mục tiêu đơn lẻ, không phải danh sách mục tiêu; nó được đọc như một"
                " mục tiêu",
                "the file is one goal mapping, not a list of goals; it is read as one goal",
            ),
            said(
                "Đặt mục tiêu vào danh sách: mở đầu tệp bằng goals: và mục tiêu bằng '- '.",
                "Put the goal in a list: start the file with goals: and the goal with '- '.",
            ),
        )
        read_goal(node, walk, None)
        return
    shown = ", ".join(list(keys)[:3]) or kind_of(node)
    shown_vi = ", ".join(list(keys)[:3]) or kind_said(node).vi
    walk.sink().add(
        codes.NOT_A_GOAL_FILE,
        node_span(node),
        said(
            f"tệp là một bảng YAML ({shown_vi}) không có goals:, nên không phải tệp mục tiêu",
            f"the file is a YAML mapping ({shown}) without goals:, so not a goal file",
        ),
        said(
            "Chỉ kiểm tra tệp mục tiêu, hoặc đặt các mục tiêu dưới goals:.",
            "Lint goal files only, or put the goals under goals:.",
        ),
    )


def _language(node: Node, walk: Walk) -> Language | None:
    raw = node.value.strip().lower() if isinstance(node, Scalar) else ""
    if raw in {lang.value for lang in Language}:
        return Language(raw)
    walk.sink().add(
        codes.UNKNOWN_LANGUAGE,
        node_span(node),
        said(
            f"ngôn ngữ của tệp là {kind_said(node).vi}, smartlint không đọc được (chỉ vi, en)",
            f"the file's language is {kind_of(node)}, not one smartlint reads (vi, en)",
        ),
        said(
            "Viết language: vi hoặc language: en, hoặc bỏ trường này.",
            "Write language: vi or language: en, or remove it.",
        ),
    )
    return None


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."
