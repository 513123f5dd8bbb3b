"""Moodle GIFT: writing a bank as GIFT text, and reading a teacher's GIFT file back.

GIFT reserves `~ = # { } :`; each is written `\\~`, and a backslash `\\\\`, a line break `\\n`
(as Moodle's own GIFT export does). Texts are `[html]`, so `<` and `&` are HTML-escaped
first. The reader follows Moodle's parser: blank lines separate questions, `//` lines are
comments (which carry `[id:...]` and `[tag:...]`), the answer block decides the type.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from factquiz.bank import Bank
from factquiz.errors import Location
from factquiz.export import ExportNote, ExportOptions, ExportResult
from factquiz.export.moodle_model import (
    TEXT_FORMATS,
    Formatted,
    MoodleAnswer,
    MoodleQuestion,
    format_fraction,
    item_to_question,
)

_HINT_COMMENT = "// hint:"
_ESCAPES = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}


def gift_escape(text: str) -> str:
    """Text safe anywhere in GIFT: reserved characters and line breaks escaped."""
    out = "".join(_ESCAPES.get(c, c) for c in text)
    return out.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _html(text: Formatted) -> str:
    # A text starting with '[' would be read as a format prefix such as [plain].
    body = "&#91;" + text.text[1:] if text.text.startswith("[") else text.text
    return gift_escape(body)


def _answer_line(q: MoodleQuestion, a: MoodleAnswer) -> str:
    # Every answer carries its weight, so a text that starts with %50% is never read as one.
    mark = "=" if q.qtype == "shortanswer" else "~"
    body = gift_escape(a.text.text) if a.text.format == "plain" else _html(a.text)
    feedback = f"#{_html(a.feedback)}" if a.feedback else ""
    return f"\t{mark}%{format_fraction(a.fraction)}%{body}{feedback}"


def question_to_gift(q: MoodleQuestion) -> str:
    """One question in GIFT, with its comment line of id, tags and points."""
    marks = [f"[id:{q.idnumber}]"] if q.idnumber else []
    marks += [f"[tag:{t}]" for t in q.tags if "]" not in t and "\n" not in t]
    if q.default_grade != 1:
        marks.append(f"[points:{format_fraction(q.default_grade)}]")
    lines = [f"// {' '.join(marks)}"] if marks else []
    # GIFT has no hints: factquiz keeps them in a comment line, which Moodle ignores.
    lines += [f"{_HINT_COMMENT} {_html(hint)}" for hint in q.hints]
    lines.append(f"::{gift_escape(q.name)}::[html]{_html(q.text)}{{")
    lines += [_answer_line(q, a) for a in q.answers]
    if q.general_feedback:
        lines.append(f"\t####{_html(q.general_feedback)}")
    lines.append("}")
    return "\n".join(lines)


def bank_to_gift(bank: Bank) -> tuple[str, list[ExportNote]]:
    """The whole bank as GIFT text, and what GIFT could not carry."""
    blocks = [f"// factquiz bank {bank.id}: {bank.title} ({bank.language})".replace("\n", " ")]
    notes: list[ExportNote] = []
    category = None
    for item in bank.items:
        q = item_to_question(item, bank)
        if q.category != category:
            category = q.category
            blocks.append(f"$CATEGORY: {category}")
        blocks.append(question_to_gift(q))
        notes += _notes(item.id, q)
    return "\n\n".join(blocks) + "\n", notes


def _notes(item_id: str, q: MoodleQuestion) -> list[ExportNote]:
    out = []
    if q.hints:
        out.append(ExportNote(item_id, "GIFT has no hints: Moodle will not show this one "
                                       "(a comment keeps it for factquiz import)"))  # fmt: skip
    if any("]" in t or "\n" in t for t in q.tags):
        out.append(ExportNote(item_id, "a tag with ']' or a line break cannot go in GIFT"))
    if q.qtype == "shortanswer" and any("->" in a.text.text for a in q.answers):
        out.append(
            ExportNote(
                item_id,
                "an answer holds '->', which Moodle's GIFT reader takes for a "
                "matching question: use --format moodle-xml",
            )  # fmt: skip
        )
    return out


def export(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the bank as a GIFT file."""
    from factquiz.yamlio import write_text_atomic

    text, notes = bank_to_gift(bank)
    write_text_atomic(path, text)
    return ExportResult((path,), tuple(notes), len(bank.items))


# --- reading ----------------------------------------------------------------------------------

# Escaped characters are swapped for private-use characters while the structure is parsed.
_HIDDEN = {c: chr(0xF0000 + i) for i, c in enumerate("\\:#={}~n")}
_SHOWN = {v: ("\n" if k == "n" else k) for k, v in _HIDDEN.items()}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_FORMAT_RE = re.compile(r"^\s*\[(" + "|".join(TEXT_FORMATS) + r")\]")
_WEIGHT_RE = re.compile(r"^%(-?[0-9]+(?:\.[0-9]*)?)%")
_TRUEFALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _hide(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _HIDDEN[m.group(1)], text)


def _show(text: str) -> str:
    return "".join(_SHOWN.get(c, c) for c in text)


def _formatted(raw: str, default: str) -> Formatted:
    m = _FORMAT_RE.match(raw)
    if m:
        return Formatted(_show(raw[m.end() :]).strip(), m.group(1))
    return Formatted(_show(raw).strip(), default)


def _blocks(text: str) -> list[tuple[int, list[str], list[str]]]:
    """(line of the question, comment lines, other lines) of each blank-line-separated block."""
    out: list[tuple[int, list[str], list[str]]] = []
    comments: list[str] = []
    lines: list[str] = []
    first = 0
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        stripped = line.strip()
        if not stripped:
            if comments or lines:
                out.append((first, comments, lines))
            comments, lines = [], []
        elif stripped.startswith("//"):
            comments.append(stripped)
        else:
            first = first if lines else number
            lines.append(line)
    return out


def read_gift(text: str, name: str) -> tuple[list[MoodleQuestion], list[tuple[Location, str]]]:
    """Every question of a GIFT file, and the blocks that are not questions at all."""
    questions: list[MoodleQuestion] = []
    problems: list[tuple[Location, str]] = []
    category: str | None = None
    for line, comments, lines in _blocks(text.lstrip("\ufeff")):
        body = _hide("\n".join(lines).strip())
        if not body:
            continue
        at = Location(name, line)
        if body.startswith("$CATEGORY:"):
            category = _show(body[len("$CATEGORY:") :]).strip()
            continue
        hints = [c[len(_HINT_COMMENT) :] for c in comments if c.startswith(_HINT_COMMENT)]
        marks = "\n".join(c for c in comments if not c.startswith(_HINT_COMMENT))
        parsed = _question(body, marks, at, category)
        if isinstance(parsed, MoodleQuestion) and hints:
            parsed = replace(parsed, hints=tuple(_formatted(_hide(h), "html") for h in hints))
        if isinstance(parsed, str):
            problems.append((at, parsed))
        else:
            questions.append(parsed)
    return questions, problems


def _question(body: str, comments: str, at: Location, category: str | None) -> MoodleQuestion | str:
    title = ""
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            return "the question title has no closing '::'"
        title, body = _show(body[2:end]).strip(), body[end + 2 :]
    start = body.find("{")
    if start < 0:
        # Moodle reads a block without {} as a description: text, not a question.
        return MoodleQuestion("description", title, _formatted(body, "moodle"), where=at)
    end = body.find("}", start)
    if end < 0:
        return "the answer block '{' has no closing '}'"
    before, after = body[:start], body[end + 1 :]
    # Text after the answers makes a "missing word" question: the blank stands in the text.
    text = _formatted(f"{before}_____{after}" if after.strip() else before, "moodle")
    answers_text = body[start + 1 : end]
    general = None
    split = answers_text.rfind("####")
    if split >= 0:
        general = _formatted(answers_text[split + 4 :], text.format)
        answers_text = answers_text[:split]
    qtype, answers, single = _answers(answers_text.strip(), text.format)
    points = re.search(r"\[points:([0-9]{1,6}(?:\.[0-9]{1,6})?)\]", comments)
    return MoodleQuestion(
        qtype=qtype,
        name=title,
        text=text,
        answers=tuple(answers),
        general_feedback=general,
        single=single,
        default_grade=float(points.group(1)) if points else 1,
        tags=tuple(t.strip() for t in re.findall(r"\[tag:(.*?)\]", comments)),
        category=category,
        idnumber=next(iter(re.findall(r"\[id:(.*?)\]", comments)), None),
        where=at,
    )


def _answers(raw: str, fmt: str) -> tuple[str, list[MoodleAnswer], bool]:
    if not raw:
        return "essay", [], True
    if raw.startswith("#"):
        return "numerical", [], True
    if "~" in raw:
        return "multichoice", *_choices(raw, fmt)
    if "=" in raw and "->" in raw:
        return "matching", [], True
    head = raw.partition("#")[0].strip().upper()
    if head in _TRUEFALSE:
        truth = _TRUEFALSE[head]
        return (
            "truefalse",
            [
                MoodleAnswer(Formatted("true", "plain"), 100 if truth else 0),
                MoodleAnswer(Formatted("false", "plain"), 0 if truth else 100),
            ],
            True,
        )
    return "shortanswer", _short_answers(raw, fmt), True


def _split_feedback(raw: str, fmt: str) -> tuple[str, Formatted | None]:
    text, sep, feedback = raw.partition("#")
    return text, (_formatted(feedback, fmt) if sep and feedback.strip() else None)


def _choices(raw: str, fmt: str) -> tuple[list[MoodleAnswer], bool]:
    out = []
    for part in raw.replace("=", "~=").split("~"):
        part = part.strip()
        if not part:
            continue
        weight = 0.0
        if part.startswith("="):
            weight, part = 100.0, part[1:]
        elif m := _WEIGHT_RE.match(part):
            weight, part = float(m.group(1)), part[m.end() :]
        text, feedback = _split_feedback(part, fmt)
        out.append(MoodleAnswer(_formatted(text, fmt), weight, feedback))
    partial = [a for a in out if 0 < a.fraction < 100]
    return out, len(partial) < 2


def _short_answers(raw: str, fmt: str) -> list[MoodleAnswer]:
    out = []
    for part in raw.split("="):
        part = part.strip()
        if not part:
            continue
        weight = 100.0
        if m := _WEIGHT_RE.match(part):
            weight, part = float(m.group(1)), part[m.end() :]
        text, feedback = _split_feedback(part, fmt)
        plain = _formatted(text, "plain")
        out.append(MoodleAnswer(Formatted(plain.text, "plain"), weight, feedback))
    return out
