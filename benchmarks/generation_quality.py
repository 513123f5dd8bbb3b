"""How good are the generated items? Counts, samples for a judge, and PIAF answer coverage.

    python benchmarks/generation_quality.py [--corpora ../shared/corpora] [--out /tmp]
        [--judged-seeds FILE] [--judged-wikinews FILE] [--piaf-paragraphs 150]

Targets (issue 5):
- seeds: at least 60 items; at least 90% of a random sample of 40 judged acceptable;
- Wikinews (text the generator was not tuned on): 40 items from 5 articles, 80% acceptable;
- PIAF: the generator makes an item with the human answer, from the same paragraph, for at
  least 40% of the human answers.

Acceptability is judged by a reader who sees only the items and the articles: grammatical
French, answerable from the quote alone, answer correct and not given away, worth asking a
journalism student. This script draws the samples with a fixed seed and writes them, with
their quotes, to `<out>/sample-seeds.md` and `<out>/sample-wikinews.md`, plus a sheet to fill
(`sample-*.judgement.csv`: one line per item, `ok` or `bad`). Give the filled sheets back with
--judged-seeds / --judged-wikinews and the shares are computed.

The generator runs in this process with spaCy loaded once. Only this script reads the
shared corpora; the package and its tests never do.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import tempfile
from collections import Counter
from pathlib import Path

from factquiz.bank import Bank, Item
from factquiz.generate import generate_bank
from factquiz.generate.cleaning import clean_article
from factquiz.generate.parsing import load_pipeline
from factquiz.text import fold_basic

ROOT = Path(__file__).resolve().parent.parent
SEED = 2024
SAMPLE = 40


def _counts(bank: Bank) -> str:
    by_type = Counter(it.type for it in bank.items)
    by_skill = Counter(it.skill for it in bank.items)
    lines = [f"  items: {len(bank.items)}"]
    lines.append("  by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    lines.append("  by skill: " + ", ".join(f"{k} {v}" for k, v in sorted(by_skill.items())))
    return "\n".join(lines)


def _item_markdown(n: int, it: Item, titles: dict[str, str]) -> str:
    assert it.evidence is not None
    lines = [f"### {n}. `{it.id}` ({it.type}, {it.skill})", "", f"**{it.prompt}**", ""]
    if it.choices:
        lines += [f"- {c}{'  ← answer' if (c,) in it.answers else ''}" for c in it.choices]
    else:
        lines += ["Answers: " + " ; ".join(" / ".join(a) for a in it.answers)]
    source = it.evidence.source
    lines += ["", f"Quote ({source}, {titles.get(source, '')}): « {it.evidence.quote} »", ""]
    return "\n".join(lines)


def write_sample(bank: Bank, name: str, out: Path) -> list[Item]:
    """A fixed-seed sample of items, as Markdown for the judge and a CSV sheet to fill."""
    items = list(bank.items)
    sample = random.Random(SEED).sample(items, min(SAMPLE, len(items)))
    titles = {s.id: s.title or "" for s in bank.sources}
    files = {s.id: s.file or "" for s in bank.sources}
    text = [f"# Sample of generated items: {name} ({len(sample)} of {len(items)})", ""]
    text += ["Articles: " + ", ".join(sorted({files[it.evidence.source] for it in sample}))]
    text += [""] + [_item_markdown(i, it, titles) for i, it in enumerate(sample, 1)]
    (out / f"sample-{name}.md").write_text("\n".join(text), encoding="utf-8")
    sheet = out / f"sample-{name}.judgement.csv"
    if sheet.exists() and judged_share(sheet)[1]:
        return sample  # never write a blank sheet over one a judge has filled
    with open(sheet, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["n", "id", "verdict", "reason"])
        for i, it in enumerate(sample, 1):
            writer.writerow([i, it.id, "", ""])
    return sample


def judged_share(path: Path) -> tuple[int, int]:
    """(acceptable, judged) from a filled judgement sheet."""
    with open(path, encoding="utf-8") as fh:
        verdicts = [row["verdict"].strip().lower() for row in csv.DictReader(fh)]
    judged = [v for v in verdicts if v in ("ok", "bad")]
    return sum(v == "ok" for v in judged), len(judged)


def _report_judgement(label: str, path: Path | None, target: float) -> None:
    if path is None:
        print(f"  {label}: sample written; judge it and rerun with the filled sheet")
        return
    ok, n = judged_share(path)
    share = ok / n if n else 0.0
    print(f"  {label}: {ok}/{n} acceptable = {share:.0%} (target {target:.0%})")


def _fates(result) -> str:
    """Where the candidates went: each hard filter, low score, selection, kept."""
    parts = ", ".join(f"{k} {v}" for k, v in result.fates.most_common())
    return f"  {len(result.questions)} candidates: {parts}"


def seeds_figures(nlp, out: Path, judged: Path | None) -> None:
    result = generate_bank([ROOT / "seeds"], out / "seeds-generated.yaml", nlp=nlp)
    bank = result.bank
    print("Seeds (5 articles):")
    print(_counts(bank))
    print(_fates(result))
    write_sample(bank, "seeds", out)
    _report_judgement("judged", judged, 0.90)


def wikinews_figures(nlp, corpora: Path, out: Path, articles: int, judged: Path | None) -> None:
    """Items from `articles` articles drawn at random; when they give fewer than 40 items,
    more articles are drawn, in the same random order, until the sample can hold 40."""
    files = sorted((corpora / "wikinews-fr").glob("*.txt"))
    order = random.Random(SEED).sample(files, len(files))
    result = generate_bank(sorted(order[:articles]), out / "wikinews-generated.yaml", nlp=nlp)
    first = result.bank
    print(f"Wikinews, {articles} articles drawn with seed {SEED} "
          f"({', '.join(p.stem for p in sorted(order[:articles]))}):")  # fmt: skip
    print(_counts(first))
    print(_fates(result))
    count, bank = articles, first
    while len(bank.items) < SAMPLE and count < len(order):
        count += 1
        bank = generate_bank(sorted(order[:count]), out / "wikinews-generated.yaml", nlp=nlp).bank
    if count > articles:
        print(f"  {count} articles (the same order) needed for {len(bank.items)} items:")
        print(_counts(bank))
    write_sample(bank, "wikinews", out)
    _report_judgement("judged", judged, 0.80)


def _piaf_paragraphs(corpora: Path, count: int) -> list[dict]:
    data = json.loads((corpora / "piaf" / "piaf-v1.0.json").read_text(encoding="utf-8"))
    paragraphs = [p for article in data["data"] for p in article["paragraphs"]]
    # A paragraph with no full sentence (a list, a table row) is no article: skip it.
    paragraphs = [p for p in paragraphs if clean_article(p["context"])]
    return random.Random(SEED).sample(paragraphs, min(count, len(paragraphs)))


def _covered(human: str, answers: list[str]) -> bool:
    h = f" {fold_basic(human)} "
    return bool(h.strip()) and any(h in f" {fold_basic(a)} " for a in answers)


ANSWER_TYPES = (
    "number or date",
    "name (capitalised word)",
    "short phrase (1-4 words)",
    "long phrase or clause (5+)",
)
_MONTHS = re.compile(
    r"\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre)\b",
    re.I,
)


def _answer_type(answer: str) -> str:
    """A rough kind for a human answer, to see where the generator falls short."""
    words = answer.split()
    if re.search(r"\d", answer) or _MONTHS.search(answer):
        return ANSWER_TYPES[0]
    if any(w[:1].isupper() for w in words):
        return ANSWER_TYPES[1]
    return ANSWER_TYPES[2] if len(words) <= 4 else ANSWER_TYPES[3]


def piaf_figures(nlp, corpora: Path, count: int) -> None:
    """Share of human answers that an item of the same paragraph has as an answer."""
    paragraphs = _piaf_paragraphs(corpora, count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, p in enumerate(paragraphs):
            (folder / f"piaf-{i:04d}.txt").write_text(p["context"] + "\n", encoding="utf-8")
        result = generate_bank(sorted(folder.glob("*.txt")), folder / "piaf.yaml", nlp=nlp)
    bank, candidates = result.bank, result.questions
    item_answers: dict[str, list[str]] = {}
    for it in bank.items:
        assert it.evidence is not None
        item_answers.setdefault(it.evidence.source, []).extend(v for a in it.answers for v in a)
    cand_answers: dict[str, list[str]] = {}
    for q in candidates:
        cand_answers.setdefault(q.source_id, []).extend(v for a in q.answers for v in a)
    total = in_items = in_candidates = 0
    by_type: dict[str, Counter[str]] = {}
    for i, p in enumerate(paragraphs):
        source = f"piaf-{i:04d}"
        for qa in p["qas"]:
            for answer in {a["text"] for a in qa["answers"]}:
                total += 1
                item = _covered(answer, item_answers.get(source, []))
                candidate = _covered(answer, cand_answers.get(source, []))
                in_items += item
                in_candidates += candidate
                row = by_type.setdefault(_answer_type(answer), Counter())
                row.update(total=1, item=item, candidate=candidate)
    print(f"PIAF ({len(paragraphs)} paragraphs drawn with seed {SEED}, {total} human answers):")
    print(f"  items in the bank: {len(bank.items)}")
    share = in_items / total
    print(f"  answers matched by a bank item: {in_items}/{total} = {share:.0%} (target 40%)")
    print(f"  answers matched by any candidate before ranking: {in_candidates}/{total} "
          f"= {in_candidates / total:.0%}")  # fmt: skip
    print("  by kind of human answer (matched by a bank item / by a candidate):")
    for kind in ANSWER_TYPES:
        row = by_type.get(kind, Counter())
        n = row["total"] or 1
        print(f"    {kind:<28} {row['total']:>4}   item {row['item']:>3} = {row['item'] / n:>4.0%}"
              f"   candidate {row['candidate']:>3} = {row['candidate'] / n:>4.0%}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--wikinews-articles", type=int, default=5)
    parser.add_argument("--piaf-paragraphs", type=int, default=150)
    parser.add_argument("--judged-seeds", type=Path)
    parser.add_argument("--judged-wikinews", type=Path)
    args = parser.parse_args()
    if not (args.corpora / "wikinews-fr").is_dir() or not (args.corpora / "piaf").is_dir():
        parser.error(
            f"{args.corpora} holds no wikinews-fr/ and piaf/ folders: give the shared corpora"
            " with --corpora (see the docstring)"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = load_pipeline()
    seeds_figures(nlp, args.out, args.judged_seeds)
    wikinews_figures(nlp, args.corpora, args.out, args.wikinews_articles, args.judged_wikinews)
    piaf_figures(nlp, args.corpora, args.piaf_paragraphs)
    print(f"Samples for the judge: {args.out}/sample-seeds.md, {args.out}/sample-wikinews.md")


if __name__ == "__main__":
    main()
