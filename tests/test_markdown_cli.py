"""Markdown goal documents through the command line: every output, option and hostile file.

The hostile files go through the real entry point (test_hostile_cli's runner, which bounds
time and memory); the outputs and options run the command line in this process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli_in_process
from test_hostile_cli import GOOD, assert_good_still_linted, cp1258, findings_of, lint_with_good
from test_hostile_cli import run_cli as timed_cli

TODAY = "2027-07-01"
OKRS = textwrap.dedent(
    """\
    ---
    smartlint: true
    why: Pay for the second support hire
    ---
    # Q3 2027 OKRs

    ## Objective 1: Grow revenue {#grow} (parent: revenue-2027)

    - KR1: Raise trial sign-ups from 1,450 to 1,700 a month
    - KR2: Cut churn from 2.1% to 1.6% by 31 December 2027
    - KR3: Improve the blog

    ## Objective 2: Keep customers {#keep}

    - KR1: Answer 90% of tickets within 4 hours every week
    """
)
COMPANY = textwrap.dedent(
    """\
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
      - id: blog-posts
        title: Publish 12 blog posts by 30 September 2027
        parent: keep
    """
)


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in ``cwd``, in this process (conftest.run_cli_in_process)."""
    result = run_cli_in_process(
        "--today", TODAY, *args, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def as_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    (tmp_path / "okrs.md").write_text(OKRS, encoding="utf-8")
    (tmp_path / "company.yaml").write_text(COMPANY, encoding="utf-8")
    return tmp_path


def codes_at(document: dict[str, Any], path: str) -> set[tuple[str, int]]:
    return {(f["code"], f["line"]) for f in document["findings"] if f["path"] == path}


# ----------------------------------------------------------------- import cost


def test_yaml_runs_never_import_markdown_it(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom smartlint.cli import main\n"
        "status = main(['--today', '2027-01-15', '-f', 'concise', sys.argv[1]])\n"
        "sys.stderr.write('MARKDOWN_IT=' + str('markdown_it' in sys.modules) + '\\n')\n"
    )
    # Outside the repository: inside it, the project's Markdown documents that link to the
    # YAML goals are rightly read for their links.
    for name in ("goals.yaml", "okrs-2027-q3.en.md"):
        shutil.copy(ROOT / "examples" / name, tmp_path / name)
    for path, loaded in (("goals.yaml", False), ("okrs-2027-q3.en.md", True)):
        result = subprocess.run(
            [sys.executable, "-c", probe, path], capture_output=True, text=True, cwd=tmp_path
        )
        assert f"MARKDOWN_IT={loaded}" in result.stderr, result.stderr


# ----------------------------------------------------------------- outputs


def test_json_positions_and_keys(plans: Path) -> None:
    document = as_json(cli("-f", "json", "okrs.md", "company.yaml", cwd=plans))
    goals = [g for g in document["goals"] if g["path"] == "okrs.md"]
    assert [(g["id"], g["line"]) for g in goals] == [
        ("grow", 7),
        (None, 9),
        (None, 10),
        (None, 11),
        ("keep", 13),
        (None, 15),
    ]
    blog = next(f for f in document["findings"] if f["code"] == "S101" and f["line"] == 11)
    assert (blog["column"], blog["end_column"]) == (8, 8 + len("Improve the blog"))
    # cross-file links both ways: no unknown parent on either side
    assert not [f for f in document["findings"] if f["code"] == "R401"]
    t508 = [f for f in document["findings"] if f["code"] == "T508"]
    column = OKRS.split("\n")[9].index("31 December 2027") + 1
    assert [(f["line"], f["column"]) for f in t508] == [(10, column)]


@pytest.mark.parametrize("fmt", ["concise", "json-lines", "sarif", "github", "gitlab", "junit"])
def test_every_format_carries_markdown_positions(plans: Path, fmt: str) -> None:
    result = cli("-f", fmt, "okrs.md", cwd=plans)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    if fmt == "concise":
        assert "okrs.md:11:8: error S101" in out
    elif fmt == "json-lines":
        rows = [json.loads(line) for line in out.splitlines()]
        assert any(r["code"] == "S101" and (r["line"], r["column"]) == (11, 8) for r in rows)
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        regions = [
            r["locations"][0]["physicalLocation"]["region"]
            for r in results
            if r["ruleId"] == "S101"
        ]
        assert {"startLine": 11, "startColumn": 8, "endLine": 11, "endColumn": 24} in [
            {k: r[k] for k in ("startLine", "startColumn", "endLine", "endColumn")} for r in regions
        ]
    elif fmt == "github":
        assert "::error file=okrs.md,line=11,col=8,endColumn=23" in out
    elif fmt == "gitlab":
        issues = json.loads(out)
        assert any(i["location"]["path"] == "okrs.md" for i in issues)
    else:
        assert "okrs.md" in out and "<testcase" in out


def test_tree_and_show_reading(plans: Path) -> None:
    tree = cli("--tree", "okrs.md", "company.yaml", cwd=plans).stdout
    assert "revenue-2027" in tree and "grow" in tree
    lines = tree[tree.index("Goal tree") :].splitlines()
    grow = next(i for i, line in enumerate(lines) if " grow:" in line)
    assert lines[grow].startswith("├─") or lines[grow].startswith("└─")
    reading = cli("--show-reading", "okrs.md", cwd=plans).stdout
    assert "from 'Q3 2027'  [inherited 5:3]" in reading


def test_select_ignore_and_config_nearest_wins(plans: Path) -> None:
    only = as_json(cli("-f", "json", "--select", "T508", "okrs.md", cwd=plans))
    assert {f["code"] for f in only["findings"]} == {"T508"}
    none = as_json(cli("-f", "json", "--ignore", "T,S", "okrs.md", cwd=plans))
    assert not {f["code"][0] for f in none["findings"]} & {"T", "S"}
    sub = plans / "team"
    sub.mkdir()
    (sub / "okrs.md").write_text(OKRS, encoding="utf-8")
    (sub / ".smartlint.yaml").write_text("ignore: [S101]\n", encoding="utf-8")
    document = as_json(cli("-f", "json", "okrs.md", "team/okrs.md", cwd=plans))
    assert ("S101", 11) in codes_at(document, "okrs.md")
    assert ("S101", 11) not in codes_at(document, "team/okrs.md")


def test_root_resolves_parents_across_kinds(plans: Path) -> None:
    markdown_only = as_json(cli("-f", "json", "--root", ".", "okrs.md", cwd=plans))
    assert {g["path"] for g in markdown_only["goals"]} == {"okrs.md"}
    assert not [f for f in markdown_only["findings"] if f["code"] == "R401"]
    yaml_only = as_json(cli("-f", "json", "--root", ".", "company.yaml", cwd=plans))
    assert not [f for f in yaml_only["findings"] if f["code"] == "R401"]
    alone = as_json(cli("-f", "json", "company.yaml", cwd=plans))
    assert [f["line"] for f in alone["findings"] if f["code"] == "R401"] == [7]


# ----------------------------------------------------------------- suppressions


def test_html_comment_suppressions(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text(
        textwrap.dedent(
            """\
            <!-- smartlint: ignore-file[A302] -->
            # Q3 2027 OKRs

            <!-- smartlint: ignore[S101,M201] measured by the new survey -->
            - Improve the blog
            - Improve the shop <!-- smartlint: ignore[S101] end of line -->
            - Improve the app <!-- smartlint: ignore[T501] nothing to hide -->

            ```markdown
            <!-- smartlint: ignore[S101] inside a code block: not a suppression -->
            ```
            """
        ),
        encoding="utf-8",
    )
    document = as_json(cli("-f", "json", "okrs.md", cwd=tmp_path))
    found = codes_at(document, "okrs.md")
    assert ("S101", 5) not in found and ("M201", 5) not in found
    assert ("S101", 6) not in found and ("M201", 6) in found
    assert ("S101", 7) in found
    assert ("F090", 7) in found
    assert not any(code == "A302" for code, _ in found)
    assert not any(line == 10 for _, line in found)
    blog = next(g for g in document["goals"] if g["line"] == 5)
    assert blog["criteria"]["specific"] == "pass"


# ----------------------------------------------------------------- which files


def _repository(root: Path) -> None:
    (root / "README.md").write_text(
        "# Project\n\n## Goals\n\n- Make it fast\n\n```markdown\n## Objective 1: x\n- KR1: y\n```\n",
        encoding="utf-8",
    )
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## 1.0\n\n- First release\n")
    (root / "docs").mkdir()
    (root / "docs" / "guide.md").write_text("# Guide\n\n## Objectives\n\n- Learn the tool\n")
    (root / "okrs").mkdir()
    (root / "okrs" / "2027-q3.md").write_text(OKRS, encoding="utf-8")
    (root / "notes.md").write_text(
        "# Team notes\n\n## Objective 1: Keep customers\n\n- KR1: Answer 90% of tickets\n"
    )
    (root / "company.yaml").write_text(COMPANY, encoding="utf-8")


def test_a_directory_walk_reads_goal_documents_only(tmp_path: Path) -> None:
    _repository(tmp_path)
    document = as_json(cli("-f", "json", ".", cwd=tmp_path))
    assert {g["path"] for g in document["goals"]} == {"company.yaml", "notes.md", "okrs/2027-q3.md"}
    assert not [f for f in document["findings"] if f["code"] == "F023"]


def test_include_names_markdown_files_to_read(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "q3.md").write_text("# Plan\n\n## Grow\n\n- Sell 10 units\n")
    (tmp_path / "plans" / "empty.md").write_text("# Nothing\n")
    assert not as_json(cli("-f", "json", ".", cwd=tmp_path))["goals"]
    (tmp_path / ".smartlint.yaml").write_text('include: ["*.yaml", "plans/*.md"]\n')
    document = as_json(cli("-f", "json", ".", cwd=tmp_path))
    assert {g["path"] for g in document["goals"]} == {"plans/q3.md"}
    assert not document["findings"] or all(f["path"] == "plans/q3.md" for f in document["findings"])


def test_named_markdown_without_goals(tmp_path: Path) -> None:
    _repository(tmp_path)
    named = cli("-f", "concise", "README.md", "CHANGELOG.md", "company.yaml", cwd=tmp_path)
    assert "CHANGELOG.md:1:1: warning F023" in named.stdout
    assert "README.md:5:3" in named.stdout  # named: read whole, its goal list is linted
    quiet = cli(
        "-f", "concise", "--skip-non-goal-files", "README.md", "CHANGELOG.md", "docs/guide.md",
        "company.yaml", cwd=tmp_path,
    )  # fmt: skip
    assert "README.md" not in quiet.stdout and "CHANGELOG.md" not in quiet.stdout
    assert "guide.md" not in quiet.stdout
    kept = cli("-f", "concise", "--skip-non-goal-files", "notes.md", cwd=tmp_path)
    assert "notes.md:5" in kept.stdout


# ----------------------------------------------------------------- hostile documents


MARKDOWN_CASES: list[tuple[str, bytes, set[str]]] = [
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), {"F010"}),
    ("undecodable", b"# OKRs\n\n- T\x81\x8a\x8dng doanh thu\n", {"F009"}),
    ("legacy", cp1258("# OKR quý 3 năm 2027\n\n- Tăng doanh thu lên 10%\n"), {"F008"}),
    ("utf-16", "# OKRs\n\n- Tăng doanh thu lên 10%\n".encode("utf-16"), {"T501"}),
    ("too large", b"# OKRs\n\n" + b"- Sell 10 units this week\n" * 100_000, {"F022"}),
    ("empty", b"", {"F023"}),
    ("deep list", b"# OKRs\n\n" + b"".join(b"  " * i + b"- x\n" for i in range(1_500)), set()),
    ("deep quotes", b"# OKRs\n\n" + b">" * 100_000 + b" - x\n", set()),
    ("one megabyte line", b"# OKRs\n\n- Sell " + b"9" * 1_000_000 + b" units\n", set()),
    ("one megabyte of brackets", b"# OKRs\n\n- " + b"[" * 1_000_000 + b"\n", set()),
    ("broken front matter", b"---\nwhy: [a\n---\n# OKRs\n\n- Sell 10 units\n", {"F001"}),
    ("table bomb", b"| Goal | Target |\n|---|---|\n" + b"| Sell | 10 |\n" * 10_000, set()),
]


@pytest.mark.parametrize(
    ("name", "data", "codes"), MARKDOWN_CASES, ids=[c[0] for c in MARKDOWN_CASES]
)
def test_hostile_markdown_is_a_finding_never_a_traceback(
    tmp_path: Path, name: str, data: bytes, codes: set[str]
) -> None:
    run, _ = lint_with_good(tmp_path, "okrs.md", data)
    assert run.status in (0, 1), run.stderr
    report = run.report()
    assert_good_still_linted(report)
    found = findings_of(report, "okrs.md")
    assert codes <= {f["code"] for f in found}, found
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in found)


def test_walked_binary_markdown_with_a_goal_name_is_reported(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "notes.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = timed_cli("--today", "2027-01-15", "-f", "json", ".", cwd=tmp_path)
    report = run.report()
    assert {f["path"] for f in report["findings"] if f["code"] == "F010"} == {"okrs.md"}


def test_readme_shows_the_real_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = (
        "$ smartlint examples/okrs-2027-q3.en.md --root examples --today 2027-07-01 -f concise\n"
    )
    shown = readme[readme.index(command) + len(command) :].split("```", 1)[0]
    result = subprocess.run(
        [sys.executable, "-m", "smartlint", *command.split()[2:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == shown
