"""Collect file problems, stamped with the goal and field they belong to."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from smartlint.model import Problem, Span


@dataclass(frozen=True, slots=True)
class Sink:
    """Where problems go; ``goal_index`` and ``field`` say what they are about."""

    problems: list[Problem]
    goal_index: int | None = None
    field: str | None = None

    def add(self, code: str, span: Span, message: str, suggestion: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(code, span, message, suggestion, self.goal_index, self.field))

    def about(self, field: str) -> Sink:
        """Return a sink for problems about one field of the same goal."""
        return replace(self, field=field)


def did_you_mean(word: str, known: Iterable[str], aliases: dict[str, str] | None = None) -> str:
    """Return ' Did you mean "x"?' for a near-miss of a known name, or an empty string."""
    lowered = word.strip().lower().replace("-", "_").replace(" ", "_")
    choices = list(known)
    guess = (aliases or {}).get(lowered)
    if guess is None:
        close = difflib.get_close_matches(lowered, choices, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return f' Did you mean "{guess}"?' if guess else ""
