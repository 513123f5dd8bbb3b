"""`factquiz review`: FSRS scheduling from the journal, due items first, played and journaled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating
from typer.testing import CliRunner

from factquiz.cli import app
from factquiz.review import pick_due, rating, review_cards
from factquiz.store import AnswerRecord, ScoreStore, SessionRecord, StudentScores
from factquiz.yamlio import dump_yaml, read_yaml

PLAY = Path(__file__).parent / "data" / "play"
FR = PLAY / "pont-fr.yaml"
NOW = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)
runner = CliRunner()


def ans(item: str, outcome: str, at: datetime, hint: bool = False) -> AnswerRecord:
    credit = 1.0 if outcome == "correct" else 0.0
    return AnswerRecord(item, outcome, credit, 1, at.isoformat(), hint=hint)


def scores(*answers: AnswerRecord, bank: str = "pont-fr") -> StudentScores:
    session = SessionRecord("s1", bank, answers[0].at, "complete", tuple(answers))
    return StudentScores("a", "A", (session,))


def test_ratings_follow_the_verdict_and_the_hint() -> None:
    assert rating(ans("x", "correct", NOW)) == Rating.Good
    assert rating(ans("x", "correct", NOW, hint=True)) == Rating.Hard
    for outcome in ("wrong", "review", "skipped"):
        assert rating(ans("x", outcome, NOW)) == Rating.Again


def test_only_items_missed_or_helped_with_a_hint_are_reviewed() -> None:
    record = scores(
        ans("always-right", "correct", NOW),
        ans("missed", "wrong", NOW),
        ans("hinted", "correct", NOW, hint=True),
        ans("skipped", "skipped", NOW),
    )
    assert sorted(c.item for c in review_cards(record)) == ["hinted", "missed", "skipped"]


def test_a_fresh_mistake_is_due_before_one_since_answered_right_again() -> None:
    long_ago = NOW - timedelta(days=10)
    record = scores(
        ans("learnt", "wrong", long_ago),
        ans("learnt", "correct", long_ago + timedelta(minutes=10)),
        ans("learnt", "correct", long_ago + timedelta(days=1)),
        ans("learnt", "correct", NOW - timedelta(hours=1)),
        ans("fresh", "wrong", NOW - timedelta(minutes=5)),
    )
    cards = {c.item: c for c in review_cards(record)}
    assert cards["fresh"].due <= NOW + timedelta(minutes=10)
    assert cards["learnt"].due > NOW + timedelta(days=2)
    assert (cards["learnt"].reviews, cards["learnt"].lapses) == (4, 1)
    assert [c.item for c in pick_due(cards.values(), NOW)] == ["fresh"]
    later = pick_due(cards.values(), NOW, include_later=True)
    assert [c.item for c in later] == ["fresh", "learnt"]  # due today first


def test_due_cards_come_most_overdue_first() -> None:
    record = scores(
        ans("b", "wrong", NOW - timedelta(days=3)),
        ans("a", "wrong", NOW - timedelta(days=1)),
        ans("c", "wrong", NOW - timedelta(days=2)),
    )
    assert [c.item for c in pick_due(review_cards(record), NOW)] == ["b", "c", "a"]


def test_the_bank_filter_keeps_one_bank() -> None:
    record = StudentScores(
        "a",
        "A",
        (
            SessionRecord("s1", "pont-fr", NOW.isoformat(), "complete", (ans("x", "wrong", NOW),)),
            SessionRecord("s2", "other", NOW.isoformat(), "complete", (ans("y", "wrong", NOW),)),
        ),
    )
    assert [c.item for c in review_cards(record, "other")] == ["y"]


# --- the command -------------------------------------------------------------------------------


def write_scores(home: Path, sessions: list[dict]) -> Path:
    path = home / "scores" / "alice.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"factquiz-scores": 1, "student": "alice", "name": "Alice", "sessions": sessions}
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def session(bank_file: str, *answers: tuple[str, str], bank: str = "pont-fr") -> dict:
    at = (datetime.now(UTC) - timedelta(hours=2)).replace(microsecond=0).isoformat()
    return {
        "id": "20240314T100000Z-aaaaaa",
        "mode": "play",
        "bank": bank,
        "bank_file": bank_file,
        "language": "fr",
        "started": at,
        "status": "complete",
        "answers": [
            {"item": i, "at": at, "outcome": o, "credit": float(o == "correct"), "points": 1}
            for i, o in answers
        ],
    }


def test_review_plays_the_due_items_and_journals_a_review_session(factquiz_home: Path) -> None:
    path = write_scores(
        factquiz_home,
        [session(str(FR), ("inauguration", "wrong"), ("longueur", "correct"))],
    )
    result = runner.invoke(app, ["review", "--student", "Alice"], input="Isabelle Quéré\n")
    assert result.exit_code == 0, result.output
    assert "Révision : 1 question(s) de « Le pont de Recouvrance »" in result.output
    assert "Qui a inauguré le pont de Recouvrance ?" in result.output
    assert "Quelle est la longueur" not in result.output  # never missed: not reviewed
    sessions = read_yaml(path)["sessions"]
    assert sessions[-1]["mode"] == "review" and sessions[-1]["status"] == "complete"
    assert [(a["item"], a["outcome"]) for a in sessions[-1]["answers"]] == [
        ("inauguration", "correct")
    ]
    # FSRS wants one more right answer, ten minutes on, before spacing it out by days.
    again = runner.invoke(app, ["review", "--student", "Alice"], input="Isabelle Quéré\n")
    assert "Qui a inauguré le pont de Recouvrance ?" in again.output
    done = runner.invoke(app, ["review", "--student", "Alice"], input="")
    assert "Rien à réviser aujourd'hui. Prochaine révision :" in done.output


def test_review_finds_the_bank_by_id_when_its_file_moved(factquiz_home: Path) -> None:
    write_scores(
        factquiz_home,
        [session("/nowhere/kim.yaml", ("khasan-welcome-x", "wrong"), bank="kim-russie-2023")],
    )
    result = runner.invoke(app, ["review", "--student", "Alice"], input="")
    # The bundled bank has no such item: the student is told, nothing breaks.
    assert result.exit_code == 0
    assert "Banque « kim-russie-2023 » introuvable : ses 1 question(s) sont ignorées." in (
        result.output
    )


def test_review_with_nothing_on_record_says_so(factquiz_home: Path) -> None:
    write_scores(factquiz_home, [session(str(FR), ("longueur", "correct"))])
    result = runner.invoke(app, ["review", "--student", "Alice"], input="")
    assert result.exit_code == 0
    assert "Rien à réviser : aucune erreur ni indice enregistré pour Alice." in result.output
    store = ScoreStore(factquiz_home / "scores")
    assert len(store.load("alice").sessions) == 1  # nothing was added
