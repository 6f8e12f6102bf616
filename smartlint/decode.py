"""Turn a goal file's bytes into text: UTF-8/16/32, legacy Vietnamese, or a refusal for binaries."""

from __future__ import annotations

import codecs
import unicodedata
from typing import Literal

from smartlint.model import FILE_START, Span
from smartlint.records import record

LEGACY = "cp1258"  # Windows Vietnamese, what old Office and Notepad wrote on Vietnamese Windows
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192  # enough bytes to tell text from binary without reading a huge file twice
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


@record
class Issue:
    """What went wrong while decoding; the parser turns it into a file problem."""

    kind: Literal["binary", "legacy", "undecodable"]
    span: Span
    message: str
    suggestion: str
    message_vi: str = ""
    suggestion_vi: str = ""


@record
class Decoded:
    """The text of a file (None when it cannot be read as text), and what decoding found."""

    text: str | None
    encoding: str
    issue: Issue | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a goal file's bytes, never raising; binaries and undecodable files give no text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        return (
            _strict(data, utf16) if utf16 else _binary("it contains NUL bytes", "tệp chứa byte NUL")
        )
    if _mostly_controls(data[:_SNIFF]):
        return _binary(
            "most of its first bytes are control characters",
            "phần lớn các byte đầu là ký tự điều khiển",
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _legacy(data, error.start)


def normalize_newlines(text: str) -> str:
    """Return text with CRLF line ends as LF, so columns and slices agree everywhere."""
    return text.replace("\r\n", "\n")


def _strict(data: bytes, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return _binary(
            f"it is not valid {encoding.upper()} although it looks like it",
            f"tệp trông như {encoding.upper()} nhưng không hợp lệ",
        )
    if "\x00" in text:
        return _binary(
            f"it contains NUL characters even when read as {encoding.upper()}",
            f"tệp vẫn chứa ký tự NUL khi đọc theo {encoding.upper()}",
        )
    return Decoded(text, encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order whose NUL pattern the data shows (mostly-ASCII text), if any."""
    sample = data[: _SNIFF - _SNIFF % 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _mostly_controls(sample: bytes) -> bool:
    if not sample:
        return False
    controls = sum(1 for b in sample if (b < 0x20 or b == 0x7F) and b not in _TEXT_CONTROLS)
    return controls > 0.05 * len(sample)


def _legacy(data: bytes, bad_at: int) -> Decoded:
    span = _span_at(data, bad_at)
    shown = data[bad_at : bad_at + 4].hex(" ")
    try:
        # cp1258 writes tones as combining marks; NFC gives the characters editors show
        text = unicodedata.normalize("NFC", data.decode(LEGACY))
    except UnicodeDecodeError:
        issue = Issue(
            "undecodable",
            span,
            f"the file is not UTF-8 (bytes {shown} at line {span.line}) and not Windows-1258"
            " (cp1258) either",
            "Save the file as UTF-8.",
            f"tệp không phải UTF-8 (các byte {shown} ở dòng {span.line}) và cũng không phải"
            " Windows-1258 (cp1258)",
            "Lưu tệp dạng UTF-8.",
        )
        return Decoded(None, "unknown", issue)
    issue = Issue(
        "legacy",
        span,
        f"the file is not UTF-8 (bytes {shown} at line {span.line}); it was read as"
        " Windows-1258 (cp1258, Windows Vietnamese); save it as UTF-8",
        "Save the file as UTF-8 so every tool reads the same characters.",
        f"tệp không phải UTF-8 (các byte {shown} ở dòng {span.line}); nó được đọc theo"
        " Windows-1258 (cp1258, bảng mã tiếng Việt của Windows)",
        "Lưu tệp dạng UTF-8 để mọi công cụ đọc ra cùng các ký tự.",
    )
    return Decoded(text, LEGACY, issue)


def _span_at(data: bytes, offset: int) -> Span:
    """Return the 1-based position of a byte offset, counting columns in cp1258 characters."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Span(line, column, line, column + 1)


def _binary(why: str, why_vi: str) -> Decoded:
    issue = Issue(
        "binary",
        FILE_START,
        f"not a text file: {why}",
        "Pass a YAML goal file; exclude binary files from the paths smartlint reads.",
        f"không phải tệp văn bản: {why_vi}",
        "Đưa vào một tệp mục tiêu YAML; loại các tệp nhị phân khỏi các đường dẫn smartlint đọc.",
    )
    return Decoded(None, "binary", issue)
