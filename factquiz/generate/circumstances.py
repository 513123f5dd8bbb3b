"""Where and when a clause happened, said outside the clause: "à Toulouse, où ...",
"C'est en 2019 que ..." and "Depuis les manifestations de la CGT, ...".

The claim extractor keeps a clause's own phrases; a relative "où" after a named place, or
the focus of a cleft, names the place or the date of a clause from outside it, so no
question asked for them. Each clause is rebuilt here without the relative or the cleft and
asked with "Où", "En quelle année", "Quand" by the kind of the place or date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factquiz.generate.apposed_objects import _inside_quotes
from factquiz.generate.claims import _subject_of
from factquiz.generate.clauses import (
    Clause,
    Phrase,
    Subject,
    attribution_spans,
    finite_token,
    is_coherent,
    is_negated,
    morph,
    noun_gender,
    phrase_tokens,
    verb_chain,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.event_phrases import OF, complements_end, date_at, nominal_end, place_at
from factquiz.generate.events import EVENT_NOUNS, HISTORY_YEARS
from factquiz.generate.mentions import Mention
from factquiz.generate.phrases import clause_phrases
from factquiz.generate.questions import Question, _question, askable_sentences
from factquiz.generate.realise import Wh
from factquiz.generate.spans import malformed_prompt
from factquiz.generate.targets import MentionTable, Target

PersonsOf = Callable[[Any], list[str]]
_PLACE_PREPOSITIONS = {"à", "en", "au", "aux", "dans"}
_RELATIVE_DEPS = {"acl:relcl", "advcl", "ccomp", "parataxis"}
_CLEFT_VERB_DEPS = _RELATIVE_DEPS | {"ROOT", "conj"}
_WH_DATE = {"year": "En quelle année", "month": "En quel mois", "day": "Quel jour"}


def circumstance_questions(
    article: Article, table: MentionTable, persons_of: PersonsOf, existing: list[Question]
) -> list[Question]:
    """Where-questions on relatives "où" after a named place ("à Toulouse, où les syndicats
    manifestent" -> "Où les syndicats manifestent-ils ?"), and where- and when-questions on
    clefts ("C'est en 2019 que Kim a rencontré Poutine" -> "En quelle année ...")."""
    taken = {q.prompt for q in existing}
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            found = _where_relative(article, sent, verb, table, persons_of)
            found = found or _cleft(article, sent, verb, table, persons_of)
            found = found or _since_event(article, sent, verb, table, persons_of)
            if found is None:
                continue
            clause, target = found
            question = _question(article, clause, target, False, quote, target.removed)
            if question is None or question.prompt in taken or malformed_prompt(question.prompt):
                continue
            out.append(question)
            taken.add(question.prompt)
    return out


def _target(m: Mention, removed: set[int], phrase: str) -> Target | None:
    """ "Où" for a place, "En quelle année" and the like for a date; `phrase` is the place
    with its preposition ("dans l'Ohio")."""
    if m.kind == "place":
        variants = (m.text, phrase)
        words = "Où"
    elif m.kind in ("date", "year", "month", "day"):
        variants = (m.text,)
        words = _WH_DATE.get(m.kind, "Quand") if m.end - m.start == 1 else "Quand"
    else:
        return None
    answers = (tuple(dict.fromkeys(v for v in variants if v)),)
    return Target(m.kind, answers, frozenset(removed), Wh(words), (m,))


def _where_relative(
    article: Article, sent: Any, verb: Any, table: MentionTable, persons_of: PersonsOf
) -> tuple[Clause, Target] | None:
    """ "<à Lieu>, où <sujet> <verbe> ...": the clause and its where-target."""
    doc = article.doc
    if verb.pos_ != "VERB" or verb.dep_ not in _RELATIVE_DEPS or _inside_quotes(sent, verb.i):
        return None  # the parser hangs "où ..." on the noun or, as often, on the main verb
    where = [c for c in verb.children if c.text.casefold() == "où" and c.i < verb.i]
    if len(where) != 1:
        return None
    before = _before_aside(doc, where[0].i, sent.start)
    places = [
        m for m in table.by_token.get(before, []) if m.kind == "place" and m.end == before + 1
    ]
    if len(places) != 1 or places[0].before not in _PLACE_PREPOSITIONS:
        return None  # "la frontière où" could be anything's; "Vladivostok, où" is no place phrase
    clause = _rebuilt(article, sent, verb, {where[0].i}, persons_of)
    place = places[0]
    target = _target(place, {where[0].i}, f"{place.before} {place.text}")
    return (clause, target) if clause is not None and target is not None else None


def _cleft(
    article: Article, sent: Any, verb: Any, table: MentionTable, persons_of: PersonsOf
) -> tuple[Clause, Target] | None:
    """ "C'est <à Lieu | en Date> [, aside,] que <clause>": the clause and its target."""
    doc = article.doc
    words = [doc[k].text.casefold() for k in range(sent.start, min(sent.start + 3, sent.end))]
    if len(words) < 3 or words[0] not in ("c'", "ce") or words[1] not in ("est", "était"):
        return None
    if verb.pos_ != "VERB" or verb.dep_ not in _CLEFT_VERB_DEPS:
        return None
    que = [c for c in verb.children if c.dep_ == "mark" and c.text.casefold() in ("que", "qu'")]
    if len(que) != 1 or que[0].i > verb.i or _inside_quotes(sent, verb.i):
        return None
    focus = range(sent.start + 2, que[0].i)
    first_comma = next((k for k in focus if doc[k].text == ","), que[0].i)
    found = [m for m in table.inside(range(focus.start, first_comma), set(_TIME_OR_PLACE))]
    if len(found) != 1 or any(doc[k].text in ("«", "»", '"', "que", "qu'") for k in focus):
        return None
    m = found[0]
    lead = [doc[k] for k in range(focus.start, m.start)]
    if any(t.pos_ not in ("ADP", "DET") for t in lead) or m.end != first_comma:
        return None  # "C'est dans l'Ohio" and "C'est en 2019", not "C'est le pays où"
    if m.kind == "place" and not lead:
        return None  # "C'est la France qui": the subject, asked by the claim extractor
    prefix = set(range(sent.start, que[0].i + 1))
    clause = _rebuilt(article, sent, verb, prefix, persons_of)
    target = _target(m, prefix, article.surface(range(focus.start, m.end)))
    return (clause, target) if clause is not None and target is not None else None


_TIME_OR_PLACE = ("place", "date", "year", "month", "day")
_SINCE = {"depuis": "Depuis quel événement", "après": "Après quel événement"}


def _since_event(
    article: Article, sent: Any, verb: Any, table: MentionTable, persons_of: PersonsOf
) -> tuple[Clause, Target] | None:
    """ "Depuis les manifestations de la CGT à Nantes en mars, le gouvernement a reculé" ->
    "Depuis quel événement le gouvernement a-t-il reculé ?": the event an opening time phrase
    names, asked as what the clause dates from. Only an event a person or a body is named
    in: one of states alone ("l'invasion de l'Ukraine par Moscou") is the story every student
    knows, and readers struck it out; never history a decade older than the article's news."""
    doc = article.doc
    first = doc[sent.start]
    if verb != sent.root or verb.pos_ != "VERB" or first.lower_ not in _SINCE:
        return None
    noun = doc[sent.start + 2] if sent.start + 2 < sent.end else None
    if noun is None or doc[sent.start + 1].lower_ not in ("le", "la", "l'", "les"):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.casefold() not in EVENT_NOUNS:
        return None
    end = complements_end(doc, noun, sent.end, table)
    place, k = place_at(doc, end, sent.end, table)
    date, k = date_at(doc, k, sent.end, table)
    if k >= sent.end or doc[k].text != "," or k - sent.start > 14 or _is_history(table, end, k):
        return None
    # "l'invasion de l'Ukraine par Moscou": states alone, the story every reader knows
    if not table.inside(tuple(range(sent.start, end)), {"person", "organisation"}):
        return None
    outside = set(range(sent.start, k + 1))
    clause = _rebuilt(article, sent, verb, outside, persons_of)
    if clause is None:
        return None
    event = article.surface(range(sent.start + 1, k))
    variants = [event, article.surface(range(sent.start + 1, end))]
    short = nominal_end(doc, noun.i + 2, end, table) if doc[noun.i + 1].lower_ in OF else None
    if short is not None:  # "l'invasion de l'Ukraine", the short answer a student gives
        variants.append(article.surface(range(sent.start + 1, short)))
    answers = (tuple(dict.fromkeys(variants)),)
    wh = Wh(_SINCE[first.lower_])
    mentions = tuple(found[0] for found in (place, date) if found is not None)
    return clause, Target("thing", answers, frozenset(outside), wh, mentions)


def _is_history(table: MentionTable, start: int, end: int) -> bool:
    """A year in the phrase more than a decade before the article's latest year."""
    latest = max((m.value or 0 for m in table.mentions if m.kind in ("year", "date")), default=0)
    years = [m.value for m in table.inside(tuple(range(start, end)), {"year", "date"})]
    return any(y and y < latest - HISTORY_YEARS for y in years)


def _before_aside(doc: Any, i: int, start: int) -> int:
    """The token before "où", past a comma and a bracketed aside: "à Charlotte (Caroline du
    Nord) où"."""
    k = i - 1
    if k > start and doc[k].text == ",":
        k -= 1
    if k > start and doc[k].text == ")":
        while k > start and doc[k].text != "(":
            k -= 1
        k -= 1
    return k


def _named_subject(article: Article, verb: Any, banned: set[int]) -> Subject | None:
    """The subject of a clause the parser took for a complement of an earlier verb (after a
    cleft's aside): a named person or a noun, never a pronoun."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].pos_ not in ("PROPN", "NOUN"):
        return None
    subj = subjects[0]
    if any(c.dep_ in ("conj", "case") for c in subj.children):
        return None
    tokens = phrase_tokens(subj, banned)
    if not tokens:
        return None
    gender, number = noun_gender(subj), morph(subj, "Number", "Sing")
    return Subject(Phrase(subj.dep_, subj.i, tokens), article.surface(tokens), gender, number)


def _rebuilt(
    article: Article, sent: Any, verb: Any, outside: set[int], persons_of: PersonsOf
) -> Clause | None:
    """The verb's clause without the tokens `outside` it (the relative, the cleft)."""
    doc = article.doc
    chain = verb_chain(verb)
    group = verb_group(chain)
    finite = finite_token(doc, group)
    if finite is None or is_negated(chain) or group[0] < max(outside):
        return None
    banned = {i for r in attribution_spans(sent) for i in r} | outside
    subject, _, _ = _subject_of(article, verb, banned, None, persons_of, {})
    if subject is None and verb.dep_ == "ccomp":
        subject = _named_subject(article, verb, banned)  # "que X ..." hung on a verb before
    if subject is None or subject.resolved or subject.phrase.start > finite:
        return None  # "où s'ouvre la convention": an inverted subject the question cannot keep
    if subject.phrase.start < max(outside):
        return None
    phrases = [
        p
        for p in clause_phrases(article, chain, banned, subject, group)
        if not outside.intersection(p.tokens)
    ]
    kept = set(group) | set(subject.phrase.tokens) | {t for p in phrases for t in p.tokens}
    if any(p.start < subject.phrase.start for p in phrases) or not is_coherent(doc, kept, banned):
        return None
    if any(c.dep_ in ("xcomp", "ccomp") and c.i not in kept for c in chain[-1].children):
        return None
    return Clause(
        (sent.start, sent.end), chain[-1].i, finite, tuple(group), subject, tuple(phrases)
    )
