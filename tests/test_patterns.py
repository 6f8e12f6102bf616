"""The table of compiled patterns makes runs faster, never different (smartlint/patterns.py)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from smartlint import patterns
from tests.conftest import ROOT

HEADER, ENTRIES = patterns.read_table(patterns.TABLE_PATH.read_bytes())
WRITTEN_HERE = patterns.interpreter() == HEADER


@pytest.mark.skipif(not WRITTEN_HERE, reason="the table was written by another interpreter")
def test_the_table_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_patterns.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(not WRITTEN_HERE, reason="the table was written by another interpreter")
def test_every_entry_compiles_to_what_re_compiles() -> None:
    """The engine compares patterns by source, flags and opcodes: equal is the same program."""
    assert len(ENTRIES) > 100
    for source, flags, _ in ENTRIES:
        ours = patterns.compile_pattern(source, flags)
        theirs = re.compile(source, flags)
        assert ours == theirs, source
        assert (ours.groups, ours.groupindex, ours.flags) == (
            theirs.groups,
            theirs.groupindex,
            theirs.flags,
        ), source


@pytest.mark.skipif(not WRITTEN_HERE, reason="the table was written by another interpreter")
def test_an_entry_is_not_compiled_again() -> None:
    source, flags, _ = ENTRIES[0]
    re.purge()
    calls: list[str] = []
    real = re._compile  # type: ignore[attr-defined]

    def counting(pattern: str, flags: int) -> re.Pattern[str]:
        calls.append(pattern)
        return real(pattern, flags)  # type: ignore[no-any-return]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(re, "_compile", counting)
        patterns.compile_pattern(source, flags)
        assert calls == []
        patterns.compile_pattern(source + "(?:)", flags)  # not in the table
        assert calls == [source + "(?:)"]


def test_another_interpreters_table_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags, _ = ENTRIES[0]
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "interpreter", lambda: ("pypy", 0, 0, 0))
    assert patterns._load() == {}
    assert patterns.compile_pattern(source, flags) == re.compile(source, flags)


def test_a_damaged_table_falls_back_to_re(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    broken = tmp_path / "broken.marshal"  # type: ignore[operator]
    broken.write_bytes(b"\x00not a table")
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "TABLE_PATH", broken)
    assert patterns._load() == {}
    assert patterns.compile_pattern(r"(?P<x>a+)b", re.I) == re.compile(r"(?P<x>a+)b", re.I)


def test_an_entry_the_engine_refuses_falls_back_to_re(monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"(?P<y>\d{4})"
    bad = (source, 0, b"\xff\xff\xff\xff", 0, {}, (None,))  # opcodes the engine refuses
    monkeypatch.setattr(patterns, "_table", {(source, 0): bad})
    assert patterns.compile_pattern(source) == re.compile(source)


def test_lazy_patterns_are_known_before_their_first_use() -> None:
    lazy = patterns.Lazy(r"never-used-\d+", re.I)
    assert (r"never-used-\d+", int(re.I)) in patterns.requested()
    assert lazy.fullmatch("NEVER-USED-7") is not None
