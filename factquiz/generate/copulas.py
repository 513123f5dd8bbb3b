"""How much, asked of a measure stated with "être de": "Les coûts ... sont de deux cent mille
dollars" gives "Quels sont les coûts ... ?" (answer: deux cent mille dollars).

The parser makes the measure the root of such a sentence, with "être" as its copula, so no
verb clause carries it; this module reads the pattern off the root directly.
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph, noun_gender
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
    for sent, quote in askable_sentences(article):
        question = _measure_question(article, sent, quote, table)
        if question is not None:
            out.append(question)
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
    head = subject
    which = WHICH[(noun_gender(head), morph(head, "Number", "Sing"))]
    subject_text = lower_initial(article.surface(range(head.left_edge.i, head.right_edge.i + 1)))
    words = [which, article.surface(copula), subject_text]
    words += [
        lower_initial(article.surface(range(p.left_edge.i, p.right_edge.i + 1))) for p in kept
    ]
    prompt = mend_slips(" ".join(w for w in words if w)) + " ?"
    if not well_formed(prompt):
        return None
    if any(doc[t].pos_ == "VERB" for p in kept for t in range(p.left_edge.i, p.right_edge.i + 1)):
        return None  # a clause inside a kept phrase reads badly once moved
    answers = (_variants(measure, article.surface(range(measure.start, end))),)
    return Question(article.source_id, "number", prompt, answers, quote, sent.start, (measure,))


def _parts(root: Any) -> tuple[Any, list[int], Any] | None:
    """The subject noun, the copula's tokens ("a été") and "de" of a measure root, or None."""
    if root.pos_ not in ("NOUN", "NUM", "SYM", "PROPN"):
        return None
    children = list(root.children)
    cops = [c for c in children if c.dep_ == "cop" and c.lemma_ == "être"]
    subjects = [c for c in children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    cases = [c for c in children if c.dep_ == "case" and c.text.casefold() in ("de", "d'")]
    if len(cops) != 1 or len(subjects) != 1 or len(cases) != 1:
        return None
    if any(c.dep_ in ("conj", "advmod:neg") or c.text.casefold() in ("ne", "n'") for c in children):
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
        if not DEICTIC.fullmatch(root.doc[c.left_edge.i : c.right_edge.i + 1].text):
            kept.append(c)  # "l'année dernière" only the day's reader can place
    return kept
