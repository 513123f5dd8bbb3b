"""The Anki deck, imported by Anki itself (the `anki` package) into a temporary collection:
notes and fields as the bank says, and a second import of a newer export updates them."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from factquiz.bank import Bank, load_bank
from factquiz.export import ExportOptions, export_bank, format_named
from factquiz.export.anki import note_guid

DATA = Path(__file__).resolve().parent / "data" / "export"
FIRST, LATER = 1_700_000_000.0, 1_700_086_400.0  # the second export is a day newer


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "hostile.yaml")


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def _export(bank: Bank, path: Path, timestamp: float) -> Path:
    export_bank(bank, path, format_named("anki"), ExportOptions(timestamp=timestamp))
    return path


def _import(col: Collection, path: Path):
    # The options Anki's import dialog starts with: update notes only when they are newer.
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def _notes_by_item(col: Collection) -> dict[str, object]:
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    return {html.unescape(n["Item"]).split("/", 1)[1]: n for n in notes}


def _text(field: str) -> str:
    return html.unescape(field.replace("<br>", "\n"))


def test_anki_imports_one_note_per_item_with_its_fields(bank, collection, tmp_path):
    log = _import(collection, _export(bank, tmp_path / "deck.apkg", FIRST))
    assert len(log.new) == len(bank.items) == collection.note_count()
    notes = _notes_by_item(collection)
    assert list(notes) == [it.id for it in bank.items]
    source = bank.sources[0]
    for item in bank.items:
        note = notes[item.id]
        assert note.guid == note_guid(bank.id, item.id)
        assert _text(note["Prompt"]) == item.prompt  # `<`, `&`, `]]>` and markup survive
        assert _text(note["Explanation"]) == (item.explanation or "")
        assert _text(note["Evidence"]) == (item.evidence.quote if item.evidence else "")
        if item.evidence:
            assert source.url.replace("&", "&amp;") in note["Source"]
            assert source.title in html.unescape(note["Source"])
    welcome = notes["khasan-welcome"]
    assert "Oleg Kozhemyako" in welcome["Answer"] and "Oleg Kojemiako" in welcome["Answer"]
    assert set(welcome.tags) == {"khasan", "accueil", "skill::who", "factquiz::export-hostile"}
    assert "note_&_prix" in notes["hostile-note"].tags
    claim = notes["markup-claim"]
    assert _text(claim["Answer"]) == "Démenti par les sources"
    assert "&lt;b&gt;balisage&lt;/b&gt;" in claim["Prompt"]  # shown as text, not bold
    assert _text(notes["resolution-year"]["Choices"]).count("<li>") == 5


def test_a_newer_export_updates_the_notes_instead_of_duplicating_them(bank, collection, tmp_path):
    _import(collection, _export(bank, tmp_path / "v1.apkg", FIRST))
    changed = replace(bank.items[0], prompt="Qui a accueilli Kim à Khasan ? (corrigé)")
    added = replace(bank.items[3], id="resolution-year-bis", prompt="Question ajoutée ?")
    newer = replace(bank, items=(changed, *bank.items[1:], added))

    log = _import(collection, _export(newer, tmp_path / "v2.apkg", LATER))

    assert (len(log.new), len(log.updated)) == (1, len(bank.items))
    assert collection.note_count() == len(bank.items) + 1
    notes = _notes_by_item(collection)
    assert _text(notes["khasan-welcome"]["Prompt"]) == "Qui a accueilli Kim à Khasan ? (corrigé)"
    assert _text(notes["resolution-year-bis"]["Prompt"]) == "Question ajoutée ?"
    prompts = [_text(n["Prompt"]) for n in notes.values()]
    assert bank.items[0].prompt not in prompts


def test_the_same_export_imported_twice_adds_nothing(bank, collection, tmp_path):
    deck = _export(bank, tmp_path / "deck.apkg", FIRST)
    _import(collection, deck)
    log = _import(collection, deck)
    assert len(log.new) == 0
    assert collection.note_count() == len(bank.items)
