"""Scale: many files cost time in proportion to the work, and goal trees resolve in linear time.

Each test compares the CPU time of two sizes, ten times apart, measured in the same test with
3x slack (conftest.assert_scales_linearly): a busy machine does not make them fail, quadratic
work does.  Absolute figures are the benchmark's (benchmarks/bench.py).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_scales_linearly, run_cli_in_process

from smartlint.engine import lint_text
from smartlint.model import Report

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"

SMALL_FILE = (
    "goals:\n"
    "  - id: team-{i}\n"
    "    title: Tăng số đơn hàng từ {a} lên {b} vào cuối tháng 7 năm 2027\n"
    "    why: Mục tiêu của nhóm {i}\n"
    "  - id: team-{i}-en\n"
    "    title: Increase demo requests by {p}% every month\n"
    "    parent: team-{i}\n"
)


def _write_files(folder: Path, count: int) -> None:
    for i in range(count):
        sub = folder / f"team-{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        text = SMALL_FILE.format(i=i, a=1000 + i, b=1200 + i, p=3 + i % 7)
        (sub / f"goals-{i:05d}.yaml").write_text(text, encoding="utf-8")


def _lint_folder(folder: Path) -> dict[str, Any]:
    """Run the command line in this process (the CPU time measured is the lint's, not Python's
    start-up) over a folder, as JSON.

    With ``--jobs 1``: worker processes would take the work out of the CPU time measured here
    (and a test worker must not fork them).
    """
    done = run_cli_in_process("--today", TODAY, "--jobs", "1", "-f", "json", str(folder))
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


@pytest.mark.slow
def test_many_small_files_cost_in_proportion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,000 small files cost about 10× what 300 do (3× slack), walked and linted by the CLI."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)  # a CI runner's, not this test's

    def make(count: int) -> Callable[[], dict[str, Any]]:
        folder = tmp_path / f"files-{count}"
        folder.mkdir()
        _write_files(folder, count)
        return lambda: _lint_folder(folder)

    report = assert_scales_linearly(make, 300)
    assert _counts(report) == (3000, 6000)


def _counts(report: dict[str, Any]) -> tuple[int, int]:
    summary = report["summary"]
    return summary["files"], summary["goals"]


def _chain(count: int) -> str:
    """Return a goal file where each goal's parent is the one before: a deep goal tree."""
    lines = [
        "goals:",
        "  - id: g0",
        "    title: Tăng doanh thu lên 10% trong quý 3 năm 2027",
        "    why: x",
    ]
    for i in range(1, count):
        lines += [
            f"  - id: g{i}",
            f"    title: Reach {i} users by 31 July 2027",
            f"    parent: g{i - 1}",
        ]
    return "\n".join(lines) + "\n"


def _cycle(count: int) -> str:
    """Return a goal file whose goals form one long parent cycle."""
    lines = ["goals:"]
    for i in range(count):
        lines += [
            f"  - id: c{i}",
            f"    title: Reach {i} users by 31 July 2027",
            f"    parent: c{(i + 1) % count}",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("build", [_chain, _cycle], ids=["chain", "cycle"])
def test_goal_tree_resolution_is_linear(build: Callable[[int], str]) -> None:
    """A 10× longer parent chain (or cycle) costs about 10× the time, not 100× (3× slack)."""

    def make(count: int) -> Callable[[], Report]:
        source = build(count)
        return lambda: lint_text(source, path="goals.yaml", today=date(2027, 1, 15))

    report = assert_scales_linearly(make, 500)
    assert len(report.goals) == 5000


def test_benchmark_generator_is_seeded_and_valid() -> None:
    """The benchmark's goal files are the same for a seed, valid YAML, and hold N goals."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from smartlint.parser import parse_text

    first, again, other = generate(300, seed=5), generate(300, seed=5), generate(300, seed=6)
    assert first == again
    assert first != other
    parsed = parse_text(first, "generated.yaml")
    assert len(parsed.goals) >= 300
    assert not [p for p in parsed.problems if p.code in ("F001", "F002", "F004", "F011")]
    titles = " ".join(g.title.value for g in parsed.goals if g.title is not None)
    assert "Tăng" in titles and "Increase" in titles
    assert any(g.history is not None for g in parsed.goals)
    assert any(g.parent is not None and not g.parent_from_nesting for g in parsed.goals)
    assert any(g.parent_from_nesting for g in parsed.goals)
