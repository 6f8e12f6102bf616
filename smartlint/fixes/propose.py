"""Work out, for one finding, what the goal's fields should read once it is mended.

Every proposal is checked by reading the new value again with the same reader the rules
use: a year added to a deadline must give the same date with no year assumed any more, a
new target must read as the level intended.  When the check fails there is no fix.
"""

from __future__ import annotations

import math
import re

from smartlint import extract
from smartlint.context import Context
from smartlint.facts import Facts, agree
from smartlint.figures import rounded_level, scale_of
from smartlint.fixes.catalog import REWRITE_RULES
from smartlint.i18n import fmt_date, fmt_number, half_up, pick
from smartlint.model import (
    ChangeKind,
    Effect,
    Finding,
    FixSafety,
    Language,
    Reading,
    Snip,
    Text,
    TimeRef,
)
from smartlint.patterns import compile_pattern
from smartlint.plan import realistic_level
from smartlint.records import record

_NUMBER = compile_pattern(r"\d(?:[\d.,  ]*\d)?")
_NUMERIC_DATE = compile_pattern(r"\d{1,2}[/.-]\d{1,2}$")


@record
class Proposal:
    """New values for some of the goal's fields, and what writing them does."""

    safety: FixSafety
    description: str
    changes: tuple[tuple[Text, str], ...]  # (field as written, its new value)


def propose(finding: Finding, facts: Facts, ctx: Context, rewrite: str | None) -> Proposal | None:
    """Return the mend of one finding, or None when it cannot be made without guessing."""
    if finding.code == "T506":
        return _year(facts, ctx)
    if finding.code == "A301":
        return _realistic(facts, ctx)
    if finding.code == "M209":
        return _baseline_into_sentence(facts, ctx)
    if finding.code == "T520":
        return _deadline_into_sentence(facts, ctx)
    if rewrite is not None and takes_rewrite(finding, facts):
        return rewrite_proposal(facts, rewrite)
    return None


# --------------------------------------------------------------------------- T506: the year


def _year(facts: Facts, ctx: Context) -> Proposal | None:
    deadline = facts.deadline
    goal = facts.goal
    if deadline is None or deadline.value.end is None or not deadline.value.year_assumed:
        return None
    text = goal.deadline if deadline.source == "field" else goal.title
    if text is None or (goal.deadline_inherited and deadline.source != "sentence"):
        return None
    ref = deadline.value
    where = ref.where
    if text.value[where.start : where.end] != where.text:
        return None
    lang = facts.language
    year = deadline.value.end.year
    for suffix in _year_suffixes(where.text, year, lang):
        new = text.value[: where.end] + suffix + text.value[where.end :]
        if _same_deadline(new, ref, facts, ctx, field=deadline.source == "field"):
            described = new[where.start : where.end + len(suffix)]
            return Proposal(
                FixSafety.SAFE,
                pick(lang, f'Ghi rõ năm: "{described}".', f'Write the year: "{described}".'),
                ((text, new),),
            )
    return None


def _year_suffixes(written: str, year: int, lang: Language) -> tuple[str, ...]:
    if _NUMERIC_DATE.search(written):
        return (f"/{year}",)
    if lang is Language.VI:
        return (f" năm {year}", f"/{year}")
    return (f" {year}", f", {year}")


def _same_deadline(new: str, ref: TimeRef, facts: Facts, ctx: Context, *, field: bool) -> bool:
    fiscal = ctx.options.fiscal_end
    if field:
        again = extract.read_time(new, ctx.today, fiscal)
    else:
        reading = extract.read_sentence(new, ctx.today, facts.language, fiscal)
        if not _same_reading(reading, facts.reading):
            return False
        again = reading.deadline
    return (
        again is not None
        and again.end == ref.end
        and not again.year_assumed
        and again.problem is None
    )


def _same_reading(new: Reading, old: Reading | None) -> bool:
    """Tell whether a sentence still says the same apart from its deadline."""
    if old is None:
        return False
    return (
        new.target == old.target
        and new.direction == old.direction
        and new.kind == old.kind
        and new.comparator == old.comparator
        and new.cadence == old.cadence
        and (new.baseline.value if new.baseline else None)
        == (old.baseline.value if old.baseline else None)
        and (new.metric.text if new.metric else None) == (old.metric.text if old.metric else None)
        and len(new.parts) == len(old.parts)
    )


# --------------------------------------------------------------------------- A301: realistic level


def _realistic(facts: Facts, ctx: Context) -> Proposal | None:
    target = facts.target
    goal = facts.goal
    if target is None or facts.parts:
        return None
    level = realistic_level(facts, ctx)
    if level is None or not math.isfinite(level):
        return None
    baseline = facts.baseline.value if facts.baseline is not None else None
    # The level and the change as A301's hint and the rewrite show them (one rounding).
    level = rounded_level(level, scale_of(facts), start=baseline, reachable=True)
    change = target.value
    if change.kind is ChangeKind.LEVEL:
        wanted = level
    elif change.kind is ChangeKind.PERCENT and baseline:
        percent = (level / baseline - 1) * 100
        wanted = half_up(percent, 0 if abs(percent) >= 100 else 1)
    else:
        return None
    if target.source == "field":
        text = goal.target
        read = extract.read_target(text.value) if text is not None else None
        where = read.where if read is not None else None
    else:
        text = goal.title
        where = change.where
    if text is None or where is None:
        return None
    new = _replace_number(text.value, where, change.value, wanted, facts.language)
    if new is None or not _reads_as(new, wanted, facts, ctx, field=target.source == "field"):
        return None
    lang = facts.language
    shown = fmt_number(wanted, lang)
    suffix = "%" if change.kind is ChangeKind.PERCENT else ""
    return Proposal(
        FixSafety.UNSAFE,
        pick(
            lang,
            f"Hạ mục tiêu xuống mức lịch sử cho phép: {shown}{suffix}.",
            f"Lower the target to the level the history supports: {shown}{suffix}.",
        ),
        ((text, new),),
    )


def _replace_number(
    value: str, where: Snip, old: float, wanted: float, lang: Language
) -> str | None:
    snip = value[where.start : where.end]
    if snip != where.text:
        return None
    found = _NUMBER.search(snip)
    if found is None:
        return None
    written = extract.read_number(found.group(0))
    if not written:
        return None
    scale = abs(old / written) if old else 1.0
    if scale >= 1000 and not math.isclose(scale, round(scale)):
        return None
    number = fmt_number(abs(wanted) / scale, lang)
    start = where.start + found.start()
    return value[:start] + number + value[where.start + found.end() :]


def _reads_as(new: str, wanted: float, facts: Facts, ctx: Context, *, field: bool) -> bool:
    if field:
        change = extract.read_target(new)
    else:
        reading = extract.read_sentence(new, ctx.today, facts.language, ctx.options.fiscal_end)
        change = reading.target
        if facts.reading is not None and not _same_deadline_of(reading, facts.reading):
            return False  # the same date, wherever the new number moved it
    if change is None or facts.target is None or change.kind is not facts.target.value.kind:
        return False
    return agree(change.value, wanted)


# --------------------------------------------------------------------------- M209, T520: restate

_TO_WORD = compile_pattern(r"(?:^|\s)(to|lên|len|xuống|xuong|đến|den|tới|toi)\s+$", re.IGNORECASE)


def _baseline_into_sentence(facts: Facts, ctx: Context) -> Proposal | None:
    title, reading, target, baseline = facts.goal.title, facts.reading, facts.target, facts.baseline
    if title is None or reading is None or target is None or baseline is None:
        return None
    if baseline.value < 0 or target.source != "sentence":
        return None
    where = target.value.where
    if title.value[where.start : where.end] != where.text:
        return None
    to_word = _TO_WORD.search(title.value[: where.start])
    if to_word is None:
        return None
    lang = facts.language
    shown = _replace_number(
        where.text, Snip(0, len(where.text), where.text), target.value.value, baseline.value, lang
    )
    if shown is None:
        return None
    plain = title.value.isascii()
    word = pick(lang, "tu" if plain else "từ", "from")
    at = to_word.start(1)
    new = f"{title.value[:at]}{word} {shown} {title.value[at:]}"
    again = extract.read_sentence(new, ctx.today, lang, ctx.options.fiscal_end)
    said = again.baseline
    if said is None or not agree(said.value, baseline.value):
        return None
    if again.target is None or again.target.value != target.value.value:
        return None
    if not _same_deadline_of(again, reading):
        return None
    return Proposal(
        FixSafety.SAFE,
        pick(lang, f'Viết mốc vào câu: "{word} {shown}".', f'Write the baseline: "from {shown}".'),
        ((title, new),),
    )


def _deadline_into_sentence(facts: Facts, ctx: Context) -> Proposal | None:
    title, reading, deadline = facts.goal.title, facts.reading, facts.deadline
    if title is None or reading is None or deadline is None or deadline.value.end is None:
        return None
    lang = facts.language
    body = title.value.rstrip()
    stop = len(body) - 1 if body.endswith(".") and not body.endswith("..") else len(body)
    when = fmt_date(deadline.value.end, lang)
    plain = title.value.isascii()
    phrase = pick(lang, ("vao " if plain else "vào ") + when, f"by {when}")
    new = f"{title.value[:stop]} {phrase}{title.value[stop:]}"
    again = extract.read_sentence(new, ctx.today, lang, ctx.options.fiscal_end)
    if again.deadline is None or again.deadline.end != deadline.value.end:
        return None
    if again.deadline.year_assumed or again.deadline.problem is not None:
        return None
    if not _same_reading(again, reading):
        return None
    return Proposal(
        FixSafety.SAFE,
        pick(lang, f'Viết thời hạn vào câu: "{phrase}".', f'Write the deadline: "{phrase}".'),
        ((title, new),),
    )


def _same_deadline_of(new: Reading, old: Reading) -> bool:
    a, b = new.deadline, old.deadline
    return (a.end if a else None) == (b.end if b else None)


# --------------------------------------------------------------------------- the whole rewrite


def takes_rewrite(finding: Finding, facts: Facts) -> bool:
    """Tell whether a finding is one the goal's rewrite mends (see catalog.REWRITE_RULES)."""
    return (
        finding.effect is Effect.FAIL
        and finding.code in REWRITE_RULES
        and facts.goal.title is not None
        and not facts.goal.sheet
    )


def rewrite_proposal(facts: Facts, rewrite: str) -> Proposal | None:
    """Return the goal's suggested rewrite in place of its sentence, when it has no placeholder."""
    title = facts.goal.title
    if title is None or "<" in rewrite or ">" in rewrite or not rewrite.strip():
        return None
    lang = facts.language
    return Proposal(
        FixSafety.UNSAFE,
        pick(
            lang,
            f'Thay câu mục tiêu bằng câu gợi ý: "{rewrite}".',
            f'Replace the goal with the suggested rewrite: "{rewrite}".',
        ),
        ((title, rewrite),),
    )
