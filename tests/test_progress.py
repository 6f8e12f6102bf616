"""Progress on stderr: only on a terminal, only for long runs, erased at the end."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading

import pytest
from conftest import ROOT

from smartlint import cli
from smartlint.reporters import progress as progress_module
from smartlint.reporters.progress import Progress

EXAMPLE = "examples/goals.en.yaml"


class FakeTerminal(io.StringIO):
    """A stderr that says it is a terminal and records what was written."""

    def isatty(self) -> bool:
        return True


def _wait_for_a_line(stream: io.StringIO, progress: Progress) -> None:
    drawn = threading.Event()
    write = stream.write

    def spy(text: str) -> int:
        if "smartlint:" in text:
            drawn.set()
        return write(text)

    stream.write = spy  # type: ignore[method-assign]
    assert drawn.wait(10), "no progress line within 10 s"


def test_a_terminal_sees_a_line_that_is_erased_at_the_end() -> None:
    stream = FakeTerminal()
    with Progress(stream, delay=0.0) as shown:
        shown.stage("checking goals")
        _wait_for_a_line(stream, shown)
    text = stream.getvalue()
    assert "smartlint: checking goals…" in text
    assert text.endswith("\r\x1b[K")  # erased: what follows starts on a clean line


def test_nothing_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(stream, delay=0.0) as shown:
        assert not shown.enabled
    assert stream.getvalue() == ""


def test_the_tty_check_can_be_injected() -> None:
    stream = io.StringIO()
    with Progress(stream, is_terminal=lambda: True, delay=0.0) as shown:
        _wait_for_a_line(stream, shown)
    assert "smartlint: " in stream.getvalue()


def test_nothing_before_the_delay() -> None:
    stream = FakeTerminal()
    with Progress(stream, delay=60.0):
        pass  # a short run
    assert stream.getvalue() == ""


def test_the_cli_shows_progress_on_a_terminal_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the real entry point, with a terminal stderr and the delay made zero."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    stderr = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    original = cli.run_project

    def slow(*args: object, **kwargs: object) -> object:
        import time

        time.sleep(0.6)  # long enough for the first redraw, whatever the machine's load
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "run_project", slow)
    status = cli.main([EXAMPLE, "--today", "2027-01-15", "--isolated", "-f", "concise"])
    assert status == 1
    assert "smartlint: checking goals…" in stderr.getvalue()
    assert stderr.getvalue().endswith("\r\x1b[K")
    assert "smartlint:" not in capsys.readouterr().out


PTY_RUN = """
import sys, time
from smartlint.reporters import progress
progress.DELAY = 0.0
from smartlint import cli
original = cli.run_project
def slow(*args, **kwargs):
    time.sleep(0.6)
    return original(*args, **kwargs)
cli.run_project = slow
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("on_terminal", [True, False])
def test_a_real_terminal_on_stderr(on_terminal: bool) -> None:
    """stderr on a pseudo-terminal gets the line; stderr on a pipe gets nothing."""
    main, child = pty.openpty()
    args = [EXAMPLE, "--today", "2027-01-15", "--isolated", "-q"]
    try:
        done = subprocess.run(
            [sys.executable, "-c", PTY_RUN, *args],
            stdout=subprocess.PIPE,
            stderr=child if on_terminal else subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(child)
    written = b""
    while on_terminal:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal's other end is closed: all was read
            break
        if not chunk:
            break
        written += chunk
    os.close(main)
    assert done.returncode == 1
    assert done.stdout.decode().startswith("smartlint: 1 file")
    if on_terminal:
        assert "smartlint: checking goals…".encode() in written
        assert written.endswith(b"\r\x1b[K")
    else:
        assert done.stderr == b""
