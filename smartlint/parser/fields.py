"""Read one goal field: text with exact spans, a baseline, the fields kept out of the goal."""

from __future__ import annotations

from smartlint.model import Baseline, Span, Text
from smartlint.parser import codes
from smartlint.parser.dates import BadDate, read_date
from smartlint.parser.nodes import Map, Node, Scalar, Seq, kind_of, kind_said, node_span
from smartlint.parser.points import checked_number
from smartlint.parser.report import Sink, likely, rename_or_choose, said, unknown_name

TEXT_FIELDS = (
    "id", "title", "why", "owner", "parent", "metric", "unit", "target", "start", "deadline",
    "language",
)  # fmt: skip
CHILD_FIELDS = ("key_results", "children")
OTHER_FIELDS = ("baseline", "history", "notes", "tags", "status")
KNOWN_FIELDS = TEXT_FIELDS + CHILD_FIELDS + OTHER_FIELDS
LANGUAGES = ("vi", "en")
_BASELINE_KEYS = ("value", "as_of")
_BASELINE_EXAMPLE = said(
    "Viết baseline: {value: 12000, as_of: 2027-04-30}.",
    "Write baseline: {value: 12000, as_of: 2027-04-30}.",
)
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


def text_of(node: Scalar, source: str) -> Text:
    """Make a Text, exact when its characters sit one-to-one on one source line.

    For a quoted exact scalar the span covers the content between the quotes, so that
    ``Text.span_of`` maps character offsets to columns.
    """
    style, start, end, value = node.style, node.start, node.end, node.value
    if style == "|" or style == ">":
        return Text(value.rstrip("\n"), node_span(node))
    if node.alias or start.line != end.line:
        return Text(value, node_span(node))
    raw = source[start.index : end.index]
    line = start.line + 1
    if style == "" and raw == value:  # the common case: plain text, nothing before it
        return Text(value, Span(line, start.column + 1, line, end.column + 1), exact=True)
    # An anchor or tag (``&a``, ``!!str``) sits before the value inside the node's marks.
    quote = style if style in ("'", '"') else ""
    written = f"{quote}{value}{quote}"
    if (style == "" or quote) and raw.endswith(written) and _only_properties(raw, written):
        stop = end.column + 1 - len(quote)
        return Text(value, Span(line, stop - len(value), line, stop), exact=True)
    return Text(value, node_span(node))


def _only_properties(raw: str, written: str) -> bool:
    """Tell whether what precedes the value is nothing, or anchors and tags and spaces."""
    before = raw[: len(raw) - len(written)]
    return not before or (before[:1] in "&!" and before[-1:] in " \t")


def text_field(name: str, node: Node, source: str, sink: Sink) -> Text | None:
    """Read a text field; lists, mappings and unknown languages are reported."""
    if isinstance(node, Scalar):
        if node.null:
            return None
        text = text_of(node, source)
        if name == "language" and text.value.strip().lower() not in LANGUAGES:
            sink.add(
                codes.UNKNOWN_LANGUAGE,
                text.span,
                said(
                    f"ngôn ngữ '{text.value}' không phải ngôn ngữ smartlint đọc được (vi, en);"
                    " ngôn ngữ được đoán từ nội dung",
                    f"language '{text.value}' is not one smartlint reads (vi, en); it is guessed"
                    " from the text instead",
                ),
                said(
                    "Viết language: vi hoặc language: en, hoặc bỏ trường này.",
                    "Write language: vi or language: en, or remove it.",
                ),
            )
            return None
        return text
    sink.add(
        codes.WRONG_TYPE,
        node_span(node),
        said(
            f"{name} là {kind_said(node).vi}, cần một dòng chữ",
            f"{name} is {kind_of(node)}, expected one line of text",
        ),
        said(
            f"Viết {name} thành chữ trên một dòng, ví dụ {name}: ...; đặt trong dấu nháy nếu"
            " có ': '.",
            f"Write {name} as text on one line, e.g. {name}: ...; quote it if it contains ': '.",
        ),
    )
    return None


def read_baseline(node: Node, sink: Sink) -> Baseline | None:
    """Read a baseline written as a number or as {value, as_of}."""
    if isinstance(node, Scalar):
        if node.null:
            return None
        value = checked_number(node.value, node_span(node), sink, "baseline")
        return None if value is None else Baseline(value, node_span(node))
    if isinstance(node, Seq) or node.alias:
        sink.add(
            codes.WRONG_TYPE,
            node_span(node),
            said(
                f"baseline là {'một alias' if node.alias else kind_said(node).vi}, cần một số"
                " hoặc {value, as_of}",
                f"baseline is {'an alias' if node.alias else kind_of(node)}, expected a number"
                " or {value, as_of}",
            ),
            said(
                "Viết baseline: 12000 hoặc baseline: {value: 12000, as_of: 2027-04-30}.",
                "Write baseline: 12000 or baseline: {value: 12000, as_of: 2027-04-30}.",
            ),
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
                    said(f"baseline as_of: {when.reason_vi}", f"baseline as_of {when.reason}"),
                    said(
                        "Viết as_of dạng YYYY-MM-DD, ví dụ as_of: 2027-04-30.",
                        "Write as_of as YYYY-MM-DD, e.g. as_of: 2027-04-30.",
                    ),
                )
            else:
                as_of = when.end
        elif name in ("value", "as_of"):
            sink.add(
                codes.WRONG_TYPE,
                node_span(item),
                said(
                    f"baseline {name} là {kind_said(item).vi}",
                    f"baseline {name} is {kind_of(item)}",
                ),
                _BASELINE_EXAMPLE,
            )
        else:
            sink.add(
                codes.UNKNOWN_FIELD,
                node_span(key),
                unknown_name(
                    name,
                    said("một trường của baseline", "a field of baseline"),
                    _BASELINE_KEYS,
                    likely(name, _BASELINE_KEYS),
                ),
                rename_or_choose(name, _BASELINE_KEYS, likely(name, _BASELINE_KEYS)),
            )
    if value is None or value_span is None:
        if not any(isinstance(k, Scalar) and k.value == "value" for k, _ in node.pairs):
            sink.add(
                codes.WRONG_TYPE,
                node_span(node),
                said("baseline không có value", "baseline has no value"),
                _BASELINE_EXAMPLE,
            )
        return None
    return Baseline(value, value_span, as_of)


def check_other(name: str, node: Node, sink: Sink) -> None:
    """Check the fields smartlint keeps out of the goal value: notes, tags, status."""
    ok = isinstance(node, Scalar) or (
        name == "tags" and isinstance(node, Seq) and all(isinstance(i, Scalar) for i in node.items)
    )
    if not ok:
        expected = "text or a list of words" if name == "tags" else "text"
        expected_vi = "chữ hoặc một danh sách từ" if name == "tags" else "chữ"
        sink.add(
            codes.WRONG_TYPE,
            node_span(node),
            said(
                f"{name} là {kind_said(node).vi}, cần {expected_vi}",
                f"{name} is {kind_of(node)}, expected {expected}",
            ),
            said(f"Viết {name} dạng {expected_vi}.", f"Write {name} as {expected}."),
        )


def report_unknown(key: Scalar, sink: Sink) -> None:
    """Report a field that is not a goal field, with the closest known name."""
    if key.value == "<<":
        sink.add(
            codes.UNKNOWN_FIELD,
            node_span(key),
            said("smartlint không hỗ trợ khóa gộp (<<)", "merge keys (<<) are not supported"),
            said("Viết các trường ra ngay trong mục tiêu.", "Write the fields out in the goal."),
        )
        return
    guess = likely(key.value, KNOWN_FIELDS, ALIASES)
    sink.add(
        codes.UNKNOWN_FIELD,
        node_span(key),
        unknown_name(
            key.value, said("một trường của mục tiêu", "a goal field"), KNOWN_FIELDS, guess
        ),
        rename_or_choose(key.value, KNOWN_FIELDS, guess),
    )
