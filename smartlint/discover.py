"""Find the goal files a run should read: files as given, directories searched.

A directory walk skips hidden entries, what ``.gitignore`` files ignore, and what the
:class:`Policy` excludes; it keeps files the policy includes (by default ``*.yaml`` and
``*.yml``), Markdown files, which are read only when they are goal documents
(:mod:`smartlint.parser.markdown.recognise`), and every CSV file and XLSX workbook, whatever
``include`` says: the reader keeps only goal sheets.  Files named on the command line are
always read, unless the policy forces its excludes on them too.  Symlinked directories are
not followed, so loops cannot hang,
and FIFOs, sockets and devices found by walking are skipped, so reading cannot block.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from smartlint.gitignore import GitIgnore
from smartlint.parser.markdown import is_markdown_path
from smartlint.parser.sheet_limits import is_sheet
from smartlint.records import record

GOAL_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


@record
class Source:
    """A file to lint: the path to show, and the path to read (None for stdin)."""

    display: str
    path: Path | None
    explicit: bool  # named on the command line, not found by walking a directory
    sniff: bool = False  # a walked Markdown file: read only when it is a goal document


@record
class Missing:
    """A path on the command line that cannot be read."""

    display: str
    reason: str


class Policy(Protocol):
    """What the configuration says about which files a run reads."""

    force_exclude: bool

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        """Tell whether ``exclude`` patterns cover the path."""

    def included(self, path: Path) -> bool:
        """Tell whether a file found by walking is one to read."""

    def respect_gitignore(self, root: Path) -> bool:
        """Tell whether a walk of ``root`` honours ``.gitignore`` files."""


class DefaultPolicy:
    """No configuration: read ``*.yaml`` and ``*.yml`` files, honour ``.gitignore``."""

    force_exclude = False

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        """Exclude nothing."""
        return False

    def included(self, path: Path) -> bool:
        """Include YAML files by suffix."""
        return path.name.endswith(GOAL_SUFFIXES)

    def respect_gitignore(self, root: Path) -> bool:
        """Honour ``.gitignore`` files."""
        return True


def discover(paths: list[str], policy: Policy | None = None) -> Iterator[Source | Missing]:
    """Yield every file to lint, in a deterministic order, and every missing path."""
    rules = policy or DefaultPolicy()
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            yield Source(STDIN, None, True)
            continue
        path = Path(raw)
        if path.is_dir():
            for found, sniff in _walk(path, rules):
                key = os.path.realpath(found)
                if key not in seen:
                    seen.add(key)
                    yield Source(str(found), found, False, sniff)
        elif path.is_file():
            if rules.force_exclude and rules.excluded(path, is_dir=False):
                continue
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield Source(raw, path, True)
        elif path.exists():
            yield Missing(raw, "not a regular file")
        else:
            yield Missing(raw, "no such file or directory")


def _walk(root: Path, policy: Policy) -> Iterator[tuple[Path, bool]]:
    """Walk a directory in sorted order without following symlinked directories.

    Yields each file to read, and whether it is a Markdown file that ``include`` does not
    name (read only when it turns out to be a goal document).
    """
    ignore = GitIgnore(root) if policy.respect_gitignore(root) else None

    def skipped(path: Path, is_dir: bool) -> bool:
        return (
            path.name.startswith(".")
            or policy.excluded(path, is_dir=is_dir)
            or (ignore is not None and ignore.ignored(path, is_dir=is_dir))
        )

    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not skipped(base / d, True))
        for name in sorted(files):
            path = base / name
            included = policy.included(path)
            if not included and not is_markdown_path(name) and not is_sheet(name):
                continue  # sheets: the reader keeps only goal sheets
            if not skipped(path, False) and not _special(path):
                yield path, not included and is_markdown_path(name)


def _special(path: Path) -> bool:
    """Tell whether a walked name is a FIFO, socket or device: reading one could block forever.

    A path that cannot be stat-ed (a dangling or looping symlink) is kept, so that reading
    it reports why.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)
