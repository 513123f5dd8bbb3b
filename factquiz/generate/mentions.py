"""Typed mentions in a parsed article: people, organisations, places, dates, quantities.

spaCy has no DATE label and no quantities; rules find them. Entities get the corrections
that need the whole corpus (a surname labelled LOC once and PER elsewhere).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factquiz.generate.french_numbers import is_decimal, is_number_word, words_to_number
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.text import fold_basic

ENTITY_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "name"}
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_DAY_NUMBER = re.compile(r"^(1er|[1-9]|[12]\d|3[01])$")
_TIME_WORDS = {"tôt", "dernier", "prochain", "soir", "matin", "midi", "après-midi", "dès"}
TITLES = {"m.", "mme", "mme.", "mlle", "dr", "dr.", "me", "pr", "mgr"}


@dataclass(frozen=True)
class Mention:
    """A typed stretch of tokens: kind is person, organisation, place, name, date, year,
    month, day or number; `value` holds a number's value, `unit` the noun it counts."""

    kind: str
    start: int
    end: int
    text: str
    value: int | None = None
    unit: str | None = None
    before: str = ""  # the word just before, folded: tells "à Moscou" from "en Russie"
    initial: bool = False  # opens its sentence, where a capital proves nothing

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


def _lower(tok: Any) -> str:
    return tok.text.casefold()


def _date_at(sent: Any, i: int) -> tuple[str, int] | None:
    """The date starting at token i of the doc, as (kind, end), or None."""
    doc = sent.doc
    end = sent.end

    def word(k: int) -> str:
        return _lower(doc[k]) if k < end else ""

    j = i + 1 if word(i) in WEEKDAYS else i
    if _DAY_NUMBER.match(word(j)) and word(j + 1) in MONTHS:
        k = j + 2
        return ("date", k + 1 if _YEAR.match(word(k)) else k)
    if word(i) in MONTHS and _YEAR.match(word(i + 1)):
        return ("date", i + 2)
    if word(i) in WEEKDAYS:
        k = i + 1
        while word(k) in _TIME_WORDS:
            k += 1
        return ("day", k)
    if _YEAR.match(word(i)) and doc[i].pos_ in ("NUM", "NOUN", "PROPN", "ADJ"):
        return ("year", i + 1)
    if word(i) in MONTHS and word(i - 1) in ("en", "depuis", "fin", "début", "mi", "courant"):
        return ("month", i + 1)
    return None


def find_dates(sent: Any, text_of: Any) -> list[Mention]:
    """Dates, years, months and weekdays in a sentence, longest first at each place."""
    out: list[Mention] = []
    i = sent.start
    while i < sent.end:
        found = _date_at(sent, i)
        if found is None:
            i += 1
            continue
        kind, end = found
        start = i - 1 if i > sent.start and _lower(sent.doc[i - 1]) == "tôt" else i
        value = _year_value(sent.doc, start, end)
        out.append(Mention(kind, start, end, text_of(range(start, end)), value))
        i = end
    return out


def _year_value(doc: Any, start: int, end: int) -> int | None:
    for k in range(start, end):
        if _YEAR.match(doc[k].text):
            return int(doc[k].text)
    return None


def _number_run(doc: Any, i: int, limit: int) -> int:
    """End of a run of number words starting at i ("deux cent mille")."""
    k = i
    while k < limit and (is_number_word(doc[k].text) or doc[k].text == "et") and k - i < 6:
        k += 1
    while k > i and doc[k - 1].text == "et":
        k -= 1
    return k


def find_quantities(sent: Any, text_of: Any, dates: list[Mention]) -> list[Mention]:
    """Numbers with the noun they count: "18 jours", "521 kg", "deux cent mille dollars";
    a decimal ("2,1 %") has no int value."""
    in_dates = {k for m in dates for k in m.tokens}
    out: list[Mention] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        vague = _vague_count(doc, i, sent.end)
        if vague is not None:  # "des dizaines de millions d'obus": a figure, however rough
            text = text_of(range(i, vague + 1))
            out.append(Mention("number", i, vague + 1, text, None, text_of([vague])))
            i = vague + 1
            continue
        if (
            i in in_dates
            or not (tok.like_num or is_number_word(tok.text))
            or _lower(tok) in ("un", "une")
        ):
            i += 1
            continue
        end = max(_number_run(doc, i, sent.end), i + 1)
        value = words_to_number(text_of(range(i, end)))
        unit = _unit_after(doc, end, sent.end)
        by_millions = end - i >= 2 or doc[i].text[:1].isdigit()  # not "des dizaines de millions"
        if unit is None and by_millions and _counts_by_millions(doc, end, sent.end, value):
            unit = end + 1  # "12 millions [d'euros]", "16 000 000 [d'habitants]"
        if (value is None and not is_decimal(tok.text)) or unit is None:
            i = end
            continue
        start = _hedge_start(doc, i, sent.start)
        if _other_end(doc, start, sent.start):
            i = unit + 1  # "en deux ou [trois jours]": one end of a range is no figure
            continue
        text = text_of(range(start, unit + 1))
        if start == sent.start and not text[:1].isdigit():
            text = text[:1].lower() + text[1:]  # "Quatre personnes" only opened the sentence
        out.append(Mention("number", start, unit + 1, text, value, text_of([unit])))
        i = unit + 1
    return out


_MAGNITUDES = {"million", "millions", "milliard", "milliards"}
_ROUGH = {"dizaines", "centaines", "milliers", "millions", "milliards"}


def _vague_count(doc: Any, i: int, limit: int) -> int | None:
    """The counted noun of "des dizaines [de millions] de <noun>" starting at i, or None."""
    if _lower(doc[i]) not in ("des", "plusieurs") or i + 3 >= limit:
        return None
    k = i + 1
    if _lower(doc[k]) not in _ROUGH:
        return None
    while k + 2 < limit and _lower(doc[k + 1]) in ("de", "d'") and _lower(doc[k + 2]) in _ROUGH:
        k += 2
    if k + 2 >= limit or _lower(doc[k + 1]) not in ("de", "d'") or doc[k + 2].pos_ != "NOUN":
        return None
    return k + 2


# Words that hedge a figure and belong to it: "plus de trois ans" is not "trois ans".
_HEDGES = (
    ("pas", "moins", "de"), ("pas", "moins", "d'"), ("plus", "de"), ("plus", "d'"),
    ("moins", "de"), ("moins", "d'"), ("près", "de"), ("près", "d'"), ("au", "moins"),
    ("environ",), ("plus",), ("près",), ("presque",), ("quelque",),
)  # fmt: skip


def _other_end(doc: Any, start: int, first: int) -> bool:
    """ "deux ou [trois jours]", "4,02 à [4,51 kg]", "60-[70 %]": the figure ends a range."""
    if start - 2 < first or doc[start - 1].lower_ not in ("ou", "à", "-", "–", "et"):
        return False
    before = doc[start - 2]
    if (
        _YEAR.match(before.text)
        or doc[start - 1].lower_ == "et"
        and (start < 3 or doc[start - 3].lower_ != "entre")
    ):
        return False  # "en 2019 et [7 millions]", "14 morts et [30 blessés]": no range
    return before.like_num or is_number_word(before.text) and before.lower_ not in ("un", "une")


def _hedge_start(doc: Any, i: int, first: int) -> int:
    """Where a figure starts with its hedge: "[plus de] trois ans", "[environ] 2 000"."""
    for hedge in _HEDGES:
        start = i - len(hedge)
        if start >= first and tuple(_lower(doc[k]) for k in range(start, i)) == hedge:
            return start
    return i


def _counts_by_millions(doc: Any, end: int, limit: int, value: int | None) -> bool:
    """ "12 millions d'euros": a figure in millions counts the noun after "de" (not "des
    dizaines de millions d'obus", where no figure says how many)."""
    if end + 1 >= limit or doc[end].text.casefold() not in ("de", "d'"):
        return False
    big = doc[end - 1].text.casefold() in _MAGNITUDES or (value or 0) >= 10**6
    return big and doc[end + 1].pos_ == "NOUN"


def _unit_after(doc: Any, k: int, limit: int) -> int | None:
    """The noun a number counts: right after it, or after one adjective ("18 derniers mois")."""
    for j in (k, k + 1):
        if j >= limit:
            return None
        tok = doc[j]
        if tok.pos_ in ("NOUN", "SYM") or tok.text in ("%", "kg", "km"):
            return j
        if tok.pos_ != "ADJ":
            return None
    return None


def find_aliases(doc: Any) -> list[tuple[str, str]]:
    """Names given with their acronym: "Communauté économique ... (CEDEAO)" -> both ways."""
    out = []
    ents = {e.end: e for e in doc.ents}
    for tok in doc[:-2]:
        nxt, close = doc[tok.i + 1], doc[tok.i + 2]
        if tok.text == "(" and close.text == ")" and nxt.text.isupper() and tok.i in ents:
            out.append((fold_basic(ents[tok.i].text), fold_basic(nxt.text)))
        elif tok.text == "(" and close.text == ")" and nxt.text.isupper() and tok.i - 1 in ents:
            out.append((fold_basic(ents[tok.i - 1].text), fold_basic(nxt.text)))
    return out


def find_entities(sent: Any, text_of: Any) -> list[Mention]:
    """Named entities, without a leading article or title ("l'ONU" -> "ONU", "M. Kim" -> "Kim")."""
    out: list[Mention] = []
    for ent in sent.ents:
        start = ent.start
        while start < ent.end - 1 and (
            ent.doc[start].pos_ == "DET" or _lower(ent.doc[start]) in TITLES
        ):
            start += 1
        before = ent.doc[ent.start - 1].text.casefold() if ent.start > 0 else ""
        out.append(
            Mention(
                ENTITY_KINDS.get(ent.label_, "name"),
                start,
                ent.end,
                text_of(range(start, ent.end)),
                before=before,
                initial=ent.start == sent.start,
            )
        )
    return out


@dataclass
class EntityIndex:
    """What the whole corpus says about each name: its kind by majority, and short forms."""

    kinds: dict[str, str]  # fold_basic(name) -> kind
    short_forms: dict[str, str]  # fold_basic(full person name) -> the surname accepted alone
    place_classes: dict[str, str] = field(default_factory=dict)  # fold_basic(place) -> pays | ville

    def place_class(self, name: str) -> str | None:
        """The noun for a place: pays when written "en X"/"au X", ville when written "à X"."""
        return self.place_classes.get(fold_basic(name))

    def kind(self, mention: Mention) -> str:
        return self.kinds.get(fold_basic(mention.text), mention.kind)

    def short_form(self, name: str) -> str | None:
        return self.short_forms.get(fold_basic(name))


def build_entity_index(mentions: list[Mention]) -> EntityIndex:
    """Vote each name's kind over the corpus; single tokens of a person's name are people."""
    votes: dict[str, Counter[str]] = {}
    persons: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for m in mentions:
        if m.kind not in ENTITY_KINDS.values():
            continue
        key = fold_basic(m.text)
        votes.setdefault(key, Counter())[m.kind] += 1
        if m.kind == "person" and " " in key:
            persons[key] += 1
            surface.setdefault(key, m.text)
    in_names = {part for name in persons for part in name.split()}
    kinds = {}
    for key, counter in votes.items():
        kind = counter.most_common(1)[0][0]
        kinds[key] = "person" if " " not in key and key in in_names else kind
    return EntityIndex(kinds, _short_forms(persons, surface), _place_classes(mentions, kinds))


def _place_classes(mentions: list[Mention], kinds: dict[str, str]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        key = fold_basic(m.text)
        if kinds.get(key) != "place":
            continue
        if m.before in ("en", "au", "aux"):
            votes.setdefault(key, Counter())["pays"] += 1
        elif m.before == "à":
            votes.setdefault(key, Counter())["ville"] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items() if len(c) == 1}


_KOREAN_SURNAMES = {
    "kim",
    "ri",
    "pak",
    "park",
    "choe",
    "choi",
    "jo",
    "kang",
    "lim",
    "lee",
    "yun",
    "jang",
    "han",
    "hwang",
    "moon",
    "kwon",
    "cho",
    "jung",
    "chung",
}


# A Korean name romanised with its given name hyphenated: "Lim Soo-suk", "Cheong Seong-chang".
_KOREAN_ORDER = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")


def surname_key(key: str) -> str:
    """The surname in a folded name: the last word, or the first for a Korean name."""
    parts = key.split()
    korean = len(parts) >= 3 and parts[0] in _KOREAN_SURNAMES
    return parts[0] if korean else parts[-1]


def _short_forms(persons: Counter[str], surface: dict[str, str]) -> dict[str, str]:
    """The surname of each full name, unless a person named more often shares it."""
    out: dict[str, str] = {}
    for key, count in persons.items():
        surname = surname_key(key)
        if _KOREAN_ORDER.match(surface.get(key, "")):
            surname = key.split()[0]  # "Cheong Seong-chang": the family name comes first
        rivals = [persons[k] for k in persons if k != key and surname in k.split()]
        if len(surname) > 1 and all(count > r for r in rivals):
            words = surface[key].replace("-", " ").split()
            out[key] = next((w for w in words if fold_basic(w) == surname), surname)
    return out
