"""Claims not in the sources: a claim credited to another source of the same articles.

The articles say who said what; a claim put in the mouth of another of their sources is
one they neither support nor contradict. The swap is not made where that source could
have said it: a sentence on the same fact names it, or cites the media or officials of
its country ("les médias d'Etat nord-coréens" for a North Korean agency).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from factquiz.generate.claim_mutations import NOT_IN_SOURCES, Mutation, Vocabulary
from factquiz.generate.claim_statements import Statement
from factquiz.generate.factcheck_attribution import lower_first
from factquiz.generate.mentions import Mention, surname_key
from factquiz.text import fold_basic


def add_speakers(vocab: Vocabulary, speakers: Iterable[tuple[str, Mention]]) -> None:
    """Every named source once, under its fullest words ("Lim Soo-suk", not "M. Lim")."""
    for words, name in speakers:
        known = [i for i, (_, n, _) in enumerate(vocab.speakers) if same_source(n, name)]
        entry = (words, name, speaker_class(words, name))
        if not known:
            vocab.speakers.append(entry)
        elif len(words) > len(vocab.speakers[known[0]][0]):
            vocab.speakers[known[0]] = entry


def speaker_class(words: str, name: Mention) -> str:
    """agency, media, person or institution: who may stand in for whom."""
    low = words.casefold()
    if "agence" in low or "kcna" in low:
        return "agency"
    if any(w in low for w in ("journal", "times", "quotidien", "média", "chaîne")):
        return "media"
    return "person" if name.kind == "person" else "institution"


def same_source(a: Mention, b: Mention) -> bool:
    """Two names that may be one source: one surname ("Peskov", "Dmitri Peskov"), or an
    acronym beside a long name ("KCNA", "Agence centrale de presse coréenne")."""
    fa, fb = fold_basic(a.text), fold_basic(b.text)
    if fa == fb or fa in fb.split() or fb in fa.split():
        return True
    if a.kind == "person" and b.kind == "person":
        return surname_key(fa) == surname_key(fb)

    def acronym(m: Mention) -> bool:
        return m.text.isupper() and len(m.text) <= 6

    def long_name(m: Mention) -> bool:
        return len(m.text.split()) > 1

    return (acronym(a) and long_name(b)) or (acronym(b) and long_name(a))


def speaker_swaps(s: Statement, vocab: Vocabulary) -> list[Mutation]:
    """The claim credited to other sources of the articles (never a country, which may
    speak through the very ministry quoted): not in the sources. Same kind of source first."""
    if not s.frame or not s.frame.startswith("Selon"):
        return []
    mine = speaker_class(s.frame, s.speaker) if s.speaker else None
    sentence = fold_basic(s.quote)
    options = [
        (words, name, cls)
        for words, name, cls in vocab.speakers
        if name.kind != "place"
        and not (fold_basic(words) == fold_basic(name.text) and " " not in name.text.strip())
        and (s.speaker is None or not same_source(name, s.speaker))
        and fold_basic(name.text) not in sentence
        and not _may_have_said(words, name, s, vocab)
    ]
    options.sort(key=lambda o: (o[2] != mine, _rank(o[0], s.text)))
    before = s.frame.removeprefix("Selon ")
    return [
        Mutation(
            "speaker",
            NOT_IN_SOURCES,
            s.render(frame=f"Selon {lower_first(words)}"),
            before,
            lower_first(words),
        )  # fmt: skip
        for words, _, _ in options
    ]


# Words that tie a source to a country, and the words for that country in the articles.
# Folded word beginnings: "core" is "coréenne", "nord-coréens" and "Corée".
NATIONALITIES = {
    "core": ("core", "nord core", "sud core", "pyongyang", "seoul"),
    "russ": ("russ", "kremlin", "moscou"),
    "japon": ("japon", "tokyo"),
    "americ": ("americ", "etats unis", "washington"),
    "chin": ("chin", "pekin"),
    "ukrain": ("ukrain", "kiev", "kyiv"),
}


def _may_have_said(words: str, name: Mention, s: Statement, vocab: Vocabulary) -> bool:
    """A source some sentence on the same fact names ("Kyodo a rapporté que M. Kim devait
    visiter une usine après sa rencontre avec M. Poutine"), or a source of a country whose
    media or officials such a sentence cites (a North Korean agency for what "les médias
    d'Etat nord-coréens" report): either could have said it, so the swap is not made."""
    folded = f" {fold_basic(words)}"
    stems = [k for k, forms in NATIONALITIES.items() if any(f" {f}" in folded for f in forms)]
    forms = [f for k in stems for f in NATIONALITIES[k]] + [fold_basic(name.text)]
    content = {w[:5] for w in fold_basic(s.render(frame="")).split() if len(w) > 4}
    for sentence in vocab.sentences:
        padded = f" {sentence}"
        shared = content & {w[:5] for w in sentence.split()}
        if len(shared) >= 2 and any(f" {form}" in padded for form in forms):
            return True
    return False


def _rank(option: str, seed: str) -> str:
    """A stable shuffle: the same claim meets its options in the same order every run."""
    return hashlib.sha256(f"{seed}|{option}".encode()).hexdigest()
