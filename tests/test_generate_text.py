"""The generator's text stages that need no model: cleaning, French numbers, question grammar."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factquiz.generate.bankwriter import slug
from factquiz.generate.cleaning import clean_article, is_furniture
from factquiz.generate.french_numbers import number_to_words, words_to_number
from factquiz.generate.realise import agree_participle, inversion_suffix, quel, singular_verb
from factquiz.text import fold_for_quote

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "generate"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARTICLES = SEEDS + sorted(DATA.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_cleaned_paragraph_stands_in_the_original_file(path: Path) -> None:
    original = fold_for_quote(path.read_text("utf-8"))
    paragraphs = clean_article(path.read_text("utf-8"))
    assert paragraphs
    for p in paragraphs:
        assert fold_for_quote(p.text) in original


def test_page_furniture_credits_captions_and_bullets_are_dropped() -> None:
    text = (DATA / "furniture.txt").read_text("utf-8")
    kept = " ".join(p.text for p in clean_article(text))
    assert "Paul Durand" in kept and "40 maternités" in kept
    for junk in (
        "En direct",
        "Temps de lecture",
        "Partager",
        "Commentaires",
        "Reuters",
        "Santé",
        "Dernières",
        "contribution",
        "Suivez",
        "Jeanne Martin",
    ):
        assert junk not in kept


def test_seed_furniture_never_reaches_the_prose() -> None:
    kept = " ".join(p.text for path in SEEDS for p in clean_article(path.read_text("utf-8")))
    for junk in (
        "En direct",
        "A suivre",
        "Partager cet article",
        "Commentaires (0)",
        "Temps de lecture",
        "Dernières actualités",
        "apnews.com",
        "ont apporté leur",
    ):
        assert junk not in kept


def test_hard_line_breaks_soft_hyphens_and_curly_apostrophes_are_mended() -> None:
    text = "Le train de Kim s\u2019est arrêté à la\nfrontière, près du pre\u00admier village.\n"
    (paragraph,) = clean_article(text)
    assert paragraph.text == "Le train de Kim s'est arrêté à la frontière, près du premier village."


def test_a_glued_dateline_is_cut_off_and_glued_words_are_split() -> None:
    paragraphs = clean_article(
        "SEOUL, Corée du Sud – Le dirigeant est arrivé mardi en Russie.\n"
        "ParisVladimir Poutine se rend en Corée du Nord pour la première fois."
    )
    texts = [p.text for p in paragraphs]
    assert texts == [
        "Le dirigeant est arrivé mardi en Russie.",
        "Vladimir Poutine se rend en Corée du Nord pour la première fois.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Commentaires (12)",
        "Partager cet article",
        "Par Jeanne Martin",
        "À suivre aussi",
        "Source: French Wikinews page 1",
        "___",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


def test_a_sentence_is_not_furniture() -> None:
    assert not is_furniture("Par ailleurs, le ministre a annoncé un plan de 12 milliards d'euros.")


@given(st.integers(min_value=0, max_value=999_999_999))
def test_french_number_words_read_back(n: int) -> None:
    words = number_to_words(n)
    assert words is not None and words_to_number(words) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dix-huit", 18),
        ("quarante cinq", 45),
        ("deux cent mille", 200_000),
        ("soixante et onze", 71),
        ("quatre-vingt-dix", 90),
        ("521", 521),
        ("12 000", 12_000),
        ("mardi", None),
    ],
)
def test_words_to_number(text: str, value: int | None) -> None:
    assert words_to_number(text) == value


@pytest.mark.parametrize(
    ("verb", "gender", "number", "suffix"),
    [
        ("a", "Masc", "Sing", "-t-il"),
        ("est", "Fem", "Sing", "-elle"),
        ("ont", "Masc", "Plur", "-ils"),
        ("rencontrera", "Fem", "Sing", "-t-elle"),
        ("comprend", "Masc", "Sing", "-il"),
    ],
)
def test_inversion_adds_t_between_vowels(verb: str, gender: str, number: str, suffix: str) -> None:
    assert inversion_suffix(verb, gender, number) == suffix


def test_interrogative_quel_agrees_with_its_noun() -> None:
    assert [
        quel("Masc", "Sing"),
        quel("Fem", "Sing"),
        quel("Masc", "Plur"),
        quel("Fem", "Plur"),
    ] == ["quel", "quelle", "quels", "quelles"]


def test_participle_agrees_with_a_fronted_object_and_verbs_go_singular() -> None:
    assert agree_participle("offert", "Fem", "Sing") == "offerte"
    assert agree_participle("tiré", "Masc", "Plur") == "tirés"
    assert singular_verb("ont") == "a" and singular_verb("estiment") == "estime"


def test_slug_makes_ids_from_answers() -> None:
    assert slug("Oleg Kozhemyako") == "oleg-kozhemyako"
    assert slug("Conseil de sécurité de l'ONU") == "conseil-de-securite-de-l-onu"
