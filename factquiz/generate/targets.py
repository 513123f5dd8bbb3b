"""What a phrase can be asked about: its answer type, answers, and interrogative.

For each phrase of a clause: a person, an organisation, a place, a direction, a date, a
quantity or a key noun phrase. The type picks the interrogative (Qui, Quel(le)(s) + noun,
Où, Dans quelle direction, Quand, En quelle année, Combien de, Par qui, Qu'est-ce que)
and the answer with the variants a student would type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factquiz.generate.clauses import Clause, Phrase, morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.mentions import TITLES, Mention
from factquiz.generate.realise import Wh, bare_case, quel

LOCATIVE = {"à", "au", "aux", "en", "dans", "vers", "près de", "jusqu'", "à bord de"}
DEPARTURE = {"de", "d'", "depuis", "du", "des"}
DEPARTURE_VERBS = {"partir", "décoller", "quitter", "venir", "revenir", "rentrer", "sortir"}
PLACE_NOUNS = {
    "frontière", "gare", "ville", "base", "aéroport", "capitale", "région", "mer",
    "cosmodrome", "usine", "hôtel", "site", "musée", "station", "île", "province", "océan",
    "palais", "stade", "village", "quartier", "territoire", "côte", "fleuve", "rivière",
}  # fmt: skip
# Verbs whose "à X" is a purpose or a recipient, never where something is.
NOT_LOCATING = {
    "destiner",
    "vendre",
    "fournir",
    "offrir",
    "livrer",
    "envoyer",
    "donner",
    "appartenir",
}
DIRECTIONS = {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest"}
NAMED = {"person", "organisation", "place", "name"}
TIME_NOUNS = {"matin", "soir", "midi", "nuit", "jour", "heure", "heures", "semaine", "mois", "an"}
_VERB_PREPOSITIONS = {"à", "pour", "avec", "contre", "vers", "auprès", "par", "sur"}
# Heads of subjects that are people: "Qu'est-ce qui" does not ask for them.
HUMAN_NOUNS = {
    "responsable", "expert", "ministre", "président", "porte-parole", "dirigeant", "ouvrier",
    "journaliste", "analyste", "militaire", "soldat", "chef", "homme", "femme", "habitant",
    "candidat", "visiteur", "joueur", "médecin", "chercheur", "député", "leader", "personne",
}  # fmt: skip
VAGUE_HEADS = {
    "chose",
    "choses",
    "cela",
    "ceci",
    "ça",
    "fait",
    "façon",
    "manière",
    "cas",
    "point",
    "partie",
}


@dataclass(frozen=True)
class Target:
    """What a question asks for: kind, the answers with their variants, the tokens it hides."""

    kind: str
    answers: tuple[tuple[str, ...], ...]
    removed: frozenset[int]
    wh: Wh
    mentions: tuple[Mention, ...] = ()
    require: str = "any"


class MentionTable:
    """The typed mentions of one article, found by token."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.by_token: dict[int, list[Mention]] = {}
        for m in mentions:
            for t in m.tokens:
                self.by_token.setdefault(t, []).append(m)

    def inside(self, tokens: tuple[int, ...], kinds: set[str]) -> list[Mention]:
        """Mentions of these kinds lying wholly within the tokens."""
        toks = set(tokens)
        return [m for m in self.mentions if m.kind in kinds and set(m.tokens) <= toks]


def without_article(text: str) -> str:
    """ "la Russie" -> "Russie", "l'ONU" -> "ONU"."""
    for det in ("le ", "la ", "les ", "l'", "un ", "une ", "des ", "du "):
        if text.casefold().startswith(det) and len(text) > len(det) + 1:
            return text[len(det) :]
    return text


def _named(article: Article, phrase: Phrase, table: MentionTable, kinds: set[str]) -> list[Mention]:
    """Named mentions that are what the phrase designates: its head, the name apposed to its
    head ("le gouverneur régional Oleg Kozhemyako"), or names conjoined with those."""
    doc = article.doc
    heads = {phrase.head}
    found = []
    for m in sorted(table.inside(phrase.tokens, kinds), key=lambda m: m.start):
        root = next((doc[t] for t in m.tokens if doc[t].head.i not in m.tokens), doc[m.start])
        own_case = any(c.dep_ == "case" for c in root.children) and root.i != phrase.head
        named_head = root.i in heads or (
            root.dep_ in ("appos", "flat:name", "nmod") and root.head.i in heads and not own_case
        )  # fmt: skip
        conjoined = root.dep_ == "conj" and (
            root.head.i in heads or root.head.i in _tokens_of(found)
        )
        if named_head or conjoined:
            found.append(m)
            heads.add(root.i)
        elif root.dep_ == "conj" and root.head.dep_ == "conj" and not own_case:
            found.append(m)
    return found


def _tokens_of(mentions: list[Mention]) -> set[int]:
    return {t for m in mentions for t in m.tokens}


def cut_conjunct(article: Article, phrase: Phrase) -> bool:
    """ "entre Kim et [Poutine]": the phrase is the second of two conjuncts whose first stays
    in the question, which would read "entre Kim et ... ?"."""
    head = article.doc[phrase.head]
    return head.dep_ == "conj" and head.head.i not in phrase.tokens


def descriptor(
    article: Article, phrase: Phrase, names: list[Mention]
) -> tuple[str, str, str] | None:
    """The common noun naming what an entity is ("agence de presse japonaise"), with agreement."""
    doc = article.doc
    head = doc[phrase.head]
    if (
        head.pos_ != "NOUN"
        or any(head.i in m.tokens for m in names)
        or head.text.casefold() in TITLES
    ):
        return None
    inside = {t for m in names for t in m.tokens}
    words = [t for t in phrase.tokens if t not in inside and t >= head.i and doc[t].pos_ != "PUNCT"]
    words = [t for t in words if t < min(m.start for m in names)]
    if not words or len(words) > 6:
        return None
    return article.surface(words), noun_gender(head), morph(head, "Number", "Sing")


def person_target(
    article: Article, phrase: Phrase, table: MentionTable, short_form, subject: str | None
) -> Target | None:
    """Qui / Par qui / Quel ministre ..., for a phrase that names one or more people.

    `subject` is the clause subject's number when the phrase is the subject, else None.
    """
    if cut_conjunct(article, phrase):
        return None
    if phrase.dep == "obl:agent":  # the parser hangs a second agent anywhere: take the span
        people = table.inside(phrase.tokens, {"person"})
        if len(people) == 1 and any(article.doc[t].lower_ == "et" for t in phrase.tokens):
            return None  # "par Kian Jek et Robert Gagliano" with one name found: half an answer
    else:
        people = _named(article, phrase, table, {"person"})
    if not people or len(people) > 3 or (subject and (len(people) > 1 or subject == "Plur")):
        return None  # "Qui" takes a singular verb
    case = bare_case(phrase.case) if phrase.dep != "obj" else ""
    desc = (
        descriptor(article, phrase, people)
        if len(people) == 1 and phrase.dep != "obl:agent"
        else None
    )
    agreement = ("Masc", "Sing")
    if desc is not None and desc[2] == "Sing":
        noun, gender, number = desc
        words, agreement = f"{case} {quel(gender, number)} {noun}".strip(), (gender, number)
    else:
        words = f"{case} qui".strip()
    answers = tuple(
        tuple(dict.fromkeys(v for v in (m.text, short_form(m.text)) if v)) for m in people
    )
    wh = Wh(
        words[:1].upper() + words[1:],
        subject=bool(subject),
        object_agreement=agreement if phrase.dep == "obj" and desc is not None else None,
        agreement=agreement,  # "Quelle journaliste est arrivée"
    )
    return Target("person", answers, frozenset(phrase.tokens), wh, tuple(people))


def organisation_target(
    article: Article, phrase: Phrase, table: MentionTable, subject: bool
) -> Target | None:
    """Quelle agence / Quel groupe ... for a named organisation with its descriptor."""
    orgs = _named(article, phrase, table, {"organisation"})
    if len(orgs) != 1 or cut_conjunct(article, phrase):
        return None
    desc = descriptor(article, phrase, orgs)
    if desc is not None and desc[0].split()[0].casefold() in TIME_NOUNS:
        return None  # "ce matin à 7h44 UTC" is a time, not an organisation
    if desc is None:
        if not subject:
            return None
        wh = Wh("Qui", subject=True)
        whole = without_article(article.surface(phrase.tokens))
        if len(whole.split()) <= 10:
            variants = tuple(dict.fromkeys((whole, orgs[0].text, without_article(orgs[0].text))))
            return Target("organisation", (variants,), frozenset(phrase.tokens), wh, tuple(orgs))
    else:
        noun, gender, number = desc
        if number == "Plur":
            return None
        case = bare_case(phrase.case) if phrase.dep != "obj" else ""
        words = f"{case} {quel(gender, number)} {noun}".strip()
        agreement = (gender, number) if phrase.dep == "obj" else None
        wh = Wh(
            words[:1].upper() + words[1:],
            subject=subject,
            object_agreement=agreement,
            agreement=(gender, number),
        )
    variants = tuple(dict.fromkeys((orgs[0].text, without_article(orgs[0].text))))
    return Target("organisation", (variants,), frozenset(phrase.tokens), wh, tuple(orgs))


# Nouns for those who act: a cleft on them is asked with "Qui".
AGENT_NOUNS = {
    "firme", "société", "entreprise", "groupe", "agence", "équipe", "association", "parti",
    "gouvernement", "ministère", "président", "ministre", "journal", "chaîne", "club",
}  # fmt: skip
_CLASS_NOUN = {"pays": ("pays", "Masc"), "ville": ("ville", "Fem")}


def actor_place_target(
    article: Article, phrase: Phrase, table: MentionTable, place_class, subject: str | None
) -> Target | None:
    """Quel pays / Quelle ville / Quels pays, for a country or city acting or acted upon."""
    doc = article.doc
    places = _named(article, phrase, table, {"place"})
    if not places or len(places) > 3 or cut_conjunct(article, phrase):
        return None
    classes = {place_class(m.text) for m in places}
    if len(classes) != 1 or None in classes:
        return None
    noun, gender = _CLASS_NOUN[classes.pop()]
    number = "Plur" if len(places) > 1 else "Sing"
    inside = {t for m in places for t in m.tokens}
    extra = [
        t
        for t in phrase.tokens
        if t not in inside and doc[t].pos_ not in ("DET", "CCONJ", "ADP", "PUNCT")
    ]
    if extra or (subject and number == "Plur" and subject != "Plur"):
        return None  # the phrase says more than the names, or the verb does not fit
    if subject is None and (
        phrase.dep not in ("obj", "obl:arg", "iobj") or phrase.case in LOCATIVE - {"à"}
    ):
        return None
    case = bare_case(phrase.case) if phrase.dep != "obj" else ""
    plural = "s" if number == "Plur" and noun != "pays" else ""
    words = f"{case} {quel(gender, number)} {noun}{plural}".strip()
    agreement = (gender, number)
    wh = Wh(
        words[:1].upper() + words[1:],
        subject=subject is not None,
        agreement=agreement,
        object_agreement=agreement if phrase.dep == "obj" else None,
    )
    answers = tuple(tuple(dict.fromkeys((m.text, without_article(m.text)))) for m in places)
    require = "all" if number == "Plur" else "any"
    return Target("place", answers, frozenset(phrase.tokens), wh, tuple(places), require)


def agent_target(article: Article, phrase: Phrase, table: MentionTable) -> Target | None:
    """Par qui, for an organisation or a country that did it: "par le Conseil de sécurité"."""
    actors = table.inside(phrase.tokens, {"organisation", "place"})
    if len(actors) != 1:
        return None
    whole = without_article(article.surface(phrase.tokens[1:]))
    if len(whole.split()) > 10:
        return None
    answers = (tuple(dict.fromkeys((whole, actors[0].text, without_article(actors[0].text)))),)
    return Target("organisation", answers, frozenset(phrase.tokens), Wh("Par qui"), tuple(actors))


def cleft_target(article: Article, phrase: Phrase) -> Target | None:
    """Qui, for the focus of "C'est la firme Idées au cube qui a réalisé le spectacle"."""
    doc = article.doc
    head = doc[phrase.head]
    if head.pos_ != "PROPN" and head.lemma_ not in AGENT_NOUNS:
        return None
    whole = article.surface(phrase.tokens)
    answers = (tuple(dict.fromkeys((without_article(whole), whole))),)
    return Target("organisation", answers, frozenset(phrase.tokens), Wh("Qui", subject=True))


def place_target(
    article: Article, clause: Clause, phrase: Phrase, table: MentionTable
) -> Target | None:
    """Où / D'où / Dans quelle direction, for a locative phrase."""
    doc = article.doc
    head = doc[phrase.head]
    if phrase.dep not in ("obl", "obl:arg", "obl:mod") or cut_conjunct(article, phrase):
        return None
    lemma = head.lemma_.casefold()
    phrase_text = article.surface(phrase.tokens)
    if phrase.case == "vers" and lemma in DIRECTIONS:
        answers = ((phrase_text, without_article(phrase_text[5:]), lemma),)
        return Target("direction", answers, frozenset(phrase.tokens), Wh("Dans quelle direction"))
    places = _named(article, phrase, table, {"place"})
    departure = phrase.case in DEPARTURE and doc[clause.verb].lemma_ in DEPARTURE_VERBS
    if not (phrase.case in LOCATIVE or departure) or doc[clause.verb].lemma_ in NOT_LOCATING:
        return None
    after_case = phrase.tokens[1] if len(phrase.tokens) > 1 else phrase.tokens[0]
    if phrase.case == "à" and doc[after_case].pos_ == "DET" and lemma not in PLACE_NOUNS:
        return None  # "vendre des armes à la Russie": a recipient, not a place
    if len(places) == 1:
        answers = (
            tuple(dict.fromkeys((places[0].text, phrase_text, without_article(places[0].text)))),
        )
    elif not places and lemma in PLACE_NOUNS and len(phrase.tokens) <= 10:
        answers = ((phrase_text, without_article(phrase_text.split(" ", 1)[-1])),)
    else:
        return None
    words = "D'où" if departure else "Où"
    return Target("place", answers, frozenset(phrase.tokens), Wh(words), tuple(places))


def subject_thing_target(
    article: Article, phrase: Phrase, table: MentionTable, number: str
) -> Target | None:
    """Qu'est-ce qui, for a specific subject that is no name: "le train personnel de Kim"."""
    doc = article.doc
    head = doc[phrase.head]
    toks = [doc[t] for t in phrase.tokens]
    if number != "Sing" or head.pos_ != "NOUN" or head.lemma_ in HUMAN_NOUNS | VAGUE_HEADS:
        return None
    if not 3 <= len(toks) <= 10 or any(t.text in ("«", "»", '"', "(", ",") for t in toks):
        return None
    det = next((t for t in toks if t.dep_ == "det" and t.head.i == head.i), None)
    if det is None or morph(det, "PronType", "") != "Art":
        return None  # "cette arrivée", "sa décision": it points back to the article
    if any(head.i in m.tokens for m in table.inside(phrase.tokens, NAMED)):
        return None
    if not any(t.pos_ in ("PROPN", "NUM") for t in toks):
        return None  # "la rencontre entre les deux hommes" could be many things
    if table.inside(phrase.tokens, {"person"}):
        return None  # "la cadette des Williams" is someone: "Qu'est-ce qui" would not do
    text = article.surface(phrase.tokens)
    core = [t.i for t in toks if t.i == head.i or (t.head.i == head.i and t.dep_ == "amod")]
    variants = (text, without_article(text)) + ((article.surface(core),) if len(core) > 1 else ())
    wh = Wh("Qu'est-ce qui", subject=True)
    return Target("thing", (tuple(dict.fromkeys(variants)),), frozenset(phrase.tokens), wh)


def thing_target(article: Article, phrase: Phrase, table: MentionTable) -> Target | None:
    """Qu'est-ce que, for a specific direct object: "une élégante voiture Aurus Senat"."""
    doc = article.doc
    head = doc[phrase.head]
    if phrase.dep != "obj" or head.pos_ not in ("NOUN", "PROPN") or head.lemma_ in VAGUE_HEADS:
        return None
    toks = [doc[t] for t in phrase.tokens]
    if not 2 <= len(toks) <= 9 or any(t.text in ("«", "»", '"', "(") for t in toks):
        return None
    det = next((t for t in toks if t.dep_ == "det" and t.head.i == head.i), None)
    if (
        det is None
        or morph(det, "PronType", "") in ("Dem", "Prs")
        or morph(det, "Poss", "") == "Yes"
    ):
        return None  # "cette résolution", "ses usines": the answer points back, not at a fact
    if any(head.i in m.tokens for m in table.inside(phrase.tokens, NAMED)):
        return None  # a name as object: asked as who or where, not as "what"
    if any(t.dep_ == "case" and t.text.casefold() in _VERB_PREPOSITIONS for t in toks):
        return None  # "des armes à la Russie": the parser hung a verb's argument on the noun
    specific = (
        any(t.pos_ in ("PROPN", "NUM") for t in toks)
        or sum(t.pos_ in ("ADJ", "NOUN") for t in toks) >= 3
    )
    if not specific:
        return None
    text = article.surface(phrase.tokens)
    variants = [text, without_article(text)]
    variants += [m.text for m in table.inside(phrase.tokens, NAMED) if _names_head(doc, m, head)]
    wh = Wh("Qu'est-ce que", declarative=True)
    return Target("thing", (tuple(dict.fromkeys(variants)),), frozenset(phrase.tokens), wh)


def _names_head(doc: Any, m: Mention, head: Any) -> bool:
    """The name is what the noun is called ("une voiture [Aurus Senat]"), not a complement
    ("la puissance de [la Russie]"), so it alone answers the question."""
    root = doc[m.start : m.end].root
    return root.head.i == head.i and not any(c.dep_ == "case" for c in root.children)
