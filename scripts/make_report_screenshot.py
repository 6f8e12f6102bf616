"""Regenerate docs/report.png, the README's picture of the HTML report, from the examples.

Lints examples/goals.en.yaml with the README's date into an HTML report and screenshots it
with headless Chromium (Debian's ``chromium``; .ci/run installs it).  Run it again after
changing the report: ``python scripts/make_report_screenshot.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "report.png"
COMMAND = ["--today", "2027-01-15", "--format", "html", "examples/goals.en.yaml"]
SIZE = "1000,1500"


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-headless-shell")
    if browser is None:
        sys.stderr.write("no chromium on PATH: apt-get install chromium\n")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "smartlint", *COMMAND, "-o", str(page)], cwd=ROOT, check=False
        )
        if not page.is_file():
            sys.stderr.write("smartlint wrote no report\n")
            return 2
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={SIZE}",
                f"--screenshot={OUT}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
