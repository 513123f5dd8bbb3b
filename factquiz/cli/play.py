"""`factquiz play`, `factquiz review` and `factquiz stats`: the student's side.

Only typer and the standard library at the top: everything else is imported inside the
commands, so `factquiz --help` stays fast.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factquiz.cli import app
from factquiz.cli.guard import guarded

if TYPE_CHECKING:
    from factquiz.bank import Bank, Item
    from factquiz.messages import Messages
    from factquiz.session import Session, Summary
    from factquiz.store import Journal

StudentOpt = Annotated[
    str | None,
    typer.Option(
        "--student",
        metavar="NAME",
        help="Student name (else FACTQUIZ_STUDENT, else the remembered one).",
    ),
]
ScoresOpt = Annotated[
    Path | None,
    typer.Option(
        "--scores", metavar="DIR", help="Folder of score files, e.g. a shared classroom folder."
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang", metavar="fr|en", help="Language of the screen: fr or en (default: the bank's)."
    ),
]
CountOpt = Annotated[
    int | None, typer.Option("-n", metavar="N", help="Ask at most N questions (0: all of them).")
]
PLAY_COUNT = 10  # a session a student finishes: about five minutes


class Terminal:
    """Where a quiz reads answers and prints screens: a terminal, or a pipe for scripts."""

    def __init__(self) -> None:
        from factquiz.cli import screens

        self.interactive = sys.stdin.isatty()
        # Scripted use (answers piped in) prints plain text even to a terminal.
        self.out = screens.console(plain=not self.interactive)
        # Styles vanish when output is not a terminal, so highlights need visible marks.
        self.plain = not self.out.is_terminal
        if self.interactive:
            import contextlib

            with contextlib.suppress(ImportError):  # Windows has no readline
                import readline  # noqa: F401  (line editing and history for input())

    def print(self, *renderables: Any) -> None:
        self.out.print(*renderables)

    def print_whole(self, line: str) -> None:
        """One untrusted line never wrapped nor cropped: a file's path stays whole to copy."""
        from factquiz.cli.ui import untrusted

        self.out.print(untrusted(line), soft_wrap=True, crop=False)

    def read(self, prompt: str) -> str:
        """One line of input; EOFError at the end of input or on Ctrl-D."""
        if self.interactive:
            return input(prompt)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        answer = line.rstrip("\r\n")
        # Piped answers are not echoed by a terminal: show them, so a transcript reads well.
        from factquiz.cli.ui import untrusted

        self.print(untrusted(prompt + answer))
        return answer


class LazyGrader:
    """The grader, imported on first use (or ahead of it by `warm_up`)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self._grade: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._grade is None:
                from factquiz import grading

                language = (self.bank.language or "fr").split("-")[0].lower()
                entities = grading.bank_entities(self.bank)

                def grade(response: str, item: Item) -> Any:
                    return grading.grade_item(response, item, language=language, entities=entities)

                self._grade = grade
            return self._grade

    def __call__(self, response: str, item: Item) -> Any:
        return self._load()(response, item)


def warm_up(grader: LazyGrader, journal: Journal) -> None:
    """Load the grader and read the score file while the student reads the first question.

    Keeps both off the path to the first screen; any error is left for the main thread,
    which meets it again when it grades or writes.
    """

    def work() -> None:
        try:
            grader._load()
            journal.prepare()
            import filelock  # noqa: F401  (first needed by the first write)
        except Exception:  # noqa: BLE001, S110
            pass

    threading.Thread(target=work, daemon=True).start()


def student_name(option: str | None, term: Terminal, msg: Messages) -> str:
    """--student, else FACTQUIZ_STUDENT, else the remembered name, else ask once and keep it."""
    from factquiz.errors import UsageError
    from factquiz.store import remember_student, remembered_student, student_id

    name = option or os.environ.get("FACTQUIZ_STUDENT") or remembered_student()
    if name:
        student_id(name)  # refuse a name that cannot be a file before any question
        return name
    if not term.interactive:
        raise UsageError(msg("need_name"))
    name = ""
    while not name:
        name = term.read(msg("ask_name")).strip()
    student_id(name)
    remember_student(name)
    from factquiz.cli.ui import untrusted

    term.print(untrusted(msg("name_kept", name=name)))
    return name


def session_header(bank: Bank, mode: str, lang: str) -> dict[str, Any]:
    """What a journal records about a session before its answers."""
    return {
        "mode": mode,
        "bank": bank.id,
        "bank_title": bank.title,
        "bank_file": str(bank.path.resolve()) if bank.path else None,
        "language": lang,
    }


def run_session(
    term: Terminal, bank: Bank, items: tuple[Item, ...], journal: Journal, msg: Messages
) -> Summary:
    """Ask every item, journal each answer, show the summary; Ctrl-C saves and exits 130."""
    from factquiz.cli import screens
    from factquiz.session import Session

    grader = LazyGrader(bank)
    session = Session(items, grader)
    try:
        while (item := session.current) is not None:
            term.print(screens.header(bank, session.position, session.total, session.score(), msg))
            term.print(screens.question(item, msg))
            if not session.attempts:
                warm_up(grader, journal)
            if not ask(term, session, bank, journal, msg):
                break
    except KeyboardInterrupt:
        session.stop()
        journal.finish("interrupted")
        term.print()
        term.print(screens.untrusted(msg("interrupted")))
        if journal.answers:
            term.print_whole(msg("saved_to", path=journal.path))
        raise typer.Exit(130) from None
    session.stop()
    journal.finish("complete" if session.complete else "interrupted")
    summary = session.summary()
    term.print()
    if not summary.asked:
        term.print(screens.untrusted(msg("nothing_saved")))
        return summary
    term.print(screens.summary(summary, msg))
    term.print_whole(msg("saved_to", path=journal.path))
    return summary


def ask(term: Terminal, session: Session, bank: Bank, journal: Journal, msg: Messages) -> bool:
    """Read until the current item is answered or skipped; False when the student stops."""
    from factquiz.cli import screens
    from factquiz.store import answer_entry

    while True:
        try:
            command = term.read("> ").strip()
        except EOFError:
            if term.interactive:
                term.print()  # Ctrl-D does not end the line it is typed on
            return False
        if not command:
            continue
        if command == "?":
            term.print(screens.hint(bank, session.hint(), msg))
            continue
        if command.lower() == "!quit":
            return False
        skip = command.lower() == "!skip"
        if not skip and not in_range(command, session.current, bank.language):
            term.print(screens.untrusted(msg("type_" + session.current.type), "yellow"))
            continue
        attempt = session.skip() if skip else session.submit(command)
        journal.add(answer_entry(attempt, attempt.item.expected))
        term.print(screens.feedback(bank, attempt, msg, term.plain))
        term.print()
        return True


def in_range(command: str, item: Item | None, language: str = "fr") -> bool:
    """False for a slip that answers nothing, asked again rather than marked wrong.

    A number that names no choice (`4` for a claim), a claim answer that names no verdict
    (`peut-être`), or words that name none of the choices (`Peskov` among years). A number
    that is the text of a choice (`2011` among years) is an answer, and so is a choice's text
    with a typo.
    """
    if item is None or item.type == "open":
        return True
    if item.type == "claim":
        from factquiz.choice_grading import claim_verdict

        return claim_verdict(command) is not None
    if command.isdigit() and command not in item.choices:
        return 1 <= int(command) <= len(item.choices)
    from factquiz.grading import names_a_choice

    return names_a_choice(command, item.choices, language)


def check_lang(lang: str | None) -> str | None:
    """--lang must be one the catalogue has."""
    from factquiz.errors import UsageError
    from factquiz.messages import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"--lang {lang!r} is not available", hint=f"use {' or '.join(LANGUAGES)}")
    return lang


def split_types(types: str | None) -> tuple[str, ...]:
    """`open,choice` -> ('open', 'choice'), each one checked."""
    from factquiz.bank import ITEM_TYPES
    from factquiz.errors import UsageError

    out = tuple(t.strip() for t in (types or "").split(",") if t.strip())
    for t in out:
        if t not in ITEM_TYPES:
            raise UsageError(
                f"--type {t!r} is not an item type", hint=f"use {','.join(ITEM_TYPES)}"
            )
    return out


@app.command()
@guarded
def play(
    bank: Annotated[
        str | None,
        typer.Argument(
            help="Bank file or id (default: the bundled kim-russie-2023).",
            metavar="BANK",
            show_default=False,
        ),
    ] = None,
    student: StudentOpt = None,
    count: CountOpt = None,
    types: Annotated[
        str | None,
        typer.Option(
            "--type", metavar="TYPES", help="Item types, comma-separated: open,choice,claim."
        ),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="TAG", help="Only items with this tag.")
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", metavar="SKILL", help="Only items of this skill.")
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", metavar="N", help="Shuffle in a repeatable order.")
    ] = None,
    lang: LangOpt = None,
    scores: ScoresOpt = None,
) -> None:
    """Play a quiz; after each answer, see the sentence that proves it. Answers are saved as given.

    Type `?` for a hint (halves the credit), `!skip` to skip, `!quit` to save and stop.
    With stdin from a pipe, reads one answer per line and prints plain text.
    """
    from factquiz.bank import load_bank, resolve_bank
    from factquiz.messages import Messages, pick_language
    from factquiz.session import Selection, select_items
    from factquiz.store import ScoreStore, student_id

    check_lang(lang)
    count = PLAY_COUNT if count is None else (count or None)
    selection = Selection(split_types(types), tuple(tag or ()), tuple(skill or ()), count, seed)
    term = Terminal()
    the_bank = load_bank(resolve_bank(bank))
    msg = Messages(pick_language(the_bank.language, lang))
    items = select_items(the_bank, selection)
    name = student_name(student, term, msg)
    journal = ScoreStore(scores).journal(
        student_id(name), name, session_header(the_bank, "play", msg.lang)
    )
    run_session(term, the_bank, items, journal, msg)


def review_bank(card_bank: str, bank_file: str | None) -> Bank | None:
    """The bank a review card came from: the file it was played from, else by id."""
    from factquiz.bank import load_bank, resolve_bank
    from factquiz.errors import FactquizError

    for candidate in (bank_file, card_bank):
        if not candidate:
            continue
        try:
            path = Path(candidate) if candidate == bank_file else resolve_bank(candidate)
            if path.exists():
                return load_bank(path)
        except FactquizError:
            continue
    return None


@app.command()
@guarded
def review(
    bank: Annotated[
        str | None,
        typer.Argument(help="Only this bank (file or id).", metavar="BANK", show_default=False),
    ] = None,
    student: StudentOpt = None,
    count: CountOpt = None,
    later: Annotated[
        bool, typer.Option("--all", help="Also go over items not due yet, soonest first.")
    ] = False,
    lang: LangOpt = None,
    scores: ScoresOpt = None,
) -> None:
    """Go over what you got wrong or needed a hint for, when it is due (FSRS), due first."""
    from factquiz.bank import load_bank, resolve_bank
    from factquiz.cli.ui import untrusted
    from factquiz.messages import Messages, pick_language
    from factquiz.review import pick_due, review_cards
    from factquiz.store import ScoreStore, student_id

    check_lang(lang)
    term = Terminal()
    only = load_bank(resolve_bank(bank)).id if bank else None
    name = student_name(student, term, Messages(lang or "fr"))
    store = ScoreStore(scores)
    record = store.load(student_id(name))
    last_lang = next((s.language for s in reversed(record.sessions) if s.language), None)
    msg = Messages(lang or pick_language(last_lang or "fr"))
    cards = review_cards(record, only)
    if not cards:
        term.print(untrusted(msg("nothing_to_review", name=name)))
        return
    chosen = pick_due(cards, include_later=later)[:count]
    if not chosen:
        first = min(c.due for c in cards).astimezone()
        term.print(untrusted(msg("nothing_due", date=f"{first:%Y-%m-%d %H:%M}")))
        return
    for bank_id, group in group_by_bank(chosen).items():
        found = review_bank(bank_id, group[0].bank_file)
        known = {it.id for it in found.items} if found else set()
        items = tuple(found.item(c.item) for c in group if c.item in known) if found else ()
        if found is None or not items:
            term.print(untrusted(msg("bank_missing", bank=bank_id, n=len(group))))
            continue
        bank_msg = Messages(lang or pick_language(found.language))
        term.print(untrusted(bank_msg("review_title", n=len(items), bank=found.title), "bold"))
        header = session_header(found, "review", bank_msg.lang)
        run_session(term, found, items, store.journal(record.student, name, header), bank_msg)


def group_by_bank(cards: list[Any]) -> dict[str, list[Any]]:
    """Review cards by bank, banks in the order of their first (most overdue) card."""
    groups: dict[str, list[Any]] = {}
    for card in cards:
        groups.setdefault(card.bank, []).append(card)
    return groups


@app.command()
@guarded
def stats(student: StudentOpt = None, lang: LangOpt = None, scores: ScoresOpt = None) -> None:
    """A student's accuracy by bank and skill over time, score trend, items most missed."""
    from factquiz.cli import screens
    from factquiz.cli.ui import untrusted
    from factquiz.messages import Messages, pick_language
    from factquiz.progress import student_progress
    from factquiz.store import ScoreStore, student_id

    check_lang(lang)
    term = Terminal()
    name = student_name(student, term, Messages(lang or "fr"))
    record = ScoreStore(scores).load(student_id(name))
    last_lang = next((s.language for s in reversed(record.sessions) if s.language), None)
    msg = Messages(lang or pick_language(last_lang or "fr"))
    if not any(s.answers for s in record.sessions):
        term.print(untrusted(msg("no_scores", name=name)))
        return
    term.print(screens.stats(student_progress(record), msg, name))
