"""Whatever the text and whatever today, reading never raises and snips point into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from smartlint.extract import detect_language, read_number, read_sentence, read_target, read_time

_VOCAB = (
    "tăng giảm đạt lên xuống từ đến thêm gấp đôi ba lần so với quý tháng năm nay sau tới "
    "trước cuối trong vòng hàng mỗi bằng cách increase reduce reach from to by within next "
    "this last end of Q3 H1 2027 9999 0001 31/12 29/02/2028 1.000 2,5 tỷ 15% x3 TBD X% ??? "
    "→ -> , . ( ) [số] weekly monthly YoY vs December 31 tỷ lệ rate new hire đăng "
    "month week quarter next this ngoái 1"
)
WORDS = st.sampled_from(_VOCAB.split())
TEXTS = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=16).map(" ".join))
DAYS = st.one_of(
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2028, 2, 29)]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS, DAYS)
def test_read_sentence_never_raises(text: str, today: date) -> None:
    r = read_sentence(text, today)
    assert r.text == text
    snips = [r.metric, r.base, r.means, r.cadence_where, *r.placeholders]
    snips += [q.where for q in r.quantities]
    snips += [t.where for t in (r.deadline, r.start) if t]
    for s in snips:
        if s is not None:
            assert r.text[s.start : s.end] == s.text


@settings(max_examples=300, deadline=None)
@given(TEXTS, DAYS)
def test_field_readers_never_raise(text: str, today: date) -> None:
    read_time(text, today)
    read_number(text)
    read_target(text)
    detect_language(text)
