"""``--statistics``: how many findings each rule gave, as ruff prints them.

One line per code, most frequent first (then by code): the count right-aligned, the code,
the rule's name.  With ``--format json`` the same rows as a JSON array of objects.
"""

from __future__ import annotations

import json
from collections import Counter

from smartlint.model import Report


def rows(report: Report) -> list[tuple[int, str, str]]:
    """Return (count, code, name) per code, most frequent first, then by code."""
    counts = Counter((f.code, f.name) for f in report.findings)
    return sorted(((n, code, name) for (code, name), n in counts.items()), key=_order)


def _order(row: tuple[int, str, str]) -> tuple[int, str]:
    return (-row[0], row[1])


def render_statistics(report: Report, *, as_json: bool = False) -> str:
    """Render the counts per code as text columns, or as JSON when ``as_json``."""
    found = rows(report)
    if as_json:
        records = [{"code": code, "name": name, "count": n} for n, code, name in found]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if not found:
        return ""
    count_w = max(len(str(n)) for n, _, _ in found)
    code_w = max(len(code) for _, code, _ in found)
    return "".join(f"{n:>{count_w}}\t{code:<{code_w}}\t{name}\n" for n, code, name in found)
