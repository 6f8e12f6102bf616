"""Relevant through the real pipeline: goal files in, R4xx findings and R verdicts out."""

from __future__ import annotations

from datetime import date

import pytest

from smartlint.context import Options
from smartlint.engine import lint_text
from smartlint.extract import read_time
from smartlint.model import Criterion, Language, Report

TODAY = date(2027, 1, 15)


def _extraction_ready() -> bool:
    try:
        read_time("2027-07-31", TODAY)
    except NotImplementedError:
        return False
    return True


needs_extraction = pytest.mark.skipif(
    not _extraction_ready(), reason="the extraction stage has not landed yet"
)


def lint(source: str) -> Report:
    """Lint a goal file with English messages (no language detection needed)."""
    return lint_text(source, path="goals.yaml", today=TODAY, options=Options(language=Language.EN))


def relevant(report: Report) -> list[tuple[int, str, str]]:
    """Return (line, name, message) of every R4xx finding."""
    return [
        (f.span.line, f.name, f.message)
        for f in report.findings
        if f.criterion is Criterion.RELEVANT
    ]


def verdicts(report: Report) -> list[str]:
    """Return the R verdict of each goal, in order."""
    return [g.verdict(Criterion.RELEVANT).value for g in report.goals]


def test_links_through_ids_and_nesting() -> None:
    report = lint(
        """\
goals:
  - id: revenue-2027
    why: Funds the new branches
    key_results:
      - id: traffic
      - owner: marketing
        key_results:
          - owner: seo
  - id: leads
    parent: revenue-2027
"""
    )
    assert relevant(report) == []
    assert verdicts(report) == ["pass"] * 5


def test_every_relevant_failure_in_one_file() -> None:
    report = lint(
        """\
goals:
  - id: revenue-2027
    why: Funds the new branches
  - id: traffic
    parent: revenue-2072
  - id: self
    parent: self
  - id: c
    parent: d
  - id: d
    parent: c
  - id: revenue-2027
    why: Again
  - owner: nobody
"""
    )
    assert relevant(report) == [
        (5, "unknown-parent", "Parent goal `revenue-2072` is not in the goal set."),
        (7, "self-parent", "Goal `self` names itself as its parent."),
        (9, "parent-cycle", "Parent links form a cycle: c → d → c."),
        (11, "parent-cycle", "This goal is on the parent cycle reported at `c`."),
        (12, "duplicate-id", "Id `revenue-2027` is already used by the goal at goals.yaml:2."),
        (14, "missing-why", "This top-level goal does not say why it matters."),
    ]
    unknown = next(f for f in report.findings if f.name == "unknown-parent")
    assert unknown.suggestion == "Did you mean `revenue-2027`?"
    assert (unknown.span.column, unknown.span.end_column) == (13, 25)
    # the cycle's path is told once, on its first member; both members fail
    assert verdicts(report) == ["pass", "fail", "fail", "fail", "fail", "fail", "fail"]


@needs_extraction
def test_child_deadline_after_parent_through_nesting() -> None:
    report = lint(
        """\
goals:
  - why: Funds the new branches
    deadline: 2027-06-30
    key_results:
      - deadline: 2027-07-31
      - deadline: 2027-06-30
      - owner: no deadline, nothing to compare
"""
    )
    found = relevant(report)
    assert [(line, name) for line, name, _ in found] == [(5, "child-deadline-after-parent")]
    assert verdicts(report) == ["pass", "fail", "pass", "pass"]


@needs_extraction
def test_seed_corpus_relevant_verdicts() -> None:
    from pathlib import Path

    import yaml

    data = Path(__file__).parent / "data" / "corpus"
    expected = yaml.safe_load((data / "seed-goals.expected.yaml").read_text(encoding="utf-8"))
    source = (data / "seed-goals.yaml").read_text(encoding="utf-8")
    report = lint_text(source, path="seed-goals.yaml", today=date(2021, 1, 15))
    for result in report.goals:
        key = result.goal.goal_id or f"line:{result.goal.span.line}"
        assert result.verdict(Criterion.RELEVANT).value == expected["expect"][key]["R"], key
