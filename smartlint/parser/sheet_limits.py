"""Which files are spreadsheets, and how much of one smartlint reads (a module cheap to import).

Discovery and the rule docs need these before any sheet is read, so they live apart from
the readers: a YAML-only run imports nothing else of the spreadsheet code.
"""

from __future__ import annotations

CSV_SUFFIXES = (".csv", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SHEET_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES
MAX_ROWS = 10_000  # rows read per file; a goal sheet has hundreds, a data dump millions
MAX_COLUMNS = 100  # columns read per row; a goal sheet with twelve months of actuals needs ~25
MAX_UNPACKED = 100_000_000  # bytes of a workbook's members once inflated; goal workbooks take kB


def is_sheet(name: str) -> bool:
    """Tell whether a file name is a CSV file or an XLSX workbook."""
    return name.lower().endswith(SHEET_SUFFIXES)
