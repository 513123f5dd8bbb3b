"""Figures news states as counts: "Combien de candidats au baccalauréat général ... ?".

A count that qualifies a noun in the subject ("les 334 464 candidats au baccalauréat général
(48 %), 148 622 candidats au baccalauréat technologique ... connaîtront leurs résultats") is
asked with the clause's verb, one question per counted conjunct, the counted noun keeping
its complements ("au baccalauréat général") so the question has one answer. The clause
machinery asks a lone counted subject already; this module asks the lists it leaves.

Also the article's year, read off its dateline ("6 juillet 2012. - "), so that "l'année
dernière" can be asked as "en 2011".
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.parsing import MONTHS
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import number_variants

_DATELINE = re.compile(
    r"^\s*(?:1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\.?\s+[–—-]\s", re.I
)
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Dependents of the verb that stay in the question after it: what it does, to whom, where.
_KEPT_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "xcomp", "advmod"}
_LEFT_OUT_DEPS = {"punct", "advcl", "parataxis", "conj", "cc", "acl:relcl", "dislocated", "mark"}
_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'"}
_NEGATION = {"ne", "n'", "pas", "jamais", "plus", "aucun", "aucune"}


@functools.lru_cache(maxsize=64)
def _dateline_year(path: Path) -> int | None:
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:2000]
    except OSError:
        return None
    for line in head.splitlines()[:12]:
        found = _DATELINE.match(line)
        if found:
            return int(found[2])
    return None


def article_year(article: Article) -> int | None:
    """The year of the article's dateline ("6 juillet 2012. - C'est ..."), or None."""
    return _dateline_year(article.meta.path)


_RELATIVE_YEARS = {
    "l'année dernière": -1, "l'an dernier": -1, "l'année passée": -1, "cette année": 0,
    "l'année prochaine": 1, "l'an prochain": 1,
}  # fmt: skip


def dated(phrase: str, year: int | None) -> str | None:
    """ "l'année dernière" in an article of 2012 -> "en 2011"; None when no year resolves it."""
    shift = _RELATIVE_YEARS.get(" ".join(phrase.casefold().split()))
    return None if shift is None or year is None else f"en {year + shift}"


def figure_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """Every figure question this module builds, none on a figure `asked` already asks."""
    return counted_subject_questions(article, table, asked)


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
            if len(heads) < 2:
                continue  # a lone counted subject is the clause builders' to ask
            for head in heads:
                m = _count_of(article, table, head)
                if m is None or (sent.start, m.start) in taken:
                    continue
                question = _ask_count(article, sent, quote, verb, head, heads, m)
                if question is not None:
                    out.append(question)
    return out


def _subject_heads(verb: Any) -> list[Any]:
    """The nominal subjects of a verb and everything conjoined with them, in order."""
    heads = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN"]
    found = list(heads)
    for h in heads:
        found += [t for t in h.subtree if t.dep_ == "conj" and t.head in found and t.pos_ == "NOUN"]
    return sorted(set(found), key=lambda t: t.i)


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
    if noun is None or predicate is None:
        return None
    words = article.surface(noun)
    how_many = "Combien d'" if words[:1].lower() in "aeiouyhéèê" else "Combien de "
    prompt = mend_slips(f"{how_many}{words} {predicate}".replace("' ", "'")) + " ?"
    if not well_formed(prompt) or len(prompt.split()) > 30:
        return None
    answers = (number_variants(m),)
    return Question(article.source_id, "number", prompt, answers, quote, sent.start, (m,))


def _predicate(article: Article, verb: Any, heads: list[Any]) -> str | None:
    """The verb group and its dependents after the subject, up to a comma that opens an
    aside; None when a clitic, a negation or a deictic time the question cannot keep."""
    doc = article.doc
    last_subject = max(t.i for h in heads for t in h.subtree)
    tokens: list[int] = []
    for c in verb.children:
        text = c.text.casefold()
        if c.i < last_subject or c.dep_ in _LEFT_OUT_DEPS or text in DISCOURSE_ADVERBS:
            continue
        if text in _NEGATION or (c.pos_ == "PRON" and text in _CLITICS and c.i < verb.i):
            return None
        sub = [t.i for t in c.subtree]
        if c.dep_ in _KEPT_DEPS and DEICTIC.fullmatch(article.surface(sub)):
            continue
        if c.dep_ in _KEPT_DEPS or c.dep_.startswith("aux") or c.dep_ == "cop":
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
    return article.surface(tokens)
