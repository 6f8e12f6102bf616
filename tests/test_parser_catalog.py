"""Each file rule's own examples prove it: Example gives its code, Use instead does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartlint.model import ParsedFile, Severity
from smartlint.parser import codes, parse_bytes, parse_text
from smartlint.parser.sheets import SheetOptions, parse_sheet
from smartlint.rules.base import DOC_SECTIONS, Rule
from smartlint.rules.file import BYTE_LEVEL, RULES, SHEET_LEVEL, byte_examples, sheet_examples


def _examples(rule: Rule, folder: Path) -> tuple[ParsedFile, ParsedFile]:
    sheets = sheet_examples(rule.code)
    if sheets is not None:
        suffix, *files = sheets
        parsed = []
        for name, data in zip(("bad", "good"), files, strict=True):
            (folder / f"{name}{suffix}").write_bytes(data)
            one = parse_sheet(
                folder / f"{name}{suffix}",
                f"{name}{suffix}",
                first_index=0,
                options=SheetOptions(),
                walked=False,
            )
            assert one is not None
            parsed.append(one)
        return parsed[0], parsed[1]
    examples = byte_examples(rule.code)
    if examples is not None:
        bad, good = examples
        return parse_bytes(bad, "goals.yaml"), parse_bytes(good, "goals.yaml")
    bad_text, good_text = rule.example("Example"), rule.example("Use instead")
    assert bad_text is not None and good_text is not None
    path = rule.example_path("Example")
    return parse_text(bad_text, path), parse_text(good_text, path)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_example_gives_the_code_and_use_instead_does_not(rule: Rule, tmp_path: Path) -> None:
    bad, good = _examples(rule, tmp_path)
    assert rule.code in {p.code for p in bad.problems}
    assert rule.code not in {p.code for p in good.problems}


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_docs_have_every_section(rule: Rule) -> None:
    assert all(rule.sections().get(s) for s in DOC_SECTIONS)
    assert rule.fix and rule.summary


def test_every_code_the_parser_uses_has_a_rule() -> None:
    used = {v for k, v in vars(codes).items() if k.isupper()}
    assert used == {r.code for r in RULES}


def test_severities_follow_the_house_choice() -> None:
    by_name = {r.name: r.severity for r in RULES}
    assert by_name["invalid-yaml"] is Severity.ERROR
    assert by_name["unknown-field"] is Severity.WARNING
    assert by_name["legacy-encoding"] is Severity.WARNING
    assert by_name["not-a-goal-file"] is Severity.INFO
    assert by_name["unsorted-history"] is Severity.INFO


def test_byte_level_rules_have_byte_examples() -> None:
    assert all(byte_examples(code) is not None for code in BYTE_LEVEL)


def test_sheet_level_rules_have_sheet_examples() -> None:
    assert all(sheet_examples(code) is not None for code in SHEET_LEVEL)
