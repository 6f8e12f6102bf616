"""JSON Lines: one JSON object per finding, the fields of the JSON contract's ``findings[]``."""

from __future__ import annotations

import json

from smartlint.model import Report
from smartlint.reporters.base import RenderContext
from smartlint.reporters.json import finding_record


def render(report: Report, ctx: RenderContext) -> str:
    """Render each finding as one compact JSON object on its own line."""
    return "".join(
        json.dumps(finding_record(f), ensure_ascii=False) + "\n" for f in report.findings
    )
