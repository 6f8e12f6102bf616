"""Read Markdown goal documents (OKRs as teams write them) into the goals YAML files give.

Public API: :func:`parse_markdown`, :func:`is_markdown_path`.  :mod:`.recognise` tells which
Markdown files are goal documents without the Markdown parser.  Importing this package costs
nothing more: everything else is imported when a Markdown file is read, so runs over YAML
alone never load markdown-it or compile the patterns Markdown needs.
Stages: :mod:`.front` (YAML front matter) -> :mod:`.outline` (markdown-it-py: blocks with
positions) -> :mod:`.build` (objectives, key results, tables, heading periods), which reads
fields through :mod:`.inline` with the YAML parser's readers.
"""

from __future__ import annotations

from pathlib import Path

from smartlint.model import FILE_START, ParsedFile, Problem
from smartlint.parser import codes
from smartlint.parser.report import problem, said

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_MARKDOWN_CHARS = 2_000_000  # hundreds of pages; a 2 MB table of goals reads in ~10 s


def is_markdown_path(path: str) -> bool:
    """Tell whether a path names a Markdown file (``.md``, ``.markdown``)."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def parse_markdown(
    text: str, path: str, *, first_index: int = 0, base_dir: Path | None = None
) -> ParsedFile:
    """Parse a Markdown document's text (newlines already LF) into goals and problems."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return ParsedFile(path, (), (_too_large(len(text)),))
    from smartlint.parser.markdown.build import Builder  # markdown-it: only for Markdown runs
    from smartlint.parser.markdown.front import front_lines, read_front
    from smartlint.parser.markdown.outline import outline

    lines = text.split("\n")
    problems: list[Problem] = []
    count = front_lines(lines)
    front = read_front(lines, count, problems, base_dir)
    body = "\n" * count + "\n".join(lines[count:]) if count else text
    builder = Builder(path, lines, base_dir, first_index, front, problems)
    builder.read(outline(body))
    if not builder.goals:
        problems.append(
            problem(
                codes.NO_GOALS_FOUND,
                FILE_START,
                said(
                    "không tìm thấy mục tiêu nào trong tài liệu Markdown này: không có nhãn mục"
                    " tiêu hay kết quả then chốt, tiêu đề, danh sách hay bảng mục tiêu",
                    "no goals found in this Markdown document: no objective or key result"
                    " labels, goal headings, goal lists or goal tables",
                ),
                said(
                    'Gắn nhãn mục tiêu ("Mục tiêu 1:", "KR1:"), đặt chúng dưới một tiêu đề như'
                    ' "## OKR quý 3 năm 2027", hoặc chỉ kiểm tra các tài liệu mục tiêu.',
                    'Label goals ("Objective 1:", "KR1:"), put them under a heading such as'
                    ' "## Q3 2027 OKRs", or lint only goal documents.',
                ),
            )
        )
    ordered = sorted(problems, key=lambda p: (p.span.line, p.span.column))
    return ParsedFile(path, tuple(builder.goals), tuple(ordered), language_hint=front.language)


def _too_large(size: int) -> Problem:
    return problem(
        codes.FILE_TOO_LARGE,
        FILE_START,
        said(
            f"tệp nặng {size / 1_000_000:.1f} MB; smartlint đọc tài liệu mục tiêu Markdown tối"
            f" đa {MAX_MARKDOWN_CHARS // 1_000_000} MB",
            f"the file is {size / 1_000_000:.1f} MB; smartlint reads Markdown goal documents up"
            f" to {MAX_MARKDOWN_CHARS // 1_000_000} MB",
        ),
        said("Chia tài liệu ra nhiều tệp.", "Split the document into several files."),
    )
