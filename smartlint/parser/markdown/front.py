"""Read a Markdown document's YAML front matter: settings for the whole document.

```markdown
---
smartlint: true          # this is a goal document (false: it never is)
owner: growth-team       # the owner of goals that name none
why: Fund the second shop  # why the top-level goals matter, when they do not say
deadline: 2027-09-30     # the period of goals under no heading with a period
language: en             # vi or en: the language of messages and rewrites
history:                 # goal id -> history, in any form a YAML goal takes
  signups: signups.csv
---
```

Other keys (``title``, ``date``, ``tags`` … of static site generators) are left alone; a
near miss of a key above is reported.  The front matter's lines are blanked, not removed,
before the Markdown is parsed, so every line number still points into the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType

from smartlint.model import History, Language, Problem, Text
from smartlint.parser import codes
from smartlint.parser.compose import compose
from smartlint.parser.fields import text_field
from smartlint.parser.history import read_history
from smartlint.parser.nodes import Map, Node, Scalar, kind_of, kind_said, node_span
from smartlint.parser.report import Sink, rename_or_choose, said, unknown_name
from smartlint.records import record

KEYS = ("smartlint", "owner", "why", "deadline", "language", "history")
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})
_FENCE = "---"


@record
class FrontMatter:
    """What the front matter says for the whole document."""

    opt_in: bool | None = None
    owner: Text | None = None
    why: Text | None = None
    deadline: Text | None = None
    language: Language | None = None
    histories: Mapping[str, History] = field(default_factory=lambda: MappingProxyType({}))


NONE = FrontMatter()


def front_lines(lines: list[str]) -> int:
    """Return how many lines the front matter takes (0 when the document has none)."""
    if not lines or lines[0].rstrip() != _FENCE:
        return 0
    for number in range(1, len(lines)):
        if lines[number].rstrip() in (_FENCE, "..."):
            return number + 1
    return 0


def read_front(
    lines: list[str], count: int, problems: list[Problem], base_dir: Path | None
) -> FrontMatter:
    """Read the first ``count`` lines as front matter; problems go to ``problems``."""
    if count == 0:
        return NONE
    source = "\n".join(["", *lines[1 : count - 1], ""])  # line numbers stay those of the file
    composed = compose(source)
    problems.extend(composed.problems)
    if not composed.documents:
        return NONE
    node = composed.documents[0]
    sink = Sink(problems)
    if not isinstance(node, Map):
        if not (isinstance(node, Scalar) and node.null):
            sink.add(
                codes.WRONG_TYPE,
                node_span(node),
                said(
                    f"front matter là {kind_said(node).vi}, cần các dòng khóa: giá trị",
                    f"the front matter is {kind_of(node)}, expected key: value lines",
                ),
                said(
                    "Viết front matter thành các dòng khóa: giá trị giữa hai dòng ---.",
                    "Write front matter as key: value lines between the two --- lines.",
                ),
            )
        return NONE
    values: dict[str, Text] = {}
    opt_in: bool | None = None
    histories: dict[str, History] = {}
    for key, value in node.pairs:
        if not isinstance(key, Scalar):
            continue
        name = key.value
        if name == "smartlint":
            opt_in = _flag(value, sink)
        elif name == "history":
            histories = _histories(value, sink.about("history"), base_dir)
        elif name in KEYS:
            text = text_field(name, value, source, sink.about(name))
            if text is not None:
                values[name] = text
        else:
            close = difflib.get_close_matches(name.lower(), KEYS, n=1, cutoff=0.8)
            if close:
                sink.add(
                    codes.UNKNOWN_FIELD,
                    node_span(key),
                    unknown_name(
                        name,
                        said(
                            "một khóa front matter mà smartlint đọc",
                            "a front matter key smartlint reads",
                        ),
                        KEYS,
                        close[0],
                    ),
                    rename_or_choose(name, KEYS, close[0]),
                )
    language = values.get("language")
    return FrontMatter(
        opt_in=opt_in,
        owner=values.get("owner"),
        why=values.get("why"),
        deadline=values.get("deadline"),
        language=Language(language.value.strip().lower()) if language else None,
        histories=MappingProxyType(histories),
    )


def _flag(node: Node, sink: Sink) -> bool | None:
    word = node.value.strip().lower() if isinstance(node, Scalar) else ""
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    sink.add(
        codes.WRONG_TYPE,
        node_span(node),
        said(
            "smartlint: trong front matter không phải true cũng không phải false",
            "smartlint: in the front matter is neither true nor false",
        ),
        said(
            "Viết smartlint: true (một tài liệu mục tiêu) hoặc smartlint: false.",
            "Write smartlint: true (a goal document) or smartlint: false.",
        ),
    )
    return None


def _histories(node: Node, sink: Sink, base_dir: Path | None) -> dict[str, History]:
    if not isinstance(node, Map):
        if isinstance(node, Scalar) and node.null:
            return {}
        sink.add(
            codes.WRONG_TYPE,
            node_span(node),
            said(
                "history trong front matter không phải bảng từ id mục tiêu tới lịch sử",
                "history in the front matter is not a mapping of goal ids to histories",
            ),
            said(
                "Viết history: với mỗi mục tiêu một dòng 'id-mục-tiêu: lịch sử', ví dụ"
                " signups: signups.csv.",
                "Write history: with one 'goal-id: history' line per goal, e.g."
                " signups: signups.csv.",
            ),
        )
        return {}
    found: dict[str, History] = {}
    for key, value in node.pairs:
        if isinstance(key, Scalar):
            history = read_history(value, sink, base_dir)
            if history is not None:
                found.setdefault(key.value, history)
    return found
