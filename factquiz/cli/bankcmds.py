"""`factquiz validate`, `factquiz schema` and `factquiz banks`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factquiz.cli import app
from factquiz.cli.guard import guarded


@app.command()
@guarded
def validate(
    banks: Annotated[
        list[Path],
        typer.Argument(help="Bank files to check.", metavar="BANK...", show_default=False),
    ],
) -> None:
    """Check banks against every rule of the format; list each problem as file:line:col."""
    from factquiz.bank_rules import check_bank
    from factquiz.text import safe_text

    failed = False
    for path in banks:
        report = check_bank(path)
        for problem in report.problems:
            typer.echo(safe_text(problem))
        errors, warnings = len(report.errors), len(report.warnings)
        if errors:
            failed = True
            summary = f"{errors} error{'s' * (errors != 1)}"
        else:
            n = len(report.bank.items) if report.bank else 0
            summary = f"ok, {n} item{'s' * (n != 1)}"
        if warnings:
            summary += f", {warnings} warning{'s' * (warnings != 1)}"
        typer.echo(safe_text(f"{path}: {summary}"))
    if failed:
        raise typer.Exit(1)


@app.command()
@guarded
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file instead.")
    ] = None,
) -> None:
    """Print the JSON Schema of the bank format, for editors with the YAML language server."""
    import json

    from factquiz.schema import bank_schema

    text = json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        from factquiz.yamlio import write_text_atomic

        write_text_atomic(output, text)


@app.command()
@guarded
def banks() -> None:
    """List the bundled banks and your own, with title, language and items by type."""
    from factquiz.bank import ITEM_TYPES, bundled_banks_dir, find_bank_files, user_banks_dir
    from factquiz.bank_rules import check_bank
    from factquiz.cli import ui

    out = ui.console()
    bundled = bundled_banks_dir().resolve()
    t = ui.table("id", "title", "lang", *ITEM_TYPES, "from")
    for path in find_bank_files():
        origin = "bundled" if path.resolve().parent == bundled else "yours"
        report = check_bank(path)
        if report.bank is None:
            n = len(report.errors)
            status = f"(invalid: {n} error{'s' * (n != 1)}; run factquiz validate {path})"
            t.add_row(*ui.cells(path.stem, status, "", "", "", "", origin))
            continue
        b = report.bank
        counts = b.counts_by_type()
        t.add_row(*ui.cells(b.id, b.title, b.language, *(counts[k] for k in ITEM_TYPES), origin))
    out.print(t)
    out.print(ui.untrusted(f"bundled: {bundled}"), style="dim")
    out.print(ui.untrusted(f"yours:   {user_banks_dir()}"), style="dim")
