"""The words for a period, in both languages, all built from one table in smartlint.i18n."""

from __future__ import annotations

import pytest

from smartlint.i18n import cadence_words, period_word, periodic_words
from smartlint.model import Language, Period


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (Period.DAY, ("ngày", "hàng ngày", "theo ngày"), ("day", "every day", "daily")),
        (Period.WEEK, ("tuần", "hàng tuần", "theo tuần"), ("week", "every week", "weekly")),
        (Period.MONTH, ("tháng", "hàng tháng", "theo tháng"), ("month", "every month", "monthly")),
        (
            Period.QUARTER,
            ("quý", "hàng quý", "theo quý"),
            ("quarter", "every quarter", "quarterly"),
        ),
        (Period.YEAR, ("năm", "hàng năm", "theo năm"), ("year", "every year", "yearly")),
    ],
)
def test_each_period_has_its_words(
    period: Period, vi: tuple[str, str, str], en: tuple[str, str, str]
) -> None:
    for language, words in ((Language.VI, vi), (Language.EN, en)):
        said = (
            period_word(period, language),
            cadence_words(period, language),
            periodic_words(period, language),
        )
        assert said == words
