"""The goal set of a run: which project a path belongs to, and which other files of it matter.

Parent links cross files, so linting one file must see the goals it links to in its
siblings.  The project is the directory of the nearest configuration file, else the git work
tree (found by looking for ``.git`` upwards, without running git); a path outside both is a
project of its own files, as before.  A home directory, or a folder above it, is never taken
for a project: a dotfiles repository or a personal configuration there would make every run
read the whole home.

Reading every goal of a large project to lint one file would make an editor's save cost the
whole project.  Only the files that can change the reported goals' findings are parsed: a
link names an id, so a file that does not contain, as text, the id of a reported goal or of
a goal it links to cannot hold its parent, a key result or a duplicate of it.  The other
files are only searched as text (once each per run).  The search follows links transitively:
up the parent chain (deadlines, cycles) and down to key results of key results (objectives
judged through them).  Workbooks, which cannot be searched as text, are always parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from smartlint.decode import decode_bytes
from smartlint.discover import Source
from smartlint.gitignore import git_top
from smartlint.model import Goal, ParsedFile
from smartlint.parser import MAX_FILE_BYTES
from smartlint.patterns import compile_pattern

# Ids as files write them: `id: x` in YAML, `{#x}` in a Markdown heading.  Only used to
# suggest the id a dangling parent link may have meant; a miss costs a suggestion, no more.
_YAML_ID = compile_pattern(r"""^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([^"'\s#,{}\[\]]+)""", re.M)
_MARKDOWN_ID = compile_pattern(r"\{#([^}\s]+)\}")
_UNSEARCHABLE = (".xlsx", ".xlsm")  # zipped XML: an id is not in the bytes as text
# What stands before an id that a goal links to, not one it defines: `parent: x`,
# `(mục tiêu cha: x)`.  A parent is looked for where it is defined, not in every file that
# links to it (a company goal is named by every team's file).
_LINK_BEFORE = compile_pattern(r"(?:parent|cha|thu[oộ]c|ti[eê]u)[ \t]*:[ \t]*[\"']?$", re.I)


def project_root(
    path: Path | None, config_file: Path | None, extends: Sequence[Path] = ()
) -> Path | None:
    """Return the project a path belongs to, or None outside any project.

    ``path`` is the first path of the run (None: the current directory); ``config_file``
    is its nearest configuration file, if any, and ``extends`` the files it extends: a team
    folder's file that extends the repository's belongs to the repository's project.
    """
    if config_file is not None:
        found: Path | None = config_file.absolute().parent
        for extended in extends:
            folder = extended.absolute().parent
            if found is not None and found.is_relative_to(folder):
                found = folder
    else:
        start = Path.cwd() if path is None else path.absolute()
        found = git_top(start if start.is_dir() else start.parent)
    if found is None or Path.home().absolute().is_relative_to(found):
        return None
    return found


def covers(paths: Sequence[str], root: Path) -> bool:
    """Tell whether a named directory already holds the whole project (no more to read)."""
    whole = root.absolute()
    return any(
        raw != "-" and Path(raw).is_dir() and whole.is_relative_to(Path(raw).absolute())
        for raw in paths
    )


class _Texts:
    """The text of each candidate file, read and decoded at most once a run."""

    def __init__(self) -> None:
        self._cache: dict[Path, str | None] = {}

    def get(self, source: Source) -> str | None:
        """Return the file's text; None for what cannot be searched (read, size, encoding)."""
        path = source.path
        if path is None:
            return None
        if path not in self._cache:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            self._cache[path] = None if len(data) > MAX_FILE_BYTES else _text_of(data)
        return self._cache[path]


def _text_of(data: bytes) -> str | None:
    """Decode for searching: UTF-8 at C speed, else as the parser would (legacy, UTF-16)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(data).text


def linked_files(
    reported: Sequence[ParsedFile],
    candidates: Iterable[Source],
    parse: Callable[[Source], ParsedFile | None],
) -> tuple[list[ParsedFile], tuple[str, ...]]:
    """Parse the candidates that can hold goals linked to the reported ones.

    Returns the parsed files, in the candidates' order, and, when a reported goal's parent
    is still not found, the ids the other candidates seem to hold (for a did-you-mean).
    """
    goals: list[Goal] = [g for f in reported for g in f.goals]
    up = {g.parent.value for g in goals if g.parent is not None}  # goals whose parent we need
    down = {g.goal_id for g in goals if g.goal_id}  # goals whose key results we need
    texts = _Texts()
    pending = list(candidates)
    found: dict[int, ParsedFile] = {}
    fresh_up, fresh_down = set(up), set(down)
    while (fresh_up or fresh_down) and pending:
        matched = [c for c in pending if _mentions(c, texts, fresh_up, fresh_down)]
        taken = {id(c) for c in matched}
        pending = [c for c in pending if id(c) not in taken]
        for candidate in matched:
            parsed = parse(candidate)
            if parsed is not None:
                found[id(candidate)] = parsed
                goals.extend(parsed.goals)
        fresh_up, fresh_down = _follow(goals, up, down)
    return list(found.values()), _other_ids(goals, pending, texts)


def _mentions(candidate: Source, texts: _Texts, defined: set[str], linked: set[str]) -> bool:
    """Tell whether a file may define one of ``defined`` or mention one of ``linked``."""
    if candidate.path is not None and candidate.path.name.lower().endswith(_UNSEARCHABLE):
        return True
    text = texts.get(candidate)
    if not text:
        return False
    return any(_occurs(text, each, defining=True) for each in defined) or any(
        _occurs(text, each, defining=False) for each in linked
    )


def _occurs(text: str, word: str, *, defining: bool) -> bool:
    """Tell whether an id occurs as a whole word; ``defining``: not right after a link key."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not _id_char(text, start - 1) and not _id_char(text, end):
            line_start = text.rfind("\n", 0, start) + 1
            if not defining or not _LINK_BEFORE.search(text, line_start, start):
                return True
        start = text.find(word, start + 1)
    return False


def _id_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "-_")


def _follow(goals: Sequence[Goal], up: set[str], down: set[str]) -> tuple[set[str], set[str]]:
    """Extend the wanted ids along the links of the goals read so far; return the new ones."""
    fresh_up: set[str] = set()
    fresh_down: set[str] = set()
    changed = True
    while changed:
        changed = False
        for goal in goals:
            gid = goal.goal_id
            parent = goal.parent.value if goal.parent is not None else None
            if gid is not None and gid in up and parent is not None and parent not in up:
                up.add(parent)
                fresh_up.add(parent)
                changed = True
            if parent is not None and parent in down and gid and gid not in down:
                down.add(gid)
                fresh_down.add(gid)
                changed = True
    return fresh_up, fresh_down


def _other_ids(goals: Sequence[Goal], unread: Sequence[Source], texts: _Texts) -> tuple[str, ...]:
    """Return the ids written in unread files, when a parent link is still dangling."""
    known = {g.goal_id for g in goals if g.goal_id}
    if all(g.parent is None or g.parent.value in known for g in goals):
        return ()
    ids: set[str] = set()
    for candidate in unread:
        text = texts.get(candidate) if candidate.path is not None else None
        if text:
            ids.update(_YAML_ID.findall(text))
            ids.update(_MARKDOWN_ID.findall(text))
    return tuple(sorted(ids - known))
