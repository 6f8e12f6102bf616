"""The achievable factor has one default (context.Options), and A301's fix words the configured one."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from datetime import date
from pathlib import Path

from conftest import run_cli_in_process

from smartlint.config import OPTION_KEYS, Config
from smartlint.context import Options
from smartlint.project import Overrides, settings_for
from smartlint.rules import ALL_RULES, RULES_BY_CODE

DEFAULT_MENTION = re.compile(r"`([a-z]+(?:-[a-z]+)+)` \(default ([0-9.]+)\)")


def test_the_catalog_fix_words_the_default_factor() -> None:
    assert Options().achievable_factor == 2
    assert RULES_BY_CODE["A301"].fix == (
        "Lower the target to at most twice the best pace in the history."
    )


def test_the_fix_words_the_configured_factor() -> None:
    configured = RULES_BY_CODE["A301"].configured(Options(achievable_factor=3))
    assert configured.fix == "Lower the target to at most 3× the best pace in the history."
    assert configured.check is RULES_BY_CODE["A301"].check


def test_a_run_reports_the_fix_for_its_options() -> None:
    config = Config(root=Path("."), options=Options(achievable_factor=1.5))
    settings = settings_for(config, Overrides(), date(2027, 1, 15))
    [a301] = [r for r in settings.rules if r.code == "A301"]
    assert "at most 1.5× the best pace" in a301.fix


def test_rules_without_a_worded_fix_stay_as_they_are() -> None:
    options = Options(achievable_factor=3)
    assert [r for r in ALL_RULES if r.fix_for is None and r.configured(options) is not r] == []


def test_every_default_the_docs_name_is_the_options_default() -> None:
    defaults = {f.name: f.default for f in fields(Options)}
    named = [
        (rule.code, key, float(value))
        for rule in ALL_RULES
        for key, value in DEFAULT_MENTION.findall(rule.doc)
        if key in OPTION_KEYS
    ]
    assert named, "the option docs name their defaults"
    assert [(c, k, v) for c, k, v in named if defaults[OPTION_KEYS[k]] != v] == []


def test_sarif_help_words_the_configured_factor(tmp_path: Path) -> None:
    (tmp_path / ".smartlint.yaml").write_text("achievable-factor: 3\n", encoding="utf-8")
    goals = tmp_path / "goals.yaml"
    goals.write_text(
        (Path(__file__).parent.parent / "examples" / "goals.en.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    done = run_cli_in_process("--today", "2027-01-15", "-f", "sarif", str(goals))
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    [a301] = [r for r in rules if r["id"] == "A301"]
    assert a301["help"]["text"] == "Lower the target to at most 3× the best pace in the history."
