"""Claims a participle makes without a finite verb: "la résolution adoptée par le Conseil de
sécurité en 2006", "Ussuriysk, une ville située à environ 60 kilomètres au nord de
Vladivostok". The question supplies the verb: "a été adoptée", "est située"."""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.claims import sentences
from factquiz.generate.clauses import (
    Clause,
    Phrase,
    Subject,
    attribution_spans,
    is_coherent,
    is_garbled,
    later_clauses,
    morph,
    noun_gender,
    phrase_tokens,
)
from factquiz.generate.document import Article
from factquiz.generate.parsing import entity_at
from factquiz.generate.phrases import clause_phrases
from factquiz.generate.relatives import definite

# Participles that describe a state ("est située"), not an event ("a été adoptée").
STATE_VERBS = {
    "situer",
    "baser",
    "installer",
    "établir",
    "composer",
    "charger",
    "lier",
    "implanter",
    "localiser",
}
_ANSWERABLE = {"obl:agent", "obl:mod", "obl:arg", "obl"}


# Past participles end in -é, -i, -u, -t, -s (with -e, -s of agreement): "adoptée", "pris".
_PARTICIPLE_FORM = re.compile(r"(?:[éiuts]|er?t)(?:e?s?)$")


def participle_clauses(article: Article) -> list[Clause]:
    """A clause for each past participle attached to a noun that carries an agent, a date,
    a place or a quantity of its own."""
    out: list[Clause] = []
    for sent in sentences(article):
        if is_garbled(sent) or sent.text.strip().endswith("?"):
            continue
        banned = {i for r in attribution_spans(sent) for i in r}
        for tok in sent:
            clause = _participle_clause(article, tok, sent, banned)
            if clause is not None:
                out.append(clause)
    return out


def _participle_clause(article: Article, part: Any, sent: Any, banned: set[int]) -> Clause | None:
    if part.dep_ != "acl" or part.pos_ != "VERB" or morph(part, "VerbForm", "") != "Part":
        return None
    if morph(part, "Tense", "") != "Past" or part.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not _PARTICIPLE_FORM.search(part.lower_):
        return None  # "le mont Maudit culmine à ...": a present tense tagged as participle
    if not any(c.dep_ in _ANSWERABLE for c in part.children):
        return None
    noun = part.head
    if morph(noun, "Number", "Sing") != morph(part, "Number", "Sing") or noun_gender(noun) != morph(
        part, "Gender", "Masc"
    ):
        return None  # the participle does not agree: the parser hung it on the wrong noun
    subject = _subject(article, noun, part, banned)
    if subject is None:
        return None
    later = later_clauses([part]) - banned
    local = banned | later
    found = clause_phrases(article, [part], local, subject, [part.i])
    banned |= local - later
    phrases = [p for p in found if p.start > part.i]
    if not phrases:
        return None
    kept = {part.i} | {t for p in phrases for t in p.tokens}
    if not is_coherent(article.doc, kept, banned):
        return None
    plural = subject.number == "Plur"
    if part.lemma_ in STATE_VERBS:
        synthetic = ("sont" if plural else "est", "")
    else:
        synthetic = ("ont" if plural else "a", "été")
    return Clause(
        sentence=(sent.start, sent.end), verb=part.i, finite=part.i, group=(part.i,),
        subject=subject, phrases=tuple(phrases), synthetic=synthetic,
    )  # fmt: skip


def _subject(article: Article, noun: Any, part: Any, banned: set[int]) -> Subject | None:
    """The noun the participle describes; a named place or person when it is an apposition."""
    doc = noun.doc
    gender, number = noun_gender(noun), morph(noun, "Number", "Sing")
    named = _named_by_apposition(noun)
    if named is not None:
        # Asking "Quelle gare ..." would repeat the identity question: only the participle's
        # own phrases are asked, so the subject is marked as not askable.
        return Subject(
            Phrase("nsubj", named.start, tuple(named)),
            article.surface(named),
            gender,
            number,
            resolved=True,
        )
    skip = {t.i for t in part.subtree}
    tokens = [t for t in phrase_tokens(noun, banned) if t not in skip]
    tokens = [t for t in tokens if doc[t].dep_ != "case" or t > noun.i]
    if not tokens:
        return None
    if morph(doc[tokens[0]], "Definite", "") != "Def" or doc[tokens[0]].pos_ != "DET":
        # "une réunion convoquée par la Russie": the agent makes it one; "une ville située à
        # ..." names no particular one
        agent = any(_named_agent(c) for c in part.children)
        text = definite(article, tuple(tokens), noun) if agent and len(tokens) >= 3 else None
        if text is None or any(doc[t].text in (",", "(", "–") for t in tokens):
            return None
        # the subject is not asked: "Qu'est-ce qui a été convoqué ?" -> "une réunion ..."
        return Subject(Phrase("nsubj", noun.i, tuple(tokens)), text, gender, number, True)
    if len(tokens) < 3:
        tokens += _trailing_participle(doc, part)
    if len(tokens) < 3 or any(
        doc[t].text in (",", "(", "–") or doc[t].pos_ == "VERB" and t < part.i for t in tokens
    ):
        return None  # "la résolution" alone would not say which one
    text = article.surface(tokens)
    return Subject(
        Phrase("nsubj", noun.i, tuple(tokens)), text[0].lower() + text[1:], gender, number
    )


def _named_by_apposition(noun: Any) -> range | None:
    """The name a descriptive noun stands beside ("Khasan, une gare située ...")."""
    doc = noun.doc
    left = noun.left_edge.i
    while left < noun.i and doc[left].is_punct:
        left += 1
    if left < 2 or doc[left - 1].text != ",":
        return None
    before = doc[left - 2]
    ent = entity_at(doc, before.i)
    if ent is None or ent.stop != left - 1 or before.ent_type_ not in ("LOC", "PER", "ORG"):
        return None
    return ent


def _trailing_participle(doc: Any, part: Any) -> list[int]:
    """A present participle after the participle's phrase says which noun is meant: "la
    résolution adoptée par X en 2006, interdisant Y"."""
    end = max(t.i for t in part.subtree if not t.is_punct) + 1
    while end < len(doc) and doc[end].text not in (",", "."):
        end += 1
    if end + 1 >= len(doc) or doc[end].text != ",":
        return []
    first = doc[end + 1]
    if morph(first, "VerbForm", "") != "Part" or morph(first, "Tense", "") != "Pres":
        return []
    stop = end + 1
    while stop < first.sent.end and not doc[stop].is_punct:
        stop += 1
    return list(range(end + 1, stop)) if stop - end <= 12 else []


def _named_agent(tok: Any) -> bool:
    """ "convoquée par la Russie": one named agent, no list ("par les habitants du pays et les
    minorités magyares vivant en Slovaquie")."""
    return (
        tok.dep_ == "obl:agent"
        and tok.pos_ == "PROPN"
        and tok.ent_type_ in ("PER", "ORG", "LOC")
        and not any(c.dep_ == "conj" for c in tok.children)
    )
