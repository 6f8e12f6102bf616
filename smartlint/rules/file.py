"""File and schema rules (``F0xx``): the parser reports them while reading a goal file."""

from __future__ import annotations

from smartlint.model import Criterion, Effect, Severity
from smartlint.parser import codes
from smartlint.parser.nodes import MAX_DEPTH
from smartlint.parser.sheet_limits import MAX_ROWS
from smartlint.rules.base import Rule, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _file_rule(code: str, name: str, severity: Severity, fix: str, doc: str) -> Rule:
    effect = Effect.NONE if severity is INFO else Effect.FAIL
    return rule(code, name, Criterion.FILE, severity, effect=effect, doc=doc, fix=fix)


def _docs(summary: str, what: str, why: str, example: str, instead: str, lang: str = "yaml") -> str:
    """Lay out a rule's docs; ``lang`` tags the examples' code blocks ("" for plain text)."""
    return (
        f"{summary}\n\n## What it does\n{what}\n\n## Why is this bad?\n{why}\n\n"
        f"## Example\n```{lang}\n{example}```\n\n## Use instead\n```{lang}\n{instead}```\n"
    )


_GOOD = (
    "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog từ 1.000 lên 1.200 trước 31/12/2027\n"
)

INVALID_YAML = _file_rule(
    codes.INVALID_YAML,
    "invalid-yaml",
    ERROR,
    "Fix the YAML syntax at the reported position.",
    _docs(
        "The file is not valid YAML.",
        "Reports the first YAML syntax error (tabs, unclosed quotes or brackets) at its position.",
        "Nothing in a file YAML cannot read can be linted; other tools reject it as well.",
        "goals:\n  - title: 'Tăng doanh thu\n",
        _GOOD,
    ),
)
DUPLICATE_KEY = _file_rule(
    codes.DUPLICATE_KEY,
    "duplicate-key",
    ERROR,
    "Keep one occurrence of the key in the mapping.",
    _docs(
        "A mapping gives the same key twice.",
        "Reports the second key and names the line of the first; smartlint keeps the first.",
        "Most YAML loaders silently keep the last value, so tools disagree on what the goal says.",
        "goals:\n  - title: Tăng doanh thu lên 10%\n    title: Tăng doanh thu lên 20%\n",
        _GOOD,
    ),
)
UNKNOWN_FIELD = _file_rule(
    codes.UNKNOWN_FIELD,
    "unknown-field",
    WARNING,
    "Rename the field to a known one, or remove it.",
    _docs(
        "A goal has a field smartlint does not know.",
        "Reports a field that is not a goal field, with the closest known name"
        " (`titel` -> `title`; `goal`, `name` and `statement` -> `title`).",
        "A misspelt field is ignored, so the goal is judged without what it was meant to say.",
        "goals:\n  - id: blog\n    titel: Tăng lượt truy cập blog lên 20%\n",
        _GOOD,
    ),
)
WRONG_TYPE = _file_rule(
    codes.WRONG_TYPE,
    "wrong-type",
    ERROR,
    "Give the field the kind of value it takes: text, a number, a list or a mapping.",
    _docs(
        "A field holds the wrong kind of value.",
        "Reports a field whose value is a list where text is expected, a number where a"
        " history is expected, an empty goal, and similar mismatches.",
        "The value cannot be read, so the goal is judged as if the field were missing.",
        "goals:\n  - id: blog\n    title: [Tăng lượt truy cập, blog]\n",
        _GOOD,
    ),
)
EMPTY_FILE = _file_rule(
    codes.EMPTY_FILE,
    "empty-file",
    WARNING,
    "Add goals to the file, or remove it.",
    _docs(
        "The file is empty or holds only comments.",
        "Reports a goal file with no YAML content at all.",
        "An empty goal file is usually a mistake: a wrong path or an unsaved editor buffer.",
        "# goals for 2027 go here\n",
        _GOOD,
    ),
)
NOT_A_GOAL_LIST = _file_rule(
    codes.NOT_A_GOAL_LIST,
    "not-a-goal-list",
    ERROR,
    "Write the goals as a list under goals:, one '- ' item per goal.",
    _docs(
        "The goals are not written as a list.",
        "Reports a file (or `goals:`, `key_results:`) that holds a single value or a mapping"
        " where a list of goals belongs. A lone goal mapping is still read as one goal.",
        "smartlint reads goals from a list; anything else hides the goals it should judge.",
        "goals: Tăng doanh thu lên 10%\n",
        _GOOD,
    ),
)
NOT_A_GOAL_FILE = _file_rule(
    codes.NOT_A_GOAL_FILE,
    "not-a-goal-file",
    INFO,
    "Lint goal files only, or put the goals under goals:.",
    _docs(
        "The YAML file is not a goal file.",
        "Notes a YAML mapping without `goals:` (a CI workflow, a compose file) and reads no"
        " goals from it; directory walks skip such files quietly.",
        "It is not bad in itself; linting it as goals would only produce noise.",
        "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
        _GOOD,
    ),
)
LEGACY_ENCODING = _file_rule(
    codes.LEGACY_ENCODING,
    "legacy-encoding",
    WARNING,
    "Save the file as UTF-8.",
    _docs(
        "The file is not UTF-8; it was read as Windows-1258 (Windows Vietnamese).",
        "Reports a file whose bytes are not UTF-8 but read as cp1258, and lints the text.",
        "Other tools and editors will show broken Vietnamese characters.",
        "# saved as Windows-1258, so 'Tăng' is the bytes 54 E3 6E 67\n"
        "goals:\n  - Tăng doanh thu lên 10% trước 31/12/2027\n",
        "# saved as UTF-8\ngoals:\n  - Tăng doanh thu lên 10% trước 31/12/2027\n",
    ),
)
UNDECODABLE_FILE = _file_rule(
    codes.UNDECODABLE_FILE,
    "undecodable-file",
    ERROR,
    "Save the file as UTF-8.",
    _docs(
        "The file is neither UTF-8 nor Windows-1258.",
        "Reports a file whose bytes no supported encoding reads; no goals are read from it.",
        "Guessing an encoding would lint garbled text.",
        "# bytes 81 8A 8D are not UTF-8 and not defined in Windows-1258\n"
        "goals:\n  - Tăng doanh thu\n",
        "# saved as UTF-8\ngoals:\n  - Tăng doanh thu lên 10% trước 31/12/2027\n",
    ),
)
BINARY_FILE = _file_rule(
    codes.BINARY_FILE,
    "binary-file",
    ERROR,
    "Exclude binary files from the paths smartlint reads.",
    _docs(
        "The file is not a text file.",
        "Reports a file with NUL bytes (that are not UTF-16) or mostly control characters.",
        "A binary file (an image, an archive) was passed by mistake; nothing in it is a goal.",
        "# the bytes of a PNG image: 89 50 4E 47 0D 0A 1A 0A 00 00 00 0D ...\n",
        _GOOD,
    ),
)
UNSAFE_TAG = _file_rule(
    codes.UNSAFE_TAG,
    "unsafe-tag",
    ERROR,
    "Remove the tag.",
    _docs(
        "A value carries a tag that builds Python objects.",
        "Reports `!!python/...` tags; smartlint never constructs them and ignores the value.",
        "Such tags run code in tools that load the file unsafely; a goal file never needs them.",
        "goals:\n  - title: !!python/object/apply:os.system [echo hi]\n",
        _GOOD,
    ),
)
UNKNOWN_TAG = _file_rule(
    codes.UNKNOWN_TAG,
    "unknown-tag",
    WARNING,
    "Remove the tag.",
    _docs(
        "A value carries a tag that means nothing in a goal file.",
        "Reports tags other than YAML's core ones (`!!str`, `!!int`, ...); the value is read"
        " as written.",
        "Other tools may refuse the file or read the value differently.",
        "goals:\n  - title: !important Tăng doanh thu lên 10% trước 31/12/2027\n",
        _GOOD,
    ),
)
NESTING_TOO_DEEP = _file_rule(
    codes.NESTING_TOO_DEEP,
    "nesting-too-deep",
    ERROR,
    "Flatten the file; goals nest a few levels at most.",
    _docs(
        f"The file nests lists or mappings more than {MAX_DEPTH} levels deep.",
        "Refuses the whole file before building it, at the first level too deep.",
        "Such nesting is an accident or an attack that would exhaust memory or the stack.",
        "goals: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        _GOOD,
    ),
)
ALIAS_NOT_ALLOWED = _file_rule(
    codes.ALIAS_NOT_ALLOWED,
    "alias-not-allowed",
    ERROR,
    "Write the goal or list out once instead of repeating it with *alias.",
    _docs(
        "An alias stands for a goal, a list or a mapping.",
        "Reports `*alias` used for a goal, a goal list, a history or a baseline; aliases of"
        " single values (`owner: *team`) are fine.",
        "Repeated structures make one goal appear twice, and nested aliases can blow up into"
        " billions of nodes (the billion laughs attack).",
        "goals:\n  - &g {id: blog, title: Tăng lượt truy cập blog lên 20%}\n  - *g\n",
        _GOOD,
    ),
)
BAD_HISTORY = _file_rule(
    codes.BAD_HISTORY,
    "bad-history",
    ERROR,
    "Write history as {period: month, values: [...]}, a date -> value mapping, or a CSV file.",
    _docs(
        "A history cannot be read.",
        "Reports a history with no period, no values, mixed kinds of dates, the same date"
        " twice, or a CSV file that is missing, unreadable or has malformed rows"
        " (with the CSV line number).",
        "Without a readable history, Achievable cannot compare the target with past pace.",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    history: [1000, 1050]\n",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    history: {period: month, values: [1000, 1050]}\n",
    ),
)
BAD_NUMBER = _file_rule(
    codes.BAD_NUMBER,
    "bad-number",
    ERROR,
    "Write a plain finite number such as 12000, 12.000 or 2,5.",
    _docs(
        "A baseline or history value is not a usable number.",
        "Reports values that are not numbers, NaN, infinite or too large (`1e400`), read"
        " from the source text as written.",
        "The value is dropped, so the goal's pace is judged on less data.",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    baseline: mười nghìn\n",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n    baseline: 10.000\n",
    ),
)
BAD_DATE = _file_rule(
    codes.BAD_DATE,
    "bad-date",
    ERROR,
    "Write a date that exists, e.g. 2027-02-28, 2027-03 or 2027-Q1.",
    _docs(
        "A history date or a baseline's as_of is not a date that exists.",
        "Reports impossible dates (`2027-02-30`, `2027-13`, `2027-Q5`) and text that is not"
        " a date where one is required.",
        "The value cannot be placed in time, so it is dropped.",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    baseline: {value: 1000, as_of: 2027-02-30}\n",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    baseline: {value: 1000, as_of: 2027-02-28}\n",
    ),
)
UNSORTED_HISTORY = _file_rule(
    codes.UNSORTED_HISTORY,
    "unsorted-history",
    INFO,
    "List history oldest first.",
    _docs(
        "History dates are not in order; smartlint sorted them.",
        "Notes a dated history whose dates go back in time somewhere.",
        "Readers expect oldest first; out-of-order values are easy to misread.",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    history: {2027-02: 1050, 2027-01: 1000}\n",
        "goals:\n  - id: blog\n    title: Tăng lượt truy cập blog lên 20%\n"
        "    history: {2027-01: 1000, 2027-02: 1050}\n",
    ),
)
NEGATIVE_VALUE = _file_rule(
    codes.NEGATIVE_VALUE,
    "negative-value",
    INFO,
    "Use a metric that stays positive if its pace should be judged.",
    _docs(
        "A baseline or history value is negative.",
        "Notes negative values; they are kept, and the Achievable rules decide what to do.",
        "Growth is compared in log space, where negative values have no pace.",
        "goals:\n  - id: profit\n    title: Tăng lợi nhuận lên 2 tỷ\n    baseline: -500\n",
        "goals:\n  - id: profit\n    title: Tăng lợi nhuận lên 2 tỷ\n    baseline: 500\n",
    ),
)
UNKNOWN_LANGUAGE = _file_rule(
    codes.UNKNOWN_LANGUAGE,
    "unknown-language",
    WARNING,
    "Write language: vi or language: en, or remove it.",
    _docs(
        "A goal names a language smartlint does not read.",
        "Reports `language:` values other than `vi` and `en`; the language is then guessed.",
        "smartlint reads and writes only Vietnamese and English.",
        "goals:\n  - title: Tăng doanh thu lên 10%\n    language: vn\n",
        "goals:\n  - title: Tăng doanh thu lên 10%\n    language: vi\n",
    ),
)
CONFLICTING_PARENT = _file_rule(
    codes.CONFLICTING_PARENT,
    "conflicting-parent",
    WARNING,
    "Remove parent: from nested goals; the nesting already links them.",
    _docs(
        "A nested goal names a parent other than the goal it is nested in.",
        "Reports `parent:` on a goal under `key_results:` or `children:` when it differs from"
        " the enclosing goal's id; the nesting wins.",
        "The file says two different things about where the goal belongs.",
        "goals:\n  - id: revenue\n    title: Tăng doanh thu\n    key_results:\n"
        "      - title: Tăng lượt truy cập\n        parent: marketing\n",
        "goals:\n  - id: revenue\n    title: Tăng doanh thu\n    key_results:\n"
        "      - title: Tăng lượt truy cập\n",
    ),
)
FILE_TOO_LARGE = _file_rule(
    codes.FILE_TOO_LARGE,
    "file-too-large",
    ERROR,
    "Split the goals into several files.",
    _docs(
        "The file is larger than smartlint reads (32 MB; 2 MB for a Markdown document).",
        "Refuses a goal file above the size limit without reading it.",
        "No goal file is that large; reading one would only use memory and time.",
        "# a 25 MB file: thousands of goals, or a data dump saved with a .yaml name\n",
        _GOOD,
    ),
)
NO_GOALS_FOUND = _file_rule(
    codes.NO_GOALS_FOUND,
    "no-goals-found",
    WARNING,
    "Write the goals in a layout smartlint reads, or lint only goal documents.",
    "A Markdown file named for linting holds no goals.\n\n"
    "## What it does\n"
    "Reports a Markdown document in which no goal was found: no heading or list item"
    " labelled as an objective or key result, no goal section (a heading such as"
    ' "## Q3 2027 OKRs" or "## Mục tiêu") holding a list, no table with a goal and a target'
    " column. Directory walks read only Markdown files recognisable as goal documents, and"
    " `--skip-non-goal-files` skips the others quietly, so this comes from a file named on the"
    " command line.\n\n"
    "## Why is this bad?\n"
    "A document meant to hold goals whose layout smartlint does not read would pass without"
    " a single goal checked.\n\n"
    "## Example\n```markdown\n# Team handbook\n\nWe meet on Mondays.\n```\n\n"
    "## Use instead\n```markdown\n# Q3 2027 OKRs\n\n"
    "- Objective 1: Grow the newsletter\n"
    "  - KR1: Raise subscribers from 4,000 to 4,400 by 30 September 2027\n```\n",
)


def _sheet_docs(summary: str, what: str, why: str, example: str, instead: str) -> str:
    """Docs of a spreadsheet rule: its examples are sheets, shown as CSV or described."""
    return _docs(summary, what, why, example, instead, lang="")


_GOOD_SHEET = (
    "Mục tiêu;Hiện tại;Chỉ tiêu;Thời hạn\nTăng lượt truy cập blog;1.000;1.200;31/12/2027\n"
)

SHEET_TOO_LARGE = _file_rule(
    codes.SHEET_TOO_LARGE,
    "sheet-too-large",
    ERROR,
    "Keep goals in a sheet of their own; move data rows to another file.",
    _sheet_docs(
        "A goal sheet has more rows than smartlint reads, or a workbook unpacks too large.",
        f"Reads the first {MAX_ROWS:,} rows of a CSV file or workbook and says where it stopped;"
        " refuses a workbook whose zip directory says it unpacks to more than 100 MB (a zip"
        " bomb) before anything is inflated.",
        "Goal sheets hold hundreds of rows; a data dump or a zip bomb would only use memory"
        " and time, and the goals past the limit are not linted.",
        f"Mục tiêu;Chỉ tiêu\n({MAX_ROWS + 1:,} rows of data)\n",
        _GOOD_SHEET,
    ),
)
FORMULA_WITHOUT_VALUE = _file_rule(
    codes.FORMULA_WITHOUT_VALUE,
    "formula-without-value",
    WARNING,
    "Open the workbook in a spreadsheet program and save it, so formulas keep their values.",
    _sheet_docs(
        "A workbook cell holds a formula saved without its value.",
        "smartlint reads the value each formula had when the workbook was last saved (it never"
        " calculates); a formula saved without one, as some programs and scripts write them,"
        " is reported at its cell and read as empty.",
        "A target or a month's actual computed by a formula would silently be missing.",
        "A1: Mục tiêu   B1: Chỉ tiêu\nA2: Tăng lượt truy cập blog   B2: =C2*1.2  (no saved value)\n",
        "A1: Mục tiêu   B1: Chỉ tiêu\nA2: Tăng lượt truy cập blog   B2: 1200\n",
    ),
)
UNREADABLE_WORKBOOK = _file_rule(
    codes.UNREADABLE_WORKBOOK,
    "unreadable-workbook",
    ERROR,
    "Save the goals as an unencrypted .xlsx workbook or a CSV file.",
    _sheet_docs(
        "A spreadsheet cannot be read.",
        "Reports a workbook that is encrypted, an old .xls file, not a zip archive, a zip"
        " without a workbook, or damaged inside, and a CSV file that stops being CSV (an"
        " endless quoted field); the other files of the run are still linted.",
        "Nothing in a file that cannot be opened can be linted.",
        "(a password-protected plan.xlsx, or a text file renamed to plan.xlsx)\n",
        _GOOD_SHEET,
    ),
)
MERGED_CELLS = _file_rule(
    codes.MERGED_CELLS,
    "merged-cells",
    WARNING,
    "Unmerge the cells and repeat the value on each row.",
    _sheet_docs(
        "A workbook merges cells in its goal rows.",
        "Reports merged ranges below the header row: only the range's first cell holds the"
        " value, so the other rows read it as empty (a merged Owner or Deadline cell over"
        " three goals gives it to the first goal only).",
        "Goals lose the field they appear to share.",
        "A1: Mục tiêu   B1: Thời hạn\nA2: Tăng doanh thu lên 2,5 tỷ   B2:B3 merged: 31/12/2027\n"
        "A3: Tăng số đơn hàng lên 1.200\n",
        "A1: Mục tiêu   B1: Thời hạn\nA2: Tăng doanh thu lên 2,5 tỷ   B2: 31/12/2027\n"
        "A3: Tăng số đơn hàng lên 1.200   B3: 31/12/2027\n",
    ),
)

RULES: tuple[Rule, ...] = (
    INVALID_YAML,
    DUPLICATE_KEY,
    UNKNOWN_FIELD,
    WRONG_TYPE,
    EMPTY_FILE,
    NOT_A_GOAL_LIST,
    NOT_A_GOAL_FILE,
    LEGACY_ENCODING,
    UNDECODABLE_FILE,
    BINARY_FILE,
    UNSAFE_TAG,
    UNKNOWN_TAG,
    NESTING_TOO_DEEP,
    ALIAS_NOT_ALLOWED,
    BAD_HISTORY,
    BAD_NUMBER,
    BAD_DATE,
    UNSORTED_HISTORY,
    NEGATIVE_VALUE,
    UNKNOWN_LANGUAGE,
    CONFLICTING_PARENT,
    FILE_TOO_LARGE,
    NO_GOALS_FOUND,
    SHEET_TOO_LARGE,
    FORMULA_WITHOUT_VALUE,
    UNREADABLE_WORKBOOK,
    MERGED_CELLS,
)

# Rules met before YAML is read: their YAML examples cannot show the bytes, so tests that
# go through ``parse_bytes`` take Example and Use instead from here.
BYTE_LEVEL = frozenset(
    {codes.LEGACY_ENCODING, codes.UNDECODABLE_FILE, codes.BINARY_FILE, codes.FILE_TOO_LARGE}
)


def byte_examples(code: str) -> tuple[bytes, bytes] | None:
    """Return the (Example, Use instead) bytes of a byte-level rule, built on demand."""
    good = _GOOD.encode()
    if code == codes.LEGACY_ENCODING:
        return "goals:\n  - Tăng doanh thu lên 10%\n".encode("cp1258"), good
    if code == codes.UNDECODABLE_FILE:
        return b"goals:\n  - T\x81\x8a\x8dng\n", good
    if code == codes.BINARY_FILE:
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", good
    if code == codes.FILE_TOO_LARGE:
        return b"# " + b"x" * 32_000_000 + b"\n", good
    return None


# Rules met only in spreadsheets: their examples are files, built on demand.
SHEET_LEVEL = frozenset(
    {
        codes.SHEET_TOO_LARGE,
        codes.FORMULA_WITHOUT_VALUE,
        codes.UNREADABLE_WORKBOOK,
        codes.MERGED_CELLS,
    }
)


def sheet_examples(code: str) -> tuple[str, bytes, bytes] | None:
    """Return (file suffix, Example bytes, Use instead bytes) of a spreadsheet rule."""
    good = _GOOD_SHEET.encode()
    if code == codes.SHEET_TOO_LARGE:
        many = "".join(f"Tăng doanh số cửa hàng {i} lên 10%;110\n" for i in range(MAX_ROWS + 1))
        return ".csv", ("Mục tiêu;Chỉ tiêu\n" + many).encode(), good
    if code == codes.UNREADABLE_WORKBOOK:
        return (
            ".xlsx",
            b"PK\x03\x04 this is not a workbook",
            _workbook([["Mục tiêu", "Chỉ tiêu"], ["Tăng", 1]]),
        )
    if code == codes.FORMULA_WITHOUT_VALUE:
        header: list[object] = ["Mục tiêu", "Hiện tại", "Chỉ tiêu"]
        bad = _workbook([header, ["Tăng lượt truy cập blog", 1000, "=B2*1.2"]])
        return ".xlsx", bad, _workbook([header, ["Tăng lượt truy cập blog", 1000, 1200]])
    if code == codes.MERGED_CELLS:
        rows: list[list[object]] = [["Mục tiêu", "Thời hạn"], ["Tăng doanh thu", "31/12/2027"]]
        rows.append(["Tăng số đơn hàng", None])
        return ".xlsx", _workbook(rows, merge="B2:B3"), _workbook(rows[:2])
    return None


def _workbook(rows: list[list[object]], merge: str | None = None) -> bytes:
    """Write a small workbook; openpyxl saves formulas without values, as the rule expects."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge is not None:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
