"""Hostile input through the real command line: never a traceback, never a hang, never a write.

Every case runs ``python -m smartlint`` on the hostile file *and* a good file in the same run,
and checks: the exit status; stderr holds only one-line ``smartlint:`` messages and no
traceback; the hostile file gets a finding with a position (or a one-line error); the good
file is still linted; time and peak memory stay bounded; the hostile file's bytes and
mtime are unchanged afterwards.  The parser's own tests cover the same cases one level down
(tests/test_hostile_parser.py).
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"
TIME_LIMIT = 60.0  # seconds; a hang shows up as a failure, not a stuck CI job
MEMORY_LIMIT_MB = 600  # peak RSS of one run; an expanded alias bomb would need gigabytes

GOOD = (
    "goals:\n"
    "  - id: revenue-2027\n"
    "    title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n"
    "    why: Nguồn vốn cho mở rộng chi nhánh\n"
)


@dataclass(frozen=True)
class Run:
    """What one run of the command line did."""

    status: int
    stdout: str
    stderr: str
    cpu_seconds: float  # the child's user + system time: a busy machine hardly changes it
    peak_mb: float

    def report(self) -> dict[str, Any]:
        """Return the JSON document the run printed."""
        document: dict[str, Any] = json.loads(self.stdout)
        return document


# Forks smartlint from a small process and writes its peak RSS (KiB) and CPU seconds
# (user, system) to argv[1].  A child
# started straight from pytest would not do: Linux carries the high-water RSS of the process
# that spawns it (vfork, then exec) into the child's, so a test worker that once grew past a
# limit would make every later run look that large.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "smartlint", *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run_cli(*args: str, cwd: Path) -> Run:
    """Run ``python -m smartlint`` with a deadline, measuring its own CPU time and peak RSS.

    The deadline is wall time, far above any run's (well under a second), only so a hang
    fails the test instead of stalling CI; the bounds tests assert are on CPU time.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SMARTLINT_DEBUG", None)
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        peak = Path(scratch) / "peak"
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(peak), *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            start_new_session=True,  # one process group: a hang kills smartlint too
        )
        while True:  # poll the launcher against the deadline
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > TIME_LIMIT:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                pytest.fail(f"smartlint {' '.join(args)} did not finish in {TIME_LIMIT} s")
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss_text, utime, stime = peak.read_text(encoding="utf-8").split()
        rss, cpu = int(rss_text), float(utime) + float(stime)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8"),
            err.read().decode("utf-8", "replace"),
            cpu,
            rss / 1024,
        )


def assert_clean_stderr(run: Run) -> None:
    """Check stderr holds only one-line ``smartlint:`` messages, never a traceback."""
    assert "Traceback" not in run.stderr, run.stderr
    for line in run.stderr.splitlines():
        assert line.startswith("smartlint: "), run.stderr
    assert run.peak_mb < MEMORY_LIMIT_MB, f"peak RSS {run.peak_mb:.0f} MB"


def fingerprint(path: Path) -> tuple[bytes, int]:
    """Return a file's bytes and mtime, to prove smartlint never wrote to it."""
    return path.read_bytes(), path.stat().st_mtime_ns


def lint_with_good(tmp_path: Path, name: str, data: bytes) -> tuple[Run, Path]:
    """Lint a hostile file and a good one in the same run, as JSON."""
    hostile = tmp_path / name
    hostile.write_bytes(data)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    before = fingerprint(hostile)
    run = run_cli("--today", TODAY, "-f", "json", name, "good.yaml", cwd=tmp_path)
    assert fingerprint(hostile) == before, "smartlint changed the input file"
    assert_clean_stderr(run)
    return run, hostile


def assert_good_still_linted(report: dict[str, Any]) -> None:
    """Check the good file of the run was linted: its goal is in the report."""
    ids = [g["id"] for g in report["goals"] if g["path"] == "good.yaml"]
    assert ids == ["revenue-2027"], report["goals"]


def findings_of(report: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """Return the findings of one file."""
    return [f for f in report["findings"] if f["path"] == path]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 writes it: base letters with combining tone marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            out += (unicodedata.normalize("NFC", parts[:-1]) + parts[-1]).encode("cp1258")
    return bytes(out)


# (case, file bytes, codes any one of which must be reported, expected (line, column) or None)
FINDING_CASES: list[tuple[str, bytes, set[str], tuple[int | None, int | None] | None]] = [
    ("tab indentation", b"goals:\n\t- a\n", {"F001"}, (2, 1)),
    ("unclosed quote", _utf8("goals:\n  - title: 'Tăng doanh thu\n"), {"F001"}, None),
    ("unclosed bracket", b"goals: [a, b\n", {"F001"}, None),
    ("unclosed brace", b"goals:\n  - {title: a\n", {"F001"}, None),
    (
        "legacy cp1258",
        cp1258("goals:\n  - Tăng doanh thu lên 10% trong quý 3 năm 2027\n"),
        {"F008"},
        (2, None),
    ),
    (
        "binary (PNG header)",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        {"F010"},
        (1, 1),
    ),
    (
        "random binary",
        bytes((i * 37 + 11) % 256 for i in range(4096)),
        {"F010", "F009", "F001"},
        (1, 1),
    ),
    ("empty file", b"", {"F005"}, (1, 1)),
    ("comment-only file", b"# nothing yet\n# still nothing\n", {"F005"}, (1, 1)),
    ("top-level string", b"hello\n", {"F006"}, (1, 1)),
    ("top-level number", b"42\n", {"F006"}, (1, 1)),
    ("goals is a number", b"goals: 42\n", {"F006", "F004"}, None),
    ("title as a list", b"- title: [a, b]\n", {"F004"}, (1, 10)),
    ("history as a number", b"- history: 42\n", {"F004"}, (1, 12)),
    ("NaN baseline", b"- baseline: .nan\n", {"F016"}, (1, 13)),
    ("inf in history", b"- history: {period: month, values: [1, .inf]}\n", {"F016"}, None),
    ("huge baseline", b"- baseline: 1e400\n", {"F016"}, (1, 13)),
    ("negative baseline", b"- baseline: -5\n", {"F019"}, (1, 13)),
    ("impossible history date", b"- history: {2027-02-30: 1}\n", {"F017"}, (1, 13)),
    (
        "impossible deadline",
        b"- title: Reach 5,000 users\n  deadline: 2027-02-30\n",
        {"F017", "T502"},
        (2, 13),
    ),
    ("python tag", b"goals:\n  - title: !!python/object/apply:os.system [ls]\n", {"F011"}, (2, 12)),
    ("python tag at top", b"!!python/object/apply:os.system [ls]\n", {"F011"}, (1, 1)),
    ("duplicate key", b"goals:\n  - title: a\n    title: b\n", {"F002"}, (3, 5)),
    (
        "duplicate id",
        b"goals:\n  - id: a\n    title: Reach 5,000 users by 31 July 2027\n    why: x\n"
        b"  - id: a\n    title: Reach 6,000 users by 31 July 2027\n    why: y\n",
        {"R404"},
        None,
    ),
    ("recursive alias", b"&a [*a]\n", {"F014"}, (1, 5)),
    ("recursive goal list", b"goals: &a\n  - *a\n", {"F014"}, (2, 5)),
    ("deep flow nesting", b"[" * 20_000 + b"]" * 20_000, {"F013"}, None),
    ("deep block nesting", b"- " * 20_000 + b"x\n", {"F013"}, None),
]


@pytest.mark.parametrize(
    ("file", "codes", "where"),
    [
        (f"hostile-{i:02d}.yaml", codes, where)
        for i, (_, _, codes, where) in enumerate(FINDING_CASES)
    ],
    ids=[c[0] for c in FINDING_CASES],
)
def test_hostile_file_gets_a_positioned_finding(
    shared: SharedRun,
    file: str,
    codes: set[str],
    where: tuple[int | None, int | None] | None,
) -> None:
    """A hostile file gets a finding with a position; the good file beside it is linted."""
    report = case_in_shared_run(shared, file)
    found = [f for f in findings_of(report, file) if f["code"] in codes]
    assert found, findings_of(report, file)
    for f in found:
        assert f["line"] >= 1 and f["column"] >= 1
        assert "\n" not in f["message"]
    if where is not None:
        line, column = where
        positions = {(f["line"], f["column"]) for f in found}
        assert any(
            (line is None or p[0] == line) and (column is None or p[1] == column) for p in positions
        ), positions


def test_legacy_encoding_names_the_encoding_tried(tmp_path: Path) -> None:
    """A cp1258 file says it is not UTF-8 and which encoding it was read as."""
    data = cp1258("goals:\n  - Tăng doanh thu lên 10% trong quý 3 năm 2027\n")
    run, _ = lint_with_good(tmp_path, "legacy.yaml", data)
    messages = [f["message"] for f in findings_of(run.report(), "legacy.yaml")]
    assert any("UTF-8" in m and "1258" in m for m in messages), messages
    goals = [g for g in run.report()["goals"] if g["path"] == "legacy.yaml"]
    assert len(goals) == 1  # the text was still read, as Windows-1258


# (case, bytes) of files that are fine once decoded: the goal is linted with the right position
DECODE_CASES = [
    ("utf-8 with BOM", codecs.BOM_UTF8 + _utf8(GOOD.replace("revenue", "bom"))),
    ("CRLF line ends", _utf8(GOOD.replace("revenue", "crlf").replace("\n", "\r\n"))),
    (
        "BOM and CRLF",
        codecs.BOM_UTF8 + _utf8(GOOD.replace("revenue", "both").replace("\n", "\r\n")),
    ),
    (
        "utf-16 LE with BOM",
        codecs.BOM_UTF16_LE + GOOD.replace("revenue", "u16le").encode("utf-16-le"),
    ),
    (
        "utf-16 BE with BOM",
        codecs.BOM_UTF16_BE + GOOD.replace("revenue", "u16be").encode("utf-16-be"),
    ),
    ("utf-16 LE without BOM", GOOD.replace("revenue", "u16").encode("utf-16-le")),
]  # each its own id: they share one run (below), where a repeated id would be a finding


@pytest.mark.parametrize(
    "file",
    [f"encoded-{i}.yaml" for i in range(len(DECODE_CASES))],
    ids=[c[0] for c in DECODE_CASES],
)
def test_encodings_and_line_ends_are_read(shared: SharedRun, file: str) -> None:
    """BOMs, CRLF and UTF-16 are read as text; positions count characters, not bytes."""
    report = case_in_shared_run(shared, file)
    goals = [g for g in report["goals"] if g["path"] == file]
    assert [(g["line"], g["column"]) for g in goals] == [(2, 5)], goals
    assert not {f["code"] for f in findings_of(report, file)} & {"F001", "F009", "F010"}


# Goal files whose values are legal but extreme: they must be judged, not crash a rule.
EXTREME_VALUES = {
    "zero baseline and history": (
        "- title: Tăng số người đăng ký lên 10% vào cuối tháng 7 năm 2027\n"
        "  baseline: 0\n  target: '+10%'\n"
        "  history: {period: month, values: [0, 0, 0]}\n"
    ),
    "zero target": "- title: Reduce churn to 0% by 31 July 2027\n  baseline: 5\n  target: 0\n",
    "huge values": (
        "- title: Grow revenue from 1e300 to 1e308 by 31 July 2027\n"
        "  baseline: 1e300\n  target: 1e308\n"
        "  history: {period: month, values: [1e200, 1e250, 1e300]}\n"
    ),
    "tiny values": (
        "- title: Grow signups by 10% by 31 July 2027\n  baseline: 1e-300\n"
        "  history: {period: month, values: [1e-310, 1e-305, 1e-300]}\n"
    ),
    "far-future deadline": "- title: Reach 5,000 users by 31 December 9999\n  deadline: 9999-12-31\n",
    "far-future year in words": "- Tăng doanh thu lên 10% vào cuối năm 99999999\n",
    "year 0 deadline": "- title: Reach 5,000 users\n  deadline: 0000-01-01\n",
    "deadline before start by ages": (
        "- title: Reach 5,000 users\n  start: 9999-01-01\n  deadline: 0001-01-01\n"
    ),
    "history spanning millennia": (
        "- title: Reach 5,000 users by 31 July 2027\n  history: {0001-01: 1, 9999-12: 2}\n"
    ),
    "huge percentage": "- Increase sign-ups by 1000000000000000000000% by 31 July 2027\n",
    "huge multiplier": "- title: Grow sales x1e300 by 31 July 2027\n  target: x1e300\n  baseline: 5\n",
    "negative target": "- title: Grow sales by 31 July 2027\n  target: -1e308\n  baseline: 5\n",
    "huge integer": "- title: Reach users by 31 July 2027\n  target: " + "9" * 5000 + "\n",
}


@pytest.mark.parametrize(
    "file",
    [f"extreme-{i:02d}.yaml" for i in range(len(EXTREME_VALUES))],
    ids=sorted(EXTREME_VALUES),
)
def test_extreme_values_are_judged(shared: SharedRun, file: str) -> None:
    """NaN-free but extreme numbers and dates give verdicts, never an internal error."""
    report = case_in_shared_run(shared, file)
    assert [g for g in report["goals"] if g["path"] == file], report


# ---------------------------------------------------------------- one run for the file cases
# The finding, encoding and extreme-value cases above are files, each linted beside the good
# file. One process per case was 47 processes, about 15 s of CPU; they now share one run over
# every case file and the good file, and each case checks its own file in that run's report.
# The run must pass what each case's own run passed (exit 0 or 1, one-line stderr and no
# traceback, bounded memory, the good file linted, no input written), now with every hostile
# file beside the good one at once.


@dataclass(frozen=True)
class SharedRun:
    """The run over every case file, and whether each file was left as it was."""

    run: Run
    unchanged: dict[str, bool]


def _case_files() -> dict[str, bytes]:
    files = {f"hostile-{i:02d}.yaml": case[1] for i, case in enumerate(FINDING_CASES)}
    files.update({f"encoded-{i}.yaml": case[1] for i, case in enumerate(DECODE_CASES)})
    for i, case in enumerate(sorted(EXTREME_VALUES)):
        files[f"extreme-{i:02d}.yaml"] = _utf8(EXTREME_VALUES[case])
    return files


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> SharedRun:
    """Lint every case file and the good file in one run (once per worker that needs it)."""
    folder = tmp_path_factory.mktemp("cases")
    files = _case_files()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    before = {name: fingerprint(folder / name) for name in files}
    run = run_cli("--today", TODAY, "-f", "json", *files, "good.yaml", cwd=folder)
    return SharedRun(run, {name: fingerprint(folder / name) == before[name] for name in files})


def case_in_shared_run(shared: SharedRun, file: str) -> dict[str, Any]:
    """Check the shared run as one case's own run was checked; return the report."""
    assert shared.unchanged[file], f"smartlint changed {file}"
    assert shared.run.status in (0, 1), shared.run.stderr
    assert_clean_stderr(shared.run)
    report = shared.run.report()
    assert_good_still_linted(report)
    return report


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    """Billion laughs: refused or read without expansion, in bounded time and memory."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("goals:\n  - title: *a9\n  - history: *a9\n  - *a9")
    run, _ = lint_with_good(tmp_path, "bomb.yaml", _utf8("\n".join(lines) + "\n"))
    assert run.status in (0, 1), run.stderr
    report = run.report()
    assert_good_still_linted(report)
    assert findings_of(report, "bomb.yaml")
    assert run.cpu_seconds < 30  # typically under 1 s


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    """A ``!!python/object/apply`` tag is reported, never run."""
    sentinel = tmp_path / "pwned"
    data = _utf8(
        "goals:\n"
        f"  - title: !!python/object/apply:os.system ['touch {sentinel}']\n"
        f"  - !!python/object/apply:subprocess.call [['touch', '{sentinel}']]\n"
        f"  - title: !!python/name:os.system\n"
    )
    run, _ = lint_with_good(tmp_path, "tags.yaml", data)
    assert run.status in (0, 1), run.stderr
    assert not sentinel.exists()
    codes = {f["code"] for f in findings_of(run.report(), "tags.yaml")}
    assert "F011" in codes


def test_one_megabyte_title_is_linted_in_bounded_time(tmp_path: Path) -> None:
    """A 1 MB one-line title is read and judged, in seconds."""
    title = ("Tăng doanh thu lên 10% " * 50_000)[:1_000_000]
    data = _utf8(f"goals:\n  - title: {title}\n    why: x\n")
    run, _ = lint_with_good(tmp_path, "long.yaml", data)
    assert run.status in (0, 1), run.stderr
    report = run.report()
    assert_good_still_linted(report)
    assert [g for g in report["goals"] if g["path"] == "long.yaml"]
    assert run.cpu_seconds < 30  # typically under 1 s


def test_one_megabyte_line_without_spaces(tmp_path: Path) -> None:
    """A 1 MB token without spaces (a pasted blob) is no slower to reject or read."""
    data = _utf8("goals:\n  - " + "x9%" * 350_000 + "\n")
    run, _ = lint_with_good(tmp_path, "blob.yaml", data)
    assert run.status in (0, 1), run.stderr
    assert_good_still_linted(run.report())
    assert run.cpu_seconds < 30  # typically under 1 s


# --------------------------------------------------------------------------- CLI-only cases


def _one_line_errors(run: Run) -> list[str]:
    lines = run.stderr.splitlines()
    assert lines, "expected an error on stderr"
    return lines


def test_missing_path_is_one_line_and_others_still_linted(tmp_path: Path) -> None:
    """A path that does not exist: exit 2, one line naming it, the other file still linted."""
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli("--today", TODAY, "-f", "json", "nope.yaml", "good.yaml", cwd=tmp_path)
    assert run.status == 2
    assert_clean_stderr(run)
    (line,) = _one_line_errors(run)
    assert "nope.yaml" in line
    assert_good_still_linted(run.report())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission: exit 2, one line, the other file still linted."""
    secret = tmp_path / "secret.yaml"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
        run = run_cli("--today", TODAY, "-f", "json", "secret.yaml", "good.yaml", cwd=tmp_path)
    finally:
        secret.chmod(0o644)
    assert run.status == 2
    assert_clean_stderr(run)
    (line,) = _one_line_errors(run)
    assert "secret.yaml" in line
    assert_good_still_linted(run.report())


def test_unreadable_file_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same case where CI runs as root (which reads any mode): the read itself fails."""
    from smartlint.cli import main

    (tmp_path / "secret.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    real_read = Path.read_bytes

    def refusing_read(self: Path) -> bytes:
        if self.name == "secret.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refusing_read)
    monkeypatch.chdir(tmp_path)
    status = main(["--today", TODAY, "-f", "json", "secret.yaml", "good.yaml"])
    out, err = capsys.readouterr()
    assert status == 2
    (line,) = err.splitlines()
    assert line.startswith("smartlint: ") and "secret.yaml" in line and "Permission denied" in line
    assert_good_still_linted(json.loads(out))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_yaml_never_blocks(tmp_path: Path) -> None:
    """A FIFO named like a goal file, given or found in a folder, is skipped, never opened."""
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    given = run_cli("--today", TODAY, "-f", "json", "pipe.yaml", "good.yaml", cwd=tmp_path)
    assert given.status == 2
    assert_clean_stderr(given)
    (line,) = _one_line_errors(given)
    assert "pipe.yaml" in line
    assert_good_still_linted(given.report())

    walked = run_cli("--today", TODAY, "-f", "json", ".", cwd=tmp_path)
    assert walked.status in (0, 1, 2), walked.stderr
    assert_clean_stderr(walked)
    assert [g["id"] for g in walked.report()["goals"]] == ["revenue-2027"]


def test_directory_named_yaml(tmp_path: Path) -> None:
    """A directory named ``x.yaml`` is searched like any directory, not read as a file."""
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli("--today", TODAY, "-f", "json", "x.yaml", cwd=tmp_path)
    assert run.status in (0, 1), run.stderr
    assert_clean_stderr(run)
    assert [g["id"] for g in run.report()["goals"]] == ["revenue-2027"]


def test_symlink_loops_in_directories(tmp_path: Path) -> None:
    """Symlinks back to a parent, to themselves and to nowhere: each file is linted once."""
    plans = tmp_path / "plans"
    (plans / "team").mkdir(parents=True)
    (plans / "team" / "goals.yaml").write_text(GOOD, encoding="utf-8")
    (plans / "team" / "up").symlink_to(plans, target_is_directory=True)
    (plans / "team" / "self").symlink_to(plans / "team" / "self")
    (plans / "loop-a").symlink_to(plans / "loop-b")
    (plans / "loop-b").symlink_to(plans / "loop-a")
    (plans / "dangling.yaml").symlink_to(plans / "gone.yaml")
    (plans / "same.yaml").symlink_to(plans / "team" / "goals.yaml")
    run = run_cli("--today", TODAY, "-f", "json", "plans", "plans/team", cwd=tmp_path)
    assert run.status in (0, 1, 2), run.stderr
    assert_clean_stderr(run)
    assert [g["id"] for g in run.report()["goals"]] == ["revenue-2027"]


def test_symlink_loop_given_as_path(tmp_path: Path) -> None:
    """A symlink loop named on the command line: exit 2 with one line, the rest linted."""
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli("--today", TODAY, "-f", "json", "loop.yaml", "good.yaml", cwd=tmp_path)
    assert run.status == 2
    assert_clean_stderr(run)
    (line,) = _one_line_errors(run)
    assert "loop.yaml" in line
    assert_good_still_linted(run.report())


def test_binary_file_found_by_walking(tmp_path: Path) -> None:
    """A binary file with a goal-file name inside a folder does not stop the run."""
    (tmp_path / "image.yaml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2048))
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli("--today", TODAY, "-f", "json", ".", cwd=tmp_path)
    assert run.status in (0, 1, 2), run.stderr
    assert_clean_stderr(run)
    assert [g["id"] for g in run.report()["goals"]] == ["revenue-2027"]


def test_stdin_hostile_input(tmp_path: Path) -> None:
    """Hostile bytes on stdin get a finding too."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", "json", "-"],
        input=b"\xff\xfe\x00\x00garbage" + bytes(100),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=TIME_LIMIT,
    )
    assert done.returncode in (0, 1), done.stderr
    assert b"Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert report["findings"]


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-01", "9999-12-31"])
def test_extreme_today(tmp_path: Path, today: str) -> None:
    """``--today`` at the ends of the calendar: relative deadlines and paces do not overflow."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "goals:\n"
        "  - Increase sign-ups by 10% within 3 months\n"
        "  - Tăng doanh thu lên 10% trong quý này\n"
        "  - title: Tăng số đơn hàng lên 5% hàng tháng vào cuối năm sau\n"
        "    history: {period: month, values: [100, 105, 110]}\n",
        encoding="utf-8",
    )
    run = run_cli("--today", today, "-f", "json", "plan.yaml", cwd=tmp_path)
    assert run.status in (0, 1), run.stderr
    assert_clean_stderr(run)
    assert len(run.report()["goals"]) == 3
