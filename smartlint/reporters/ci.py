"""What the CI formats share: repository-relative paths and line-independent fingerprints."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from smartlint.model import Finding, Report


def relative_path(path: str, cwd: Path) -> str:
    """Return a path relative to ``cwd`` with forward slashes, as CI tools resolve them."""
    if path == "-":
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(cwd)
        except ValueError:
            rel = os.path.relpath(candidate, cwd)
            candidate = Path(rel) if not rel.startswith("..") else candidate
    text = candidate.as_posix()
    return text[2:] if text.startswith("./") else text


def fingerprints(report: Report, cwd: Path) -> list[str]:
    """Return one stable, unique fingerprint per finding of the report, in report order.

    The key is the file, the code, the goal (its id, else its title) and the field, never a
    line number, so a finding keeps its fingerprint when lines move above it; an occurrence
    counter separates findings that share a key.
    """
    titles = {g.goal.index: (g.goal.title.value if g.goal.title else "") for g in report.goals}
    seen: dict[str, int] = {}
    result = []
    for finding in report.findings:
        key = "\x1f".join(
            (
                relative_path(finding.path, cwd),
                finding.code,
                _goal_key(finding, titles),
                finding.field or "",
            )
        )
        count = seen.get(key, 0)
        seen[key] = count + 1
        result.append(hashlib.sha256(f"{key}\x1f{count}".encode()).hexdigest()[:32])
    return result


def _goal_key(finding: Finding, titles: dict[int, str]) -> str:
    if finding.goal_id is not None:
        return "id:" + finding.goal_id
    if finding.goal_index is not None:
        return "title:" + titles.get(finding.goal_index, "")
    return "file"
