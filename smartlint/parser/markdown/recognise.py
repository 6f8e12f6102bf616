"""Tell which Markdown files are goal documents, cheaply and without parsing Markdown.

A Markdown file found by walking a directory (or named while ``--skip-non-goal-files`` is
on) is read only when it is recognisable as a goal document:

1. front matter ``smartlint: true`` makes any file one, ``smartlint: false`` none;
2. the files every repository has (README, CHANGELOG, CONTRIBUTING, LICENSE, …) are not;
3. a name about goals is: ``*okr*``, ``goals*``, ``*-goals``, ``objectives*``, ``kpi*``,
   ``muc-tieu*`` / ``muctieu*`` (with or without diacritics), or any file in a directory
   named ``okr``, ``okrs``, ``goals`` or ``muc-tieu``;
4. so is a file with, outside code blocks, a heading or list item labelled as an objective
   ("Objective:", "O1:", "Mục tiêu 1:") and one labelled as a key result ("KR1:", "Kết quả
   then chốt:").

Files named on the command line and files the configuration's ``include`` matches are
always read.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from smartlint.parser.markdown.words import fold
from smartlint.patterns import compile_pattern

_COMMON = frozenset(
    [
        "readme",
        "changelog",
        "changes",
        "history",
        "news",
        "contributing",
        "license",
        "licence",
        "code_of_conduct",
        "code-of-conduct",
        "security",
        "authors",
        "support",
        "notice",
        "governance",
        "maintainers",
        "codeowners",
    ]
)
_NAME = compile_pattern(r"okr|^goals?(?:\b|[-_])|[-_]goals?$|^objectives?|^kpis?\b|^muc[-_ ]?tieu")
_FOLDERS = frozenset({"okr", "okrs", "goals", "muc-tieu", "muc_tieu", "muctieu"})
_OPT = compile_pattern(r"^smartlint[ \t]*:[ \t]*(\S+)[ \t]*(?:#.*)?$", re.MULTILINE)
_OBJECTIVE = compile_pattern(
    r"^[ \t]*(?:#{1,6}|[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?"
    r"(?:objective|muc tieu|o\d+)[ \t]*\d*(?:\.\d+)*[ \t]*[:.)\-–—]",
    re.MULTILINE,
)
_KEY_RESULT = compile_pattern(
    r"^[ \t]*(?:#{1,6}|[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?"
    r"(?:key results?|ket qua then chot|kr\d*)\b",
    re.MULTILINE,
)
_FENCE = compile_pattern(r"^[ ]{0,3}(?:```|~~~)", re.MULTILINE)
SNIFF_CHARS = 200_000  # labels are found near the top; a huge file is not read whole to decide


def front_opt_in(text: str) -> bool | None:
    """Return what the front matter's ``smartlint:`` key says, or None without one."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3, SNIFF_CHARS)
    if end < 0:
        end = text.find("\n...", 3, SNIFF_CHARS)
    if end < 0:
        return None
    found = _OPT.search(text, 0, end)
    if found is None:
        return None
    word = found.group(1).lower()
    if word in ("true", "yes", "on"):
        return True
    if word in ("false", "no", "off"):
        return False
    return None


def looks_like_goals(path: str, text: str) -> bool:
    """Tell whether a Markdown file is a goal document by the rules in the module doc."""
    opt_in = front_opt_in(text)
    if opt_in is not None:
        return opt_in
    name = PurePath(path)
    stem = fold(name.stem)
    if stem in _COMMON or stem.split(".")[0] in _COMMON:
        return False
    if _NAME.search(stem) or any(fold(part) in _FOLDERS for part in name.parts[:-1]):
        return True
    head = fold(_without_code(text[:SNIFF_CHARS]))
    return bool(_OBJECTIVE.search(head) and _KEY_RESULT.search(head))


def _without_code(text: str) -> str:
    """Drop fenced code blocks, so examples of OKRs in a handbook do not count."""
    parts = _FENCE.split(text)
    return "".join(parts[0::2])
