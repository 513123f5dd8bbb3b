"""Grading answers to choice and claim items.

A choice is named by its number (`2`), its letter (`b`, `(b)`, `B.`) or its text; a claim's
verdict by its number (1 supported, 2 refuted, 3 not in the sources) or a word in French or
English (`vrai`, `faux`, `contredit`, `absent des sources`, `supported`, `not in the
sources`...). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factquiz.folding import fold
from factquiz.normalize import normalize
from factquiz.verdicts import Outcome, claim_label

CLAIM_NUMBERS = {"1": "supported", "2": "refuted", "3": "not_in_sources"}

_CLAIM_WORDS = {
    "supported": "vrai v vraie oui confirme confirmee soutenu soutenue exact exacte juste "
    "correct correcte supported support true t yes y confirmed",
    "refuted": "faux f fausse non contredit contredite refute refutee infirme infirmee "
    "dementi inexact inexacte refuted false no n contradicted incorrect wrong",
    "not_in_sources": "absent absente nsp inconnu indetermine unknown unverifiable not_in_sources",
}
_CLAIM_LOOKUP = {w: v for v, words in _CLAIM_WORDS.items() for w in words.split()}
_CLAIM_LOOKUP.update(CLAIM_NUMBERS)
_NOT_IN_SOURCES = (
    "absent des sources",
    "absente des sources",
    "pas dans les sources",
    "pas dans l article",
    "non mentionne",
    "ne sait pas",
    "on ne sait pas",
    "not in the sources",
    "not in sources",
    "not in the source",
    "absent from the sources",
    "not mentioned",
    "cannot tell",
    "can t tell",
)


def claim_verdict(response: str) -> str | None:
    """The verdict a claim answer names (`faux`, `2`, `not in the sources`...), or None."""
    text = " ".join(re.sub(r"[^\w?]+", " ", fold(response)).split())
    if text in ("?", "??"):
        return "not_in_sources"
    if any(text == p or text.startswith(p + " ") for p in _NOT_IN_SOURCES):
        return "not_in_sources"
    first = text.split(" ", 1)[0] if text else ""
    return _CLAIM_LOOKUP.get(text) or _CLAIM_LOOKUP.get(first)


def grade_claim(response: str, expected: str | None, language: str) -> Outcome:
    """A claim answer against the expected verdict (supported|refuted|not_in_sources)."""
    said = claim_verdict(response)
    label = claim_label(expected or "", language)
    if said is None:
        kind = "claim_unknown" if response.strip() else "empty"
        return Outcome("wrong", 0.0, None, kind, shown=label)
    if said == expected:
        return Outcome("correct", 1.0, expected, "claim_ok", (("a", label),))
    wrong = claim_label(said, language)
    return Outcome("wrong", 0.0, None, "claim_wrong", (("a", label), ("b", wrong)), label)


def choice_ref(piece: str, count: int) -> int | None:
    """`2`, `b`, `(b)`, `B.` -> a 0-based choice index, or None."""
    t = piece.strip().strip("().:-").strip().casefold()
    if t.isascii() and t.isdigit() and len(t) <= 3 and 1 <= int(t) <= count:  # not `²`
        return int(t) - 1
    if len(t) == 1 and "a" <= t <= "z" and ord(t) - ord("a") < count:
        return ord(t) - ord("a")
    return None


TextPick = Callable[[str, Sequence[str]], int | None]


def choice_picks(
    response: str, choices: Sequence[str], language: str, by_text: TextPick
) -> list[int]:
    """The choices a response names: exact text first, then numbers/letters, then
    `by_text` (the open grader) for a choice written in other words."""
    norm = normalize(response, language)
    for i, choice in enumerate(choices):
        if normalize(choice, language) == norm:
            return [i]
    pieces = [p for p in re.split(r"[\s,;/+&]+|\bet\b|\band\b", response) if p.strip()]
    refs = [choice_ref(p, len(choices)) for p in pieces]
    if refs and all(r is not None for r in refs):
        return list(dict.fromkeys(r for r in refs if r is not None))
    picked = by_text(response, choices)
    return [] if picked is None else [picked]


def grade_choice(
    response: str,
    choices: Sequence[str],
    correct: Sequence[str],
    require: str,
    language: str,
    by_text: TextPick,
) -> Outcome:
    """A choice answer: right when it names only correct choices (`require: all`: each
    correct choice named earns its share, each wrong one costs one)."""
    good_texts = {normalize(c, language) for c in correct}
    good = [i for i, c in enumerate(choices) if normalize(c, language) in good_texts]
    shown = " ; ".join(choices[i] for i in good)
    picks = choice_picks(response, choices, language, by_text) if response.strip() else []
    if not picks:
        kind = "choice_unknown" if response.strip() else "empty"
        return Outcome("wrong", 0.0, None, kind, shown=shown)
    hits = [i for i in picks if i in good]
    misses = [i for i in picks if i not in good]
    if require == "all" and len(good) > 1:
        credit = max(0.0, (len(hits) - len(misses)) / len(good))
    else:
        credit = 1.0 if hits and not misses else 0.0
    first = (misses or hits)[0]
    fields = (("n", str(first + 1)), ("a", choices[first]))
    if credit >= 1.0:
        return Outcome("correct", 1.0, choices[hits[0]], "choice_ok", fields)
    return Outcome("wrong", credit, None, "choice_wrong", fields, shown)
