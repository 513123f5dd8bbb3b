"""Kahoot CSV and Quizlet TSV, read back with the csv module as a spreadsheet would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factquiz.bank import Bank, Item, load_bank
from factquiz.export import ExportOptions, export_bank, format_named
from factquiz.export.tabular import KAHOOT_COLUMNS, guard_cell

DATA = Path(__file__).resolve().parent / "data" / "export"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "hostile.yaml")


def _kahoot_rows(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def test_kahoot_csv_has_kahoots_columns_and_one_row_per_choice_or_claim(bank, tmp_path):
    out = tmp_path / "quiz.csv"
    result = export_bank(bank, out, format_named("csv"))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel then reads the accents
    header, *rows = _kahoot_rows(out)
    assert tuple(header) == KAHOOT_COLUMNS
    assert [r[0] for r in rows] == [
        "Lesquels étaient présents ?",
        "Le tarif affiché était de 5 € < 10 € & plus.",
        "Le communiqué ne contenait aucun <b>balisage</b> ni ]]>.",
        "Il pleuvait à Khasan.",
    ]
    people = ["Oleg Kozhemyako", "Alexander Kozlov", "Sergueï Choïgou"]
    assert rows[0][1:] == [*people, "", "30", "1,2"]
    verdicts = ["Confirmé par les sources", "Démenti par les sources", "Absent des sources"]
    assert rows[2][1:4] == verdicts
    assert [r[6] for r in rows[1:]] == ["1", "2", "3"]
    left_out = {n.item_id for n in result.notes if "left out" in n.message}
    assert left_out == {"khasan-welcome", "both-hosts", "hostile-note", "resolution-year"}
    assert result.items_written == 4


def test_kahoot_csv_takes_a_semicolon_for_french_spreadsheets(bank, tmp_path):
    out = tmp_path / "quiz.csv"
    export_bank(bank, out, format_named("csv"), ExportOptions(delimiter=";"))
    header, *rows = _kahoot_rows(out, ";")
    assert tuple(header) == KAHOOT_COLUMNS and len(rows) == 4


def test_no_cell_can_run_as_a_spreadsheet_formula(tmp_path):
    item = Item(
        "f1", "choice", "=HYPERLINK(\"http://evil\")", choices=("+1", "-1", "@SUM(A1)", "2006"),
        answers=(("2006",),), difficulty=3,
    )  # fmt: skip
    out = tmp_path / "quiz.csv"
    export_bank(Bank("f", "F", "en", (item,)), out, format_named("csv"))
    (row,) = _kahoot_rows(out)[1:]
    assert row == ['\'=HYPERLINK("http://evil")', "'+1", "'-1", "'@SUM(A1)", "2006", "60", "4"]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\nx"])
def test_guard_cell_defuses_every_formula_start(text):
    assert guard_cell(text) == "'" + text


def test_quizlet_tsv_has_one_term_and_definition_per_item(bank, tmp_path):
    out = tmp_path / "cards.tsv"
    export_bank(bank, out, format_named("quizlet"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(bank.items)
    pairs = [line.split("\t") for line in lines]
    assert all(len(p) == 2 for p in pairs)
    assert pairs[0] == [bank.items[0].prompt, "Oleg Kozhemyako ; Alexander Kozlov"]
    assert pairs[3][1] == "2006"
    assert pairs[6][1] == "Démenti par les sources"


def test_quizlet_keeps_a_multiline_prompt_on_one_line(tmp_path):
    item = Item("m1", "open", "Ligne un\nligne\tdeux", answers=(("réponse",),))
    out = tmp_path / "cards.tsv"
    export_bank(Bank("m", "M", "fr", (item,)), out, format_named("quizlet"))
    assert out.read_text(encoding="utf-8") == "Ligne un ligne deux\tréponse\n"
