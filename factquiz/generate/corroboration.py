"""Corroboration across articles: which facts several reports carry, where they disagree.

Each article's predicates become reports: an actor (a name, folded and merged across
articles: "Kim", "Kim Jong Un", "Kim Jong-un"), an event (the verb, with a few synonyms:
"partir de" is "quitter"), a partner (who was met) and slots: time, place, origin,
destination, numbers. Reports from different articles with one actor, event and partner
are one fact. Where two articles fill one slot differently, that is a disagreement: a
contradiction ("12 septembre" / "13 septembre") or only a difference of precision
("dimanche soir" / "dimanche"). Years split facts: a meeting in 2019 is not the meeting
of this week.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factquiz.bank import Evidence, Item
from factquiz.generate.claims import sentences
from factquiz.generate.corroboration_reports import (
    DESCRIBED,
    Report,
    Slot,
    article_reports,
    canonical_names,
)
from factquiz.generate.french_numbers import number_to_words
from factquiz.generate.mentions import EntityIndex
from factquiz.generate.parsing import WEEKDAYS
from factquiz.generate.pipeline import ArticleMentions
from factquiz.generate.questions import quote_of
from factquiz.text import fold_basic

ROLE_NAMES = {
    "time": "date", "origin": "lieu de départ", "destination": "destination",
    "place": "lieu", "number": "chiffre",
}  # fmt: skip


@dataclass(frozen=True)
class Fact:
    """One event as one or more articles report it."""

    actor: str
    event: str
    partner: str
    reports: tuple[Report, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source_id for r in self.reports))

    @property
    def label(self) -> str:
        """ "Kim Jong-un · quitter · Pyongyang": who, what, and the details all sources give."""
        parts = [self.actor.removeprefix(DESCRIBED), self.event]
        if self.partner:
            parts.append(self.partner)
        if len(self.sources) == 1:
            details = [s.text for s in self.reports[0].slots]
        else:
            details = [s.text for s in agreed_slots(self) if not s.role.startswith("time")]
        return " · ".join(parts + list(dict.fromkeys(details))[:2])


@dataclass(frozen=True)
class Disagreement:
    """Two or more articles fill one slot of one fact differently."""

    fact: Fact
    role: str
    kind: str  # contradiction | precision
    values: tuple[tuple[str, str, str], ...]  # (source id, the article's words, quote)


@dataclass(frozen=True)
class CorroborationReport:
    """Every fact, by how many articles carry it, and every disagreement."""

    sources: tuple[str, ...]
    facts: tuple[Fact, ...]
    disagreements: tuple[Disagreement, ...] = ()
    titles: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def shared(self) -> tuple[Fact, ...]:
        """Facts two or more articles report, most corroborated first."""
        found = [f for f in self.facts if len(f.sources) > 1]
        return tuple(sorted(found, key=lambda f: -len(f.sources)))

    @property
    def single(self) -> tuple[Fact, ...]:
        """Facts that rest on one article."""
        return tuple(f for f in self.facts if len(f.sources) == 1)


def corroborate(found: Sequence[ArticleMentions], index: EntityIndex) -> CorroborationReport:
    """The corroboration report of a set of parsed articles."""
    names = canonical_names([m for f in found for m in f.all], index)
    reports = [r for f in found for r in article_reports(f, names)]
    facts = [f for f in group_facts(reports) if not _nameless(f)]
    disagreements = tuple(d for fact in facts for d in disagreements_in(fact))
    titles = {f.article.source_id: article_label(f) for f in found}
    return CorroborationReport(
        tuple(f.article.source_id for f in found), tuple(facts), disagreements, titles
    )


def _nameless(fact: Fact) -> bool:
    """A fact about "le musée" is worth listing only when two articles give it."""
    return fact.actor.startswith(DESCRIBED) and len(fact.sources) < 2


def article_label(found: ArticleMentions) -> str:
    """How a reader knows an article: its title, or the start of its text."""
    meta = found.article.meta
    if meta.title and len(meta.title) <= 70:
        return meta.title
    if meta.title and len(meta.title) <= 140:
        return meta.title[:70].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    words = found.article.text.split()
    return " ".join(words[:9]).rstrip(",;:") + " …"


def group_facts(reports: Sequence[Report]) -> list[Fact]:
    """Reports with one actor, event and partner are one fact, split by the year they give."""
    groups: dict[tuple[str, str, str, str], list[Report]] = {}
    for r in reports:
        years = sorted({s.value for s in r.slots if s.role == "time" and s.grain == "year"})
        groups.setdefault((*r.key, ",".join(years)), []).append(r)
    facts = []
    for (event, _, _, _), found in groups.items():
        first = found[0]
        facts.append(Fact(first.actor_text, event, first.partner_text, tuple(found)))
    return facts


def _by_source(fact: Fact, role: str) -> dict[str, list[Slot]]:
    out: dict[str, list[Slot]] = {}
    for r in fact.reports:
        for s in r.slots:
            if s.role == role:
                out.setdefault(r.source_id, []).append(s)
    return out


def agreed_slots(fact: Fact) -> list[Slot]:
    """Slots that two or more articles give with one value."""
    seen: dict[tuple[str, str], set[str]] = {}
    first: dict[tuple[str, str], Slot] = {}
    for r in fact.reports:
        for s in r.slots:
            seen.setdefault((s.role, s.value), set()).add(r.source_id)
            first.setdefault((s.role, s.value), s)
    return [first[k] for k, sources in seen.items() if len(sources) > 1]


def disagreements_in(fact: Fact) -> list[Disagreement]:
    """Slots the fact's articles fill differently: contradictions, then precision."""
    out = []
    roles = {s.role for r in fact.reports for s in r.slots}
    for role in sorted(roles):
        by_source = _by_source(fact, role)
        if len(by_source) < 2:
            continue
        kind = _compare([slots[0] for slots in by_source.values()])
        if kind is None:
            continue
        quotes = {r.source_id: r.quote for r in fact.reports}
        values = tuple((sid, slots[0].text, quotes[sid]) for sid, slots in by_source.items())
        out.append(Disagreement(fact, role, kind, values))
    return out


def _compare(slots: list[Slot]) -> str | None:
    """None when the articles agree; "contradiction" when two values exclude each other;
    "precision" when one only says more ("dimanche soir" for "dimanche")."""
    values = {s.value for s in slots}
    if len(values) == 1:
        return None
    if slots[0].role == "time":
        return _compare_times(slots)
    if slots[0].role.startswith("number"):
        return "contradiction"
    return "contradiction" if len({s.grain for s in slots}) == 1 else "precision"


def _compare_times(slots: list[Slot]) -> str | None:
    dates = {s.value for s in slots if s.grain == "date"}
    weekdays = {s.value.split()[0] for s in slots if s.grain == "weekday"}
    weekdays |= {
        w for s in slots if s.grain == "date" for w in s.text.casefold().split() if w in WEEKDAYS
    }
    if len(dates) > 1 or len(weekdays) > 1:
        return "contradiction"
    plain = {s.value for s in slots if s.grain == "weekday"}
    return "precision" if len(plain) > 1 else None


# --- the report as data and as a handout ---------------------------------------------


def role_name(role: str) -> str:
    """ "time" -> "date", "number:kilometres" -> "chiffre"."""
    return ROLE_NAMES.get(role.split(":", 1)[0], role)


def report_data(report: CorroborationReport) -> dict[str, Any]:
    """The report as plain data (for YAML): sources, shared facts, disagreements, the rest."""

    def reports(fact: Fact) -> list[dict[str, str]]:
        return [{"source": r.source_id, "quote": r.quote} for r in fact.reports]

    return {
        "sources": [{"id": s, "title": report.titles.get(s, "")} for s in report.sources],
        "shared": [
            {
                "fact": f.label,
                "sources": list(f.sources),
                "agreed": {role_name(s.role): s.text for s in agreed_slots(f)},
                "reports": reports(f),
            }
            for f in report.shared
        ],
        "disagreements": [
            {
                "fact": d.fact.label,
                "slot": role_name(d.role),
                "kind": d.kind,
                "values": [{"source": s, "says": v, "quote": q} for s, v, q in d.values],
            }
            for d in report.disagreements
        ],
        "single_source": [
            {"fact": f.label, "source": f.sources[0], "quote": f.reports[0].quote}
            for f in report.single
        ],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(report: CorroborationReport) -> str:
    """A class handout: who reports what, the disagreements side by side, single sources."""
    n = len(report.sources)
    lines = [f"# Corroboration des sources ({n} articles)", "", "## Articles", ""]
    lines += [f"- `{s}` : {report.titles.get(s, '')}" for s in report.sources]
    lines += ["", "## Faits rapportés par plusieurs articles", ""]
    if not report.shared:
        lines.append("Aucun fait n'est rapporté par plus d'un article.")
    for f in report.shared:
        lines += [f"### {f.label} ({len(f.sources)} articles)", ""]
        lines += [f"- `{r.source_id}` : « {r.quote} »" for r in f.reports]
        lines.append("")
    lines += ["## Désaccords", ""]
    if not report.disagreements:
        lines.append("Aucun désaccord relevé.")
    for d in report.disagreements:
        kind = "contradiction" if d.kind == "contradiction" else "précision différente"
        lines += [f"### {d.fact.label} : {role_name(d.role)} ({kind})", ""]
        lines += ["| Article | Dit | Citation |", "|---|---|---|"]
        lines += [f"| `{s}` | {_cell(v)} | « {_cell(q)} » |" for s, v, q in d.values]
        lines.append("")
    lines += ["## Faits d'une seule source", ""]
    lines += [f"- {f.label} — `{f.sources[0]}` : « {f.reports[0].quote} »" for f in report.single]
    return "\n".join(lines).rstrip() + "\n"


# --- cross-source items ------------------------------------------------------------------

# Word beginnings that say the event in any of its forms ("entré", "entrée", not "entre").
EVENT_STEMS = {
    "quitter": ("quitt", "parti", "part "),
    "arriver": ("arriv", "entré", "entra", "rend", "visit", "voyag", "deplac"),
    "rencontrer": ("rencontr",),
}
_SAME = {
    "time": "la même date", "origin": "le même lieu de départ",
    "destination": "la même destination", "place": "le même lieu", "number": "le même chiffre",
}  # fmt: skip
_PRESENT_PERFECT = {"était": "est", "étaient": "sont", "avait": "a", "avaient": "ont"}


def fact_sentence(fact: Fact) -> str | None:
    """The fact as a short sentence in one article's words: "Kim a quitté Pyongyang"."""
    best = max((r for r in fact.reports if r.clause), key=lambda r: len(r.clause), default=None)
    if best is None:
        return None
    first, _, rest = best.clause.partition(" ")
    actor = fact.actor.removeprefix(DESCRIBED)
    words = f"{actor[:1].upper()}{actor[1:]} {_PRESENT_PERFECT.get(first, first)} {rest}".strip()
    agreed = [s for s in agreed_slots(fact) if s.role in ("origin", "destination", "place")]
    extra = [fact.partner] if fact.partner else []
    extra += [s.phrase for s in agreed[:1]]
    for phrase in extra:
        if fold_basic(phrase.split()[-1]) not in fold_basic(words):
            words = f"{words} {phrase}"
    return words


def cross_source_items(report: CorroborationReport, found: Sequence[ArticleMentions]) -> list[Item]:
    """ "Quel article dit « 13 septembre » ?" for each disagreement, and "Combien des cinq
    articles rapportent que ... ?" for each fact whose count the text bears out."""
    texts = {f.article.source_id: fold_basic(f.article.text) for f in found}
    items = [i for d in report.disagreements if (i := _which_source(report, d, texts)) is not None]
    every = [
        (f.article.source_id, quote_of(f.article, s.start, s.end))
        for f in found
        for s in sentences(f.article)
    ]
    items += [i for f in report.shared if (i := _how_many(report, f, every)) is not None]
    return items


def _which_source(
    report: CorroborationReport, d: Disagreement, texts: dict[str, str]
) -> Item | None:
    """Which article gives this value: asked for a value only one article's text holds."""
    sentence = fact_sentence(d.fact)
    unique = [v for v in d.values if _holders(v[1], texts) == {v[0]}]
    if sentence is None or not unique:
        return None
    source, says, quote = max(unique, key=lambda v: (len(v[1]), v[0]))
    labels = [report.titles.get(s, s) for s in report.sources]
    if len(set(labels)) != len(labels):
        labels = list(report.sources)
    same = _SAME.get(d.role.split(":", 1)[0], "la même information")
    if d.role.startswith("number") and len(sentence.split()) <= len(d.fact.actor.split()) + 2:
        sentence += " …"  # "Les travaux du musée ont duré …": the number is what differs
    prompt = (
        f"Les articles ne donnent pas {same} pour ce fait : « {sentence} ». Lequel dit « {says} » ?"
    )
    others = "; ".join(f"« {v} » ({report.titles.get(s, s)})" for s, v, _ in d.values)
    lesson = (
        "Quand les sources se contredisent, citez-les toutes et cherchez une confirmation."
        if d.kind == "contradiction"
        else "L'une est seulement plus précise : ce n'est pas une contradiction."
    )
    return Item(
        id=_item_id("which", prompt),
        type="choice",
        prompt=prompt,
        choices=tuple(labels),
        answers=((labels[report.sources.index(source)],),),
        evidence=Evidence(source, quote),
        explanation=f"Les articles disent : {others}. {lesson}",
        skill="verification",
        tags=("cross-source", d.kind),
        difficulty=2,
    )


def _how_many(
    report: CorroborationReport, fact: Fact, every: Sequence[tuple[str, str]]
) -> Item | None:
    """Asked only when the articles' words bear the count out: a report the parse missed
    would make the expected answer wrong."""
    sentence = fact_sentence(fact)
    if sentence is None or _lexical_sources(fact, every) != set(fact.sources):
        return None
    n, total = len(fact.sources), len(report.sources)
    words = number_to_words(total) or str(total)
    que = "qu'" if sentence[:1].casefold() in "aeiouyéèêàh" else "que "
    prompt = f"Combien des {words} articles rapportent {que}{sentence} ?"
    quote = fact.reports[0].quote
    listed = ", ".join(report.titles.get(s, s) for s in fact.sources)
    return Item(
        id=_item_id("count", prompt),
        type="open",
        prompt=prompt,
        answers=((str(n), number_to_words(n) or str(n)),),
        evidence=Evidence(fact.reports[0].source_id, quote),
        explanation=f"{n} articles le rapportent : {listed}. Un fait repris par plusieurs "
        "sources n'est pas prouvé pour autant : vérifiez d'où chacune le tient.",
        skill="verification",
        tags=("cross-source", "count"),
        difficulty=2,
    )


def _lexical_sources(fact: Fact, every: Sequence[tuple[str, str]]) -> set[str]:
    """Articles with a sentence naming the actor, the event and its main detail."""
    actor = fold_basic(fact.actor).split()
    stems = EVENT_STEMS.get(fact.event, (fold_basic(fact.event)[:5],))
    anchors = [fold_basic(fact.partner)] if fact.partner else []
    anchors += [s.value for s in agreed_slots(fact) if s.role in ("origin", "destination")][:1]
    found = set()
    for source, quote in every:
        text = fold_basic(quote)
        words = text.split()
        if not any(a in words for a in actor if len(a) > 2):
            continue
        said = any(f" {stem}" in f" {text}" for stem in stems)
        if said and all(a.split()[-1] in text for a in anchors):
            found.add(source)
    return found


def _holders(value: str, texts: dict[str, str]) -> set[str]:
    """The articles whose text holds these words ("dimanche soir")."""
    needle = f" {fold_basic(value)} "
    return {source for source, text in texts.items() if needle in f" {text} "}


def _item_id(kind: str, prompt: str) -> str:
    return f"cross-{kind}-{hashlib.sha256(prompt.encode()).hexdigest()[:10]}"
