"""Forms of a right answer the grader forgives, and the near misses it still refuses:
hedges, initials, foreign forms of given names, lists in an accepted answer, a name said
without its category noun, words borrowed from the question."""

from __future__ import annotations

import pytest

from factquiz.grading import grade


def _verdict(response: str, accepted: list[object], question: str, language: str = "fr") -> str:
    return grade(response, accepted, question=question, language=language).verdict


# --- a hedge before the answer states the same fact -----------------------------------------


@pytest.mark.parametrize(
    ("response", "accepted", "expected"),
    [
        ("probablement Kozhemyako", [["Oleg Kozhemyako"]], "correct"),
        ("généralement non", ["non"], "correct"),
        ("sûrement en 2006", ["2006"], "correct"),
        ("peut-être Kozhemyako", [["Oleg Kozhemyako"]], "correct"),
        ("sans doute en 2006", ["2006"], "correct"),
        ("probablement 2016", ["2006"], "wrong"),
        ("probablement Shoigu", [["Oleg Kozhemyako"]], "wrong"),
        ("probablement pas Kozhemyako", [["Oleg Kozhemyako"]], "wrong"),
        ("peut-être pas Kozhemyako", [["Oleg Kozhemyako"]], "wrong"),
    ],
)
def test_a_hedge_before_the_answer_changes_nothing(response: str, accepted: list, expected: str):
    assert _verdict(response, accepted, "Qui, et quand ?") == expected


def test_a_hedge_in_the_accepted_answer_is_not_required():
    question = "do you have to have a gun permit to shoot at a range"
    assert _verdict("no", ["Typically, no"], question, "en") == "correct"
    assert _verdict("yes", ["Typically, no"], question, "en") == "wrong"


# --- initials and foreign forms of given names ---------------------------------------------


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("J.L. Mélenchon", "correct"),
        ("J.-L. Mélenchon", "correct"),
        ("J.M. Mélenchon", "wrong"),  # not his initials: another person
        ("Marine Mélenchon", "wrong"),
    ],
)
def test_initials_written_together_stand_for_the_given_names(response: str, expected: str):
    assert _verdict(response, ["Jean-Luc Mélenchon"], "Qui a pris la parole ?") == expected


def test_initials_inside_a_sentence_name_the_person():
    question = "who is known as the father of indian constitution"
    said = "Dr. B.R. Ambedkar is known as the father of the Indian Constitution."
    assert _verdict(said, ["Bhimrao Ramji Ambedkar"], question, "en") == "correct"
    assert _verdict("B.K. Ambedkar", ["Bhimrao Ramji Ambedkar"], question, "en") == "wrong"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("Pierre Tchaïkovski", "correct"),  # the French form of Piotr
        ("Peter Tchaikovsky", "correct"),  # the English one
        ("le maestro Piotr Tchaïkovski", "correct"),
        ("Ivan Tchaïkovski", "wrong"),
        ("Modeste Tchaïkovski", "wrong"),  # his brother
    ],
)
def test_a_russian_given_name_in_french_or_english_is_the_same_person(response: str, expected: str):
    accepted = [["Piotr Ilitch Tchaïkovski"]]
    assert _verdict(response, accepted, "Qui a dirigé le concert d'ouverture ?") == expected


# --- lists inside an accepted answer ---------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("Marie Curie", "correct"),
        ("Pierre Curie", "correct"),
        ("Pierre et Marie Curie", "correct"),
        ("Irène Curie", "wrong"),  # their daughter
        ("Marie Dupont", "wrong"),
    ],
)
def test_two_given_names_share_the_surname_that_follows(response: str, expected: str):
    assert _verdict(response, ["Pierre et Marie Curie"], "Qui a découvert le radium ?") == expected


def test_a_list_with_a_common_noun_is_a_list_a_title_is_one_thing():
    question = "Qui accompagnait le président ?"
    accepted = ["Sergueï Lavrov et son ministre de la Défense"]
    assert _verdict("Sergueï Lavrov", accepted, question) == "correct"
    assert _verdict("Saladin", ["Saladin and the Ayyubid army"], "by which forces?", "en") == (
        "correct"
    )
    assert _verdict("Pride", ["Pride and Prejudice"], "Which novel?", "en") == "wrong"


# --- a name said without its category noun --------------------------------------------------


def test_a_sentence_that_names_the_thing_without_its_category_noun_is_right():
    question = "what was the precursor to the present day internet"
    said = "The precursor to the internet was the ARPANET, developed in the late 1960s."
    assert _verdict(said, ["the ARPANET project"], question, "en") == "correct"
    other = "The precursor to the internet was the NSFNET, developed in the late 1980s."
    assert _verdict(other, ["the ARPANET project"], question, "en") == "wrong"


def test_a_french_sentence_that_names_the_programme_is_right():
    question = "Quelle mission américaine a emmené des hommes sur la Lune ?"
    said = "Les astronautes sont allés sur la Lune grâce à Apollo, en 1969."
    assert _verdict(said, ["le programme Apollo"], question) == "correct"
    other = "Les astronautes sont allés sur la Lune grâce à Gemini, en 1966."
    assert _verdict(other, ["le programme Apollo"], question) == "wrong"


def test_a_sentence_naming_another_place_of_the_same_kind_is_wrong():
    said = "Le sommet s'est tenu à Vladivostok, la grande ville du Primorié."
    assert _verdict(said, ["le cosmodrome de Vostochny"], "Où le sommet a-t-il eu lieu ?") == (
        "wrong"
    )


# --- words borrowed from the question --------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("les autorités locales", "correct"),
        ("l'autorité locale", "correct"),
        ("l'autorité nationale", "wrong"),  # the other word the question offered
    ],
)
def test_another_word_of_the_question_in_place_of_the_answer_is_wrong(response: str, expected: str):
    question = "Quelle autorité, locale ou nationale, délivre ce permis ?"
    assert _verdict(response, ["les autorités locales"], question) == expected


def test_question_words_in_place_of_each_other_are_wrong_in_english():
    question = "who is responsible for establishing local licensing forum"
    accepted = [["unitary authorities", "local authorities", "district councils"]]
    assert _verdict("The Licensing Authority", accepted, question, "en") == "wrong"
    assert _verdict("the local authority", accepted, question, "en") == "correct"


# --- centuries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "accepted", "expected"),
    [
        ("en 1750", "au XVIIIe siècle", "correct"),  # a year within the century
        ("dans les années 1750", "au XVIIIe siècle", "correct"),
        ("le 4 juin 1750", "au XVIIIe siècle", "correct"),
        ("au dix-huitième siècle", "au XVIIIe siècle", "correct"),
        ("18e", "au XVIIIe siècle", "correct"),
        ("en 1850", "au XVIIIe siècle", "wrong"),
        ("en 1700", "au XVIIIe siècle", "wrong"),  # the last year of the 17th
        ("au XVIIe siècle", "au XVIIIe siècle", "wrong"),
        ("au XVIIIe siècle", "en 1750", "review"),  # less precise than the answer
        ("au XIXe siècle", "en 1750", "wrong"),
    ],
)
def test_a_year_within_the_expected_century_is_right(response: str, accepted: str, expected: str):
    assert _verdict(response, [accepted], "Quand la ville a-t-elle été fondée ?") == expected


def test_a_century_reads_as_a_century_in_the_reason():
    v = grade("en 1850", ["au XVIIIe siècle"], question="Quand ?")
    assert "18e siècle" in v.reason
    v = grade("AD 628", ["7th century"], question="when was zero first used", language="en")
    assert v.verdict == "correct"
    v = grade("1850", ["18th century"], question="when", language="en")
    assert "18th century" in v.reason


# --- an answer written as an accepted variant ----------------------------------------------


def test_an_answer_written_as_a_variant_is_right_unless_the_item_says_otherwise():
    assert grade("oleg KOZHEMYAKO", [["Oleg Kozhemyako"]]).verdict == "correct"
    assert grade("l'Ukraine", [["Ukraine"]]).matched == "Ukraine"
    # the reject list wins even over an accepted variant written the same way
    assert grade("Shoigu", ["Shoigu"], reject=["Shoigu"]).verdict == "wrong"
    # `require: all` wants every answer, not one written right
    v = grade("Kozlov", ["Kozhemyako", "Kozlov"], require="all")
    assert (v.verdict, v.credit) == ("wrong", 0.5)
    assert grade("?", ["?"]).verdict == "wrong"


# --- an alternative the question offered ----------------------------------------------------


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("des biscuits", "wrong"),  # the other alternative of the question
        ("des gâteaux", "correct"),
        ("des gâteaux au format biscuits", "correct"),
    ],
)
def test_the_other_alternative_of_the_question_is_no_shorter_answer(response: str, expected: str):
    question = "Les Jaffa Cakes sont-ils des biscuits ou des gâteaux ?"
    accepted = [["des gâteaux au format biscuits", "des gâteaux"]]
    assert _verdict(response, accepted, question) == expected


def test_a_shorter_answer_that_says_something_new_is_still_right():
    question = "Quel type de missiles la Corée du Nord a-t-elle testé ?"
    accepted = ["des missiles balistiques intercontinentaux"]
    assert _verdict("intercontinentaux", accepted, question) == "correct"
    question = "is jaffa cakes a biscuit or a cake"
    assert _verdict("biscuit", ["biscuit-sized cakes"], question, "en") == "wrong"


# --- caches -----------------------------------------------------------------------------------


def test_clear_caches_forgets_every_cached_analysis_and_key():
    """Benchmarks measure cold runs: nothing the grader cached may survive clear_caches."""
    from factquiz import (
        answer_key,
        grading,
        match_filters,
        normalize,
        number_matching,
        transliteration,
        variants,
    )

    grade("Kojemiako", [["Oleg Kozhemyako"]], question="Qui ?", entities=["Kim Jong-un"])
    grade("probablement l'Ukraine", ["la Russie (pays)", "l'Ukraine"], question="Où ?")
    cached = [
        normalize.analyse,
        normalize._case_info,
        transliteration.transliteration_key,
        variants.quick_key,
        variants.implied_variants,
        variants.list_items,
        answer_key.known_names,
        answer_key._shared_key,
        match_filters._word_starts,
        number_matching.compare_numeric,
    ]
    assert all(f.cache_info().currsize for f in cached[:4])
    grading.clear_caches()
    assert [f.cache_info().currsize for f in cached] == [0] * len(cached)


@pytest.mark.parametrize(
    ("response", "accepted", "expected"),
    [
        ("en juillet", ["juillet"], "correct"),
        ("au mois de juillet", ["juillet"], "correct"),
        ("juillet", ["en juillet"], "correct"),
        ("in May", ["May"], "correct"),
        ("en juin", ["juillet"], "wrong"),  # another month is another fact
        ("en juillet", ["juillet 2023"], "correct"),  # the question asks for the month
    ],
)
def test_a_month_after_a_preposition_is_the_month(
    response: str, accepted: list[object], expected: str
) -> None:
    question = "En quel mois a eu lieu la visite de Shoigu en Corée du Nord ?"
    assert _verdict(response, accepted, question) == expected
