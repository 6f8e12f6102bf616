"""Inline SVG for the HTML report: the criteria bar chart and a goal's Achievable chart.

Every function returns markup to place inside the page; colours come from the page's CSS
classes (so the dark theme applies), every text is escaped, every chart carries a
``<title>`` and a ``<desc>`` for screen readers, and coordinates are printed with one
decimal so the same input gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from smartlint import pace
from smartlint.i18n import fmt_amount, fmt_number, fmt_percent, fmt_short_date, period_word, pick
from smartlint.model import Language, PacePlot

BAR_WIDTH = 320
BAR_ROW = 26
PLOT_WIDTH, PLOT_HEIGHT = 480, 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 14, 40  # the plot's margins
_PATH_STEPS = 24  # segments of a geometric path


def _n(value: float) -> str:
    """Print a coordinate: one decimal, no "-0.0"."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def criteria_bars(rows: Sequence[tuple[str, int, int, int]], *, title: str, desc: str) -> str:
    """Draw one stacked bar per criterion: (label, passed, skipped, failed)."""
    height = BAR_ROW * len(rows) + 4
    label_width = 120
    span = BAR_WIDTH - label_width - 48
    parts = [
        f'<svg class="bars" viewBox="0 0 {BAR_WIDTH} {height}" role="img" '
        f'aria-labelledby="sl-bars-t sl-bars-d" width="{BAR_WIDTH}" height="{height}">',
        f'<title id="sl-bars-t">{escape(title)}</title><desc id="sl-bars-d">{escape(desc)}</desc>',
    ]
    for i, (label, passed, skipped, failed) in enumerate(rows):
        total = passed + skipped + failed
        y = i * BAR_ROW + 4
        parts.append(f'<text class="lbl" x="0" y="{y + 14}">{escape(label)}</text>')
        x = float(label_width)
        for count, cls in ((passed, "pass"), (skipped, "skip"), (failed, "fail")):
            if total and count:
                w = span * count / total
                parts.append(
                    f'<rect class="{cls}" x="{_n(x)}" y="{y}" width="{_n(w)}" height="18"/>'
                )
                x += w
        if not total:
            parts.append(
                f'<rect class="skip" x="{label_width}" y="{y}" width="{span}" height="18"/>'
            )
        rate = round(100 * passed / total) if total else 0
        parts.append(f'<text class="lbl" x="{label_width + span + 6}" y="{y + 14}">{rate}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def pace_plot(plot: PacePlot, language: Language, name: str) -> str:
    """Draw a goal's history, the path its target needs, the realistic band, target, deadline."""
    history = plot.history
    levels = [*history, plot.start, plot.end]
    low, high = min(levels), max(levels)
    if not math.isfinite(high - low):  # no scale spans these values: no chart
        return ""
    if plot.realistic is not None:  # the band may run off the scale, but not stretch it far
        room = (high - low) or abs(high) or 1.0
        low = min(low, max(plot.realistic, low - room / 2))
        high = max(high, min(plot.realistic, high + room / 2))
    if high <= low:
        high, low = high + (abs(high) or 1) * 0.05, low - (abs(low) or 1) * 0.05
    if not high > low:  # too small to widen by a share of itself
        low, high = low - 1.0, high + 1.0
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    past = max(len(history) - 1, 0)
    first_x, last_x = -float(past), plot.periods
    width = PLOT_WIDTH - _LEFT - _RIGHT
    height = PLOT_HEIGHT - _TOP - _BOTTOM

    def x(t: float) -> float:
        return _LEFT + width * (t - first_x) / (last_x - first_x or 1.0)

    def y(v: float) -> float:
        share = (v - low) / (high - low)
        return _TOP + height * (1 - min(1.1, max(-0.1, share)))

    def path_at(end: float, t: float) -> float:
        if plot.points or plot.start <= 0 or end <= 0:
            return plot.start + (end - plot.start) * t
        return math.exp(math.log(plot.start) + (math.log(end) - math.log(plot.start)) * t)

    def line(end: float) -> list[tuple[float, float]]:
        steps = _PATH_STEPS
        return [(x(plot.periods * k / steps), y(path_at(end, k / steps))) for k in range(steps + 1)]

    def points_attr(coords: Sequence[tuple[float, float]]) -> str:
        return " ".join(f"{_n(a)},{_n(b)}" for a, b in coords)

    words = _words(plot, language, name)
    parts = [
        f'<svg class="plot" viewBox="0 0 {PLOT_WIDTH} {PLOT_HEIGHT}" role="img" '
        f'width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}">',
        f"<title>{escape(words[0])}</title><desc>{escape(words[1])}</desc>",
        f'<rect class="frame" x="{_LEFT}" y="{_TOP}" width="{width}" height="{height}"/>',
    ]
    if plot.realistic is not None:  # the band: from holding the start to the realistic pace
        upper = line(plot.realistic)
        flat = [(x(0), y(plot.start)), (x(plot.periods), y(plot.start))]
        edge = [(a, min(max(b, _TOP), _TOP + height)) for a, b in [*upper, *flat[::-1]]]
        parts.append(f'<polygon class="band" points="{points_attr(edge)}"/>')
    for value in (low + pad, high - pad):  # the scale: the lowest and highest level shown
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{_n(y(value) + 4)}" text-anchor="end">'
            f"{escape(fmt_amount(value, language))}</text>"
            f'<line class="grid" x1="{_LEFT}" x2="{_LEFT + width}" '
            f'y1="{_n(y(value))}" y2="{_n(y(value))}"/>'
        )
    target_y = _n(y(plot.end))
    parts.append(
        f'<line class="target" x1="{_LEFT}" x2="{_LEFT + width}" y1="{target_y}" y2="{target_y}"/>'
    )
    deadline_x = _n(x(plot.periods))
    parts.append(
        f'<line class="deadline" x1="{deadline_x}" x2="{deadline_x}" y1="{_TOP}" '
        f'y2="{_TOP + height}"/>'
    )
    parts.append(f'<polyline class="need" points="{points_attr(line(plot.end))}"/>')
    if history:
        coords = [(x(float(i - past)), y(v)) for i, v in enumerate(history)]
        if len(coords) > 1:
            parts.append(f'<polyline class="hist" points="{points_attr(coords)}"/>')
        parts.extend(f'<circle class="hist" cx="{_n(a)}" cy="{_n(b)}" r="3"/>' for a, b in coords)
    parts.append(
        f'<text class="tick" x="{_LEFT + width - 4}" y="{_n(y(plot.end) - 5)}" '
        f'text-anchor="end">{escape(words[2])}</text>'
    )
    bottom = _TOP + height + 16
    if plot.history_end is not None and history:
        parts.append(
            f'<text class="tick" x="{_n(x(0))}" y="{bottom}" text-anchor="middle">'
            f"{escape(fmt_short_date(plot.history_end, language))}</text>"
        )
    parts.append(
        f'<text class="tick" x="{deadline_x}" y="{bottom + 16 if history else bottom}" '
        f'text-anchor="end">{escape(words[3])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _words(plot: PacePlot, language: Language, name: str) -> tuple[str, str, str, str]:
    """Return the chart's title, its description, the target label and the deadline label."""
    lang = language
    unit = period_word(plot.period, lang)
    target = fmt_amount(plot.end, lang)
    when = (
        fmt_short_date(plot.deadline, lang)
        if plot.deadline is not None
        else pick(
            lang, f"sau {fmt_number(plot.periods, lang)} {unit}", f"in {plot.periods:g} {unit}s"
        )
    )
    title = pick(lang, f"Tính khả thi: {name}", f"Achievable: {name}")
    parts = []
    if plot.history:
        parts.append(
            pick(
                lang,
                f"Lịch sử {len(plot.history)} {unit}: "
                f"{fmt_amount(plot.history[0], lang)} → {fmt_amount(plot.history[-1], lang)}.",
                f"History of {len(plot.history)} {unit}s: "
                f"{fmt_amount(plot.history[0], lang)} → {fmt_amount(plot.history[-1], lang)}.",
            )
        )
    step = _step(plot, lang)
    parts.append(
        pick(
            lang,
            f"Mục tiêu cần {fmt_amount(plot.start, lang)} → {target} ({when}), {step}/{unit}.",
            f"The target needs {fmt_amount(plot.start, lang)} → {target} ({when}), {step}/{unit}.",
        )
    )
    if plot.realistic is not None:
        factor = fmt_number(plot.factor, lang)
        reach = fmt_amount(plot.realistic, lang)
        parts.append(
            pick(
                lang,
                f"Với tốc độ tối đa {factor} lần tháng tốt nhất: ≈ {reach}.".replace("tháng", unit),
                f"At up to {factor}× the best {unit}'s pace: ≈ {reach}.",
            )
        )
    return (
        title,
        " ".join(parts),
        pick(lang, f"mục tiêu {target}", f"target {target}"),
        pick(lang, f"hạn {when}", f"due {when}"),
    )


def _step(plot: PacePlot, language: Language) -> str:
    """Return the pace the target needs per period: +5,6% or +0,4 điểm / points."""
    if plot.points:
        per = (plot.end - plot.start) / plot.periods
        sign = "+" if per > 0 else ""
        return sign + fmt_number(per, language, decimals=2) + pick(language, " điểm", " points")
    if plot.start <= 0 or plot.end <= 0:
        return fmt_amount((plot.end - plot.start) / plot.periods, language)
    log_pace = (math.log(plot.end) - math.log(plot.start)) / plot.periods
    return fmt_percent(pace.as_percent(log_pace), language, signed=True)
