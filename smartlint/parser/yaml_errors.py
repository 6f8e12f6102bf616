"""Say what is wrong with a YAML text that cannot be composed, at the right position."""

from __future__ import annotations

import yaml

from smartlint.model import Problem
from smartlint.parser import codes
from smartlint.parser.nodes import (
    MAX_DEPTH,
    Mark,
    Position,
    Scalar,
    mark_at,
    mark_of,
    mark_span,
    node_span,
)
from smartlint.parser.report import Said, problem, said


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    at = mark_of(mark) if mark is not None else Position(0, 0, 0)
    what = (error.problem or "").strip()
    if "maximum nesting depth" in what:
        return too_deep_problem(_too_deep_bracket(text, at))
    context = f" {error.context}" if error.context else ""
    where = where_vi = ""
    if error.context_mark is not None and error.context_mark is not mark:
        where = f" (started at line {error.context_mark.line + 1})"
        where_vi = f" (bắt đầu ở dòng {error.context_mark.line + 1})"
    message = said(
        f"tệp không phải YAML hợp lệ: {_problem_vi(what, context)}{where_vi}",
        f"the file is not valid YAML: {what}{context}{where}",
    )
    return problem(codes.INVALID_YAML, mark_span(at), message, _yaml_fix(what, context))


# libyaml's most frequent complaints, said in Vietnamese; others are quoted as libyaml says.
_PROBLEMS_VI = {
    "mapping values are not allowed here": "không được đặt giá trị ánh xạ (': ') ở đây",
    "found character that cannot start any token": "gặp một ký tự không thể mở đầu nội dung",
    "found unexpected end of stream": "tệp kết thúc giữa chừng",
    "could not find expected ':'": "không tìm thấy dấu ':' cần có",
    "did not find expected key": "không tìm thấy khóa cần có",
    "did not find expected '-' indicator": "không tìm thấy dấu '-' cần có",
    "did not find expected ',' or ']'": "không tìm thấy dấu ',' hoặc ']' cần có",
    "did not find expected ',' or '}'": "không tìm thấy dấu ',' hoặc '}' cần có",
    "found a tab character that violates indentation": "gặp ký tự tab làm sai thụt lề",
    "expected <document start>, but found '<block mapping start>'": (
        "gặp một bảng khóa ở chỗ cần bắt đầu tài liệu"
    ),
}


def _problem_vi(what: str, context: str) -> str:
    said_vi = _PROBLEMS_VI.get(what)
    if said_vi is None:
        return f"{what}{context}"
    if "quoted scalar" in context:
        return f"{said_vi} khi đọc một chuỗi trong dấu nháy"
    if "flow" in context:
        return f"{said_vi} khi đọc một danh sách hay bảng trong ngoặc"
    return said_vi


def _yaml_fix(what: str, context: str) -> Said:
    if "cannot start any token" in what:
        return said(
            "Thụt lề bằng dấu cách, không dùng tab, và đặt trong dấu nháy các đoạn chữ bắt đầu"
            " bằng @ hoặc `.",
            "Indent with spaces, not tabs, and quote text that starts with @ or `.",
        )
    if "quoted scalar" in context:
        return said(
            "Đóng đoạn chữ bằng đúng loại dấu nháy đã mở.",
            "Close the quoted text with the same quote it opens with.",
        )
    if "flow" in context:
        return said(
            "Đóng mỗi [ bằng ] và mỗi { bằng }.", "Close every [ with ] and every { with }."
        )
    if "mapping values are not allowed" in what:
        return said(
            "Đặt trong dấu nháy đoạn chữ có ': ', hoặc tách nó ra dòng riêng.",
            "Quote text that contains ': ', or move it to its own line.",
        )
    return said(
        "Sửa YAML ở vị trí này; tệp mục tiêu thụt lề bằng dấu cách.",
        "Fix the YAML at this position; goal files use spaces for indentation.",
    )


def reader_problem(text: str, error: yaml.YAMLError) -> Problem:
    position = getattr(error, "position", 0)
    return problem(
        codes.INVALID_YAML,
        mark_span(mark_at(text, position if isinstance(position, int) else 0)),
        said(
            f"tệp không phải YAML hợp lệ: {error}".split("\n")[0],
            f"the file is not valid YAML: {error}".split("\n")[0],
        ),
        said(
            "Xóa các ký tự điều khiển khỏi tệp; YAML chỉ cho phép chữ in được.",
            "Remove control characters from the file; YAML allows only printable text.",
        ),
    )


def surrogate_problem(text: str, position: int) -> Problem:
    code = f"U+{ord(text[position]):04X}"
    return problem(
        codes.INVALID_YAML,
        mark_span(mark_at(text, position)),
        said(
            f"văn bản có một nửa cặp thay thế lẻ loi ({code}), không phải là một ký tự",
            f"the text holds a lone surrogate ({code}), which is not a character",
        ),
        said(
            "Xóa ký tự hỏng; nó thường đến từ một lần sao chép lỗi.",
            "Remove the broken character; it usually comes from a bad copy and paste.",
        ),
    )


def _too_deep_bracket(text: str, stop: Mark) -> Mark:
    """Find the bracket that first nests past MAX_DEPTH, where libyaml stopped further on.

    libyaml scans flow brackets ahead of the events and gives up at its own limit (1000),
    so the position it reports is not the first level too deep.  Counting brackets up to
    that point is linear and good enough: this path runs only for files being refused.
    """
    depth = 0
    line_start = text.rfind("\n", 0, stop.index) + 1
    for index in range(line_start, min(stop.index, len(text))):
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Position(stop.line, index - line_start, index)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return stop


def too_deep_problem(at: Mark) -> Problem:
    return problem(
        codes.NESTING_TOO_DEEP,
        mark_span(at),
        said(
            f"tệp lồng danh sách và bảng sâu quá {MAX_DEPTH} tầng; smartlint không đọc nó",
            f"the file nests lists and mappings more than {MAX_DEPTH} levels deep;"
            " smartlint does not read it",
        ),
        said(
            "Làm phẳng tệp: mục tiêu chỉ lồng qua key_results vài tầng là nhiều.",
            "Flatten the file: goals nest through key_results a few levels at most.",
        ),
    )


def duplicate_problem(key: Scalar, first: Mark) -> Problem:
    return problem(
        codes.DUPLICATE_KEY,
        node_span(key),
        said(
            f"khóa '{key.value}' xuất hiện lần nữa; nó đã có ở dòng {first.line + 1}, và giá trị"
            " đầu tiên được dùng",
            f"the key '{key.value}' appears again; it was first given on line {first.line + 1},"
            " and that first value is used",
        ),
        said(
            f"Chỉ giữ một '{key.value}:' trong bảng này.",
            f"Keep one '{key.value}:' in this mapping.",
        ),
    )
