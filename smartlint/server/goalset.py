"""The editor's goal set: every goal file of the workspace folders, open documents on top.

The language server keeps one :class:`GoalSet`.  Files on disk are found by the same walk
as the command line (``include``, ``exclude``, ``.gitignore``, nearest configuration) and
parsed once per change of their modification time; an open document's text replaces its
file's.  :meth:`GoalSet.lint` lints the whole set as one run, so parent links resolve
across files, and reports the requested documents, each under its nearest configuration.

Open documents are treated as a directory walk treats files: one that is not a goal
document (a workflow YAML, a README) gets no diagnostics, and ``exclude`` applies.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from smartlint.config import Config, Resolver
from smartlint.context import nesting_parents
from smartlint.discover import Missing, discover
from smartlint.engine import lint_parsed
from smartlint.facts import Facts
from smartlint.fixes.source import SourceText
from smartlint.model import FileResult, Goal, Language, ParsedFile, Span
from smartlint.parser.markdown import is_markdown_path
from smartlint.parser.sheet_limits import XLSX_SUFFIXES, is_sheet
from smartlint.project import (
    ConfigPolicy,
    Overrides,
    ignored_codes,
    not_goals,
    read_walked_file,
    settings_for,
    sheet_source_text,
)
from smartlint.records import record
from smartlint.suppress import EMPTY, SuppressionTable

if TYPE_CHECKING:  # the sheet reader is imported when a sheet is read
    from smartlint.parser.sheets import ReadSheet

Kind = Literal["yaml", "markdown", "sheet"]
# Each file numbers its goals from its own block, so a file parsed again keeps apart from
# the others without renumbering them: goal indexes only order output.
_INDEX_BLOCK = 1 << 24


def kind_of(path: Path) -> Kind:
    """Say how a path is read: as YAML, as a Markdown document, or as a goal sheet."""
    if is_markdown_path(path.name):
        return "markdown"
    if is_sheet(path.name):
        return "sheet"
    return "yaml"


@record(slots=False)
class _Parsed:
    stamp: object  # what the parse was made from: the text, or the file's mtime and size
    parsed: ParsedFile | None  # None: not a goal file
    table: SuppressionTable
    source: SourceText | None = None  # the text the fixes' edits are made on


@record(slots=False)
class Linted:
    """One reported document: its result, and the text its positions refer to."""

    path: Path
    kind: Kind
    text: str | None  # None for a sheet read from disk
    result: FileResult


@record(slots=False)
class Located:
    """Where a goal is: its file and span."""

    path: Path
    span: Span


class GoalSet:
    """The workspace's goal files and the open documents that override them."""

    def __init__(self, folders: Sequence[Path], today: Callable[[], date]) -> None:
        """Watch ``folders`` (absolute paths); ``today`` gives the date deadlines are judged on."""
        self._folders = tuple(folders)
        self._today = today
        self._open: dict[Path, str] = {}
        self._cache: dict[Path, _Parsed] = {}
        self._slots: dict[Path, int] = {}
        self._paths: dict[str, Path] = {}  # the name messages use -> the file
        self._resolver = Resolver()
        self._walked: tuple[Path, ...] | None = None
        # facts of unchanged goals, per (today, language, fiscal year end): reading a
        # sentence is most of a lint, and a keystroke changes one goal
        self._facts: dict[tuple[object, ...], dict[tuple[Goal, Language], Facts]] = {}

    # ---------------------------------------------------------------- state

    @property
    def folders(self) -> tuple[Path, ...]:
        """Return the workspace folders."""
        return self._folders

    def set_folders(self, folders: Sequence[Path]) -> None:
        """Replace the workspace folders and walk them again."""
        self._folders = tuple(folders)
        self._walked = None
        self._cache.clear()  # files are named relative to their folder

    def open(self, path: Path, text: str) -> None:
        """Use an open document's text instead of its file's."""
        self._open[path] = text

    def close(self, path: Path) -> None:
        """Go back to the file on disk for a closed document."""
        self._open.pop(path, None)

    def open_paths(self) -> tuple[Path, ...]:
        """Return the open documents' paths."""
        return tuple(self._open)

    def text_of(self, path: Path) -> str | None:
        """Return an open document's text."""
        return self._open.get(path)

    def files_changed(self) -> None:
        """Walk the folders again at the next lint: files were created, deleted or renamed."""
        self._walked = None

    def config_changed(self) -> None:
        """Read every configuration again: nearest-wins lookups and what they select."""
        self._resolver = Resolver()
        self._cache.clear()  # a schema or sheet columns may read a file differently now
        self._facts.clear()
        self._walked = None

    def config_for(self, path: Path) -> Config:
        """Return the nearest configuration of a path."""
        return self._resolver.for_path(path)

    # ---------------------------------------------------------------- linting

    def lint(self, paths: Iterable[Path]) -> dict[Path, Linted | None]:
        """Lint the goal set; return each requested path's result (None: not a goal file)."""
        wanted = list(dict.fromkeys(paths))
        members = self._members(wanted)
        every = [p.parsed for p in members.values() if p.parsed is not None]
        out: dict[Path, Linted | None] = {path: None for path in wanted}
        groups: dict[Config, list[Path]] = {}
        for path in wanted:
            entry = members.get(path)
            if entry is not None and entry.parsed is not None:
                groups.setdefault(self._resolver.for_path(path), []).append(path)
        goal_count = sum(len(p.goals) for p in every)
        for config, group in groups.items():
            tables = {
                self.display(p): replace(members[p].table, ignored=ignored_codes(config, p))
                for p in group
            }
            settings = settings_for(config, Overrides(), self._today())
            options = settings.options
            key = (settings.today, options.language, options.fiscal_end)
            cache = self._facts.setdefault(key, {})
            if len(cache) > 2 * goal_count + 1000:  # edits left stale goals behind
                cache.clear()
            report = lint_parsed(
                every,
                settings,
                reported=tables.__contains__,
                suppressions=tables,
                facts_cache=cache,
                sources={
                    self.display(p): source
                    for p in group
                    if (source := members[p].source) is not None
                },
            )
            for result in report.files:
                path = self._paths[result.path]
                out[path] = Linted(path, kind_of(path), self._open.get(path), result)
        return out

    def links(self, path: Path, *, fresh: bool = True) -> set[str]:
        """Return the ids a file's goals have and name as parents (``fresh``: its text now).

        Another document's findings can change with this file only through these names.
        """
        entry = self._parsed(path) if fresh else self._cache.get(path)
        if entry is None or entry.parsed is None:
            return set()
        names = {g.goal_id for g in entry.parsed.goals if g.goal_id is not None}
        return names | {g.parent.value for g in entry.parsed.goals if g.parent is not None}

    def locate(self) -> tuple[dict[str, Located], dict[int, Located]]:
        """Index the set's goals: the first goal of each id, and each goal's parent.

        The second map takes a goal's index to its parent's place, for links written as an
        id and for nesting (a key result under its objective).
        """
        by_id: dict[str, Located] = {}
        goals: list[Goal] = []
        for entry in self._cache.values():
            if entry.parsed is None:
                continue
            for goal in entry.parsed.goals:
                goals.append(goal)
                if goal.goal_id is not None:
                    by_id.setdefault(goal.goal_id, Located(self._paths[goal.path], goal.span))
        by_index = {g.index: g for g in goals}
        parents: dict[int, Located] = {}
        for goal in goals:
            if goal.parent is not None and goal.parent.value in by_id:
                parents[goal.index] = by_id[goal.parent.value]
        for child, parent in nesting_parents(goals).items():
            found = by_index[parent]
            parents[child] = Located(self._paths[found.path], found.span)
        return by_id, parents

    # ---------------------------------------------------------------- reading

    def _members(self, wanted: Sequence[Path]) -> dict[Path, _Parsed]:
        """Return every file of the goal set, parsed (or from the cache)."""
        paths = list(dict.fromkeys([*self._walk(), *self._open, *wanted]))
        live = set(paths)
        for stale in [p for p in self._cache if p not in live]:
            del self._cache[stale]
        members: dict[Path, _Parsed] = {}
        for path in paths:
            entry = self._parsed(path)
            if entry is not None:
                members[path] = entry
        return members

    def _walk(self) -> tuple[Path, ...]:
        if self._walked is None:
            policy = ConfigPolicy(self._resolver, Overrides())
            found = discover([str(f) for f in self._folders if f.is_dir()], policy)
            self._walked = tuple(
                Path(os.path.abspath(item.path))
                for item in found
                if not isinstance(item, Missing) and item.path is not None
            )
        return self._walked

    def _parsed(self, path: Path) -> _Parsed | None:
        text = self._open.get(path)
        if text is None:
            try:
                info = path.stat()
            except OSError:
                self._cache.pop(path, None)
                return None
            stamp: object = (info.st_mtime_ns, info.st_size)
        else:
            stamp = text
        cached = self._cache.get(path)
        if cached is not None and cached.stamp == stamp:
            return cached
        if self._excluded(path):
            entry = _Parsed(stamp, None, EMPTY)
        else:
            entry = self._read(path, text, stamp)
        self._cache[path] = entry
        return entry

    def _excluded(self, path: Path) -> bool:
        return ConfigPolicy(self._resolver, Overrides()).excluded(path, is_dir=False)

    def display(self, path: Path) -> str:
        """Return how messages name a file: relative to its workspace folder, as the CLI does."""
        for folder in self._folders:
            if path.is_relative_to(folder):
                shown = path.relative_to(folder).as_posix()
                if len(self._folders) > 1:  # several roots may hold the same names
                    shown = f"{folder.name}/{shown}"
                break
        else:
            shown = str(path)
        self._paths[shown] = path
        return shown

    def _first_index(self, path: Path) -> int:
        slot = self._slots.setdefault(path, len(self._slots))
        return slot * _INDEX_BLOCK

    def _read(self, path: Path, text: str | None, stamp: object) -> _Parsed:
        config = self._resolver.for_path(path)
        first = self._first_index(path)
        if kind_of(path) == "sheet":
            sheet = self._read_sheet(path, text, config, first)
            if sheet is None:
                return _Parsed(stamp, None, EMPTY)
            # Only an open document's text is mended: code actions are asked on open documents.
            source = sheet_source_text(sheet) if text is not None else None
            return _Parsed(stamp, sheet.parsed, EMPTY, source)
        # An open document's text goes through its bytes, as the command line reads a file:
        # binary text is said to be so.
        data = None if text is None else text.encode("utf-8", "surrogatepass")
        read = read_walked_file(path, self.display(path), first, config, data)
        return _Parsed(stamp, None, EMPTY) if read is None else _Parsed(stamp, *read)

    def _read_sheet(
        self, path: Path, text: str | None, config: Config, first: int
    ) -> ReadSheet | None:
        from smartlint.parser.sheets import SheetOptions, read_sheet_file

        data = None
        if text is not None:  # an open document: its text, not the disk's
            if path.name.lower().endswith(XLSX_SUFFIXES):
                return None  # an editor's text of a workbook is no workbook
            data = text.encode("utf-8", "surrogatepass")
        read = read_sheet_file(
            path,
            self.display(path),
            first_index=first,
            options=SheetOptions(config.columns, config.sheets),
            walked=True,
            data=data,
        )
        return None if read is None or not_goals(read.parsed) else read
