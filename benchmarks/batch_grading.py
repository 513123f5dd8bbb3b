"""Batch grading speed and memory: a synthetic class graded end to end by `factquiz grade`.

    python benchmarks/batch_grading.py                 # 1k, 10k and 100k students
    python benchmarks/batch_grading.py --sizes 1000    # a quick look

The class is made here, in a temporary folder, as a Google Forms export: 50 items of the
bundled bank, one row per student. Answers are drawn to look like a real class: students of
varied ability, right answers in their usual forms (variants, case, accents, articles),
typos, the near misses a bank's `reject` lists, other items' answers, blanks, a long tail of
one-off misspellings, and most students writing one of a few common forms.

End to end is `factquiz.batch.grade_to_folder`, the function the `grade` command calls: from
reading the CSV to writing gradebook.csv, results.yaml, review.yaml and items.csv. Each
size runs in its own process so that its peak memory (max RSS) is its own. Beside it, on the
same answers, two per-answer loops that a first version would write: difflib's ratio and
rapidfuzz's token_set_ratio against every accepted form (grading only, no I/O).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ITEMS = 50
SEED = 20230913
CLAIM_WORDS = {
    "supported": ["vrai", "1", "confirmé", "Vrai", "confirmée par les sources", "oui"],
    "refuted": ["faux", "2", "réfuté", "Faux", "contredit", "contredite par les sources"],
    "not_in_sources": ["3", "non mentionné", "pas dans les sources", "on ne sait pas", "?"],
}


def _bank():  # noqa: ANN202 - the bundled bank, first 50 items
    from factquiz.bank import load_bank, resolve_bank

    bank = load_bank(resolve_bank(None))
    return bank, bank.items[:ITEMS]


def _typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard in a word of five letters or more, if there is one."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    slip = rng.randrange(3)
    if slip == 0:
        w = w[:j] + w[j + 1 :]
    elif slip == 1:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    else:
        w = w[:j] + rng.choice("aeiourstln") + w[j + 1 :]
    words[i] = w
    return " ".join(words)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _pools(rng: random.Random, items, others: list[str]):  # noqa: ANN001, ANN202
    """For each item: the common right forms and the common wrong ones, most frequent first."""
    pools = []
    for item in items:
        if item.type == "claim":
            right = CLAIM_WORDS[item.verdict]
            wrong = [w for v, ws in CLAIM_WORDS.items() if v != item.verdict for w in ws]
        elif item.type == "choice":
            k = item.choices.index(item.answers[0][0])
            right = [str(k + 1), "abcd"[k], item.choices[k], item.choices[k].lower()]
            wrong = [str(i + 1) for i in range(len(item.choices)) if i != k]
            wrong += [c for i, c in enumerate(item.choices) if i != k]
        else:
            forms = [f for answer in item.answers for f in answer]
            if item.require == "all":
                forms = [" et ".join(a[0] for a in item.answers)]
            right = forms + [forms[0].lower(), _plain(forms[0]), forms[0].upper()]
            right += [_typo(rng, f) for f in forms[:3]]
            wrong = list(item.reject) + rng.sample(others, 4) + ["je ne sais pas"]
            wrong += [_typo(rng, w) for w in item.reject[:2]]
        pools.append((right, wrong))
    return pools


def _zipf(rng: random.Random, forms: list[str]) -> str:
    # The first forms are the common ones: weight 1/(rank+1).
    weights = [1 / (r + 1) for r in range(len(forms))]
    return rng.choices(forms, weights)[0]


def make_class(students: int, folder: Path) -> tuple[Path, list[list[str]]]:
    """Write the synthetic Google Forms export; return it and the answers per item."""
    _, items = _bank()
    rng = random.Random(SEED)
    others = [a[0] for it in items if it.type == "open" for a in it.answers]
    pools = _pools(rng, items, others)
    difficulty = [rng.gauss(0, 1) for _ in items]
    by_item: list[list[str]] = [[] for _ in items]
    path = folder / f"class-{students}.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Horodateur", "Adresse e-mail", *(it.prompt for it in items)])
        for n in range(students):
            ability = rng.gauss(0, 1)
            row = []
            for i, (right, wrong) in enumerate(pools):
                p_right = 1 / (1 + math.exp(-(1.3 * ability - difficulty[i])))
                roll = rng.random()
                if roll < 0.02 + 0.04 * (ability < -1):
                    answer = ""
                elif rng.random() < p_right:
                    answer = _typo(rng, right[0]) if roll > 0.97 else _zipf(rng, right)
                else:
                    answer = _typo(rng, rng.choice(wrong)) if roll > 0.97 else _zipf(rng, wrong)
                row.append(answer)
                by_item[i].append(answer)
            out.writerow([f"2023/09/14 10:{n % 60:02d}:00", f"eleve{n:06d}@lycee.fr", *row])
    return path, by_item


# --- one end-to-end run, in its own process --------------------------------------------------


def run_one(csv_path: Path, outdir: Path) -> dict[str, object]:
    """Grade the class as `factquiz grade` does; time each stage; report peak memory."""
    from factquiz.batch import grade_to_folder

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        marks.setdefault(stage, time.perf_counter())
        if done == total:
            marks[stage + " done"] = time.perf_counter()

    start = time.perf_counter()
    run = grade_to_folder("kim-russie-2023", [csv_path], outdir, progress=progress)
    end = time.perf_counter()
    return {
        "seconds": end - start,
        "read": marks["reading sheets done"] - start,
        "grade": marks["grading done"] - marks["reading sheets done"],
        "after": end - marks["grading done"],
        "students": len(run.grading.sheets),
        "answers": sum(len(r) for r in run.grading.answers),
        "forms": len(run.grading.forms),
        "rss_before_mib": rss_before / 1024,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child(csv_path: Path, outdir: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", str(csv_path), str(outdir)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


# --- the per-answer baselines ------------------------------------------------------------------


def _accepted_forms(item) -> list[str]:  # noqa: ANN001
    if item.type == "claim":
        return CLAIM_WORDS[item.verdict][:1] + [item.verdict]
    return [f for answer in item.answers for f in answer]


def difflib_loop(items, by_item: list[list[str]], limit: int) -> tuple[int, float]:  # noqa: ANN001
    """SequenceMatcher ratio >= 0.8 against every accepted form, answer by answer."""
    from difflib import SequenceMatcher

    n = 0
    start = time.perf_counter()
    for item, answers in zip(items, by_item, strict=True):
        forms = [f.lower() for f in _accepted_forms(item)]
        for a in answers[:limit]:
            a = a.lower()
            max(SequenceMatcher(None, a, f).ratio() for f in forms) >= 0.8  # noqa: B015
            n += 1
    return n, time.perf_counter() - start


def rapidfuzz_loop(items, by_item: list[list[str]]) -> tuple[int, float]:  # noqa: ANN001
    """token_set_ratio >= 76.5 (the best simple threshold of grading.md), answer by answer."""
    from rapidfuzz import fuzz, process, utils

    n = 0
    start = time.perf_counter()
    for item, answers in zip(items, by_item, strict=True):
        forms = _accepted_forms(item)
        for a in answers:
            best = process.extractOne(a, forms, scorer=fuzz.token_set_ratio,
                                      processor=utils.default_process)  # fmt: skip
            best is not None and best[1] >= 76.5  # noqa: B015
            n += 1
    return n, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--difflib-students", type=int, default=1_000,
                        help="students per item timed for the (slow) difflib loop")  # fmt: skip
    parser.add_argument("--one", nargs=2, metavar=("CSV", "OUTDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), Path(args.one[1]))))
        return
    _, items = _bank()
    print(f"factquiz batch grading: {ITEMS} items of kim-russie-2023, synthetic class\n")
    print(f"{'students':>9} {'answers':>10} {'forms':>8} {'seconds':>8} {'answers/s':>10} "
          f"{'read':>6} {'grade':>6} {'rest':>6} {'peak MiB':>9}")  # fmt: skip
    reference = None
    with tempfile.TemporaryDirectory() as tmp:
        for students in args.sizes:
            csv_path, by_item = make_class(students, Path(tmp))
            r = _child(csv_path, Path(tmp) / f"out-{students}")
            rate = r["answers"] / r["seconds"]
            print(f"{students:>9,} {r['answers']:>10,} {r['forms']:>8,} {r['seconds']:>8.2f} "
                  f"{rate:>10,.0f} {r['read']:>6.2f} {r['grade']:>6.2f} {r['after']:>6.2f} "
                  f"{r['peak_rss_mib']:>9.0f}")  # fmt: skip
            if students == 10_000 or reference is None:
                reference = (students, by_item, rate, r["answers"] / r["grade"])
        students, by_item, rate, grade_rate = reference
        print(f"\nPer-answer loops on the same {students:,}-student class (grading only):")
        n, s = rapidfuzz_loop(items, by_item)
        print(f"  rapidfuzz token_set_ratio: {n / s:>10,.0f} answers/s ({n:,} answers, {s:.2f} s)")
        n, s = difflib_loop(items, by_item, args.difflib_students)
        print(f"  difflib ratio:             {n / s:>10,.0f} answers/s ({n:,} answers, {s:.2f} s)")
        ratio = rate / (n / s)
        print(f"  factquiz grading stage:    {grade_rate:>10,.0f} answers/s (grouping + grader)")
        print(f"  factquiz end to end:       {rate:>10,.0f} answers/s = {ratio:.1f} x difflib")


if __name__ == "__main__":
    main()
