"""Another team's YAML mapped onto goals by the configuration's ``schema:``, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from test_sheets_cli import ROOT, as_json, run

HANDBOOK = ROOT / "examples" / "handbook"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "handbook"
    shutil.copytree(HANDBOOK, folder)
    return folder


def test_the_handbook_example_is_read_through_its_schema(examples_alone: Path) -> None:
    report = as_json("examples/handbook/kpis.yaml", cwd=examples_alone)
    goals = {g["id"]: g for g in report["goals"]}
    assert list(goals) == ["first-response", "macro-coverage", "csat", "backlog"]
    assert (goals["first-response"]["line"], goals["first-response"]["column"]) == (6, 7)
    assert goals["first-response"]["criteria"]["achievable"] == "fail"  # from `monthly:`
    assert goals["macro-coverage"]["criteria"]["relevant"] == "pass"  # nested under sub_kpis
    assert goals["backlog"]["criteria"]["relevant"] == "pass"  # rolls_up_to names a parent
    codes = {f["code"] for f in report["findings"]}
    assert "F003" not in codes  # dri, health, definition belong to the handbook, not to smartlint
    a301 = next(f for f in report["findings"] if f["goal_id"] == "first-response")
    assert (a301["code"], a301["line"], a301["column"]) == ("A301", 13, 15)  # at `target: 2`


def test_a_walk_skips_files_of_other_shapes_and_a_named_one_says_so(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "ci.yaml").write_text("name: CI\non: push\n", encoding="utf-8")
    report = as_json(".", cwd=folder)
    assert {g["path"] for g in report["goals"]} == {"kpis.yaml"}
    named = run("-f", "concise", "ci.yaml", cwd=folder)
    assert "info F007 The file has no 'support.kpis' list" in named.stdout


def test_a_list_that_is_not_a_list_is_a_finding(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "odd.yaml").write_text("support:\n  kpis: none yet\n", encoding="utf-8")
    done = run("-f", "concise", "odd.yaml", cwd=folder)
    assert done.stdout.startswith("odd.yaml:2:9: error F006 'support.kpis' is the value")


def test_schema_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / ".smartlint.yaml").write_text(
        "schema:\n  goals: kpis\n  titel: name\n", encoding="utf-8"
    )
    done = run("kpis.yaml", cwd=folder)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "schema: unknown key 'titel' (did you mean 'title'?)" in done.stderr
    (folder / ".smartlint.yaml").write_text("schema:\n  title: name\n", encoding="utf-8")
    done = run("kpis.yaml", cwd=folder)
    assert done.returncode == 2 and "needs goals" in done.stderr


def test_show_settings_prints_the_schema(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    done = run("--show-settings", "kpis.yaml", cwd=folder)
    line = next(x for x in done.stdout.splitlines() if x.startswith("schema: "))
    assert json.loads(line.removeprefix("schema: "))["goals"] == "support.kpis"
