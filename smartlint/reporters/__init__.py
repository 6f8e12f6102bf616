"""Reporters turn a :class:`~smartlint.model.Report` into text; one module per format.

Each reporter module has ``render(report, ctx) -> str``.  The table below is explicit so
the CLI's ``--format`` choices cannot drift from what exists; modules are imported only
when their format is asked for, so a run pays for Rich only when it prints for a person.
"""

from __future__ import annotations

import importlib
from typing import cast

from smartlint.reporters.base import Render

FORMATS: dict[str, str] = {
    "pretty": "smartlint.reporters.pretty",
    "concise": "smartlint.reporters.concise",
    "json": "smartlint.reporters.json",
    "json-lines": "smartlint.reporters.jsonlines",
    "sarif": "smartlint.reporters.sarif",
    "github": "smartlint.reporters.github",
    "gitlab": "smartlint.reporters.gitlab",
    "junit": "smartlint.reporters.junit",
    "html": "smartlint.reporters.html",
}

MACHINE_FORMATS = frozenset(name for name in FORMATS if name != "pretty")
CHARTED_FORMATS = frozenset({"pretty"})  # the formats that draw each goal's history chart
# the formats that plot each goal's history and show what was read of it
PLOTTED_FORMATS = frozenset({"html"})


def renderer(name: str) -> Render:
    """Return the render function of a format named in :data:`FORMATS`."""
    module = importlib.import_module(FORMATS[name])
    return cast(Render, module.render)
