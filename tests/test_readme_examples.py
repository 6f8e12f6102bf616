"""The README's example runs are real: every line it shows is printed, in that order.

A ``console`` block that starts with ``$ smartlint …`` is run through the CLI at 100
columns; the block's lines (``…`` stands for lines left out) must appear in the output in
the order shown.  A change to the report that the README does not follow fails here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartlint.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ (smartlint [^\n]*)\n(.*?)```", README, re.S)


def test_the_readme_shows_example_runs() -> None:
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize(("command", "shown"), BLOCKS, ids=[c for c, _ in BLOCKS])
def test_readme_example_is_the_real_output(
    command: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    printed = result.stdout.splitlines()
    at = 0
    for line in shown.splitlines():
        if not line.strip() or line.strip() == "…":
            continue
        while at < len(printed) and printed[at].rstrip() != line.rstrip():
            at += 1
        assert at < len(printed), f"README line not printed (in order) by `{command}`: {line!r}"
        at += 1
