"""Which rules offer a fix, and of which kind: what ``--list-rules`` and the rule docs show."""

from __future__ import annotations

from smartlint.model import FixSafety

SAFE, UNSAFE = FixSafety.SAFE, FixSafety.UNSAFE

# The rules whose failing findings may carry the goal's suggested rewrite (an unsafe fix,
# offered only when the rewrite holds no <placeholder>).
REWRITE_RULES = frozenset(
    {
        "S101",
        "S102",
        "S103",
        "S104",
        "M201",
        "M202",
        "M203",
        "M204",
        "M205",
        "M206",
        "M207",
        "M208",
        "A304",
        "T501",
        "T502",
        "T503",
        "T504",
        "T505",
        "T507",
        "T509",
    }
)

_OWN: dict[str, tuple[FixSafety, str]] = {
    "T506": (SAFE, "writes the year smartlint assumed after the month or quarter"),
    "A301": (UNSAFE, "lowers the target to the level the history makes reachable"),
    "M209": (SAFE, "writes the baseline the file gives into the sentence"),
    "T520": (SAFE, "writes the deadline field's date into the sentence"),
    "F090": (SAFE, "removes a suppression comment none of whose rules it suppresses"),
}

_REWRITE = "replaces the sentence with the suggested rewrite, when it holds no placeholder"


def fix_kind(code: str) -> FixSafety | None:
    """Return the kind of fix a rule offers, or None when it offers none."""
    if code in _OWN:
        return _OWN[code][0]
    return UNSAFE if code in REWRITE_RULES else None


def fix_note(code: str) -> str:
    """Return one line for a rule's docs: whether it has a fix, which kind, what it does."""
    if code in _OWN:
        kind, what = _OWN[code]
        return f"{kind.value} fix: {what}."
    if code in REWRITE_RULES:
        return f"unsafe fix, sometimes: {_REWRITE}."
    return "none: the author has to decide how to mend it."


def fix_column(code: str) -> str:
    """Return the ``--list-rules`` cell: safe, unsafe or -."""
    kind = fix_kind(code)
    return kind.value if kind is not None else "-"
