"""Plain-text building blocks for the terminal: colour choice, styles, cell widths, wrapping.

The terminal report is built as strings, with SGR codes only when colour is on: one
string per line, no layout engine, so a 2,000-goal report costs about what the concise one
does.  Widths count terminal cells: Vietnamese letters are one cell (precomposed or with
combining marks), East Asian wide characters two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

COLOR_MODES = ("auto", "always", "never")

_SGR = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
}


def use_color(mode: str, *, is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Decide colour: ``always``/``never`` win; ``auto`` follows NO_COLOR, FORCE_COLOR, the tty.

    As no-color.org and force-color.org ask, each variable counts only when set and not
    empty; when both are set, NO_COLOR (the user's "no") wins.
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal


class Painter:
    """Wrap text in SGR codes when colour is on; return it unchanged otherwise."""

    __slots__ = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        """Return ``text`` in ``style`` (space-separated names such as "bold red")."""
        if not self.on or not text or not style:
            return text
        codes = ";".join(_SGR[name] for name in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"


def cells(text: str) -> int:
    """Count the terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if char < "\u0300" or "\u1e00" <= char <= "\u1eff":  # Latin, Vietnamese letters
            total += 1
        elif unicodedata.combining(char):
            continue
        else:
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` cells, at spaces when it can.

    Runs of whitespace become one space; a word longer than the width is cut.
    """
    width = max(width, 8)
    words = text.split()
    lines: list[str] = []
    line, used = "", 0
    for word in words:
        size = cells(word)
        while size > width:  # a word wider than the line: cut it where the line ends
            if line:
                lines.append(line)
                line, used = "", 0
            head = _cut(word, width)
            lines.append(head)
            word = word[len(head) :]
            size = cells(word)
        if not word:
            continue
        if line and used + 1 + size <= width:
            line += " " + word
            used += 1 + size
        else:
            if line:
                lines.append(line)
            line, used = word, size
    if line:
        lines.append(line)
    return lines or [""]


def _cut(word: str, width: int) -> str:
    """Return the longest head of ``word`` that fits ``width`` cells (at least one character)."""
    used = 0
    for i, char in enumerate(word):
        used += cells(char)
        if used > width:
            return word[: max(i, 1)]
    return word


def clip(text: str, width: int) -> str:
    """Return ``text`` on one line, cut to ``width`` cells with "…" when longer."""
    flat = " ".join(text.split())
    if cells(flat) <= width:
        return flat
    return _cut(flat, max(width - 1, 1)).rstrip() + "…"
