"""Collect file problems, stamped with the goal and field they belong to."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from smartlint.model import Problem, Span
from smartlint.records import record


class Said(NamedTuple):
    """A message in both languages; the engine shows the one of the goal or the file."""

    vi: str
    en: str


def said(vi: str, en: str) -> Said:
    """Return a message written in Vietnamese and in English."""
    return Said(vi, en)


@record
class Sink:
    """Where problems go; ``goal_index`` and ``field`` say what they are about."""

    problems: list[Problem]
    goal_index: int | None = None
    field: str | None = None

    def add(self, code: str, span: Span, message: str | Said, suggestion: str | Said) -> None:
        """Record one problem; a plain string is English only."""
        self.problems.append(problem(code, span, message, suggestion, self.goal_index, self.field))

    def about(self, field: str) -> Sink:
        """Return a sink for problems about one field of the same goal."""
        return replace(self, field=field)


def problem(
    code: str,
    span: Span,
    message: str | Said,
    suggestion: str | Said,
    goal_index: int | None = None,
    field: str | None = None,
) -> Problem:
    """Build a problem from messages in one language (English) or both."""
    vi, en = message if isinstance(message, Said) else ("", message)
    fix_vi, fix_en = suggestion if isinstance(suggestion, Said) else ("", suggestion)
    return Problem(code, span, en, fix_en, goal_index, field, vi, fix_vi)


def likely(word: str, known: Iterable[str], aliases: dict[str, str] | None = None) -> str | None:
    """Return the one known name a near-miss most likely meant, or None."""
    lowered = word.strip().lower().replace("-", "_").replace(" ", "_")
    guess = (aliases or {}).get(lowered)
    if guess is None:
        close = difflib.get_close_matches(lowered, list(known), n=1, cutoff=0.6)
        guess = close[0] if close else None
    return guess


def did_you_mean(word: str, known: Iterable[str], aliases: dict[str, str] | None = None) -> Said:
    """Return " Did you mean `x`?" (in both languages) for a near-miss, or empty texts."""
    guess = likely(word, known, aliases)
    if guess is None:
        return Said("", "")
    return Said(f" Có phải ý bạn là `{guess}`?", f" Did you mean `{guess}`?")


def unknown_name(word: str, what: Said, known: Sequence[str], guess: str | None) -> Said:
    """Say that ``word`` is not a known name, naming the likely one when there is one."""
    if guess is not None:
        return Said(
            f"`{word}` không phải là {what.vi}; có phải ý bạn là `{guess}`?",
            f"`{word}` is not {what.en}; did you mean `{guess}`?",
        )
    return Said(f"`{word}` không phải là {what.vi}.", f"`{word}` is not {what.en}.")


def rename_or_choose(word: str, known: Sequence[str], guess: str | None) -> Said:
    """Suggest the likely name, else list the known ones."""
    if guess is not None:
        return Said(f"Đổi `{word}` thành `{guess}`.", f"Rename `{word}` to `{guess}`.")
    names = ", ".join(known)
    return Said(f"Dùng một trong: {names}.", f"Use one of: {names}.")
