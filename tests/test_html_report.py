"""The HTML report through the command line: content, escaping, determinism, import cost.

The pages are made by the command line run in this process, over a copy of examples/ alone
(conftest.examples_alone); determinism across hash seeds and import cost use fresh
interpreters.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from conftest import ROOT, run_cli_in_process

TODAY = ("--today", "2027-01-15")

HOSTILE = """\
goals:
  - id: "<b>id"
    title: "<script>alert(1)</script> Tăng doanh thu lên 10% vào cuối năm 2027"
    owner: "<i>owner</i>"
  - id: img
    title: '"><img src=x onerror=alert(1)>'
    parent: "<b>id"
  - id: pwn
    title: "<script>document.body.setAttribute('data-pwned','1')</script>"
  - id: pwn2
    title: "<img src=x onerror=\\"document.body.setAttribute('data-pwned','2')\\">"
"""


def html_of(cwd: Path, *args: str) -> str:
    """Return the HTML page the command line prints, run in ``cwd``."""
    done = run_cli_in_process(*TODAY, "-f", "html", *args, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("path", "goal_ids", "words"),
    [
        (
            "examples/goals.yaml",
            ["dang-ky-email", "blog"],
            ["Viết lại:", "Tính khả thi", "Tổng quan"],
        ),
        (
            "examples/goals.en.yaml",
            ["arr-2027", "organic-traffic", "demo-requests"],
            ["Rewrite:", "Achievable: demo-requests", "Summary"],
        ),
    ],
)
def test_examples_render(
    path: str, goal_ids: list[str], words: list[str], examples_alone: Path
) -> None:
    page = html_of(examples_alone, path)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for gid in goal_ids:
        assert f'id="{gid}"' in page and f'href="#{gid}"' in page
    for word in words:
        assert word in page
    assert 'class="badge fail"' in page and 'class="badge pass"' in page
    assert '<svg class="plot"' in page and "<title>" in page and "<desc>" in page
    assert '<svg class="bars"' in page
    assert f"{path}:" in page  # positions as path:line:col
    assert re.search(re.escape(path) + r":\d+:\d+", page)
    assert 'data-filter="fail"' in page and 'data-filter="search"' in page


def test_the_page_speaks_the_language_lang_asks_for(examples_alone: Path) -> None:
    page = html_of(examples_alone, "examples/goals.yaml", "--lang", "en")
    assert '<html lang="en">' in page and "Summary" in page and "Tổng quan" not in page
    assert '<html lang="vi">' in html_of(examples_alone, "examples/goals.yaml")


def test_self_contained(examples_alone: Path) -> None:
    page = html_of(examples_alone, "examples/goals.en.yaml")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "<link" not in page
    assert "<script src" not in page
    # themes, print and small screens are the stylesheet's
    for rule in (
        "prefers-color-scheme:dark",
        "@media print",
        "break-inside:avoid",
        "max-width:480px",
    ):
        assert rule in page


def test_shows_what_was_read_and_the_date_only_when_given(examples_alone: Path) -> None:
    page = html_of(examples_alone, "examples/goals.en.yaml")
    assert "What smartlint read" in page and "<dt>metric</dt>" in page
    assert "15 Jan 2027" in page
    undated = run_cli_in_process("-f", "html", "examples/goals.en.yaml", cwd=examples_alone).stdout
    assert "as of" not in undated


def test_hostile_texts_are_escaped(tmp_path: Path) -> None:
    goals = tmp_path / "hostile.yaml"
    goals.write_text(HOSTILE, encoding="utf-8")
    page = html_of(tmp_path, str(goals))
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "<b>id" not in page and "<i>owner" not in page
    assert escape("<script>alert(1)</script>") in page
    assert escape('"><img src=x onerror=alert(1)>') in page
    assert "&lt;b&gt;id" in page and "&lt;i&gt;owner&lt;/i&gt;" in page
    assert page.count("<script>") == 1  # the page's own


def test_byte_identical(tmp_path: Path, examples_alone: Path) -> None:
    runs = [
        subprocess.run(
            [sys.executable, "-m", "smartlint", *TODAY, "-f", "html", "examples/"],
            capture_output=True,
            cwd=examples_alone,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
            check=False,
        ).stdout
        for seed in ("0", "1")
    ]
    assert runs[0] and runs[0] == runs[1]


def test_report_beside_another_format(tmp_path: Path, examples_alone: Path) -> None:
    out = tmp_path / "out.html"
    done = run_cli_in_process(
        *TODAY,
        "-f",
        "json",
        "--report",
        f"html:{out}",
        "examples/goals.en.yaml",
        cwd=examples_alone,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("{")
    page = out.read_text(encoding="utf-8")
    assert 'id="demo-requests"' in page
    assert page == html_of(examples_alone, "examples/goals.en.yaml")


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_bad_input_exits_as_other_formats(tmp_path: Path, fmt: str) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("goals:\n  - title: [unclosed\n", encoding="utf-8")
    done = run_cli_in_process(*TODAY, "-f", fmt, str(broken), cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    missing = run_cli_in_process(*TODAY, "-f", fmt, str(tmp_path / "missing.yaml"), cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith("smartlint: error:")
    if fmt == "html":
        assert "F001" in done.stdout and 'id="sl-file-findings"' in done.stdout


def test_unwritable_report_path(tmp_path: Path, examples_alone: Path) -> None:
    done = run_cli_in_process(
        *TODAY, "--report", f"html:{tmp_path}/no/such/dir/out.html", "examples/", cwd=examples_alone
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot write" in done.stderr


def test_tree_puts_parents_above_children(examples_alone: Path) -> None:
    page = html_of(examples_alone, "examples/goals.en.yaml")
    parent = page.index('id="arr-2027"')
    child = page.index('id="organic-traffic"')
    assert parent < child
    # the child sits in a list nested inside the parent's item
    between = page[parent:child]
    assert '<ol class="tree">' in between


def test_concise_run_imports_no_html_code(examples_alone: Path) -> None:
    probe = (
        "import sys\nfrom smartlint.cli import main\n"
        "main(['--today', '2027-01-15', '-f', 'concise', 'examples/goals.yaml'])\n"
        "loaded = [m for m in ('jinja2', 'smartlint.reporters.html', 'smartlint.reporters.svg',"
        " 'smartlint.reporters.html_assets') if m in sys.modules]\n"
        "sys.stderr.write('LOADED=' + ','.join(loaded) + '\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=examples_alone,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert "LOADED=\n" in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("history", "start", "end", "realistic", "points"),
    [
        ((), 5.0, 5.0, None, False),  # nothing moves: a flat scale
        ((-3.0, -1.0), -1.0, 4.0, 2.0, False),  # through zero: a straight path
        ((18.0, 19.0), 19.0, 22.0, 1e12, True),  # a band far off the scale is clipped
        ((1e-300, 1e300), 1e300, 1e-300, 0.0, False),
        ((5e-324,), 5e-324, 5e-324, 5e-324, False),  # too small to widen by a share
    ],
)
def test_pace_plot_edges(
    history: tuple[float, ...], start: float, end: float, realistic: float | None, points: bool
) -> None:
    from datetime import date

    from smartlint.model import Language, PacePlot, Period
    from smartlint.reporters.svg import pace_plot

    plot = PacePlot(
        history=history,
        history_end=date(2027, 1, 31),
        period=Period.MONTH,
        start=start,
        end=end,
        periods=3.0,
        points=points,
        realistic=realistic,
        factor=2.0,
        deadline=None,
        cadence=Period.MONTH,
    )
    for language in Language:
        drawn = pace_plot(plot, language, "<x>")
        assert drawn.startswith("<svg") and drawn.endswith("</svg>")
        assert "nan" not in drawn and "inf" not in drawn and "<x>" not in drawn


def test_pace_plot_beyond_any_scale_draws_nothing() -> None:
    from smartlint.model import Language, PacePlot, Period
    from smartlint.reporters.svg import pace_plot

    plot = PacePlot(
        (-1e308, 1e308), None, Period.MONTH, 1e308, -1e308, 2.0, True, None, 2.0, None, None
    )
    assert pace_plot(plot, Language.EN, "x") == ""
