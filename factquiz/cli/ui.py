"""The only module that imports rich: consoles and the pieces every command prints."""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factquiz.text import safe_text


def console(stderr: bool = False) -> Console:
    """A console that drops colour when NO_COLOR is set or output is not a terminal."""
    stream = sys.stderr if stderr else sys.stdout
    plain = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(
        file=stream,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=plain,
    )


def untrusted(value: object, style: str = "") -> Text:
    """Text from outside factquiz (banks, answers, file names), shown and never obeyed."""
    return Text(safe_text(value), style=style)


def table(*columns: str, title: str | None = None) -> Table:
    """A plain table with factquiz's look."""
    t = Table(title=title, show_edge=False, header_style="bold", pad_edge=False)
    for col in columns:
        t.add_column(col)
    return t


def cells(*values: Any) -> list[Text]:
    """Row cells made inert."""
    return [untrusted(v) for v in values]
