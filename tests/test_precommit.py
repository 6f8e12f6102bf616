"""The pre-commit hook, for real: ``pre-commit try-repo`` this working tree in a fresh repository.

Building the hook's environment installs smartlint from PyPI-resolved dependencies, so the
test needs the network; it is marked ``slow`` (deselect with ``-m "not slow"``) and runs by
default.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
GOOD = (
    "goals:\n"
    "  - id: doanh-thu\n"
    "    title: Tăng doanh thu online từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2099\n"
    "    why: Nguồn vốn cho việc mở thêm hai chi nhánh\n"
)
BAD = "goals:\n  - id: blog\n    title: Tăng số lượng người ghé thăm trang blog\n"
WORKFLOW = "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
README = "# Plans\n\n## Goals\n\n- Keep the plans tidy\n"
OKRS = (
    "# Q3 2099 OKRs\n\n"
    "## Objective 1: Grow online revenue {#online} (parent: doanh-thu)\n\n"
    "- KR1: Raise online orders from 1,200 to 1,300 a month\n"
    "- KR2: Improve the checkout\n"
)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _try_repo(cwd: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(cwd.parent / "pre-commit-home"))
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "smartlint", "--files", *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    work = tmp_path / "plans"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "test@example.com")
    _git(work, "config", "user.name", "test")
    (work / "goals.yaml").write_text(GOOD, encoding="utf-8")
    (work / "blog.yaml").write_text(BAD, encoding="utf-8")
    (work / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (work / "README.md").write_text(README, encoding="utf-8")
    (work / "okrs.md").write_text(OKRS, encoding="utf-8")
    _git(work, "add", ".")

    passing = _try_repo(work, "goals.yaml", "ci.yml", "README.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "smartlint" in passing.stdout and "Passed" in passing.stdout

    failing = _try_repo(work, "goals.yaml", "blog.yaml")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "blog.yaml:3:12: error S101" in failing.stdout

    markdown = _try_repo(work, "README.md", "okrs.md")
    assert markdown.returncode == 1, markdown.stdout + markdown.stderr
    assert "okrs.md:6:8: error S101" in markdown.stdout
    assert "README.md:" not in markdown.stdout
    assert "R401" not in markdown.stdout  # the parent in goals.yaml resolves through --root .


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hook_lints_goal_sheets_and_keeps_other_csv_quiet(tmp_path: Path) -> None:
    work = tmp_path / "plans"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "test@example.com")
    _git(work, "config", "user.name", "test")
    (work / "goals.yaml").write_text(GOOD + "    history: traffic.csv\n", encoding="utf-8")
    (work / "traffic.csv").write_text("date,value\n2027-05-31,12000\n", encoding="utf-8")
    (work / "prices.csv").write_text("sku;price\nA1;12.000\n", encoding="utf-8")
    (work / "kpi.csv").write_text("Mục tiêu;Phụ trách\nTăng lượt truy cập blog;Marketing\n")
    shutil.copy(REPO / "examples" / "kpi-2027.xlsx", work / "kpi.xlsx")
    (work / "README.md").write_text(README, encoding="utf-8")
    (work / "okrs.md").write_text(OKRS, encoding="utf-8")
    _git(work, "add", ".")

    quiet = _try_repo(work, "goals.yaml", "traffic.csv", "prices.csv", "README.md")
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert "F007" not in quiet.stdout

    failing = _try_repo(work, "kpi.csv", "kpi.xlsx", "okrs.md", "README.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "kpi.csv:2:1: error S101" in failing.stdout
    assert "kpi.xlsx:5:5: warning A301 [KPI 2027]" in failing.stdout
    assert "okrs.md:6:8: error S101" in failing.stdout  # sheets and Markdown in one run
    assert "README.md:" not in failing.stdout
