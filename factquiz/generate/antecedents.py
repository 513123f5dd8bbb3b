"""What a pronoun or a relative "qui" stands for: the one name or subject of the sentence
before ("Poutine s'est rendu à Yakoutsk. Il s'est entretenu ..."), a name before "qui", the
focus of a cleft ("C'est X qui ...")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factquiz.generate.clauses import PERSONAL_PRONOUNS, Phrase, Subject, morph, phrase_tokens
from factquiz.generate.document import Article
from factquiz.generate.parsing import entity_at
from factquiz.generate.prompt_text import lower_initial

PersonsOf = Callable[[Any], list[str]]


def named_antecedent(verb: Any) -> tuple[range, Any, bool] | None:
    """What "qui" stands for: a name ("Kim Jong-il, qui craignait les voyages en avion") or
    the focus of a cleft ("C'est la firme X qui a réalisé le spectacle"), as (tokens, head
    token, is_cleft)."""
    rel = [c for c in verb.children if morph(c, "PronType", "") == "Rel"]
    if len(rel) != 1 or rel[0].dep_ != "nsubj" or rel[0].text.casefold() != "qui":
        return None
    focus = _cleft_focus(rel[0])
    if focus is not None:
        return focus
    head = verb.head
    if not head.ent_type_ or head.ent_type_ not in ("PER", "ORG", "LOC"):
        return None
    ent = entity_at(head.doc, head.i)
    return (ent, head.doc[ent.start : ent.stop].root, False) if ent is not None else None


def _cleft_focus(qui: Any) -> tuple[range, Any, bool] | None:
    """ "C'est X qui ...": X, read from the words, since the parser hangs "qui" anywhere."""
    doc, start = qui.doc, qui.sent.start
    words = [doc[k].text.casefold() for k in range(start, min(start + 2, qui.i))]
    if len(words) < 2 or words[0] not in ("c'", "ce") or words[1] not in ("est", "sont", "était"):
        return None
    focus = range(start + 2, qui.i)
    heads = [doc[k] for k in focus if doc[k].pos_ in ("NOUN", "PROPN")]
    if (
        not heads
        or len(focus) > 10
        or any(doc[k].text in (",", "«", "»", "que", "qu'") for k in focus)
    ):
        return None
    return focus, heads[0], True


def quoted_tokens(sent: Any) -> set[int]:
    """Tokens between guillemets or straight double quotes."""
    inside, depth = set(), 0
    for tok in sent:
        if tok.text in ("«", '"') and depth == 0:
            depth = 1
            continue
        if tok.text in ("»", '"') and depth == 1:
            depth = 0
            continue
        if depth:
            inside.add(tok.i)
    return inside


_PRONOUN_WORDS = {
    "il", "elle", "ils", "elles", "on", "ce", "c'", "cela", "ça", "ceci", "qui", "que", "qu'",
    "ceux", "celui", "celle", "celles", "certains", "certaines", "nombreux", "plusieurs",
    "tous", "toutes", "chacun", "aucun", "personne", "rien", "tout", "lequel", "laquelle",
}  # fmt: skip


def name_read_as_pronoun(tok: Any) -> bool:
    """ "Poutine" tagged as a pronoun (the dish, lower-cased): a capitalised word that is no
    French pronoun is a name."""
    return tok.text[:1].isupper() and tok.text.casefold() not in _PRONOUN_WORDS


def resolve_pronoun(
    article: Article, pron: Any, phrase: Phrase, context: Any, persons_of: PersonsOf
) -> Subject | None:
    """A personal pronoun replaced by the one person, or the subject, of the sentence before."""
    agreement = PERSONAL_PRONOUNS.get(pron.text.casefold())
    if agreement is None or pron.i in quoted_tokens(pron.sent):
        return None  # « Ils ont cassé la porte »: the speaker's "ils", not the writer's
    gender, number = agreement
    given = _given_name(article, pron, gender)
    if given is not None:
        return Subject(phrase, given, gender, number, resolved=True)
    if context is None:
        return None
    persons = sorted(set(persons_of(context)))
    if number == "Sing" and gender == "Masc" and len(persons) == 1:
        return Subject(phrase, persons[0], gender, number, resolved=True)
    root = context.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is not None and subj.pos_ == "PRON" and name_read_as_pronoun(subj) and not persons:
        # "Poutine s'est rendu à Yakoutsk. Il s'est entretenu ...": the one name, the subject
        name = article.surface(phrase_tokens(subj, set()))
        return Subject(phrase, name, gender, number, resolved=True) if gender == "Masc" else None
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or persons:
        return None
    if (morph(subj, "Gender", "Masc"), morph(subj, "Number", "Sing")) != agreement:
        return None
    tokens = phrase_tokens(subj, set())
    if article.doc[tokens[0]].pos_ not in ("DET", "NOUN", "PROPN"):
        return None  # "particulièrement les islamistes": an aside of the subject, not it
    return Subject(phrase, lower_initial(article.surface(tokens)), gender, number, resolved=True)


# Participles that give a name: "Baptisée « PH1 », elle a été repérée par ...".
_NAMING = {"baptiser", "surnommer", "appeler", "nommer", "dénommer", "rebaptiser"}


def _given_name(article: Article, pron: Any, gender: str) -> str | None:
    """The name a fronted naming participle gives the pronoun's referent."""
    doc = article.doc
    for c in pron.head.children:
        if c.i > pron.i or c.lemma_ not in _NAMING or morph(c, "VerbForm", "") != "Part":
            continue
        if morph(c, "Gender", gender) != gender:
            return None
        end = c.i + 1
        while end < pron.i and doc[end].text != ",":
            end += 1
        words = [k for k in range(c.i + 1, end) if doc[k].text not in ("«", "»", '"')]
        if 0 < len(words) <= 4 and doc[words[0]].text[:1].isupper() | doc[words[0]].is_digit:
            return article.surface(words)
    return None
