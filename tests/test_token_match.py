"""The cheap French token_match keeps exactly the words spaCy's own pattern keeps whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factquiz.generate.token_match import LETTER, cheap_pattern, fast_token_match

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ("abcé", "ab", "AB")  # stand-ins for spaCy's letter lists, in the real order

# Words whose tokenisation the pattern decides: hyphens, elisions, capitals, accents.
TRICKY = [
    "Saint-Pétersbourg", "saint-pétersbourg", "SAINT-PÉTERSBOURG", "grand-mère",
    "Grand-Mère", "entr'amis", "entr’amis", "c'est-à-dire", "États-Unis", "états-unis",
    "Etats-Unis", "aujourd'hui", "Jong-un", "Kim-Jong-un", "vis-à-vis", "peut-être",
    "presqu'île", "Presqu'île", "week-end", "week-ends", "porte-parole", "vice-ministre",
    "anti-américain", "sud-coréen", "nord-coréenne", "Nord-Coréens", "rendez-vous",
    "burn-out", "burn-out2", "black-out", "by-pass", "droits-de-l'homme", "fac-similé",
    "Москва-река", "Ελλάδα-x", "ı-test", "ǅ-dz", "a-b", "re-3", "r_é-a",
]  # fmt: skip


def test_a_plain_letter_class_becomes_letter() -> None:
    assert cheap_pattern("(?iu)^x[abcé]+$", LETTERS) == f"(?iu)^x{LETTER}+$"


def test_a_class_with_hyphens_keeps_them_beside_the_letters() -> None:
    out = cheap_pattern("(?iu)^x[-–abcé'’]*$", LETTERS)
    assert out == f"(?iu)^x(?:{LETTER}|[-–'’])*$"
    assert re.match(out, "x-é’Z") and not re.match(out, "x-1")


def test_an_unknown_class_shape_is_left_alone() -> None:
    pattern = "(?iu)^x[^abcé]$"
    assert cheap_pattern(pattern, LETTERS) == pattern


def test_other_patterns_compile_as_written() -> None:
    with fast_token_match():
        compiled = re.compile("(?iu)[ab]+")
    assert compiled.pattern == "(?iu)[ab]+"
    assert re.compile is not None and re.compile("x").pattern == "x"


def _article_words() -> set[str]:
    words: set[str] = set(TRICKY)
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/generate/*.txt")]:
        for word in path.read_text(encoding="utf-8").split():
            words.add(word)
            words.add(word.strip('.,;:!?«»()"“”'))
    return words


def test_spacy_french_pattern_and_its_cheap_form_keep_the_same_words() -> None:
    pytest.importorskip("spacy")
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
    from spacy.lang.fr import tokenizer_exceptions

    # Built as spaCy builds it, so the test never sees a pattern already made cheap.
    original = "(?iu)" + "|".join(f"(?:{m})" for m in tokenizer_exceptions._regular_exp)
    cheap = cheap_pattern(original, (ALPHA, ALPHA_LOWER, ALPHA_UPPER))
    assert len(cheap) < len(original) / 20, "the letter lists were not replaced"
    slow, fast = re.compile(original).match, re.compile(cheap).match
    words = _article_words()
    assert len(words) > 1500
    assert sum(bool(slow(w)) for w in words) >= 10, "too few words the pattern keeps whole"
    differ = [w for w in words if bool(slow(w)) != bool(fast(w))]
    assert differ == []
    assert fast("Saint-Pétersbourg") and fast("entr'amis") and not fast("Kim")
