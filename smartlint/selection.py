"""Choose rules by selectors: ``ALL``, codes, code prefixes (``T``, ``A3``), names, criteria.

Selection works in layers, as ruff's does: the configuration file first, then the command
line.  A layer with ``select`` starts over from what it selects; ``extend-select`` adds to
what came before; ``ignore`` removes.  The last layer to mention a rule wins.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from smartlint.model import Criterion
from smartlint.patterns import Lazy
from smartlint.records import record
from smartlint.rules.base import Rule

_PREFIX = Lazy(r"^[A-Z][0-9]{0,3}$")


class SelectorError(ValueError):
    """A selector that names no rule."""


@record(slots=False)
class Layer:
    """One source of selection (a config file or the command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Split comma-separated, repeatable option values into single selectors."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def resolve(selector: str, catalog: Sequence[Rule]) -> frozenset[str]:
    """Return the codes a selector names, or raise :class:`SelectorError` with a hint."""
    token = selector.strip()
    if token.upper() == "ALL":
        return frozenset(r.code for r in catalog)
    upper = token.upper()
    if _PREFIX.match(upper):
        found = frozenset(r.code for r in catalog if r.code.startswith(upper))
        if found:
            return found
    lower = token.lower()
    by_name = frozenset(r.code for r in catalog if r.name == lower)
    if by_name:
        return by_name
    criterion = lower.replace("-", "_")
    if criterion in {c.value for c in Criterion}:
        return frozenset(r.code for r in catalog if r.criterion.value == criterion)
    raise SelectorError(f"unknown rule selector {token!r}{did_you_mean(token, catalog)}")


_LOOK_ALIKE = str.maketrans("OoIlS", "00115")


def did_you_mean(token: str, catalog: Sequence[Rule]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest code or name, or an empty string."""
    names = [r.code for r in catalog] + [r.name for r in catalog]
    # a letter typed for the digit it looks like ("T5O1", "A3l1") is the likeliest slip
    alike = token[:1].upper() + token[1:].translate(_LOOK_ALIKE)
    if alike != token and alike in names:
        return f" (did you mean {alike!r}?)"
    close = difflib.get_close_matches(token, names, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(token.upper(), names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def matches(selectors: Iterable[str], catalog: Sequence[Rule]) -> frozenset[str]:
    """Return the union of the codes several selectors name."""
    codes: set[str] = set()
    for selector in selectors:
        codes |= resolve(selector, catalog)
    return frozenset(codes)


def select_rules(layers: Sequence[Layer], catalog: Sequence[Rule]) -> tuple[Rule, ...]:
    """Apply the layers in order and return the enabled rules in catalog order."""
    enabled = {r.code for r in catalog}
    for layer in layers:
        if layer.select is not None:
            enabled = set(matches(layer.select, catalog))
        enabled |= matches(layer.extend_select, catalog)
        enabled -= matches(layer.ignore, catalog)
    return tuple(r for r in catalog if r.code in enabled)
