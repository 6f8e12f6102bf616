"""Find the goal files a run should read: files as given, directories searched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GOAL_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """A file to lint: the path to show, and the path to read (None for stdin)."""

    display: str
    path: Path | None
    explicit: bool  # named on the command line, not found by walking a directory


@dataclass(frozen=True, slots=True)
class Missing:
    """A path on the command line that cannot be read."""

    display: str
    reason: str


def discover(paths: list[str]) -> Iterator[Source | Missing]:
    """Yield every file to lint, in a deterministic order, and every missing path."""
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            yield Source(STDIN, None, True)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                key = os.path.realpath(found)
                if key not in seen:
                    seen.add(key)
                    yield Source(str(found), found, False)
        elif path.is_file():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield Source(raw, path, True)
        elif path.exists():
            yield Missing(raw, "not a regular file")
        else:
            yield Missing(raw, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    """Walk a directory in sorted order without following symlinked directories."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(GOAL_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name
