"""What fixes cost: the fix stage inside a lint, and ``--fix`` / ``--diff`` against a plain lint.

All figures are ratios measured in the same sitting on the same generated file:

- stage: in-process CPU time of linting parsed files with their sources (fixes worked out)
  over the same without sources (no fix stage), median of repeats;
- cli: wall time of ``--diff`` and of ``--fix`` on a copy over a plain lint, median of
  repeats (each ``--fix`` run starts from a fresh copy).

    python benchmarks/fixes.py              # 10,000 goals
    python benchmarks/fixes.py --goals 2000 --repeats 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TODAY = "2027-01-15"


def _stage(text: str, repeats: int) -> tuple[float, float]:
    from smartlint.decode import normalize_newlines
    from smartlint.engine import RunSettings, lint_parsed
    from smartlint.fixes import SourceText
    from smartlint.parser import parse_text

    parsed = parse_text(text, "goals.yaml")
    settings = RunSettings(today=date.fromisoformat(TODAY))
    source = {"goals.yaml": SourceText(normalize_newlines(text), "yaml")}

    def cpu(with_sources: bool) -> float:
        start = time.process_time()
        report = lint_parsed([parsed], settings, sources=source if with_sources else None)
        assert report.files
        return time.process_time() - start

    without = statistics.median(cpu(False) for _ in range(repeats))
    with_fixes = statistics.median(cpu(True) for _ in range(repeats))
    return without, with_fixes


def _wall(
    args: list[str], cwd: Path, fresh: Path | None = None, original: Path | None = None
) -> float:
    if fresh is not None and original is not None:
        shutil.copyfile(original, fresh)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "smartlint", "--today", TODAY, "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--goals", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    text = generate(options.goals)
    without, with_fixes = _stage(text, options.repeats)
    print(f"{options.goals} goals; median of {options.repeats}")
    print(f"lint stage without fixes: {without:.2f} s CPU")
    print(f"lint stage with fixes:    {with_fixes:.2f} s CPU  (ratio {with_fixes / without:.2f})")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        original = base / "original.yaml"
        original.write_text(text, encoding="utf-8")
        work = base / "goals.yaml"
        shutil.copyfile(original, work)
        runs = options.repeats
        plain = statistics.median(_wall(["-f", "concise", "goals.yaml"], base) for _ in range(runs))
        diff = statistics.median(_wall(["--diff", "goals.yaml"], base) for _ in range(runs))
        fix = statistics.median(
            _wall(["--fix", "-f", "concise", "goals.yaml"], base, work, original)
            for _ in range(runs)
        )
    print(f"cli plain lint: {plain:.2f} s")
    print(f"cli --diff:     {diff:.2f} s  (ratio {diff / plain:.2f})")
    print(f"cli --fix:      {fix:.2f} s  (ratio {fix / plain:.2f})")


if __name__ == "__main__":
    main()
