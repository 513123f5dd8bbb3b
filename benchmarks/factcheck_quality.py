"""Fact-check drills on a set of articles: claim items by verdict, attribution and
cross-source items, the corroboration report; and a sample for an independent judge.

    python benchmarks/factcheck_quality.py [ARTICLE_OR_DIR ...] [--sample FILE]
    python benchmarks/factcheck_quality.py --score JUDGEMENTS.txt [--sample FILE]

Articles default to the five seeds. The first form prints:
- the claim items by verdict and by mutation kind (targets: at least 30 items, each
  verdict at least a quarter of them);
- attribution and cross-source items;
- the corroboration report's facts carried by two or more articles, and its
  disagreements, each with the articles' words side by side;
- seconds for reading and parsing (model load apart) beside seconds for the drills.
It writes SAMPLE (default /tmp/factcheck-sample.md): every claim with its verdict and the
articles' paths, numbered, for a judge who reads the articles and marks each verdict.

The second form reads the judge's marks, one line per claim: `N right` or `N wrong`
(anything after is a comment), and prints the share judged right by verdict beside the
targets (all supported claims, at least 95% of refuted and not_in_sources).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLE = Path("/tmp/factcheck-sample.md")
TARGETS = {"supported": 1.0, "refuted": 0.95, "not_in_sources": 0.95}
LINE = re.compile(r"^\| (\d+) \| (\w+) \| (.*) \|$")

JUDGE_NOTE = """\
Read the articles below. For each numbered claim, decide whether its verdict is right:
- supported: an article states the claim (or says the same in other words);
- refuted: an article states something the claim contradicts;
- not_in_sources: no article states the claim or contradicts it.
A claim that is not natural, grammatical French a teacher would put to a class counts as
wrong too. Write one line per claim in a text file, `N right` or `N wrong`, with a comment
after it if you wish, then run: python benchmarks/factcheck_quality.py --score FILE
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="*", type=Path, default=[SEEDS])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--score", type=Path, help="the judge's marks, one line per claim")
    args = parser.parse_args()
    if args.score:
        return score(args.sample, args.score)
    return measure(args.articles, args.sample)


def measure(paths: list[Path], sample: Path) -> int:
    from factquiz.generate.corroboration import corroborate, cross_source_items, role_name
    from factquiz.generate.factcheck import attribution_items, claim_records, read_corpus
    from factquiz.generate.parsing import load_pipeline

    nlp = load_pipeline()
    started = time.perf_counter()
    found, index = read_corpus(paths, nlp=nlp)
    parsed = time.perf_counter()
    records = claim_records(found, index)
    attribution = attribution_items(found, index)
    report = corroborate(found, index)
    cross = cross_source_items(report, found)
    done = time.perf_counter()

    verdicts = Counter(r.verdict for r in records)
    n = len(records)
    print(f"articles: {len(found)}  claim items: {n} (target 30)")
    for verdict in ("supported", "refuted", "not_in_sources"):
        share = verdicts[verdict] / n if n else 0.0
        print(f"  {verdict:15} {verdicts[verdict]:3}  {share:5.1%} (target 25%)")
    kinds = Counter(r.mutation or "as stated" for r in records)
    print("  by change:", ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"attribution items: {len(attribution)}  cross-source items: {len(cross)}")
    print(f"\nfacts carried by two or more articles: {len(report.shared)}")
    for fact in report.shared:
        print(f"  {fact.label}  [{', '.join(fact.sources)}]")
    print(f"disagreements: {len(report.disagreements)}")
    for d in report.disagreements:
        sides = " / ".join(f"{s}: « {v} »" for s, v, _ in d.values)
        print(f"  {d.fact.label} ({role_name(d.role)}, {d.kind}): {sides}")
    print(f"facts on a single source: {len(report.single)}")
    print(
        f"\nseconds: reading and parsing {parsed - started:.2f}, drills {done - parsed:.2f} "
        f"(ratio {(done - parsed) / max(parsed - started, 1e-9):.2f}), model load apart"
    )
    write_sample(sample, records, found)
    print(f"sample for the judge: {sample}")
    return 0


def write_sample(path: Path, records, found) -> None:  # type: ignore[no-untyped-def]
    lines = ["# Fact-check claims to judge", "", JUDGE_NOTE, "## Articles", ""]
    lines += [f"- {f.article.meta.path.resolve()}" for f in found]
    lines += ["", "## Claims", "", "| # | verdict | claim |", "|---|---|---|"]
    lines += [f"| {i} | {r.verdict} | {r.claim} |" for i, r in enumerate(records, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def score(sample: Path, marks: Path) -> int:
    verdict_of = {}
    for line in sample.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if m:
            verdict_of[int(m[1])] = m[2]
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for line in marks.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(\d+)\s+(right|wrong)\b", line)
        if m and int(m[1]) in verdict_of:
            verdict = verdict_of[int(m[1])]
            seen[verdict] += 1
            right[verdict] += m[2] == "right"
    if len(seen) == 0:
        print("no marks read: write lines like `12 right`", file=sys.stderr)
        return 1
    unmarked = len(verdict_of) - sum(seen.values())
    print(f"claims judged: {sum(seen.values())} of {len(verdict_of)} ({unmarked} unmarked)")
    for verdict, target in TARGETS.items():
        share = right[verdict] / seen[verdict] if seen[verdict] else 0.0
        print(f"  {verdict:15} {right[verdict]}/{seen[verdict]} right  {share:6.1%}  "
              f"(target {target:.0%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
