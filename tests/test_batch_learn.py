"""--learn: accepted answers go into the bank as variants, and nothing else in the file moves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factquiz.bank import load_bank
from factquiz.bank_rules import check_bank
from factquiz.learn import Variant, add_variant, learn_variants

DATA = Path(__file__).parent / "data" / "batch"


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    shutil.copy(DATA / "bank.yaml", path)
    return path


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines only in `before`, lines only in `after` (order kept, as a diff would show)."""
    import difflib

    old, new = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            old.append(line[2:])
        elif line.startswith("+ "):
            new.append(line[2:])
    return old, new


def test_a_lone_answer_becomes_a_list_of_variants(bank_file: Path) -> None:
    before = bank_file.read_text(encoding="utf-8")
    report = learn_variants(bank_file, [Variant("khasan-station", "Khassan")])
    after = bank_file.read_text(encoding="utf-8")
    assert [v.text for v in report.added] == ["Khassan"]
    assert _changed_lines(before, after) == (
        ['      - "Khasan"'],
        ['      - ["Khasan", "Khassan"]'],
    )
    assert load_bank(bank_file).item("khasan-station").answers == (("Khasan", "Khassan"),)


def test_a_flow_list_of_variants_gets_one_more(bank_file: Path) -> None:
    before = bank_file.read_text(encoding="utf-8")
    learn_variants(bank_file, [Variant("khasan-governor", "Oleg Kojemiako")])
    after = bank_file.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == (
        ['      - ["Oleg Kozhemyako", "Kozhemyako"]'],
        ['      - ["Oleg Kozhemyako", "Kozhemyako", "Oleg Kojemiako"]'],
    )


def test_a_block_list_of_variants_gets_a_line_under_the_last(bank_file: Path) -> None:
    before = bank_file.read_text(encoding="utf-8")
    learn_variants(bank_file, [Variant("kremlin-spokesman", "Dmitri Peskoff")])
    after = bank_file.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ([], ['        - "Dmitri Peskoff"'])
    answers = load_bank(bank_file).item("kremlin-spokesman").answers
    assert answers == (("Dmitri Peskov", "Dmitry Peskov", "Dmitri Peskoff"),)


def test_answers_given_as_one_string_become_one_answer_with_variants(bank_file: Path) -> None:
    learn_variants(bank_file, [Variant("ussuriysk-distance", "60 km")])
    item = load_bank(bank_file).item("ussuriysk-distance")
    assert item.answers == (("60 kilomètres", "60 km"),)
    assert item.expected == "60 kilomètres"  # what students are shown does not change


def test_several_variants_in_one_run_all_land_and_the_bank_validates(bank_file: Path) -> None:
    report = learn_variants(
        bank_file,
        [Variant("khasan-station", "Khassan"), Variant("khasan-station", "Hasan"),
         Variant("kremlin-spokesman", "Peskov")],
    )  # fmt: skip
    assert len(report.added) == 3 and report.problems == []
    assert check_bank(bank_file).errors == []
    bank = load_bank(bank_file)
    assert bank.item("khasan-station").answers == (("Khasan", "Khassan", "Hasan"),)


def test_a_variant_the_bank_already_has_changes_nothing(bank_file: Path) -> None:
    before = bank_file.read_bytes()
    report = learn_variants(bank_file, [Variant("khasan-governor", "kozhemyako")])
    assert report.added == [] and bank_file.read_bytes() == before


@pytest.mark.parametrize("item_id", ["khasan-welcome", "resolution-year", "train-by-plane"])
def test_items_that_cannot_take_a_variant_are_reported_not_edited(
    bank_file: Path, item_id: str
) -> None:
    before = bank_file.read_bytes()
    report = learn_variants(bank_file, [Variant(item_id, "Kozlov")])
    assert report.added == []
    assert [p.severity for p in report.problems] == ["warning"]
    assert item_id in report.problems[0].message
    assert bank_file.read_bytes() == before


def test_with_several_answers_the_variant_goes_to_the_one_it_matched() -> None:
    text = (
        "factquiz: 1\nid: b\ntitle: t\nlanguage: fr\nitems:\n"
        "  - id: q\n    type: open\n    prompt: p\n"
        "    answers: [Moscou, 'Saint-Pétersbourg']  # two cities\n"
    )
    by_match = add_variant(text, "b.yaml", Variant("q", "St Petersbourg", "Saint-Pétersbourg"))
    assert by_match.splitlines()[-1] == (
        '    answers: [Moscou, ["Saint-Pétersbourg", "St Petersbourg"]]  # two cities'
    )
    by_closeness = add_variant(text, "b.yaml", Variant("q", "Moskou"))
    assert by_closeness.splitlines()[-1] == (
        '    answers: [["Moscou", "Moskou"], \'Saint-Pétersbourg\']  # two cities'
    )


def test_crlf_line_ends_and_comments_are_kept(tmp_path: Path) -> None:
    text = (DATA / "bank.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "bank.yaml"
    path.write_bytes(text.encode("utf-8"))
    learn_variants(path, [Variant("kremlin-spokesman", "Peskov")])
    after = path.read_bytes().decode("utf-8")
    assert "\n" not in after.replace("\r\n", "")
    assert after.startswith("# A small bank for the batch-grading tests")
    assert '        - "Peskov"\r\n' in after


def test_an_answer_over_several_lines_is_left_for_the_teacher() -> None:
    text = (
        "factquiz: 1\nid: b\ntitle: t\nlanguage: fr\nitems:\n"
        "  - id: q\n    type: open\n    prompt: p\n    answers:\n      - Oleg\n        Kozhemyako\n"
    )
    with pytest.raises(Exception, match="several lines"):
        add_variant(text, "b.yaml", Variant("q", "Kojemiako"))


def test_hostile_text_is_written_quoted_and_reads_back(bank_file: Path) -> None:
    hostile = 'x"]: [{&a *a}] # \\ \u2028 é'
    learn_variants(bank_file, [Variant("khasan-station", hostile)])
    assert load_bank(bank_file).item("khasan-station").answers == (("Khasan", hostile),)
