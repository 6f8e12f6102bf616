"""The HTML report's benchmark row: ``--format html`` against ``--format json`` on one file.

The HTML report asks the engine for more than JSON does (what was read of each goal, each
history chart's data) and writes a page several times larger, so the issue bounds it: at
10,000 goals, at most twice the JSON report's wall time.  Both are fresh processes on the
same generated file, medians over repeats (after a warm-up), so the machine's speed cancels.

    python benchmarks/html_vs_json.py              # 10,000 goals, 5 repeats
    python benchmarks/html_vs_json.py --goals 2000 --repeats 3
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, TODAY, measure
from generate import generate

TARGET = 2.0  # html at most this many times json's median wall time


def main(argv: list[str] | None = None) -> int:
    """Print the two rows and the ratio; exit 1 when the ratio is over the target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    env.pop("SMARTLINT_DEBUG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"goals-{args.goals}.yaml"
        path.write_text(generate(args.goals), encoding="utf-8")
        samples = {}
        for fmt in ("json", "html"):
            out = Path(tmp) / f"report.{fmt}"
            argv_ = [sys.executable, "-m", "smartlint", "--today", TODAY, "-f", fmt]
            samples[fmt] = measure(
                fmt, args.goals, [*argv_, "-o", str(out), str(path)], args.repeats, env
            )
            size = out.stat().st_size / 1e6
            print(f"  {fmt:<5} {size:6.1f} MB written", file=sys.stderr)
    print("| goals | format | median wall (s) | best (s) | peak RSS (MB) | × json |")
    print("|---:|---|---:|---:|---:|---:|")
    json_s = samples["json"].median_s
    for fmt, s in samples.items():
        print(
            f"| {args.goals:,} | {fmt} | {s.median_s:.3f} | {s.min_s:.3f} | {s.peak_mb:.0f} "
            f"| {s.median_s / json_s:.2f} |"
        )
    ratio = samples["html"].median_s / json_s
    met = ratio <= TARGET
    print(f"\nhtml at most {TARGET}× json: {ratio:.2f}× — {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
