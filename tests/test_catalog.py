"""Every rule documents itself, and its own examples prove it: Example fires, Use instead not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TODAY, codes, lint

from smartlint.engine import RunSettings, lint_parsed
from smartlint.model import Criterion
from smartlint.parser import parse_bytes, sheet_table
from smartlint.parser.sheets import SheetOptions, parse_sheet
from smartlint.rules import ALL_RULES, RULES_BY_CODE
from smartlint.rules import file as rules_file
from smartlint.rules.base import DOC_SECTIONS, Rule
from smartlint.rules.file import BYTE_LEVEL, SHEET_LEVEL, byte_examples, sheet_examples

CODE = re.compile(r"^(S1|M2|A3|R4|T5|F0)\d\d$")
NAME = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
LETTER = {
    "S": "specific",
    "M": "measurable",
    "A": "achievable",
    "R": "relevant",
    "T": "time_bound",
    "F": "file",
}


def _ids(rule: Rule) -> str:
    return f"{rule.code}-{rule.name}"


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_rule_identity(rule: Rule) -> None:
    assert CODE.match(rule.code), rule.code
    assert NAME.match(rule.name), rule.name
    assert rule.criterion.value == LETTER[rule.code[0]]
    assert rule.summary and not rule.summary.endswith(" ")
    assert rule.fix, "every rule says in one line how to fix it"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_rule_docs_have_every_section(rule: Rule) -> None:
    sections = rule.sections()
    for section in DOC_SECTIONS:
        assert sections.get(section), f"{rule.code} lacks '## {section}'"
    assert rule.example("Example") is not None
    assert rule.example("Use instead") is not None


def _lint_bytes(data: bytes) -> set[str]:
    return codes(lint_parsed([parse_bytes(data, "goals.yaml")], RunSettings(today=TODAY)))


def _lint_sheet(data: bytes, suffix: str, folder: Path) -> set[str]:
    path = folder / f"plan-{len(list(folder.iterdir()))}{suffix}"
    path.write_bytes(data)
    parsed = parse_sheet(path, path.name, first_index=0, options=SheetOptions(), walked=False)
    assert parsed is not None
    return codes(lint_parsed([parsed], RunSettings(today=TODAY)))


def _lower_the_row_cap(monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    """Make F024's Example (the cap and one row more) small: the cap's logic, not its size.

    At the real cap (10,000 rows) the Example costs two seconds to lint; the real cap is
    checked through the real command line in tests/test_sheets_hostile_cli.py.
    """
    monkeypatch.setattr(rules_file, "MAX_ROWS", rows)  # the Example's row count
    monkeypatch.setattr(sheet_table, "MAX_ROWS", rows)  # where the reader stops


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_example_triggers_and_use_instead_does_not(
    rule: Rule, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if rule.code == "F024":
        _lower_the_row_cap(monkeypatch, 20)
    if rule.code in BYTE_LEVEL:  # their triggers are bytes (encodings, binary) no YAML can show
        examples = byte_examples(rule.code)
        assert examples is not None
        bad_codes, good_codes = (_lint_bytes(b) for b in examples)
    elif rule.code in SHEET_LEVEL:  # their triggers are spreadsheet files
        sheets = sheet_examples(rule.code)
        assert sheets is not None
        suffix, bad_bytes, good_bytes = sheets
        bad_codes, good_codes = (_lint_sheet(b, suffix, tmp_path) for b in (bad_bytes, good_bytes))
    else:
        bad, good = rule.example("Example"), rule.example("Use instead")
        assert bad is not None and good is not None
        path = rule.example_path("Example")
        bad_codes, good_codes = codes(lint(bad, path=path)), codes(lint(good, path=path))
    assert rule.code in bad_codes, f"{rule.code}'s Example does not trigger it"
    assert rule.code not in good_codes, f"{rule.code}'s Use instead triggers it"


def test_smart_rules_cover_every_criterion() -> None:
    covered = {r.criterion for r in ALL_RULES}
    assert {Criterion.SPECIFIC, Criterion.MEASURABLE, Criterion.TIME_BOUND} <= covered
    assert "S101" in RULES_BY_CODE
