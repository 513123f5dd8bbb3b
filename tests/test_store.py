"""The score store: safe student ids, the journal, locks across processes, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factquiz.errors import StoreError
from factquiz.store import (
    STUDENT_ID_RE,
    ScoreStore,
    list_entry,
    parse_scores,
    remember_student,
    remembered_student,
    student_id,
)
from factquiz.yamlio import parse_yaml, read_yaml

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
HEADER = {"mode": "play", "bank": "pont-fr", "language": "fr"}


def answer(n: int, outcome: str = "correct") -> dict:
    return {
        "item": f"item-{n}",
        "at": "2024-03-14T10:00:00+00:00",
        "response": f"réponse {n}",
        "outcome": outcome,
        "credit": 1.0 if outcome == "correct" else 0.0,
        "points": 1,
    }


# --- student ids -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs", "CON", "con", "Nul", "lpt1", ".."])
def test_dangerous_names_become_ids_inside_the_store(tmp_path: Path, name: str) -> None:
    sid = student_id(name)
    assert STUDENT_ID_RE.match(sid) and sid not in ("con", "nul", "lpt1")
    store = ScoreStore(tmp_path)
    path = store.path_for(sid)
    assert path.parent == tmp_path and path.name == f"{sid}.yaml"


def test_a_nul_or_control_character_in_a_name_is_refused() -> None:
    for name in ("ali\x00ce", "bob\x1b[2J", "x\ny", ""):
        with pytest.raises(StoreError):
            student_id(name)


def test_case_and_unicode_forms_of_one_name_share_a_file_but_lookalikes_do_not() -> None:
    assert student_id("Alice") == student_id("ALICE") == "alice"
    nfc, nfd = "Élodie Martin", unicodedata.normalize("NFD", "Élodie Martin")
    assert student_id(nfc) == student_id(nfd)
    assert student_id("../x") != student_id("x") != student_id("/x")
    assert student_id("Marie Dupont").startswith("marie-dupont-")


def test_the_store_refuses_an_unsafe_id_given_directly(tmp_path: Path) -> None:
    store = ScoreStore(tmp_path)
    for bad in ("../x", "/etc/passwd", "con", "a/b"):
        with pytest.raises(StoreError):
            store.path_for(bad)


@given(st.text(max_size=80))
def test_any_name_is_refused_or_lands_inside_the_store(name: str) -> None:
    base = Path("/tmp/factquiz-store-property")
    try:
        sid = student_id(name)
    except StoreError:
        return
    path = ScoreStore(base).path_for(sid)
    assert path.resolve().parent == base.resolve()


# --- the journal -------------------------------------------------------------------------------


def test_each_answer_is_on_disk_as_soon_as_it_is_given(tmp_path: Path) -> None:
    store = ScoreStore(tmp_path)
    journal = store.journal("alice", "Alice", HEADER)
    assert not journal.path.exists()  # nothing before the first answer
    journal.add(answer(1))
    on_disk = store.load("alice")
    assert on_disk.name == "Alice" and on_disk.sessions[0].status == "running"
    assert [a.item for a in on_disk.sessions[0].answers] == ["item-1"]
    journal.add(answer(2, "wrong"))
    journal.finish("complete")
    session = store.load("alice").sessions[0]
    assert session.status == "complete" and session.ended
    assert [(a.item, a.outcome) for a in session.answers] == [
        ("item-1", "correct"),
        ("item-2", "wrong"),
    ]


def test_two_sessions_in_one_process_keep_each_others_answers(tmp_path: Path) -> None:
    store = ScoreStore(tmp_path)
    first, second = store.journal("bob", "Bob", HEADER), store.journal("bob", "Bob", HEADER)
    first.add(answer(1))
    second.add(answer(2))
    first.add(answer(3))
    first.finish("interrupted")
    sessions = {s.id: s for s in store.load("bob").sessions}
    assert len(sessions[first.header["id"]].answers) == 2
    assert sessions[first.header["id"]].status == "interrupted"
    assert [a.item for a in sessions[second.header["id"]].answers] == ["item-2"]


def test_a_damaged_score_file_is_reported_with_its_line_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "alice.yaml"
    text = "factquiz-scores: 1\nstudent: alice\nsessions:\n  - id: [unclosed\n"
    path.write_text(text, encoding="utf-8")
    journal = ScoreStore(tmp_path).journal("alice", "Alice", HEADER)
    with pytest.raises(StoreError) as exc:
        journal.add(answer(1))
    assert exc.value.where is not None and exc.value.where.line is not None
    assert "move it aside" in exc.value.hint
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("factquiz-scores: 2\nstudent: a\n", "unsupported score format 2"),
        ("student: a\n", "unsupported score format None"),
        ("factquiz-scores: 1\nstudent: a\nsessions: 3\n", "'sessions' must be a list"),
        (
            "factquiz-scores: 1\nstudent: a\nsessions:\n  - {id: s, bank: b, started: x, "
            "status: done}\n",
            "unknown status 'done'",
        ),
        (
            "factquiz-scores: 1\nstudent: a\nsessions:\n  - id: s\n    bank: b\n    started: x\n"
            "    status: complete\n    answers:\n      - {item: i, outcome: correct, credit: yes,"
            " points: 1, at: x}\n",
            "'credit' has the wrong type (True)",
        ),
        ("a: &x [1]\nb: *x\n", "aliases"),
    ],
)
def test_score_files_are_read_through_the_guarded_reader(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ScoreStore(tmp_path).load("a")


def test_stray_temp_files_are_swept_when_a_session_starts_writing(tmp_path: Path) -> None:
    stray = tmp_path / ".alice.yaml.k1l2m3.tmp"
    stray.write_text("half a file", encoding="utf-8")
    other = tmp_path / ".bob.yaml.x.tmp"  # another student's writer may be using it
    other.write_text("busy", encoding="utf-8")
    ScoreStore(tmp_path).journal("alice", "Alice", HEADER).add(answer(1))
    assert not stray.exists() and other.exists()


def test_a_lock_held_elsewhere_gives_a_clear_message(tmp_path: Path) -> None:
    store = ScoreStore(tmp_path, lock_timeout=0.1)
    journal = store.journal("alice", "Alice", HEADER)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal.path) + ".lock"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="locked by another factquiz") as exc:
            journal.add(answer(1))
        assert "another terminal" in exc.value.hint
    finally:
        holder.kill()
        holder.wait()


HOLD_LOCK = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(30)
"""

# --- several processes, and a writer killed mid-write -------------------------------------------

APPEND = """
import sys
from pathlib import Path
from factquiz.store import ScoreStore
folder, who, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
journal = ScoreStore(folder, lock_timeout=60).journal("alice", "Alice", {"bank": "b"})
for i in range(n):
    journal.add({"item": f"{who}-{i}", "at": "2024-03-14T10:00:00+00:00",
                 "outcome": "correct", "credit": 1.0, "points": 1})
    if i == 0:
        print("writing", flush=True)
journal.finish("complete")
"""


def test_four_processes_appending_to_one_students_file_lose_nothing(tmp_path: Path) -> None:
    n = 25
    procs = [
        subprocess.Popen([sys.executable, "-c", APPEND, str(tmp_path), f"p{k}", str(n)])
        for k in range(4)
    ]
    for p in procs:
        assert p.wait(timeout=120) == 0
    sessions = ScoreStore(tmp_path).load("alice").sessions
    assert len(sessions) == 4 and {s.status for s in sessions} == {"complete"}
    items = sorted(a.item for s in sessions for a in s.answers)
    assert items == sorted(f"p{k}-{i}" for k in range(4) for i in range(n))


@POSIX
def test_a_writer_killed_mid_write_leaves_a_file_that_loads(tmp_path: Path) -> None:
    store = ScoreStore(tmp_path)
    # A big file makes each rewrite long enough for the kill to land inside it.
    seed = store.journal("alice", "Alice", HEADER)
    seed.entries.extend([answer(0)] * 1500)
    seed._chunks.extend([list_entry(answer(0), 6)] * 1500)
    seed.add(answer(1500))
    seen = len(store.load("alice").sessions[0].answers)
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        writer = subprocess.Popen(
            [sys.executable, "-c", APPEND, str(tmp_path), "k", "100000"],
            stdout=subprocess.PIPE,
        )
        assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        loaded = parse_scores(read_yaml(tmp_path / "alice.yaml"), "alice.yaml")
        total = sum(len(s.answers) for s in loaded.sessions)
        assert total > seen  # every answer journaled before the kill is still there
        seen = total
    ScoreStore(tmp_path).journal("alice", "Alice", HEADER).add(answer(0))
    assert not list(tmp_path.glob(".alice.yaml.*.tmp"))  # the killed writers' leftovers


# --- the remembered name -----------------------------------------------------------------------


def test_the_student_name_is_remembered_in_factquiz_home(factquiz_home: Path) -> None:
    assert remembered_student() is None
    remember_student("Élodie")
    assert remembered_student() == "Élodie"
    assert (factquiz_home / "student.yaml").exists()


def test_the_example_in_the_format_doc_loads() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "scores-format.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    scores = parse_scores(parse_yaml(example, "scores-format.md"), "scores-format.md")
    (session,) = scores.sessions
    assert (scores.student, session.status, session.answers[0].credit) == ("alice", "complete", 0.5)


@settings(deadline=None, max_examples=60)  # each example fsyncs a file: slow on a busy disk
@given(st.text())
def test_any_typed_answer_is_journaled_and_read_back_exactly(tmp_path_factory, response: str):
    folder = tmp_path_factory.mktemp("rt")
    store = ScoreStore(folder)
    journal = store.journal("alice", "Alice", HEADER)
    journal.add({**answer(1), "response": response})
    journal.add(answer(2))
    assert store.load("alice").sessions[0].answers[0].response == response


@pytest.mark.parametrize(
    "text",
    [
        # an indentless list, then a key after the sessions: rewritten in the standard form
        "factquiz-scores: 1\nstudent: alice\nsessions:\n- id: old\n  bank: b\n  started: x\n"
        "  status: complete\n  answers:\n  - {item: i, outcome: wrong, credit: 0, points: 1, "
        "at: x}\nname: Alice\n",
        # hand-written, with a comment, in the standard form: kept as it is
        "# notes\nfactquiz-scores: 1\nstudent: alice\nsessions:\n  - id: old   # first\n"
        "    bank: b\n    started: x\n    status: complete\n",
        "factquiz-scores: 1\nstudent: alice\n",
        "factquiz-scores: 1\nstudent: alice\nsessions: []\n",
    ],
)
def test_files_of_any_valid_shape_keep_their_sessions_when_a_session_is_added(
    tmp_path: Path, text: str
) -> None:
    (tmp_path / "alice.yaml").write_text(text, encoding="utf-8")
    store = ScoreStore(tmp_path)
    before = store.load("alice").sessions
    journal = store.journal("alice", "Alice", HEADER)
    journal.add(answer(1))
    journal.finish("complete")
    after = store.load("alice").sessions
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert after[-1].answers[0].item == "item-1"
    if "# notes" in text:
        assert (tmp_path / "alice.yaml").read_text(encoding="utf-8").startswith(text)
