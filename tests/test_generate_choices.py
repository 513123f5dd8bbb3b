"""Choice items whose wrong answers are genuine competitors: what a teacher would reject is a
choice that stands out (a university among press agencies, a Russian post for a Korean, "36 %"
beside "1,2 %"). Built on small French texts and hand-made mentions: no model needed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factquiz.generate.bankwriter import make_item
from factquiz.generate.choice_pool import build_pool, with_contexts
from factquiz.generate.choices import choice_text, distractors
from factquiz.generate.competitors import (
    day_forms,
    name_style,
    nations,
    number_forms,
    organisation_sort,
    role_forms,
)
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import Question

SOURCE = "article"


def _mentions(text: str, kinds: dict[str, str]) -> list[tuple[str, Mention]]:
    """A mention for every occurrence of each name, with the word written before it."""
    out = []
    for name, kind in kinds.items():
        for found in re.finditer(re.escape(name), text):
            before = text[: found.start()].split()[-1:] or [""]
            word = before[0].split("'")[-1].casefold() if "'" not in before[0] else "l'"
            out.append(
                (SOURCE, Mention(kind, found.start(), found.end(), name, before=word.casefold()))
            )
    return out


def _pool(text: str, kinds: dict[str, str], extra: list[tuple[str, Mention]] = ()):
    return with_contexts(build_pool(_mentions(text, kinds) + list(extra)), {SOURCE: text})


def _question(kind: str, prompt: str, answer: str, quote: str = "", **kw) -> Question:
    mention = kw.pop("mention", Mention(kind, 0, 1, answer))
    return Question(SOURCE, kind, prompt, ((answer,),), quote, 0, (mention,), **kw)


AGENCIES = (
    "Selon l'agence de presse sud-coréenne Yonhap, le train est arrivé. "
    "L'agence japonaise Kyodo a confirmé. L'agence de presse étatique RIA-Novosti a écrit "
    "que le train roulait vers le nord. L'Agence France-Presse cite un diplomate. "
    "Le Conseil de sécurité de l'ONU se réunira. Un professeur de l'Université Ewha parle. "
    "Les fidèles invoquent Allah."
)
AGENCY_KINDS = {
    "Yonhap": "organisation", "Kyodo": "organisation", "RIA-Novosti": "organisation",
    "Agence France-Presse": "organisation", "Conseil de sécurité": "organisation",
    "ONU": "organisation", "Université Ewha": "organisation", "Allah": "organisation",
}  # fmt: skip


def test_a_press_agency_gets_press_agencies_only() -> None:
    pool = _pool(AGENCIES, AGENCY_KINDS)
    q = _question("organisation", "Qui a rapporté que le train est arrivé ?", "Yonhap")
    assert sorted(distractors(q, pool)) == ["Agence France-Presse", "Kyodo", "RIA-Novosti"]


def test_an_organisation_of_unknown_sort_gets_no_choices() -> None:
    pool = _pool(AGENCIES, AGENCY_KINDS)
    q = _question("organisation", "Qui invoquent les fidèles ?", "Allah")
    assert distractors(q, pool) == []


def test_an_organisation_sort_comes_from_its_name_or_the_words_before_it() -> None:
    assert organisation_sort("Université Ewha", "") == "recherche"
    assert organisation_sort("Yonhap", "selon l agence de presse sud coreenne") == (
        "agence de presse"
    )
    assert organisation_sort("New York Times", "selon le") is None


def test_no_other_agency_that_the_description_also_fits() -> None:
    text = AGENCIES + " L'agence de presse officielle KCNA a publié une photo."
    pool = _pool(text, {**AGENCY_KINDS, "KCNA": "organisation"})
    q = _question(
        "organisation", "Comment s'appelle l'agence de presse étatique ?", "RIA-Novosti",
        identity=True,
    )  # fmt: skip
    assert "KCNA" not in distractors(q, pool)  # "officielle" fits "étatique" as well
    bare = _question(
        "organisation", "Comment s'appelle l'agence de presse ?", "Kyodo", identity=True
    )
    assert distractors(bare, pool) == []  # every agency of the article is an answer


PEOPLE = (
    "Le porte-parole Dmitri Peskov a parlé. Le ministre Sergueï Lavrov a répondu. "
    "Le gouverneur Oleg Kozhemyako était là. Le chercheur Cheong Seong-chang doute. "
    "Selon Washington, la rencontre inquiète. Le diplomate John Kirby a réagi. "
    "La délégation de Kim comprend Ri Pyong Chol et Pak Jong Chon. "
    "Lim Soo-suk a démenti. Le ministre Choe Sun Hui est resté à Pyongyang."
)
PEOPLE_KINDS = {
    name: "person"
    for name in (
        "Dmitri Peskov", "Sergueï Lavrov", "Oleg Kozhemyako", "Cheong Seong-chang",
        "Washington", "John Kirby", "Ri Pyong Chol", "Pak Jong Chon", "Lim Soo-suk",
        "Choe Sun Hui", "Kim",
    )
}  # fmt: skip


def test_people_share_the_answers_name_style_and_a_city_is_never_a_person() -> None:
    pool = _pool(PEOPLE, PEOPLE_KINDS)
    q = _question("person", "Qui a parlé au nom du Kremlin ?", "Dmitri Peskov")
    wrong = distractors(q, pool)
    assert "Washington" not in wrong and "Cheong Seong-chang" not in wrong
    assert all(name_style(w) == "slavic" for w in wrong)


def test_no_person_named_beside_the_prompts_people() -> None:
    pool = with_contexts(
        build_pool(_mentions(PEOPLE, PEOPLE_KINDS), avoid={"kim"}), {SOURCE: PEOPLE}
    )
    q = _question("person", "De qui Kim est-il accompagné ?", "Lim Soo-suk")
    wrong = distractors(q, pool)
    assert not {"Ri Pyong Chol", "Pak Jong Chon"} & set(wrong)  # they came with Kim too


PLACES = (
    "Le président russe Vladimir Poutine est arrivé en Corée du Nord. Il ira ensuite au "
    "Vietnam, puis en Chine. La Russie et l'Ukraine sont en guerre. Il a atterri à "
    "Pyongyang, loin de Moscou. Les ministres se verront en Inde."
)
PLACE_KINDS = {
    name: "place"
    for name in ("Corée du Nord", "Vietnam", "Chine", "Russie", "Ukraine", "Pyongyang", "Moscou",
                 "Inde")
}  # fmt: skip


def test_where_someone_travels_stays_open_when_the_answer_is_a_country() -> None:
    pool = _pool(PLACES, PLACE_KINDS)
    quote = "Vladimir Poutine est arrivé en Corée du Nord. Il ira ensuite au Vietnam"
    q = _question("place", "Où Vladimir Poutine se rend-il ?", "Corée du Nord", quote)
    assert distractors(q, pool) == []  # Ukraine as Putin's destination reads as absurd


def test_a_country_gets_countries_never_the_travellers_home_nor_one_the_quote_names() -> None:
    pool = _pool(PLACES, PLACE_KINDS)
    quote = "Vladimir Poutine est arrivé en Corée du Nord. Il ira ensuite au Vietnam"
    q = _question("place", "Quel pays Vladimir Poutine visite-t-il ?", "Corée du Nord", quote)
    wrong = distractors(q, pool)
    assert "Russie" not in wrong  # his own country
    assert "Vietnam" not in wrong  # also where he goes: a second right answer
    assert "Pyongyang" not in wrong and "Moscou" not in wrong  # cities among countries
    assert sorted(wrong) == ["Chine", "Inde", "Ukraine"]


def test_a_country_the_article_is_about_is_never_a_wrong_choice() -> None:
    subjects = {SOURCE: frozenset({"russie", "ukraine"})}
    pool = with_contexts(
        build_pool(_mentions(PLACES, PLACE_KINDS), subjects=subjects), {SOURCE: PLACES}
    )
    q = _question("place", "De quel pays l'Inde s'est-elle rapprochée ?", "Vietnam",
                  "L'Inde s'est rapprochée du Vietnam.")  # fmt: skip
    wrong = distractors(q, pool)
    assert "Russie" not in wrong and "Ukraine" not in wrong


def _role_distractors(holder: str, answer: str, others: dict[str, str]) -> list[str]:
    """Wrong choices for "Qui est <holder> ?" when the articles give `others` (title: holder)."""
    roles = [(SOURCE, Mention("role", 0, 1, text, unit=who)) for text, who in others.items()]
    mention = Mention("role", 0, 1, answer, unit=holder)
    q = _question("role", f"Qui est {holder} ?", answer, mention=mention)
    return distractors(q, _pool(PEOPLE, PEOPLE_KINDS, roles))


def test_a_korean_officials_title_never_gets_russian_posts() -> None:
    wrong = _role_distractors(
        "Pak Thae Song",
        "le président du comité nord-coréen des sciences et technologies spatiales",
        {
            "le porte-parole du Kremlin": "Dmitri Peskov",
            "le ministre russe de la Défense": "Sergei Shoigu",
            "le gouverneur régional": "Oleg Kozhemyako",
        },
    )
    assert len(wrong) < 3 or all("nord-coréen" in w for w in wrong)
    assert not any("Kremlin" in w or "russe" in w for w in wrong)


def test_a_title_with_a_country_gets_titles_of_that_country() -> None:
    wrong = _role_distractors(
        "Sergei Shoigu",
        "le ministre russe de la Défense",
        {
            "le porte-parole du Kremlin": "Dmitri Peskov",
            "l'ambassadeur adjoint américain": "Robert Wood",
            "le chercheur à l'Institut Sejong": "Cheong Seong-chang",
        },
    )
    assert len(wrong) == 3 and all(nations(w) == {"russie"} for w in wrong)
    # Peskov's real title would be ruled out by the item asking who Peskov is.
    assert "le porte-parole du Kremlin" not in wrong


def test_two_real_titles_and_no_made_up_rank_make_no_choices() -> None:
    wrong = _role_distractors(
        "Oleg Kozhemyako",
        "le gouverneur de la région de Primorié",
        {
            "le ministre des Affaires étrangères": "Sergueï Lavrov",
            "le maire de Vladivostok": "Konstantin Chestakov",
            "le chercheur à l'Institut Sejong": "Cheong Seong-chang",
        },
    )
    # Two real titles and no made-up rank ("le vice-gouverneur ..."): too few for a choice item.
    assert sorted(wrong) == ["le maire de Vladivostok", "le ministre des Affaires étrangères"]


def test_role_forms_keep_country_and_institution_but_never_change_the_rank() -> None:
    forms = role_forms("le ministre russe de la Défense")
    assert "le ministre russe des Affaires étrangères" in forms
    assert not [f for f in forms if "vice" in f or "Défense" in f]
    assert role_forms("l'ambassadeur adjoint américain") == []
    assert role_forms("l'amiral de la marine") == []


def test_a_role_without_three_competitors_is_not_asked() -> None:
    pool = _pool(PEOPLE, PEOPLE_KINDS)
    answer = "le gardien du phare de la baie"
    q = _question(
        "role", "Qui est Jean Dupont ?", answer,
        mention=Mention("role", 0, 1, answer, unit="Jean Dupont"),
    )  # fmt: skip
    assert make_item(q, pool, ("open", "choice")) is None


def test_an_organisation_without_competitors_stays_open() -> None:
    pool = _pool(AGENCIES, AGENCY_KINDS)
    q = _question("organisation", "Qui invoquent les fidèles ?", "Allah")
    item = make_item(q, pool, ("open", "choice"))
    assert item is not None and item.type == "open"


@pytest.mark.parametrize(
    ("answer", "shape"),
    [("samedi matin", r"^\w+ (matin|soir|après-midi)$"), ("tôt mardi", r"^tôt \w+$")],
)
def test_a_day_with_a_time_gets_days_of_the_same_shape(answer: str, shape: str) -> None:
    q = _question("day", "Quand le train est-il parti ?", answer)
    wrong = distractors(q, _pool("", {}))
    assert len(wrong) == 3 and answer not in wrong
    assert all(re.match(shape, w) for w in wrong)


def test_day_forms_vary_the_weekday_or_the_time() -> None:
    forms = day_forms("samedi matin")
    assert "vendredi matin" in forms and "samedi soir" in forms


def test_years_stay_near_the_answer_and_never_after_the_articles_latest() -> None:
    text = "En 1912, le port a ouvert. La résolution de 2006 a été renforcée en 2009."
    years = [(SOURCE, Mention("year", 0, 1, y, value=int(y))) for y in ("1912", "2006", "2009")]
    pool = with_contexts(build_pool(years), {SOURCE: text})
    mention = Mention("year", 0, 1, "2009", value=2009)
    q = _question("year", "En quelle année la résolution a-t-elle été renforcée ?", "2009",
                  mention=mention)  # fmt: skip
    wrong = distractors(q, pool)
    assert "1912" not in wrong and len(wrong) == 3
    assert all(1999 <= int(w) <= 2009 for w in wrong)


def _number(text: str) -> tuple[str, Mention]:
    value, unit = text.split(" ", 1)
    return (SOURCE, Mention("number", 0, 1, text, unit=unit))


def test_a_percentage_competes_with_its_siblings_never_another_sentences_shares() -> None:
    quote = "Le taux de réussite a été de 86 % dans l'ensemble et 71,8 % pour les bacs pros."
    pool = with_contexts(
        build_pool([_number("86 %"), _number("48 %"), _number("31 %"), _number("14 ans")]),
        {SOURCE: ""},
    )
    q = _question(
        "number", "Quel a été le taux de réussite pour les bacs pros ?", "71,8 %", quote,
        mention=Mention("number", 0, 1, "71,8 %", unit="%"),
    )  # fmt: skip
    wrong = distractors(q, pool)
    assert wrong[0] == "86 %"  # the sibling listed in the answer's sentence
    assert not {"48 %", "31 %"} & set(wrong)  # shares of candidates, said elsewhere
    assert len(wrong) == 3 and all(w.endswith(" %") and w != "71,8 %" for w in wrong)


def test_number_forms_are_rounded_like_the_answer() -> None:
    assert number_forms("900 kilomètres")[:3] == [
        "500 kilomètres", "700 kilomètres", "1 400 kilomètres",
    ]  # fmt: skip
    assert number_forms("1,2 %")[:3] == ["0,5 %", "0,7 %", "1,0 %"]
    assert "2 morts" in number_forms("1 mort")


def test_the_answer_is_not_always_second_among_made_up_figures() -> None:
    answers = [f"{n} {unit}" for n in (7, 9, 14, 18, 60, 521, 900) for unit in ("jours", "km")]
    ranks = set()
    for answer in answers:
        value = float(answer.split()[0])
        values = [float(f.split()[0]) for f in number_forms(answer)[:3]]
        ranks.add(sorted([value, *values]).index(value))
    assert ranks == {0, 1, 2, 3}


def test_a_number_written_in_words_gets_choices_written_in_words() -> None:
    mention = Mention("number", 0, 4, "deux cent mille dollars", value=200000, unit="dollars")
    q = _question("number", "Combien a coûté le spectacle ?", "200000", mention=mention)
    wrong = distractors(q, _pool("", {}))
    assert wrong == ["cent mille dollars", "trois cent mille dollars", "six cent mille dollars"]


def test_a_number_in_digits_keeps_digits() -> None:
    mention = Mention("number", 0, 3, "environ 60 kilomètres", value=60, unit="kilomètres")
    q = _question("number", "À quelle distance est la ville ?", "60", mention=mention)
    wrong = distractors(q, _pool("", {}))
    assert wrong == ["30 kilomètres", "50 kilomètres", "90 kilomètres"]


def test_a_source_that_said_the_same_is_not_a_wrong_answer() -> None:
    text = AGENCIES + " L'agence Yonhap a indiqué que le train était parti vers le nord."
    pool = _pool(text, AGENCY_KINDS)
    q = _question("speaker", "Qui a indiqué que le train était parti vers le nord ?", "Kyodo",
                  mention=Mention("organisation", 0, 1, "Kyodo"))  # fmt: skip
    wrong = distractors(q, pool)
    assert "Yonhap" not in wrong  # it wrote the same
    assert wrong == ["RIA-Novosti", "Agence France-Presse"]  # too few left for a choice item


def test_figures_are_written_like_the_answer_and_agree() -> None:
    pool = with_contexts(build_pool([_number("28 personnes"), _number("4 personnes")]), {})
    mention = Mention("number", 0, 3, "neuf autres personnes", value=9, unit="personnes")
    q = _question("number", "Combien d'autres personnes ont été blessées ?", "9", mention=mention)
    assert all(w.endswith(" autres personnes") for w in distractors(q, pool))
    assert "un raffineries" not in number_forms("deux raffineries")


def test_an_agency_of_the_described_country_is_never_a_wrong_answer() -> None:
    text = AGENCIES + " Selon l'agence de presse sud-coréenne Newsis, rien n'a changé."
    pool = _pool(text, {**AGENCY_KINDS, "Newsis": "organisation"})
    q = _question(
        "organisation", "Comment s'appelle l'agence de presse sud-coréenne ?", "Yonhap",
        identity=True,
    )  # fmt: skip
    wrong = distractors(q, pool)
    assert "Newsis" not in wrong  # a second South Korean agency would be right too
    assert sorted(wrong) == ["Agence France-Presse", "Kyodo", "RIA-Novosti"]


@given(
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(["%", "jours", "kilomètres", "morts", "dollars"]),
)
def test_made_up_figures_are_never_the_answer_and_keep_its_unit(
    whole: int, decimals: int, unit: str
) -> None:
    value = whole / 10**decimals
    answer = f"{value:.{decimals}f}".replace(".", ",") + f" {unit}"
    forms = number_forms(answer)
    parsed = [f.rsplit(" ", 1) for f in forms]
    assert answer not in forms and all(u.rstrip("s") == unit.rstrip("s") for _, u in parsed)
    if unit == "%":
        assert all(float(n.replace(",", ".")) <= 100 for n, _ in parsed)


def test_who_holds_a_post_gets_people_with_posts_never_a_title_or_a_gunman() -> None:
    text = (
        "Le président de la République François Hollande est arrivé. Le ministre de "
        "l'Intérieur Manuel Valls l'accompagnait, avec le maire Pierre Cohen et le député "
        "Gérard Bapt. Le tueur Mohamed Merah avait frappé en mars. Le président de la "
        "communauté juive, Arié Bensemhoun, a parlé."
    )
    kinds = {
        n: "person"
        for n in ("Président de la République", "République", "François Hollande",
                  "Manuel Valls", "Pierre Cohen", "Gérard Bapt", "Mohamed Merah")
    }  # fmt: skip
    q = _question(
        "person", "Qui est le président de la communauté juive ?", "Arié Bensemhoun",
        identity=True,
    )  # fmt: skip
    wrong = distractors(q, _pool(text, kinds))
    assert "République" not in wrong and "Mohamed Merah" not in wrong
    assert len(wrong) == 3
    assert set(wrong) <= {"François Hollande", "Manuel Valls", "Pierre Cohen", "Gérard Bapt"}


def test_a_town_in_a_named_country_gets_no_foreign_capital() -> None:
    text = (
        "Poutine est allé à Yakoutsk, puis à Vladivostok et à Khasan. Il ira à Pékin et à "
        "Moscou, puis à Tynda."
    )
    kinds = {n: "place" for n in ("Yakoutsk", "Vladivostok", "Khasan", "Pékin", "Moscou", "Tynda")}
    q = _question("place", "Où Poutine s'est-il rendu dans l'est de la Russie ?", "Yakoutsk")
    wrong = distractors(q, _pool(text, kinds))
    assert "Pékin" not in wrong and len(wrong) == 3


def test_an_armed_group_gets_armed_groups_never_a_deity_or_a_firm() -> None:
    text = (
        "Le groupe islamiste Ansar Dine tient la ville. Le groupe armé Mujao a attaqué. "
        "La milice Ganda Koy résiste. Les combattants crient le nom d'Allah. Le groupe "
        "Total exploite le gisement. Le groupe jihadiste Boko Haram a revendiqué."
    )
    kinds = {
        n: "organisation"
        for n in ("Ansar Dine", "Mujao", "Ganda Koy", "Allah", "Total", "Boko Haram")
    }
    q = _question("organisation", "Qui tient la ville ?", "Ansar Dine")
    assert sorted(distractors(q, _pool(text, kinds))) == ["Boko Haram", "Ganda Koy", "Mujao"]


def test_a_korean_name_is_accepted_by_its_family_name_which_comes_first() -> None:
    from factquiz.generate.mentions import build_entity_index

    names = ("Cheong Seong-chang", "Lim Soo-suk", "Leif-Eric Easley", "Oleg Kozhemyako")
    index = build_entity_index([Mention("person", 0, 1, n) for n in names])
    assert [index.short_form(n) for n in names] == ["Cheong", "Lim", "Easley", "Kozhemyako"]


def test_a_choice_says_what_the_prompt_asks_without_the_articles_others() -> None:
    pool = with_contexts(build_pool([_number("28 personnes"), _number("4 personnes")]), {})
    mention = Mention("number", 0, 3, "neuf autres personnes", value=9, unit="personnes")
    q = _question("number", "Combien de personnes ont été blessées ?", "9", mention=mention)
    assert choice_text(q) == "neuf personnes"
    wrong = distractors(q, pool)
    assert wrong and all(w.endswith(" personnes") and "autres" not in w for w in wrong)


def test_a_large_figure_is_shown_with_its_thousands_spaced() -> None:
    mention = Mention("number", 0, 2, "315000 manifestants", value=315000, unit="manifestants")
    q = _question("number", "Combien de manifestants ont défilé ?", "315000", mention=mention)
    assert choice_text(q) == "315 000 manifestants"
    wrong = distractors(q, _pool("", {}))
    spaced = re.compile(r"\d{1,3}(?: \d{3})+ manifestants")
    assert len(wrong) == 3 and all(spaced.fullmatch(w) for w in wrong)


@pytest.mark.parametrize(
    ("figure", "value"),
    [("plus de trois ans", 3), ("moins de 14 minutes", 14), ("au moins 3 ans", 3)],
)
def test_a_bound_is_no_choice_since_another_figure_fits_it_too(figure: str, value: int) -> None:
    mention = Mention("number", 0, 3, figure, value=value, unit=figure.split()[-1])
    q = _question("number", "Pendant combien de temps ... ?", "3", mention=mention)
    pool = with_contexts(build_pool([_number("4 ans"), _number("2 minutes")]), {})
    assert distractors(q, pool) == []  # the item stays open


def test_an_estimate_keeps_its_choices() -> None:
    mention = Mention("number", 0, 3, "environ 60 kilomètres", value=60, unit="kilomètres")
    q = _question("number", "À quelle distance est la ville ?", "60", mention=mention)
    assert len(distractors(q, _pool("", {}))) == 3
