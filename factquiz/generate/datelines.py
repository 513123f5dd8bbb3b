"""The article's date, read off its dateline ("6 juillet 2012. - "), so that a time only the
day's reader could place ("l'année dernière", "l'an dernier") can be asked as a year."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from factquiz.generate.document import Article
from factquiz.generate.parsing import MONTHS

_DATELINE = re.compile(
    r"^\s*(?:1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\.?\s+[–—-]\s", re.I
)
_YEAR_DEICTIC = re.compile(r"\b(?:l'année dernière|l'an dernier|l'année passée)\b", re.I)


@functools.lru_cache(maxsize=64)
def _dateline_year(path: Path, sha256: str) -> int | None:
    """The cleaning cuts the dateline off the prose; the file still has it (the digest keys
    the cache, so a file rewritten under the same name is read again)."""
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:2000]
    except OSError:
        return None
    for line in head.splitlines()[:12]:
        found = _DATELINE.match(line)
        if found:
            return int(found[2])
    return None


def article_year(article: Article) -> int | None:
    """The year of the article's dateline ("6 juillet 2012. - C'est ..."), or None."""
    return _dateline_year(article.meta.path, article.meta.sha256)


_RELATIVE_YEARS = {
    "l'année dernière": -1, "l'an dernier": -1, "l'année passée": -1, "cette année": 0,
    "l'année prochaine": 1, "l'an prochain": 1,
}  # fmt: skip


def relative_year(phrase: str) -> bool:
    """ "l'année dernière", "cette année": a year only the article's date tells."""
    return " ".join(phrase.casefold().split()) in _RELATIVE_YEARS


def dated(phrase: str, year: int | None) -> str | None:
    """ "l'année dernière" in an article of 2012 -> "en 2011"; None when no year resolves it."""
    shift = _RELATIVE_YEARS.get(" ".join(phrase.casefold().split()))
    return None if shift is None or year is None else f"en {year + shift}"


def dated_text(text: str, year: int | None) -> str | None:
    """ "par rapport à l'an dernier" -> "par rapport à 2011" by the dateline; None when a
    time only the day's reader can place stays."""
    from factquiz.generate.questions import DEICTIC  # questions -> when_how_many -> here

    if year is not None:
        text = _YEAR_DEICTIC.sub(str(year - 1), text)
    return None if DEICTIC.search(text) else text
