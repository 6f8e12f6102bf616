"""The CI files shipped at the repository's top: the pre-commit manifest and the GitHub Action."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> object:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_pre_commit_manifest_declares_the_smartlint_hook() -> None:
    hooks = _load(".pre-commit-hooks.yaml")
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert hook["id"] == "smartlint" and hook["entry"] == "smartlint"
    assert hook["language"] == "python" and hook["types"] == ["file"]
    assert "types_or" not in hook  # types and types_or must both match: files go by name
    chosen = re.compile(hook["files"])  # identify has no tag for .xlsx: files by name
    named = ("a.yaml", "b.YML", "okrs.md", "Plan.markdown", "kpi.csv", "kpi.tsv", "plan.xlsx")
    assert all(chosen.search(n) for n in (*named, "plan.XLSM"))
    assert not any(chosen.search(n) for n in ("a.json", "yaml.txt", "notes.mdx", "plan.xls"))
    assert "--skip-non-goal-files" in hook["args"]
    assert hook["require_serial"] is True  # one goal set: parent links cross files


def test_action_is_composite_and_keeps_inputs_out_of_scripts() -> None:
    action = _load("action.yml")
    assert isinstance(action, dict)
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "sarif-file"} <= set(action["inputs"])
    scripts = [step for step in action["runs"]["steps"] if "run" in step]
    assert scripts
    for step in scripts:
        assert "${{" not in step["run"], "inputs reach scripts through env, never interpolation"
        assert step["shell"] == "bash"
        for value in step.get("env", {}).values():
            assert re.fullmatch(r"\$\{\{ (inputs|github)\.[a-z_-]+ \}\}", value)
    run = scripts[-1]["run"]
    assert "--format github" in run and "sarif:$SMARTLINT_SARIF" in run


def test_action_lints_markdown_goal_documents_in_a_directory(tmp_path: Path) -> None:
    action = _load("action.yml")
    assert isinstance(action, dict)
    script = [step for step in action["runs"]["steps"] if "run" in step][-1]["run"]
    (tmp_path / "README.md").write_text("# Project\n\n## Goals\n\n- Make it fast\n")
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "2027-q3.md").write_text(
        "# Q3 2099 OKRs\n\n## Objective 1: Grow {#grow}\n\n- KR1: Improve the blog\n"
    )
    env = dict(
        os.environ,
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        SMARTLINT_PATHS=".",
        SMARTLINT_ARGS="--today 2027-01-15",
        SMARTLINT_SARIF="",
    )
    env.pop("GITHUB_STEP_SUMMARY", None)
    run = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1, run.stderr
    assert "::error file=okrs/2027-q3.md,line=5,col=8," in run.stdout
    assert "README.md" not in run.stdout
