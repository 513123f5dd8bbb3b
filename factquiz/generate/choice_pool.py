"""The pool of wrong choices: every typed mention of the corpus, by kind, with what the
articles write just before each name ("l'agence de presse X") and the sentences naming it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from factquiz.generate.mentions import Mention, surname_key
from factquiz.text import fold_basic, strip_accents

CONTEXT_WORDS = 6  # words read before a name to learn what it is ("l'agence de presse X")
_BOUNDARY = re.compile(r"[.;:!?()«»\"\n]")
_BOUNDARY_SENTENCE = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class Pool:
    """Every typed mention of the corpus, by kind, with the article it comes from."""

    by_kind: dict[str, list[tuple[str, Mention]]]
    aliases: dict[str, set[str]] = field(default_factory=dict)
    related: dict[str, set[str]] = field(default_factory=dict)  # articles on the same story
    contexts: dict[str, str] = field(default_factory=dict)  # name -> words before it (cache)
    articles: dict[str, str] = field(default_factory=dict)  # source -> lowered text
    avoid: frozenset[str] = frozenset()  # the protagonists' surnames
    subjects: dict[str, frozenset[str]] = field(default_factory=dict)  # source -> main subjects
    folded: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> names (cache)


def build_pool(
    mentions: list[tuple[str, Mention]],
    avoid: set[str] = frozenset(),
    aliases: dict[str, set[str]] | None = None,
    subjects: dict[str, frozenset[str]] | None = None,
) -> Pool:
    """Group (source id, mention) pairs by kind, in corpus order; `subjects` holds each
    article's main subjects (never a wrong choice: "Russie" in an article about Russia).

    A name seen only at the start of a sentence may be a capitalised common word the model
    took for a name ("Parti de Pyongyang"), and names in `avoid` (the protagonists, whom
    every student knows) make giveaway distractors: neither is offered as a choice.
    """
    elsewhere = {fold_basic(m.text) for _, m in mentions if not m.initial}
    by_kind: dict[str, list[tuple[str, Mention]]] = {}
    for source, m in mentions:
        key = fold_basic(m.text)
        if m.initial and key not in elsewhere:
            continue
        if m.kind == "role" and surname_key(fold_basic(m.unit or "")) in avoid:
            continue  # the protagonist's own title would give the game away
        if m.kind == "person" and surname_key(key) in avoid:
            continue
        by_kind.setdefault(m.kind, []).append((source, m))
    return Pool(
        by_kind, aliases or {}, _related(mentions), avoid=frozenset(avoid), subjects=subjects or {}
    )


def with_contexts(pool: Pool, articles: dict[str, str]) -> Pool:
    """The pool with the articles' text, so that each name's context can be read: the words
    written just before it in its sentence, "agence de presse sud coreenne" before "Yonhap"."""
    lowered = {source: _lowered(text) for source, text in articles.items()}
    return replace(pool, contexts={}, articles=lowered)


def _lowered(text: str) -> str:
    """Casefolded, accents off, apostrophes and hyphens as spaces, punctuation kept."""
    text = strip_accents(text.casefold())
    return re.sub(r"['’\-]", " ", text)


def context_of(pool: Pool, key: str) -> str:
    """The words written before a folded name wherever the articles name it, " | " between."""
    if key not in pool.contexts:
        words = []
        for text in pool.articles.values():
            for f in re.finditer(rf"\b{re.escape(key)}\b", text) if key else ():
                before = _BOUNDARY.split(text[max(0, f.start() - 80) : f.start()])[-1]
                words.append(" ".join(re.findall(r"\w+", before)[-CONTEXT_WORDS:]))
        pool.contexts[key] = " | ".join(words)
    return pool.contexts[key]


def sentences_naming(pool: Pool, source: str, word: str) -> list[str]:
    """The sentences of an article that hold a folded word."""
    text = pool.articles.get(source, "")
    return [s for s in _BOUNDARY_SENTENCE.split(text) if re.search(rf"\b{re.escape(word)}\b", s)]


def _related(mentions: list[tuple[str, Mention]]) -> dict[str, set[str]]:
    """Articles naming at least three of the same people, places or organisations tell one
    story: their names make fair distractors for each other; a stranger's names do not."""
    names: dict[str, set[str]] = {}
    for source, m in mentions:
        if m.kind in ("person", "place", "organisation"):
            names.setdefault(source, set()).add(fold_basic(m.text))
    return {a: {b for b in names if b != a and len(names[a] & names[b]) >= 3} for a in names}
