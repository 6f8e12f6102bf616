"""Shared helpers: lint a YAML string through the real pipeline with a pinned today.

Also the suite's one way to bound time.  A test never compares wall time with a fixed
figure: a busy machine stretches wall time, and CI is often busy.  It measures the CPU time
this process spends (which a busy machine hardly changes) and either checks how that time
scales between two sizes in the same test (:func:`assert_scales_linearly`) or bounds it far
above its typical value, only to catch a hang (:func:`cpu_seconds`).  Absolute figures are
the benchmark's business (benchmarks/bench.py).
"""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

from smartlint.engine import lint_text
from smartlint.model import Criterion, GoalResult, Report

T = TypeVar("T")

# Property tests never fail by the clock either: no per-example deadline, and no health check
# that times data generation (a busy machine makes it look slow).
settings.register_profile("smartlint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("smartlint")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TODAY = date(2027, 1, 15)
# The keys of one finding in the JSON contract (PRODUCT.md), shared by json and json-lines.
FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "criterion",
    "severity",
    "goal_id",
    "message",
    "suggestion",
    "fix",  # null, or {safety, description, edits} (issue 14; additive, schema_version 1)
}


def lint(source: str, today: date = TODAY, path: str = "goals.yaml") -> Report:
    """Lint a goal file held in a string (a Markdown document when ``path`` ends in .md)."""
    return lint_text(source, path=path, today=today)


def only_goal(source: str, today: date = TODAY) -> GoalResult:
    """Lint a file holding one goal and return its result."""
    goals = lint(source, today).goals
    assert len(goals) == 1, goals
    return goals[0]


def sentence(text: str) -> str:
    """Wrap one sentence as a goal file."""
    escaped = text.replace("'", "''")
    return f"goals:\n  - '{escaped}'\n"


def verdict_of(text: str, criterion: Criterion, today: date = TODAY) -> str:
    """Return one criterion's verdict for a one-sentence goal."""
    return only_goal(sentence(text), today).verdict(criterion).value


def codes(report: Report) -> set[str]:
    """Return the codes of every finding of a report."""
    return {f.code for f in report.findings}


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run the real entry point (``python -m smartlint``) in ``cwd`` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "smartlint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


class WouldStartWorkers(BaseException):
    """A run inside :func:`run_cli_in_process` reached the point where it forks workers.

    A BaseException, so that ``main``'s last line of defence does not turn it into an exit
    status: the test fails with this message instead.
    """


def run_cli_in_process(
    *args: str,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    text: bool = True,
) -> subprocess.CompletedProcess[Any]:
    """Run the command line as :func:`run_cli` does, but in this process: ``cli.main(args)``.

    For tests whose subject is what an option does rather than the entry point: it saves the
    interpreter's start-up and imports (~0.2 s of CPU a run).  It keeps run_cli's contract:
    the same ``main`` with the same arguments; stdout and stderr are pipes, not a terminal,
    decoded as ``subprocess.run(text=True)`` decodes them (or bytes with ``text=False``);
    stdin holds ``stdin`` (empty when None); ``env`` replaces the whole environment for the
    run when given; the working directory is ``cwd``.  Streams, environment and working
    directory are restored afterwards, so a test stays independent of its neighbours.

    What stays a subprocess (``run_cli``): the entry point itself (``python -m smartlint``,
    exit status as the shell sees it, Ctrl-C), and any run that starts worker processes
    (``--jobs`` above the threshold), which must never fork from a test worker: such a run
    fails here with :class:`WouldStartWorkers`.
    """
    from smartlint import cli, workers

    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    out, err = io.BytesIO(), io.BytesIO()
    streams = sys.stdin, sys.stdout, sys.stderr
    environ = dict(os.environ)
    here = os.getcwd()
    spawn = workers.results_in_workers

    def refuse(*_: object) -> Any:
        raise WouldStartWorkers(f"smartlint {' '.join(args)} starts workers: use run_cli")

    # Held here as well as in sys: a wrapper that is dropped closes the buffer under it.
    wrappers = (
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = wrappers
    workers.results_in_workers = refuse
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        os.chdir(cwd)
        try:
            status = cli.main(list(args))
        except SystemExit as exc:  # as the interpreter would turn it into a status
            status = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        workers.results_in_workers = spawn
        os.chdir(here)
        if env is not None:
            os.environ.clear()
            os.environ.update(environ)
    command = [sys.executable, "-m", "smartlint", *args]
    if not text:
        return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess(
        command, status, _as_text(out.getvalue()), _as_text(err.getvalue())
    )


def _as_text(data: bytes) -> str:
    """Decode captured output as ``subprocess.run(text=True)`` does (universal newlines)."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def copy_alone(target: Path, *names: str) -> Path:
    """Copy files or folders of the repository (paths relative to it) into ``target``.

    A lint inside the repository also reads every goal file of the work tree that its goals
    link to, and the corpus under tests/data shares ids with examples/: a run over the
    10 goals of examples/goals.en.yaml checks 1,625 (forking worker processes).  A test whose
    subject is not that linking lints such a copy instead, outside any project: the same
    report, at the same relative paths, for a small part of the work.
    """
    for name in names:
        source, copy = ROOT / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy)
        else:
            shutil.copy2(source, copy)
    return target


@pytest.fixture(scope="session")
def examples_alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a copy of examples/ alone (see copy_alone); tests only read it."""
    return copy_alone(tmp_path_factory.mktemp("examples-alone"), "examples")


def cpu_timed(action: Callable[[], T]) -> tuple[T, float]:
    """Run ``action``; return its result and the CPU time this process spent on it.

    The cyclic garbage collector is paused meanwhile: its full passes cost in proportion to
    everything alive, at moments that depend on what ran before, which made 10x the goals
    cost 17x in one run and 10x in the next.  Scaling is the code's; the collector is not.
    """
    gc.collect()  # do not bill the action for garbage left by whatever ran before
    gc.disable()
    try:
        start = time.process_time()
        result = action()
        return result, time.process_time() - start
    finally:
        gc.enable()


def cpu_seconds(action: Callable[[], object]) -> float:
    """Return the CPU time this process spends running ``action``."""
    return cpu_timed(action)[1]


def assert_scales_linearly(
    make: Callable[[int], Callable[[], T]], small: int, factor: int = 10, slack: float = 3.0
) -> T:
    """Check the work ``make(n)`` prepares costs at most linear time in ``n``, within ``slack``.

    ``make(n)`` builds the input for ``n`` items (untimed) and returns the action to time.  The
    action for ``factor * small`` items may cost ``slack * factor`` times the one for ``small``:
    linear work passes with room to spare, quadratic work costs ``factor`` times more per item
    at the large size and fails.  Both sizes are measured in this test, in CPU time, the small
    one at its best of three; a large run over the bound is timed once more before the test
    fails, so one unlucky pause is not a failure but a regression (over every time) is.
    Returns what the large action returned, for the test to check.
    """
    small_action = make(small)
    small_action()  # warm caches, imports and compiled patterns
    short = max(min(cpu_seconds(small_action) for _ in range(3)), 1e-3)  # a tick is ~1 ms
    large_action = make(factor * small)
    result, long = cpu_timed(large_action)
    bound = slack * factor * short
    if long > bound:
        long = min(long, cpu_seconds(large_action))
    assert long <= bound, (
        f"{small:,} items took {short:.3f} s of CPU and {factor * small:,} items {long:.3f} s:"
        f" {long / short:.0f}× for {factor}× the items (allowed: {slack * factor:.0f}×)"
    )
    return result


@pytest.fixture
def today() -> date:
    """Return the pinned date every test judges deadlines against."""
    return TODAY
