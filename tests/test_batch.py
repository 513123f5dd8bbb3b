"""Grading a class end to end: gradebook, review queue, the teacher's decisions, --learn."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from factquiz.bank import load_bank
from factquiz.batch import grade_to_folder, parse_pass_mark, read_decisions
from factquiz.errors import FactquizError, UsageError
from factquiz.yamlio import read_yaml

DATA = Path(__file__).parent / "data" / "batch"
CLASS = DATA / "class-forms.csv"
ITEMS = ["khasan-station", "khasan-governor", "kremlin-spokesman", "resolution-year",
         "train-by-plane"]  # fmt: skip


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    shutil.copy(DATA / "bank.yaml", path)
    return path


def _gradebook(outdir: Path) -> dict[str, dict[str, str]]:
    with open(outdir / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        return {row["student"]: row for row in csv.DictReader(fh)}


def _totals(outdir: Path) -> dict[str, str]:
    return {s: row["total"] for s, row in _gradebook(outdir).items()}


def _decide(review: Path, decisions: dict[str, str]) -> None:
    """Fill `decision:` for the entries whose normalised answer is given, as a teacher would."""
    lines = review.read_text(encoding="utf-8").splitlines(keepends=True)
    current = None
    for i, line in enumerate(lines):
        if line.strip().startswith("normalized:"):
            current = line.split(":", 1)[1].strip().strip('"')
        elif line.strip().startswith("decision:") and current in decisions:
            lines[i] = line.replace("decision:", f"decision: {decisions[current]}", 1)
    review.write_text("".join(lines), encoding="utf-8")


def test_a_class_is_graded_into_a_gradebook(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = grade_to_folder(str(bank_file), [CLASS], out)
    book = _gradebook(out)
    assert list(book) == [f"{n}@lycee.fr" for n in ("alice", "bob", "chloe", "david", "emma")]
    assert list(book["alice@lycee.fr"])[4:] == ITEMS  # item columns in bank order
    assert _totals(out) == {"alice@lycee.fr": "5", "bob@lycee.fr": "2", "chloe@lycee.fr": "2",
                            "david@lycee.fr": "2", "emma@lycee.fr": "3"}  # fmt: skip
    assert book["bob@lycee.fr"]["maximum"] == "5" and book["bob@lycee.fr"]["percent"] == "40"
    assert book["david@lycee.fr"]["resolution-year"] == "1"  # choice given by its number
    assert run.spread.mean == pytest.approx(56.0)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "gradebook.csv", "items.csv", "results.yaml", "review.yaml"]  # fmt: skip


def test_review_groups_identical_answers_for_one_decision(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = grade_to_folder(str(bank_file), [CLASS], out)
    review = read_yaml(out / "review.yaml")
    entries = {(e["item"], a["normalized"]): a for e in review["items"] for a in e["answers"]}
    governor = entries[("khasan-governor", "oleg kozhemyakine")]
    assert governor["answer"] == "Oleg Kozhemyakine"  # as most students wrote it
    assert governor["count"] == 3
    assert governor["students"] == ["bob@lycee.fr", "chloe@lycee.fr", "emma@lycee.fr"]
    assert governor["decision"] is None
    assert entries[("kremlin-spokesman", "dmitri peskovich")]["count"] == 2
    assert len(entries) == 2
    assert run.to_review() == (2, 5)


def test_the_teachers_decisions_apply_to_every_student_of_a_group(
    bank_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS], out)
    _decide(out / "review.yaml", {"oleg kozhemyakine": "accept", "dmitri peskovich": "reject"})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml")
    assert _totals(out) == {"alice@lycee.fr": "5", "bob@lycee.fr": "3", "chloe@lycee.fr": "3",
                            "david@lycee.fr": "2", "emma@lycee.fr": "4"}  # fmt: skip
    assert run.to_review() == (0, 0)
    # The new review file keeps the decisions, so running again with it changes nothing.
    again = read_yaml(out / "review.yaml")
    assert sorted(a["decision"] for e in again["items"] for a in e["answers"]) == [
        "accept", "reject"]  # fmt: skip
    results = read_yaml(out / "results.yaml")
    bob = next(s for s in results["students"] if s["student"] == "bob@lycee.fr")
    governor = next(a for a in bob["answers"] if a["item"] == "khasan-governor")
    assert (governor["verdict"], governor["decided"]) == ("correct", "accept")
    assert "enseignant" in governor["reason"]


def test_undecided_entries_stay_in_review(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS], out)
    _decide(out / "review.yaml", {"oleg kozhemyakine": "accept"})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml")
    assert run.to_review() == (1, 2)
    review = read_yaml(out / "review.yaml")
    left = [a for e in review["items"] for a in e["answers"] if a["decision"] is None]
    assert [a["normalized"] for a in left] == ["dmitri peskovich"]


def test_learn_writes_accepted_answers_into_the_bank(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS], out)
    _decide(out / "review.yaml", {"oleg kozhemyakine": "accept", "dmitri peskovich": "reject"})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml", learn=True)
    assert run.learnt is not None
    assert [(v.item_id, v.text) for v in run.learnt.added] == [
        ("khasan-governor", "Oleg Kozhemyakine")]  # fmt: skip
    answers = load_bank(bank_file).item("khasan-governor").answers
    assert answers == (("Oleg Kozhemyako", "Kozhemyako", "Oleg Kozhemyakine"),)
    # Without the review file, the grader now knows the answer.
    grade_to_folder(str(bank_file), [CLASS], tmp_path / "again")
    assert _totals(tmp_path / "again")["emma@lycee.fr"] == "4"


def test_a_decision_that_is_not_accept_or_reject_stops_with_its_line(
    bank_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS], out)
    _decide(out / "review.yaml", {"oleg kozhemyakine": "acept"})
    with pytest.raises(FactquizError, match="neither accept nor reject") as info:
        read_decisions(out / "review.yaml", load_bank(bank_file))
    assert info.value.where is not None and info.value.where.line is not None


def test_a_review_file_of_another_bank_is_refused(bank_file: Path, tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    review.write_text('bank: "autre"\nitems: []\n', encoding="utf-8")
    with pytest.raises(FactquizError, match="review of bank 'autre'"):
        read_decisions(review, load_bank(bank_file))


def test_a_decision_matching_no_answer_is_reported(bank_file: Path, tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    review.write_text(
        'bank: "batch-test"\nitems:\n  - item: "khasan-station"\n    answers:\n'
        '      - normalized: "pyongyang"\n        decision: accept\n',
        encoding="utf-8",
    )
    run = grade_to_folder(str(bank_file), [CLASS], tmp_path / "out", overrides=review)
    assert any("matches no answer of this class" in p.message for p in run.problems)


def test_blank_answers_and_sheet_problems_are_listed_not_fatal(
    bank_file: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("student: [\n", encoding="utf-8")
    run = grade_to_folder(str(bank_file), [CLASS, broken], tmp_path / "out")
    messages = [str(p) for p in run.problems]
    assert any(m.startswith(str(broken)) for m in messages)
    assert "batch-test/khasan-station: warning: 1 blank answer: david@lycee.fr" in messages
    results = read_yaml(tmp_path / "out" / "results.yaml")
    assert len(results["problems"]) == len(run.problems)


def test_an_item_on_one_sheet_only_counts_for_everyone(bank_file: Path, tmp_path: Path) -> None:
    farid = tmp_path / "farid.yaml"
    farid.write_text("student: Farid\nanswers:\n  ussuriysk-distance: 60 km\n", encoding="utf-8")
    grade_to_folder(str(bank_file), [CLASS, farid], tmp_path / "out")
    book = _gradebook(tmp_path / "out")
    assert book["Farid"]["total"] == "1" and book["Farid"]["maximum"] == "6"
    assert book["alice@lycee.fr"]["ussuriysk-distance"] == "0"


def test_no_readable_sheet_is_an_error(bank_file: Path, tmp_path: Path) -> None:
    with pytest.raises(FactquizError, match="no answer sheet could be read"):
        grade_to_folder(str(bank_file), [tmp_path / "absent.csv"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_same_inputs_give_identical_outputs(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS, DATA / "sheets"], out, pass_mark=50)
    first = {p.name: p.read_bytes() for p in out.glob("*.*")}
    grade_to_folder(str(bank_file), [CLASS, DATA / "sheets"], out, pass_mark=50)
    assert {p.name: p.read_bytes() for p in out.glob("*.*")} == first


@pytest.mark.parametrize(("text", "percent"), [("50", 50), ("12.5%", 12.5), ("10/20", 50),
                                                ("14,5/20", 72.5)])  # fmt: skip
def test_pass_marks(text: str, percent: float) -> None:
    assert parse_pass_mark(text) == percent


@pytest.mark.parametrize("text", ["", "abc", "120", "3/0", "-1"])
def test_bad_pass_marks_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        parse_pass_mark(text)
