"""How fast ``smartlint server`` answers a change: didChange to publishDiagnostics.

Starts the server over stdio with the debounce off (``debounceMs: 0``, so the pause an
editor waits for typing to stop is not counted), opens a generated goal file, then edits
one goal's title again and again, alternating two texts, and times each change from the
moment it is sent to the diagnostics of that version.  Prints the median of the runs and,
as the baseline of the same sitting, the median of linting the whole file from scratch in
one process (what a server without its caches would do at each keystroke).

    python benchmarks/server_change.py               # 200 goals, 21 changes
    python benchmarks/server_change.py --goals 1000 --runs 11
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

TODAY = "2027-01-15"


def edited(text: str, flip: bool) -> str:
    """Change one word of the middle goal's title (the same length, so the rest stays put)."""
    lines = text.split("\n")
    middle = next(
        i for i in range(len(lines) // 2, len(lines)) if lines[i].lstrip().startswith("title:")
    )
    lines[middle] = lines[middle] + (" x" if flip else " y")
    return "\n".join(lines)


def cpu_seconds(pid: int) -> float | None:
    """Return a process's user + system CPU seconds (Linux), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(goals: int, runs: int) -> tuple[list[float], float, int, float | None]:
    """Return each change's seconds, the open's, the file's diagnostics, CPU per change."""
    folder = Path(tempfile.mkdtemp(prefix="smartlint-bench-"))
    path = folder / "goals.yaml"
    text = generate(goals)
    path.write_text(text, encoding="utf-8")
    uri = from_fs_path(str(path)) or ""
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri and params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts[params.version] = len(params.diagnostics)

    async def wait(version: int) -> float:
        while version not in arrived:
            await asyncio.sleep(0.0005)
        return arrived[version]

    await client.start_io(sys.executable, "-m", "smartlint", "server")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[
                types.WorkspaceFolder(uri=from_fs_path(str(folder)) or "", name="b")
            ],
            initialization_options={"today": TODAY, "debounceMs": 0},
        )
    )
    client.initialized(types.InitializedParams())
    sent = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    opened = await wait(1) - sent
    server = getattr(client, "_server", None)
    pid = server.pid if server is not None else None
    seconds = []
    cpu_before: float | None = None
    for version in range(2, runs + 4):
        change = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text=edited(text, version % 2 == 0))
            ],
        )
        sent = time.perf_counter()
        client.text_document_did_change(change)
        took = await wait(version) - sent
        if version == 3 and pid is not None:
            cpu_before = cpu_seconds(pid)
        if version > 3:  # the first two changes warm the caches up
            seconds.append(took)
    cpu_after = cpu_seconds(pid) if pid is not None else None
    cpu = None
    if cpu_before is not None and cpu_after is not None:
        cpu = (cpu_after - cpu_before) / len(seconds)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return seconds, opened, counts[1], cpu


def baseline(goals: int, runs: int) -> list[float]:
    """Lint the same file from scratch in this process, as the server did before its caches."""
    from smartlint.engine import lint_text

    text = generate(goals)
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_text(text, path="goals.yaml", today=date.fromisoformat(TODAY))
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=200)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    seconds, opened, diagnostics, cpu = asyncio.run(measure(args.goals, args.runs))
    scratch = baseline(args.goals, max(5, args.runs // 3))
    median = statistics.median(seconds)
    print(f"goals: {args.goals}   diagnostics: {diagnostics}   changes timed: {len(seconds)}")
    print(f"open (first lint, cold): {opened * 1000:.1f} ms")
    print(
        f"change -> publishDiagnostics: median {median * 1000:.1f} ms"
        f" (min {min(seconds) * 1000:.1f}, max {max(seconds) * 1000:.1f})"
    )
    if cpu is not None:
        print(f"server CPU per change (mean, load-independent): {cpu * 1000:.1f} ms")
    print(
        f"baseline, the whole file linted from scratch in-process: median"
        f" {statistics.median(scratch) * 1000:.1f} ms"
        f"   ratio change/baseline: {median / statistics.median(scratch):.2f}"
    )
    print(f"aim: under 100 ms -> {'met' if median < 0.1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
