"""``smartlint server`` end to end: a real LSP client (pytest-lsp) talks to it over stdio.

Each test starts ``python -m smartlint server`` in a subprocess with a fresh workspace
folder, fixes today's date through ``initializationOptions``, and drives it as an editor
does: open, change, save, close, hover, code actions, watched files.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

TODAY = "2027-01-15"
WAIT_SECONDS = 30.0  # a lost notification fails the test instead of hanging it

pytestmark = pytest.mark.asyncio(loop_scope="function")


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "smartlint", "server"]),
)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    workspace = tmp_path / "ws"
    workspace.mkdir()

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        REGISTERED.extend(r.method for r in params.registrations)

    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=uri(workspace), name="ws")],
        initialization_options={"today": TODAY, "debounceMs": 50},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


REGISTERED: list[str] = []


def uri(path: Path) -> str:
    return from_fs_path(str(path)) or ""


@pytest.fixture
def folder(client: LanguageClient, tmp_path: Path) -> Path:
    return tmp_path / "ws"


async def published(client: LanguageClient, doc: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics of a document (the caller cleared the previous ones)."""
    loop = asyncio.get_running_loop()
    stop = loop.time() + WAIT_SECONDS
    while doc not in client.diagnostics:
        assert loop.time() < stop, f"no diagnostics published for {doc}"
        await asyncio.sleep(0.01)
    return list(client.diagnostics[doc])


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "yaml") -> str:
    doc = uri(path)
    client.diagnostics.pop(doc, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=doc, language_id=language, version=1, text=text
            )
        )
    )
    return doc


VERSIONS: dict[str, int] = {}


def change_doc(client: LanguageClient, doc: str, text: str) -> None:
    VERSIONS[doc] = VERSIONS.get(doc, 1) + 1
    client.diagnostics.pop(doc, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=VERSIONS[doc]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


NO_DEADLINE = (
    "goals:\n"
    "  - id: signups\n"
    "    title: Increase newsletter sign-ups from 2,000 to 2,400 a month\n"
    "    why: The newsletter brings half of our trials\n"
)
WITH_DEADLINE = NO_DEADLINE.replace("a month\n", "a month by 31 July 2027\n")


async def test_open_change_save_close_publish_and_clear(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "goals.yaml", NO_DEADLINE)
    diagnostics = await published(client, doc)
    missing = [d for d in diagnostics if d.code == "T501"]
    assert missing, codes(diagnostics)
    first = missing[0]
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.source == "smartlint"
    assert first.code_description is not None
    assert first.code_description.href.endswith("docs/rules.md#t501-no-deadline")
    assert first.range.start.line == 2  # the title line, 0-based
    assert first.message

    change_doc(client, doc, WITH_DEADLINE)
    assert "T501" not in codes(await published(client, doc))

    change_doc(client, doc, NO_DEADLINE)
    assert "T501" in codes(await published(client, doc))

    client.diagnostics.pop(doc, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=doc))
    )
    assert "T501" in codes(await published(client, doc))

    client.diagnostics.pop(doc, None)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=doc))
    )
    assert await published(client, doc) == []


async def test_positions_count_utf16_units_after_an_emoji(
    client: LanguageClient, folder: Path
) -> None:
    text = "goals:\n  - title: 🚀 Tăng doanh thu\n"
    doc = open_doc(client, folder / "goals.yaml", text)
    diagnostics = await published(client, doc)
    title = [d for d in diagnostics if d.range.start.line == 1]
    assert title, diagnostics
    line = text.splitlines()[1]
    assert max(d.range.end.character for d in title) <= len(line.encode("utf-16-le")) // 2


PARENT = (
    "goals:\n"
    "  - id: arr-2027\n"
    "    title: Grow annual recurring revenue from $4.2M to $5.5M by 30 June 2027\n"
    "    why: Series B milestones need it\n"
)
CHILD = (
    "goals:\n"
    "  - id: trials\n"
    "    parent: arr-2027\n"
    "    title: Increase monthly trials from 400 to 480 by 31 December 2027\n"
)


async def test_parents_resolve_across_files_and_edits_republish_children(
    client: LanguageClient, folder: Path
) -> None:
    parent = folder / "company.yaml"
    parent.write_text(PARENT, encoding="utf-8")
    child = open_doc(client, folder / "team.yaml", CHILD)
    diagnostics = await published(client, child)
    assert "R401" not in codes(diagnostics)  # the parent on disk is found
    late = [d for d in diagnostics if d.code == "R405"]
    assert late, codes(diagnostics)  # the child ends after its parent
    related = late[0].related_information or []
    assert [r.location.uri for r in related] == [uri(parent)]
    assert related[0].location.range.start.line == 1  # the parent goal's first line

    # Opening the parent overrides its file; renaming its id orphans the child.
    parent_doc = open_doc(client, parent, PARENT)
    await published(client, parent_doc)
    client.diagnostics.pop(child, None)
    change_doc(client, parent_doc, PARENT.replace("arr-2027", "arr-2028"))
    assert "R401" in codes(await published(client, child))

    # Moving the parent's deadline past the child's clears the child's R405 as well.
    client.diagnostics.pop(child, None)
    change_doc(client, parent_doc, PARENT.replace("30 June 2027", "31 December 2027"))
    assert not {"R401", "R405"} & set(codes(await published(client, child)))


HISTORY_GOAL = (
    "goals:\n"
    "  - id: visits\n"
    "    title: Increase organic search visits from 12,000 to 40,000 a month by 31 July 2027\n"
    "    why: Search brings our cheapest leads\n"
    "    history:\n"
    "      period: month\n"
    "      values: [10100, 10600, 11300, 12000]\n"
)


async def test_hover_shows_verdicts_reading_and_chart(client: LanguageClient, folder: Path) -> None:
    doc = open_doc(client, folder / "goals.yaml", HISTORY_GOAL)
    await published(client, doc)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            position=types.Position(line=2, character=12),
        )
    )
    assert hover is not None
    contents = hover.contents
    assert isinstance(contents, types.MarkupContent)
    text = contents.value
    assert "S ✓" in text and "A ✗" in text, text
    for label in ("metric", "baseline", "target", "deadline", "cadence", "kind"):
        assert f"**{label}**" in text, text
    assert "organic search visits" in text
    assert "change" in text  # the kind of goal
    assert "┊" in text  # the Achievable chart: history, then the path the target needs
    assert hover.range is not None and hover.range.start.line == 1  # the goal, from its id

    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            position=types.Position(line=0, character=0),
        )
    )
    assert nothing is None


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply protocol edits (ASCII-only tests: characters are UTF-16 units)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out = text
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        out = out[:start] + edit.new_text + out[end:]
    return out


async def actions_at(
    client: LanguageClient, doc: str, diagnostics: list[types.Diagnostic], line: int
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            range=types.Range(types.Position(line, 0), types.Position(line, 0)),
            context=types.CodeActionContext(
                diagnostics=[d for d in diagnostics if d.range.start.line <= line]
            ),
        )
    )
    return [a for a in found or () if isinstance(a, types.CodeAction)]


async def test_ignore_this_rule_here_writes_a_comment_that_silences_it(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "goals.yaml", NO_DEADLINE)
    diagnostics = await published(client, doc)
    actions = await actions_at(client, doc, diagnostics, 2)
    ignore = [a for a in actions if a.title == "Ignore T501 for this goal"]
    assert len(ignore) == 1, [a.title for a in actions]
    assert ignore[0].kind == types.CodeActionKind.QuickFix and not ignore[0].is_preferred
    assert ignore[0].edit is not None and ignore[0].edit.changes is not None
    fixed = apply(NO_DEADLINE, ignore[0].edit.changes[doc])
    assert "  # smartlint: ignore[T501]\n  - id: signups\n" in fixed

    change_doc(client, doc, fixed)
    after = await published(client, doc)
    assert "T501" not in codes(after) and "F090" not in codes(after)

    # A second rule on the same goal joins the same comment.
    again = await actions_at(client, doc, after, 3)
    more = [a for a in again if a.title.startswith("Ignore ") and a.title.endswith("this goal")]
    assert more, [a.title for a in again]
    assert more[0].edit is not None and more[0].edit.changes is not None
    joined = apply(fixed, more[0].edit.changes[doc])
    assert "# smartlint: ignore[T501, " in joined


MARKDOWN = (
    "# OKRs Q3 2027\n"
    "\n"
    "## Objective 1: Grow the newsletter\n"
    "\n"
    "- KR1: Increase sign-ups from 2,000 to 2,400 a month\n"
    "- KR2: Reach 5,000 subscribers by 30 September 2027\n"
)


async def test_markdown_ignore_uses_an_html_comment(client: LanguageClient, folder: Path) -> None:
    doc = open_doc(client, folder / "okrs.md", MARKDOWN, language="markdown")
    diagnostics = await published(client, doc)
    assert diagnostics, "the Markdown goal document is linted"
    line = next(d.range.start.line for d in diagnostics if d.range.start.line == 4)
    actions = await actions_at(client, doc, diagnostics, line)
    ignore = [a for a in actions if a.title.startswith("Ignore ")]
    assert ignore, [a.title for a in actions]
    edit = ignore[0].edit
    assert edit is not None and edit.changes is not None
    fixed = apply(MARKDOWN, edit.changes[doc])
    assert "<!-- smartlint: ignore[" in fixed
    code = ignore[0].title.split()[1]
    change_doc(client, doc, fixed)
    after = await published(client, doc)
    assert code not in [str(d.code) for d in after if d.range.start.line in (line, line + 1)]
    assert "F090" not in codes(after)


async def test_show_the_rewrite_is_an_unsafe_action_in_the_goal_language(
    client: LanguageClient, folder: Path
) -> None:
    text = "goals:\n  - title: Tăng doanh thu\n"
    doc = open_doc(client, folder / "goals.yaml", text)
    diagnostics = await published(client, doc)
    actions = await actions_at(client, doc, diagnostics, 1)
    rewrite = [a for a in actions if a.kind == types.CodeActionKind.RefactorRewrite]
    assert len(rewrite) == 1, [a.title for a in actions]
    assert rewrite[0].title.startswith("Viết lại mục tiêu (không an toàn): ")
    assert not rewrite[0].is_preferred
    edit = rewrite[0].edit
    assert edit is not None and edit.changes is not None
    new = apply(text, edit.changes[doc])
    assert new.startswith("goals:\n  - title: ") and new != text
    assert "Tăng doanh thu" in new


async def test_a_rules_safe_fix_is_the_preferred_quick_fix(
    client: LanguageClient, folder: Path
) -> None:
    text = NO_DEADLINE.replace("a month\n", "a month by Q3\n")  # T506: a quarter with no year
    doc = open_doc(client, folder / "goals.yaml", text)
    diagnostics = await published(client, doc)
    assert "T506" in codes(diagnostics)
    actions = await actions_at(client, doc, diagnostics, 2)
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1, [a.title for a in actions]
    edit = preferred[0].edit
    assert edit is not None and edit.changes is not None
    fixed = apply(text, edit.changes[doc])
    assert "a month by Q3 2027\n" in fixed
    change_doc(client, doc, fixed)
    assert "T506" not in codes(await published(client, doc))


CONFIG_IGNORING_T501 = "ignore: [T501]\n"


async def test_a_changed_configuration_relints_open_documents(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "goals.yaml", NO_DEADLINE)
    assert "T501" in codes(await published(client, doc))
    assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in REGISTERED  # it asked to be told

    config = folder / ".smartlint.yaml"
    config.write_text(CONFIG_IGNORING_T501, encoding="utf-8")
    client.diagnostics.pop(doc, None)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri(config), type=types.FileChangeType.Created)]
        )
    )
    assert "T501" not in codes(await published(client, doc))

    # Saving the configuration in the editor does the same.
    config.write_text("select: [S, M, A, R]\n", encoding="utf-8")
    config_doc = open_doc(client, config, "select: [S, M, A, R]\n")
    client.diagnostics.pop(doc, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config_doc))
    )
    after = await published(client, doc)
    assert not [c for c in codes(after) if c.startswith("T")]

    # The nearest configuration wins: a folder of its own goes back to every rule.
    nested = folder / "team"
    nested.mkdir()
    (nested / ".smartlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(
                    uri=uri(nested / ".smartlint.yaml"), type=types.FileChangeType.Created
                )
            ]
        )
    )
    team = open_doc(client, nested / "goals.yaml", NO_DEADLINE)
    assert "T501" in codes(await published(client, team))


async def test_files_that_are_not_goals_get_no_diagnostics(
    client: LanguageClient, folder: Path
) -> None:
    workflow = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
    doc = open_doc(client, folder / "ci.yaml", workflow)
    assert await published(client, doc) == []
    readme = open_doc(client, folder / "README.md", "# A project\n\nSome text.\n", "markdown")
    assert await published(client, readme) == []


CSV = "Mục tiêu;Chỉ tiêu;Thời hạn\nTăng doanh thu online từ 2 tỷ lên 2,5 tỷ đồng;2.500.000.000;\n"


async def test_a_csv_sheet_gets_diagnostics_on_its_cells(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "plan.csv", CSV, language="csv")
    diagnostics = await published(client, doc)
    assert diagnostics
    row = [d for d in diagnostics if d.range.start.line == 1]
    assert row, diagnostics
    line = CSV.splitlines()[1]
    assert all(d.range.end.character <= len(line) for d in row)
    assert any(d.range.start.character == 0 and d.range.end.character > 0 for d in row)


class Recorded(dict[str, Sequence[types.Diagnostic]]):
    """The client's diagnostics, counting how often each document was published."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def __setitem__(self, key: str, value: Sequence[types.Diagnostic]) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        super().__setitem__(key, value)


async def test_a_burst_of_changes_is_linted_once_for_the_last_text(
    client: LanguageClient, folder: Path
) -> None:
    recorded = Recorded()
    client.diagnostics = recorded
    doc = open_doc(client, folder / "goals.yaml", NO_DEADLINE)
    await published(client, doc)
    recorded.counts.clear()
    for n in range(5):  # typing: each change cancels the pending run of the one before
        change_doc(client, doc, NO_DEADLINE + "#" * n)
    change_doc(client, doc, WITH_DEADLINE)
    assert "T501" not in codes(await published(client, doc))
    await asyncio.sleep(0.5)  # anything still pending would publish now
    assert "T501" not in codes(client.diagnostics[doc])  # the last text's, not a stale run's
    assert recorded.counts[doc] < 6  # not one run per change


TABLE = (
    "# OKRs Q3 2027\n"
    "\n"
    "## Paid acquisition\n"
    "\n"
    "| Key result | Target | Baseline | Deadline | Owner |\n"
    "|---|---|---|---|---|\n"
    "| Increase demo requests from paid search | 260 | 200 | 30 September 2027 | Minh |\n"
    "| Lower the cost per demo request | $85 | $110 | | Ana |\n"
)


async def test_a_table_row_is_ignored_on_its_line_since_a_comment_above_would_break_the_table(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "okrs.md", TABLE, language="markdown")
    diagnostics = await published(client, doc)
    on_row = [d for d in diagnostics if d.range.start.line == 6]
    assert on_row, diagnostics
    actions = await actions_at(client, doc, diagnostics, 6)
    titles = [a.title for a in actions]
    assert not [t for t in titles if t.endswith("for this goal")], titles
    line = [a for a in actions if a.title.endswith("on this line")]
    assert line, titles
    edit = line[0].edit
    assert edit is not None and edit.changes is not None
    fixed = apply(TABLE, edit.changes[doc])
    code = line[0].title.split()[1]
    assert f"| Minh | <!-- smartlint: ignore[{code}] -->\n" in fixed
    change_doc(client, doc, fixed)
    after = await published(client, doc)
    assert code not in [str(d.code) for d in after if d.range.start.line == 6]
    assert "F090" not in codes(after)
    assert len([d for d in after if d.range.start.line == 7]) == len(
        [d for d in diagnostics if d.range.start.line == 7]
    )  # the other row is still read as a goal


async def test_a_broken_configuration_is_reported_and_the_server_stays_up(
    client: LanguageClient, folder: Path
) -> None:
    doc = open_doc(client, folder / "goals.yaml", NO_DEADLINE)
    before = await published(client, doc)
    config = folder / ".smartlint.yaml"
    config.write_text("select: [NOPE]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri(config), type=types.FileChangeType.Created)]
        )
    )
    hover = await client.text_document_hover_async(  # answered: the server is up
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            position=types.Position(line=2, character=12),
        )
    )
    assert hover is None or isinstance(hover, types.Hover)
    messages = [m.message for m in client.log_messages if ".smartlint.yaml" in m.message]
    assert messages and "internal error" not in messages[0], client.log_messages
    assert list(client.diagnostics.get(doc, before)) == before  # the last diagnostics stay

    config.write_text("ignore: [T501]\n", encoding="utf-8")
    client.diagnostics.pop(doc, None)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri(config), type=types.FileChangeType.Changed)]
        )
    )
    assert "T501" not in codes(await published(client, doc))
