"""The shortcuts that spare the grader work give what the work would (hypothesis).

Each shortcut skips an analysis when a cheap look at the text shows its result cannot
matter; a shortcut that lied would change verdicts, so each is checked against the analysis
it skips.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factquiz.folding import LETTERS, fold_letters, letter_runs
from factquiz.grading import grade
from factquiz.normalize import Prompt, _analyse_tokens, _tokens, analyse, may_have_numbers

# Words that start numbers, dates and units, spelled or dotted, among plain words.
_WORDS = str.split(
    "one two first fifth twentieth dixième un une a an hour heure year years an mois km "
    "kilomètres pour cent per cent percent $ € £ % XVIIIe siècle années 80 1980s March mai "
    "may lundi 13 2006 1,5 10:30 1985-1993 o.n.e. u.s.a. U.S. Kim Jong-un Choïgou Kozhemyako "
    "l'Ukraine the of et de la Corée du Nord Vitamin C ? . - ’"
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyzéèàçœ ABCXYZ0123456789'’-.,?$%:/"
texts = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=0, max_size=6).map(" ".join),
    st.text(_ALPHABET, max_size=30),
)
languages = st.sampled_from(["fr", "en"])


@given(texts, languages)
@settings(max_examples=400, deadline=None)
def test_a_question_found_not_to_say_a_word_never_says_it(text: str, language: str):
    """`Prompt.asks_any` reads a superset of the question's keys without analysing it."""
    keys = analyse(text, language).keys
    for key in keys:
        assert Prompt(text, language).asks_any({key})


@given(texts, languages)
@settings(max_examples=400, deadline=None)
def test_a_text_found_to_have_no_number_has_none(text: str, language: str):
    """`may_have_numbers` is False only when the analysis has no number, date or range."""
    if analyse(text, language).numerics:
        assert may_have_numbers(text)
    assert Prompt(text, language).numerics == analyse(text, language).numerics


@given(texts)
@settings(max_examples=400, deadline=None)
def test_plain_words_are_split_as_the_letter_pattern_splits_them(text: str):
    folded = fold_letters(text)
    assert letter_runs(folded) == LETTERS.findall(folded)


@given(texts, languages)
@settings(max_examples=400, deadline=None)
def test_an_answer_of_words_only_is_analysed_as_the_general_loop_does(text: str, language: str):
    tokens = _tokens(text, language)
    assert analyse(text, language) == _analyse_tokens(text, tokens, " ".join(tokens))


def test_a_number_in_the_response_does_not_make_unrelated_variants_close():
    """The variant filter drops a variant sharing no word with an answer that has a number:
    the verdict and its reason are those of the full comparison."""
    verdict = grade("en 1975", [["Art Carney", "Carney"]], question="Qui a gagné en 1975 ?")
    assert verdict.verdict == "wrong"
    assert "Art Carney" in verdict.reason
    assert grade("Carney 1975", [["Art Carney"]], language="en").verdict == "correct"
