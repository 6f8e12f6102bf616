"""The labelled seed corpus (copied from the product's shared corpus) matches in full."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import DATA, copy_alone, run_cli_in_process

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
def alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus, copied to a directory of its own (see copy_alone).

    Each set is judged as a file of its own: in the repository its ids would also link it
    to the other sets and the examples, which changes no verdict (only did-you-mean hints)
    but makes every run check ~1,600 goals.
    """
    return copy_alone(tmp_path_factory.mktemp("corpus"), "tests/data/corpus")


def _lint(alone: Path, today: str, name: str) -> subprocess.CompletedProcess[str]:
    """Lint one corpus file as JSON through the command line (in this process)."""
    return run_cli_in_process(
        "--format", "json", "--today", today, f"tests/data/corpus/{name}", cwd=alone
    )


@pytest.fixture(scope="module")
def linted(alone: Path) -> dict[str, dict[str, str]]:
    today, _ = _expected()
    done = _lint(alone, today, "seed-goals.yaml")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    return {_key(g): g["criteria"] for g in document["goals"]}


@pytest.mark.parametrize("key", sorted(_expected()[1]))
def test_seed_goal_verdicts(key: str, linted: dict[str, dict[str, str]]) -> None:
    want = {LETTERS[k]: v for k, v in _expected()[1][key].items()}
    assert linted[key] == want


def test_every_seed_goal_is_labelled(linted: dict[str, dict[str, str]]) -> None:
    assert set(linted) == set(_expected()[1])


BLIND = {
    "blind-goals": 98,
    "blind2-goals": 100,
    "blind3-goals": 80,
    "blind4-goals": 70,
    "blind5-goals": 80,
    "blind6-goals": 74,
    "blind7-goals": 80,
    "blind8-goals": 70,
    "blind9-goals": 80,
    "blind10-goals": 80,
    "blind11-goals": 60,
    "blind12-goals": 70,
    "blind13-goals": 80,
    "blind14-goals": 80,
    "blind15-goals": 70,
    # Real-world shapes (KPI rows, bounds, standards, fiscal years, labels, several targets):
    "blind16-goals": 166,  # English
    "blind17-goals": 165,  # Vietnamese, a third without diacritics
    # Where teams keep goals: a Markdown OKR document and a KPI sheet with monthly actuals.
    "blind18-goals": 71,
    "blind19-goals": 45,
    "blind20-goals": 66,  # a second Markdown document, written after the fixes set 18 led to
    # Real-world shapes again, in other domains (city budgets, health, schools, SLOs; provinces,
    # banks, retail, farms), written after the fixes sets 16 and 17 led to.
    "blind21-goals": 117,
    "blind22-goals": 118,
}


@pytest.mark.parametrize("name", sorted(BLIND))
def test_blind_set_agreement(name: str, alone: Path) -> None:
    """Sets labelled from PRODUCT.md alone, before the linter ever ran on them.

    The floor is the product's target (95% of verdicts); every miss is printed.
    """
    today, expect = _expected(name)
    spec = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    done = _lint(alone, today, spec["file"])
    assert done.returncode == 1, done.stderr
    got = {_key(g): g["criteria"] for g in json.loads(done.stdout)["goals"]}
    assert len(expect) == BLIND[name]
    misses = [
        f"{key} {LETTERS[c]}: want {want}, got {got[key][LETTERS[c]]}"
        for key, verdicts in expect.items()
        for c, want in verdicts.items()
        if got[key][LETTERS[c]] != want
    ]
    total = sum(len(v) for v in expect.values())
    assert (total - len(misses)) / total >= 0.95, "\n".join(misses)
    assert len(misses) <= 2, "\n".join(misses)
