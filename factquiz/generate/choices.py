"""Distractors and near-misses of the answer's own type, drawn from the articles.

A person gets other people, a year other years, a place other places: never the answer
twice, never another name for the same thing ("Kim" for "Kim Jong Un").
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factquiz.generate.mentions import Mention, surname_key
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.generate.questions import Question
from factquiz.generate.targets import without_article
from factquiz.text import fold_basic

POOL_KIND = {
    "person": "person", "organisation": "organisation", "place": "place", "year": "year",
    "date": "date", "month": "month", "day": "day", "number": "number", "role": "role",
}  # fmt: skip
MAX_CANDIDATES = 12  # enough for three distractors and five near-misses
DIRECTIONS = ("vers le nord", "vers le sud", "vers l'est", "vers l'ouest")


@dataclass(frozen=True)
class Pool:
    """Every typed mention of the corpus, by kind, with the article it comes from."""

    by_kind: dict[str, list[tuple[str, Mention]]]
    aliases: dict[str, set[str]] = field(default_factory=dict)
    related: dict[str, set[str]] = field(default_factory=dict)  # articles on the same story


def build_pool(
    mentions: list[tuple[str, Mention]],
    avoid: set[str] = frozenset(),
    aliases: dict[str, set[str]] | None = None,
) -> Pool:
    """Group (source id, mention) pairs by kind, in corpus order.

    A name seen only at the start of a sentence may be a capitalised common word the model
    took for a name ("Parti de Pyongyang"), and names in `avoid` (the protagonists, whom
    every student knows) make giveaway distractors: neither is offered as a choice.
    """
    elsewhere = {fold_basic(m.text) for _, m in mentions if not m.initial}
    by_kind: dict[str, list[tuple[str, Mention]]] = {}
    for source, m in mentions:
        key = fold_basic(m.text)
        if m.initial and key not in elsewhere:
            continue
        if m.kind == "role" and surname_key(fold_basic(m.unit or "")) in avoid:
            continue  # the protagonist's own title would give the game away
        if m.kind == "person" and surname_key(key) in avoid:
            continue
        by_kind.setdefault(m.kind, []).append((source, m))
    return Pool(by_kind, aliases or {}, _related(mentions))


def _related(mentions: list[tuple[str, Mention]]) -> dict[str, set[str]]:
    """Articles naming at least three of the same people, places or organisations tell one
    story: their names make fair distractors for each other; a stranger's names do not."""
    names: dict[str, set[str]] = {}
    for source, m in mentions:
        if m.kind in ("person", "place", "organisation"):
            names.setdefault(source, set()).add(fold_basic(m.text))
    return {a: {b for b in names if b != a and len(names[a] & names[b]) >= 3} for a in names}


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return fold_basic(text)


def _same_thing(a: str, b: str, aliases: dict[str, set[str]] | None = None) -> bool:
    """Two names for one thing: equal once folded, one inside the other word for word, an
    acronym of the other, or two people sharing a surname ("Mr Saputo", "Joey Saputo")."""
    fa, fb = f" {_fold(a)} ", f" {_fold(b)} "
    if fa.strip() == fb.strip() or fa in fb or fb in fa:
        return True
    if aliases and fb.strip() in aliases.get(fa.strip(), set()):
        return True
    wa, wb = fa.split(), fb.split()
    capitalised = len(wa) > 1 or len(wb) > 1
    return capitalised and bool(wa) and bool(wb) and wa[-1] == wb[-1] and len(wa[-1]) > 2


def _clash(candidate: str, q: Question, aliases: dict[str, set[str]]) -> bool:
    return any(_same_thing(candidate, v, aliases) for answer in q.answers for v in answer)


def _answer_kind(q: Question) -> str | None:
    if q.kind == "speaker":
        return q.mentions[0].kind if q.mentions else None
    return POOL_KIND.get(q.kind)


def _display(m: Mention) -> str:
    if m.kind == "number" and m.value is not None:
        return f"{m.value} {m.unit}" if m.unit else str(m.value)
    if m.kind == "day":
        return next((w for w in m.text.casefold().split() if w in WEEKDAYS), m.text)
    text = m.text.strip()
    return without_article(text) if m.kind in ("date", "day") else text


def _candidates(q: Question, pool: Pool) -> list[str]:
    """Same-kind mentions of the corpus, those of the question's own article first."""
    kind = _answer_kind(q)
    if kind is None:
        return []
    unit = q.mentions[0].unit if kind == "number" and q.mentions else None
    own, other = [], []
    allowed = pool.related.get(q.source_id, set()) | {q.source_id}
    for source, m in pool.by_kind.get(kind, []):
        if source not in allowed and kind not in ("year", "day", "month"):
            continue
        if kind == "number" and (m.unit or "").casefold() != (unit or "").casefold():
            continue
        text = _display(m)
        if (
            not text
            or len(text) > (90 if kind == "role" else 45)
            or (kind in ("person", "place", "organisation") and not text[0].isupper())
        ):
            continue
        (own if source == q.source_id else other).append(text)
    out: list[str] = []
    for text in dict.fromkeys(own + other):
        if not _clash(text, q, pool.aliases) and not any(_same_thing(text, t) for t in out):
            out.append(text)
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _fallback(q: Question) -> list[str]:
    """Plausible values when the articles hold too few of the kind: nearby years, other days."""
    m = q.mentions[0] if q.mentions else None
    if q.kind == "year" and m and m.value:
        return [str(m.value + d) for d in (-2, 3, -5, 1, 5)]
    if q.kind == "day":
        return [d for d in WEEKDAYS]
    if q.kind == "month":
        return [mo for mo in MONTHS]
    if q.kind == "direction":
        return list(DIRECTIONS)
    if q.kind == "number" and m and m.value:
        unit = f" {m.unit}" if m.unit else ""
        values = [round(m.value * f) for f in (2, 0.5, 3, 1.5)]
        return [f"{v}{unit}" for v in values if v > 1 and v != m.value]
    return []


def distractors(q: Question, pool: Pool, count: int = 3) -> list[str]:
    """Up to `count` wrong choices of the answer's type, chosen the same way on every run."""
    picked: list[str] = []
    for text in _candidates(q, pool) + _fallback(q):
        if len(picked) == count:
            break
        if not _clash(text, q, pool.aliases) and not any(_same_thing(text, t) for t in picked):
            picked.append(text)
    return picked


def near_misses(q: Question, pool: Pool, limit: int = 5) -> list[str]:
    """Same-type names from the corpus close to an answer: never accepted by the grader."""
    answers = [v for a in q.answers for v in a]
    scored = []
    for text in _candidates(q, pool):
        best = max(fuzz.ratio(fold_basic(text), fold_basic(v)) for v in answers)
        scored.append((-best, text))
    return [t for _, t in sorted(scored)[:limit]]


def shuffled(choices: list[str], key: str) -> list[str]:
    """Choices in an order fixed by `key` (the item id): stable across runs, not alphabetical."""
    return sorted(choices, key=lambda c: hashlib.sha256(f"{key}|{c}".encode()).hexdigest())
