"""The files of a graded class: YAML that reads back exactly, CSV a spreadsheet cannot run,
and a folder that is never left half written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factquiz import gradebook
from factquiz.bank import load_bank
from factquiz.batch import grade_class, grade_to_folder
from factquiz.errors import Location
from factquiz.gradebook import csv_number, csv_text, results_lines, write_folder, yaml_str
from factquiz.sheets import AnswerSheet
from factquiz.yamlio import parse_yaml

DATA = Path(__file__).parent / "data" / "batch"
HOSTILE = [
    "", " ", "null", "~", "no", "12:30", "0x1F", "1e3", "- x", "? y", ": z", "# c", "&a", "*a",
    "!!python/object", "'", '"', "\\", "a\\nb", "\n", "\r\n", "\t", "\x00", "\x1b[2J", "\x7f",
    "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\U0001f600", "[link=https://evil.example]x",
    "[/]", "=1+1", "@SUM(A1)", "{a: b}", "%YAML", "---", "...", "é" * 3, "\u202e", " trailing ",
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_read_back_exactly(text: str) -> None:
    assert parse_yaml(f"k: {yaml_str(text)}\n")["k"] == text


@settings(max_examples=300)
@given(st.text())
def test_any_string_reads_back_exactly(text: str) -> None:
    assert parse_yaml(f"- {yaml_str(text)}\n- {yaml_str(text)}\n") == [text, text]


def test_results_yaml_reads_back_with_every_answer_and_student() -> None:
    bank = load_bank(DATA / "bank.yaml")
    ids = ("khasan-station", "kremlin-spokesman")
    sheets = [
        AnswerSheet(name, ids, (answer, answer[::-1]), Location("class.csv", n))
        for n, (name, answer) in enumerate(zip(HOSTILE, reversed(HOSTILE), strict=True), 2)
        if name.strip()  # a student needs a name
    ]
    grading = grade_class(bank, sheets)
    data = parse_yaml("".join(results_lines(grading)))
    assert data["bank"] == "batch-test" and data["maximum"] == 2
    read = {s["student"]: [a["answer"] for a in s["answers"]] for s in data["students"]}
    assert read == {s.student: list(s.responses) for s in sheets}
    first = data["students"][0]["answers"][0]
    form = grading.forms[grading.answers[0][0]]
    assert (first["verdict"], first["credit"], first["reason"]) == (
        form.verdict.verdict, form.verdict.credit, form.verdict.reason)  # fmt: skip


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+33 6 12", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx", "\nx"])  # fmt: skip
def test_cells_that_a_spreadsheet_would_run_are_defused(text: str) -> None:
    assert csv_text(text) == "'" + text
    assert csv_text("Zoé " + text) == "Zoé " + text


def test_numbers_stay_numbers_with_a_comma_for_french_sheets() -> None:
    assert [csv_number(x) for x in (0, 1, 2.5, 200 / 3, None)] == ["0", "1", "2.5", "66.67", ""]
    assert csv_number(200 / 3, decimal_comma=True) == "66,67"


def test_the_gradebook_is_safe_and_follows_the_delimiter(tmp_path: Path) -> None:
    sheets = tmp_path / "class.csv"
    sheets.write_text(
        "Nom;khasan-station;khasan-governor;kremlin-spokesman\n"
        "=cmd|' /C calc'!A0;Khasan;Kozhemyako;=1+1\n"
        "@ami;Vladivostok;Kozhemyako;Peskov\n",
        encoding="utf-8",
    )
    grade_to_folder(str(DATA / "bank.yaml"), [sheets], tmp_path / "out", delimiter=";",
                    pass_mark=50)  # fmt: skip
    raw = (tmp_path / "out" / "gradebook.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads the accents
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["student", "total", "maximum", "percent", "passed", "khasan-station",
                       "khasan-governor", "kremlin-spokesman"]  # fmt: skip
    assert rows[1] == ["'=cmd|' /C calc'!A0", "2", "3", "66,67", "yes", "1", "1", "0"]
    assert rows[2] == ["'@ami", "2", "3", "66,67", "yes", "0", "1", "1"]
    items = (tmp_path / "out" / "items.csv").read_text(encoding="utf-8-sig")
    assert items.splitlines()[0].split(";")[:5] == ["item", "type", "points", "students",
                                                     "facility"]  # fmt: skip


def _write_good(fh: io.TextIOBase) -> None:
    fh.write("new\n")


def test_a_failure_while_writing_leaves_the_previous_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_folder(
        out, {"a.csv": lambda fh: fh.write("old a\n"), "b.yaml": lambda fh: fh.write("old b\n")}
    )

    def crash(fh: io.TextIOBase) -> None:
        fh.write("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_folder(out, {"a.csv": _write_good, "b.yaml": crash})
    assert (out / "a.csv").read_text(encoding="utf-8-sig") == "old a\n"
    assert (out / "b.yaml").read_text(encoding="utf-8") == "old b\n"
    assert [p.name for p in out.iterdir() if p.name.startswith(gradebook.TEMP_PREFIX)] == []


def test_a_temporary_folder_left_by_a_killed_run_is_swept(tmp_path: Path) -> None:
    stray = tmp_path / (gradebook.TEMP_PREFIX + "killed")
    stray.mkdir()
    (stray / "gradebook.csv").write_text("half", encoding="utf-8")
    write_folder(tmp_path, {"a.csv": _write_good})
    assert not stray.exists() and (tmp_path / "a.csv").exists()


def test_an_interrupted_grading_keeps_the_old_gradebook(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(DATA / "bank.yaml"), [DATA / "class-forms.csv"], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.*")}

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("factquiz.batch.write_items", interrupted)
    with pytest.raises(KeyboardInterrupt):
        grade_to_folder(str(DATA / "bank.yaml"), [DATA / "sheets"], out)
    assert {p.name: p.read_bytes() for p in out.glob("*.*")} == before
