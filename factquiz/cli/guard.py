"""One place where errors become messages and exit codes (no rich import: --help stays fast)."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from factquiz.errors import ExitCode, FactquizError, UsageError
from factquiz.text import safe_text

F = TypeVar("F", bound=Callable[..., Any])


def print_error(exc: FactquizError) -> None:
    """`file:line:col: message`, then what to do, on stderr; never parsed as markup."""
    where = f"{exc.where}: " if exc.where else ""
    sys.stderr.write(f"error: {safe_text(where)}{safe_text(exc.message)}\n")
    if exc.hint:
        sys.stderr.write(f"  hint: {safe_text(exc.hint)}\n")


def _show_traceback() -> bool:
    from factquiz.cli import TRACEBACK

    return TRACEBACK["on"]


def guarded(fn: F) -> F:
    """Run a command: user errors exit 1 (usage 2) with a message, Ctrl-C exits 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except FactquizError as exc:
            if _show_traceback():
                traceback.print_exc()
            print_error(exc)
            code = ExitCode.USAGE if isinstance(exc, UsageError) else ExitCode.USER_ERROR
            raise typer.Exit(int(code)) from None
        except KeyboardInterrupt:
            sys.stderr.write("\ninterrupted\n")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except Exception as exc:
            if _show_traceback():
                traceback.print_exc()
            else:
                sys.stderr.write(
                    f"error: factquiz failed unexpectedly: {safe_text(type(exc).__name__)}: "
                    f"{safe_text(exc)}\n  hint: run again with --traceback and report it\n"
                )
            raise typer.Exit(int(ExitCode.USER_ERROR)) from None

    return wrapper  # type: ignore[return-value]
