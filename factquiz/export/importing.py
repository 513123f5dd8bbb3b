"""A teacher's Moodle questions (GIFT or Moodle XML) become a factquiz bank.

Short answers become open items (100% answers accepted, 0% answers rejected), multiple choice
becomes choice items (or claims, when the choices are the three verdicts), true/false becomes
a claim (true: supported, false: refuted). Other question types are reported with their
place in the file and skipped. The bank has no evidence unless the file is a factquiz export:
`factquiz validate` then warns about each item, as it should.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from factquiz.bank import Bank, Evidence, Item, Source
from factquiz.bank_rules import BANK_ID_RE, ITEM_ID_RE, LANG_RE
from factquiz.errors import FactquizError, Location, UsageError
from factquiz.export.moodle_model import (
    SUPPORTED_TYPES,
    MoodleQuestion,
    feedback_parts,
)
from factquiz.export.wording import verdict_from_labels

MAX_BYTES = 32 * 1024 * 1024
_WILDCARD = re.compile(r"(?<!\\)\*")
_FULL = 99.999  # a fraction at or above this is the full mark (Moodle stores 5 decimals)


@dataclass(frozen=True)
class ImportNote:
    """A question skipped, or part of one left out, and where it stands in the file."""

    where: Location
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class ImportResult:
    """The bank made from a file, and what could not come in."""

    bank: Bank
    notes: tuple[ImportNote, ...]

    @property
    def skipped(self) -> list[ImportNote]:
        return [n for n in self.notes if n.skipped]


class _Skip(Exception):
    """A question that cannot become an item; the message says why."""


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and hyphens: `Q1: Élysée` -> `q1-elysee`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def item_id_for(q: MoodleQuestion, prompt: str, taken: set[str]) -> str:
    """A unique item id: the question's name as it is when valid, else its slug."""
    name = (q.name or "").strip()
    base = name if ITEM_ID_RE.match(name) and len(name) <= 80 else slug(name)
    base = base or slug(" ".join(prompt.split()[:6])) or "question"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _number(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def _metadata(q: MoodleQuestion) -> dict:
    tags, skill, difficulty = [], None, None
    for tag in q.tags:
        if m := re.fullmatch(r"skill:(\S+)", tag):
            skill = m.group(1)
        elif m := re.fullmatch(r"difficulty:([123])", tag):
            difficulty = int(m.group(1))
        elif tag and tag not in tags:
            tags.append(tag)
    hint = q.hints[0].plain() if q.hints else None
    return {
        "skill": skill,
        "tags": tuple(tags),
        "difficulty": difficulty,
        "points": _number(q.default_grade) if q.default_grade > 0 else 1,
        "hint": hint or None,
    }


def _short_answer(q: MoodleQuestion, left_out: list[str]) -> dict:
    groups: list[tuple[float, list[str]]] = []
    rejects: list[str] = []
    for a in q.answers:
        text = a.text.plain()
        if not text:
            continue
        if _WILDCARD.search(text):
            left_out.append(f"answer {text!r} uses Moodle's * wildcard: left out")
            continue
        text = text.replace("\\*", "*")
        if a.fraction <= 0:
            rejects.append(text)
            continue
        cue = a.feedback.plain() if a.feedback else ""
        group = next((g for g in groups if cue and g[1][0] == cue and g[0] == a.fraction), None)
        if group:
            group[1].append(text)
        else:
            groups.append((a.fraction, [text]))
    full = [g for g in groups if g[0] >= _FULL]
    shares = {round(g[0], 3) for g in groups}
    if full:
        if len(full) < len(groups):
            left_out.append("answers worth part of the mark: left out")
        return {"answers": tuple(tuple(v) for _, v in full), "reject": tuple(rejects)}
    if len(groups) > 1 and len(shares) == 1 and abs(sum(g[0] for g in groups) - 100) < 0.1:
        answers = tuple(tuple(v) for _, v in groups)
        return {"answers": answers, "reject": tuple(rejects), "require": "all"}
    raise _Skip("no answer earns the full mark")


def _multichoice(q: MoodleQuestion, left_out: list[str]) -> dict:
    texts = [a.text.plain() for a in q.answers]
    if any(not t for t in texts):
        raise _Skip("a choice has no text (an image?)")
    if len(texts) < 2 or len(set(texts)) != len(texts):
        raise _Skip("a choice question needs two or more different choices")
    right = [t for t, a in zip(texts, q.answers, strict=True) if a.fraction > 0]
    full = [t for t, a in zip(texts, q.answers, strict=True) if a.fraction >= _FULL]
    verdicts = verdict_from_labels(texts)
    if verdicts and q.single and len(full) == 1 and len(right) == 1:
        return {"type": "claim", "verdict": verdicts[full[0]]}
    if q.single or len(right) == 1:
        if not full:
            raise _Skip("no choice earns the full mark")
        if len(full) < len(right):
            left_out.append("choices worth part of the mark count as wrong")
        return {"type": "choice", "choices": tuple(texts), "answers": tuple((t,) for t in full)}
    answers = tuple((t,) for t in right)
    return {"type": "choice", "choices": tuple(texts), "answers": answers, "require": "all"}


def _true_false(q: MoodleQuestion) -> dict:
    right = next((a for a in q.answers if a.fraction >= _FULL), None)
    if right is None:
        raise _Skip("neither true nor false earns the mark")
    truth = right.text.plain().lower() in ("true", "vrai", "t")
    return {"type": "claim", "verdict": "supported" if truth else "refuted"}


def question_to_item(q: MoodleQuestion, taken: set[str]) -> tuple[Item, list[str]]:
    """The item asking what `q` asks, and the parts of `q` left out; raises _Skip."""
    if q.qtype not in SUPPORTED_TYPES:
        raise _Skip(f"question type {q.qtype!r} is not supported (only short answer, "
                    "multiple choice and true/false)")  # fmt: skip
    prompt = q.text.plain()
    if not prompt:
        raise _Skip("the question has no text")
    left_out: list[str] = []
    if q.qtype == "shortanswer":
        fields = {"type": "open", **_short_answer(q, left_out)}
    elif q.qtype == "multichoice":
        fields = _multichoice(q, left_out)
    else:
        fields = _true_false(q)
    explanation = source = quote = None
    if q.general_feedback:
        explanation, source, quote = feedback_parts(q.general_feedback)
    evidence = Evidence(source, quote) if source and quote else None
    item_id = item_id_for(q, prompt, taken)
    item = Item(item_id, prompt=prompt, evidence=evidence, explanation=explanation,
                **fields, **_metadata(q))  # fmt: skip
    return item, left_out


# --- the bank ---------------------------------------------------------------------------------


def items_from_questions(questions: list[MoodleQuestion]) -> tuple[list[Item], list[ImportNote]]:
    """Items for the questions factquiz can ask, and a note for each one it cannot."""
    items: list[Item] = []
    notes: list[ImportNote] = []
    taken: set[str] = set()
    for q in questions:
        at = q.where or Location("?")
        label = f"question {q.name!r}" if q.name else "question"
        try:
            item, left_out = question_to_item(q, taken)
        except _Skip as why:
            notes.append(ImportNote(at, f"{label} skipped: {why}"))
            continue
        items.append(item)
        notes += [ImportNote(at, f"{label}: {msg}", skipped=False) for msg in left_out]
    return items, notes


def read_questions(path: Path) -> tuple[list[MoodleQuestion], list[ImportNote]]:
    """The questions of a GIFT or Moodle XML file (chosen by suffix, else by content)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FactquizError("no such file", where=Location(str(path))) from None
    except OSError as exc:
        raise FactquizError(f"cannot be read: {exc.strerror}", where=Location(str(path))) from None
    if len(data) > MAX_BYTES:
        raise FactquizError("file is larger than 32 MiB", where=Location(str(path)))
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.suffix.lower() == ".xml" or head.startswith((b"<?xml", b"<quiz")):
        from factquiz.export.moodle_xml import read_moodle_xml

        return read_moodle_xml(data, str(path)), []
    from factquiz.export.gift import read_gift
    from factquiz.yamlio import decode_utf8

    questions, problems = read_gift(decode_utf8(data, str(path)), str(path))
    return questions, [ImportNote(at, msg) for at, msg in problems]


def import_bank(
    path: Path, bank_id: str, title: str | None = None, language: str = "fr"
) -> ImportResult:
    """A bank made of the questions in `path`; titled after its top category by default."""
    if not BANK_ID_RE.match(bank_id):
        raise UsageError(f"bank id {bank_id!r} is not a slug", hint="e.g. --id mon-cours-2024")
    if not LANG_RE.match(language):
        raise UsageError(f"{language!r} is not a language tag", hint="e.g. --language fr")
    questions, notes = read_questions(path)
    items, item_notes = items_from_questions(questions)
    sources = tuple(dict.fromkeys(it.evidence.source for it in items if it.evidence))
    bank = Bank(
        id=bank_id,
        title=title or _top_category(questions) or path.stem,
        language=language,
        items=tuple(items),
        sources=tuple(Source(s) for s in sources),
    )
    ordered = sorted([*notes, *item_notes], key=lambda n: n.where.line or 0)
    return ImportResult(bank, tuple(ordered))


def _top_category(questions: list[MoodleQuestion]) -> str | None:
    for q in questions:
        if q.category:
            parts = [p for p in re.split(r"(?<!/)/(?!/)", q.category) if p]
            parts = [p for p in parts if p not in ("$course$", "$system$", "$module$", "top")]
            if parts:
                return parts[0].replace("//", "/").strip() or None
    return None
