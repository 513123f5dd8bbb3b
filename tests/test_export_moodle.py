"""GIFT and Moodle XML: checked by lxml against Moodle's documented structure, and round-tripped
through `import` back to the same items, hostile text included."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from factquiz.bank import load_bank
from factquiz.bank_rules import check_bank
from factquiz.errors import FactquizError
from factquiz.export import export_bank, format_named
from factquiz.export.gift import bank_to_gift, gift_escape, question_to_gift, read_gift
from factquiz.export.importing import import_bank
from factquiz.export.moodle_model import Formatted, MoodleAnswer, MoodleQuestion, to_html
from factquiz.export.moodle_xml import (
    bank_to_moodle_xml,
    questions_to_moodle_xml,
    read_moodle_xml,
)

DATA = Path(__file__).resolve().parent / "data" / "export"
HOSTILE = DATA / "hostile.yaml"
BUNDLED = Path(__file__).resolve().parent.parent / "question_banks" / "kim-russie-2023.yaml"

# The grades Moodle offers for an answer; its XML import refuses others by default.
MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0}  # fmt: skip


@pytest.fixture(scope="module")
def bank():
    return load_bank(HOSTILE)


def _export(bank, tmp_path: Path, name: str, fmt: str) -> tuple[Path, object]:
    out = tmp_path / name
    return out, export_bank(bank, out, format_named(fmt))


def test_moodle_xml_round_trips_to_the_same_items(bank, tmp_path):
    out, _ = _export(bank, tmp_path, "quiz.xml", "moodle-xml")
    back = import_bank(out, bank.id, language=bank.language)
    assert back.notes == ()
    assert back.bank.items == bank.items
    assert [s.id for s in back.bank.sources] == [s.id for s in bank.sources]


def test_gift_round_trips_to_the_same_items_and_warns_that_moodle_drops_hints(bank, tmp_path):
    out, result = _export(bank, tmp_path, "quiz.gift", "gift")
    assert [(n.item_id, "no hints" in n.message) for n in result.notes] == [("hostile-note", True)]
    back = import_bank(out, bank.id, language=bank.language)
    assert back.notes == ()
    assert back.bank.items == bank.items


@pytest.mark.parametrize("name, fmt", [("kim.gift", "gift"), ("kim.xml", "moodle-xml")])
def test_the_bundled_bank_round_trips_whole(tmp_path, name, fmt):
    bundled = load_bank(BUNDLED)
    out, _ = _export(bundled, tmp_path, name, fmt)
    back = import_bank(out, bundled.id, language=bundled.language)
    assert back.notes == ()
    assert back.bank.items == bundled.items


@pytest.mark.parametrize("name, fmt", [("quiz.gift", "gift"), ("quiz.xml", "moodle-xml")])
def test_a_round_tripped_bank_validates(bank, tmp_path, name, fmt):
    from factquiz.bank import save_bank

    out, _ = _export(bank, tmp_path, name, fmt)
    target = tmp_path / "back.yaml"
    save_bank(import_bank(out, "back").bank, target)
    report = check_bank(target)
    assert report.errors == []
    assert {p.message for p in report.warnings} == {
        "item 'two-right' has no evidence",
        "item 'weather-claim' has no evidence",
    }


def test_moodle_xml_has_the_structure_moodle_documents(bank, tmp_path):
    out, _ = _export(bank, tmp_path, "quiz.xml", "moodle-xml")
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False)).getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    categories = [q for q in questions if q.get("type") == "category"]
    asked = [q for q in questions if q.get("type") != "category"]
    assert all(c.findtext("category/text").startswith("$course$/top/") for c in categories)
    assert [q.findtext("name/text") for q in asked] == [it.id for it in bank.items]
    for q, item in zip(asked, bank.items, strict=True):
        assert q.get("type") == {"open": "shortanswer"}.get(item.type, "multichoice")
        assert q.find("questiontext").get("format") == "html"
        assert html.unescape(q.findtext("questiontext/text")) == item.prompt
        fractions = [float(a.get("fraction")) for a in q.findall("answer")]
        assert {abs(f) for f in fractions} <= MOODLE_GRADES
        assert max(fractions) > 0
        if q.get("type") == "multichoice":
            assert q.findtext("single") in ("true", "false")
    assert float(asked[0].findtext("defaultgrade")) == 2
    assert [t.findtext("text") for t in asked[0].findall("tags/tag")] == [
        "khasan", "accueil", "skill:who", "difficulty:2",
    ]  # fmt: skip


def test_moodle_xml_carries_every_variant_and_escapes_wildcards(bank, tmp_path):
    out, _ = _export(bank, tmp_path, "quiz.xml", "moodle-xml")
    root = etree.parse(str(out)).getroot()
    by_name = {q.findtext("name/text"): q for q in root.findall("question")}
    answers = by_name["khasan-welcome"].findall("answer")
    welcome = [(a.findtext("text"), a.get("fraction")) for a in answers]
    assert welcome == [
        ("Oleg Kozhemyako", "100"), ("Oleg Kojemiako", "100"), ("Kozhemyako", "100"),
        ("Alexander Kozlov", "100"), ("Sergueï Choïgou", "0"),
    ]  # fmt: skip
    both = [a.get("fraction") for a in by_name["both-hosts"].findall("answer")]
    assert both == ["50", "50", "50"]  # require: all, each answer half the mark
    note = [a.findtext("text") for a in by_name["hostile-note"].findall("answer")]
    assert "100% \\*étoile\\* \\n {T}" in note  # a literal star for Moodle, not a wildcard
    answers = by_name["resolution-year"].findall("answer")
    choices = [html.unescape(a.findtext("text")) for a in answers]
    assert choices == ["2006", "2011", "=2016", "~2019 <b>", "a & b ]]>"]


def test_gift_escapes_every_reserved_character_in_text(bank):
    text = bank_to_gift(bank)[0]
    for line in text.splitlines():
        if line.startswith("::khasan-welcome::"):
            prompt = line[len("::khasan-welcome::[html]") : -1]
            unescaped = re.sub(r"\\.", "", prompt)
            assert not set(unescaped) & set("~=#{}:")
            assert "\\~ \\= \\# \\{ \\} \\:" in prompt
            break
    else:
        pytest.fail("the question is missing")
    assert text.count("::") == 2 * len(bank.items)  # no ':' of a text left unescaped


# --- escaping, for any text --------------------------------------------------------------------

_WORD = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
)
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)


def _question(prompt: str, answer: str) -> MoodleQuestion:
    answers = (MoodleAnswer(Formatted(answer, "plain"), 100),)
    return MoodleQuestion("shortanswer", "q1", Formatted(to_html(prompt)), answers)


@settings(max_examples=150, deadline=None)
@given(prompt=_LINE, answer=_LINE.filter(lambda s: "->" not in s and not s.startswith("[")))
def test_any_text_survives_gift(prompt, answer):
    questions, problems = read_gift(question_to_gift(_question(prompt, answer)), "t.gift")
    assert problems == []
    (q,) = questions
    assert (q.text.plain(), q.answers[0].text.plain()) == (prompt, answer)


@settings(max_examples=150, deadline=None)
@given(prompt=_LINE, answer=_LINE)
def test_any_text_survives_moodle_xml(prompt, answer):
    text = questions_to_moodle_xml([_question(prompt, answer)])
    etree.fromstring(text.encode("utf-8"))  # well-formed for an independent parser too
    (q,) = read_moodle_xml(text.encode("utf-8"), "t.xml")
    assert (q.text.plain(), q.answers[0].text.plain()) == (prompt, answer)


def test_gift_escape_writes_moodles_escapes():
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


# --- a teacher's own files ---------------------------------------------------------------------


def test_teacher_gift_imports_and_reports_what_it_skips_with_lines():
    result = import_bank(DATA / "teacher.gift", "cours")
    assert [(n.where.line, n.skipped) for n in result.notes] == [
        (8, False), (26, True), (28, True), (30, True), (34, True), (36, True), (38, True),
    ]  # fmt: skip
    messages = [n.message for n in result.notes]
    assert "wildcard" in messages[0]
    assert "essay" in messages[1] and "numerical" in messages[2] and "matching" in messages[3]
    bank = result.bank
    assert bank.title == "Cours de journalisme"
    assert [it.id for it in bank.items] == [
        "Capitale", "q2-fleuve-a-khasan", "Rencontre", "kim-jong-un-a-voyage-en-train",
        "Avion", "kim-jong-un-est-arrive-en", "Capitale-2",
    ]  # fmt: skip
    items = {it.id: it for it in bank.items}
    assert items["Capitale"].answers == (("Moscou",), ("Moskva",))
    assert items["q2-fleuve-a-khasan"].answers == (("Tumen", "Toumen"),)
    assert items["q2-fleuve-a-khasan"].reject == ("Amour",)
    assert items["q2-fleuve-a-khasan"].tags == ("géographie",)
    assert items["Rencontre"].type == "choice"
    assert items["Rencontre"].answers == (("cosmodrome Vostotchny",),)
    assert items["Rencontre"].explanation == "Le cosmodrome est dans l'Extrême-Orient russe."
    assert items["kim-jong-un-a-voyage-en-train"].verdict == "supported"
    assert items["Avion"].verdict == "refuted"
    assert items["kim-jong-un-est-arrive-en"].prompt == "Kim Jong-un est arrivé en _____ à Khasan."


def test_teacher_xml_imports_html_text_tags_and_marks():
    result = import_bank(DATA / "teacher.xml", "cours")
    lines = [(n.where.line, n.skipped) for n in result.notes]
    assert lines == [(14, False), (107, True), (115, True)]
    items = {it.id: it for it in result.bank.items}
    assert list(items) == ["Gouverneur", "resolution-1718", "presents", "Train"]
    gov = items["Gouverneur"]
    assert gov.prompt == "Qui est le gouverneur de la région de Primorié\u00a0?"
    assert gov.answers == (("Oleg Kozhemyako",), ("Kozhemyako",))
    assert (gov.explanation, gov.points) == ("Il a accueilli Kim Jong-un à Khasan.", 2)
    assert items["resolution-1718"].choices == ("2006", "2016", "2019")
    assert items["resolution-1718"].tags == ("onu",)
    assert items["presents"].require == "all"
    assert items["presents"].answers == (("Kozhemyako",), ("Kozlov",))
    assert items["Train"].verdict == "supported"
    assert result.bank.title == "Défaut pour Journalisme"


@pytest.mark.parametrize("name", ["teacher.gift", "teacher.xml"])
def test_a_teachers_bank_validates_with_warnings_for_missing_evidence(tmp_path, name):
    from factquiz.bank import save_bank

    result = import_bank(DATA / name, "cours")
    save_bank(result.bank, tmp_path / "cours.yaml")
    report = check_bank(tmp_path / "cours.yaml")
    assert report.errors == []
    assert len(report.warnings) == len(result.bank.items)
    assert all("no evidence" in w.message for w in report.warnings)


def test_english_verdict_labels_import_as_a_claim(tmp_path):
    src = tmp_path / "c.gift"
    src.write_text(
        "::c1::The train was armoured.{~Supported by the sources =Refuted by the sources "
        "~Not in the sources}\n",
        encoding="utf-8",
    )
    (item,) = import_bank(src, "c", language="en").bank.items
    assert (item.type, item.verdict) == ("claim", "refuted")


# --- hostile XML files -------------------------------------------------------------------------


def test_a_doctype_is_refused_before_any_entity_is_expanded(tmp_path):
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
        + ']>\n<quiz><question type="shortanswer"><name><text>&i;</text></name></question></quiz>\n'
    )
    src = tmp_path / "laughs.xml"
    src.write_text(laughs, encoding="utf-8")
    with pytest.raises(FactquizError) as err:
        import_bank(src, "x")
    assert "DOCTYPE" in err.value.message
    assert err.value.where.line == 2


def test_malformed_xml_is_reported_with_its_line(tmp_path):
    src = tmp_path / "bad.xml"
    src.write_text('<?xml version="1.0"?>\n<quiz>\n<question type="shortanswer">\n</quiz>\n')
    with pytest.raises(FactquizError) as err:
        import_bank(src, "x")
    assert err.value.where.line == 4
    assert "not well-formed" in err.value.message


def test_an_xml_file_that_is_not_a_quiz_is_refused(tmp_path):
    src = tmp_path / "feed.xml"
    src.write_text("<rss><channel/></rss>")
    with pytest.raises(FactquizError, match="not a Moodle XML question file"):
        read_moodle_xml(src.read_bytes(), str(src))


def test_bank_to_moodle_xml_never_writes_a_raw_cdata_end(bank):
    assert "]]>" not in bank_to_moodle_xml(bank)  # the bank has it in five texts


_GIFT_SOUP = st.text(alphabet=list("ab é:~=#{}\\\n\n %0159T->*[]<>&/$.CATEGORY"), max_size=120)


@settings(max_examples=200, deadline=None)
@given(text=_GIFT_SOUP)
def test_any_gift_text_imports_to_a_valid_bank_or_to_notes(text):
    import tempfile

    from factquiz.bank import save_bank

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "soup.gift"
        src.write_text(text, encoding="utf-8")
        result = import_bank(src, "soup")
        save_bank(result.bank, Path(tmp) / "soup.yaml")
        assert check_bank(Path(tmp) / "soup.yaml").errors == []
