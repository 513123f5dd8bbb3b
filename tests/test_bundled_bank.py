"""The bundled default bank: what every new user sees first must be complete and fair."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factquiz.bank import SKILLS, Bank, Item
from factquiz.bank_rules import check_bank
from factquiz.text import fold_basic

BANK_FILE = Path(__file__).resolve().parents[1] / "question_banks" / "kim-russie-2023.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    report = check_bank(BANK_FILE)
    assert [str(p) for p in report.problems] == []
    assert report.bank is not None
    return report.bank


def _words_in(needle: str, haystack: str) -> bool:
    return f" {fold_basic(needle)} " in f" {fold_basic(haystack)} "


def test_schema_header_is_the_first_line() -> None:
    first = BANK_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/bank.schema.json"


def test_mix_of_types_and_verdicts(bank: Bank) -> None:
    counts = bank.counts_by_type()
    assert len(bank.items) >= 50
    assert counts["open"] >= 20 and counts["choice"] >= 10 and counts["claim"] >= 12
    verdicts = Counter(it.verdict for it in bank.items if it.type == "claim")
    assert min(verdicts[v] for v in ("supported", "refuted", "not_in_sources")) >= 4


def test_every_item_teaches(bank: Bank) -> None:
    for it in bank.items:
        assert it.evidence is not None, it.id
        assert it.explanation and len(it.explanation) > 40, it.id
        assert it.skill in SKILLS, it.id
        assert it.difficulty in (1, 2, 3), it.id
        assert it.tags, it.id
    assert {it.skill for it in bank.items} == set(SKILLS)
    cited = {it.evidence.source for it in bank.items if it.evidence}
    assert cited == {s.id for s in bank.sources}


def test_claims_are_checked_as_verification(bank: Bank) -> None:
    assert all(it.skill == "verification" for it in bank.items if it.type == "claim")


def test_choice_items_offer_four_distinct_choices(bank: Bank) -> None:
    for it in bank.items:
        if it.type == "choice":
            assert len({fold_basic(c) for c in it.choices}) == 4, it.id


def _variants(it: Item) -> list[str]:
    return [v for answer in it.answers for v in answer]


def test_open_prompts_and_hints_never_give_the_answer(bank: Bank) -> None:
    for it in bank.items:
        if it.type != "open":
            continue
        for variant in _variants(it):
            assert not _words_in(variant, it.prompt), (it.id, variant)
            assert not (it.hint and _words_in(variant, it.hint)), (it.id, variant)


def test_no_rejected_answer_is_also_accepted(bank: Bank) -> None:
    for it in bank.items:
        accepted = {fold_basic(v) for v in _variants(it)}
        assert not accepted & {fold_basic(r) for r in it.reject}, it.id


def test_about_half_the_open_items_have_a_hint(bank: Bank) -> None:
    opens = [it for it in bank.items if it.type == "open"]
    hinted = sum(1 for it in opens if it.hint)
    assert 0.35 <= hinted / len(opens) <= 0.65
