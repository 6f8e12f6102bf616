"""Where reports go: the main format on stdout (or ``-o``), plus ``--report FORMAT:PATH`` files.

When a GitHub-format report is written and ``GITHUB_STEP_SUMMARY`` names a file, a Markdown
job summary is appended to it, as GitHub Actions expects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from smartlint.model import Language, Report
from smartlint.records import record
from smartlint.reporters import FORMATS, MACHINE_FORMATS, renderer
from smartlint.reporters.base import RenderContext
from smartlint.reporters.terminal import use_color
from smartlint.rules.base import Rule

STDOUT = "-"


class OutputError(ValueError):
    """A report that cannot be asked for or written; the message says which."""


@record(slots=False)
class View:
    """How the terminal report is shown: colour mode, infos, quiet, statistics, language."""

    color: str = "auto"  # auto, always or never
    show_info: bool = False
    quiet: bool = False
    statistics: bool = False
    language: Language | None = None


@record(slots=False)
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
    view: View | None = None,
) -> None:
    """Render and write every report; append the GitHub job summary when asked for.

    ``view`` holds the terminal report's choices (colour, infos, quiet, statistics); the
    statistics replace the first report, wherever it goes, as ruff's ``--statistics`` does.
    """
    view = view or View()
    for number, target in enumerate(wanted):
        to_stdout = target.path == STDOUT
        to_terminal = to_stdout and stdout.isatty()
        ctx = RenderContext(
            rules=rules,
            color=target.fmt not in MACHINE_FORMATS
            and use_color(view.color, is_terminal=to_terminal, environ=environ),
            width=_width(stdout, environ) if to_stdout else None,
            cwd=Path.cwd(),
            show_reading=show_reading,
            show_tree=show_tree,
            dated=dated,
            show_info=view.show_info,
            quiet=view.quiet,
            language=view.language,
        )
        if view.statistics and number == 0:
            from smartlint.reporters.statistics import render_statistics

            text = render_statistics(report, as_json=target.fmt == "json")
        elif view.quiet and target.fmt == "concise":
            text = renderer("pretty")(report, ctx)  # the summary alone
        else:
            text = renderer(target.fmt)(report, ctx)
        _write(text, target.path, stdout)
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary and any(t.fmt == "github" for t in wanted):
        from smartlint.reporters.github import summary_markdown

        _append(summary, summary_markdown(report, RenderContext(rules=rules, cwd=Path.cwd())))


def _width(stdout: TextIO, environ: Mapping[str, str]) -> int | None:
    """Return the terminal's width, else COLUMNS when it is a number, else None (the default)."""
    if stdout.isatty():
        try:
            return os.get_terminal_size(stdout.fileno()).columns
        except (OSError, ValueError):
            pass
    columns = environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


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
