"""The language server's pure parts, and its code actions for findings that carry a fix.

The fix actions are also tested here on findings given a
fix by hand; the end-to-end tests drive the rest through a real client.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, lint
from lsprotocol import types

from smartlint.cli import main
from smartlint.engine import RunSettings, lint_parsed
from smartlint.model import FILE_START, Fix, FixSafety, Span, TextEdit
from smartlint.parser import parse_text
from smartlint.server.actions import apply_edits, rewrite_edit, suppression_edit
from smartlint.server.goalset import GoalSet, Linted
from smartlint.server.hover import goal_at, verdict_row
from smartlint.server.positions import Lines, cell_bounds, cell_range
from smartlint.server.protocol import SmartlintServer, _actions

GOAL = (
    "goals:\n"
    "  - id: signups\n"
    "    title: Increase newsletter sign-ups from 2,000 to 2,400 a month\n"
    "    why: The newsletter brings half of our trials\n"
)


# ------------------------------------------------------------------ positions


def test_columns_are_counted_in_the_clients_units() -> None:
    lines = Lines.of("- title: 🚀 Tăng\r\nnext", "utf-16")
    assert lines.lines == ["- title: 🚀 Tăng", "next"]
    assert lines.point(1, 12) == (0, 12)  # past the rocket: two UTF-16 units for one character
    assert Lines.of("- title: 🚀 Tăng", "utf-32").point(1, 12) == (0, 11)
    assert Lines.of("- title: 🚀 Tăng", "utf-8").point(1, 12) == (0, 14)
    assert lines.chars(0, 12) == 11  # and back
    assert lines.point(9, 5) == (1, 4)  # past the end: clamped to the last line's end


def test_a_sheet_span_names_cells_and_becomes_their_characters() -> None:
    lines = Lines.of('Mục tiêu;Chỉ tiêu\n"a;b";42\n')
    assert cell_bounds('"a;b";42', ";") == [(0, 5), (6, 8)]
    assert cell_range(lines, Span(2, 2, 2, 3)) == ((1, 6), (1, 8))
    assert cell_range(lines, Span(2, 1, 2, 3)) == ((1, 0), (1, 8))
    assert cell_range(lines, Span(2, 1, 2, 1)) == ((1, 0), (1, 0))


# ------------------------------------------------------------------ edits


def test_a_suppression_goes_above_the_goal_and_later_codes_join_it() -> None:
    report = lint(GOAL)
    goal = report.goals[0].goal
    finding = next(f for f in report.findings if f.code == "T501")
    first = suppression_edit(GOAL, "yaml", finding, goal)
    assert first == TextEdit(Span(2, 1, 2, 1), "  # smartlint: ignore[T501]\n")
    text = apply_edits(GOAL, (first,))
    moved = replace(goal, span=Span(3, 5, 5, 1))
    second = suppression_edit(text, "yaml", replace(finding, code="M201"), moved)
    assert second is not None
    assert "# smartlint: ignore[T501, M201]\n  - id" in apply_edits(text, (second,))
    assert suppression_edit(text, "yaml", finding, moved) is None  # already there


def test_a_finding_outside_goals_is_ignored_for_the_file() -> None:
    finding = replace(lint(GOAL).findings[0], span=FILE_START, goal_index=None)
    yaml_edit = suppression_edit(GOAL, "yaml", finding, None)
    assert yaml_edit is not None and yaml_edit.span == Span(1, 1, 1, 1)
    assert yaml_edit.text.startswith("# smartlint: ignore-file[")
    markdown = "# OKRs\n\n- KR1: a"
    edit = suppression_edit(markdown, "markdown", finding, None)
    assert edit is not None
    assert apply_edits(markdown, (edit,)).endswith(
        f"- KR1: a\n<!-- smartlint: ignore-file[{finding.code}] -->\n"
    )
    assert suppression_edit(markdown, "sheet", finding, None) is None  # no comments in sheets


@pytest.mark.parametrize(
    ("title", "rewrite", "expected"),
    [
        ("Grow sales", "Grow sales to 5 by 2027", "title: Grow sales to 5 by 2027"),
        ("Grow sales", "Grow: sales # now", 'title: "Grow: sales # now"'),
        ("'Grow sales'", "It's grown", "title: 'It''s grown'"),
        ('"Grow sales"', 'Say "5"', 'title: "Say \\"5\\""'),
    ],
)
def test_the_rewrite_keeps_the_titles_quoting_or_quotes_when_needed(
    title: str, rewrite: str, expected: str
) -> None:
    text = f"- {title.join(['title: ', ''])}\n  why: x\n"
    goal = parse_text(text, "goals.yaml").goals[0]
    edit = rewrite_edit(text, "yaml", goal, rewrite)
    assert edit is not None
    new = apply_edits(text, (edit,))
    assert new.splitlines()[0] == f"- {expected}"
    assert parse_text(new, "goals.yaml").goals[0].title.value == rewrite  # type: ignore[union-attr]


def test_edits_apply_on_crlf_text_by_characters() -> None:
    text = "a: Tăng\r\nb: x\r\n"
    assert apply_edits(text, (TextEdit(Span(2, 4, 2, 5), "yy"),)) == "a: Tăng\r\nb: yy\r\n"


# ------------------------------------------------------------------ hover and engine


def test_hover_finds_the_innermost_goal_and_writes_the_verdict_row() -> None:
    text = (
        "goals:\n  - id: a\n    title: Grow revenue by 10% by 31 July 2027\n    key_results:\n"
        "      - title: Sign 20 new customers by 31 July 2027\n"
    )
    goals = lint(text).goals
    assert goal_at(goals, 5, 12) is goals[1]
    assert goal_at(goals, 3, 8) is goals[0]
    assert goal_at(goals, 1, 1) is None
    assert verdict_row(goals[0]).startswith("S ")


def test_a_facts_cache_gives_the_same_report() -> None:
    parsed = [parse_text(GOAL, "goals.yaml")]
    settings = RunSettings(today=TODAY)
    cache: dict[object, object] = {}
    plain = lint_parsed(parsed, settings)
    first = lint_parsed(parsed, settings, facts_cache=cache)  # type: ignore[arg-type]
    again = lint_parsed(parsed, settings, facts_cache=cache)  # type: ignore[arg-type]
    assert len(cache) == 1
    assert plain.files == first.files == again.files


# ------------------------------------------------------------------ fixes as code actions


def _linted_with_fixes(tmp_path: Path) -> tuple[SmartlintServer, str, Linted]:
    path = tmp_path / "goals.yaml"
    server = SmartlintServer()
    server.goals = GoalSet([tmp_path], lambda: date(2027, 1, 15))
    server.goals.open(path, GOAL)
    linted = server.goals.lint([path])[path]
    assert linted is not None
    result = linted.result
    deadline = next(f for f in result.findings if f.code == "T501")
    safe = Fix(
        FixSafety.SAFE,
        "Add the deadline field's date to the sentence",
        (TextEdit(Span(3, 62, 3, 62), " by 31 July 2027"),),
    )
    unsafe = Fix(
        FixSafety.UNSAFE,
        "Lower the target to the realistic level",
        (TextEdit(Span(3, 49, 3, 54), "2,200"),),
    )
    fixed = replace(deadline, fix=safe)
    other = replace(deadline, code="A301", name="unrealistic-target", fix=unsafe)
    findings = (*(f for f in result.findings if f is not deadline), fixed, other)
    linted = replace(linted, result=replace(result, findings=findings))
    return server, path.as_uri(), linted


def test_fixes_become_quick_fixes_and_only_safe_ones_are_preferred(tmp_path: Path) -> None:
    server, uri, linted = _linted_with_fixes(tmp_path)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(2, 0), types.Position(2, 0)),
        context=types.CodeActionContext(diagnostics=[]),
    )
    actions = {a.title: a for a in _actions(server, uri, linted, params)}
    safe = actions["Add the deadline field's date to the sentence"]
    unsafe = actions["Lower the target to the realistic level (unsafe)"]
    assert safe.is_preferred and not unsafe.is_preferred
    assert safe.kind == unsafe.kind == types.CodeActionKind.QuickFix
    assert safe.diagnostics and safe.diagnostics[0].code == "T501"
    assert safe.edit is not None and safe.edit.changes is not None
    (edit,) = safe.edit.changes[uri]
    assert edit.range == types.Range(types.Position(2, 61), types.Position(2, 61))
    assert edit.new_text == " by 31 July 2027"
    assert unsafe.edit is not None and unsafe.edit.changes is not None
    assert unsafe.edit.changes[uri][0].new_text == "2,200"
    # only the kinds asked for
    params.context.only = [types.CodeActionKind.RefactorRewrite]
    assert all(
        a.kind == types.CodeActionKind.RefactorRewrite
        for a in _actions(server, uri, linted, params)
    )


# ------------------------------------------------------------------ the command line


def test_server_is_a_subcommand_and_a_file_named_server_is_still_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "--help"]) == 0
    assert "Language Server Protocol" in capsys.readouterr().out
    assert main(["server", "extra"]) == 2
    assert "smartlint ./server" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    (tmp_path / "server").write_text(GOAL, encoding="utf-8")
    (tmp_path / "server.yaml").write_text(GOAL, encoding="utf-8")
    for path in ("./server", "server.yaml"):
        assert main([path, "--today", "2027-01-15", "--format", "json"]) == 1
        assert "T501" in capsys.readouterr().out


def test_without_pygls_the_server_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None\n"
        "from smartlint.cli import main\n"
        "sys.exit(main(['server']))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "pip install 'smartlint[server]'" in run.stderr


def test_an_open_csv_sheet_is_read_from_its_text_not_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Mục tiêu;Thời hạn\nTăng doanh thu 10%;31/12/2027\n", encoding="utf-8")
    goals = GoalSet([tmp_path], lambda: date(2027, 1, 15))
    on_disk = goals.lint([path])[path]
    assert on_disk is not None and len(on_disk.result.goals) == 1
    goals.open(path, "Mục tiêu;Thời hạn\nTăng doanh thu 10%;31/12/2027\nMở 3 cửa hàng;\n")
    opened = goals.lint([path])[path]
    assert opened is not None and len(opened.result.goals) == 2
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2  # the disk is left alone
    # As a walk treats a file: an open sheet with no goal header, or none at all, is no sheet.
    for text in ("", "a;b\n1;2\n"):
        goals.open(path, text)
        assert goals.lint([path])[path] is None
    goals.open(tmp_path / "plan.xlsx", "Mục tiêu\nTăng doanh thu 10%\n")
    assert goals.lint([tmp_path / "plan.xlsx"])[tmp_path / "plan.xlsx"] is None


def test_a_file_on_disk_gets_the_findings_the_command_line_gives(tmp_path: Path) -> None:
    """The server reads files as a directory walk does: a legacy encoding is said (F008)."""
    from smartlint.config import Resolver
    from smartlint.project import Overrides, run_project

    path = tmp_path / "plan.yaml"
    text = "goals:\n  - id: a\n    title: Tăng doanh thu 15% vào 31/12/2027\n    why: x\n"
    path.write_bytes(text.encode("cp1258"))
    today = date(2027, 1, 15)
    linted = GoalSet([tmp_path], lambda: today).lint([path])[path]
    cli = run_project([str(tmp_path)], Overrides(), Resolver(), today).report.files[0]
    assert linted is not None
    assert "F008" in [f.code for f in cli.findings]
    assert [(f.code, f.span) for f in linted.result.findings] == [
        (f.code, f.span) for f in cli.findings
    ]
