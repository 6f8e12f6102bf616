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
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

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
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real entry point (``python -m smartlint``) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "smartlint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


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
