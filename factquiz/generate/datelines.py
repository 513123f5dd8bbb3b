"""The article's date, read off its dateline ("6 juillet 2012. - "), so that a time only the
day's reader could place ("l'année dernière", "l'an dernier") can be asked as a year."""

from __future__ import annotations

import re

from factquiz.generate.document import Article

_YEAR_DEICTIC = re.compile(r"\b(?:l'année dernière|l'an dernier|l'année passée)\b", re.I)


def article_year(article: Article) -> int | None:
    """The year of the article's dateline ("6 juillet 2012. - C'est ..."), or None; read with
    the file (`document.dateline_year`), since the cleaning cuts the dateline off the prose."""
    return article.meta.year


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
