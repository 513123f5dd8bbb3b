"""Where an event noun phrase ends and the facts it carries: "la visite de Shoigu, le
ministre russe de la défense, en Corée du Nord en juillet" is the visit, its place and its
date; "une réunion du Conseil de sécurité convoquée par la Russie pour protester ..." is the
meeting and who convened it, for what. Read left to right, because the parser often hangs
"en Corée du Nord" on the apposition rather than on the event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factquiz.generate.clauses import morph, noun_gender
from factquiz.generate.mentions import Mention
from factquiz.generate.targets import MentionTable

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
            other = nominal_end(doc, after + 1, limit, table) if after < limit else None
            after = other if doc[after].lower_ == "et" else None  # "entre Kim et Poutine"
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
