"""Reading a class's answer sheets: YAML sheets, CSV exports of online forms, folders of both.

A bad sheet never stops the others: every problem is collected with its file and line
(`Problem`, as for banks) and the readable sheets are returned. The format of each input is
described in docs/answer-sheets.md.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from factquiz.bank import Bank
from factquiz.bank_rules import Problem
from factquiz.errors import Location, YamlError
from factquiz.sheet_columns import ColumnPlan, plan_columns
from factquiz.yamlio import YamlMap, YamlSeq, decode_utf8, key_where, read_yaml, where

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv", ".tsv")
DELIMITERS = (",", ";", "\t")
SHEET_KEYS = ("student", "bank", "answers")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class AnswerSheet:
    """One student's answers. `items` is shared by every row of one CSV file."""

    student: str
    items: tuple[str, ...]
    responses: tuple[str, ...]
    origin: Location

    def answers(self) -> dict[str, str]:
        """Item id -> answer as written."""
        return dict(zip(self.items, self.responses, strict=True))


@dataclass
class SheetsRead:
    """What `read_sheets` found: the sheets kept (one per student) and every problem."""

    sheets: list[AnswerSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def error(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, "error", hint))

    def warn(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, "warning", hint))


def read_sheets(
    paths: Iterable[str | os.PathLike[str]], bank: Bank, progress: Progress | None = None
) -> SheetsRead:
    """Read every sheet in these files and folders; a student seen twice keeps the last sheet."""
    found = SheetsRead()
    files = _expand(paths, found)
    for done, path in enumerate(files, 1):
        read = read_yaml_sheets if path.suffix.lower() in YAML_SUFFIXES else read_csv_sheets
        try:
            read(path, bank, found)
        except YamlError as exc:  # a file that cannot be read is one problem, not the end
            found.error(exc.where or Location(str(path)), exc.message, exc.hint)
        except OSError as exc:
            found.error(Location(str(path)), f"cannot be read: {exc.strerror}")
        if progress:
            progress("reading sheets", done, len(files))
    found.sheets = _last_sheet_per_student(found)
    return found


def _expand(paths: Iterable[str | os.PathLike[str]], found: SheetsRead) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            entries = sorted(p for p in path.iterdir() if p.is_file() and p.name[:1] != ".")
        elif path.exists():
            entries = [path]
        else:
            found.error(Location(str(path)), "no such file or folder", "check the path")
            continue
        for p in entries:
            if p.suffix.lower() in YAML_SUFFIXES + CSV_SUFFIXES:
                files.append(p)
            else:  # a stray file in a folder is no reason to stop
                found.warn(
                    Location(str(p)),
                    "not an answer sheet; skipped",
                    "answer sheets end in .yaml, .yml, .csv or .tsv",
                )
    return files


def student_key(name: str) -> str:
    """The form under which two sheets belong to the same student: case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _last_sheet_per_student(found: SheetsRead) -> list[AnswerSheet]:
    kept: dict[str, AnswerSheet] = {}
    for sheet in found.sheets:
        key = student_key(sheet.student)
        earlier = kept.pop(key, None)
        if earlier is not None:
            found.warn(
                sheet.origin,
                f"student {sheet.student!r} already has a sheet at {earlier.origin}; "
                "the last one is kept",
                "remove the sheet that should not count",
            )
        kept[key] = sheet
    return list(kept.values())


# --- YAML sheets -----------------------------------------------------------------------------


def read_yaml_sheets(path: Path, bank: Bank, found: SheetsRead) -> None:
    """Read one YAML file: a single sheet, or `sheets:` with a list of them (YamlError if
    the file cannot be read as YAML)."""
    name = str(path)
    data = read_yaml(path)
    lines = decode_utf8(path.read_bytes(), name).splitlines()
    reader = _YamlSheetReader(name, lines, bank, found)
    if isinstance(data, YamlMap) and "sheets" in data:
        reader.class_file(data)
    elif isinstance(data, YamlMap):
        reader.sheet(data)
    else:
        found.error(
            Location(name, 1, 1), "an answer sheet must be a mapping", "see docs/answer-sheets.md"
        )


class _YamlSheetReader:
    def __init__(self, name: str, lines: list[str], bank: Bank, found: SheetsRead) -> None:
        self.name = name
        self.lines = lines
        self.bank = bank
        self.found = found
        self.item_ids = {it.id for it in bank.items}

    def class_file(self, data: YamlMap) -> None:
        for key in data:
            if key not in ("bank", "sheets"):
                self.found.warn(key_where(self.name, data, key), f"unknown key {key!r}; ignored")
        if not self.bank_matches(data):
            return
        sheets = data["sheets"]
        if not isinstance(sheets, YamlSeq):
            self.found.error(where(self.name, data, "sheets"), "'sheets' must be a list")
            return
        for i, sheet in enumerate(sheets):
            if isinstance(sheet, YamlMap):
                self.sheet(sheet)
            else:
                self.found.error(where(self.name, sheets, i), "a sheet must be a mapping")

    def bank_matches(self, data: YamlMap) -> bool:
        bank_id = data.get("bank")
        if bank_id is None or bank_id == self.bank.id:
            return True
        self.found.error(
            where(self.name, data, "bank"),
            f"sheet for bank {bank_id!r}, not {self.bank.id!r}; skipped",
            "grade it with its own bank",
        )
        return False

    def sheet(self, data: YamlMap) -> None:
        for key in data:
            if key not in SHEET_KEYS:
                self.found.warn(
                    key_where(self.name, data, key),
                    f"unknown key {key!r}; ignored",
                    f"a sheet has {', '.join(SHEET_KEYS)}",
                )
        if not self.bank_matches(data):
            return
        student = self.text(data, "student", False)
        at = where(self.name, data)
        if not student or not student.strip():
            self.found.error(
                at, "the sheet has no student name; skipped", "add `student: <name>` at the top"
            )
            return
        answers = data.get("answers")
        if answers is None:
            answers = YamlMap(data.mark)
        if not isinstance(answers, YamlMap):
            self.found.error(
                where(self.name, data, "answers"), "'answers' must map item ids to answers"
            )
            return
        items, responses = self.answers(answers)
        self.found.sheets.append(AnswerSheet(student.strip(), items, responses, at))

    def answers(self, answers: YamlMap) -> tuple[tuple[str, ...], tuple[str, ...]]:
        items: list[str] = []
        responses: list[str] = []
        flow = self.char_at(where(self.name, answers)) == "{"
        for key, value in answers.items():
            at = key_where(self.name, answers, key)
            written = key if isinstance(key, str) else self.source_text(at, flow, ":")
            item_id = self.item_id(written, at)
            response = self.response(answers, key, value, flow)
            if item_id is not None and response is not None:
                items.append(item_id)
                responses.append(response)
        return tuple(items), tuple(responses)

    def item_id(self, key: str, at: Location) -> str | None:
        bank_prefix, _, bare = key.rpartition("/")
        if bank_prefix and bank_prefix != self.bank.id:
            self.found.error(at, f"{key!r} is an item of bank {bank_prefix!r}; ignored")
            return None
        if bare in self.item_ids:
            return bare
        self.found.error(
            at,
            f"unknown item id {bare!r}; answer ignored",
            f"bank {self.bank.id!r} has no such item",
        )
        return None

    def response(self, answers: YamlMap, key: Any, value: Any, flow: bool) -> str | None:
        if isinstance(value, (YamlMap, YamlSeq)):
            self.found.error(
                where(self.name, answers, key),
                "an answer must be text; answer ignored",
                "write the answer on one line after the item id",
            )
            return None
        return self.text(answers, key, flow) or ""

    def text(self, data: YamlMap, key: Any, flow: bool) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (YamlMap, YamlSeq)):
            return None
        # YAML reads 12:30 as 750, `non` as text but `no` as false, 2023-09-13 as a date: the
        # student wrote text, so take the text as written.
        return self.source_text(where(self.name, data, key), flow, "")

    def char_at(self, at: Location) -> str:
        line, col = at.line or 0, at.col or 0
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return text[col - 1 : col]

    def source_text(self, at: Location, flow: bool, stop: str) -> str:
        line, col = at.line or 1, at.col or 1
        text = self.lines[line - 1][col - 1 :]
        stops = [" #", stop] + ([",", "}"] if flow else [])
        for s in filter(None, stops):
            cut = text.find(s)
            if cut >= 0:
                text = text[:cut]
        return text.strip()


# --- CSV exports -----------------------------------------------------------------------------


def decode_table(data: bytes, name: str) -> str:
    """Text of a spreadsheet export: UTF-8 (BOM or not), UTF-16 with a BOM, or Windows-1252."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
            return data.decode("utf-16")
        try:
            return decode_utf8(data, name)
        except YamlError:
            return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise YamlError(
            "neither UTF-8 nor Windows-1252 text",
            where=Location(name, data.count(b"\n", 0, exc.start) + 1),
            hint="export the sheet again as CSV UTF-8",
        ) from None


def sniff_delimiter(header: str) -> str:
    """`,` `;` or tab: the one that splits the header line into the most cells."""
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))


def read_csv_sheets(path: Path, bank: Bank, found: SheetsRead) -> None:
    """Read one CSV export: a header row, then one row per student (YamlError if the file
    is not text)."""
    name = str(path)
    text = decode_table(path.read_bytes(), name)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        header = next(reader, None)
        if header is None:
            found.error(Location(name, 1), "the file is empty")
            return
        plan = plan_columns(header, bank, name, found.problems)
        if plan is not None:
            _read_rows(reader, plan, name, found)
    except csv.Error as exc:
        found.error(
            Location(name, reader.line_num + 1),
            f"malformed CSV: {exc}",
            "export the sheet again from the spreadsheet",
        )


def _read_rows(reader: Any, plan: ColumnPlan, name: str, found: SheetsRead) -> None:
    width = plan.width
    cells = plan.answer_columns
    pick = itemgetter(*cells, cells[0])  # always a tuple, even for one column; last one dropped
    interned: dict[str, str] = {}  # a class repeats its answers: keep one copy of each
    for row in reader:
        if len(row) > width and not any(c.strip() for c in row[width:]):
            row = row[:width]  # spreadsheets pad some rows with empty cells
        if len(row) != width:
            if not any(c.strip() for c in row):
                continue
            fix = "extra cells ignored" if len(row) > width else "missing ones read as blank"
            found.warn(
                Location(name, reader.line_num),
                f"row has {len(row)} cells, the header {width}; {fix}",
            )
            row = (row + [""] * width)[:width]
        student = " ".join(row[i].strip() for i in plan.student_columns if row[i].strip())
        if not student:
            if any(row[i].strip() for i in cells):
                found.error(
                    Location(name, reader.line_num),
                    "row has no student name; skipped",
                    f"fill in the column {plan.student_label!r}",
                )
            continue
        picked = pick(row)[:-1]
        responses = tuple(map(interned.setdefault, picked, picked))
        found.sheets.append(
            AnswerSheet(student, plan.items, responses, Location(name, reader.line_num))
        )
