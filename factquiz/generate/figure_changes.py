"""By how much a figure changed: "De combien le niveau de vie moyen des 10 % des habitants
les plus pauvres a-t-il reculé entre 2008 et 2009 ?" for a verb of change and its "de <figure>",
with "l'an dernier" dated by the article's dateline."""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import morph
from factquiz.generate.datelines import article_year, dated_text
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import inversion_suffix, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import figure_question

# Dependents of a figure's verb that stay in the question after it (what it does, to whom,
# where) and those left out; figures.py asks with the same ones.
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
KEPT_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "xcomp", "advmod"}
LEFT_OUT_DEPS = {"punct", "advcl", "parataxis", "conj", "cc", "acl:relcl", "dislocated", "mark"}

# Verbs of change whose "de <figure>" says by how much: "a reculé de 2,1 %".
CHANGE_VERBS = {
    "augmenter", "baisser", "diminuer", "reculer", "progresser", "chuter", "croître",
    "grimper", "bondir", "accroître", "régresser", "dégringoler", "plonger", "s'envoler",
    "envoler", "gonfler", "fondre", "dégrader", "abaisser", "relever", "réduire", "gagner",
    "perdre", "monter", "descendre", "redescendre", "remonter", "rebondir", "croitre",
}  # fmt: skip


def change_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """ "De combien <subject> <verb> ... ?" for a verb of change and its "de <figure>":
    "De combien les 10 % des habitants les plus pauvres ont-ils vu leur niveau de vie moyen
    reculer entre 2008 et 2009 ?" (2,1 %), with "l'an dernier" dated by the dateline."""
    taken = {
        (q.sentence, m.start) for q in asked if not DEICTIC.search(q.prompt) for m in q.mentions
    }
    year = article_year(article)
    out = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            if verb.lemma_ not in CHANGE_VERBS or verb.pos_ != "VERB":
                continue
            found = _change_figure(table, verb)
            if found is None or (sent.start, found[0].start) in taken:
                continue
            prompt = _change_prompt(article, verb, found[1], year)
            if prompt is not None:
                out.append(figure_question(article, prompt, found[0], quote, sent.start))
    return out


def _change_figure(table: MentionTable, verb: Any) -> tuple[Mention, Any] | None:
    """The figure of "a reculé [de 2,1 %]" and the phrase holding it."""
    for c in verb.children:
        if c.dep_ not in ("obl:arg", "obl", "obl:mod") or c.i < verb.i:
            continue
        cases = [t.text.casefold() for t in c.children if t.dep_ == "case"]
        found = [m for m in table.by_token.get(c.i, []) if m.kind == "number" and m.end == c.i + 1]
        if cases in (["de"], ["d'"]) and len(found) == 1:
            return found[0], c
    return None


def _change_prompt(article: Article, verb: Any, figure: Any, year: int | None) -> str | None:
    doc = article.doc
    main = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_ == "voir" else verb
    if main.dep_ not in ("ROOT", "advcl") or any(c.dep_ == "mark" for c in main.children):
        return None  # an adverbial clause ("quand les prix ont baissé de ...") is not a fact
    subjects = [c for c in main.children if c.dep_ in SUBJECT_DEPS]
    auxes = [c for c in main.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN") or len(auxes) > 2:
        return None
    subject = subjects[0]
    auxes.sort(key=lambda t: t.i)
    subject_tokens = list(range(subject.left_edge.i, subject.right_edge.i + 1))
    finite = auxes[0] if auxes else main
    if morph(finite, "VerbForm", "") != "Fin" or subject_tokens[-1] + 1 != finite.i:
        return None
    if any(
        doc[t].pos_ == "PUNCT" or morph(doc[t], "PronType", "") == "Dem" for t in subject_tokens
    ):
        return None
    rest = _change_rest(doc, main, verb, figure, finite)
    if rest is None:
        return None
    rest_text = dated_text(article.surface(rest), year)
    if rest_text is None:
        return None
    gender, number = _subject_agreement(subject)
    suffix = inversion_suffix(finite.text, gender, number)
    owned = _owner_first(article, main, verb, finite, subject_tokens, rest)
    frame = _frame(article, main, subject_tokens[0])
    how_much = "de combien"
    if figure.text not in ("%", "‰"):  # "De combien de crans", "De combien d'euros"
        how_much += f" d'{figure.text}" if _vowel(figure.text) else f" de {figure.text}"
    subject_text = lower_initial(article.surface(subject_tokens))
    prompt = f"{how_much} {subject_text} {finite.text}{suffix} {rest_text}"
    if owned is not None:  # "De combien le niveau de vie des 10 % ... a-t-il reculé ... ?"
        scope = dated_text(owned[1], year) if owned[1] else ""
        prompt = f"{how_much} {owned[0]} {scope}" if scope is not None else prompt
    prompt = f"{frame}, {prompt}" if frame else prompt[:1].upper() + prompt[1:]
    prompt = mend_slips(prompt) + " ?"
    return prompt if well_formed(prompt) and len(prompt.split()) <= 32 else None


def _change_rest(doc: Any, main: Any, verb: Any, figure: Any, finite: Any) -> list[int] | None:
    """What follows the finite verb in the question: the participle, the object of "voir",
    the verb of change and its other phrases, without the figure; None when it cuts."""
    tokens = {main.i, verb.i} | {c.i for c in main.children if c.dep_ == "aux:pass"}
    tokens -= {finite.i}
    if main.i != verb.i:
        objects = [c for c in main.children if c.dep_ == "obj"]
        if len(objects) != 1:
            return None
        tokens |= {t.i for t in objects[0].subtree}
    for c in verb.children:
        if c.i < verb.i or c.i == figure.i or c.dep_ in LEFT_OUT_DEPS:
            continue
        if c.dep_ not in KEPT_DEPS:
            return None
        tokens |= {t.i for t in c.subtree}
    ordered = sorted(tokens)
    figure_tokens = {t.i for t in figure.subtree}
    gaps = [
        t for t in range(ordered[0], ordered[-1] + 1) if t not in tokens and t not in figure_tokens
    ]
    if any(not doc[t].is_punct for t in gaps) or ordered[0] <= finite.i - 1:
        return None
    if any(doc[t].text in ("«", "»", '"', "(", ")") for t in ordered):
        return None
    return ordered


def _subject_agreement(subject: Any) -> tuple[str, str]:
    """Gender and number of a subject, conjuncts counted: "les actes et menaces" -> Masc Plur."""
    heads = [subject] + [c for c in subject.children if c.dep_ == "conj"]
    gender = "Masc" if any(morph(h, "Gender", "Masc") == "Masc" for h in heads) else "Fem"
    number = "Plur" if len(heads) > 1 else morph(subject, "Number", "Sing")
    if subject.text in ("%", "‰"):
        number = "Plur" if any(c.dep_ == "nummod" for c in subject.children) else number
    return gender, number


def _frame(article: Article, main: Any, subject_start: int) -> str:
    """ "D'après le ministère de l'Intérieur": a source fronted before the subject."""
    for c in main.children:
        if c.i >= subject_start or c.dep_ not in ("obl:mod", "obl"):
            continue
        first = article.doc[c.left_edge.i].text.casefold()
        if first in ("selon", "d'"):
            text = article.surface(range(c.left_edge.i, c.right_edge.i + 1))
            if text.casefold().startswith(("selon ", "d'après ")):
                return text
    return ""


def _vowel(word: str) -> bool:
    return word[:1].casefold() in "aeiouyhéèêàâîôû"


_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
_OF_ARTICLE = {"les": "des", "le": "du"}


def _owner_first(
    article: Article, main: Any, verb: Any, finite: Any, subject: list[int], rest: list[int]
) -> tuple[str, str] | None:
    """ "X ont vu leur niveau de vie reculer" said as "le niveau de vie de X a-t-il reculé":
    the question names whose figure it is without a possessive; (subject with the verb,
    the rest). Only for "a/ont vu" with a verb in -er, whose participle is sure."""
    doc = article.doc
    if main.i == verb.i or finite.text not in ("a", "ont") or not verb.lemma_.endswith("er"):
        return None
    obj = next(c for c in main.children if c.dep_ == "obj")
    owned = list(range(obj.left_edge.i, obj.right_edge.i + 1))
    if doc[owned[0]].text.casefold() not in _POSSESSIVES or doc[owned[0]].head.i != obj.i:
        return None
    gender = "Fem" if morph(obj, "Gender", "Masc") == "Fem" else "Masc"
    number = morph(obj, "Number", "Sing")
    article_word = (
        "les " if number == "Plur" else "l'" if _vowel(obj.text) else
        "la " if gender == "Fem" else "le "
    )  # fmt: skip
    owner = lower_initial(article.surface(subject))
    first, _, tail = owner.partition(" ")
    owner = f"{_OF_ARTICLE[first]} {tail}" if first in _OF_ARTICLE else f"de {owner}"
    aux = "ont" if number == "Plur" else "a"
    named = f"{article_word}{article.surface(owned[1:])} {owner}"
    said = f"{named} {aux}{inversion_suffix(aux, gender, number)} {verb.lemma_[:-2]}é"
    scope = [t for t in rest if t > verb.i]
    return said, article.surface(scope)
