"""--jobs N: worker processes change nothing a user sees but the time a big run takes.

Every test goes through the real command line.  The runs are just above the worker
threshold, so that the workers really start (a test checks that they do).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from smartlint import workers
from smartlint.engine import FactsTable, RunSettings
from smartlint.model import Language
from smartlint.parser import parse_text
from smartlint.reporters import FORMATS

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate

TODAY = "2027-01-15"
GOALS = workers.WORKER_THRESHOLD + 100  # a run big enough to start workers

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="workers need fork")


def _project(tmp_path: Path) -> Path:
    """Write a project of several goal files, one of them broken, and return its directory."""
    project = tmp_path / "project"
    project.mkdir()
    text = generate(GOALS)
    half = text.index("\n  - ", len(text) // 2)  # split between two top-level goals
    (project / "a.yaml").write_text(text[:half] + "\n", encoding="utf-8")
    (project / "b.yaml").write_text("goals:" + text[half:], encoding="utf-8")
    (project / "c.yaml").write_text(generate(30, seed=7), encoding="utf-8")
    (project / "broken.yaml").write_text("goals:\n  - title: [unclosed\n", encoding="utf-8")
    return project


def _lint(
    args: list[str], jobs: int, out: Path
) -> tuple[subprocess.CompletedProcess[str], dict[str, bytes]]:
    """Run the CLI with every format written as a report; return the run and the reports."""
    out.mkdir()
    reports = [f"--report={fmt}:{out / fmt}" for fmt in FORMATS]
    run = run_cli("--today", TODAY, "--jobs", str(jobs), "--isolated", *reports, *args)
    return run, {fmt: (out / fmt).read_bytes() for fmt in FORMATS}


@pytest.mark.parametrize("shape", ["multi-file project", "one big file"])
def test_output_is_byte_identical_whatever_the_number_of_jobs(tmp_path: Path, shape: str) -> None:
    if shape == "one big file":
        target = tmp_path / "goals.yaml"
        target.write_text(generate(GOALS), encoding="utf-8")
    else:
        target = _project(tmp_path)
    one, one_reports = _lint(["-f", "concise", str(target)], 1, tmp_path / "one")
    two, two_reports = _lint(["-f", "concise", str(target)], 2, tmp_path / "two")
    assert one.stdout.count("\n") > GOALS  # a real run: many findings
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    for fmt in FORMATS:
        assert two_reports[fmt] == one_reports[fmt], fmt
    if shape == "multi-file project":  # the broken file is reported the same way, others linted
        assert "broken.yaml" in one.stdout and "a.yaml" in one.stdout


def test_pretty_stdout_is_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    target = tmp_path / "goals.yaml"
    target.write_text(generate(GOALS), encoding="utf-8")
    runs = [
        run_cli("--today", TODAY, "--isolated", "--color", "never", "-j", j, str(target))
        for j in ("1", "2")
    ]
    assert runs[0].stdout and runs[1].stdout == runs[0].stdout
    assert runs[1].returncode == runs[0].returncode == 1


def test_a_big_run_starts_workers_and_a_small_one_does_not(tmp_path: Path) -> None:
    """Count the processes forked by a run (the interpreter's fork hook runs in each child)."""
    probe = (
        "import os, sys\n"
        "from smartlint.cli import main\n"
        "os.register_at_fork(after_in_child=lambda: os.write(2, b'forked\\n'))\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    big = tmp_path / "big.yaml"
    big.write_text(generate(GOALS), encoding="utf-8")
    small = tmp_path / "small.yaml"
    small.write_text(generate(workers.WORKER_THRESHOLD // 2), encoding="utf-8")

    def forks(path: Path, jobs: str) -> int:
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                probe,
                "--today",
                TODAY,
                "--isolated",
                "-q",
                "-j",
                jobs,
                str(path),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert run.returncode == 1, run.stderr
        return run.stderr.count("forked")

    assert forks(big, "2") == 2
    assert forks(big, "1") == 0
    assert forks(small, "2") == 0


def test_workers_that_drop_their_facts_print_the_same(tmp_path: Path) -> None:
    """With FACTS_KEPT set low, each share drops the facts of the shares before it (but the
    parents'): the report is the one a run without workers prints."""
    probe = (
        "import os, sys\n"
        "from smartlint import engine, workers\n"
        "from smartlint.cli import main\n"
        "workers.FACTS_KEPT = 30\n"
        "forget = engine.FactsTable.forget\n"
        "def counted(self, keep=()):\n"
        "    os.write(2, b'forgot\\n')\n"
        "    forget(self, keep)\n"
        "engine.FactsTable.forget = counted\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    target = tmp_path / "goals.yaml"
    target.write_text(generate(GOALS), encoding="utf-8")
    args = ["--today", TODAY, "--isolated", "-f", "json", str(target)]
    low = subprocess.run(
        [sys.executable, "-c", probe, "-j", "2", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    plain = run_cli("-j", "1", *args)
    assert low.stderr.count("forgot") >= 4, low.stderr  # most shares dropped facts
    assert (low.returncode, low.stdout) == (plain.returncode, plain.stdout)


def test_facts_a_worker_forgets_are_built_again_and_those_it_keeps_are_not() -> None:
    goals = parse_text(generate(6), "goals.yaml").goals
    table = FactsTable(
        goals, dict.fromkeys((g.index for g in goals), Language.EN), RunSettings(date(2027, 1, 15))
    )
    first = [table(g.index) for g in goals]
    assert len(table) == len(goals)
    table.forget(keep={goals[0].index})
    assert len(table) == 1
    assert table(goals[0].index) is first[0]  # kept: the same value, not read again
    again = table(goals[1].index)
    assert again is not first[1] and again == first[1]  # read again, to the same facts


def test_a_worker_that_dies_is_an_internal_error_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "goals.yaml"
    target.write_text(generate(GOALS), encoding="utf-8")
    crash = (
        "import os, sys\n"
        "import smartlint.engine as engine\n"
        "from smartlint.cli import main\n"
        "engine.goal_result = lambda *a: os._exit(9)  # only workers check goals in this run\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", crash, "--today", TODAY, "--isolated", "-j", "2", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("smartlint: error: internal error:"), lines
    assert "BrokenProcessPool" in lines[0]


def test_jobs_must_be_positive() -> None:
    run = run_cli("--jobs", "0", "examples/goals.en.yaml")
    assert run.returncode == 2
    assert run.stderr == "smartlint: error: --jobs 0: give 1 or more worker processes\n"


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_leaves_no_worker_behind(tmp_path: Path) -> None:
    target = tmp_path / "goals.yaml"
    target.write_text(generate(4 * GOALS), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "--isolated", "-j", "2", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,  # its own process group, as a shell gives a command
        # Python turns SIGINT into KeyboardInterrupt only when it finds the default action
        # (a background job of a script inherits "ignore").
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    children: set[int] = set()
    while not children and proc.poll() is None:  # the run itself ends the wait, busy or not
        time.sleep(0.05)
        children = _children(proc.pid)
    if not children:
        proc.kill()
        pytest.skip("the run ended before its workers could be seen")
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends the whole group on Ctrl-C
    _, err = proc.communicate(timeout=60)
    # As a run without workers: typer's exit for Ctrl-C.  On a busy machine the signal can
    # land while the interpreter already shuts down (the run had finished): Python then dies
    # of the signal and may print its own "Exception ignored in … threading" note; neither
    # is smartlint's traceback, and neither leaves a worker behind.
    late = "Exception ignored in" in err and "threading" in err
    assert proc.returncode == 130 or (proc.returncode in (-signal.SIGINT, 1) and late), err
    if not late:
        assert "Traceback" not in err and "Error" not in err, err
    alive = children
    for _ in range(1200):  # workers left over would never go; ones exiting go in milliseconds
        alive = {pid for pid in alive if Path(f"/proc/{pid}").exists()}
        if not alive:
            break
        time.sleep(0.05)
    assert not alive
