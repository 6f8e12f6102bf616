"""What a rule is: identity, default severity, effect on its verdict, docs, and a pure check."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from smartlint.model import Criterion, Effect, Severity, Violation
from smartlint.patterns import Lazy
from smartlint.records import record

if TYPE_CHECKING:
    from smartlint.context import Context, Options
    from smartlint.facts import Facts

Check = Callable[["Facts", "Context"], Iterable[Violation]]

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
_SECTION = Lazy(r"^## (.+?)\s*$", re.MULTILINE)
_FENCE = Lazy(r"```(yaml|markdown)?\n(.*?)```", re.DOTALL)


@record
class Rule:
    """One rule of the catalog.

    ``check`` is None for file rules, whose problems the parser reports while reading.
    ``doc`` is Markdown with the sections of :data:`DOC_SECTIONS`; Example and Use instead
    each hold one fenced YAML goal file (or a ``markdown`` fenced goal document).
    """

    code: str
    name: str
    criterion: Criterion
    severity: Severity
    effect: Effect
    summary: str
    doc: str
    check: Check | None = None
    fix: str = ""  # one line saying how to fix, shown as the finding's help in SARIF
    fix_for: Callable[[Options], str] | None = None  # the fix worded for a run's options

    def configured(self, options: Options) -> Rule:
        """Return the rule with its fix worded for the run's options (the catalog's: defaults)."""
        if self.fix_for is None:
            return self
        return replace(self, fix=self.fix_for(options))

    def sections(self) -> dict[str, str]:
        """Split the docs into their ``## Section`` parts."""
        parts = _SECTION.split(self.doc)
        return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}

    def example(self, section: str) -> str | None:
        """Return the fenced YAML of the Example or Use instead section."""
        match = _FENCE.search(self.sections().get(section, ""))
        return match.group(2) if match else None

    def example_path(self, section: str) -> str:
        """Return a file name for the example's kind: ``goals.md`` for Markdown, else YAML."""
        match = _FENCE.search(self.sections().get(section, ""))
        return "goals.md" if match and match.group(1) == "markdown" else "goals.yaml"


def rule(
    code: str,
    name: str,
    criterion: Criterion,
    severity: Severity,
    check: Check | None = None,
    *,
    effect: Effect = Effect.FAIL,
    doc: str | None = None,
    fix: str = "",
    fix_for: Callable[[Options], str] | None = None,
) -> Rule:
    """Build a rule whose docs are the check's docstring (or ``doc`` for file rules)."""
    text = inspect.cleandoc(doc if doc is not None else (check.__doc__ if check else "") or "")
    summary, _, body = text.partition("\n")
    return Rule(
        code=code,
        name=name,
        criterion=criterion,
        severity=severity,
        effect=effect,
        summary=summary.strip(),
        doc=body.strip(),
        check=check,
        fix=fix,
        fix_for=fix_for,
    )
