"""The project's errors: each says what is wrong, where, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes shared by every command."""

    OK = 0
    USER_ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column, either may be unknown."""

    path: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)


class FactquizError(Exception):
    """An error the user can act on: a message, where it happened, and a hint."""

    def __init__(self, message: str, *, where: Location | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class YamlError(FactquizError):
    """A YAML file that cannot be read safely: bad syntax, a guard tripped, a wrong type."""


class BankError(FactquizError):
    """A bank that breaks the format's rules; `problems` lists every one found."""

    def __init__(self, message: str, problems: list | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.problems = problems or []


class StoreError(FactquizError):
    """The score store cannot be read or written."""


class UsageError(FactquizError):
    """A command was called with options that do not fit together."""
