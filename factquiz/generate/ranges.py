"""A range whose ends belong to places: "ces verdicts sont publiés entre 8 heures pour
Strasbourg et 19 heures pour la Corse" gives one question per end, tied to its place ("À
quelle heure les verdicts sont-ils publiés pour la Corse ?" -> 19 heures): one end alone,
without its place, would distort the range.
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import DEICTIC, Question, askable_sentences
from factquiz.generate.realise import inversion_suffix, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import number_variants

_CLOCK = {"h", "heure", "heures"}
_DEMONSTRATIVES = {"ce": "le", "cet": "l'", "cette": "la", "ces": "les"}


def range_questions(article: Article, table: MentionTable) -> list[Question]:
    """ "À quelle heure ... pour <place> ?" for each end of "entre X pour A et Y pour B"."""
    out = []
    for sent, quote in askable_sentences(article):
        for tok in sent:
            if tok.lower_ != "entre":
                continue
            ends = _ends(article, table, tok.i + 1, sent.end)
            if ends is None:
                continue
            verb = article.doc[ends[0][0].end - 1].head
            clause = _clause(article, verb, {t for m, place in ends for t in place} | _range(ends))
            if clause is None:
                continue
            frame, said = clause
            for m, place in ends:
                prompt = mend_slips(f"{frame}à quelle heure {said} {article.surface(place)}")
                prompt = prompt[:1].upper() + prompt[1:] + " ?"
                if well_formed(prompt):
                    forms = [*number_variants(m), f"{m.value} h", f"{m.value}h"]
                    answers = (tuple(dict.fromkeys(forms)),)
                    out.append(
                        Question(
                            article.source_id, "date", prompt, answers, quote, sent.start, (m,)
                        )
                    )
    return out


def _ends(
    article: Article, table: MentionTable, start: int, stop: int
) -> list[tuple[Mention, list[int]]] | None:
    """ "8 heures pour Strasbourg et 19 heures pour la Corse": each hour with its place."""
    doc = article.doc
    out = []
    pos = start
    for _ in range(2):
        found = [m for m in table.by_token.get(pos, []) if m.kind == "number" and m.start == pos]
        if len(found) != 1 or found[0].unit not in _CLOCK or doc[found[0].end].lower_ != "pour":
            return None
        k = found[0].end + 1
        place = []
        while k < stop and doc[k].lower_ != "et" and not doc[k].is_punct:
            place.append(k)
            k += 1
        if not place or not any(doc[t].pos_ == "PROPN" for t in place) or len(place) > 5:
            return None
        out.append((found[0], [found[0].end, *place]))
        pos = k + 1
        if len(out) == 1 and (k >= stop or doc[k].lower_ != "et"):
            return None
    return out


def _range(ends: list[tuple[Mention, list[int]]]) -> set[int]:
    first = ends[0][0].start - 1  # "entre"
    last = ends[-1][1][-1]
    return set(range(first, last + 1))


def _clause(article: Article, verb: Any, taken: set[int]) -> tuple[str, str] | None:
    """The frame ("Selon les différentes académies, ") and "les verdicts sont-ils publiés"."""
    doc = article.doc
    if verb.pos_ != "VERB" or any(c.lower_ in ("ne", "n'") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
        return None
    subject = subjects[0]
    span = list(range(subject.left_edge.i, subject.right_edge.i + 1))
    if len(span) > 6 or any(doc[t].pos_ in ("PUNCT", "VERB") for t in span):
        return None
    words = [doc[t].text for t in span]
    if words[0].casefold() in _DEMONSTRATIVES and len(span) <= 3:
        words[0] = _DEMONSTRATIVES[words[0].casefold()]  # "ces verdicts": the article's ones
    elif morph(doc[span[0]], "PronType", "") == "Dem":
        return None
    auxes = sorted(c.i for c in verb.children if c.dep_.startswith("aux"))
    finite = auxes[0] if auxes else verb.i
    if span[-1] + 1 != finite or morph(doc[finite], "VerbForm", "") != "Fin":
        return None
    rest = [t for t in auxes[1:]] + ([verb.i] if verb.i != finite else [])
    frame = ""
    for c in verb.children:
        sub = [t.i for t in c.subtree]
        if c.i in (subject.i, *auxes) or set(sub) <= taken or c.is_punct:
            continue
        text = article.surface(sub)
        if c.i < span[0] and text.casefold().startswith(("selon ", "d'après ")):
            frame = f"{text}, "
        elif c.lower_ in DISCOURSE_ADVERBS or DEICTIC.fullmatch(text):
            continue
        else:
            return None  # another phrase the question would have to place
    subject_text = lower_initial(" ".join(words)).replace("l' ", "l'")
    number = morph(subject, "Number", "Sing")
    inverted = doc[finite].text + inversion_suffix(doc[finite].text, noun_gender(subject), number)
    return frame, f"{subject_text} {inverted} {article.surface(rest)}".strip()
