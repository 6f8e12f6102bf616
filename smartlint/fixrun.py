"""``--fix``, ``--unsafe-fixes`` and ``--diff``: apply the findings' fixes to the files.

The fixes are applied in rounds (at most :data:`MAX_ROUNDS`): a fix that overlaps one
already taken waits for the next round, in which the fixed text is linted again in memory.
Nothing is written before the last round, and then only a file that:

- had no problem that stops it being read as written (no fix is offered there at all);
- decodes and encodes back to exactly its bytes (BOM and encoding kept);
- parses again to the same goals (same count and ids, no new file problem).

The write is atomic: a temporary file in the same directory, given the file's permissions,
then :func:`os.replace`.  Workbooks (``.xlsx``) are never written.  Standard input is never
written either: with ``--fix`` the fixed text goes to standard output.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import TextIO

from smartlint.config import Resolver
from smartlint.decode import decode_bytes
from smartlint.fixes.apply import apply_fixes, wanted
from smartlint.fixes.catalog import fix_kind
from smartlint.model import FileResult, Finding, Report
from smartlint.parser import parse_text
from smartlint.parser.sheet_limits import is_sheet
from smartlint.project import Overrides, RunResult, run_project
from smartlint.records import record

MAX_ROUNDS = 10

# Lint again with some files' bytes (and stdin's) given: the report and display -> path.
Relint = Callable[[Mapping[Path, bytes], bytes | None], tuple[Report, Mapping[str, Path | None]]]


@record(frozen=False, slots=False)
class FixOutcome:
    """What fixing did: the new bytes per file, how many findings were fixed, and notes.

    ``report`` is the lint of the text the last round left (the first lint when nothing
    changed): what the files say once the new bytes are written.
    """

    report: Report
    new_bytes: dict[Path | None, bytes] = field(default_factory=dict)
    old_bytes: dict[Path | None, bytes] = field(default_factory=dict)
    displays: dict[Path | None, str] = field(default_factory=dict)
    fixed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[Path | None]:
        """Return the files whose text the fixes change, in the run's order."""
        return [p for p, new in self.new_bytes.items() if new != self.old_bytes[p]]


@record
class _Encoded:
    """How a file's bytes turn into the text the spans count in, and back."""

    prefix: bytes  # the BOM as written, if any
    encoding: str
    text: str  # as decoded, with its own line ends


def _encoding_of(data: bytes) -> _Encoded | None:
    """Return how to write the file back byte for byte, or None when that is not possible."""
    decoded = decode_bytes(data)
    if decoded.text is None or (decoded.issue is not None and decoded.issue.kind != "legacy"):
        return None
    text = decoded.text
    try:
        body = text.encode(decoded.encoding)
    except (UnicodeEncodeError, LookupError):
        return None
    prefix = data[: len(data) - len(body)]
    if not data.endswith(body) or prefix not in (b"", *_bom_bytes()):
        return None
    inner_bom = text.startswith("\ufeff")
    return _Encoded(
        prefix + ("\ufeff".encode(decoded.encoding) if inner_bom else b""),
        decoded.encoding,
        text[1:] if inner_bom else text,
    )


def _bom_bytes() -> tuple[bytes, ...]:
    import codecs

    return (
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE,
    )


def fix_run(
    report: Report,
    paths: Mapping[str, Path | None],
    stdin_bytes: bytes | None,
    relint: Relint,
    *,
    unsafe: bool,
) -> FixOutcome:
    """Apply the wanted fixes of a run in rounds; return the new bytes of every file."""
    outcome = FixOutcome(report)
    overlay: dict[Path, bytes] = {}
    for result in report.files:
        path = paths.get(result.path)
        workbook = path is not None and is_sheet(path.name) and not _csv(path)
        if workbook and any(fix_kind(f.code) is not None for f in result.findings):
            outcome.notes.append(
                f"{result.path}: workbooks are never written; mend it in the spreadsheet"
            )
    for _ in range(MAX_ROUNDS):
        progress = False
        for result in report.files:
            path = paths.get(result.path)
            if not any(wanted(f, unsafe=unsafe) for f in result.findings):
                continue
            if path is not None and is_sheet(path.name) and path.suffix.lower() != ".csv":
                continue
            data = _current(path, overlay, outcome, result.path, stdin_bytes)
            if data is None:
                continue
            new, fixed = _fix_file(data, result, unsafe=unsafe, notes=outcome.notes)
            if new is None or new == data:
                continue
            outcome.new_bytes[path] = new
            outcome.fixed += len(fixed)
            progress = True
            if path is not None:
                overlay[path] = new
        if not progress:
            break
        report, paths = relint(dict(overlay), outcome.new_bytes.get(None, stdin_bytes))
        outcome.report = report
    return outcome


def _csv(path: Path | None) -> bool:
    return path is not None and path.suffix.lower() == ".csv"


def _current(
    path: Path | None,
    overlay: Mapping[Path, bytes],
    outcome: FixOutcome,
    display: str,
    stdin_bytes: bytes | None,
) -> bytes | None:
    if path in outcome.new_bytes:
        return outcome.new_bytes[path]
    if path is None:
        data = stdin_bytes
    else:
        try:
            data = path.read_bytes()
        except OSError as error:
            outcome.notes.append(f"{display}: not fixed: {error.strerror or error}")
            return None
    if data is None:
        return None
    outcome.old_bytes[path] = data
    outcome.new_bytes[path] = data
    outcome.displays[path] = display
    return data


def _fix_file(
    data: bytes, result: FileResult, *, unsafe: bool, notes: list[str]
) -> tuple[bytes | None, tuple[Finding, ...]]:
    encoded = _encoding_of(data)
    if encoded is None:
        notes.append(f"{result.path}: not fixed: the file would not be written back byte for byte")
        return None, ()
    applied = apply_fixes(encoded.text, result.findings, unsafe=unsafe)
    if not applied.fixed or applied.text == encoded.text:
        return None, ()
    if not _same_goals(encoded.text, applied.text, result.path):
        notes.append(f"{result.path}: not fixed: the fixed text would not read as the same goals")
        return None, ()
    try:
        body = applied.text.encode(encoded.encoding)
    except UnicodeEncodeError:
        notes.append(f"{result.path}: not fixed: the fix does not fit the file's encoding")
        return None, ()
    return encoded.prefix + body, applied.fixed


def _same_goals(old: str, new: str, display: str) -> bool:
    """Tell whether the fixed text parses to the same goals with no new file problem."""
    if display.lower().endswith(".csv"):
        from smartlint.parser.csv_rows import CsvTrouble, csv_rows

        try:
            before = [len(r.cells) for r in csv_rows(old.replace("\r\n", "\n"))]
            after = [len(r.cells) for r in csv_rows(new.replace("\r\n", "\n"))]
        except CsvTrouble:
            return False
        return before == after
    name = display if display != "-" else "stdin.yaml"
    a, b = parse_text(old, name), parse_text(new, name)
    return (
        [g.goal_id for g in a.goals] == [g.goal_id for g in b.goals]
        and sorted(p.code for p in a.problems) == sorted(p.code for p in b.problems)
        and [_fields(g) for g in a.goals] == [_fields(g) for g in b.goals]
    )


def _fields(goal: object) -> tuple[str, ...]:
    names = ("title", "metric", "target", "baseline", "deadline", "start", "history", "parent")
    return tuple(n for n in names if getattr(goal, n, None) is not None)


def unified_diff(outcome: FixOutcome) -> str:
    """Return the unified diff of every changed file, as ``--diff`` prints it."""
    chunks: list[str] = []
    for path in outcome.changed:
        display = outcome.displays[path]
        old = _as_text(outcome.old_bytes[path])
        new = _as_text(outcome.new_bytes[path])
        chunks.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=display,
                tofile=display,
            )
        )
        if chunks and not chunks[-1].endswith("\n"):
            chunks[-1] += "\n\\ No newline at end of file\n"
    return "".join(chunks)


def _as_text(data: bytes) -> str:
    return decode_bytes(data).text or ""


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's bytes in one step, keeping its permissions; a symlink's target is written."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".smartlint-fix", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def plural(count: int, word: str) -> str:
    """Return ``1 finding`` / ``2 findings``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def notes_of(outcome: FixOutcome) -> list[str]:
    """Return the outcome's notes once each, in order."""
    return list(dict.fromkeys(outcome.notes))


@record(slots=False)
class FixRequest:
    """What the command line asked to lint, to lint it again between rounds."""

    paths: list[str]
    overrides: Overrides
    resolver: Resolver
    today: date
    root: str | None
    stdin: bytes | None
    unsafe: bool
    stdin_path: Path | None = None  # what --stdin-filename names

    def relint(
        self, overlay: Mapping[Path, bytes], stdin: bytes | None
    ) -> tuple[Report, Mapping[str, Path | None]]:
        """Lint the same paths again with some files' bytes replaced."""
        held = stdin if stdin is not None else self.stdin
        result = run_project(
            self.paths,
            self.overrides,
            self.resolver,
            self.today,
            root=self.root,
            read_stdin=lambda: held or b"",
            overlay=overlay,
            stdin_path=self.stdin_path,
        )
        return result.report, result.paths


def fix_command(
    request: FixRequest,
    result: RunResult,
    *,
    diff: bool,
    emit_report: Callable[[Report, TextIO], None],
    status: Callable[[Report], int],
) -> int:
    """Run ``--fix`` or ``--diff`` after the first lint; return the exit status."""
    for error in result.errors:
        sys.stderr.write(f"smartlint: error: {error}\n")
    outcome = fix_run(
        result.report, result.paths, request.stdin, request.relint, unsafe=request.unsafe
    )
    for note in notes_of(outcome):
        sys.stderr.write(f"smartlint: note: {note}\n")
    changed = outcome.changed
    if diff:
        sys.stdout.write(unified_diff(outcome))
        sys.stdout.flush()
        word = "Would fix" if changed else "No fixes to apply;"
        count = plural(outcome.fixed, "finding") if changed else "nothing would change"
        sys.stderr.write(f"smartlint: {word} {count}.\n")
        if result.errors:
            return 2
        return 1 if changed else 0
    written = 0
    for path in changed:
        if path is None:
            continue
        try:
            write_atomically(path, outcome.new_bytes[path])
        except OSError as error:
            shown = outcome.displays[path]
            sys.stderr.write(f"smartlint: error: {shown}: not written: {error.strerror or error}\n")
            return 2
        written += 1
    stdin_new = outcome.new_bytes.get(None, request.stdin)
    if request.stdin is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin_new or b"")
        sys.stdout.flush()
    final = outcome.report  # the last round linted exactly the bytes just written
    emit_report(final, sys.stderr if request.stdin is not None else sys.stdout)
    remaining = len(final.findings)
    files = plural(len(changed), "file")
    sys.stderr.write(
        f"smartlint: fixed {plural(outcome.fixed, 'finding')} in {files}; {remaining} remaining.\n"
    )
    if result.errors:
        return 2
    return status(final)
