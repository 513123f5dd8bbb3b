"""The ranking drops what a journalism teacher would strike out: answers the headline or the
article's main subject give away, questions too bare to have one answer, indefinite answers,
"also" answers, narration attributed to a speaker, and slips of grammar copied from the
source. Most rules are checked on hand-made candidates (no model); the grammar of generated
questions is checked on short articles with the French model."""

from __future__ import annotations

import pytest

from factquiz.generate.mentions import Mention
from factquiz.generate.questions import Question
from factquiz.generate.ranking import fates, protagonists, rank, rejection, select

SRC = "article"


def _q(kind: str, prompt: str, answer: str | tuple[str, ...], quote: str, **kw) -> Question:
    answers = (answer,) if isinstance(answer, str) else answer
    return Question(SRC, kind, prompt, (answers,), quote, kw.pop("sentence", 0), **kw)


def _kept(questions: list[Question], known=None) -> list[Question]:
    known = protagonists([]) if known is None else known
    return [r.question for r in select(rank(questions, known))]


def _mention(kind: str, text: str) -> tuple[str, Mention]:
    return SRC, Mention(kind, 0, 1, text)


KOZLOV = _q(
    "place",
    "Où le gouverneur Kozlov a-t-il accueilli la délégation nord-coréenne ?",
    "Vladivostok",
    "Le gouverneur Kozlov a accueilli la délégation nord-coréenne à Vladivostok.",
    sentence=9,
)


def test_no_kept_answer_is_given_by_the_headline() -> None:
    known = protagonists([], {SRC: "Espagne : l'agence Moody's dégrade 28 banques espagnoles"})
    agency = _q(
        "organisation",
        "Quelle agence a abaissé les notes des banques espagnoles mardi soir ?",
        "Moody's",
        "L'agence Moody's a abaissé les notes des banques espagnoles mardi soir.",
    )
    banks = _q(
        "number",
        "Combien de banques espagnoles l'agence a-t-elle dégradées en une seule journée ?",
        ("28 banques", "28", "vingt-huit"),
        "L'agence a dégradé 28 banques espagnoles en une seule journée.",
        sentence=1,
    )
    assert _kept([agency, banks, KOZLOV], known) == [KOZLOV]


def test_the_article_main_subject_is_not_an_answer() -> None:
    mentions = [_mention("place", "Corée du Nord")] * 6 + [
        _mention("place", "Vladivostok"),
        _mention("person", "Alexander Kozlov"),
    ]
    country = _q(
        "place",
        "Quel pays dispose d'un stock d'armes compatibles avec les systèmes russes ?",
        "Corée du Nord",
        "La Corée du Nord dispose d'un stock d'armes compatibles avec les systèmes russes.",
        sentence=3,
    )
    titled = _q(
        "thing",
        "Quel dirigeant a rencontré le président russe le 13 septembre à Vostotchny ?",
        ("le dirigeant nord-coréen Kim Jong Un",),
        "Le dirigeant nord-coréen Kim Jong Un a rencontré le président russe le 13 septembre.",
        sentence=5,
    )
    people = [("b", Mention("person", 0, 1, "Kim Jong Un"))] * 3
    mentions += [(SRC, Mention("person", 0, 1, "Kim Jong Un"))] * 3 + people
    known = protagonists(mentions)
    assert _kept([country, titled, KOZLOV], known) == [KOZLOV]
    assert (
        fates([country, KOZLOV], known, select(rank([country, KOZLOV], known)))["main subject"] == 1
    )


def test_a_headline_topic_is_not_an_answer_even_in_other_words() -> None:
    known = protagonists([], {SRC: "France : la crise financière touche les plus pauvres"})
    crisis = _q(
        "thing",
        "Qu'est-ce qui a touché principalement les ménages français les plus désargentés ?",
        ("la crise économique et financière de 2009", "crise économique"),
        "La crise économique et financière de 2009 a touché principalement les ménages "
        "français les plus désargentés.",
    )
    assert _kept([crisis, KOZLOV], known) == [KOZLOV]
    known = protagonists([], {SRC: "Neufs morts dans les Alpes françaises, au mont Maudit"})
    deaths = _q(
        "thing",
        "Selon les autorités, qu'est-ce qu'une avalanche dans le massif a causé ?",
        ("la mort de neuf personnes", "mort de neuf personnes"),
        "Une avalanche dans le massif a causé la mort de neuf personnes, selon les autorités.",
    )
    assert _kept([deaths, KOZLOV], known) == [KOZLOV]


def test_a_name_two_articles_are_about_is_a_main_subject_of_every_article() -> None:
    def article(source: str, *names: str) -> list[tuple[str, Mention]]:
        return [(source, Mention("place", 0, 1, n)) for n in names]

    mentions = (
        article("a", *["Corée du Nord"] * 5, "Séoul")
        + article("b", *["Corée du Nord"] * 4, "Moscou")
        + article(SRC, "Corée du Nord", "Russie", "Russie", "Vladivostok")
    )
    country = _q(
        "place",
        "Quel pays les États-Unis ont-ils accusé de fournir des armes à la Russie ?",
        "Corée du Nord",
        "Les États-Unis ont accusé la Corée du Nord de fournir des armes à la Russie.",
        sentence=4,
    )
    assert _kept([country, KOZLOV], protagonists(mentions)) == [KOZLOV]


def test_a_country_s_leader_asked_by_title_is_general_knowledge() -> None:
    quote = "Le président François Hollande demandait l'ouverture d'une enquête administrative."
    asked = "demandait l'ouverture d'une enquête administrative ?"
    leader = _q("person", f"Quel président {asked}", ("François Hollande", "Hollande"), quote)
    who = _q("person", f"Qui {asked}", ("François Hollande", "Hollande"), quote)
    union = _q("person", f"Quel président du syndicat {asked}", "Jean Dupont", quote)
    assert _kept([leader]) == [] and _kept([who]) == [who]
    assert _kept([union]) == []  # a unique title asked for its holder: see IDENTITY_PER_ARTICLE


@pytest.mark.parametrize(
    "prompt",
    [
        "Quand Kim a-t-il rencontré Poutine ?",
        "Où Poutine se rendra-t-il ?",
        "Quand Kim Jong Un a-t-il rencontré le président russe Vladimir Poutine ?",
    ],
)
def test_a_when_or_where_question_on_a_subject_and_a_verb_alone_is_dropped(prompt) -> None:
    kind = "date" if prompt.startswith("Quand") else "place"
    q = _q(kind, prompt, "13 septembre" if kind == "date" else "Vietnam", "Une phrase.")
    assert rejection(q) == "too bare"


def test_a_when_or_where_question_with_an_anchor_is_kept() -> None:
    anchored = [
        _q("place", "Où Poutine s'est-il rendu pour inaugurer un pont ?", "Yakoutsk", "Q."),
        _q("year", "En quelle année Kim a-t-il vu Poutine pour la première fois ?", "2019", "Q."),
        _q("place", "Où le train personnel de Kim s'est-il arrêté ?", "Khasan", "Q."),
    ]  # fmt: skip
    assert [rejection(q) for q in anchored] == [None, None, None]


def test_a_bare_weekday_needs_a_place_or_a_detailed_event() -> None:
    quote = "Le train personnel de Kim s'est arrêté à Khasan tôt mardi."
    bare = _q("day", "Quand le train personnel de Kim s'est-il arrêté ?", "tôt mardi", quote)
    placed = _q(
        "day", "Quand le train personnel de Kim s'est-il arrêté à Khasan ?", "tôt mardi", quote
    )
    court = _q(
        "day",
        "Quel jour la Cour constitutionnelle a-t-elle procédé à un revirement de jurisprudence ?",
        "vendredi",
        "La Cour constitutionnelle a procédé ce vendredi à un revirement de jurisprudence.",
    )  # fmt: skip
    assert [rejection(q) for q in (bare, placed, court)] == ["too bare", None, None]


def test_a_prompt_of_two_meaningful_words_is_dropped() -> None:
    q = _q(
        "person",
        "Qui a cumulé les fautes ?",
        "Serena Williams",
        "Serena Williams a cumulé les fautes.",
    )
    assert rejection(q) == "too bare"  # fmt: skip


def test_who_did_what_someone_else_also_did_is_not_asked() -> None:
    also = "Le ministère sud-coréen a également averti la Russie que l'aide était illégale."
    alone = also.replace("également ", "")
    prompt = "Qui a averti la Russie que l'aide militaire était illégale ?"
    answer = ("ministère sud-coréen", "le ministère sud-coréen")
    assert rejection(_q("organisation", prompt, answer, also)) == "someone else too"
    assert rejection(_q("organisation", prompt, answer, alone)) is None


def test_an_indefinite_description_is_not_one_answer() -> None:
    ngo = _q(
        "organisation",
        "Quelle organisation Fatoumata Maïga préside-t-elle à Bamako depuis 2010 ?",
        "une ONG féminine pour la paix",
        "Fatoumata Maïga préside à Bamako depuis 2010 une ONG féminine pour la paix.",
    )
    deputy = _q(
        "date",
        "Quand un député touareg a-t-il dénoncé les milices du nord du pays ?",
        "lundi 2 juillet",
        "Un député touareg a dénoncé lundi 2 juillet les milices du nord du pays.",
    )
    assert rejection(ngo) == rejection(deputy) == "indefinite"


def test_a_title_with_no_complement_or_an_indefinite_one_does_not_say_who() -> None:
    def identity(described: str, name: str) -> Question:
        return _q("person", f"Qui est {described} ?", name, f"{name}, {described}.", identity=True)

    assert rejection(identity("le député touareg", "Nock Ag Attia")) == "vague description"
    assert rejection(identity("la présidente d'une ONG", "Fatoumata Maïga")) == "vague description"
    assert rejection(identity("le porte-parole du Kremlin", "Dmitri Peskov")) is None


def test_the_journalist_s_narration_is_not_attributed_to_the_speaker() -> None:
    quote = (
        "En conséquence, la population se sent lâchée : « Les discours ne vont pas résoudre "
        "les problèmes du Mali », déclare Fatoumata Maïga."
    )
    narrated = _q(
        "speaker",
        "Qui déclare qu'en conséquence, la population se sent lâchée : « Les discours ne vont "
        "pas résoudre les problèmes du Mali » ?",
        "Fatoumata Maïga",
        quote,
    )
    quoted = _q(
        "speaker",
        "Qui déclare : « Les discours ne vont pas résoudre les problèmes du Mali » ?",
        "Fatoumata Maïga",
        quote,
    )
    assert rejection(narrated) == "narration" and rejection(quoted) is None


def test_an_english_title_leaves_the_answer_and_m_stays_a_variant() -> None:
    q = _q(
        "speaker",
        "Qui a annoncé le retour de plusieurs joueurs pour la saison 2013 ?",
        ("Mr Saputo",),
        "Mr Saputo a annoncé le retour de plusieurs joueurs pour la saison 2013.",
    )
    asked = _q(
        "thing",
        "Qu'est-ce que Mr Saputo a annoncé pour la saison 2013 de l'Impact ?",
        "le retour de plusieurs joueurs",
        "Mr Saputo a annoncé le retour de plusieurs joueurs pour la saison 2013 de l'Impact.",
        sentence=1,
    )
    kept, told = _kept([q, asked])
    assert told.prompt.startswith("Qu'est-ce que M. Saputo a annoncé")
    assert kept.answers[0][0] == "Saputo" and "M. Saputo" in kept.answers[0]
    assert not any(v.startswith("Mr") for v in kept.answers[0])
    assert fates([q], protagonists([]), select(rank([q], protagonists([]))))["kept"] == 1


def test_a_participle_misspelt_in_the_source_is_mended_outside_quotes() -> None:
    q = _q(
        "number",
        "Combien de civils ont périt lors de l'assaut des forces internationales ?",
        ("9 civils", "9", "neuf"),
        "Néanmoins, 9 civils ont périt lors de l'assaut des forces internationales.",
    )
    (kept,) = _kept([q])
    assert "ont péri lors" in kept.prompt
    from factquiz.generate.realise import mend_slips

    assert mend_slips("Qui a dit « ils ont périt » ?") == "Qui a dit « ils ont périt » ?"
    assert mend_slips("Qui a écrit et conduit ?") == "Qui a écrit et conduit ?"


# The grammar of generated questions, on short articles parsed by the French model.


def test_an_inverted_passive_question_agrees_its_participle(questions_of) -> None:
    questions = questions_of(
        "Pour des raisons économiques, la maternité de Figeac a été fermé en 2009, malgré les "
        "protestations des habitants. Les deux navires de la flotte ont été coulé en 1942 au "
        "large de Brest.",
    )
    asked = [q.prompt for q in questions if q.answers[0][0] == "2009"]
    assert asked and all("a-t-elle été fermée" in p for p in asked)
    sunk = [q.prompt for q in questions if q.answers[0][0] == "1942"]
    assert sunk and all("ont-ils été coulés" in p for p in sunk)


def test_a_generated_question_mends_a_misspelt_participle(questions_of) -> None:
    questions = questions_of(
        "Néanmoins, 9 civils ont périt lors de l'assaut des forces internationales."
    )
    asked = [q.prompt for q in questions if "assaut" in q.prompt and "«" not in q.prompt]
    assert asked and all("périt" not in p and "péri " in p for p in asked)


def test_an_agency_described_by_state_ownership_alone_is_not_one_agency() -> None:
    quote = "L'agence de presse étatique RIA-Novosti a indiqué que le train était reparti."
    state = _q("organisation", "Comment s'appelle l'agence de presse étatique ?", "RIA-Novosti",
               quote, identity=True)  # fmt: skip
    japanese = _q("organisation", "Comment s'appelle l'agence de presse japonaise ?", "Kyodo",
                  "L'agence de presse japonaise Kyodo a repéré le train.", identity=True,
                  sentence=1)  # fmt: skip
    assert rejection(state) == "vague description"
    assert rejection(japanese) is None


def test_a_companion_is_one_of_a_party() -> None:
    q = _q("person", "Selon le ministère de l'Unification, de qui Kim est-il accompagné ?",
           "Jo Chun Ryong", "Kim est accompagné de Jo Chun Ryong, selon le ministère.")  # fmt: skip
    assert rejection(q) == "one of many"


def test_an_answer_comparing_with_nothing_is_dropped() -> None:
    quote = "La Corée du Nord semble se concentrer sur des activités plus terrestres."
    vague = _q("thing", "Sur quoi la Corée du Nord semble-t-elle se concentrer ?",
               "des activités plus terrestres", quote)  # fmt: skip
    compared = _q("thing", "Sur quoi la Corée du Nord semble-t-elle se concentrer ?",
                  "des activités plus terrestres",
                  "La Corée du Nord semble se concentrer sur des activités plus terrestres que "
                  "spatiales.")  # fmt: skip
    assert rejection(vague) == "unfinished comparison"
    assert rejection(compared) is None


def test_in_exchange_for_nothing_named_is_dangling() -> None:
    bare = _q("thing", "Qu'est-ce que la Corée du Nord pourrait recevoir en échange ?",
              "une aide économique", "La Corée du Nord pourrait recevoir en échange une aide "
              "économique.")  # fmt: skip
    named = _q("thing", "Qu'est-ce que la Corée du Nord pourrait recevoir en échange de ses "
               "obus ?", "une aide économique", "La Corée du Nord pourrait recevoir en échange "
               "de ses obus une aide économique.")  # fmt: skip
    assert rejection(bare) == "dangling"
    assert rejection(named) != "dangling"


def test_a_what_question_with_nothing_to_pin_it_is_too_open() -> None:
    bare = _q("thing", "Qu'est-ce que François Hollande demandait ?",
              "l'ouverture d'une enquête", "François Hollande demandait l'ouverture d'une "
              "enquête.")  # fmt: skip
    nameless = _q("thing", "Qu'est-ce qui a été développé par une société privée ?",
                  "la fusée Falcon 9", "La fusée Falcon 9 a été développé par une société "
                  "privée.", sentence=1)  # fmt: skip
    pinned = _q("thing", "Qu'est-ce que Poutine a offert à Kim Jong-un ?", "une voiture Aurus",
                "Poutine a offert à Kim Jong-un une voiture Aurus.", sentence=2)  # fmt: skip
    named = _q("thing", "Qu'est-ce qui a été conçu par le graphiste Miguel Neiva ?",
               "le code ColorADD", "Le code ColorADD a été conçu par le graphiste Miguel "
               "Neiva.", sentence=3)  # fmt: skip
    assert rejection(bare) == "too bare" and rejection(nameless) == "too bare"
    assert rejection(pinned) is None and rejection(named) is None


def test_the_weekend_of_an_unseen_date_is_dangling() -> None:
    q = _q("organisation", "Qui avait menacé le week-end dernier de s'en prendre aux mosquées ?",
           "Ansar Eddine", "Ansar Eddine avait menacé le week-end dernier de s'en prendre aux "
           "mosquées.")  # fmt: skip
    assert rejection(q) == "dangling"


def test_a_possessive_in_reported_words_needs_someone_named_before_it() -> None:
    whose = _q(
        "speaker",
        "Quelle agence a indiqué que son train s'était dirigé vers le nord ?",
        "RIA-Novosti",
        "RIA-Novosti a indiqué que son train s'était dirigé vers le nord.",
    )
    named = _q(
        "speaker",
        "Quelle source affirme que Kim a quitté Pyongyang à bord de son train ?",
        "KCNA",
        "Kim a quitté Pyongyang à bord de son train, selon KCNA.",
        sentence=1,
    )
    assert rejection(whose) == "dangling"
    assert rejection(named) is None


def test_who_did_a_nameless_thing_is_too_bare() -> None:
    q = _q("person", "Qui craignait les voyages en avion ?", "Kim Jong-il",
           "Son père, Kim Jong-il, craignait les voyages en avion.")  # fmt: skip
    assert rejection(q) == "too bare"


def test_then_points_back_to_an_event_the_prompt_does_not_show() -> None:
    q = _q("speaker", "Qui a indiqué que Kim était ensuite parti pour Vladivostok ?", "KCNA",
           "KCNA a indiqué que Kim était ensuite parti pour Vladivostok.")  # fmt: skip
    assert rejection(q) == "dangling"


def test_a_figure_and_its_noun_in_the_headline_give_the_answer_away() -> None:
    known = protagonists([], {SRC: "Espagne : l'agence Moody's dégrade 28 banques espagnoles"})
    notes = _q(
        "thing",
        "Qu'est-ce que l'agence Moody's a abaissé en raison de la baisse du crédit espagnol ?",
        "les notes de 28 banques espagnoles",
        "L'agence Moody's a abaissé les notes de 28 banques espagnoles en raison de la baisse du "
        "crédit espagnol.",
    )
    assert _kept([notes, KOZLOV], known) == [KOZLOV]


def test_one_answer_framed_two_ways_is_asked_once_per_sentence() -> None:
    quote = "Kyodo a indiqué que le train blindé a été repéré à la frontière russe."
    where = _q("place", "Selon Kyodo, où le train blindé a-t-il été repéré ?",
               ("à la frontière russe", "frontière russe"), quote, sentence=4)  # fmt: skip
    which = _q("thing", "Selon Kyodo, à quelle frontière le train blindé a-t-il été repéré ?",
               ("la frontière russe", "frontière russe"), quote, sentence=4)  # fmt: skip
    assert len(_kept([where, which])) == 1


def test_a_group_named_by_its_trade_alone_is_vague() -> None:
    vague = _q("thing", "Dans quelles zones les militaires ont-ils observé des constructions ?",
               "les zones frontalières", "Les militaires ont observé des constructions dans "
               "les zones frontalières.")  # fmt: skip
    named = _q("thing", "Dans quelles zones les militaires sud-coréens ont-ils observé des "
               "constructions ?", "les zones situées près de Paju", "Les militaires sud-coréens "
               "ont observé des constructions dans les zones situées près de Paju.",
               sentence=1)  # fmt: skip
    assert rejection(vague) == "vague description"
    assert rejection(named) is None


def test_asking_who_holds_a_title_is_not_asked_by_default() -> None:
    minister = _q("person", "Quel ministre russe de la Défense fera partie de la délégation ?",
                  "Sergei Shoigu", "Le ministre russe de la Défense, Sergei Shoigu, fera partie "
                  "de la délégation.")  # fmt: skip
    assert _kept([minister, KOZLOV]) == [KOZLOV]


def test_a_thing_named_only_by_the_articles_subject_is_the_story_itself() -> None:
    known = protagonists(
        [_mention("place", "Russie")] * 5 + [_mention("place", "Corée du Nord")] * 5
    )
    cliche = _q("thing", "Qu'est-ce que Poutine cherche à restaurer ?",
                "la puissance de la Russie", "Poutine cherche à restaurer la puissance de la "
                "Russie.")  # fmt: skip
    car = _q("thing", "Qu'est-ce que Poutine a offert à Kim Jong-un ?", "une voiture Aurus Senat",
             "Poutine a offert à Kim Jong-un une voiture Aurus Senat.", sentence=1)  # fmt: skip
    assert _kept([cliche, car], known) == [car]


def test_a_name_in_apposition_is_not_asked_as_a_thing() -> None:
    q = _q("thing", "Quelle agence a publié une photo montrant le train à Ussuriysk ?",
           "l'agence de presse sud-coréenne Yonhap", "L'agence de presse sud-coréenne Yonhap a "
           "publié une photo montrant le train à Ussuriysk.")  # fmt: skip
    assert rejection(q) == "name asked as a thing"


def test_how_far_a_town_lies_from_another_is_an_atlas_fact() -> None:
    far = _q("number", "À combien de kilomètres Ussuriysk est-elle située au nord de Vladivostok ?",
             ("60 kilomètres", "60"), "Ussuriysk, une ville située à environ 60 kilomètres au "
             "nord de Vladivostok.")  # fmt: skip
    travelled = _q("number", "Combien de kilomètres le train a-t-il parcourus en deux jours ?",
                   ("1200 kilomètres", "1200"), "Le train a parcouru 1200 kilomètres en deux "
                   "jours.", sentence=1)  # fmt: skip
    assert _kept([far, travelled]) == [travelled]


def test_a_reaction_is_voiced_by_many() -> None:
    q = _q("person", "Qui a exprimé son inquiétude concernant la relation entre la Russie et la "
           "Corée du Nord ?", "John Kirby", "John Kirby a exprimé son inquiétude concernant la "
           "relation entre la Russie et la Corée du Nord.")  # fmt: skip
    assert rejection(q) == "one of many"


def test_recently_is_relative_to_a_date_the_student_does_not_see() -> None:
    q = _q("place", "De quel pays les États-Unis se sont-ils rapprochés récemment ?", "Vietnam",
           "Les États-Unis se sont rapprochés récemment du Vietnam.")  # fmt: skip
    assert rejection(q) == "dangling"


def test_the_subjects_own_adjective_gives_a_place_away() -> None:
    known = protagonists([_mention("place", "Russie")] * 5)
    border = _q("place", "Selon Kyodo, où le train blindé a-t-il été repéré ?",
                ("à la frontière russe", "frontière russe"),
                "Selon Kyodo, le train blindé a été repéré à la frontière russe.")  # fmt: skip
    assert _kept([border, KOZLOV], known) == [KOZLOV]
