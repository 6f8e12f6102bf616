"""Hostile input: never a traceback, never a hang, bounded memory; a clear problem with a position."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from conftest import assert_scales_linearly, cpu_timed
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.model import ParsedFile
from smartlint.parser import MAX_FILE_BYTES, parse_bytes, parse_text


def parse(source: str) -> ParsedFile:
    """Parse a goal file held in a string."""
    return parse_text(source, "goals.yaml")


def where(parsed: ParsedFile) -> list[tuple[str, int, int]]:
    """Return (code, line, column) of every problem."""
    return [(p.code, p.span.line, p.span.column) for p in parsed.problems]


HOSTILE = [
    # (case, source, first problem (code, line, column))
    ("tab indentation", "goals:\n\t- a\n", ("F001", 2, 1)),
    ("unclosed quote", "goals:\n  - title: 'Tăng\n", ("F001", 3, 1)),
    ("unclosed bracket", "goals: [a, b\n", ("F001", 2, 1)),
    ("unclosed brace", "goals:\n  - {title: a\n", ("F001", 3, 1)),
    ("mapping in plain text", "goals:\n  - title: a: b\n", ("F001", 2, 13)),
    ("control character", "- a\x01b\n", ("F001", 1, 4)),
    ("lone surrogate", "- x\n- a\ud800b\n", ("F001", 2, 4)),
    ("undefined alias", "goals:\n  - *nope\n", ("F001", 2, 5)),
    ("empty file", "", ("F005", 1, 1)),
    ("comment-only file", "# nothing yet\n# still nothing\n", ("F005", 1, 1)),
    ("top-level string", "hello\n", ("F006", 1, 1)),
    ("top-level number", "42\n", ("F006", 1, 1)),
    ("title as a list", "- title: [a, b]\n", ("F004", 1, 10)),
    ("history as a number", "- history: 42\n", ("F004", 1, 12)),
    ("NaN baseline", "- baseline: .nan\n", ("F016", 1, 13)),
    ("inf history", "- history: {period: month, values: [1, .inf]}\n", ("F016", 1, 40)),
    ("huge number", "- baseline: 1e400\n", ("F016", 1, 13)),
    ("negative baseline", "- baseline: -5\n", ("F019", 1, 13)),
    ("impossible date", "- history: {2027-02-30: 1}\n", ("F017", 1, 13)),
    ("impossible as_of", "- baseline: {value: 1, as_of: 2027-02-30}\n", ("F017", 1, 31)),
    ("unsafe tag", "goals:\n  - title: !!python/object/apply:os.system [ls]\n", ("F011", 2, 12)),
    ("unsafe tag at top", "!!python/object/apply:os.system [ls]\n", ("F011", 1, 1)),
    ("unsafe goal", "- !!python/object:os.system {title: a}\n", ("F011", 1, 3)),
    ("custom tag", "- title: !secret a\n", ("F012", 1, 10)),
    ("duplicate key", "goals:\n  - title: a\n    title: b\n", ("F002", 3, 5)),
    ("recursive alias", "&a [*a]\n", ("F014", 1, 5)),
    ("recursive goal list", "goals: &a\n  - *a\n", ("F014", 2, 5)),
    ("deep flow nesting", "[" * 20_000 + "]" * 20_000, ("F013", 1, 201)),
    ("deep block nesting", "- " * 20_000 + "x\n", ("F013", 1, 401)),
    ("deep mappings", "".join(" " * i + "a:\n" for i in range(300)), ("F013", 201, 201)),
]


@pytest.mark.parametrize(
    ("source", "expected"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_hostile_input_gives_a_problem_at_the_right_place(
    source: str, expected: tuple[str, int, int]
) -> None:
    assert where(parse(source))[0] == expected


def test_duplicate_key_names_the_first_line_and_keeps_the_first_value() -> None:
    parsed = parse("goals:\n  - title: a\n    title: b\n")
    assert "line 2" in parsed.problems[0].message
    assert parsed.goals[0].title is not None and parsed.goals[0].title.value == "a"


def test_unsafe_tag_is_never_constructed_and_the_goal_is_kept() -> None:
    parsed = parse("goals:\n  - id: a\n    title: !!python/object/apply:os.system [ls]\n")
    assert [g.goal_id for g in parsed.goals] == ["a"]
    assert parsed.goals[0].title is None


def test_far_future_dates_are_dates() -> None:
    parsed = parse("- history: {9999-12-31: 1, 9999-Q4: 2}\n")
    assert [p.code for p in parsed.problems] == ["F015"]  # days mixed with quarters
    parsed = parse("- baseline: {value: 1, as_of: 9999-12-31}\n")
    assert parsed.problems == () and parsed.goals[0].baseline is not None


def test_zero_values_are_kept_without_a_problem() -> None:
    parsed = parse("- baseline: 0\n  history: {period: month, values: [0, 0]}\n")
    assert parsed.problems == ()
    assert parsed.goals[0].baseline is not None and parsed.goals[0].baseline.value == 0


BOMBS = [
    # billion laughs: 9 ** 9 goals if aliases were expanded
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "goals: [*i, *i, *i, *i, *i, *i, *i, *i, *i]\n",
    # the same through nested key_results
    "- &a {title: x, key_results: [x, x, x, x, x, x, x, x, x]}\n"
    + "".join(
        f"- &{n} {{title: y, key_results: [{', '.join(['*' + p] * 9)}]}}\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
]


@pytest.mark.parametrize("source", BOMBS)
def test_alias_bombs_are_refused_quickly_at_the_alias(source: str) -> None:
    parsed, seconds = cpu_timed(lambda: parse(source))
    assert seconds < 2  # about 1 ms; expanding the bomb would take minutes
    assert len(parsed.goals) < 20
    first = next(p for p in parsed.problems if p.code == "F014")
    line = source.splitlines()[first.span.line - 1]
    assert line[first.span.column - 1 :].startswith("*")  # at the alias itself


def test_alias_to_a_scalar_is_fine() -> None:
    parsed = parse("goals:\n  - {id: a, owner: &team sales}\n  - {id: b, owner: *team}\n")
    assert parsed.problems == ()
    owner = parsed.goals[1].owner
    assert owner is not None and owner.value == "sales" and owner.span.column == 20


def test_a_one_megabyte_title_is_just_a_long_text() -> None:
    source = "- title: " + "x" * 1_000_000 + "\n"
    parsed, seconds = cpu_timed(lambda: parse(source))
    assert seconds < 2  # about 10 ms: the bound only catches a hang
    assert parsed.problems == ()
    title = parsed.goals[0].title
    assert title is not None and len(title.value) == 1_000_000 and title.exact


def test_many_goals_are_read_in_linear_time() -> None:
    """20,000 goals cost about 10× what 2,000 do (3× slack), not 100×."""

    def make(count: int) -> Callable[[], ParsedFile]:
        source = "goals:\n" + "  - {id: g, title: Tăng doanh thu lên 10%}\n" * count
        return lambda: parse(source)

    parsed = assert_scales_linearly(make, 2_000)
    assert len(parsed.goals) == 20_000


# --------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(st.characters(exclude_categories=()))))  # + surrogates
def test_any_text_never_raises(text: str) -> None:
    parsed = parse_text(text, "goals.yaml")
    assert all(p.span.line >= 1 and p.span.column >= 1 for p in parsed.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_never_raise(data: bytes) -> None:
    parse_bytes(data, "goals.yaml")


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(
        ["1.000", "2,5", "NO", "2027-02-30", "9999-12-31", "+10%", "x3", "traffic.csv"]
    ),
)
_KEYS = st.one_of(
    st.sampled_from(
        [
            "goals",
            "id",
            "title",
            "baseline",
            "history",
            "period",
            "values",
            "value",
            "as_of",
            "key_results",
            "children",
            "target",
            "deadline",
            "language",
            "2027-01",
            "2027-Q1",
        ]
    ),
    st.text(max_size=10),
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_KEYS, inner, max_size=5)),
    max_leaves=40,
)


@settings(max_examples=200, deadline=None)
@given(_DOCUMENTS)
def test_any_yaml_document_never_raises(document: object) -> None:
    source = yaml.safe_dump(document, allow_unicode=True)
    parse_text(source, "goals.yaml")
    parse_text(yaml.safe_dump({"goals": [document]}, allow_unicode=True), "goals.yaml")


def test_huge_files_are_refused_before_reading() -> None:
    data = b"- " + b"x" * (MAX_FILE_BYTES + 1) + b"\n"
    parsed, seconds = cpu_timed(lambda: parse_bytes(data, "goals.yaml"))
    assert seconds < 1  # well under a millisecond; reading it all would take seconds
    assert [p.code for p in parsed.problems] == ["F022"] and parsed.goals == ()


def test_a_broken_file_gives_only_its_syntax_error() -> None:
    parsed = parse("goals:\n  - title: a\n    title: b\n  - title: 'open\n")
    assert where(parsed) == [("F001", 5, 1)]
