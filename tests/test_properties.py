"""Properties over the whole pipeline: no text and no YAML document makes smartlint raise.

The parser has its own properties (tests/test_hostile_parser.py); these go through parse,
extraction, facts, every rule and the verdicts (``lint_text``), and through the sentence
reader alone with text built from the words goals are made of.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint import extract
from smartlint.engine import lint_text
from smartlint.model import Language, Report
from smartlint.parser.numbers import BadNumber, read_value

TODAY = date(2027, 1, 15)
FIELDS = (
    "id",
    "title",
    "why",
    "owner",
    "parent",
    "metric",
    "unit",
    "baseline",
    "target",
    "start",
    "deadline",
    "history",
    "language",
    "key_results",
    "children",
    "value",
    "as_of",
    "period",
    "values",
)
# The words goal sentences are made of, so generated text reaches the readers' deep paths.
_VOCABULARY = """
Tăng Giảm Nâng Đạt tăng giảm lên xuống từ đến thêm gấp đôi ba lần so với quý trước
tháng năm nay sau tới hàng cuối trước vào trong đầu tuần ngày tỷ triệu nghìn đồng
Increase Reduce Grow Reach Double Halve by to from vs last every month quarter
year week end of within Q1 Q3 H1 H2 this next July December million k M
doanh thu lượt truy cập người like fanpage users visits churn conversion
10% 15% +20% -15% x3 1.000 12.000 2,5 1,8% 50,000 13200 0 0% 1e9 100000000000000
2021 2027 2099 9999 31/12/2027 2027-07-31 2027-Q3 2027-02-30 1/13/2027 99999999
TBD X% (xác định bằng số) ??? , . ( ) : - / % + x
ngoái vòng mỗi bằng cách đăng new hire rate tỷ lệ weekly monthly YoY [số] → -> 29/02/2028
0001 31/12 December 31 reach
"""
WORDS = tuple(_VOCABULARY.split())

sentences = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
any_text = st.text(max_size=300)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    any_text,
    sentences,
)
# Any day a user may pass with --today, the calendar's edges and a leap day among them.
days = st.one_of(
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2028, 2, 29)]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10), st.integers(-5, 5))


def _documents(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=6),
    )


yaml_values = st.recursive(scalars, _documents, max_leaves=40)
goal_fields = st.fixed_dictionaries(
    {},
    optional={name: st.one_of(scalars, sentences, yaml_values) for name in FIELDS},
)
goal_documents = st.one_of(
    st.lists(st.one_of(sentences, goal_fields), max_size=6),
    st.fixed_dictionaries({"goals": st.lists(st.one_of(sentences, goal_fields), max_size=6)}),
    yaml_values,
)


def _dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def _lint(source: str, today: date = TODAY) -> Report:
    return lint_text(source, path="goals.yaml", today=today)


def _check(report: Report) -> None:
    """Check what every report must hold: 1-based positions and a verdict per criterion."""
    for finding in report.findings:
        assert finding.span.line >= 1 and finding.span.column >= 1
    for result in report.goals:
        assert len(result.verdicts) == 5


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_arbitrary_text_never_raises(source: str) -> None:
    """Any string at all, as a goal file, gives a report."""
    _check(_lint(source))


@settings(max_examples=200, deadline=None)
@given(goal_documents)
def test_arbitrary_yaml_never_raises(document: Any) -> None:
    """Any YAML document, goal-shaped or not, gives a report."""
    _check(_lint(_dump(document)))


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=5), st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_sentence_goals_never_raise_whatever_today(titles: list[str], today: date) -> None:
    """Goal sentences built from goal words, judged on any day, give a report."""
    _check(_lint(_dump({"goals": titles}), today))


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(any_text, sentences),
    days,
    st.sampled_from([None, Language.VI, Language.EN]),
)
def test_read_sentence_never_raises(text: str, today: date, language: Language | None) -> None:
    """The sentence reader reads any text, on any day, in either language, and every snip
    it returns is the text at its offsets."""
    reading = extract.read_sentence(text, today, language)
    assert reading.text == text
    snips = [reading.metric, reading.base, reading.means, reading.cadence_where]
    snips += [*reading.placeholders, *(q.where for q in reading.quantities)]
    snips += [t.where for t in (reading.deadline, reading.start) if t is not None]
    for snip in snips:
        if snip is not None:
            assert 0 <= snip.start <= snip.end <= len(text)
            assert text[snip.start : snip.end] == snip.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, sentences), days)
def test_field_readers_never_raise(raw: str, today: date) -> None:
    """The field readers (number, target, time, language) read any text."""
    extract.read_number(raw)
    extract.read_target(raw)
    extract.read_time(raw, today)
    assert extract.detect_language(raw) in (Language.VI, Language.EN)


@given(
    st.one_of(
        st.integers(-(10**16), 10**16).map(str),
        st.text(alphabet="0123456789-+.,٣ ", max_size=18),
    )
)
def test_plain_integer_fast_path_reads_as_the_sentence_reader_does(raw: str) -> None:
    """History values that are plain integers skip the locale reader; the result must not change."""
    value = read_value(raw)
    expected = extract.read_number(raw.strip()) if raw.strip() else None
    if isinstance(value, BadNumber):
        assert expected is None or expected != expected or abs(expected) == float("inf")
    else:
        assert value == expected
