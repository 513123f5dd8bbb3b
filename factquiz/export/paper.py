"""A test on paper: a quiz sheet and a separate answer key, in Markdown or in HTML.

`-o quiz.md` writes the sheet to quiz.md and the key, with each answer's evidence, to
quiz-answers.md beside it (the same with .html, for printing from a browser). Bank text is
escaped so that a `*`, `#`, `[` or `<` in a prompt prints as itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from factquiz.bank import VERDICTS, Bank, Item
from factquiz.export import ExportOptions, ExportResult
from factquiz.export.wording import Wording, source_label, wording_for

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
BLANK = "_" * 40
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not str.split(): no-break spaces stay


def md_escape(text: str) -> str:
    """Bank text as Markdown inline text that renders exactly as written, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


def answer_key_path(sheet: Path) -> Path:
    """quiz.md -> quiz-answers.md (and quiz.html -> quiz-answers.html)."""
    return sheet.with_name(f"{sheet.stem}-answers{sheet.suffix}")


def _choices(item: Item, words: Wording) -> list[str]:
    if item.type == "claim":
        return [words.verdicts[v] for v in VERDICTS]
    return list(item.choices)


def _instruction(item: Item, words: Wording) -> str | None:
    if item.type == "claim":
        return words.claim_instruction
    if item.type == "choice":
        many = item.require == "all" and len(item.answers) > 1
        return words.all_instruction if many else words.choice_instruction
    return None


def _key_lines(item: Item, bank: Bank, words: Wording) -> list[tuple[str, str]]:
    """(label, text) pairs of an item's entry in the answer key."""
    if item.type == "claim":
        lines = [(words.answer, words.verdicts.get(item.verdict or "", ""))]
    else:
        lines = [(words.answer, " ; ".join(a[0] for a in item.answers))]
    others = [v for a in item.answers for v in a[1:]]
    if others:
        lines.append((words.accepted, ", ".join(others)))
    if item.reject:
        lines.append((words.never_accepted, ", ".join(item.reject)))
    if item.evidence:
        ev = item.evidence
        lines.append((words.evidence, f"« {ev.quote} »"))
        lines.append((words.source, source_label(bank.source(ev.source), ev.source)))
    if item.explanation:
        lines.append((words.explanation, item.explanation))
    return lines


# --- Markdown ---------------------------------------------------------------------------------


def markdown_sheet(bank: Bank) -> str:
    """The quiz sheet: numbered questions, boxes to tick, lines to write on."""
    words = wording_for(bank.language)
    out = [f"# {md_escape(bank.title)}", "", words.name_line, ""]
    for n, item in enumerate(bank.items, start=1):
        out += [f"**{n}.** {md_escape(item.prompt)}", ""]
        instruction = _instruction(item, words)
        if instruction:
            out += [f"*{md_escape(instruction)}*", ""]
            out += [f"- [ ] {md_escape(c)}" for c in _choices(item, words)] + [""]
        else:
            out += [f"{md_escape(words.label(words.answer))} {BLANK}", ""]
    return "\n".join(out)


def markdown_key(bank: Bank) -> str:
    """The answer key: each question's answer, variants, evidence and explanation."""
    words = wording_for(bank.language)
    out = [f"# {md_escape(words.label(words.answer_key))} {md_escape(bank.title)}", ""]
    for n, item in enumerate(bank.items, start=1):
        out += [f"**{n}.** {md_escape(item.prompt)}", ""]
        out += [
            f"- **{md_escape(words.label(label))}** {md_escape(text)}"
            for label, text in _key_lines(item, bank, words)
        ]
        out.append("")
    return "\n".join(out)


# --- HTML -------------------------------------------------------------------------------------

CSS = """body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.4; }
h1 { font-size: 1.5em; } .name { margin-bottom: 2em; }
ol.questions > li { margin-bottom: 1.4em; break-inside: avoid; page-break-inside: avoid; }
ul.choices { list-style: none; padding-left: 1em; } ul.choices li::before { content: "\\2610  "; }
.instruction { font-style: italic; font-size: .9em; } .blank { margin-top: 1.2em; }
dl { margin: .3em 0 0 0; } dt { font-weight: bold; float: left; margin-right: .4em; }
dd { margin: 0 0 .2em 0; }
@media print { body { margin: 0; max-width: none; } }"""


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def _page(bank: Bank, title: str, body: list[str]) -> str:
    lang = html.escape(bank.language, quote=True)
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        f"<title>{_h(title)}</title>", f"<style>\n{CSS}\n</style>", "</head>", "<body>",
        f"<h1>{_h(title)}</h1>", *body, "</body>", "</html>", "",
    ])  # fmt: skip


def html_sheet(bank: Bank) -> str:
    """The quiz sheet as a printable HTML page."""
    words = wording_for(bank.language)
    body = [f'<p class="name">{_h(words.name_line)}</p>', '<ol class="questions">']
    for item in bank.items:
        body.append(f'<li><p class="prompt">{_h(item.prompt)}</p>')
        instruction = _instruction(item, words)
        if instruction:
            body.append(f'<p class="instruction">{_h(instruction)}</p><ul class="choices">')
            body += [f"<li>{_h(c)}</li>" for c in _choices(item, words)]
            body.append("</ul>")
        else:
            body.append(f'<p class="blank">{_h(words.label(words.answer))} {BLANK}</p>')
        body.append("</li>")
    body.append("</ol>")
    return _page(bank, bank.title, body)


def html_key(bank: Bank) -> str:
    """The answer key as a printable HTML page."""
    words = wording_for(bank.language)
    body = ['<ol class="questions">']
    for item in bank.items:
        body.append(f'<li><p class="prompt">{_h(item.prompt)}</p><dl>')
        for label, text in _key_lines(item, bank, words):
            body.append(f"<dt>{_h(words.label(label))}</dt><dd>{_h(text)}</dd>")
        body.append("</dl></li>")
    body.append("</ol>")
    return _page(bank, f"{words.label(words.answer_key)} {bank.title}", body)


# --- files ------------------------------------------------------------------------------------


def _write_pair(path: Path, sheet: str, key: str, items: int) -> ExportResult:
    from factquiz.yamlio import write_text_atomic

    key_path = answer_key_path(path)
    write_text_atomic(path, sheet)
    write_text_atomic(key_path, key)
    return ExportResult((path, key_path), (), items)


def export_markdown(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the Markdown sheet and, beside it, its answer key."""
    return _write_pair(path, markdown_sheet(bank), markdown_key(bank), len(bank.items))


def export_html(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the HTML sheet and, beside it, its answer key."""
    return _write_pair(path, html_sheet(bank), html_key(bank), len(bank.items))
