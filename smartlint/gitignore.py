"""Which paths the ``.gitignore`` files of a repository ignore, for directory walks.

Every ``.gitignore`` from the repository's top (the nearest ancestor with ``.git``, else the
walked directory) down to a path's folder applies, the deepest deciding first, as in git.
Patterns are read by ``pathspec``'s gitignore implementation; each file is read once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


def git_top(start: Path) -> Path | None:
    """Return the nearest directory at or above ``start`` that holds ``.git``."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


class GitIgnore:
    """The ignore rules that apply under one walked directory."""

    def __init__(self, root: Path) -> None:
        """Collect rules from the repository top (or ``root``) downwards, lazily."""
        start = root.absolute()
        self._top = git_top(start) or start
        self._specs: dict[Path, GitIgnoreSpec | None] = {}

    def ignored(self, path: Path, *, is_dir: bool) -> bool:
        """Tell whether git would ignore the file or directory at ``path``."""
        path = path.absolute()
        suffix = "/" if is_dir else ""
        for folder in path.parents:
            spec = self._spec(folder)
            if spec is not None:
                decision = spec.check_file(path.relative_to(folder).as_posix() + suffix)
                if decision.include is not None:
                    return bool(decision.include)
            if folder == self._top:
                break
        return False

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                lines = []
            self._specs[folder] = _compiled(lines) if lines else None
        return self._specs[folder]


def _compiled(lines: list[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # imported on the first .gitignore met, not at start-up

    return GitIgnoreSpec.from_lines(lines)
