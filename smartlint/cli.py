"""The command line: parse options, run, print, choose the exit status.

Exit status: 0 nothing at or above the failure threshold, 1 findings at or above it,
2 usage, configuration or internal error (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Annotated

import typer

from smartlint import __version__
from smartlint.context import Options
from smartlint.engine import RunSettings
from smartlint.model import Language, Report, Severity
from smartlint.reporters import FORMATS, MACHINE_FORMATS, renderer
from smartlint.reporters.base import RenderContext
from smartlint.rules import ALL_RULES, RULES_BY_CODE, RULES_BY_NAME

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class UsageProblem(Exception):
    """A usage or configuration error: one line on stderr, exit 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smartlint {__version__}")
        raise typer.Exit(EXIT_OK)


def _parse_today(value: str | None) -> date:
    if value is None:
        return date.today()  # the only place the real clock is read
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"--today {value!r} is not a date in the form YYYY-MM-DD") from None


@app.command(
    help="Lint goal files against the SMART criteria.\n\n"
    "PATH is a goal file, a directory (searched for *.yaml / *.yml goal files) or - for stdin.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
def lint(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH...", show_default=False)
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=f"Output format: {', '.join(FORMATS)}.",
            metavar="FORMAT",
        ),
    ] = "pretty",
    today: Annotated[
        str | None,
        typer.Option(help="The date to judge deadlines against (YYYY-MM-DD); default: today."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Write messages and rewrites in this language: vi or en."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule and exit.")
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help="Print a rule's documentation and exit."),
    ] = None,
    show_reading: Annotated[
        bool,
        typer.Option("--show-reading", help="Show what was understood of each goal."),
    ] = False,
    tree: Annotated[
        bool,
        typer.Option("--tree", help="Print the goal tree with each goal's S M A R T marks."),
    ] = False,
    root: Annotated[
        str | None,
        typer.Option(
            "--root",
            metavar="DIR",
            help="Load every goal under DIR to resolve parent links; report only on PATH.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> int:
    """Lint goal files against the SMART criteria."""
    if list_rules:
        typer.echo(_rule_list(), nl=False)
        return EXIT_OK
    if explain is not None:
        typer.echo(_explain(explain), nl=False)
        return EXIT_OK
    if not paths:
        raise UsageProblem("no PATH given; try 'smartlint goals.yaml' or 'smartlint --help'")
    if output_format not in FORMATS:
        raise UsageProblem(f"unknown format {output_format!r}; choose one of: {', '.join(FORMATS)}")
    language = _parse_language(lang)
    settings = RunSettings(
        today=_parse_today(today),
        options=Options(language=language),
        describe=show_reading,
    )
    from smartlint.run import run

    result = run(list(paths), settings, root=root)
    for error in result.errors:
        typer.echo(f"smartlint: error: {error}", err=True)
    _emit(result.report, output_format, show_reading=show_reading, show_tree=tree)
    if result.errors:
        return EXIT_ERROR
    return exit_status(result.report, Severity.ERROR)


def exit_status(report: Report, fail_on: Severity | None) -> int:
    """Return 1 when a finding is at or above ``fail_on`` (None never fails), else 0."""
    if fail_on is None:
        return EXIT_OK
    worst = max((f.severity.rank for f in report.findings), default=-1)
    return EXIT_FINDINGS if worst >= fail_on.rank else EXIT_OK


def _parse_language(value: str | None) -> Language | None:
    if value is None:
        return None
    try:
        return Language(value.lower())
    except ValueError:
        raise UsageProblem(f"--lang {value!r}: choose vi or en") from None


def _emit(report: Report, output_format: str, *, show_reading: bool, show_tree: bool) -> None:
    stream = sys.stdout
    is_tty = stream.isatty()
    color = output_format not in MACHINE_FORMATS and is_tty and "NO_COLOR" not in os.environ
    width = os.get_terminal_size(stream.fileno()).columns if is_tty else None
    ctx = RenderContext(
        rules=ALL_RULES, color=color, width=width, show_reading=show_reading, show_tree=show_tree
    )
    stream.write(renderer(output_format)(report, ctx))
    if show_tree and output_format not in MACHINE_FORMATS:
        from smartlint.reporters.tree import render_tree

        stream.write(render_tree(report, ctx))
    stream.flush()


def _rule_list() -> str:
    rows = [(r.code, r.name, r.severity.value, r.criterion.value, r.summary) for r in ALL_RULES]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] + "\n"
        for row in rows
    )


def _explain(code_or_name: str) -> str:
    found = RULES_BY_CODE.get(code_or_name.upper()) or RULES_BY_NAME.get(code_or_name.lower())
    if found is None:
        raise UsageProblem(f"unknown rule {code_or_name!r}; 'smartlint --list-rules' lists them")
    head = f"{found.code} {found.name} ({found.criterion.value}, {found.severity.value})"
    return f"{head}\n\n{found.summary}\n\n{found.doc}\n"


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; never let a traceback out."""
    command = typer.main.get_command(app)
    try:
        status = command.main(args=argv, prog_name="smartlint", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # typer's usage errors (bad option, bad value)
        _fail(f"{exc.format_message()} (see 'smartlint --help')")
        return EXIT_ERROR
    except UsageProblem as exc:
        _fail(str(exc))
        return EXIT_ERROR
    except typer.Abort:
        _fail("aborted")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: a message, never a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc}")
        if os.environ.get("SMARTLINT_DEBUG"):
            raise
        return EXIT_ERROR
    return int(status) if isinstance(status, int) else EXIT_OK


def _fail(message: str) -> None:
    sys.stderr.write(f"smartlint: error: {' '.join(message.split())}\n")
