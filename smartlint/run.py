"""One lint run: find files, read and parse them, lint them as one goal set."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from smartlint.discover import Missing, Source, discover
from smartlint.engine import RunSettings, lint_parsed
from smartlint.model import ParsedFile, Report
from smartlint.parser import parse_bytes
from smartlint.rules import RULES_BY_CODE

NOT_A_GOAL_FILE = "not-a-goal-file"


@dataclass(frozen=True)
class RunResult:
    """The report, and the paths that could not be read (each one line for stderr)."""

    report: Report
    errors: tuple[str, ...]


def run(
    paths: list[str],
    settings: RunSettings,
    *,
    root: str | None = None,
    read_stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read(),
) -> RunResult:
    """Lint the given paths; goals under ``root`` join the goal set without being reported."""
    errors: list[str] = []
    parsed: list[ParsedFile] = []
    reported: set[str] = set()
    for item in discover(paths):
        if isinstance(item, Missing):
            errors.append(f"{item.display}: {item.reason}")
            continue
        result = _read(item, len_goals(parsed), read_stdin, errors)
        if result is None or (not item.explicit and _not_goals(result)):
            continue
        parsed.append(result)
        reported.add(result.path)
    if root is not None:
        known = {s.path.resolve() for s in _sources(paths) if s.path is not None}
        for item in discover([root]):
            if isinstance(item, Missing) or item.path is None or item.path.resolve() in known:
                continue
            extra = _read(item, len_goals(parsed), read_stdin, [])
            if extra is not None and not _not_goals(extra):
                parsed.append(extra)
    report = lint_parsed(parsed, settings, reported=reported.__contains__)
    return RunResult(report, tuple(errors))


def len_goals(parsed: list[ParsedFile]) -> int:
    """Return how many goals were read so far (the next goal's run-wide index)."""
    return sum(len(p.goals) for p in parsed)


def _sources(paths: list[str]) -> list[Source]:
    return [s for s in discover(paths) if isinstance(s, Source)]


def _read(
    source: Source,
    first_index: int,
    read_stdin: Callable[[], bytes],
    errors: list[str],
) -> ParsedFile | None:
    try:
        data = read_stdin() if source.path is None else source.path.read_bytes()
    except OSError as exc:
        errors.append(f"{source.display}: {exc.strerror or exc}")
        return None
    base_dir = source.path.parent if source.path is not None else None
    return parse_bytes(data, source.display, first_index=first_index, base_dir=base_dir)


def _not_goals(parsed: ParsedFile) -> bool:
    """Tell whether a file found by walking is some other YAML (a workflow, a compose file)."""
    if parsed.goals:
        return False
    names = {RULES_BY_CODE[p.code].name for p in parsed.problems if p.code in RULES_BY_CODE}
    return NOT_A_GOAL_FILE in names
