"""Writing the answers a teacher accepted into the bank, as variants, touching nothing else.

The bank is edited as text, not re-dumped: comments, quoting, key order and every other line
stay as the author wrote them. The guarded reader gives where each answer starts
(`YamlMap.value_marks`, `YamlSeq.item_marks`); a small scanner finds where it ends. Only the
answer that receives the variant changes: a lone answer `"Khasan"` becomes
`["Khasan", "Khassan"]`, a list of variants gets one more. The result must validate before
it replaces the bank, atomically.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factquiz.bank_rules import Problem, check_bank
from factquiz.errors import Location
from factquiz.gradebook import yaml_str
from factquiz.text import fold_basic
from factquiz.yamlio import YamlMap, YamlSeq, decode_utf8, parse_yaml, where, write_text_atomic

BOM = "\ufeff"


@dataclass(frozen=True)
class Variant:
    """An accepted answer to add to an item; `matched` names the answer it belongs to, if known."""

    item_id: str
    text: str
    matched: str | None = None


@dataclass
class LearnReport:
    """Variants written into the bank, and those left out with the reason why."""

    added: list[Variant] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _CannotEdit(Exception):
    """This answer is written in a way the text editor does not handle."""


def learn_variants(bank_path: str | os.PathLike[str], variants: list[Variant]) -> LearnReport:
    """Add each variant to its item in the bank file, then replace the file if it validates."""
    path = Path(bank_path)
    name = str(path)
    raw = path.read_bytes()
    text = decode_utf8(raw, name)
    report = LearnReport()
    for v in variants:
        try:
            edited = add_variant(text, name, v)
        except _CannotEdit as exc:
            where = Location(name)
            report.problems.append(
                Problem(
                    where,
                    f"{v.item_id}: {exc}; not learnt",
                    "warning",
                    f"add {v.text!r} to the bank by hand",
                )
            )
            continue
        if edited != text:
            text = edited
            report.added.append(v)
    if report.added:
        _replace_if_valid(path, (BOM if raw.startswith(b"\xef\xbb\xbf") else "") + text, report)
    return report


def _replace_if_valid(path: Path, text: str, report: LearnReport) -> None:
    # Check a copy beside the bank (its sources' paths are relative to it), then replace.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        errors = check_bank(tmp).errors
    finally:
        os.unlink(tmp)
    if errors:
        report.problems.extend(errors)
        message = "the bank would not validate with the learnt variants; it was left unchanged"
        report.problems.append(Problem(Location(str(path)), message))
        report.added.clear()
        return
    write_text_atomic(path, text)


def add_variant(text: str, name: str, v: Variant) -> str:
    """The bank text with `v` added to its item; unchanged if the item already accepts it."""
    item = _find_item(parse_yaml(text, name), v.item_id)
    edit = _Editor(text, name)
    if item.get("type") != "open" or item.get("require", "any") != "any":
        raise _CannotEdit("only open items that accept any one answer learn variants")
    answers = item.get("answers")
    forms = [[a] if isinstance(a, str) else list(a) for a in _as_list(answers)]
    if any(fold_basic(f) == fold_basic(v.text) for fs in forms for f in fs):
        return text
    k = _target_answer(forms, v)
    if isinstance(answers, str):
        start, end = edit.scalar_span(edit.at(item, "answers"), flow=False)
        return edit.replace(start, end, f"[[{yaml_str(answers)}, {yaml_str(v.text)}]]")
    assert isinstance(answers, YamlSeq)
    element = answers[k]
    mark = edit.at(answers, k)
    if isinstance(element, str):
        start, end = edit.scalar_span(mark, flow=edit.char(edit.at(answers)) == "[")
        return edit.replace(start, end, f"[{yaml_str(element)}, {yaml_str(v.text)}]")
    last = edit.at(element, len(element) - 1)
    if edit.char(mark) == "[":
        _, end = edit.scalar_span(last, flow=True)
        return edit.replace(end, end, f", {yaml_str(v.text)}")
    # A block list of variants: one more `- ` line under the last one.
    _, end = edit.scalar_span(last, flow=False)
    indent = " " * (mark[1] - 1)
    return edit.replace(end, end, f"{edit.newline}{indent}- {yaml_str(v.text)}")


def _find_item(data: Any, item_id: str) -> YamlMap:
    items = data.get("items") if isinstance(data, YamlMap) else None
    for item in items if isinstance(items, YamlSeq) else []:
        if isinstance(item, YamlMap) and item.get("id") == item_id:
            return item
    raise _CannotEdit("no such item in the bank file")


def _as_list(answers: Any) -> list[Any]:
    if isinstance(answers, str):
        return [answers]
    if isinstance(answers, YamlSeq) and answers:
        return list(answers)
    raise _CannotEdit("the item's answers are not a list")


def _target_answer(forms: list[list[str]], v: Variant) -> int:
    """The answer the variant belongs to: the one the grader matched, else the closest."""
    for k, fs in enumerate(forms):
        if v.matched is not None and v.matched in fs:
            return k
    if len(forms) == 1:
        return 0
    folded = fold_basic(v.text)

    def closeness(k: int) -> float:
        return max(difflib.SequenceMatcher(None, folded, fold_basic(f)).ratio() for f in forms[k])

    return max(range(len(forms)), key=lambda k: (closeness(k), -k))


class _Editor:
    """Offsets in the bank text from the places the guarded reader gives (`yamlio.where`)."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, container: Any, key: Any = None) -> tuple[int, int]:
        """1-based (line, column) of `container[key]`, or of the container itself."""
        loc = where(self.name, container, key)
        if loc.line is None or loc.col is None:
            raise _CannotEdit("the reader did not say where the answer is")
        return loc.line, loc.col

    def offset(self, mark: tuple[int, int]) -> int:
        line, col = mark
        return self.starts[line - 1] + col - 1

    def char(self, mark: tuple[int, int]) -> str:
        return self.text[self.offset(mark) : self.offset(mark) + 1]

    def replace(self, start: int, end: int, new: str) -> str:
        return self.text[:start] + new + self.text[end:]

    def scalar_span(self, mark: tuple[int, int], flow: bool) -> tuple[int, int]:
        """Start and end offsets of a one-line quoted or plain scalar."""
        start = self.offset(mark)
        t = self.text
        c = t[start : start + 1]
        if c in ('"', "'"):
            return start, self._quoted_end(start, c)
        if c in ("|", ">", "[", "{", "!", "&", "*", ""):
            raise _CannotEdit("the answer is written in a YAML form this editor does not change")
        end = start
        stops = "\r\n,]}" if flow else "\r\n"
        while end < len(t) and t[end] not in stops and t[end : end + 2] != " #":
            end += 1
        while end > start and t[end - 1] in " \t":
            end -= 1
        if not flow and self._continues(end):
            raise _CannotEdit("the answer is written over several lines")
        return start, end

    def _quoted_end(self, start: int, quote: str) -> int:
        t = self.text
        i = start + 1
        while i < len(t):
            if quote == '"' and t[i] == "\\":
                i += 2
                continue
            if t[i] == quote:
                if quote == "'" and t[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        raise _CannotEdit("an unterminated quoted answer")

    def _continues(self, end: int) -> bool:
        # A plain scalar goes on when the next non-empty line is more indented than its key.
        line_start = self.text.rfind("\n", 0, end) + 1
        own = len(self.text[line_start:end]) - len(self.text[line_start:end].lstrip(" "))
        rest = self.text[end:].split("\n", 2)
        nxt = rest[1] if len(rest) > 1 else ""
        body = nxt.lstrip(" ")
        return bool(body) and not body.startswith("#") and len(nxt) - len(body) > own
