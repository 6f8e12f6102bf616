"""Run the rules over a goal set, stamp identity on violations, and decide the verdicts."""

from __future__ import annotations

import gc
from collections.abc import (
    Callable,
    Container,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from contextlib import contextmanager
from dataclasses import field
from datetime import date
from types import MappingProxyType

from smartlint.context import Context, Options, goal_set_of
from smartlint.facts import Facts, build_facts
from smartlint.fixes import SourceText, attach_fixes, fixable_file
from smartlint.fixes.unused import attach_unused_fixes
from smartlint.i18n import pick
from smartlint.model import (
    SMART,
    Criterion,
    Effect,
    FileResult,
    Finding,
    Goal,
    GoalResult,
    Language,
    ParsedFile,
    Problem,
    Report,
    Severity,
    Span,
    Verdict,
    Violation,
    verdict_of,
)
from smartlint.parser.fields import KNOWN_FIELDS
from smartlint.plan import chart_data, pace_plot
from smartlint.records import record
from smartlint.rewrite import rewrite_goal
from smartlint.rules import ALL_RULES, RULES_BY_CODE
from smartlint.rules.base import Rule
from smartlint.suppress import FileKind, SuppressionTable, apply_suppressions, scan
from smartlint.understood import describe


@record(slots=False)
class RunSettings:
    """What a run needs besides its files: today, options, and which rules at what severity."""

    today: date
    options: Options = field(default_factory=Options)
    rules: tuple[Rule, ...] = ALL_RULES
    severities: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    jobs: int = 1  # worker processes for big runs (see smartlint.workers); 1: none
    describe: bool = False  # keep what was understood of each goal (--show-reading)
    chart: bool = True  # keep each history chart's data (only the pretty report draws them)
    plot: bool = False  # keep each chart's data with its realistic band (the HTML report)


def lint_parsed(
    files: Sequence[ParsedFile],
    settings: RunSettings,
    *,
    reported: Callable[[str], bool] | None = None,
    suppressions: Mapping[str, SuppressionTable] | None = None,
    facts_cache: MutableMapping[tuple[Goal, Language], Facts] | None = None,
    other_ids: Sequence[str] = (),
    sources: Mapping[str, SourceText] | None = None,
) -> Report:
    """Lint parsed files as one goal set; report only the files ``reported`` accepts.

    ``suppressions`` maps a path to its inline suppressions and per-file ignores;
    ``other_ids`` are ids of the project's unread goals, for did-you-mean suggestions.
    ``facts_cache`` keeps each goal's facts between runs with the same today and options
    (the language server lints the same goals at every keystroke); the caller owns it.
    ``sources`` maps a path to the text it was parsed from, for the fixes' edits (a file
    without one, a workbook, gets no fix).
    """
    with fewer_collections():
        return _lint_files(
            files, settings, reported, suppressions, facts_cache, other_ids, sources or {}
        )


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the garbage collector less often while a run builds its many small values.

    A run builds hundreds of thousands of frozen values and next to no reference cycles;
    with the default thresholds the collector rescans them again and again (a sixth of the
    lint stage and a third of parsing at 10,000 goals).  Young collections still happen, so
    memory stays bounded; the thresholds are restored afterwards.
    """
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _lint_files(
    files: Sequence[ParsedFile],
    settings: RunSettings,
    reported: Callable[[str], bool] | None,
    suppressions: Mapping[str, SuppressionTable] | None,
    facts_cache: MutableMapping[tuple[Goal, Language], Facts] | None = None,
    other_ids: Sequence[str] = (),
    sources: Mapping[str, SourceText] | None = None,
) -> Report:
    language = settings.options.language
    goals = [goal for parsed in files for goal in parsed.goals]
    hints = {g.index: parsed.language_hint or Language.EN for parsed in files for g in parsed.goals}
    facts_of = FactsTable(goals, hints, settings, facts_cache)  # hints: each file's `language:`
    ctx = Context(
        today=settings.today,
        goals=goal_set_of(goals, facts_of, other_ids),
        options=settings.options,
    )
    enabled = frozenset(r.code for r in settings.rules)
    checks = tuple(r for r in settings.rules if r.check is not None)
    shared = _Shared(files, settings, reported, ctx, checks, facts_of, enabled, sources or {})
    # Only the reported goals are checked; the rest of the goal set (files read for their
    # links) is read when a check asks for a parent's or a key result's facts.
    checked = [
        g for parsed in files if reported is None or reported(parsed.path) for g in parsed.goals
    ]
    from_workers = _from_workers(shared, len(checked))
    if not from_workers:
        for goal in checked:  # in input order, as a run without workers always read them
            facts_of(goal.index)

    def language_of(index: int) -> Language:
        return from_workers[index].language if from_workers else facts_of(index).language

    results: list[FileResult] = []
    for parsed in files:
        if reported is not None and not reported(parsed.path):
            continue
        file_language = _file_language(parsed, language_of, language)
        goals_by_index: dict[int | None, Goal] = {g.index: g for g in parsed.goals}
        file_findings = [
            _stamp_problem(
                p,
                parsed.path,
                goals_by_index.get(p.goal_index),
                settings,
                language_of(p.goal_index) if p.goal_index in hints else file_language,
            )
            for p in parsed.problems
            if _reported_problem(p, enabled)
        ]
        source = (sources or {}).get(parsed.path) if fixable_file(parsed) else None
        problems_by_goal = _goal_problems(parsed, enabled)
        goal_results = [
            from_workers[goal.index]
            if from_workers
            else goal_result(
                facts_of(goal.index),
                problems_by_goal.get(goal.index, ()),
                shared,
                parsed.path,
                source,
            )
            for goal in parsed.goals
        ]
        file_findings += [
            f for g in goal_results for f in g.findings if f.criterion is not Criterion.FILE
        ]
        file_findings.sort(key=_finding_order)
        result = FileResult(parsed.path, tuple(goal_results), tuple(file_findings))
        table = (suppressions or {}).get(parsed.path)
        if table is not None:
            result = apply_suppressions(
                table,
                result,
                settings.rules,
                severities=settings.severities,
                rewrite=lambda g, v: rewrite_goal(facts_of(g.goal.index), dict(v), ctx),
            )
            if source is not None:
                result = attach_unused_fixes(result, source)
        results.append(result)
    return Report(files=tuple(results), today=settings.today)


@record(slots=False)
class _Shared:
    """What every goal's checks read: the files, the settings and the run's context."""

    files: Sequence[ParsedFile]
    settings: RunSettings
    reported: Callable[[str], bool] | None
    ctx: Context
    checks: tuple[Rule, ...]  # the enabled rules that check goals
    facts_of: FactsTable  # a goal's facts by index
    enabled: frozenset[str]  # the enabled rules' codes
    sources: Mapping[str, SourceText]  # the texts fixes edit, by path


class FactsTable:
    """Each goal's facts by goal index, built the first time they are asked for."""

    def __init__(
        self,
        goals: Sequence[Goal],
        hints: Mapping[int, Language],
        settings: RunSettings,
        cache: MutableMapping[tuple[Goal, Language], Facts] | None = None,
    ) -> None:
        """Read ``goals`` under ``settings`` when asked, each in its file's default language
        (``hints``); ``cache`` outlives the run (the language server's)."""
        self._goals = {g.index: g for g in goals}
        self._hints = hints
        self._settings = settings
        self._known: dict[int, Facts] = {}
        self._cache = cache

    def __call__(self, index: int) -> Facts:
        """Return the facts of the goal with this index."""
        known = self._known.get(index)
        if known is None:
            key = (self._goals[index], self._hints[index])
            known = self._cache.get(key) if self._cache is not None else None
            if known is None:
                options = self._settings.options
                known = build_facts(
                    key[0],
                    self._settings.today,
                    forced_language=options.language,
                    default_language=key[1],
                    fiscal_year_end=options.fiscal_end,
                )
                if self._cache is not None:
                    self._cache[key] = known
            self._known[index] = known
        return known

    def __len__(self) -> int:
        """Return how many goals' facts this table holds."""
        return len(self._known)

    def forget(self, keep: Container[int] = ()) -> None:
        """Drop the facts built so far but those of the goals in ``keep`` (a worker bounds its
        memory this way)."""
        self._known = {i: f for i, f in self._known.items() if i in keep}


def _goal_problems(parsed: ParsedFile, enabled: frozenset[str]) -> dict[int, list[Problem]]:
    """Group a file's enabled parser problems by the goal they belong to."""
    grouped: dict[int, list[Problem]] = {}
    for p in parsed.problems:
        if p.goal_index is not None and _reported_problem(p, enabled):
            grouped.setdefault(p.goal_index, []).append(p)
    return grouped


def _reported_problem(problem: Problem, enabled: frozenset[str]) -> bool:
    """Tell whether a parser problem is reported: its rule is enabled, or it has no rule to
    disable (a file that cannot be read at all)."""
    return problem.code in enabled or problem.code not in RULES_BY_CODE


def goal_result(
    facts: Facts,
    problems: Sequence[Problem],
    shared: _Shared,
    path: str,
    source: SourceText | None,
) -> GoalResult:
    """Run the checks on one goal and decide its verdicts (the same in a worker process)."""
    goal, settings, ctx = facts.goal, shared.settings, shared.ctx
    found = [
        _stamp(rule_, v, goal, settings) for rule_ in shared.checks for v in _run(rule_, facts, ctx)
    ]
    # the goal's parser problems, in the goal's language, as the file's list has them
    found += [_stamp_problem(p, path, goal, settings, facts.language) for p in problems]
    found.sort(key=_finding_order)
    result = _result(facts, tuple(found), settings, ctx)
    if source is not None:  # the fixes' stage, after the rules and the rewrite
        result = attach_fixes(result, facts, ctx, source)
    return result


def _from_workers(shared: _Shared, goals: int) -> Mapping[int, GoalResult]:
    """Return every reported goal's result from worker processes, or {} to check them here."""
    from smartlint.workers import WORKER_THRESHOLD, can_fork

    if shared.settings.jobs <= 1 or goals < WORKER_THRESHOLD or not can_fork():
        return {}
    from smartlint.workers import results_in_workers

    return results_in_workers(shared)


def lint_text(
    source: str,
    *,
    path: str = "<string>",
    today: date,
    options: Options | None = None,
) -> Report:
    """Parse and lint one goal file held in a string (the pure core, for tests and tools)."""
    from smartlint.decode import normalize_newlines
    from smartlint.parser import parse_text
    from smartlint.parser.markdown import is_markdown_path

    settings = RunSettings(today=today, options=options or Options())
    kind: FileKind = "markdown" if is_markdown_path(path) else "yaml"
    with fewer_collections():
        parsed = parse_text(source, path)
        text = SourceText(normalize_newlines(source.removeprefix("\ufeff")), kind)
        return lint_parsed(
            [parsed], settings, suppressions={path: scan(source, kind)}, sources={path: text}
        )


def _run(rule_: Rule, facts: Facts, ctx: Context) -> Iterable[Violation]:
    assert rule_.check is not None
    return rule_.check(facts, ctx)


def _finding_order(f: Finding) -> tuple[int, int, str, str]:
    return (f.span.line, f.span.column, f.code, f.message)


def _stamp(rule_: Rule, v: Violation, goal: Goal, settings: RunSettings) -> Finding:
    return Finding(
        path=goal.path,
        span=v.span,
        code=rule_.code,
        name=rule_.name,
        criterion=rule_.criterion,
        severity=settings.severities.get(rule_.code, rule_.severity),
        effect=rule_.effect,
        message=v.message if goal.sheet is None else f"[{goal.sheet}] {v.message}",
        suggestion=v.suggestion,
        goal_id=goal.goal_id,
        goal_index=goal.index,
        field=_field_at(goal, v.span),
    )


def _file_language(
    parsed: ParsedFile, language_of: Callable[[int], Language], forced: Language | None
) -> Language:
    """Return the language of a file's own problems: forced, the file's, else its goals'."""
    if forced is not None:
        return forced
    if parsed.language_hint is not None:
        return parsed.language_hint
    spoken = [language_of(g.index) for g in parsed.goals]
    if spoken and spoken.count(Language.VI) * 2 > len(spoken):
        return Language.VI
    return Language.EN


# Keys a parser message may start with; a sentence shows them as code, not capitalised.
_LITERAL_WORDS = frozenset((*KNOWN_FIELDS, "goals", "as_of", "values", "period"))


def as_sentence(text: str) -> str:
    """Make a parser's message a sentence: capital first letter, closing punctuation.

    A sheet's ``[Sheet] `` prefix stays in front of the sentence.
    """
    text = text.strip()
    prefix = ""
    if text.startswith("[") and "] " in text:
        prefix, _, text = text.partition("] ")
        prefix += "] "
    if not text:
        return prefix.strip()
    word, _, rest = text.partition(" ")
    name = word.rstrip(":")
    if name in _LITERAL_WORDS:  # a key as written stays as written: `history` is ...
        text = f"`{name}`{word[len(name) :]} {rest}".rstrip()
    else:
        text = text[0].upper() + text[1:]
    if text[-1] not in ".?!":
        text += "."
    return prefix + text


def _stamp_problem(
    p: Problem, path: str, goal: Goal | None, settings: RunSettings, language: Language
) -> Finding:
    known = RULES_BY_CODE.get(p.code)
    return Finding(
        path=path,
        span=p.span,
        code=p.code,
        name=known.name if known else "file-problem",
        criterion=Criterion.FILE,
        severity=settings.severities.get(p.code, known.severity if known else Severity.ERROR),
        effect=Effect.NONE,
        message=as_sentence(pick(language, p.message_vi or p.message, p.message)),
        suggestion=as_sentence(pick(language, p.suggestion_vi or p.suggestion, p.suggestion)),
        goal_id=goal.goal_id if goal else None,
        goal_index=p.goal_index,
        field=p.field,
    )


_FIELDS = (
    "title",
    "id",
    "why",
    "owner",
    "parent",
    "metric",
    "unit",
    "target",
    "start",
    "deadline",
    "language",
)


def _field_at(goal: Goal, span: Span) -> str:
    """Name the goal field a span falls in, so fingerprints survive moved lines."""
    for name in _FIELDS:
        value = getattr(goal, name)
        if value is not None and _inside(span, value.span):
            return name
    if goal.baseline is not None and _inside(span, goal.baseline.span):
        return "baseline"
    if goal.history is not None and _inside(span, goal.history.span):
        return "history"
    return "goal"


def _inside(inner: Span, outer: Span) -> bool:
    return (inner.line, inner.column) >= (outer.line, outer.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


def _result(
    facts: Facts, found: tuple[Finding, ...], settings: RunSettings, ctx: Context
) -> GoalResult:
    verdicts = tuple((c, verdict_of(c, found)) for c in SMART)
    failed = any(v is Verdict.FAIL for _, v in verdicts)
    language: Language = facts.language
    return GoalResult(
        goal=facts.goal,
        language=language,
        verdicts=verdicts,
        rewrite=rewrite_goal(facts, dict(verdicts), ctx) if failed else None,
        findings=found,
        understood=describe(facts) if settings.describe else (),
        chart=chart_data(facts, ctx) if facts.history and settings.chart else None,
        plot=pace_plot(facts, ctx) if facts.history and settings.plot else None,
    )
