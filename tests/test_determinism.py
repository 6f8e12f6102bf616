"""Determinism: the same input gives byte-identical output in every format.

Whatever the run, the hash seed, the locale, or the order the files were created on disk
(which is the order a directory lists them in on most file systems).  Every format in
:data:`smartlint.reporters.FORMATS` is checked, read at test time so new formats are covered
the day they are added.  Each variant is one run writing every format (``--report``), so the
suite spawns one process per variant, not one per variant and format.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from smartlint.reporters import FORMATS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

TODAY = "2027-01-15"

CROSS_FILE = {
    "team/links.yaml": (
        "goals:\n"
        "  - id: newsletter\n"
        "    title: Reach 50,000 newsletter subscribers by 31 July 2027\n"
        "    parent: arr-2027\n"
        "  - id: loop-a\n"
        "    title: Tăng doanh thu lên 10% trong quý 3 năm 2027\n"
        "    parent: loop-b\n"
        "  - id: loop-b\n"
        "    title: Tăng số đơn hàng lên 5% hàng tháng\n"
        "    parent: loop-a\n"
        "  - id: revenue-2027\n"
        "    title: Grow revenue by 10% vs last quarter by the end of Q3 2027\n"
        "    why: Runway\n"
    ),
    "team/dupe.yaml": (
        "goals:\n"
        "  - id: newsletter\n"
        "    title: Double demo requests within 2 months\n"
        "    parent: revenue-2027\n"
        "  - Improve the blog\n"
    ),
    "team/broken.yaml": "goals:\n  - title: 'unclosed\n",
    "team/nested/deeper/plan.yml": (
        "- Tăng số lượng người ghé thăm trang blog\n"
        "- title: Nâng tỷ lệ chuyển đổi từ 1,8% lên 2,2% trong quý 2 năm 2027\n"
        "  parent: loop-a\n"
    ),
}


def _plan_files() -> dict[str, bytes]:
    """Return every file of the test plan: examples, the seed corpus, a generated plan, links."""
    files = {
        "examples/goals.yaml": (ROOT / "examples" / "goals.yaml").read_bytes(),
        "examples/goals.en.yaml": (ROOT / "examples" / "goals.en.yaml").read_bytes(),
        "corpus/seed-goals.yaml": (ROOT / "tests/data/corpus/seed-goals.yaml").read_bytes(),
        "generated/a.yaml": generate(150, seed=1).encode("utf-8"),
        "generated/b.yaml": generate(150, seed=2).encode("utf-8"),
    }
    files.update({name: text.encode("utf-8") for name, text in CROSS_FILE.items()})
    return files


def _create(root: Path, names: list[str], files: dict[str, bytes]) -> None:
    """Create the files in the given order, with distinct mtimes in that order."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    for i, name in enumerate(names):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        stamp = time.time() - 1000 + i
        os.utime(path, (stamp, stamp))


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "PYTHONHASHSEED", "SMARTLINT", "GITHUB_", "CI_"))
        and k not in ("LANG", "LANGUAGE", "COLUMNS", "NO_COLOR", "FORCE_COLOR")
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def _output(cwd: Path, env: dict[str, str], paths: list[str], fmt: str) -> tuple[int, bytes]:
    """Run one format over the paths; return its exit status and stdout bytes."""
    done = subprocess.run(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", fmt, *paths],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    assert done.returncode in (0, 1, 2), done.stderr.decode()
    assert done.stdout, f"{fmt} printed nothing"
    return done.returncode, done.stdout


def _locales() -> list[str]:
    """Return the locales to compare: C, and whichever UTF-8 locales this machine has."""
    try:
        listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10)
        available = set(listed.stdout.split())
    except (OSError, subprocess.SubprocessError):
        available = set()
    wanted = ["C", "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", "vi_VN.UTF-8", "vi_VN.utf8"]
    return [name for name in wanted if name == "C" or name in available]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Create the plan twice under the same name: files in sorted, then in reverse order."""
    files = _plan_files()
    forward = tmp_path_factory.mktemp("forward") / "plans"
    backward = tmp_path_factory.mktemp("backward") / "plans"
    _create(forward, sorted(files), files)
    _create(backward, sorted(files, reverse=True), files)
    return forward, backward


PINNED = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}


def test_formats_are_read_from_the_registry() -> None:
    """The core formats are registered; the test below checks every registered one."""
    assert {"pretty", "concise", "json"} <= set(FORMATS)


@dataclass(frozen=True)
class Run:
    """One variant's run: its exit status, the format it printed, and every format's bytes."""

    status: int
    printed: str
    stdout: bytes
    reports: dict[str, bytes]


def _run_every_format(cwd: Path, env: dict[str, str], printed: str, out: Path) -> Run:
    """Lint the plan once, printing one format and writing every format to a file in ``out``."""
    reports = [arg for fmt in FORMATS for arg in ("--report", f"{fmt}:{out / fmt}")]
    status, stdout = _output(cwd, env, [*reports, "."], printed)
    return Run(status, printed, stdout, {fmt: (out / fmt).read_bytes() for fmt in FORMATS})


def _runs(forward: Path, backward: Path, out: Path) -> dict[str, Run]:
    """Run every variant once, back to back: another run, hash seeds, locales, creation order.

    Each run prints a different format on stdout (in turn), which must match its file.
    """
    variants = {"reference": (forward, _env(**PINNED)), "second run": (forward, _env(**PINNED))}
    for seed in ("1", "4242", "random"):
        variants[f"PYTHONHASHSEED={seed}"] = (forward, _env(PYTHONHASHSEED=seed, LC_ALL="C.UTF-8"))
    for name in _locales():
        variants[f"LC_ALL={name}"] = (forward, _env(PYTHONHASHSEED="0", LC_ALL=name, LANG=name))
    variants["files created in reverse order"] = (backward, _env(**PINNED))
    formats = list(FORMATS)
    runs = {}
    for i, (label, (cwd, env)) in enumerate(variants.items()):
        (out / str(i)).mkdir()
        runs[label] = _run_every_format(cwd, env, formats[i % len(formats)], out / str(i))
    return runs


def test_every_format_is_byte_identical(plans: tuple[Path, Path], tmp_path: Path) -> None:
    """Same bytes in every format across runs, hash seeds, locales and creation order on disk.

    One test, not one per format: the variants' runs are shared by every format, and a
    module fixture would run again on every worker that got one of the formats.
    """
    runs = _runs(*plans, tmp_path)
    reference = runs["reference"]
    assert reference.status in (1, 2)  # the plan has problems: the output is not trivially empty
    differences = []
    for fmt in FORMATS:
        if not reference.reports[fmt]:
            differences.append(f"{fmt} wrote nothing")
        for label, run in runs.items():
            if run.reports[fmt] != reference.reports[fmt]:
                differences.append(f"{fmt} differs with {label}")
            if run.printed == fmt and run.stdout != run.reports[fmt]:
                differences.append(f"{fmt} on stdout is not its file ({label})")
    assert not differences, "\n".join(differences)
    assert {label: run.status for label, run in runs.items()} == dict.fromkeys(
        runs, reference.status
    )


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_paths_named_one_by_one(plans: tuple[Path, Path], fmt: str) -> None:
    """Files named one by one (as a shell glob passes them) lint the same in both trees."""
    if fmt not in FORMATS:
        pytest.skip(f"no {fmt} format")
    forward, backward = plans
    names = sorted(str(p.relative_to(forward)) for p in forward.rglob("*.y*ml"))
    first = _output(forward, _env(**PINNED), names, fmt)
    assert _output(backward, _env(PYTHONHASHSEED="7", LC_ALL="C"), names, fmt) == first
