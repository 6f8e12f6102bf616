"""Every seed goal of the article reads so that its expected S, M and T verdicts follow."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from smartlint.extract import read_sentence
from smartlint.model import ChangeKind, Period, Reading, TimeProblem

SEEDS = Path(__file__).resolve().parent / "data" / "corpus" / "seed-goals.yaml"
TODAY = date(2021, 1, 15)


def _titles() -> dict[str, str]:
    doc: dict[str, Any] = yaml.safe_load(SEEDS.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for i, g in enumerate(doc["goals"]):
        if isinstance(g, str):
            out[f"bare-{i}"] = g
        else:
            out[str(g["id"])] = str(g["title"])
    return out


TITLES = _titles()


def read(key: str) -> Reading:
    return read_sentence(TITLES[key], TODAY)


def test_all_seeds_are_covered() -> None:
    assert len(TITLES) == 15


@pytest.mark.parametrize("key", ["seed-01", "seed-02"])
def test_no_quantity(key: str) -> None:
    r = read(key)
    assert r.metric is not None
    assert (r.quantities, r.target, r.deadline) == ((), None, None)


def test_seed_03_from_to_with_base_and_no_deadline() -> None:
    r = read("seed-03")
    assert r.target is not None and (r.target.kind, r.target.value) == (ChangeKind.LEVEL, 3000)
    assert r.baseline is not None and r.baseline.value == 1000
    assert r.base is not None and r.base.text == "so với quý trước"
    assert r.deadline is None


def test_seed_04_and_05_differ_by_cadence() -> None:
    a, b = read("seed-04"), read("seed-05")
    for r in (a, b):
        assert r.target is not None and (r.target.kind, r.target.value) == (ChangeKind.PERCENT, 5)
        assert r.deadline is None
    assert (a.cadence, b.cadence) == (None, Period.MONTH)


def test_seed_06_implied_baseline_and_deadline() -> None:
    r = read("seed-06")
    assert r.target is not None and (r.target.kind, r.target.value) == (ChangeKind.PERCENT, 10)
    assert r.implied_baseline == pytest.approx(50000 / 1.1)
    assert r.deadline is not None and r.deadline.end == date(2021, 8, 31)


def test_seed_07_bare_year_without_quantity() -> None:
    r = read("seed-07")
    assert (r.quantities, r.target, r.metric) == ((), None, None)
    assert r.deadline is not None and r.deadline.problem is TimeProblem.BARE_YEAR


def test_seed_08_deadline_without_quantity() -> None:
    r = read("seed-08")
    assert (r.quantities, r.target, r.metric) == ((), None, None)
    assert r.deadline is not None and r.deadline.end == date(2021, 3, 31)


def test_seed_09_deadline_year_assumed_and_means() -> None:
    r = read("seed-09")
    assert r.deadline is not None
    assert (r.deadline.end, r.deadline.year_assumed) == (date(2021, 7, 31), True)
    assert r.target is not None and (r.target.kind, r.target.value) == (ChangeKind.PERCENT, 10)
    assert r.baseline is None
    assert r.base is not None and r.base.text == "so với tháng 6"


@pytest.mark.parametrize(
    ("key", "value", "end", "start"),
    [
        ("seed-10", 15, date(2021, 9, 30), date(2021, 7, 1)),
        ("seed-11", 10, date(2021, 8, 31), date(2021, 8, 1)),
        ("seed-13", 8, date(2021, 2, 28), date(2021, 2, 1)),
        ("seed-14", 25, date(2021, 2, 28), date(2021, 2, 1)),
        ("bare-14", 10, date(2021, 3, 31), None),
    ],
)
def test_relative_targets_with_deadlines(
    key: str, value: float, end: date, start: date | None
) -> None:
    r = read(key)
    assert r.target is not None and (r.target.kind, r.target.value) == (ChangeKind.PERCENT, value)
    assert r.deadline is not None and (r.deadline.end, r.deadline.start) == (end, start)
    assert r.cadence is None


def test_seed_12_base_without_deadline() -> None:
    r = read("seed-12")
    assert r.base is not None and r.deadline is None
    assert r.target is not None and r.target.value == 15
