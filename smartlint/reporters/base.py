"""What every reporter receives besides the report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import date
from pathlib import Path

from smartlint.model import Language, Report
from smartlint.records import record
from smartlint.rules.base import Rule


@record(slots=False)
class RenderContext:
    """Settings a reporter may need: enabled rules (for SARIF), colour, width, cwd."""

    rules: tuple[Rule, ...] = ()
    color: bool = False
    width: int | None = None
    cwd: Path = field(default_factory=Path.cwd)
    show_reading: bool = False
    show_tree: bool = False
    dated: date | None = None  # the date the command line gave (--today), else None
    show_info: bool = False  # list every info instead of folding them (--show-info, -v)
    quiet: bool = False  # the summary only (--quiet)
    language: Language | None = None  # the language --lang asked for, else each goal's


Render = Callable[[Report, RenderContext], str]
