"""Where an event noun phrase ends and the facts it carries: "la visite de Shoigu, le
ministre russe de la défense, en Corée du Nord en juillet" is the visit, its place and its
date; "une réunion du Conseil de sécurité convoquée par la Russie pour protester ..." is the
meeting and who convened it, for what. Read left to right, because the parser often hangs
"en Corée du Nord" on the apposition rather than on the event. Also where the phrase stands
(after a time preposition, or as the subject) and whose "sa visite" is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factquiz.generate.clauses import morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.targets import MentionTable
from factquiz.text import fold_basic

Where = tuple[Mention, tuple[int, ...]]  # a place or date and its tokens with the preposition
Facts = tuple["Where | None", "Where | None"]  # the place and the date of an event
OF = {"de", "d'", "du", "des"}
_PLACE_CASES = {"à", "en", "au", "aux", "dans"}
_DATE_CASES = {"en", "le", "l'", "dès"}
# Participles that date or place the event itself ("survenu en 1912", "tenue à Genève",
# "l'attentat commis à Nice"); never "prévu", which an event may not keep.
_OCCURRED = {
    "survenir", "intervenir", "tenir", "dérouler", "produire", "organiser", "réunir",
    "disputer", "célébrer", "commettre", "perpétrer", "lancer",
}  # fmt: skip


def complements_end(doc: Any, noun: Any, limit: int, table: MentionTable) -> int:
    """The end of the event's own words: adjectives, then "de X" complements ("de la Corée
    du Nord", "du Conseil de sécurité de l'ONU"), then an agent "par Moscou"."""
    k = noun.i + 1
    while k < limit and doc[k].pos_ == "ADJ" and doc[k].head.i == noun.i:
        k += 1
    while k < limit and doc[k].lower_ in OF | {"par", "entre"}:
        after = nominal_end(doc, k + 1, limit, table)
        if after is not None and doc[k].lower_ == "entre":
            joined = after < limit and doc[after].lower_ == "et"  # "entre Kim et Poutine"
            after = nominal_end(doc, after + 1, limit, table) if joined else None
        if after is None:
            break
        k = after
    return k


def nominal_end(doc: Any, k: int, limit: int, table: MentionTable) -> int | None:
    """The end of a name or a short noun phrase starting at k ("l'Ukraine", "la défense")."""
    if k < limit and doc[k].pos_ == "DET" and doc[k].lower_ in ("le", "la", "les", "l'"):
        k += 1
    names = [m for m in table.by_token.get(k, []) if m.start == k and m.kind in ENTITY]
    if names:
        return max(m.end for m in names)
    if k >= limit or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    k += 1
    while k < limit and doc[k].pos_ == "ADJ":
        k += 1
    return k


ENTITY = {"person", "organisation", "place", "name"}


def past_apposition(doc: Any, k: int, limit: int) -> int:
    """Past ", le ministre russe de la défense," after a name: a short aside closed by a comma."""
    if k >= limit or doc[k].text != "," or k + 1 >= limit or doc[k + 1].pos_ != "DET":
        return k
    for j in range(k + 2, min(limit, k + 10)):
        if doc[j].text == ",":
            return j + 1
        if doc[j].pos_ in ("VERB", "AUX", "PRON", "CCONJ") or doc[j].text in "()«»":
            return k
    return k


def place_at(
    doc: Any, k: int, limit: int, table: MentionTable
) -> tuple[tuple[Mention, tuple[int, ...]] | None, int]:
    """ "en Corée du Nord", "au cosmodrome de Vostochny": the place phrase at k, if any."""
    if k >= limit or doc[k].lower_ not in _PLACE_CASES:
        return None, k
    for j in range(k + 1, min(limit, k + 6)):
        places = [m for m in table.by_token.get(j, []) if m.start == j and m.kind == "place"]
        if places:
            m = places[0]
            return (m, tuple(range(k, m.end))), m.end
        if doc[j].pos_ not in ("DET", "NOUN", "ADJ") and doc[j].lower_ not in OF:
            break
    return None, k


def date_at(
    doc: Any, k: int, limit: int, table: MentionTable
) -> tuple[tuple[Mention, tuple[int, ...]] | None, int]:
    """ "en juillet", "le 13 septembre", "en 2022": the date at k, if any."""
    j = k + 1 if k < limit and doc[k].lower_ in _DATE_CASES else k
    dates = [m for m in table.by_token.get(j, []) if m.start == j and m.kind in DATE_KINDS]
    if not dates or j == k and dates[0].kind != "date":
        return None, k
    m = dates[0]
    return (m, tuple(range(k, m.end))), m.end


DATE_KINDS = {"date", "year", "month"}


def occurred_facts(doc: Any, noun: Any, k: int, limit: int, table: MentionTable) -> Facts | None:
    """ "survenu en 1912", "réuni à Nice": a participle agreeing with the event noun that
    places or dates the event itself, whatever the sentence does with it."""
    if k >= limit or doc[k].pos_ != "VERB" or doc[k].lemma_ not in _OCCURRED:
        return None
    if not agrees(doc[k], noun):
        return None
    place, j = place_at(doc, k + 1, limit, table)
    date, j = date_at(doc, j, limit, table)
    if place is None:
        place, j = place_at(doc, j, limit, table)
    return (place, date) if place or date else None


@dataclass(frozen=True)
class Agent:
    """Who did the event ("convoquée par la Russie"): the named agent, the participle, and
    what follows the agent: a purpose ("pour protester contre ...") or what a document is
    about ("sur « Les revenus des ménages »")."""

    mention: Mention
    participle: int
    purpose: tuple[int, ...] = ()
    about: tuple[int, ...] = ()


def agent_at(doc: Any, noun: Any, k: int, limit: int, table: MentionTable) -> Agent | None:
    """ "convoquée par la Russie pour protester contre ...": a participle agreeing with the
    event noun, its named agent, and the purpose or the subject that follows."""
    part = doc[k] if k < limit else None
    if part is None or part.pos_ != "VERB" or morph(part, "VerbForm", "") != "Part":
        return None
    if not agrees(part, noun) or k + 1 >= limit or doc[k + 1].lower_ != "par":
        return None
    end = nominal_end(doc, k + 2, limit, table)
    agents = [m for m in table.mentions if m.kind in ENTITY and m.end == end]
    if end is None or not agents or agents[0].start > k + 3 or _overrun(doc, agents[0]):
        return None
    if end >= limit or doc[end].lower_ not in ("pour", "afin", "sur"):
        return Agent(agents[0], k)
    stop = next((j for j in range(end, limit) if doc[j].text in ",;:()"), limit)
    while stop > end and (
        doc[stop - 1].is_punct and doc[stop - 1].text != "»" or doc[stop - 1].is_space
    ):
        stop -= 1
    rest = tuple(range(end, stop))
    last = doc[rest[-1]]
    if len(rest) < 2 or last.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and last.text != "»":
        return None  # "pour protester contre les": the sentence breaks off
    if doc[end].lower_ == "sur":
        return Agent(agents[0], k, about=rest)
    return Agent(agents[0], k, purpose=rest)


def _overrun(doc: Any, m: Mention) -> bool:
    """ "Cour des comptes sur « Les finances »": a name the entity tagger ran into the next
    phrase."""
    return any(doc[t].is_punct or doc[t].lower_ in ("sur", "pour", "afin") for t in m.tokens)


def agrees(part: Any, noun: Any) -> bool:
    """The participle describes the event noun: it agrees with it, not with a complement of
    another gender, and the parser hangs it there ("le procès de l'attentat commis à Nice":
    the attack was committed there, not the trial)."""
    gender, number = noun_gender(noun), morph(noun, "Number", "Sing")
    agreed = morph(part, "Gender", gender) == gender and morph(part, "Number", number) == number
    return agreed and part.head.i == noun.i


# What introduces an event as the time of another fact ("après la visite", "lors du sommet").
_TIME_INTRODUCER = re.compile(
    r"(?:^|\s)(?:apres|avant|depuis|pendant|durant|des|lors de|suite a|a la suite de"
    r"|en marge de|au cours de|a l'occasion de|au moment de|au lendemain de|a la veille de)$"
)
# Time phrases ending in "de": a "des" after them is "de" + "les", a definite plural.
TAKES_DE = {"lors", "cours", "suite", "marge", "occasion", "moment", "lendemain", "veille"}
_CONTRACTION_CASE = {"du": "de", "des": "de", "au": "à", "aux": "à"}


def time_or_subject(doc: Any, sent: Any, noun: Any, start: int) -> bool:
    """The event dates another fact ("après la visite", "lors du sommet") or is the subject
    of its sentence: its date and place are its own, not a verb's."""
    if noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.i > noun.i:
        return True
    return bool(time_introducer(doc, sent, start))


def time_introducer(doc: Any, sent: Any, start: int) -> str:
    """The time preposition before the determiner at `start`, folded ("apres", "lors de"),
    or ""."""
    det = doc[start].lower_
    before = [doc[j].text for j in range(max(sent.start, start - 5), start)]
    lead = fold_basic(" ".join(before)).replace(" '", "'")
    if det in _CONTRACTION_CASE:
        lead = f"{lead} {fold_basic(_CONTRACTION_CASE[det])}"
    elif det in ("une", "un") and lead.endswith((" d", " de")):
        lead = lead.rsplit(" ", 1)[0] + " de"
    found = _TIME_INTRODUCER.search(lead)
    return found.group().strip() if found else ""


POSSESSIVE = {"son", "sa", "ses", "leur", "leurs"}
_MEETINGS = {"rencontre", "entretien", "réunion", "discussion", "négociation", "sommet"}
_NAME_VOWEL = re.compile(r"^[AEIOUYÀÂÉÈÊÎÔÛ]")


def owners_of(
    article: Article, sent: Any, noun: Any, start: int, table: MentionTable
) -> tuple[str, ...]:
    """Whose event "sa visite" or "leur rencontre" is, when the sentence says it: a
    possessive in a time phrase that opens the sentence refers to the subject of its verb
    ("Lors de sa visite à Pékin, Emmanuel Macron a ..." is Macron's visit). Only a subject
    that is one named person, or two for "leur" ("Kim et Poutine"); () otherwise."""
    doc = article.doc
    root = sent.root
    if start - sent.start > 4 or noun.i > root.i or noun.dep_.startswith("nsubj"):
        return ()  # "Sa visite a duré trois jours": his, from the sentence before
    after = noun.i + 1
    while after < sent.end and doc[after].pos_ == "ADJ":
        after += 1
    if (
        after >= sent.end
        or doc[after].lower_ in ("de", "d'", "du", "des")
        or not time_or_subject(doc, sent, noun, start)
    ):
        return ()  # "sa visite de l'usine" would read "la visite de Macron de l'usine"
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < root.i]
    if len(subjects) != 1:
        return ()
    span = tuple(t.i for t in subjects[0].subtree)
    people = tuple(m.text for m in table.inside(span, {"person"}))
    wanted = 1 if doc[start].lower_ in ("son", "sa", "ses") else 2
    return people if len(people) == wanted else ()


def owner_phrase(noun: Any, people: tuple[str, ...]) -> str:
    """ "d'Emmanuel Macron", "entre Kim et Poutine" for a meeting."""
    both = " et ".join(people)
    if len(people) == 2 and noun.lemma_ in _MEETINGS:
        return f"entre {both}"
    return f"d'{both}" if _NAME_VOWEL.match(both) else f"de {both}"


# Event nouns that are feminine: "leur rencontre" or "une réunion" show no gender to read.
FEMININE = frozenset(
    " ".join((
        "visite rencontre réunion conférence invasion attaque offensive frappe incursion",
        "collision explosion éruption inondation élection signature adoption annexion",
        "arrestation exécution manifestation grève émeute audience condamnation inauguration",
        "cérémonie commémoration libération démission nomination investiture victoire défaite",
        "finale exposition découverte publication négociation discussion fusillade évacuation",
        "décision annonce résolution loi étude enquête plainte pétition",
    )).split()
)  # fmt: skip


def event_gender(noun: Any) -> str:
    """The gender of an event noun, from the closed list: "leur rencontre" or "une réunion"
    show none the tagger can read."""
    return "Fem" if noun.lemma_.casefold() in FEMININE else "Masc"
