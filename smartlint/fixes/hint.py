"""The line a lint run prints when ``--fix`` could mend some of its findings.

Kept apart from the fix run (smartlint/fixrun.py) so that a run which only reports does not
import the machinery that writes files.
"""

from __future__ import annotations

from smartlint.fixes.apply import wanted
from smartlint.model import Report


def fixable_counts(report: Report) -> tuple[int, int]:
    """Return how many findings have a safe fix, and how many an unsafe one."""
    safe = sum(1 for f in report.findings if wanted(f, unsafe=False))
    every = sum(1 for f in report.findings if wanted(f, unsafe=True))
    return safe, every - safe


def fix_hint(report: Report, *, unsafe: bool) -> str | None:
    """Return the line that says how many findings ``--fix`` would mend, or None."""
    safe, more = fixable_counts(report)
    if unsafe and safe + more:
        return f"{safe + more} fixable with --fix --unsafe-fixes ({more} of them unsafe)."
    if not safe and not more:
        return None
    hidden = f" ({more} more with --unsafe-fixes)" if more else ""
    if not safe:
        fixes = "1 unsafe fix is" if more == 1 else f"{more} unsafe fixes are"
        return f"No safe fix; {fixes} available with --fix --unsafe-fixes."
    return f"{safe} fixable with --fix{hidden}."
