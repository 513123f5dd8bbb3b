"""Another person with the same surname: `Igor Kozhemyako` is not `Oleg Kozhemyako`.

A name in an answer is read after any description (`le gouverneur Oleg Kozhemyako`); a
response that writes, beside its surname, a given name that is none of the expected ones
(nor a typo, an initial or a short form of one) names another person. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from factquiz.matching import typo_edits
from factquiz.name_words import (
    NOT_GIVEN_NAMES,
    NOT_IN_NAMES,
    ROLE_NOUNS,
    SHORT_FORMS,
    SURNAME_FIRST,
)
from factquiz.normalize import TITLES, Analysed
from factquiz.transliteration import transliteration_key


def person_name(name: Analysed) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """A person's name in an answer, after any description (`le gouverneur Oleg Kozhemyako`
    -> `Oleg Kozhemyako`): its 2 to 5 words, their keys and where the surname stands; None
    when the answer names no person (`Climate of Dundee`, `Justice Harlan`)."""
    if name.numerics or not NOT_IN_NAMES.isdisjoint(name.tokens):
        return None
    words, lower = name.words, name.lower
    start = 0
    while start < len(words) and (
        words[start] in lower or words[start] in ROLE_NOUNS or words[start] in TITLES
    ):
        start += 1
    if not 2 <= len(words) - start <= 5 or (start == 0 and not name.person_like):
        return None
    if any(w in lower for w in words[start:]):
        return None
    words, keys = words[start:], name.keys[start:]
    return words, keys, 0 if words[0] in SURNAME_FIRST else len(words) - 1


def _same_given_name(word: str, said: str, given: tuple[str, ...]) -> bool:
    """A given name (`word`, key `said`) written another way: the same key, a typo, an
    initial, a short form (`Jimmy` for `James`)."""
    if any(transliteration_key(name) in given for name in SHORT_FORMS.get(word, ())):
        return True
    if 2 <= len(said) <= 3 and _initials_of(said, given):
        return True  # `B.R. Ambedkar` for `Bhimrao Ramji Ambedkar`
    for g in given:
        if said == g or typo_edits(said, g) is not None:
            return True
        if (len(said) == 1 or len(g) == 1) and said[0] == g[0]:
            return True
        if len(said) >= 3 and len(g) >= 3 and said[:3] == g[:3]:
            return True
    return False


def _initials_of(said: str, given: tuple[str, ...]) -> bool:
    """Whether `said` spells the initials of given names in a row."""
    n = len(said)
    return any("".join(g[0] for g in given[k : k + n]) == said for k in range(len(given) - n + 1))


class WordsOnFirstUse:
    """A set of words made when a rule first asks whether it holds one (`other_given_name`
    reads the accepted words and the question only when it finds a surname)."""

    __slots__ = ("make", "words")

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self.make = make
        self.words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.words is None:
            self.words = self.make()
        return word in self.words


def other_given_name(
    resp: Analysed,
    full: Analysed,
    known: tuple[Container[str], Container[str]],
    extra: frozenset[str],
) -> str | None:
    """The given name `resp` writes beside `full`'s surname when it is none of `full`'s
    (`Boris` in `Boris Kozhemyako` for `Oleg Kozhemyako`): another person. None when it
    writes none, or `full`'s, or a title (`le gouverneur Kozhemyako`), or a word of an
    accepted answer (`Kozlov Kojemiako`: two answers) or of the question (`known`: keys,
    words), or when the surname is one of the `extra` words, beside the answer (`Rockwell
    featuring Michael Jackson`)."""
    accepted, asked = known
    person = person_name(full)
    if person is None:
        return None
    names, keys, s = person
    surname = keys[s]
    found = [
        i
        for i, k in enumerate(resp.keys)
        if (k == surname or typo_edits(k, surname) is not None) and resp.words[i] not in extra
    ]
    if not found:
        return None
    step = 1 if s == 0 else -1
    given = keys[:s] + keys[s + 1 :]
    run: list[int] = []
    j = found[0] + step
    while 0 <= j < len(resp.keys):
        if _same_given_name(resp.words[j], resp.keys[j], given):
            return None  # `Oleg Nikolaïevitch Kozhemyako`: a middle name may come between
        if resp.words[j] in NOT_GIVEN_NAMES or resp.keys[j] in accepted or resp.words[j] in asked:
            break
        run.append(j)
        j += step
    return resp.words[run[-1] if step < 0 else run[0]] if run else None
