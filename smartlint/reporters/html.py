"""One self-contained HTML file for planning reviews (``--format html``).

No network and no template engine: inline CSS, inline SVG (:mod:`smartlint.reporters.svg`)
and a small inline script for the filters.  Every text that comes from a goal file (goal
texts, ids, owners, paths, messages) goes through :func:`html.escape`, so a goal titled
``<script>…</script>`` shows as text.  The output depends only on the report: no clock, no
randomness, input order; the date is printed only when ``--today`` gave it.

The page's own words are in the language most goals are written in; each goal's rewrite
and chart labels are in the goal's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from smartlint.i18n import fmt_number, fmt_short_date, pick
from smartlint.model import (
    SMART,
    Criterion,
    Finding,
    GoalResult,
    Language,
    Report,
    Severity,
    Verdict,
)
from smartlint.reporters.base import RenderContext
from smartlint.reporters.html_assets import SCRIPT, STYLE
from smartlint.reporters.svg import criteria_bars, pace_plot
from smartlint.reporters.tally import report_language
from smartlint.reporters.tree import MAX_DEPTH, family, resolve_parents

_MARK = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.SKIP: "–"}
_NAMES = {
    Criterion.SPECIFIC: ("Cụ thể", "Specific"),
    Criterion.MEASURABLE: ("Đo được", "Measurable"),
    Criterion.ACHIEVABLE: ("Khả thi", "Achievable"),
    Criterion.RELEVANT: ("Liên quan", "Relevant"),
    Criterion.TIME_BOUND: ("Có thời hạn", "Time-bound"),
    Criterion.FILE: ("Tệp", "File"),
}
_VERDICT_WORDS = {
    Verdict.PASS: ("đạt", "pass"),
    Verdict.FAIL: ("không đạt", "fail"),
    Verdict.SKIP: ("bỏ qua", "skip"),
}
_SEVERITY_WORDS = {
    Severity.ERROR: ("lỗi", "error"),
    Severity.WARNING: ("cảnh báo", "warning"),
    Severity.INFO: ("thông tin", "info"),
}
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _say(lang: Language, words: tuple[str, str]) -> str:
    return pick(lang, *words)


def render(report: Report, ctx: RenderContext) -> str:
    """Render the whole run as one HTML document."""
    goals = report.goals
    lang = report_language(goals, ctx.language)  # --lang, else most goals' language
    anchors = _anchors(goals)
    out: list[str] = [
        "<!DOCTYPE html>\n",
        f'<html lang="{lang.value}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{pick(lang, 'Báo cáo smartlint', 'smartlint report')}</title>",
        f"<style>{STYLE}</style></head>\n<body>",
        f'<a class="skip-link" href="#sl-goals">{pick(lang, "Tới danh sách mục tiêu", "Skip to the goals")}</a>',
        "<header><h1>",
        pick(lang, "Báo cáo mục tiêu SMART", "SMART goals report"),
        "</h1>",
    ]
    files = ", ".join(escape(f.path) for f in report.files)
    dated = (
        pick(
            lang,
            f" · ngày {fmt_short_date(ctx.dated, lang)}",
            f" · as of {fmt_short_date(ctx.dated, lang)}",
        )
        if ctx.dated is not None
        else ""
    )
    out.append(f'<p class="meta">{files}{dated}</p></header>\n<main>')
    out.append(_summary(report, lang))
    out.append(_filters(report, lang))
    out.append(
        f'<section id="sl-goals" aria-labelledby="sl-goals-h"><h2 id="sl-goals-h">'
        f"{pick(lang, 'Mục tiêu', 'Goals')}</h2>"
        f'<p id="sl-shown" class="meta" aria-live="polite" data-template="'
        f'{pick(lang, "Đang hiện {n} trên {total} mục tiêu", "Showing {n} of {total} goals")}"></p>'
    )
    _tree(report, lang, anchors, out)
    out.append("</section>\n")
    loose = [f for f in report.findings if f.goal_index is None]
    if loose:
        out.append(
            f'<section id="sl-file-findings" aria-labelledby="sl-ff-h"><h2 id="sl-ff-h">'
            f"{pick(lang, 'Vấn đề của tệp', 'File problems')}</h2>"
        )
        out.append(_findings(loose, lang))
        out.append("</section>\n")
    out.append(f"</main>\n<script>{SCRIPT}</script>\n</body></html>\n")
    return "".join(out)


def _anchors(goals: Sequence[GoalResult]) -> dict[int, str]:
    """Give each goal a fragment: its own id when that is unique and usable, else its number."""
    seen = Counter(g.goal.goal_id for g in goals if g.goal.goal_id)
    anchors: dict[int, str] = {}
    for result in goals:
        gid = result.goal.goal_id
        usable = (
            gid is not None
            and seen[gid] == 1
            and not gid.startswith("sl-")
            and len(gid) <= 200
            and not any(c.isspace() for c in gid)
        )
        anchors[result.goal.index] = gid if usable and gid else f"sl-goal-{result.goal.index + 1}"
    return anchors


# --------------------------------------------------------------------------- summary


def _summary(report: Report, lang: Language) -> str:
    goals = report.goals
    rows = []
    for criterion in SMART:
        counts = Counter(g.verdict(criterion) for g in goals)
        rows.append(
            (
                f"{criterion.letter} {_say(lang, _NAMES[criterion])}",
                counts[Verdict.PASS],
                counts[Verdict.SKIP],
                counts[Verdict.FAIL],
            )
        )
    desc = "; ".join(
        f"{label}: {passed} {_say(lang, _VERDICT_WORDS[Verdict.PASS])}, "
        f"{skipped} {_say(lang, _VERDICT_WORDS[Verdict.SKIP])}, "
        f"{failed} {_say(lang, _VERDICT_WORDS[Verdict.FAIL])}"
        for label, passed, skipped, failed in rows
    )
    bars = criteria_bars(
        rows,
        title=pick(lang, "Tỷ lệ đạt theo tiêu chí", "Pass rate per criterion"),
        desc=desc,
    )
    severities = Counter(f.severity for f in report.findings)
    passing = sum(1 for g in goals if g.passes_all)
    out = [
        '<section id="sl-summary" aria-labelledby="sl-summary-h"><h2 id="sl-summary-h">',
        pick(lang, "Tổng quan", "Summary"),
        '</h2><div class="cards"><dl class="counts">',
        f"<div><dt>{pick(lang, 'Mục tiêu', 'Goals')}</dt><dd>{len(goals)}</dd></div>",
        f"<div><dt>{pick(lang, 'Không trượt tiêu chí nào', 'Failing no criterion')}</dt>"
        f"<dd>{passing}</dd></div>",
        f"<div><dt>{pick(lang, 'Tệp', 'Files')}</dt><dd>{len(report.files)}</dd></div>",
    ]
    for severity in _SEVERITIES:
        out.append(
            f'<div class="sev-{severity.value}"><dt>{_say(lang, _SEVERITY_WORDS[severity])}</dt>'
            f"<dd>{severities[severity]}</dd></div>"
        )
    out.append("</dl><figure>")
    out.append(bars)
    out.append(
        '<figcaption><span class="key pass"></span>'
        f"{_say(lang, _VERDICT_WORDS[Verdict.PASS])} "
        f'<span class="key skip"></span>{_say(lang, _VERDICT_WORDS[Verdict.SKIP])} '
        f'<span class="key fail"></span>{_say(lang, _VERDICT_WORDS[Verdict.FAIL])}'
        "</figcaption></figure></div></section>\n"
    )
    return "".join(out)


# --------------------------------------------------------------------------- filters


def _options(values: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in values)


def _filters(report: Report, lang: Language) -> str:
    goals = report.goals
    every = pick(lang, "tất cả", "all")
    criteria = [(c.letter, f"{c.letter} {_say(lang, _NAMES[c])}") for c in SMART]
    severities = [(s.value, _say(lang, _SEVERITY_WORDS[s])) for s in _SEVERITIES]
    paths = sorted({g.goal.path for g in goals})
    owners = sorted({g.goal.owner.value for g in goals if g.goal.owner is not None})
    languages = sorted({g.language.value for g in goals})

    def select(name: str, label: str, values: Sequence[tuple[str, str]]) -> str:
        return (
            f'<label>{label}<select id="sl-f-{name}" data-filter="{name}">'
            f'<option value="">{every}</option>{_options(values)}</select></label>'
        )

    return "".join(
        [
            '<section id="sl-filters" aria-labelledby="sl-filters-h"><h2 id="sl-filters-h">',
            pick(lang, "Lọc", "Filter"),
            '</h2><form role="search" onsubmit="return false">',
            f'<label>{pick(lang, "Tìm", "Search")}<input id="sl-f-search" type="search" '
            f'data-filter="search" autocomplete="off"></label>',
            select("fail", pick(lang, "Trượt tiêu chí", "Failing criterion"), criteria),
            select("sev", pick(lang, "Mức độ", "Severity"), severities),
            select("file", pick(lang, "Tệp", "File"), [(p, p) for p in paths]),
            select("owner", pick(lang, "Người phụ trách", "Owner"), [(o, o) for o in owners]),
            select("lang", pick(lang, "Ngôn ngữ", "Language"), [(v, v) for v in languages]),
            f'<button type="reset" id="sl-f-reset">{pick(lang, "Bỏ lọc", "Clear")}</button>',
            "</form></section>\n",
        ]
    )


# --------------------------------------------------------------------------- the goal tree


def _ordered(goals: Sequence[GoalResult]) -> list[tuple[GoalResult, int, bool]]:
    """Return the goals depth-first, parents above children: (goal, depth, on a cycle)."""
    parents, children = family(goals)
    order: list[tuple[GoalResult, int, bool]] = []
    seen: set[int] = set()

    def walk(root: GoalResult, cycle: bool) -> None:
        stack = [(root, 0)]
        while stack:
            result, depth = stack.pop()
            if result.goal.index in seen:
                continue
            seen.add(result.goal.index)
            order.append((result, depth, cycle))
            kids = children.get(result.goal.index, ())
            stack.extend((kid, depth + 1) for kid in reversed(kids) if kid.goal.index not in seen)

    for result in goals:
        if result.goal.index not in parents:
            walk(result, False)
    for result in goals:  # only goals on a parent cycle are left: no root reaches them
        if result.goal.index not in seen:
            walk(result, True)
    return order


def _tree(report: Report, lang: Language, anchors: dict[int, str], out: list[str]) -> None:
    goals = report.goals
    parents = resolve_parents(goals)
    out.append('<ol class="tree">')
    depth = 0
    first = True
    for result, level, cycle in _ordered(goals):
        level = min(level, MAX_DEPTH)
        if first:
            first = False
        elif level > depth:
            out.append('<ol class="tree">' * (level - depth))
        else:
            out.append("</li></ol>" * (depth - level) + "</li>")
        depth = level
        out.append("<li>")
        parent = parents.get(result.goal.index)
        out.append(_goal(result, anchors, None if parent is None else anchors[parent], cycle))
    if not first:
        out.append("</li></ol>" * depth + "</li>")
    out.append("</ol>")


def _goal(result: GoalResult, anchors: dict[int, str], parent: str | None, cycle: bool) -> str:
    goal = result.goal
    lang = result.language
    anchor = escape(anchors[goal.index])
    failing = " ".join(c.letter for c in SMART if result.verdict(c) is Verdict.FAIL)
    severities = " ".join(sorted({f.severity.value for f in result.findings}))
    owner = goal.owner.value if goal.owner is not None else ""
    gid = goal.goal_id
    title = " ".join(goal.title.value.split()) if goal.title is not None else ""
    state = "fail" if failing else "ok"
    out = [
        f'<article class="goal {state}" id="{anchor}" lang="{lang.value}" tabindex="-1" '
        f'data-fail="{failing}" data-sev="{severities}" data-file="{escape(goal.path)}" '
        f'data-owner="{escape(owner)}" data-lang="{lang.value}">',
        f'<h3><a class="anchor" href="#{anchor}" title="{pick(lang, "Liên kết tới mục tiêu này", "Link to this goal")}">#</a> ',
    ]
    if cycle:
        out.append(f'<span class="cycle">↻ {pick(lang, "vòng lặp cha", "parent cycle")}</span> ')
    if gid:
        out.append(f'<code class="gid">{escape(gid)}</code> ')
    out.append(f'<span class="title">{escape(title) or "—"}</span></h3>')
    where = [f'<span class="pos">{escape(goal.path)}:{goal.span.line}:{goal.span.column}</span>']
    if owner:
        where.append(f"{pick(lang, 'phụ trách', 'owner')}: {escape(owner)}")
    if goal.parent is not None:
        link = escape(goal.parent.value)
        where.append(
            f'{pick(lang, "mục tiêu cha", "parent")}: <a href="#{escape(parent)}">{link}</a>'
            if parent is not None
            else f"{pick(lang, 'mục tiêu cha', 'parent')}: {link} "
            f"({pick(lang, 'không tìm thấy', 'not found')})"
        )
    out.append(f'<p class="where">{" · ".join(where)}</p>')
    out.append(f'<ul class="badges" aria-label="SMART">{_badges(result)}</ul>')
    if result.findings:
        out.append(_findings(result.findings, lang))
    if result.rewrite:
        out.append(
            f'<p class="rewrite"><strong>{pick(lang, "Viết lại:", "Rewrite:")}</strong> '
            f"{escape(result.rewrite)}</p>"
        )
    if result.plot is not None:
        drawn = pace_plot(result.plot, lang, gid or title)
        if drawn:
            out.append(f'<figure class="chart">{drawn}{_legend(result, lang)}</figure>')
    if result.understood:
        out.append(
            f"<details><summary>{pick(lang, 'smartlint đã đọc được', 'What smartlint read')}"
            '</summary><dl class="reading">'
        )
        out.extend(
            f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>"
            for label, value in result.understood
        )
        out.append("</dl></details>")
    out.append("</article>")
    return "".join(out)


def _badges(result: GoalResult) -> str:
    lang = result.language
    return "".join(
        f'<li class="badge {v.value}" title="{_say(lang, _NAMES[c])}: {_say(lang, _VERDICT_WORDS[v])}">'
        f'<span aria-hidden="true">{c.letter}{_MARK[v]}</span>'
        f'<span class="vh">{_say(lang, _NAMES[c])}: {_say(lang, _VERDICT_WORDS[v])}</span></li>'
        for c in SMART
        for v in (result.verdict(c),)
    )


def _legend(result: GoalResult, lang: Language) -> str:
    plot = result.plot
    factor = "" if plot is None else fmt_number(plot.factor, lang)
    return (
        '<figcaption><span class="key hist"></span>'
        f"{pick(lang, 'lịch sử', 'history')} "
        f'<span class="key need"></span>{pick(lang, "đường mục tiêu cần", "path the target needs")} '
        f'<span class="key band"></span>'
        f"{pick(lang, f'khả thi (tới {factor} lần tốc độ tốt nhất)', f'realistic (up to {factor}× the best pace)')}"
        "</figcaption>"
    )


def _findings(findings: Sequence[Finding], lang: Language) -> str:
    out = ['<ul class="findings">']
    for f in findings:
        sev = f.severity
        out.append(
            f'<li class="sev-{sev.value}" data-sev="{sev.value}">'
            f'<span class="pos">{escape(f.path)}:{f.span.line}:{f.span.column}</span> '
            f'<span class="sev">{_say(lang, _SEVERITY_WORDS[sev])}</span> '
            f'<code title="{escape(f.name)}">{escape(f.code)}</code> {escape(f.message)}'
        )
        if f.suggestion:
            out.append(f'<span class="fix">→ {escape(f.suggestion)}</span>')
        out.append("</li>")
    out.append("</ul>")
    return "".join(out)
