"""Write examples/kpi-2027.xlsx and its CSV twin examples/kpi-2027.csv from one table.

The sheet is how a small online shop might keep its 2027 KPIs: one goal per row, mixed
Vietnamese and English, targets and deadlines, and the monthly actuals January to June in
columns T1 … T6 (T7 … T12 still empty), so smartlint judges Achievable from them.
Run it again after editing the table: ``python scripts/make_example_sheet.py``.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = [
    "Mã", "Mục tiêu", "Chỉ số", "Hiện tại", "Chỉ tiêu", "Thời hạn", "Phụ trách",
    "Mục tiêu cha", "Lý do",
    *(f"T{month}" for month in range(1, 13)),
]  # fmt: skip
PERCENT = "percent"  # a value column the workbook formats as a percentage
# id, title, metric, baseline, target, deadline, owner, parent, why, unit, actuals T1..T6
ROWS: list[tuple[object, ...]] = [
    (
        "doanh-thu-online", "Doanh thu online tháng 12/2027 đạt 2,6 tỷ đồng",
        "doanh thu online", None, 2_600_000_000, date(2027, 12, 31), "Kinh doanh", None,
        "Đủ vốn mở cửa hàng thứ ba đầu năm 2028", None,
        [2_100_000_000, 2_150_000_000, 2_220_000_000, 2_260_000_000, 2_310_000_000,
         2_380_000_000],
    ),
    (
        "app-signups", "Grow monthly app sign-ups to 9,000 by 30 September 2027",
        "app sign-ups", None, 9000, date(2027, 9, 30), "Growth", "doanh-thu-online", None,
        None, [5200, 5350, 5600, 5700, 5900, 6100],
    ),
    (
        "nps", "Nâng điểm NPS từ 38 lên 45 trong quý 4 năm 2027", "NPS", 38, 45,
        date(2027, 12, 31), "CSKH", "doanh-thu-online", None, None, [35, 36, 36, 37, 38, 38],
    ),
    (
        "churn", "Reduce monthly subscription churn from 4.2% to 3.5% by the end of Q4 2027",
        "subscription churn", None, None, None, "Growth", "doanh-thu-online", None, PERCENT,
        [0.048, 0.046, 0.045, 0.044, 0.043, 0.042],
    ),
    (
        "phi-giao-hang", "Giảm chi phí giao hàng trung bình xuống 25.000 đồng/đơn trước 31/10/2027",
        "chi phí giao hàng", 31_000, 25_000, date(2027, 10, 31), "Vận hành",
        "doanh-thu-online", None, None, [34_000, 33_500, 33_000, 32_000, 31_500, 31_000],
    ),
    (
        "blog", "Tăng lượt truy cập blog", None, None, None, None, "Marketing",
        "doanh-thu-online", None, None, [],
    ),
    (
        "b2b", "Ký thêm 12 hợp đồng khách hàng doanh nghiệp trong năm nay", None, None, None,
        None, "Kinh doanh", "doanh-thu-online", None, None, [],
    ),
]  # fmt: skip


def _csv_cell(value: object, percent: bool) -> str:
    """Write a value the way a Vietnamese spreadsheet exports it: 1.234.567 and 4,8%."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and percent:
        return f"{value * 100:.1f}%".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def _cells(row: tuple[object, ...]) -> list[object]:
    *fields, _unit, actuals = row
    assert isinstance(actuals, list)
    return [*fields, *actuals, *([None] * (12 - len(actuals)))]


def write_csv(target: Path) -> None:
    """Write the CSV twin: semicolons and Vietnamese number marks, as Excel in Vietnam saves it."""
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        for row in ROWS:
            percent = row[9] == PERCENT
            writer.writerow([_csv_cell(v, percent) for v in _cells(row)])


def write_xlsx(target: Path) -> None:
    """Write the workbook: real dates, numbers with separators, churn as percentages."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KPI 2027"
    sheet.append(["Kế hoạch KPI năm 2027 — cửa hàng online"])
    sheet.append([])
    sheet.append(HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in ROWS:
        sheet.append(_cells(row))
        line = sheet.max_row
        for cell in sheet[line]:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, float) and row[9] == PERCENT:
                cell.number_format = "0.0%"
            elif isinstance(cell.value, int) and cell.value >= 1000:
                cell.number_format = "#,##0"
    sheet.column_dimensions["B"].width = 60
    fixed = datetime(2027, 7, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.save(target)


def main() -> int:
    """Write both files into examples/."""
    write_xlsx(ROOT / "examples" / "kpi-2027.xlsx")
    write_csv(ROOT / "examples" / "kpi-2027.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
