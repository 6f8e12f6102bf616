"""The rule catalog: an explicit table, one module per SMART criterion plus file rules."""

from __future__ import annotations

from types import MappingProxyType

from smartlint.rules import (
    achievable,
    file,
    measurable,
    relevant,
    restated,
    specific,
    suppression,
    timebound,
)
from smartlint.rules.base import Rule

ALL_RULES: tuple[Rule, ...] = (
    *specific.RULES,
    *measurable.RULES,
    *restated.MEASURABLE,
    *achievable.RULES,
    *relevant.RULES,
    *timebound.RULES,
    *restated.TIME_BOUND,
    *file.RULES,
    *suppression.RULES,
)

RULES_BY_CODE = MappingProxyType({r.code: r for r in ALL_RULES})
RULES_BY_NAME = MappingProxyType({r.name: r for r in ALL_RULES})
