"""Rank questions and keep the best: precision first, a teacher wants good items, not many.

Hard filters drop a question whose answer shows in the prompt, whose prompt leans on a
pronoun or a demonstrative the student cannot resolve, or that is too short or too long.
The score then prefers specific facts (numbers, dates, names that are not the article's
protagonist) over trivia, and the selection spreads items over sentences and answers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from factquiz.generate.questions import Question
from factquiz.text import fold_basic

KIND_VALUE = {
    "number": 0.35, "year": 0.3, "date": 0.3, "month": 0.25, "day": 0.2, "speaker": 0.25,
    "place": 0.25, "direction": 0.15, "person": 0.25, "organisation": 0.25, "thing": 0.1,
    "role": 0.2,
}  # fmt: skip
MIN_SCORE = 0.45
_DANGLING = re.compile(
    r"\b(?:y|lui|leur|celle-ci|celui-ci|ceux-ci|cette dernière|ce dernier)\b", re.I
)
_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\s+\w+", re.I)
_POSSESSIVE = re.compile(r"\b(?:son|sa|ses|leur|leurs)\s+\w+", re.I)
_OPINION = re.compile(r"«|»|\"")


@dataclass(frozen=True)
class Ranked:
    """A question with its score."""

    question: Question
    score: float


def _words(text: str) -> set[str]:
    return set(fold_basic(text).split())


def gives_away(q: Question) -> bool:
    """The prompt contains an answer: its full form, or the surname a student would type."""
    prompt = f" {fold_basic(q.prompt)} "
    for answer in q.answers:
        for variant in answer:
            folded = fold_basic(variant)
            if len(folded) >= 3 and f" {folded} " in prompt:
                return True
    return False


def _protagonists(questions: list[Question]) -> set[str]:
    """The person each article is about: naming them is no test of reading."""
    out: set[str] = set()
    by_source: dict[str, Counter[str]] = {}
    for q in questions:
        for m in q.mentions:
            if m.kind == "person":
                by_source.setdefault(q.source_id, Counter())[fold_basic(m.text).split()[-1]] += 1
    for counter in by_source.values():
        out.update(name for name, _ in counter.most_common(1))
    return out


def score(q: Question, protagonists: set[str]) -> float | None:
    """A question's worth in [0, 1.5], or None when it must not be asked at all."""
    words = len(q.prompt.split())
    if not 4 <= words <= 34 or gives_away(q) or q.in_quotes:
        return None
    if _DANGLING.search(q.prompt):
        return None
    value = 0.5 + KIND_VALUE.get(q.kind, 0.0)
    if _DEMONSTRATIVE.search(q.prompt):
        value -= 0.3
    if q.vague_subject:
        value -= 0.4
    if q.skill != "attribution" and _POSSESSIVE.search(q.prompt.split(" ", 2)[-1]):
        value -= 0.15
    answer_names = {fold_basic(v).split()[-1] for a in q.answers for v in a[:1] if v.strip()}
    if q.kind in ("person", "speaker") and answer_names & protagonists:
        value -= 0.35
    if q.kind == "role" and _words(q.prompt) & protagonists:
        value -= 0.35
    if q.topic:  # of "Qui est le porte-parole ?" and "Qui est Peskov ?", ask one, either way
        flip = int(hashlib.sha256(q.topic.encode()).hexdigest(), 16) % 2 == 1
        value += 0.1 if (q.kind == "role") == flip else 0.0
    if words > 24:
        value -= 0.02 * (words - 24)
    if q.resolved:
        value -= 0.05
    if q.kind == "thing" and len(q.answers[0][0].split()) > 6:
        value -= 0.2
    if _OPINION.search(q.prompt) and q.skill != "attribution":
        value -= 0.1
    return round(value, 4)


def rank(questions: list[Question]) -> list[Ranked]:
    """Scored questions, best first; ties broken by article order so output is stable."""
    protagonists = _protagonists(questions)
    ranked = []
    for q in questions:
        s = score(q, protagonists)
        if s is not None and s >= MIN_SCORE:
            ranked.append(Ranked(q, s))
    order = {id(r): i for i, r in enumerate(ranked)}
    return sorted(ranked, key=lambda r: (-r.score, order[id(r)]))


def select(
    ranked: list[Ranked], max_items: int | None = None, per_sentence: int = 2
) -> list[Ranked]:
    """The best questions, a few per sentence, one per answer and skill, one per identity."""
    kept: list[Ranked] = []
    per_sent: Counter[tuple[str, int]] = Counter()
    seen_answers: set[tuple[str, ...]] = set()
    seen_prompts: set[str] = set()
    for r in ranked:
        q = r.question
        answer_key = (
            (q.source_id, q.topic)
            if q.topic
            else (q.source_id, q.skill, fold_basic(q.answers[0][0]))
        )
        prompt_key = fold_basic(q.prompt)
        cap = per_sentence + (1 if len(q.quote.split()) >= 30 else 0)
        if per_sent[(q.source_id, q.sentence)] >= cap or answer_key in seen_answers:
            continue
        if prompt_key in seen_prompts:
            continue
        kept.append(r)
        per_sent[(q.source_id, q.sentence)] += 1
        seen_answers.add(answer_key)
        seen_prompts.add(prompt_key)
        if max_items is not None and len(kept) >= max_items:
            break
    return kept
