"""The HTML report opened in a real browser: headless Chromium dumps its DOM, screenshots and
prints it.  .ci/run installs Debian's ``chromium``; without a Chromium binary these skip."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.conftest import copy_alone, run_cli_in_process
from tests.test_html_report import HOSTILE, TODAY

BROWSER = next(
    (
        found
        for name in ("chromium", "chromium-headless-shell", "chromium-browser")
        if (found := shutil.which(name))
    ),
    None,
)

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium binary on PATH (.ci/run installs Debian's chromium)"
)


def browse(page: Path, *flags: str) -> str:
    """Run headless Chromium on a file with its own profile; return its stdout."""
    assert BROWSER is not None
    done = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={page.parent / 'profile'}",
            *flags,
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def report(tmp_path: Path, *paths: str) -> Path:
    """Write the HTML report of the paths (examples/ from a copy of it alone) to a file.

    The command line runs in this process: the browser, not the entry point, is the subject.
    """
    out = tmp_path / "report.html"
    alone = copy_alone(tmp_path / "alone", "examples")
    done = run_cli_in_process(*TODAY, "-f", "html", "-o", str(out), *paths, cwd=alone)
    assert done.returncode in (0, 1), done.stderr
    return out


def test_dom_holds_goals_badges_and_filters(tmp_path: Path) -> None:
    dom = browse(report(tmp_path, "examples/goals.en.yaml"), "--dump-dom")
    assert 'data-ready="yes"' in dom  # the page's own script ran
    assert "Showing 10 of 10 goals" in dom
    for gid in ("arr-2027", "organic-traffic", "demo-requests", "churn"):
        assert f'id="{gid}"' in dom
    assert dom.count('class="badge ') == 50
    for name in ("search", "fail", "sev", "file", "owner", "lang"):
        assert f'data-filter="{name}"' in dom
    assert '<svg class="plot"' in dom


def test_injected_markup_stays_text(tmp_path: Path) -> None:
    goals = tmp_path / "hostile.yaml"
    goals.write_text(HOSTILE, encoding="utf-8")
    dom = browse(report(tmp_path, str(goals)), "--dump-dom")
    assert 'data-ready="yes"' in dom  # scripts run on this page, but not the injected ones:
    assert not re.search(r"<body[^>]*data-pwned", dom)  # (their text names the attribute)
    assert "<img" not in dom
    assert len(re.findall(r"<script", dom)) == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert '"&gt;&lt;img src=x onerror=alert(1)&gt;' in dom
    assert "&lt;b&gt;id" in dom


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Return width, height and the decompressed scanlines of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = report(tmp_path, "examples/goals.yaml")
    shot = tmp_path / "shot.png"
    browse(page, f"--screenshot={shot}", "--window-size=1000,1400")
    data = shot.read_bytes()
    assert len(data) > 30_000
    width, height, pixels = _png_pixels(data)
    assert (width, height) == (1000, 1400)
    assert len(set(pixels)) > 100  # text, badges and charts: far from one flat colour


def test_narrow_screen_does_not_overflow(tmp_path: Path) -> None:
    page = report(tmp_path, "examples/goals.yaml")
    probe = _probe(
        page,
        "document.body.setAttribute('data-overflow',"
        "String(document.documentElement.scrollWidth > window.innerWidth))",
    )
    dom = browse(probe, "--dump-dom", "--window-size=360,800")
    assert 'data-overflow="false"' in dom


def test_print_page_count_is_sane(tmp_path: Path) -> None:
    page = report(tmp_path, "examples/goals.en.yaml")
    pdf = tmp_path / "report.pdf"
    browse(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    assert 1 <= pages <= 15, pages  # ten goals: a few pages, never a page per line


def _probe(page: Path, script: str) -> Path:
    """Copy the page with a script appended after its own (the test's, not the report's)."""
    probe = page.parent / "probe.html"
    text = page.read_text(encoding="utf-8")
    probe.write_text(text.replace("</body>", f"<script>{script}</script></body>"), "utf-8")
    return probe


def test_filters_hide_goals_and_an_anchor_reveals_one(tmp_path: Path) -> None:
    page = report(tmp_path, "examples/goals.en.yaml")
    script = (
        "var s=document.getElementById('sl-f-fail');s.value='A';"
        "s.dispatchEvent(new Event('change'));"
        "var shown=[].filter.call(document.querySelectorAll('article.goal'),"
        "function(g){return !g.hidden;}).map(function(g){return g.id;});"
        "document.body.setAttribute('data-shown',shown.join(' '));"
        "var q=document.getElementById('sl-f-search');s.value='';q.value='CHURN';"
        "q.dispatchEvent(new Event('input'));"
        "document.body.setAttribute('data-count',document.getElementById('sl-shown').textContent);"
        "location.hash='#arr-2027';window.dispatchEvent(new HashChangeEvent('hashchange'));"
        "document.body.setAttribute('data-after',document.getElementById('sl-shown').textContent);"
    )
    dom = browse(_probe(page, script), "--dump-dom")
    assert 'data-shown="demo-requests"' in dom  # the one goal failing Achievable
    assert 'data-count="Showing 1 of 10 goals"' in dom
    assert 'data-after="Showing 10 of 10 goals"' in dom  # the link cleared the filters


def test_vietnamese_page_speaks_vietnamese(tmp_path: Path) -> None:
    dom = browse(report(tmp_path, "examples/goals.yaml"), "--dump-dom")
    assert '<html lang="vi">' in dom
    assert "Viết lại:" in dom and "Tổng quan" in dom and "Đang hiện" in dom
