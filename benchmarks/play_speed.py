"""How quick `factquiz play` feels: time to the first question, and time per answer.

    python benchmarks/play_speed.py [--runs 10] [--answers 200] [--history 1000]

Targets (issue 4): first question on screen under 300 ms (median of 10, printed beside
`python -c pass` measured in the same run); grading + journaling one answer under 20 ms
(printed beside a bare atomic write of the same score file, the floor any journal pays).
Plays the bundled bank, with an empty score history and with one of `--history` answers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factquiz.bank import load_bank, resolve_bank
from factquiz.grading import bank_entities, grade_item
from factquiz.session import Session
from factquiz.store import ScoreStore, answer_entry, list_entry
from factquiz.yamlio import write_text_atomic


def first_question_ms(home: Path, runs: int) -> list[float]:
    """Wall time from starting `factquiz play` to its first question's prompt on stdout."""
    env = {**os.environ, "FACTQUIZ_HOME": str(home), "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "factquiz", "play", "--student", "bench", "--seed", "1"]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None and proc.stdin is not None
        for line in proc.stdout:
            if line.startswith(b"Question 1/"):
                proc.stdout.readline()  # the prompt itself
                break
        out.append((time.perf_counter() - start) * 1000)
        proc.stdin.close()  # end of input: the quiz stops, having written nothing
        proc.wait()
    return out


def baseline_ms(args: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, check=True)
        out.append((time.perf_counter() - start) * 1000)
    return out


def seed_history(home: Path, answers: int) -> None:
    """A score file holding `answers` earlier answers, in sessions of 20."""
    store = ScoreStore(home / "scores")
    entry = {"item": "x", "type": "open", "skill": "who", "at": "2024-03-14T10:00:00+00:00",
             "response": "Kojemiako", "outcome": "correct", "credit": 1.0, "points": 1,
             "hint": False, "retry": False, "seconds": 4.2, "expected": "Oleg Kozhemyako",
             "reason": "Accepté : « Kojemiako » est bien « Oleg Kozhemyako »."}  # fmt: skip
    chunk = list_entry(entry, 6)
    for _ in range(answers // 20):
        journal = store.journal("bench", "bench", {"bank": "kim-russie-2023"})
        journal.entries.extend([entry] * 19)
        journal._chunks.extend([chunk] * 19)
        journal.add(entry)
        journal.finish("complete")


def responses(item) -> list[str]:
    """A right and a wrong answer a student might type."""
    if item.type == "claim":
        return ["1", "2"]
    if item.type == "choice":
        return ["1", item.answers[0][0]]
    return [item.answers[0][0].lower(), "Vladivostok"]


def per_answer_ms(home: Path, count: int) -> tuple[list[float], list[float]]:
    """(grade + journal, bare atomic write of the same file) per answer, in ms."""
    bank = load_bank(resolve_bank(None))
    entities = bank_entities(bank)
    journal = ScoreStore(home / "scores").journal("bench", "bench", {"bank": bank.id})
    journal.prepare()
    pairs = [(it, r) for it in bank.items for r in responses(it)]
    timed, floor = [], []
    for k in range(count):
        item, response = pairs[k % len(pairs)]
        session = Session((item,), lambda r, it: grade_item(r, it, entities=entities))
        start = time.perf_counter()
        attempt = session.submit(response)
        journal.add(answer_entry(attempt, item.expected))
        timed.append((time.perf_counter() - start) * 1000)
        text = journal.path.read_text(encoding="utf-8")
        start = time.perf_counter()
        write_text_atomic(journal.path, text)
        floor.append((time.perf_counter() - start) * 1000)
    return timed, floor


def show(label: str, values: list[float], base: list[float] | None = None) -> None:
    med = statistics.median(values)
    p95 = sorted(values)[max(0, round(0.95 * len(values)) - 1)]
    line = f"  {label:<52} median {med:7.1f} ms   p95 {p95:7.1f} ms"
    if base:
        line += f"   ({med / statistics.median(base):.1f}x the baseline)"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--history", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        seed_history(Path(full), args.history)
        size = (Path(full) / "scores" / "bench.yaml").stat().st_size
        print(f"time to the first question (median of {args.runs}):")
        base = baseline_ms(["-c", "pass"], args.runs)
        show("python -c pass (baseline)", base)
        show("factquiz --help", baseline_ms(["-m", "factquiz", "--help"], args.runs), base)
        # The floor of any command that takes options (typer's parameter handling included).
        show("factquiz schema", baseline_ms(["-m", "factquiz", "schema"], args.runs), base)
        show("factquiz play, no history", first_question_ms(Path(empty), args.runs), base)
        label = f"factquiz play, {args.history} answers on file"
        show(label, first_question_ms(Path(full), args.runs), base)
        print(f"time per answer, grading + journaling ({args.answers} answers):")
        for name, home in (
            ("no history", empty),
            (f"{args.history} answers, {size // 1024} KiB", full),
        ):
            timed, floor = per_answer_ms(Path(home), args.answers)
            show(f"bare atomic write of the file ({name})", floor)
            show(f"grade + journal ({name})", timed, floor)


if __name__ == "__main__":
    main()
