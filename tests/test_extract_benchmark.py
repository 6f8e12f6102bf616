"""The labelled sentence set: every field's accuracy stays at or above 0.95."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraction_bench", ROOT / "benchmarks" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
TODAY, ENTRIES = BENCH.load()
ACCURACY, MISSES = BENCH.score(ENTRIES, TODAY)


def test_the_set_is_large_and_mixed() -> None:
    langs = Counter(
        "seed" if e["id"].startswith("seed") else e["id"].split("-")[0] for e in ENTRIES
    )
    assert len(ENTRIES) >= 150
    assert langs["vi"] + langs["seed"] >= 55
    assert langs["nd"] >= 40
    assert langs["en"] >= 60
    assert len({e["id"] for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("field", BENCH.FIELDS)
def test_field_accuracy(field: str) -> None:
    misses = [m for m in MISSES if m[1] == field]
    assert ACCURACY[field] >= 0.95, misses
