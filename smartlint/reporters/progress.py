"""A progress line on stderr for long runs, and only where a person watches a terminal.

Nothing is written during the first second (most runs end sooner) nor when stderr is not a
terminal (a pipe, a file, CI).  Afterwards one line is redrawn in place, showing what the run
is doing and how long it has taken, and it is erased when the run ends, so stdout and the
rest of stderr read as if it had never been there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

DELAY = 1.0  # seconds before the first line
TICK = 0.25  # seconds between redraws


class Progress:
    """A context manager that shows ``smartlint: <stage>… 3.2 s`` while a run is long."""

    def __init__(
        self,
        stream: TextIO,
        *,
        is_terminal: Callable[[], bool] | None = None,
        delay: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._enabled = (is_terminal or _isatty(stream))()
        self._delay = DELAY if delay is None else delay
        self._clock = clock
        self._stage = "checking goals"
        self._start = clock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._drawn = False
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Tell whether progress can be shown at all (stderr is a terminal)."""
        return self._enabled

    def stage(self, name: str) -> None:
        """Name what the run is doing now."""
        self._stage = name

    def __enter__(self) -> Progress:
        if self._enabled:
            self._start = self._clock()
            self._thread = threading.Thread(target=self._run, name="smartlint-progress")
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop redrawing and erase the line."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            if self._drawn:
                self._write("\r\x1b[K")
                self._drawn = False

    def _run(self) -> None:
        if self._stop.wait(self._delay):
            return
        while not self._stop.is_set():
            elapsed = self._clock() - self._start
            with self._lock:
                self._write(f"\r\x1b[Ksmartlint: {self._stage}… {elapsed:.1f} s")
                self._drawn = True
            self._stop.wait(TICK)

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr: progress is not worth a crash
            self._enabled = False


def _isatty(stream: TextIO) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    return check
