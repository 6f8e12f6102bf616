"""The terminal report as a person sees it: golden files rendered at a pinned width, no colour.

Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change; review the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT

from smartlint.config import Resolver
from smartlint.project import Overrides, RunResult, run_project
from smartlint.reporters.base import RenderContext
from smartlint.reporters.pretty import render

GOLDEN = Path(__file__).resolve().parent / "golden" / "pretty"
EXAMPLES = ["examples/goals.yaml", "examples/goals.en.yaml"]


def _run(paths: list[str]) -> RunResult:
    return run_project(paths, Overrides(), Resolver(isolated=True), date(2027, 1, 15))


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_report(example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = _run([example])
    got = render(result.report, RenderContext(width=100, color=False))
    assert "\x1b[" not in got
    assert max(len(line) for line in got.splitlines()) <= 100
    expected = GOLDEN / (Path(example).name + ".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_every_failing_goal_shows_a_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run(EXAMPLES).report
    got = render(report, RenderContext(width=100, color=False))
    failing = [g for g in report.goals if not g.passes_all]
    assert failing
    for goal in failing:
        assert goal.rewrite
        assert goal.rewrite in " ".join(got.split()) or goal.rewrite[:40] in got


def test_colour_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run(EXAMPLES[:1]).report
    assert "\x1b[" in render(report, RenderContext(width=100, color=True))
