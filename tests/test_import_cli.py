"""`factquiz import`: a teacher's Moodle file becomes a bank that validates; nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factquiz.bank import load_bank
from factquiz.cli import app

DATA = Path(__file__).resolve().parent / "data" / "export"
runner = CliRunner()


def _run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("name", ["teacher.gift", "teacher.xml"])
def test_import_writes_a_bank_that_validates_with_evidence_warnings(tmp_path, name) -> None:
    out = tmp_path / "mon-cours.yaml"
    result = runner.invoke(app, ["import", str(DATA / name), "-o", str(out)])
    assert result.exit_code == 0, result.output
    bank = load_bank(out)
    assert bank.id == "mon-cours" and bank.language == "fr"
    assert f"wrote {out}: {len(bank.items)} items" in result.output
    check = runner.invoke(app, ["validate", str(out)])
    assert check.exit_code == 0
    assert check.output.count("has no evidence") == len(bank.items)


def test_import_lists_each_skipped_question_with_file_and_line(tmp_path) -> None:
    result = _run("import", DATA / "teacher.gift", "-o", tmp_path / "c.yaml")
    assert "teacher.gift:26: question 'Essai' skipped: question type 'essay'" in result.output
    assert "teacher.gift:36: the answer block '{' has no closing '}'" in result.output
    assert "7 items, 6 skipped" in result.output


def test_import_refuses_to_replace_a_bank_unless_forced(tmp_path) -> None:
    out = tmp_path / "c.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(DATA / "teacher.xml"), "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(app, ["import", str(DATA / "teacher.xml"), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and len(load_bank(out).items) == 4


def test_id_title_and_language_can_be_given(tmp_path) -> None:
    out = tmp_path / "c.yaml"
    args = ["import", str(DATA / "teacher.xml"), "-o", str(out), "--id", "journalisme-s3",
            "--title", "Semaine 3", "--language", "fr-BE"]  # fmt: skip
    assert runner.invoke(app, args).exit_code == 0
    bank = load_bank(out)
    assert (bank.id, bank.title, bank.language) == ("journalisme-s3", "Semaine 3", "fr-BE")


def test_export_then_import_round_trips_through_the_command_line(tmp_path) -> None:
    for name in ("hostile.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    original = load_bank(tmp_path / "hostile.yaml")
    assert _run("export", tmp_path / "hostile.yaml", "-o", tmp_path / "q.xml").exit_code == 0
    out = tmp_path / "export-hostile.yaml"
    assert _run("import", tmp_path / "q.xml", "-o", out).exit_code == 0
    assert load_bank(out).items == original.items


def test_a_file_where_nothing_can_be_imported_writes_no_bank(tmp_path) -> None:
    src = tmp_path / "essays.gift"
    src.write_text("::E1::Racontez.{}\n\n::E2::Commentez.{}\n", encoding="utf-8")
    out = tmp_path / "e.yaml"
    result = runner.invoke(app, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 1 and "no question could be imported" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    "content, expected",
    [('<?xml version="1.0"?>\n<quiz>\n<question>\n</quiz>', "bad.xml:4:"),
     ('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "b">]>\n<quiz/>', "DOCTYPE")],
)  # fmt: skip
def test_bad_xml_is_a_clear_error_not_a_traceback(tmp_path, content, expected) -> None:
    src = tmp_path / "bad.xml"
    src.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["import", str(src), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 1
    assert expected in result.output and "Traceback" not in result.output


def test_a_missing_file_and_a_non_yaml_output_are_refused(tmp_path) -> None:
    missing = _run("import", tmp_path / "nope.gift", "-o", tmp_path / "b.yaml")
    assert missing.exit_code == 1 and "no such file" in missing.output
    wrong = _run("import", DATA / "teacher.gift", "-o", tmp_path / "b.json")
    assert wrong.exit_code == 2 and ".yaml" in wrong.output


def test_a_file_not_in_utf8_is_refused_with_its_line(tmp_path) -> None:
    src = tmp_path / "ancien.gift"
    src.write_bytes(
        "::Q1::Quelle est la capitale ?{=Paris}\n\n::Q2::Où est l'Élysée ?{=Paris}\n".encode(
            "cp1252"
        )
    )
    result = _run("import", src, "-o", tmp_path / "b.yaml")
    assert result.exit_code == 1
    assert "ancien.gift:3:" in result.output and "UTF-8" in result.output
