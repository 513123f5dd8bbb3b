"""How often and how long, where the clause builders find no clause: "Combien de fois
Pyongyang a-t-il échoué dans sa tentative de lancer des satellites espions ... ?" (à deux
reprises, in a "d'autant plus préoccupante que" clause), "Pendant combien d'années la Corée du
Nord a-t-elle imposé des contrôles stricts aux frontières au cours de la pandémie ?" (plus de
trois ans, in a relative clause "au cours de laquelle", said with its antecedent).
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph, noun_gender
from factquiz.generate.datelines import article_year, dated_text
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import Question, askable_sentences
from factquiz.generate.realise import inversion_suffix, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import figure_question, number_variants

_KEPT_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "xcomp"}
_SKIPPED_DEPS = {"punct", "mark", "cc", "conj", "advcl", "parataxis", "nsubj", "nsubj:pass"}
_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en"}
_DURATIONS = {"an", "année", "mois", "semaine", "jour", "heure", "minute", "siècle", "décennie"}
_RELATIVES = {"lequel", "laquelle", "lesquels", "lesquelles"}
_YEARS = {"an": "années", "ans": "années"}
_CONTRACTIONS = {" de le ": " du ", " de les ": " des ", " à le ": " au ", " à les ": " aux "}


def frequency_questions(
    article: Article, table: MentionTable, asked: list[Question]
) -> list[Question]:
    """ "Combien de fois ... ?" for "à deux reprises" / "trois fois", "Pendant combien de
    <unit> ... ?" for "pendant <figure>", on figures no other question asks."""
    taken = {(q.sentence, m.start) for q in asked for m in q.mentions}
    year = article_year(article)
    out = []
    for sent, quote in askable_sentences(article):
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            for phrase in verb.children:
                found = _figure(article, table, phrase)
                if found is None or (sent.start, found[0].start) in taken:
                    continue
                prompt = _prompt(article, verb, phrase, found[1], year)
                if prompt is not None:
                    times = [f"{n} fois" for n in number_variants(found[0])[1:3]]
                    times = times if found[1] == "Combien de fois" else []
                    question = figure_question(
                        article, prompt, found[0], quote, sent.start, tuple(times)
                    )
                    out.append(question)
    return out


def _figure(article: Article, table: MentionTable, phrase: Any) -> tuple[Mention, str] | None:
    """The figure of "à deux reprises", "trois fois", "pendant plus de trois ans" and the
    interrogative that asks it."""
    if phrase.dep_ not in ("obl", "obl:mod"):
        return None
    found = [m for m in table.by_token.get(phrase.i, []) if m.kind == "number"]
    if len(found) != 1 or found[0].end != phrase.i + 1:
        return None
    cases = [c.lower_ for c in phrase.children if c.dep_ == "case"]
    extra = {t.i for t in phrase.subtree} - set(found[0].tokens)
    if any(article.doc[t].pos_ not in ("ADP", "ADV") for t in extra):
        return None  # "pendant 12 heures [des personnes ...]": the parse hung more on it
    unit = phrase.lower_
    if unit in ("reprises", "fois") and cases in (["à"], []):
        return found[0], "Combien de fois"
    if cases[:1] == ["pendant"] and phrase.lemma_ in _DURATIONS:
        unit = _YEARS.get(unit, unit)
        return found[0], f"Pendant combien {'d' + chr(39) if unit[0] in 'aeiouy' else 'de '}{unit}"
    return None


def _prompt(article: Article, verb: Any, phrase: Any, words: str, year: int | None) -> str | None:
    doc = article.doc
    if not _asserted(verb) or any(c.lower_ in ("ne", "n'") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    subject = subjects[0]
    span = list(range(subject.left_edge.i, subject.right_edge.i + 1))
    auxes = sorted(c.i for c in verb.children if c.dep_.startswith("aux"))
    finite = auxes[0] if auxes else verb.i
    if morph(doc[finite], "VerbForm", "") != "Fin" or span[-1] + 1 != finite:
        return None
    if any(doc[t].pos_ == "PUNCT" for t in span):
        return None
    rest, context = _rest(article, verb, phrase, finite)
    if rest is None:
        return None
    said = dated_text(" ".join(p for p in (article.surface(rest), context) if p), year)
    if said is None:
        return None
    subject_text = lower_initial(article.surface(span))
    gender = morph(subject, "Gender", "")
    if subject.pos_ == "PROPN" and not gender:  # "Pyongyang a-t-il": the tagger cannot tell
        body = f"est-ce que {subject_text} {doc[finite].text} {said}"
    else:
        suffix = inversion_suffix(
            doc[finite].text, noun_gender(subject), morph(subject, "Number", "Sing")
        )
        body = f"{subject_text} {doc[finite].text}{suffix} {said}"
    prompt = mend_slips(f"{words} {body}".replace("  ", " ")) + " ?"
    return prompt if well_formed(prompt) and len(prompt.split()) <= 30 else None


def _asserted(verb: Any) -> bool:
    """A main clause, a coordinated one, a relative clause on "lequel", or a "que" clause of
    a noun or adjective ("d'autant plus préoccupante que ..."); nothing reported or supposed."""
    if verb.dep_ in ("ROOT", "acl:relcl"):
        return not any(c.dep_ == "mark" for c in verb.children) or verb.dep_ == "acl:relcl"
    if verb.dep_ == "ccomp":
        return verb.head.pos_ in ("NOUN", "ADJ")
    return False


def _rest(article: Article, verb: Any, phrase: Any, finite: int) -> tuple[list[int] | None, str]:
    """The verb's words after the finite one but the figure's phrase, and a relative's
    "au cours de laquelle" said with its antecedent ("au cours de la pandémie")."""
    doc = article.doc
    tokens = [
        t for t in sorted(c.i for c in verb.children if c.dep_.startswith("aux")) if t > finite
    ]
    tokens += [verb.i] if verb.i != finite else []
    context = ""
    for c in verb.children:
        text = c.lower_
        if c.i == phrase.i or c.dep_ in _SKIPPED_DEPS or c.dep_.startswith("aux"):
            continue
        if text in DISCOURSE_ADVERBS or c.dep_ == "advmod" and c.i < finite:
            continue
        if c.pos_ == "PRON" and text in _CLITICS:
            return None, ""
        if any(t.lower_ in _RELATIVES for t in c.subtree):
            context = _antecedent(article, verb, c)
            if not context:
                return None, ""
            continue
        if c.dep_ not in _KEPT_DEPS or c.i < finite:
            return None, ""
        tokens += [t.i for t in c.subtree]
    tokens.sort()
    figure = {t.i for t in phrase.subtree}
    gaps = [t for t in range(tokens[0], tokens[-1] + 1) if t not in tokens and t not in figure]
    if any(not doc[t].is_punct for t in gaps) or any(doc[t].text in ("«", "»") for t in tokens):
        return None, ""
    return tokens, context


def _antecedent(article: Article, verb: Any, relative: Any) -> str:
    """ "..., au cours de laquelle" -> "au cours de la pandémie": the preposition with the
    noun before the comma, read off the words (the parser often takes "cours" for the
    antecedent), when that noun is definite and says no more than a few words."""
    doc = article.doc
    if verb.dep_ != "acl:relcl":
        return ""
    pronoun = next(t for t in relative.subtree if t.lower_ in _RELATIVES)
    comma = pronoun.i - 1
    while comma > 0 and not doc[comma].is_punct and pronoun.i - comma <= 4:
        comma -= 1
    noun = doc[comma - 1] if comma > 0 else None
    if doc[comma].text != "," or noun is None or noun.pos_ != "NOUN":
        return ""
    words = [t.i for t in noun.subtree if t.i < comma and t.dep_ != "case" and not t.is_punct]
    det = [c for c in noun.children if c.dep_ == "det"]
    if not det or morph(det[0], "PronType", "") != "Art" or morph(det[0], "Definite", "") != "Def":
        return ""
    if words != list(range(words[0], comma)) or len(words) > 6:
        return ""
    said = f" {article.surface(range(comma + 1, pronoun.i))} {article.surface(words)}"
    for loose, contracted in _CONTRACTIONS.items():
        said = said.replace(loose, contracted)
    return said.strip()
