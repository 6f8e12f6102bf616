"""The language server never falls over on a half-typed or hostile document.

Every hostile input of the command-line and parser tests is sent to one running server as
a change of an open document; after each the server must answer a request (so it is up),
publish a list of diagnostics for that text (possibly empty), and never log an internal
error.  A good document next to it keeps its diagnostics.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from test_hostile_cli import DECODE_CASES, EXTREME_VALUES, FINDING_CASES, GOOD
from test_hostile_parser import BOMBS, HOSTILE
from test_server_lsp import change_doc, open_doc, published, uri

pytestmark = pytest.mark.asyncio(loop_scope="function")

# The server under test reads at most this many rows of a sheet instead of 10,000: the huge
# sheet below still runs into the cap and publishes a thousand goals' diagnostics, for a
# tenth of the work (5.7 s of CPU at the real cap).  The real cap is checked through the
# real command line (tests/test_sheets_hostile_cli.py); `smartlint server` itself is
# started as an editor starts it in tests/test_server_lsp.py.
ROW_CAP = 1_000
SERVER = (
    "from smartlint.parser import sheet_table\n"
    f"sheet_table.MAX_ROWS = {ROW_CAP}\n"
    "from smartlint.cli import main\n"
    "raise SystemExit(main(['server']))\n"
)

# The goal sheet cases of tests/test_sheets_hostile_cli.py that a CSV document can hold.
CSV_CASES = {
    "empty": "",
    "no title column": "\n\nfoo;bar\n1;2\n",
    "header rows above": ";;\n\nKế hoạch 2027;;\nMục tiêu;Chỉ tiêu;Thời hạn\nTăng doanh thu;;\n",
    "endless quoted field": 'Mục tiêu;Chỉ tiêu\n"Tăng doanh thu' + "x" * 200_000 + "\n",
    "huge sheet": "Mục tiêu\n"
    + "".join(
        f"Tăng doanh số cửa hàng {i} từ 100 lên 110 trước 31/12/2027\n"
        for i in range(ROW_CAP + 2_000)
    ),
}


def as_text(data: bytes) -> str:
    """Return what an editor would hold for a file's bytes: UTF-8, bad bytes replaced."""
    return data.decode("utf-8", "replace")


def yaml_cases() -> list[tuple[str, str]]:
    cases = [(name, as_text(data)) for name, data, _, _ in FINDING_CASES]
    cases += [(name, as_text(data)) for name, data in DECODE_CASES]
    cases += sorted(EXTREME_VALUES.items())
    cases += [(name, source) for name, source, _ in HOSTILE]
    cases += [(f"alias bomb {i}", source) for i, source in enumerate(BOMBS)]
    # the one-megabyte cases of tests/test_hostile_cli.py
    title = ("Tăng doanh thu lên 10% " * 50_000)[:1_000_000]
    cases += [("1 MB title", f"goals:\n  - title: {title}\n    why: x\n")]
    cases += [("1 MB line without spaces", "goals:\n  - " + "x9%" * 350_000 + "\n")]
    # half-typed: every prefix of a goal file, as it is typed
    cases += [(f"typed {n}", GOOD[:n]) for n in range(0, len(GOOD), 7)]
    return cases


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-c", SERVER]),
)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "ws").mkdir()
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        workspace_folders=[types.WorkspaceFolder(uri=uri(tmp_path / "ws"), name="ws")],
        initialization_options={"today": "2027-01-15", "debounceMs": 0},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def still_up(client: LanguageClient, doc: str) -> None:
    """Ask for a hover: the answer proves the server is up and has linted the latest text."""
    await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            position=types.Position(line=0, character=0),
        )
    )


@pytest.mark.slow
async def test_every_hostile_document_yields_diagnostics_and_the_server_stays_up(
    client: LanguageClient, tmp_path: Path
) -> None:
    folder = tmp_path / "ws"
    good = open_doc(client, folder / "good.yaml", GOOD)
    good_codes = [d.code for d in await published(client, good)]
    doc = open_doc(client, folder / "typing.yaml", "goals:\n")
    await published(client, doc)
    for name, text in yaml_cases():
        change_doc(client, doc, text)
        await still_up(client, doc)
        diagnostics = await published(client, doc)
        assert isinstance(diagnostics, list), name
    sheet = open_doc(client, folder / "plan.csv", "Mục tiêu\n", language="csv")
    await published(client, sheet)
    for name, text in CSV_CASES.items():
        change_doc(client, sheet, text)
        await still_up(client, sheet)
        diagnostics = await published(client, sheet)
        assert isinstance(diagnostics, list), name
        if name == "huge sheet":  # read up to the cap, and told so
            assert "F024" in {d.code for d in diagnostics}
    markdown = open_doc(client, folder / "okrs.md", "# OKRs\n", language="markdown")
    await published(client, markdown)
    for name, text in yaml_cases()[:20]:  # the same bytes as a Markdown document
        change_doc(client, markdown, "# OKRs Q3 2027\n\n" + text)
        await still_up(client, markdown)
        assert isinstance(await published(client, markdown), list), name
    errors = [m.message for m in client.log_messages if m.type == types.MessageType.Error]
    assert errors == []
    client.diagnostics.pop(good, None)
    change_doc(client, good, GOOD)
    assert [d.code for d in await published(client, good)] == good_codes
