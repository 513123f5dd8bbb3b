"""How much, asked of a measure stated with "être de": "Les coûts ... sont de deux cent mille
dollars" gives "Quels sont les coûts ... ?" (answer: deux cent mille dollars).

The parser makes the measure the root of such a sentence, with "être" as its copula, so no
verb clause carries it; this module reads the pattern off the root directly.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph, noun_gender
from factquiz.generate.datelines import article_year, dated, relative_year
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import number_variants

WHICH = {
    ("Masc", "Sing"): "Quel",
    ("Fem", "Sing"): "Quelle",
    ("Masc", "Plur"): "Quels",
    ("Fem", "Plur"): "Quelles",
}
# Phrases of the root that may stay in the question: where, for whom, when the measure holds.
_KEPT_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
_SKIPPED_DEPS = {"punct", "cop", "aux", "aux:tense", "case", "nummod", "det", "nsubj", "amod"}
_QUOTES = {"«", "»", '"'}
_MAGNITUDES = {"mille", "million", "millions", "milliard", "milliards"}


def copular_questions(article: Article, table: MentionTable) -> list[Question]:
    """A "Quel est <subject> ?" question for every sentence whose predicate is a measure
    ("est de 1,2 %"), the measure in digits and words among the answers."""
    out = []
    year = article_year(article)
    for sent, quote in askable_sentences(article):
        question = _measure_question(article, sent, quote, table)
        if question is not None:
            out.append(question)
        else:
            out += _listed_measure_questions(article, sent, quote, table, year)
    return out


def _measure_question(
    article: Article, sent: Any, quote: str, table: MentionTable
) -> Question | None:
    root = sent.root
    parts = _parts(root)
    if parts is None or any(t.text in _QUOTES for t in sent):
        return None
    subject, copula, case = parts
    doc = article.doc
    unit = _unit_complement(root)
    end = unit.right_edge.i + 1 if unit is not None else root.i + 1
    measure = _measure(article, table, range(case.i + 1, root.i + 1), end)
    kept = _kept_phrases(root, subject, unit)
    if measure is None or kept is None:
        return None
    frames = [p for p in kept if p.left_edge.lower_ in ("selon", "d'après", "d'")]
    frames = [p for p in frames if _phrase(article, p).casefold().startswith(_SOURCES)]
    kept = [p for p in kept if p not in frames]
    head = subject
    which = WHICH[(noun_gender(head), morph(head, "Number", "Sing"))]
    subject_text = lower_initial(article.surface(range(head.left_edge.i, head.right_edge.i + 1)))
    words = [which, article.surface(copula), subject_text]
    year = article_year(article)
    scopes = [dated(_phrase(article, p), year) or lower_initial(_phrase(article, p)) for p in kept]
    if any(relative_year(scope) for scope in scopes):
        return None  # "Quel était le taux ?" without "l'année dernière" asks another year
    words += scopes
    prompt = " ".join(w for w in words if w)
    if len(frames) == 1:  # "Selon les estimations publiées par l'Insee, quelle est ... ?"
        source = _phrase(article, frames[0])
        prompt = f"{source[:1].upper()}{source[1:]}, {prompt[:1].lower()}{prompt[1:]}"
    prompt = mend_slips(prompt) + " ?"
    if not well_formed(prompt) or len(frames) > 1:
        return None
    if any(doc[t].pos_ == "VERB" for p in kept for t in range(p.left_edge.i, p.right_edge.i + 1)):
        return None  # a clause inside a kept phrase reads badly once moved
    answers = (_variants(measure, article.surface(range(measure.start, end))),)
    return Question(article.source_id, "number", prompt, answers, quote, sent.start, (measure,))


_SOURCES = ("selon ", "d'après ")


def _phrase(article: Article, phrase: Any) -> str:
    return article.surface(range(phrase.left_edge.i, phrase.right_edge.i + 1)).rstrip(" :;,")


def _parts(root: Any, listed: bool = False) -> tuple[Any, list[int], Any] | None:
    """The subject noun, the copula's tokens ("a été") and "de" of a measure root, or None;
    `listed` lets the measure have conjuncts ("de 14 euros, de 21 euros en 2010")."""
    if root.pos_ not in ("NOUN", "NUM", "SYM", "PROPN"):
        return None
    children = list(root.children)
    cops = [c for c in children if c.dep_ == "cop" and c.lemma_ == "être"]
    subjects = [c for c in children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    cases = [c for c in children if c.dep_ == "case" and c.text.casefold() in ("de", "d'")]
    if len(cops) != 1 or len(subjects) != 1 or len(cases) != 1:
        return None
    banned = ("advmod:neg",) if listed else ("conj", "advmod:neg")
    if any(c.dep_ in banned or c.text.casefold() in ("ne", "n'") for c in children):
        return None
    dets = [c for c in subjects[0].children if c.dep_ == "det"]
    if any(morph(d, "Poss", "") == "Yes" or morph(d, "PronType", "") == "Dem" for d in dets):
        return None  # "Quelle est sa superficie ?": whose, the student cannot tell
    copula = sorted(c.i for c in children if c.dep_ in ("cop", "aux", "aux:tense"))
    if not subjects[0].i < copula[0] < cases[0].i:
        return None
    return subjects[0], copula, cases[0]


def _unit_complement(root: Any) -> Any | None:
    """ "3 milliards [d'euros]": what the measured noun counts, part of the answer."""
    for c in root.children:
        if c.dep_ == "nmod" and c.left_edge.i == root.i + 1:
            return c if c.left_edge.text.casefold() in ("de", "d'") else None
    return None


def _measure(article: Article, table: MentionTable, tokens: range, end: int) -> Mention | None:
    """The quantity the predicate is made of: a counted number the mentions found, or digits
    with a decimal comma ("1,2 %", "environ 67,8 millions") they leave out; nothing else but
    "de" before it."""
    nums = table.inside(tuple(tokens), {"number"})
    if len(nums) == 1 and nums[0].start == tokens.start and nums[0].end == tokens.stop:
        return nums[0]
    whole = [m for m in table.by_token.get(tokens.start, []) if m.kind == "number"]
    if len(whole) == 1 and whole[0].start == tokens.start and tokens.stop <= whole[0].end <= end:
        return whole[0]  # "2 000 milliards [de dollars]": the figure runs into its unit
    doc = article.doc
    first = tokens.start + (doc[tokens.start].text.casefold() == "environ")
    digits = [t for t in tokens if doc[t].like_num]
    if nums or not digits or digits != list(range(first, tokens.stop - 1)):
        return None
    text = article.surface(tokens)
    return Mention("number", tokens.start, end, text, None, doc[tokens.stop - 1].text)


def _variants(measure: Mention, full: str) -> tuple[str, ...]:
    """The measure with its unit complement ("3 milliards d'euros"), then its usual forms."""
    forms = [full, *number_variants(measure)]
    if measure.value is None and measure.unit:
        forms.append(measure.text.removesuffix(measure.unit).strip())  # "1,2" for "1,2 %"
    forms += [f.removeprefix("environ ") for f in forms if f.startswith("environ ")]
    if measure.unit in _MAGNITUDES:  # "3" is no answer for "3 milliards d'euros"
        forms = [f for f in forms if measure.unit in f]
    return tuple(dict.fromkeys(f for f in forms if f))


def _kept_phrases(root: Any, subject: Any, unit: Any) -> list[Any] | None:
    """The root's other phrases, in order, or None when one cannot stay in the question."""
    kept = []
    for c in root.children:
        text = c.text.casefold()
        if c.i in (subject.i, unit.i if unit is not None else -1) or c.dep_ in _SKIPPED_DEPS:
            continue
        if text in DISCOURSE_ADVERBS:
            continue
        if c.dep_ == "advmod" and c.i < root.i:
            continue  # "Ainsi, ..." links to the sentence before; "d'environ 3" is the measure's
        if c.dep_ not in _KEPT_DEPS:
            return None
        text = root.doc[c.left_edge.i : c.right_edge.i + 1].text
        if relative_year(text) or not DEICTIC.fullmatch(text):
            kept.append(c)  # "hier" goes; "l'année dernière" is dated or nothing is asked
    return kept


def _listed_measure_questions(
    article: Article, sent: Any, quote: str, table: MentionTable, year: int | None
) -> list[Question]:
    """One question per measure of a list, each asked with what sets it apart: "En 2011, la
    marge moyenne était de 14 euros, de 21 euros en 2010 et 15 euros en 2009" gives "Quelle
    était la marge moyenne en 2010 ?"; a fronted time holds for every measure that names no
    other ("L'année dernière, le taux ... a été de 86 % dans l'ensemble et 71,8 % pour les
    baccalauréats professionnels": both "en 2011" in an article dated 2012)."""
    root = sent.root
    parts = _parts(root, listed=True)
    if parts is None or any(t.text in _QUOTES for t in sent):
        return []
    subject, copula, case = parts
    segments = _segments(article, table, case.i + 1, sent.end)
    fronted = _fronted(article, sent.start, subject.left_edge.i, year)
    if len(segments) < 2 or fronted is None:
        return []
    scopes = _scopes(article, segments, fronted)
    if None in scopes:
        return []  # "de 12, de 15 et de 20 euros selon les places": the last phrase is all's
    head = subject
    which = WHICH[(noun_gender(head), morph(head, "Number", "Sing"))]
    subject_text = lower_initial(article.surface(range(head.left_edge.i, head.right_edge.i + 1)))
    out = []
    if all(_YEAR_SCOPE.fullmatch(scope or "") for scope in scopes):
        segments, scopes = segments[:1], scopes[:1]  # a yearly series: its news is the first
    for (measure, end, _), scope in zip(segments, scopes, strict=True):
        if scope is None or scopes.count(scope) > 1:
            continue  # nothing tells this measure from another: no single answer
        words = [which, article.surface(copula), subject_text, scope]
        prompt = mend_slips(" ".join(words)) + " ?"
        if not well_formed(prompt):
            continue
        answers = (_variants(measure, article.surface(range(measure.start, end))),)
        out.append(
            Question(article.source_id, "number", prompt, answers, quote, sent.start, (measure,))
        )
    return out


_SEPARATORS = {",", "et", ";"}
# "en 2010": the earlier values of a yearly series are background (reader J4 struck "Quelle
# était la marge moyenne en 2010 ?" and kept the 2011 one).
_YEAR_SCOPE = re.compile(r"en (?:1[5-9]|20)\d\d")


def _segments(
    article: Article, table: MentionTable, start: int, stop: int
) -> list[tuple[Mention, int, list[int]]]:
    """The measures listed from `start`: each figure, where its unit complement ends ("82,2
    millions [de tonnes]"), and the tokens after it that scope it ("en 2010")."""
    doc = article.doc
    out: list[tuple[Mention, int, list[int]]] = []
    pos = start
    while pos < stop:
        found = [m for m in table.by_token.get(pos, []) if m.kind == "number" and m.start == pos]
        if len(found) != 1:
            break
        m = found[0]
        end = m.end
        if m.unit in _MAGNITUDES and end + 1 < stop and doc[end].text.casefold() in ("de", "d'"):
            end += 2
        k = end
        while k < stop and doc[k].text.casefold() not in _SEPARATORS and not doc[k].is_punct:
            k += 1
        out.append((m, end, list(range(end, k))))
        if k >= stop or doc[k].text in (".", ";"):
            break
        pos = k + 1
        if pos < stop and doc[pos].text.casefold() == "et":
            pos += 1
        if pos < stop and doc[pos].text.casefold() in ("de", "d'"):
            pos += 1
    return out


def _fronted(article: Article, start: int, stop: int, year: int | None) -> str | None:
    """What comes before the subject, as a phrase the question can keep ("en 2011"): "" when
    nothing does, None when it cannot stay (a deictic time no dateline resolves)."""
    doc = article.doc
    tokens = [
        t for t in range(start, stop)
        if not doc[t].is_punct and doc[t].text.casefold() not in DISCOURSE_ADVERBS
    ]  # fmt: skip
    if not tokens:
        return ""
    text = article.surface(tokens)
    resolved = dated(text, year)
    if resolved is not None:
        return resolved
    if doc[tokens[0]].pos_ != "ADP" or DEICTIC.search(text) or len(tokens) > 6:
        return None
    if any(doc[t].pos_ in ("VERB", "AUX", "PRON") for t in tokens):
        return None
    return lower_initial(text)


def _scopes(
    article: Article, segments: list[tuple[Mention, int, list[int]]], fronted: str
) -> list[str | None]:
    """What sets each measure apart: its own phrase, with the fronted one when it is of
    another kind ("pour les baccalauréats professionnels en 2011"); the first measure,
    with no phrase of its own, takes the fronted one ("En 2011, ... de 14 euros")."""
    doc = article.doc
    preposition = fronted.split()[0].casefold() if fronted else ""
    out: list[str | None] = []
    for i, (_, _, tokens) in enumerate(segments):
        own = article.surface(tokens)
        if tokens and (
            doc[tokens[0]].pos_ != "ADP"
            or len(tokens) > 8
            or any(doc[t].pos_ in ("VERB", "AUX", "PRON") for t in tokens)
            or DEICTIC.search(own)
        ):
            out.append(None)
        elif not tokens:
            out.append(fronted if i == 0 and fronted else None)
        elif fronted and own.split()[0].casefold() != preposition:
            out.append(f"{own} {fronted}")
        else:
            out.append(own)
    return out
