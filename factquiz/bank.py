"""The question bank: frozen values, reading with every rule checked, and a readable writer.

The format is version 1 of `docs/bank-format.md`. `load_bank` refuses a bank with any error;
`check_bank` reports every error and warning with file, line and column.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factquiz.errors import BankError, Location

FORMAT_VERSION = 1
ITEM_TYPES = ("open", "choice", "claim")
VERDICTS = ("supported", "refuted", "not_in_sources")
SKILLS = ("who", "what", "when", "where", "number", "attribution", "verification")
DEFAULT_BANK_ID = "kim-russie-2023"

Answer = tuple[str, ...]  # one accepted answer with its variants, the preferred form first


@dataclass(frozen=True)
class Source:
    """An article the items are drawn from."""

    id: str
    file: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Evidence:
    """The sentence of a source that proves an item's answer."""

    source: str
    quote: str


@dataclass(frozen=True)
class Item:
    """One question. `answers` holds, for each accepted answer, its variants."""

    id: str
    type: str
    prompt: str
    answers: tuple[Answer, ...] = ()
    choices: tuple[str, ...] = ()
    require: str = "any"
    reject: tuple[str, ...] = ()
    verdict: str | None = None
    evidence: Evidence | None = None
    explanation: str | None = None
    skill: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: int | None = None
    points: float = 1
    hint: str | None = None

    @property
    def expected(self) -> str:
        """The answer to show a student: preferred forms, or the verdict for a claim."""
        if self.type == "claim":
            return self.verdict or ""
        return " ; ".join(a[0] for a in self.answers if a)

    @property
    def accepted(self) -> list[list[str]]:
        """`answers` in the shape `grading.grade` takes."""
        return [list(a) for a in self.answers]


@dataclass(frozen=True)
class Bank:
    """A whole bank. `path` is where it was read from (not part of its value)."""

    id: str
    title: str
    language: str
    items: tuple[Item, ...] = ()
    sources: tuple[Source, ...] = ()
    description: str | None = None
    factquiz: int = FORMAT_VERSION
    path: Path | None = field(default=None, compare=False, repr=False)

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if there is none)."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def counts_by_type(self) -> dict[str, int]:
        """How many items of each type, in the order open, choice, claim."""
        return {t: sum(1 for it in self.items if it.type == t) for t in ITEM_TYPES}


def load_bank(path: str | os.PathLike[str]) -> Bank:
    """Read a bank, or raise BankError listing every error (warnings do not stop it)."""
    from factquiz.bank_rules import check_bank

    report = check_bank(path)
    if report.errors:
        first = report.errors[0]
        more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
        raise BankError(
            f"{first.message}{more}",
            problems=report.errors,
            where=first.where,
            hint=f"run: factquiz validate {path}",
        )
    assert report.bank is not None
    return report.bank


# --- writing -------------------------------------------------------------------------------

SCHEMA_HEADER = "# yaml-language-server: $schema={url}\n"


def _drop_empty(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k in keep or v not in (None, (), [], "")}


def item_to_data(it: Item) -> dict[str, Any]:
    """An item as plain data in the key order of the format doc."""
    answers: list[Any] = [list(a) if len(a) > 1 else a[0] for a in it.answers]
    d: dict[str, Any] = {
        "id": it.id,
        "type": it.type,
        "prompt": it.prompt,
        "choices": list(it.choices),
        "answers": answers,
        "require": it.require if it.require != "any" else None,
        "reject": list(it.reject),
        "verdict": it.verdict,
        "evidence": (
            {"source": it.evidence.source, "quote": it.evidence.quote} if it.evidence else None
        ),
        "explanation": it.explanation,
        "skill": it.skill,
        "tags": list(it.tags),
        "difficulty": it.difficulty,
        "points": it.points if it.points != 1 else None,
        "hint": it.hint,
    }
    return _drop_empty(d)


def bank_to_data(bank: Bank) -> dict[str, Any]:
    """A bank as plain data in the key order of the format doc."""
    sources = [_drop_empty(vars(s).copy(), keep=("id",)) for s in bank.sources]
    d: dict[str, Any] = {
        "factquiz": bank.factquiz,
        "id": bank.id,
        "title": bank.title,
        "language": bank.language,
        "description": bank.description,
        "sources": sources,
        "items": [item_to_data(it) for it in bank.items],
    }
    return _drop_empty(d, keep=("items",))


def dump_bank(bank: Bank, schema_url: str | None = None) -> str:
    """The bank as YAML text: block style, readable, diffable, accents as they are."""
    from factquiz.yamlio import dump_yaml

    header = SCHEMA_HEADER.format(url=schema_url) if schema_url else ""
    return dump_yaml(bank_to_data(bank), header=header)


def save_bank(bank: Bank, path: str | os.PathLike[str], schema_url: str | None = None) -> None:
    """Write the bank atomically."""
    from factquiz.yamlio import write_text_atomic

    write_text_atomic(path, dump_bank(bank, schema_url))


# --- where banks live ----------------------------------------------------------------------


def bundled_banks_dir() -> Path:
    """`question_banks/`, inside the installed package or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "question_banks"
    return installed if installed.is_dir() else here.parent / "question_banks"


def user_home() -> Path:
    """factquiz's data folder: `FACTQUIZ_HOME`, else the platform's user data directory."""
    env = os.environ.get("FACTQUIZ_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("factquiz", appauthor=False))


def user_banks_dir() -> Path:
    """Where a user's own banks are found by `factquiz banks` and by id."""
    return user_home() / "banks"


def find_bank_files() -> list[Path]:
    """Every bank file in the bundled folder and the user's banks folder."""
    found: list[Path] = []
    for folder in (bundled_banks_dir(), user_banks_dir()):
        if folder.is_dir():
            found.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    return found


def resolve_bank(name: str | None) -> Path:
    """A bank path from a path or a bank id; None means the default bundled bank."""
    name = name or DEFAULT_BANK_ID
    p = Path(name)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    for candidate in find_bank_files():
        if candidate.stem == name:
            return candidate
    raise BankError(
        f"no bank named {name!r}",
        where=Location(name),
        hint="give a path to a .yaml file, or run `factquiz banks` to list the banks",
    )
