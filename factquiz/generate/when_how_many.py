"""When and how many: questions whose answer is a date or a counted quantity.

"En quelle année", "En quel mois", "Quel jour", "Quand" by the kind of date; "Combien de"
with the counted noun and its adjectives ("Combien de missiles balistiques à courte portée");
answers in digits and in words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from factquiz.generate.clauses import Phrase, morph, noun_gender
from factquiz.generate.datelines import article_year
from factquiz.generate.document import Article
from factquiz.generate.french_numbers import is_number_word, number_to_words
from factquiz.generate.mentions import Mention
from factquiz.generate.parsing import WEEKDAYS
from factquiz.generate.realise import Wh, bare_case, quel
from factquiz.generate.targets import MentionTable, Target, without_article

WH_DATE = {
    "year": ("En quelle année", "Depuis quelle année"),
    "month": ("En quel mois", "Depuis quel mois"),
}


# Verbs whose object is their measure: "mesure 1,6 kilomètre" asks "Combien ... mesure-t-il ?".
_MEASURE_VERBS = {"mesurer", "peser", "coûter", "valoir"}  # "durer" asks "Combien de jours"
# "À combien de mètres", never "À combien de m"; "Combien d'années", not "d'ans".
_UNIT_NAMES = {
    "an": "années", "ans": "années", "m": "mètres", "km": "kilomètres", "kg": "kilos",
    "t": "tonnes", "h": "heures", "min": "minutes", "cm": "centimètres", "ha": "hectares",
}  # fmt: skip
_PERCENT = {"%": "pour cent", "‰": "pour mille"}
_UNIT_WORDS = _PERCENT | {"€": "euros", "$": "dollars"}
_HEDGE_WORDS = {"pas", "plus", "moins", "près", "environ", "presque", "quelque", "au"}
_BY_MILLIONS = re.compile(r"\bmilli(?:on|ard)s? (?:de |d')", re.I)


def number_variants(m: Mention) -> tuple[str, ...]:
    """ "18 jours" -> ("18 jours", "18", "dix-huit", "dix-huit jours", ...); "86 %" also as
    "86 pour cent", "334 464 candidats" also as "334464" and "334 464"."""
    out = [m.text]
    unit = _UNIT_WORDS.get(m.unit or "", m.unit)
    if unit and _BY_MILLIONS.search(m.text):  # "12 millions d'euros": "douze millions d'euros"
        out.append(m.text.removesuffix(m.unit or "").removesuffix("d'").strip().removesuffix(" de"))
        unit = f"d'{unit}" if unit[:1] in "aeiouyhéèê" else f"de {unit}"
    if m.value is not None:
        out.append(str(m.value))
        words = number_to_words(m.value)
        if words:
            out += [words, f"{words} {unit}" if unit else words]
        if m.unit:
            out.append(f"{m.value} {m.unit}")
        if m.value >= 1000:  # French prints "334 464"; a student types it either way
            spaced = f"{m.value:,}".replace(",", " ")
            out += [spaced, f"{spaced} {m.unit}" if m.unit else spaced]
    if m.unit in _PERCENT:
        figure = m.text.removesuffix(m.unit).strip()
        out += [f"{figure} {unit}", f"{figure}{m.unit}", figure]
    first = m.text.split()[0].casefold() if m.text.split() else ""
    if first in _HEDGE_WORDS or is_number_word(first):  # "Quatre personnes" opened a sentence
        out = [v[:1].lower() + v[1:] for v in out]
    return tuple(dict.fromkeys(v for v in out if v))


def figure_question(
    article: Article, prompt: str, m: Mention, quote: str, sentence: int, extra: tuple = ()
) -> Any:
    """A number question on the figure m, its usual forms and `extra` ones among the answers."""
    from factquiz.generate.questions import Question  # questions imports this module

    answers = (tuple(dict.fromkeys([*number_variants(m), *extra])),)
    return Question(article.source_id, "number", prompt, answers, quote, sentence, (m,))


def date_target(article: Article, phrase: Phrase, table: MentionTable) -> Target | None:
    """A time phrase made only of a date ("en 2006", "le 13 septembre", "tôt mardi")."""
    doc = article.doc
    dates = table.inside(phrase.tokens, {"date", "year", "month", "day"})
    if len(dates) != 1 or phrase.case not in ("", "en", "depuis", "dès"):
        return None
    m = dates[0]
    if any(t not in m.tokens and doc[t].pos_ not in ("ADP", "DET") for t in phrase.tokens):
        return None
    if m.kind == "year" and m.value is not None and m.value == article_year(article):
        return None  # the article's own year, which its date gives away (reader J3)
    if m.kind in WH_DATE:
        words = WH_DATE[m.kind][phrase.case == "depuis"]
    elif m.kind == "day" and m.end - m.start == 1:
        words = "Quel jour"
    else:
        words = "Depuis quand" if phrase.case == "depuis" else "Quand"
    variants = [m.text, without_article(m.text)]
    variants += [w for w in m.text.split() if w.casefold() in WEEKDAYS]
    answers = (tuple(dict.fromkeys(variants)),)
    return Target(m.kind, answers, frozenset(phrase.tokens), Wh(words), (m,))


# Hedges in front of a figure the parser may leave outside its phrase.
_APPROXIMATE = {"près", "environ", "presque", "quelque", "plus", "moins"}


def number_target(
    article: Article, phrase: Phrase, table: MentionTable, subject: bool
) -> Target | None:
    """A counted noun: "Combien de jours", "À combien de kilomètres au nord-ouest d'Ussuriysk"."""
    doc = article.doc
    nums = _figures_in(article, phrase, table)
    if len(nums) > 1:  # "6 exoplanètes [à deux soleils]": the figure counting the head
        nums = [m for m in nums if m.end - 1 == phrase.head and _others_qualify(doc, m, nums)]
    if len(nums) != 1:
        return None
    m = nums[0]
    if m.unit in _CLOCK_UNITS:
        return clock_target(article, phrase, m)
    if phrase.dep == "obj" and doc[phrase.head].lemma_ in MEASURE_NOUNS:
        return measure_target(article, phrase, m)
    hedged = doc[m.start].lower_ in ("plus", "moins", "près", "pas")
    if hedged and phrase.case.endswith((" de", " d'")):  # "pendant [plus de] trois ans"
        phrase = replace(phrase, case=phrase.case.rsplit(" ", 1)[0])
    if not _countable(article, phrase, m):
        return None
    tail = _counted_tail(doc, [t for t in phrase.tokens if t >= m.end])
    words = _how_many(article, phrase, m, tail, subject)
    if words is None:
        return None
    plural = (m.value or 0) > 1 or (
        m.value is None and morph(doc[m.end - 1], "Number", "") == "Plur"
    )
    counted = (noun_gender(doc[m.end - 1]), "Plur" if plural else "Sing")
    agreement = counted if phrase.dep == "obj" else None
    wh = Wh(words, subject=subject, object_agreement=agreement, agreement=counted)
    removed = _asked_tokens(doc, phrase, m, tail)
    return Target("number", (number_variants(m),), removed, wh, (m,))


def _countable(article: Article, phrase: Phrase, m: Mention) -> bool:
    """A phrase "combien" asks well: the right preposition, no article before the figure."""
    doc = article.doc
    if phrase.case not in ("", "à", "pendant", "durant", "depuis", "de", "sur", "avec", "en"):
        return False  # "au cours des 18 derniers mois" asks badly as "combien"
    if phrase.case == "en" and doc[phrase.head].head.lemma_ in ("faire", "être", "avoir"):
        return False  # "son naufrage en 14 minutes font partie ...": the phrase is the noun's
    if any(doc[t].pos_ == "DET" for t in phrase.tokens if t < m.start):
        return False  # "les deux pays": a count the reader is not asked to remember
    if any(doc[t].pos_ == "NOUN" for t in phrase.tokens if t < m.start):
        return False  # "en présence de 300 invités": no "En combien d'invités"
    sent = doc[phrase.head].sent
    # "pour la première fois depuis 24 ans" is not "depuis combien d'années"
    return not (phrase.case == "depuis" and "première fois" in sent.text)


def _how_many(
    article: Article, phrase: Phrase, m: Mention, tail: list[int], subject: bool
) -> str | None:
    """ "Combien de jours", "À combien de kilomètres", "De combien" (a rate), the counted
    noun's qualifiers after it ("Combien de missiles balistiques à courte portée")."""
    doc = article.doc
    unit = article.surface([m.end - 1])
    unit = _UNIT_NAMES.get(unit, unit)
    if morph(doc[m.end - 1], "Number", "") == "Sing" and not unit.endswith(("s", "x", "z")):
        unit += "s"  # "1,6 kilomètre": "Combien de kilomètres"
    how_many = "combien d'" if unit[:1].lower() in "aeiouyhéèê" else "combien de "
    case = bare_case(phrase.case) if doc[phrase.tokens[0]].pos_ == "ADP" and phrase.case else ""
    words = f"{case} {how_many}{unit}".strip()
    if phrase.dep == "obj" and doc[phrase.head].head.lemma_ in _MEASURE_VERBS and not tail:
        return "Combien"  # "Combien le tunnel mesure-t-il ?"
    if unit in ("%", "‰"):
        if subject or tail or phrase.case not in ("de", ""):
            return None  # "Combien de % des habitants", "À combien ... formé à 50 %": no French
        words = f"{case} combien".strip()  # "De combien les actes ont-ils augmenté ?"
    if tail:
        words = f"{words} {article.surface(tail)}"
    return words[:1].upper() + words[1:]


def _asked_tokens(doc: Any, phrase: Phrase, m: Mention, tail: list[int]) -> frozenset[int]:
    """What the question takes out: the phrase, or only up to the figure's noun when what
    follows is no part of it ("18 jours [accrochée]", "12 heures [des personnes]")."""
    rest = [t for t in phrase.tokens if t >= m.end]
    if rest and not tail and doc[rest[0]].pos_ == "DET" and doc[rest[0]].lemma_ == "un":
        # "pendant 12 heures [des personnes ...]": the parser hung the object on the figure
        removed = frozenset(t for t in phrase.tokens if t < m.end)
    elif tail or not rest or doc[rest[0]].pos_ != "VERB":
        removed = frozenset(phrase.tokens)  # "deux missiles [balistiques] [qui ont atterri]"
    else:
        removed = frozenset(t for t in phrase.tokens if t < m.end)  # "18 jours [accrochée]"
    before = phrase.tokens[0] - 1
    if before >= 0 and doc[before].lower_ in _APPROXIMATE and doc[before].pos_ == "ADV":
        removed = removed | {before}  # "concède [près] de neuf dixièmes": the hedge goes too
    return removed | frozenset(m.tokens)  # the answer holds its hedge, the prompt does not


# Nouns an amount measures: "une amende de 10 000 euros" is asked "Quelle amende ... ?".
MEASURE_NOUNS = {
    "amende", "marge", "hausse", "baisse", "augmentation", "diminution", "croissance", "chute",
    "progression", "recul", "déficit", "excédent", "indemnité", "prime", "salaire", "somme",
    "montant", "budget", "subvention", "rançon", "caution", "enveloppe", "bénéfice", "perte",
}  # fmt: skip


def measure_target(article: Article, phrase: Phrase, m: Mention) -> Target | None:
    """ "a infligé une amende de 10 000 euros": "Quelle amende ... a-t-il infligée ?", when the
    phrase is nothing but the measured noun, its adjectives and "de <figure>"."""
    doc = article.doc
    head = doc[phrase.head]
    if any(c.dep_ == "xcomp" and morph(c, "Mood", "") for c in head.head.children):
        return None  # "font une marge ... par tonnes de [brent]" read as a verb: a misparse
    det = [c for c in head.children if c.dep_ == "det"]
    if len(det) != 1 or det[0].lemma_ != "un" or any(t.dep_ == "conj" for t in head.subtree):
        return None
    figure = next((c for c in head.children if c.i >= m.start and c.i < m.end), None)
    if figure is None or figure.dep_ != "nmod" or m.start - 1 not in phrase.tokens:
        return None
    if doc[m.start - 1].lower_ not in ("de", "d'"):
        return None
    named = [head.i] + [c.i for c in head.children if c.dep_ == "amod" and c.i > head.i]
    said = {t.i for t in figure.subtree}
    extra = sorted(said - set(m.tokens) - {m.start - 1})
    if extra and (doc[extra[0]].lower_ != "par" or extra != list(range(m.end, extra[-1] + 1))):
        return None  # "une hausse de 12 % [de ses ventes]": the answer would lose what rose
    told = set(named) | {det[0].i} | said
    if set(phrase.tokens) - told or sorted(named) != list(range(head.i, head.i + len(named))):
        return None  # "une amende de 10 000 euros [à l'entreprise]": the question cannot say it
    gender, number = noun_gender(head), morph(head, "Number", "Sing")
    words = f"{quel(gender, number)} {article.surface(named)}"
    wh = Wh(words[:1].upper() + words[1:], object_agreement=(gender, number))
    per = [article.surface(range(m.start, extra[-1] + 1))] if extra else []  # "31 euros par tonne"
    answers = (tuple(dict.fromkeys([*per, *number_variants(m)])),)
    return Target("number", answers, frozenset(phrase.tokens), wh, (m,))


_CLOCK_UNITS = {"h", "heure", "heures"}
_CLOCK_CASES = {
    "à": "À quelle heure", "vers": "Vers quelle heure", "dès": "Dès quelle heure",
    "avant": "Avant quelle heure", "après": "Après quelle heure",
    "jusqu'à": "Jusqu'à quelle heure", "jusqu'": "Jusqu'à quelle heure",
}  # fmt: skip


def clock_target(article: Article, phrase: Phrase, m: Mention) -> Target | None:
    """ "à 20 h 50" asked "À quelle heure", never "À combien d'heures"; a duration ("pendant
    12 heures") is no time of day and gets no question here."""
    doc = article.doc
    words = _CLOCK_CASES.get(phrase.case)
    first = phrase.tokens[0]
    if words is None or m.value is None or m.value > 24 or doc[first].pos_ != "ADP":
        return None
    end = m.end
    if end < len(doc) and doc[end].like_num and len(doc[end].text) == 2:
        end += 1  # "20 h [50]"
    if any(t not in phrase.tokens for t in range(first, end)) or m.start > first + 2:
        return None
    text = article.surface(range(m.start, end))
    minutes = text.split()[2:] if len(text.split()) > 2 else []
    hour = m.value
    forms = [text, f"{hour} h", f"{hour}h", f"{hour} heures", f"{number_to_words(hour)} heures"]
    if minutes:
        forms = [
            text,
            f"{hour}h{minutes[0]}",
            f"{hour} heures {minutes[0]}",
            f"{hour}:{minutes[0]}",
        ]
    if any(t >= end for t in phrase.tokens):
        return None  # "à 18 heures [dans les petites communes]": the scope hangs on the hour
    removed = frozenset(phrase.tokens)
    answers = (tuple(dict.fromkeys(forms)),)
    return Target("date", answers, removed, Wh(words), (m,))


def _others_qualify(doc: Any, m: Mention, nums: list[Mention]) -> bool:
    """The other figures of the phrase qualify this one's noun ("à deux soleils"), rather
    than being counted beside it ("trois écoles [et deux collèges]")."""
    last = max(n.end for n in nums)
    between = range(m.end, last)
    return all(n.start >= m.end for n in nums if n is not m) and not any(
        doc[t].pos_ in ("CCONJ", "PUNCT", "VERB") for t in between
    )


def _figures_in(article: Article, phrase: Phrase, table: MentionTable) -> list[Mention]:
    """The figures of a phrase, a hedge the parser hung before it included ("[près de] neuf
    dixièmes" with "près" on the verb)."""
    doc, tokens = article.doc, set(phrase.tokens)
    out = []
    for m in table.mentions:
        if m.kind != "number":
            continue
        core = next(
            (t for t in m.tokens if doc[t].like_num or is_number_word(doc[t].text)), m.start
        )
        hedge = all(t in tokens or t < phrase.tokens[0] for t in range(m.start, core))
        if hedge and set(range(core, m.end)) <= tokens:
            out.append(m)
    return out


def _counted_tail(doc: Any, rest: list[int]) -> list[int]:
    """What the counted noun keeps in "Combien de ...": its adjectives and complements ("kg
    de matériel", "missiles balistiques à courte portée"), up to a verb or a relative clause."""
    if not rest or not (doc[rest[0]].pos_ == "ADJ" or doc[rest[0]].lower_ in ("de", "d'", "à")):
        return []  # "6 exoplanètes [à deux soleils]" is not "6 exoplanètes": the scope stays
    tail = []
    for t in rest:
        if (
            doc[t].pos_ in ("VERB", "AUX")
            or morph(doc[t], "PronType", "") == "Rel"
            or doc[t].is_punct
        ):
            break
        tail.append(t)
    return tail
