"""A one-line mini-chart for the pretty report: the history, then the path the target needs.

::

    ▁▃▄┊▅▆█ 1,000–1,313

Left of ``┊`` is the history, one cell per period; right of it the required path from the
start value to the target, one cell per period of the same unit, so the two slopes can be
compared by eye.  Both share one scale, labelled with its minimum and maximum.  When the
line would be wider than asked, both parts shrink by the same factor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from smartlint.context import Context
from smartlint.facts import Facts
from smartlint.i18n import fmt_amount
from smartlint.model import ChartData, Language
from smartlint.plan import chart_data

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.:-=+*#"
_MAX_STEPS = 10_000


def render_chart(
    history: Sequence[float],
    start: float | None,
    target: float,
    periods: float,
    width: int,
    *,
    language: Language = Language.EN,
    ascii_only: bool = False,
    points: bool = False,
) -> str:
    """Draw history then the required path to ``target`` in at most ``width`` characters.

    ``history`` holds the past values, oldest first; ``start`` is where the required path
    begins (None: the last history value); ``periods`` is how many history periods the path
    spans.  The path is geometric between positive values (a steady percentage growth),
    straight otherwise or when ``points`` (a rate moving in points).  Returns "" when there
    is nothing to draw or no room for it.
    """
    past = [v for v in history if math.isfinite(v)]
    begin = start if start is not None else (past[-1] if past else None)
    if begin is None or not math.isfinite(begin) or not math.isfinite(target) or width < 2:
        return ""
    # one cell per period, but never more than could ever be drawn
    steps = min(_MAX_STEPS, max(1, math.ceil(periods - 1e-9))) if math.isfinite(periods) else 1
    values = [*past, begin, target]  # the path lies between begin and target
    low, high = min(values), max(values)
    # the scale, with the digits every other level shows (2,5 tỷ / 2.5B: short for the room)
    label = f" {fmt_amount(low, language, short=True)}"
    if high > low:
        label += f"–{fmt_amount(high, language, short=True)}"
    separator = "|" if ascii_only else "┊"
    room = width - len(separator) - len(label)
    if room < (2 if past else 1):
        label, room = "", width - len(separator)
    if room < (2 if past else 1):
        return ""
    past_cells, path_cells = _share(len(past), steps, room)
    path = [
        _between(begin, target, k / path_cells, points=points) for k in range(1, path_cells + 1)
    ]
    blocks = ASCII_BLOCKS if ascii_only else BLOCKS
    left = "".join(_cell(v, low, high, blocks) for v in _sample(past, past_cells))
    right = "".join(_cell(v, low, high, blocks) for v in path)
    return f"{left}{separator}{right}{label}" if left else f"{separator}{right}{label}"


def draw_chart(
    data: ChartData, width: int, *, language: Language = Language.EN, ascii_only: bool = False
) -> str:
    """Draw a goal's chart data in at most ``width`` characters ("" when nothing fits)."""
    return render_chart(
        data.history,
        data.start,
        data.end,
        data.periods,
        width,
        language=language,
        ascii_only=ascii_only,
        points=data.points,
    )


def chart_for(facts: Facts, ctx: Context, width: int, *, ascii_only: bool = False) -> str | None:
    """Draw the chart of one goal from its facts, or None when the goal has no pace to show."""
    data = chart_data(facts, ctx)
    if data is None:
        return None
    return draw_chart(data, width, language=facts.language, ascii_only=ascii_only) or None


def _between(a: float, b: float, t: float, *, points: bool) -> float:
    if not points and a > 0 and b > 0:
        return math.exp(math.log(a) + (math.log(b) - math.log(a)) * t)
    return a + (b / 2 - a / 2) * 2 * t  # halves: b - a may overflow


def _share(past: int, path: int, room: int) -> tuple[int, int]:
    """Split the room between history and path, shrinking both by the same factor."""
    if past + path <= room:
        return past, path
    if past == 0:
        return 0, room
    past_cells = max(1, min(room - 1, round(room * past / (past + path))))
    return past_cells, room - past_cells


def _sample(values: Sequence[float], cells: int) -> list[float]:
    """Pick ``cells`` values evenly, always keeping the last (the latest or the target)."""
    if cells >= len(values):
        return list(values)
    if cells <= 0:
        return []
    if cells == 1:
        return [values[-1]]
    last = len(values) - 1
    return [values[round(i * last / (cells - 1))] for i in range(cells)]


def _cell(value: float, low: float, high: float, blocks: str) -> str:
    if high <= low:
        return blocks[len(blocks) // 2 - 1]
    share = (value / 2 - low / 2) / (high / 2 - low / 2)  # halves: high - low may overflow
    if not math.isfinite(share):
        share = 0.5
    level = round(share * (len(blocks) - 1))
    return blocks[min(len(blocks) - 1, max(0, level))]
