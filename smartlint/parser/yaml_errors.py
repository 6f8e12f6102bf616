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


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    at = mark_of(mark) if mark is not None else Position(0, 0, 0)
    problem = (error.problem or "").strip()
    if "maximum nesting depth" in problem:
        return too_deep_problem(_too_deep_bracket(text, at))
    context = f" {error.context}" if error.context else ""
    where = ""
    if error.context_mark is not None and error.context_mark is not mark:
        where = f" (started at line {error.context_mark.line + 1})"
    message = f"the file is not valid YAML: {problem}{context}{where}"
    return Problem(codes.INVALID_YAML, mark_span(at), message, _yaml_fix(problem, context))


def _yaml_fix(problem: str, context: str) -> str:
    if "cannot start any token" in problem:
        return "Indent with spaces, not tabs, and quote text that starts with @ or `."
    if "quoted scalar" in context:
        return "Close the quoted text with the same quote it opens with."
    if "flow" in context:
        return "Close every [ with ] and every { with }."
    if "mapping values are not allowed" in problem:
        return "Quote text that contains ': ', or move it to its own line."
    return "Fix the YAML at this position; goal files use spaces for indentation."


def reader_problem(text: str, error: yaml.YAMLError) -> Problem:
    position = getattr(error, "position", 0)
    return Problem(
        codes.INVALID_YAML,
        mark_span(mark_at(text, position if isinstance(position, int) else 0)),
        f"the file is not valid YAML: {error}".split("\n")[0],
        "Remove control characters from the file; YAML allows only printable text.",
    )


def surrogate_problem(text: str, position: int) -> Problem:
    return Problem(
        codes.INVALID_YAML,
        mark_span(mark_at(text, position)),
        f"the text holds a lone surrogate (U+{ord(text[position]):04X}), which is not a character",
        "Remove the broken character; it usually comes from a bad copy and paste.",
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
    return Problem(
        codes.NESTING_TOO_DEEP,
        mark_span(at),
        f"the file nests lists and mappings more than {MAX_DEPTH} levels deep;"
        " smartlint does not read it",
        "Flatten the file: goals nest through key_results a few levels at most.",
    )


def duplicate_problem(key: Scalar, first: Mark) -> Problem:
    return Problem(
        codes.DUPLICATE_KEY,
        node_span(key),
        f"the key '{key.value}' appears again; it was first given on line {first.line + 1},"
        " and that first value is used",
        f"Keep one '{key.value}:' in this mapping.",
    )
