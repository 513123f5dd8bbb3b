"""An article as the generator sees it: the file, its cleaned prose, and the parse of it."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factquiz.errors import FactquizError, Location
from factquiz.generate.cleaning import clean_article, is_furniture, normalise_line
from factquiz.generate.parsing import MONTHS, mask_for_parser

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class ArticleText:
    """An article file read and cleaned, before parsing."""

    source_id: str
    path: Path
    sha256: str
    text: str  # the cleaned prose: paragraphs joined by blank lines
    title: str | None
    words: int
    year: int | None = None  # of the dateline ("6 juillet 2012. - "), which the prose loses


@dataclass
class Article:
    """A cleaned article with its spaCy parse; every surface string comes from `text`."""

    meta: ArticleText
    doc: Any

    @functools.cached_property
    def sentences(self) -> list[Any]:
        """The sentences, without the blank tokens between paragraphs (built once)."""
        return [s for s in self.doc.sents if s.text.strip()]

    @property
    def source_id(self) -> str:
        return self.meta.source_id

    @property
    def text(self) -> str:
        return self.meta.text

    def surface(self, indices: Iterable[int]) -> str:
        """The article's own words for these tokens; gaps between them become one space, but
        a hyphen or a comma between numbers the parser hung elsewhere is put back
        ("week-end", "6-1, 4-2")."""
        ordered = sorted(set(indices))
        if not ordered:
            return ""
        ordered = sorted(set(ordered) | self._glue(ordered))
        runs: list[str] = []
        start = prev = ordered[0]
        for i in ordered[1:] + [None]:  # type: ignore[list-item]
            if i is not None and i == prev + 1:
                prev = i
                continue
            first, last = self.doc[start], self.doc[prev]
            runs.append(self.text[first.idx : last.idx + len(last.text)])
            if i is not None:
                start = prev = i
        return " ".join(r.strip() for r in runs if r.strip())

    def _glue(self, ordered: list[int]) -> set[int]:
        doc, kept, out = self.doc, set(ordered), set()
        for i in range(ordered[0] + 1, ordered[-1]):
            if i in kept or not (i - 1 in kept and i + 1 in kept):
                continue
            tok = doc[i]
            numbers = doc[i - 1].like_num and doc[i + 1].like_num
            if tok.text in ("-", "'", "/") or (tok.text == "," and numbers):
                out.add(i)
        return out

    def span_text(self, start: int, end: int) -> str:
        """The article's words for tokens start..end-1."""
        return self.surface(range(start, end))


def _title(raw: str) -> str | None:
    """The headline: the first line that is neither furniture nor a full sentence."""
    for line in raw.splitlines():
        line = normalise_line(line)
        if not line or is_furniture(line):
            continue
        return line if len(line) < 160 and not line.endswith(".") else None
    return None


def read_article(path: Path) -> ArticleText:
    """Read and clean one article file; a clear error when it is missing, binary or empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FactquizError(
            "article not found", where=Location(str(path)), hint="check the path"
        ) from None
    except OSError as exc:
        raise FactquizError(
            f"cannot read the article: {exc.strerror}", where=Location(str(path))
        ) from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FactquizError(
            "the article is not UTF-8 text",
            where=Location(str(path)),
            hint="save it as UTF-8 plain text (.txt)",
        ) from None
    paragraphs = clean_article(raw)
    if not paragraphs:
        raise FactquizError(
            "no article prose found (empty, or only titles and page furniture)",
            where=Location(str(path)),
            hint="give a plain-text news article with full sentences",
        )
    text = PARAGRAPH_BREAK.join(p.text for p in paragraphs)
    return ArticleText(
        source_id=path.stem,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=_title(raw),
        words=len(text.split()),
        year=dateline_year(raw),
    )


_DATELINE = re.compile(
    r"^\s*(?:1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\.?\s+[–—-]\s", re.I
)


def dateline_year(raw: str) -> int | None:
    """The year of a dateline among the file's first lines ("6 juillet 2012. - C'est ...")."""
    for line in raw[:2000].splitlines()[:12]:
        found = _DATELINE.match(line)
        if found:
            return int(found[2])
    return None


def parse_articles(nlp: Any, texts: Sequence[ArticleText]) -> list[Article]:
    """Parse every article in one pass of the pipeline."""
    docs = nlp.pipe(mask_for_parser(t.text) for t in texts)
    return [Article(meta, doc) for meta, doc in zip(texts, docs, strict=True)]
