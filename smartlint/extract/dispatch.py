"""A scanner that finds what a large alternation finds, trying only the words that can match.

Python's regular expressions try every alternative of a pattern at every word start: a
pattern of 170 verbs costs 170 tries per word.  The engine skips an alternative at once when
it opens with a literal character that is not the next one, so the same alternatives,
gathered under their first letter ("t(?:ang|ăng…)|n(?:ang…)"), cost one try per letter.
The scanner keeps the alternatives' order within each letter, and two alternatives with
different first letters never match at one place, so it matches exactly where and as far as
the pattern does; the pattern itself, matched at that place, still says which named group
matched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from smartlint.patterns import compile_pattern


def _syntax(source: str) -> Iterator[tuple[int, str, int]]:
    """Yield each character of a pattern's source that is syntax (not escaped, not inside a
    character class) with its offset and the group depth it stands at (a ``)`` at the depth
    it closes to)."""
    depth = 0
    in_class = escaped = False
    for at, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield at, ch, depth


def split_alternatives(source: str) -> list[str]:
    """Split a regular expression's source at its top-level ``|``."""
    cuts = [at for at, ch, depth in _syntax(source) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1 : b] for a, b in itertools.pairwise(bounds)]


_NAMED = compile_pattern(r"\(\?P<\w+>(.*)\)", re.S)


def by_first_letter(pattern: re.Pattern[str], lead: str) -> re.Pattern[str]:
    """Return a scanner for ``pattern``, written ``lead + "(?:" + named groups + ")" + tail``.

    Each named group is an alternation; the scanner gathers every group's alternatives
    under their first letter, in the pattern's order, without the groups' names.
    """
    source = pattern.pattern
    opening = lead + "(?:"
    if not source.startswith(opening):
        raise ValueError("the pattern does not open with its lead and a group")
    inner = source[len(opening) :]
    close = _closing(inner)
    body, tail = inner[:close], inner[close + 1 :]
    letters: dict[str, list[str]] = {}
    branches: list[tuple[str | None, list[str]]] = []
    for group in split_alternatives(body):
        named = _NAMED.fullmatch(group)
        if named is None:
            raise ValueError(f"not a named group: {group[:40]!r}")
        for alternative in split_alternatives(named.group(1)):
            first = alternative[:1]
            if "a" <= first <= "z":
                if first not in letters:
                    letters[first] = []
                    branches.append((first, letters[first]))
                letters[first].append(alternative[1:])
            else:  # a class or an escape ("[x×]", "\d"): a branch of its own, in its place
                branches.append((None, [alternative]))
    joined = "|".join(
        f"{first}(?:{'|'.join(rests)})" if first is not None else rests[0]
        for first, rests in branches
    )
    return compile_pattern(opening + joined + ")" + tail, pattern.flags)


def _closing(inner: str) -> int:
    """Return the offset of the ``)`` that closes a group whose opening is just before
    ``inner``."""
    for at, ch, depth in _syntax(inner):
        if ch == ")" and depth == -1:
            return at
    raise ValueError("the group is not closed")
