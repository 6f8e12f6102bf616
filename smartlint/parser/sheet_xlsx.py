"""Read an XLSX workbook's sheets as rows of cells, refusing hostile archives before opening them.

openpyxl is imported here, on the first workbook read, so a YAML-only run never loads it.
The archive is checked first from its zip directory alone (no member is inflated): not a
zip (an encrypted workbook or an old .xls is an OLE file), no workbook inside, or more than
:data:`MAX_UNPACKED` bytes once unpacked (a zip bomb) is refused.  openpyxl then reads in
read-only mode, streaming rows, with the values formulas had when the file was last saved
(``data_only``).  A second streaming pass over each goal sheet's XML finds what openpyxl's
read-only mode does not report: formula cells saved without a value, and merged cells.
"""

from __future__ import annotations

import posixpath
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from smartlint.parser.sheet_limits import MAX_COLUMNS, MAX_UNPACKED
from smartlint.parser.sheet_table import Cell, SheetRow
from smartlint.records import record

MAX_NOTED = 5  # formula and merged-cell findings listed per sheet, then a count
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and legacy .xls files
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Refused(ValueError):
    """The workbook cannot be read; the message says why in one sentence."""


@record
class SheetMarks:
    """What the raw pass over a sheet's XML found: cells with formulas but no value, merges."""

    formulas: tuple[str, ...]  # cell references such as "D7", at most MAX_NOTED
    formula_count: int
    merges: tuple[str, ...]  # ranges such as "A3:A6" that reach below the header
    merge_count: int


def check_archive(path: Path) -> zipfile.ZipFile:
    """Open the archive and check its directory; raise :class:`Refused` for hostile files."""
    with path.open("rb") as stream:
        magic = stream.read(8)
    if magic == _OLE:
        raise Refused(
            "the workbook is encrypted (password-protected) or in the old .xls format;"
            " smartlint reads unencrypted .xlsx files"
        )
    if not magic.startswith(b"PK"):
        raise Refused("not an XLSX workbook: the file is not a zip archive")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Refused(f"not an XLSX workbook: the zip archive is damaged ({error})") from None
    try:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise Refused(
                f"the workbook unpacks to {unpacked / 1_000_000:,.0f} MB; smartlint reads"
                f" workbooks up to {MAX_UNPACKED // 1_000_000} MB unpacked"
            )
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
            raise Refused("not an XLSX workbook: the zip archive holds no xl/workbook.xml")
    except Refused:
        archive.close()
        raise
    return archive


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet's name to its XML part, from the workbook and its relationships."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.get("Id")}
    parts: dict[str, str] = {}
    for sheet in book.iter():
        if sheet.tag.rpartition("}")[2] != "sheet":
            continue
        target = targets.get(sheet.get(_REL))
        if target:
            parts[sheet.get("name", "")] = (
                target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            )
    return parts


def scan_marks(archive: zipfile.ZipFile, part: str, header_line: int) -> SheetMarks:
    """Stream one sheet's XML for formula cells saved without a value and for merged cells."""
    formulas: list[str] = []
    merges: list[str] = []
    formula_count = merge_count = 0
    data: ElementTree.Element | None = None
    with archive.open(part) as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "sheetData":
                    data = element
                continue
            if tag == "c":
                kinds = {child.tag.rpartition("}")[2]: child for child in element}
                value = kinds.get("v")
                if "f" in kinds and (value is None or not (value.text or "").strip()):
                    formula_count += 1
                    if len(formulas) < MAX_NOTED:
                        formulas.append(element.get("r", "?"))
            elif tag == "row" and data is not None:
                data.clear()  # rows are done with: memory stays flat however long the sheet
            elif tag == "mergeCell":
                ref = element.get("ref", "")
                if _below(ref, header_line):
                    merge_count += 1
                    if len(merges) < MAX_NOTED:
                        merges.append(ref)
    return SheetMarks(tuple(formulas), formula_count, tuple(merges), merge_count)


def _below(ref: str, header_line: int) -> bool:
    """Tell whether a merged range reaches a row below the header."""
    last = ref.rpartition(":")[2]
    digits = "".join(ch for ch in last if ch.isdigit())
    return bool(digits) and int(digits) > header_line


def open_workbook(path: Path) -> Any:
    """Open a checked workbook with openpyxl in read-only mode, cached formula values."""
    import openpyxl  # only runs that read a workbook pay for openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        return openpyxl.load_workbook(path, read_only=True, data_only=True)


def sheet_rows(sheet: Any) -> Iterator[SheetRow]:
    """Yield a read-only sheet's rows, numbered as in the workbook, at most MAX_COLUMNS wide."""
    sheet.reset_dimensions()  # a stale saved dimension would cut rows off
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. a date cell whose serial is out of range
        for line, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            yield SheetRow(line, tuple(_cell(c) for c in row))


def _cell(cell: Any) -> Cell | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return Cell(str(value).upper())
    if isinstance(value, datetime):
        return Cell(value.date().isoformat(), day=value.date())
    if isinstance(value, date):
        return Cell(value.isoformat(), day=value)
    if isinstance(value, (time, timedelta)):
        return Cell(str(value))
    if isinstance(value, (int, float)):
        number = float(value)
        if "%" in str(getattr(cell, "number_format", "") or ""):
            return Cell(f"{number_text(number * 100)}%", number * 100)
        return Cell(number_text(number), number)
    text = str(value).strip()
    return Cell(text) if text else None


def number_text(number: float) -> str:
    """Write a stored number so the sentence reader reads it back unchanged.

    Integers need no separator; a fraction gets a decimal point and never exactly three
    decimals, which Vietnamese writing reads as a thousands group ("1.234" is 1234).
    """
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    text = f"{number:.10g}"
    if "e" in text:
        return text
    decimals = text.partition(".")[2]
    return text + "0" if len(decimals) == 3 else text
