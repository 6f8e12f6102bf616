"""smartlint's own regular expressions: compiled once per release, not once per run.

Python compiles a regular expression in Python code (``re._parser`` then ``re._compiler``)
and only then hands the result, a list of opcodes, to its C engine.  For the reader's
patterns that first part costs about 30 ms of every run, a fifth of a small run's start-up.
So ``scripts/compile_patterns.py`` runs Python's own compiler over every pattern smartlint
defines and keeps what it hands the engine in ``data/compiled-patterns.marshal``;
:func:`compile_pattern` gives the engine that directly.

The table is used only by the interpreter that wrote it: the same implementation, the same
version to the micro release, the same engine (``_sre.MAGIC``).  Any other interpreter, a
pattern missing from the table, or an engine that refuses the entry, falls back to
:func:`re.compile`, so the table can make a run faster but never different:
``tests/test_patterns.py`` checks that every entry compiles to a pattern equal to
``re.compile``'s (the engine compares the opcodes) and that the table is up to date.

Patterns built from what the user wrote (gitignore lines, selectors) go to :func:`re.compile`
directly; the table holds only patterns fixed in smartlint's source.
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_sre: Any = importlib.import_module("_sre")  # CPython's regular expression engine

TABLE_PATH = Path(__file__).resolve().parent / "data" / "compiled-patterns.marshal"

# (source, flags) -> the engine's arguments, read from the table on first use.
_table: dict[tuple[str, int], tuple[Any, ...]] | None = None
# Every (source, flags) smartlint asked for, compiled or lazy: what the table must hold.
_requested: set[tuple[str, int]] = set()


def interpreter() -> tuple[str, int, int, int]:
    """Return what a table must have been written by to be used here."""
    return (sys.implementation.name, sys.hexversion, _sre.MAGIC, _sre.CODESIZE)


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _table
    if _table is None:
        _table = {}
        try:
            header, entries = marshal.loads(TABLE_PATH.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return _table  # no table, or an unreadable one: compile as Python does
        if tuple(header) == interpreter():
            _table = {(source, flags): args for source, flags, args in entries}
    return _table


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """Return ``re.compile(source, flags)``, from the table when it holds the pattern."""
    key = (source, int(flags))
    _requested.add(key)
    args = _load().get(key)
    if args is not None:
        pattern, final_flags, code, *rest = args
        try:
            compiled: re.Pattern[str] = _sre.compile(
                pattern, final_flags, array("I", code).tolist(), *rest
            )
            return compiled
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # an entry this engine does not take: compile it the usual way
    return re.compile(source, flags)


def requested() -> frozenset[tuple[str, int]]:
    """Return every pattern smartlint has asked for so far in this process."""
    return frozenset(_requested)


def build_table(wanted: frozenset[tuple[str, int]]) -> bytes:
    """Return the table for ``wanted``, as this interpreter compiles each pattern.

    Python's own compiler does the work: each pattern goes through ``re``'s compile with the
    engine's entry point watched, and what it is handed is kept.
    """
    entries = [
        (source, flags, _engine_arguments(source, flags)) for source, flags in sorted(wanted)
    ]
    return marshal.dumps((interpreter(), entries))


def read_table(data: bytes) -> tuple[tuple[Any, ...], list[tuple[str, int, tuple[Any, ...]]]]:
    """Return a table's header and entries (tables are compared by content, not bytes)."""
    header, entries = marshal.loads(data)
    return tuple(header), [(s, f, tuple(a)) for s, f, a in entries]


def _engine_arguments(source: str, flags: int) -> tuple[Any, ...]:
    compiler: Any = importlib.import_module("re._compiler")
    handed: list[tuple[Any, ...]] = []

    class Watch:
        """The engine module, with its compile entry point recording its arguments."""

        def __getattr__(self, name: str) -> Any:
            return getattr(_sre, name)

        def compile(self, *args: Any) -> Any:
            handed.append(args)
            return _sre.compile(*args)

    engine = compiler._sre
    compiler._sre = Watch()
    try:
        compiler.compile(source, flags)
    finally:
        compiler._sre = engine
    pattern, final_flags, code, *rest = handed[0]
    return (pattern, int(final_flags), array("I", code).tobytes(), *rest)


class Lazy:
    """A pattern compiled on first use; the methods are those of :class:`re.Pattern`.

    Most goals never need the patterns for bounds, labels, markup or service levels (cheap
    gates keep them from running), so compiling them at import would add milliseconds to
    every start-up for nothing.  The pattern is still known from the start (it is
    :func:`requested`), so the table holds it.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _requested.add((source, int(flags)))

    @property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern, compiling it now if this is its first use."""
        if self._compiled is None:
            self._compiled = compile_pattern(self._source, self._flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """See :meth:`re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """See :meth:`re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """See :meth:`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """See :meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        """See :meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, string, count)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """See :meth:`re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """See :meth:`re.Pattern.split`."""
        return self.compiled.split(string, maxsplit)
