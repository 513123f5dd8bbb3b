"""The bank format: every rule reported with its line, and load(dump(bank)) == bank."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factquiz.bank import Bank, Evidence, Item, Source, dump_bank, load_bank
from factquiz.bank_rules import check_bank

DATA = Path(__file__).parent / "data" / "banks"


def problems_at(path: Path) -> list[tuple[int | None, str, str]]:
    return [(p.where.line, p.severity, p.message) for p in check_bank(path).problems]


def test_good_bank_loads_with_every_field() -> None:
    bank = load_bank(DATA / "good.yaml")
    assert bank.id == "mini" and bank.language == "fr"
    khasan = bank.item("khasan-welcome")
    assert khasan.answers == (("Oleg Kozhemyako", "Oleg Kojemiako"), ("Alexander Kozlov",))
    assert khasan.reject == ("Sergei Shoigu",) and khasan.difficulty == 2
    assert bank.item("resolution-year").choices == ("2006", "2011", "2016", "2019")
    assert bank.item("train-by-plane").verdict == "refuted"
    assert bank.counts_by_type() == {"open": 1, "choice": 1, "claim": 1}


def test_every_problem_of_a_file_is_reported_with_its_line() -> None:
    found = problems_at(DATA / "many-errors.yaml")
    errors = [(line, msg) for line, sev, msg in found if sev == "error"]
    expected = [
        (2, "bank id 'Bad Bank' is not a slug"),
        (12, "unknown key 'anwsers' in an item"),
        (13, "duplicate item id 'a1' (first at line 9)"),
        (17, "answer '2016' is not one of the choices"),
        (21, "'answers' must be text, but YAML read true/false (False)"),
        (25, "'verdict' must be text, but YAML read true/false (False)"),
        (26, "the quote does not stand in article.txt"),
        (28, "unknown item type 'quiz'"),
        (31, "unknown source 'nowhere'"),
    ]
    assert errors == expected


def write_bank(tmp_path: Path, items: str, sources: str = "") -> Path:
    (tmp_path / "article.txt").write_text(
        "Kim s’est arrêté à Khasan,\nune gare située à la frontière.\n", encoding="utf-8"
    )
    path = tmp_path / "bank.yaml"
    head = "factquiz: 1\nid: t\ntitle: T\nlanguage: fr\n"
    src = sources or "sources:\n  - id: a\n    file: article.txt\n"
    path.write_text(head + src + "items:\n" + items, encoding="utf-8")
    return path


def test_quote_matches_across_apostrophes_and_line_breaks(tmp_path: Path) -> None:
    item = (
        "  - id: q\n    type: open\n    prompt: Où ?\n    answers: [Khasan]\n"
        '    evidence: {source: a, quote: "Kim s\'est arrêté à Khasan, une gare"}\n'
    )
    assert check_bank(write_bank(tmp_path, item)).problems == []


def test_warnings_do_not_fail_a_bank(tmp_path: Path) -> None:
    items = (
        "  - id: q1\n    type: open\n    prompt: Où est Kim ?\n    answers: [Khasan]\n"
        "  - id: q2\n    type: choice\n    prompt: Où est Kim ?\n"
        "    choices: [Khasan, khasan, Moscou]\n    answers: [Khasan]\n"
    )
    report = check_bank(write_bank(tmp_path, items))
    assert report.errors == [] and report.bank is not None
    messages = [p.message for p in report.warnings]
    assert "item 'q1' has no evidence" in messages
    assert "same prompt as the item at line 9" in messages
    assert "two choices differ only in case, accents or punctuation" in messages


def test_changed_article_is_a_warning(tmp_path: Path) -> None:
    wrong = hashlib.sha256(b"other").hexdigest()
    sources = f"sources:\n  - id: a\n    file: article.txt\n    sha256: '{wrong}'\n"
    item = "  - id: q\n    type: claim\n    prompt: Kim est à Khasan.\n    verdict: supported\n"
    report = check_bank(write_bank(tmp_path, item, sources))
    assert any("has changed since" in p.message for p in report.warnings)


def test_claim_with_answers_and_open_with_choices_are_errors(tmp_path: Path) -> None:
    items = (
        "  - id: c\n    type: claim\n    prompt: X.\n    verdict: maybe\n    answers: [x]\n"
        "  - id: o\n    type: open\n    prompt: Y ?\n    answers: [y]\n    choices: [y, z]\n"
    )
    messages = [p.message for p in check_bank(write_bank(tmp_path, items)).errors]
    assert "a claim item takes a verdict, not 'answers'" in messages
    assert "unknown verdict 'maybe'" in messages
    assert "an open item has no choices" in messages


def test_missing_source_file_is_an_error(tmp_path: Path) -> None:
    sources = "sources:\n  - id: a\n    file: gone.txt\n"
    item = "  - id: q\n    type: claim\n    prompt: X.\n    verdict: refuted\n"
    messages = [p.message for p in check_bank(write_bank(tmp_path, item, sources)).errors]
    assert messages == ["source file 'gone.txt' not found"]


# --- load(dump(bank)) == bank --------------------------------------------------------------

# Banks are UTF-8 text: lone surrogates cannot be stored in one, so they are left out.
text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
item_id = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,12}", fullmatch=True)
variants = st.lists(text, min_size=1, max_size=3).map(tuple)


@st.composite
def items(draw: st.DrawFn, iid: str, source_ids: list[str]) -> Item:
    kind = draw(st.sampled_from(["open", "choice", "claim"]))
    evidence = None
    if source_ids and draw(st.booleans()):
        evidence = Evidence(draw(st.sampled_from(source_ids)), draw(text))
    common = {
        "evidence": evidence,
        "explanation": draw(st.none() | text),
        "skill": draw(st.none() | st.sampled_from(["who", "when", "number"])),
        "tags": tuple(draw(st.lists(text, max_size=2))),
        "difficulty": draw(st.none() | st.integers(1, 3)),
        "points": draw(st.sampled_from([1, 2, 0.5])),
        "hint": draw(st.none() | text),
    }
    prompt = draw(text)
    if kind == "claim":
        verdict = draw(st.sampled_from(["supported", "refuted", "not_in_sources"]))
        return Item(iid, kind, prompt, verdict=verdict, **common)
    if kind == "choice":
        choices = tuple(draw(st.lists(text, min_size=2, max_size=4, unique=True)))
        return Item(iid, kind, prompt, answers=((choices[0],),), choices=choices, **common)
    answers = tuple(draw(st.lists(variants, min_size=1, max_size=3)))
    reject = tuple(draw(st.lists(text, max_size=2)))
    require = draw(st.sampled_from(["any", "all"]))
    return Item(iid, kind, prompt, answers=answers, reject=reject, require=require, **common)


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    source_ids = draw(st.lists(item_id, max_size=3, unique=True))
    sources = tuple(
        Source(sid, title=draw(st.none() | text), outlet=draw(st.none() | text))
        for sid in source_ids
    )
    ids = draw(st.lists(item_id, min_size=1, max_size=4, unique=True))
    its = tuple(draw(items(iid, source_ids)) for iid in ids)
    return Bank(
        draw(slug), draw(text), draw(st.sampled_from(["fr", "en", "fr-CA"])), its, sources,
        description=draw(st.none() | text),
    )  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank=banks())
def test_load_of_dump_is_the_same_bank(tmp_path_factory, bank: Bank) -> None:
    path = tmp_path_factory.mktemp("rt") / "bank.yaml"
    path.write_text(dump_bank(bank), encoding="utf-8")
    report = check_bank(path)
    assert report.errors == []
    assert report.bank == bank


def test_dump_is_readable_block_yaml() -> None:
    bank = load_bank(DATA / "good.yaml")
    text = dump_bank(bank, schema_url="../docs/bank.schema.json")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../docs/bank.schema.json"
    assert lines[1:5] == ["factquiz: 1", "id: mini", "title: Mini banque", "language: fr"]
    assert "  - id: khasan-welcome" in lines
    assert "      - '2006'" in lines  # a year stays text, quoted
    long_prompt = next(line for line in lines if "vente d'armes" in line)
    assert long_prompt.startswith("    prompt: ")  # not folded onto several lines
    assert "é" in text  # accents as they are, not \xe9 escapes
