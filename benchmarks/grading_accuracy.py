"""Accuracy and speed of factquiz's grader beside simple baselines, on human-labelled answers.

    python benchmarks/grading_accuracy.py [ANSWERS.jsonl] [--french CASES.yaml] [--passes N]

ANSWERS.jsonl defaults to ../shared/bench/answer-equivalence-dev.jsonl (English question /
reference / candidate triples with human equivalence labels). For each method it prints
accuracy, precision, recall, the share sent to review (counted as not accepted) and decisions
per second on one core, then the ratio of factquiz's speed to each baseline's. Speed is the
best of N cold passes: factquiz's caches are emptied before each pass, so no answer is ever
graded from a previous pass. It also grades the French cases of the tests
(tests/data/grading/french_cases.yaml) and reports false accepts there and decisions/s.

Thresholds of the baselines are the ones published with the data (chosen on the 5,000-pair
sample it was drawn from); factquiz's rules and thresholds are fixed in its code.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, utils  # noqa: E402

from factquiz import grading  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "answer-equivalence-dev.jsonl"
FRENCH_CASES = ROOT / "tests" / "data" / "grading" / "french_cases.yaml"


@dataclass(frozen=True)
class Row:
    question: str
    references: tuple[str, ...]
    candidate: str
    label: bool


# A decision: "correct", "review" or "wrong".
Method = Callable[[Row], str]


def load_rows(path: Path) -> list[Row]:
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


def _squad_normalize(text: str) -> str:
    text = "".join(c for c in text.lower() if c not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def squad_exact(row: Row) -> str:
    cand = _squad_normalize(row.candidate)
    return "correct" if any(cand == _squad_normalize(r) for r in row.references) else "wrong"


def difflib_ratio(row: Row) -> str:
    best = max(
        difflib.SequenceMatcher(None, row.candidate.lower(), r.lower()).ratio()
        for r in row.references
    )
    return "correct" if best >= 0.553 else "wrong"


def factquiz_grader(row: Row) -> str:
    refs = [list(row.references)]  # one answer whose variants are the references
    return grading.grade(row.candidate, refs, question=row.question, language="en").verdict


METHODS: dict[str, Method] = {
    "factquiz": factquiz_grader,
    "rapidfuzz token_set_ratio >= 76.5": _threshold(fuzz.token_set_ratio, 76.5),
    "rapidfuzz WRatio >= 77.3": _threshold(fuzz.WRatio, 77.3),
    "SQuAD exact match": squad_exact,
    "difflib ratio >= 0.553": difflib_ratio,
}


def _cold() -> None:
    grading.clear_caches()


def run(method: Method, rows: Sequence[Row], passes: int) -> tuple[list[str], float]:
    """Decisions of the last pass, and the best decisions/s over cold passes."""
    best = float("inf")
    decisions: list[str] = []
    for _ in range(passes):
        _cold()
        start = time.perf_counter()
        decisions = [method(r) for r in rows]
        best = min(best, time.perf_counter() - start)
    return decisions, len(rows) / best


@dataclass(frozen=True)
class Scores:
    accuracy: float
    precision: float
    recall: float
    review: float


def score(decisions: Sequence[str], labels: Sequence[bool]) -> Scores:
    accepted = [d == "correct" for d in decisions]
    tp = sum(a and y for a, y in zip(accepted, labels, strict=True))
    fp = sum(a and not y for a, y in zip(accepted, labels, strict=True))
    fn = sum(not a and y for a, y in zip(accepted, labels, strict=True))
    n = len(labels)
    return Scores(
        accuracy=sum(a == y for a, y in zip(accepted, labels, strict=True)) / n,
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        review=sum(d == "review" for d in decisions) / n,
    )


def english_table(rows: list[Row], passes: int) -> dict[str, float]:
    labels = [r.label for r in rows]
    print(f"{len(rows)} answers, {sum(labels)} labelled correct; best of {passes} cold passes\n")
    head = ("method", "accuracy", "precision", "recall", "review", "dec/s")
    print(f"{head[0]:36} {head[1]:>8} {head[2]:>9} {head[3]:>7} {head[4]:>7} {head[5]:>9}")
    speeds: dict[str, float] = {}
    for name, method in METHODS.items():
        decisions, speed = run(method, rows, passes)
        s = score(decisions, labels)
        speeds[name] = speed
        print(
            f"{name:36} {s.accuracy:8.3f} {s.precision:9.3f} {s.recall:7.3f}"
            f" {s.review:7.1%} {speed:9,.0f}"
        )
    print()
    for name, speed in speeds.items():
        if name != "factquiz":
            print(f"factquiz speed / {name}: {speeds['factquiz'] / speed:.2f}")
    return speeds


def french_cases(path: Path) -> list[tuple[dict, str, str]]:
    """(item, response, expected verdict) from the French test table."""
    from factquiz.yamlio import read_yaml

    data = read_yaml(path)
    cases = []
    for item in data["items"]:
        for verdict in ("correct", "review", "wrong"):
            for response in item.get(verdict, ()):
                cases.append((item, str(response), verdict))
    return cases


def grade_case(item: dict, response: str, entities: tuple[str, ...]) -> str:
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
    ).verdict


def french_table(path: Path, passes: int) -> None:
    from factquiz.yamlio import read_yaml

    entities = tuple(read_yaml(path).get("entities", ()))
    cases = french_cases(path)
    best = float("inf")
    got: list[str] = []
    for _ in range(passes):
        _cold()
        start = time.perf_counter()
        got = [grade_case(item, r, entities) for item, r, _ in cases]
        best = min(best, time.perf_counter() - start)
    false_accepts = [
        (item["id"], r)
        for (item, r, want), g in zip(cases, got, strict=True)
        if g == "correct" and want != "correct"
    ]
    agree = sum(g == want for (_, _, want), g in zip(cases, got, strict=True))
    print(
        f"\nFrench cases ({path.name}): {len(cases)} answers, {agree} graded as the table says,"
        f" {len(false_accepts)} false accepts, {len(cases) / best:,.0f} decisions/s"
        " (one grade() call each, cold caches)"
    )
    for item_id, response in false_accepts:
        print(f"  false accept: {item_id}: {response!r}")


def main(argv: Sequence[str] | None = None) -> int:
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
    english_table(load_rows(args.data), args.passes)
    if args.french.is_file():
        french_table(args.french, args.passes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
