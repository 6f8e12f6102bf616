"""Goal sheets through the command line: the example, discovery, dialects, configuration, reports.

The command line runs in this process (conftest.run_cli_in_process); a fresh interpreter
checks which modules a run imports.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli_in_process

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = "2027-07-15"
GOAL = "Tăng số đơn hàng online lên 1.500 đơn vào cuối tháng 12 năm 2027"


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in ``cwd``, in this process (see conftest), and return what it did."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full.pop("GITHUB_STEP_SUMMARY", None)
    done = run_cli_in_process("--today", TODAY, *args, cwd=cwd, env=full)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def as_json(*args: str, cwd: Path) -> dict[str, Any]:
    """Run with ``-f json`` and return the report."""
    done = run("-f", "json", *args, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {g["id"]: g for g in report["goals"]}


@pytest.mark.parametrize(("name", "first_row"), [("kpi-2027.csv", 2), ("kpi-2027.xlsx", 4)])
def test_the_example_sheet_is_judged_from_its_monthly_actuals(
    name: str, first_row: int, examples_alone: Path
) -> None:
    report = as_json(f"examples/{name}", cwd=examples_alone)
    goals = _by_id(report)
    assert len(goals) == 7
    assert goals["app-signups"]["criteria"]["achievable"] == "fail"
    assert goals["doanh-thu-online"]["criteria"]["achievable"] == "pass"
    assert goals["nps"]["criteria"]["achievable"] in ("pass", "fail")
    assert goals["blog"]["criteria"]["achievable"] == "skip"
    signups = [f for f in report["findings"] if f["goal_id"] == "app-signups"]
    a301 = next(f for f in signups if f["code"] == "A301")
    # the row of the goal, and the target's column (E = 5)
    assert (a301["line"], a301["column"]) == (first_row + 1, 5)
    assert "6,100 → 9,000" in a301["message"] and "best month so far was +4.3%" in a301["message"]
    assert a301["message"].startswith("[KPI 2027] ") == name.endswith(".xlsx")


def test_csv_and_xlsx_twins_give_the_same_verdicts(examples_alone: Path) -> None:
    csv_goals = _by_id(as_json("examples/kpi-2027.csv", cwd=examples_alone))
    xlsx_goals = _by_id(as_json("examples/kpi-2027.xlsx", cwd=examples_alone))
    assert {k: g["criteria"] for k, g in csv_goals.items()} == {
        k: g["criteria"] for k, g in xlsx_goals.items()
    }


def test_a_yaml_run_never_imports_openpyxl(tmp_path: Path) -> None:
    (tmp_path / "goals.yaml").write_text(f"goals:\n  - {GOAL}\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from smartlint.cli import main\n"
        f"status = main(['--today', '{TODAY}', '-f', 'concise', 'goals.yaml'])\n"
        "print('openpyxl' in sys.modules, 'smartlint.parser.sheet_xlsx' in sys.modules, status)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.stdout.strip().splitlines()[-1] == "False False 1", done.stdout + done.stderr
    probe_xlsx = probe.replace("goals.yaml", str(EXAMPLES / "kpi-2027.xlsx"))
    done = subprocess.run(
        [sys.executable, "-c", probe_xlsx],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.stdout.strip().splitlines()[-1] == "True True 1", done.stdout + done.stderr


def test_a_walk_reads_goal_sheets_but_not_history_csv_or_other_csv(tmp_path: Path) -> None:
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - id: traffic\n    title: Tăng lượt truy cập lên 14.000 vào 31/12/2027\n"
        "    why: Nguồn khách hàng mới\n    history: traffic.csv\n",
        encoding="utf-8",
    )
    (tmp_path / "traffic.csv").write_text("date,value\n2027-05-31,12000\n2027-06-30,12500\n")
    (tmp_path / "prices.csv").write_text("sku;price\nA1;12.000\n")
    (tmp_path / "kpi.csv").write_text(f"Mục tiêu;Lý do\n{GOAL};Doanh thu\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "kpi-2027.xlsx", tmp_path / "kpi.xlsx")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    report = as_json(".", cwd=tmp_path)
    assert sorted({g["path"] for g in report["goals"]}) == ["goals.yaml", "kpi.csv", "kpi.xlsx"]
    assert report["summary"]["files"] == 3
    traffic = _by_id(report)["traffic"]
    assert traffic["criteria"]["achievable"] != "skip"  # the history CSV was still read


def test_a_named_csv_without_a_goal_column_says_so_unless_skipped(tmp_path: Path) -> None:
    (tmp_path / "traffic.csv").write_text("date,value\n2027-05-31,12000\n")
    done = run("-f", "concise", "traffic.csv", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith(
        "traffic.csv:1:1: info F007 The file has no header row with a goal column"
    )
    quiet = run("-f", "concise", "--skip-non-goal-files", "traffic.csv", cwd=tmp_path)
    assert quiet.returncode == 0 and "F007" not in quiet.stdout


def test_include_makes_a_walked_sheet_a_named_one(tmp_path: Path) -> None:
    (tmp_path / "traffic.csv").write_text("date,value\n2027-05-31,12000\n")
    (tmp_path / ".smartlint.yaml").write_text('include: ["*.yaml", "*.csv"]\n')
    report = as_json(".", cwd=tmp_path)
    assert [f["code"] for f in report["findings"]] == ["F007"]


HEADER = "Mục tiêu;Hiện tại;Chỉ tiêu;Thời hạn;T1;T2;T3\n"
ROW = f'"{GOAL}";"1.234,5";"1.500";31/12/2027;"1.100";"1.150,5";"1.234,5"\n'


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("semicolon, Vietnamese marks", (HEADER + ROW).encode()),
        (
            "comma, English marks",
            (HEADER + ROW)
            .replace(";", ",")
            .replace("1.234,5", "1,234.5")
            .replace("1.150,5", "1,150.5")
            .replace('"1.500"', '"1,500"')
            .replace('"1.100"', '"1,100"')
            .encode(),
        ),
        ("tab", (HEADER + ROW).replace(";", "\t").encode()),
        ("UTF-8 with BOM", b"\xef\xbb\xbf" + (HEADER + ROW).encode()),
        ("UTF-16", (HEADER + ROW).encode("utf-16")),
        ("CRLF", (HEADER + ROW).replace("\n", "\r\n").encode()),
    ],
)
def test_csv_dialects_encodings_and_number_marks_read_alike(
    label: str, data: bytes, tmp_path: Path
) -> None:
    (tmp_path / "plan.csv").write_bytes(data)
    done = run("--show-reading", "--lang", "en", "plan.csv", cwd=tmp_path)
    assert done.returncode in (0, 1), label
    assert "baseline:     1,234.5" in done.stdout, (label, done.stdout)
    assert (
        "history:      month 1,100 → 1,150.5 → 1,234.5" in done.stdout or "1,234.5" in done.stdout
    )


def test_a_cp1258_csv_is_read_with_a_note(tmp_path: Path) -> None:
    from test_hostile_cli import cp1258

    (tmp_path / "plan.csv").write_bytes(cp1258(f"Mục tiêu;Chỉ tiêu\n{GOAL};1.500\n"))
    done = run("--show-reading", "plan.csv", cwd=tmp_path)
    assert GOAL in done.stdout
    report = as_json("plan.csv", cwd=tmp_path)
    assert len(report["goals"]) == 1
    assert "F008" in {f["code"] for f in report["findings"]}


def test_quoted_fields_with_newlines_keep_the_next_rows_line(tmp_path: Path) -> None:
    data = f'Mục tiêu;Phụ trách\n"{GOAL}\n(ghi chú)";Sales\nTăng doanh thu;Sales\n'
    (tmp_path / "plan.csv").write_text(data, encoding="utf-8")
    report = as_json("plan.csv", cwd=tmp_path)
    assert [g["line"] for g in report["goals"]] == [2, 4]


def test_history_years_come_from_headers_a_year_column_or_the_deadline(tmp_path: Path) -> None:
    from smartlint.parser.sheets import SheetOptions, parse_sheet

    sheets = {
        "header.csv": "Goal;Jan 2027;Feb 2027\nGrow sign-ups to 900 by 31 Dec 2027;100;110\n",
        "year.csv": "Goal;Year;Jan;Feb\nGrow sign-ups to 900 by 31 Dec 2028;2027;100;110\n",
        "deadline.csv": "Goal;Deadline;T1;T2\nGrow sign-ups to 900;2027-12-31;100;110\n",
        "none.csv": "Goal;Q1;Q2\nGrow sign-ups to 900;100;110\n",
    }
    found = {}
    for name, text in sheets.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        parsed = parse_sheet(
            tmp_path / name, name, first_index=0, options=SheetOptions(), walked=False
        )
        assert parsed is not None and parsed.goals[0].history is not None
        history = parsed.goals[0].history
        found[name] = (
            history.period.value,
            [p.when.isoformat() if p.when else None for p in history.points],
        )
        assert [(p.span.line, p.span.column) for p in history.points] == [
            (2, len(text.split("\n")[0].split(";")) - 1),
            (2, len(text.split("\n")[0].split(";"))),
        ]
    assert found == {
        "header.csv": ("month", ["2027-01-31", "2027-02-28"]),
        "year.csv": ("month", ["2027-01-31", "2027-02-28"]),
        "deadline.csv": ("month", ["2027-01-31", "2027-02-28"]),
        "none.csv": ("quarter", [None, None]),
    }


def test_columns_in_the_configuration_name_unusual_headers(tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text(
        "Nội dung công việc;KH 2027;Hạn cuối\nTăng số đơn hàng online;1.500;31/12/2027\n",
        encoding="utf-8",
    )
    assert run("-f", "json", "plan.csv", cwd=tmp_path).stdout.count('"F007"') == 1
    (tmp_path / ".smartlint.yaml").write_text(
        "columns:\n  title: Nội dung công việc\n  target: KH 2027\n  deadline: hạn cuối\n",
        encoding="utf-8",
    )
    report = as_json("plan.csv", cwd=tmp_path)
    assert len(report["goals"]) == 1 and report["goals"][0]["line"] == 2
    assert report["goals"][0]["criteria"]["time_bound"] == "pass"
    assert report["goals"][0]["criteria"]["specific"] == "pass"  # the target column was read


def test_a_misspelt_columns_key_exits_2_with_did_you_mean(tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text(f"Mục tiêu\n{GOAL}\n", encoding="utf-8")
    (tmp_path / ".smartlint.yaml").write_text("columns:\n  titel: Việc\n", encoding="utf-8")
    done = run("plan.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "smartlint: error: .smartlint.yaml: columns: unknown column 'titel' (did you mean 'title'?);"
        " columns are title, id, parent, why, owner, metric, unit, baseline, target, start,"
        " deadline, year"
    ]
    (tmp_path / ".smartlint.yaml").write_text("sheet: [KPI]\n", encoding="utf-8")
    done = run("plan.csv", cwd=tmp_path)
    assert done.returncode == 2 and "did you mean 'sheets'" in done.stderr


def test_sheets_in_the_configuration_choose_the_sheets_read(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "kpi-2027.xlsx", tmp_path / "plan.xlsx")
    (tmp_path / ".smartlint.yaml").write_text("sheets: [KPI 2027, Ngân sách]\n", encoding="utf-8")
    report = as_json("plan.xlsx", cwd=tmp_path)
    assert len(report["goals"]) == 7
    missing = [f for f in report["findings"] if f["code"] == "F007"]
    assert len(missing) == 1 and "không có trang 'Ngân sách'" in missing[0]["message"]


def _xlsx_dir(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / "kpi-2027.xlsx", tmp_path / "kpi.xlsx")
    return tmp_path


def test_sarif_points_at_the_row_and_column_of_the_workbook(tmp_path: Path) -> None:
    done = run("-f", "sarif", "kpi.xlsx", cwd=_xlsx_dir(tmp_path))
    results = json.loads(done.stdout)["runs"][0]["results"]
    a301 = next(r for r in results if r["ruleId"] == "A301")
    location = a301["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "kpi.xlsx"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (5, 5)
    assert a301["message"]["text"].startswith("[KPI 2027] ")


def test_github_annotations_carry_file_row_and_column(tmp_path: Path) -> None:
    done = run("-f", "github", "kpi.xlsx", cwd=_xlsx_dir(tmp_path))
    line = next(x for x in done.stdout.splitlines() if "A301" in x)
    assert line.startswith("::warning file=kpi.xlsx,line=5,col=5,title=A301")
    assert "[KPI 2027]" in line


def test_gitlab_code_quality_carries_the_row(tmp_path: Path) -> None:
    done = run("-f", "gitlab", "kpi.xlsx", cwd=_xlsx_dir(tmp_path))
    issues = json.loads(done.stdout)
    a301 = next(i for i in issues if i["check_name"].startswith("A301"))
    assert a301["location"] == {"path": "kpi.xlsx", "lines": {"begin": 5, "end": 5}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_has_a_suite_for_the_workbook_and_a_case_per_row(tmp_path: Path) -> None:
    done = run("-f", "junit", "kpi.xlsx", cwd=_xlsx_dir(tmp_path))
    suite = ET.fromstring(done.stdout).find("testsuite")
    assert suite is not None and suite.get("name") == "kpi.xlsx"
    cases = suite.findall("testcase")
    assert len(cases) == 7
    failing = [c for c in cases if c.find("failure") is not None]
    texts = [c.findtext("failure") or "" for c in failing]
    assert any(t.startswith("5:5 warning A301 growth-beyond-history: [KPI 2027]") for t in texts)


def test_a_csv_sheet_is_read_once_for_its_goals_and_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text fixes edit is the one the reader decoded, not a second read of the file."""
    from datetime import date

    from smartlint.config import Resolver
    from smartlint.project import Overrides, run_project

    sheet = tmp_path / "goals.csv"
    sheet.write_text(f"Mục tiêu;Chỉ tiêu;Thời hạn\n{GOAL};1.500;31/12/2027\n", encoding="utf-8")
    reads: list[Path] = []
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    done = run_project([str(sheet)], Overrides(), Resolver(isolated=True), date(2027, 7, 15))
    assert [f.path for f in done.report.files] == [str(sheet)]
    assert reads.count(sheet) == 1, reads
