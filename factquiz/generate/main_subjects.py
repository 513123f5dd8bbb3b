"""Who an article is about: the protagonists every student knows, each article's main
subjects and headline, which make an answer trivia."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from factquiz.generate.mentions import Mention, surname_key
from factquiz.text import fold_basic


class Known(dict):
    """The protagonists by name with what asking for them costs (a plain `dict[str, float]`
    to callers that need only that), and each article's folded headline and main subjects."""

    def __init__(
        self,
        people: Mapping[str, float] | None = None,
        subjects: Mapping[str, frozenset[str]] | None = None,
        headlines: Mapping[str, str] | None = None,
        people_named: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(people or {})
        self.subjects = dict(subjects or {})
        self.headlines = dict(headlines or {})
        self.people_named = dict(people_named or {})  # distinct persons each article names


def protagonists(
    mentions: list[tuple[str, Mention]], titles: Mapping[str, str | None] | None = None
) -> Known:
    """The people the articles are about, by surname, with what asking for them costs;
    `titles` (source id -> headline) lets the ranking drop answers the headline gives.

    The two people most named across several articles (Kim, Poutine) are known to every
    student: a question whose answer is one of them tests nothing. An article's own main
    figure is a milder case: the headline already names them.
    """
    overall: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    by_source: dict[str, Counter[str]] = {}
    for source, m in mentions:
        if m.kind == "person" and fold_basic(m.text):
            key = surname_key(fold_basic(m.text))
            by_source.setdefault(source, Counter())[key] += 1
            overall[key] += 1
            sources.setdefault(key, set()).add(source)
    out: dict[str, float] = {}
    for counter in by_source.values():
        out.update({name: 0.15 for name, n in counter.most_common(1) if n >= 3})
    shared = [(n, name) for name, n in overall.items() if len(sources[name]) >= 2 and n >= 5]
    out.update({name: 0.35 for _, name in sorted(shared, reverse=True)[:2]})
    # A full name names one person: "Kim Myong Sik" is not the protagonist Kim.
    fulls = Counter(fold_basic(m.text) for _, m in mentions if m.kind == "person")
    for name in list(out):
        full = _full_name(name, fulls)
        if full:
            out[full] = out[name]
    headlines = {k: fold_basic(v) for k, v in (titles or {}).items() if v}
    named = {source: len(counter) for source, counter in by_source.items()}
    return Known(out, _main_subjects(mentions, fulls), headlines, named)


def _full_name(surname: str, fulls: Counter[str]) -> str | None:
    named = (f for f in fulls if " " in f and surname_key(f) == surname)
    return max(named, key=fulls.get, default=None)


def _main_subjects(
    mentions: list[tuple[str, Mention]], fulls: Counter[str]
) -> dict[str, frozenset[str]]:
    """Each article's main subjects, which a reader guesses without reading ("Corée du
    Nord"): the names it repeats most (four times, or three when no other name is as
    frequent; a tenth of its named mentions at least, near its most named), and the names
    that are main subjects of two articles or more."""
    by_source: dict[str, Counter[str]] = {}
    for source, m in mentions:
        key = fold_basic(m.text)
        if m.kind in ("person", "organisation", "place", "name") and key:
            key = surname_key(key) if m.kind == "person" else key
            by_source.setdefault(source, Counter())[key] += 1
    mains: dict[str, set[str]] = {}
    for source, counter in by_source.items():
        total, top = sum(counter.values()), max(counter.values())
        alone = [k for k, n in counter.items() if n == top]
        mains[source] = {
            k
            for k, n in counter.items()
            if (n >= 4 or n == 3 and alone == [k]) and n >= 0.1 * total and n >= 0.6 * top
        }
    shared = Counter(k for main in mains.values() for k in main)
    common = {k for k, n in shared.items() if n >= 2}
    return {
        source: frozenset(main | common | {f for k in main | common if (f := _full_name(k, fulls))})
        for source, main in mains.items()
    }
