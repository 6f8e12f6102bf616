"""One configured run: find files, lint each under its nearest configuration, apply suppressions.

All goal files form one goal set (parent links cross files).  Files that share a
configuration are reported from one engine pass; a run whose files all share one
configuration (the usual case) lints once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from smartlint.config import OPTION_KEYS, Config, Resolver
from smartlint.decode import decode_bytes, normalize_newlines
from smartlint.discover import STDIN, Missing, Source, discover
from smartlint.engine import RunSettings, lint_parsed
from smartlint.fixes import SourceText
from smartlint.model import FileResult, Language, ParsedFile, Report
from smartlint.parser import MAX_FILE_BYTES, parse_bytes, parse_decoded
from smartlint.parser.markdown import is_markdown_path
from smartlint.parser.sheet_limits import is_sheet
from smartlint.records import record
from smartlint.rules import ALL_RULES, RULES_BY_CODE
from smartlint.scope import covers, linked_files
from smartlint.selection import Layer, matches, select_rules
from smartlint.suppress import EMPTY, FileKind, SuppressionTable, scan

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from smartlint.parser.schema import Schema
    from smartlint.parser.sheets import ReadSheet

NOT_A_GOAL_FILE = "not-a-goal-file"  # the parser's verdict on other YAML (workflows, compose)
NO_GOALS_FOUND = "no-goals-found"  # ... and on a Markdown document without goals


_NO_OVERLAY: Mapping[Path, bytes] = MappingProxyType({})


@record(slots=False)
class RunResult:
    """The report, the paths that could not be read, and warnings (each one line for stderr)."""

    report: Report
    errors: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    paths: Mapping[str, Path | None] = field(default_factory=dict)  # display -> file or stdin


@record(slots=False)
class Overrides:
    """What the command line says, layered over every configuration file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: Language | None = None
    force_exclude: bool = False
    respect_gitignore: bool | None = None
    skip_non_goal_files: bool = False
    describe: bool = False
    chart: bool = True  # draw history charts; off when no report of the run shows them
    plot: bool = False  # keep history charts as data, for the HTML report
    jobs: int = 1  # worker processes for big runs (--jobs)


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # only runs that name patterns pay for pathspec

    return GitIgnoreSpec.from_lines(patterns)


def _relative(path: Path, config: Config, key: str) -> str:
    """Return a path as the globs of one key see it: relative to the file that set them."""
    try:
        return path.absolute().relative_to(config.base_of(key).absolute()).as_posix()
    except ValueError:
        return path.as_posix()


class ConfigPolicy:
    """The discovery policy of the configuration nearest to each path."""

    def __init__(self, resolver: Resolver, overrides: Overrides) -> None:
        """Answer discovery's questions from ``resolver``, with command-line overrides."""
        self._resolver = resolver
        self._overrides = overrides
        self.force_exclude = overrides.force_exclude

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        """Tell whether the nearest configuration's ``exclude`` covers the path."""
        config = self._resolver.for_path(path.parent)
        if not config.exclude:
            return False
        return _spec(config.exclude).match_file(
            _relative(path, config, "exclude") + ("/" if is_dir else "")
        )

    def included(self, path: Path) -> bool:
        """Tell whether the nearest configuration's ``include`` covers a walked file."""
        config = self._resolver.for_path(path.parent)
        return _spec(config.include).match_file(_relative(path, config, "include"))

    def respect_gitignore(self, root: Path) -> bool:
        """Tell whether the walk of ``root`` honours ``.gitignore``."""
        if self._overrides.respect_gitignore is not None:
            return self._overrides.respect_gitignore
        return self._resolver.for_path(root).respect_gitignore


def settings_for(config: Config, overrides: Overrides, today: date) -> RunSettings:
    """Build the engine settings of one configuration with the command line on top."""
    layers = (
        *config.inherited,  # the files it extends, furthest first
        Layer(config.select, config.extend_select, config.ignore),
        Layer(overrides.select, overrides.extend_select, overrides.ignore),
    )
    options = config.options
    if overrides.language is not None:
        options = replace(options, language=overrides.language)
    return RunSettings(
        today=today,
        options=options,
        rules=tuple(r.configured(options) for r in select_rules(layers, ALL_RULES)),
        severities=MappingProxyType(dict(config.severity)),
        describe=overrides.describe,
        chart=overrides.chart,
        plot=overrides.plot,
        jobs=overrides.jobs,
    )


def ignored_codes(config: Config, path: Path | None) -> frozenset[str]:
    """Return the codes ``per-file-ignores`` turns off for one file."""
    if path is None or not config.per_file_ignores:
        return frozenset()
    relative = _relative(path, config, "per-file-ignores")
    codes: set[str] = set()
    for glob, selectors in config.per_file_ignores:
        if _spec((glob,)).match_file(relative):
            codes |= matches(selectors, ALL_RULES)
    return frozenset(codes)


@record(slots=False)
class _Read:
    parsed: ParsedFile
    source: Source
    table: SuppressionTable
    text: SourceText | None = None  # what the fixes' edits are made on


def run_project(
    paths: list[str],
    overrides: Overrides,
    resolver: Resolver,
    today: date,
    *,
    root: str | None = None,
    read_stdin: Callable[[], bytes] = lambda: sys.stdin.buffer.read(),
    stdin_path: Path | None = None,
    overlay: Mapping[Path, bytes] = _NO_OVERLAY,
) -> RunResult:
    """Lint the given paths, each file under its nearest configuration.

    With a ``root``, goals of the project's other files that the reported goals link to
    join the goal set (:mod:`smartlint.scope`); they are not reported.  ``stdin_path`` is
    the path standard input stands for (``--stdin-filename``).  ``overlay`` gives the bytes
    of some files instead of the disk's (``--diff`` and the rounds of ``--fix`` lint fixed
    text before anything is written).
    """
    policy = ConfigPolicy(resolver, overrides)
    errors: list[str] = []
    files: list[_Read] = []
    count = 0
    for item in discover(paths, policy):
        if isinstance(item, Missing):
            errors.append(f"{item.display}: {item.reason}")
            continue
        if item.path is None and stdin_path is not None:
            item = replace(item, display=str(stdin_path))
        source = _sniffed(item, policy, overrides)
        read = _read_source(source, count, read_stdin, errors, resolver, policy, overlay)
        if read is None:
            continue
        named = item.explicit or _included_sheet(item, policy)
        if (not named or overrides.skip_non_goal_files) and not_goals(read.parsed):
            continue
        files.append(read)
        count += len(read.parsed.goals)
    reported = [r.parsed.path for r in files]
    extra: list[ParsedFile] = []
    other_ids: tuple[str, ...] = ()
    if root is not None and not covers(paths, Path(root)):
        known = {r.source.path.resolve() for r in files if r.source.path is not None}
        if stdin_path is not None:
            known.add(stdin_path.resolve())  # the editor's buffer stands for the file on disk
        candidates = [
            item
            for item in discover([root], policy)
            if isinstance(item, Source)
            and item.path is not None
            and item.path.resolve() not in known
        ]

        def parse(item: Source) -> ParsedFile | None:
            nonlocal count
            more = _read_source(item, count, read_stdin, [], resolver, policy, overlay)
            if more is None or not_goals(more.parsed):
                return None
            count += len(more.parsed.goals)
            return more.parsed

        extra, other_ids = linked_files([r.parsed for r in files], candidates, parse)
    every = [r.parsed for r in files] + extra
    groups: dict[Config, list[_Read]] = {}
    for read in files:
        groups.setdefault(resolver.for_path(_where(read.source)), []).append(read)
    by_path: dict[str, FileResult] = {}
    for config, members in groups.items():
        tables = {
            r.parsed.path: replace(r.table, ignored=ignored_codes(config, _where(r.source)))
            for r in members
        }
        report = lint_parsed(
            every,
            settings_for(config, overrides, today),
            reported=tables.__contains__,
            suppressions=tables,
            other_ids=other_ids,
            sources={r.parsed.path: r.text for r in members if r.text is not None},
        )
        by_path.update((fr.path, fr) for fr in report.files)
    results = tuple(by_path[path] for path in reported if path in by_path)
    warnings = tuple(f"no goal files under {raw}" for raw in _empty_dirs(paths, files))
    located = {r.parsed.path: r.source.path for r in files}
    return RunResult(Report(files=results, today=today), tuple(errors), warnings, located)


def _empty_dirs(paths: list[str], files: list[_Read]) -> list[str]:
    """Return the named directories in which no goal file was found (a likely wrong place)."""
    read = [r.source.path.absolute() for r in files if r.source.path is not None]
    return [
        raw
        for raw in dict.fromkeys(paths)
        if raw != STDIN
        and Path(raw).is_dir()
        and not any(path.is_relative_to(Path(raw).absolute()) for path in read)
    ]


def schema_of(config: Config) -> Schema | None:
    """Return the configuration's mapping of another team's YAML onto goals, if any."""
    if not config.schema:
        return None
    from smartlint.parser.schema import Schema  # only configurations with a schema pay for it

    fields = dict(config.schema)
    goals = fields.pop("goals")
    return Schema(goals, tuple(fields.items()))


def _read(
    source: Source,
    first_index: int,
    read_stdin: Callable[[], bytes],
    errors: list[str],
    schema: Schema | None = None,
    overlay: Mapping[Path, bytes] = _NO_OVERLAY,
) -> _Read | None:
    try:
        data = read_stdin() if source.path is None else _bytes_of(source.path, overlay)
    except OSError as exc:
        errors.append(f"{source.display}: {exc.strerror or exc}")
        return None
    if source.sniff and not _goal_document(source.display, data):
        return None
    where = _where(source)
    base_dir = where.parent if where is not None else None
    if len(data) > MAX_FILE_BYTES:  # refused before decoding; parse_bytes says why
        parsed = parse_bytes(data, source.display, first_index=first_index, base_dir=base_dir)
        return _Read(parsed, source, EMPTY)
    decoded = decode_bytes(data)  # once: for the parser and for the suppression scan
    parsed = parse_decoded(
        decoded, source.display, first_index=first_index, base_dir=base_dir, schema=schema
    )
    kind: FileKind = "markdown" if is_markdown_path(source.display) else "yaml"
    text = None
    if decoded.text is not None:
        text = SourceText(normalize_newlines(decoded.text.removeprefix("\ufeff")), kind)
    return _Read(parsed, source, _suppressions(decoded.text, kind), text)


def _bytes_of(path: Path, overlay: Mapping[Path, bytes]) -> bytes:
    """Return a file's bytes: the overlay's when it holds them, else the disk's."""
    held = overlay.get(path)
    return held if held is not None else path.read_bytes()


def _sheet_read(sheet: ReadSheet, source: Source) -> _Read:
    """Keep a read sheet with a CSV's text for the fixes' edits (a workbook is never written)."""
    # Spreadsheets have no comments: per-file-ignores is their only suppression.
    return _Read(sheet.parsed, source, EMPTY, sheet_source_text(sheet))


def sheet_source_text(sheet: ReadSheet) -> SourceText | None:
    """Return a read CSV sheet's text as fixes edit it; None for a workbook (never written)."""
    from smartlint.parser.csv_rows import sniff_delimiter

    text = sheet.text
    return None if text is None else SourceText(text, "csv", sniff_delimiter(text))


def _included_sheet(source: Source, policy: ConfigPolicy) -> bool:
    """Tell whether a walked sheet is matched by ``include``: then it is read like a named one."""
    path = source.path
    return path is not None and is_sheet(path.name) and policy.included(path)


def _read_source(
    source: Source,
    first_index: int,
    read_stdin: Callable[[], bytes],
    errors: list[str],
    resolver: Resolver,
    policy: ConfigPolicy,
    overlay: Mapping[Path, bytes] = _NO_OVERLAY,
) -> _Read | None:
    """Read a goal file or a goal sheet; None for what cannot be read or is no goal sheet."""
    path = source.path
    where = _where(source)
    config = resolver.for_path(where)
    if where is not None and path is None and is_sheet(where.name):
        return _read_stdin_sheet(source, first_index, read_stdin, errors, config)
    if path is None or not is_sheet(path.name):
        return _read(source, first_index, read_stdin, errors, schema_of(config), overlay)
    from smartlint.parser.sheets import (  # only runs that meet a sheet
        SheetOptions,
        read_csv_data,
        read_sheet_file,
    )

    options = SheetOptions(config.columns, config.sheets)
    held = overlay.get(path)
    if held is not None:  # a CSV sheet --fix has changed: lint the fixed bytes
        fixed = read_csv_data(held, source.display, first_index=first_index, options=options)
        return _sheet_read(fixed, source)
    sheet = read_sheet_file(
        path,
        source.display,
        first_index=first_index,
        options=options,
        walked=not (source.explicit or _included_sheet(source, policy)),
    )
    return None if sheet is None else _sheet_read(sheet, source)


def _where(source: Source) -> Path | None:
    """Return the path a source stands for: its own, or the one ``--stdin-filename`` gave."""
    if source.path is not None:
        return source.path
    return None if source.display == STDIN else Path(source.display)


def _read_stdin_sheet(
    source: Source,
    first_index: int,
    read_stdin: Callable[[], bytes],
    errors: list[str],
    config: Config,
) -> _Read | None:
    """Read a CSV goal sheet from standard input; a workbook cannot come that way."""
    from smartlint.parser.sheets import SheetOptions, read_csv_data

    if not source.display.lower().endswith((".csv", ".tsv")):
        errors.append(f"{source.display}: a workbook cannot be read from standard input")
        return None
    try:
        data = read_stdin()
    except OSError as exc:
        errors.append(f"{source.display}: {exc.strerror or exc}")
        return None
    options = SheetOptions(config.columns, config.sheets)
    sheet = read_csv_data(data, source.display, first_index=first_index, options=options)
    return _sheet_read(sheet, source)


def _suppressions(text: str | None, kind: FileKind) -> SuppressionTable:
    """Scan the text for suppressions; most files hold none, so look for the word first."""
    if text is None or "smartlint" not in text:
        return EMPTY
    return scan(text, kind)


def _sniffed(source: Source, policy: ConfigPolicy, overrides: Overrides) -> Source:
    """Mark a named Markdown file to be read only when it is a goal document.

    That is what ``--skip-non-goal-files`` means for Markdown (pre-commit passes every
    changed ``.md`` file); a file ``include`` names is always read.
    """
    if source.sniff or not source.explicit or source.path is None:
        return source
    if not overrides.skip_non_goal_files or not is_markdown_path(source.display):
        return source
    if policy.included(source.path):
        return source
    return replace(source, sniff=True)


def _goal_document(display: str, data: bytes) -> bool:
    """Tell whether a Markdown file's name or first bytes make it a goal document."""
    from smartlint.parser.markdown.recognise import SNIFF_CHARS, looks_like_goals

    head = decode_bytes(data[:SNIFF_CHARS]).text if data else ""
    return looks_like_goals(display, head or "")


def not_goals(parsed: ParsedFile) -> bool:
    """Tell whether a file is some other YAML (a workflow, a compose file)."""
    if parsed.goals:
        return False
    names = {RULES_BY_CODE[p.code].name for p in parsed.problems if p.code in RULES_BY_CODE}
    return bool(NOT_A_GOAL_FILE in names or NO_GOALS_FOUND in names)


def read_walked_file(
    path: Path, display: str, first_index: int, config: Config, data: bytes | None = None
) -> tuple[ParsedFile, SuppressionTable, SourceText | None] | None:
    """Read a YAML or Markdown file as a directory walk reads it (the language server's files),
    with the text its fixes' edits are made on.

    ``data`` holds its bytes when they are not the disk's (an editor's open document).
    None: it cannot be read, or it is no goal file (another YAML, a Markdown document
    without goals).
    """
    source = Source(display, path, False, sniff=is_markdown_path(path.name))
    overlay = _NO_OVERLAY if data is None else MappingProxyType({path: data})
    read = _read(source, first_index, bytes, [], schema_of(config), overlay)
    if read is None or not_goals(read.parsed):
        return None
    return read.parsed, read.table, read.text


def show_settings(
    config: Config, overrides: Overrides, today: date, goal_root: Path | None = None
) -> str:
    """Return the resolved configuration of one path as a file ``--config`` accepts back.

    Every key is printed once, with its effective value (a key that is not set prints its
    default; an unset one with no default is left out); ``root`` is the goal set's
    directory, absolute, so the text means the same wherever it is saved.  Where the
    settings came from is said in comments.
    """
    import json  # imported here: only --show-settings prints JSON values (JSON is YAML)

    settings = settings_for(config, overrides, today)
    options = settings.options
    rows: list[tuple[str, object]] = [
        ("select", [r.code for r in settings.rules]),
        ("severity", dict(config.severity)),
        ("per-file-ignores", {glob: list(codes) for glob, codes in config.per_file_ignores}),
        ("language", options.language.value if options.language else None),
        *((key, getattr(options, name)) for key, name in sorted(OPTION_KEYS.items())),
        ("include", list(config.include)),
        ("exclude", list(config.exclude)),
        ("respect-gitignore", config.respect_gitignore),
        ("fail-on", config.fail_on or "error"),
        ("format", config.output_format or "pretty"),
        ("root", str(goal_root) if goal_root is not None else None),
        ("columns", dict(config.columns)),
        ("sheets", list(config.sheets)),
        ("schema", dict(config.schema) or None),
    ]
    head = [
        f"# config: {config.path if config.path else '(none: the defaults)'}",
        *(f"# extends: {path}" for path in reversed(config.extends)),
        f"# relative globs are read from: {config.root}",
        *(f"# ... those of {key} from: {base}" for key, base in config.glob_bases),
    ]
    body = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in rows
        if value is not None
    ]
    return "".join(line + "\n" for line in head + body)
