"""The terminal report's benchmark row: the default ``pretty`` format against ``concise``.

Both runs lint the same generated file in fresh processes, written to a file (as a pipe
would take them), alternating pretty and concise so a slower moment of the shared machine
costs both alike; the medians are compared.  The issue bounds pretty at 1.3x concise on
2,000 goals: the report may cost something for a person, but not the run.

    python benchmarks/pretty_vs_concise.py                  # 2,000 goals, 5 rounds
    python benchmarks/pretty_vs_concise.py --goals 500 --repeats 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, TODAY, run_once
from generate import generate

TARGET = 1.3  # pretty at most this many times concise's median wall time
FORMATS = ("concise", "pretty")


def main(argv: list[str] | None = None) -> int:
    """Print one row per format and the ratio; exit 1 when the ratio is over the target."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    for name in ("SMARTLINT_DEBUG", "PYTHONDONTWRITEBYTECODE", "FORCE_COLOR", "NO_COLOR"):
        env.pop(name, None)
    times: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    lines: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"goals-{args.goals}.yaml"
        path.write_text(generate(args.goals), encoding="utf-8")
        commands = {
            fmt: [
                *(sys.executable, "-m", "smartlint", "--today", TODAY, "-f", fmt),
                *("-o", str(Path(tmp) / f"report.{fmt}"), str(path)),
            ]
            for fmt in FORMATS
        }
        for fmt in FORMATS:  # warm the page cache and the .pyc files
            run_once(commands[fmt], env)
        for _ in range(args.repeats):
            for fmt in FORMATS:
                elapsed, _peak, status, stderr, _head = run_once(commands[fmt], env)
                if status not in (0, 1) or "Traceback" in stderr:
                    print(f"  ! {fmt} exited {status}: {stderr.strip()[-200:]}", file=sys.stderr)
                times[fmt].append(elapsed)
        for fmt in FORMATS:
            text = (Path(tmp) / f"report.{fmt}").read_text(encoding="utf-8")
            lines[fmt] = text.count("\n")
    print("| goals | format | median wall (s) | best (s) | lines | x concise |")
    print("|---:|---|---:|---:|---:|---:|")
    base = statistics.median(times["concise"])
    for fmt in FORMATS:
        median = statistics.median(times[fmt])
        print(
            f"| {args.goals:,} | {fmt} | {median:.3f} | {min(times[fmt]):.3f} "
            f"| {lines[fmt]:,} | {median / base:.2f} |"
        )
    ratio = statistics.median(times["pretty"]) / base
    met = ratio <= TARGET
    print(f"\npretty at most {TARGET}x concise: {ratio:.2f}x ({'met' if met else 'missed'})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
