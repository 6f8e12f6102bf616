"""docs/rules.md is generated from the catalog and must not drift from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from smartlint.ruledocs import rule_reference
from smartlint.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent


def test_rule_reference_is_in_sync_with_the_catalog() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rule_reference(), "run: python scripts/gen_rule_docs.py"


def test_every_rule_has_its_section() -> None:
    text = rule_reference()
    for rule in ALL_RULES:
        assert f"### {rule.code} {rule.name}\n" in text
        assert f"**Fix:** {rule.fix}" in text
    assert "#### What it does" in text and "\n## What it does" not in text


def test_the_script_checks() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
