"""One change to a true claim: FEVER's mutations, made from what the articles themselves hold.

A refuting mutation changes exactly one thing the source pins down: a date or a weekday, a
number, a place where something happened, a direction, the polarity of the verb, or who
did what to whom (`claim_speakers` makes the not-in-the-sources ones). The new
values come from the corpus (another place it names) or step aside from every value it
holds (a year none of the articles mentions), so a mutation never lands on another
article's version of the fact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factquiz.generate.claim_statements import Statement, article_text
from factquiz.generate.clauses import morph
from factquiz.generate.french_numbers import number_to_words, words_to_number
from factquiz.generate.mentions import EntityIndex, Mention
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.text import fold_basic

REFUTED, NOT_IN_SOURCES = "refuted", "not_in_sources"
# Verbs whose place is a single fact: one cannot arrive in two places at once.
PLACE_VERBS = {
    "arriver", "rendre", "aller", "partir", "quitter", "entrer", "arrêter", "situer",
    "rencontrer", "repérer", "diriger", "atterrir", "visiter", "passer", "voyager", "revenir",
    "retourner", "déplacer", "tenir", "dérouler", "réunir", "photographier", "accueillir",
}  # fmt: skip
SYMMETRIC_VERBS = {
    "rencontrer", "discuter", "négocier", "entretenir", "échanger", "coopérer", "rapprocher",
    "affronter", "opposer", "réunir", "allier", "épouser", "croiser",
}  # fmt: skip
OPPOSITE_DIRECTIONS = {
    "nord": "sud", "sud": "nord", "est": "ouest", "ouest": "est", "nord-ouest": "sud-est",
    "sud-est": "nord-ouest", "nord-est": "sud-ouest", "sud-ouest": "nord-est",
}  # fmt: skip
# Words after which a negation reads badly or changes what is denied.
_NO_NEGATION = {"première", "seulement", "déjà", "encore", "toujours", "aussi", "plus", "moins"}
_PLACE_PREPOSITIONS = {"à", "en", "au", "aux", "vers", "de", "d'", "du", "des"}
_NAMED = ("person", "organisation", "place", "name")


@dataclass(frozen=True)
class Mutation:
    """A claim changed in one place: what the source says (`before`), what the claim says."""

    kind: str  # date | number | place | direction | negation | roles | speaker
    verdict: str
    claim: str
    before: str
    after: str
    order: tuple[str, ...] = ()  # roles: the names in the order the claim gives them


@dataclass
class Vocabulary:
    """What the corpus names, to draw replacements from and to steer clear of."""

    index: EntityIndex
    places: dict[str, set[str]] = field(default_factory=dict)  # preposition -> place names
    weekdays: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    months: set[str] = field(default_factory=set)
    days: set[int] = field(default_factory=set)
    numbers: set[int] = field(default_factory=set)
    speakers: list[tuple[str, Mention, str]] = field(default_factory=list)  # (words, name, class)
    sentences: list[str] = field(default_factory=list)


def build_vocabulary(
    mentions: Iterable[Mention], index: EntityIndex, sentences: Iterable[str] = ()
) -> Vocabulary:
    """Every place with the preposition it takes, every date and number, and every sentence
    (folded); `claim_speakers.add_speakers` adds the named sources."""
    vocab = Vocabulary(index, sentences=[fold_basic(s) for s in sentences])
    for m in mentions:
        words = m.text.casefold().split()
        if m.kind == "place":
            vocab.places.setdefault(m.before, set()).add(m.text)
        vocab.weekdays.update(w for w in words if w in WEEKDAYS)
        vocab.months.update(w for w in words if w in MONTHS)
        vocab.years.update(int(w) for w in words if re.fullmatch(r"(1[5-9]|20)\d\d", w))
        if m.kind == "date":
            vocab.days.update(int(w) for w in words if w.isdigit() and len(w) <= 2)
        if m.kind == "number" and m.value is not None:
            vocab.numbers.add(m.value)
    return vocab


def _pick(options: Sequence[str], seed: str) -> str | None:
    """One option, the same on every run for the same claim."""
    if not options:
        return None
    return options[int(hashlib.sha256(seed.encode()).hexdigest(), 16) % len(options)]


def refutations(s: Statement, vocab: Vocabulary) -> list[Mutation]:
    """Every single change the source contradicts, best first."""
    found: list[Mutation] = []
    for m in s.mentions:
        if set(m.tokens) <= set(s.subject_tokens):
            continue
        made = _date(s, m, vocab) or _number(s, m, vocab) or _place(s, m, vocab)
        if made is not None:
            found.append(made)
    found.extend(x for x in (_direction(s), _roles(s), _negation(s)) if x is not None)
    return found


def _swap(s: Statement, kind: str, token: int, new: str, end: int | None = None) -> Mutation:
    old = " ".join(article_text(s.article, t) for t in range(token, end or token + 1))
    claim = s.render({(token, end or token + 1): new})
    return Mutation(kind, REFUTED, claim, old, new)


def _date(s: Statement, m: Mention, vocab: Vocabulary) -> Mutation | None:
    """Another weekday, day of the month, month or year, none of which the corpus holds."""
    if m.kind not in ("date", "day", "year", "month"):
        return None
    doc = s.article.doc
    words = {t: doc[t].text.casefold() for t in m.tokens}
    weekday = next((t for t, w in words.items() if w in WEEKDAYS), None)
    day = next((t for t, w in words.items() if w.isdigit() and len(w) <= 2), None)
    year = next((t for t, w in words.items() if re.fullmatch(r"(1[5-9]|20)\d\d", w)), None)
    month = next((t for t, w in words.items() if w in MONTHS), None)
    if day is not None:
        return _new_day(s, m, day, weekday, vocab)
    if weekday is not None:
        free = [d for d in WEEKDAYS if d not in vocab.weekdays]
        new = _pick(free, s.text)
        return None if new is None else _swap(s, "date", weekday, new)
    if year is not None:
        value = int(doc[year].text)
        free = [str(value - k) for k in (3, 2, 4, 5, 6) if value - k not in vocab.years]
        return None if not free else _swap(s, "date", year, free[0])
    if month is not None:
        free = [x for x in MONTHS if x not in vocab.months]
        new = _pick(free, s.text)
        return None if new is None else _swap(s, "date", month, new)
    return None


def _new_day(
    s: Statement, m: Mention, day: int, weekday: int | None, vocab: Vocabulary
) -> Mutation | None:
    """ "mardi 12 septembre" -> "vendredi 15 septembre": the weekday moves with the date."""
    doc = s.article.doc
    value = int(doc[day].text)
    for shift in (3, -3, 4, -4, 2, -2, 5):
        new = value + shift
        if 1 <= new <= 28 and new not in vocab.days:
            break
    else:
        return None
    swaps = {(day, day + 1): str(new)}
    old_words = m.text
    if weekday is not None:
        name = doc[weekday].text.casefold()
        moved = WEEKDAYS[(WEEKDAYS.index(name) + shift) % 7]
        swaps[(weekday, weekday + 1)] = moved
    claim = s.render(swaps)
    after = " ".join(swaps.get((t, t + 1), article_text(s.article, t)) for t in m.tokens)
    return Mutation("date", REFUTED, claim, old_words, after)


def _number(s: Statement, m: Mention, vocab: Vocabulary) -> Mutation | None:
    """ "900 kilomètres" -> "1 400 kilomètres", "deux missiles" -> "trois missiles"."""
    if m.kind != "number" or m.value is None or not 1 < m.value < 10**7:
        return None
    doc = s.article.doc
    digits = [t for t in m.tokens if doc[t].like_num or words_to_number(doc[t].text) is not None]
    digits = [t for t in digits if doc[t].text.casefold() not in ("un", "une")]
    if not digits or digits != list(range(digits[0], digits[-1] + 1)):
        return None
    new = _other_number(m.value, vocab.numbers)
    written = doc[digits[0]].text
    text = f"{new:,}".replace(",", " ") if written.isdigit() else number_to_words(new) or str(new)
    made = _swap(s, "number", digits[0], text, digits[-1] + 1)
    return Mutation("number", REFUTED, made.claim, m.text, m.text.replace(made.before, text, 1))


def _other_number(value: int, taken: set[int]) -> int:
    """A value a reader would not take for a rounding of the original, held by no article."""
    if value <= 10:
        candidates = [value + 1, value + 2, value - 1, value + 3]
    else:
        candidates = [_round(value * 3 / 2), value * 2, _round(value / 2), _round(value * 5 / 2)]
    return next(c for c in candidates if c not in taken and c != value and c > 0)


def _round(x: float) -> int:
    """Two significant digits: 1350 -> 1400, 36 -> 36."""
    n = int(round(x))
    magnitude = 10 ** max(len(str(n)) - 2, 0)
    return int(round(n / magnitude) * magnitude)


def _place(s: Statement, m: Mention, vocab: Vocabulary) -> Mutation | None:
    """Another place of the articles, one that takes the same preposition ("à Vladivostok")."""
    doc = s.article.doc
    if m.kind != "place" or doc[s.clause.verb].lemma_ not in PLACE_VERBS:
        return None
    root = next((doc[t] for t in m.tokens if doc[t].head.i not in m.tokens), doc[m.start])
    verbs = {s.clause.verb, *s.clause.group}
    if root.head.i not in verbs and root.head.text.casefold() not in OPPOSITE_DIRECTIONS:
        return None  # "le forum de Vladivostok": the place names a thing, not where it was
    before = m.before if m.before in _PLACE_PREPOSITIONS else ""
    if not before and not any(p.dep == "obj" and m.start in p.tokens for p in s.clause.phrases):
        return None
    sentence = fold_basic(s.quote)
    kind = vocab.index.place_class(m.text)
    pool = vocab.places.get(before, set()) if before else set().union(*vocab.places.values())
    options = sorted(
        p
        for p in pool
        if fold_basic(p) not in sentence
        and fold_basic(p) != fold_basic(m.text)
        and vocab.index.kind(_as_place(p)) == "place"
        and (kind is None or vocab.index.place_class(p) in (None, kind))
    )
    new = _pick(options, s.text)
    return None if new is None else _swap(s, "place", m.start, new, m.end)


def _as_place(text: str) -> Mention:
    return Mention("place", 0, 0, text)


def _direction(s: Statement) -> Mutation | None:
    """ "vers le nord" -> "vers le sud"."""
    doc = s.article.doc
    for t in s.rest:
        word = doc[t].text
        if (
            word not in OPPOSITE_DIRECTIONS
            or doc[t].ent_type_
            or any(t in m.tokens for m in s.mentions)
        ):
            continue
        if doc[t - 1].text.casefold() in ("le", "au", "l'", "du"):
            made = _swap(s, "direction", t, OPPOSITE_DIRECTIONS[word])
            det = article_text(s.article, t - 1)
            glue = "" if det.endswith("'") else " "
            return Mutation("direction", REFUTED, made.claim, f"{det}{glue}{word}",
                            f"{det}{glue}{OPPOSITE_DIRECTIONS[word]}")  # fmt: skip
    return None


def _negation(s: Statement) -> Mutation | None:
    """ "Kim a quitté Pyongyang" -> "Kim n'a pas quitté Pyongyang", if nothing in the claim
    would make the denial ambiguous ("pour la première fois", "déjà")."""
    doc = s.article.doc
    clause = s.clause
    if s.hedged or clause.synthetic or doc[clause.finite].pos_ not in ("AUX", "VERB"):
        return None
    words = {doc[t].text.casefold() for t in s.rest}
    if words & _NO_NEGATION or words & {"ne", "n'", "pas", "jamais", "aucun", "aucune"}:
        return None
    if len(s.text.split()) > 18 or any(m.kind == "number" for m in s.mentions):
        return None
    swaps: dict[tuple[int, int], str] = {}
    for p in clause.phrases:
        first = doc[p.tokens[0]]
        governor = doc[p.head].head
        if morph(governor, "VerbForm", "") == "Inf":
            continue  # the object of an infinitive keeps its article: "pas d'obtenir des"
        if p.dep == "obj" and first.text.casefold() in ("un", "une", "des", "du"):
            swaps[(first.i, first.i + 1)] = "de"  # "n'a pas tiré de missiles"
    claim = s.render({**swaps, **negation_swaps(s)})
    return Mutation("negation", REFUTED, claim, s.text, claim)


def negation_swaps(statement: Statement) -> dict[tuple[int, int], str]:
    """ "a quitté" -> "n'a pas quitté", "s'est arrêté" -> "ne s'est pas arrêté"."""
    doc = statement.article.doc
    clause = statement.clause
    finite = clause.finite
    first = min([t for t in clause.group if t <= finite and doc[t].pos_ == "PRON"] + [finite])
    finite_word = dict(statement.retensed).get((finite, finite + 1)) or article_text(
        statement.article, finite
    )
    word = finite_word if first == finite else article_text(statement.article, first)
    ne = "n'" if word[:1].casefold() in "aeiouyéèêàh" else "ne "
    swaps = {(first, first + 1): ne + word} if first != finite else {}
    swaps[(finite, finite + 1)] = (ne + finite_word if first == finite else finite_word) + " pas"
    return swaps


def _roles(s: Statement) -> Mutation | None:
    """ "Poutine a offert à Kim une voiture" -> "Kim a offert à Poutine une voiture"."""
    doc = s.article.doc
    clause = s.clause
    verb = doc[clause.verb]
    if verb.lemma_ in SYMMETRIC_VERBS or clause.synthetic or clause.subject.resolved:
        return None
    if any(doc[t].dep_ == "aux:pass" for t in clause.group) or clause.subject.number != "Sing":
        return None
    actor = _named_head(s, set(s.subject_tokens)) or _bare_name(s)
    if actor is None:
        return None
    for p in clause.phrases:
        if p.dep not in ("obj", "iobj", "obl:arg") or p.case not in ("", "à"):
            continue
        other = _named_head(s, set(p.tokens))
        if other is None or other.kind != actor.kind or morph_plural(doc, other):
            continue
        if fold_basic(other.text) == fold_basic(actor.text):
            continue
        claim = s.render({(other.start, other.end): actor.text}, subject=other.text)
        return Mutation("roles", REFUTED, claim, s.text, claim, (other.text, actor.text))
    return None


def _bare_name(s: Statement) -> Mention | None:
    """A one-word subject the tagger missed as a name ("Poutine" read as a pronoun)."""
    tokens = s.subject_tokens
    doc = s.article.doc
    if len(tokens) == 1 and doc[tokens[0]].text[:1].isupper() and doc[tokens[0]].pos_ != "DET":
        return Mention("person", tokens[0], tokens[0] + 1, article_text(s.article, tokens[0]))
    return None


def morph_plural(doc, m: Mention) -> bool:
    """A plural name ("les États-Unis") cannot trade places with a singular one."""
    return any("Plur" in doc[t].morph.get("Number") for t in m.tokens)


def _named_head(s: Statement, tokens: set[int]) -> Mention | None:
    """The one named mention that makes up a phrase (leaving only its article)."""
    doc = s.article.doc
    named = [m for m in s.mentions if m.kind in _NAMED and set(m.tokens) <= tokens]
    if len(named) != 1:
        return None
    extra = [t for t in tokens - set(named[0].tokens) if doc[t].pos_ not in ("DET", "ADP")]
    return named[0] if not extra else None
