"""`factquiz export`: every format by suffix or by name, clear refusals, no bank overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factquiz.cli import app
from factquiz.export import FORMATS

DATA = Path(__file__).resolve().parent / "data" / "export"
runner = CliRunner()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    for name in ("hostile.yaml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "hostile.yaml"


def test_export_help_names_every_format() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for fmt in FORMATS:
        assert fmt.name in text
    assert "Kahoot's columns" in text and "answers.md, the answer key" in text


@pytest.mark.parametrize(
    "name, files",
    [("quiz.gift", ["quiz.gift"]), ("quiz.xml", ["quiz.xml"]), ("deck.apkg", ["deck.apkg"]),
     ("quiz.csv", ["quiz.csv"]), ("cards.tsv", ["cards.tsv"]),
     ("quiz.md", ["quiz.md", "quiz-answers.md"]),
     ("quiz.html", ["quiz.html", "quiz-answers.html"])],
)  # fmt: skip
def test_export_picks_the_format_from_the_suffix(bank_file, tmp_path, name, files) -> None:
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / f).stat().st_size > 0 for f in files)
    assert "wrote" in result.output


def test_export_format_option_overrides_the_suffix(bank_file, tmp_path) -> None:
    out = tmp_path / "moodle.txt"
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(out), "--format", "gift"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").count("::") == 16
    assert "note: hostile-note: GIFT has no hints" in result.output


def test_export_lists_items_kahoot_cannot_take(bank_file, tmp_path) -> None:
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(tmp_path / "k.csv")])
    left_out = "note: khasan-welcome, both-hosts, hostile-note: Kahoot's quiz questions have no"
    assert left_out in result.output  # one line names every item the note concerns
    assert "(csv, 4 items)" in result.output


def test_an_unknown_suffix_is_a_usage_error_with_the_formats_listed(bank_file, tmp_path) -> None:
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(tmp_path / "quiz.docx")])
    assert result.exit_code == 2
    assert "cannot tell the format" in result.output and "moodle-xml" in result.output


def test_an_unknown_format_name_is_a_usage_error(bank_file, tmp_path) -> None:
    out = tmp_path / "q.txt"
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(out), "--format", "word"])
    assert result.exit_code == 2 and "unknown export format 'word'" in result.output
    assert not out.exists()


def test_export_never_writes_over_a_bank(bank_file) -> None:
    before = bank_file.read_bytes()
    result = runner.invoke(
        app, ["export", str(bank_file), "-o", str(bank_file), "--format", "gift"]
    )
    assert result.exit_code == 2 and "would overwrite a bank" in result.output
    assert bank_file.read_bytes() == before


def test_an_invalid_bank_is_refused_with_its_line(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "factquiz: 1\nid: b\ntitle: B\nlanguage: fr\nitems:\n  - id: x\n    type: open\n"
    )
    result = runner.invoke(app, ["export", str(bad), "-o", str(tmp_path / "b.gift")])
    assert result.exit_code == 1
    assert "bad.yaml:6" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "b.gift").exists()


def test_a_bad_delimiter_is_a_usage_error(bank_file, tmp_path) -> None:
    out = tmp_path / "k.csv"
    result = runner.invoke(app, ["export", str(bank_file), "-o", str(out), "--delimiter", ";;"])
    assert result.exit_code == 2 and not out.exists()
