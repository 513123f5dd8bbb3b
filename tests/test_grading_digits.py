"""Digits that are not decimal digits (`❷`, Ethiopic `፩`, Kharoshthi `𐩁`) are read as the
digits they are, never a traceback (they used to reach int() and float() as they were)."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from factquiz.folding import fold_letters
from factquiz.grading import grade

_ANSWERS = ["2006", "13 septembre 2023", "Paris", "1985-1993"]


@pytest.mark.parametrize(
    "response",
    ["1 to ፩", "𐩁 septembre", "le 𐩁𐩁 mai 2020", "$ 𐩁", "𐩁 million", "entre 2 et ❷", "❷:30", "𐩁"],
)
def test_a_response_with_other_digits_is_graded_without_a_traceback(response: str):
    for answer in _ANSWERS:
        for language in ("fr", "en"):
            assert grade(response, [answer], language=language).verdict in ("correct", "wrong")
            assert grade(answer, [response], language=language).verdict in ("correct", "wrong")


def test_other_digits_count_as_their_value():
    assert grade("❷", ["2"]).verdict == "correct"
    assert grade("❷ septembre", ["2 septembre"]).verdict == "correct"
    assert grade("❸", ["2"]).reason == "Refusé : 3 n'est pas 2."


def test_every_digit_that_is_not_decimal_folds_to_a_decimal_digit():
    """The table of such digits covers every one this Python knows (NFKC turns the others,
    such as `①` and `²`, into ASCII digits already)."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isdigit() and not char.isdecimal():
            folded = fold_letters(char)
            assert not any(c.isdigit() and not c.isdecimal() for c in folded), (
                f"U+{code:04X} {unicodedata.name(char, '?')}"
            )
