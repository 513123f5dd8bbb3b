"""Relative clauses that carry their own fact: "la Corée du Nord a tiré deux missiles qui ont
atterri dans la mer du Japon" says where the missiles landed.

The antecedent becomes the clause's subject, made definite since the sentence has just
introduced it ("les deux missiles balistiques à courte portée"); the question asks only the
relative clause's own phrases, and only when one of them names something, a date or a
figure (what "des soldats qui avaient franchi la frontière" crossed is no fact worth asking).
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import Phrase, Subject, morph, noun_gender, phrase_tokens
from factquiz.generate.document import Article
from factquiz.generate.phrases import YEAR, is_time_word

# Clauses whose content the writer does not assert, or reports from someone else.
_UNASSERTED_DEPS = {"ccomp", "advcl", "xcomp", "acl", "csubj", "parataxis", "acl:relcl"}
_DEFINITE = {"un": "le", "une": "la", "des": "les"}
_ELIDING = tuple("aeiouyhéèêâîôûAEIOUYHÉÈÊÂÎÔÛ")


def common_antecedent(verb: Any) -> Any | None:
    """The noun a "qui" relative clause describes, when the writer asserts it: the noun
    agrees with the relative verb (the parser may hang the clause on the last noun of the
    phrase: "deux missiles à courte portée qui ont atterri"), in a main clause."""
    rel = [c for c in verb.children if morph(c, "PronType", "") == "Rel"]
    if len(rel) != 1 or rel[0].dep_ != "nsubj" or rel[0].text.casefold() != "qui":
        return None
    number = _finite_number(verb)
    noun = verb.head
    while noun.pos_ == "NOUN" and morph(noun, "Number", number) != number and noun.dep_ == "nmod":
        noun = noun.head
    if noun.pos_ != "NOUN" or morph(noun, "Number", number) != number or noun.ent_type_:
        return None
    return noun if _asserted(noun) else None


def _finite_number(verb: Any) -> str:
    words = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    finite = [w for w in words if morph(w, "VerbForm", "") == "Fin"]
    return morph(finite[0], "Number", "Sing") if finite else "Sing"


def _asserted(noun: Any) -> bool:
    """No clause between the noun and the root is reported, hedged or subordinate."""
    tok = noun
    while True:
        negated = any(c.lower_ in ("ne", "n'", "pas", "jamais") for c in tok.children)
        if negated or tok.dep_ in _UNASSERTED_DEPS:
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head


def antecedent_subject(article: Article, verb: Any, noun: Any, banned: set[int]) -> Subject | None:
    """The antecedent as the relative clause's subject, made definite: "des soldats" ->
    "les soldats", "deux missiles" -> "les deux missiles"; None when it cannot be."""
    doc = article.doc
    skip = {t.i for t in verb.subtree}
    preposition = {
        c.i
        for c in noun.children
        if c.dep_ in ("case", "fixed") and morph(c, "PronType", "") != "Art"
    }  # "sur des soldats": the noun's preposition belongs to the main clause
    tokens = tuple(
        t for t in phrase_tokens(noun, banned) if t not in skip | preposition and t < verb.i
    )
    if not tokens or len(tokens) > 10 or any(doc[t].text in (",", "(", "«") for t in tokens):
        return None
    if any(doc[t].pos_ in ("VERB", "PRON") for t in tokens) or tokens[-1] + 1 != _rel(verb).i:
        return None
    text = definite(article, tokens, noun)
    if text is None:
        return None
    gender, number = noun_gender(noun), morph(noun, "Number", "Sing")
    return Subject(Phrase("nsubj", noun.i, tokens), text, gender, number, resolved=True)


def definite(article: Article, tokens: tuple[int, ...], noun: Any) -> str | None:
    """A noun phrase the sentence introduces, as a question names it afterwards: "des
    soldats" -> "les soldats", "une réunion" -> "la réunion", "deux missiles" -> "les deux
    missiles"; None for "cette usine", "ses soldats", "de nombreux pays"."""
    doc = article.doc
    first = doc[tokens[0]]
    if first.head.i != noun.i:
        return None
    words = article.surface(tokens)
    rest = article.surface(tokens[1:])
    if first.dep_ == "nummod":
        return f"les {words}"
    if first.text.casefold() in _DEFINITE:
        article_word = _DEFINITE[first.text.casefold()]
        if article_word != "les" and rest.startswith(_ELIDING):
            return f"l'{rest}"
        return f"{article_word} {rest}"
    if morph(first, "Definite", "") == "Def" and first.pos_ == "DET":
        return words[:1].lower() + words[1:]
    return None


def _rel(verb: Any) -> Any:
    return next(c for c in verb.children if morph(c, "PronType", "") == "Rel")


def carries_fact(doc: Any, phrases: tuple[Phrase, ...]) -> bool:
    """A phrase of the clause names someone or somewhere, gives a date or a figure."""
    return any(
        doc[t].ent_type_
        or doc[t].pos_ == "NUM"  # not like_num, which takes the article "une" for a figure
        or doc[t].text[:1].isdigit()
        or YEAR.match(doc[t].text)
        or is_time_word(doc[t])
        for p in phrases
        for t in p.tokens
    )
