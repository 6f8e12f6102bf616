"""What a person should read first about a goal: root causes, then errors, then warnings.

A field finding (an ``F`` code on the goal: a misspelt or mistyped field) often explains the
criteria failures of the same goal: ``titel:`` leaves the goal without its sentence, so
S101, M201 and T501 follow.  Such a finding is a *root cause*: it is shown first and each
finding it explains names it.  Infos are kept aside, to be folded into one line unless the
reader asks for them, and the Achievable note is dropped when Specific and Measurable both
fail (there is nothing to judge the pace of; the note would only repeat them).
"""

from __future__ import annotations

import difflib

from smartlint.model import Criterion, Effect, Finding, GoalResult, Severity, Verdict
from smartlint.parser.fields import ALIASES, KNOWN_FIELDS
from smartlint.records import record

_FROM_SENTENCE = frozenset(
    {"S101", "S102", "S103", "M201", "M202", "M203", "T501", "A302", "A303", "A304"}
)
# The findings a missing or unreadable field brings about, by the field meant.
EXPLAINS: dict[str, frozenset[str]] = {
    "title": _FROM_SENTENCE,
    "deadline": frozenset({"T501", "A303"}),
    "target": frozenset({"S101", "M201", "M202", "M203", "A303"}),
    "baseline": frozenset({"M202", "A302", "A303"}),
    "history": frozenset({"A302", "A303"}),
    "metric": frozenset({"S102"}),
    "start": frozenset({"T504"}),
    "why": frozenset({"R406"}),
    "parent": frozenset({"R406"}),
}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@record
class Shown:
    """A finding to print, with the code of the root cause that explains it (if any)."""

    finding: Finding
    because: str | None = None


@record
class Triage:
    """One goal's findings in reading order, and the infos folded away."""

    shown: tuple[Shown, ...]
    folded: tuple[Finding, ...]


def meant_field(finding: Finding) -> str | None:
    """Return the goal field a file finding is about, or the known field a typo stands for."""
    name = finding.field
    if name is None:
        return None
    if name in KNOWN_FIELDS:
        return name
    lowered = name.strip().lower().replace("-", "_").replace(" ", "_")
    guess = ALIASES.get(lowered)
    if guess is None:
        close = difflib.get_close_matches(lowered, KNOWN_FIELDS, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return guess


def triage(result: GoalResult, *, show_info: bool) -> Triage:
    """Order a goal's own findings for reading; fold its infos unless ``show_info``."""
    own = [f for f in result.findings if f.goal_index == result.goal.index]
    if not show_info and _both_fail(result, Criterion.SPECIFIC, Criterion.MEASURABLE):
        own = [
            f
            for f in own
            if not (f.criterion is Criterion.ACHIEVABLE and f.severity is Severity.INFO)
        ]
    because, roots = _root_causes(own)
    first = [f for f in own if id(f) in roots]
    rest = sorted((f for f in own if id(f) not in roots), key=lambda f: _SEVERITY_ORDER[f.severity])
    shown = [Shown(f, None) for f in first]
    folded: list[Finding] = []
    for f in rest:
        if f.severity is Severity.INFO and not show_info:
            folded.append(f)
        else:
            shown.append(Shown(f, because.get(id(f))))
    return Triage(tuple(shown), tuple(folded))


def _root_causes(findings: list[Finding]) -> tuple[dict[int, str], set[int]]:
    """Map each explained finding (by identity) to the code of the field finding behind it.

    Also return the identities of the field findings that explain at least one other.
    """
    because: dict[int, str] = {}
    roots: set[int] = set()
    for cause in findings:
        if cause.criterion is not Criterion.FILE:
            continue
        explained = EXPLAINS.get(meant_field(cause) or "", frozenset())
        for f in findings:
            if f.code in explained and f.effect in (Effect.FAIL, Effect.SKIP):
                because.setdefault(id(f), cause.code)
                roots.add(id(cause))
    return because, roots


def _both_fail(result: GoalResult, *criteria: Criterion) -> bool:
    return all(result.verdict(c) is Verdict.FAIL for c in criteria)
