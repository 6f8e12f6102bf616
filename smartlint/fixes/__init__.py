"""Fixes: the stage after the rules that turns findings into text edits, and applies them.

- :mod:`smartlint.fixes.propose` works out new field values for a finding (checked by
  reading them again);
- :mod:`smartlint.fixes.source` writes a new value into the exact characters of the
  source (YAML quoting, block scalars, Markdown, CSV cells);
- :mod:`smartlint.fixes.apply` applies chosen fixes to a file's text byte for byte;
- :mod:`smartlint.fixes.catalog` says which rule offers which kind of fix.

A file with a problem that stops it being read as written (invalid YAML, a duplicate key,
an undecodable or binary file…) gets no fix at all, so nothing can ever write it.
"""

from __future__ import annotations

from dataclasses import replace

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.fixes.propose import Proposal, propose, rewrite_proposal, takes_rewrite
from smartlint.fixes.source import SourceKind, SourceText, edits_for
from smartlint.model import Finding, Fix, GoalResult, ParsedFile, TextEdit

__all__ = ["BLOCKING", "SourceKind", "SourceText", "attach_fixes", "fixable_file"]

# Problems after which the file is not edited: it was not read as written, or not whole.
BLOCKING = frozenset(
    {"F001", "F002", "F009", "F010", "F011", "F013", "F014", "F022", "F024", "F026", "F027"}
)


def fixable_file(parsed: ParsedFile) -> bool:
    """Tell whether a file may carry fixes: none of its problems is a blocking one."""
    return not any(p.code in BLOCKING for p in parsed.problems)


def attach_fixes(result: GoalResult, facts: Facts, ctx: Context, source: SourceText) -> GoalResult:
    """Return the goal result with each finding carrying the fix that mends it, if any.

    The rewrite is one fix for several findings: it is worked out once per goal.
    """
    changed = False
    findings: list[Finding] = []
    rewrite: list[Fix | None] = []  # empty until a finding asks for it
    for finding in result.findings:
        if result.rewrite is not None and takes_rewrite(finding, facts):
            if not rewrite:
                rewrite.append(_edits(rewrite_proposal(facts, result.rewrite), source))
            fix = rewrite[0]
        else:
            fix = _edits(propose(finding, facts, ctx, None), source)
        if fix is not None:
            finding = replace(finding, fix=fix)
            changed = True
        findings.append(finding)
    return replace(result, findings=tuple(findings)) if changed else result


def _edits(proposal: Proposal | None, source: SourceText) -> Fix | None:
    if proposal is None:
        return None
    edits: list[TextEdit] = []
    for text, new_value in proposal.changes:
        made = edits_for(text, new_value, source)
        if made is None:
            return None
        edits.extend(made)
    return Fix(proposal.safety, proposal.description, tuple(edits))
