"""Time-bound (T5xx): a deadline that is a real, future date, or a recurring cadence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from smartlint.context import Context
from smartlint.facts import Facts, own_language
from smartlint.i18n import fmt_date, pick
from smartlint.model import Criterion, Effect, Language, Severity, Text, TimeProblem, Violation
from smartlint.objectives import is_qualitative_objective, key_result_findings
from smartlint.patterns import Lazy
from smartlint.rules.base import Rule, rule


def check_no_deadline(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal has no deadline.

    ## What it does
    Checks that the goal says when it ends ("cuối tháng 7 năm 2027", "by 31 July 2027",
    "within 3 months", a `deadline:` field), or recurs on a cadence ("hàng tháng").
    A comparison base ("so với quý trước") is not a deadline.

    ## Why is this bad?
    A goal without an end date can always be finished "later"; nobody is ever late.

    ## Example
    ```yaml
    goals:
      - Tăng doanh thu lên 15% so với tháng trước
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng doanh thu lên 15% so với tháng trước vào cuối tháng 7 năm 2027
    ```
    """
    if facts.deadline is not None or facts.cadence is not None:
        return
    if is_qualitative_objective(facts, ctx):
        return  # judged through its key results (T509)
    yield Violation(
        facts.anchor,
        pick(
            facts.language,
            "Mục tiêu không có thời hạn.",
            "The goal has no deadline.",
        ),
        pick(
            facts.language,
            'Thêm thời hạn, ví dụ: "vào cuối tháng 7 năm 2027" hoặc "trong quý 3 năm 2027".',
            'Add a deadline, for example "by 31 July 2027" or "in Q3 2027".',
        ),
    )


def check_bare_year(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline is a bare year with no end point.

    ## What it does
    Flags deadlines such as "năm nay", "this year", "năm sau" or a lone "2027".

    ## Why is this bad?
    "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn" (the article's own bad
    example) leaves the whole year open: work slides to December.

    ## Example
    ```yaml
    goals:
      - Năm nay, chúng ta sẽ tăng doanh thu thêm 20% so với năm ngoái
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng doanh thu thêm 20% so với năm ngoái vào cuối quý 3 năm 2027
    ```
    """
    deadline = facts.deadline
    if deadline is None or deadline.value.problem is not TimeProblem.BARE_YEAR:
        return
    yield Violation(
        deadline.span,
        pick(
            facts.language,
            f'"{deadline.value.where.text}" chỉ là một năm, không có mốc kết thúc cụ thể.',
            f'"{deadline.value.where.text}" is a bare year with no end point.',
        ),
        pick(
            facts.language,
            'Nêu mốc cụ thể: "cuối quý 3 năm 2027", "trước 31/12/2027".',
            'Name a point in time: "by the end of Q3 2027", "by 31 December 2027".',
        ),
    )


def check_unparseable_deadline(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline cannot be read as a date.

    ## What it does
    Flags deadlines that are not dates ("soon", "ASAP", "sớm nhất có thể") and impossible
    dates (2027-02-30).

    ## Why is this bad?
    A deadline nobody can put in a calendar is no deadline.

    ## Example
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 260
        deadline: soon
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 260
        deadline: 2027-06-30
    ```
    """
    deadline = facts.deadline
    if deadline is None:
        return
    problem = deadline.value.problem
    if problem not in (TimeProblem.UNPARSEABLE, TimeProblem.IMPOSSIBLE):
        return
    text = deadline.value.where.text
    reason = (
        pick(facts.language, "không có ngày này", "that date does not exist")
        if problem is TimeProblem.IMPOSSIBLE
        else pick(facts.language, "không đọc được thành ngày", "it is not a date")
    )
    yield Violation(
        deadline.span,
        pick(
            facts.language,
            f'Thời hạn "{text}": {reason}.',
            f'Deadline "{text}": {reason}.',
        ),
        pick(
            facts.language,
            'Ghi thời hạn dạng 2027-06-30, 30/06/2027, "cuối tháng 6 năm 2027" hoặc 2027-Q2.',
            'Write the deadline as 2027-06-30, "30 June 2027", "end of June 2027" or 2027-Q2.',
        ),
    )


def check_deadline_passed(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline has already passed.

    ## What it does
    Compares the deadline with today (`--today`, default the real date).

    ## Why is this bad?
    A goal whose deadline is behind us is either done (archive it) or late (re-plan it);
    either way it no longer guides work.

    ## Example
    ```yaml
    goals:
      - Increase demo requests from 200 to 260 by 31 December 2026
    ```

    ## Use instead
    ```yaml
    goals:
      - Increase demo requests from 200 to 260 by 31 December 2027
    ```
    """
    deadline = facts.deadline
    if deadline is None or deadline.value.end is None or deadline.value.end >= ctx.today:
        return
    when = fmt_date(deadline.value.end, facts.language)
    yield Violation(
        deadline.span,
        pick(
            facts.language,
            f"Thời hạn ({when}) đã qua so với hôm nay ({ctx.today:%d/%m/%Y}).",
            f"The deadline ({when}) is before today ({ctx.today.isoformat()}).",
        ),
        pick(
            facts.language,
            "Đặt thời hạn mới trong tương lai, hoặc lưu trữ mục tiêu đã kết thúc.",
            "Set a new deadline in the future, or archive the finished goal.",
        ),
    )


def check_deadline_before_start(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline comes before the start.

    ## What it does
    Checks that the deadline is not earlier than the goal's `start`.

    ## Why is this bad?
    A goal that ends before it starts has no time to happen; one of the dates is wrong.

    ## Example
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 260
        start: 2027-07-01
        deadline: 2027-06-30
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Increase demo requests from 200 to 260
        start: 2027-04-01
        deadline: 2027-06-30
    ```
    """
    deadline, start = facts.deadline, facts.start
    if deadline is None or start is None or deadline.value.end is None:
        return
    if deadline.value.end >= start.value:
        return
    lang = facts.language
    yield Violation(
        deadline.span,
        pick(
            lang,
            f"Thời hạn ({fmt_date(deadline.value.end, lang)}) sớm hơn ngày bắt đầu "
            f"({start.value:%d/%m/%Y}).",
            f"The deadline ({fmt_date(deadline.value.end, lang)}) is before the start "
            f"({start.value.isoformat()}).",
        ),
        pick(lang, "Sửa ngày bắt đầu hoặc thời hạn.", "Fix the start or the deadline."),
    )


def check_year_assumed(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline has no year; the next occurrence was assumed.

    ## What it does
    Notes deadlines such as "cuối tháng 7" or "in Q3" that name no year: smartlint reads
    them as the next such date on or after today.

    ## Why is this bad?
    Next year's plan will still say "cuối tháng 7"; with the year written, the goal keeps
    its meaning when it is read later.

    ## Example
    ```yaml
    goals:
      - Tăng doanh thu thêm 10% so với tháng 6 vào cuối tháng 7
    ```

    ## Use instead
    ```yaml
    goals:
      - Tăng doanh thu thêm 10% so với tháng 6 vào cuối tháng 7 năm 2027
    ```
    """
    deadline = facts.deadline
    if deadline is None or not deadline.value.year_assumed or deadline.value.end is None:
        return
    when = fmt_date(deadline.value.end, facts.language)
    yield Violation(
        deadline.span,
        pick(
            facts.language,
            f'Thời hạn "{deadline.value.where.text}" không ghi năm; đã hiểu là {when}.',
            f'The deadline "{deadline.value.where.text}" has no year; read as {when}.',
        ),
        pick(facts.language, f'Ghi rõ năm: "{when}".', f'Write the year: "{when}".'),
    )


def check_deadline_contradicts_sentence(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """The deadline field and the sentence name different dates.

    ## What it does
    Compares the `deadline` field with the deadline the goal's sentence states.

    ## Why is this bad?
    Readers see the sentence, tools and calendars read the field; when they disagree, the
    team does not know when the goal ends.

    ## Example
    ```yaml
    goals:
      - title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        deadline: 2027-06-30
    ```

    ## Use instead
    ```yaml
    goals:
      - title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        deadline: 2027-12-31
    ```
    """
    for conflict in facts.conflicts:
        if conflict.field != "deadline":
            continue
        yield Violation(
            conflict.span,
            pick(
                facts.language,
                f"Trường `deadline` ghi {conflict.field_says} nhưng câu mục tiêu ghi "
                f'"{conflict.sentence_says}".',
                f"Field `deadline` says {conflict.field_says} but the sentence says "
                f'"{conflict.sentence_says}".',
            ),
            pick(
                facts.language,
                "Sửa để trường `deadline` và câu mục tiêu nói cùng một ngày.",
                "Make the `deadline` field and the sentence name the same date.",
            ),
        )


def check_deadline_after_section(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Deadline ends after the period of its section's heading.

    ## What it does
    In a Markdown goal document, a heading's period ("## Q3 2027 OKRs", "# Kế hoạch quý 3
    năm 2027", "FY2027 H1") is the deadline of the goals under it that name none. A goal
    that names its own deadline is checked against that period: it should not end after it.

    ## Why is this bad?
    A key result due in December listed under the Q3 plan is either in the wrong section or
    has the wrong date; the Q3 review will count it as missed, or never see it.

    ## Example
    ```markdown
    # Q3 2027 OKRs

    - Increase demo requests from 200 to 260 by 31 December 2027
    ```

    ## Use instead
    ```markdown
    # Q3 2027 OKRs

    - Increase demo requests from 200 to 260 by 30 September 2027
    ```
    """
    section, deadline = facts.section_deadline, facts.deadline
    if section is None or deadline is None or deadline.source == "inherited":
        return
    ends, own = section.value.end, deadline.value.end
    if ends is None or own is None or own <= ends:
        return
    lang = facts.language
    period = section.value.where.text
    yield Violation(
        deadline.span,
        pick(
            lang,
            f'Thời hạn ({fmt_date(own, lang)}) muộn hơn kỳ của mục "{period}"'
            f" ({fmt_date(ends, lang)}).",
            f'The deadline ({fmt_date(own, lang)}) is after the period of its section "{period}"'
            f" ({fmt_date(ends, lang)}).",
        ),
        pick(
            lang,
            "Dời mục tiêu sang mục của kỳ phù hợp, hoặc sửa thời hạn cho nằm trong kỳ.",
            "Move the goal to the section of its period, or bring its deadline inside the period.",
        ),
    )


def check_key_result_not_time_bound(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """A key result of a qualitative objective is not time-bound.

    ## What it does
    An objective that states no quantity and no deadline is judged through its key results:
    it is time-bound when every key result is. This rule names the key results that are not.

    ## Why is this bad?
    An objective in OKR practice is qualitative on purpose; its key results carry the
    numbers and dates. When one of them lacks what the objective leaves to it, nothing in the
    objective's tree does.

    ## Example
    ```yaml
    goals:
      - id: brand
        title: Be the café people bring friends to
        why: Regulars bring most new guests
        key_results:
          - Increase NPS from 30 to 40 by 31 December 2027
          - Raise the average review score from 4.2 to 4.6
    ```

    ## Use instead
    ```yaml
    goals:
      - id: brand
        title: Be the café people bring friends to
        why: Regulars bring most new guests
        key_results:
          - Increase NPS from 30 to 40 by 31 December 2027
          - Raise the average review score from 4.2 to 4.6 by 31 December 2027
    ```
    """
    yield from key_result_findings(facts, Criterion.TIME_BOUND, ctx)


# A date written with numbers only: "02/03/2027", "2.3.2027", "02-03-2027", "02/03".
# Compiled on first use: most runs never meet such a date.
_NUMERIC_DATE = Lazy(
    r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/])"
)


def _ambiguous_dates(text: Text, start: int, end: int, read: date) -> Iterator[tuple[int, int]]:
    """Yield where in ``text.value[start:end]`` a numeric date is read day first as ``read``
    while month first would give another real date."""
    for m in _NUMERIC_DATE.finditer(text.value, start, end):
        a, b = int(m["a"]), int(m["b"])
        if a == b or not (1 <= a <= 12 and 1 <= b <= 12):
            continue  # 13/03 or 03/03 can be read one way only
        if (read.day, read.month) == (a, b) and (m["y"] is None or int(m["y"]) == read.year):
            yield m.start(), m.end()


def check_ambiguous_numeric_date(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Date in an English goal can be read day first or month first.

    ## What it does
    Flags a deadline or start written with numbers only ("by 02/03/2027", `deadline:
    04/05/2027`) in an English goal, when both numbers could be the month, so the date is
    either 2 March or 3 February. smartlint reads it day first, and the message says so.
    Vietnamese goals write the day first by convention ("trước 02/03/2027" is 2 March) and
    are not flagged; neither are dates that read one way only ("13/03/2027", "2027-03-02",
    "3 Feb 2027").

    ## Why is this bad?
    Half of the English-speaking world reads 02/03/2027 as 3 February, the other half as
    2 March: a team can miss the deadline by a month without anyone being wrong.

    ## Example
    ```yaml
    goals:
      - id: subscribers
        title: Increase newsletter subscribers from 4,000 to 4,400 by 02/03/2027
        why: Newsletter readers convert twice as often
      - id: dang-ky
        title: Tăng số người đăng ký từ 4.000 lên 4.400 trước 02/03/2027
        why: Khách đọc bản tin mua nhiều gấp đôi
    ```

    ## Use instead
    ```yaml
    goals:
      - id: subscribers
        title: Increase newsletter subscribers from 4,000 to 4,400 by 2 March 2027
        why: Newsletter readers convert twice as often
      - id: dang-ky
        title: Tăng số người đăng ký từ 4.000 lên 4.400 trước 02/03/2027
        why: Khách đọc bản tin mua nhiều gấp đôi
    ```
    """
    forced = ctx.options.language is not None  # --lang: the goal's own language still decides
    if (own_language(facts.goal) if forced else facts.language) is not Language.EN:
        return
    goal, reading = facts.goal, facts.reading
    places: list[tuple[Text | None, int, int, date | None]] = []
    deadline = facts.deadline.value.end if facts.deadline is not None else None
    start = facts.start.value if facts.start is not None else None
    for field, day in ((goal.deadline, deadline), (goal.start, start)):
        if field is not None:
            places.append((field, 0, len(field.value), day))
    if reading is not None:
        for ref, day in ((reading.deadline, deadline), (reading.start, start)):
            if ref is not None:
                places.append((goal.title, ref.where.start, ref.where.end, day))
    lang = facts.language
    seen: set[tuple[int, int]] = set()
    for text, a, b, day in places:
        if text is None or day is None:
            continue
        for s, e in _ambiguous_dates(text, a, b, day):
            if (id(text), s) in seen:
                continue
            seen.add((id(text), s))
            written, other = text.value[s:e], date(day.year, day.day, day.month)
            read_en, other_en = _day_month(day, Language.EN), _day_month(other, Language.EN)
            read_vi, other_vi = _day_month(day, Language.VI), _day_month(other, Language.VI)
            iso = day.isoformat()
            yield Violation(
                text.span_of(s, e),
                pick(
                    lang,
                    f'Ngày "{written}" trong mục tiêu tiếng Anh có thể là {read_vi} hoặc'
                    f" {other_vi}; đang hiểu theo thứ tự ngày trước tháng, là {read_vi}.",
                    f'The date "{written}" can be {read_en} or {other_en}; it is read day'
                    f" first, as {read_en}.",
                ),
                pick(
                    lang,
                    f'Ghi ngày theo cách chỉ hiểu được một nghĩa: "{fmt_date(day, Language.EN)}"'
                    f" hoặc {iso}.",
                    f'Write the date so it reads one way only: "{fmt_date(day, Language.EN)}"'
                    f" or {iso}.",
                ),
            )


def _day_month(day: date, language: Language) -> str:
    if language is Language.VI:
        return f"ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{day.day} {date(2000, day.month, 1).strftime('%B')} {day.year}"


RULES: tuple[Rule, ...] = (
    rule(
        "T501",
        "no-deadline",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_no_deadline,
        fix="Add a deadline or a cadence.",
    ),
    rule(
        "T502",
        "unparseable-deadline",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_unparseable_deadline,
        fix="Write the deadline as a real date.",
    ),
    rule(
        "T503",
        "deadline-passed",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_deadline_passed,
        fix="Move the deadline into the future or archive the goal.",
    ),
    rule(
        "T504",
        "deadline-before-start",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_deadline_before_start,
        fix="Make the start come before the deadline.",
    ),
    rule(
        "T505",
        "bare-year-deadline",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_bare_year,
        fix="Name an end point inside the year.",
    ),
    rule(
        "T506",
        "deadline-year-assumed",
        Criterion.TIME_BOUND,
        Severity.INFO,
        check_year_assumed,
        effect=Effect.NONE,
        fix="Write the year of the deadline.",
    ),
    rule(
        "T507",
        "deadline-contradicts-sentence",
        Criterion.TIME_BOUND,
        Severity.WARNING,
        check_deadline_contradicts_sentence,
        fix="Make the deadline field and the sentence agree.",
    ),
    rule(
        "T508",
        "deadline-after-section",
        Criterion.TIME_BOUND,
        Severity.WARNING,
        check_deadline_after_section,
        effect=Effect.NONE,
        fix="Move the goal to its period's section or bring its deadline inside the period.",
    ),
    rule(
        "T509",
        "key-result-not-time-bound",
        Criterion.TIME_BOUND,
        Severity.ERROR,
        check_key_result_not_time_bound,
        fix="Give every key result a deadline or a cadence.",
    ),
    rule(
        "T510",
        "ambiguous-numeric-date",
        Criterion.TIME_BOUND,
        Severity.WARNING,
        check_ambiguous_numeric_date,
        effect=Effect.NONE,
        fix="Write the date with the month's name or as YYYY-MM-DD.",
    ),
)
