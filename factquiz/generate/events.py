"""Events named by a noun phrase, asked for their date, place or agent.

News French packs facts into noun phrases the clause extractor never asks about: "après la
visite de Shoigu en Corée du Nord en juillet" says when the visit took place, "lors d'une
réunion du Conseil de sécurité convoquée par la Russie" who convened it. Each such phrase is
asked as an event: "Quand a eu lieu la visite de Shoigu en Corée du Nord ?", "Par qui la
réunion du Conseil de sécurité a-t-elle été convoquée ?".

Precision first. A date or place is the event's only when the phrase says so unambiguously:
the event is what a time preposition introduces ("après", "lors de", "depuis"), the subject
of its sentence, or dated by its own participle ("survenu en 1912"); an event that is the
object of a verb ("a annoncé la visite de X en juillet") may be dated by the verb instead.
The event must be one event, the article's own, not history a student knows without reading:
it names a person or an organisation ("le match à Wimbledon" or "les élections municipales en
mars" could be many), and no year in it lies more than a decade before the article's latest year
("l'effondrement de l'Union soviétique en 1991" in a 2024 article is a textbook fact); an
event dated by a bare year before the article's own is background, asked for its year only
when it is the news ("l'élection de Donald Trump en 2016" in a 2024 article is not). A
demonstrative ("cette visite") names no one the student can find; a possessive only when the
sentence it opens names its owner as subject ("Lors de sa visite à Pékin, Emmanuel Macron
..."). Where a gathering met is not asked when it is only the setting of the news (readers
called the venue of a congress peripheral), nor who wrote a report when a body did (guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from factquiz.generate.clauses import morph
from factquiz.generate.document import Article
from factquiz.generate.event_phrases import (
    DATE_KINDS,
    POSSESSIVE,
    TAKES_DE,
    Agent,
    Where,
    agent_at,
    complements_end,
    date_at,
    event_gender,
    occurred_facts,
    owner_phrase,
    owners_of,
    past_apposition,
    place_at,
    time_introducer,
    time_or_subject,
)
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import Question, askable_sentences
from factquiz.generate.targets import MentionTable, without_article
from factquiz.text import fold_basic


def _lemmas(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Nouns that name something that happens at a time and a place (lemmas).
EVENT_NOUNS = _lemmas(
    "visite voyage déplacement rencontre réunion sommet entretien conférence congrès forum "
    "invasion attaque attentat offensive bombardement frappe assaut incursion "
    "naufrage accident collision explosion incendie séisme éruption inondation "
    "élection scrutin référendum vote signature adoption annexion arrestation assassinat "
    "enlèvement exécution manifestation grève émeute procès audience condamnation "
    "lancement tir essai inauguration cérémonie centenaire commémoration défilé exercice "
    "retrait libération démission nomination investiture victoire défaite match finale "
    "tournoi championnat concert festival salon exposition découverte publication "
    "négociation pourparlers discussion fusillade évacuation"
)
# Things decided or signed at a date ("la décision de l'UNESCO, le 28 juin, d'inscrire ...").
DECISION_NOUNS = _lemmas("décision annonce résolution accord traité loi décret")
# Documents asked for who made them ("un rapport établi par l'INSEE sur ...").
DOCUMENT_NOUNS = _lemmas("rapport étude enquête sondage communiqué bilan pétition plainte")
_DEFINITE = {"le": "le", "la": "la", "les": "les", "l'": "l'", "du": "le", "au": "le", "aux": "les"}
_NAMED = {"person", "organisation"}
# A journey goes somewhere rather than taking place there: "Où a eu lieu le voyage" is no French.
_JOURNEYS = {"voyage", "déplacement", "retrait", "évacuation"}
# Gatherings: where one met is peripheral when the sentence's news is what happened there.
_GATHERINGS = _lemmas(
    "réunion sommet conférence congrès forum salon festival concert cérémonie audience "
    "entretien rencontre discussion négociation pourparlers exposition tournoi championnat"
)
HISTORY_YEARS = 10  # an event a decade older than the article's news is history


@dataclass(frozen=True)
class Event:
    """An event noun phrase and the facts it carries: the words that name the event, and
    where its place, date and convening agent lie."""

    noun: int
    named: tuple[int, ...]  # the tokens naming the event, determiner first
    determiner: str  # the definite article the question gives it
    place: Where | None = None
    date: Where | None = None
    agent: Agent | None = None
    owners: tuple[str, ...] = ()  # "Emmanuel Macron" for "sa visite" when he is the subject


def event_questions(
    article: Article, table: MentionTable, existing: list[Question]
) -> list[Question]:
    """When, where and by whom the events named in noun phrases took place ("Quand a eu
    lieu la visite de Shoigu en Corée du Nord ?" -> "juillet")."""
    taken = {q.prompt for q in existing}
    latest = max((m.value for m in table.mentions if m.value and m.kind in _YEARS), default=0)
    dated = _dated_events(article, table)
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for tok in sent:
            event = _event_at(article, sent, tok, table)
            if event is None or not _own_news(article, event, table, latest):
                continue
            if _dated_twice(event, table, dated, tok.lemma_):
                event = replace(event, date=None, place=None)
            for question in _questions(article, event, sent, quote):
                if question.prompt not in taken:
                    out.append(question)
                    taken.add(question.prompt)
    return out


_YEARS = {"year", "date"}
NEAR = 8  # tokens after an event's own words where its date stands


@dataclass(frozen=True)
class Dated:
    """One dated mention of an event noun: its lemma, date, and the people or bodies named
    in it (none for "leur rencontre")."""

    noun: int
    lemma: str
    date: str
    names: frozenset[str]


def _dated_events(article: Article, table: MentionTable) -> list[Dated]:
    """Every event noun of the article with the date that follows its own words."""
    out: list[Dated] = []
    doc = article.doc
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.casefold() not in EVENT_NOUNS:
            continue
        after = complements_end(doc, tok, tok.sent.end, table)
        end = min(tok.sent.end, after + NEAR)
        near = [m for j in range(after, end) for m in table.by_token.get(j, [])]
        first = next((m for m in near if m.kind in DATE_KINDS and m.end <= end), None)
        if first is not None:
            names = _names(table, tok.i, after)
            start = _determiner_at(doc, tok.sent, tok)
            if doc[start].lower_ in POSSESSIVE:  # "sa visite" is Macron's when he is the subject
                owners = owners_of(article, tok.sent, tok, start, table)
                names = frozenset(fold_basic(p) for p in owners) if owners else names
            out.append(Dated(tok.i, tok.lemma_, fold_basic(first.text), names))
    return out


def _names(table: MentionTable, start: int, end: int) -> frozenset[str]:
    return frozenset(
        fold_basic(m.text) for m in table.inside(tuple(range(start, end)), _NAMED | {"place"})
    )


def _dated_twice(event: Event, table: MentionTable, dated: list[Dated], lemma: str) -> bool:
    """The article dates another event of the same kind differently, and nothing in the
    question tells them apart ("leur première rencontre depuis 2019" beside "la rencontre
    entre Kim et Poutine en septembre"; "la visite de Dupont" is not "la visite de Martin")."""
    own = _names(table, event.named[0], event.named[-1] + 1)
    own |= {fold_basic(p) for p in event.owners}
    date = fold_basic(event.date[0].text) if event.date else ""
    return any(
        d.lemma == lemma
        and d.noun != event.noun
        and d.date != date
        and (not d.names or d.names & own)
        for d in dated
    )


def _event_at(article: Article, sent: Any, tok: Any, table: MentionTable) -> Event | None:
    """The event phrase headed by `tok`, when its date or place is surely the event's."""
    doc = article.doc
    lemma = tok.lemma_.casefold()
    if tok.pos_ != "NOUN" or lemma not in EVENT_NOUNS | DECISION_NOUNS | DOCUMENT_NOUNS:
        return None
    start = _determiner_at(doc, sent, tok)
    det = doc[start].text.casefold()
    indefinite = det in ("une", "un") and start > sent.start and doc[start - 1].pos_ == "ADP"
    if det == "des" and start > sent.start and doc[start - 1].lower_ in TAKES_DE:
        det = "les"  # "lors des élections": "de" + "les"; "après des élections" is indefinite
    owners = owners_of(article, sent, tok, start, table) if det in POSSESSIVE else ()
    if owners:
        plural = morph(tok, "Number", "Sing") == "Plur"
        det = "les" if plural else "la" if event_gender(tok) == "Fem" else "le"
    if det not in _DEFINITE and not indefinite:
        return None  # "leur rencontre", "cette visite", "une visite": no one the student finds
    end = complements_end(doc, tok, sent.end, table)
    determiner = _DEFINITE.get(det, "la" if event_gender(tok) == "Fem" else "le")
    if lemma in DECISION_NOUNS:
        return _decision(doc, tok, range(start, end), determiner, sent, table)
    if lemma in DOCUMENT_NOUNS:  # "une étude menée par Jean Dupont": asked only who made it
        agent = agent_at(doc, tok, end, sent.end, table)
        if agent is None or agent.mention.kind != "person":
            return None  # "un rapport établi par l'INSEE": the body whose trade it is, guessed
        return Event(tok.i, tuple(range(start, end)), determiner, agent=agent)
    k = past_apposition(doc, end, sent.end)
    place, k = place_at(doc, k, sent.end, table)
    date, k = date_at(doc, k, sent.end, table)
    if place is None and date is not None:
        place, k = place_at(doc, k, sent.end, table)
    place, date = _not_the_verbs(doc, tok, place), _not_the_verbs(doc, tok, date)
    agent = agent_at(doc, tok, k, sent.end, table)
    occurred = None if agent else occurred_facts(doc, tok, k, sent.end, table)
    if occurred is not None:
        place, date = place or occurred[0], date or occurred[1]
    event = Event(tok.i, tuple(range(start, end)), determiner, place, date, agent, owners)
    if indefinite and agent is None:
        return None  # "une visite" made definite needs the participle that singles it out
    if agent is None and occurred is None and not time_or_subject(doc, sent, tok, start):
        return None
    return event if place or date or agent else None


def _determiner_at(doc: Any, sent: Any, noun: Any) -> int:
    """Where the event's determiner stands, past adjectives before the noun ("la première
    visite")."""
    start = noun.i - 1
    while start > sent.start and doc[start].pos_ == "ADJ" and doc[start].head.i == noun.i:
        start -= 1
    return start


def _not_the_verbs(doc: Any, noun: Any, found: Where | None) -> Where | None:
    """The place or date, unless the parser hangs it on a verb of the sentence ("a reçu
    Poutine après la visite de Shoigu le 13 septembre": received then, or visited then?)."""
    if found is None:
        return None
    m = found[0]
    root = next((doc[t] for t in m.tokens if doc[t].head.i not in m.tokens), doc[m.start])
    head = root.head
    return None if head.pos_ in ("VERB", "AUX") and head.i != noun.i else found


def _decision(
    doc: Any, noun: Any, named: range, determiner: str, sent: Any, table: MentionTable
) -> Event | None:
    """ "la décision de l'UNESCO, le 28 juin dernier, d'inscrire la ville ...": a decision
    dated in an aside, with what it decided; asked "De quand date la décision ... ?"."""
    k = named.stop
    if k >= sent.end or doc[k].text != ",":
        return None
    date, j = date_at(doc, k + 1, sent.end, table)
    while date is not None and j < sent.end and doc[j].lower_ in ("dernier", "dernière"):
        j += 1
    if date is None or j + 2 >= sent.end or doc[j].text != ",":
        return None
    if doc[j + 1].lower_ not in ("de", "d'") or morph(doc[j + 2], "VerbForm", "") != "Inf":
        return None
    stop = next((i for i in range(j + 1, sent.end) if doc[i].text in ",;:()«»"), sent.end)
    while stop > j + 1 and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    words = (*named, *range(j + 1, stop))
    if not time_or_subject(doc, sent, noun, named.start):
        return None
    return Event(noun.i, words, determiner, None, date, None)


def _own_news(article: Article, event: Event, table: MentionTable, latest: int) -> bool:
    """The article's own event, not history: a person or an organisation is named in it or
    asked for as its agent; never a year more than a decade back,
    nor a bare year before the article's own ("l'élection de Donald Trump en 2016" in a 2024
    article is background that general culture carries, not the news)."""
    date = event.date[0] if event.date else None
    inside = [m for t in event.named for m in table.by_token.get(t, []) if m.start == t]
    years = [m.value for m in inside + ([date] if date else []) if m.value]
    if latest and any(y < latest - HISTORY_YEARS for y in years):
        return False
    if latest and date is not None and date.kind == "year" and (date.value or 0) < latest - 1:
        return False
    # "le match à Wimbledon", "les élections municipales en mars": which one? A person or a
    # body named in the event, or asked for as its agent, says which; "Par qui la réunion
    # a-t-elle été convoquée ?" still needs what the meeting was or was for.
    agent = event.agent
    described = agent is not None and (len(event.named) > 2 or agent.purpose or agent.about)
    return bool(event.owners) or bool(described) or any(m.kind in _NAMED for m in inside)


_WH_DATE = {"year": "En quelle année", "month": "En quel mois", "date": "Quand"}
_VOWEL = re.compile(r"^[aeiouyhàâéèêëîïôûAEIOUYHÀÂÉÈÊÎÔÛ]")


def _questions(article: Article, event: Event, sent: Any, quote: str) -> list[Question]:
    """The date, place and agent questions one event supports."""
    doc = article.doc
    noun = doc[event.noun]
    plural = morph(noun, "Number", "Sing") == "Plur"
    ahead = time_introducer(doc, sent, event.named[0]) in ("avant", "a la veille de")
    took_place = _took_place(sent, plural, ahead)
    if took_place is None:
        return []
    place = event.place[1] if event.place else ()
    date = event.date[1] if event.date else ()
    out: list[Question] = []

    def make(kind: str, prompt: str, answers: tuple[str, ...], m: Mention) -> None:
        if prompt.count("«") != prompt.count("»") or len(prompt.split()) > 30:
            return
        variants = tuple(dict.fromkeys(a for a in answers if a))
        out.append(
            Question(
                article.source_id, kind, prompt, (variants,), quote, sent.start, (m,),
                in_quotes=_quoted(sent, event.noun),
            )
        )  # fmt: skip

    if event.date is not None:
        m = event.date[0]
        phrase = _phrase(article, event, place)
        asked = f"{_WH_DATE[m.kind]} {took_place} {phrase} ?"
        if noun.lemma_ in DECISION_NOUNS:
            asked = f"De quand {'datent' if plural else 'date'} {phrase} ?"
        make(m.kind, asked, _date_answers(article, event.date), m)
    if event.place is not None and noun.lemma_ not in _JOURNEYS and not _venue(event, noun):
        m = event.place[0]
        phrase = _phrase(article, event, date)
        make("place", f"Où {took_place} {phrase} ?", _place_answers(article, event.place), m)
    if event.agent is not None:
        m, part, purpose = event.agent.mention, event.agent.participle, event.agent.purpose
        phrase = _phrase(article, event, place + date + event.agent.about)
        pronoun = ("elle" if event_gender(noun) == "Fem" else "il") + ("s" if plural else "")
        aux = "ont" if plural else "a"
        tail = f" {article.surface(purpose)}" if purpose else ""
        prompt = f"Par qui {phrase} {aux}-t-{pronoun} été {doc[part].text}{tail} ?"
        kind = "person" if m.kind == "person" else "organisation"
        agent_words = article.surface(range(part + 2, m.end))
        make(kind, prompt, (m.text, agent_words), m)
    return out


def _venue(event: Event, noun: Any) -> bool:
    """Where a gathering met, when it is only the setting of the sentence's news ("devant le
    congrès de la Mutualité réuni à Nice, François Hollande demandait ...": readers call Nice
    peripheral; the news is the demand). A gathering that is the subject keeps its place."""
    return noun.lemma_ in _GATHERINGS and not noun.dep_.startswith("nsubj")


def _quoted(sent: Any, i: int) -> bool:
    """The event is named inside someone's quoted words: their claim, not the article's."""
    before = [t.text for t in sent if t.i < i]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1


def _took_place(sent: Any, plural: bool, ahead: bool) -> str | None:
    """ "a eu lieu", or "aura lieu" in a sentence about the future; None when the sentence
    is conditional ("aurait lieu"), where the event may not happen at all, or when an event
    "avant" which the sentence tells in the present or past may be to come or gone."""
    chain = [sent.root, *(c for c in sent.root.children if c.dep_.startswith("aux"))]
    if any(morph(t, "Mood", "") == "Cnd" for t in chain):
        return None
    if any(morph(t, "Tense", "") == "Fut" for t in chain):
        return "auront lieu" if plural else "aura lieu"
    if ahead:
        return None
    return "ont eu lieu" if plural else "a eu lieu"


def _phrase(article: Article, event: Event, extra: tuple[int, ...]) -> str:
    """The event's words with the definite article it takes in a question: "la réunion du
    Conseil de sécurité" for "une réunion du Conseil de sécurité"."""
    words = [t for t in event.named[1:]] + list(extra)
    rest = article.surface(words)
    if event.owners:  # "la visite" + "d'Emmanuel Macron" + "à Pékin"
        owner = owner_phrase(article.doc[event.noun], event.owners)
        head = [t for t in words if t <= event.noun or t in event.named and _is_adj(article, t)]
        tail = [t for t in words if t not in head]
        rest = " ".join(x for x in (article.surface(head), owner, article.surface(tail)) if x)
    det = event.determiner
    if det in ("le", "la") and _VOWEL.match(rest):
        return f"l'{rest}"
    return f"{det} {rest}" if det != "l'" else f"l'{rest}"


def _is_adj(article: Article, t: int) -> bool:
    return article.doc[t].pos_ == "ADJ"


def _date_answers(article: Article, date: tuple[Mention, tuple[int, ...]]) -> tuple[str, ...]:
    m, tokens = date
    return (m.text, without_article(m.text), article.surface(tokens))


def _place_answers(article: Article, place: tuple[Mention, tuple[int, ...]]) -> tuple[str, ...]:
    """ "au cosmodrome de Vostochny" is answered "le cosmodrome de Vostochny" or "Vostochny"."""
    m, tokens = place
    case = article.doc[tokens[0]].lower_
    rest = article.surface(tokens[1:])
    article_of = {"au": "le ", "aux": "les "}.get(case, "")
    return (f"{article_of}{rest}", m.text, article.surface(tokens))
