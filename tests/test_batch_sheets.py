"""Reading answer sheets: YAML sheets, form exports in CSV, folders of both; bad input reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from factquiz.bank import Bank, load_bank
from factquiz.sheets import SheetsRead, read_sheets, sniff_delimiter

DATA = Path(__file__).parent / "data" / "batch"
STATION = "Dans quelle gare Kim Jong-un est-il entré en Russie ?"
GOVERNOR = "Quel gouverneur régional a accueilli Kim Jong-un à Khasan ?"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank.yaml")


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _answers(found: SheetsRead) -> dict[str, dict[str, str]]:
    return {s.student: s.answers() for s in found.sheets}


def _messages(found: SheetsRead) -> list[str]:
    return [str(p) for p in found.problems]


# --- YAML sheets -----------------------------------------------------------------------------


def test_a_yaml_sheet_is_read_by_item_id(bank: Bank) -> None:
    found = read_sheets([DATA / "sheets" / "alice.yaml"], bank)
    assert found.problems == []
    assert _answers(found) == {
        "Alice Martin": {
            "khasan-station": "Khasan",
            "khasan-governor": "Kojemiako",
            "resolution-year": "2006",
            "train-by-plane": "faux",
        }
    }


def test_unquoted_numbers_times_and_words_are_taken_as_written(tmp_path: Path, bank: Bank) -> None:
    # YAML 1.1 would read 12:30 as 750, 0x10 as 16, no as False, 2023-09-13 as a date.
    sheet = _write(
        tmp_path / "s.yaml",
        "student: 1042\nanswers:\n  khasan-station: 12:30  # a time\n  resolution-year: 0x10\n"
        "  train-by-plane: no\n  kremlin-spokesman: 2023-09-13\n",
    )
    found = read_sheets([sheet], bank)
    assert found.problems == []
    assert _answers(found) == {
        "1042": {
            "khasan-station": "12:30",
            "resolution-year": "0x10",
            "train-by-plane": "no",
            "kremlin-spokesman": "2023-09-13",
        }
    }


def test_unknown_items_and_list_answers_are_reported_with_their_line(
    tmp_path: Path, bank: Bank
) -> None:
    sheet = _write(
        tmp_path / "s.yaml",
        "student: Bob\nanswers:\n  khasan-station: Khasan\n  khasan-statoin: Khasan\n"
        "  kremlin-spokesman: [Peskov]\n  batch-test/resolution-year: '2006'\n",
    )
    found = read_sheets([sheet], bank)
    assert _answers(found) == {"Bob": {"khasan-station": "Khasan", "resolution-year": "2006"}}
    messages = _messages(found)
    assert any(m.startswith(f"{sheet}:4:3: unknown item id 'khasan-statoin'") for m in messages)
    assert any(m.startswith(f"{sheet}:5:22: an answer must be text") for m in messages)


def test_a_sheet_without_student_or_for_another_bank_is_skipped(tmp_path: Path, bank: Bank) -> None:
    nameless = _write(tmp_path / "a.yaml", "answers:\n  khasan-station: Khasan\n")
    other = _write(tmp_path / "b.yaml", "student: Eve\nbank: autre\nanswers: {}\n")
    found = read_sheets([nameless, other], bank)
    assert found.sheets == []
    assert [p.severity for p in found.problems] == ["error", "error"]
    assert "no student name" in found.problems[0].message
    assert "bank 'autre'" in found.problems[1].message


def test_a_malformed_sheet_is_reported_and_the_others_still_read(
    tmp_path: Path, bank: Bank
) -> None:
    broken = _write(tmp_path / "broken.yaml", "student: [Zoé\nanswers: {}\n")
    aliases = _write(tmp_path / "bomb.yaml", "student: &a X\nanswers: {khasan-station: *a}\n")
    found = read_sheets([broken, DATA / "sheets" / "alice.yaml", aliases], bank)
    assert list(_answers(found)) == ["Alice Martin"]
    assert [p.where.path for p in found.problems] == [str(broken), str(aliases)]


def test_a_class_file_holds_several_sheets(tmp_path: Path, bank: Bank) -> None:
    sheet = _write(
        tmp_path / "class.yaml",
        "bank: batch-test\nsheets:\n  - student: A\n    answers: {khasan-station: Khasan}\n"
        "  - student: B\n    answers:\n      khasan-station: Vladivostok\n",
    )
    found = read_sheets([sheet], bank)
    assert _answers(found) == {
        "A": {"khasan-station": "Khasan"},
        "B": {"khasan-station": "Vladivostok"},
    }


# --- CSV exports -------------------------------------------------------------------------------

GOOGLE_FR = (
    f'Horodateur,Adresse e-mail,Score,"{STATION}",{GOVERNOR},kremlin-spokesman\n'
    '2023/09/14 10:01:02,alice@lycee.fr,2 / 3,Khasan,Kozhemyako,"Peskov, Dmitri"\n'
    "2023/09/14 10:02:09,bob@lycee.fr,0 / 3,Vladivostok,,Lavrov\n"
)


def test_a_google_forms_export_is_matched_by_question_text(tmp_path: Path, bank: Bank) -> None:
    found = read_sheets([_write(tmp_path / "forms.csv", GOOGLE_FR)], bank)
    assert found.problems == []
    assert _answers(found) == {
        "alice@lycee.fr": {
            "khasan-station": "Khasan",
            "khasan-governor": "Kozhemyako",
            "kremlin-spokesman": "Peskov, Dmitri",
        },
        "bob@lycee.fr": {
            "khasan-station": "Vladivostok",
            "khasan-governor": "",
            "kremlin-spokesman": "Lavrov",
        },
    }
    assert [s.origin.line for s in found.sheets] == [2, 3]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("cp1252", ";"), ("utf-16", "\t"), ("utf-8", ";")],
)
def test_encodings_and_delimiters_of_spreadsheets(
    tmp_path: Path, bank: Bank, encoding: str, delimiter: str
) -> None:
    text = (
        f"Nom{delimiter}{STATION}{delimiter}{GOVERNOR}\r\n"
        f"Zoé Lefèvre{delimiter}Khasan{delimiter}Kojémiako\r\n"
    )
    found = read_sheets([_write(tmp_path / "s.csv", text, encoding)], bank)
    assert found.problems == []
    assert _answers(found) == {
        "Zoé Lefèvre": {"khasan-station": "Khasan", "khasan-governor": "Kojémiako"}
    }


def test_sniffing_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"a;b;c;d",x,y') == ","
    assert sniff_delimiter("Nom;Q1;Q2") == ";"
    assert sniff_delimiter("Nom\tQ1, Q2\tQ3") == "\t"


def test_first_name_and_name_make_the_student_when_there_is_no_email(
    tmp_path: Path, bank: Bank
) -> None:
    text = "Nom,Prénom,Groupe,Note/20.00,khasan-station\nMartin,Alice,TD1,12,Khasan\n"
    found = read_sheets([_write(tmp_path / "moodle.csv", text)], bank)
    assert found.problems == []
    assert list(_answers(found)) == ["Alice Martin"]


def test_microsoft_forms_prefers_the_email_to_the_name(tmp_path: Path, bank: Bank) -> None:
    text = (
        "ID,Start time,Completion time,Email,Name,Last modified time,khasan-station\n"
        "1,9/14/23 10:01,9/14/23 10:05,anonymous,Anonymous,,Khasan\n"
        "2,9/14/23 10:01,9/14/23 10:05,b@x.fr,Bob,,Khasan\n"
    )
    found = read_sheets([_write(tmp_path / "ms.csv", text)], bank)
    assert list(_answers(found)) == ["anonymous", "b@x.fr"]


def test_unmatched_and_close_columns_are_reported(tmp_path: Path, bank: Bank) -> None:
    close = STATION.replace("entré", "entre").replace(" ?", "")[:-2]  # edited in the form
    text = f"Name,{close},Votre avis sur le cours,khasan-station\nA,Khasan,bien,Khassan\n"
    found = read_sheets([_write(tmp_path / "s.csv", text)], bank)
    messages = _messages(found)
    assert any("read as item 'khasan-station' (close wording)" in m for m in messages)
    assert any("'Votre avis sur le cours' matches no item" in m for m in messages)
    assert any("a second column for item 'khasan-station'" in m for m in messages)
    assert _answers(found) == {"A": {"khasan-station": "Khasan"}}


def test_a_csv_without_student_or_item_columns_is_skipped(tmp_path: Path, bank: Bank) -> None:
    no_student = _write(tmp_path / "a.csv", "Horodateur,khasan-station\n1,Khasan\n")
    no_items = _write(tmp_path / "b.csv", "Nom,Question 1\nA,x\n")
    found = read_sheets([no_student, no_items], bank)
    assert found.sheets == []
    assert ["no student column" in m for m in _messages(found)] == [True, False, False]
    assert "no column matches an item" in _messages(found)[-1]


def test_bad_rows_are_reported_and_the_rest_is_read(tmp_path: Path, bank: Bank) -> None:
    text = (
        "Nom,khasan-station,kremlin-spokesman\n"
        "A,Khasan,Peskov\n"
        ",Khasan,Peskov\n"  # no name: skipped
        "B,Khasan\n"  # short row: the rest is blank
        ",,\n"  # an empty row, as spreadsheets leave at the end
        "C,Khasan,Peskov,,\n"  # padded with empty cells: fine
    )
    found = read_sheets([_write(tmp_path / "s.csv", text)], bank)
    assert list(_answers(found)) == ["A", "B", "C"]
    assert _answers(found)["B"] == {"khasan-station": "Khasan", "kremlin-spokesman": ""}
    assert [(p.where.line, p.severity) for p in found.problems] == [(3, "error"), (4, "warning")]


def test_a_csv_that_is_not_text_is_reported(tmp_path: Path, bank: Bank) -> None:
    binary = _write(tmp_path / "photo.csv", "")
    binary.write_bytes(b"Nom,khasan-station\nA,\x81\x8d\x8f\n")
    huge = _write(tmp_path / "huge.csv", 'Nom,khasan-station\nA,"' + "x" * 200_000 + '"\n')
    found = read_sheets([binary, huge, DATA / "sheets" / "alice.yaml"], bank)
    assert list(_answers(found)) == ["Alice Martin"]
    assert [p.where.path for p in found.problems] == [str(binary), str(huge)]
    assert "malformed CSV" in found.problems[1].message


# --- folders and students ---------------------------------------------------------------------


def test_a_folder_mixes_yaml_and_csv_and_reports_other_files(tmp_path: Path, bank: Bank) -> None:
    (tmp_path / "alice.yaml").write_bytes((DATA / "sheets" / "alice.yaml").read_bytes())
    _write(tmp_path / "forms.csv", GOOGLE_FR)
    _write(tmp_path / "notes.docx", "x")
    _write(tmp_path / ".hidden.csv", "x")
    found = read_sheets([tmp_path], bank)
    assert sorted(_answers(found)) == ["Alice Martin", "alice@lycee.fr", "bob@lycee.fr"]
    assert _messages(found) == [
        f"{tmp_path / 'notes.docx'}: warning: not an answer sheet; skipped "
        "(answer sheets end in .yaml, .yml, .csv or .tsv)"
    ]


def test_a_missing_path_is_reported(tmp_path: Path, bank: Bank) -> None:
    found = read_sheets([tmp_path / "absent.csv"], bank)
    assert found.sheets == [] and "no such file" in found.problems[0].message


def test_a_student_seen_twice_keeps_the_last_sheet_with_a_warning(
    tmp_path: Path, bank: Bank
) -> None:
    first = _write(tmp_path / "a.yaml", "student: Zoé\nanswers: {khasan-station: Moscou}\n")
    second = _write(tmp_path / "b.yaml", "student: ' zoé '\nanswers: {khasan-station: Khasan}\n")
    found = read_sheets([first, second], bank)
    assert _answers(found) == {"zoé": {"khasan-station": "Khasan"}}
    assert "already has a sheet at" in found.problems[0].message
    assert found.problems[0].where.path == str(second)
