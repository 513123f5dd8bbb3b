"""Moodle's question model, and how a factquiz item maps to it and back.

GIFT and Moodle XML are two spellings of the same questions, so both writers and both readers
go through `MoodleQuestion`. The mapping, chosen so that an export imports back to the same
items:
- open -> shortanswer. Every variant is an answer of its own (Moodle matches exactly); a
  variant's feedback is its answer's preferred form, which is how the import regroups them.
  `require: all` gives each answer an equal share of the mark; `reject` gives 0% answers.
- choice -> multichoice: one right answer, or several right ones (`require: any`), or shares
  with -100% for the wrong ones (`require: all`, checkboxes).
- claim -> multichoice with the three verdicts, in the bank's language.
- explanation and evidence -> general feedback, as marked HTML; skill and difficulty -> tags
  `skill:who`, `difficulty:2`; points -> default mark; hint -> hint.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factquiz.bank import VERDICTS, Bank, Item
from factquiz.errors import Location
from factquiz.export.wording import source_label, wording_for

TEXT_FORMATS = ("html", "moodle", "plain", "markdown")
SUPPORTED_TYPES = ("shortanswer", "multichoice", "truefalse")
EXPLANATION_CLASS = "factquiz-explanation"
EVIDENCE_CLASS = "factquiz-evidence"
QUOTE_CLASS = "factquiz-quote"
_WILDCARD = re.compile(r"(?<!\\)\*")


@dataclass(frozen=True)
class Formatted:
    """A Moodle text field: its content and how Moodle reads it (html, moodle, plain...)."""

    text: str
    format: str = "html"

    def plain(self) -> str:
        """The text a reader sees, without markup."""
        if self.format == "html":
            return html_to_text(self.text)
        if self.format == "moodle":
            return html_to_text(self.text.replace("\n", "<br>"))
        return self.text.strip()


@dataclass(frozen=True)
class MoodleAnswer:
    """One answer of a question; `fraction` is the share of the mark in percent."""

    text: Formatted
    fraction: float
    feedback: Formatted | None = None


@dataclass(frozen=True)
class MoodleQuestion:
    """One question as Moodle stores it, whatever file it came from or goes to."""

    qtype: str
    name: str
    text: Formatted
    answers: tuple[MoodleAnswer, ...] = ()
    general_feedback: Formatted | None = None
    single: bool = True
    shuffle: bool = True
    default_grade: float = 1
    tags: tuple[str, ...] = ()
    hints: tuple[Formatted, ...] = ()
    category: str | None = None
    idnumber: str | None = None
    where: Location | None = field(default=None, compare=False)


# --- text -------------------------------------------------------------------------------------


def to_html(text: str) -> str:
    """Bank text as HTML that displays exactly that text."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def format_fraction(percent: float) -> str:
    """A fraction as Moodle lists its grades: 100, 50, 33.33333, -100."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def escape_wildcards(answer: str) -> str:
    """Moodle short answers read `*` as a wildcard; `\\*` is a literal star."""
    return answer.replace("*", "\\*")


def category_path(*names: str) -> str:
    """A Moodle category path under the course's top category, names made path-safe."""
    # '/' separates categories and GIFT's reserved characters are not unescaped in a
    # $CATEGORY line, so they become spaces: a category only organises questions.
    safe = [" ".join(re.sub(r"[/\\~=#{}:]", " ", n).split()) for n in names]
    return "$course$/top/" + "/".join(s for s in safe if s)


class _HtmlText(HTMLParser):
    """Collects the text of HTML, separately inside factquiz's marked feedback blocks."""

    _BLOCKS = {"p", "div", "li", "blockquote", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"all": [], EXPLANATION_CLASS: [], QUOTE_CLASS: []}
        self.open: list[tuple[str, str | None]] = []  # (tag, marked channel it opened)
        self.source: str | None = None
        self.marked = False  # whether factquiz's own feedback markers were seen

    def channels(self) -> list[str]:
        return ["all"] + [ch for _, ch in self.open if ch]

    def write(self, text: str) -> None:
        for ch in self.channels():
            self.parts[ch].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "br":
            self.write("\n")
            return
        if EVIDENCE_CLASS in classes and a.get("data-source"):
            self.source = a["data-source"]
        marked = next((c for c in (EXPLANATION_CLASS, QUOTE_CLASS) if c in classes), None)
        self.marked = self.marked or marked is not None
        self.open.append((tag, marked))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.write("\n")
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        self.write(re.sub(r"[ \t\n\r\f]+", " ", data))

    def text(self, channel: str = "all") -> str:
        lines = [line.strip(" ") for line in "".join(self.parts[channel]).split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, `<br>` a line break."""
    reader = _HtmlText()
    reader.feed(markup)
    reader.close()
    return reader.text()


# --- factquiz item -> Moodle question ---------------------------------------------------------


def feedback_html(item: Item, bank: Bank) -> str:
    """The general feedback: the explanation, then the evidence quote and its source."""
    parts = []
    if item.explanation:
        parts.append(f'<p class="{EXPLANATION_CLASS}">{to_html(item.explanation)}</p>')
    if item.evidence:
        ev = item.evidence
        label = source_label(bank.source(ev.source), ev.source)
        parts.append(
            f'<blockquote class="{EVIDENCE_CLASS}" data-source="{html.escape(ev.source)}">'
            f'<p class="{QUOTE_CLASS}">{to_html(ev.quote)}</p>'
            f"<footer>{to_html(label)}</footer></blockquote>"
        )
    return "".join(parts)


def feedback_parts(feedback: Formatted) -> tuple[str | None, str | None, str | None]:
    """(explanation, evidence source, evidence quote) from a general feedback.

    The inverse of `feedback_html`; a feedback factquiz did not write is all explanation.
    """
    if feedback.format not in ("html", "moodle"):
        return feedback.plain() or None, None, None
    reader = _HtmlText()
    markup = feedback.text if feedback.format == "html" else feedback.text.replace("\n", "<br>")
    reader.feed(markup)
    reader.close()
    if not reader.marked:
        return reader.text() or None, None, None
    quote = reader.text(QUOTE_CLASS) or None
    source = reader.source if quote else None
    return reader.text(EXPLANATION_CLASS) or None, source, quote if source else None


def item_tags(item: Item) -> tuple[str, ...]:
    """Moodle tags: the item's tags, then its skill and difficulty as `skill:who`..."""
    extra = [f"skill:{item.skill}"] if item.skill else []
    extra += [f"difficulty:{item.difficulty}"] if item.difficulty else []
    return (*item.tags, *extra)


def _open_answers(item: Item) -> list[MoodleAnswer]:
    share = 100 if item.require == "any" else 100 / len(item.answers)
    out = []
    for variants in item.answers:
        preferred = variants[0]
        for n, variant in enumerate(variants):
            fb = Formatted(to_html(preferred)) if n else None
            out.append(MoodleAnswer(Formatted(escape_wildcards(variant), "plain"), share, fb))
    out += [MoodleAnswer(Formatted(escape_wildcards(r), "plain"), 0) for r in item.reject]
    return out


def _choice_answers(item: Item) -> list[MoodleAnswer]:
    right = {variant for a in item.answers for variant in a}
    if item.require == "all" and len(right) > 1:
        good, bad = 100 / len(right), -100.0
    else:
        good, bad = 100.0, 0.0
    return [MoodleAnswer(Formatted(to_html(c)), good if c in right else bad) for c in item.choices]


def item_to_question(item: Item, bank: Bank) -> MoodleQuestion:
    """The Moodle question that asks `item`."""
    if item.type == "open":
        qtype, answers, single, shuffle = "shortanswer", _open_answers(item), True, False
    elif item.type == "choice":
        answers = _choice_answers(item)
        qtype, single, shuffle = "multichoice", all(a.fraction in (0, 100) for a in answers), True
    else:
        labels = wording_for(bank.language).verdicts
        answers = [
            MoodleAnswer(Formatted(to_html(labels[v])), 100 if v == item.verdict else 0)
            for v in VERDICTS
        ]
        qtype, single, shuffle = "multichoice", True, False
    feedback = feedback_html(item, bank)
    return MoodleQuestion(
        qtype=qtype,
        name=item.id,
        text=Formatted(to_html(item.prompt)),
        answers=tuple(answers),
        general_feedback=Formatted(feedback) if feedback else None,
        single=single,
        shuffle=shuffle,
        default_grade=item.points,
        tags=item_tags(item),
        hints=(Formatted(to_html(item.hint)),) if item.hint else (),
        category=category_path(bank.title, *item.tags[:1]),
        idnumber=item.id,
    )
