"""Spreadsheets: Kahoot's question columns (CSV) and Quizlet's term/definition pairs (TSV).

Kahoot (`--format csv`): one row per choice item or claim, in the columns of Kahoot's
spreadsheet template: Question, Answer 1-4, Time limit, Correct answer(s). Kahoot's quiz
questions have 2 to 4 answers and no free text, so open items and choice items with more
than four choices are left out (and listed). The time limit is 20, 30 or 60 seconds for
difficulty 1, 2 (or none) and 3; the right answers are numbered 1-4. Kahoot imports .xlsx:
open the CSV in a spreadsheet and paste the rows into Kahoot's template. UTF-8 with a BOM,
so Excel reads the accents; `--delimiter ';'` for spreadsheets set to French.

Quizlet (`--format quizlet`): one line per item, `term<TAB>definition`, no header, as
Quizlet's "Import" box reads by default: the prompt, then the expected answer (or verdict).

No cell starts with `= + - @`, a tab or a line break (a spreadsheet would run it as a
formula): such a cell gets a leading `'` (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from factquiz.bank import VERDICTS, Bank, Item
from factquiz.export import ExportNote, ExportOptions, ExportResult
from factquiz.export.wording import Wording, wording_for

KAHOOT_COLUMNS = (
    "Question", "Answer 1", "Answer 2", "Answer 3", "Answer 4", "Time limit", "Correct answer(s)",
)  # fmt: skip
KAHOOT_QUESTION_MAX = 120
KAHOOT_ANSWER_MAX = 75
TIME_LIMITS = {1: 20, 2: 30, 3: 60}  # seconds, by difficulty; Kahoot allows 5-240
DEFAULT_TIME_LIMIT = 30
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def guard_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def one_line(text: str) -> str:
    """Line breaks and tabs as spaces: Kahoot's cells and Quizlet's lines are one line."""
    return " ".join(text.split())


def kahoot_row(item: Item, words: Wording) -> tuple[list[str | int] | None, list[str]]:
    """The item's Kahoot row, or None; and what Kahoot will object to."""
    if item.type == "open":
        return None, ["Kahoot's quiz questions have no free-text answer: left out"]
    if item.type == "claim":
        choices = [words.verdicts[v] for v in VERDICTS]
        right = [VERDICTS.index(item.verdict or "") + 1]
    else:
        choices = list(item.choices)
        wanted = {v for a in item.answers for v in a}
        right = [n for n, c in enumerate(choices, start=1) if c in wanted]
    if len(choices) > 4:
        return None, [f"Kahoot takes 4 answers at most, this item has {len(choices)}: left out"]
    notes = []
    if len(item.prompt) > KAHOOT_QUESTION_MAX:
        notes.append(f"the question is longer than Kahoot's {KAHOOT_QUESTION_MAX} characters")
    if any(len(c) > KAHOOT_ANSWER_MAX for c in choices):
        notes.append(f"an answer is longer than Kahoot's {KAHOOT_ANSWER_MAX} characters")
    if item.require == "all" and len(right) > 1:
        notes.append("Kahoot counts any one of the right answers as right, not all of them")
    cells = [guard_cell(one_line(t)) for t in [item.prompt, *choices]]
    cells += [""] * (5 - len(cells))
    limit = TIME_LIMITS.get(item.difficulty or 0, DEFAULT_TIME_LIMIT)
    return [*cells, limit, ",".join(str(n) for n in right)], notes


def bank_to_kahoot(bank: Bank, delimiter: str = ",") -> tuple[str, list[ExportNote], int]:
    """The Kahoot CSV text (with its BOM), a note for each item left out or too long, rows."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(KAHOOT_COLUMNS)
    words = wording_for(bank.language)
    notes: list[ExportNote] = []
    rows = 0
    for item in bank.items:
        row, problems = kahoot_row(item, words)
        notes += [ExportNote(item.id, p) for p in problems]
        if row is not None:
            writer.writerow(row)
            rows += 1
    return "\ufeff" + out.getvalue(), notes, rows


def quizlet_definition(item: Item, words: Wording) -> str:
    """What the student should recall: the preferred answers, or the verdict."""
    if item.type == "claim":
        return words.verdicts.get(item.verdict or "", "")
    return " ; ".join(a[0] for a in item.answers)


def bank_to_quizlet(bank: Bank) -> str:
    """`term<TAB>definition` lines, one per item."""
    words = wording_for(bank.language)
    lines = []
    for item in bank.items:
        term = guard_cell(one_line(item.prompt))
        definition = guard_cell(one_line(quizlet_definition(item, words)))
        lines.append(f"{term}\t{definition}")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    from factquiz.yamlio import write_text_atomic

    write_text_atomic(path, text)


def export_kahoot(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the Kahoot CSV."""
    text, notes, rows = bank_to_kahoot(bank, options.delimiter)
    _write(path, text)
    return ExportResult((path,), tuple(notes), rows)


def export_quizlet(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the Quizlet TSV."""
    _write(path, bank_to_quizlet(bank))
    return ExportResult((path,), (), len(bank.items))
