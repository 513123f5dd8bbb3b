"""What `play`, `review` and `stats` show: rich renderables built from core values.

Every piece of text that factquiz did not write (bank text, answers, grader reasons that
quote them, file names) goes through `ui.untrusted`, so markup and control sequences in it
are shown, never obeyed. `plain` is for output that is not a terminal: styles vanish
there, so the answer inside a quote is marked with `**` instead of bold.
"""

from __future__ import annotations

import sys
from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factquiz.bank import Bank, Item
from factquiz.cli.ui import untrusted
from factquiz.messages import Messages
from factquiz.progress import Accuracy, AccuracyRow, Progress
from factquiz.session import Attempt, Hint, Summary
from factquiz.text import find_folded, fold_basic

OUTCOME_STYLE = {
    "correct": "bold green",
    "review": "bold yellow",
    "wrong": "bold red",
    "skipped": "bold",
}
OUTCOME_MARK = {"correct": "✓", "review": "~", "wrong": "✗", "skipped": "→"}
CLAIM_VERDICTS = ("supported", "refuted", "not_in_sources")
BAR_WIDTH = 20


def console(plain: bool) -> Console:
    """The quiz's console: `ui.console()`, but plain (no colour, no control code) when asked,
    and wrapping long lines inside panels rather than cutting them off."""
    from factquiz.cli import ui

    if not plain:
        out = ui.console()
        out.soft_wrap = False
        return out
    return Console(
        file=sys.stdout, force_terminal=False, no_color=True, color_system=None,
        highlight=False, emoji=False, markup=False, soft_wrap=False,
    )  # fmt: skip


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A progress bar drawn with block characters, readable with or without colour."""
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def header(bank: Bank, k: int, n: int, score: tuple[float, float], msg: Messages) -> Text:
    """Bank title, then `Question k/N`, a progress bar and the score so far."""
    earned, possible = score
    line = Text()
    line.append_text(untrusted(bank.title, "bold"))
    line.append("\n")
    line.append(msg("question_of", k=k, n=n), "bold")
    line.append("  ")
    line.append(bar(k - 1, n), "cyan")
    line.append("  ")
    line.append(msg("score_so_far", earned=msg.number(earned), possible=msg.number(possible)))
    return line


def question(item: Item, msg: Messages) -> Group:
    """The prompt, then the numbered choices or verdicts, then what to type."""
    parts: list[RenderableType] = [untrusted(item.prompt, "bold")]
    if item.type == "choice":
        options = list(item.choices)
    elif item.type == "claim":
        options = [msg(f"verdict.{v}") for v in CLAIM_VERDICTS]
    else:
        options = []
    for i, option in enumerate(options, 1):
        parts.append(Text(f"  {i}. ").append_text(untrusted(option)))
    parts.append(Text(msg("type_" + item.type), style="dim"))
    parts.append(Text(msg("help"), style="dim"))
    return Group(*parts)


def expected_text(item: Item, msg: Messages) -> str:
    """The right answer as the student should see it (number and text for a choice)."""
    if item.type == "claim":
        number = CLAIM_VERDICTS.index(item.verdict) + 1 if item.verdict in CLAIM_VERDICTS else 0
        return f"{number}. {msg('verdict.' + (item.verdict or ''))}" if number else item.expected
    if item.type == "choice":
        right = [a[0] for a in item.answers if a]
        return " ; ".join(
            f"{item.choices.index(r) + 1}. {r}" if r in item.choices else r for r in right
        )
    return item.expected


def highlighted_quote(item: Item, matched: str | None, msg: Messages, plain: bool) -> Text:
    """The evidence quote in quote marks, with the answer inside it highlighted."""
    assert item.evidence is not None
    quote = item.evidence.quote
    span = None
    for candidate in [matched or "", *(v for a in item.answers for v in a)]:
        span = find_folded(quote, candidate) if candidate else None
        if span:
            break
    text = Text(msg("q_open"))
    if span is None:
        text.append_text(untrusted(quote, "italic"))
    else:
        start, end = span
        mark = "**" if plain else ""
        text.append_text(untrusted(quote[:start], "italic"))
        text.append_text(untrusted(f"{mark}{quote[start:end]}{mark}", "bold underline"))
        text.append_text(untrusted(quote[end:], "italic"))
    text.append(msg("q_close"))
    return text


def describe_source(bank: Bank, source_id: str, msg: Messages) -> str | None:
    """`outlet, "title"` of a source, or None when the bank says neither."""
    src = bank.source(source_id)
    if src is None:
        return None
    parts = [src.outlet] if src.outlet else []
    if src.title:
        parts.append(f"{msg('q_open')}{src.title}{msg('q_close')}")
    return ", ".join(parts) or None


def source_line(bank: Bank, item: Item, msg: Messages) -> Text:
    """`Source: outlet, "title"` for the item's evidence."""
    assert item.evidence is not None
    described = describe_source(bank, item.evidence.source, msg) or item.evidence.source
    return untrusted(msg("source", source=described), "dim")


def feedback(bank: Bank, attempt: Attempt, msg: Messages, plain: bool) -> Panel:
    """After an answer: verdict and reason, expected answer, evidence, explanation."""
    item = attempt.item
    style = OUTCOME_STYLE[attempt.outcome]
    lines: list[RenderableType] = []
    if attempt.reason:
        lines.append(untrusted(attempt.reason))
    lines.append(
        Text(msg("expected", answer="")).append_text(untrusted(expected_text(item, msg), "bold"))
    )
    if attempt.hinted:
        lines.append(Text(msg("hint_used"), style="dim"))
    if attempt.outcome == "review" and not attempt.retry:
        lines.append(Text(msg("comes_back"), style="yellow"))
    if item.evidence is not None:
        lines.append(Text())
        lines.append(highlighted_quote(item, attempt.matched, msg, plain))
        lines.append(source_line(bank, item, msg))
    if item.explanation and not repeats_quote(item):
        lines.append(Text())
        lines.append(untrusted(item.explanation))
    title = Text(f"{OUTCOME_MARK[attempt.outcome]} {msg('outcome.' + attempt.outcome)}", style)
    return Panel(Group(*lines), title=title, title_align="left", border_style=style.split()[-1])


_ACCORDING = ("d apres l article", "according to the article", "selon l article")


def repeats_quote(item: Item) -> bool:
    """An explanation that only quotes the evidence again ("D'après l'article : « ... »", as
    generated banks write it for exports without evidence) adds nothing under the quote."""
    if item.evidence is None or not item.explanation:
        return False
    said = fold_basic(item.explanation.removesuffix("…").removesuffix("… »"))
    for lead in _ACCORDING:
        said = said.removeprefix(lead).strip()
    return bool(said) and said in fold_basic(item.evidence.quote)


def hint(bank: Bank, h: Hint, msg: Messages) -> Text:
    """A hint, phrased for its kind."""
    if h.kind == "choices":
        return untrusted(msg("hint.choices", text=" / ".join(h.choices)), "yellow")
    if h.kind == "source":
        described = describe_source(bank, h.text, msg)
        if described is None:
            return Text(msg("hint.source_unknown"), style="yellow")
        return untrusted(msg("hint.source", text=described), "yellow")
    return untrusted(msg(f"hint.{h.kind}", text=h.text), "yellow")


def percent(msg: Messages, earned: float, possible: float) -> str:
    """`75 %` in French, `75%` in English."""
    return msg("percent", p=round(100 * earned / possible) if possible else 0)


def summary(s: Summary, msg: Messages) -> Group:
    """The end of a session: table by skill, time, score and the items missed."""
    t = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    for col in ("col.skill", "col.asked", "col.correct", "col.score"):
        t.add_column(msg(col), justify="left" if col == "col.skill" else "right")
    for line in s.by_skill:
        t.add_row(
            untrusted(msg.skill(line.skill)),
            str(line.asked),
            str(line.correct),
            percent(msg, line.earned, line.possible),
        )
    score = msg(
        "final_score",
        earned=msg.number(s.earned),
        possible=msg.number(s.possible),
        percent=round(s.percent),
    )
    parts: list[RenderableType] = [
        Text(msg("summary"), style="bold underline"),
        t,
        Text(),
        Text(msg("time_taken", time=msg.duration(s.seconds))),
        Text(score, style="bold"),
        Text(),
    ]
    parts.extend(missed_list(s, msg))
    parts.append(Text())
    return Group(*parts)


def missed_list(s: Summary, msg: Messages) -> list[RenderableType]:
    """Each item missed, with its answer."""
    if not s.missed:
        return [Text(msg("no_missed"), style="green")]
    # A grid keeps a long prompt's second line under its first, not under the bullet.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for a in s.missed:
        grid.add_row("•", untrusted(a.item.prompt))
        grid.add_row("", Text("→ ").append_text(untrusted(expected_text(a.item, msg), "bold")))
    return [Text(msg("missed"), style="bold"), grid]


# --- stats -----------------------------------------------------------------------------------


def _cell(msg: Messages, acc: Accuracy | None) -> str:
    if acc is None:
        return "-"
    return f"{msg('percent', p=round(acc.percent))} ({acc.answers})"


def accuracy_table(rows: tuple[AccuracyRow, ...], first: str, p: Progress, msg: Messages) -> Table:
    """Accuracy per row label, one column per week, then overall."""
    t = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    t.add_column(first)
    for period in p.periods:
        t.add_column(period, justify="right")
    t.add_column(msg("col.all"), justify="right")
    for row in rows:
        label = msg.skill(row.label) if first == msg("col.skill") else row.label
        cells = [_cell(msg, acc) for acc in row.by_period]
        t.add_row(untrusted(label), *cells, _cell(msg, row.overall))
    return t


def trend_chart(p: Progress, msg: Messages) -> Table:
    """One bar per session, oldest first: date, bank, score."""
    t = Table(show_edge=False, show_header=False, pad_edge=False, box=None)
    for justify in ("left", "left", "left", "right", "left"):
        t.add_column(justify=justify)
    for s in p.trend:
        when = _local(s.started)
        marks = []
        if s.mode == "review":
            marks.append(msg("review_mark"))
        if s.status != "complete":
            marks.append(msg("interrupted_mark"))
        t.add_row(
            untrusted(when),
            untrusted(s.bank),
            Text(bar(round(s.percent), 100), style="cyan"),
            msg("percent", p=round(s.percent)),
            Text(", ".join(marks), style="dim"),
        )
    return t


def _local(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp).astimezone():%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp


def missed_table(p: Progress, msg: Messages) -> Table:
    """The items most often missed, with the expected answer."""
    t = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    for col in ("col.item", "col.missed", "col.expected"):
        t.add_column(msg(col))
    for m in p.most_missed:
        expected = m.expected or ""
        if m.type == "claim" and expected in CLAIM_VERDICTS:
            expected = msg("verdict." + expected)
        t.add_row(untrusted(f"{m.bank}/{m.item}"), f"{m.missed}/{m.asked}", untrusted(expected))
    return t


def stats(p: Progress, msg: Messages, name: str) -> Group:
    """Everything `factquiz stats` shows for one student."""
    parts: list[RenderableType] = [untrusted(msg("stats_title", name=name), "bold underline")]
    sections = [
        (msg("by_bank"), accuracy_table(p.by_bank, msg("col.bank"), p, msg)),
        (msg("by_skill"), accuracy_table(p.by_skill, msg("col.skill"), p, msg)),
        (msg("trend"), trend_chart(p, msg)),
    ]
    if p.most_missed:
        sections.append((msg("most_missed"), missed_table(p, msg)))
    for title, table in sections:
        parts.extend([Text(), Text(title, style="bold"), table])
    return Group(*parts)
