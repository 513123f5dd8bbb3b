"""Who is who: questions from a name and the words that say what it is.

News French names people and places with a title or an apposition: "le porte-parole du
Kremlin, Dmitri Peskov", "Lim Soo-suk, porte-parole du ministère sud-coréen des Affaires
étrangères", "Khasan, une gare située à la frontière". Each pairing gives "Qui est le
porte-parole du Kremlin ?" or "Comment s'appelle la gare située à la frontière ... ?".
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.mentions import TITLES, Mention
from factquiz.generate.questions import Question, ShortForm, askable_sentences
from factquiz.generate.targets import MentionTable
from factquiz.text import fold_basic

ORGANISATION_NOUNS = {
    "groupe", "agence", "société", "entreprise", "compagnie", "parti", "organisation",
    "ministère", "institut", "université", "journal", "quotidien", "chaîne", "banque", "firme",
}  # fmt: skip
_VAGUE = {
    "autre",
    "autres",
    "même",
    "mêmes",
    "certain",
    "certains",
    "plusieurs",
    "ce",
    "cette",
    "ces",
}
_STOP_AFTER = {",", ".", ";", ":", "(", "–", "—", "»", "«"}
_ELIDED_START = tuple("aeiouyhéèêàâîôû")


def _description_words(q: Question) -> frozenset[str]:
    words = fold_basic(q.prompt.removeprefix("Qui est ").removeprefix("Comment s'appelle ")).split()
    return frozenset(w for w in words if w not in ("le", "la", "les", "l", "s", "appellent"))


def unambiguous(questions: list[Question]) -> list[Question]:
    """Drop "Qui est le ministre de la Défense ?" when the corpus has two such ministers:
    an identity question stays only if no other name fits a description holding its words."""
    described = [
        (_description_words(q), fold_basic(q.answers[0][0]))
        for q in questions
        if q.identity and q.kind != "role"
    ]
    keep = []
    for q in questions:
        if q.identity and q.kind != "role":
            mine, name = _description_words(q), fold_basic(q.answers[0][0])
            if any(mine <= words and other != name for words, other in described):
                continue
        keep.append(q)
    return keep


def identity_questions(
    article: Article, table: MentionTable, short_form: ShortForm
) -> list[Question]:
    """A question for each named person, organisation or place with a specific description."""
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for m in table.mentions:
            if sent.start <= m.start < sent.end and m.kind in ("person", "organisation", "place"):
                out.extend(_identity(article, sent, m, short_form, quote))
    return out


def _identity(
    article: Article, sent: Any, m: Mention, short_form: ShortForm, quote: str
) -> list[Question]:
    desc = _description(article, sent, m)
    if desc is None:
        return []
    words, gender, number = desc
    if number == "Plur":
        return []  # "les maréchaux ... Ri Pyong Chol et Pak Jong Chon": not one person's title
    described = definite_description(article, words, gender, number)
    if described is None:
        return []
    organisation_words = [article.doc[t].lemma_ for t in words if article.doc[t].pos_ == "NOUN"][:1]
    topic = f"identity:{fold_basic(m.text)}"
    if m.kind == "person" and not set(organisation_words) & ORGANISATION_NOUNS:
        prompt = f"Qui est {described} ?"
        answers = (tuple(dict.fromkeys(v for v in (m.text, short_form(m.text)) if v)),)
        role = Mention("role", words[0], words[-1] + 1, described, unit=m.text)
        reverse = Question(
            article.source_id,
            "role",
            f"Qui est {m.text} ?",
            ((described,),),
            quote,
            sent.start,
            (role,),
            identity=True,
            topic=topic,
        )
        forward = Question(
            article.source_id,
            m.kind,
            prompt,
            answers,
            quote,
            sent.start,
            (m,),
            identity=True,
            topic=topic,
        )
        return [forward, reverse]
    verb = "s'appellent" if number == "Plur" else "s'appelle"
    prompt = f"Comment {verb} {described} ?"
    return [
        Question(
            article.source_id,
            m.kind,
            prompt,
            ((m.text,),),
            quote,
            sent.start,
            (m,),
            identity=True,
            topic=topic,
        )
    ]


def _description(article: Article, sent: Any, m: Mention) -> tuple[list[int], str, str] | None:
    """Tokens describing the mention: its title before it, or its apposition after it."""
    doc = article.doc
    root = next((doc[t] for t in m.tokens if doc[t].head.i not in m.tokens), doc[m.start])
    head = root.head
    titled = root.dep_ in ("appos", "flat:name", "nmod") and head.pos_ == "NOUN"
    if titled and head.i < m.start and not any(c.dep_ == "case" for c in root.children):
        tokens = _phrase_before(doc, head, m)
        if tokens:
            return tokens, noun_gender(head), morph(head, "Number", "Sing")
    # "l'ouvrage de Ruth Finnegan, ouvrage important": an apposition after a complement
    # describes the noun the name completes, not the person.
    comma_after = m.end < len(doc) and doc[m.end].text == "," and m.before not in ("de", "d'", "du")
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= m.end and comma_after:
            tokens = _phrase_after(doc, child, sent)
            if tokens:
                return tokens, noun_gender(child), morph(child, "Number", "Sing")
    return _apposition_by_position(doc, m, sent) if comma_after else None


def _apposition_by_position(doc: Any, m: Mention, sent: Any) -> tuple[list[int], str, str] | None:
    """ "observe Leif-Eric Easley, professeur à l'Université Ewha de Séoul.": the parser hung
    the title on the verb; read it off the words between the name's comma and the next one."""
    start = m.end + 1
    end = start
    while end < sent.end and doc[end].text not in (",", ".", ";", ":", "(", "«", "»"):
        end += 1
    words = [doc[k] for k in range(start, end)]
    finite = any(w.pos_ in ("VERB", "AUX") and morph(w, "VerbForm", "") == "Fin" for w in words)
    if not words or len(words) > 12 or finite:
        return None
    head = words[1] if words[0].pos_ == "DET" and len(words) > 1 else words[0]
    if head.pos_ != "NOUN":
        return None
    tokens = _usable(doc, [w.i for w in words])
    return (tokens, noun_gender(head), morph(head, "Number", "Sing")) if tokens else None


def _phrase_before(doc: Any, head: Any, m: Mention) -> list[int] | None:
    """A title before the name ("le gouverneur régional" Oleg Kozhemyako), article included."""
    dets = [c.i for c in head.children if c.dep_ == "det" and c.i < head.i]
    if not dets:
        return None  # "au départ du milieu de terrain X": no article of its own
    tokens = [t for t in range(min(dets), m.start) if not doc[t].is_space]
    while tokens and doc[tokens[-1]].text == ",":
        tokens.pop()
    while tokens and doc[tokens[0]].pos_ in ("CCONJ", "ADP", "PUNCT"):
        tokens.pop(0)  # "et le président russe", "avec le gouverneur"
    if not tokens or any(doc[t].text in _STOP_AFTER for t in tokens):
        return None
    if doc[tokens[0]].pos_ != "DET":
        return None  # "grâce au site Planethunters.org": no title, a preposition's noun
    return _usable(doc, tokens)


def _phrase_after(doc: Any, appos: Any, sent: Any) -> list[int] | None:
    """An apposition after the name (Dmitri Peskov, "porte-parole du Kremlin") to the comma."""
    start = appos.left_edge.i
    while doc[start].is_punct:
        start += 1
    end = start
    while end < sent.end and doc[end].text not in _STOP_AFTER:
        end += 1
    if end - start > 14:
        return None
    return _usable(doc, list(range(start, end)))


def _usable(doc: Any, tokens: list[int]) -> list[int] | None:
    """A description specific enough to pick one referent and free of pointers back."""
    words = [doc[t] for t in tokens]
    content = [w for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM")]
    if len(content) < 2 or any(w.text.casefold() in _VAGUE for w in words):
        return None
    if any(w.pos_ in ("PRON", "SCONJ") for w in words) or any(
        w.text.casefold() in TITLES for w in words
    ):
        return None
    if any(morph(w, "Poss", "") == "Yes" for w in words):
        return None
    return tokens


def definite_description(
    article: Article, tokens: list[int], gender: str, number: str
) -> str | None:
    """The description with a definite article: "un responsable" -> "le responsable"."""
    doc = article.doc
    first = doc[tokens[0]]
    text = article.surface(tokens)
    body = tokens[1:] if first.pos_ == "DET" else tokens
    if not body or (first.pos_ == "DET" and morph(first, "PronType", "") not in ("Art", "")):
        return None
    rest = article.surface(body) if body is not tokens else text
    if doc[body[0]].pos_ in ("NOUN", "ADJ") and rest[:1].isupper():
        rest = rest[0].lower() + rest[1:]
    if number == "Plur":
        return f"les {rest}"
    if rest.casefold().startswith(_ELIDED_START):
        return f"l'{rest}"
    return f"{'la' if gender == 'Fem' else 'le'} {rest}"
