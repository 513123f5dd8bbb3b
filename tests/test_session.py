"""The quiz state machine: order, filters, hints, skips, review items that come back, summary.

The grader is a small stand-in here (exact match, or a scripted verdict), so these tests
pin down the session's own rules; tests/test_play.py plays whole sessions with the real one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from factquiz.bank import Item, load_bank
from factquiz.errors import UsageError
from factquiz.session import Selection, Session, make_hint, select_items

BANK = load_bank(Path(__file__).parent / "data" / "play" / "pont-fr.yaml")


@dataclass(frozen=True)
class FakeVerdict:
    verdict: str
    credit: float
    matched: str | None = None
    reason: str = ""


def exact(response: str, item: Item) -> FakeVerdict:
    """Right when the response is the first accepted answer, word for word."""
    right = item.answers[0][0] if item.answers else item.verdict
    return FakeVerdict("correct", 1.0, right) if response == right else FakeVerdict("wrong", 0.0)


def scripted(*verdicts: str):
    """A grader that returns these verdicts in turn, whatever the response."""
    queue = list(verdicts)

    def grade(response: str, item: Item) -> FakeVerdict:
        v = queue.pop(0)
        return FakeVerdict(v, {"correct": 1.0, "review": 0.5, "wrong": 0.0}[v])

    return grade


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_seed_gives_the_same_order_and_filters_narrow_the_items() -> None:
    first = select_items(BANK, Selection(seed=7))
    assert first == select_items(BANK, Selection(seed=7))
    assert sorted(it.id for it in first) == sorted(it.id for it in BANK.items)
    assert {it.type for it in select_items(BANK, Selection(types=("claim",)))} == {"claim"}
    assert [it.id for it in select_items(BANK, Selection(tags=("velo",)))] == ["cyclistes"]
    assert [it.id for it in select_items(BANK, Selection(skills=("who",)))] == ["inauguration"]
    assert len(select_items(BANK, Selection(count=2, seed=1))) == 2


def test_filters_that_match_nothing_say_what_the_bank_has() -> None:
    with pytest.raises(UsageError) as exc:
        select_items(BANK, Selection(tags=("nope",)))
    assert "velo" in exc.value.hint and "attribution" in exc.value.hint


def test_answers_move_through_the_items_and_keep_the_score() -> None:
    items = (BANK.item("inauguration"), BANK.item("longueur"))
    s = Session(items, exact)
    assert (s.current, s.position, s.total) == (items[0], 1, 2)
    first = s.submit("Isabelle Quéré")
    assert first.outcome == "correct" and first.earned == 1.0
    assert (s.current, s.position, s.score()) == (items[1], 2, (1.0, 1.0))
    second = s.submit("48 mètres")
    assert second.outcome == "wrong" and s.finished and s.complete
    summary = s.summary()
    assert (summary.earned, summary.possible, summary.percent) == (1.0, 2.0, 50.0)
    assert [a.item.id for a in summary.missed] == ["longueur"]


def test_a_hint_halves_the_credit_of_that_item_only() -> None:
    s = Session((BANK.item("inauguration"), BANK.item("architecte")), exact)
    assert s.hint().text == "C'est la maire de Brest."
    s.hint()  # asking twice does not halve it again
    hinted = s.submit("Isabelle Quéré")
    assert hinted.hinted and hinted.credit == 0.5
    plain = s.submit("Paul Le Goff")
    assert not plain.hinted and plain.credit == 1.0
    assert s.score() == (1.5, 2.0)


def test_hints_drawn_from_the_answer_when_the_bank_gives_none() -> None:
    assert make_hint(BANK.item("architecte")).text == "P___ L_ G___"
    assert make_hint(BANK.item("cyclistes")).text == "1__ a____"
    fewer = make_hint(BANK.item("longueur"))
    assert fewer.kind == "choices" and "88 mètres" in fewer.choices and len(fewer.choices) == 2
    assert make_hint(BANK.item("navires")).kind == "source"


def test_skip_counts_as_missed_with_no_credit() -> None:
    s = Session((BANK.item("inauguration"),), exact)
    skipped = s.skip()
    assert skipped.outcome == "skipped" and skipped.response is None and skipped.earned == 0
    assert s.summary().missed == (skipped,)


def test_a_review_verdict_earns_nothing_now_and_comes_back_once() -> None:
    items = (BANK.item("inauguration"), BANK.item("architecte"))
    s = Session(items, scripted("review", "correct", "review"))
    first = s.submit("Quere?")
    assert first.outcome == "review" and first.credit == 0.0 and not first.retry
    assert s.total == 3  # the item is queued again at the end
    s.submit("Paul Le Goff")
    assert s.current == items[0]
    again = s.submit("Quere?")
    assert again.retry and again.outcome == "review"
    assert s.finished and s.total == 3  # a second review verdict does not bring it back again


def test_a_retry_replaces_the_first_answer_in_the_score() -> None:
    s = Session((BANK.item("inauguration"),), scripted("review", "correct"))
    s.submit("Quere?")
    s.submit("Isabelle Quéré")
    summary = s.summary()
    assert (summary.earned, summary.possible, summary.asked, summary.missed) == (1.0, 1.0, 1, ())


def test_stopping_early_marks_the_session_incomplete() -> None:
    s = Session(select_items(BANK, Selection(seed=3)), exact)
    s.skip()
    s.stop()
    assert s.finished and not s.complete and s.current is None
    assert s.summary().asked == 1
    with pytest.raises(RuntimeError):
        s.skip()


def test_summary_by_skill_follows_the_format_order_and_times_the_session() -> None:
    clock = Clock()
    items = tuple(BANK.item(i) for i in ("navires", "inauguration", "longueur"))
    s = Session(items, exact, clock=clock)
    clock.now += 4
    assert s.submit("refuted").seconds == 4
    clock.now += 6
    s.submit("nobody")
    s.skip()
    summary = s.summary()
    assert summary.seconds == 10
    lines = [(x.skill, x.asked, x.correct, x.earned) for x in summary.by_skill]
    assert lines == [("who", 1, 0, 0.0), ("number", 1, 0, 0.0), ("verification", 1, 1, 1.0)]
