"""What was understood of a goal, as (label, value) rows for ``--show-reading``.

The facts are the model; this is one way of showing them, kept out of :mod:`smartlint.facts`
so the facts stay free of presentation.  The engine keeps the rows in each result when the
run asks for them, and the pretty report prints them.
"""

from __future__ import annotations

from collections.abc import Callable

from smartlint.facts import Facts, Located
from smartlint.figures import rounded_level, scale_of


def _kind_text(facts: Facts) -> str:
    """Say which kind of goal was read: "bound ≥", "hold", "change", "… (milestone 1 of 3)"."""
    if facts.kind is None:
        return "—"
    text = facts.kind.value
    if facts.comparator is not None:
        text += f" {facts.comparator.value}"
    if facts.milestones:
        text += f" (milestone: the first not yet passed of {facts.milestones})"
    return text


def _level(facts: Facts, num: Callable[[float], str]) -> str:
    """Return the target level as computed, with the whole count reports show for it."""
    level = facts.target_level
    if level is None:
        return "—"
    scale = scale_of(facts)
    start = facts.baseline.value if facts.baseline is not None else None
    shown = rounded_level(level, scale, start=start)
    text = num(level)
    if scale.counted:
        text += f" (a count: shown as {num(shown)})" if shown != level else " (a count)"
    return text


def describe(facts: Facts) -> tuple[tuple[str, str], ...]:
    """Return what was understood of a goal as (label, value) pairs, for --show-reading."""

    def where(located: Located[object] | None, text: str) -> str:
        if located is None:
            return "—"
        return f"{text}  [{located.source} {located.span.line}:{located.span.column}]"

    def num(value: float) -> str:
        return format(value, ",.15g")

    target = facts.target
    deadline = facts.deadline
    rows: list[tuple[str, str]] = [
        ("language", facts.language.value),
        ("metric", where(facts.metric, facts.metric.value if facts.metric else "")),
        ("baseline", where(facts.baseline, num(facts.baseline.value) if facts.baseline else "")),
        (
            "target",
            where(target, f"{target.value.kind.value} {num(target.value.value)}" if target else ""),
        ),
        ("target level", _level(facts, num)),
        ("direction", facts.direction.value if facts.direction else "—"),
        (
            "deadline",
            where(
                deadline,
                (
                    f"{deadline.value.end.isoformat() if deadline.value.end else '?'}"
                    f"{' (' + deadline.value.problem.value + ')' if deadline.value.problem else ''}"
                    f"{' (year assumed)' if deadline.value.year_assumed else ''}"
                    f" from {deadline.value.where.text!r}"
                )
                if deadline
                else "",
            ),
        ),
        ("start", facts.period_start.isoformat() if facts.period_start else "—"),
        ("cadence", facts.cadence.value.value if facts.cadence else "—"),
        ("base", facts.base.value if facts.base else "—"),
        ("placeholders", ", ".join(p.value for p in facts.placeholders) or "—"),
        ("rate metric", "yes" if facts.rate else "no"),
        ("kind", _kind_text(facts)),
    ]
    for n, part in enumerate(facts.parts, start=2):
        metric = part.metric.value if part.metric else "—"
        kind = part.kind.value if part.kind else "—"
        shown = f"{part.target.value.kind.value} {num(part.target.value.value)}"
        cmp = f" {part.comparator.value}" if part.comparator else ""
        rows.append((f"target {n}", f"{metric}: {kind}{cmp} {shown}  [sentence "
                     f"{part.target.span.line}:{part.target.span.column}]"))  # fmt: skip
    if facts.reading is not None and facts.reading.means is not None:
        rows.append(("means", facts.reading.means.text))
    return tuple(rows)
