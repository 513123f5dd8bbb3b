"""A clause of an article said again as a sentence of its own: the raw claim of a fact-check.

FEVER built its claims from real sentences, simplified. Here a claim is the generator's
clause (subject, verb group, phrases; asides and attributions left out) rendered in the
article's own words, kept only when it stands alone: no pronoun pointing back, no
demonstrative, no clause cut in the middle, no quotation. Each token keeps its place, so
a mutation can swap one mention and render the claim again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from factquiz.generate.claims import sentences
from factquiz.generate.clauses import (
    DISCOURSE_ADVERBS,
    SPEECH_VERBS,
    Clause,
    attribution_spans,
    is_coherent,
    morph,
)
from factquiz.generate.document import Article
from factquiz.generate.factcheck_attribution import (
    NAMED_KINDS,
    ClauseSource,
    clause_source,
    lower_first,
)
from factquiz.generate.mentions import Mention
from factquiz.generate.questions import quote_of
from factquiz.text import fold_basic

MIN_WORDS, MAX_WORDS = 5, 26
# Speech verbs whose complement is an opinion or a fear, not a report of fact.
BELIEF_VERBS = {"estimer", "craindre", "penser", "croire", "supposer", "prétendre", "juger"}
MODAL_VERBS = {"pouvoir", "devoir", "sembler", "paraître", "falloir"}
_VAGUE_SUBJECTS = ("certain", "des ", "nombreu", "plusieurs", "on ", "beaucoup", "d'autres")
_POINTING_BACK = {"y", "en", "lui", "leur", "eux", "celui", "celle", "ceux", "celles", "ci"}
CLAUSE_DEPS = {"advcl", "acl", "acl:relcl", "xcomp", "conj", "ccomp", "parataxis"}
TIME_NOUNS = {"heure", "jour", "semaine", "mois", "an", "année", "minute", "fois", "soir", "matin"}
# Nouns that leave a claim empty without the sentence around it ("pour sa destination").
VAGUE_NOUNS = {"destination", "objectif", "but", "intention", "sujet", "chose", "question", "cas"}
_PAST_AUX = {"était": "est", "étaient": "sont", "avait": "a", "avaient": "ont"}
_ELIDING = re.compile(r"\b([Dd]e|[Qq]ue|[Nn]e|[Ss]e) (?=[aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ])")
_UNELIDED = re.compile(r"\b([dDnNsS]|[qQ]u)'\s*(?=[bcdfgjklmnpqrstvwxzBCDFGJKLMNPQRSTVWXZ])")


@dataclass(frozen=True)
class Statement:
    """A claim as one article states it: frame ("Selon KCNA"), subject, the rest's tokens."""

    source_id: str
    clause: Clause
    frame: str  # "" or "Selon l'agence de presse japonaise Kyodo"
    subject: str  # the subject's words when they are not the article's own tokens
    subject_tokens: tuple[int, ...]  # the subject in the article's words, when it has them
    fronted: tuple[int, ...]
    rest: tuple[int, ...]
    quote: str
    hedged: bool  # a conditional, a modal, or an opinion: not a plain fact
    source: ClauseSource  # who the article credits the claim to
    mentions: tuple[Mention, ...] = ()  # typed mentions among the rest's tokens
    retensed: tuple[tuple[tuple[int, int], str], ...] = ()  # "était entré" -> "est entré"
    article: Article = field(compare=False, repr=False, default=None)  # type: ignore[assignment]

    @property
    def speaker(self) -> Mention | None:
        """The named source of the frame, if any."""
        return self.source.name if self.frame else None

    @property
    def text(self) -> str:
        """The claim as the article states it."""
        return self.render()

    def render(
        self,
        swaps: Mapping[tuple[int, int], str] | None = None,
        *,
        subject: str | None = None,
        frame: str | None = None,
        reported: bool = False,
    ) -> str:
        """The claim with token spans swapped for other words, another subject or frame;
        `reported` keeps the tenses of reported speech ("a déclaré que Kim était entré")."""
        swaps = {**({} if reported else dict(self.retensed)), **dict(swaps or {})}
        pieces = []
        head = self.frame if frame is None else frame
        if self.fronted:
            pieces.append(render_tokens(self.article, self.fronted, swaps).rstrip(" ,") + ",")
        if subject is not None:
            pieces.append(subject)
        else:
            pieces.append(render_tokens(self.article, self.subject_tokens, swaps))
            pieces.append(self.subject)
        pieces.append(render_tokens(self.article, self.rest, swaps))
        body = " ".join(p for p in pieces if p)
        if head:
            body = f"{head}, {lower_first(body)}"
        return finish(body)


def finish(text: str) -> str:
    """One sentence: single spaces, elisions right, a capital and a full stop."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r" ([,.])", r"\1", text)
    text = re.sub(r"' ", "'", text)
    text = _ELIDING.sub(lambda m: m[1][0] + "'", text)
    text = _UNELIDED.sub(lambda m: {"d": "de ", "n": "ne ", "s": "se ", "qu": "que "}[
        m[1].casefold()] if m[1].islower() else m[1] + "e ", text)  # fmt: skip
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "»")) else text + "."


def render_tokens(
    article: Article, tokens: Sequence[int], swaps: Mapping[tuple[int, int], str]
) -> str:
    """The article's words for these tokens, each swapped span replaced by its new words.

    Runs of adjacent tokens are copied from the article's text, so what stood between them
    ("Kim Jong-un", "l'Ukraine") stays as written; a gap becomes one space.
    """
    doc = article.doc
    text = article.text
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            first, last = doc[run[0]], doc[run[-1]]
            out.append(text[first.idx : last.idx + len(last.text)])
            run.clear()

    ordered = sorted(set(tokens))
    k = 0
    while k < len(ordered):
        i = ordered[k]
        span = next((s for s in swaps if s[0] == i), None)
        if span is not None:
            flush()
            out.append(swaps[span])
            while k < len(ordered) and ordered[k] < span[1]:
                k += 1
            continue
        if run and i != run[-1] + 1:
            flush()
        run.append(i)
        k += 1
    flush()
    return " ".join(p for p in out if p)


def article_text(article: Article, i: int) -> str:
    """The article's own characters for token i (the parser reads a masked copy)."""
    tok = article.doc[i]
    return article.text[tok.idx : tok.idx + len(tok.text)]


def statements(
    article: Article, clauses: Sequence[Clause], mentions: Sequence[Mention]
) -> list[Statement]:
    """The article's clauses that stand alone as claims, in the article's words."""
    out: list[Statement] = []
    by_sentence = {s.start: s for s in sentences(article)}
    for clause in clauses:
        sent = by_sentence.get(clause.sentence[0])
        if sent is None:
            continue
        made = _statement(article, clause, sent, mentions)
        if made is not None and MIN_WORDS <= len(made.text.split()) <= MAX_WORDS:
            out.append(made)
    return _distinct(out)


def _distinct(found: list[Statement]) -> list[Statement]:
    seen: set[str] = set()
    out = []
    for s in found:
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
    return out


def _statement(
    article: Article, clause: Clause, sent: Any, mentions: Sequence[Mention]
) -> Statement | None:
    doc = article.doc
    parts = _claim_tokens(article, clause, sent, mentions)
    if parts is None:
        return None
    fronted, own, rest = parts
    source = clause_source(article, clause, sent, mentions)
    swaps = _tense_swaps(article, clause) if clause.frame else {}
    if source is None or swaps is None or source.long and _hedged(doc, clause):
        return None
    frame = "" if source.long else source.frame
    subject = clause.subject.text if clause.subject.resolved else ""
    if clause.synthetic:
        subject = " ".join(w for w in (subject, *clause.synthetic) if w)
    start = clause.evidence_start if clause.evidence_start is not None else clause.sentence[0]
    inside = tuple(m for m in mentions if set(m.tokens) <= set(rest) | set(own))
    return Statement(
        article.source_id, clause, frame, subject, own, fronted, rest,
        quote_of(article, start, clause.sentence[1]), _hedged(doc, clause), source, inside,
        tuple(swaps.items()), article,
    )  # fmt: skip


def _claim_tokens(
    article: Article, clause: Clause, sent: Any, mentions: Sequence[Mention]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None:
    """The fronted phrase, own subject and rest tokens of a clause that stands alone."""
    doc = article.doc
    if clause.in_quotes or _reports_speech(doc, clause):
        return None
    if clause.synthetic and clause.subject.number == "Plur":
        return None  # "les biens de luxe ont été destinés": a description, not a fact
    fronted = _fronted(article, clause, mentions)
    phrases = {t for p in clause.phrases if p.head not in clause.fronted for t in p.tokens}
    rest = tuple(t for t in sorted(phrases | set(clause.group)) if not _discourse(doc[t]))
    subject_tokens = clause.subject.phrase.tokens
    if fronted is None or not _substantial(doc, clause, phrases, rest):
        return None
    if min(rest) < min(subject_tokens) and not clause.synthetic:
        return None
    if _garbled(doc, rest) or not _definite_subject(article, clause, mentions):
        return None
    everything = set(fronted) | set(subject_tokens) | set(rest)
    skippable = {i for r in attribution_spans(sent) for i in r}
    skippable |= {t.i for t in sent if _discourse(t)}
    if not clause.synthetic and not (
        is_coherent(doc, everything, skippable) and _bounded(doc, sent, everything, skippable)
    ):
        return None
    own = () if clause.subject.resolved else subject_tokens
    if not _stands_alone(article, clause, fronted + tuple(own) + rest, mentions):
        return None
    return fronted, tuple(own), rest


def _substantial(doc: Any, clause: Clause, phrases: set[int], rest: tuple[int, ...]) -> bool:
    """The verb keeps what it needs and says something: a noun, a name or a number."""
    if not rest or not any(doc[t].pos_ in ("NOUN", "PROPN", "NUM", "ADJ") for t in phrases):
        return False
    vague = any(doc[p.head].lemma_ in VAGUE_NOUNS for p in clause.phrases)
    return not vague and not _incomplete(doc, clause, phrases)


def _incomplete(doc: Any, clause: Clause, kept: set[int]) -> bool:
    """The verb lost a complement it needs: "a accusé la Corée du Nord [de fournir ...]"."""
    chain = {clause.verb, *clause.group}
    for i in chain:
        for c in doc[i].children:
            if c.dep_ in ("ccomp", "xcomp") and c.i not in kept and c.i not in chain:
                return True
    return False


def _discourse(tok: Any) -> bool:
    return tok.pos_ == "ADV" and tok.text.casefold() in DISCOURSE_ADVERBS


def _reports_speech(doc: Any, clause: Clause) -> bool:
    """ "X a déclaré que ...": attribution items take it; the claim is the reported clause."""
    verb = doc[clause.verb]
    return verb.lemma_ in SPEECH_VERBS and any(p.dep == "ccomp" for p in clause.phrases)


def _bounded(doc: Any, sent: Any, tokens: set[int], skippable: set[int]) -> bool:
    """The claim does not stop in mid-phrase: what follows is punctuation, the end, or a
    clause of its own ("pour rencontrer ..."); what comes before is set off by a comma."""
    after = max(tokens) + 1
    while after < sent.end and (doc[after].is_space or after in skippable):
        after += 1
    if after < sent.end and not doc[after].is_punct and not _own_clause(doc[after], tokens):
        return False
    before = min(tokens) - 1
    while before >= sent.start and (doc[before].is_space or before in skippable):
        before -= 1
    if before < sent.start or doc[before].is_punct:
        return True
    return doc[before].text.casefold() in ("que", "qu'", "et", "mais")


def _own_clause(tok: Any, kept: set[int]) -> bool:
    """The token opens a predicate of its own hanging on the claim (adverbial, relative...)."""
    while tok.head.i not in kept and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX", "ADJ")


def _stands_alone(
    article: Article, clause: Clause, tokens: Sequence[int], mentions: Sequence[Mention]
) -> bool:
    """No word that points back into the article, no vague subject, no open quotation."""
    doc = article.doc
    subject_head = doc[clause.subject.phrase.head]
    named_subject = clause.subject.number == "Sing" and (
        subject_head.pos_ == "PROPN" or clause.subject.resolved
        or any(clause.subject.phrase.head in m.tokens for m in mentions)
    )  # fmt: skip
    for i in tokens:
        tok = doc[i]
        low = tok.text.casefold()
        if morph(tok, "PronType", "") == "Dem" or low in _POINTING_BACK and tok.pos_ == "PRON":
            return False
        if (
            (
                tok.pos_ == "PRON"
                and morph(tok, "Person", "") == "3"
                and morph(tok, "Reflex", "") != "Yes"
            )
            and i not in clause.subject.phrase.tokens
            and morph(tok, "PronType", "") != "Rel"
        ):
            return False
        if morph(tok, "Poss", "") == "Yes" and (
            morph(tok, "Number[psor]", "") == "Plur" or low.startswith("leur") or not named_subject
        ):
            return False  # fmt: skip
        if tok.text in ('"', "(", ")", "?", "[", "]"):
            return False
    marks = [doc[i].text for i in sorted(tokens) if doc[i].text in ("«", "»")]
    if marks != ["«", "»"] * (len(marks) // 2):
        return False  # a quotation cut open
    subject = clause.subject.text.casefold()
    return not subject.startswith(_VAGUE_SUBJECTS) and len(subject.split()) <= 10


def _fronted(
    article: Article, clause: Clause, mentions: Sequence[Mention]
) -> tuple[int, ...] | None:
    """Phrases before the subject kept when they date or place the fact ("En mars"); others
    ("En échange") are left out. None when one points back ("Cette année")."""
    doc = article.doc
    kept: list[int] = []
    for p in clause.phrases:
        if p.head not in clause.fronted:
            continue
        if any(morph(doc[t], "PronType", "") == "Dem" for t in p.tokens):
            continue
        typed = [m for m in mentions if set(m.tokens) <= set(p.tokens)]
        if typed:
            kept.extend(p.tokens)
    return tuple(kept)


def _garbled(doc: Any, tokens: Sequence[int]) -> bool:
    """Source slips a claim must not repeat: "les points suivants sécuriser ..."."""
    ordered = sorted(tokens)
    for a, b in zip(ordered, ordered[1:], strict=False):
        after_noun = b == a + 1 and doc[a].pos_ in ("NOUN", "ADJ")
        if after_noun and doc[b].pos_ == "VERB" and morph(doc[b], "VerbForm", "") == "Inf":
            return True
    return False


def _definite_subject(article: Article, clause: Clause, mentions: Sequence[Mention]) -> bool:
    """A subject a reader can identify across the articles: a name, or a noun phrase with
    more than a bare noun ("le train blindé", "le train de Kim"), not "les photos"."""
    doc = article.doc
    subject = clause.subject
    if subject.resolved:
        return subject.text[:1].isupper()
    tokens = subject.phrase.tokens
    if doc[subject.phrase.head].lemma_ in TIME_NOUNS or any(
        doc[t].text.casefold() in ("avant", "après", "pendant", "depuis") for t in tokens
    ):
        return False  # "une heure à peine avant la rencontre": a time the parser took for a subject
    if doc[subject.phrase.head].pos_ == "PROPN":
        return True
    key = fold_basic(subject.text)
    if subject.text[:1].isupper() and any(
        key == fold_basic(m.text) or key in fold_basic(m.text).split()
        for m in mentions
        if m.kind in NAMED_KINDS
    ):
        return True  # "Poutine", tagged a pronoun in one sentence, is a name in the others
    if any(set(m.tokens) & set(tokens) for m in mentions if m.kind != "day"):
        return True
    words = [t for t in tokens if not doc[t].is_punct]
    return len(words) > 2 and doc[words[0]].pos_ == "DET"


def _hedged(doc: Any, clause: Clause) -> bool:
    """Conditional mood, a modal verb, or the view of someone who "estime" or "craint"."""
    for i in clause.group:
        tok = doc[i]
        if morph(tok, "Mood", "") == "Cnd" or tok.lemma_ in MODAL_VERBS:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.text.endswith(("rait", "raient")):
            return True
    if clause.frame and doc[clause.verb].head.lemma_ in BELIEF_VERBS:
        return True
    return bool(
        re.search(
            r"\b(possible|probablement|peut-être|éventuel)",
            doc[clause.sentence[0] : clause.sentence[1]].text,
        )
    )


def _tense_swaps(article: Article, clause: Clause) -> dict[tuple[int, int], str] | None:
    """Reported speech moved back: "Selon X, Kim était entré" -> "Selon X, Kim est entré".

    None for a reported imperfect ("maintenait"), which only reads well inside its sentence.
    """
    doc = article.doc
    finite = doc[clause.finite]
    word = article_text(article, clause.finite)
    if finite.pos_ == "AUX" and word in _PAST_AUX:
        return {(clause.finite, clause.finite + 1): _PAST_AUX[word]}
    conditional = morph(finite, "Mood", "") == "Cnd" or word.endswith(("rait", "raient"))
    if morph(finite, "Tense", "") == "Imp" and not conditional:
        return None
    return {}
