"""--fix, --unsafe-fixes and --diff through the real command line (issue 14).

The properties hold over every example and corpus file: a fixed file reads as the same
goals, --diff then has nothing to show (so a second --fix changes nothing); and every byte
the fixes do not touch stays as it was (comments, quoting, line ends, BOM, encoding).  The
runs over every file use the real entry point; the small cases run the command line in this
process.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from conftest import run_cli_in_process

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TODAY = "2027-03-10"


def smartlint_process(
    cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the real entry point in ``cwd`` and capture its bytes.

    For the runs over every file: the real ``python -m smartlint``, with its worker processes.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "--isolated", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def smartlint(
    cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command line in ``cwd`` in this process (conftest.run_cli_in_process), as bytes."""
    return run_cli_in_process(
        "--today", TODAY, "--isolated", *args, stdin=stdin, cwd=cwd, text=False
    )


def out(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stdout.decode("utf-8")


def err(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stderr.decode("utf-8")


# --------------------------------------------------------------------------- every file


@pytest.fixture(scope="module")
def every_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Copy every example and corpus file (histories next to their goals) to a fresh tree."""
    base = tmp_path_factory.mktemp("every")
    shutil.copytree(ROOT / "examples", base / "examples")
    shutil.copytree(DATA / "corpus", base / "corpus")
    for expected in (base / "corpus").glob("*.expected.yaml"):
        expected.unlink()
    files = sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
    return base, files


def _snapshot(base: Path, files: list[str]) -> dict[str, bytes]:
    return {name: (base / name).read_bytes() for name in files}


def _goals(base: Path, files: list[str]) -> list[tuple[str, str | None, int]]:
    done = smartlint_process(base, "-f", "json", *files)
    assert done.returncode in (0, 1), err(done)
    document = json.loads(out(done))
    return [(g["path"], g["id"], g["line"]) for g in document["goals"]]


@pytest.fixture(scope="module")
def goals_before(every_file: tuple[Path, list[str]]) -> list[tuple[str, str | None, int]]:
    """The goals of every file as written (a lint that writes nothing), for both modes."""
    return _goals(*every_file)


@dataclass(frozen=True)
class FixedTree:
    """A copy of every file after ``--diff`` and then ``--fix`` ran on it (tests only read it)."""

    base: Path
    before: dict[str, bytes]  # the bytes as copied
    after_diff: dict[str, bytes]  # after --diff, which must write nothing
    after: dict[str, bytes]  # after --fix
    diff: subprocess.CompletedProcess[bytes]
    fixed: subprocess.CompletedProcess[bytes]


@pytest.fixture(scope="module")
def fix_every_file(
    every_file: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> Callable[[bool], FixedTree]:
    """Return the fixed tree of a mode (safe or unsafe), fixed once per test process.

    The slowest runs of the suite (every file, every round of fixes), shared by the tests of
    what --fix and --diff do to the same files.
    """
    source, files = every_file
    trees: dict[bool, FixedTree] = {}

    def fixed_tree(unsafe: bool) -> FixedTree:
        if unsafe not in trees:
            base = tmp_path_factory.mktemp("fixed") / "tree"
            shutil.copytree(source, base)
            extra = ["--unsafe-fixes"] if unsafe else []
            before = _snapshot(base, files)
            diff = smartlint_process(base, "--diff", *extra, *files)
            after_diff = _snapshot(base, files)
            fixed = smartlint_process(base, "--fix", *extra, "-f", "concise", *files)
            trees[unsafe] = FixedTree(base, before, after_diff, _snapshot(base, files), diff, fixed)
        return trees[unsafe]

    return fixed_tree


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_every_file_keeps_its_goals_and_is_idempotent(
    every_file: tuple[Path, list[str]],
    goals_before: list[tuple[str, str | None, int]],
    fix_every_file: Callable[[bool], FixedTree],
    unsafe: bool,
) -> None:
    _, files = every_file
    tree = fix_every_file(unsafe)
    before, after = tree.before, tree.after
    extra = ["--unsafe-fixes"] if unsafe else []

    assert tree.diff.returncode == 1, err(tree.diff)
    assert tree.after_diff == before  # --diff writes nothing

    assert tree.fixed.returncode in (0, 1), err(tree.fixed)
    assert "smartlint: fixed " in err(tree.fixed)
    changed = [name for name in files if after[name] != before[name]]
    assert changed, "the corpus has fixable findings; some file must change"
    assert all(not name.endswith(".xlsx") for name in changed)  # workbooks are never written
    assert "workbooks are never written" in err(tree.fixed)
    # The fixed files lint again to the same goals, at the same places.
    assert _goals(tree.base, files) == goals_before
    # Every changed line kept its line end, and no line came or went.
    for name in changed:
        old, new = before[name].splitlines(keepends=True), after[name].splitlines(keepends=True)
        assert len(old) == len(new), name
        for a, b in zip(old, new, strict=True):
            assert a[-2:] == b[-2:] or a.endswith(b"\n") == b.endswith(b"\n"), name

    # Idempotent: --diff has nothing left to show, so a second --fix would write nothing
    # (--diff shows exactly what --fix writes: the next test).
    nothing = smartlint_process(tree.base, "--diff", *extra, *files)
    assert nothing.returncode == 0, out(nothing)
    assert out(nothing) == ""
    assert _snapshot(tree.base, files) == after


def test_the_diff_is_what_fix_writes(
    every_file: tuple[Path, list[str]],
    fix_every_file: Callable[[bool], FixedTree],
    tmp_path: Path,
) -> None:
    source, files = every_file
    tree = fix_every_file(False)
    diff = out(tree.diff)
    assert diff.startswith("--- ")
    patched = tmp_path / "patched"
    shutil.copytree(source, patched)
    done = subprocess.run(
        ["patch", "-p0", "-s", "-d", str(patched)], input=diff.encode("utf-8"), check=False
    )
    if done.returncode == 127:  # pragma: no cover - no patch program on this machine
        pytest.skip("patch is not installed")
    for name in files:
        assert (patched / name).read_bytes() == (tree.base / name).read_bytes(), name


# --------------------------------------------------------------------------- exact edits

YEARLESS = """\
# Plan kept by the sales team
goals:
  - id: plain
    title: Tăng doanh thu lên 15% so với tháng 6 vào cuối tháng 7   # keep me
    why: Mở chi nhánh
  - id: double
    title: "Increase weekly signups by 20% in Q3"
    why: growth
  - id: single
    title: 'Grow signups by 20% in Q3'
    why: growth
  - id: field
    title: Reach 5,000 users
    baseline: 4800
    deadline: Q4   # the quarter
    why: x
"""

YEARLESS_FIXED = """\
# Plan kept by the sales team
goals:
  - id: plain
    title: Tăng doanh thu lên 15% so với tháng 6 vào cuối tháng 7 năm 2027   # keep me
    why: Mở chi nhánh
  - id: double
    title: "Increase weekly signups by 20% in Q3 2027"
    why: growth
  - id: single
    title: 'Grow signups by 20% in Q3 2027'
    why: growth
  - id: field
    title: Reach 5,000 users by the end of 2027
    baseline: 4800
    deadline: Q4 2027   # the quarter
    why: x
"""


def test_fix_writes_the_year_in_every_quoting_style(tmp_path: Path) -> None:
    path = tmp_path / "goals.yaml"
    path.write_text(YEARLESS, encoding="utf-8")
    done = smartlint(tmp_path, "--fix", "-f", "concise", "goals.yaml")
    assert path.read_text(encoding="utf-8") == YEARLESS_FIXED
    assert "T506" not in out(done)
    # Four years, then (next round) the deadline field written into its sentence (T520).
    assert "smartlint: fixed 5 findings in 1 file;" in err(done)


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "goals.yaml"
    path.write_text(YEARLESS, encoding="utf-8")
    done = smartlint(tmp_path, "--diff", "goals.yaml")
    assert done.returncode == 1
    assert out(done).startswith("--- goals.yaml\n+++ goals.yaml\n@@ ")
    assert "+    deadline: Q4 2027   # the quarter\n" in out(done)
    assert "Would fix 5 findings" in err(done)
    assert path.read_text(encoding="utf-8") == YEARLESS
    path.write_text(YEARLESS_FIXED, encoding="utf-8")
    clean = smartlint(tmp_path, "--diff", "goals.yaml")
    assert (clean.returncode, out(clean)) == (0, "")


CRLF_BOM = "\ufeffgoals:\r\n  - title: Increase weekly signups by 20% in Q3\r\n    why: g\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-8-sig"])
def test_line_ends_bom_and_encoding_are_kept(tmp_path: Path, encoding: str) -> None:
    text = CRLF_BOM if encoding != "utf-8-sig" else CRLF_BOM.removeprefix("\ufeff")
    path = tmp_path / "goals.yaml"
    path.write_bytes(text.encode(encoding))
    smartlint(tmp_path, "--fix", "goals.yaml")
    want = text.replace("in Q3\r\n", "in Q3 2027\r\n")
    assert path.read_bytes() == want.encode(encoding)


def test_legacy_windows_1258_file_is_written_back_in_its_encoding(tmp_path: Path) -> None:
    text = (
        "goals:\n  - title: Tăng doanh thu thêm 10% so voi thang 6 vao cuoi thang 7\n    why: x\n"
    )
    data = text.encode("cp1258")
    path = tmp_path / "goals.yaml"
    path.write_bytes(data)
    done = smartlint(tmp_path, "--fix", "goals.yaml")
    new = path.read_bytes()
    if new != data:  # written: only the year was added, in the file's own encoding
        assert new.decode("cp1258").startswith(text.split("thang 7")[0] + "thang 7 ")
        assert new.decode("cp1258").endswith(" 2027\n    why: x\n")
    else:  # refused with a reason, never half-written
        assert "not fixed" in err(done) or "fixed 0" in err(done)


def test_tabs_long_lines_and_a_lone_cr_survive(tmp_path: Path) -> None:
    long_why = "x" * 100_000
    text = (
        "goals:\n"
        "  - title:\tIncrease weekly signups by 20% in Q3\n"
        f"    why: {long_why}\n"
        "    owner: a\rb\n"
    )
    path = tmp_path / "goals.yaml"
    path.write_bytes(text.encode("utf-8"))
    smartlint(tmp_path, "--fix", "goals.yaml")
    new = path.read_bytes().decode("utf-8")
    assert new == text.replace("in Q3\n", "in Q3 2027\n") or new == text


@pytest.mark.parametrize(
    "text",
    [
        # a duplicate key: which value counts is not what the author may think
        "goals:\n  - title: Grow signups by 20% in Q3\n    title: Grow signups by 20% in Q3\n",
        # invalid YAML further down
        "goals:\n  - title: Grow signups by 20% in Q3\n    why: [unclosed\n",
        # binary
        "goals:\n  - title: Grow signups by 20% in Q3\x00\n",
    ],
    ids=["duplicate-key", "invalid-yaml", "binary"],
)
def test_a_file_with_a_parse_error_is_never_written(tmp_path: Path, text: str) -> None:
    path = tmp_path / "goals.yaml"
    path.write_bytes(text.encode("utf-8"))
    fixed = smartlint(tmp_path, "--fix", "goals.yaml")
    assert path.read_bytes() == text.encode("utf-8")
    assert "fixed 0 findings" in err(fixed)
    listed = smartlint(tmp_path, "-f", "json", "goals.yaml")
    assert all(f["fix"] is None for f in json.loads(out(listed))["findings"])


def test_permissions_are_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "goals.yaml"
    path.write_text(YEARLESS, encoding="utf-8")
    path.chmod(0o640)
    smartlint(tmp_path, "--fix", "goals.yaml")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goals.yaml"]
    assert path.read_text(encoding="utf-8") == YEARLESS_FIXED


def test_stdin_with_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    done = smartlint(tmp_path, "--fix", "-f", "concise", "-", stdin=YEARLESS.encode("utf-8"))
    assert out(done) == YEARLESS_FIXED  # the text on stdout, the report on stderr
    assert "fixed 5 findings" in err(done)
    assert list(tmp_path.iterdir()) == []


def test_stdin_with_diff(tmp_path: Path) -> None:
    done = smartlint(tmp_path, "--diff", "-", stdin=YEARLESS.encode("utf-8"))
    assert done.returncode == 1
    assert out(done).startswith("--- -\n+++ -\n")


# --------------------------------------------------------------------------- unsafe fixes

TOO_FAST = """\
goals:
  - id: visits
    title: Tăng số lượt truy cập website lên 25% trong tháng 4 năm 2027
    why: Thêm khách hàng tiềm năng cho đội bán hàng
    history: {period: month, values: [1000, 1050]}
"""


def test_unsafe_fixes_only_with_the_option(tmp_path: Path) -> None:
    path = tmp_path / "goals.yaml"
    path.write_text(TOO_FAST, encoding="utf-8")
    hint = smartlint(tmp_path, "goals.yaml")
    assert "1 unsafe fix is available with --fix --unsafe-fixes" in err(hint)
    shown = smartlint(tmp_path, "--unsafe-fixes", "goals.yaml")
    assert "1 fixable with --fix --unsafe-fixes (1 of them unsafe)" in err(shown)
    assert path.read_text(encoding="utf-8") == TOO_FAST  # alone, it writes nothing
    safe = smartlint(tmp_path, "--fix", "goals.yaml")
    assert path.read_text(encoding="utf-8") == TOO_FAST
    assert "fixed 0 findings" in err(safe)
    smartlint(tmp_path, "--fix", "--unsafe-fixes", "goals.yaml")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == TOO_FAST.replace("lên 25%", "lên 10,2%")  # as A301's hint shows it
    after = smartlint(tmp_path, "-f", "json", "goals.yaml")
    assert "A301" not in {f["code"] for f in json.loads(out(after))["findings"]}


# --------------------------------------------------------------------------- Markdown and CSV


def test_markdown_list_item_and_table_cell(tmp_path: Path) -> None:
    text = (
        "# Growth plan\n\n## Goals\n\n"
        "- Increase weekly signups by 20% in Q3\n\n"
        "| Key result | Target | Baseline | Deadline |\n|---|---|---|---|\n"
        "| Grow paying teams | 260 | 200 | Q4 |\n"
        "| Grow paid seats by 10% in Q4 | | | |\n"
    )
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    done = smartlint(tmp_path, "--fix", "plan.md")
    assert "fixed 3 findings" in err(done)
    # The row's title only names the metric beside its columns: no deadline written into it.
    assert path.read_text(encoding="utf-8") == (
        text.replace("in Q3", "in Q3 2027")
        .replace("| Q4 |", "| Q4 2027 |")
        .replace("in Q4 |", "in Q4 2027 |")
    )


def test_csv_cells_keep_their_quoting(tmp_path: Path) -> None:
    text = (
        "id;title;why;deadline\r\n"
        'a;"Grow weekly signups by 20%; paid only";growth;Q3\r\n'
        "b;Grow paying teams by 10% in Q4;revenue;\r\n"
    )
    path = tmp_path / "goals.csv"
    path.write_bytes(text.encode("utf-8"))
    smartlint(tmp_path, "--fix", "goals.csv")
    want = (
        text.replace(";Q3\r\n", ";Q3 2027\r\n")
        .replace("in Q4;", "in Q4 2027;")
        .replace('paid only"', 'paid only by 30 September 2027"')  # T520, inside the quotes
    )
    assert path.read_bytes().decode("utf-8") == want


# --------------------------------------------------------------------------- reports and docs


def test_json_and_sarif_carry_the_fix(tmp_path: Path) -> None:
    (tmp_path / "goals.yaml").write_text(YEARLESS, encoding="utf-8")
    document = json.loads(out(smartlint(tmp_path, "-f", "json", "goals.yaml")))
    assert document["schema_version"] == 1
    fixes = [f["fix"] for f in document["findings"] if f["code"] == "T506"]
    assert fixes[-1] == {
        "safety": "safe",
        "description": 'Write the year: "Q4 2027".',
        "edits": [
            {
                "start": {"line": 15, "column": 17},
                "end": {"line": 15, "column": 17},
                "text": " 2027",
            }
        ],
    }
    assert all(f["fix"] is None for f in document["findings"] if f["code"] == "A302")
    log = json.loads(out(smartlint(tmp_path, "-f", "sarif", "goals.yaml")))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "T506"]
    change = results[-1]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "goals.yaml"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 15, "startColumn": 17, "endLine": 15, "endColumn": 17},
            "insertedContent": {"text": " 2027"},
        }
    ]


def test_list_rules_and_explain_say_which_fix() -> None:
    listed = out(smartlint(ROOT, "--list-rules"))
    rows = {line.split()[0]: line.split()[4] for line in listed.splitlines()}
    assert rows["T506"] == "safe"
    assert rows["A301"] == "unsafe"
    assert rows["R401"] == "-"
    explained = out(smartlint(ROOT, "--explain", "T506"))
    assert "## Fix\nsafe fix:" in explained
    assert "none" in out(smartlint(ROOT, "--explain", "R404")).split("## Fix")[1]


# --------------------------------------------------------------------------- hostile files


def test_fix_never_corrupts_a_hostile_file(tmp_path: Path) -> None:
    """Every hostile case of the CLI tests, plus a year-less goal where it is still text."""
    from test_hostile_cli import _case_files

    files = dict(_case_files())
    extra = "\n  - title: Grow weekly signups by 20% in Q3\n    why: growth\n"
    for name, data in list(files.items()):
        if name.startswith("encoded-"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if text.lstrip("\ufeff").startswith("goals:"):
                    ending = "\r\n" if "\r\n" in text else "\n"
                    more = text.rstrip("\r\n") + extra.replace("\n", ending)
                    files[f"more-{name}"] = more.encode(encoding)
                    break
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    names = sorted(files)
    before = {n: (tmp_path / n).read_bytes() for n in names}
    first = smartlint(tmp_path, "--fix", "--unsafe-fixes", "-f", "json", *names)
    assert first.returncode in (0, 1), err(first)
    assert "Traceback" not in err(first)
    after = {n: (tmp_path / n).read_bytes() for n in names}
    blocked = {"F001", "F002", "F009", "F010", "F011", "F013", "F014"}
    report = json.loads(out(first))
    for name in names:
        codes = {f["code"] for f in report["findings"] if f["path"] == name}
        if codes & blocked:
            assert after[name] == before[name], name  # a file with a parse error is never written
    changed = [n for n in names if after[n] != before[n]]
    assert any(n.startswith("more-") for n in changed)
    for name in changed:
        old, new = before[name], after[name]
        assert new.startswith(old[:2])  # the BOM, or the first bytes of the encoding, kept
        assert old.count(b"\r\n") == new.count(b"\r\n"), name
    second = smartlint(tmp_path, "--fix", "--unsafe-fixes", *names)
    assert second.returncode in (0, 1), err(second)
    assert {n: (tmp_path / n).read_bytes() for n in names} == after


def test_unused_suppressions_are_removed_but_misspelt_ones_kept(tmp_path: Path) -> None:
    text = (
        "goals:\n"
        "  # smartlint: ignore[T501]\n"
        "  - title: Grow weekly signups from 420 to 500 by 30 September 2027"
        "  # smartlint: ignore[S101, M201] no\n"
        "    why: x\n"
        "  - title: Grow weekly signups from 420 to 600 by 30 September 2027"
        "  # smartlint: ignore[T5O1]\n"
        "    why: y\n"
    )
    path = tmp_path / "goals.yaml"
    path.write_text(text, encoding="utf-8")
    done = smartlint(tmp_path, "--fix", "-f", "concise", "goals.yaml")
    assert "fixed 3 findings" in err(done)
    assert path.read_text(encoding="utf-8") == (
        "goals:\n"
        "  - title: Grow weekly signups from 420 to 500 by 30 September 2027\n"
        "    why: x\n"
        "  - title: Grow weekly signups from 420 to 600 by 30 September 2027"
        "  # smartlint: ignore[T5O1]\n"
        "    why: y\n"
    )
    assert "F090 'T5O1' is not a smartlint rule" in out(done)


def test_fix_lints_once_per_round_and_reports_the_last_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report after --fix is the last round's lint: the files are not linted once more."""
    from typer.testing import CliRunner

    from smartlint import fixrun
    from smartlint.cli import app

    lints: list[int] = []
    real = fixrun.run_project

    def counted(*args: object, **kwargs: object) -> object:
        lints.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixrun, "run_project", counted)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "goals.yaml"
    path.write_text(YEARLESS, encoding="utf-8")
    done = CliRunner().invoke(
        app, ["--today", TODAY, "--isolated", "--fix", "-f", "concise", "goals.yaml"]
    )
    assert path.read_text(encoding="utf-8") == YEARLESS_FIXED
    assert "fixed 5 findings in 1 file" in done.stderr
    # Two rounds change the file (the years, then T520), each linted again; a third finds
    # nothing more to do.
    assert len(lints) == 2
    fresh = CliRunner().invoke(app, ["--today", TODAY, "--isolated", "-f", "concise", "goals.yaml"])
    assert done.stdout == fresh.stdout
    assert f"; {fresh.stdout.count('goals.yaml:')} remaining." in done.stderr
