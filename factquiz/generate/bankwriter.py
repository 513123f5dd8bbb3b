"""Ranked questions made into bank items: ids, variants, choices, rejects, difficulty."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from factquiz.bank import Bank, Evidence, Item, Source
from factquiz.generate.choice_pool import Pool, with_contexts
from factquiz.generate.choices import choice_text, distractors, near_misses, shuffled
from factquiz.generate.document import ArticleText
from factquiz.generate.questions import Question
from factquiz.generate.ranking import Ranked
from factquiz.text import fold_for_quote, strip_accents

ITEM_TYPES = ("open", "choice")
# Kinds whose answers are short and typed easily stay open unless only choices are wanted.
CHOICE_FIRST = {"year", "date", "month", "day", "number", "organisation", "direction"}
EXPLANATION_CHARS = 220


def slug(text: str, limit: int = 32) -> str:
    """`Oleg Kozhemyako` -> `oleg-kozhemyako`, usable in an item id."""
    ascii_text = strip_accents(text).casefold()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-") or "item"


def item_id(q: Question) -> str:
    """Stable across runs and edits elsewhere: the answer, then a hash of skill and quote."""
    digest = hashlib.sha256(f"{q.skill}|{fold_for_quote(q.quote)}".encode()).hexdigest()[:8]
    return f"{slug(q.answers[0][0])}-{digest}"


def _explanation(q: Question) -> str:
    quote = q.quote
    if len(quote) > EXPLANATION_CHARS:
        quote = quote[: EXPLANATION_CHARS - 1].rsplit(" ", 1)[0] + " …"
    return f"D'après l'article : « {quote} »"


def difficulty(q: Question, kind: str) -> int:
    """1 to 3: names and places are easier than numbers, noun phrases and long prompts."""
    level = 2
    if q.kind in ("number", "thing", "month") or len(q.prompt.split()) > 24:
        level = 3
    elif q.kind in ("place", "day") and len(q.answers) == 1:
        level = 1 if kind == "choice" else 2
    if kind == "choice":
        level -= 1
    return max(1, min(3, level))


def make_item(q: Question, pool: Pool, types: tuple[str, ...]) -> Item | None:
    """The bank item for a question, open or choice as `types` allows and the pool can supply."""
    iid = item_id(q)
    wrong = distractors(q, pool) if "choice" in types and len(q.answers) == 1 else []
    prefer_choice = q.kind in CHOICE_FIRST or int(iid.rsplit("-", 1)[1], 16) % 3 == 0
    as_choice = len(wrong) == 3 and (prefer_choice or "open" not in types or q.kind == "role")
    if not as_choice and ("open" not in types or q.kind == "role"):
        return None  # a description is too long to type: asked only with choices
    evidence = Evidence(q.source_id, q.quote)
    tags = (q.kind,)
    if as_choice:
        right = choice_text(q)
        return Item(
            iid,
            "choice",
            q.prompt,
            answers=((right,),),
            choices=tuple(shuffled([right, *wrong], iid)),
            evidence=evidence,
            explanation=_explanation(q),
            skill=q.skill,
            tags=tags,
            difficulty=difficulty(q, "choice"),
        )
    return Item(
        iid,
        "open",
        q.prompt,
        answers=q.answers,
        require=q.require,
        reject=tuple(near_misses(q, pool)),
        evidence=evidence,
        explanation=_explanation(q),
        skill=q.skill,
        tags=tags,
        difficulty=difficulty(q, "open"),
    )


def make_sources(texts: list[ArticleText], bank_path: Path) -> tuple[Source, ...]:
    """One source per article: its stem as id, its path relative to the bank, its hash."""
    base = bank_path.resolve().parent
    return tuple(
        Source(
            id=t.source_id,
            file=Path(os.path.relpath(t.path.resolve(), base)).as_posix(),
            title=t.title,
            sha256=t.sha256,
        )
        for t in texts
    )


class ItemMaker:
    """Bank items for questions, each made once: the selection asks whether a question can
    become an item (`askable`), and the bank then takes the same item."""

    def __init__(self, texts: list[ArticleText], pool: Pool, types: tuple[str, ...]) -> None:
        raw = {t.source_id: t.path.read_bytes().decode("utf-8-sig", "replace") for t in texts}
        self.originals = {source: fold_for_quote(text) for source, text in raw.items()}
        self.pool = with_contexts(pool, raw)
        self.types = types
        self._made: dict[int, tuple[Question, Item | None]] = {}

    def item(self, q: Question) -> Item | None:
        """The item for `q`, or None when its quote is not verbatim or it has no good form."""
        if id(q) not in self._made:
            verbatim = fold_for_quote(q.quote) in self.originals[q.source_id]
            made = make_item(q, self.pool, self.types) if verbatim else None
            self._made[id(q)] = (q, made)  # the question is kept so its id is never reused
        return self._made[id(q)][1]

    def askable(self, q: Question) -> bool:
        return self.item(q) is not None


def make_bank(
    ranked: list[Ranked],
    texts: list[ArticleText],
    maker: ItemMaker,
    bank_path: Path,
    bank_id: str,
    title: str,
    max_items: int | None = None,
) -> Bank:
    """The bank: sources, then the best items in article order, each quote checked."""
    made: list[tuple[Ranked, Item]] = []
    seen: set[str] = set()
    for r in ranked:
        item = maker.item(r.question)
        if item is None or item.id in seen:
            continue
        seen.add(item.id)
        made.append((r, item))
    made = made[:max_items] if max_items is not None else made
    order = {t.source_id: i for i, t in enumerate(texts)}
    made.sort(
        key=lambda pair: (
            order[pair[0].question.source_id],
            pair[0].question.sentence,
            -pair[0].score,
        )
    )
    items = [item for _, item in made]
    description = f"Généré par factquiz generate à partir de {len(texts)} article(s)."
    return Bank(bank_id, title, "fr", tuple(items), make_sources(texts, bank_path), description)


def bank_id_from(path: Path) -> str:
    """A bank id (a slug) from the output file name."""
    return slug(path.stem, limit=60) or "generated"
