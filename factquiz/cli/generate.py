"""`factquiz generate`: French news articles in, a bank that validates out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factquiz.cli import app
from factquiz.cli.guard import guarded

ALLOWED_TYPES = ("open", "choice", "claim")


def _parse_types(value: str) -> tuple[str, ...]:
    from factquiz.errors import UsageError

    types = tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))
    unknown = [t for t in types if t not in ALLOWED_TYPES]
    if unknown or not types:
        raise UsageError(
            f"unknown item type {', '.join(unknown) or '(none)'} in --types",
            hint="use open, choice, claim, or several of them: open,choice,claim",
        )
    return types


# The articles argument of `generate` and `sources`.
ArticlesArg = Annotated[
    list[Path],
    typer.Argument(
        metavar="ARTICLE_OR_DIR",
        help="French news articles as .txt files, or folders of them.",
        show_default=False,
    ),
]


@app.command()
@guarded
def generate(
    articles: ArticlesArg,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="BANK.yaml", help="The bank to write.", show_default=False
        ),
    ],
    bank_id: Annotated[
        str | None, typer.Option("--id", help="The bank's id (default: from the output file name).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The bank's title.")] = None,
    max_items: Annotated[
        int | None,
        typer.Option(
            "--max-items", min=1, metavar="N", help="Keep at most N items, the best ones."
        ),
    ] = None,
    types: Annotated[
        str,
        typer.Option(
            "--types",
            metavar="TYPES",
            help="Item types to make, comma-separated: open, choice, claim (fact-check claims).",
        ),
    ] = "open,choice",
    cross_source: Annotated[
        bool,
        typer.Option(
            "--cross-source",
            help="Add items on where the articles agree and disagree (which one says what).",
        ),
    ] = False,
    schema_url: Annotated[
        str | None,
        typer.Option(
            "--schema-url",
            metavar="URL",
            help="Start the bank with a yaml-language-server line pointing at this JSON Schema.",
        ),
    ] = None,
) -> None:
    """Generate quiz items from articles: each tied to the sentence that proves it.

    Needs the generator's extra: pip install 'factquiz[nlp]'.
    """
    from factquiz.bank import save_bank
    from factquiz.bank_rules import BANK_ID_RE
    from factquiz.errors import UsageError
    from factquiz.generate import generate_bank
    from factquiz.text import safe_text

    wanted = _parse_types(types)
    if bank_id is not None and not BANK_ID_RE.match(bank_id):
        raise UsageError(
            f"bank id {bank_id!r} is not a slug", hint="use lower-case letters, digits and hyphens"
        )
    if output.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{output} is not a .yaml file", hint="name the bank like BANK.yaml")
    if output.is_dir():
        raise UsageError(
            f"{output} is a folder", hint="give the bank's file name, e.g. -o bank.yaml"
        )
    output.parent.mkdir(parents=True, exist_ok=True)

    def progress(message: str) -> None:
        sys.stderr.write(f"{safe_text(message)}\n")
        sys.stderr.flush()

    result = generate_bank(
        articles,
        output,
        bank_id=bank_id,
        title=title,
        types=wanted,
        max_items=max_items,
        progress=progress,
        cross_source=cross_source,
    )
    if not result.bank.items:
        progress("warning: no item passed the quality checks; the bank is written empty")
    save_bank(result.bank, output, schema_url=schema_url)
    _summary(result, output)


def _summary(result, output: Path) -> None:  # type: ignore[no-untyped-def]
    from factquiz.cli import ui

    err = ui.console(stderr=True)
    n = len(result.bank.items)
    err.print(
        ui.untrusted(
            f"wrote {output}: {n} item{'s' * (n != 1)} from {len(result.bank.sources)} article(s)"
        )
    )
    table = ui.table("", "items")
    for kind, count in sorted(result.by_type.items()):
        table.add_row(*ui.cells(f"type {kind}", count))
    for skill, count in sorted(result.by_skill.items()):
        table.add_row(*ui.cells(f"skill {skill}", count))
    err.print(table)
    speed = result.words / result.run_seconds if result.run_seconds else 0.0
    err.print(
        ui.untrusted(
            f"model load {result.load_seconds:.1f} s, generation {result.run_seconds:.1f} s "
            f"({result.words} words, {speed:,.0f} words/s)"
        )
    )
