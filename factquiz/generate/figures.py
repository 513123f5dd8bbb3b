"""Figures news states as counts: "Combien de candidats au baccalauréat général ... ?".

A count that qualifies a noun in the subject ("les 334 464 candidats au baccalauréat général
(48 %), 148 622 candidats au baccalauréat technologique ... connaîtront leurs résultats") is
asked with the clause's verb, one question per counted conjunct, the counted noun keeping
its complements ("au baccalauréat général") so the question has one answer, and a time or
place fronted before the subject kept ("Combien de raffineries ont été fermées depuis
2009 ?"). A figure another builder already asks is left to it. By how much a figure changed
is figure_changes.py's.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph
from factquiz.generate.document import Article
from factquiz.generate.figure_changes import (
    KEPT_DEPS,
    LEFT_OUT_DEPS,
    SUBJECT_DEPS,
    change_questions,
)
from factquiz.generate.frequencies import frequency_questions
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.thresholds import threshold_questions
from factquiz.generate.when_how_many import number_variants

_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'"}
_RELATIVE_TIME = re.compile(
    r"\b(?:mois|année|an|semaine|week-end|jour|saison)s?\s+(?:derni|prochain|pass)", re.I
)
_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\b", re.I)
_NEGATION = {"ne", "n'", "pas", "jamais", "plus", "aucun", "aucune"}


def figure_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """Every figure question this module builds, none on a figure `asked` already asks."""
    out = counted_subject_questions(article, table, asked)
    out += threshold_questions(article, table)
    out += frequency_questions(article, table, asked + out)
    return out + change_questions(article, table, asked + out)


def counted_subject_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """ "Combien de <noun and complements> <verb> <rest> ?" for each counted noun of a
    coordinated subject, unless another question already asks for that figure."""
    taken = {(q.sentence, m.start) for q in asked for m in q.mentions}
    out = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("acl", "acl:relcl", "amod"):
                continue
            heads = _subject_heads(verb)
            if not heads:
                continue
            for head in map(_counted_of_total, heads):
                m = _count_of(article, table, head)
                if m is None or (sent.start, m.start) in taken:
                    continue
                question = _ask_count(article, sent, quote, verb, head, heads, m)
                if question is not None:
                    out.append(question)
    return out


def _subject_heads(verb: Any) -> list[Any]:
    """The nominal subjects of a verb and everything conjoined with them, in order."""
    heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"]
    found = list(heads)
    for h in heads:
        found += [t for t in h.subtree if t.dep_ == "conj" and t.head in found and t.pos_ == "NOUN"]
    return sorted(set(found), key=lambda t: t.i)


def _counted_of_total(head: Any) -> Any:
    """ "Un total de [130 femmes]": what the total counts is the counted noun."""
    if head.lemma_ not in ("total", "nombre") or len(list(head.children)) > 3:
        return head
    counted = [c for c in head.children if c.dep_ == "nmod" and c.i > head.i]
    return counted[0] if len(counted) == 1 else head


def _count_of(article: Article, table: MentionTable, head: Any) -> Mention | None:
    """The figure counting this noun ("334 464 candidats"), written in digits or words."""
    found = [
        m for m in table.by_token.get(head.i, []) if m.kind == "number" and m.end == head.i + 1
    ]
    if len(found) != 1 or found[0].value is None or found[0].value < 2:
        return None
    m = found[0]
    before = article.doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.pos_ == "DET" and not article.doc[m.start].text[:1].isdigit():
        return None  # "les deux pays": a count the reader is not asked to remember
    if head.text in ("%", "‰") or morph(head, "Number", "Plur") != "Plur":
        return None
    return m


_BEFORE_COUNTED = {"det", "nummod", "amod", "advmod", "punct", "cc", "case", "fixed"}
# Subordinate clauses that still assert their fact ("alors que deux raffineries ont ...").
_ASSERTING_MARKS = {"alors", "tandis", "car", "puisque", "parce", "même", "bien"}


def _asserted(verb: Any) -> bool:
    """Not a condition, a time or a purpose ("si 30 personnes viennent", "quand ...")."""
    marks = [c.text.casefold() for c in verb.children if c.dep_ == "mark"]
    cleft = verb.dep_ == "ROOT" and marks == ["que"]  # "C'est aujourd'hui que ..."
    return cleft or all(m in _ASSERTING_MARKS for m in marks)


def _counted_noun(article: Article, head: Any) -> list[int] | None:
    """The noun and what tells it apart, to the right of the figure: "candidats [au
    baccalauréat général]"; None when a clause or a bracket hangs on it."""
    tokens = [head.i]
    for c in head.children:
        if c.i < head.i or c.dep_ in ("punct", "conj", "cc", "nummod", "det"):
            continue
        if c.dep_ not in ("nmod", "amod"):
            continue  # "(48 %)" in apposition, a relative clause: left out
        sub = [t.i for t in c.subtree]
        if any(article.doc[t].pos_ in ("VERB", "AUX", "PUNCT") for t in sub):
            return None
        tokens += sub
    tokens.sort()
    if tokens != list(range(tokens[0], tokens[-1] + 1)) or len(tokens) > 8:
        return None
    return tokens


def _ask_count(
    article: Article, sent: Any, quote: str, verb: Any, head: Any, heads: list[Any], m: Mention
) -> Question | None:
    noun = _counted_noun(article, head)
    predicate = _predicate(article, verb, heads)
    if noun is None or predicate is None or not _asserted(verb):
        return None
    if any(c.i < head.i and c.dep_ not in _BEFORE_COUNTED for c in head.children):
        return None  # "[ces derniers mois] deux raffineries": the parse lost a phrase
    named = [
        c for c in verb.children if c.dep_ in KEPT_DEPS and c.i > verb.i
        and any(t.pos_ in ("NOUN", "PROPN") for t in c.subtree)
    ]  # fmt: skip
    if (
        len(heads) == 1
        and len(noun) == 1
        and not named
        and not any(ch.isdigit() for ch in predicate)
    ):
        return None  # "Combien de personnes sont toujours recherchées ?": sought after what?
    words = article.surface(noun)
    how_many = "Combien d'" if words[:1].lower() in "aeiouyhéèê" else "Combien de "
    prompt = mend_slips(f"{how_many}{words} {predicate}".replace("' ", "'")) + " ?"
    if not well_formed(prompt) or len(prompt.split()) > 30:
        return None
    answers = (tuple(dict.fromkeys(lower_initial(v) for v in number_variants(m))),)
    return Question(article.source_id, "number", prompt, answers, quote, sent.start, (m,))


def _predicate(article: Article, verb: Any, heads: list[Any]) -> str | None:
    """The verb group and its dependents after the subject, up to a comma that opens an
    aside, then a time or place fronted before the subject ("depuis 2009"); None when a
    clitic, a negation or a fronted phrase the question cannot keep."""
    doc = article.doc
    first_subject = min(t.i for h in heads for t in h.subtree)
    last_subject = max(t.i for h in heads for t in h.subtree)
    tokens: list[int] = []
    fronted = _fronted_phrases(article, verb, first_subject)
    if fronted is None:
        return None
    for c in verb.children:
        text = c.text.casefold()
        if c.i < last_subject or c.dep_ in LEFT_OUT_DEPS or text in DISCOURSE_ADVERBS:
            continue
        if text in _NEGATION or (c.pos_ == "PRON" and text in _CLITICS and c.i < verb.i):
            return None
        sub = [t.i for t in c.subtree]
        if c.dep_ in KEPT_DEPS and DEICTIC.fullmatch(article.surface(sub)):
            continue
        if c.dep_ in KEPT_DEPS or c.dep_.startswith("aux") or c.dep_ == "cop":
            tokens += sub
        elif c.dep_ not in ("nsubj", "nsubj:pass", "expl:comp", "expl:pass"):
            return None
    tokens = sorted(set(tokens) | {verb.i})
    if tokens[0] <= last_subject or any(doc[t].text in ("«", "»", '"') for t in tokens):
        return None
    gaps = [t for t in range(tokens[0], tokens[-1] + 1) if t not in tokens]
    if any(not doc[t].is_punct for t in gaps):
        return None  # something between the kept words was cut: the rest would not read
    if any(doc[t].pos_ == "VERB" and doc[t].dep_ == "acl:relcl" for t in tokens):
        return None
    return " ".join([article.surface(tokens), *fronted])


def _fronted_phrases(article: Article, verb: Any, first_subject: int) -> list[str] | None:
    """The verb's phrases before its subject that the question keeps ("Depuis 2009" ->
    "depuis 2009"); None when one cannot go ("ces derniers mois", "au début du mois
    dernier": a time only the day's reader can place, which the figure needs)."""
    out = []
    for c in verb.children:
        if c.i >= first_subject or c.dep_ in ("punct", "mark", "cc"):
            continue
        text = article.surface(range(c.left_edge.i, c.right_edge.i + 1))
        if c.text.casefold() in DISCOURSE_ADVERBS or c.lemma_ == "ce":
            continue  # "Déjà", "Néanmoins", the "C'" of "C'est aujourd'hui que"
        if (
            c.dep_ not in ("obl", "obl:mod")
            or DEICTIC.search(text)
            or _DEMONSTRATIVE.search(text)
            or _RELATIVE_TIME.search(text)
        ):
            return None
        if any(t.pos_ in ("VERB", "AUX", "PRON") for t in c.subtree):
            return None
        if article.doc[c.left_edge.i].pos_ != "ADP" or len(text.split()) > 6:
            return None
        out.append(lower_initial(text))
    return out
