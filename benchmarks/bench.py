"""The smartlint benchmark: lint time and memory against the YAML floor and against yamllint.

Every figure is a ratio measured in the same run, on the same generated file, so the
machine's speed cancels out:

- floor: a ``python -c`` that only composes the file with PyYAML's C loader
  (``yaml.compose(text, Loader=yaml.CSafeLoader)``) — what every YAML tool pays;
- yamllint: ``python -m yamllint -d default -f parsable`` — the nearest peer;
- smartlint: ``python -m smartlint --today 2027-01-15 -f concise`` (worker processes on every
  core above 500 goals), and on the larger files ``--jobs 1`` as well (one process).

Each is a fresh subprocess; wall time is the median over repeats, peak memory the child's
``ru_maxrss`` (from ``os.wait4``): with worker processes, that of the largest process of the
run, not their sum (forked workers share most of their pages with the main process).  A 20-goal file measures start-up cost.

    python benchmarks/bench.py            # 20, 10,000 and 100,000 goals (a few minutes)
    python benchmarks/bench.py --quick    # 20 and 2,000 goals, fewer repeats (seconds)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"
FLOOR = (
    "import sys, yaml\n"
    "with open(sys.argv[1], 'rb') as f:\n"
    "    yaml.compose(f.read().decode('utf-8'), Loader=yaml.CSafeLoader)\n"
)

# What any typer-and-PyYAML command pays before its own code runs: the interpreter, the two
# imports, and typer turning smartlint's own command signature into a parser.  Measured on
# the small file only, to show how much of the start-up budget the stack leaves.
STACK = (
    "import gc\ngc.disable()\nimport yaml, typer\nimport smartlint.cli as cli\n"
    "gc.freeze()\ngc.enable()\ntyper.main.get_command(cli.app)\n"
)  # imported as smartlint.__main__.run imports: with the collector paused
STACK_TOOL = "typer+PyYAML+smartlint imports"
BARE_STACK = "import yaml, typer\n"
BARE_STACK_TOOL = "typer+PyYAML imports"

# The same command line with the parser's file-size cap lifted, for files above it.
LIFTED = (
    "import gc\ngc.disable()\n"  # as smartlint.__main__.run starts
    "import smartlint.parser as parser\n"
    "parser.MAX_FILE_BYTES = 1 << 40\n"
    "from smartlint.__main__ import run\n"
    "raise SystemExit(run())\n"
)
LIFTED_TOOL = "smartlint, size cap lifted"

# The targets, as ratios to the floor / to yamllint, and memory in MB.
TARGET_VS_FLOOR = 3.0  # at 10,000 goals (aim: 2.0), issue 13
ONE_PROCESS_TOOL = "smartlint --jobs 1"
TARGET_STARTUP_VS_YAMLLINT = 1.3  # the 20-goal file
STARTUP_GOALS = 20
TARGET_PEAK_MB = 1024  # at 100,000 goals


@dataclass(frozen=True)
class Sample:
    """One tool on one file: median and best wall time, peak RSS, and exit status."""

    tool: str
    goals: int
    median_s: float
    min_s: float
    peak_mb: float
    status: int
    refused: bool = False  # smartlint reported the file too large to read (F022)


def commands(path: Path, output_format: str) -> dict[str, list[str]]:
    """Return the three commands the benchmark compares, for one file."""
    py = sys.executable
    return {
        "floor": [py, "-c", FLOOR, str(path)],
        "yamllint": [py, "-m", "yamllint", "-d", "default", "-f", "parsable", str(path)],
        "smartlint": [py, "-m", "smartlint", "--today", TODAY, "-f", output_format, str(path)],
    }


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str, bytes]:
    """Run a command once; return wall seconds, peak RSS in MB, status, stderr, stdout's start."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        out.seek(0)
        head = out.read(4096)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, stderr, head


def measure(tool: str, goals: int, argv: list[str], repeats: int, env: dict[str, str]) -> Sample:
    """Run a command ``repeats`` times (after one warm-up) and summarise it."""
    run_once(argv, env)  # warm the page cache and the .pyc files
    times, peaks, status, refused = [], [], 0, False
    for _ in range(repeats):
        elapsed, peak, status, stderr, head = run_once(argv, env)
        if status not in (0, 1) or "Traceback" in stderr:
            first = (stderr.strip().splitlines() or ["(no message)"])[-1]
            print(f"  ! {tool} exited {status} on {goals} goals: {first}", file=sys.stderr)
        refused = tool == "smartlint" and b" F022 " in head
        times.append(elapsed)
        peaks.append(peak)
    if refused:
        print(f"  ! smartlint refused the {goals}-goal file as too large (F022)", file=sys.stderr)
    return Sample(tool, goals, statistics.median(times), min(times), max(peaks), status, refused)


def bench(
    sizes: list[int], repeats: dict[int, int], output_format: str, workdir: Path
) -> list[Sample]:
    """Generate a file per size and measure the three tools on it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    env.pop("SMARTLINT_DEBUG", None)
    # Let the warm-up run write smartlint's bytecode, as pip does when it installs a package
    # (yamllint is timed from its installed .pyc files); without it every run recompiles.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples: list[Sample] = []
    for n in sizes:
        path = workdir / f"goals-{n}.yaml"
        path.write_text(generate(n), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        print(f"{n:>7} goals  {size_mb:6.1f} MB  {path}", file=sys.stderr)
        runs = commands(path, output_format)
        if n > STARTUP_GOALS:
            runs[ONE_PROCESS_TOOL] = [*runs["smartlint"], "--jobs", "1"]
        if n <= STARTUP_GOALS:
            runs[BARE_STACK_TOOL] = [sys.executable, "-c", BARE_STACK]
            runs[STACK_TOOL] = [sys.executable, "-c", STACK]
        for tool, argv in runs.items():
            samples.append(measure(tool, n, argv, repeats[n], env))
            if samples[-1].refused:  # measure the same run without the cap, to see what it costs
                lifted = [sys.executable, "-c", LIFTED, *runs["smartlint"][3:]]
                samples.append(measure(LIFTED_TOOL, n, lifted, repeats[n], env))
            for s in samples[-2 if samples[-1].tool == LIFTED_TOOL else -1 :]:
                print(
                    f"  {s.tool:<10} median {s.median_s:8.3f} s  peak {s.peak_mb:7.1f} MB",
                    file=sys.stderr,
                )
    return samples


def table(samples: list[Sample]) -> str:
    """Render the medians and ratios as a Markdown table (the README's format)."""
    by = {(s.goals, s.tool): s for s in samples}
    rows = [
        "| goals | tool | median wall (s) | peak RSS (MB) | × floor | × yamllint |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for s in samples:
        floor = by[(s.goals, "floor")].median_s
        peer = by[(s.goals, "yamllint")].median_s
        rows.append(
            f"| {s.goals:,} | {s.tool}{' (refused: F022)' if s.refused else ''} "
            f"| {s.median_s:.3f} | {s.peak_mb:.0f} "
            f"| {s.median_s / floor:.2f} | {s.median_s / peer:.2f} |"
        )
    return "\n".join(rows) + "\n"


def verdicts(samples: list[Sample]) -> list[tuple[str, bool | None, str]]:
    """Check the issue's targets against the samples: (target, met or None if not run, figure)."""
    by = {(s.goals, s.tool): s for s in samples}
    out: list[tuple[str, bool | None, str]] = []

    def ratio(n: int, other: str) -> float | None:
        if (n, "smartlint") not in by or (n, other) not in by:
            return None
        return by[(n, "smartlint")].median_s / by[(n, other)].median_s

    def ours(n: int) -> Sample | None:
        """Return smartlint's sample at n goals, the cap-lifted one if the file was refused."""
        sample = by.get((n, "smartlint"))
        if sample is not None and sample.refused:
            return by.get((n, LIFTED_TOOL), sample)
        return sample

    r = ratio(10_000, "floor")
    out.append(
        (
            f"10,000 goals at most {TARGET_VS_FLOOR}× the floor (aim 2×)",
            None if r is None else r <= TARGET_VS_FLOOR,
            "not run" if r is None else f"{r:.2f}×",
        )
    )
    big = ours(100_000)
    lifted = big is not None and big.tool == LIFTED_TOOL
    out.append(
        (
            f"100,000 goals under {TARGET_PEAK_MB} MB peak",
            None
            if big is None
            else big.peak_mb < TARGET_PEAK_MB and big.status in (0, 1) and not big.refused,
            "not run"
            if big is None
            else f"{big.peak_mb:.0f} MB, {big.median_s:.1f} s = "
            f"{big.median_s / by[(100_000, 'floor')].median_s:.1f}× the floor"
            + (" (refused as too large: F022)" if big.refused else "")
            + (" (only with the 20 MB size cap lifted: F022 refuses the file)" if lifted else ""),
        )
    )
    r = ratio(20, "yamllint")
    out.append(
        (
            f"20 goals at most {TARGET_STARTUP_VS_YAMLLINT}× yamllint",
            None if r is None else r <= TARGET_STARTUP_VS_YAMLLINT,
            "not run" if r is None else f"{r:.2f}×",
        )
    )
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; exit 1 when a target that was run is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 and 2,000 goals, 3 repeats")
    parser.add_argument("--sizes", help="comma-separated goal counts (default 20,10000,100000)")
    parser.add_argument(
        "--repeats", type=int, help="repeats per measurement (default 5; 3 at 100k)"
    )
    parser.add_argument("--format", default="concise", help="smartlint's output format")
    parser.add_argument("--json", help="also write the samples to this JSON file")
    parser.add_argument("--keep", help="generate the files into this directory and keep them")
    args = parser.parse_args(argv)

    if args.sizes:
        sizes = [int(x) for x in args.sizes.split(",")]
    else:
        sizes = [20, 2_000] if args.quick else [20, 10_000, 100_000]
    default = 3 if args.quick else 5
    repeats = {n: args.repeats or (3 if n >= 100_000 else default) for n in sizes}

    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; repeats {repeats}",
        file=sys.stderr,
    )
    if args.keep:
        workdir = Path(args.keep)
        workdir.mkdir(parents=True, exist_ok=True)
        samples = bench(sizes, repeats, args.format, workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="smartlint-bench-") as tmp:
            samples = bench(sizes, repeats, args.format, Path(tmp))

    print(table(samples))
    missed = False
    for target, met, figure in verdicts(samples):
        mark = "–" if met is None else ("met" if met else "MISSED")
        missed |= met is False
        print(f"- {target}: {figure} — {mark}")
    if args.json:
        Path(args.json).write_text(
            json.dumps([asdict(s) for s in samples], indent=2) + "\n", encoding="utf-8"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
