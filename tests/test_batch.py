"""Grading a class end to end: gradebook, review queue, the teacher's decisions, --learn."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from factquiz.bank import load_bank
from factquiz.batch import grade_class, grade_to_folder, parse_pass_mark, read_decisions
from factquiz.errors import FactquizError, Location, UsageError
from factquiz.grading import bank_entities, grade_item, normalize
from factquiz.sheets import AnswerSheet
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


def _totals(outdir: Path) -> dict[str, float]:
    return {s: float(row["total"]) for s, row in _gradebook(outdir).items()}


def _one_by_one(bank_path: Path) -> dict[str, list[tuple[str, str, object]]]:
    """The class graded by the real grader one answer at a time: the reference batch must match."""
    bank = load_bank(bank_path)
    entities = bank_entities(bank)
    with open(CLASS, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    return {
        row[1]: [(item_id, answer, grade_item(answer, bank.item(item_id), entities=entities))
                 for item_id, answer in zip(ITEMS, row[3:], strict=True)]
        for row in rows
    }  # fmt: skip


def _review_groups(bank_path: Path) -> dict[tuple[str, str], list[str]]:
    """(item, normalised answer) -> students, for the answers the grader sends to review."""
    groups: dict[tuple[str, str], list[str]] = {}
    for student, answers in _one_by_one(bank_path).items():
        for item_id, answer, verdict in answers:
            if verdict.verdict == "review":
                groups.setdefault((item_id, normalize(answer)), []).append(student)
    # The class holds answers the grader cannot decide; without them nothing here is tested.
    assert any(len(s) > 1 for s in groups.values()), "test data needs shared review answers"
    return groups


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


def test_the_class_gets_the_marks_of_grading_each_answer_alone(
    bank_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run = grade_to_folder(str(bank_file), [CLASS], out)
    book = _gradebook(out)
    expected = {s: sum(v.credit for _, _, v in a) for s, a in _one_by_one(bank_file).items()}
    assert _totals(out) == expected
    assert list(book) == sorted(expected)
    assert list(book["alice@lycee.fr"])[4:] == ITEMS  # item columns in bank order
    assert book["alice@lycee.fr"]["total"] == "5"  # every answer in its bank form
    assert book["alice@lycee.fr"]["maximum"] == "5"
    assert book["david@lycee.fr"]["khasan-station"] == "0"  # blank
    assert run.spread.mean == pytest.approx(20 * sum(expected.values()) / len(expected))
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "gradebook.csv", "items.csv", "results.yaml", "review.yaml"]  # fmt: skip


def test_review_groups_identical_answers_for_one_decision(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = grade_to_folder(str(bank_file), [CLASS], out)
    expected = _review_groups(bank_file)
    review = read_yaml(out / "review.yaml")
    entries = {(e["item"], a["normalized"]): a for e in review["items"] for a in e["answers"]}
    assert {k: sorted(a["students"]) for k, a in entries.items()} == expected
    assert all(a["count"] == len(a["students"]) and a["decision"] is None for a in entries.values())
    shared = entries[("kremlin-spokesman", normalize("Dmitri Peskovich"))]
    assert shared["answer"] == "Dmitri Peskovich"  # as most of its students wrote it
    assert run.to_review() == (len(expected), sum(map(len, expected.values())))


def test_the_teachers_decisions_apply_to_every_student_of_a_group(
    bank_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    before = grade_to_folder(str(bank_file), [CLASS], out)
    groups = _review_groups(bank_file)
    _decide(out / "review.yaml", {norm: "accept" for _, norm in groups})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml")
    gained = {s: sum(s in students for students in groups.values()) for s in _totals(out)}
    totals = before.grading.totals()
    pairs = zip(before.grading.sheets, totals, strict=True)
    assert _totals(out) == {s.student: t + gained[s.student] for s, t in pairs}
    assert run.to_review() == (0, 0)
    # The new review file keeps the decisions, so running again with it changes nothing.
    again = read_yaml(out / "review.yaml")
    assert [a["decision"] for e in again["items"] for a in e["answers"]] == ["accept"] * len(groups)
    results = read_yaml(out / "results.yaml")
    item_id, norm = next(iter(groups))
    student = next(s for s in results["students"] if s["student"] == groups[(item_id, norm)][0])
    answer = next(a for a in student["answers"] if a["item"] == item_id)
    assert (answer["verdict"], answer["credit"], answer["decided"]) == ("correct", 1, "accept")
    assert "enseignant" in answer["reason"]


def test_a_rejected_group_scores_nothing_and_leaves_review(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = grade_to_folder(str(bank_file), [CLASS], out)
    groups = _review_groups(bank_file)
    first = next(iter(groups))
    _decide(out / "review.yaml", {first[1]: "reject"})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml")
    assert run.grading.totals() == before.grading.totals()
    left = len(groups) - 1
    assert run.to_review()[0] == left
    review = read_yaml(out / "review.yaml")
    undecided = [a for e in review["items"] for a in e["answers"] if a["decision"] is None]
    assert len(undecided) == left  # undecided entries stay in review


def test_learn_writes_accepted_answers_into_the_bank(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    grade_to_folder(str(bank_file), [CLASS], out)
    spokesman = ("kremlin-spokesman", normalize("Dmitri Peskovich"))
    assert spokesman in _review_groups(bank_file)
    _decide(out / "review.yaml", {spokesman[1]: "accept"})
    run = grade_to_folder(str(bank_file), [CLASS], out, overrides=out / "review.yaml", learn=True)
    assert run.learnt is not None
    assert [(v.item_id, v.text) for v in run.learnt.added] == [
        ("kremlin-spokesman", "Dmitri Peskovich")]  # fmt: skip
    answers = load_bank(bank_file).item("kremlin-spokesman").answers
    assert answers == (("Dmitri Peskov", "Dmitry Peskov", "Dmitri Peskovich"),)
    # Without the review file, the grader now knows the answer.
    decided = _totals(out)
    grade_to_folder(str(bank_file), [CLASS], tmp_path / "again")
    assert _totals(tmp_path / "again")["bob@lycee.fr"] == decided["bob@lycee.fr"]


def test_a_decision_that_is_not_accept_or_reject_stops_with_its_line(
    bank_file: Path, tmp_path: Path
) -> None:
    review = tmp_path / "review.yaml"
    review.write_text(
        'bank: "batch-test"\nitems:\n  - item: "khasan-station"\n    answers:\n'
        '      - normalized: "kasan"\n        decision: acept\n',
        encoding="utf-8",
    )
    with pytest.raises(FactquizError, match="neither accept nor reject") as info:
        read_decisions(review, load_bank(bank_file))
    assert info.value.where is not None and info.value.where.line == 6


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
    farid.write_text(
        "student: Farid\nanswers:\n  ussuriysk-distance: 60 kilomètres\n", encoding="utf-8"
    )
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


@pytest.mark.parametrize("order", [("?", ""), ("", "?")])
def test_an_answer_that_normalises_to_nothing_is_graded_as_written(order: tuple[str, str]) -> None:
    # For a claim, "?" means "not in the sources"; it must not take the verdict of a blank
    # (or give its own to one) because the two normalise alike.
    bank = load_bank(DATA / "bank.yaml")
    item = bank.item("kim-yo-jong-delegation")
    sheets = [AnswerSheet(name, (item.id,), (answer,), Location("s.csv", n))
              for n, (name, answer) in enumerate(zip("AB", order, strict=True))]  # fmt: skip
    grading = grade_class(bank, sheets)
    got = [grading.forms[row[0]].verdict for row in grading.answers]
    assert got == [grade_item(answer, item) for answer in order]
    assert got[order.index("?")].verdict == "correct"
    blank = "AB"[order.index("")]
    assert [str(p) for p in grading.problems] == [
        f"batch-test/kim-yo-jong-delegation: warning: 1 blank answer: {blank}"
    ]
