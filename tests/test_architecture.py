"""The stages run one way: a module imports only from its own stage or an earlier one.

Every import of the package counts, including those inside functions (a deferred import is
still a dependency); only imports under ``if TYPE_CHECKING:`` are left out, since they never
run.  Every module must have a stage, so a new module is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smartlint"

STAGES = (
    "base",  # values every stage shares: the model, messages, decoding
    "parser",  # files -> goals
    "extract",  # goal text -> readings
    "facts",  # goal + reading -> facts, and the run's context of them
    "plan",  # the pace analysis
    "rules",  # the checks
    "engine",  # verdicts, suppressions, rewrite
    "reporters",  # results -> text
    "cli",  # the command line and the project it runs on
)

# Module (or package, covering its submodules) -> stage; the longest match wins.
STAGE_OF = {
    "smartlint": "base",  # the package itself holds only the version
    "smartlint.model": "base",
    "smartlint.i18n": "base",
    "smartlint.decode": "base",
    # The lexical primitives of the reader: text folding and the number reader.  They import
    # nothing but each other and the model, and the parser reads history values with them,
    # so they belong with the base values although they live in the extract package.
    "smartlint.extract.text": "base",
    "smartlint.extract.numbers": "base",
    "smartlint.records": "base",  # the dataclass decorator every stage uses: imports only the standard library
    "smartlint.patterns": "base",  # smartlint's compiled patterns and lazy ones: imports only re
    "smartlint.parser": "parser",
    "smartlint.extract": "extract",
    "smartlint.facts": "facts",
    "smartlint.context": "facts",
    "smartlint.pace": "plan",
    "smartlint.plan": "plan",
    "smartlint.figures": "plan",
    "smartlint.history_fit": "plan",
    "smartlint.rules": "rules",
    "smartlint.objectives": "rules",
    "smartlint.engine": "engine",
    "smartlint.workers": "engine",  # the engine's worker processes (--jobs)
    "smartlint.rewrite": "engine",
    "smartlint.suppress": "engine",
    "smartlint.selection": "engine",
    "smartlint.understood": "engine",
    "smartlint.fixes": "engine",
    "smartlint.fixrun": "cli",
    "smartlint.reporters": "reporters",
    "smartlint.outputs": "cli",
    "smartlint.config": "cli",
    "smartlint.project": "cli",
    "smartlint.discover": "cli",
    "smartlint.gitignore": "cli",
    "smartlint.scope": "cli",
    "smartlint.ruledocs": "cli",
    "smartlint.server": "cli",  # the language server runs the project like the command line
    "smartlint.cli": "cli",
    "smartlint.__main__": "cli",
}

# (importer, imported) pairs allowed against the order, each with its reason.  Keep it empty
# unless a move would cost more than it clarifies.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> str | None:
    """Return the stage of a module by the longest entry of STAGE_OF that covers it."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        found = STAGE_OF.get(".".join(parts[:end]))
        if found is not None:
            return found
    return None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Return the package modules a module imports, outside ``if TYPE_CHECKING:``."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # "from smartlint import pace" imports a module
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name for name in found if name == "smartlint" or name.startswith("smartlint.")}


def test_every_module_has_a_stage() -> None:
    assert [m for m in MODULES if stage_of(m) is None] == []


def test_the_stages_are_the_known_ones() -> None:
    assert set(STAGE_OF.values()) <= set(STAGES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_later_stage(module: str) -> None:
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    own = stage_of(module)
    assert own is not None
    later = sorted(
        f"{name} ({stage_of(name)})"
        for name in _imports(tree, module, path.name == "__init__.py")
        if (module, name) not in EXCEPTIONS
        and STAGES.index(stage_of(name) or "base") > STAGES.index(own)
    )
    assert later == [], f"{module} ({own}) imports from a later stage"


def test_the_check_sees_a_later_import() -> None:
    tree = ast.parse("def f():\n    from smartlint.reporters.chart import draw_chart\n")
    assert _imports(tree, "smartlint.engine", False) == {"smartlint.reporters.chart"}


def test_type_checking_imports_are_left_out() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import smartlint.cli\n"
    assert _imports(ast.parse(source), "smartlint.model", False) == set()


def test_every_exception_is_still_needed() -> None:
    for importer, imported in EXCEPTIONS:
        path = MODULES[importer]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert imported in _imports(tree, importer, path.name == "__init__.py")
