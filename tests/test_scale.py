"""Scale: many files cost time in proportion to the work, and goal trees resolve in linear time.

Timings are compared as ratios inside one test run, with generous slack, so a slow or busy
machine does not make them flaky; the absolute bounds are only there to catch a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smartlint.engine import lint_text

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


def _lint_folder(folder: Path) -> tuple[float, dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", "json", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    elapsed = time.perf_counter() - start
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return elapsed, report


@pytest.mark.slow
def test_many_small_files_cost_in_proportion(tmp_path: Path) -> None:
    """5,000 small files lint in bounded time, per file no slower than 500 files (3× slack)."""
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    _write_files(small, 500)
    _write_files(large, 5000)

    small_time, small_report = _lint_folder(small)
    large_time, large_report = _lint_folder(large)

    assert _counts(small_report) == (500, 1000)
    assert _counts(large_report) == (5000, 10000)
    assert large_time < 240, f"5,000 files took {large_time:.1f} s"
    per_file_small, per_file_large = small_time / 500, large_time / 5000
    assert per_file_large <= 3 * per_file_small, (
        f"per file: {per_file_small * 1000:.2f} ms at 500 files,"
        f" {per_file_large * 1000:.2f} ms at 5,000"
    )


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


def _time(source: str) -> float:
    start = time.perf_counter()
    report = lint_text(source, path="goals.yaml", today=date(2027, 1, 15))
    elapsed = time.perf_counter() - start
    assert report.goals
    return elapsed


@pytest.mark.slow
@pytest.mark.parametrize("build", [_chain, _cycle], ids=["chain", "cycle"])
def test_goal_tree_resolution_is_linear(build: Callable[[int], str]) -> None:
    """A 10× longer parent chain (or cycle) costs about 10× the time, not 100× (5× slack)."""
    _time(build(200))  # warm caches and imports
    short = min(_time(build(1000)) for _ in range(2))
    long = _time(build(10_000))
    assert long < 120
    assert long <= 10 * 5 * short, f"1,000 goals: {short:.2f} s, 10,000 goals: {long:.2f} s"


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
