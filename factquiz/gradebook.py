"""The files a graded class leaves in its output folder, all written or none.

- gradebook.csv: one row per student, safe to open in a spreadsheet (no formula injection);
- results.yaml: every answer with its verdict, credit and reason;
- review.yaml: the answers the grader could not decide, one entry per group, to fill in
  (and `read_decisions` to read the teacher's decisions back);
- items.csv: Moodle's item statistics (see `analysis`).

results.yaml and review.yaml are written by a small emitter of our own rather than
`yamlio.dump_yaml`: PyYAML's pure-Python emitter needs about 25 µs a value, so a class of
10,000 students by 50 items (500,000 answers, 3 million values) would take over a minute.
Every string is double-quoted with the escapes YAML defines, which the guarded reader loads
back identically (tests/test_batch_outputs.py proves it on hostile strings).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from factquiz.analysis import ItemStats
from factquiz.bank import Bank
from factquiz.bank_rules import Problem
from factquiz.errors import FactquizError, Location
from factquiz.yamlio import YamlMap, YamlSeq, fsync_dir, read_yaml, where

if TYPE_CHECKING:  # batch imports this module's writers at run time
    from factquiz.batch import ClassGrading

DECISIONS = ("accept", "reject")
OUTPUT_FILES = ("gradebook.csv", "results.yaml", "review.yaml", "items.csv")
TEMP_PREFIX = ".factquiz-grade-"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

# --- YAML scalars ------------------------------------------------------------------------------

# Outside YAML's printable set, or special inside double quotes, or a line break to YAML 1.1.
_YAML_ESCAPE = re.compile(
    '[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|["\\\\\u2028\u2029\ufeff]'
)
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    o = ord(c)
    if 0xD800 <= o <= 0xDFFF:
        return "\ufffd"  # a lone surrogate cannot be stored in UTF-8, nor escaped for libyaml
    if o < 0x100:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"


def yaml_str(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `text`."""
    return '"' + _YAML_ESCAPE.sub(_escape, text) + '"'


def yaml_number(x: float) -> str:
    """A number YAML reads as a number: at most 4 decimals, never an exponent."""
    x = round(x, 4)
    return str(int(x)) if x == int(x) else f"{x:.4f}".rstrip("0")


def yaml_opt(text: str | None) -> str:
    """A string, or YAML's null."""
    return "null" if text is None else yaml_str(text)


# --- CSV cells ---------------------------------------------------------------------------------


def csv_text(text: str) -> str:
    """A text cell a spreadsheet will not run: formula starts get a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_number(x: float | None, decimal_comma: bool = False) -> str:
    """A number as a spreadsheet reads it: 2 decimals at most, a comma for French sheets."""
    if x is None:
        return ""
    text = f"{round(x, 2):.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace(".", ",") if decimal_comma else text


def _csv_writer(fh: IO[str], delimiter: str) -> Any:
    return csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")


# --- the four files ----------------------------------------------------------------------------


def percent(total: float, maximum: float) -> float:
    """Total as a percentage of the maximum (0 when there is nothing to score)."""
    return 100 * total / maximum if maximum else 0.0


def passes(pct: float, pass_mark: float) -> bool:
    """At or above the pass mark, compared as the gradebook shows it (2 decimals)."""
    return round(pct, 2) >= round(pass_mark, 2)


def write_gradebook(
    fh: IO[str], grading: ClassGrading, delimiter: str = ",", pass_mark: float | None = None
) -> None:
    """student, total, maximum, percent, [passed], then the mark of each item."""
    comma = delimiter == ";"
    out = _csv_writer(fh, delimiter)
    passed = ["passed"] if pass_mark is not None else []
    out.writerow(
        [
            "student",
            "total",
            "maximum",
            "percent",
            *passed,
            *(csv_text(it.id) for it in grading.items),
        ]
    )
    maximum = grading.maximum
    max_cell = csv_number(maximum, comma)
    cells = [csv_number(m, comma) for m in grading.form_marks()]
    rows = zip(grading.sheets, grading.answers, grading.totals(), strict=True)
    for sheet, row, total in rows:
        pct = percent(total, maximum)
        verdict = [] if pass_mark is None else ["yes" if passes(pct, pass_mark) else "no"]
        out.writerow(
            [csv_text(sheet.student), csv_number(total, comma), max_cell,
             csv_number(pct, comma), *verdict, *map(cells.__getitem__, row)]
        )  # fmt: skip


def write_items(
    fh: IO[str], grading: ClassGrading, stats: Sequence[ItemStats], delimiter: str = ","
) -> None:
    """One row per item: Moodle's statistics, in percent, and the flags raised."""
    comma = delimiter == ";"
    out = _csv_writer(fh, delimiter)
    out.writerow(
        [
            "item",
            "type",
            "points",
            "students",
            "facility",
            "sd",
            "discrimination",
            "efficiency",
            "flags",
            "prompt",
        ]
    )
    for item, s in zip(grading.items, stats, strict=True):
        numbers = (s.facility, s.sd, s.discrimination, s.efficiency)
        out.writerow(
            [
                csv_text(item.id),
                item.type,
                csv_number(item.points, comma),
                s.students,
                *(csv_number(x, comma) for x in numbers),
                "; ".join(s.flags),
                csv_text(item.prompt),
            ]
        )


def _answer_entries(grading: ClassGrading, marks: list[float]) -> list[str]:
    # An answer's entry depends only on its form: build it once per form, not per student.
    entries = []
    for f, mark in zip(grading.forms, marks, strict=True):
        v = f.verdict
        decided = f"\n        decided: {yaml_str(f.decision)}" if f.decision else ""
        entries.append(
            f"      - item: {yaml_str(grading.items[f.item_index].id)}\n"
            f"        answer: {yaml_str(f.text)}\n"
            f"        verdict: {yaml_str(v.verdict)}\n        credit: {yaml_number(v.credit)}\n"
            f"        mark: {yaml_number(mark)}\n        reason: {yaml_str(v.reason)}{decided}\n"
        )
    return entries


def results_lines(grading: ClassGrading) -> Iterator[str]:
    """results.yaml, a student at a time: each answer, then the problems."""
    entries = _answer_entries(grading, grading.form_marks())
    yield "# factquiz grade: every answer with its verdict, credit and reason.\n"
    yield f"bank: {yaml_str(grading.bank.id)}\nmaximum: {yaml_number(grading.maximum)}\n"
    yield "students:\n" if grading.sheets else "students: []\n"
    maximum = grading.maximum
    for sheet, row, total in zip(grading.sheets, grading.answers, grading.totals(), strict=True):
        yield (
            f"  - student: {yaml_str(sheet.student)}\n    sheet: {yaml_str(str(sheet.origin))}\n"
            f"    total: {yaml_number(total)}\n"
            f"    percent: {yaml_number(round(percent(total, maximum), 2))}\n"
            + ("    answers:\n" if row else "    answers: []\n")
            + "".join(map(entries.__getitem__, row))
        )
    yield from problem_lines(grading.problems)


def problem_lines(problems: Sequence[Problem]) -> Iterator[str]:
    """The `problems:` list of results.yaml."""
    yield "problems:\n" if problems else "problems: []\n"
    for p in problems:
        yield (
            f"  - where: {yaml_str(str(p.where))}\n    severity: {yaml_str(p.severity)}\n"
            f"    message: {yaml_str(p.message)}\n    hint: {yaml_str(p.hint)}\n"
        )


REVIEW_HEADER = """\
# factquiz review: the answers the grader could not decide, one entry per distinct answer.
# For each, write `decision: accept` or `decision: reject` (or leave it empty), then run
#   factquiz grade BANK SHEETS... -o OUTDIR --overrides {review}
# A decision applies to every student whose answer normalises to `normalized`; keep that line.
# Add --learn to also write each accepted answer into the bank as a variant.
"""


Group = tuple[int, str]  # (item index, normalised answer)


def group_forms(
    grading: ClassGrading, wanted: set[Group]
) -> dict[Group, tuple[list[str], dict[str, int]]]:
    """For each wanted group: its students, and how many wrote each form of the answer."""
    flags = [f.group in wanted for f in grading.forms]
    out: dict[Group, tuple[list[str], dict[str, int]]] = {}
    columns = zip(*grading.answers, strict=True) if grading.answers else ()
    for column in columns:
        # Only the answers of wanted groups are looked at one by one (review is rare).
        for p in compress(range(len(column)), map(flags.__getitem__, column)):
            form = grading.forms[column[p]]
            students, counts = out.setdefault(form.group, ([], {}))
            students.append(grading.sheets[p].student)
            counts[form.text] = counts.get(form.text, 0) + 1
    return out


def review_lines(grading: ClassGrading, review: str = "review.yaml") -> Iterator[str]:
    """review.yaml: groups the grader sent to review or the teacher decided, by item."""
    form_of = {(f.group, f.text): f for f in grading.forms}
    wanted = {f.group for f in grading.forms if f.graded.verdict == "review" or f.decision}
    found = group_forms(grading, wanted)
    yield REVIEW_HEADER.format(review=review)
    yield f"bank: {yaml_str(grading.bank.id)}\n"
    by_item: dict[int, list[Group]] = {}
    for key in sorted(found, key=lambda k: (-len(found[k][0]), k[1])):
        by_item.setdefault(key[0], []).append(key)
    yield "items:\n" if by_item else "items: []\n"
    for i in sorted(by_item):
        item = grading.items[i]
        yield (
            f"  - item: {yaml_str(item.id)}\n    prompt: {yaml_str(item.prompt)}\n"
            f"    expected: {yaml_str(item.expected)}\n    answers:\n"
        )
        for key in by_item[i]:
            students, counts = found[key]
            shown = form_of[(key, most_common_form(counts))]
            yield _review_entry(shown, students)


def most_common_form(forms: dict[str, int]) -> str:
    """The way most students wrote an answer (ties: the first in sorted order)."""
    return min(forms, key=lambda f: (-forms[f], f))


def _review_entry(form: Any, students: list[str]) -> str:
    names = "".join(f"\n          - {yaml_str(s)}" for s in students)
    decision = f" {form.decision}" if form.decision else ""
    return (
        f"      - answer: {yaml_str(form.text)}\n"
        f"        normalized: {yaml_str(form.normalized)}\n"
        f"        count: {len(students)}\n"
        f"        reason: {yaml_str(form.graded.reason)}\n"
        f"        students:{names}\n"
        f"        decision:{decision}  # accept | reject\n"
    )


@dataclass(frozen=True)
class Decision:
    """The teacher's decision on one group of answers, as read from review.yaml."""

    item_id: str
    normalized: str
    decision: str
    where: Location


# --- reading the teacher's decisions back ------------------------------------------------------


def read_decisions(path: str | os.PathLike[str], bank: Bank) -> dict[tuple[str, str], Decision]:
    """The decisions filled in a review.yaml: (item id, normalised answer) -> Decision.

    Entries left undecided are skipped; a decision that is not accept or reject stops
    everything, since grading on without it would ignore what the teacher meant.
    """
    name = str(path)
    data = read_yaml(path)
    if not isinstance(data, YamlMap) or not isinstance(data.get("items", []), YamlSeq):
        raise FactquizError(
            "not a review file",
            where=Location(name, 1, 1),
            hint="give the review.yaml written by `factquiz grade`",
        )
    if data.get("bank") not in (None, bank.id):
        raise FactquizError(
            f"review of bank {data.get('bank')!r}, not {bank.id!r}",
            where=where(name, data, "bank"),
            hint="give the bank it was made for",
        )
    out: dict[tuple[str, str], Decision] = {}
    for entry in data.get("items", []):
        item_id = entry.get("item") if isinstance(entry, YamlMap) else None
        answers = entry.get("answers") if isinstance(entry, YamlMap) else None
        if not isinstance(item_id, str) or not isinstance(answers, YamlSeq):
            raise FactquizError("an entry needs 'item' and 'answers'", where=where(name, entry))
        for answer in answers:
            decision = _decision(name, answer)
            if decision is not None:
                out[(item_id, decision[0])] = Decision(
                    item_id, decision[0], decision[1], where(name, answer, "decision")
                )
    return out


def _decision(name: str, answer: Any) -> tuple[str, str] | None:
    if not isinstance(answer, YamlMap) or not isinstance(answer.get("normalized"), str):
        raise FactquizError(
            "an answer needs its 'normalized' text",
            where=where(name, answer),
            hint="keep the lines written by `factquiz grade`; fill only 'decision'",
        )
    value = answer.get("decision")
    if value is None:
        return None
    if value not in DECISIONS:
        raise FactquizError(
            f"decision {value!r} is neither accept nor reject",
            where=where(name, answer, "decision"),
            hint="write `decision: accept` or `decision: reject`, or leave it empty",
        )
    return answer["normalized"], value


# --- writing the folder ------------------------------------------------------------------------

Writer = Callable[[IO[str]], None]


def write_folder(outdir: Path, writers: dict[str, Writer]) -> list[Path]:
    """Write every file in a temporary folder inside `outdir`, then move them all into place.

    A crash or Ctrl-C before the moves leaves the previous files as they were; the temporary
    folder is removed, and a stray one from a killed run is swept next time.
    """
    from filelock import FileLock, Timeout

    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FactquizError(
            f"cannot create the output folder: {exc.strerror}", where=Location(str(outdir))
        ) from None
    lock = FileLock(str(outdir / ".factquiz-grade.lock"), timeout=5)
    try:
        with lock:
            return _write_locked(outdir, writers)
    except Timeout:
        raise FactquizError(
            "another `factquiz grade` is writing this folder",
            where=Location(str(outdir)),
            hint="wait for it to finish, or choose another -o folder",
        ) from None


def _write_locked(outdir: Path, writers: dict[str, Writer]) -> list[Path]:
    for stray in outdir.glob(TEMP_PREFIX + "*"):
        shutil.rmtree(stray, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=outdir))
    try:
        for name, write in writers.items():
            encoding = "utf-8-sig" if name.endswith(".csv") else "utf-8"  # BOM: Excel reads UTF-8
            with open(tmp / name, "w", encoding=encoding, newline="") as fh:
                write(fh)
                fh.flush()
                os.fsync(fh.fileno())
        for name in writers:
            os.replace(tmp / name, outdir / name)
        fsync_dir(outdir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [outdir / name for name in writers]
