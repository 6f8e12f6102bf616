"""The goal list is read while it is composed: the same goals and problems, never all nodes at once."""

from __future__ import annotations

import sys
from unittest.mock import patch

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile_parser import HOSTILE

from smartlint import parser
from smartlint.model import ParsedFile
from smartlint.parser import parse_text
from smartlint.parser.compose import ReadAhead, compose
from smartlint.parser.document import opens_goal_list
from smartlint.parser.nodes import Map, Node, Scalar, Seq

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate

EDGES = [
    "goals:\n  - a 10% rise by Q3 2027\n  - title: b\n---\ngoals:\n  - c by 2027-06-30\n",
    "language: en\ngoals:\n  - a\n  -\n  - [x, y]\ngoals:\n  - b\nextra: 1\n",
    "goals: &all\n  - &g {title: a, id: g}\n  - *g\n  - title: b\n    key_results:\n"
    "      - c\n      - {id: k, title: d}\nother: *all\n",
    "goals:\n  - a\n  - title: b\n    deadline: [unclosed\n",
    "- a\n- title: b\n  id: x\n- ~\n",
    "goals: !!python/object:foo\n  - a\n",
    "!!python/name:os.system\ngoals:\n  - a\n",
    "title: a\ndeadline: 2027-09-30\n---\n- b\n",
    "---\n---\ngoals:\n  - b\n",
    "goals: {a: 1}\n",
    "goals:\n  - Tăng doanh thu 10%\n  - title: ''\nlanguage: xx\n",
    "{goals: [a, {title: b, key_results: [c]}], language: vi}\n",
    "goals: []\n",
    "goals:\n",
]


def read_whole(text: str) -> ParsedFile:
    """Parse as the reader did before it read ahead: compose everything, then read."""
    with patch.object(parser, "compose", lambda text, ahead=None: compose(text)):
        return parse_text(text, "goals.yaml")


@pytest.mark.parametrize(
    "text", EDGES + [source for _, source, _ in HOSTILE] + [generate(60, seed=s) for s in (1, 2)]
)
def test_reading_ahead_reads_what_reading_the_whole_tree_reads(text: str) -> None:
    assert parse_text(text, "goals.yaml") == read_whole(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["- a", "-", "  - b", "goals:", "language: en", "---", "  x: 1", "- [c]"]),
        max_size=8,
    )
)
def test_reading_ahead_agrees_on_any_arrangement_of_lines(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert parse_text(text, "goals.yaml") == read_whole(text)


def test_the_goal_list_keeps_only_its_last_item() -> None:
    text = generate(200)
    composed = compose(text, ReadAhead(opens_goal_list, lambda item: None))
    [document] = composed.documents
    assert isinstance(document, Map)
    goals = next(v for k, v in document.pairs if isinstance(k, Scalar) and k.value == "goals")
    assert isinstance(goals, Seq) and goals.read_ahead
    assert len(goals.items) == 1
    whole = compose(text)
    [whole_document] = whole.documents
    assert isinstance(whole_document, Map)
    whole_goals = whole_document.pairs[0][1]
    assert isinstance(whole_goals, Seq) and not whole_goals.read_ahead
    # the list still ends where its last item ends
    assert goals.end.index == whole_goals.end.index > 0
    assert len(whole_goals.items) > 100


@pytest.mark.parametrize(
    ("text", "handed"),
    [
        ("goals:\n  - a\n  - title: b\n    key_results: [c, d]\n", ["a", "b"]),
        ("- a\n- b\n", ["a", "b"]),
        ("goals:\n  - a\n---\ngoals:\n  - b\n", ["a"]),  # the first document only
        ("goals:\n  - a\ngoals:\n  - b\n", ["a"]),  # not the value of a repeated key
        ("goals: !!python/object:x\n  - a\n", []),  # not a list the reader skips
        ("!!python/name:x\ngoals:\n  - a\n", []),
        ("other:\n  goals:\n    - a\n", []),  # only the top level's goals
        ("title: a\nkey_results:\n  - b\n", []),  # a lone goal's key results: read later
    ],
)
def test_which_items_are_handed_to_the_reader(text: str, handed: list[str]) -> None:
    seen: list[str] = []

    def read(item: Node) -> None:
        if isinstance(item, Scalar):
            seen.append(item.value)
        elif isinstance(item, Map):
            seen.append(next(v.value for k, v in item.pairs if isinstance(v, Scalar)))

    compose(text, ReadAhead(opens_goal_list, read))
    assert seen == handed


def test_a_file_that_fails_to_compose_keeps_nothing_read_ahead() -> None:
    text = generate(50) + "  - title: [unclosed\n"
    parsed = parse_text(text, "goals.yaml")
    assert parsed.goals == ()
    assert [p.code for p in parsed.problems] == ["F001"]
