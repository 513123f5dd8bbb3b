"""Anki: a bank as an `.apkg` deck, one note per item, made with genanki.

A note's GUID comes from the bank id and the item id, and the note type and deck ids are
fixed, so importing a newer export of the same bank updates the notes instead of adding
copies. Anki fields are HTML: every bank text is HTML-escaped.
"""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from factquiz.bank import Bank, Item
from factquiz.errors import FactquizError
from factquiz.export import ExportOptions, ExportResult
from factquiz.export.wording import Wording, source_label, wording_for

if TYPE_CHECKING:  # imported when an Anki export runs, not before
    import genanki

# Fixed for good: Anki recognises the note type by this id. Change it (and the name) only if
# the fields change, or Anki will mix old and new layouts.
MODEL_ID = 1_736_420_981
MODEL_NAME = "factquiz item"
FIELDS = ("Prompt", "Choices", "Answer", "Evidence", "Source", "Explanation", "Item")

FRONT = """<div class="prompt">{{Prompt}}</div>
{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}"""
BACK = """{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Evidence}}<blockquote class="evidence">{{Evidence}}</blockquote>{{/Evidence}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}"""
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.choices ol { padding-left: 1.5em; } .variants { font-size: 80%; color: #555; }
.evidence { font-style: italic; border-left: 3px solid #999; padding-left: .6em; }
.source, .item { font-size: 70%; color: #777; }"""


def _h(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def note_guid(bank_id: str, item_id: str) -> str:
    """The note's GUID: the same bank and item always give the same note."""
    return _genanki().guid_for("factquiz", bank_id, item_id)


def deck_id(bank_id: str) -> int:
    """A stable deck id for a bank (Anki wants a 63-bit integer)."""
    digest = hashlib.sha256(f"factquiz-deck:{bank_id}".encode()).digest()
    return int.from_bytes(digest[:7], "big") | 1 << 40


def _answer_html(item: Item, words: Wording) -> str:
    if item.type == "claim":
        return _h(words.verdicts.get(item.verdict or "", item.verdict or ""))
    lines = []
    for variants in item.answers:
        line = f"<div>{_h(variants[0])}</div>"
        if len(variants) > 1:
            others = ", ".join(variants[1:])
            line += f'<div class="variants">{_h(words.label(words.accepted))} {_h(others)}</div>'
        lines.append(line)
    return "".join(lines)


def _choices_html(item: Item, words: Wording) -> str:
    choices = item.choices if item.type == "choice" else ()
    if item.type == "claim":
        choices = tuple(words.verdicts.values())
    if not choices:
        return ""
    return '<ol type="A">' + "".join(f"<li>{_h(c)}</li>" for c in choices) + "</ol>"


def _source_html(item: Item, bank: Bank) -> str:
    if item.evidence is None:
        return ""
    source = bank.source(item.evidence.source)
    label = _h(source_label(source, item.evidence.source))
    url = source.url if source else None
    if url and url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
    return label


def note_fields(item: Item, bank: Bank) -> list[str]:
    """The note's fields, in the order of FIELDS."""
    words = wording_for(bank.language)
    return [
        _h(item.prompt),
        _choices_html(item, words),
        _answer_html(item, words),
        _h(item.evidence.quote) if item.evidence else "",
        _source_html(item, bank),
        _h(item.explanation or ""),
        _h(f"{bank.id}/{item.id}"),
    ]


def note_tags(item: Item, bank: Bank) -> list[str]:
    """Anki tags (no spaces allowed): the item's tags, `skill::who`, `factquiz::BANK`."""
    tags = ["_".join(t.split()) for t in item.tags]
    if item.skill:
        tags.append(f"skill::{'_'.join(item.skill.split())}")
    return [*tags, f"factquiz::{bank.id}"]


def _genanki() -> ModuleType:
    try:
        import genanki
    except ImportError:
        raise FactquizError(
            "the Anki export needs the genanki package", hint="pip install genanki"
        ) from None
    return genanki


def build_package(bank: Bank) -> genanki.Package:
    """The genanki package of the bank's deck."""
    genanki = _genanki()

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "factquiz", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
        sort_field_index=0,
    )
    deck = genanki.Deck(deck_id(bank.id), bank.title)
    for item in bank.items:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=note_fields(item, bank),
                tags=note_tags(item, bank),
                guid=note_guid(bank.id, item.id),
            )
        )
    return genanki.Package(deck)


def export(bank: Bank, path: Path, options: ExportOptions) -> ExportResult:
    """Write the bank as an Anki package, replacing any older file atomically."""
    package = build_package(bank)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        package.write_to_file(tmp, timestamp=options.timestamp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return ExportResult((path,), (), len(bank.items))
