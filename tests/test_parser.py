"""The parser: goals and fields with their positions, nesting, numbers read from the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartlint.model import Goal, ParsedFile, Span, Text
from smartlint.parser import is_goal_document, parse_text

SEED = Path(__file__).resolve().parent / "data" / "corpus" / "seed-goals.yaml"


def parse(source: str) -> ParsedFile:
    """Parse a goal file held in a string."""
    return parse_text(source, "goals.yaml")


def codes(parsed: ParsedFile) -> list[str]:
    """Return the problem codes in file order."""
    return [p.code for p in parsed.problems]


def only(source: str) -> Goal:
    """Parse a file that holds one goal and return it."""
    parsed = parse(source)
    assert len(parsed.goals) == 1, parsed
    return parsed.goals[0]


# --------------------------------------------------------------------------- the seed file


def test_seed_file_reads_every_goal_without_problems() -> None:
    parsed = parse_text(SEED.read_text(encoding="utf-8"), "seed-goals.yaml")
    assert parsed.problems == ()
    assert [g.goal_id for g in parsed.goals] == [f"seed-{i:02}" for i in range(1, 15)] + [None]
    assert [g.index for g in parsed.goals] == list(range(15))
    assert {g.path for g in parsed.goals} == {"seed-goals.yaml"}


@pytest.mark.parametrize(
    ("goal_id", "line", "column"),
    [
        ("seed-01", 4, 5),
        ("seed-12", 26, 5),
        ("seed-13", 30, 5),
        (None, 38, 5),  # the bare sentence at the end of the file
    ],
)
def test_seed_goal_positions(goal_id: str | None, line: int, column: int) -> None:
    goals = parse_text(SEED.read_text(encoding="utf-8"), "seed-goals.yaml").goals
    goal = next(g for g in goals if g.goal_id == goal_id)
    assert (goal.span.line, goal.span.column) == (line, column)


def test_seed_bare_sentence_is_a_goal_with_only_a_title() -> None:
    goal = parse_text(SEED.read_text(encoding="utf-8"), "seed-goals.yaml").goals[-1]
    assert goal.title is not None and goal.title.value.startswith("Tăng số lượng người ghé")
    assert goal.title.span.line == 38 and goal.title.exact
    assert goal.span == goal.title.span
    assert goal.id is None and goal.history is None


def test_seed_history_list_with_period() -> None:
    goal = parse_text(SEED.read_text(encoding="utf-8"), "seed-goals.yaml").goals[12]
    assert goal.history is not None
    assert goal.history.period.value == "month"
    assert [p.value for p in goal.history.points] == [1000.0, 1050.0]
    assert [p.when for p in goal.history.points] == [None, None]
    assert goal.history.points[0].span == Span(33, 39, 33, 43)
    assert goal.parent is not None and goal.parent.value == "seed-12"
    assert not goal.parent_from_nesting


# --------------------------------------------------------------------------- fields and spans

FIELD_SPANS = [
    # (source, field, value, span, exact)
    ("- title: Tăng doanh thu\n", "title", "Tăng doanh thu", Span(1, 10, 1, 24), True),
    ('- title: "Tăng doanh thu"\n', "title", "Tăng doanh thu", Span(1, 11, 1, 25), True),
    ("- title: 'Tăng doanh thu'\n", "title", "Tăng doanh thu", Span(1, 11, 1, 25), True),
    ("- title: 'it''s'\n", "title", "it's", Span(1, 10, 1, 17), False),
    ('- title: "a\\tb"\n', "title", "a\tb", Span(1, 10, 1, 16), False),
    (
        "- title: |\n    Tăng\n    doanh thu\n",
        "title",
        "Tăng\ndoanh thu",
        Span(1, 10, 3, 14),
        False,
    ),
    ("- title: Tăng\n    doanh thu\n", "title", "Tăng doanh thu", Span(1, 10, 2, 14), False),
    ("- {id: a, title: x}\n", "id", "a", Span(1, 8, 1, 9), True),
    ("- target: 1.000\n", "target", "1.000", Span(1, 11, 1, 16), True),
    ("- target: +10%\n", "target", "+10%", Span(1, 11, 1, 15), True),
    ("- deadline: 2027-07-31\n", "deadline", "2027-07-31", Span(1, 13, 1, 23), True),
    ("- owner: NO\n", "owner", "NO", Span(1, 10, 1, 12), True),
    ("- metric: 0x10\n", "metric", "0x10", Span(1, 11, 1, 15), True),
    ("- language: vi\n", "language", "vi", Span(1, 13, 1, 15), True),
    ("- owner: &team sales\n", "owner", "sales", Span(1, 16, 1, 21), True),  # after the anchor
    ('- target: !!str "1.000"\n', "target", "1.000", Span(1, 18, 1, 23), True),  # after the tag
]


@pytest.mark.parametrize(("source", "field", "value", "span", "exact"), FIELD_SPANS)
def test_text_fields_keep_source_text_and_span(
    source: str, field: str, value: str, span: Span, exact: bool
) -> None:
    text = getattr(only(source), field)
    assert isinstance(text, Text)
    assert (text.value, text.span, text.exact) == (value, span, exact)


def test_span_of_maps_characters_to_columns_inside_quotes() -> None:
    title = only("- title: 'Tăng 15%'\n").title
    assert title is not None
    assert title.span_of(5, 8) == Span(1, 16, 1, 19)  # "15%"


def test_goal_span_covers_the_mapping_and_not_the_next_line() -> None:
    parsed = parse("goals:\n  - id: a\n    title: x\n\n  - id: b\n")
    assert parsed.goals[0].span == Span(2, 5, 3, 13)
    assert parsed.goals[1].span == Span(5, 5, 5, 10)


def test_null_fields_are_absent() -> None:
    goal = only("- title:\n  deadline: ~\n  id: a\n")
    assert goal.title is None and goal.deadline is None


def test_first_index_numbers_goals_across_files() -> None:
    parsed = parse_text("- a\n- b\n", "x.yaml", first_index=7)
    assert [g.index for g in parsed.goals] == [7, 8]


def test_top_level_language_is_a_hint() -> None:
    assert parse("language: vi\ngoals:\n  - a\n").language_hint is not None


def test_multiple_documents_are_all_read() -> None:
    parsed = parse("- a\n---\n- b\n")
    assert [g.title.value for g in parsed.goals if g.title] == ["a", "b"]


# --------------------------------------------------------------------------- numbers

BASELINES = [
    ("12000", 12000.0),
    ("1.000", 1000.0),  # Vietnamese thousands, not one
    ("2,5", 2.5),
    ("1_000", None),  # YAML 1.1 reads 1000; as written it is no number
    ("0x10", None),
    ("NO", None),
    ("'12000'", 12000.0),
    ("{value: 12.000, as_of: 2027-04-30}", 12000.0),
]


@pytest.mark.parametrize(("raw", "expected"), BASELINES)
def test_baseline_is_read_from_the_source_text(raw: str, expected: float | None) -> None:
    parsed = parse(f"- title: x\n  baseline: {raw}\n")
    baseline = parsed.goals[0].baseline
    if expected is None:
        assert baseline is None and codes(parsed) == ["F016"]
        assert raw in parsed.problems[0].message
    else:
        assert baseline is not None and baseline.value == expected and not parsed.problems


def test_baseline_as_of_and_span() -> None:
    baseline = only("- baseline: {value: 12000, as_of: 2027-04-30}\n").baseline
    assert baseline is not None
    assert baseline.as_of is not None and baseline.as_of.isoformat() == "2027-04-30"
    assert baseline.span == Span(1, 21, 1, 26)


# --------------------------------------------------------------------------- nesting


def test_nested_goals_take_their_parent_from_the_nesting() -> None:
    parsed = parse(
        "goals:\n"
        "  - id: revenue\n"
        "    title: Tăng doanh thu\n"
        "    key_results:\n"
        "      - id: traffic\n"
        "        title: Tăng lượt truy cập\n"
        "        children:\n"
        "          - Viết 5 bài blog\n"
        "      - Ký 3 hợp đồng mới\n"
    )
    assert not parsed.problems
    by_title = {g.title.value: g for g in parsed.goals if g.title}
    assert [g.index for g in parsed.goals] == [0, 1, 2, 3]  # parents before their children
    traffic, blog = by_title["Tăng lượt truy cập"], by_title["Viết 5 bài blog"]
    assert traffic.parent is not None and traffic.parent.value == "revenue"
    assert traffic.parent.span == Span(2, 9, 2, 16)  # the parent's own id
    assert traffic.parent_from_nesting
    assert blog.parent is not None and blog.parent.value == "traffic"
    assert by_title["Ký 3 hợp đồng mới"].parent_from_nesting


def test_nested_under_a_parent_without_id_has_no_parent_text() -> None:
    goals = parse("- title: a\n  key_results:\n    - b\n").goals
    assert goals[1].parent is None and goals[1].parent_from_nesting


def test_nested_goal_repeating_its_parent_is_fine_and_a_different_one_conflicts() -> None:
    same = parse("- id: a\n  key_results:\n    - {title: b, parent: a}\n")
    assert not same.problems and same.goals[1].parent_from_nesting
    other = parse("- id: a\n  key_results:\n    - {title: b, parent: z}\n")
    assert codes(other) == ["F021"]
    assert other.goals[1].parent is not None and other.goals[1].parent.value == "a"


# --------------------------------------------------------------------------- file shapes

SHAPES = [
    ("goals:\n  - a\n", []),
    ("- a\n", []),
    ("goals: []\n", []),
    ("goals:\n", []),
    ("", ["F005"]),
    ("# only a comment\n", ["F005"]),
    ("42\n", ["F006"]),
    ("goals: {a: 1}\n", ["F006"]),
    ("title: Tăng doanh thu\n", ["F006"]),  # a lone goal mapping: still read as one goal
    ("name: CI\non: push\n", ["F007"]),
    ("goal:\n  - a\n", ["F003"]),
    ("goals: [a]\nversion: 2\n", ["F003"]),
    ("- [a, b]\n", ["F004"]),
    ("- \n- a\n", ["F004"]),
]


@pytest.mark.parametrize(("source", "expected"), SHAPES)
def test_file_shapes(source: str, expected: list[str]) -> None:
    assert codes(parse(source)) == expected


UNKNOWN = [
    ("titel", "`title`"),
    ("goal", "`title`"),
    ("name", "`title`"),
    ("statement", "`title`"),
    ("Deadline", "`deadline`"),
    ("keyresults", "`key_results`"),
]


@pytest.mark.parametrize(("key", "suggested"), UNKNOWN)
def test_unknown_field_suggests_the_closest_name(key: str, suggested: str) -> None:
    parsed = parse(f"- id: a\n  {key}: x\n")
    assert codes(parsed) == ["F003"]
    problem = parsed.problems[0]
    assert suggested in problem.message and problem.span == Span(2, 3, 2, 3 + len(key))
    assert problem.goal_index == 0 and problem.field == key


def test_known_extra_fields_are_accepted() -> None:
    parsed = parse("- title: a\n  notes: x\n  tags: [a, b]\n  status: active\n")
    assert not parsed.problems


WRONG_TYPES = [
    ("- title: [a, b]\n", Span(1, 10, 1, 16)),
    ("- title: {a: b}\n", Span(1, 10, 1, 16)),
    ("- history: 42\n", Span(1, 12, 1, 14)),
    ("- baseline: [1]\n", Span(1, 13, 1, 16)),
    ("- tags: {a: b}\n", Span(1, 9, 1, 15)),
]


@pytest.mark.parametrize(("source", "span"), WRONG_TYPES)
def test_wrong_types_point_at_the_value(source: str, span: Span) -> None:
    parsed = parse(source)
    assert codes(parsed) == ["F004"] and parsed.problems[0].span == span


# --------------------------------------------------------------------------- cheap detection

DOCUMENTS = [
    ("goals:\n  - a\n", True),
    ("# c\n- Tăng doanh thu lên 10%\n", True),
    ("- id: a\n  title: b\n", True),
    ("title: a\ndeadline: 2027-01-01\n", True),
    ("Goals:\n  - a\n", True),
    ('["Tăng doanh thu lên 10%"]\n', True),
    ("name: CI\non: push\njobs:\n  t:\n    runs-on: x\n", False),
    ("services:\n  web:\n    image: nginx\n", False),
    ("- hosts: all\n  tasks:\n    - name: x\n", False),
    ("", False),
    ("# only a comment\n", False),
]


@pytest.mark.parametrize(("source", "expected"), DOCUMENTS)
def test_is_goal_document(source: str, expected: bool) -> None:
    assert is_goal_document(source) is expected
