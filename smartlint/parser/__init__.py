"""Read goal files: bytes -> text -> YAML nodes with positions -> goals and file problems.

A path ending in ``.md`` or ``.markdown`` is read as a Markdown goal document
(:mod:`smartlint.parser.markdown`); every other path, and stdin, as YAML.

Public API: :func:`parse_bytes`, :func:`parse_text`, :func:`is_goal_document`.
Nothing here raises on bad input; every problem becomes a :class:`~smartlint.model.Problem`.

Choices the rest of the pipeline relies on:

- A goal nested under ``key_results:``/``children:`` has ``parent_from_nesting=True`` and
  ``parent`` = the enclosing goal's ``id`` Text (its span is the parent's id).  When the
  enclosing goal has no id, ``parent`` stays None with ``parent_from_nesting=True``: the
  link exists but has no name, so Relevant must not call it an orphan or a dangling link.
- ``Text.exact`` holds for one-line plain scalars and for one-line quoted scalars without
  escapes; for a quoted one the span covers the content inside the quotes, so that
  ``Text.span_of`` maps offsets straight to columns.  Block scalars are never exact.
- Files nested deeper than :data:`~smartlint.parser.compose.MAX_DEPTH` (200) levels are
  refused whole, before any node is built (``nesting-too-deep``).
- An alias may stand for a single value; an alias to a list or mapping where a goal, a
  goal list, a history or a baseline is read is refused (``alias-not-allowed``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from smartlint.decode import Decoded, decode_bytes, normalize_newlines
from smartlint.model import FILE_START, Language, ParsedFile, Problem
from smartlint.parser import codes
from smartlint.parser.compose import ReadAhead, compose
from smartlint.parser.document import opens_goal_list, read_document
from smartlint.parser.goals import Walk, read_goal
from smartlint.parser.markdown import is_markdown_path
from smartlint.parser.report import problem, said
from smartlint.patterns import Lazy

if TYPE_CHECKING:
    from smartlint.parser.schema import Schema

__all__ = ["is_goal_document", "parse_bytes", "parse_text"]

MAX_FILE_BYTES = 32_000_000  # 100,000 realistic goals take ~23 MB; memory stays under 1 GB
_DECODE_CODES = {
    "binary": codes.BINARY_FILE,
    "legacy": codes.LEGACY_ENCODING,
    "undecodable": codes.UNDECODABLE_FILE,
}


def parse_bytes(
    data: bytes,
    path: str,
    *,
    first_index: int = 0,
    base_dir: Path | None = None,
    schema: Schema | None = None,
) -> ParsedFile:
    """Decode and parse a goal file's bytes; ``path`` is shown in messages as given."""
    if len(data) > MAX_FILE_BYTES:
        return ParsedFile(path, (), (_too_large(len(data)),))
    return parse_decoded(
        decode_bytes(data), path, first_index=first_index, base_dir=base_dir, schema=schema
    )


def parse_decoded(
    decoded: Decoded,
    path: str,
    *,
    first_index: int = 0,
    base_dir: Path | None = None,
    schema: Schema | None = None,
) -> ParsedFile:
    """Parse a file already decoded, reporting the decoding's own problem first."""
    problems: list[Problem] = []
    if decoded.issue is not None:
        issue = decoded.issue
        problems.append(
            problem(
                _DECODE_CODES[issue.kind],
                issue.span,
                said(issue.message_vi, issue.message),
                said(issue.suggestion_vi, issue.suggestion),
            )
        )
    if decoded.text is None:
        return ParsedFile(path, (), tuple(problems))
    parsed = parse_text(
        decoded.text, path, first_index=first_index, base_dir=base_dir, schema=schema
    )
    return ParsedFile(
        path, parsed.goals, (*problems, *parsed.problems), language_hint=parsed.language_hint
    )


def parse_text(
    text: str,
    path: str,
    *,
    first_index: int = 0,
    base_dir: Path | None = None,
    schema: Schema | None = None,
) -> ParsedFile:
    """Parse a goal file's text; ``first_index`` numbers its goals after earlier files'.

    With a ``schema`` the file is another team's YAML, mapped onto goals by it.
    """
    if len(text) > MAX_FILE_BYTES:
        return ParsedFile(path, (), (_too_large(len(text)),))
    text = normalize_newlines(text.removeprefix("\ufeff"))
    if is_markdown_path(path):
        from smartlint.parser.markdown import parse_markdown  # only runs that read Markdown

        return parse_markdown(text, path, first_index=first_index, base_dir=base_dir)
    walk = Walk(path, text, base_dir, first_index)
    if schema is None:
        # The goal list is read while it is composed: a big file's nodes never all live at
        # once (a 100,000-goal file's took 630 MB at their peak, its goals 190 MB).
        ahead = walk.ahead = Walk(path, text, base_dir, first_index)
        composed = compose(
            text, ReadAhead(opens_goal_list, lambda item: read_goal(item, ahead, None))
        )
    else:
        composed = compose(text)
    walk.problems.extend(composed.problems)
    language: Language | None = None
    for document in composed.documents:
        if schema is not None:
            from smartlint.parser.schema import read_mapped  # only for another team's YAML

            read_mapped(document, walk, schema)
            continue
        language = read_document(document, walk) or language
    if not composed.documents and not composed.problems:
        walk.problems.append(
            problem(
                codes.EMPTY_FILE,
                FILE_START,
                said("tệp trống hoặc chỉ có chú thích", "the file is empty or holds only comments"),
                said(
                    "Thêm các mục tiêu dưới goals:, hoặc xóa tệp.",
                    "Add goals under goals:, or remove the file.",
                ),
            )
        )
    problems = sorted(walk.problems, key=lambda p: (p.span.line, p.span.column))
    return ParsedFile(path, tuple(walk.goals), tuple(problems), language_hint=language)


def _too_large(size: int) -> Problem:
    return problem(
        codes.FILE_TOO_LARGE,
        FILE_START,
        said(
            f"tệp nặng {size / 1_000_000:.1f} MB; smartlint đọc tệp mục tiêu tối đa"
            f" {MAX_FILE_BYTES // 1_000_000} MB",
            f"the file is {size / 1_000_000:.1f} MB; smartlint reads goal files up to"
            f" {MAX_FILE_BYTES // 1_000_000} MB",
        ),
        said("Chia các mục tiêu ra nhiều tệp.", "Split the goals into several files."),
    )


_GOALS_KEY = Lazy(r"^[\"']?goals?[\"']?[ \t]*:", re.MULTILINE | re.IGNORECASE)
_GOAL_FIELD = Lazy(
    r"^(?:- |  |)(?:title|deadline|target|key_results|baseline|history)[ \t]*:", re.MULTILINE
)
_FIRST_LINE = Lazy(r"^(?!\s*(?:#|%|---\s*$|\.\.\.\s*$))\s*(\S)", re.MULTILINE)
_BARE_ITEM = Lazy(r"^- +(?![\[{\"'&*!|>-])[^:#\n]+$", re.MULTILINE)


def is_goal_document(text: str) -> bool:
    """Tell cheaply whether a YAML text looks like a goal file (for walking directories).

    True for a ``goals:`` key (or a near miss such as ``goal:``), a top-level list that
    holds sentences or goal fields, and a lone goal mapping; False for other YAML such as
    CI workflows, compose files, and for empty files.
    """
    if _GOALS_KEY.search(text):
        return True
    first = _FIRST_LINE.search(text)
    if first is None:
        return False
    if first.group(1) == "[":  # a top-level flow list: other YAML tools rarely write one
        return True
    if first.group(1) == "-":
        return bool(_GOAL_FIELD.search(text) or _BARE_ITEM.search(text))
    return bool(_GOAL_FIELD.search(text))
