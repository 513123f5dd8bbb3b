"""Banks out to other tools (Moodle, Anki, Kahoot, Quizlet, paper) and Moodle questions in.

One module per format; this registry names them, says which file suffix each writes, and
loads a format's module only when it is used (genanki is imported by the Anki export only).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from factquiz.bank import Bank
from factquiz.errors import Location, UsageError


@dataclass(frozen=True)
class ExportOptions:
    """Settings some formats read: the CSV delimiter, the Anki note timestamp."""

    delimiter: str = ","
    timestamp: float | None = None


@dataclass(frozen=True)
class ExportNote:
    """Something of an item the format could not carry, or that its importer will refuse."""

    item_id: str
    message: str


@dataclass(frozen=True)
class ExportResult:
    """The files written and what did not fit the format."""

    files: tuple[Path, ...]
    notes: tuple[ExportNote, ...] = ()
    items_written: int = 0


Writer = Callable[[Bank, Path, ExportOptions], ExportResult]


@dataclass(frozen=True)
class ExportFormat:
    """A format: its name, the suffixes it writes, one line of help, where its writer lives."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    module: str
    function: str = "export"
    aliases: tuple[str, ...] = field(default=())

    def writer(self) -> Writer:
        """The format's export function (its module is imported now)."""
        module = importlib.import_module(f"factquiz.export.{self.module}")
        return getattr(module, self.function)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("gift", (".gift", ".txt"), "Moodle GIFT text", "gift"),
    ExportFormat("moodle-xml", (".xml",), "Moodle XML", "moodle_xml", aliases=("xml", "moodle")),
    ExportFormat("anki", (".apkg",), "Anki deck package", "anki", aliases=("apkg",)),
    ExportFormat("csv", (".csv",), "Kahoot spreadsheet columns", "tabular", "export_kahoot"),
    ExportFormat("quizlet", (".tsv",), "Quizlet term<TAB>definition", "tabular", "export_quizlet"),
    ExportFormat("markdown", (".md",), "quiz sheet + answer key", "paper", "export_markdown"),
    ExportFormat("html", (".html", ".htm"), "printable quiz + answer key", "paper", "export_html"),
)


def format_named(name: str) -> ExportFormat:
    """The format called `name` (or one of its aliases)."""
    wanted = name.strip().lower()
    for fmt in FORMATS:
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    raise UsageError(
        f"unknown export format {name!r}",
        hint="use one of: " + ", ".join(f.name for f in FORMATS),
    )


def format_for_path(path: Path) -> ExportFormat:
    """The format an output file's suffix calls for."""
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    raise UsageError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}",
        where=Location(str(path)),
        hint="add --format, one of: " + ", ".join(f.name for f in FORMATS),
    )


def export_bank(
    bank: Bank, path: Path, fmt: ExportFormat, options: ExportOptions | None = None
) -> ExportResult:
    """Write `bank` to `path` in `fmt`; files are replaced atomically."""
    return fmt.writer()(bank, path, options or ExportOptions())
