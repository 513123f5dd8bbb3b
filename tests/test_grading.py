"""The grader on French answers drawn from the seed articles, and its public API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factquiz.bank import Bank, Item
from factquiz.grading import (
    Grader,
    Verdict,
    bank_entities,
    grade,
    grade_item,
    grade_many,
    normalize,
)
from factquiz.yamlio import read_yaml

CASES_FILE = Path(__file__).parent / "data" / "grading" / "french_cases.yaml"
CASES: dict[str, Any] = read_yaml(CASES_FILE)
ENTITIES = tuple(CASES["entities"])
ITEMS = {it["id"]: it for it in CASES["items"]}


def _table(*verdicts: str) -> list[Any]:
    return [
        pytest.param(it["id"], response, verdict, id=f"{it['id']}:{verdict}:{response!r}")
        for it in CASES["items"]
        for verdict in verdicts
        for response in it.get(verdict, ())
    ]


def _grade(item_id: str, response: str, **kwargs: Any) -> Verdict:
    it = ITEMS[item_id]
    return grade(
        response,
        it.get("answers", []),
        question=it["prompt"],
        reject=it.get("reject", ()),
        require=it.get("require", "any"),
        entities=kwargs.get("entities", ENTITIES),
        kind=it.get("type", "open"),
        choices=it.get("choices", ()),
        verdict=it.get("verdict"),
    )


def _item(it: dict[str, Any]) -> Item:
    answers = [a if isinstance(a, list) else [a] for a in it.get("answers", [])]
    return Item(
        id=it["id"],
        type=it.get("type", "open"),
        prompt=it["prompt"],
        answers=tuple(tuple(a) for a in answers),
        choices=tuple(it.get("choices", ())),
        require=it.get("require", "any"),
        reject=tuple(it.get("reject", ())),
        verdict=it.get("verdict"),
    )


# --- the French table ----------------------------------------------------------------------


@pytest.mark.parametrize(("item_id", "response", "expected"), _table("correct"))
def test_right_answers_in_any_form_are_accepted(item_id: str, response: str, expected: str):
    v = _grade(item_id, response)
    assert v.verdict == "correct", v.reason
    assert v.credit == 1.0


@pytest.mark.parametrize(("item_id", "response", "expected"), _table("wrong", "review"))
def test_wrong_answers_are_never_accepted(item_id: str, response: str, expected: str):
    v = _grade(item_id, response)
    assert v.verdict == expected, v.reason
    assert v.matched is None or v.credit < 1.0


@pytest.mark.parametrize(
    ("item_id", "response", "credit"),
    [
        pytest.param(it["id"], r, c, id=f"{it['id']}:{r!r}")
        for it in CASES["items"]
        for r, c in (it.get("credit") or {}).items()
    ],
)
def test_require_all_gives_each_answer_its_share(item_id: str, response: str, credit: float):
    assert _grade(item_id, response).credit == pytest.approx(credit)


def test_the_table_covers_the_issue_rules():
    """Names, transliterations, numbers, dates, places, acronyms, choices and claims."""
    ids = set(ITEMS)
    for needed in (
        "khasan-welcome",
        "north-korean-leader",
        "defence-minister",
        "meeting-date",
        "resolution-year",
        "ussuriysk-distance",
        "un-body",
        "trip-rank",
        "resolution-year-choice",
        "train-by-plane",
    ):
        assert needed in ids
    assert len(_table("correct", "wrong", "review")) >= 60


# --- reasons -------------------------------------------------------------------------------


def test_reason_names_the_transliteration():
    v = grade("Kojemiako", [["Oleg Kozhemyako"], "Alexander Kozlov"])
    assert v == Verdict(
        "correct",
        1.0,
        "Oleg Kozhemyako",
        "Accepté : « Kojemiako » est une transcription de « Kozhemyako » (Oleg Kozhemyako).",
    )


def test_reason_names_the_wrong_number_in_the_bank_language():
    assert grade("2016", ["2006"]).reason == "Refusé : 2016 n'est pas 2006."
    assert grade("2016", ["2006"], language="en").reason == "Rejected: 2016 is not 2006."


def test_a_regional_language_tag_is_its_language():
    assert grade("2016", ["2006"], language="en-GB").reason == "Rejected: 2016 is not 2006."
    assert grade("2016", ["2006"], language="fr-CA").reason == "Refusé : 2016 n'est pas 2006."


def test_reason_names_the_differing_token():
    v = grade("Kim Jong-il", ["Kim Jong-un"])
    assert v.reason == (
        "Refusé : « Kim Jong-il » n'est pas « Kim Jong-un » (« il » au lieu de « un »)."
    )


def test_reason_is_one_sentence_for_every_table_case():
    for param in _table("correct", "wrong", "review"):
        item_id, response, _ = param.values
        reason = _grade(item_id, response).reason
        assert reason.startswith(("Accepté", "Refusé", "À revoir", "Partiel"))
        assert reason.endswith(".") and "\n" not in reason


def test_matched_is_the_preferred_form_or_none():
    assert grade("Oleg Kojemiako", [["Oleg Kozhemyako", "Oleg Kojemiako"]]).matched == (
        "Oleg Kozhemyako"
    )
    assert grade("Sergei Shoigu", [["Oleg Kozhemyako"]]).matched is None


# --- strict about facts --------------------------------------------------------------------


def test_a_better_match_with_another_known_name_is_wrong():
    assert grade("Kozlova", ["Alexander Kozlov"]).verdict == "correct"  # a typo, alone
    v = grade("Kozlova", ["Alexander Kozlov"], entities=("Natalia Kozlova",))
    assert v.verdict == "wrong"
    assert "Natalia Kozlova" in v.reason


def test_a_surname_shared_with_another_known_name_is_not_enough():
    assert grade("Kim", ["Kim Jong-un"]).verdict == "correct"
    v = grade("Kim", ["Kim Jong-un"], entities=("Kim Jong-il",))
    assert v.verdict == "wrong"
    assert "Kim Jong-il" in v.reason
    assert grade("Kim", ["Kim Jong-un", "Kim Jong-il"], require="all").credit == 0.0


def test_the_reject_list_wins_over_a_close_accepted_answer():
    assert grade("Kim Jong Il", [["Kim Jong-un", "Kim Jong-il"]]).verdict == "correct"
    v = grade("Kim Jong Il", [["Kim Jong-un", "Kim Jong-il"]], reject=["Kim Jong-il"])
    assert v.verdict == "wrong"


def test_a_date_coarser_than_the_answer_depends_on_what_the_question_asks():
    assert grade("2023", ["13 septembre 2023"], question="Quand ?").verdict == "correct"
    assert grade("2023", ["13 septembre 2023"], question="Quel jour ?").verdict == "wrong"
    assert grade("2023", ["13 septembre 2023"]).verdict == "review"


def test_numbers_inside_a_range_and_rounded_numbers():
    assert grade("1987", ["1985-1993"]).verdict == "correct"
    assert grade("1995", ["1985-1993"]).verdict == "wrong"
    assert grade("entre 2 et 3 millions", ["2 à 3 millions"]).verdict == "correct"
    assert grade("2,19 milliards", ["2,187 milliards"]).verdict == "correct"
    assert grade("2000", ["2006"]).verdict == "wrong"


def test_review_is_for_uncertain_answers_and_earns_no_credit():
    v = _grade("meeting-date", "13")
    assert (v.verdict, v.credit, v.matched) == ("review", 0.0, None)
    assert v.reason.startswith("À revoir")


# --- English answers (the benchmark's language) --------------------------------------------


@pytest.mark.parametrize(
    ("response", "accepted", "expected"),
    [
        ("June 18, 1812", ["18 June 1812"], "correct"),
        ("the 18th of June, 1812", ["June 18, 1812"], "correct"),
        ("seven", ["7"], "correct"),
        ("a hundred", ["100"], "correct"),
        ("The Beatles", ["Beatles"], "correct"),
        ("1984", ["the 1980s"], "correct"),
        ("twenty-first", ["21st"], "correct"),
        ("F.R.I.E.N.D.S.", ["Friends"], "correct"),
        ("James Flynn", ["James P. Flynn"], "correct"),
        ("Dave Gahan", ["David Gahan"], "correct"),
        ("June 19, 1812", ["June 18, 1812"], "wrong"),
        ("six", ["7"], "wrong"),
        ("the Battle of Camden", ["the Battle of Antietam"], "wrong"),
        ("Central Europe", ["Central Germany"], "wrong"),
    ],
)
def test_english_answers(response: str, accepted: list[str], expected: str):
    assert grade(response, accepted, language="en").verdict == expected


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("L'Ukraine", "ukraine"),
        ("la Russie", "russie"),
        ("au Vietnam", "vietnam"),
        ("en 2006", "2006"),
        ("c'est Poutine", "poutine"),
        ("Kim Jong‑un", "kim jong un"),
        ("Élysée", "elysee"),
        ("E\u0301lyse\u0301e", "elysee"),
        ("sous\u00admarins", "sousmarins"),
        ("le mardi 12 septembre", "--09-12"),
        ("13 septembre 2023", "2023-09-13"),
        ("13/09/2023", "2023-09-13"),
        ("septembre 2023", "2023-09"),
        ("vingt-quatre ans", "24 an"),
        ("quatre-vingt-dix-sept", "97"),
        ("deux mille six", "2006"),
        ("dixième", "10e"),
        ("1er septembre", "--09-01"),
        ("cinq heures", "5 h"),
        ("60 kilomètres", "60 km"),
        ("10 000", "10000"),
        ("1,5 million", "1500000"),
        ("années 80", "1980s"),
        ("1985–1993", "1985~1993"),
        ("C.S.N.U.", "csnu"),
        ("XVIIIe siècle", "18c"),
        ("au dix-huitième siècle", "18c"),
    ],
)
def test_normalize(text: str, normal: str):
    assert normalize(text) == normal


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("June 18, 1812", "1812-06-18"),
        ("6/18/1812", "1812-06-18"),
        ("the twentieth century", "20c"),
        ("during the 20th century", "20c"),
        ("$75,000", "75000 usd"),
        ("£50m", "50000000 gbp"),
        ("an hour", "1 h"),
    ],
)
def test_normalize_english(text: str, normal: str):
    assert normalize(text, "en") == normal


# --- choices and claims --------------------------------------------------------------------


def test_choice_with_several_right_choices():
    choices = ["Khasan", "Vladivostok", "Ussuriysk", "Pyongyang"]
    right = ["Khasan", "Ussuriysk"]
    assert grade("a, c", right, kind="choice", choices=choices, require="all").credit == 1.0
    half = grade("1", right, kind="choice", choices=choices, require="all")
    assert (half.verdict, half.credit) == ("wrong", 0.5)
    assert grade("1 3 2", right, kind="choice", choices=choices, require="all").credit == 0.5
    assert grade("c", right, kind="choice", choices=choices).verdict == "correct"


def test_claim_answers_in_english():
    for said in ("false", "refuted", "2", "contradicted"):
        assert grade(said, [], kind="claim", verdict="refuted", language="en").verdict == "correct"
    v = grade("true", [], kind="claim", verdict="refuted", language="en")
    assert v.reason == (
        "Rejected: the claim is refuted by the sources, not supported by the sources."
    )


# --- items, banks and many answers ---------------------------------------------------------


def test_grade_item_uses_the_item_fields():
    item = _item(ITEMS["khasan-welcome"])
    assert grade_item("Kojemiako", item).verdict == "correct"
    assert grade_item("Shoigu", item, entities=ENTITIES).verdict == "wrong"
    claim = _item(ITEMS["train-by-plane"])
    assert grade_item("faux", claim).verdict == "correct"
    choice = _item(ITEMS["resolution-year-choice"])
    assert grade_item("a", choice).matched == "2006"


def test_bank_entities_lists_answers_rejects_and_choices():
    items = tuple(_item(ITEMS[i]) for i in ("khasan-welcome", "resolution-year-choice"))
    bank = Bank(id="kim", title="Kim", language="fr", items=items)
    names = bank_entities(bank)
    assert names[:3] == ("Oleg Kozhemyako", "Alexander Kozlov", "Sergei Shoigu")
    assert "2016" in names and len(names) == len(set(names))


def test_grade_many_agrees_with_grade_on_the_whole_table():
    pairs, expected = [], []
    for param in _table("correct", "wrong", "review"):
        item_id, response, verdict = param.values
        pairs.append((_item(ITEMS[item_id]), response))
        expected.append(verdict)
    got = grade_many(pairs, entities=ENTITIES)
    assert [v.verdict for v in got] == expected


def test_grader_decides_once_per_normalised_answer_and_quotes_each(monkeypatch):
    from factquiz import grading

    calls: list[str] = []
    real = grading._grade_open

    def counting(response, key, *flags):
        calls.append(response)
        return real(response, key, *flags)

    monkeypatch.setattr(grading, "_grade_open", counting)
    item = _item(ITEMS["khasan-welcome"])
    grader = Grader(entities=ENTITIES)
    verdicts = [grader.grade(item, r) for r in ("Kojemiako", "kojemiako", " KOJEMIAKO ")]
    assert len(calls) == 1
    assert [v.verdict for v in verdicts] == ["correct"] * 3
    assert "« kojemiako »" in verdicts[1].reason and "« KOJEMIAKO »" in verdicts[2].reason


def test_grader_follows_an_item_that_changed():
    grader = Grader()
    first = _item(ITEMS["resolution-year"])
    assert grader.grade(first, "2006").verdict == "correct"
    changed = Item(id=first.id, type="open", prompt=first.prompt, answers=(("2016",),))
    assert grader.grade(changed, "2006").verdict == "wrong"


def test_grader_never_lends_a_freed_items_verdict_to_an_item_built_later():
    """Items made one at a time (a caller streaming a sheet) may reuse a freed item's id;
    "Paris" answered to London's question is still wrong."""
    import gc

    grader = Grader()
    verdicts = []
    for n in range(200):
        city = ("Paris", "Londres")[n % 2]
        item = Item(id=f"q{n}", type="open", prompt=f"Capitale {n} ?", answers=((city,),))
        verdicts.append((city, grader.grade(item, "Paris").verdict))
        del item
        gc.collect()
    assert {v for city, v in verdicts if city == "Londres"} == {"wrong"}
    assert {v for city, v in verdicts if city == "Paris"} == {"correct"}


def test_grade_many_keeps_a_question_mark_apart_from_a_blank():
    """`?` answers a claim (not in the sources); a blank answers nothing."""
    claim = _item(ITEMS["slept-in-vladivostok"])
    verdicts = [v.verdict for v in grade_many([(claim, "?"), (claim, "")])]
    assert verdicts == ["correct", "wrong"]
    verdicts = [v.verdict for v in grade_many([(claim, ""), (claim, "?")])]
    assert verdicts == ["wrong", "correct"]


def test_grade_many_keeps_a_spelled_number_apart_from_a_choice_number():
    choice = _item(ITEMS["resolution-year-choice"])
    assert [v.verdict for v in grade_many([(choice, "un"), (choice, "1")])] == ["wrong", "correct"]
    assert [v.verdict for v in grade_many([(choice, "1"), (choice, "un")])] == ["correct", "wrong"]


def test_grade_many_keeps_a_list_apart_from_its_words_with_articles():
    item = _item(ITEMS["khasan-welcome"])
    pairs = [(item, "Kozhemyako et gouverneur"), (item, "Kozhemyako et le gouverneur")]
    alone = [grade_item(r, item, entities=ENTITIES).verdict for _, r in pairs]
    assert [v.verdict for v in grade_many(pairs, entities=ENTITIES)] == alone
    assert [v.verdict for v in grade_many(pairs[::-1], entities=ENTITIES)] == alone[::-1]


# --- a first name that is not the expected one names another person ------------------------

SURNAME_VARIANT = [["Oleg Kozhemyako", "Kozhemyako"], "Alexander Kozlov"]


@pytest.mark.parametrize("response", ["Boris Kozhemyako", "Igor Kozhemyako", "igor kojemiako"])
def test_another_first_name_before_an_accepted_surname_is_wrong(response: str):
    v = grade(response, SURNAME_VARIANT, entities=ENTITIES)
    assert v.verdict == "wrong", v.reason
    assert "Oleg" in v.reason


def test_another_first_name_is_wrong_when_only_the_bank_knows_the_first_name():
    assert (
        grade("Igor Kozhemyako", ["Kozhemyako"]).verdict == "correct"
    )  # nothing says Igor is wrong
    assert grade("Igor Kozhemyako", ["Kozhemyako"], entities=ENTITIES).verdict == "wrong"


@pytest.mark.parametrize(
    "response",
    [
        "Oleg Kozhemyako",
        "Kozhemyako",
        "le gouverneur Kozhemyako",
        "Oleg Nikolaïevitch Kozhemyako",
        "M. Kozhemyako",
        "Kozlov, Kojemiako",
        "O. Kozhemyako",
    ],
)
def test_the_right_first_name_a_title_or_a_middle_name_stay_correct(response: str):
    assert grade(response, SURNAME_VARIANT, entities=ENTITIES).verdict == "correct"


@pytest.mark.parametrize(
    ("response", "accepted"),
    [("Sergueï Choïgou", ["Sergei Shoigu"]), ("Dmitry Peskov", [["Dmitri Peskov", "Peskov"]])],
)
def test_a_transliterated_first_name_stays_correct(response: str, accepted: list[Any]):
    assert grade(response, accepted, entities=ENTITIES).verdict == "correct"


def test_a_wrong_person_beside_the_right_one_is_a_hedge():
    v = _grade("khasan-welcome", "Igor Kozhemyako et Alexander Kozlov")
    assert v.verdict == "wrong", v.reason
    assert _grade("khasan-welcome", "Oleg Kozhemyako Alexander Kozlov").verdict == "correct"


# --- an answer states the fact; it does not echo the prompt -----------------------------------

ALTERNATIVES = "Qui, de Kozhemyako ou de Shoigu, a accueilli Kim Jong-un à Khasan ?"


@pytest.mark.parametrize(
    "response",
    ["Kozhemyako ou Shoigu", "Shoigu ou Kozhemyako", "de Kozhemyako ou de Shoigu", ALTERNATIVES],
)
def test_echoing_the_alternatives_of_the_prompt_is_wrong(response: str):
    v = grade(response, ["Kozhemyako"], question=ALTERNATIVES)
    assert v.verdict == "wrong", v.reason


@pytest.mark.parametrize(
    "response", ["Kozhemyako", "Kozhemyako, à Khasan", "Kozhemyako a accueilli Kim"]
)
def test_the_answer_with_words_of_the_prompt_is_right(response: str):
    assert grade(response, ["Kozhemyako"], question=ALTERNATIVES).verdict == "correct"


def test_words_of_the_prompt_make_an_answer_longer_not_exact():
    v = grade("[link=https://evil.example]x", ["x"], question="Which link, https://evil.example?")
    assert v.verdict == "correct"  # it says x, and more
    assert "contient" in v.reason


def test_a_superscript_digit_names_no_choice():
    v = grade("²", ["2006"], kind="choice", choices=["2006", "2011"])
    assert v.verdict == "wrong"


# --- more or less specific forms of an English reference ------------------------------------


@pytest.mark.parametrize(
    ("response", "accepted", "expected"),
    [
        ("the United States", "United States of America", "correct"),
        ("Charles Carroll", "Charles Carroll of Carrollton", "correct"),
        ("RAF Coningsby", "RAF Coningsby in Lincolnshire", "correct"),
        (
            "Zen and the Art of Motorcycle Maintenance",
            "Zen and the Art of Motorcycle Maintenance by Robert M. Pirsig",
            "correct",
        ),
        ("Alice", "Alice in Wonderland", "wrong"),
        ("Bank", "Bank of England", "wrong"),
        ("brain", "the brain and spinal cord", "correct"),
        ("the liver", "the brain and spinal cord", "wrong"),
        ("brain and liver", "the brain and spinal cord", "wrong"),
        ("Pride", "Pride and Prejudice", "wrong"),
        ("one", "ten thousand and one", "wrong"),
        ("Tamera Mowry", "Tamera Mowry-Housley", "correct"),
        ("Argent", "the British band Argent", "correct"),
        ("John Marshall Harlan", "Justice Harlan", "correct"),
        ("Central Europe", "Central Germany", "wrong"),
        ("Civil Rights Act", "Civil Rights Act of 1964", "correct"),
        ("Jimmy Flynn", "James P. Flynn", "correct"),
        ("Jimmy Carter", "James P. Flynn", "wrong"),
    ],
)
def test_specific_and_general_forms_in_english(response: str, accepted: str, expected: str):
    assert grade(response, [accepted], language="en").verdict == expected


def test_a_title_before_a_surname_does_not_hide_another_given_name():
    v = grade("Boris Kozhemyako", [["le gouverneur Oleg Kozhemyako", "Kozhemyako"]])
    assert v.verdict == "wrong", v.reason


def test_a_short_form_of_the_given_name_is_the_same_person():
    assert grade("Sacha Kozlov", [["Alexander Kozlov", "Kozlov"]]).verdict == "correct"
    assert grade("Igor Kozlov", [["Alexander Kozlov", "Kozlov"]]).verdict == "wrong"


def test_a_sentence_beside_the_right_part_is_no_description():
    v = grade("The fair was filmed in Los Angeles, California", [["Camarillo, California"]])
    assert v.verdict == "wrong", v.reason
    assert _grade("khasan-welcome", "Kozhemyako, le gouverneur").verdict == "correct"


def test_an_item_graded_again_gets_the_same_verdicts():
    first = [
        _grade("khasan-welcome", r).verdict for r in ("Kojemiako", "Shoigu", "Igor Kozhemyako")
    ]
    again = [
        _grade("khasan-welcome", r).verdict for r in ("Kojemiako", "Shoigu", "Igor Kozhemyako")
    ]
    assert first == again == ["correct", "wrong", "wrong"]


def test_answers_that_cannot_be_a_cache_key_are_still_graded():
    assert grade("2006", [["2006", ["nested"]]]).verdict == "correct"  # type: ignore[list-item]
