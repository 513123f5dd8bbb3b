"""Properties of the grader that hold for any answer (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factquiz.bank import Item
from factquiz.grading import grade, grade_item, grade_many
from factquiz.match_filters import could_match_text
from factquiz.matching import match
from factquiz.normalize import analyse
from factquiz.text import strip_accents
from factquiz.variants import implied_variants, implies_others, list_items, quick_key, written_as

# Names, places, numbers and dates of the seed articles, and French letters to mix them with.
SEED_ANSWERS = [
    "Oleg Kozhemyako",
    "Alexander Kozlov",
    "Kim Jong-un",
    "Kim Jong-il",
    "Sergei Shoigu",
    "le cosmodrome de Vostochny",
    "Ussuriysk",
    "la Corée du Nord",
    "Conseil de sécurité des Nations unies",
    "CSNU",
    "2006",
    "13 septembre 2023",
    "cinq heures",
    "environ 60 kilomètres",
    "24 ans",
    "le dixième",
]
FRENCH = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"
ALPHABET = FRENCH + FRENCH.upper() + "0123456789 '’-,./"

answers = st.one_of(st.sampled_from(SEED_ANSWERS), st.text(ALPHABET, min_size=1, max_size=30))
responses = st.one_of(
    st.sampled_from(SEED_ANSWERS + ["Kojemiako", "Choïgou", "2016", "Kim", "12 septembre"]),
    st.text(ALPHABET, max_size=40),
)
accepted_lists = st.lists(
    st.one_of(answers, st.lists(answers, min_size=1, max_size=3)), min_size=1, max_size=3
)


def _has_letter_or_digit(text: str) -> bool:
    return any(c.isalnum() for c in text)


@given(st.text(min_size=1, max_size=40).filter(_has_letter_or_digit))
@settings(max_examples=300)
def test_an_answer_is_right_against_itself(text: str):
    assert grade(text, [text]).verdict == "correct"
    assert grade(text, [text], language="en").verdict == "correct"


@given(responses, accepted_lists, st.sampled_from(["any", "all"]), st.lists(answers, max_size=3))
@settings(max_examples=300)
def test_credit_is_between_0_and_1(response, accepted, require, reject):
    v = grade(response, accepted, require=require, reject=reject, entities=SEED_ANSWERS)
    assert 0.0 <= v.credit <= 1.0
    assert v.verdict in ("correct", "review", "wrong")
    assert (v.verdict == "correct") == (v.credit == 1.0)
    assert v.reason and v.reason.endswith(".")


@given(responses, accepted_lists, st.sampled_from(["Qui ?", "Quand ?", "Quel jour ?", ""]))
@settings(max_examples=300)
def test_case_and_accents_of_the_response_never_change_the_verdict(response, accepted, q):
    base = grade(response, accepted, question=q, entities=SEED_ANSWERS).verdict
    for variant in (
        response.upper(),
        response.lower(),
        strip_accents(response),
        unicodedata.normalize("NFD", response),
    ):
        assert grade(variant, accepted, question=q, entities=SEED_ANSWERS).verdict == base


@given(st.text(" \t\n\u00a0.,;:!?'’-–()[]«»\"", max_size=10), accepted_lists)
def test_an_answer_without_letters_or_digits_is_wrong(response, accepted):
    assert grade(response, accepted).verdict == "wrong"
    assert grade(response, accepted, require="all").credit == 0.0


@given(st.text(" \t\n\u00a0", max_size=5))
def test_the_empty_answer_is_wrong_for_every_kind_of_item(response):
    assert grade(response, ["2006"], kind="choice", choices=["2006", "2016"]).verdict == "wrong"
    assert grade(response, [], kind="claim", verdict="refuted").verdict == "wrong"


@given(st.sampled_from(SEED_ANSWERS), accepted_lists)
def test_a_rejected_answer_is_never_accepted(rejected, accepted):
    for written in (rejected, rejected.upper(), strip_accents(rejected)):
        assert grade(written, [*accepted, rejected], reject=[rejected]).verdict == "wrong"


@given(
    st.text(max_size=60),
    st.lists(st.text(max_size=30), max_size=3),
    st.sampled_from(["open", "choice", "claim"]),
    st.sampled_from(["fr", "en"]),
)
@settings(max_examples=300)
def test_any_text_gets_a_verdict_and_a_reason(response, accepted, kind, language):
    v = grade(
        response,
        accepted,
        kind=kind,
        choices=accepted,
        verdict="refuted",
        language=language,
        entities=accepted,
        reject=accepted[:1],
    )
    assert v.verdict in ("correct", "review", "wrong") and 0.0 <= v.credit <= 1.0
    assert v.reason.startswith(("Accept", "Refus", "Reject", "À revoir", "Review", "Parti"))


# --- the batch grader decides as `grade` does, whatever the order of the answers ------------

_PERSONS = ("Oleg Kozhemyako", "Alexander Kozlov", "Sergei Shoigu", "Vladivostok", "Russie")
_BATCH_ITEMS = (
    Item(
        id="welcome",
        type="open",
        prompt="Qui a accueilli Kim à Khasan ?",
        answers=(("Oleg Kozhemyako", "Kozhemyako"), ("Alexander Kozlov",)),
        reject=("Sergei Shoigu",),
    ),
    Item(
        id="both",
        type="open",
        prompt="Qui ?",
        answers=(("Oleg Kozhemyako",), ("Kozlov",)),
        require="all",
    ),
    Item(id="claim", type="claim", prompt="Kim a dormi à Vladivostok.", verdict="not_in_sources"),
    Item(
        id="year", type="choice", prompt="Quand ?", answers=(("2006",),), choices=("2006", "2011")
    ),
)
_PIECES = st.sampled_from(
    [
        "Kozhemyako",
        "KOZLOV",
        "Shoigu",
        "Russie",
        "gouverneur",
        "Vladivostok",
        "un",
        "1",
        "a",
        "à",
        "?",
        "",
    ]
)
_HEADS = st.sampled_from(["", "le ", "en ", "de ", "M. "])
_SEPARATORS = st.sampled_from([", ", " et ", " ou ", " ", ""])
_TRICKY = ["?", "", "un", "1", "à", "a", "Kozhemyako et gouverneur", "Kozhemyako et le gouverneur"]
_batch_answers = st.one_of(
    st.sampled_from(_TRICKY),
    st.builds(lambda a, s, h, b: f"{a}{s}{h}{b}", _PIECES, _SEPARATORS, _HEADS, _PIECES),
)


@given(st.lists(_batch_answers, min_size=2, max_size=12), st.sampled_from(_BATCH_ITEMS))
@settings(max_examples=150)
def test_grade_many_decides_each_answer_as_grade_does(responses, item):
    alone = [grade_item(r, item, entities=_PERSONS).verdict for r in responses]
    for order in (responses, responses[::-1]):
        got = [v.verdict for v in grade_many([(item, r) for r in order], entities=_PERSONS)]
        want = alone if order is responses else alone[::-1]
        assert got == want


# --- the shortcuts that skip work never skip a match ------------------------------------------

_SPELLINGS = (
    "Choïgou Shoigu Kozhemyako Kojemiako Yevgenia Ievguenia Khasan Hasan Philip Filip "
    "Tchaikovsky Zhukov Djokovic Quebec Xavier Wladimir Vladimir U.S.A. United States UN CSNU "
    "Conseil sécurité Nations unies Ouest Owen Eoin the of et Kim Jong-un Iouri Yuri deux "
    "2006 mai"
)
_NAMES = st.sampled_from(_SPELLINGS.split())
_PHRASES = st.lists(_NAMES, min_size=1, max_size=4).map(" ".join)


@given(_PHRASES, _PHRASES, st.sampled_from(["fr", "en"]))
@settings(max_examples=400)
def test_a_variant_skipped_unread_would_have_matched_nothing(response, variant, language):
    said = analyse(response, language)
    if said.tokens and not could_match_text(said, quick_key(variant)):
        assert match(said, analyse(variant, language)).score == 0


@settings(max_examples=300, deadline=None)
@given(variant=answers, response=answers, spaces=st.sampled_from(["", " ", "  "]))
def test_the_cheap_exact_test_agrees_with_folding_both(variant: str, response: str, spaces: str):
    """`written_as` decides without folding what comparing the quick keys decides."""
    for raw in (variant, spaces + variant + spaces, variant.lower(), "l'" + variant):
        key = quick_key(response)
        assert written_as(raw, key) == (quick_key(raw) == key)
        assert written_as(raw, quick_key(raw))


@settings(max_examples=300, deadline=None)
@given(
    variant=st.one_of(
        answers,
        st.text(ALPHABET + '()[]&"“”«» ', min_size=1, max_size=40),
        st.sampled_from(
            ["Pierre et Marie Curie", "United States of America", "Tucson, Arizona", "X or Y"]
        ),
    )
)
def test_a_variant_that_implies_nothing_has_no_implied_variant_nor_item(variant: str):
    """The cheap test that lets an answer skip its variants' implications never lies."""
    if not implies_others(variant):
        assert implied_variants(variant) == ()
        assert list_items(variant) == ()
