"""`factquiz grade` as a teacher runs it: files written, a summary, clear errors."""

from __future__ import annotations

import csv
import io
import shutil
import statistics
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factquiz.cli import app
from factquiz.cli.grade import ProgressBar
from factquiz.yamlio import read_yaml

DATA = Path(__file__).parent / "data" / "batch"
runner = CliRunner()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    shutil.copy(DATA / "bank.yaml", path)
    return path


def _grade(*args: str | Path) -> object:
    return runner.invoke(app, ["grade", *map(str, args)])


def test_grade_writes_the_files_and_prints_a_summary(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _grade(bank_file, DATA / "class-forms.csv", DATA / "sheets", "-o", out,
                    "--pass-mark", "10/20")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.glob("[!.]*")} == {
        "gradebook.csv", "results.yaml", "review.yaml", "items.csv"}  # fmt: skip
    text = result.output
    assert "Graded 7 students on 5 items of bank batch-test" in text
    with open(out / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        percents = sorted(float(row["percent"]) for row in csv.DictReader(fh))
    mean, median = statistics.mean(percents), statistics.median(percents)
    sd = statistics.stdev(percents)
    assert f"Class: mean {mean:.1f} %, median {median:.1f} %, standard deviation {sd:.1f} %" in text
    passed = sum(p >= 50 for p in percents)
    assert f"Pass mark 50 %: {passed} of 7 passed" in text
    assert "   40-50  % | " in text and "   90-100 % | " in text  # the histogram
    assert "Hardest items" in text and "Least discriminating items" in text
    review = read_yaml(out / "review.yaml")
    waiting = [a["count"] for e in review["items"] for a in e["answers"]]
    assert len(waiting) > 1  # the class has answers the grader cannot decide
    assert f"To review: {sum(waiting)} answers in {len(waiting)} groups" in text
    assert "1 blank answer: david@lycee.fr" in text


def test_untrusted_names_are_printed_as_text_not_markup(bank_file: Path, tmp_path: Path) -> None:
    sheets = tmp_path / "class.csv"
    sheets.write_text(
        "Nom,khasan-station\n[/],Khasan\n[/],Moscou\n[link=https://evil.example]x,\x1b[2J\n",
        encoding="utf-8",
    )
    result = _grade(bank_file, sheets, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "student '[/]' already has a sheet" in result.output
    assert "\x1b" not in result.output


def test_learn_without_overrides_is_a_usage_error(bank_file: Path, tmp_path: Path) -> None:
    result = _grade(bank_file, DATA / "class-forms.csv", "-o", tmp_path / "out", "--learn")
    assert result.exit_code == 2
    assert "--learn needs --overrides" in result.output


@pytest.mark.parametrize(("option", "value"), [("--delimiter", "|"), ("--pass-mark", "lots")])
def test_bad_options_are_usage_errors(
    bank_file: Path, tmp_path: Path, option: str, value: str
) -> None:
    result = _grade(bank_file, DATA / "class-forms.csv", "-o", tmp_path / "out", option, value)
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_a_missing_bank_or_no_readable_sheet_exits_1(bank_file: Path, tmp_path: Path) -> None:
    result = _grade(tmp_path / "nope.yaml", DATA / "class-forms.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "nope.yaml" in result.output
    result = _grade(bank_file, tmp_path / "absent.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "no answer sheet could be read" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_and_is_cleared() -> None:
    screen = _Terminal()
    bar = ProgressBar(screen)
    bar("grading", 10, 10)  # the end of a stage always shows
    assert "grading" in screen.getvalue() and "10/10" in screen.getvalue()
    bar.close()
    assert screen.getvalue().endswith("\r")


def test_the_progress_bar_is_silent_when_piped() -> None:
    piped = io.StringIO()
    bar = ProgressBar(piped)
    bar("grading", 10, 10)
    bar.close()
    assert piped.getvalue() == ""
