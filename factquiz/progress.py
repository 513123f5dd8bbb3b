"""A student's progress from the score journal: accuracy over time, trend, items missed.

Accuracy counts every answer as given (an answer is accurate when its verdict is
correct); a session's score counts each item once, by its last answer, as `play` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from factquiz.bank import SKILLS
from factquiz.store import AnswerRecord, SessionRecord, StudentScores

PERIODS = 4
TREND_SESSIONS = 15
TOP_MISSED = 5


@dataclass(frozen=True)
class Accuracy:
    """How many answers, how many right."""

    answers: int
    correct: int

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class AccuracyRow:
    """One bank or skill: accuracy in each period (None where it had no answer), and overall."""

    label: str
    by_period: tuple[Accuracy | None, ...]
    overall: Accuracy


@dataclass(frozen=True)
class SessionScore:
    """One point of the trend: a session and its score."""

    id: str
    started: str
    bank: str
    mode: str
    status: str
    earned: float
    possible: float

    @property
    def percent(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class MissedItem:
    """An item the student keeps missing."""

    bank: str
    item: str
    missed: int
    asked: int
    expected: str | None
    last_response: str | None
    type: str | None = None


@dataclass(frozen=True)
class Progress:
    """Everything `factquiz stats` shows."""

    periods: tuple[str, ...]
    by_bank: tuple[AccuracyRow, ...]
    by_skill: tuple[AccuracyRow, ...]
    trend: tuple[SessionScore, ...]
    most_missed: tuple[MissedItem, ...]
    answers: int


def period_of(stamp: str) -> str:
    """The ISO week of a timestamp, `2024-W11` (unknown dates fall in `?`)."""
    try:
        year, week, _ = datetime.fromisoformat(stamp).astimezone().isocalendar()
    except ValueError:
        return "?"
    return f"{year}-W{week:02d}"


def _accuracy(answers: list[AnswerRecord]) -> Accuracy:
    return Accuracy(len(answers), sum(a.outcome == "correct" for a in answers))


Pair = tuple[SessionRecord, AnswerRecord]


def accuracy_rows(
    pairs: list[Pair], key: Callable[[Pair], str], periods: tuple[str, ...], order: list[str]
) -> tuple[AccuracyRow, ...]:
    """Accuracy per `key` value, per period and overall, in the given order of labels."""
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(key(pair), []).append(pair)
    rows = []
    for label in [k for k in order if k in groups] + sorted(k for k in groups if k not in order):
        cells = []
        for period in periods:
            here = [a for _s, a in groups[label] if period_of(a.at) == period]
            cells.append(_accuracy(here) if here else None)
        rows.append(AccuracyRow(label, tuple(cells), _accuracy([a for _s, a in groups[label]])))
    return tuple(rows)


def session_score(session: SessionRecord) -> SessionScore:
    """A session's score: each item counted once, by its last answer."""
    last: dict[str, AnswerRecord] = {}
    for answer in session.answers:
        last[answer.item] = answer
    return SessionScore(
        session.id, session.started, session.bank, session.mode, session.status,
        sum(a.earned for a in last.values()), sum(a.points for a in last.values()),
    )  # fmt: skip


def most_missed(pairs: Iterable[Pair], top: int = TOP_MISSED) -> tuple[MissedItem, ...]:
    """Items missed most often (wrong, to review or skipped), then by share missed."""
    asked: dict[tuple[str, str], list[AnswerRecord]] = {}
    for session, answer in pairs:
        asked.setdefault((session.bank, answer.item), []).append(answer)
    found = []
    for (bank, item), answers in asked.items():
        missed = [a for a in answers if a.outcome != "correct"]
        if missed:
            latest = answers[-1]
            found.append(MissedItem(bank, item, len(missed), len(answers), latest.expected,
                                    missed[-1].response, latest.type))  # fmt: skip
    found.sort(key=lambda m: (-m.missed, -m.missed / m.asked, m.bank, m.item))
    return tuple(found[:top])


def student_progress(
    scores: StudentScores, periods: int = PERIODS, trend: int = TREND_SESSIONS
) -> Progress:
    """Accuracy by bank and by skill over the last `periods` weeks with answers, the trend
    of the last `trend` sessions, and the items most often missed."""
    sessions = sorted(scores.sessions, key=lambda s: s.started)
    pairs = [(s, a) for s in sessions for a in s.answers]
    weeks = tuple(sorted({period_of(a.at) for _s, a in pairs})[-periods:])
    banks = list(dict.fromkeys(s.bank for s in sessions))
    return Progress(
        periods=weeks,
        by_bank=accuracy_rows(pairs, lambda p: p[0].bank, weeks, banks),
        by_skill=accuracy_rows(pairs, lambda p: p[1].skill or "-", weeks, list(SKILLS)),
        trend=tuple(session_score(s) for s in sessions if s.answers)[-trend:],
        most_missed=most_missed(pairs),
        answers=len(pairs),
    )
