"""The pre-commit hook, for real: ``pre-commit try-repo`` this working tree in a fresh repository.

Building the hook's environment installs smartlint from PyPI-resolved dependencies, so the
test needs the network; it is marked ``slow`` (deselect with ``-m "not slow"``) and runs by
default.
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
)
BAD = "goals:\n  - id: blog\n    title: Tăng số lượng người ghé thăm trang blog\n"
WORKFLOW = "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"


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
    """Make a git repository with a good goal file, a bad one and a workflow, all staged."""
    work = tmp_path / "plans"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "test@example.com")
    _git(work, "config", "user.name", "test")
    (work / "goals.yaml").write_text(GOOD, encoding="utf-8")
    (work / "blog.yaml").write_text(BAD, encoding="utf-8")
    (work / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    _git(work, "add", ".")
    return work


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    """One try-repo run (each builds the hook's environment afresh, about 10 s): the bad file
    fails the hook, the good one gives no error, the workflow is skipped quietly."""
    work = _plans(tmp_path)
    failing = _try_repo(work, "goals.yaml", "ci.yml", "blog.yaml")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "smartlint" in failing.stdout and "Failed" in failing.stdout
    assert "blog.yaml:3:12: error S101" in failing.stdout
    assert "ci.yml" not in failing.stdout
    assert not re.search(r"^goals\.yaml:\S+ (error|warning) ", failing.stdout, re.MULTILINE)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hooks_arguments_pass_good_files(tmp_path: Path) -> None:
    """The manifest's entry and arguments over the good file and the workflow exit 0, which
    pre-commit shows as Passed (checked without try-repo, which would rebuild the hook)."""
    work = _plans(tmp_path)
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "smartlint"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        [sys.executable, "-m", "smartlint", *hook["args"], "goals.yaml", "ci.yml"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
