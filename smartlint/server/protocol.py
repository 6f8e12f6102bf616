"""The Language Server Protocol side of ``smartlint server``, on pygls.

Diagnostics are published on open, on save, and after a pause in typing (the debounce,
250 ms unless the client's ``initializationOptions`` say ``debounceMs``); a change that
comes during the pause cancels the pending run, and a result for a version the editor has
since replaced is dropped.  Every run lints the whole goal set and republishes each open
document whose diagnostics changed, so a child follows an edit to its parent.  A
configuration file saved or changed on disk re-reads every configuration.

Nothing a document holds may stop the server: a failed run is logged to the client and
the previous diagnostics stay.
"""

from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from smartlint import __version__
from smartlint.config import PYPROJECT, YAML_NAME, ConfigError
from smartlint.context import Options
from smartlint.i18n import pick
from smartlint.model import Criterion, Finding, GoalResult, Severity, Span, TextEdit
from smartlint.project import Overrides, settings_for
from smartlint.reporters.sarif import rule_help_uri
from smartlint.rules import RULES_BY_CODE
from smartlint.rules.suppression import UNUSED_SUPPRESSION
from smartlint.server.actions import (
    EditCheck,
    line_suppression_edit,
    rewrite_edit,
    suppression_edit,
)
from smartlint.server.goalset import GoalSet, Linted, Located
from smartlint.server.hover import goal_at, hover_text
from smartlint.server.positions import Lines, cell_range

DEBOUNCE_SECONDS = 0.25
CONFIG_NAMES = (YAML_NAME, PYPROJECT)
WATCHED = "**/{.smartlint.yaml,pyproject.toml,*.yaml,*.yml,*.md,*.markdown,*.csv,*.xlsx}"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_DUPLICATE_ID = "duplicate-id"
_LINK_CODES = frozenset(
    rule.code
    for rule in RULES_BY_CODE.values()
    if rule.criterion is Criterion.RELEVANT and rule.name != "missing-why"
)
_UNKNOWN_PARENT = "unknown-parent"


class SmartlintServer(LanguageServer):
    """A language server holding the workspace's goal set and the last lint of each document."""

    def __init__(self) -> None:
        """Start with no workspace; ``initialize`` gives the folders."""
        super().__init__("smartlint", __version__)
        self.goals = GoalSet((), self.today)
        self.linted: dict[str, Linted] = {}
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.debounce = DEBOUNCE_SECONDS
        self.fixed_today: date | None = None
        self.pending: asyncio.Task[None] | None = None
        self.dirty: set[str] = set()  # documents changed since their last publication
        self.lines_cache: dict[Path, Lines] = {}

    def today(self) -> date:
        """Return the date deadlines are judged on (the client may fix it, for tests)."""
        return self.fixed_today or date.today()

    # ------------------------------------------------------------------ documents

    def encoding(self) -> str:
        """Return the position encoding agreed with the client."""
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except RuntimeError:  # before initialize: the protocol's default
            return "utf-16"

    def lines_of(self, path: Path) -> Lines | None:
        """Return the lines of an open document, or of the file on disk."""
        text = self.goals.text_of(path)
        if text is None:
            try:
                text = path.read_text(encoding="utf-8-sig", errors="replace")
            except OSError:
                return None
        return Lines.of(text, self.encoding())

    def range_of(self, linted: Linted, lines: Lines, span: Span) -> types.Range:
        """Return a span as a protocol range in one document."""
        if linted.kind == "sheet":
            start, end = cell_range(lines, span)
        else:
            start, end = lines.span_range(span)
        return types.Range(types.Position(*start), types.Position(*end))

    def lint_open(self, changed: set[str] | None = None) -> None:
        """Lint the goal set and publish open documents whose diagnostics may have changed.

        ``changed`` names the documents just opened or edited: they are always published,
        with every other open document that shares a goal id or parent name with them
        (before or after the edit) or has a finding about links.  ``None`` re-lints every
        open document (a configuration or a file on disk changed).
        """
        force = (changed or set()) | self.dirty
        wanted = None if changed is None else force
        self.dirty = set()
        uris = {uri: path for uri in self.open_uris() if (path := _path(uri)) is not None}
        if wanted is not None:
            uris = self.affected(uris, wanted)
        versions = {uri: self.version_of(uri) for uri in uris}
        results = self.goals.lint(uris.values())
        by_id, parents = self.goals.locate()
        for uri, path in uris.items():
            linted = results.get(path)
            diagnostics: list[types.Diagnostic] = []
            if linted is None:
                self.linted.pop(uri, None)
            else:
                self.linted[uri] = linted
                diagnostics = self.diagnostics(linted, by_id, parents)
            if self.version_of(uri) != versions[uri]:
                continue  # the document moved on while this ran: a newer run will publish
            if uri not in force and self.published.get(uri) == diagnostics:
                continue
            self.published[uri] = diagnostics
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=diagnostics, version=versions[uri]
                )
            )

    def affected(self, uris: dict[str, Path], changed: set[str]) -> dict[str, Path]:
        """Return the changed documents and the open ones their edit may touch."""
        names: set[str] = set()
        for uri in changed:
            path = uris.get(uri) or _path(uri)
            if path is not None:
                names |= self.goals.links(path, fresh=False) | self.goals.links(path)
        out = {uri: path for uri, path in uris.items() if uri in changed}
        for uri, path in uris.items():
            if uri in out:
                continue
            linked = bool(names & self.goals.links(path))
            about_links = any(str(d.code) in _LINK_CODES for d in self.published.get(uri, ()))
            if linked or about_links:
                out[uri] = path
        return out

    def open_uris(self) -> list[str]:
        """Return the open text documents' URIs."""
        return list(self.workspace.text_documents)

    def version_of(self, uri: str) -> int | None:
        """Return an open document's version."""
        document = self.workspace.text_documents.get(uri)
        return None if document is None else document.version

    def diagnostics(
        self, linted: Linted, by_id: dict[str, Located], parents: dict[int, Located]
    ) -> list[types.Diagnostic]:
        """Return a document's findings as diagnostics."""
        lines = Lines.of(linted.text or "", self.encoding())
        if linted.text is None:
            lines = self.lines_of(linted.path) or lines
        self.lines_cache = {linted.path: lines}  # related goals are mostly in the same file
        return [self.diagnostic(linted, lines, f, by_id, parents) for f in linted.result.findings]

    def diagnostic(
        self,
        linted: Linted,
        lines: Lines,
        finding: Finding,
        by_id: dict[str, Located],
        parents: dict[int, Located],
    ) -> types.Diagnostic:
        """Return one finding as a diagnostic, with its rule's page and related goals."""
        rule = RULES_BY_CODE.get(finding.code)
        message = finding.message
        if finding.suggestion:
            message += f"\n{finding.suggestion}"
        return types.Diagnostic(
            range=self.range_of(linted, lines, finding.span),
            message=message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            code_description=(
                types.CodeDescription(href=rule_help_uri(rule.code, rule.name))
                if rule is not None
                else None
            ),
            source="smartlint",
            related_information=self.related(linted, finding, by_id, parents) or None,
        )

    def related(
        self,
        linted: Linted,
        finding: Finding,
        by_id: dict[str, Located],
        parents: dict[int, Located],
    ) -> list[types.DiagnosticRelatedInformation]:
        """Point a Relevant finding at the parent goal (or at the first goal of a duplicate id)."""
        if finding.criterion is not Criterion.RELEVANT or finding.goal_index is None:
            return []
        result = next((g for g in linted.result.goals if g.goal.index == finding.goal_index), None)
        if result is None:
            return []
        goal, lang = result.goal, result.language
        if finding.name == _DUPLICATE_ID:
            first = by_id.get(goal.goal_id or "")
            if first is None or (first.path, first.span) == (linted.path, goal.span):
                return []
            said = pick(
                lang,
                f"mục tiêu đầu tiên có id {goal.goal_id!r}",
                f"the first goal with the id {goal.goal_id!r}",
            )
            return [self.located(first, said)]
        parent = parents.get(goal.index)
        if parent is None or finding.name == _UNKNOWN_PARENT:
            return []
        return [self.located(parent, pick(lang, "mục tiêu cha", "the parent goal"))]

    def located(self, place: Located, message: str) -> types.DiagnosticRelatedInformation:
        """Return a goal's place in any file of the set as related information."""
        lines = self.lines_cache.get(place.path)
        if lines is None:
            lines = self.lines_cache[place.path] = self.lines_of(place.path) or Lines(())
        start, end = lines.span_range(place.span)
        head = types.Range(types.Position(*start), types.Position(start[0], start[1]))
        if end[0] == start[0]:
            head = types.Range(types.Position(*start), types.Position(*end))
        return types.DiagnosticRelatedInformation(
            location=types.Location(uri=from_fs_path(str(place.path)) or "", range=head),
            message=message,
        )

    def schedule(self, uri: str) -> None:
        """Lint after the debounce; a later change cancels this one."""
        self.dirty.add(uri)
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.pending = asyncio.ensure_future(self._later())

    async def _later(self) -> None:
        if self.debounce > 0:
            await asyncio.sleep(self.debounce)
        self.safely(lambda: self.lint_open(set()))

    def lint_now(self, changed: set[str] | None = None) -> None:
        """Lint at once, cancelling any pending run."""
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.safely(lambda: self.lint_open(changed))

    def safely(self, work: Any) -> None:
        """Run ``work``; log what goes wrong instead of stopping the server."""
        try:
            work()
        except ConfigError as exc:  # the user's to fix: say so, keep the last diagnostics
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"smartlint: {exc}")
            )
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"smartlint: {exc}")
            )
        except Exception as exc:  # a crash here would end every editor's linting
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Error,
                    message=f"smartlint: internal error: {type(exc).__name__}: {exc}",
                )
            )

    def current(self, uri: str) -> Linted | None:
        """Return the lint of a document as it is now, linting again when it is stale."""
        path = _path(uri)
        linted = self.linted.get(uri)
        if path is None:
            return None
        if linted is None or linted.text != self.goals.text_of(path):
            self.lint_now({uri})
            linted = self.linted.get(uri)
        return linted


server = SmartlintServer()


def _path(uri: str) -> Path | None:
    found = to_fs_path(uri)
    if found is None or not uri.startswith("file:"):
        return None
    return Path(os.path.abspath(found))


def _folders(params: types.InitializeParams) -> list[Path]:
    uris = [f.uri for f in params.workspace_folders or ()]
    if not uris and params.root_uri:
        uris = [params.root_uri]
    return [p for p in (_path(u) for u in uris) if p is not None]


@server.feature(types.INITIALIZE)
def initialize(ls: SmartlintServer, params: types.InitializeParams) -> None:
    """Take the workspace folders and the client's options (``today``, ``debounceMs``)."""
    options = params.initialization_options
    if isinstance(options, dict):
        if isinstance(options.get("debounceMs"), (int, float)):
            ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)
        if isinstance(options.get("today"), str):
            try:
                ls.fixed_today = date.fromisoformat(options["today"])
            except ValueError:
                ls.fixed_today = None
    ls.goals.set_folders(_folders(params))


@server.feature(types.INITIALIZED)
async def initialized(ls: SmartlintServer, params: types.InitializedParams) -> None:
    """Ask the client to report changed goal and configuration files, when it can."""
    watch = ls.client_capabilities.workspace
    dynamic = watch and watch.did_change_watched_files
    if not (dynamic and dynamic.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]
    )
    registration = types.Registration(
        id="smartlint-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(registrations=[registration])
        )
    except Exception as exc:  # a client that refuses still gets saves and edits linted
        ls.window_log_message(
            types.LogMessageParams(
                type=types.MessageType.Warning, message=f"smartlint: no file watching: {exc}"
            )
        )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SmartlintServer, params: types.DidOpenTextDocumentParams) -> None:
    """Lint a document as soon as it opens."""
    uri = _take_text(ls, params.text_document.uri)
    ls.lint_now({uri})


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SmartlintServer, params: types.DidChangeTextDocumentParams) -> None:
    """Take the new text and lint it after the pause in typing."""
    uri = _take_text(ls, params.text_document.uri)
    ls.schedule(uri)


def _take_text(ls: SmartlintServer, uri: str) -> str:
    """Let the document's text stand for its file in the goal set; return its URI."""
    path = _path(uri)
    if path is not None:
        ls.goals.open(path, ls.workspace.get_text_document(uri).source)
    return uri


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SmartlintServer, params: types.DidSaveTextDocumentParams) -> None:
    """Lint on save; a saved configuration file re-reads every configuration first."""
    uri = params.text_document.uri
    path = _path(uri)
    if path is not None and path.name in CONFIG_NAMES:
        ls.goals.config_changed()
        ls.published.clear()
        ls.lint_now(None)
        return
    ls.lint_now({uri})


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SmartlintServer, params: types.DidCloseTextDocumentParams) -> None:
    """Clear a closed document's diagnostics; its file on disk counts again for the others."""
    uri = params.text_document.uri
    path = _path(uri)
    if path is not None:
        ls.goals.close(path)
    ls.linted.pop(uri, None)
    ls.published.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.lint_now({uri})  # not open any more: only the documents linked to it are linted


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(
    ls: SmartlintServer, params: types.DidChangeWatchedFilesParams
) -> None:
    """Re-read configurations or walk the folders again, then lint the open documents."""
    paths = [p for p in (_path(c.uri) for c in params.changes) if p is not None]
    if any(p.name in CONFIG_NAMES for p in paths):
        ls.goals.config_changed()
        ls.published.clear()
    else:
        ls.goals.files_changed()
    ls.lint_now(None)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_folders(ls: SmartlintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    """Follow added and removed workspace folders."""
    removed = {p for p in (_path(f.uri) for f in params.event.removed) if p is not None}
    added = [p for p in (_path(f.uri) for f in params.event.added) if p is not None]
    ls.goals.set_folders([f for f in ls.goals.folders if f not in removed] + added)
    ls.lint_now(None)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: SmartlintServer, params: types.HoverParams) -> types.Hover | None:
    """Show the goal under the cursor: verdict row, what was read, the pace chart."""
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    lines = ls.lines_of(linted.path) or Lines(())
    line = params.position.line
    column = lines.chars(line, params.position.character) + 1
    result = goal_at(linted.result.goals, line + 1, column)
    if result is None:
        return None
    try:
        options = settings_for(ls.goals.config_for(linted.path), Overrides(), ls.today()).options
    except ConfigError:  # already shown to the user; read the goal with the defaults
        options = Options()
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value=hover_text(result, ls.today(), options)
        ),
        range=ls.range_of(linted, lines, result.goal.span),
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
    ),
)
def code_action(ls: SmartlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Offer the findings' fixes, the goal's rewrite, and a suppression comment per rule."""
    uri = params.text_document.uri
    linted = ls.current(uri)
    if linted is None or linted.kind == "sheet" or linted.text is None:
        return []
    return _actions(ls, uri, linted, params)


def _actions(
    ls: SmartlintServer, uri: str, linted: Linted, params: types.CodeActionParams
) -> list[types.CodeAction]:
    text = linted.text or ""
    lines = Lines.of(text, ls.encoding())
    first = params.range.start.line + 1
    last = params.range.end.line + 1
    only = params.context.only

    def wanted(kind: str) -> bool:
        return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

    def edit(edits: tuple[TextEdit, ...]) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(
            changes={
                uri: [types.TextEdit(range=ls.range_of(linted, lines, e.span), new_text=e.text)
                      for e in edits]
            }
        )  # fmt: skip

    by_id, parents = ls.goals.locate()
    check = EditCheck(text, str(linted.path))
    goals = {g.goal.index: g for g in linted.result.goals}
    actions: list[types.CodeAction] = []
    ignored: set[tuple[str, int | None]] = set()
    for finding in linted.result.findings:
        if finding.span.end_line < first or finding.span.line > last:
            continue
        diagnostic = ls.diagnostic(linted, lines, finding, by_id, parents)
        result = goals.get(finding.goal_index) if finding.goal_index is not None else None
        lang = result.language if result is not None else None
        fix = finding.fix
        if fix is not None and wanted(types.CodeActionKind.QuickFix):
            safe = fix.safety.value == "safe"
            title = fix.description if safe else f"{fix.description} ({_unsafe(lang)})"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=safe,
                    edit=edit(fix.edits),
                )
            )
        key = (finding.code, finding.goal_index)
        if (
            key in ignored
            or finding.code == UNUSED_SUPPRESSION.code
            or not wanted(types.CodeActionKind.QuickFix)
        ):
            continue
        ignored.add(key)
        goal = result.goal if result is not None else None
        candidates = [
            (_ignore_title(finding.code, lang, "file" if goal is None else "goal"),
             suppression_edit(text, linted.kind, finding, goal)),
            (_ignore_title(finding.code, lang, "line"),
             line_suppression_edit(text, linted.kind, finding) if goal is not None else None),
        ]  # fmt: skip
        for title, comment in candidates:
            if comment is not None and check.keeps_goals((comment,)):
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=False,
                        edit=edit((comment,)),
                    )
                )
                break
    actions += _rewrite_actions(ls, linted, params, check, wanted, edit)
    return actions


def _rewrite_actions(
    ls: SmartlintServer,
    linted: Linted,
    params: types.CodeActionParams,
    check: EditCheck,
    wanted: Any,
    edit: Any,
) -> list[types.CodeAction]:
    if not wanted(types.CodeActionKind.RefactorRewrite):
        return []
    lines = Lines.of(linted.text or "", ls.encoding())
    line = params.range.start.line
    column = lines.chars(line, params.range.start.character) + 1
    result: GoalResult | None = goal_at(linted.result.goals, line + 1, column)
    if result is None or not result.rewrite:
        return []
    change = rewrite_edit(linted.text or "", linted.kind, result.goal, result.rewrite)
    if change is None or not check.keeps_goals((change,)):
        return []
    lang = result.language
    shown = result.rewrite if len(result.rewrite) <= 80 else result.rewrite[:79] + "…"
    label = pick(lang, "Viết lại mục tiêu", "Show the rewrite")
    return [
        types.CodeAction(
            title=f"{label} ({_unsafe(lang)}): {shown}",
            kind=types.CodeActionKind.RefactorRewrite,
            is_preferred=False,
            edit=edit((change,)),
        )
    ]


def _unsafe(lang: Any) -> str:
    return pick(lang, "không an toàn", "unsafe") if lang is not None else "unsafe"


def _ignore_title(code: str, lang: Any, where: str) -> str:
    english = {
        "file": f"Ignore {code} in this file",
        "goal": f"Ignore {code} for this goal",
        "line": f"Ignore {code} on this line",
    }[where]
    if lang is None:
        return english
    vietnamese = {
        "file": f"Bỏ qua {code} trong tệp này",
        "goal": f"Bỏ qua {code} cho mục tiêu này",
        "line": f"Bỏ qua {code} trên dòng này",
    }[where]
    return pick(lang, vietnamese, english)


def serve() -> None:
    """Serve one client over standard input and output."""
    server.start_io()
