"""File findings (F0xx) are sentences in the goal's or the file's language, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli_in_process

TODAY = "2027-01-15"
BROKEN = {
    "typo.yaml": "goals:\n  - titel: Tăng doanh thu lên 10% trước 31/12/2027\n",
    "types.yaml": "goals:\n  - title: [a, b]\n    baseline: {value: abc, as_of: 2027-02-30}\n",
    "history.yaml": "goals:\n  - title: Tăng doanh thu\n    history: [1, 2]\n",
    "dates.yaml": "goals:\n  - title: Grow\n    history: {2027-02: 5, 2027-01: 4, 2027-Q1: 3}\n",
    "top.yaml": "goal:\n  - Tăng doanh thu\n",
    "syntax.yaml": "goals:\n  - title: 'Tăng doanh thu\n",
    "empty.yaml": "# nothing\n",
    "tags.yaml": "goals:\n  - title: !python/object/apply:os.system [ls]\n  - !important Grow\n",
    "dupe.yaml": "goals:\n  - title: a\n    title: b\n",
    "nested.yaml": "goals:\n  - id: a\n    title: Grow\n    key_results:\n      - title: b\n"
    "        parent: z\n",
}


def lint(folder: Path, *args: str) -> list[dict[str, object]]:
    """Lint every broken file and return the file findings of the JSON report.

    The command line runs in this process (conftest.run_cli_in_process).
    """
    done = run_cli_in_process("--today", TODAY, "-f", "json", *args, *BROKEN, cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    return [f for f in json.loads(done.stdout)["findings"] if str(f["code"]).startswith("F")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_every_file_finding_is_a_sentence_in_both_languages(folder: Path) -> None:
    by_language = {lang: lint(folder, "--lang", lang) for lang in ("vi", "en")}
    assert len(by_language["vi"]) == len(by_language["en"]) >= 12
    for findings in by_language.values():
        for f in findings:
            for text in (str(f["message"]), str(f["suggestion"])):
                assert text[-1] in ".?!", text
                assert text[0].isupper() or text[0] in "`'\"", text
    pairs = zip(by_language["vi"], by_language["en"], strict=True)
    translated = [vi for vi, en in pairs if vi["message"] != en["message"]]
    assert len(translated) == len(by_language["vi"]), [
        vi["message"]
        for vi, en in zip(by_language["vi"], by_language["en"], strict=True)
        if vi["message"] == en["message"]
    ]


def test_without_lang_the_goal_or_file_language_chooses(folder: Path) -> None:
    (folder / "typo.yaml").write_text(
        "goals:\n  - title: Tăng doanh thu lên 10% trước 31/12/2027\n    ownr: An\n",
        encoding="utf-8",
    )
    found = {f["path"]: f for f in lint(folder)}
    assert str(found["typo.yaml"]["message"]).startswith("`ownr` không phải")  # a vi goal
    assert str(found["dates.yaml"]["message"]).startswith("`history` mixes")  # an English goal
    (folder / "typo.yaml").write_text(
        "language: en\ngoals:\n  - titel: x\n", encoding="utf-8"
    )  # the file's language: key for a goal whose text says nothing
    assert str({f["path"]: f for f in lint(folder)}["typo.yaml"]["message"]).startswith(
        "`titel` is not"
    )


def test_did_you_mean_names_the_one_likely_field(folder: Path) -> None:
    typo = next(f for f in lint(folder, "--lang", "en") if f["path"] == "typo.yaml")
    assert typo["message"] == "`titel` is not a goal field; did you mean `title`?"
    assert typo["suggestion"] == "Rename `titel` to `title`."
    vi = next(f for f in lint(folder, "--lang", "vi") if f["path"] == "typo.yaml")
    assert vi["suggestion"] == "Đổi `titel` thành `title`."
