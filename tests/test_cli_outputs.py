"""The CI side of the command line, end to end: formats, reports, exit policy, rule choice.

The command line runs in this process (conftest.run_cli_in_process): the subject is what the
options do; tests/test_cli.py keeps the real entry point.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import run_cli_in_process

DATA = Path(__file__).resolve().parent / "data"
TODAY = "2027-01-15"
BAD = "goals:\n  - id: blog\n    title: Tăng số lượng người ghé thăm trang blog\n"
GOOD = (
    "goals:\n  - id: doanh-thu\n"
    "    title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n"
    "    why: Mở chi nhánh\n"
)
BROKEN = "goals:\n  - title: 'Tăng doanh thu\n"


def smartlint(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in ``cwd`` with a pinned today, in this process (see conftest)."""
    environ = dict(env) if env is not None else dict(os.environ)
    if env is None:
        environ.pop("GITHUB_STEP_SUMMARY", None)  # a CI runner's summary is not the test's
    return run_cli_in_process("--today", TODAY, *args, cwd=cwd, env=environ)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """Make a directory with one bad goal file, one good one and one broken one."""
    (tmp_path / "blog.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_sarif_through_the_cli_is_valid(plans: Path) -> None:
    done = smartlint(plans, "--format", "sarif", "blog.yaml", "broken.yaml")
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"S101", "F001"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"blog.yaml", "broken.yaml"}


def test_github_annotations_through_the_cli(plans: Path) -> None:
    done = smartlint(plans, "--format", "github", "blog.yaml")
    lines = done.stdout.splitlines()
    pattern = re.compile(
        r"^::(error|warning|notice) file=blog\.yaml,line=\d+(,col=\d+(,endColumn=\d+)?|,endLine=\d+)"
        r",title=[A-Z]\d{3} [a-z0-9-]+::\S.*$"
    )
    assert lines and all(pattern.match(line) for line in lines), lines
    assert any(line.startswith("::error file=blog.yaml,line=3,col=12") for line in lines)


def test_github_job_summary_is_appended(plans: Path) -> None:
    summary = plans / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    env = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary))
    smartlint(plans, "--format", "github", "blog.yaml", env=env)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## smartlint\n")
    assert "| blog.yaml:2 blog | ✗ |" in text


def test_gitlab_code_quality_through_the_cli(plans: Path) -> None:
    issues = json.loads(smartlint(plans, "--format", "gitlab", "blog.yaml", "broken.yaml").stdout)
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert issue["location"]["path"] in {"blog.yaml", "broken.yaml"}
        assert issue["severity"] in {"info", "minor", "major"}
        assert issue["location"]["lines"]["begin"] >= 1


def test_junit_through_the_cli(plans: Path) -> None:
    done = smartlint(plans, "--format", "junit", "blog.yaml", "good.yaml", "broken.yaml")
    root = ET.fromstring(done.stdout)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"blog.yaml", "good.yaml", "broken.yaml"}
    blog = suites["blog.yaml"].findall("testcase")
    assert blog[0].get("name") == "blog (line 2)" and blog[0].find("failure") is not None
    good = suites["good.yaml"].findall("testcase")
    assert [c.find("failure") for c in good] == [None]
    broken = suites["broken.yaml"].findall("testcase")
    assert broken[0].get("name", "").startswith("F001 invalid-yaml")


def test_json_lines_through_the_cli(plans: Path) -> None:
    done = smartlint(plans, "--format", "json-lines", "blog.yaml")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    contract = json.loads(smartlint(plans, "--format", "json", "blog.yaml").stdout)["findings"]
    assert records == contract


def test_several_reports_in_one_run(plans: Path) -> None:
    done = smartlint(
        plans,
        "--format",
        "concise",
        "-o",
        "out.txt",
        "--report",
        "sarif:out.sarif",
        "--report",
        "junit:junit.xml",
        "blog.yaml",
    )
    assert done.returncode == 1 and done.stdout == ""
    assert (plans / "out.txt").read_text(encoding="utf-8").startswith("blog.yaml:")
    assert json.loads((plans / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    ET.fromstring((plans / "junit.xml").read_text(encoding="utf-8"))


def test_machine_output_is_byte_identical(
    plans: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Two runs write the same bytes in every machine format (each run writes them all)."""
    formats = ("sarif", "github", "gitlab", "junit", "json-lines")
    written = []
    for _ in range(2):
        out = tmp_path_factory.mktemp("reports")
        reports = [arg for fmt in formats for arg in ("--report", f"{fmt}:{out / fmt}")]
        done = smartlint(plans, "--format", "json", *reports, ".")
        assert done.returncode == 1, done.stderr
        written.append({fmt: (out / fmt).read_bytes() for fmt in formats})
    assert all(written[0].values())
    assert written[0] == written[1]


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ([], 1),
        (["--fail-on", "never"], 0),
        (["--exit-zero"], 0),
        (["--ignore", "ALL"], 0),
        (["--select", "F003", "--fail-on", "warning"], 1),
        (["--select", "F003"], 0),
    ],
)
def test_exit_status_follows_fail_on(tmp_path: Path, args: list[str], status: int) -> None:
    (tmp_path / "g.yaml").write_text(BAD + "    titel: typo\n", encoding="utf-8")
    assert smartlint(tmp_path, *args, "g.yaml").returncode == status


def _codes(cwd: Path, *args: str) -> set[str]:
    done = smartlint(cwd, "--format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return {f["code"] for f in json.loads(done.stdout)["findings"]}


def test_select_ignore_and_extend_select(plans: Path) -> None:
    every = _codes(plans, "blog.yaml")
    assert "S101" in every
    assert _codes(plans, "--select", "T", "blog.yaml") == {c for c in every if c[0] == "T"}
    assert "S101" not in _codes(plans, "--ignore", "no-quantity", "blog.yaml")
    assert _codes(plans, "--select", "T501", "--extend-select", "S1", "blog.yaml") <= {
        "T501",
        "S101",
        "S102",
        "S103",
    }


def test_a_configuration_file_changes_the_findings(plans: Path) -> None:
    before = json.loads(smartlint(plans, "--format", "json", "blog.yaml").stdout)
    (plans / ".smartlint.yaml").write_text(
        "ignore: [S101]\nseverity: {T501: warning}\n", encoding="utf-8"
    )
    after = json.loads(smartlint(plans, "--format", "json", "blog.yaml").stdout)
    assert "S101" in {f["code"] for f in before["findings"]}
    assert "S101" not in {f["code"] for f in after["findings"]}
    assert {f["severity"] for f in after["findings"] if f["code"] == "T501"} == {"warning"}
    assert after["goals"][0]["criteria"]["specific"] != "fail"
    isolated = json.loads(smartlint(plans, "--isolated", "--format", "json", "blog.yaml").stdout)
    assert isolated == before


def test_pyproject_configuration_and_per_file_ignores(plans: Path) -> None:
    (plans / "pyproject.toml").write_text(
        "[tool.smartlint]\nper-file-ignores = {'blog.yaml' = ['T']}\n", encoding="utf-8"
    )
    codes = _codes(plans, "blog.yaml")
    assert codes and not any(c.startswith("T") for c in codes)


def test_an_inline_suppression_changes_findings_and_verdicts(plans: Path) -> None:
    (plans / "s.yaml").write_text(
        "goals:\n"
        "  # smartlint: ignore[T] the date comes with the budget\n"
        "  - id: blog\n"
        "    title: Tăng số lượng người ghé thăm trang blog  # smartlint: ignore[S101]\n",
        encoding="utf-8",
    )
    document = json.loads(smartlint(plans, "--format", "json", "s.yaml").stdout)
    codes = {f["code"] for f in document["findings"]}
    assert "S101" not in codes and not any(c.startswith("T") for c in codes)
    assert document["goals"][0]["criteria"]["specific"] == "pass"
    assert document["goals"][0]["criteria"]["time_bound"] == "pass"


def test_unused_suppressions_are_findings(plans: Path) -> None:
    (plans / "u.yaml").write_text(GOOD + "# smartlint: ignore-file[T501, X1]\n", encoding="utf-8")
    done = smartlint(plans, "--format", "concise", "u.yaml")
    # in the language of the file's goals (Vietnamese), as a sentence
    assert "u.yaml:5:1: info F090 Lệnh bỏ qua T501 không khớp với phát hiện nào." in done.stdout
    assert "'X1' không phải là một quy tắc của smartlint." in done.stdout
    english = smartlint(plans, "--format", "concise", "--lang", "en", "u.yaml")
    assert "u.yaml:5:1: info F090 The suppression of T501 matches no finding." in english.stdout
    assert done.returncode == 0


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ("selct: [T]\n", ".smartlint.yaml: unknown key 'selct' (did you mean 'select'?)"),
        ("achievable-factor: fast\n", "'achievable-factor' must be a positive number"),
        ("ignore: [T9]\n", "unknown rule selector 'T9'"),
    ],
)
def test_bad_configuration_exits_2(plans: Path, config: str, fragment: str) -> None:
    (plans / ".smartlint.yaml").write_text(config, encoding="utf-8")
    done = smartlint(plans, "blog.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith("smartlint: error: .smartlint.yaml: ")
    assert done.stderr.count("\n") == 1 and fragment in done.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--fail-on", "sometimes"], "--fail-on 'sometimes'"),
        (["--report", "sarif"], "write FORMAT:PATH"),
        (["--report", "xml:out.xml"], "unknown format 'xml'"),
        (["--report", "json:-"], "only one report can go to standard output"),
        (["--select", "T5O1"], "did you mean 'T501'?"),
        (["--config", "missing.yaml"], "--config missing.yaml: no such file"),
    ],
)
def test_usage_errors(plans: Path, args: list[str], fragment: str) -> None:
    done = smartlint(plans, *args, "blog.yaml")
    assert done.returncode == 2 and fragment in done.stderr, done.stderr


def test_show_settings_for_the_first_path(plans: Path) -> None:
    (plans / "team").mkdir()
    (plans / "team" / ".smartlint.yaml").write_text(
        "select: [T]\nlanguage: en\nachievable-factor: 3\n", encoding="utf-8"
    )
    done = smartlint(plans, "--show-settings", "team", "blog.yaml")
    assert done.returncode == 0
    assert f"# config: {plans / 'team' / '.smartlint.yaml'}\n" in done.stdout
    assert 'language: "en"' in done.stdout and "achievable-factor: 3.0" in done.stdout
    assert re.search(r'^select: \["T501"', done.stdout, re.MULTILINE)
    chosen = smartlint(plans, "--config", "team/.smartlint.yaml", "--show-settings", "blog.yaml")
    assert 'language: "en"' in chosen.stdout


def test_print_schema(plans: Path) -> None:
    done = smartlint(plans, "--print-schema")
    assert done.returncode == 0 and json.loads(done.stdout)["title"] == "smartlint goal file"


def test_walks_skip_other_yaml_and_gitignored_files(plans: Path) -> None:
    (plans / ".git").mkdir()
    (plans / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (plans / "drafts").mkdir()
    (plans / "drafts" / "wip.yaml").write_text(BAD, encoding="utf-8")
    (plans / "docker-compose.yml").write_text("services:\n  web:\n    image: x\n")
    done = smartlint(plans, "--format", "json", ".")
    paths = {g["path"] for g in json.loads(done.stdout)["goals"]}
    assert paths == {"blog.yaml", "good.yaml"}
    assert "docker-compose" not in done.stdout
    named = smartlint(plans, "--format", "concise", "docker-compose.yml")
    assert "F007" in named.stdout
    quiet = smartlint(plans, "--format", "concise", "--skip-non-goal-files", "docker-compose.yml")
    assert quiet.stdout == "" and quiet.returncode == 0


def test_sarif_lists_the_enabled_rules(plans: Path) -> None:
    from smartlint.rules import ALL_RULES

    done = smartlint(plans, "--format", "sarif", "--select", "T", "blog.yaml")
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.code for r in ALL_RULES if r.code[0] == "T")
    every = json.loads(smartlint(plans, "--format", "sarif", "blog.yaml").stdout)
    assert len(every["runs"][0]["tool"]["driver"]["rules"]) == len(ALL_RULES)
