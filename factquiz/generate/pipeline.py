"""From parsed articles to ranked questions: mentions, claims, questions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from factquiz.generate.apposed_objects import apposed_object_clauses, apposed_relative_questions
from factquiz.generate.attribution_questions import attribution_questions
from factquiz.generate.circumstances import circumstance_questions
from factquiz.generate.claims import extract_clauses, sentences
from factquiz.generate.copulas import copular_questions
from factquiz.generate.document import Article
from factquiz.generate.events import event_questions
from factquiz.generate.figures import figure_questions
from factquiz.generate.identities import identity_questions
from factquiz.generate.mentions import (
    EntityIndex,
    Mention,
    build_entity_index,
    find_aliases,
    find_dates,
    find_entities,
    find_quantities,
)
from factquiz.generate.participles import participle_clauses
from factquiz.generate.questions import Question, clause_questions
from factquiz.generate.spans import span_questions
from factquiz.generate.targets import MentionTable, without_article
from factquiz.text import fold_basic


@dataclass
class ArticleMentions:
    """The typed mentions of one article, by sentence start token."""

    article: Article
    by_sentence: dict[int, list[Mention]]

    @property
    def all(self) -> list[Mention]:
        return [m for ms in self.by_sentence.values() for m in ms]


def find_mentions(article: Article) -> ArticleMentions:
    """Dates, quantities and entities of every sentence."""
    by_sentence: dict[int, list[Mention]] = {}
    for sent in sentences(article):
        dates = find_dates(sent, article.surface)
        found = (
            dates
            + find_quantities(sent, article.surface, dates)
            + find_entities(sent, article.surface)
        )
        by_sentence[sent.start] = found
    return ArticleMentions(article, by_sentence)


def _retyped(mentions: list[Mention], index: EntityIndex) -> list[Mention]:
    return [
        Mention(index.kind(m), m.start, m.end, m.text, m.value, m.unit, m.before, m.initial)
        if m.kind in ("person", "organisation", "place", "name")
        else m
        for m in mentions
    ]


def corpus_mentions(articles: list[Article]) -> tuple[list[ArticleMentions], EntityIndex]:
    """Mentions of every article, entity kinds voted over the whole corpus."""
    found = [find_mentions(a) for a in articles]
    index = build_entity_index([m for f in found for m in f.all])
    for f in found:
        f.by_sentence = {k: _retyped(v, index) for k, v in f.by_sentence.items()}
    return found, index


def alias_table(articles: list[Article]) -> dict[str, set[str]]:
    """Every name's acronym and every acronym's name, keyed folded, over the whole corpus;
    each written as the article writes it ("CEDEAO", "Communauté économique des États de
    l'Afrique de l'Ouest"), since the answers are shown to students."""
    table: dict[str, set[str]] = {}
    for article in articles:
        written = {fold_basic(e.text): without_article(e.text) for e in article.doc.ents}
        for name, acronym in find_aliases(article.doc):
            shown = written.get(name)
            if shown:
                table.setdefault(acronym, set()).add(shown)
            table.setdefault(name, set()).add(acronym.upper())
    return table


def with_aliases(q: Question, aliases: dict[str, set[str]]) -> Question:
    """A question whose answers also accept the name's acronym ("CEDEAO") or its name."""
    if not aliases:
        return q
    answers = []
    for answer in q.answers:
        extra = [a for v in answer for a in sorted(aliases.get(fold_basic(v), ()))]
        answers.append(tuple(dict.fromkeys([*answer, *extra])))
    return replace(q, answers=tuple(answers))


def article_questions(found: ArticleMentions, index: EntityIndex) -> list[Question]:
    """Every question the article's claims support, before ranking."""
    article = found.article
    table = MentionTable(found.all)

    def persons_of(sent) -> list[str]:
        return [m.text for m in found.by_sentence.get(sent.start, []) if m.kind == "person"]

    out: list[Question] = []
    clauses = extract_clauses(article, persons_of) + participle_clauses(article)
    clauses += apposed_object_clauses(article, persons_of)
    for clause in clauses:
        out.extend(clause_questions(article, clause, table, index.short_form, index.place_class))
    out.extend(attribution_questions(article, table, index.short_form))
    out.extend(identity_questions(article, table, index.short_form))
    out.extend(copular_questions(article, table))
    out.extend(figure_questions(article, table, out))
    out.extend(span_questions(article, clauses, table, out))
    out += apposed_relative_questions(article, table, index.short_form, out)
    out.extend(event_questions(article, table, out))
    return out + circumstance_questions(article, table, persons_of, out)
