"""The `factquiz` command: typer commands, thin, over the core modules.

Only typer and the standard library are imported here; each command imports what it needs
when it runs, so `factquiz --help` stays fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from factquiz import __version__

app = typer.Typer(
    name="factquiz",
    help="Fact-check and quiz trainer: questions from news articles, answers graded fairly.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TRACEBACK = {"on": False}


def _version(value: bool) -> None:
    if value:
        print(f"factquiz {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the Python traceback of an error.")
    ] = False,
) -> None:
    """Fact-check and quiz trainer: questions from news articles, answers graded fairly."""
    TRACEBACK["on"] = traceback


# Each command module registers its commands on `app` when imported.
# --- command modules (one line each) ---
from factquiz.cli import play  # noqa: E402, F401
from factquiz.cli import bankcmds  # noqa: E402, F401
from factquiz.cli import generate  # noqa: E402, F401
from factquiz.cli import grade  # noqa: E402, F401
from factquiz.cli import sources  # noqa: E402, F401
from factquiz.cli import transfer  # noqa: E402, F401

# --- end of command modules ---


def main() -> None:
    """Entry point of the console script and of `python -m factquiz`."""
    app(prog_name="factquiz")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
