"""The core command line, through the real entry point: exit codes, errors, formats, stdin.

What a shell sees (exit status, one line on stderr, stdout piped) runs ``python -m
smartlint``; what an option prints runs the same ``main`` in this process.  The seed corpus
file is linted in a copy of the corpus alone (conftest.copy_alone).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import FINDING_KEYS, copy_alone, run_cli, run_cli_in_process

from smartlint import __version__

SEED = "tests/data/corpus/seed-goals.yaml"
GOOD = "goals:\n  - id: g\n    title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n    why: Mở chi nhánh\n"


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus alone: in the repository the seed file links to ~1,600 goals elsewhere."""
    return copy_alone(tmp_path_factory.mktemp("cli"), "tests/data/corpus")


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"smartlint {__version__}"


def test_help_lists_the_options() -> None:
    done = run_cli_in_process("--help")
    assert done.returncode == 0
    for option in ("--format", "--today", "--list-rules", "--explain", "--version", "--lang"):
        assert option in done.stdout


def test_list_rules_shows_every_code() -> None:
    done = run_cli_in_process("--list-rules")
    assert done.returncode == 0
    for code in ("S101", "M201", "T501"):
        assert re.search(rf"^{code}\s+[a-z-]+\s+(error|warning|info)\s", done.stdout, re.MULTILINE)


@pytest.mark.parametrize("key", ["T505", "t505", "bare-year-deadline"])
def test_explain_by_code_or_name(key: str) -> None:
    done = run_cli_in_process("--explain", key)
    assert done.returncode == 0
    assert done.stdout.startswith("T505 bare-year-deadline")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in done.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--explain", "Z999"], "unknown rule 'Z999'"),
        (["--today", "31/12/2027", SEED], "--today '31/12/2027' is not a date"),
        (["--format", "xml", SEED], "unknown format 'xml'"),
        (["--lang", "fr", SEED], "--lang 'fr'"),
        (["--no-such-option", SEED], "No such option"),
        ([], "no PATH given"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], fragment: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("smartlint: error: ")
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_path_is_reported_and_other_files_still_linted(alone: Path) -> None:
    done = run_cli(
        "--format", "concise", "--today", "2027-01-15", "does-not-exist.yaml", SEED, cwd=alone
    )
    assert done.returncode == 2
    assert "does-not-exist.yaml: no such file or directory" in done.stderr
    assert f"{SEED}:" in done.stdout


def test_clean_file_exits_0() -> None:
    done = run_cli("--today", "2027-01-15", "--format", "concise", "-", stdin=GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " error " not in done.stdout and " warning " not in done.stdout


def test_findings_at_error_exit_1_and_concise_lines(alone: Path) -> None:
    done = run_cli("--today", "2021-01-15", "--format", "concise", SEED, cwd=alone)
    assert done.returncode == 1
    line = re.compile(
        r"^tests/data/corpus/seed-goals\.yaml:\d+:\d+: (error|warning|info) [SMARTF]\d{3} \S.*$"
    )
    lines = done.stdout.splitlines()
    assert lines and all(line.match(x) for x in lines), lines[:3]


def test_json_contract(alone: Path) -> None:
    done = run_cli_in_process("--today", "2021-01-15", "--format", "json", SEED, cwd=alone)
    document = json.loads(done.stdout)
    assert document["schema_version"] == 1
    assert set(document) == {"schema_version", "goals", "findings", "summary"}
    goal = document["goals"][0]
    assert set(goal) == {
        *("path", "id", "title", "line", "column", "language", "criteria", "suggestion")
    }
    assert set(goal["criteria"]) == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    }
    assert goal["path"] == SEED and goal["line"] == 4 and goal["column"] == 5
    finding = document["findings"][0]
    assert set(finding) == FINDING_KEYS
    assert document["summary"]["files"] == 1 and document["summary"]["goals"] == 15


def test_json_is_deterministic(alone: Path) -> None:
    first = run_cli("--today", "2021-01-15", "--format", "json", SEED, cwd=alone).stdout
    second = run_cli("--today", "2021-01-15", "--format", "json", SEED, cwd=alone).stdout
    assert first == second


def test_stdin_is_read_with_dash() -> None:
    done = run_cli("--today", "2027-01-15", "--format", "json", "-", stdin="- Improve the blog\n")
    document = json.loads(done.stdout)
    assert document["goals"][0]["path"] == "-"
    assert document["goals"][0]["criteria"]["specific"] == "fail"


def test_pretty_output_is_plain_when_piped_or_no_color(alone: Path) -> None:
    env = dict(os.environ, NO_COLOR="1")
    done = run_cli("--today", "2021-01-15", SEED, env=env, cwd=alone)
    assert "\x1b[" not in done.stdout
    assert "S ✗  M ✗  A –  R ✗  T ✗" in done.stdout
    assert "Viết lại:" in done.stdout


def test_lang_forces_english_messages() -> None:
    done = run_cli_in_process(
        "--today",
        "2027-01-15",
        "--lang",
        "en",
        "--format",
        "json",
        "-",
        stdin="- Tăng số lượng người ghé thăm trang blog\n",
    )
    document = json.loads(done.stdout)
    assert document["goals"][0]["language"] == "en"
    assert any("quantity" in f["message"] for f in document["findings"])


def test_show_reading_prints_what_was_understood() -> None:
    done = run_cli_in_process(
        "--today",
        "2027-01-15",
        "--show-reading",
        "-",
        stdin="- Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n",
    )
    assert "baseline" in done.stdout and "2,000,000,000" in done.stdout
    assert "2027-12-31" in done.stdout


def test_directory_is_searched_for_goal_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text("- Improve the blog\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text("- Improve the shop\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not yaml", encoding="utf-8")
    done = run_cli_in_process("--today", "2027-01-15", "--format", "json", str(tmp_path))
    paths = sorted({g["path"] for g in json.loads(done.stdout)["goals"]})
    assert paths == [str(tmp_path / "a.yaml"), str(tmp_path / "sub" / "b.yml")]


def test_root_option_and_config_key_resolve_parents_in_files_not_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "company.yaml").write_text(
        "- id: revenue-2027\n  title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n"
        "  why: Mở chi nhánh\n",
        encoding="utf-8",
    )
    team = plans / "team.yaml"
    team.write_text(
        "- id: seo\n  title: Increase organic visits from 12,000 to 13,200 by 31 July 2027\n"
        "  parent: revenue-2027\n",
        encoding="utf-8",
    )
    args = ("--today", "2027-01-15", "--format", "json", "--isolated")
    alone = json.loads(run_cli_in_process(*args, str(team)).stdout)
    assert alone["goals"][0]["criteria"]["relevant"] == "fail"  # parent not in the set
    rooted = json.loads(run_cli_in_process(*args, "--root", str(plans), str(team)).stdout)
    assert [g["id"] for g in rooted["goals"]] == ["seo"]  # only the file given is reported
    assert rooted["goals"][0]["criteria"]["relevant"] == "pass"
    (tmp_path / ".smartlint.yaml").write_text("root: plans\n", encoding="utf-8")
    configured = json.loads(run_cli_in_process(*args[:-1], str(team)).stdout)
    assert configured["goals"][0]["criteria"]["relevant"] == "pass"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("--today", "2027-01-15", "--format", "concise", "-"), "- Improve the blog\n"),
        (("--today", "2027-01-15", "-"), GOOD),  # pretty, exit 0
        (("--format", "xml", SEED), None),  # a usage error: exit 2, one line on stderr
        (("--explain", "T505"), None),
    ],
    ids=["findings", "clean", "usage-error", "explain"],
)
def test_in_process_runs_are_what_the_entry_point_prints(
    args: tuple[str, ...], stdin: str | None
) -> None:
    """conftest.run_cli_in_process, which most option tests use, is python -m smartlint."""
    env = {**os.environ, "SMARTLINT_PROBE": "1"}
    real = run_cli(*args, stdin=stdin, env=env)
    here, environ = os.getcwd(), dict(os.environ)
    same = run_cli_in_process(*args, stdin=stdin, env=env)
    assert (same.returncode, same.stdout, same.stderr) == (
        real.returncode,
        real.stdout,
        real.stderr,
    )
    assert (os.getcwd(), dict(os.environ)) == (here, environ)  # put back as it was
