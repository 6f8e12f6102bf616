"""Score smartlint.extract against tests/data/sentences.yaml: accuracy per field, S/M/T
verdicts (when the engine exists) and the median extraction time per sentence.

Run: ``python benchmarks/extraction.py``.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import timeit
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartlint.extract import read_sentence  # noqa: E402
from smartlint.model import Reading  # noqa: E402

DATA = ROOT / "tests" / "data" / "sentences.yaml"
FIELDS = (
    "lang",
    "direction",
    "target",
    "baseline",
    "deadline",
    "cadence",
    "has_base",
    "has_placeholder",
    "has_metric",
    "implied_zero",
)


def load() -> tuple[date, list[dict[str, Any]]]:
    """Return the pinned today and the labelled sentences."""
    doc = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return date.fromisoformat(str(doc["today"])), list(doc["sentences"])


def today_of(entry: dict[str, Any], today: date) -> date:
    """Return the entry's own today, or the file's."""
    return date.fromisoformat(str(entry["today"])) if "today" in entry else today


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def observed(r: Reading) -> dict[str, object]:
    """Return a reading's fields in the labels' terms."""
    d = r.deadline
    deadline = None
    if d is not None:
        deadline = d.problem.value if d.problem else (d.end.isoformat() if d.end else None)
    return {
        "lang": r.language.value,
        "direction": r.direction.value if r.direction else None,
        "target": (r.target.kind.value, r.target.value) if r.target else None,
        "baseline": r.baseline.value if r.baseline else None,
        "deadline": deadline,
        "cadence": r.cadence.value if r.cadence else None,
        "has_base": r.base is not None,
        "has_placeholder": bool(r.placeholders),
        "has_metric": r.metric is not None,
        "implied_zero": r.implied_zero_baseline,
    }


def expected(e: dict[str, Any]) -> dict[str, object]:
    """Return an entry's labels keyed like :func:`observed`."""
    kind = e["target_kind"]
    return {
        "lang": e["lang"],
        "direction": e["direction"],
        "target": (kind, float(e["target_value"])) if kind else None,
        "baseline": None if e["baseline"] is None else float(e["baseline"]),
        "deadline": None if e["deadline"] is None else str(e["deadline"]),
        "cadence": e["cadence"],
        "has_base": e["has_base"],
        "has_placeholder": e["has_placeholder"],
        "has_metric": e["has_metric"],
        "implied_zero": e["implied_zero"],
    }


def same(field: str, got: object, want: object) -> bool:
    """Tell whether an observed field matches its label (numbers within rounding)."""
    if field == "target" and isinstance(got, tuple) and isinstance(want, tuple):
        return got[0] == want[0] and _close(got[1], want[1])
    if field == "baseline" and isinstance(got, float) and isinstance(want, float):
        return _close(got, want)
    return got == want


def score(
    entries: list[dict[str, Any]], today: date
) -> tuple[dict[str, float], list[tuple[str, str, object, object]]]:
    """Return accuracy per field and the misses (id, field, got, want)."""
    hits = dict.fromkeys(FIELDS, 0)
    misses: list[tuple[str, str, object, object]] = []
    for e in entries:
        got = observed(read_sentence(e["text"], today_of(e, today)))
        want = expected(e)
        for k in FIELDS:
            if same(k, got[k], want[k]):
                hits[k] += 1
            else:
                misses.append((e["id"], k, got[k], want[k]))
    return {k: v / len(entries) for k, v in hits.items()}, misses


def verdicts(entries: list[dict[str, Any]], today: date) -> dict[str, float] | None:
    """Score S/M/T verdicts through the engine, or None when it is not available."""
    try:
        from smartlint.engine import lint_text  # type: ignore[attr-defined]
    except ImportError as exc:
        print(f"note: verdicts not scored ({exc})")
        return None
    names = {"S": "specific", "M": "measurable", "T": "time_bound"}
    hits = dict.fromkeys(names, 0)
    try:
        for e in entries:
            src = "goals:\n  - title: " + json.dumps(e["text"], ensure_ascii=False) + "\n"
            report = lint_text(src, path="bench.yaml", today=today_of(e, today))
            goal = report.goals[0]
            for letter, name in names.items():
                got = next(v.value for c, v in goal.verdicts if c.value == name)
                hits[letter] += got == e[letter]
    except NotImplementedError:
        print("note: verdicts not scored (lint_text is not implemented yet)")
        return None
    return {k: v / len(entries) for k, v in hits.items()}


def speed(entries: list[dict[str, Any]], today: date, repeat: int = 7) -> float:
    """Return the median microseconds per sentence over the set."""
    per: list[float] = []
    for e in entries:
        text = e["text"]
        day = today_of(e, today)
        call: Callable[[], object] = lambda t=text, d=day: read_sentence(t, d)  # noqa: E731
        best = min(timeit.repeat(call, number=20, repeat=repeat))
        per.append(best / 20 * 1e6)
    return statistics.median(per)


def main() -> int:
    """Print accuracy per field, per verdict and the median speed."""
    today, entries = load()
    acc, misses = score(entries, today)
    print(f"{len(entries)} sentences, today {today}")
    for k, v in acc.items():
        print(f"  {k:<16} {v:6.1%}")
    for m in misses:
        print(f"  miss {m[0]:<8} {m[1]:<15} got={m[2]!r} want={m[3]!r}")
    v = verdicts(entries, today)
    if v is not None:
        for k, x in v.items():
            print(f"  verdict {k}        {x:6.1%}")
    print(f"median {speed(entries, today):.1f} µs per sentence")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
