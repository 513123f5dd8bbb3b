"""`factquiz sources`: which facts several articles carry, and where they disagree."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factquiz.cli import app
from factquiz.cli.generate import ArticlesArg
from factquiz.cli.guard import guarded

FORMATS = ("table", "yaml", "markdown")
QUOTE_CHARS = 160


@app.command()
@guarded
def sources(
    articles: ArticlesArg,
    format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, yaml or markdown."),
    ] = "table",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the yaml or markdown report to this file."),
    ] = None,
) -> None:
    """Corroboration report: facts several articles report, disagreements side by side,
    facts that rest on one source.

    Needs the generator's extra: pip install 'factquiz[nlp]'.
    """
    from factquiz.text import safe_text

    _check_usage(format, output)

    def progress(message: str) -> None:
        sys.stderr.write(f"{safe_text(message)}\n")
        sys.stderr.flush()

    from factquiz.generate.corroboration import corroborate
    from factquiz.generate.factcheck import read_corpus

    found, index = read_corpus(articles, progress=progress)
    report = corroborate(found, index)
    if format == "table":
        _print_tables(report)
        return
    text = _render(report, format)
    if output is None:
        typer.echo(safe_text(text), nl=False)
        return
    from factquiz.yamlio import write_text_atomic

    write_text_atomic(output, text)
    progress(f"wrote {output}")


def _check_usage(format: str, output: Path | None) -> None:
    from factquiz.errors import UsageError

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}", hint="use table, yaml or markdown")
    if output is not None and format == "table":
        raise UsageError("a table is for the terminal", hint="add --format yaml or markdown")


def _render(report, format: str) -> str:  # type: ignore[no-untyped-def]
    from factquiz.generate.corroboration import report_data, report_markdown

    if format == "markdown":
        return report_markdown(report)
    from factquiz.yamlio import dump_yaml

    return dump_yaml(report_data(report))


def _short(quote: str) -> str:
    if len(quote) <= QUOTE_CHARS:
        return quote
    return quote[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _print_tables(report) -> None:  # type: ignore[no-untyped-def]
    from factquiz.cli import ui
    from factquiz.generate.corroboration import agreed_slots, role_name

    out = ui.console()
    n = len(report.sources)
    out.print(ui.untrusted(f"{n} article(s): {len(report.shared)} fact(s) reported by more than "
                           f"one, {len(report.disagreements)} disagreement(s)"))  # fmt: skip
    shared = ui.table("fact", "articles", "they agree on", title="Facts several articles report")
    for fact in report.shared:
        agreed = ", ".join(f"{role_name(s.role)}: {s.text}" for s in agreed_slots(fact))
        shared.add_row(*ui.cells(fact.label, "\n".join(fact.sources), agreed or "-"))
    out.print(shared)
    split = ui.table("fact", "detail", "article", "says", "quote", title="Disagreements")
    for d in report.disagreements:
        for k, (source, says, quote) in enumerate(d.values):
            first = k == 0
            split.add_row(*ui.cells(
                d.fact.label if first else "", f"{role_name(d.role)} ({d.kind})" if first else "",
                source, says, f"« {_short(quote)} »",
            ))  # fmt: skip
    out.print(split)
    single = ui.table("fact", "article", "quote", title="Facts that rest on one source")
    for fact in report.single:
        single.add_row(
            *ui.cells(fact.label, fact.sources[0], f"« {_short(fact.reports[0].quote)} »")
        )
    out.print(single)
