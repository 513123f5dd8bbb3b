"""Which fact-check "who said it" items join a generated bank: none that gives away a bank
item on the same sentence, is given away by one, or names a speaker the bank already asks
for twice (made-up items; no French model needed)."""

from __future__ import annotations

from factquiz.bank import Evidence, Item
from factquiz.generate.factcheck import _overlaps

QUOTE = (
    "M. Peskov a déclaré que M. Poutine et M. Kim se rencontreraient après le forum de Vladivostok."
)


def _item(prompt: str, answer: str, quote: str = QUOTE, skill: str = "what") -> Item:
    return Item(
        id=answer.casefold().replace(" ", "-"),
        type="open",
        prompt=prompt,
        answers=((answer,),),
        evidence=Evidence("article", quote),
        skill=skill,
    )


WHO_SAID = _item(
    "Qui a déclaré que M. Poutine et M. Kim se rencontreraient après le forum de Vladivostok ?",
    "Dmitri Peskov",
    skill="attribution",
)


def test_a_who_said_it_item_that_names_a_bank_items_answer_is_not_added() -> None:
    forum = _item(
        "Selon M. Peskov, après quel forum M. Poutine et M. Kim se rencontreraient-ils ?",
        "le forum de Vladivostok",
    )
    assert _overlaps(WHO_SAID, [forum])  # each prompt holds the other's answer


def test_a_who_said_it_item_on_another_sentence_is_added() -> None:
    quote = "Le train s'est arrêté à Khasan."
    other = _item("Où le train s'est-il arrêté ?", "Khasan", quote=quote)
    assert not _overlaps(WHO_SAID, [other])


def test_a_speaker_the_bank_asks_for_twice_is_not_asked_a_third_time() -> None:
    said = [
        _item(f"Qui a indiqué que {fact} ?", name, quote=f"{name} a indiqué que {fact}.")
        for fact, name in (("Shoigu viendrait", "M. Peskov"), ("le train partait", "Peskov"))
    ]
    assert _overlaps(WHO_SAID, said)
    assert not _overlaps(WHO_SAID, said[:1])


def test_a_korean_speaker_is_counted_by_the_family_name_which_comes_first() -> None:
    said = [
        _item(f"Qui a indiqué que {fact} ?", "Kim", quote=f"Kim a indiqué que {fact}.")
        for fact in ("le train partait", "la visite durerait")
    ]
    added = _item("Qui a déclaré que la Russie aiderait ?", "Kim Jong Un", skill="attribution")
    assert _overlaps(added, said)  # "Kim Jong Un" is Kim, not "Un"
