"""The suppression rule (``F090``): an inline ``# smartlint: ignore`` comment that ignores nothing.

Suppressions are read from the file's text by :mod:`smartlint.suppress`, which also reports
this rule; it has no check of its own.
"""

from __future__ import annotations

from smartlint.model import Criterion, Effect, Severity
from smartlint.rules.base import Rule, rule

UNUSED_SUPPRESSION = rule(
    "F090",
    "unused-suppression",
    Criterion.FILE,
    Severity.INFO,
    effect=Effect.NONE,
    fix="Remove the comment, or correct the codes in its brackets.",
    doc="""A `# smartlint: ignore` comment suppresses no finding.

    ## What it does
    Reports an inline suppression whose codes match no finding where it stands: a code that
    is not a rule, a rule that no longer fires there, or a directive smartlint does not know
    (`# smartlint: disable`).  Each unused code of a comment is reported on its own.

    ## Why is this bad?
    A stale suppression hides the next real problem at that place without anyone noticing,
    and a misspelt code suppresses nothing while looking as if it does.

    ## Example
    ```yaml
    goals:
      - id: blog
        title: Tăng lượt truy cập blog từ 1.000 lên 1.200 trước 31/12/2027  # smartlint: ignore[T501]
        why: Khách hàng tìm đến qua blog
    ```

    ## Use instead
    ```yaml
    goals:
      - id: blog
        title: Tăng lượt truy cập blog từ 1.000 lên 1.200 trước 31/12/2027
        why: Khách hàng tìm đến qua blog
    ```
    """,
)

RULES: tuple[Rule, ...] = (UNUSED_SUPPRESSION,)
