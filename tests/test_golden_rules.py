"""Golden files per rule: an input goal file and the findings it gives, in the concise format.

Every rule has one (a meta-test fails when one is missing), named by its code: ``A301.yaml``
or, for a rule about Markdown documents, ``T508.md``, with the expected ``A301.txt`` beside it.

Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change; review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import lint

from smartlint.reporters.base import RenderContext
from smartlint.reporters.concise import render
from smartlint.rules import ALL_RULES
from smartlint.rules.file import BYTE_LEVEL, SHEET_LEVEL

GOLDEN = Path(__file__).resolve().parent / "golden" / "rules"
CASES = sorted([*GOLDEN.glob("*.yaml"), *GOLDEN.glob("*.md")])

# Rules whose input is bytes no text file shows (encodings, binary, size) or a spreadsheet;
# their examples are built by rules.file.byte_examples / sheet_examples and test_catalog
# runs them.
NO_TEXT_INPUT = BYTE_LEVEL | SHEET_LEVEL


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_rule_golden(case: Path) -> None:
    path = "goals.md" if case.suffix == ".md" else "goals.yaml"
    report = lint(case.read_text(encoding="utf-8"), path=path)
    got = render(report, RenderContext())
    assert f" {case.stem} " in got, f"{case.name} no longer triggers {case.stem}"
    expected = case.with_suffix(".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_every_rule_has_a_golden_file() -> None:
    have = {c.stem for c in CASES if c.with_suffix(".txt").exists()}
    missing = [r.code for r in ALL_RULES if r.code not in have and r.code not in NO_TEXT_INPUT]
    assert missing == [], "add tests/golden/rules/<code>.yaml (or .md) and its .txt"


def test_every_golden_file_is_a_rule() -> None:
    codes = {r.code for r in ALL_RULES}
    assert [c.name for c in CASES if c.stem not in codes] == []
