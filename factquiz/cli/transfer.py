"""`factquiz export` (to Moodle, Anki, Kahoot, Quizlet, paper) and `factquiz import` (GIFT, XML)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factquiz.cli import app
from factquiz.cli.guard import guarded

if TYPE_CHECKING:  # for the annotations only: commands import the core when they run
    from factquiz.bank import Bank

FORMAT_HELP = (
    "gift | moodle-xml | anki | csv | quizlet | markdown | html. "
    "csv: Kahoot's columns (Question, Answer 1-4, Time limit, Correct answer(s)); "
    "quizlet: term<TAB>definition lines; markdown and html: -o quiz.md also writes "
    "quiz-answers.md, the answer key with evidence. Default: from the suffix of -o "
    "(.gift .xml .apkg .csv .tsv .md .html)."
)


@app.command()
@guarded
def export(
    bank: Annotated[str, typer.Argument(help="Bank file or bank id.", show_default=False)],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File to write.", show_default=False)
    ],
    format: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    delimiter: Annotated[
        str, typer.Option(help="CSV delimiter; ';' for spreadsheets set to French.")
    ] = ",",
) -> None:
    """Export a bank for Moodle (GIFT, XML), Anki, Kahoot, Quizlet, or a test on paper."""
    from factquiz.bank import load_bank, resolve_bank
    from factquiz.errors import Location, UsageError
    from factquiz.export import ExportOptions, export_bank, format_for_path, format_named
    from factquiz.text import safe_text

    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise UsageError(f"the delimiter must be one character, not {delimiter!r}")
    path = resolve_bank(bank)
    if output.suffix.lower() in (".yaml", ".yml") or (
        output.exists() and output.resolve() == path.resolve()
    ):
        raise UsageError(
            "the output would overwrite a bank",
            where=Location(str(output)),
            hint="give -o a file such as quiz.gift, deck.apkg or quiz.md",
        )
    fmt = format_named(format) if format else format_for_path(output)
    loaded = load_bank(path)
    result = export_bank(loaded, output, fmt, ExportOptions(delimiter=delimiter))
    by_message: dict[str, list[str]] = {}
    for note in result.notes:  # one line per kind of note, not one per item
        by_message.setdefault(note.message, []).append(note.item_id)
    for message, ids in by_message.items():
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        typer.echo(safe_text(f"note: {shown}: {message}"))
    written = ", ".join(str(f) for f in result.files)
    n = result.items_written
    typer.echo(safe_text(f"wrote {written} ({fmt.name}, {n} item{'s' * (n != 1)})"))


@app.command("import")
@guarded
def import_questions(
    source: Annotated[
        Path, typer.Argument(help="A Moodle GIFT (.gift, .txt) or Moodle XML (.xml) file.")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The bank to write (.yaml).", show_default=False)
    ],
    bank_id: Annotated[
        str | None, typer.Option("--id", help="Bank id; default: from the output file name.")
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Bank title; default: the file's top category.")
    ] = None,
    language: Annotated[str, typer.Option(help="Language of the questions.")] = "fr",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing bank.")] = False,
) -> None:
    """Turn Moodle questions (GIFT or Moodle XML) into a factquiz bank.

    Short answer -> open, multiple choice -> choice, true/false -> claim; other question types
    are listed with their line and skipped. Imported items have no evidence unless the file
    came from `factquiz export`: `factquiz validate` warns about each one.
    """
    from factquiz.errors import FactquizError, Location, UsageError
    from factquiz.export.importing import import_bank, slug
    from factquiz.text import safe_text

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError("the bank must be a .yaml file", where=Location(str(output)))
    if output.exists() and not force:
        raise FactquizError(
            "the bank already exists", where=Location(str(output)), hint="add --force to replace it"
        )
    result = import_bank(source, bank_id or slug(output.stem) or "imported", title, language)
    for note in result.notes:
        typer.echo(safe_text(note))
    if not result.bank.items:
        raise FactquizError(
            "no question could be imported", where=Location(str(source)), hint="see the list above"
        )
    warnings = _save_checked(result.bank, output)
    n, skipped = len(result.bank.items), len(result.skipped)
    typer.echo(safe_text(f"wrote {output}: {n} item{'s' * (n != 1)}, {skipped} skipped"))
    if warnings:
        plural = "s" * (warnings != 1)
        typer.echo(safe_text(f"{warnings} warning{plural}: run factquiz validate {output}"))


def _save_checked(bank: Bank, output: Path) -> int:
    """Check the bank as it will be read back, then write it; returns the warning count."""
    import tempfile

    from factquiz.bank import dump_bank
    from factquiz.bank_rules import check_bank
    from factquiz.errors import BankError
    from factquiz.yamlio import write_text_atomic

    text = dump_bank(bank)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / output.name
        probe.write_text(text, encoding="utf-8")
        report = check_bank(probe)
    if report.errors:  # a bug in the importer: never write a bank that does not load
        raise BankError(
            f"the imported bank would not load: {report.errors[0].message}",
            problems=report.errors,
            hint="run again with --traceback and report it",
        )
    write_text_atomic(output, text)
    return len(report.warnings)
