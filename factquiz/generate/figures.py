"""Figures news states as counts: "Combien de candidats au baccalauréat général ... ?".

A count that qualifies a noun in the subject ("les 334 464 candidats au baccalauréat général
(48 %), 148 622 candidats au baccalauréat technologique ... connaîtront leurs résultats") is
asked with the clause's verb, one question per counted conjunct, the counted noun keeping
its complements ("au baccalauréat général") so the question has one answer. The clause
machinery asks a lone counted subject already; this module asks the lists it leaves.

Also the article's year, read off its dateline ("6 juillet 2012. - "), so that "l'année
dernière" can be asked as "en 2011".
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.parsing import MONTHS
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import inversion_suffix, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import number_variants

_DATELINE = re.compile(
    r"^\s*(?:1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\.?\s+[–—-]\s", re.I
)
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Dependents of the verb that stay in the question after it: what it does, to whom, where.
_KEPT_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "xcomp", "advmod"}
_LEFT_OUT_DEPS = {"punct", "advcl", "parataxis", "conj", "cc", "acl:relcl", "dislocated", "mark"}
_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'"}
_RELATIVE_TIME = re.compile(
    r"\b(?:mois|année|an|semaine|week-end|jour|saison)s?\s+(?:derni|prochain|pass)", re.I
)
_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\b", re.I)
_NEGATION = {"ne", "n'", "pas", "jamais", "plus", "aucun", "aucune"}


@functools.lru_cache(maxsize=64)
def _dateline_year(path: Path) -> int | None:
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:2000]
    except OSError:
        return None
    for line in head.splitlines()[:12]:
        found = _DATELINE.match(line)
        if found:
            return int(found[2])
    return None


def article_year(article: Article) -> int | None:
    """The year of the article's dateline ("6 juillet 2012. - C'est ..."), or None."""
    return _dateline_year(article.meta.path)


_RELATIVE_YEARS = {
    "l'année dernière": -1, "l'an dernier": -1, "l'année passée": -1, "cette année": 0,
    "l'année prochaine": 1, "l'an prochain": 1,
}  # fmt: skip


def dated(phrase: str, year: int | None) -> str | None:
    """ "l'année dernière" in an article of 2012 -> "en 2011"; None when no year resolves it."""
    shift = _RELATIVE_YEARS.get(" ".join(phrase.casefold().split()))
    return None if shift is None or year is None else f"en {year + shift}"


def figure_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """Every figure question this module builds, none on a figure `asked` already asks."""
    out = counted_subject_questions(article, table, asked)
    return out + change_questions(article, table, asked + out)


def counted_subject_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """ "Combien de <noun and complements> <verb> <rest> ?" for each counted noun of a
    coordinated subject, unless another question already asks for that figure."""
    taken = {(q.sentence, m.start) for q in asked for m in q.mentions}
    out = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("acl", "acl:relcl", "amod"):
                continue
            heads = _subject_heads(verb)
            if not heads:
                continue
            for head in heads:
                m = _count_of(article, table, head)
                if m is None or (sent.start, m.start) in taken:
                    continue
                question = _ask_count(article, sent, quote, verb, head, heads, m)
                if question is not None:
                    out.append(question)
    return out


def _subject_heads(verb: Any) -> list[Any]:
    """The nominal subjects of a verb and everything conjoined with them, in order."""
    heads = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN"]
    found = list(heads)
    for h in heads:
        found += [t for t in h.subtree if t.dep_ == "conj" and t.head in found and t.pos_ == "NOUN"]
    return sorted(set(found), key=lambda t: t.i)


def _count_of(article: Article, table: MentionTable, head: Any) -> Mention | None:
    """The figure counting this noun ("334 464 candidats"), written in digits or words."""
    found = [
        m for m in table.by_token.get(head.i, []) if m.kind == "number" and m.end == head.i + 1
    ]
    if len(found) != 1 or found[0].value is None or found[0].value < 2:
        return None
    m = found[0]
    before = article.doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.pos_ == "DET" and not article.doc[m.start].text[:1].isdigit():
        return None  # "les deux pays": a count the reader is not asked to remember
    if head.text in ("%", "‰") or morph(head, "Number", "Plur") != "Plur":
        return None
    return m


_BEFORE_COUNTED = {"det", "nummod", "amod", "advmod", "punct", "cc", "case", "fixed"}
# Subordinate clauses that still assert their fact ("alors que deux raffineries ont ...").
_ASSERTING_MARKS = {"alors", "tandis", "car", "puisque", "parce", "même", "bien"}


def _asserted(verb: Any) -> bool:
    """Not a condition, a time or a purpose ("si 30 personnes viennent", "quand ...")."""
    marks = [c.text.casefold() for c in verb.children if c.dep_ == "mark"]
    cleft = verb.dep_ == "ROOT" and marks == ["que"]  # "C'est aujourd'hui que ..."
    return cleft or all(m in _ASSERTING_MARKS for m in marks)


def _counted_noun(article: Article, head: Any) -> list[int] | None:
    """The noun and what tells it apart, to the right of the figure: "candidats [au
    baccalauréat général]"; None when a clause or a bracket hangs on it."""
    tokens = [head.i]
    for c in head.children:
        if c.i < head.i or c.dep_ in ("punct", "conj", "cc", "nummod", "det"):
            continue
        if c.dep_ not in ("nmod", "amod"):
            continue  # "(48 %)" in apposition, a relative clause: left out
        sub = [t.i for t in c.subtree]
        if any(article.doc[t].pos_ in ("VERB", "AUX", "PUNCT") for t in sub):
            return None
        tokens += sub
    tokens.sort()
    if tokens != list(range(tokens[0], tokens[-1] + 1)) or len(tokens) > 8:
        return None
    return tokens


def _ask_count(
    article: Article, sent: Any, quote: str, verb: Any, head: Any, heads: list[Any], m: Mention
) -> Question | None:
    noun = _counted_noun(article, head)
    predicate = _predicate(article, verb, heads)
    if noun is None or predicate is None or not _asserted(verb):
        return None
    if any(c.i < head.i and c.dep_ not in _BEFORE_COUNTED for c in head.children):
        return None  # "[ces derniers mois] deux raffineries": the parse lost a phrase
    words = article.surface(noun)
    how_many = "Combien d'" if words[:1].lower() in "aeiouyhéèê" else "Combien de "
    prompt = mend_slips(f"{how_many}{words} {predicate}".replace("' ", "'")) + " ?"
    if not well_formed(prompt) or len(prompt.split()) > 30:
        return None
    answers = (tuple(dict.fromkeys(lower_initial(v) for v in number_variants(m))),)
    return Question(article.source_id, "number", prompt, answers, quote, sent.start, (m,))


def _predicate(article: Article, verb: Any, heads: list[Any]) -> str | None:
    """The verb group and its dependents after the subject, up to a comma that opens an
    aside, then a time or place fronted before the subject ("depuis 2009"); None when a
    clitic, a negation or a fronted phrase the question cannot keep."""
    doc = article.doc
    first_subject = min(t.i for h in heads for t in h.subtree)
    last_subject = max(t.i for h in heads for t in h.subtree)
    tokens: list[int] = []
    fronted = _fronted_phrases(article, verb, first_subject)
    if fronted is None:
        return None
    for c in verb.children:
        text = c.text.casefold()
        if c.i < last_subject or c.dep_ in _LEFT_OUT_DEPS or text in DISCOURSE_ADVERBS:
            continue
        if text in _NEGATION or (c.pos_ == "PRON" and text in _CLITICS and c.i < verb.i):
            return None
        sub = [t.i for t in c.subtree]
        if c.dep_ in _KEPT_DEPS and DEICTIC.fullmatch(article.surface(sub)):
            continue
        if c.dep_ in _KEPT_DEPS or c.dep_.startswith("aux") or c.dep_ == "cop":
            tokens += sub
        elif c.dep_ not in ("nsubj", "nsubj:pass", "expl:comp", "expl:pass"):
            return None
    tokens = sorted(set(tokens) | {verb.i})
    if tokens[0] <= last_subject or any(doc[t].text in ("«", "»", '"') for t in tokens):
        return None
    gaps = [t for t in range(tokens[0], tokens[-1] + 1) if t not in tokens]
    if any(not doc[t].is_punct for t in gaps):
        return None  # something between the kept words was cut: the rest would not read
    if any(doc[t].pos_ == "VERB" and doc[t].dep_ == "acl:relcl" for t in tokens):
        return None
    return " ".join([article.surface(tokens), *fronted])


def _fronted_phrases(article: Article, verb: Any, first_subject: int) -> list[str] | None:
    """The verb's phrases before its subject that the question keeps ("Depuis 2009" ->
    "depuis 2009"); None when one cannot go ("ces derniers mois", "au début du mois
    dernier": a time only the day's reader can place, which the figure needs)."""
    out = []
    for c in verb.children:
        if c.i >= first_subject or c.dep_ in ("punct", "mark", "cc"):
            continue
        text = article.surface(range(c.left_edge.i, c.right_edge.i + 1))
        if c.text.casefold() in DISCOURSE_ADVERBS or c.lemma_ == "ce":
            continue  # "Déjà", "Néanmoins", the "C'" of "C'est aujourd'hui que"
        if (
            c.dep_ not in ("obl", "obl:mod")
            or DEICTIC.search(text)
            or _DEMONSTRATIVE.search(text)
            or _RELATIVE_TIME.search(text)
        ):
            return None
        if any(t.pos_ in ("VERB", "AUX", "PRON") for t in c.subtree):
            return None
        if article.doc[c.left_edge.i].pos_ != "ADP" or len(text.split()) > 6:
            return None
        out.append(lower_initial(text))
    return out


# Verbs of change whose "de <figure>" says by how much: "a reculé de 2,1 %".
CHANGE_VERBS = {
    "augmenter", "baisser", "diminuer", "reculer", "progresser", "chuter", "croître",
    "grimper", "bondir", "accroître", "régresser", "dégringoler", "plonger", "s'envoler",
    "envoler", "gonfler", "fondre", "dégrader", "abaisser", "relever", "réduire", "gagner",
    "perdre", "monter", "descendre", "redescendre", "remonter", "rebondir", "croitre",
}  # fmt: skip
_YEAR_DEICTIC = re.compile(r"\b(?:l'année dernière|l'an dernier|l'année passée)\b", re.I)


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
                answers = (number_variants(found[0]),)
                out.append(
                    Question(
                        article.source_id,
                        "number",
                        prompt,
                        answers,
                        quote,
                        sent.start,
                        (found[0],),
                    )  # fmt: skip
                )
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
    subjects = [c for c in main.children if c.dep_ in _SUBJECT_DEPS]
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
    rest_text = _dated_text(article.surface(rest), year)
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
        scope = _dated_text(owned[1], year) if owned[1] else ""
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
        if c.i < verb.i or c.i == figure.i or c.dep_ in _LEFT_OUT_DEPS:
            continue
        if c.dep_ not in _KEPT_DEPS:
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


def _dated_text(text: str, year: int | None) -> str | None:
    """ "par rapport à l'an dernier" -> "par rapport à 2011" by the dateline; None when a
    time only the day's reader can place stays."""
    if year is not None:
        text = _YEAR_DEICTIC.sub(str(year - 1), text)
        text = re.sub(r"\b(en|à|de) (\d{4})\b", r"\1 \2", text)
    return None if DEICTIC.search(text) else text


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
