"""Questions built on the claims of an article, each with its answers and its quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from factquiz.generate.claims import sentences
from factquiz.generate.clauses import (
    SPEECH_VERBS,
    Clause,
    Phrase,
    is_garbled,
)
from factquiz.generate.context_clauses import with_context
from factquiz.generate.document import Article
from factquiz.generate.fidelity import (
    answers_whole,
    in_range_or_relative,
    left_out,
    may_go,
    reads_whole,
)
from factquiz.generate.mentions import Mention
from factquiz.generate.participles import STATE_VERBS
from factquiz.generate.realise import ask, lower_initial
from factquiz.generate.targets import (
    MentionTable,
    Target,
    actor_place_target,
    agent_target,
    cleft_target,
    organisation_target,
    person_target,
    place_target,
    subject_thing_target,
    thing_target,
)
from factquiz.generate.when_how_many import date_target, number_target

# Answers a question can leave out when another question on the clause asks for them.
LEAN_KINDS = {"date", "year", "month", "day", "place", "number", "direction"}
WHEN_WHERE = LEAN_KINDS - {"number"}
# Verbs that report words; "craindre" or "penser" say what someone fears or thinks, which is
# no attribution question.
MAX_PROMPT_WORDS = 34  # the ranking's length limit
REPORTING_VERBS = SPEECH_VERBS - {"craindre", "penser", "croire", "supposer", "juger"}
SKILLS = {
    "person": "who", "organisation": "who", "place": "where", "direction": "where",
    "date": "when", "year": "when", "month": "when", "day": "when", "number": "number",
    "thing": "what", "speaker": "attribution", "role": "who",
}  # fmt: skip
# Words that only make sense on the day the article was written.
DEICTIC = re.compile(
    r"\b(?:hier|aujourd'hui|demain|ce matin|ce soir|cette nuit|cette semaine|cette année"
    r"|l'année dernière|l'an dernier|la semaine dernière|le mois dernier|du mois dernier"
    r"|ces derniers (?:jours|mois)|ces dernières semaines)\b",
    re.I,
)
ShortForm = Callable[[str], "str | None"]
PlaceClass = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Question:
    """A question before ranking, with everything the bank item needs."""

    source_id: str
    kind: str
    prompt: str
    answers: tuple[tuple[str, ...], ...]
    quote: str
    sentence: int
    mentions: tuple[Mention, ...] = ()
    in_quotes: bool = False
    resolved: bool = False
    framed: bool = False
    identity: bool = False  # "Qui est le porte-parole du Kremlin ?"
    require: str = "any"
    vague_subject: bool = False
    topic: str = ""  # questions on one topic (a person's identity) are asked once
    clitic: bool = False  # "prévoit de les attaquer": the prompt points back to unnamed things
    lean: bool = False  # asked without the clause's other dates, places and numbers
    crowded: bool = False  # holds an answer that another question on the clause asks for

    @property
    def skill(self) -> str:
        return SKILLS[self.kind]


def quote_of(article: Article, start: int, end: int) -> str:
    """The article's words from token start to end-1, on one line."""
    doc = article.doc
    while end > start and doc[end - 1].is_space:
        end -= 1
    first, last = doc[start], doc[end - 1]
    return " ".join(article.text[first.idx : last.idx + len(last.text)].split())


def clause_questions(
    article: Article,
    clause: Clause,
    table: MentionTable,
    short_form: ShortForm,
    place_class: PlaceClass,
) -> list[Question]:
    """Every question one clause supports, one per phrase that has a typed answer, each also
    in a lean form without the other answerable phrases (when it can do without them), so two
    questions on one clause need not give each other's answers away."""
    start = clause.evidence_start if clause.evidence_start is not None else clause.sentence[0]
    quote = quote_of(article, start, clause.sentence[1])
    targets = []
    for phrase, subject in [(clause.subject.phrase, True)] + [(p, False) for p in clause.phrases]:
        if subject and clause.subject.resolved:
            continue
        target = _target(article, clause, phrase, table, short_form, place_class, subject)
        if target is not None and (not subject or _says_more(clause, target, article.doc)):
            targets.append((target, subject))
    optional = [
        target for target, subject in targets
        if not subject and target.kind in LEAN_KINDS and len(target.removed) <= 6
        and may_go(article, clause, target)
    ]  # fmt: skip
    # "par le Conseil de sécurité": a passive reads whole without its agent, so a when,
    # where or how-many question may leave out the agent another question asks for.
    agents = [t for t, subject in targets if not subject and t.wh.words == "Par qui"]
    out: list[Question] = []
    for target, subject in targets:
        lean = target.removed | left_out(target, optional)
        if not subject and target.kind in LEAN_KINDS:
            lean |= left_out(target, agents)
        has_lean = lean != target.removed and (
            not subject or _says_more(clause, replace(target, removed=lean), article.doc)
        )
        question = _question(article, clause, target, subject, quote, target.removed)
        if question is not None:
            out.append(replace(question, crowded=has_lean))
        if has_lean:
            question = _question(article, clause, target, subject, quote, lean)
            if question is not None:
                out.append(replace(question, lean=True))
    return out


def _question(
    article: Article, clause: Clause, target: Target, subject: bool, quote: str,
    removed: frozenset[int],
) -> Question | None:  # fmt: skip
    kind = target.kind
    if subject and article.doc[clause.verb].lemma_ in REPORTING_VERBS and kind in (
        "person", "organisation", "place"
    ):  # fmt: skip
        kind = "speaker"
    if not reads_whole(article, clause, removed):
        return None
    if in_range_or_relative(article.doc, clause, target.removed):
        return None
    if not answers_whole(target.answers):
        return None
    if kind == "year" and _dateline_year(article, target):
        return None  # the article's own year: read off its date, not learned from it
    # "Où Poutine se rendra-t-il ?" has many answers; with "pour discuter des échanges
    # commerciaux", one: a when or where question keeps the clause's purpose.
    told = with_context(article, clause) if kind in LEAN_KINDS and not subject else clause
    if told is None:
        if kind in WHEN_WHERE:
            return None  # "En quel mois la Russie a-t-elle utilisé son droit de veto ?": which?
        told = clause
    prompt = ask(article, told, set(removed) | _deictic_phrases(article, clause), target.wh)
    if not prompt:
        return None
    # "Un total de 130 femmes", "Dans 70 villes": a capital that only began the sentence
    target = replace(
        target, answers=tuple(tuple(lower_initial(v) for v in a) for a in target.answers)
    )
    return Question(
        article.source_id, kind, prompt, target.answers, quote, clause.sentence[0],
        target.mentions, clause.in_quotes, clause.subject.resolved, clause.frame is not None,
        require=target.require, vague_subject=not subject and _anaphoric(article, clause),
        clitic=_object_clitic(article, clause),
    )  # fmt: skip


def _dateline_year(article: Article, target: Target) -> bool:
    """The answer is the year of the article's dateline ("1er novembre 2012. - ")."""
    from factquiz.generate.datelines import article_year  # datelines -> questions (DEICTIC)

    year = article_year(article)
    return year is not None and any(str(year) == v.strip() for v in target.answers[0])


def _deictic_phrases(article: Article, clause: Clause) -> set[int]:
    """ "hier", "ce matin": a time only the day's reader can place; the question holds
    without it ("a débuté hier, le 9 juin" asks "a débuté le 9 juin")."""
    doc = article.doc
    out: set[int] = set()
    for p in clause.phrases:
        if DEICTIC.fullmatch(article.surface(p.tokens)):
            out.update(p.tokens)
    for t in clause.group:
        if doc[t].pos_ == "ADV" and DEICTIC.fullmatch(doc[t].text):
            out.add(t)
    return out


_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en"}


def _object_clitic(article: Article, clause: Clause) -> bool:
    """An object pronoun in the verb group ("l'a rejoint", "de les attaquer")."""
    doc = article.doc
    return any(
        doc[t].pos_ == "PRON" and doc[t].text.casefold() in _CLITICS and doc[t].dep_ != "expl:comp"
        for t in clause.group
    )


def _says_more(clause: Clause, target: Target, doc: Any = None) -> bool:
    """Some phrase of the clause stays in a subject question besides the verb, and names
    something ("Qu'est-ce qui vient d'être publié ?" says nothing)."""
    kept = [t for p in clause.phrases for t in p.tokens if t not in target.removed]
    if doc is None:
        return bool(kept)
    return any(doc[t].pos_ in ("NOUN", "PROPN", "NUM") for t in kept)


def _anaphoric(article: Article, clause: Clause) -> bool:
    """A subject like "les photos" or "la rencontre" points back to what the article said."""
    doc = article.doc
    toks = [doc[t] for t in clause.subject.phrase.tokens]
    if clause.subject.resolved or len(toks) != 2:
        return False
    det, noun = toks
    return (
        det.pos_ == "DET"
        and noun.pos_ == "NOUN"
        and det.text.casefold() in ("le", "la", "les", "l'")
    )


# Verbs that say little alone: what someone "has" or "does" is no question.
_LIGHT_VERBS = {"avoir", "faire"}


def _target(
    article: Article,
    clause: Clause,
    phrase: Phrase,
    table: MentionTable,
    short_form: ShortForm,
    place_class: PlaceClass,
    subject: bool,
) -> Target | None:
    if phrase.dep in ("ccomp", "xcomp"):
        return None
    if clause.synthetic and not subject:
        return _participle_target(article, clause, phrase, table, short_form)
    if subject:
        target = (
            person_target(article, phrase, table, short_form, clause.subject.number)
            or organisation_target(article, phrase, table, True)
            or actor_place_target(article, phrase, table, place_class, clause.subject.number)
            or (cleft_target(article, phrase) if clause.subject.cleft else None)
            or subject_thing_target(article, phrase, table, clause.subject.number)
            or number_target(article, phrase, table, True)
        )
    else:
        target = (
            date_target(article, phrase, table)
            or number_target(article, phrase, table, False)
            or person_target(article, phrase, table, short_form, None)
            or (agent_target(article, phrase, table) if phrase.dep == "obl:agent" else None)
            or organisation_target(article, phrase, table, False)
            or place_target(article, clause, phrase, table)
            or actor_place_target(article, phrase, table, place_class, None)
            or thing_target(article, phrase, table)
        )
    if target is None or not _keeps_names_whole(target, table):
        return None
    if target.kind == "thing" and article.doc[clause.verb].lemma_ in _LIGHT_VERBS:
        return None  # "Qu'est-ce que Lyon a ?", "Qu'est-ce que les raffineurs font ?"
    passive = any(article.doc[t].dep_ == "aux:pass" for t in clause.group)
    if passive and target.wh.declarative:
        return None  # "Qu'est-ce que l'émission sera mise en ligne ?": a passive has no object
    return None if not subject and _cuts_noun_phrase(article, target) else target


def _cuts_noun_phrase(article: Article, target: Target) -> bool:
    """ "a battu la Polonaise [Agnieszka Radwanska]": the answer is the name apposed to a noun
    the question would keep, which no longer reads as French."""
    doc = article.doc
    first = min(target.removed)
    if first == 0:
        return False
    before = doc[first - 1]
    return before.pos_ in ("NOUN", "PROPN", "ADJ") and (
        before.head.i in target.removed or doc[first].head.i == before.i
    )


def _participle_target(
    article: Article, clause: Clause, phrase: Phrase, table: MentionTable, short_form: ShortForm
) -> Target | None:
    """A participle's own phrases asked for: its agent, date, quantity, or where a thing
    "est située"; "les biens de luxe destinés à la Corée du Nord" is no question."""
    target = date_target(article, phrase, table) or number_target(article, phrase, table, False)
    if target is None and phrase.dep == "obl:agent":
        target = person_target(article, phrase, table, short_form, None) or agent_target(
            article, phrase, table
        )
    if target is None and article.doc[clause.verb].lemma_ in STATE_VERBS:
        target = place_target(article, clause, phrase, table)
    return target if target is not None and _keeps_names_whole(target, table) else None


def _keeps_names_whole(target: Target, table: MentionTable) -> bool:
    """The hidden tokens never cut a name or date in two ("la Corée" | "du Nord")."""
    removed = target.removed
    for m in table.mentions:
        inside = sum(t in removed for t in m.tokens)
        if 0 < inside < len(m.tokens):
            return False
    return True


def askable_sentences(article: Article) -> list[tuple[Any, str]]:
    """The sentences questions may be drawn from (not mangled, not questions), with quotes."""
    return [
        (sent, quote_of(article, sent.start, sent.end))
        for sent in sentences(article)
        if not is_garbled(sent) and not sent.text.strip().endswith("?")
    ]
