"""Writing a new field value into its exact source characters (smartlint.fixes.source).

The property: whatever the quoting style the author chose, applying the edits and parsing
the file again gives the new value, and every other character is unchanged.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.fixes.apply import apply_fixes
from smartlint.fixes.source import SourceText, csv_cells, edits_for, minimal_change
from smartlint.model import (
    Criterion,
    Effect,
    Finding,
    Fix,
    FixSafety,
    Severity,
    Span,
    TextEdit,
)
from smartlint.parser import parse_text


def _apply(text: str, edits: tuple[TextEdit, ...]) -> str:
    finding = Finding(
        path="goals.yaml",
        span=Span(1, 1, 1, 1),
        code="T506",
        name="deadline-year-assumed",
        criterion=Criterion.TIME_BOUND,
        severity=Severity.INFO,
        effect=Effect.NONE,
        message="",
        suggestion="",
        fix=Fix(FixSafety.SAFE, "", edits),
    )
    return apply_fixes(text, [finding], unsafe=False).text


def _title(text: str) -> str:
    goal = parse_text(text, "goals.yaml").goals[0]
    assert goal.title is not None
    return goal.title.value


STYLES = {
    "plain": "goals:\n  - title: {v}   # note\n    why: x\n",
    "double": 'goals:\n  - title: "{v}"\n    why: x\n',
    "single": "goals:\n  - title: '{v}'\n    why: x\n",
    "flow": "goals: [{{title: {v}, why: x}}]\n",
    "literal": "goals:\n  - title: |\n      {v}\n    why: x\n",
    "folded": "goals:\n  - title: >-\n      {v}\n    why: x\n",
}

NEW_VALUES = [
    "Grow signups by 20% in Q3 2027",
    "Grow signups: by 20% in Q3",  # a colon and a space: plain must become quoted
    "Grow signups #1 by 20%",
    'Say "hello" to 500 users',
    "It's 500 users by Q3 2027",
    "Back\\slash 500",
    "Tăng doanh thu lên 15% vào cuối tháng 7 năm 2027",
    "500, then 600 [by Q3]",  # flow indicators
    "yes",  # would read as a boolean when plain
]


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("new", NEW_VALUES)
def test_every_quoting_style_reads_back_the_new_value(style: str, new: str) -> None:
    text = STYLES[style].format(v="Grow signups by 20% in Q3")
    goal = parse_text(text, "goals.yaml").goals[0]
    assert goal.title is not None
    edits = edits_for(goal.title, new, SourceText(text, "yaml"))
    if edits is None:  # declined: allowed, never a wrong edit
        assert style in ("literal", "folded", "single", "flow")
        return
    fixed = _apply(text, edits)
    assert _title(fixed).rstrip("\n") == new
    # Only the title's line changed.
    old_lines, new_lines = text.split("\n"), fixed.split("\n")
    assert len(old_lines) == len(new_lines)
    differ = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert len(differ) <= 1


def test_plain_scalar_keeps_its_comment_and_only_gains_the_year() -> None:
    text = STYLES["plain"].format(v="Grow signups by 20% in Q3")
    goal = parse_text(text, "goals.yaml").goals[0]
    assert goal.title is not None
    edits = edits_for(goal.title, "Grow signups by 20% in Q3 2027", SourceText(text, "yaml"))
    assert edits == (TextEdit(Span(2, 37, 2, 37), " 2027"),)


def test_a_value_not_where_the_parser_put_it_gets_no_edit() -> None:
    text = STYLES["plain"].format(v="Grow signups by 20% in Q3")
    goal = parse_text(text, "goals.yaml").goals[0]
    assert goal.title is not None
    shifted = "# one more line\n" + text  # the source no longer matches the spans
    assert edits_for(goal.title, "anything else", SourceText(shifted, "yaml")) is None


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
    ).filter(lambda s: s.strip() == s)
)
@settings(max_examples=150, deadline=None)
def test_any_new_text_in_a_plain_or_double_quoted_title(new: str) -> None:
    for style in ("plain", "double"):
        text = STYLES[style].format(v="Grow signups by 20% in Q3")
        goal = parse_text(text, "goals.yaml").goals[0]
        assert goal.title is not None
        edits = edits_for(goal.title, new, SourceText(text, "yaml"))
        if edits is None:
            continue
        fixed = _apply(text, edits)
        parsed = parse_text(fixed, "goals.yaml")
        assert parsed.goals and parsed.goals[0].title is not None, fixed
        assert parsed.goals[0].title.value == new


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ('a;"b;c";d', ";"),
        ('"x ""y""",2,', ","),
        ("a\tb\t", "\t"),
        ("", ","),
    ],
)
def test_csv_cells_agree_with_the_csv_module(line: str, delimiter: str) -> None:
    cells = csv_cells(line, delimiter)
    assert cells is not None
    want = next(csv.reader(io.StringIO(line), delimiter=delimiter), [""])
    got = [
        line[a + 1 : b - 1].replace('""', '"') if quoted else line[a:b] for a, b, quoted in cells
    ]
    assert got == want


@given(st.text(max_size=20), st.text(max_size=20))
def test_minimal_change_rebuilds_the_new_text(old: str, new: str) -> None:
    start, end, text = minimal_change(old, new)
    assert old[:start] + text + old[end:] == new
