"""`factquiz grade`: grade a whole class's answer sheets, write the gradebook, show a summary."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from factquiz.cli import app
from factquiz.cli.guard import guarded

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
SHOWN_PROBLEMS = 15
HISTOGRAM_WIDTH = 40


class ProgressBar:
    """A one-line bar on stderr for runs longer than half a second; silent when piped."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.active or (
            done < total and (now - self.started < 0.5 or now - self.last < 0.1)
        ):
            return
        self.last = now
        filled = 30 * done // max(total, 1)
        bar = "#" * filled + "." * (30 - filled)
        self.stream.write(f"\r{stage:<16}[{bar}] {done:,}/{total:,}  ")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 72 + "\r")
            self.stream.flush()


@app.command()
@guarded
def grade(
    bank: Annotated[
        str,
        typer.Argument(
            metavar="BANK", help="The bank: a .yaml file or a bank id.", show_default=False
        ),
    ],
    sheets: Annotated[
        list[Path],
        typer.Argument(
            metavar="SHEET",
            help="Answer sheets (.yaml, .csv) or folders of them.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help="Folder for gradebook.csv, results.yaml, review.yaml, items.csv.",
            show_default=False,
        ),
    ],
    overrides: Annotated[
        Path | None,
        typer.Option(help="A review.yaml with your decisions filled in: grade again with them."),
    ] = None,
    learn: Annotated[
        bool,
        typer.Option(help="With --overrides: add each accepted answer to the bank as a variant."),
    ] = False,
    delimiter: Annotated[
        str,
        typer.Option(
            help="Separator of the CSV files written: ',', ';' (French spreadsheets: "
            "decimal comma too) or 'tab'."
        ),
    ] = ",",
    pass_mark: Annotated[
        str | None, typer.Option(help="Pass mark as 50, 50% or 10/20: adds a 'passed' column.")
    ] = None,
) -> None:
    """Grade a class's answer sheets: gradebook, results, review queue and item statistics."""
    from factquiz.batch import grade_to_folder, parse_pass_mark
    from factquiz.errors import UsageError

    if delimiter not in DELIMITERS:
        raise UsageError(f"--delimiter {delimiter!r} is not one of , ; tab")
    if learn and overrides is None:
        raise UsageError(
            "--learn needs --overrides", hint="fill in review.yaml, then pass it with --overrides"
        )
    mark = parse_pass_mark(pass_mark) if pass_mark is not None else None
    bar = ProgressBar()
    try:
        run = grade_to_folder(
            bank,
            sheets,
            output,
            overrides=overrides,
            learn=learn,
            delimiter=DELIMITERS[delimiter],
            pass_mark=mark,
            progress=bar,
        )
    finally:
        bar.close()
    show_summary(run, output)


def show_summary(run: Any, output: Path) -> None:
    """The class's spread, a histogram, the items to look at, and every problem found."""
    from factquiz.cli import ui

    out = ui.console()
    g = run.grading
    s = run.spread
    out.print(
        ui.untrusted(
            f"Graded {s.students} student{'s' * (s.students != 1)} on {len(g.items)} item"
            f"{'s' * (len(g.items) != 1)} of bank {g.bank.id} -> {output}"
        )
    )
    out.print(
        ui.untrusted(
            f"Class: mean {s.mean:.1f} %, median {s.median:.1f} %, standard deviation {s.sd:.1f} %"
        )
    )
    if run.pass_mark is not None:
        passed = run.passed()
        out.print(ui.untrusted(f"Pass mark {run.pass_mark:g} %: {passed} of {s.students} passed"))
    out.print(histogram(s.histogram))
    _item_tables(out, run)
    _review_and_learn(out, run, output)
    _problems(out, run.problems)


def histogram(bins: tuple[int, ...]) -> str:
    """Text bars, one per 10-point band of scores."""
    top = max(bins) or 1
    lines = ["Scores"]
    for k, n in enumerate(bins):
        bar = "#" * round(HISTOGRAM_WIDTH * n / top)
        lines.append(f"  {10 * k:>3}-{10 * k + 10:<3} % | {bar + ' ' if bar else ''}{n}")
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _item_tables(out: Any, run: Any) -> None:
    from factquiz.analysis import hardest, least_discriminating
    from factquiz.cli import ui

    prompts = {it.id: it.prompt for it in run.grading.items}
    t = ui.table("item", "facility %", "prompt", title="Hardest items")
    for st in hardest(run.items):
        t.add_row(*ui.cells(st.item_id, _pct(st.facility), prompts[st.item_id]))
    out.print(t)
    t = ui.table(
        "item", "discrimination %", "efficiency %", "flags", title="Least discriminating items"
    )
    for st in least_discriminating(run.items):
        t.add_row(
            *ui.cells(st.item_id, _pct(st.discrimination), _pct(st.efficiency), ", ".join(st.flags))
        )
    out.print(t)


def _review_and_learn(out: Any, run: Any, output: Path) -> None:
    from factquiz.cli import ui

    groups, answers = run.to_review()
    if groups:
        out.print(
            ui.untrusted(
                f"To review: {answers} answer{'s' * (answers != 1)} in {groups} group"
                f"{'s' * (groups != 1)}. Decide them in {output / 'review.yaml'}, "
                "then run again with --overrides."
            )
        )
    else:
        out.print(ui.untrusted("Nothing left to review."))
    if run.learnt is not None:
        n = len(run.learnt.added)
        out.print(ui.untrusted(f"Learnt {n} variant{'s' * (n != 1)} into the bank."))


def _problems(out: Any, problems: list[Any]) -> None:
    from factquiz.cli import ui

    if not problems:
        return
    out.print(ui.untrusted(f"Problems found ({len(problems)}):"))
    for p in problems[:SHOWN_PROBLEMS]:
        out.print(ui.untrusted(f"  {p}"))
    if len(problems) > SHOWN_PROBLEMS:
        out.print(
            ui.untrusted(
                f"  ... and {len(problems) - SHOWN_PROBLEMS} more, all listed in results.yaml"
            )
        )
