"""Accuracy and speed of factquiz's grader beside simple baselines, on human-labelled answers.

    python benchmarks/grading_accuracy.py [ANSWERS.jsonl] [--french CASES.yaml] [--passes N]

ANSWERS.jsonl defaults to ../shared/bench/answer-equivalence-dev.jsonl (English question /
reference / candidate triples with human equivalence labels). For each method it prints
accuracy, precision, recall, the share sent to review (counted as not accepted) and decisions
per second, then the ratio of factquiz's speed to each baseline's.

Speed is CPU time of this one process (`time.process_time`: one core, unaffected by other
programs on a shared machine), best of N passes. factquiz's caches are emptied before each
pass, so nothing is graded from a previous pass: every row is a new item whose accepted
answers are analysed in the timed pass. A second figure times the decisions alone, with each
row's answer key prepared beforehand, as batch grading prepares an item once for a class.
An extra figure times `grade_many` (batch grading's entry point) over the rows, each row an
item of its own, caches emptied before each pass.

The French cases of the tests (tests/data/grading/french_cases.yaml) are graded too: how many
agree with the table, false accepts, decisions/s one `grade()` call at a time, and decisions/s
of `grade_many` on simulated classes (each item answered by 30, then 300 students, answers
drawn from the table with their case and spacing varied, fixed seed): the cost there is that
of the distinct answers, since each is decided once.

Thresholds of the baselines are the ones published with the data (chosen on the 5,000-pair
sample it was drawn from); factquiz's rules and thresholds are fixed in its code.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, utils  # noqa: E402

from factquiz import grading  # noqa: E402
from factquiz.answer_key import AnswerKey  # noqa: E402
from factquiz.bank import Item  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "answer-equivalence-dev.jsonl"
FRENCH_CASES = ROOT / "tests" / "data" / "grading" / "french_cases.yaml"
CLASS_SIZES = (30, 300)  # one class; a year group


@dataclass(frozen=True)
class Row:
    question: str
    references: tuple[str, ...]
    candidate: str
    label: bool


# A decision: "correct", "review" or "wrong".
Method = Callable[[Row], str]


def load_rows(path: Path) -> list[Row]:
    """The benchmark rows of a JSON-lines file."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                ref = d["reference"]
                refs = tuple(ref) if isinstance(ref, list) else (ref,)
                rows.append(Row(d["question"], refs, d["candidate"], bool(d["label"])))
    return rows


def _threshold(scorer: Callable[..., float], cutoff: float) -> Method:
    def decide(row: Row) -> str:
        cand = row.candidate
        best = max(scorer(cand, r, processor=utils.default_process) for r in row.references)
        return "correct" if best >= cutoff else "wrong"

    return decide


_PUNCTUATION = set(string.punctuation)


def _squad_normalize(text: str) -> str:
    text = "".join(c for c in text.lower() if c not in _PUNCTUATION)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def squad_exact(row: Row) -> str:
    """SQuAD exact match: lower case, no punctuation, no articles."""
    cand = _squad_normalize(row.candidate)
    return "correct" if any(cand == _squad_normalize(r) for r in row.references) else "wrong"


def difflib_ratio(row: Row) -> str:
    """difflib SequenceMatcher ratio against the best reference."""
    best = max(
        difflib.SequenceMatcher(None, row.candidate.lower(), r.lower()).ratio()
        for r in row.references
    )
    return "correct" if best >= 0.553 else "wrong"


def factquiz_grader(row: Row) -> str:
    """factquiz's verdict, the references being variants of one answer."""
    refs = [list(row.references)]  # one answer whose variants are the references
    return grading.grade(row.candidate, refs, question=row.question, language="en").verdict


METHODS: dict[str, Method] = {
    "factquiz": factquiz_grader,
    "rapidfuzz token_set_ratio >= 76.5": _threshold(fuzz.token_set_ratio, 76.5),
    "rapidfuzz WRatio >= 77.3": _threshold(fuzz.WRatio, 77.3),
    "SQuAD exact match": squad_exact,
    "difflib ratio >= 0.553": difflib_ratio,
}


def timed(work: Callable[[], list[str]], passes: int) -> tuple[list[str], float]:
    """The result of the last pass and the best CPU seconds of `passes` cold passes."""
    best = float("inf")
    result: list[str] = []
    for _ in range(passes):
        grading.clear_caches()
        start = time.process_time()
        result = work()
        best = min(best, time.process_time() - start)
    return result, best


@dataclass(frozen=True)
class Scores:
    accuracy: float
    precision: float
    recall: float
    review: float


def score(decisions: Sequence[str], labels: Sequence[bool]) -> Scores:
    """Accuracy, precision, recall and review share; review counts as not accepted."""
    pairs = list(zip((d == "correct" for d in decisions), labels, strict=True))
    tp = sum(a and y for a, y in pairs)
    fp = sum(a and not y for a, y in pairs)
    fn = sum(y and not a for a, y in pairs)
    return Scores(
        accuracy=sum(a == y for a, y in pairs) / len(pairs),
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        review=sum(d == "review" for d in decisions) / len(pairs),
    )


def english_table(rows: list[Row], passes: int) -> None:
    """Print the table of methods on the English benchmark."""
    labels = [r.label for r in rows]
    print(
        f"{len(rows)} answers, {sum(labels)} labelled correct; speed: CPU time of this process"
        f" (one core), best of {passes} passes, every cache emptied before each pass\n"
    )
    head = ("method", "accuracy", "precision", "recall", "review", "dec/s")
    print(f"{head[0]:36} {head[1]:>8} {head[2]:>9} {head[3]:>7} {head[4]:>7} {head[5]:>9}")
    speeds: dict[str, float] = {}
    for name, method in METHODS.items():
        decisions, seconds = timed(lambda m=method: [m(r) for r in rows], passes)
        s = score(decisions, labels)
        speeds[name] = len(rows) / seconds
        print(
            f"{name:36} {s.accuracy:8.3f} {s.precision:9.3f} {s.recall:7.3f}"
            f" {s.review:7.1%} {speeds[name]:9,.0f}"
        )
    print(
        "\nfactquiz above: one grade() call a row, its answer key built in the timed pass"
        " (variants folded and analysed as the response needs them)"
    )
    prepared = prepared_speed(rows, passes)
    print(
        f"factquiz, answer keys prepared before the timed pass (batch grading, an item asked"
        f" again): {prepared:,.0f} dec/s; timed: each response analysed, compared, its Verdict"
        " and reason written"
    )
    speeds["factquiz, keys prepared"] = prepared
    batch = grade_many_speed(rows, passes)
    print(
        f"factquiz, grade_many over the rows (extra figure: batch grading's entry point, each"
        f" row a new item, caches emptied before each pass): {batch:,.0f} dec/s"
    )
    for fq in ("factquiz", "factquiz, keys prepared"):
        for name, speed in speeds.items():
            if not name.startswith("factquiz"):
                print(f"{fq} speed / {name}: {speeds[fq] / speed:.2f}")


def prepared_speed(rows: list[Row], passes: int) -> float:
    """Decisions/s when each row's answer key is prepared beforehand (batch grading's case:
    an item is prepared once for a whole class). Timed: each response analysed, compared,
    and its Verdict written with its reason, as `grade` returns it."""
    best = float("inf")
    for _ in range(passes):
        grading.clear_caches()
        keys = [AnswerKey([list(r.references)], r.question, language="en").prepare() for r in rows]
        start = time.process_time()
        for row, key in zip(rows, keys, strict=True):
            grading._grade_open(row.candidate, key).render(row.candidate, "en")
        best = min(best, time.process_time() - start)
    return len(rows) / best


def grade_many_speed(rows: list[Row], passes: int) -> float:
    """Decisions/s of `grade_many` on the rows, each a bank item of its own (cold: every
    item is new, so nothing is shared between rows)."""
    pairs = [
        (
            Item(id=f"row-{n}", type="open", prompt=r.question, answers=(r.references,)),
            r.candidate,
        )
        for n, r in enumerate(rows)
    ]
    _, seconds = timed(
        lambda: [v.verdict for v in grading.grade_many(pairs, language="en")], passes
    )
    return len(rows) / seconds


# --- the French table ------------------------------------------------------------------------


def french_cases(data: dict[str, Any]) -> list[tuple[dict[str, Any], str, str]]:
    """(item, response, expected verdict) from the French test table."""
    return [
        (item, str(response), verdict)
        for item in data["items"]
        for verdict in ("correct", "review", "wrong")
        for response in item.get(verdict, ())
    ]


def grade_case(item: dict[str, Any], response: str, entities: tuple[str, ...]) -> str:
    """factquiz's verdict on one case of the French table."""
    return graded_case(item, response, entities).verdict


def graded_case(item: dict[str, Any], response: str, entities: tuple[str, ...]) -> Any:
    """factquiz's whole decision on one case of the French table (verdict, credit, reason)."""
    return grading.grade(
        response,
        item.get("answers", []),
        question=item.get("prompt", ""),
        reject=item.get("reject", ()),
        require=item.get("require", "any"),
        entities=entities,
        kind=item.get("type", "open"),
        choices=item.get("choices", ()),
        verdict=item.get("verdict"),
    )


def as_item(d: dict[str, Any]) -> Item:
    """A table item as a bank Item."""
    answers = [a if isinstance(a, list) else [a] for a in d.get("answers", [])]
    return Item(
        id=d["id"],
        type=d.get("type", "open"),
        prompt=d["prompt"],
        answers=tuple(tuple(a) for a in answers),
        choices=tuple(d.get("choices", ())),
        require=d.get("require", "any"),
        reject=tuple(d.get("reject", ())),
        verdict=d.get("verdict"),
    )


def simulated_class(data: dict[str, Any], size: int) -> list[tuple[Item, str]]:
    """Each item answered by `size` students, answers drawn from the table."""
    rng = random.Random(2023)
    styles = (str, str.lower, str.upper, lambda s: f" {s} ", lambda s: s.replace(" ", "  "))
    pairs = []
    for d in data["items"]:
        item = as_item(d)
        pool = [str(r) for v in ("correct", "review", "wrong") for r in d.get(v, ())]
        pairs += [(item, rng.choice(styles)(rng.choice(pool))) for _ in range(size)]
    return pairs


def french_report(path: Path, passes: int) -> None:
    """Print agreement, false accepts and speeds on the French table."""
    from factquiz.yamlio import read_yaml

    data = read_yaml(path)
    entities = tuple(data.get("entities", ()))
    cases = french_cases(data)
    got, seconds = timed(lambda: [grade_case(i, r, entities) for i, r, _ in cases], passes)
    false_accepts = [
        (item["id"], r)
        for (item, r, want), g in zip(cases, got, strict=True)
        if g == "correct" and want != "correct"
    ]
    agree = sum(g == want for (_, _, want), g in zip(cases, got, strict=True))
    print(
        f"\nFrench cases ({path.name}): {len(cases)} answers, {agree} graded as the table says,"
        f" {len(false_accepts)} false accepts; {len(cases) / seconds:,.0f} decisions/s"
        " one grade() call at a time (cold caches)"
    )
    for item_id, response in false_accepts:
        print(f"  false accept: {item_id}: {response!r}")
    for size in CLASS_SIZES:
        pairs = simulated_class(data, size)
        _, seconds = timed(lambda p=pairs: grading.grade_many(p, entities=entities), passes)
        distinct = len({(id(i), grading.normalize(r)) for i, r in pairs})
        print(
            f"French answers, {size} students per item ({len(pairs)} answers, {distinct} distinct"
            f" after normalisation): {len(pairs) / seconds:,.0f} decisions/s with grade_many"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 1 when the data file is missing."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--french", type=Path, default=FRENCH_CASES)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(
            f"error: {args.data} not found. Give the path of answer-equivalence-dev.jsonl"
            " (see ../shared/bench/README.md).",
            file=sys.stderr,
        )
        return 1
    english_table(load_rows(args.data), max(1, args.passes))
    if args.french.is_file():
        french_report(args.french, max(1, args.passes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
