"""Determinism: the same input gives byte-identical output in every format.

Whatever the run, the hash seed, the locale, or the order the files were created on disk
(which is the order a directory lists them in on most file systems).  Every format in
:data:`smartlint.reporters.FORMATS` is checked, read at test time so new formats are covered
the day they are added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


def _outputs(cwd: Path, env: dict[str, str], paths: list[str]) -> dict[str, tuple[int, bytes]]:
    """Run every format over the paths; return each format's exit status and stdout bytes."""
    out = {}
    for name in FORMATS:
        done = subprocess.run(
            [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", name, *paths],
            capture_output=True,
            cwd=cwd,
            env=env,
            timeout=120,
        )
        assert b"Traceback" not in done.stderr, done.stderr.decode()
        assert done.returncode in (0, 1, 2), done.stderr.decode()
        assert done.stdout, f"{name} printed nothing"
        out[name] = (done.returncode, done.stdout)
    return out


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
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Create the plan once, in sorted order."""
    root = tmp_path_factory.mktemp("determinism") / "plans"
    files = _plan_files()
    _create(root, sorted(files), files)
    return root


@pytest.fixture(scope="module")
def reference(plan: Path) -> dict[str, tuple[int, bytes]]:
    """Lint the plan once with a pinned hash seed and locale: what every variant must equal."""
    return _outputs(plan, _env(PYTHONHASHSEED="0", LC_ALL="C.UTF-8"), ["."])


def test_formats_are_read_from_the_registry(reference: dict[str, tuple[int, bytes]]) -> None:
    """Every registered format was run, and the run found problems (exit 1 or 2)."""
    assert set(reference) == set(FORMATS)
    assert {"pretty", "concise", "json"} <= set(reference)
    assert all(status in (1, 2) for status, _ in reference.values())


def test_two_runs_are_identical(plan: Path, reference: dict[str, tuple[int, bytes]]) -> None:
    """Running twice gives the same bytes in every format."""
    assert _outputs(plan, _env(PYTHONHASHSEED="0", LC_ALL="C.UTF-8"), ["."]) == reference


@pytest.mark.parametrize("seed", ["1", "4242", "random"])
def test_hash_seed_does_not_matter(
    plan: Path, reference: dict[str, tuple[int, bytes]], seed: str
) -> None:
    """Set and dict iteration order never leaks into the output."""
    assert _outputs(plan, _env(PYTHONHASHSEED=seed, LC_ALL="C.UTF-8"), ["."]) == reference


@pytest.mark.parametrize("locale_name", _locales())
def test_locale_does_not_matter(
    plan: Path, reference: dict[str, tuple[int, bytes]], locale_name: str
) -> None:
    """Sorting, number formats and output encoding do not follow the locale."""
    env = _env(PYTHONHASHSEED="0", LC_ALL=locale_name, LANG=locale_name)
    assert _outputs(plan, env, ["."]) == reference


def test_creation_order_on_disk_does_not_matter(
    plan: Path, reference: dict[str, tuple[int, bytes]]
) -> None:
    """The same files created in reverse order (same paths) give the same output."""
    files = _plan_files()
    try:
        _create(plan, sorted(files, reverse=True), files)
        again = _outputs(plan, _env(PYTHONHASHSEED="0", LC_ALL="C.UTF-8"), ["."])
    finally:
        _create(plan, sorted(files), files)
    assert again == reference


def test_paths_given_in_any_order_name_the_same_files(plan: Path) -> None:
    """Files named one by one lint the same whichever way the shell expanded the glob."""
    names = sorted(str(p.relative_to(plan)) for p in plan.rglob("*.y*ml"))
    env = _env(PYTHONHASHSEED="0", LC_ALL="C.UTF-8")
    forward = _outputs(plan, env, names)
    again = _outputs(plan, _env(PYTHONHASHSEED="7", LC_ALL="C"), names)
    assert forward == again
