"""Regular expressions compiled the first time they are used.

Most goals never need the patterns for bounds, labels, markup or service levels (cheap gates
keep them from running), so compiling them at import would add milliseconds to every
start-up for nothing.  :class:`Lazy` compiles its pattern on first use and then delegates.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any


class Lazy:
    """A pattern compiled on first use; the methods are those of :class:`re.Pattern`."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern, compiling it now if this is its first use."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
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

    def sub(self, repl: str, string: str) -> str:
        """See :meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, string)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """See :meth:`re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """See :meth:`re.Pattern.split`."""
        return self.compiled.split(string, maxsplit)
