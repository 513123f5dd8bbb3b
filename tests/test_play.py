"""`factquiz play` as a student meets it, piped: screens, the journal, Ctrl-C, hostile text."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factquiz.bank import load_bank, resolve_bank
from factquiz.cli import app, screens
from factquiz.messages import Messages
from factquiz.session import Attempt, Selection, select_items
from factquiz.store import student_id
from factquiz.yamlio import read_yaml

PLAY = Path(__file__).parent / "data" / "play"
FR = PLAY / "pont-fr.yaml"
EN = PLAY / "bridge-en.yaml"
runner = CliRunner()
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")

# A right answer for each item of the French bank, as a student would type it.
RIGHT_FR = {
    "inauguration": "Isabelle Quéré",
    "longueur": "2",
    "navires": "2",
    "architecte": "Paul Le Goff",
    "cyclistes": "1er avril",
}
WRONG_FR = {
    "inauguration": "Paul Le Goff",
    "longueur": "1",
    "navires": "3",
    "architecte": "Isabelle Quéré",
    "cyclistes": "2 avril",
}


def order(bank_path: Path, seed: int) -> list[str]:
    """The items in the order `play --seed` asks them."""
    return [it.id for it in select_items(load_bank(bank_path), Selection(seed=seed))]


def scores_file(home: Path, student: str = "alice") -> dict:
    return read_yaml(home / "scores" / f"{student}.yaml")


def play(*args: str, input: str) -> object:
    return runner.invoke(app, ["play", *args], input=input)


def test_a_piped_session_writes_the_expected_yaml(factquiz_home: Path) -> None:
    ids = order(FR, 5)
    typed = {ids[0]: RIGHT_FR[ids[0]], ids[1]: "?", ids[2]: "Jean Dupont", ids[3]: "!skip"}
    lines = []
    for item_id in ids:
        if item_id == ids[1]:
            lines += ["?", RIGHT_FR[item_id]]  # a hint, then the right answer
        else:
            lines.append(typed.get(item_id, RIGHT_FR[item_id]))
    result = play(str(FR), "--student", "Alice", "--seed", "5", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    data = scores_file(factquiz_home)
    assert (data["factquiz-scores"], data["student"], data["name"]) == (1, "alice", "Alice")
    (session,) = data["sessions"]
    assert (session["bank"], session["mode"], session["status"]) == ("pont-fr", "play", "complete")
    assert session["bank_file"] == str(FR.resolve()) and session["language"] == "fr"
    got = [
        (a["item"], a.get("response"), a["outcome"], a["credit"], a["hint"])
        for a in session["answers"]
    ]
    assert got == [
        (ids[0], RIGHT_FR[ids[0]], "correct", 1.0, False),
        (ids[1], RIGHT_FR[ids[1]], "correct", 0.5, True),
        (ids[2], "Jean Dupont", "wrong", 0.0, False),
        (ids[3], None, "skipped", 0.0, False),
        (ids[4], RIGHT_FR[ids[4]], "correct", 1.0, False),
    ]
    assert "Score : 2,5/5 (50 %)" in result.output
    assert f"Scores enregistrés dans {factquiz_home / 'scores' / 'alice.yaml'}" in result.output


def test_after_each_answer_the_evidence_is_shown_with_the_answer_marked(
    factquiz_home: Path,
) -> None:
    result = play(str(FR), "--student", "a", "--skill", "who", input="Quéré\n")
    out = result.output
    assert "✓ Juste" in out and "Réponse attendue : Isabelle Quéré" in out
    assert "**Isabelle Quéré**" in out  # highlighted inside the quote
    assert "Source : Le Quotidien de test, « Le pont de Recouvrance inauguré »" in out
    assert "La maire de Brest a inauguré l'ouvrage." in out


def test_choices_and_claim_verdicts_are_numbered(factquiz_home: Path) -> None:
    result = play(str(FR), "--student", "a", "--type", "claim", input="3\n")
    assert "  1. Confirmé par les sources" in result.output
    assert "  2. Contredit par les sources" in result.output
    assert "  3. Absent des sources" in result.output
    assert "✗ Faux" in result.output
    assert "Réponse attendue : 2. Contredit par les sources" in result.output


def test_a_number_that_names_no_choice_is_asked_again(factquiz_home: Path) -> None:
    result = play(str(FR), "--student", "a", "--type", "claim", input="4\n2\n")
    assert result.output.count("Tapez 1, 2 ou 3.") == 2
    answers = scores_file(factquiz_home, "a")["sessions"][0]["answers"]
    assert [(a["response"], a["outcome"]) for a in answers] == [("2", "correct")]


def test_a_claim_answer_that_names_no_verdict_is_asked_again(factquiz_home: Path) -> None:
    result = play(str(FR), "--student", "a", "--type", "claim", input="peut-être\ncontredit\n")
    assert result.output.count("Tapez 1, 2 ou 3.") == 2
    answers = scores_file(factquiz_home, "a")["sessions"][0]["answers"]
    assert [(a["response"], a["outcome"]) for a in answers] == [("contredit", "correct")]


def test_words_that_name_no_choice_are_asked_again_and_a_typo_is_an_answer(
    factquiz_home: Path,
) -> None:
    result = play(str(FR), "--student", "a", "--type", "choice", input="Le Goff\n88 metre\n")
    assert result.output.count("Tapez le numéro de votre choix.") == 2
    answers = scores_file(factquiz_home, "a")["sessions"][0]["answers"]
    assert [(a["response"], a["outcome"]) for a in answers] == [("88 metre", "correct")]


def test_an_english_bank_speaks_english_and_lang_overrides(factquiz_home: Path) -> None:
    english = play(str(EN), "--student", "a", "--skill", "who", input="Helen Price\n")
    assert "Question 1 of 1" in english.output and "Expected answer: Helen Price" in english.output
    assert "Scores saved in" in english.output and "✓ Correct" in english.output
    for french in ("Réponse", "Bilan", "indice", "Tapez"):
        assert french not in english.output
    french = play(str(EN), "--student", "a", "--skill", "who", "--lang", "fr", input="Price\n")
    assert "Réponse attendue : Helen Price" in french.output and "Bilan" in french.output


def test_quit_and_end_of_input_save_the_session_as_interrupted(factquiz_home: Path) -> None:
    first = order(FR, 1)[0]
    result = play(str(FR), "--student", "a", "--seed", "1", input=f"{RIGHT_FR[first]}\n!quit\n")
    assert result.exit_code == 0
    session = scores_file(factquiz_home, "a")["sessions"][0]
    assert session["status"] == "interrupted" and len(session["answers"]) == 1
    assert "Bilan" in result.output
    eof = play(str(FR), "--student", "b", "--seed", "1", input=f"{RIGHT_FR[first]}\n")
    assert eof.exit_code == 0
    assert scores_file(factquiz_home, "b")["sessions"][0]["status"] == "interrupted"


def test_a_session_with_no_answer_writes_nothing(factquiz_home: Path) -> None:
    result = play(str(FR), "--student", "a", input="!quit\n")
    assert result.exit_code == 0 and "rien n'a été enregistré" in result.output
    assert not (factquiz_home / "scores" / "a.yaml").exists()


def test_student_name_from_env_then_remembered_then_refused_when_piped(
    factquiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTQUIZ_STUDENT", "Zoé")
    play(str(FR), "-n", "1", input="!skip\n")
    assert (factquiz_home / "scores" / f"{student_id('Zoé')}.yaml").exists()
    monkeypatch.delenv("FACTQUIZ_STUDENT")
    refused = play(str(FR), "-n", "1", input="!skip\n")
    assert refused.exit_code == 2
    assert "--student" in refused.output and "Traceback" not in refused.output
    (factquiz_home / "student.yaml").write_text("name: Léa\n", encoding="utf-8")
    play(str(FR), "-n", "1", input="!skip\n")
    assert read_yaml(factquiz_home / "scores" / f"{student_id('Léa')}.yaml")["name"] == "Léa"


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs", "CON"])
def test_unsafe_student_names_stay_inside_the_scores_folder(tmp_path: Path, name: str) -> None:
    scores = tmp_path / "class"
    result = play(str(FR), "-n", "1", "--student", name, "--scores", str(scores), input="!skip\n")
    assert result.exit_code == 0, result.output
    (written,) = scores.glob("*.yaml")
    assert written.parent == scores and written.stem not in ("passwd", "abs", "con")
    assert read_yaml(written)["name"] == name


def test_a_nul_in_a_student_name_is_refused(factquiz_home: Path) -> None:
    result = play(str(FR), "-n", "1", "--student", "a\x00b", input="!skip\n")
    assert result.exit_code == 1 and "control character" in result.output
    assert not (factquiz_home / "scores").exists()


def test_bad_options_are_usage_errors(factquiz_home: Path) -> None:
    assert play(str(FR), "--student", "a", "--type", "quiz", input="").exit_code == 2
    assert play(str(FR), "--student", "a", "--lang", "de", input="").exit_code == 2
    nothing = play(str(FR), "--student", "a", "--tag", "nope", input="")
    assert nothing.exit_code == 2 and "velo" in nothing.output


def test_a_session_asks_ten_questions_unless_told_otherwise(factquiz_home: Path) -> None:
    assert "Question 1/10 " in play("--student", "a", input="!quit\n").output
    every = len(load_bank(resolve_bank(None)).items)
    assert f"Question 1/{every} " in play("--student", "a", "-n", "0", input="!quit\n").output
    assert "Question 1/3 " in play("--student", "a", "-n", "3", input="!quit\n").output


def test_without_a_bank_the_bundled_one_is_played(factquiz_home: Path) -> None:
    result = play("--student", "a", "-n", "1", input="!skip\n")
    assert result.exit_code == 0, result.output
    assert "Kim Jong-un chez Poutine" in result.output
    assert scores_file(factquiz_home, "a")["sessions"][0]["bank"] == "kim-russie-2023"


# --- text that factquiz did not write -----------------------------------------------------------

HOSTILE = "[link=https://evil.example]clic[/link] [/] \\x1b[2J \\x1b]52;c;ZXZpbA==\\x07 :smile:"
HOSTILE_BANK = f"""factquiz: 1
id: hostile
title: "Titre [bold]piégé[/bold] \\x1b[31m"
language: fr
items:
  - id: h1
    type: open
    prompt: "{HOSTILE} ?"
    answers: ["{HOSTILE}"]
    explanation: "{HOSTILE}"
"""


def test_markup_and_control_sequences_are_shown_never_obeyed(
    tmp_path: Path, factquiz_home: Path
) -> None:
    bank = tmp_path / "hostile.yaml"
    bank.write_text(HOSTILE_BANK, encoding="utf-8")
    answer = "[link=https://evil.example]x[/link] [/] \x1b[2J \x1b]52;c;ZXZpbA==\x07"
    result = play(str(bank), "--student", "a", input=answer + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "\x1b" not in out and "\x07" not in out
    assert "[link=https://evil.example]clic[/link] [/]" in out  # the prompt, as written
    assert "[link=https://evil.example]x[/link] [/] \\x1b[2J \\x1b]52;c;ZXZpbA==\\x07" in out
    assert "Titre [bold]piégé[/bold] \\x1b[31m" in out and ":smile:" in out
    journaled = scores_file(factquiz_home, "a")["sessions"][0]["answers"]
    assert journaled[0]["response"] == answer  # kept exactly as typed


# --- the feedback panel ----------------------------------------------------------------------


def render(renderable: object) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=80, no_color=True, color_system=None, highlight=False).print(
        renderable
    )
    return buffer.getvalue()


def test_snapshot_of_the_feedback_panel_at_80_columns() -> None:
    bank = load_bank(FR)
    # A fixed verdict: the snapshot is of the panel, not of the grader's wording.
    attempt = Attempt(
        bank.item("inauguration"), "Mme Quéré", "correct", 0.5, hinted=True, retry=False,
        reason="Accepté : « Mme Quéré » est bien « Isabelle Quéré ».",
        matched="Isabelle Quéré", seconds=4.0,
    )  # fmt: skip
    rendered = render(screens.feedback(bank, attempt, Messages("fr"), plain=True))
    assert rendered == (PLAY / "feedback-panel.txt").read_text(encoding="utf-8")


# --- Ctrl-C in a real process ---------------------------------------------------------------


@POSIX
def test_ctrl_c_in_mid_session_keeps_every_answer_already_given(tmp_path: Path) -> None:
    ids = order(FR, 3)
    env = {**os.environ, "FACTQUIZ_HOME": str(tmp_path), "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factquiz", "play", str(FR), "--student", "Ana", "--seed", "3"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(f"{RIGHT_FR[ids[0]]}\n{WRONG_FR[ids[1]]}\n")
    proc.stdin.flush()  # stdin stays open: the quiz waits for the third answer
    watchdog = threading.Timer(60, proc.kill)  # a hang fails the test instead of the suite
    watchdog.start()
    for line in proc.stdout:
        if line.startswith("Question 3/5"):
            break
    watchdog.cancel()
    proc.send_signal(signal.SIGINT)
    rest, _err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Session interrompue" in rest
    session = read_yaml(tmp_path / "scores" / "ana.yaml")["sessions"][0]
    assert session["status"] == "interrupted"
    assert [(a["item"], a["outcome"]) for a in session["answers"]] == [
        (ids[0], "correct"),
        (ids[1], "wrong"),
    ]


@POSIX
def test_piped_answers_get_plain_text_even_on_a_terminal(tmp_path: Path) -> None:
    import pty

    main_fd, terminal_fd = pty.openpty()
    env = {**os.environ, "FACTQUIZ_HOME": str(tmp_path), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factquiz", "play", str(FR), "--student", "a", "--skill", "who"],
        stdin=subprocess.PIPE,
        stdout=terminal_fd,
        stderr=terminal_fd,
        env=env,
    )
    os.close(terminal_fd)
    proc.communicate(b"Isabelle Quere\n", timeout=60)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # the terminal is closed once the process has gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    shown = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 0 and "Juste" in shown
    assert "\x1b" not in shown


def test_a_number_that_is_the_text_of_a_choice_is_an_answer(factquiz_home: Path) -> None:
    result = play(str(EN), "--student", "a", "--skill", "when", input="2023\n")
    assert result.output.count("Type the number of your choice.") == 1  # not asked again
    answers = scores_file(factquiz_home, "a")["sessions"][0]["answers"]
    assert [(a["response"], a["outcome"]) for a in answers] == [("2023", "wrong")]
    assert "Expected answer: 3. 2024" in result.output


def test_a_long_scores_path_is_printed_whole_for_the_student_to_copy(
    factquiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = factquiz_home / ("dossier-de-la-classe-de-journalisme-" * 4)
    monkeypatch.setenv("FACTQUIZ_HOME", str(home))
    result = play(str(FR), "--student", "Alice", "-n", "1", input="!skip\n")
    assert result.exit_code == 0, result.output
    path = home / "scores" / "alice.yaml"
    assert path.exists()
    assert f"Scores enregistrés dans {path}\n" in result.output  # one line, not wrapped


def test_an_explanation_that_only_quotes_the_evidence_again_is_not_shown_twice() -> None:
    from factquiz.bank import Evidence, Item
    from factquiz.cli.screens import repeats_quote

    quote = "Kim Jong Un a rencontré Poutine pour la première fois en 2019 à Vladivostok."
    item = Item(
        id="a", type="open", prompt="En quelle année ... ?", answers=(("2019",),),
        evidence=Evidence("src", quote),
    )  # fmt: skip
    assert repeats_quote(replace(item, explanation=f"D'après l'article : « {quote} »"))
    assert repeats_quote(replace(item, explanation="D'après l'article : « Kim Jong Un a … »"))
    said_by = "L'article attribue cette information à l'agence KCNA."
    assert not repeats_quote(replace(item, explanation=said_by))  # it adds who said it
