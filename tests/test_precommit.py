"""The pre-commit hook, for real: ``pre-commit try-repo`` this working tree in a fresh repository.

Building the hook's environment installs smartlint from PyPI-resolved dependencies, so the
test needs the network; it is marked ``slow`` (deselect with ``-m "not slow"``) and runs by
default.  try-repo rebuilds that environment on every call (about 10 s), so one call covers
every kind of file the hook selects.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
GOOD = (
    "goals:\n"
    "  - id: doanh-thu\n"
    "    title: Tăng doanh thu online từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2099\n"
    "    why: Nguồn vốn cho việc mở thêm hai chi nhánh\n"
    "    history: traffic.csv\n"
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
QUIET = ("goals.yaml", "ci.yml", "README.md", "traffic.csv", "prices.csv")


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


def _plans(tmp_path: Path) -> Path:
    """A git repository with goal files of every kind, good and bad, and files that are not
    goal files (a workflow, a README, a history CSV, a price list), all staged."""
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
    (work / "traffic.csv").write_text("date,value\n2027-05-31,12000\n", encoding="utf-8")
    (work / "prices.csv").write_text("sku;price\nA1;12.000\n", encoding="utf-8")
    (work / "kpi.csv").write_text("Mục tiêu;Phụ trách\nTăng lượt truy cập blog;Marketing\n")
    shutil.copy(REPO / "examples" / "kpi-2027.xlsx", work / "kpi.xlsx")
    _git(work, "add", ".")
    return work


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    """The bad YAML, Markdown and sheets fail the hook; the good file gives no error; the
    workflow, the README and the CSVs that are not goal sheets are skipped quietly."""
    work = _plans(tmp_path)
    failing = _try_repo(work, *QUIET, "blog.yaml", "okrs.md", "kpi.csv", "kpi.xlsx")
    out = failing.stdout
    assert failing.returncode == 1, out + failing.stderr
    assert "smartlint" in out and "Failed" in out
    assert "blog.yaml:3:12: error S101" in out
    assert "okrs.md:6:8: error S101" in out
    assert "R401" not in out  # the Markdown parent in goals.yaml resolves through --root .
    assert "kpi.csv:2:1: error S101" in out
    assert "kpi.xlsx:5:5: warning A301 [KPI 2027]" in out
    for quiet in QUIET:
        assert not re.search(rf"^{re.escape(quiet)}:\S+ (error|warning) ", out, re.MULTILINE)
    assert "F007" not in out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hooks_arguments_pass_good_files(tmp_path: Path) -> None:
    """The manifest's entry and arguments over the good file and the files that are not goal
    files exit 0, which pre-commit shows as Passed (checked without try-repo, which would
    rebuild the hook)."""
    work = _plans(tmp_path)
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "smartlint"
    for name in QUIET:
        assert re.search(hook["files"], name), name  # the hook hands these files to smartlint
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        [sys.executable, "-m", "smartlint", *hook["args"], *QUIET],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
