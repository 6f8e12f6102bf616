"""The input side of a run, through the command line (run in this process): which goal set a file belongs to
(the project), standard input with --stdin-filename, missing and empty paths,
--show-settings that loads back, and configurations that extend others."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from conftest import run_cli_in_process

from smartlint.discover import Source
from smartlint.parser import parse_text
from smartlint.scope import linked_files, project_root

TODAY = "2027-01-15"
COMPANY = (
    "goals:\n"
    "  - id: revenue-2027\n"
    "    title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027\n"
    "    why: Nguồn vốn cho mở rộng chi nhánh\n"
)
TEAM = (
    "goals:\n"
    "  - id: signups\n"
    "    title: Increase newsletter subscribers from 4,000 to 5,000 by 31 March 2027\n"
    "    parent: revenue-2027\n"
)


def run(cwd: Path, *args: str, stdin: str | None = None, home: Path | None = None):
    """Run the command line in ``cwd`` with a pinned today, in this process (see conftest)."""
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    if home is not None:
        env["HOME"] = str(home)
    return run_cli_in_process("--today", TODAY, *args, cwd=cwd, stdin=stdin, env=env)


def codes_of(stdout: str) -> list[str]:
    """Return the codes of a JSON report's findings."""
    return [f["code"] for f in json.loads(stdout)["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git project: the company goal at the top, a team file in marketing/."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "company.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "marketing").mkdir()
    (tmp_path / "marketing" / "q1-2027.yaml").write_text(TEAM, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ the project's goal set


def test_one_file_finds_its_parent_in_a_sibling_file(project: Path) -> None:
    done = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    report = json.loads(done.stdout)
    assert "R401" not in codes_of(done.stdout), done.stdout
    assert {g["path"] for g in report["goals"]} == {"q1-2027.yaml"}  # only the named file


def test_the_nearest_configuration_marks_the_project_without_git(tmp_path: Path) -> None:
    (tmp_path / ".smartlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    (tmp_path / "company.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "q1.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path / "team", "-f", "json", "q1.yaml")
    assert "R401" not in codes_of(done.stdout), done.stdout


def test_a_team_configuration_that_extends_belongs_to_the_repository(project: Path) -> None:
    (project / ".smartlint.yaml").write_text("ignore: [R406]\n", encoding="utf-8")
    team = project / "marketing" / ".smartlint.yaml"
    team.write_text("ignore: [A3]\n", encoding="utf-8")
    alone = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    assert "R401" in codes_of(alone.stdout)  # a configuration of its own: its own project
    team.write_text("extend: ../.smartlint.yaml\nignore: [A3]\n", encoding="utf-8")
    extending = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    assert "R401" not in codes_of(extending.stdout), extending.stdout


def test_outside_any_project_a_sibling_parent_stays_unknown(tmp_path: Path) -> None:
    (tmp_path / "company.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "q1.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path, "-f", "json", "q1.yaml")
    assert "R401" in codes_of(done.stdout)


def test_a_git_home_directory_is_not_a_project(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".git").mkdir(parents=True)
    (home / "company.yaml").write_text(COMPANY, encoding="utf-8")
    (home / "notes").mkdir()
    (home / "notes" / "q1.yaml").write_text(TEAM, encoding="utf-8")
    done = run(home / "notes", "-f", "json", "q1.yaml", home=home)
    assert "R401" in codes_of(done.stdout)


def test_project_root_stops_at_home_and_follows_extends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "work" / "plans" / "team").mkdir(parents=True)
    (home / ".git").mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert project_root(home / "work" / "plans" / "team" / "q1.yaml", None) is None
    (home / "work" / "plans" / ".git").mkdir()
    assert project_root(home / "work" / "plans" / "team" / "q1.yaml", None) == (
        home / "work" / "plans"
    )
    team = home / "work" / "plans" / "team" / ".smartlint.yaml"
    top = home / "work" / "plans" / ".smartlint.yaml"
    assert project_root(None, team) == team.parent
    assert project_root(None, team, (top,)) == top.parent
    assert project_root(None, home / ".smartlint.yaml") is None  # a personal configuration


def test_root_option_still_overrides_the_project(project: Path) -> None:
    done = run(project / "marketing", "-f", "json", "--root", ".", "q1-2027.yaml")
    assert "R401" in codes_of(done.stdout)  # the goal set is marketing/ only


def test_a_parent_outside_the_project_is_r401_with_a_did_you_mean(project: Path) -> None:
    (project / "marketing" / "q1-2027.yaml").write_text(
        TEAM.replace("revenue-2027", "revenue-2072"), encoding="utf-8"
    )
    done = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    found = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "R401"]
    assert len(found) == 1 and "`revenue-2027`" in found[0]["suggestion"]


def test_gitignored_files_hold_no_parents(project: Path) -> None:
    (project / ".gitignore").write_text("archive/\n", encoding="utf-8")
    (project / "archive").mkdir()
    (project / "company.yaml").rename(project / "archive" / "company.yaml")
    done = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    assert "R401" in codes_of(done.stdout)


def test_a_cycle_through_a_sibling_file_is_found(project: Path) -> None:
    (project / "company.yaml").write_text(
        COMPANY.replace("    why: Nguồn vốn cho mở rộng chi nhánh\n", "    parent: signups\n"),
        encoding="utf-8",
    )
    done = run(project / "marketing", "-f", "json", "q1-2027.yaml")
    assert "R403" in codes_of(done.stdout) or any(
        "cycle" in f["name"] for f in json.loads(done.stdout)["findings"]
    ), done.stdout


def test_key_results_in_a_sibling_file_judge_an_objective(project: Path) -> None:
    (project / "company.yaml").write_text(
        "goals:\n  - id: grow\n    title: Make the newsletter the heart of marketing\n"
        "    why: Nguồn vốn cho mở rộng chi nhánh\n",
        encoding="utf-8",
    )
    (project / "marketing" / "q1-2027.yaml").write_text(
        TEAM.replace("revenue-2027", "grow"), encoding="utf-8"
    )
    alone = run(project, "-f", "json", "--root", "company.yaml", "company.yaml")
    linked = run(project, "-f", "json", "company.yaml")
    assert "S101" in codes_of(alone.stdout)  # no key results seen: a vague goal
    assert "S101" not in codes_of(linked.stdout), linked.stdout  # judged through its KR


def test_only_files_that_mention_a_linked_id_are_parsed(tmp_path: Path) -> None:
    """The cost of one file's run grows with the goals it links to, not with the project."""
    reported = parse_text(TEAM, "team.yaml")
    candidates = []
    for n in range(60):
        path = tmp_path / f"other-{n}.yaml"
        # every file names the company goal as a parent; one defines it
        text = f"goals:\n  - id: o{n}\n    title: Grow by {n}%\n    parent: revenue-2027\n"
        path.write_text(COMPANY if n == 30 else text, encoding="utf-8")
        candidates.append(Source(str(path), path, False))
    parsed: list[str] = []

    def parse(source: Source):
        assert source.path is not None
        parsed.append(source.display)
        return parse_text(source.path.read_text(encoding="utf-8"), source.display)

    found, _ = linked_files([reported], candidates, parse)
    assert parsed == [str(tmp_path / "other-30.yaml")]
    assert [g.goal_id for f in found for g in f.goals] == ["revenue-2027"]


# ------------------------------------------------------------------ --stdin-filename


def test_stdin_filename_names_positions_config_and_parents(project: Path) -> None:
    (project / ".smartlint.yaml").write_text("ignore: [R406]\n", encoding="utf-8")
    (project / "marketing" / ".smartlint.yaml").write_text(
        "extend: ../.smartlint.yaml\nignore: [A3]\n", encoding="utf-8"
    )
    edited = TEAM + "  - id: extra\n    title: Reach 300 demo requests by 31 March 2027\n"
    edited += "    parent: revenue-2027\n"
    done = run(
        project,
        "-f",
        "json",
        "--stdin-filename",
        "marketing/q1-2027.yaml",
        "-",
        stdin=edited,
    )
    report = json.loads(done.stdout)
    assert [g["path"] for g in report["goals"]] == ["marketing/q1-2027.yaml"] * 2  # the buffer
    found = codes_of(done.stdout)
    assert "R401" not in found  # the project of that path
    assert not any(c.startswith("A3") for c in found)  # its nearest configuration
    assert "R404" not in found and "R405" not in found  # the file on disk is not read twice


def test_stdin_filename_without_a_dash_reads_stdin(project: Path) -> None:
    done = run(project, "-f", "concise", "--stdin-filename", "marketing/new.yaml", stdin=TEAM)
    assert done.returncode in (0, 1), done.stderr
    assert all(line.startswith("marketing/new.yaml:") for line in done.stdout.splitlines())


def test_stdin_filename_chooses_markdown_and_csv(tmp_path: Path) -> None:
    markdown = "# Q3 2027 OKRs\n\n## Objective 1: Grow\n\n- KR1: Increase signups by 10%\n"
    done = run(tmp_path, "-f", "json", "--stdin-filename", "okrs.md", "-", stdin=markdown)
    assert json.loads(done.stdout)["goals"], done.stdout + done.stderr
    sheet = "Title,Deadline\nIncrease signups from 100 to 120,2027-06-30\n"
    done = run(tmp_path, "-f", "json", "--stdin-filename", "kpi.csv", "-", stdin=sheet)
    goals = json.loads(done.stdout)["goals"]
    assert [g["path"] for g in goals] == ["kpi.csv"], done.stderr


def test_stdin_filename_in_a_missing_directory(tmp_path: Path) -> None:
    done = run(tmp_path, "-f", "concise", "--stdin-filename", "no/such/dir/g.yaml", stdin=TEAM)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("no/such/dir/g.yaml:")
    assert "Traceback" not in done.stderr


def test_stdin_filename_reads_history_next_to_that_path(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "subs.csv").write_text(
        "month,value\n2026-10,3500\n2026-11,3700\n2026-12,4000\n", encoding="utf-8"
    )
    goal = TEAM + "    history: subs.csv\n"
    done = run(tmp_path, "-f", "json", "--stdin-filename", "plans/q1.yaml", stdin=goal)
    assert "F015" not in codes_of(done.stdout), done.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--stdin-filename", "x.yaml", "other.yaml"], "add - to the paths"),
        (["--stdin-filename", "", "-"], "give the path of a file"),
        (["--stdin-filename", "plans/", "-"], "give the path of a file"),
    ],
)
def test_stdin_filename_usage_errors(tmp_path: Path, args: list[str], fragment: str) -> None:
    (tmp_path / "other.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path, *args, stdin=TEAM)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and fragment in done.stderr, done.stderr


# ------------------------------------------------------------------ wrong places


def test_a_missing_path_prints_one_line_and_nothing_on_stdout(tmp_path: Path) -> None:
    for fmt in ("pretty", "json", "sarif"):
        done = run(tmp_path, "-f", fmt, "nope.yaml")
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr == "smartlint: error: nope.yaml: no such file or directory\n"


def test_a_missing_path_beside_a_real_one_still_lints_it(tmp_path: Path) -> None:
    (tmp_path / "team.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path, "-f", "concise", "nope.yaml", "team.yaml")
    assert done.returncode == 2
    assert "team.yaml:" in done.stdout and "nope.yaml" in done.stderr


def test_a_directory_without_goal_files_warns(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / "team.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path, "-f", "concise", ".github/")
    assert done.returncode == 0
    assert done.stderr == "smartlint: warning: no goal files under .github/\n"
    both = run(tmp_path, "-f", "concise", ".github/", "team.yaml")
    assert "team.yaml:" in both.stdout and "no goal files under .github/" in both.stderr


# ------------------------------------------------------------------ --show-settings


def _body(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_show_settings_loads_back_through_the_cli(project: Path) -> None:
    (project / ".smartlint.yaml").write_text(
        "select: [S, M, T]\nignore: [T505]\nseverity: {T506: warning}\n"
        "per-file-ignores: {'drafts/*.yaml': [T]}\nlanguage: vi\nachievable-factor: 3\n"
        "exclude: [archive/]\nfail-on: warning\nformat: concise\nroot: .\n",
        encoding="utf-8",
    )
    shown = run(project, "--show-settings", "marketing/q1-2027.yaml")
    assert shown.returncode == 0, shown.stderr
    assert sum(line.startswith("root:") for line in shown.stdout.splitlines()) == 1
    assert isinstance(yaml.safe_load(shown.stdout), dict)
    saved = project / "settings.yaml"
    saved.write_text(shown.stdout, encoding="utf-8")
    again = run(project, "--config", "settings.yaml", "--show-settings", "marketing/q1-2027.yaml")
    assert again.returncode == 0, again.stderr
    assert _body(again.stdout) == _body(shown.stdout)
    linted = run(project, "--config", "settings.yaml", "marketing/q1-2027.yaml")
    assert linted.returncode in (0, 1), linted.stderr


def test_show_settings_of_the_defaults_and_options_loads_back(tmp_path: Path) -> None:
    shown = run(tmp_path, "--show-settings", "--select", "T", "--lang", "en", "x.yaml")
    assert "root:" not in shown.stdout  # outside any project: no goal set beyond the files
    (tmp_path / "s.yaml").write_text(shown.stdout, encoding="utf-8")
    again = run(tmp_path, "--config", "s.yaml", "--show-settings", "x.yaml")
    assert _body(again.stdout) == _body(shown.stdout), again.stderr


# ------------------------------------------------------------------ extend


def test_extend_inherits_and_overrides(tmp_path: Path) -> None:
    (tmp_path / ".smartlint.yaml").write_text(
        "ignore: [R406]\nseverity: {T506: warning}\nexclude: [team/drafts/]\n"
        "achievable-factor: 3\nlanguage: vi\nroot: plans\n",
        encoding="utf-8",
    )
    team = tmp_path / "team"
    (team / "drafts").mkdir(parents=True)
    (tmp_path / "plans").mkdir()
    (team / ".smartlint.yaml").write_text(
        "extend: ../.smartlint.yaml\nignore: [A302]\nlanguage: en\n", encoding="utf-8"
    )
    (team / "drafts" / "wip.yaml").write_text("goals:\n  - Grow sales\n", encoding="utf-8")
    (team / "a.yaml").write_text(TEAM, encoding="utf-8")
    shown = yaml.safe_load(run(tmp_path, "--show-settings", "team/a.yaml").stdout)
    assert shown["language"] == "en"  # the extending file's key wins
    assert shown["achievable-factor"] == 3.0 and shown["severity"] == {"T506": "warning"}
    assert "A302" not in shown["select"] and "R406" not in shown["select"]  # layers, as ruff
    assert shown["root"] == str(tmp_path / "plans")  # relative to the extended file
    done = run(tmp_path, "-f", "concise", "team")
    assert "wip.yaml" not in done.stdout  # its exclude, relative to the extended file
    assert "R406" not in done.stdout and "A302" not in done.stdout


def test_extend_chains_and_reads_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.smartlint]\nignore = ["R406"]\n', encoding="utf-8"
    )
    (tmp_path / "mid").mkdir()
    (tmp_path / "mid" / ".smartlint.yaml").write_text(
        "extend: ../pyproject.toml\nignore: [A302]\n", encoding="utf-8"
    )
    (tmp_path / "mid" / "team").mkdir()
    (tmp_path / "mid" / "team" / ".smartlint.yaml").write_text(
        "extend: ../.smartlint.yaml\nlanguage: en\n", encoding="utf-8"
    )
    shown = yaml.safe_load(run(tmp_path, "--show-settings", "mid/team/x.yaml").stdout)
    assert "R406" not in shown["select"] and "A302" not in shown["select"]


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ({"a.yaml": "extend: b.yaml\n", "b.yaml": "extend: a.yaml\n"}, "makes a cycle"),
        ({"a.yaml": "extend: a.yaml\n"}, "makes a cycle"),
        ({"a.yaml": "extend: missing.yaml\n"}, "missing.yaml: no such file"),
        ({"a.yaml": "extend: list.yaml\n", "list.yaml": "- select\n"}, "must be a mapping"),
        ({"a.yaml": "extend: [b.yaml]\n"}, "'extend' must be the path"),
        ({"a.yaml": "extend:\n"}, "'extend' must be the path"),
        ({"a.yaml": "extend: sub\n", "sub/x": ""}, "sub: no such file"),
        ({"a.yaml": "extend: b.yaml\n", "b.yaml": "selct: [T]\n"}, "unknown key 'selct'"),
        ({"a.yaml": "extnd: b.yaml\n"}, "did you mean 'extend'"),
        (
            {"a.yaml": "extend: pyproject.toml\n", "pyproject.toml": "[project]\n"},
            "has no [tool.smartlint]",
        ),
    ],
)
def test_bad_extends_exit_2_with_one_line(
    tmp_path: Path, files: dict[str, str], fragment: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".smartlint.yaml").write_text("extend: a.yaml\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(TEAM, encoding="utf-8")
    done = run(tmp_path, "g.yaml")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and fragment in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
