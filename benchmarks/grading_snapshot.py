"""Every decision of factquiz's grader on the benchmark rows and the French table, saved and
compared: a speed change must not change a single verdict, credit, match or reason.

    python benchmarks/grading_snapshot.py --save [SNAPSHOT.json]   # record
    python benchmarks/grading_snapshot.py [SNAPSHOT.json]          # compare (exit 1 if not equal)

SNAPSHOT.json defaults to /tmp/factquiz-grading-snapshot.json (it is derived from
../shared/bench, so it is not committed). Graded, for each benchmark row: the row as the
accuracy benchmark grades it, in French too, its references as separate answers (`require:
any` and `all`), with the next row's references as known entities, the first reference
against the candidate (roles swapped), with its answer key prepared whole (batch grading),
and `grade_many` over all rows; for the French table (tests/data/grading/french_cases.yaml):
each case with `grade`, and the simulated classes of the accuracy benchmark with
`grade_many`. Everything is graded twice, caches emptied before
the first pass and kept for the second: a cache must never change a decision.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import grading_accuracy as bench  # noqa: E402

from factquiz import grading  # noqa: E402
from factquiz.answer_key import AnswerKey  # noqa: E402
from factquiz.bank import Item  # noqa: E402
from factquiz.verdicts import Verdict  # noqa: E402

DEFAULT_SNAPSHOT = Path("/tmp/factquiz-grading-snapshot.json")

Case = tuple[str, Callable[[], Verdict]]


def as_list(v: Verdict) -> list[object]:
    """Everything a Verdict carries, as JSON."""
    return [v.verdict, v.credit, v.matched, v.reason]


def row_cases(rows: list[bench.Row]) -> list[Case]:
    """Each benchmark row graded several ways (labelled, deferred calls)."""
    cases: list[Case] = []
    for n, r in enumerate(rows):
        refs, q, cand = list(r.references), r.question, r.candidate
        nxt = list(rows[(n + 1) % len(rows)].references)
        separate = [[x] for x in refs]
        ways: dict[str, tuple[str, object, dict]] = {
            "en": (cand, [refs], {"language": "en"}),
            "fr": (cand, [refs], {}),
            "any": (cand, separate, {"language": "en"}),
            "all": (cand, separate, {"language": "en", "require": "all"}),
            "ent": (
                cand,
                [refs[:1]],
                {"language": "en", "entities": refs[1:] + nxt, "reject": nxt[:1]},
            ),
            "swap": (refs[0], [[cand]], {"language": "en"}),
        }
        for way, (response, accepted, kw) in ways.items():
            call = partial(grading.grade, response, accepted, question=q, **kw)
            cases.append((f"{n}:{way}", call))
        cases.append((f"{n}:prepared", partial(prepared, cand, refs, q)))
    return cases


def prepared(response: str, refs: list[str], question: str) -> Verdict:
    """A row graded as batch grading does, its answer key prepared whole beforehand."""
    key = AnswerKey([refs], question, language="en").prepare()
    return grading._grade_open(response, key).render(response, "en")


def french_cases(path: Path) -> list[Case]:
    """Each case of the French table graded as the accuracy benchmark does, with its reason."""
    from factquiz.yamlio import read_yaml

    data = read_yaml(path)
    entities = tuple(data.get("entities", ()))
    cases: list[Case] = []
    for n, (item, response, _) in enumerate(bench.french_cases(data)):

        def one(item: dict = item, response: str = response) -> Verdict:
            return bench.graded_case(item, response, entities)

        cases.append((f"fr{n}:{item['id']}:{response}", one))
    return cases


def batches(rows: list[bench.Row], path: Path) -> dict[str, list[list[object]]]:
    """`grade_many` over the rows (each an item) and over the French simulated classes."""
    from factquiz.yamlio import read_yaml

    pairs = [
        (Item(id=f"row-{n}", type="open", prompt=r.question, answers=(r.references,)), r.candidate)
        for n, r in enumerate(rows)
    ]
    out = {"rows": [as_list(v) for v in grading.grade_many(pairs, language="en")]}
    data = read_yaml(path)
    entities = tuple(data.get("entities", ()))
    for size in bench.CLASS_SIZES[:1]:
        cls = bench.simulated_class(data, size)
        out[f"class{size}"] = [as_list(v) for v in grading.grade_many(cls, entities=entities)]
    return out


def run(rows: list[bench.Row], path: Path) -> dict[str, object]:
    """Every decision, as JSON."""
    cases = row_cases(rows) + french_cases(path)
    return {
        "cases": {label: as_list(call()) for label, call in cases},
        "batches": batches(rows, path),
    }


def differences(a: dict, b: dict, limit: int = 20) -> list[str]:
    """The first `limit` decisions that differ between two snapshots."""
    out = []
    for label, want in a["cases"].items():
        got = b["cases"].get(label)
        if got != want:
            out.append(f"{label}: saved {want} now {got}")
    for name, want in a["batches"].items():
        got = b["batches"].get(name, [])
        for n, (w, g) in enumerate(zip(want, got, strict=False)):
            if w != g:
                out.append(f"batch {name}[{n}]: saved {w} now {g}")
        if len(want) != len(got):
            out.append(f"batch {name}: {len(want)} saved, {len(got)} now")
    return out[:limit] + ([f"... {len(out) - limit} more"] if len(out) > limit else [])


def main() -> int:
    """Save or compare the snapshot; 1 when something differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", nargs="?", type=Path, default=DEFAULT_SNAPSHOT)
    parser.add_argument("--save", action="store_true")
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--french", type=Path, default=bench.FRENCH_CASES)
    args = parser.parse_args()
    rows = bench.load_rows(args.data)
    grading.clear_caches()
    cold = run(rows, args.french)
    warm = run(rows, args.french)  # caches kept from the cold pass
    problems = [f"warm vs cold: {d}" for d in differences(cold, warm)]
    n = len(cold["cases"]) + sum(len(v) for v in cold["batches"].values())
    if args.save:
        args.snapshot.write_text(json.dumps(cold, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"saved {n} decisions to {args.snapshot}")
    else:
        saved = json.loads(args.snapshot.read_text(encoding="utf-8"))
        problems += differences(saved, cold)
        print(f"compared {n} decisions with {args.snapshot}")
    for p in problems:
        print(p)
    print("IDENTICAL" if not problems else "DIFFERENT")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
