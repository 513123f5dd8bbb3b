"""The infinitive clauses that tell which event a when or where question is about.

"Après avoir visité la Corée du Nord, Poutine se rendra au Vietnam pour discuter des
échanges commerciaux": asked "Où Poutine se rendra-t-il ?", the question has many answers
(he travels a lot); "Où Poutine se rendra-t-il pour discuter des échanges commerciaux après
avoir visité la Corée du Nord ?" has one. The clause extraction keeps only the verb's noun
phrases; this adds back a short purpose or sequence clause that shares the verb's subject.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factquiz.generate.clauses import Clause, Phrase, morph
from factquiz.generate.document import Article

# "pour discuter", "afin de ...", "après avoir visité", "avant de repartir"
_MARKS = {"pour", "afin", "après", "avant"}
_MAX_TOKENS = 12
_REFLEXIVE = {"se", "s'", "s’"}
_PURPOSE_NOUNS = {"prévision", "vue", "préparation", "prélude"}


def with_context(article: Article, clause: Clause) -> Clause | None:
    """The clause with its short purpose and sequence clauses as phrases (fronted when they
    open the sentence), so a question on it names the event; unchanged when it has none;
    None when it has one that cannot be asked (too long, or pointing elsewhere: "pour
    empêcher l'ONU de vérifier le respect de ces sanctions"), since the question would
    then be too bare to have one answer."""
    doc = article.doc
    taken = {t for p in clause.phrases for t in p.tokens} | set(clause.group)
    taken |= set(clause.subject.phrase.tokens)
    extra: list[Phrase] = []
    for child in doc[clause.verb].children:
        tokens = _clause_tokens(doc, child, clause)
        if tokens is None or taken & set(tokens):
            continue
        if not _askable(doc, tokens):
            return None
        extra.append(Phrase("advcl", child.i, tokens, doc[tokens[0]].text.casefold()))
    extra += _purpose_phrases(doc, clause, taken | {t for p in extra for t in p.tokens})
    if not extra:
        return clause
    subject_start = clause.subject.phrase.start
    fronted = {p.head for p in extra if p.start < subject_start}
    if clause.fronted:  # "mercredi en prévision de ...": after the fronted time, not before
        fronted = {p.head for p in extra}
    return replace(clause, phrases=clause.phrases + tuple(extra), fronted=clause.fronted | fronted)


def _purpose_phrases(doc: Any, clause: Clause, taken: set[int]) -> list[Phrase]:
    """ "en prévision de l'arrivée du train de Kim", "en vue des élections": a purpose said
    with a noun, wherever the parser hung it in the sentence, when short and clean."""
    out = []
    for tok in doc[clause.sentence[0] : clause.sentence[1]]:
        case = [c for c in tok.children if c.dep_ == "case"]
        if tok.text.casefold() not in _PURPOSE_NOUNS or [c.text for c in case] != ["en"]:
            continue
        if not any(c.dep_ in ("nmod", "acl") for c in tok.children):
            continue  # "bien en vue": in sight, no purpose
        tokens = tuple(t.i for t in tok.subtree)
        if not taken & set(tokens) and _askable(doc, tokens):
            out.append(Phrase("obl:mod", tok.i, tokens, "en"))
    return out


def _clause_tokens(doc: Any, verb: Any, clause: Clause) -> tuple[int, ...] | None:
    """The tokens of an infinitive clause led by "pour", "après", "avant de" or "afin de"
    that shares the main verb's subject (None for any other dependent)."""
    if verb.dep_ != "advcl" or verb.pos_ != "VERB":
        return None
    marks = [c for c in verb.children if c.dep_ == "mark" and c.i < verb.i]
    if not marks or marks[0].text.casefold() not in _MARKS:
        return None
    infinitive = morph(verb, "VerbForm", "") == "Inf" or any(
        c.dep_.startswith("aux") and morph(c, "VerbForm", "") == "Inf" for c in verb.children
    )
    if not infinitive or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    tokens = [t.i for t in verb.subtree]
    while tokens and doc[tokens[-1]].is_punct:
        tokens.pop()
    if not tokens or not (clause.sentence[0] <= tokens[0] and tokens[-1] < clause.sentence[1]):
        return None
    return tuple(tokens)


def _askable(doc: Any, tokens: tuple[int, ...]) -> bool:
    """Short, whole, and with nothing that points to the paragraph ("les", "sa", "ces")."""
    if len(tokens) > _MAX_TOKENS or list(tokens) != list(range(tokens[0], tokens[-1] + 1)):
        return False
    for t in tokens:
        tok = doc[t]
        if tok.is_punct or tok.text in ("«", "»", '"'):
            return False
        if tok.pos_ == "PRON" and tok.text.casefold() not in _REFLEXIVE:
            return False  # "pour les attaquer": whom?
        if tok.pos_ == "DET" and (
            morph(tok, "Poss", "") == "Yes" or morph(tok, "PronType", "") == "Dem"
        ):
            return False  # "pour sa guerre", "de ces sanctions": whose, which?
    return True
