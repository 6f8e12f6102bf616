"""Golden files per rule: an input goal file and the findings it gives, in the concise format.

Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change; review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import lint

from smartlint.reporters.base import RenderContext
from smartlint.reporters.concise import render

GOLDEN = Path(__file__).resolve().parent / "golden" / "rules"
CASES = sorted(GOLDEN.glob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_rule_golden(case: Path) -> None:
    report = lint(case.read_text(encoding="utf-8"))
    got = render(report, RenderContext())
    assert f" {case.stem} " in got, f"{case.name} no longer triggers {case.stem}"
    expected = case.with_suffix(".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
