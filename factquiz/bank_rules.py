"""Every rule of the bank format, checked with file, line and column for each problem.

`check_bank` never stops at the first problem: a teacher fixes a whole file in one pass.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from factquiz.bank import ITEM_TYPES, VERDICTS, Bank, Evidence, Item, Source
from factquiz.errors import Location, YamlError
from factquiz.text import fold_basic, fold_for_quote
from factquiz.yamlio import YamlMap, YamlSeq, gc_paused, key_where, read_yaml, where

BANK_KEYS = ("factquiz", "id", "title", "language", "description", "sources", "items")
SOURCE_KEYS = ("id", "file", "title", "outlet", "url", "published", "sha256")
ITEM_KEYS = (
    "id", "type", "prompt", "choices", "answers", "require", "reject", "verdict", "evidence",
    "explanation", "skill", "tags", "difficulty", "points", "hint",
)  # fmt: skip
EVIDENCE_KEYS = ("source", "quote")
BANK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")

_TYPE_NAMES = {bool: "true/false", int: "a number", float: "a number", date: "a date"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth a look (warning) in a file."""

    where: Location
    message: str
    severity: str = "error"
    hint: str = ""

    def __str__(self) -> str:
        tail = f" ({self.hint})" if self.hint else ""
        label = "" if self.severity == "error" else "warning: "
        return f"{self.where}: {label}{self.message}{tail}"


@dataclass
class Report:
    """What `check_bank` found: the bank (when it has no error) and every problem."""

    path: str
    bank: Bank | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def check_bank(path: str | os.PathLike[str]) -> Report:
    """Read a bank file and check every rule; never raises for a bad bank."""
    name = str(path)
    report = Report(name)
    try:
        data = read_yaml(path)
    except YamlError as exc:
        report.problems.append(Problem(exc.where or Location(name), exc.message, hint=exc.hint))
        return report
    checker = _Checker(name, Path(path).resolve().parent, report)
    with gc_paused():  # a large bank is many small values and no cycles (see yamlio)
        bank = checker.bank(data)
    if bank is not None and not report.errors:
        report.bank = Bank(**{**vars(bank), "path": Path(path)})
    report.problems.sort(key=lambda p: (p.where.line or 0, p.where.col or 0))
    return report


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlSeq):
        return "a list"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _Checker:
    def __init__(self, name: str, base: Path, report: Report) -> None:
        self.name = name
        self.base = base
        self.report = report
        self.file_text: dict[str, str | None] = {}
        self.typos: set[tuple[int, str]] = set()  # (id of mapping, key a typo stands for)

    # -- reporting ----------------------------------------------------------------------
    def error(self, where: Location, message: str, hint: str = "") -> None:
        self.report.problems.append(Problem(where, message, "error", hint))

    def warn(self, where: Location, message: str, hint: str = "") -> None:
        self.report.problems.append(Problem(where, message, "warning", hint))

    # -- typed fields -------------------------------------------------------------------
    def keys(self, m: YamlMap, allowed: tuple[str, ...], what: str) -> None:
        for key in m:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
            if close:
                self.typos.add((id(m), close[0]))
            self.error(key_where(self.name, m, key), f"unknown key '{key}' in {what}", hint)

    def missing(self, m: YamlMap, key: str, hint: str = "") -> None:
        """Report a missing key, unless a misspelt key standing for it was reported already."""
        if (id(m), key) not in self.typos:
            self.error(where(self.name, m), f"missing required key '{key}'", hint)

    def text(self, m: YamlMap, key: str, required: bool = False) -> str | None:
        value = m.get(key)
        if value is None:
            if required:
                self.missing(m, key)
            return None
        return self.as_text(value, m, key, key)

    def as_text(self, value: Any, container: Any, key: Any, what: str) -> str | None:
        """`value` if it is non-blank text; else an error at container[key]."""
        if type(value) is str and not value.isspace():
            return value
        at = where(self.name, container, key)
        if isinstance(value, str):
            self.error(at, f"'{what}' is empty")
            return None
        self.error(
            at,
            f"'{what}' must be text, but YAML read {_describe(value)} ({value!r})",
            'quote it, e.g. "no" or "2006"',
        )
        return None

    def text_list(self, m: YamlMap, key: str) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if not isinstance(value, YamlSeq):
            self.error(where(self.name, m, key), f"'{key}' must be a list")
            return ()
        out = (self.as_text(v, value, i, key) for i, v in enumerate(value))
        return tuple(t for t in out if t is not None)

    # -- the bank -----------------------------------------------------------------------
    def bank(self, data: Any) -> Bank | None:
        top = Location(self.name, 1, 1)
        if not isinstance(data, YamlMap):
            self.error(top, f"a bank must be a mapping, but the file holds {_describe(data)}")
            return None
        self.keys(data, BANK_KEYS, "the bank")
        version = data.get("factquiz")
        if version is None:
            self.error(top, "missing required key 'factquiz'", "add `factquiz: 1` at the top")
        elif version != 1 or isinstance(version, bool):
            self.error(
                where(self.name, data, "factquiz"),
                f"unsupported format version {version!r}",
                "this factquiz reads version 1",
            )
        bank_id = self.text(data, "id", required=True)
        if bank_id and not BANK_ID_RE.match(bank_id):
            self.error(
                where(self.name, data, "id"),
                f"bank id {bank_id!r} is not a slug",
                "use lower-case letters, digits and hyphens, e.g. kim-russie-2023",
            )
        title = self.text(data, "title", required=True)
        language = self.text(data, "language", required=True)
        if language and not LANG_RE.match(language):
            self.error(where(self.name, data, "language"), f"{language!r} is not a language tag")
        description = self.text(data, "description")
        sources = self.sources(data)
        items = self.items(data, {s.id: s for s in sources})
        if not (bank_id and title and language):
            return None
        return Bank(bank_id, title, language, items, sources, description)

    def sources(self, data: YamlMap) -> tuple[Source, ...]:
        raw = data.get("sources")
        if raw is None:
            return ()
        if not isinstance(raw, YamlSeq):
            self.error(where(self.name, data, "sources"), "'sources' must be a list")
            return ()
        out: list[Source] = []
        seen: dict[str, int] = {}
        for i, s in enumerate(raw):
            at = where(self.name, raw, i)
            if not isinstance(s, YamlMap):
                self.error(at, f"a source must be a mapping, not {_describe(s)}")
                continue
            self.keys(s, SOURCE_KEYS, "a source")
            sid = self.text(s, "id", required=True)
            if sid is None:
                continue
            if sid in seen:
                self.error(at, f"duplicate source id {sid!r} (first at line {seen[sid]})")
                continue
            seen[sid] = at.line or 0
            fields = {k: self.text(s, k) for k in SOURCE_KEYS[1:]}
            self.source_fields(s, fields)
            out.append(Source(sid, **fields))
        return tuple(out)

    def source_fields(self, s: YamlMap, fields: dict[str, str | None]) -> None:
        published = fields["published"]
        if published:
            try:
                date.fromisoformat(published)
            except ValueError:
                self.error(where(self.name, s, "published"), f"{published!r} is not a date")
        sha = fields["sha256"]
        if sha and not SHA_RE.match(sha):
            self.error(where(self.name, s, "sha256"), "sha256 must be 64 lower-case hex digits")
        file = fields["file"]
        if not file:
            return
        text = self.read_source(file)
        if text is None:
            self.error(
                where(self.name, s, "file"),
                f"source file {file!r} not found",
                "the path is relative to the bank file",
            )
        elif sha and SHA_RE.match(sha):
            actual = hashlib.sha256((self.base / file).read_bytes()).hexdigest()
            if actual != sha:
                self.warn(
                    where(self.name, s, "sha256"),
                    f"{file} has changed since the items were written",
                    "check the quotes, then update sha256",
                )

    def read_source(self, file: str) -> str | None:
        if file not in self.file_text:
            try:
                raw = (self.base / file).read_bytes()
                self.file_text[file] = fold_for_quote(raw.decode("utf-8", "replace"))
            except OSError:
                self.file_text[file] = None
        return self.file_text[file]

    # -- items --------------------------------------------------------------------------
    def items(self, data: YamlMap, sources: dict[str, Source]) -> tuple[Item, ...]:
        raw = data.get("items")
        if raw is None:
            self.error(Location(self.name, 1, 1), "missing required key 'items'")
            return ()
        if not isinstance(raw, YamlSeq):
            self.error(where(self.name, data, "items"), "'items' must be a list")
            return ()
        if not raw:
            self.warn(where(self.name, data, "items"), "the bank has no items")
        out: list[Item] = []
        ids: dict[str, int] = {}
        prompts: dict[str, int] = {}
        for i, m in enumerate(raw):
            if not isinstance(m, YamlMap):
                self.error(
                    where(self.name, raw, i), f"an item must be a mapping, not {_describe(m)}"
                )
                continue
            line = m.mark.line
            item = self.item(m, sources)
            if item is None:
                continue
            if item.id in ids:
                self.error(
                    where(self.name, m, "id"),
                    f"duplicate item id {item.id!r} (first at line {ids[item.id]})",
                    "item ids must be unique: scores are kept by id",
                )
            ids.setdefault(item.id, line)
            folded = fold_basic(item.prompt)
            if folded in prompts:
                self.warn(
                    where(self.name, m, "prompt"),
                    f"same prompt as the item at line {prompts[folded]}",
                )
            prompts.setdefault(folded, line)
            out.append(item)
        return tuple(out)

    def item(self, m: YamlMap, sources: dict[str, Source]) -> Item | None:
        self.keys(m, ITEM_KEYS, "an item")
        item_id = self.text(m, "id", required=True)
        if item_id and not ITEM_ID_RE.match(item_id):
            self.error(
                where(self.name, m, "id"),
                f"item id {item_id!r} has spaces or symbols",
                "use letters, digits, '-', '_' or '.'",
            )
        kind = self.text(m, "type", required=True)
        if kind and kind not in ITEM_TYPES:
            self.error(
                where(self.name, m, "type"),
                f"unknown item type {kind!r}",
                f"use one of: {', '.join(ITEM_TYPES)}",
            )
            kind = None
        prompt = self.text(m, "prompt", required=True)
        answers, choices, verdict, require = self.kind_fields(m, kind)
        reject = self.text_list(m, "reject")
        evidence = self.evidence(m, sources)
        extra = self.extras(m)
        if not (item_id and kind and prompt):
            return None
        if evidence is None:
            self.warn(
                where(self.name, m),
                f"item {item_id!r} has no evidence",
                "quote the sentence that proves it",
            )
        return Item(
            item_id, kind, prompt, answers, choices, require, reject, verdict, evidence, **extra
        )

    def kind_fields(
        self, m: YamlMap, kind: str | None
    ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], str | None, str]:
        if kind == "claim":
            for key in ("answers", "choices", "require"):
                if key in m:
                    self.error(
                        key_where(self.name, m, key),
                        f"a claim item takes a verdict, not '{key}'",
                        "remove it",
                    )
            verdict = self.text(m, "verdict", required=True)
            if verdict and verdict not in VERDICTS:
                self.error(
                    where(self.name, m, "verdict"),
                    f"unknown verdict {verdict!r}",
                    f"use one of: {', '.join(VERDICTS)}",
                )
            return (), (), verdict, "any"
        if "verdict" in m and kind:
            self.error(key_where(self.name, m, "verdict"), "only claim items take a verdict")
        require = self.text(m, "require") or "any"
        if require not in ("any", "all"):
            self.error(
                where(self.name, m, "require"), f"require must be any or all, not {require!r}"
            )
            require = "any"
        answers = self.answers(m)
        choices: tuple[str, ...] = ()
        if kind == "choice":
            choices = self.choices(m, answers)
        elif kind == "open" and "choices" in m:
            self.error(
                key_where(self.name, m, "choices"),
                "an open item has no choices",
                "make it `type: choice`, or remove the choices",
            )
        return answers, choices, None, require

    def answers(self, m: YamlMap) -> tuple[tuple[str, ...], ...]:
        raw = m.get("answers")
        if raw is None:
            self.missing(m, "answers")
            return ()
        if isinstance(raw, str):
            pairs: list[tuple[Any, Any, Any]] = [(raw, m, "answers")]
        elif isinstance(raw, YamlSeq):
            pairs = [(v, raw, i) for i, v in enumerate(raw)]
        else:
            self.error(
                where(self.name, m, "answers"), f"'answers' must be a list, not {_describe(raw)}"
            )
            return ()
        out: list[tuple[str, ...]] = []
        errors_before = len(self.report.errors)
        for value, container, key in pairs:
            if isinstance(value, YamlSeq):
                variants = [self.as_text(v, value, j, "answers") for j, v in enumerate(value)]
                kept = tuple(v for v in variants if v)
                if kept:
                    out.append(kept)
                elif not value:
                    self.error(
                        where(self.name, container, key), "an answer's list of variants is empty"
                    )
            else:
                text = self.as_text(value, container, key, "answers")
                if text:
                    out.append((text,))
        if not out and len(self.report.errors) == errors_before:
            self.error(
                where(self.name, m, "answers"),
                "no non-empty answer",
                "give at least one accepted answer",
            )
        return tuple(out)

    def choices(self, m: YamlMap, answers: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
        if "choices" not in m:
            self.missing(m, "choices", "a choice item lists its choices")
            return ()
        choices = self.text_list(m, "choices")
        at = where(self.name, m, "choices")
        if len(choices) < 2:
            self.error(at, "a choice item needs at least two choices")
        if len(set(choices)) != len(choices):
            self.error(at, "the same choice is written twice")
        else:
            folded = [fold_basic(c) for c in choices]
            if len(set(folded)) != len(folded):
                self.warn(at, "two choices differ only in case, accents or punctuation")
        for a in answers:
            for variant in a:
                if variant not in choices:
                    self.error(
                        where(self.name, m, "answers"),
                        f"answer {variant!r} is not one of the choices",
                        "copy it exactly from 'choices'",
                    )
        return choices

    def evidence(self, m: YamlMap, sources: dict[str, Source]) -> Evidence | None:
        raw = m.get("evidence")
        if raw is None:
            return None
        at = where(self.name, m, "evidence")
        if not isinstance(raw, YamlMap):
            self.error(at, "'evidence' must be a mapping with 'source' and 'quote'")
            return None
        self.keys(raw, EVIDENCE_KEYS, "evidence")
        source = self.text(raw, "source", required=True)
        quote = self.text(raw, "quote", required=True)
        if not (source and quote):
            return None
        src = sources.get(source)
        if src is None:
            self.error(
                where(self.name, raw, "source"),
                f"unknown source {source!r}",
                "add it under 'sources', or fix the id",
            )
        elif src.file:
            text = self.read_source(src.file)
            if text is not None and fold_for_quote(quote) not in text:
                self.error(
                    where(self.name, raw, "quote"),
                    f"the quote does not stand in {src.file}",
                    "copy the sentence exactly from the article",
                )
        return Evidence(source, quote)

    def extras(self, m: YamlMap) -> dict[str, Any]:
        out: dict[str, Any] = {
            "explanation": self.text(m, "explanation"),
            "skill": self.text(m, "skill"),
            "tags": self.text_list(m, "tags"),
            "hint": self.text(m, "hint"),
        }
        difficulty = m.get("difficulty")
        if difficulty is not None:
            if type(difficulty) is not int or not 1 <= difficulty <= 3:
                self.error(where(self.name, m, "difficulty"), "difficulty must be 1, 2 or 3")
            else:
                out["difficulty"] = difficulty
        points = m.get("points")
        if points is not None:
            if type(points) not in (int, float) or not points > 0:
                self.error(where(self.name, m, "points"), "points must be a number above 0")
            else:
                out["points"] = points
        return out
