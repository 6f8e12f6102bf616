"""The verb scanner gathered by first letter finds exactly what VERB finds, kind and all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.extract.dispatch import by_first_letter, split_alternatives
from smartlint.extract.phrases import VERB, VERB_SCAN, WORD_START
from smartlint.extract.text import fold

DATA = Path(__file__).parent / "data"


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    found = []
    for m in pattern.finditer(text):
        exact = VERB.match(text, m.start())
        found.append((m.start(), m.end(), exact.lastgroup if exact else None))
    return found


def _goal_texts() -> list[str]:
    texts = []
    for path in sorted((DATA / "corpus").glob("*.yaml")):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        for goal in doc.get("goals", []) if isinstance(doc, dict) else []:
            if isinstance(goal, dict) and isinstance(goal.get("title"), str):
                texts.append(fold(goal["title"]).low)
    return texts


def test_the_scanner_finds_what_verb_finds_in_every_corpus_goal() -> None:
    texts = _goal_texts()
    assert len(texts) > 1000
    for text in texts:
        assert _found(VERB_SCAN, text) == _found(VERB, text), text


# Words verbs are made of and words that only begin like them ("tangible", "datum").
_VOCABULARY = (
    "tang truong toc do nang cao tinh nang kha nang luc dat duoc cai dat keo giam xuong len "
    "dua vao day manh lap dat co it nhat have at least hold 3 holds keep reduce reduces cut "
    "cuts double x2 2x 1,5x × hire hires open close closes book books tangible datum co-op "
    "increase increases raising run runs con duoi khong qua 5 - 20% the of and"
)
_WORDS = tuple(_VOCABULARY.split(" "))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join))
def test_the_scanner_finds_what_verb_finds_in_any_text(text: str) -> None:
    assert _found(VERB_SCAN, text) == _found(VERB, text)


def test_split_alternatives_keeps_groups_classes_and_escapes_whole() -> None:
    assert split_alternatives(r"a(?:b|c)|[|x]|\||d") == ["a(?:b|c)", "[|x]", r"\|", "d"]


def test_alternatives_gather_under_their_first_letter_in_order() -> None:
    pattern = re.compile(WORD_START + r"(?:(?P<up>tang|nang)|(?P<down>giam|tut)|(?P<n>\d+x))\b")
    scan = by_first_letter(pattern, WORD_START)
    assert "t(?:ang|ut)" in scan.pattern and r"\d+x" in scan.pattern
    assert [m.group() for m in scan.finditer("tang roi tut 3x giam")] == [
        "tang",
        "tut",
        "3x",
        "giam",
    ]


def test_a_pattern_of_another_shape_is_refused() -> None:
    with pytest.raises(ValueError):
        by_first_letter(re.compile(r"(?:a|b)"), WORD_START)
    with pytest.raises(ValueError):
        by_first_letter(re.compile(WORD_START + r"(?:a|b)"), WORD_START)
