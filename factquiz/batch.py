"""Grading a whole class: every answer sheet against one bank, then the teacher's decisions.

A class writes the same few answers again and again: each distinct answer to an item is
graded once (the grader itself decides once per normalised answer), and answers that
normalise alike form one group, shown to the teacher once and decided once (one decision for
the 30 students who wrote the same thing). Nothing here prints: progress goes through a
callback. The files a teacher keeps, and review.yaml read back, are in `gradebook`.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from factquiz.analysis import ClassStats, ItemStats, class_stats, items_stats
from factquiz.bank import Bank, Item, load_bank, resolve_bank
from factquiz.bank_rules import Problem
from factquiz.errors import FactquizError, Location, UsageError
from factquiz.gradebook import (
    Decision,
    group_forms,
    most_common_form,
    passes,
    percent,
    read_decisions,
    results_lines,
    review_lines,
    write_folder,
    write_gradebook,
    write_items,
)
from factquiz.learn import LearnReport, Variant, learn_variants
from factquiz.sheets import AnswerSheet, read_sheets, student_key

Progress = Callable[[str, int, int], None]
GRADING_CHUNK = 2_000  # distinct answers per progress step

_DECIDED_REASON = {
    ("fr", "accept"): "Réponse acceptée par l'enseignant.",
    ("fr", "reject"): "Réponse refusée par l'enseignant.",
    ("en", "accept"): "Answer accepted by the teacher.",
    ("en", "reject"): "Answer rejected by the teacher.",
}


@dataclass
class AnswerForm:
    """One distinct answer to one item, as written; `normalized` makes its review group."""

    item_index: int
    text: str
    normalized: str
    graded: Any = None  # the grader's Verdict
    verdict: Any = None  # the Verdict that counts, after the teacher's decision
    decision: str | None = None

    @property
    def group(self) -> tuple[int, str]:
        """Forms with the same group are graded alike and decided once."""
        return (self.item_index, self.normalized)


@dataclass
class ClassGrading:
    """A graded class: students in gradebook order, and for each the form of each answer."""

    bank: Bank
    items: tuple[Item, ...]  # the items of the test, in bank order
    sheets: list[AnswerSheet]
    responses: list[tuple[str, ...]]  # per student, the answers in the order of `items`
    answers: list[tuple[int, ...]]  # per student, the index in `forms` of each answer
    forms: list[AnswerForm]
    problems: list[Problem] = field(default_factory=list)
    _marks: list[float] | None = field(default=None, repr=False)
    _totals: list[float] | None = field(default=None, repr=False)

    @property
    def maximum(self) -> float:
        """The most a student can score: the points of every item asked."""
        return float(sum(it.points for it in self.items))

    def form_marks(self) -> list[float]:
        """Marks (credit times the item's points) of each form."""
        if self._marks is None:
            points = [it.points for it in self.items]
            self._marks = [f.verdict.credit * points[f.item_index] for f in self.forms]
        return self._marks

    def marks_by_item(self) -> list[list[float]]:
        """`marks[i][p]`: student p's mark on item i."""
        fm = self.form_marks()
        if not self.answers:
            return [[] for _ in self.items]
        return [list(map(fm.__getitem__, col)) for col in zip(*self.answers, strict=True)]

    def totals(self) -> list[float]:
        """Each student's total, in gradebook order."""
        if self._totals is None:
            fm = self.form_marks()
            self._totals = [sum(map(fm.__getitem__, row)) for row in self.answers]
        return self._totals

    def forget_marks(self) -> None:
        """Verdicts changed (the teacher's decisions): marks and totals must be worked out again."""
        self._marks = self._totals = None


def asked_items(bank: Bank, sheets: Sequence[AnswerSheet]) -> tuple[Item, ...]:
    """The items the class was asked: those answered on at least one sheet, in bank order."""
    seen: set[str] = set()
    for items in {id(s.items): s.items for s in sheets}.values():
        seen.update(items)
    return tuple(it for it in bank.items if it.id in seen)


def _aligned(sheets: Sequence[AnswerSheet], ids: tuple[str, ...]) -> list[tuple[str, ...]]:
    # Every row of one CSV shares its `items`: work out each layout once.
    layouts: dict[int, list[int] | None] = {}
    out: list[tuple[str, ...]] = []
    for sheet in sheets:
        key = id(sheet.items)
        if key not in layouts:
            pos = {item_id: j for j, item_id in enumerate(sheet.items)}
            layouts[key] = None if sheet.items == ids else [pos.get(i, -1) for i in ids]
        layout = layouts[key]
        if layout is None:
            out.append(sheet.responses)
        else:
            r = sheet.responses
            out.append(tuple([r[j] if j >= 0 else "" for j in layout]))
    return out


def collect_forms(
    items: tuple[Item, ...], responses: list[tuple[str, ...]], normalize: Callable[[str], str]
) -> tuple[list[tuple[int, ...]], list[AnswerForm]]:
    """Number each distinct answer to each item; blank answers normalise to ''.

    Works a column (an item) at a time with C-level loops (zip, dict.fromkeys, map): a
    class of 100,000 students by 50 items is 5 million answers.
    """
    forms: list[AnswerForm] = []
    columns: list[list[int]] = []
    for i, column in enumerate(zip(*responses, strict=True)):
        number: dict[str, int] = {}
        for text in dict.fromkeys(column):  # distinct answers, first seen first
            number[text] = len(forms)
            forms.append(_form(i, text, normalize))
        columns.append(list(map(number.__getitem__, column)))
    rows: list[tuple[int, ...]] = list(zip(*columns, strict=True))
    return rows or [() for _ in responses], forms


def _form(item_index: int, text: str, normalize: Callable[[str], str]) -> AnswerForm:
    if not text.strip():
        return AnswerForm(item_index, text, "")
    norm = normalize(text)
    # `?` or `-` normalises to nothing, like a blank, yet `?` answers a claim ("not in the
    # sources"): such answers are grouped for review by what was written, not with blanks.
    return AnswerForm(item_index, text, norm or text.strip())


def grade_forms(
    bank: Bank, items: tuple[Item, ...], forms: list[AnswerForm], progress: Progress | None
) -> None:
    """Grade every distinct answer, a chunk at a time so progress can be shown.

    The grader decides once per (item, normalised answer) and writes each reason for the
    answer as written, so distinct forms cost little more than distinct groups.
    """
    from factquiz.grading import bank_entities, grade_many

    entities = bank_entities(bank)
    for start in range(0, len(forms), GRADING_CHUNK):
        chunk = forms[start : start + GRADING_CHUNK]
        pairs = [(items[f.item_index], f.text) for f in chunk]
        verdicts = grade_many(pairs, language=bank.language, entities=entities)
        for f, v in zip(chunk, verdicts, strict=True):
            f.graded = f.verdict = v
        if progress:
            progress("grading", start + len(chunk), len(forms))


def apply_decisions(grading: ClassGrading, decisions: dict[tuple[str, str], Decision]) -> None:
    """Override the grader where the teacher decided; report decisions that match nothing."""
    grading.forget_marks()
    lang = "fr" if grading.bank.language.lower().startswith("fr") else "en"
    used: set[tuple[str, str]] = set()
    for f in grading.forms:
        key = (grading.items[f.item_index].id, f.normalized)
        d = decisions.get(key)
        if d is None:
            continue
        used.add(key)
        accept = d.decision == "accept"
        f.decision = d.decision
        f.verdict = dataclasses.replace(
            f.graded,
            verdict="correct" if accept else "wrong",
            credit=1.0 if accept else 0.0,
            reason=_DECIDED_REASON[(lang, d.decision)],
        )
    for key, d in decisions.items():
        if key not in used:
            grading.problems.append(
                Problem(
                    d.where,
                    f"decision on {d.item_id!r} matches no answer of this class",
                    "warning",
                    "was the review file made for these sheets?",
                )
            )


def grade_class(
    bank: Bank,
    sheets: Sequence[AnswerSheet],
    *,
    decisions: dict[tuple[str, str], Decision] | None = None,
    progress: Progress | None = None,
) -> ClassGrading:
    """Grade every sheet against `bank`, then apply the teacher's decisions."""
    from factquiz.grading import normalize

    ordered = sorted(sheets, key=lambda s: (student_key(s.student), s.student))
    items = asked_items(bank, ordered)
    responses = _aligned(ordered, tuple(it.id for it in items))
    rows, forms = collect_forms(items, responses, normalize)
    grade_forms(bank, items, forms, progress)
    grading = ClassGrading(bank, items, ordered, responses, rows, forms)
    apply_decisions(grading, decisions or {})
    grading.problems.extend(blank_answer_problems(grading))
    return grading


def blank_answer_problems(grading: ClassGrading, shown: int = 5) -> list[Problem]:
    """One warning per item left blank by some students, naming the first few."""
    blank = {fid for fid, f in enumerate(grading.forms) if f.normalized == ""}
    problems = []
    columns = zip(*grading.answers, strict=True) if grading.answers else ()
    for item, column in zip(grading.items, columns, strict=False):
        count = sum(n for fid, n in Counter(column).items() if fid in blank)
        if not count:
            continue
        who = (grading.sheets[p].student for p, fid in enumerate(column) if fid in blank)
        names = list(islice(who, shown))
        more = f" and {count - shown} more" if count > shown else ""
        problems.append(
            Problem(
                Location(f"{grading.bank.id}/{item.id}"),
                f"{count} blank answer{'s' * (count > 1)}: {', '.join(names[:shown])}{more}",
                "warning",
            )
        )
    return problems


# --- the whole command ---------------------------------------------------------------------------


@dataclass
class GradeRun:
    """What `grade_to_folder` did: the graded class, its statistics and the files written."""

    grading: ClassGrading
    items: list[ItemStats]
    spread: ClassStats
    files: list[Path]
    pass_mark: float | None = None
    learnt: LearnReport | None = None

    @property
    def problems(self) -> list[Problem]:
        learnt = self.learnt.problems if self.learnt else []
        return self.grading.problems + learnt

    def to_review(self) -> tuple[int, int]:
        """Groups, and answers in them, still waiting for the teacher's decision."""
        forms = self.grading.forms
        waiting = {fid for fid, f in enumerate(forms) if f.verdict.verdict == "review"}
        counts = Counter(chain.from_iterable(self.grading.answers))
        answers = sum(counts[fid] for fid in waiting)
        return len({forms[fid].group for fid in waiting}), answers

    def passed(self) -> int:
        """Students at or above the pass mark (0 without one)."""
        if self.pass_mark is None:
            return 0
        maximum = self.grading.maximum
        return sum(passes(percent(t, maximum), self.pass_mark) for t in self.grading.totals())


def parse_pass_mark(text: str) -> float:
    """A pass mark in percent from `50`, `50%` or `10/20`."""
    raw = text.strip().rstrip("%").replace(",", ".")
    try:
        if "/" in raw:
            part, whole = (float(x) for x in raw.split("/", 1))
            value = 100 * part / whole
        else:
            value = float(raw)
    except (ValueError, ZeroDivisionError):
        value = -1.0
    if not 0 <= value <= 100:
        raise UsageError(
            f"pass mark {text!r} is not a percentage", hint="write it as 50, 50% or 10/20"
        )
    return value


def accepted_variants(grading: ClassGrading) -> list[Variant]:
    """The answers the teacher accepted, as they were most often written."""
    first: dict[tuple[int, str], AnswerForm] = {}
    for f in grading.forms:
        if f.decision == "accept":
            first.setdefault(f.group, f)
    found = group_forms(grading, set(first))
    out = []
    for key, f in first.items():
        text = most_common_form(found[key][1]).strip()
        if text:
            out.append(Variant(grading.items[f.item_index].id, text, f.graded.matched))
    return out


def grade_to_folder(
    bank_ref: str,
    sheet_paths: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    overrides: str | os.PathLike[str] | None = None,
    learn: bool = False,
    delimiter: str = ",",
    pass_mark: float | None = None,
    progress: Progress | None = None,
) -> GradeRun:
    """`factquiz grade`: read, grade, write the four files, and learn if asked."""
    bank_path = resolve_bank(bank_ref)
    bank = load_bank(bank_path)
    decisions = read_decisions(overrides, bank) if overrides else {}
    found = read_sheets(sheet_paths, bank, progress)
    if not found.sheets:
        first = found.problems[0] if found.problems else None
        raise FactquizError(
            "no answer sheet could be read" + (f": {first.message}" if first else ""),
            where=first.where if first else None,
            hint=first.hint if first else "",
        )
    grading = grade_class(bank, found.sheets, decisions=decisions, progress=progress)
    grading.problems[:0] = found.problems
    totals = grading.totals()
    stats = items_stats(
        [it.id for it in grading.items],
        [it.points for it in grading.items],
        grading.marks_by_item(),
        totals,
    )
    maximum = grading.maximum
    spread = class_stats([percent(t, maximum) for t in totals])
    files = _write_outputs(grading, stats, Path(outdir), delimiter, pass_mark)
    run = GradeRun(grading, stats, spread, files, pass_mark)
    if learn:
        run.learnt = learn_variants(bank_path, accepted_variants(grading))
    return run


def _write_outputs(
    grading: ClassGrading,
    stats: list[ItemStats],
    outdir: Path,
    delimiter: str,
    pass_mark: float | None,
) -> list[Path]:
    review = str(outdir / "review.yaml")
    return write_folder(
        outdir,
        {
            "gradebook.csv": lambda fh: write_gradebook(fh, grading, delimiter, pass_mark),
            "results.yaml": lambda fh: fh.writelines(results_lines(grading)),
            "review.yaml": lambda fh: fh.writelines(review_lines(grading, review)),
            "items.csv": lambda fh: write_items(fh, grading, stats, delimiter),
        },
    )
