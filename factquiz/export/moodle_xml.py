"""Moodle XML: writing a bank as a `<quiz>` file, and reading a teacher's Moodle XML back.

Writing uses xml.etree, which escapes `<`, `&` and `]]>`; texts are HTML inside XML, so they
are HTML-escaped first. Reading uses expat directly: it gives each question's line, and any
DOCTYPE (the door to entity expansion and external entities) is refused outright.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from factquiz.bank import Bank, Item
from factquiz.errors import FactquizError, Location
from factquiz.export import ExportNote, ExportOptions, ExportResult
from factquiz.export.moodle_model import (
    TEXT_FORMATS,
    Formatted,
    MoodleAnswer,
    MoodleQuestion,
    format_fraction,
    item_to_question,
)

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _text_element(parent: ET.Element, tag: str, text: Formatted | str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if isinstance(text, Formatted):
        el.set("format", "moodle_auto_format" if text.format == "plain" else text.format)
        text = text.text
    ET.SubElement(el, "text").text = _xml_text(text)
    return el


def _category(quiz: ET.Element, path: str) -> None:
    q = ET.SubElement(quiz, "question", type="category")
    _text_element(q, "category", path)
    _text_element(q, "info", Formatted(""))


def _question(quiz: ET.Element, q: MoodleQuestion) -> None:
    el = ET.SubElement(quiz, "question", type=q.qtype)
    _text_element(el, "name", q.name)
    _text_element(el, "questiontext", q.text)
    _text_element(el, "generalfeedback", q.general_feedback or Formatted(""))
    ET.SubElement(el, "defaultgrade").text = format_fraction(q.default_grade)
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "hidden").text = "0"
    ET.SubElement(el, "idnumber").text = q.idnumber or ""
    if q.qtype == "shortanswer":
        ET.SubElement(el, "usecase").text = "0"
    else:
        ET.SubElement(el, "single").text = "true" if q.single else "false"
        ET.SubElement(el, "shuffleanswers").text = "true" if q.shuffle else "false"
        ET.SubElement(el, "answernumbering").text = "abc"
    for a in q.answers:
        answer = _text_element(el, "answer", a.text)
        answer.set("fraction", format_fraction(a.fraction))
        _text_element(answer, "feedback", a.feedback or Formatted(""))
    for hint in q.hints:
        _text_element(el, "hint", hint)
    if q.tags:
        tags = ET.SubElement(el, "tags")
        for tag in q.tags:
            _text_element(tags, "tag", tag)


def questions_to_moodle_xml(questions: list[MoodleQuestion], comment: str = "") -> str:
    """A Moodle XML document; a category marker precedes each change of category."""
    quiz = ET.Element("quiz")
    category = None
    for q in questions:
        if q.category != category and q.category:
            category = q.category
            _category(quiz, category)
        _question(quiz, q)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    head = f"<!-- {comment.replace('--', '- -')} -->\n" if comment else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}{body}\n'


def bank_to_moodle_xml(bank: Bank) -> str:
    """The whole bank as a Moodle XML document, one category per first tag."""
    questions = [item_to_question(item, bank) for item in bank.items]
    return questions_to_moodle_xml(questions, f"factquiz bank {bank.id}")


def export(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the bank as a Moodle XML file."""
    from factquiz.yamlio import write_text_atomic

    write_text_atomic(path, bank_to_moodle_xml(bank))
    omitted = [
        ExportNote(it.id, "a character XML cannot hold became U+FFFD")
        for it in bank.items
        if any(_NOT_XML.search(text) for text in _texts(it))
    ]
    return ExportResult((path,), tuple(omitted), len(bank.items))


def _texts(item: Item) -> list[str]:
    texts = [item.prompt, *item.choices, *item.reject, *(v for a in item.answers for v in a)]
    texts += [item.explanation or "", item.hint or "", *item.tags]
    return texts + ([item.evidence.quote] if item.evidence else [])


# --- reading ----------------------------------------------------------------------------------


class _Node:
    __slots__ = ("tag", "attrs", "children", "chunks", "line")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: list[_Node] = []
        self.chunks: list[str] = []

    def child(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def text(self, tag: str = "text") -> str:
        node = self.child(tag)
        return "".join(node.chunks) if node else ""

    def as_formatted(self, default: str = "html") -> Formatted:
        fmt = self.attrs.get("format", default)
        fmt = {"moodle_auto_format": "moodle", "plain_text": "plain"}.get(fmt, fmt)
        return Formatted(self.text(), fmt if fmt in TEXT_FORMATS else "html")

    def formatted(self, tag: str) -> Formatted | None:
        node = self.child(tag)
        return node.as_formatted() if node is not None else None

    def flag(self, tag: str, default: bool) -> bool:
        node = self.child(tag)
        if node is None:
            return default
        return "".join(node.chunks).strip().lower() not in ("false", "0")

    def value(self, tag: str) -> str:
        node = self.child(tag)
        return "".join(node.chunks).strip() if node is not None else ""


def parse_xml(data: bytes, name: str) -> _Node:
    """A tree of the XML document with line numbers; DOCTYPEs and entities are refused."""
    parser = expat.ParserCreate()
    stack: list[_Node] = [_Node("", {}, 0)]

    def refuse(*_: object) -> None:
        raise FactquizError(
            "the XML has a DOCTYPE, which factquiz refuses (it can expand entities)",
            where=Location(name, parser.CurrentLineNumber),
            hint="remove the <!DOCTYPE ...> line; Moodle's own exports have none",
        )

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    parser.CharacterDataHandler = lambda data: stack[-1].chunks.append(data)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise FactquizError(
            f"not well-formed XML: {expat.errors.messages[exc.code]}",
            where=Location(name, exc.lineno, exc.offset + 1),
        ) from None
    return stack[0].children[0]


def _answers(node: _Node) -> tuple[MoodleAnswer, ...]:
    out = []
    for a in node.all("answer"):
        try:
            fraction = float(a.attrs.get("fraction", "0"))
        except ValueError:
            fraction = 0.0
        text = a.as_formatted("moodle_auto_format")
        if node.attrs.get("type") in ("shortanswer", "truefalse"):
            text = Formatted(text.text, "plain")  # matched against what students type
        feedback = a.formatted("feedback")
        out.append(MoodleAnswer(text, fraction, feedback if feedback and feedback.text else None))
    return tuple(out)


def _question_from(node: _Node, name: str, category: str | None) -> MoodleQuestion:
    tags = node.child("tags")
    try:
        default_grade = float(node.value("defaultgrade") or 1)
    except ValueError:
        default_grade = 1.0
    name_node = node.child("name")
    feedback = node.formatted("generalfeedback")
    return MoodleQuestion(
        qtype=node.attrs.get("type", "?"),
        name=name_node.text().strip() if name_node else "",
        text=node.formatted("questiontext") or Formatted(""),
        answers=_answers(node),
        general_feedback=feedback if feedback and feedback.text.strip() else None,
        single=node.flag("single", True),
        default_grade=default_grade,
        tags=tuple(t.text().strip() for t in tags.all("tag")) if tags else (),
        hints=tuple(h for h in (n.as_formatted() for n in node.all("hint")) if h.text),
        category=category,
        idnumber=node.value("idnumber") or None,
        where=Location(name, node.line),
    )


def read_moodle_xml(data: bytes, name: str) -> list[MoodleQuestion]:
    """Every question of a Moodle XML file, category markers folded into each question."""
    root = parse_xml(data, name)
    if root.tag != "quiz":
        raise FactquizError(
            f"not a Moodle XML question file: the top element is <{root.tag}>, not <quiz>",
            where=Location(name, root.line),
        )
    out: list[MoodleQuestion] = []
    category: str | None = None
    for node in root.all("question"):
        if node.attrs.get("type") == "category":
            cat = node.child("category")
            category = cat.text().strip() if cat else None
            continue
        out.append(_question_from(node, name, category))
    return out
