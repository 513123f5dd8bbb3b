"""Claims: clauses cut from the parse, each with its subject, verb group, phrases and source.

A clause keeps the tokens a question needs (subject, verb group, objects, obliques) and
leaves out what is said aside: appositions and relative clauses between commas, adverbial
clauses, attributions ("selon X"), which it records apart. Sentences the parser or the
source mangled ("le un train", "est devrait") give no clause at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from factquiz.generate.parsing import entity_at

GROUP_DEPS = {
    "aux:tense",
    "aux:pass",
    "aux:caus",
    "aux",
    "expl:comp",
    "expl:pass",
    "expl:pv",
    "cop",
}
PHRASE_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "ccomp", "nmod"}
# An adverb heading its own phrase ("lors de l'assaut") is kept whole, as a phrase.
ASIDE_DEPS = {"appos", "acl:relcl", "acl", "parataxis", "advcl", "dislocated", "conj"}
# Closers a phrase keeps at its end: "%" ends a measure ("de 60 à 70 %") though spaCy
# calls it punctuation.
_KEPT_LAST = {"»", "%", "‰"}
_OPENERS = {",", "–", "—", "(", ":", ";", "-"}
SPEECH_VERBS = {
    "déclarer", "indiquer", "affirmer", "rapporter", "annoncer", "estimer", "confirmer",
    "souligner", "expliquer", "préciser", "ajouter", "assurer", "observer", "avertir", "dire",
    "écrire", "craindre", "prévenir", "dénoncer", "juger", "penser", "croire", "supposer",
    "prétendre", "signaler", "noter", "rappeler", "reconnaître", "révéler",
}  # fmt: skip
ATTRIBUTION_MARKERS = ("selon", "d'après")
# Adverbs that tie a sentence to the article's flow; a question stands alone without them.
DISCOURSE_ADVERBS = {
    "donc", "ainsi", "également", "ensuite", "aussi", "alors", "toutefois", "cependant",
    "notamment", "d'ailleurs", "enfin", "pourtant", "néanmoins", "seulement", "finalement",
    "officiellement", "désormais", "encore", "déjà", "puis",
}  # fmt: skip
NEGATIONS = {"ne", "n'", "pas", "jamais", "plus", "guère", "aucun", "aucune", "rien", "personne"}
PERSONAL_PRONOUNS = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
}


@dataclass(frozen=True)
class Phrase:
    """A dependent of the verb: its relation, head token, kept tokens and preposition."""

    dep: str
    head: int
    tokens: tuple[int, ...]
    case: str = ""

    @property
    def start(self) -> int:
        return self.tokens[0]


@dataclass(frozen=True)
class Subject:
    """Who or what the clause is about, as the question will name it."""

    phrase: Phrase
    text: str
    gender: str
    number: str
    resolved: bool = False  # a pronoun replaced by its antecedent
    cleft: bool = False  # the focus of "C'est X qui ...": asked for even without a name


@dataclass(frozen=True)
class Clause:
    """One claim: subject, verb group (finite token first to invert), phrases, attribution."""

    sentence: tuple[int, int]
    verb: int
    finite: int
    group: tuple[int, ...]
    subject: Subject
    phrases: tuple[Phrase, ...]
    attribution: str | None = None  # "selon KCNA", "a indiqué M. Peskov"
    frame: str | None = None  # "Selon M. Peskov" for a clause reported by a speech verb
    evidence_start: int | None = None  # the quote starts earlier when a pronoun was resolved
    in_quotes: bool = False
    fronted: frozenset[int] = field(default_factory=frozenset)
    # A clause read off a participle ("la résolution adoptée par ...") has no finite verb in
    # the text: the question supplies one, as (finite, words before the participle).
    synthetic: tuple[str, str] | None = None


def morph(tok: Any, key: str, default: str) -> str:
    """One morphological feature of a token."""
    values = tok.morph.get(key)
    return values[0] if values else default


_FEMININE_ENDINGS = (
    "ence",
    "ance",
    "tion",
    "sion",
    "té",
    "ure",
    "ie",
    "ise",
    "ade",
    "ette",
    "elle",
    "esse",
    "ée",
    "ude",
    "ine",
    "ique",
    "aison",
    "ère",
)


# Nouns for people of either sex ("les astronomes", "les ministres"): with no feminine
# article or adjective to say otherwise, French refers to them in the masculine ("ils").
_EPICENE = re.compile(
    r"(?:(?<![lp])iste|nome|logue|graphe|naute|athlète|interprète|poète|ministre|membre|juge"
    r"|diplomate|camarade|élève|architecte|otage|responsable|coupable"
    r"|(?:fonction|secrét|advers|signat|parten|propriét|actionn|milit|émiss|commiss)aire)s?$"
)


def noun_gender(tok: Any) -> str:
    """A noun's gender: its tag, else an agreeing adjective or article, else its ending."""
    tagged = morph(tok, "Gender", "")
    if tok.pos_ == "NOUN" and _EPICENE.search(tok.lower_):
        return "Fem" if marked_feminine(tok) else "Masc"
    if tagged:
        return tagged
    for c in tok.children:
        if c.dep_ in ("amod", "det") and morph(c, "Gender", ""):
            return morph(c, "Gender", "")
    return "Fem" if tok.text.casefold().endswith(_FEMININE_ENDINGS) else "Masc"


def marked_feminine(tok: Any) -> bool:
    """An article or adjective agreeing with the noun says it is feminine ("la ministre")."""
    return any(
        c.dep_ in ("det", "amod") and morph(c, "Gender", "") == "Fem" and c.lower_ != "les"
        for c in tok.children
    )


# Words tagged as determiners that do follow one: "tous les", "de telles", "les quelques".
_SECOND_DETERMINERS = {"tout", "tous", "toutes", "tel", "telle", "tels", "telles", "quelque"}


@functools.lru_cache(maxsize=2048)
def is_garbled(sent: Any) -> bool:
    """Source slips that make any question from the sentence wrong ("le un train")."""
    toks = [t for t in sent if not t.is_space]
    for a, b, c in zip(toks, toks[1:], toks[2:] + [toks[-1]], strict=False):
        if a.pos_ == "DET" and b.pos_ == "DET" and b.lemma_.casefold() not in _SECOND_DETERMINERS:
            return True
        if a.pos_ == "DET" and b.pos_ == "ADJ" and c.pos_ == "DET" and c.i == b.i + 1:
            return True
        if a.pos_ == "AUX" and b.pos_ == "VERB" and morph(b, "VerbForm", "") == "Fin":
            return True
    return False


@functools.lru_cache(maxsize=2048)
def attribution_spans(sent: Any) -> tuple[range, ...]:
    """Attributions ("selon X", "d'après X"): from the marker to the next comma or the end."""
    out: list[range] = []
    doc = sent.doc
    for tok in sent:
        low = tok.text.casefold()
        two = f"{low}{doc[tok.i + 1].text.casefold()}" if tok.i + 1 < sent.end else ""
        if low == "selon" or two == "d'après":
            end = tok.i + 1
            while end < sent.end and doc[end].text not in (",", ".", ";", ":", "»"):
                end += 1
            out.append(range(tok.i, _past_apposition(doc, tok.i, end, sent.end)))
    return tuple(out)


def _past_apposition(doc: Any, start: int, end: int, limit: int) -> int:
    """ "selon François Dubet, sociologue français, ...": the title belongs to the source."""
    named = any(doc[k].pos_ == "PROPN" for k in range(start, end))
    if not named or end + 1 >= limit or doc[end].text != ",":
        return end
    nxt = doc[end + 1]
    if (
        nxt.pos_ not in ("NOUN", "DET")
        or nxt.head.i not in range(start, end)
        and nxt.dep_ != "appos"
    ):
        return end
    stop = end + 1
    while stop < limit and doc[stop].text not in (",", ".", ";", ":"):
        stop += 1
    return stop if stop < limit and doc[stop].text == "," and stop - end <= 12 else end


def _is_aside(tok: Any) -> bool:
    """A non-restrictive part: an apposition or clause set off by a comma, dash or bracket."""
    if tok.dep_ not in ASIDE_DEPS:
        return False
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and doc[left].is_punct and doc[left].text not in ("«", '"'):
        left += 1
    if left <= tok.sent.start or doc[left - 1].text not in _OPENERS:
        return False
    # "en Irlande, en Écosse, au Canada et ...": an item of a list of names is no aside
    list_item = tok.dep_ == "conj" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN"
    return not (list_item and doc[left - 1].text == ",")


def _is_own_clause(tok: Any) -> bool:
    """A coordinated clause with its own subject: "..., et l'agence a indiqué que ..."."""
    return (
        tok.dep_ == "conj"
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubj:pass") for c in tok.children)
    )


def _sums_up(c: Any) -> bool:
    """ "... ce qui fait de lui un territoire comparable à la France": a comment on the whole
    clause, no part of the phrase it hangs on."""
    return (
        c.lower_ == "ce"
        and c.i > 0
        and c.doc[c.i - 1].text == ","
        and any(k.dep_ == "acl:relcl" for k in c.children)
    )


def _names_the_head(c: Any) -> bool:
    """ "avec le gouverneur régional, Aïssen Nikolaïev,": the name set beside the phrase's
    noun says who it is, so it stays in the phrase (and can be its answer)."""
    return (
        c.dep_ == "appos"
        and c.pos_ == "PROPN"
        and c.ent_type_ in ("PER", "ORG")
        and c.head.pos_ == "NOUN"
        and not any(k.dep_ in ("acl:relcl", "acl") for k in c.children)
    )


def phrase_tokens(tok: Any, banned: set[int]) -> tuple[int, ...]:
    """The phrase under tok, without asides, attributions and edge punctuation."""
    keep: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in banned:
            continue
        keep.append(t.i)
        stack.extend(
            c
            for c in t.children
            if not (_is_aside(c) or c.dep_ in ("advcl", "parataxis") or _is_own_clause(c))
            and not _sums_up(c)
            or t is tok
            and _names_the_head(c)
        )
    doc = tok.doc
    for i in list(keep):  # a name is never cut: "Nations" pulls in "Unies" hung elsewhere
        if doc[i].ent_type_:
            ent = entity_at(doc, i)
            if ent is not None:
                keep.extend(k for k in ent if k not in banned)
    keep = sorted(set(keep))
    while keep and (doc[keep[0]].is_punct or doc[keep[0]].is_space) and doc[keep[0]].text != "«":
        keep.pop(0)
    while (
        keep
        and (doc[keep[-1]].is_punct or doc[keep[-1]].is_space)
        and doc[keep[-1]].text not in _KEPT_LAST
    ):
        keep.pop()
    opened = sum(doc[k].text == "«" for k in keep) - sum(doc[k].text == "»" for k in keep)
    if opened > 0 and keep and keep[-1] + 1 < len(doc) and doc[keep[-1] + 1].text == "»":
        keep.append(keep[-1] + 1)  # the closing guillemet hangs on the verb, not the quote
    return tuple(keep)


def case_of(tok: Any) -> str:
    """The preposition(s) in front of a phrase head: "à", "par", "près de", "en"."""
    cases = [c for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
    if not cases:
        return ""
    first = min(c.i for c in cases)
    return " ".join(
        tok.doc[k].text.casefold()
        for k in range(first, tok.i)
        if tok.doc[k].dep_ in ("case", "fixed")
    )


def later_clauses(chain: list[Any]) -> set[int]:
    """The tokens of adverbial clauses after the verbs ("pour protester contre ..."): an agent
    phrase read up to the next comma stops there ("convoquée par la Russie pour ...")."""
    return {
        t.i for v in chain for c in v.children if c.dep_ == "advcl" and c.i > v.i for t in c.subtree
    }


def verb_chain(verb: Any) -> list[Any]:
    """The verb and the infinitives it governs ("pourrait chercher à s'approvisionner")."""
    chain = [verb]
    while True:
        last = chain[-1]
        nxt = [
            c
            for c in last.children
            if c.dep_ == "xcomp"
            and c.pos_ == "VERB"
            and morph(c, "VerbForm", "") == "Inf"
            and c.i - last.i <= 4  # "a utilisé son droit [...] de vérifier": not its infinitive
        ]
        if not nxt:
            return chain
        chain.append(nxt[0])


def verb_group(chain: list[Any]) -> list[int]:
    """Tokens of the verb group: clitics, auxiliaries, negation, adverbs, verbs, marks."""
    group: list[int] = []
    for v in chain:
        group.append(v.i)
        for c in v.children:
            if c.dep_ in GROUP_DEPS or (c.dep_ == "mark" and v is not chain[0]):
                group.append(c.i)
            elif c.dep_ == "advmod" and c.pos_ == "ADV" and abs(c.i - v.i) <= 3:
                inner = list(c.children)  # "tout juste": an adverb on the adverb
                plain = all(k.pos_ == "ADV" and k.i == c.i - 1 for k in inner)
                if plain and c.text.casefold() not in DISCOURSE_ADVERBS:
                    group.extend([c.i, *(k.i for k in inner)])
            elif c.dep_ == "obj" and c.pos_ == "PRON" and c.i < v.i:
                group.append(c.i)  # a clitic object: "l'a rejoint"
    return sorted(set(group))


def finite_token(doc: Any, group: list[int]) -> int | None:
    """The inflected verb of the group: where "-t-il" goes."""
    for i in group:
        tok = doc[i]
        form = morph(tok, "VerbForm", "")
        if tok.pos_ in ("AUX", "VERB") and (
            form == "Fin" or (not form and tok.morph.get("Person"))
        ):
            return i
    for i in group:  # the tagger sometimes leaves a plain present untagged ("interdisent")
        tok = doc[i]
        if (
            tok.pos_ == "VERB"
            and not morph(tok, "VerbForm", "")
            and not tok.text.endswith(("é", "ée", "és", "ées"))
        ):
            return i
    return None


def is_negated(verbs: list[Any]) -> bool:
    """A clause with a negation: questions on what did not happen confuse more than teach."""
    return any(
        c.text.casefold() in NEGATIONS and c.dep_ in ("advmod", "det", "nsubj")
        for v in verbs
        for c in v.children
    )


def has_relative(verb: Any) -> bool:
    """A relative clause ("où il se rend", "qui produit"): its subject lives outside it."""
    return any(morph(c, "PronType", "") == "Rel" for c in verb.children)


def is_coherent(doc: Any, tokens: set[int], banned: set[int]) -> bool:
    """Kept tokens run on, or skip only what commas, dashes or brackets set aside.

    A gap that opens on a word means the parser hung a piece of the clause elsewhere
    ("son droit de veto [pour empêcher ...] de vérifier"): the question would lose sense.
    """
    ordered = sorted(tokens)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b == a + 1:
            continue
        gap = [doc[k] for k in range(a + 1, b) if k not in banned and not doc[k].is_space]
        if gap and not (gap[0].is_punct or doc[a].is_punct):
            return False
    return True
