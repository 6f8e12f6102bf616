"""The labelled seed corpus (copied from the product's shared corpus) matches in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import DATA, run_cli

CORPUS = DATA / "corpus"
LETTERS = {
    "S": "specific",
    "M": "measurable",
    "A": "achievable",
    "R": "relevant",
    "T": "time_bound",
}


def _expected(name: str = "seed-goals") -> tuple[str, dict[str, dict[str, str]]]:
    spec = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    return str(spec["today"]), spec["expect"]


def _key(goal: dict[str, object]) -> str:
    return str(goal["id"]) if goal["id"] is not None else f"line:{goal['line']}"


@pytest.fixture(scope="module")
def linted() -> dict[str, dict[str, str]]:
    today, _ = _expected()
    path = Path("tests/data/corpus/seed-goals.yaml")
    done = run_cli("--format", "json", "--today", today, str(path))
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    return {_key(g): g["criteria"] for g in document["goals"]}


@pytest.mark.parametrize("key", sorted(_expected()[1]))
def test_seed_goal_verdicts(key: str, linted: dict[str, dict[str, str]]) -> None:
    want = {LETTERS[k]: v for k, v in _expected()[1][key].items()}
    assert linted[key] == want


def test_every_seed_goal_is_labelled(linted: dict[str, dict[str, str]]) -> None:
    assert set(linted) == set(_expected()[1])


@pytest.fixture(scope="module")
def blind() -> dict[str, dict[str, str]]:
    today, _ = _expected("blind-goals")
    done = run_cli("--format", "json", "--today", today, "tests/data/corpus/blind-goals.yaml")
    assert done.returncode == 1, done.stderr
    return {_key(g): g["criteria"] for g in json.loads(done.stdout)["goals"]}


def test_blind_set_agreement(blind: dict[str, dict[str, str]]) -> None:
    """A set labelled from PRODUCT.md alone, before the linter ever ran on it: 98 goals.

    The floor is the product's target (95% of verdicts); every miss is printed.
    """
    _, expect = _expected("blind-goals")
    misses = [
        f"{key} {LETTERS[c]}: want {want}, got {blind[key][LETTERS[c]]}"
        for key, verdicts in expect.items()
        for c, want in verdicts.items()
        if blind[key][LETTERS[c]] != want
    ]
    total = sum(len(v) for v in expect.values())
    assert (total - len(misses)) / total >= 0.95, "\n".join(misses)
    assert len(misses) <= 2, "\n".join(misses)
