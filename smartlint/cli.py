"""The command line: parse options, run, print, choose the exit status.

Exit status: 0 nothing at or above the failure threshold, 1 findings at or above it,
2 usage, configuration or internal error (always one line on stderr, never a traceback).
"""

import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from smartlint import __version__
from smartlint.config import FAIL_ON, ConfigError, Resolver
from smartlint.engine import fewer_collections
from smartlint.fixes.catalog import fix_column, fix_note
from smartlint.fixes.hint import fix_hint
from smartlint.model import Language, Report, Severity
from smartlint.outputs import OutputError, View, emit, targets
from smartlint.project import Overrides, run_project, settings_for
from smartlint.project import show_settings as show_settings_text
from smartlint.reporters import CHARTED_FORMATS, FORMATS, PLOTTED_FORMATS
from smartlint.reporters.progress import Progress
from smartlint.reporters.terminal import COLOR_MODES
from smartlint.rules import ALL_RULES, RULES_BY_CODE, RULES_BY_NAME
from smartlint.rules.base import Rule
from smartlint.scope import project_root
from smartlint.selection import SelectorError, matches, split_selectors

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


_FORMAT_HELP = ", ".join(FORMATS)


@app.command(
    help="Lint goal files against the SMART criteria.\n\n"
    "PATH is a goal file, a directory (searched for *.yaml / *.yml goal files) or - for stdin.\n\n"
    "'smartlint server' starts the language server for editors (a file named server:"
    " smartlint ./server).",
    context_settings={"help_option_names": ["-h", "--help"]},
)
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            show_default=False,
            help="Goal files, directories to search, or - for standard input.",
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Output format: {_FORMAT_HELP} (default: pretty, or the configuration's).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output-file", "-o", metavar="PATH", help="Write the --format report to PATH."
        ),
    ] = None,
    reports: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="FORMAT:PATH",
            help="Also write a report in FORMAT to PATH; repeatable (sarif:results.sarif).",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Exit 1 for findings at or above LEVEL: error (default), warning, info, never.",
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODES",
            help="Run only these rules: codes, prefixes (T, A3), names or ALL; comma-separated.",
            show_default=False,
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            metavar="CODES",
            help="Run these rules as well.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="CODES", help="Do not run these rules.", show_default=False
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help="Use this configuration file (.smartlint.yaml or pyproject.toml) for every file.",
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Print the resolved configuration for the first PATH, as YAML that --config"
            " reads back, and exit.",
        ),
    ] = False,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude", help="Apply exclude patterns to files named on the command line."
        ),
    ] = False,
    no_gitignore: Annotated[
        bool,
        typer.Option("--no-respect-gitignore", help="Read files that .gitignore ignores."),
    ] = False,
    skip_non_goal_files: Annotated[
        bool,
        typer.Option(
            "--skip-non-goal-files",
            help="Skip named YAML files that are not goal files, as directory walks do.",
        ),
    ] = False,
    print_schema: Annotated[
        bool,
        typer.Option("--print-schema", help="Print the JSON Schema of goal files and exit."),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The date to judge deadlines against; default: today.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="vi|en",
            help="Write messages and rewrites in this language instead of each goal's own.",
        ),
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
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print only the summary; the exit status tells the rest."
        ),
    ] = False,
    show_info: Annotated[
        bool,
        typer.Option(
            "--show-info", "-v", help="List every info finding instead of one line per goal."
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Print how many findings each rule gave instead of the report."
        ),
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour the terminal report: auto (when stdout is a terminal; NO_COLOR and "
            "FORCE_COLOR are honoured), always or never.",
        ),
    ] = "auto",
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Apply the safe fixes to the files (stdin: print the fixed text)."
        ),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="With --fix or --diff, apply the unsafe fixes too; alone, count them as available.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Print the fixes as a unified diff and write nothing (exit 1 if any)."
        ),
    ] = False,
    root: Annotated[
        str | None,
        typer.Option(
            "--root",
            metavar="DIR",
            help="Resolve parent links against the goals under DIR; report only on PATH"
            " (default: the project, the directory of the nearest configuration file, else"
            " the git work tree).",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="PATH",
            help="The path standard input (-) stands for: shown in output, and used for its"
            " configuration, format (.md, .csv, .yaml) and project. Implies - when no PATH.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help=(
                "Check a big run's goals in N worker processes; default: one per CPU;"
                " 1: none (less memory in all, and less CPU on a busy machine)."
            ),
            show_default=False,
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
    if print_schema:
        typer.echo(goal_file_schema(), nl=False)
        return EXIT_OK
    overrides = Overrides(
        select=split_selectors(select) if select else None,
        extend_select=split_selectors(extend_select or ()),
        ignore=split_selectors(ignore or ()),
        language=_parse_language(lang),
        force_exclude=force_exclude,
        respect_gitignore=False if no_gitignore else None,
        skip_non_goal_files=skip_non_goal_files,
        describe=show_reading,
        jobs=_parse_jobs(jobs),
    )
    _check_selectors(overrides)
    if config is not None and not Path(config).is_file():
        raise UsageProblem(f"--config {config}: no such file")
    stdin_path = _stdin_path(stdin_filename, paths)
    if stdin_path is not None and not paths:
        paths = ["-"]
    resolver = Resolver(config_file=Path(config) if config else None, isolated=isolated)
    first_path = _first_path(paths, stdin_path)
    first = resolver.for_path(first_path)
    when = _parse_today(today)
    if root is None and first.goal_root is not None:  # the configuration's `root`
        root = str(first.root / first.goal_root)
    if root is None:  # the project's: nearest configuration's directory, else the git work tree
        found = project_root(
            first_path,
            first.path if config is None and not isolated else None,
            first.extends,
        )
        root = str(found) if found is not None else None
    if show_settings:
        shown_root = Path(root).absolute() if root is not None else None
        typer.echo(show_settings_text(first, overrides, when, shown_root), nl=False)
        return EXIT_OK
    if not paths:
        raise UsageProblem("no PATH given; try 'smartlint goals.yaml' or 'smartlint --help'")
    wanted = targets(output_format or first.output_format or "pretty", output_file, reports or ())
    plotted = any(t.fmt in PLOTTED_FORMATS for t in wanted)
    overrides = replace(
        overrides,
        chart=any(t.fmt in CHARTED_FORMATS for t in wanted),
        plot=plotted,
        describe=overrides.describe or plotted,  # the HTML report shows what was read
    )
    threshold = _parse_fail_on(fail_on or first.fail_on or "error")
    if color not in COLOR_MODES:
        raise UsageProblem(f"--color {color!r}: choose one of {', '.join(COLOR_MODES)}")
    view = View(color, show_info, quiet, statistics, overrides.language)
    stdin = sys.stdin.buffer.read() if (fix or diff) and "-" in paths else None
    with Progress(sys.stderr) as progress:
        with fewer_collections():  # parsing builds as many small values as linting
            result = (
                run_project(
                    list(paths), overrides, resolver, when, root=root, stdin_path=stdin_path
                )
                if stdin is None
                else run_project(
                    list(paths),
                    overrides,
                    resolver,
                    when,
                    root=root,
                    stdin_path=stdin_path,
                    read_stdin=lambda: stdin,
                )
            )
        if fix or diff:
            from smartlint.fixrun import FixRequest, fix_command  # only runs that fix pay for it

            progress.stage("fixing")
            request = FixRequest(
                list(paths), overrides, resolver, when, root, stdin, unsafe_fixes, stdin_path
            )
            return fix_command(
                request,
                result,
                diff=diff,
                emit_report=lambda report, out: emit(
                    report,
                    wanted,
                    rules=_reported_rules(settings_for(first, overrides, when).rules, report),
                    stdout=out,
                    environ=os.environ,
                    show_reading=show_reading,
                    show_tree=tree,
                    dated=when if today is not None else None,
                    view=view,
                ),
                status=lambda report: EXIT_OK if exit_zero else exit_status(report, threshold),
            )
        progress.stage("writing the report")
        for error in result.errors:
            typer.echo(f"smartlint: error: {error}", err=True)
        for warning in result.warnings:
            typer.echo(f"smartlint: warning: {warning}", err=True)
        if result.errors and not result.report.files:
            return EXIT_ERROR  # nothing was read: no empty report on stdout, only the error
        emit(
            result.report,
            wanted,
            rules=_reported_rules(settings_for(first, overrides, when).rules, result.report),
            stdout=sys.stdout,
            environ=os.environ,
            show_reading=show_reading,
            show_tree=tree,
            dated=when if today is not None else None,
            view=view,
        )
    if (output_format or first.output_format or "pretty") in ("pretty", "concise") and not quiet:
        hint = fix_hint(result.report, unsafe=unsafe_fixes)
        if hint is not None:
            typer.echo(f"smartlint: {hint}", err=True)
    if result.errors:
        return EXIT_ERROR
    return EXIT_OK if exit_zero else exit_status(result.report, threshold)


def exit_status(report: Report, fail_on: Severity | None) -> int:
    """Return 1 when a finding is at or above ``fail_on`` (None never fails), else 0."""
    if fail_on is None:
        return EXIT_OK
    worst = max((f.severity.rank for f in report.findings), default=-1)
    return EXIT_FINDINGS if worst >= fail_on.rank else EXIT_OK


def _reported_rules(enabled: tuple[Rule, ...], report: Report) -> tuple[Rule, ...]:
    """Return the first path's enabled rules plus any rule another configuration reported.

    An enabled rule is kept as configured (its fix worded for the run's options).
    """
    configured = {r.code: r for r in enabled}
    codes = configured.keys() | {f.code for f in report.findings}
    return tuple(configured.get(r.code, r) for r in ALL_RULES if r.code in codes)


def _first_path(paths: list[str] | None, stdin_path: Path | None) -> Path | None:
    if not paths or paths[0] == "-":
        return stdin_path
    return Path(paths[0])


def _stdin_path(value: str | None, paths: list[str] | None) -> Path | None:
    """Check ``--stdin-filename``: a file path, given with - (or with no PATH at all)."""
    if value is None:
        return None
    if not value.strip() or value.endswith(("/", "\\")) or Path(value).is_dir():
        raise UsageProblem(f"--stdin-filename {value!r}: give the path of a file")
    if paths and "-" not in paths:
        raise UsageProblem("--stdin-filename names standard input: add - to the paths")
    return Path(value)


def _parse_fail_on(value: str) -> Severity | None:
    if value.lower() not in FAIL_ON:
        raise UsageProblem(f"--fail-on {value!r}: choose one of {', '.join(FAIL_ON)}")
    return None if value.lower() == "never" else Severity(value.lower())


def _check_selectors(overrides: Overrides) -> None:
    for option, values in (
        ("--select", overrides.select or ()),
        ("--extend-select", overrides.extend_select),
        ("--ignore", overrides.ignore),
    ):
        try:
            matches(values, ALL_RULES)
        except SelectorError as exc:
            raise UsageProblem(f"{option}: {exc}") from None


def _parse_jobs(value: int | None) -> int:
    if value is None:
        return os.cpu_count() or 1
    if value < 1:
        raise UsageProblem(f"--jobs {value}: give 1 or more worker processes")
    return value


def _parse_language(value: str | None) -> Language | None:
    if value is None:
        return None
    try:
        return Language(value.lower())
    except ValueError:
        raise UsageProblem(f"--lang {value!r}: choose vi or en") from None


def goal_file_schema() -> str:
    """Return the JSON Schema of goal files shipped with the package."""
    from importlib import resources  # only --print-schema reads the packaged schema

    return (resources.files("smartlint") / "data" / "goal-file.schema.json").read_text(
        encoding="utf-8"
    )


def _rule_list() -> str:
    rows = [
        (r.code, r.name, r.severity.value, r.criterion.value, fix_column(r.code), r.summary)
        for r in ALL_RULES
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] + "\n"
        for row in rows
    )


def _explain(code_or_name: str) -> str:
    found = RULES_BY_CODE.get(code_or_name.upper()) or RULES_BY_NAME.get(code_or_name.lower())
    if found is None:
        raise UsageProblem(f"unknown rule {code_or_name!r}; 'smartlint --list-rules' lists them")
    head = f"{found.code} {found.name} ({found.criterion.value}, {found.severity.value})"
    return f"{head}\n\n{found.summary}\n\n{found.doc}\n\n## Fix\n{fix_note(found.code)}\n"


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; never let a traceback out.

    ``smartlint server`` starts the language server; a goal file named ``server`` is
    linted as ``smartlint ./server``.
    """
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["server"]:
        from smartlint.server import main as serve  # the server's modules: only for editors

        return serve(args[1:])
    command = typer.main.get_command(app)
    try:
        status = command.main(args=argv, prog_name="smartlint", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # typer's usage errors (bad option, bad value)
        _fail(f"{exc.format_message()} (see 'smartlint --help')")
        return EXIT_ERROR
    except (UsageProblem, ConfigError, OutputError) as exc:
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
