"""The CI files shipped at the repository's top: the pre-commit manifest and the GitHub Action."""

from __future__ import annotations

import re
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
    import re

    chosen = re.compile(hook["files"])  # identify has no tag for .xlsx: files by name
    assert all(chosen.search(n) for n in ("a.yaml", "b.YML", "kpi.csv", "plan.xlsx"))
    assert not any(chosen.search(n) for n in ("README.md", "a.json", "yaml.txt"))
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
