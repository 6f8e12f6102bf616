"""Shared helpers: lint a YAML string through the real pipeline with a pinned today."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from smartlint.engine import lint_text
from smartlint.model import Criterion, GoalResult, Report

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


@pytest.fixture
def today() -> date:
    """Return the pinned date every test judges deadlines against."""
    return TODAY
