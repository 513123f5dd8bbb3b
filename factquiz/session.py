"""A quiz run as a state machine: which item comes next, what an answer earns, the summary.

No I/O and no terminal: the CLI feeds responses in and shows what comes back; the store
journals each `Attempt`. The grader is passed in, so this module never imports it.
"""

from __future__ import annotations

import random
import re
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from factquiz.bank import SKILLS, Bank, Item
from factquiz.errors import UsageError

HINT_FACTOR = 0.5
OUTCOMES = ("correct", "review", "wrong", "skipped")


class GradeFn(Protocol):
    """Grades one response to one item; returns the grader's Verdict."""

    def __call__(self, response: str, item: Item) -> Any: ...


@dataclass(frozen=True)
class Selection:
    """Which items of a bank a session asks, and in what order."""

    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    count: int | None = None
    seed: int | None = None


@dataclass(frozen=True)
class Hint:
    """A hint: `kind` says how to phrase it (text, letters, fewer-choices, source)."""

    kind: str
    text: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attempt:
    """One answer as given: what was typed, the verdict, and what it earned."""

    item: Item
    response: str | None  # None when the student skipped
    outcome: str  # correct | review | wrong | skipped
    credit: float  # the grader's credit, halved after a hint
    hinted: bool
    retry: bool  # the second asking of an item that came back for review
    reason: str
    matched: str | None
    seconds: float

    @property
    def earned(self) -> float:
        """Points earned: credit times the item's points."""
        return self.credit * self.item.points


@dataclass(frozen=True)
class SkillLine:
    """Results for one skill in a summary."""

    skill: str
    asked: int
    correct: int
    earned: float
    possible: float


@dataclass(frozen=True)
class Summary:
    """The end of a session: score, results by skill, time, and the items missed."""

    earned: float
    possible: float
    asked: int
    correct: int
    by_skill: tuple[SkillLine, ...]
    missed: tuple[Attempt, ...]
    seconds: float
    complete: bool

    @property
    def percent(self) -> float:
        """The score as a percentage of the points of the items asked."""
        return 100.0 * self.earned / self.possible if self.possible else 0.0


def select_items(bank: Bank, selection: Selection) -> tuple[Item, ...]:
    """Filter by type, tag and skill, shuffle (reproducibly with a seed), keep `count`."""
    items = [
        it
        for it in bank.items
        if (not selection.types or it.type in selection.types)
        and (not selection.tags or set(selection.tags) & set(it.tags))
        and (not selection.skills or it.skill in selection.skills)
    ]
    if not items:
        raise UsageError(
            f"no item of bank {bank.id!r} matches the filters",
            hint=_filter_hint(bank),
        )
    random.Random(selection.seed).shuffle(items)
    if selection.count is not None:
        if selection.count < 1:
            raise UsageError("-n must be at least 1")
        items = items[: selection.count]
    return tuple(items)


def _filter_hint(bank: Bank) -> str:
    tags = sorted({t for it in bank.items for t in it.tags})
    skills = sorted({it.skill for it in bank.items if it.skill})
    types = sorted({it.type for it in bank.items})
    return (
        f"this bank has types: {', '.join(types) or '-'}; tags: {', '.join(tags) or '-'}; "
        f"skills: {', '.join(skills) or '-'}"
    )


def make_hint(item: Item) -> Hint:
    """The item's own hint, else one drawn from the answer: initials, fewer choices, source."""
    if item.hint:
        return Hint("text", item.hint)
    if item.type == "choice":
        right = {v for a in item.answers for v in a}
        wrong = [c for c in item.choices if c not in right]
        # Take away half of the wrong choices, always the same ones for a given item.
        dropped = set(random.Random(item.id).sample(wrong, len(wrong) // 2))
        return Hint("choices", choices=tuple(c for c in item.choices if c not in dropped))
    if item.type == "open" and item.answers:
        return Hint("letters", _letters(item.answers[0][0]))
    return Hint("source", item.evidence.source if item.evidence else "")


def _letters(answer: str) -> str:
    """`Oleg Kozhemyako` -> `O___ K________`: first letter of each word, digits kept."""
    return re.sub(r"(?<=\w)\w", lambda m: m.group() if m.group().isdigit() else "_", answer)


class Session:
    """The state of one quiz run. Call `submit`, `skip` or `hint` on the `current` item."""

    def __init__(
        self, items: Iterable[Item], grade: GradeFn, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._queue: deque[Item] = deque(items)
        self._grade = grade
        self._clock = clock
        self._came_back: set[str] = set()
        self._final: dict[str, Attempt] = {}
        self.attempts: list[Attempt] = []
        self.hinted = False
        self.started = clock()
        self._asked_at = self.started
        self.ended: float | None = None

    @property
    def current(self) -> Item | None:
        """The item being asked, or None when the session is over."""
        return self._queue[0] if self._queue and self.ended is None else None

    @property
    def position(self) -> int:
        """1-based number of the current question."""
        return len(self.attempts) + 1

    @property
    def total(self) -> int:
        """Questions in this session, counting items that came back for review."""
        return len(self.attempts) + (len(self._queue) if self.ended is None else 0)

    @property
    def finished(self) -> bool:
        """True once every item has been asked (or the session was stopped)."""
        return self.current is None

    @property
    def complete(self) -> bool:
        """True if every item was asked, False if the session was stopped early."""
        return not self._queue

    def hint(self) -> Hint:
        """A hint for the current item; from now on its credit is halved."""
        item = self._require_current()
        self.hinted = True
        return make_hint(item)

    def submit(self, response: str) -> Attempt:
        """Grade a response to the current item and move on."""
        item = self._require_current()
        v = self._grade(response, item)
        credit = float(v.credit) * (HINT_FACTOR if self.hinted else 1.0)
        return self._record(item, response, v.verdict, credit, v.reason, v.matched)

    def skip(self) -> Attempt:
        """Give up on the current item: no credit, and it counts as missed."""
        item = self._require_current()
        return self._record(item, None, "skipped", 0.0, "", None)

    def stop(self) -> None:
        """End the session early (quit, Ctrl-C, end of input)."""
        if self.ended is None:
            self.ended = self._clock()

    def _require_current(self) -> Item:
        item = self.current
        if item is None:
            raise RuntimeError("the session is over")
        return item

    def _record(
        self, item: Item, response: str | None, outcome: str, credit: float, reason: str,
        matched: str | None,
    ) -> Attempt:  # fmt: skip
        now = self._clock()
        retry = item.id in self._came_back
        if outcome == "review":
            credit = 0.0  # the student sees the answer now; credit is earned on the retry
        attempt = Attempt(
            item, response, outcome, credit, self.hinted, retry, reason, matched,
            now - self._asked_at,
        )  # fmt: skip
        self.attempts.append(attempt)
        self._final[item.id] = attempt
        self._queue.popleft()
        if outcome == "review" and not retry:
            self._came_back.add(item.id)
            self._queue.append(item)
        self.hinted = False
        self._asked_at = now
        if not self._queue:
            self.ended = now
        return attempt

    def score(self) -> tuple[float, float]:
        """(earned, possible) points so far, counting each item's latest attempt."""
        finals = self._final.values()
        return sum(a.earned for a in finals), sum(a.item.points for a in finals)

    def summary(self) -> Summary:
        """Score, results by skill, time taken and the items missed."""
        finals = list(self._final.values())
        earned, possible = self.score()
        end = self.ended if self.ended is not None else self._clock()
        return Summary(
            earned=earned,
            possible=possible,
            asked=len(finals),
            correct=sum(a.outcome == "correct" for a in finals),
            by_skill=by_skill(finals),
            missed=tuple(a for a in finals if a.outcome != "correct"),
            seconds=end - self.started,
            complete=self.complete,
        )


def by_skill(finals: Iterable[Attempt]) -> tuple[SkillLine, ...]:
    """Results grouped by skill: the format's skills in their order, then any others."""
    groups: dict[str, list[Attempt]] = {}
    for a in finals:
        groups.setdefault(a.item.skill or "-", []).append(a)
    order = [s for s in SKILLS if s in groups] + sorted(s for s in groups if s not in SKILLS)
    return tuple(
        SkillLine(
            skill,
            len(groups[skill]),
            sum(a.outcome == "correct" for a in groups[skill]),
            sum(a.earned for a in groups[skill]),
            sum(a.item.points for a in groups[skill]),
        )
        for skill in order
    )
