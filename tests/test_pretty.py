"""The terminal report as a person sees it, through the command line (run in this process).

Golden files pin the default report at 60 and 100 columns, in Vietnamese and in English, with
a fixed ``--today`` and no colour.  Set SMARTLINT_UPDATE_GOLDEN=1 (or UPDATE_GOLDEN=1) to
rewrite them after a deliberate change; review the diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, copy_alone, run_cli_in_process

from smartlint.config import Resolver
from smartlint.model import SMART, Language, Verdict
from smartlint.project import Overrides, RunResult, run_project
from smartlint.reporters.base import RenderContext
from smartlint.reporters.pretty import render
from smartlint.reporters.statistics import rows
from smartlint.reporters.tally import passes_all_five, report_language, tally
from smartlint.reporters.terminal import cells, clip, use_color, wrap
from smartlint.reporters.triage import meant_field, triage

GOLDEN = Path(__file__).resolve().parent / "golden" / "pretty"
INPUTS = "tests/golden/pretty/inputs"
TODAY = "2027-01-15"
CASES = {
    "goals.yaml": "examples/goals.yaml",  # Vietnamese
    "goals.en.yaml": "examples/goals.en.yaml",
    "typo.vi.yaml": f"{INPUTS}/typo.vi.yaml",  # a misspelt field: the root cause first
    "typo.en.yaml": f"{INPUTS}/typo.en.yaml",
}
WIDTHS = (60, 100)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _updating() -> bool:
    return bool(os.environ.get("SMARTLINT_UPDATE_GOLDEN") or os.environ.get("UPDATE_GOLDEN"))


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report's inputs, copied to a directory of their own (see copy_alone)."""
    return copy_alone(tmp_path_factory.mktemp("pretty"), "examples", INPUTS)


@pytest.fixture
def cli(alone: Path) -> Cli:
    """Return a function that runs the command line there; it returns (status, stdout, stderr)."""

    def run(*args: str, width: int = 100, **env: str) -> tuple[int, str, str]:
        environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        environ.update(COLUMNS=str(width), **env)
        done = run_cli_in_process("--today", TODAY, "--isolated", *args, env=environ, cwd=alone)
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_report(name: str, width: int, cli: Cli) -> None:
    status, got, err = cli(CASES[name], width=width)
    hint = "smartlint: No safe fix; 1 unsafe fix is available with --fix --unsafe-fixes.\n"
    # The fix hint is the only stderr line (issue 14: ruff's "N fixable with --fix").
    assert status == 1 and err in ("", hint)
    assert "\x1b[" not in got
    assert max(cells(line) for line in got.splitlines()) <= width
    expected = GOLDEN / f"{name}.w{width}.txt"
    if _updating():
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_errors_come_before_warnings_and_infos_fold(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"])
    block = got.split("examples/goals.en.yaml:50:5  big-push\n", 1)[1].split("\n\n", 1)[0]
    severities = re.findall(r"^\s+\d+:\d+ (error|warning|info)\b", block, re.MULTILINE)
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert "info" not in severities
    assert re.search(r"^\s+\d+:\d+ info\b", got, re.MULTILINE) is None  # infos folded
    assert "S ✓  M ✓  A –  R ✓  T ✓   info A302 no-history" in got


def test_show_info_and_v_list_every_info(cli: Cli) -> None:
    _, folded, _ = cli(CASES["goals.en.yaml"], "-f", "json")
    infos = sum(1 for f in json.loads(folded)["findings"] if f["severity"] == "info")
    for flag in ("--show-info", "-v"):
        _, got, _ = cli(CASES["goals.en.yaml"], flag)
        assert len(re.findall(r"^\s+\d+:\d+ info\s", got, re.MULTILINE)) == infos
        assert "hidden" not in got


def test_no_achievable_note_when_specific_and_measurable_fail(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"])
    block = got.split("examples/goals.en.yaml:42:5  brand\n", 1)[1].split("\n\n", 1)[0]
    assert "S ✗  M ✗  A –" in block
    assert "A303" not in block


def test_root_cause_first_and_named_by_the_findings_it_explains(cli: Cli) -> None:
    for name, because in (("typo.en.yaml", "(because of F003)"), ("typo.vi.yaml", "(do F003)")):
        _, got, _ = cli(CASES[name], width=200)
        block = got.split("\n\n", 1)[0]
        codes = re.findall(r"^\s+\d+:\d+ \w+\s+([A-Z]\d{3})", block, re.MULTILINE)
        assert codes[0] == "F003"
        explained = [c for c in codes if c in {"S101", "M201", "T501"}]
        assert explained == ["M201", "S101", "T501"]
        for code in explained:
            line = next(ln for ln in block.splitlines() if f" {code} " in ln)
            assert line.endswith(because)
        assert because not in next(ln for ln in block.splitlines() if " F003 " in ln)


def test_quiet_prints_the_summary_only_and_keeps_the_status(cli: Cli) -> None:
    status, got, _ = cli(CASES["goals.en.yaml"], "--quiet")
    assert status == 1
    assert got.startswith("smartlint: 1 file, 10 goals;")
    assert len(got.splitlines()) <= 4 and "examples/" not in got
    status, got, _ = cli(CASES["goals.en.yaml"], "-q", "-f", "concise")
    assert status == 1 and got.startswith("smartlint: ")


def test_statistics_count_per_code_as_ruff_prints_them(cli: Cli) -> None:
    status, got, _ = cli(CASES["goals.en.yaml"], "--statistics")
    _, concise, _ = cli(CASES["goals.en.yaml"], "-f", "concise")
    assert status == 1
    found = [line.split("\t") for line in got.splitlines()]
    counts = [int(n) for n, _, _ in found]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == len(concise.splitlines())
    for n, code, name in found:
        assert re.fullmatch(r"[A-Z]\d{3}", code.strip()) and re.fullmatch(r"[a-z-]+", name)
        assert concise.count(f" {code.strip()} ") == int(n)
    _, as_json, _ = cli(CASES["goals.en.yaml"], "--statistics", "-f", "json")
    records = json.loads(as_json)
    assert [(r["count"], r["code"], r["name"]) for r in records] == [
        (int(n), c.strip(), name) for n, c, name in found
    ]


def test_help_documents_the_new_options() -> None:
    done = run_cli_in_process("--help", env={**os.environ, "COLUMNS": "200"})
    for option in ("--quiet", "-q", "--statistics", "--show-info", "-v", "--color", "NO_COLOR"):
        assert option in done.stdout


def test_summary_counts_only_real_passes(cli: Cli) -> None:
    _, document, _ = cli(CASES["goals.en.yaml"], "-f", "json")
    goals = json.loads(document)["goals"]
    real = sum(1 for g in goals if set(g["criteria"].values()) == {"pass"})
    no_fail = sum(1 for g in goals if "fail" not in g["criteria"].values())
    assert real < no_fail  # the example holds goals whose Achievable was skipped
    _, got, _ = cli(CASES["goals.en.yaml"])
    assert f"; {real} pass all five criteria" in got


def test_summary_speaks_the_reports_language(cli: Cli) -> None:
    _, vi, _ = cli(CASES["goals.yaml"])
    assert "đạt cả năm tiêu chí" in vi and "Phát hiện:" in vi and "pass all five" not in vi
    _, en, _ = cli(CASES["goals.yaml"], "--lang", "en")
    assert "pass all five criteria" in en and "Findings:" in en
    _, mixed, _ = cli(CASES["goals.yaml"], CASES["goals.en.yaml"])  # 12 vi, 10 en goals
    assert "đạt cả năm tiêu chí" in mixed


def test_summary_is_readable_at_60_columns(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], "--quiet", width=60)
    assert "…" not in got and "━" not in got
    assert all(cells(line) <= 60 for line in got.splitlines())
    assert "Failing: S " in got


def test_tree_prints_the_tree_and_the_summary_only(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], "--tree")
    assert got.startswith("Goal tree (")
    assert "smartlint: 1 file, 10 goals;" in got
    assert "Rewrite:" not in got and "examples/goals.en.yaml:" not in got


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # auto, and stdout is a pipe
        (("--color", "always"), {}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ((), {"FORCE_COLOR": ""}, False),  # an empty variable does not count
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the option wins over the variable
    ],
)
def test_color_option_and_variables(
    args: tuple[str, ...], env: dict[str, str], coloured: bool, cli: Cli
) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], *args, **env)
    assert ("\x1b[" in got) is coloured
    if coloured:  # the same report, only painted
        _, plain, _ = cli(CASES["goals.en.yaml"], "--color", "never")
        assert ANSI.sub("", got) == plain


def test_color_never_reaches_machine_formats(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], "--color", "always", "-f", "concise")
    assert "\x1b[" not in got


def test_bad_color_is_a_usage_error(cli: Cli) -> None:
    status, out, err = cli(CASES["goals.en.yaml"], "--color", "sometimes")
    assert status == 2 and out == ""
    assert err.startswith("smartlint: error: --color 'sometimes'") and err.count("\n") == 1


def test_json_goals_carry_their_title(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], "-f", "json")
    document = json.loads(got)
    assert document["schema_version"] == 1
    first = document["goals"][0]
    assert first["title"] == "Grow annual recurring revenue from $4.2M to $5.5M by 31 December 2027"
    _, typo, _ = cli(CASES["typo.en.yaml"], "-f", "json")
    assert json.loads(typo)["goals"][0]["title"] is None  # `titel:` gave it none


def test_concise_keeps_the_hint_on_the_same_line(cli: Cli) -> None:
    _, got, _ = cli(CASES["goals.en.yaml"], "-f", "concise")
    line = next(ln for ln in got.splitlines() if " R401 " in ln)
    assert line.endswith("→ Did you mean `arr-2027`?")
    assert all(len(ln.rsplit(" → ", 1)[-1]) <= 100 for ln in got.splitlines())


# ------------------------------------------------------------------ the pure functions


def _run(paths: list[str]) -> RunResult:
    return run_project(paths, Overrides(), Resolver(isolated=True), date(2027, 1, 15))


def test_tally_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run([CASES["goals.en.yaml"]]).report
    counts = tally(report)
    assert counts.pass_all_five == sum(1 for g in report.goals if passes_all_five(g))
    assert counts.failing[0] == sum(1 for g in report.goals if g.verdict(SMART[0]) is Verdict.FAIL)
    assert report_language(report.goals) is Language.EN
    assert report_language(report.goals, Language.VI) is Language.VI
    assert report_language(()) is Language.EN


def test_triage_orders_and_folds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run([CASES["typo.en.yaml"]]).report
    first = triage(report.goals[0], show_info=False)
    assert first.shown[0].finding.code == "F003"
    assert all(s.finding.severity.value != "info" for s in first.shown)
    every = triage(report.goals[0], show_info=True)
    assert {s.finding.code for s in every.shown} >= {"A303"}


def test_meant_field_reads_typos_and_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run([CASES["typo.en.yaml"]]).report
    fields = [meant_field(f) for f in report.findings if f.code == "F003"]
    assert fields == ["title", "deadline"]


def test_statistics_rows_sort_by_count_then_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    found = rows(_run([CASES["goals.en.yaml"]]).report)
    assert found == sorted(found, key=lambda r: (-r[0], r[1]))


def test_wrap_and_clip_count_cells() -> None:
    text = "Tăng số lượt truy cập website từ nguồn organic search lên 13.200"
    assert all(cells(line) <= 20 for line in wrap(text, 20))
    assert " ".join(wrap(text, 20)) == text
    assert wrap("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert cells("Tie\u0302\u0301ng") == 5  # combining marks take no cell
    assert cells("目標") == 4
    assert clip(text, 20).endswith("…") and cells(clip(text, 20)) <= 20


def test_use_color_rules() -> None:
    assert use_color("auto", is_terminal=True, environ={})
    assert not use_color("auto", is_terminal=True, environ={"NO_COLOR": "x"})
    assert use_color("auto", is_terminal=True, environ={"NO_COLOR": ""})
    assert use_color("auto", is_terminal=False, environ={"FORCE_COLOR": "1"})
    assert not use_color("never", is_terminal=True, environ={"FORCE_COLOR": "1"})
    assert use_color("always", is_terminal=False, environ={"NO_COLOR": "1"})


def test_colour_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run([CASES["goals.yaml"]]).report
    assert "\x1b[" in render(report, RenderContext(width=100, color=True))
    assert "\x1b[" not in render(report, RenderContext(width=100, color=False))


def test_every_failing_goal_shows_a_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _run(list(CASES.values())[:2]).report
    got = " ".join(render(report, RenderContext(width=100)).split())
    for goal in report.goals:
        if not goal.passes_all:
            assert goal.rewrite and " ".join(goal.rewrite.split()) in got


def test_pretty_report_scales_like_the_goals(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report renders each goal on its own: twice the goals, about twice the lines."""
    monkeypatch.chdir(ROOT)
    report = _run([CASES["goals.en.yaml"]]).report
    one = render(report, RenderContext(width=80)).count("\n")
    doubled = type(report)(files=report.files * 2, today=report.today)
    two = render(doubled, RenderContext(width=80)).count("\n")
    assert one < two <= 2 * one


def test_the_report_module_does_not_load_rich() -> None:
    """Pretty output is plain strings; loading Rich alone would cost start-up time."""
    code = "import sys, smartlint.reporters.pretty; print('rich' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_github_job_summary_counts_only_real_passes(tmp_path: Path, cli: Cli) -> None:
    summary = tmp_path / "summary.md"
    _, document, _ = cli(CASES["goals.en.yaml"], "-f", "json")
    goals = json.loads(document)["goals"]
    real = sum(1 for g in goals if set(g["criteria"].values()) == {"pass"})
    cli(CASES["goals.en.yaml"], "-f", "github", GITHUB_STEP_SUMMARY=str(summary))
    assert f"{len(goals)} goals, {real} pass all five criteria" in summary.read_text("utf-8")
