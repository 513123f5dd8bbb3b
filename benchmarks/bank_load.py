"""Load a generated 10,000-item bank with the guarded loader, beside plain yaml.safe_load.

    python benchmarks/bank_load.py [--items 10000] [--runs 3]

Target (issue 2): under 1 s, and no slower than plain safe_load with the pure-Python loader.
The guarded figure includes every bank rule (types, ids, unknown keys, quotes in their files).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from factquiz.bank import Bank, Evidence, Item, Source, save_bank
from factquiz.bank_rules import check_bank
from factquiz.yamlio import read_yaml

ARTICLE = (
    "Le train personnel de Kim s’est arrêté à Khasan, une gare située à la frontière entre la "
    "Russie et la Corée du Nord, tôt mardi. Il a été accueilli sur un tapis rouge par le "
    "gouverneur régional Oleg Kozhemyako et le ministre des Ressources naturelles Alexander "
    "Kozlov. La base de lancement est située à environ 900 kilomètres au nord-ouest d’Ussuriysk.\n"
)


def make_bank(n: int) -> Bank:
    """A bank shaped like a generated one: open, choice and claim items with evidence."""
    items = []
    for i in range(n):
        ev = Evidence("art", "Il a été accueilli sur un tapis rouge par le gouverneur régional")
        if i % 3 == 0:
            it = Item(f"q{i}", "open", f"Qui a accueilli Kim à Khasan (variante {i}) ?",
                      answers=(("Oleg Kozhemyako", "Kozhemyako", "Kojemiako"),),
                      reject=("Alexander Kozlov", "Sergei Shoigu"), evidence=ev, skill="who",
                      difficulty=2, tags=("khasan",))  # fmt: skip
        elif i % 3 == 1:
            it = Item(f"q{i}", "choice", f"À quelle distance d'Ussuriysk est la base ({i}) ?",
                      answers=(("900 km",),), choices=("60 km", "900 km", "148 km", "24 km"),
                      evidence=ev, skill="number", difficulty=1)  # fmt: skip
        else:
            it = Item(f"q{i}", "claim", f"Kim a été accueilli à Khasan par Shoigu ({i}).",
                      verdict="refuted", evidence=ev, skill="verification",
                      explanation="Le gouverneur et un ministre l'ont accueilli.")  # fmt: skip
        items.append(it)
    return Bank("bench", "Bench", "fr", tuple(items), (Source("art", file="article.txt"),))


def best_of(fn, runs: int) -> tuple[float, float, float]:
    """Best and median wall time, and best CPU time of this process (steadier on a shared box)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), statistics.median(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
        path = folder / "bank.yaml"
        save_bank(make_bank(args.items), path)
        text = path.read_text(encoding="utf-8")
        size = len(text.encode())
        rows = [
            ("yaml.safe_load, pure-Python SafeLoader", lambda: yaml.load(text, yaml.SafeLoader)),
            ("yaml.safe_load, CSafeLoader", lambda: yaml.load(text, yaml.CSafeLoader)),
            ("factquiz read_yaml (guards only)", lambda: read_yaml(path)),
            ("factquiz check_bank (guards + every rule)", lambda: check_bank(path)),
        ]
        report = check_bank(path)
        assert not report.errors, report.errors[:3]
        print(f"bank: {args.items:,} items, {size / 1e6:.1f} MB; best and median of {args.runs}")
        results = {}
        for name, fn in rows:
            best, med, cpu = best_of(fn, args.runs)
            results[name] = best
            print(f"  {name:44s} best {best:6.3f} s   median {med:6.3f} s   cpu {cpu:6.3f} s")
        pure = results[rows[0][0]]
        full = results[rows[3][0]]
        print(f"check_bank / pure safe_load: {full / pure:.2f}x (target <= 1.0)")
        print(f"check_bank under 1 s: {'met' if full < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
