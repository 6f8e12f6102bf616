"""Where reports go: the main format on stdout (or ``-o``), plus ``--report FORMAT:PATH`` files.

When a GitHub-format report is written and ``GITHUB_STEP_SUMMARY`` names a file, a Markdown
job summary is appended to it, as GitHub Actions expects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from smartlint.model import Report
from smartlint.reporters import FORMATS, MACHINE_FORMATS, renderer
from smartlint.reporters.base import RenderContext
from smartlint.rules.base import Rule

STDOUT = "-"


class OutputError(ValueError):
    """A report that cannot be asked for or written; the message says which."""


@dataclass(frozen=True)
class Target:
    """One report of a run: a format and where it goes (``-`` for stdout)."""

    fmt: str
    path: str = STDOUT


def check_format(name: str) -> str:
    """Return a known format name, or raise naming the choices."""
    if name not in FORMATS:
        raise OutputError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}")
    return name


def parse_report(spec: str) -> Target:
    """Read ``FORMAT:PATH`` (the path may itself hold colons)."""
    fmt, sep, path = spec.partition(":")
    if not sep or not path:
        raise OutputError(f"--report {spec!r}: write FORMAT:PATH, e.g. sarif:results.sarif")
    return Target(check_format(fmt), path)


def targets(fmt: str, output_file: str | None, reports: Sequence[str]) -> tuple[Target, ...]:
    """Return every report of the run; at most one may go to stdout."""
    found = (Target(check_format(fmt), output_file or STDOUT), *map(parse_report, reports))
    if sum(1 for t in found if t.path == STDOUT) > 1:
        raise OutputError("only one report can go to standard output")
    return found


def emit(
    report: Report,
    wanted: Sequence[Target],
    *,
    rules: tuple[Rule, ...],
    stdout: TextIO,
    environ: Mapping[str, str],
    show_reading: bool = False,
    show_tree: bool = False,
    dated: date | None = None,
) -> None:
    """Render and write every report; append the GitHub job summary when asked for."""
    for target in wanted:
        to_terminal = target.path == STDOUT and stdout.isatty()
        ctx = RenderContext(
            rules=rules,
            color=to_terminal and target.fmt not in MACHINE_FORMATS and "NO_COLOR" not in environ,
            width=os.get_terminal_size(stdout.fileno()).columns if to_terminal else None,
            cwd=Path.cwd(),
            show_reading=show_reading,
            show_tree=show_tree,
            dated=dated,
        )
        text = renderer(target.fmt)(report, ctx)
        if show_tree and target.fmt not in MACHINE_FORMATS:
            from smartlint.reporters.tree import render_tree

            text += "\n" + render_tree(report, ctx)
        _write(text, target.path, stdout)
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary and any(t.fmt == "github" for t in wanted):
        from smartlint.reporters.github import summary_markdown

        _append(summary, summary_markdown(report, RenderContext(rules=rules, cwd=Path.cwd())))


def _write(text: str, path: str, stdout: TextIO) -> None:
    if path == STDOUT:
        stdout.write(text)
        stdout.flush()
        return
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _append(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(
            f"cannot append the job summary to {path}: {exc.strerror or exc}"
        ) from None
