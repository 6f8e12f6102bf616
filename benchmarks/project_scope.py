"""Benchmark: lint one file of a 200-file project, with its parents found in sibling files.

Makes a git project (a ``.git`` folder) of ``--files`` generated goal files of ``--goals``
goals each, every file linking some goals to a parent in ``company.yaml`` and to a goal of
the previous file, and times, as fresh subprocesses (median of ``--repeats``):

- one:     ``smartlint team-100.yaml``            (the default: the project's goal set)
- root:    ``smartlint --root . team-100.yaml``   (the goal set named explicitly)
- all:     ``smartlint .``                        (every file linted and reported)

``--before DIR`` runs the same commands against another source tree of smartlint (say an
export of main: ``git archive main | tar -x -C /tmp/before``), so that the figures before
and after a change come from the same sitting.  Ratios against ``all`` cancel the
machine's speed.

    python benchmarks/project_scope.py --before /tmp/before
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"
COMPANY = (
    "goals:\n"
    "  - id: company-2027\n"
    "    title: Tăng doanh thu từ 200 tỷ lên 250 tỷ đồng trước 31/12/2027\n"
    "    why: Nguồn vốn cho mở rộng chi nhánh\n"
)


def make_project(folder: Path, files: int, goals: int) -> str:
    """Write the project; return the name of the file the benchmark lints."""
    (folder / ".git").mkdir()
    (folder / "company.yaml").write_text(COMPANY, encoding="utf-8")
    for n in range(files):
        text = generate(goals, seed=n)
        # Ids unique across the project: each file's ids get the file's number.
        text = text.replace("id: ", f"id: t{n}-").replace("parent: ", f"parent: t{n}-")
        text += (
            f"  - id: t{n}-link\n"
            "    title: Increase demo requests from 40 to 50 by 31 March 2027\n"
            "    parent: company-2027\n"
        )
        if n:
            text += (
                f"  - id: t{n}-follow\n"
                "    title: Increase webinar sign-ups from 300 to 360 by 30 June 2027\n"
                f"    parent: t{n - 1}-link\n"
            )
        (folder / f"team-{n:03d}.yaml").write_text(text, encoding="utf-8")
    return f"team-{files // 2:03d}.yaml"


def timed(source: Path, cwd: Path, args: list[str], repeats: int) -> float:
    """Return the median wall time, in ms, of one smartlint command."""
    env = dict(os.environ, PYTHONPATH=str(source))
    command = [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", "concise", *args]
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    """Print the timings of each tree as a table, with ratios to linting the whole project."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--goals", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another smartlint source tree")
    options = parser.parse_args(argv)
    trees = [("after", ROOT)] + ([("before", options.before)] if options.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = make_project(folder, options.files, options.goals)
        print(f"{options.files} files x {options.goals + 2} goals; linting {one}")
        print(f"{'tree':<8}{'one (ms)':>10}{'--root (ms)':>13}{'all (ms)':>10}{'one/all':>9}")
        for name, source in trees:
            single = timed(source, folder, [one], options.repeats)
            rooted = timed(source, folder, ["--root", ".", one], options.repeats)
            whole = timed(source, folder, ["."], options.repeats)
            print(f"{name:<8}{single:>10.0f}{rooted:>13.0f}{whole:>10.0f}{single / whole:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
