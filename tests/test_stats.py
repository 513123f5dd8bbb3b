"""`factquiz stats`: accuracy by bank and skill over time, trend by session, items most missed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from factquiz.cli import app
from factquiz.progress import period_of, session_score, student_progress
from factquiz.store import AnswerRecord, SessionRecord, StudentScores
from factquiz.yamlio import dump_yaml

runner = CliRunner()
WEEK1 = "2024-03-05T10:00:00+00:00"  # ISO week 10
WEEK2 = "2024-03-12T10:00:00+00:00"  # ISO week 11


def ans(item: str, outcome: str, at: str, skill: str, credit: float | None = None) -> AnswerRecord:
    credit = float(outcome == "correct") if credit is None else credit
    return AnswerRecord(item, outcome, credit, 1, at, skill=skill, expected=f"answer of {item}")


def sess(sid: str, bank: str, at: str, *answers: AnswerRecord, **kw: str) -> SessionRecord:
    return SessionRecord(
        sid, bank, at, kw.get("status", "complete"), answers, kw.get("mode", "play")
    )


HISTORY = StudentScores(
    "alice",
    "Alice",
    (
        sess(
            "s1", "pont-fr", WEEK1,
            ans("who1", "wrong", WEEK1, "who"),
            ans("when1", "wrong", WEEK1, "when"),
            ans("num1", "correct", WEEK1, "number"),
            ans("who2", "skipped", WEEK1, "who"),
        ),
        sess(
            "s2", "pont-fr", WEEK2,
            ans("who1", "review", WEEK2, "who"),
            ans("when1", "correct", WEEK2, "when"),
            ans("num1", "correct", WEEK2, "number"),
            ans("who1", "correct", WEEK2, "who"),  # the retry of a review verdict
        ),
        sess(
            "s3", "bridge-en", WEEK2,
            ans("opened-by", "correct", WEEK2, "who", credit=0.5),
            ans("length", "wrong", WEEK2, "number"),
            status="interrupted",
        ),
    ),
)  # fmt: skip


def test_accuracy_by_bank_and_skill_in_each_week_and_overall() -> None:
    p = student_progress(HISTORY)
    assert p.periods == (period_of(WEEK1), period_of(WEEK2)) == ("2024-W10", "2024-W11")
    rows = {r.label: r for r in p.by_bank}
    assert [r.label for r in p.by_bank] == ["pont-fr", "bridge-en"]
    pont = rows["pont-fr"]
    assert [(c.answers, c.correct) for c in pont.by_period if c] == [(4, 1), (4, 3)]
    assert (pont.overall.answers, pont.overall.correct) == (8, 4)
    assert rows["bridge-en"].by_period[0] is None  # no answer that week
    skills = [r.label for r in p.by_skill]
    assert skills == ["who", "when", "number"]  # the format's order
    who = p.by_skill[0]
    assert (who.overall.answers, who.overall.correct, round(who.overall.percent)) == (5, 2, 40)


def test_a_session_score_counts_each_item_by_its_last_answer() -> None:
    second = session_score(HISTORY.sessions[1])
    assert (second.earned, second.possible, second.percent) == (3.0, 3.0, 100.0)
    third = session_score(HISTORY.sessions[2])
    assert (third.earned, third.possible, third.status) == (0.5, 2.0, "interrupted")
    assert [s.id for s in student_progress(HISTORY).trend] == ["s1", "s2", "s3"]
    assert [s.id for s in student_progress(HISTORY, trend=2).trend] == ["s2", "s3"]


def test_most_missed_items_come_first_with_their_answer() -> None:
    missed = student_progress(HISTORY).most_missed
    assert [(m.bank, m.item, m.missed, m.asked) for m in missed][:2] == [
        ("pont-fr", "who1", 2, 3),
        ("bridge-en", "length", 1, 1),
    ]
    assert missed[0].expected == "answer of who1"
    assert "num1" not in {m.item for m in missed}


# --- the command -------------------------------------------------------------------------------


def write_history(home: Path) -> None:
    def answer(a: AnswerRecord) -> dict:
        d = {k: v for k, v in vars(a).items() if v is not None}
        return d

    sessions = [
        {
            "id": s.id, "mode": s.mode, "bank": s.bank, "language": "fr", "started": s.started,
            "status": s.status, "answers": [answer(a) for a in s.answers],
        }
        for s in HISTORY.sessions
    ]  # fmt: skip
    data = {"factquiz-scores": 1, "student": "alice", "name": "Alice", "sessions": sessions}
    (home / "scores").mkdir(parents=True)
    (home / "scores" / "alice.yaml").write_text(dump_yaml(data), encoding="utf-8")


def test_stats_shows_tables_a_chart_and_the_items_missed(factquiz_home: Path) -> None:
    write_history(factquiz_home)
    result = runner.invoke(app, ["stats", "--student", "Alice"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Progression de Alice"
    row = next(line for line in lines if line.startswith("pont-fr "))
    assert row.split() == ["pont-fr", "25", "%", "(4)", "75", "%", "(4)", "50", "%", "(8)"]
    assert any(line.startswith("qui ") and "40 % (5)" in line for line in lines)
    chart = [line for line in lines if "█" in line or "░" in line]
    assert len(chart) == 3
    assert "█" * 5 + "░" * 15 in chart[0] and "25 %" in chart[0]  # 1 of 4: 25 %
    assert "█" * 20 in chart[1] and "100 %" in chart[1]
    assert "interrompue" in chart[2]
    assert "Questions les plus manquées" in result.output
    assert any(line.split()[:2] == ["pont-fr/who1", "2/3"] for line in lines)


def test_stats_in_english_and_for_a_student_with_no_scores(factquiz_home: Path) -> None:
    write_history(factquiz_home)
    english = runner.invoke(app, ["stats", "--student", "Alice", "--lang", "en"])
    assert english.output.splitlines()[0] == "Progress of Alice"
    assert "Most missed questions" in english.output and "Progression" not in english.output
    nobody = runner.invoke(app, ["stats", "--student", "Bob"])
    assert nobody.exit_code == 0 and "Aucun score enregistré pour Bob." in nobody.output
