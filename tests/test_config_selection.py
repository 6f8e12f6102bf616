"""Rule selectors: codes, prefixes, names, criteria and ALL, layered like ruff's."""

from __future__ import annotations

import pytest

from smartlint.rules import ALL_RULES, RULES_BY_CODE
from smartlint.selection import Layer, SelectorError, resolve, select_rules, split_selectors


def test_split_selectors_accepts_commas_and_repeats() -> None:
    assert split_selectors(["T501, S", "A3", ""]) == ("T501", "S", "A3")


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("T501", {"T501"}),
        ("t501", {"T501"}),
        ("no-quantity", {"S101"}),
        ("ALL", {r.code for r in ALL_RULES}),
        ("T", {c for c in RULES_BY_CODE if c.startswith("T")}),
        ("A3", {c for c in RULES_BY_CODE if c.startswith("A3")}),
        ("time-bound", {c for c in RULES_BY_CODE if c.startswith("T")}),
    ],
)
def test_resolve(selector: str, expected: set[str]) -> None:
    assert resolve(selector, ALL_RULES) == expected


@pytest.mark.parametrize(
    ("selector", "hint"), [("T5O1", "'T501'"), ("no-quantty", "'no-quantity'")]
)
def test_unknown_selectors_suggest_the_closest(selector: str, hint: str) -> None:
    with pytest.raises(SelectorError, match=f"did you mean {hint}"):
        resolve(selector, ALL_RULES)


def test_layers_select_extend_and_ignore_in_order() -> None:
    config = Layer(select=("T",), ignore=("T502",))
    cli = Layer(extend_select=("T502", "S101"))
    codes = [r.code for r in select_rules([config, cli], ALL_RULES)]
    assert "T502" in codes and "S101" in codes and not any(c.startswith("M") for c in codes)
    assert [r.code for r in select_rules([config, Layer(select=("M201",))], ALL_RULES)] == ["M201"]
    assert select_rules([], ALL_RULES) == ALL_RULES
