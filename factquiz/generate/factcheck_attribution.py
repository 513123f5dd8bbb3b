"""Who says it: the source an article credits for a claim, and attribution questions.

A clause is credited to the subject of a speech verb ("X a déclaré que ...", or the incise
"..., a indiqué X"), or to a "selon X" that governs it. The same sources give the pool a
speaker swap draws from, and the attribution items ("Selon quelle agence de presse ... ?").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from factquiz.generate.claims import sentences
from factquiz.generate.clauses import (
    SPEECH_VERBS,
    Clause,
    attribution_spans,
    morph,
    noun_gender,
    phrase_tokens,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.realise import Wh, ask, quel

if TYPE_CHECKING:
    from factquiz.generate.claim_statements import Statement

NAMED_KINDS = ("person", "organisation", "place", "name")


_OPENING_WORDS = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
    "en", "au", "aux", "à", "son", "sa", "ses", "leur", "leurs", "toute", "tout", "tous",
}  # fmt: skip


def lower_first(text: str) -> str:
    """Lower the first letter of a determiner or preposition opening a sentence, never of a
    name: "Le train" -> "le train", "L'Agence" -> "l'Agence", "Kim" stays."""
    first = text.split(" ", 1)[0].casefold()
    elided = first.split("'", 1)[0] + "'" if "'" in first else first
    if first in _OPENING_WORDS or elided in _OPENING_WORDS:
        return text[0].lower() + text[1:]
    return text


@dataclass(frozen=True)
class ClauseSource:
    """Who a clause is credited to: "Selon X" as a claim would say it, and X's name."""

    frame: str  # "" when the article states the clause in its own voice
    name: Mention | None = None
    long: bool = False  # an attribution too long to repeat in a claim
    tokens: tuple[int, ...] = ()  # the speaker's words in the article
    speech: tuple[int, ...] = ()  # the speech verb group ("a indiqué"), if a verb credits it


def clause_source(
    article: Article, clause: Clause, sent: Any, mentions: Sequence[Mention]
) -> ClauseSource | None:
    """The source of a clause: a speech verb's subject (framed clause or incise), or the
    "selon X" that governs it. None when the speaker is a pronoun or a long phrase."""
    doc = article.doc
    if clause.frame:
        return _speaker_frame(article, clause, mentions)
    incise = _incise(doc, sent, clause)
    if incise is not None:
        return _speaker_words(article, incise, mentions, incise.head)
    spans = [r for r in attribution_spans(sent) if _governs(doc, r, clause)]
    if not spans:
        return ClauseSource("")
    words = article.surface(spans[0])
    named = named_in(mentions, set(spans[0]))
    long = len(words.split()) > 8
    return ClauseSource(words[:1].upper() + words[1:], named, long, tuple(spans[0][1:]))


def _speaker_frame(
    article: Article, clause: Clause, mentions: Sequence[Mention]
) -> ClauseSource | None:
    """ "Selon le porte-parole du Kremlin Dmitri Peskov": the speech verb's subject, named."""
    doc = article.doc
    speech = doc[clause.verb]
    for _ in range(4):
        if speech.lemma_ in SPEECH_VERBS and speech.i != clause.verb:
            break
        speech = speech.head
    speakers = [c for c in speech.children if c.dep_ == "nsubj"]
    if speech.lemma_ not in SPEECH_VERBS or len(speakers) != 1:
        return None
    return _speaker_words(article, speakers[0], mentions, speech)


def _speaker_words(
    article: Article, speaker: Any, mentions: Sequence[Mention], verb: Any = None
) -> ClauseSource | None:
    """ "Selon <the speaker's words>", with the name an apposition adds to a title."""
    if speaker.pos_ == "PRON":
        return None
    subtree = set(range(speaker.left_edge.i, speaker.right_edge.i + 1))
    named = named_in(mentions, subtree)
    kept = set(phrase_tokens(speaker, set()))
    if named is not None:
        kept |= set(named.tokens)
    doc = article.doc
    while kept and (doc[min(kept)].pos_ == "CCONJ" or doc[min(kept)].is_punct):
        kept.discard(min(kept))  # "et l'agence de presse étatique RIA-Novosti"
    if not kept or len(kept) > 10:
        return None
    speech = tuple(verb_group([verb])) if verb is not None else ()
    words = "Selon " + lower_first(article.surface(sorted(kept)))
    return ClauseSource(words, named, tokens=tuple(sorted(kept)), speech=speech)


def _incise(doc: Any, sent: Any, clause: Clause) -> Any | None:
    """The speaker of ", a indiqué M. Peskov" after the clause: the subject after its verb."""
    last = max(clause.group + tuple(t for p in clause.phrases for t in p.tokens))
    for tok in sent:
        if tok.i <= last or tok.lemma_ not in SPEECH_VERBS or tok.pos_ != "VERB":
            continue
        start = min([c.i for c in tok.children if c.dep_.startswith("aux")] + [tok.i])
        speakers = [c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i]
        if len(speakers) == 1 and doc[start - 1].text == ",":
            return speakers[0]
    return None


def named_speakers(article: Article, mentions: Sequence[Mention]) -> list[tuple[str, Mention]]:
    """Every named source the article cites: the subject of a speech verb, "selon X"."""
    out: list[tuple[str, Mention]] = []
    for sent in sentences(article):
        for tok in sent:
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
                for c in tok.children:
                    source = _speaker_words(article, c, mentions) if c.dep_ == "nsubj" else None
                    if source is not None and source.name is not None:
                        out.append((source.frame.removeprefix("Selon "), source.name))
        for span in attribution_spans(sent):
            named = named_in(mentions, set(span))
            words = article.surface(span[1:]) if len(span) > 1 else ""
            if named is not None and 0 < len(words.split()) <= 8:
                out.append((lower_first(words), named))
    return out


def _governs(doc: Any, span: range, clause: Clause) -> bool:
    """ "selon X" belongs to the clause: it opens the sentence, or the parse hangs it on the
    clause's verb or on a participle of it, not on a relative clause ("ce qui, selon ...")."""
    if span.start < min(clause.subject.phrase.tokens + tuple(clause.group)):
        return True
    tok = doc[span.start].head
    own = set(clause.group) | {clause.verb}
    for _ in range(6):
        if tok.i in own:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("advcl", "acl", "xcomp"):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def named_in(mentions: Sequence[Mention], tokens: set[int]) -> Mention | None:
    """The one name among the tokens, a person's before an organisation's."""
    named = [m for m in mentions if m.kind in NAMED_KINDS and set(m.tokens) <= tokens]
    people = [m for m in named if m.kind == "person"]
    for group in (people, named):
        if len(group) == 1:
            return group[0]
    return None


def contract(preposition: str, words: str) -> str:
    """ "à" + "le porte-parole" -> "au porte-parole", "de" + "l'agence" -> "de l'agence"."""
    first, _, rest = words.partition(" ")
    joined = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
    if (preposition, first) in joined:
        return f"{joined[(preposition, first)]} {rest}"
    if preposition == "de" and words[:1].casefold() in "aeiouyéèêàh":
        return f"d'{words}"
    return f"{preposition} {words}"


def descriptor(article: Article, source: ClauseSource) -> tuple[str, str] | None:
    """What kind of source it is, as a noun with its gender: "agence de presse", "Fem"."""
    doc = article.doc
    name = set(source.name.tokens) if source.name else set()
    tokens = [t for t in source.tokens if t not in name]
    head = next((t for t in tokens if doc[t].pos_ == "NOUN"), None)
    if head is None or morph(doc[head], "Number", "Sing") == "Plur":
        return None
    words = [head]
    k = head + 1
    while k + 1 in tokens and doc[k].text.casefold() in ("de", "d'") and doc[k + 1].pos_ == "NOUN":
        words += [k, k + 1]
        k += 2
    noun = article.surface(words)
    return (noun[0].lower() + noun[1:], noun_gender(doc[head]))


def attribution_prompt(statement: Statement) -> str | None:
    """ "Selon quelle agence de presse le train blindé a-t-il été repéré ... ?" or
    "Qui a confirmé que Kim était entré en Russie ?"; None when it cannot be asked well."""
    source, article = statement.source, statement.article
    if not statement.frame or source.name is None or source.long or statement.clause.synthetic:
        return None
    described = None if source.name.kind == "person" else descriptor(article, source)
    if source.speech:
        verb = article.surface(source.speech)
        if any(morph(article.doc[t], "Number", "") == "Plur" for t in source.speech):
            return None
        who = "Qui" if described is None else f"{quel(described[1], 'Sing')} {described[0]}"
        content = lower_first(_reported_words(statement).removesuffix("."))
        que = "qu'" if content[:1].casefold() in "aeiouyéèêàh" else "que "
        return f"{who[0].upper()}{who[1:]} {verb} {que}{content} ?"
    if described is not None:
        who = f"Selon {quel(described[1], 'Sing')} {described[0]}"
    else:
        who = "Selon qui" if source.name.kind == "person" else "Selon quelle source"
    unframed = replace(statement.clause, frame=None, attribution=None)
    prompt = ask(article, unframed, set(), Wh(who))
    return prompt or None


def _reported_words(statement: Statement) -> str:
    """The reported clause in the article's words; where it left out nothing but commas
    ("Le ministre russe de la Défense, Sergei Shoigu, fera partie"), with those commas."""
    rendered = statement.render(frame="", reported=True)
    doc, article = statement.article.doc, statement.article
    if statement.subject:
        return rendered
    tokens = sorted(set(statement.fronted + statement.subject_tokens + statement.rest))
    gaps = set(range(tokens[0], tokens[-1] + 1)) - set(tokens) if tokens else {0}
    if not gaps or any(doc[t].text != "," for t in gaps):
        return rendered
    first, last = doc[tokens[0]], doc[tokens[-1]]
    words = article.text[first.idx : last.idx + len(last.text)]
    if words.count(",") % 2:
        return rendered  # a lone comma the clause had cut: an apposition has two
    from factquiz.generate.claim_statements import finish

    return finish(words)
