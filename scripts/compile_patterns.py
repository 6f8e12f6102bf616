"""Write smartlint/data/compiled-patterns.marshal; ``--check`` exits 1 when it is out of date.

The table holds, for every regular expression smartlint's source defines, what this
interpreter's ``re`` compiler hands its engine (see smartlint/patterns.py).  Run it after
changing a pattern, with the Python that CI runs (the table is used only by the interpreter
that wrote it; any other compiles the patterns as usual):

    python scripts/compile_patterns.py
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import smartlint  # noqa: E402
from smartlint import patterns  # noqa: E402

# The language server's patterns stay out: it needs the optional pygls, and its start-up
# is paid once per editor session, not once per run.
LEFT_OUT = ("smartlint.server", "smartlint.__main__")


def wanted() -> frozenset[tuple[str, int]]:
    """Import every module of the package and return every pattern they define."""
    for module in pkgutil.walk_packages(smartlint.__path__, "smartlint."):
        if not module.name.startswith(LEFT_OUT):
            importlib.import_module(module.name)
    return patterns.requested()


def main(argv: list[str]) -> int:
    """Rewrite the table, or only compare it with what this interpreter would write."""
    table = patterns.build_table(wanted())
    target = patterns.TABLE_PATH
    if "--check" in argv:
        current = target.read_bytes() if target.exists() else b""
        if not current or patterns.read_table(current) != patterns.read_table(table):
            print(f"{target.relative_to(ROOT)} is out of date; run scripts/compile_patterns.py")
            return 1
        return 0
    target.write_bytes(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
