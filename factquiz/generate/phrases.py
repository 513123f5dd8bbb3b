"""The phrases of a clause: the verb's dependents as the questions will use them.

Agents are widened to the next comma (the parser hangs a second agent anywhere), dates
are split off names and agents, the complements of "fois" are lifted to the verb, and
what a question must not carry (a deictic "cette nuit", a concessive, an apposition read
as an oblique) is set aside.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import PHRASE_DEPS, Phrase, Subject, case_of, phrase_tokens
from factquiz.generate.document import Article
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.text import fold_basic

# Phrases that only make sense on the article's day or in its flow; questions drop them.
SET_ASIDE = {
    "hier", "aujourd hui", "demain", "cette nuit", "ce matin", "ce soir", "hier soir",
    "cette semaine", "pour sa part", "pour leur part", "de son cote", "de leur cote",
    "en particulier", "quant a lui", "quant a elle", "par ailleurs", "pour l instant",
    "cette annee", "ce mois ci", "ces derniers jours", "recemment",
}  # fmt: skip
# Concessive phrases ("malgré les tests effectués par cette dernière") add nothing a
# question needs and often point back: they are left out.
OPTIONAL_CASES = {"malgré", "outre"}
# Adverbial nouns whose complements are the verb's own: "pour la première fois en 2019".
ADVERBIAL_NOUNS = {"fois", "reprise"}
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")

_TIME_WORDS = {
    "année", "semaine", "mois", "jour", "matin", "soir", "nuit", "hier", "aujourd'hui", "heure",
}  # fmt: skip


def is_time_word(tok: Any) -> bool:
    """ "Mercredi", "Cette année": a date the parser took for a second subject."""
    word = tok.text.casefold()
    return word in WEEKDAYS or word in MONTHS or word in _TIME_WORDS


def has_que(verb: Any) -> bool:
    """A complement clause introduced by "que"; without it the parser erred."""
    return any(c.dep_ == "mark" and c.text.casefold() in ("que", "qu'") for c in verb.children)


def clause_phrases(
    article: Article, chain: list[Any], banned: set[int], subject: Subject, group: list[int]
) -> list[Phrase]:
    """The verb's dependents as phrases, agents widened to the next comma, dates split off.
    Phrases a question must not carry ("cette nuit", an apposition) go into `banned`."""
    taken = set(group) | set(subject.phrase.tokens)
    out: list[Phrase] = []
    for v in chain:
        for c in v.children:
            if c.i in taken or c.i in banned:
                continue
            found = _phrases_of(article, c, banned, taken)
            out.extend(found)
            taken.update(t for p in found for t in p.tokens)
    return sorted(out, key=lambda p: p.start)


def _phrases_of(article: Article, c: Any, banned: set[int], taken: set[int]) -> list[Phrase]:
    """The phrase(s) one dependent of the verb gives, or none."""
    doc = article.doc
    if c.dep_ in ("nsubj", "nsubj:pass"):
        if not is_time_word(c):
            return []
        c_dep = "obl:mod"  # "Mercredi, des ouvriers ...": a date read as a second subject
    elif c.dep_ == "xcomp":
        c_dep = "xcomp"  # "accusé la Corée du Nord [de fournir des armes]": kept, never asked
    elif c.dep_ == "advmod" and any(k.dep_ in ("obl", "obl:arg", "nmod") for k in c.children):
        c_dep = "obl:mod"  # "lors de l'assaut"
    elif c.dep_ in PHRASE_DEPS and c.dep_ != "nmod" and not (c.dep_ == "ccomp" and not has_que(c)):
        c_dep = c.dep_
    else:
        return []
    tokens = tuple(t for t in phrase_tokens(c, banned) if t not in taken)
    aside = fold_basic(article.surface(tokens)) in SET_ASIDE or case_of(c) in OPTIONAL_CASES
    if not tokens or aside or _unmarked_apposition(doc, c, tokens):
        banned.update(tokens)  # "cette nuit", "malgré ...", ", une ville située ...": left out
        return []
    if c.dep_ == "obl:agent":
        tokens = tuple(t for t in _agent_span(doc, tokens, banned) if t not in taken)
    out: list[Phrase] = []
    if c.lemma_ in ADVERBIAL_NOUNS:
        out = _lift(doc, c, banned, taken)
        lifted = {k for p in out for k in p.tokens}
        tokens = tuple(t for t in tokens if t not in lifted)
    if tokens:
        out.extend(_split_date(doc, Phrase(c_dep, c.i, tokens, case_of(c))))
    return out


def _unmarked_apposition(doc: Any, head: Any, tokens: tuple[int, ...]) -> bool:
    """An oblique with no preposition, set off by a comma, headed by a noun: an apposition."""
    if head.dep_ not in ("obl", "obl:mod", "obl:arg") or case_of(head) or head.pos_ != "NOUN":
        return False
    return (
        bool(tokens) and tokens[0] > 0 and doc[tokens[0] - 1].text == "," and not is_time_word(head)
    )


def _lift(doc: Any, noun: Any, banned: set[int], taken: set[int]) -> list[Phrase]:
    """The complements of "fois" belong to the verb: "pour la première fois [en 2019] [à X]"."""
    out = []
    for c in noun.children:
        if c.dep_ in ("nmod", "obl", "obl:mod") and c.i > noun.i and c.i not in taken:
            tokens = phrase_tokens(c, banned)
            if tokens:
                out.append(Phrase("obl:mod", c.i, tokens, case_of(c)))
    return out


def _agent_span(doc: Any, tokens: tuple[int, ...], banned: set[int]) -> tuple[int, ...]:
    """From "par" to the next comma: the parser often hangs a second agent elsewhere."""
    end = tokens[0]
    sent_end = doc[tokens[0]].sent.end
    while (
        end < sent_end and doc[end].text not in (",", ".", ";", ":", "«", "(") and end not in banned
    ):
        end += 1
    return tuple(range(tokens[0], end))


def _bare_date_start(doc: Any, toks: tuple[int, ...]) -> int | None:
    """Where a phrase ends on "le 13 septembre" (no preposition), after a name."""
    if len(toks) < 4 or doc[toks[-1]].text.casefold() not in MONTHS:
        return None
    day, article = doc[toks[-2]], doc[toks[-3]]
    if not (day.like_num and article.text.casefold() == "le" and doc[toks[-4]].pos_ == "PROPN"):
        return None
    return toks[-3]


def _split_date(doc: Any, phrase: Phrase) -> list[Phrase]:
    """A year ending an agent phrase is a time phrase ("par le Conseil ... en 2006")."""
    toks = phrase.tokens
    if phrase.dep == "obl:mod" or len(toks) < 4:
        return [phrase]
    last, before = doc[toks[-1]], doc[toks[-2]]
    bare = _bare_date_start(doc, toks)
    if bare is not None:  # "a rencontré Vladimir Poutine [le 13 septembre]": a name takes no date
        head = Phrase(phrase.dep, phrase.head, toks[: toks.index(bare)], phrase.case)
        return [head, Phrase("obl:mod", toks[-1], toks[toks.index(bare) :], "")]
    if phrase.dep != "obl:agent":
        return [phrase]
    if (
        YEAR.match(last.text)
        and before.text.casefold() in ("en", "depuis")
        and toks[-2] == toks[-1] - 1
    ):
        head = Phrase(phrase.dep, phrase.head, toks[:-2], phrase.case)
        return [head, Phrase("obl:mod", last.i, toks[-2:], before.text.casefold())]
    return [phrase]
