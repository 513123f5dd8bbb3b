"""Spaced repetition of what a student got wrong or needed a hint for, scheduled with FSRS.

Nothing is stored besides the journal: each item's FSRS card is rebuilt by replaying the
student's answers to it, in order, so the schedule follows every answer ever given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from factquiz.store import AnswerRecord, StudentScores


@dataclass(frozen=True)
class ReviewCard:
    """One item to go over: when it is due, and how it went so far."""

    bank: str
    bank_file: str | None
    item: str
    due: datetime
    reviews: int
    lapses: int  # answers that were not right the first time without help
    last_outcome: str


def rating(answer: AnswerRecord) -> int:
    """The FSRS rating of an answer: Good when right, Hard with a hint, Again otherwise."""
    from fsrs import Rating

    if answer.outcome == "correct":
        return Rating.Hard if answer.hint else Rating.Good
    return Rating.Again


def _when(answer: AnswerRecord) -> datetime | None:
    try:
        at = datetime.fromisoformat(answer.at)
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _card_id(bank: str, item: str) -> int:
    # fsrs.Card sleeps 1 ms to make up an id when none is given; a stable one is better.
    return int.from_bytes(hashlib.sha256(f"{bank}/{item}".encode()).digest()[:6], "big")


def _history(scores: StudentScores) -> dict[tuple[str, str], list[tuple[datetime, AnswerRecord]]]:
    """Each (bank, item)'s answers in the order given, with their time."""
    history: dict[tuple[str, str], list[tuple[datetime, AnswerRecord]]] = {}
    for session in scores.sessions:
        for answer in session.answers:
            at = _when(answer)
            if at is not None:
                history.setdefault((session.bank, answer.item), []).append((at, answer))
    for answers in history.values():
        answers.sort(key=lambda pair: pair[0])  # stable: same-second answers keep their order
    return history


def review_cards(scores: StudentScores, bank: str | None = None) -> list[ReviewCard]:
    """A card for every item the student ever missed or needed a hint for, by due date."""
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)
    files = {s.bank: s.bank_file for s in scores.sessions if s.bank_file}
    cards = []
    for (bank_id, item_id), answers in _history(scores).items():
        if bank is not None and bank_id != bank:
            continue
        ratings = [rating(a) for _, a in answers]
        lapses = sum(r != Rating.Good for r in ratings)
        if not lapses:
            continue
        card = Card(card_id=_card_id(bank_id, item_id), due=answers[0][0])
        for (at, _), r in zip(answers, ratings, strict=True):
            card, _log = scheduler.review_card(card, r, review_datetime=at)
        cards.append(
            ReviewCard(
                bank_id, files.get(bank_id), item_id, card.due, len(answers), lapses,
                answers[-1][1].outcome,
            )
        )  # fmt: skip
    return sorted(cards, key=lambda c: (c.due, c.bank, c.item))


def end_of_today(now: datetime) -> datetime:
    """Midnight at the end of `now`'s day, in local time, as UTC."""
    local = now.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, local.tzinfo)
    return midnight.astimezone(UTC)


def pick_due(
    cards: Iterable[ReviewCard], now: datetime | None = None, include_later: bool = False
) -> list[ReviewCard]:
    """Cards due by the end of today, most overdue first; then the others if asked."""
    now = now or datetime.now(UTC)
    limit = end_of_today(now)
    ordered = sorted(cards, key=lambda c: (c.due, c.bank, c.item))
    due = [c for c in ordered if c.due <= limit]
    later = [c for c in ordered if c.due > limit] if include_later else []
    return due + later
