"""What each article reports, ready to compare across articles.

A report is one predicate of an article: an actor (its fullest name across the articles:
"Kim", "Kim Jong Un" and "Kim Jong-un" are one), an event (the verb, with a few synonyms:
"partir de" is "quitter", "effectuer une visite en" is "arriver en"), a partner (who was
met or welcomed) and slots: time, origin, destination, place, numbers. Hedged predicates
(conditional, "pourrait", "pensaient que") and garbled sentences give no report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factquiz.generate.claims import extract_clauses, sentences
from factquiz.generate.clauses import SPEECH_VERBS, is_garbled, morph
from factquiz.generate.mentions import EntityIndex, Mention, surname_key
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.generate.pipeline import ArticleMentions
from factquiz.generate.questions import quote_of
from factquiz.text import fold_basic

_ARTICLES = {"le", "la", "les", "l", "du", "de", "des", "d", "un", "une"}
DESCRIBED = "~"  # marks an actor known only by a common noun ("le musée")
# Verbs that report one event in different words.
EVENT_SYNONYMS = {"partir": "quitter", "entrer": "arriver", "rendre": "arriver"}
TRIP_NOUNS = {"visite", "voyage", "déplacement"}  # "effectuer une visite en Russie"
DEPARTURE = {"quitter"}
MOTION = {"arriver", "aller", "diriger", "revenir", "retourner", "atterrir"}
# Events that happen at one place: where they happened is a slot two reports can share.
PARTNERED = {"rencontrer", "accueillir", "recevoir", "accompagner", "retrouver"}
LOCATED = {"arrêter", "rencontrer", "repérer", "accueillir", "tenir", "dérouler", "réunir"}
SLOT_DEPS = {"obj", "obl", "obl:arg", "obl:mod", "obl:agent", "advmod", "nmod", "iobj"}
SKIP_LEMMAS = {"être", "avoir", "pouvoir", "devoir", "faire", "sembler", "aller"}


@dataclass(frozen=True)
class Slot:
    """One detail of a report: its role, a comparable value and the article's words."""

    role: str  # time | origin | destination | place | number:<unit>
    value: str
    text: str
    grain: str = ""  # time: weekday | date | year | month; place: pays | ville
    case: str = ""  # the preposition before a place: "de" Pyongyang, "en" Russie

    @property
    def phrase(self) -> str:
        """The slot as a phrase to put after a verb: "en Russie", "de Pyongyang"."""
        if not self.case:
            return self.text
        return f"{self.case}{self.text}" if self.case.endswith("'") else f"{self.case} {self.text}"


@dataclass(frozen=True)
class Report:
    """One article's account of an event."""

    source_id: str
    quote: str
    event: str
    actor: str
    actor_text: str
    partner: str
    partner_text: str
    slots: tuple[Slot, ...]
    clause: str  # "Kim a quitté Pyongyang": actor, verb and its main phrase, when finite
    sentence: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.event, self.actor, self.partner)


def canonical_names(mentions: Sequence[Mention], index: EntityIndex) -> dict[str, str]:
    """Folded name -> the fullest name of that referent: "kim" -> "Kim Jong-un"."""
    full: dict[str, str] = {}
    for m in mentions:
        if m.kind in ("person", "organisation", "place", "name"):
            key = fold_basic(m.text)
            if len(m.text) > len(full.get(key, "")):
                full[key] = m.text
    out = dict(full)
    for key, text in full.items():
        short = index.short_form(text)
        if short and " " in key:
            out.setdefault(fold_basic(short), text)
            out[fold_basic(short)] = text
        if " " in key and index.kind(Mention("person", 0, 0, text)) == "person":
            out.setdefault(surname_key(key), text)
    return out


def article_reports(found: ArticleMentions, names: dict[str, str]) -> list[Report]:
    """Every checkable report of one article: a named or described actor, and a slot or a
    partner to compare."""
    article = found.article
    resolved = _resolved_subjects(found)
    out = []
    for sent in sentences(article):
        if is_garbled(sent):
            continue  # "le un train blindé Mardi": no fact to compare
        mentions = found.by_sentence.get(sent.start, [])
        quote = quote_of(article, sent.start, sent.end)
        for verb in sent:
            report = _report(found, verb, mentions, names, resolved, quote, sent.start)
            if report is not None:
                out.append(report)
    return out


def _resolved_subjects(found: ArticleMentions) -> dict[int, str]:
    """Verb token -> the subject the generator resolved a pronoun to ("Il" -> "Kim")."""
    article = found.article

    def persons_of(sent: Any) -> list[str]:
        return [m.text for m in found.by_sentence.get(sent.start, []) if m.kind == "person"]

    return {
        c.verb: c.subject.text
        for c in extract_clauses(article, persons_of)
        if c.subject.resolved and c.subject.text[:1].isupper()
    }


def _report(
    found: ArticleMentions, verb: Any, mentions: list[Mention], names: dict[str, str],
    resolved: dict[int, str], quote: str, sentence: int,
) -> Report | None:  # fmt: skip
    trip = _trip(found, verb, mentions, names, resolved, quote, sentence)
    if trip is not None or verb.pos_ != "VERB" or verb.lemma_ in SKIP_LEMMAS | SPEECH_VERBS:
        return trip
    if _hedged(verb):
        return None
    return _build(found, verb, verb.lemma_, mentions, names, resolved, quote, sentence)


def _trip(found, verb, mentions, names, resolved, quote, sentence) -> Report | None:
    """ "effectuer une visite en Russie": a trip, as "arriver en Russie" would report it."""
    if verb.lemma_ not in ("effectuer", "faire") or _hedged(verb):
        return None
    if not any(c.dep_ == "obj" and c.lemma_ in TRIP_NOUNS for c in verb.children):
        return None
    return _build(found, verb, "arriver", mentions, names, resolved, quote, sentence)


def _hedged(verb: Any) -> bool:
    words = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any(morph(w, "Mood", "") == "Cnd" or w.text.endswith(("rait", "raient")) for w in words):
        return True
    return verb.head.lemma_ in ("pouvoir", "devoir", "penser", "supposer", "croire")


def _build(
    found: ArticleMentions, verb: Any, lemma: str, mentions: list[Mention],
    names: dict[str, str], resolved: dict[int, str], quote: str, sentence: int,
) -> Report | None:  # fmt: skip
    event = EVENT_SYNONYMS.get(lemma, lemma)
    actor = _actor(verb, mentions, names, resolved)
    if actor is None:
        return None
    partner, slots = _slots(found, verb, event, mentions, names)
    if not slots and not partner:
        return None
    clause = _clause_words(found, verb, slots)
    return Report(
        found.article.source_id, quote, event, _actor_key(actor), actor,
        fold_basic(partner), partner, tuple(slots), clause, sentence,
    )  # fmt: skip


def _subject(verb: Any) -> Any | None:
    """The verb's subject, or that of the verb it depends on ("Parti de ..., Kim a ...")."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            return subjects[0]
        if tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _actor(verb: Any, mentions: list[Mention], names: dict[str, str], resolved: dict[int, str]):
    """The actor's fullest name; None for a pronoun nobody resolved or a nameless phrase."""
    if verb.i in resolved:
        return names.get(fold_basic(resolved[verb.i]), resolved[verb.i])
    subject = _subject(verb)
    if subject is None:
        return None
    if (
        subject.pos_ == "PRON"
        and subject.i + 1 < len(subject.doc)
        and not subject.text[:1].isupper()
    ):
        return None
    head = _named_at(subject, mentions)
    if head is not None:
        return names.get(fold_basic(head.text), head.text)
    if subject.text[:1].isupper() and fold_basic(subject.text) in names:
        return names[fold_basic(subject.text)]
    owner = _named_at(subject, mentions, ("nmod",))
    if subject.pos_ == "NOUN" and owner is not None and owner.kind == "person":
        return f"{subject.lemma_} de {names.get(fold_basic(owner.text), owner.text)}"
    if subject.pos_ == "NOUN" and any(c.dep_ == "det" and morph(c, "Definite", "") == "Def"
                                      for c in subject.children):  # fmt: skip
        words = found_words(subject)  # "les travaux du musée": compared, never listed alone
        return f"{DESCRIBED}{words}" if len(words.split()) <= 6 else None
    return None


def found_words(noun: Any) -> str:
    """A noun phrase's own words, without the clauses inside it, article lowered."""
    tokens = sorted(t for t in _own_tokens(noun) if not noun.doc[t].is_punct)
    text = noun.doc[tokens[0] : tokens[-1] + 1].text if tokens else noun.text
    return text[:1].lower() + text[1:]


def _actor_key(actor: str) -> str:
    """Names fold; a described actor folds by its words' stems ("travaux" / "travail")."""
    if not actor.startswith(DESCRIBED):
        return fold_basic(actor)
    words = [
        w[:5]
        for w in fold_basic(actor).split()
        if w not in ("le", "la", "les", "l", "du", "de", "des")
    ]
    return DESCRIBED + " ".join(words)


def _named_at(
    tok: Any, mentions: list[Mention], deps: tuple[str, ...] = ("appos", "flat:name")
) -> Mention | None:
    """The name that is the phrase's head, or stands beside it as an apposition: "le
    dirigeant de la Corée du Nord, Kim Jong-un" is Kim, not the Corée du Nord."""
    named = [m for m in mentions if m.kind in ("person", "organisation", "place", "name")]
    beside = {c.i for c in tok.children if c.dep_ in deps}
    # A common noun heading the phrase is a title ("la ministre de la Culture, Claire
    # Martin"): the person beside it is the actor, whatever the tagger made of the title.
    order = ({tok.i}, beside) if tok.pos_ == "PROPN" else (beside, {tok.i})
    for near in order:
        found = sorted((m for m in named if near & set(m.tokens)), key=lambda m: m.kind != "person")
        if found:
            return found[0]
    return None


def _slots(
    found: ArticleMentions, verb: Any, event: str, mentions: list[Mention], names: dict[str, str]
) -> tuple[str, list[Slot]]:
    """The partner (who was met, welcomed) and the slots in the verb's own phrases."""
    partner = ""
    holder: dict[int, Any] = {}
    for child in verb.children:
        if child.dep_ in SLOT_DEPS:
            for t in _own_tokens(child):
                holder[t] = child
    segment = _segment(verb)
    slots: list[Slot] = []
    for m in mentions:
        child = holder.get(m.start)
        owned = child is not None and all(t in holder for t in m.tokens)
        if not owned and not set(m.tokens) <= segment:
            continue
        slot = _slot(verb.doc, event, m, names)
        if slot is not None:
            slots.append(slot)
        elif m.kind == "person" and not partner and event in PARTNERED:
            partner = names.get(fold_basic(m.text), m.text)
    return partner, slots


def _segment(verb: Any) -> set[int]:
    """The words after the verb up to the next verb: the parser sometimes hangs them on
    another word ("pour rencontrer le président russe, Vladimir Poutine, ce mardi 12
    septembre" puts the date under the name), but they are still this verb's phrases."""
    out: set[int] = set()
    for tok in verb.doc[verb.i + 1 : verb.sent.end]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":") or tok.dep_ == "mark":
            break
        out.add(tok.i)
    return out


def _own_tokens(child: Any) -> set[int]:
    """A phrase's tokens without the clauses inside it ("... qui compte une population")."""
    out: set[int] = set()
    stack = [child]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in tok.children if c.pos_ not in ("VERB", "AUX"))
    return out


def _slot(doc: Any, event: str, m: Mention, names: dict[str, str]) -> Slot | None:
    words = m.text.casefold().split()
    if m.kind in ("date", "day", "year", "month"):
        return _time_slot(m, words)
    if m.kind == "number" and m.value is not None:
        return Slot(f"number:{fold_basic(m.unit or '')}", str(m.value), m.text)
    if m.kind != "place":
        return None
    root = next((doc[t] for t in m.tokens if doc[t].head.i not in m.tokens), doc[m.start])
    case = " ".join(c.text.casefold() for c in root.children if c.dep_ == "case")
    if event in DEPARTURE and (root.dep_ == "obj" or case in ("de", "d'", "depuis")):
        role = "origin"
    elif event in MOTION and case in ("en", "à", "au", "aux", "vers"):
        role = "destination"
    elif event in LOCATED and case in ("à", "au", "en", "dans"):
        role = "place"
    else:
        return None
    text = names.get(fold_basic(m.text), m.text)
    grain = "ville" if case == "à" else "pays"
    return Slot(role, fold_basic(text), m.text, grain, case if root.dep_ != "obj" else "")


def _time_slot(m: Mention, words: list[str]) -> Slot:
    day = next((w for w in words if w.isdigit() and len(w) <= 2), None)
    month = next((w for w in words if w in MONTHS), None)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if day and month:
        return Slot("time", f"{day} {month}", m.text, "date")
    if weekday:
        return Slot(
            "time",
            " ".join(w for w in words if w not in ("ce", "le", "dernier")),
            m.text,
            "weekday",
        )
    year = next((w for w in words if len(w) == 4 and w.isdigit()), None)
    if year:
        return Slot("time", year, m.text, "year")
    return Slot("time", month or m.text.casefold(), m.text, "month")


def _clause_words(found: ArticleMentions, verb: Any, slots: list[Slot]) -> str:
    """The actor, the verb and its object as the article says them, when the verb is finite."""
    article = found.article
    doc = article.doc
    group = [c.i for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "expl:comp"]
    finite = [i for i in group + [verb.i] if morph(doc[i], "VerbForm", "") == "Fin"]
    subject = _subject(verb)
    if not finite or subject is None or subject.i > verb.i:
        return ""
    objects = [c for c in verb.children if c.dep_ == "obj" and c.pos_ == "PROPN"]
    tokens = sorted(
        group + [verb.i] + [t for c in objects for t in range(c.left_edge.i, c.right_edge.i + 1)]
    )
    return article.surface(tokens)
