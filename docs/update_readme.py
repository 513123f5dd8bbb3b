"""Regenerate the command reference in README.md from the commands' own --help.

Run `python docs/update_readme.py` after changing a command; tests/test_readme.py fails
while the README and --help disagree.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- commands:start -->", "<!-- commands:end -->"
WIDTH = "100"


def command_names() -> list[str]:
    """The registered commands, in the order --help lists them."""
    from factquiz.cli import app

    return [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]


def help_text(args: list[str]) -> str:
    """What `factquiz ARGS --help` prints at a fixed width."""
    from typer.testing import CliRunner

    from factquiz.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": WIDTH, "NO_COLOR": "1"})
    text = "\n".join(line.rstrip() for line in result.output.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def reference() -> str:
    """The Markdown block between the markers."""
    parts = [START, "", "```text", "$ factquiz --help", help_text([]), "```"]
    for name in command_names():
        parts += ["", f"### factquiz {name}", "", "```text", help_text([name]), "```"]
    return "\n".join([*parts, "", END])


def updated(readme: str) -> str:
    """The README text with its command reference regenerated."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _: reference(), readme)


if __name__ == "__main__":
    os.environ["COLUMNS"] = WIDTH
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    README.write_text(new, encoding="utf-8")
    sys.stdout.write("README.md updated\n" if new != text else "README.md already up to date\n")
