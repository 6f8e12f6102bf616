"""The goal-file JSON Schema: valid itself, accepts the bundled examples, rejects wrong shapes."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from smartlint.cli import goal_file_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "smartlint" / "data" / "goal-file.schema.json").read_text("utf-8"))
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml") if not p.name.startswith("."))


def _as_editor_sees(value: Any) -> Any:
    """Turn YAML dates into the strings a YAML language server validates."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(_as_editor_sees(k)): _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    return value


def _validate(text: str) -> None:
    jsonschema.validate(_as_editor_sees(yaml.safe_load(text)), SCHEMA)


def test_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_print_schema_prints_the_packaged_file() -> None:
    assert json.loads(goal_file_schema()) == SCHEMA


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_are_valid(path: Path) -> None:
    _validate(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "- Improve the blog\n- title: Reach 5,000 members by 30 June 2027\n",
        "goals:\n  - id: a\n    title: x\n    baseline: {value: 12000, as_of: 2027-04-30}\n"
        "    history: {period: month, values: [1, 2, 3]}\n    target: '+10%'\n",
        "goals:\n  - title: x\n    history: {2026-10: 4000, 2026-11: 4200}\n",
        "goals:\n  - title: x\n    history: traffic.csv\n    key_results:\n      - Grow\n",
    ],
)
def test_good_shapes_are_valid(text: str) -> None:
    _validate(text)


@pytest.mark.parametrize(
    "text",
    [
        "goals:\n  - titel: typo\n",
        "goals:\n  - title: [a, b]\n",
        "goals:\n  - title: x\n    history: {period: fortnight, values: [1]}\n",
        "goals:\n  - title: x\n    language: fr\n",
        "name: CI\non: push\n",
    ],
)
def test_bad_shapes_are_rejected(text: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        _validate(text)
