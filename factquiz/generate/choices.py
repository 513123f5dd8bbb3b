"""Distractors and near-misses of the answer's own type, drawn from the articles.

A person gets other people, a year other years, a place other places: never the answer
twice, never another name for the same thing ("Kim" for "Kim Jong Un"). A distractor must
also be a genuine competitor (see `Kinship`): a press agency among press agencies, a
Russian post among Russian posts, a percentage of the same size. When the articles cannot
supply three, the question gets no choices at all.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from factquiz.generate.choice_pool import (
    Pool,
    context_of,
    sentences_naming,
)
from factquiz.generate.competitors import (
    CAPITALS,
    COUNTRIES,
    METONYMS,
    NATION_RE,
    ORG_SORTS,
    ROLE_SORTS,
    STOP_WORDS,
    SYNONYMS,
    date_forms,
    date_shape,
    day_forms,
    french_digits,
    in_words,
    like_answer,
    name_style,
    nations,
    nations_within,
    number_forms,
    organisation_sort,
    quantity,
    role_forms,
    role_sort,
    sort_lexicon,
    sort_of,
    year_window,
)
from factquiz.generate.mentions import Mention, surname_key
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.generate.questions import Question
from factquiz.generate.targets import without_article
from factquiz.text import fold_basic

POOL_KIND = {
    "person": "person", "organisation": "organisation", "place": "place", "year": "year",
    "date": "date", "month": "month", "day": "day", "number": "number", "role": "role",
}  # fmt: skip
MAX_CANDIDATES = 12  # enough for five near-misses
DIRECTIONS = ("vers le nord", "vers le sud", "vers l'est", "vers l'ouest")
_ASKING_WORDS = {"quelle", "quelles", "source", "selon", "quels"}


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return fold_basic(text)


def _same_thing(a: str, b: str, aliases: dict[str, set[str]] | None = None) -> bool:
    """Two names for one thing: equal once folded, one inside the other word for word, an
    acronym of the other, or two people sharing a surname ("Mr Saputo", "Joey Saputo")."""
    fa, fb = f" {_fold(a)} ", f" {_fold(b)} "
    if fa.strip() == fb.strip() or fa in fb or fb in fa:
        return True
    if aliases and fb.strip() in aliases.get(fa.strip(), set()):
        return True
    wa, wb = fa.split(), fb.split()
    names = a[:1].isupper() and b[:1].isupper() and (len(wa) > 1 or len(wb) > 1)
    return names and bool(wa) and bool(wb) and wa[-1] == wb[-1] and len(wa[-1]) > 2


def _clash(candidate: str, q: Question, aliases: dict[str, set[str]]) -> bool:
    return any(_same_thing(candidate, v, aliases) for answer in q.answers for v in answer)


def _answer_kind(q: Question) -> str | None:
    if q.kind == "speaker":
        return q.mentions[0].kind if q.mentions else None
    return POOL_KIND.get(q.kind)


def _display(m: Mention) -> str:
    if m.kind == "number" and m.value is not None:
        return f"{m.value} {m.unit}" if m.unit else str(m.value)
    if m.kind == "day":
        return next((w for w in m.text.casefold().split() if w in WEEKDAYS), m.text)
    text = m.text.strip()
    return without_article(text) if m.kind in ("date", "day") else text


def _candidates(
    q: Question, pool: Pool, limit: int | None = MAX_CANDIDATES
) -> list[tuple[str, Mention]]:
    """Same-kind mentions of the corpus, those of the question's own article first."""
    kind = _answer_kind(q)
    if kind is None:
        return []
    unit = q.mentions[0].unit if kind == "number" and q.mentions else None
    own, other = [], []
    allowed = pool.related.get(q.source_id, set()) | {q.source_id}
    for source, m in pool.by_kind.get(kind, []):
        if source not in allowed and kind not in ("year", "day", "month"):
            continue
        if kind == "number" and (m.unit or "").casefold() != (unit or "").casefold():
            continue
        text = _display(m)
        if (
            not text
            or len(text) > (90 if kind == "role" else 45)
            or (kind in ("person", "place", "organisation") and not text[0].isupper())
        ):
            continue
        (own if source == q.source_id else other).append((text, m))
    out: list[tuple[str, Mention]] = []
    first = {}
    for text, m in own + other:
        first.setdefault(text, m)
    for text, m in first.items():
        if not _clash(text, q, pool.aliases) and not any(_same_thing(text, t) for t, _ in out):
            out.append((text, m))
        if limit is not None and len(out) >= limit:
            break
    return out


def _fallback(q: Question, pool: Pool) -> list[str]:
    """Plausible values when the articles hold too few of the kind: nearby years, other days."""
    m = q.mentions[0] if q.mentions else None
    if q.kind == "year" and m and m.value:
        years = pool.by_kind.get("year", [])
        latest = max((c.value or 0 for s, c in years if s == q.source_id), default=0)
        return [str(y) for y in year_window(m.value, latest)]
    if q.kind == "day":
        return day_forms(q.answers[0][0])
    if q.kind == "month":
        return [mo for mo in MONTHS]
    if q.kind == "direction":
        return list(DIRECTIONS)
    if q.kind == "date":
        return date_forms(q.answers[0][0])
    if q.kind == "number":
        return number_forms(choice_text(q))
    if q.kind == "role":
        return role_forms(q.answers[0][0])
    return []


def choice_text(q: Question) -> str:
    """The answer as a choice shows it: "18 jours", not only "18"; "315 000 personnes"."""
    m = q.mentions[0] if q.mentions else None
    if q.kind == "number" and m and m.value is not None:
        if in_words(m.text) and m.unit and m.text.endswith(m.unit):
            shown = m.text  # "deux cent mille dollars", as the article writes it
        else:
            shown = f"{french_digits(m.value)} {m.unit or ''}".strip()
        return _as_asked(shown, q.prompt)
    return q.answers[0][0]


_BOUND = re.compile(r"^(?:pas moins|plus|moins|au moins|au plus|jusqu'à)\b", re.I)


def _bound(q: Question) -> bool:
    """ "plus de trois ans" is not one figure among others: "quatre ans" is more than three
    years too, so the item stays open (an estimate, "environ 60 km", keeps its choices)."""
    m = q.mentions[0] if q.mentions else None
    return q.kind == "number" and m is not None and bool(_BOUND.match(m.text))


def _destination_country(q: Question, kin: Kinship) -> bool:
    """ "Où Poutine se rendra-t-il ... ?" -> Vietnam stays open: the articles' other countries
    are allies, enemies or the war's theatre (Ukraine, Corée du Sud), and a reader sees at a
    glance which ones no one would visit for trade talks."""
    return kin.kind == "place" and kin.sort == "pays" and q.prompt.startswith("Où ")


def _as_asked(figure: str, prompt: str) -> str:
    """ "neuf autres personnes" answers "Combien de personnes ... ?" as "neuf personnes": the
    others are the article's (besides the dead), and the prompt does not say others."""
    if "autres" in fold_basic(prompt).split():
        return figure
    return re.sub(r"\bautres\s+", "", figure, count=1)


def distractors(q: Question, pool: Pool, count: int = 3) -> list[str]:
    """Up to `count` wrong choices that compete with the answer, chosen the same way on
    every run; fewer than `count` tells the caller the question should not be a choice."""
    kin = _kinship(q, pool)
    if kin is None or _bound(q) or _destination_country(q, kin):
        return []
    picked: list[str] = []
    options = _candidates(q, pool, limit=None)
    made: list[tuple[str, Mention | None]] = [(t, None) for t in _fallback(q, pool)]
    # Another person's real title is ruled out by the item that asks about that person.
    options = made + options if kin.kind == "role" else options + made
    for text, m in options:
        if len(picked) == count:
            break
        if kin.kind == "number":
            if m is not None and _other_measure(m, q):
                continue
            text = like_answer(text, kin.answer) or ""
            if not text or fold_basic(text) in {fold_basic(t) for t in [kin.answer, *picked]}:
                continue  # "cent mille" is not "deux cent mille": no word-inside-word test
        elif _clash(text, q, pool.aliases) or any(_same_thing(text, t) for t in picked):
            continue
        if q.kind == "speaker" and _says_it_too(text, q, pool):
            continue
        if kin.accepts(text, m) and not _told(text, m, q):
            picked.append(text)
    return picked


def _other_measure(m: Mention, q: Question) -> bool:
    """An article's percentage from another sentence measures something else (the share of
    candidates beside a pass rate) and stands out as absurd; one listed beside the answer in
    its sentence ("86 % dans l'ensemble et 71,8 % pour ...") is a sibling and competes."""
    return (m.unit or "").strip() == "%" and m.text not in q.quote


def _place_sort(key: str, pool: Pool) -> str | None:
    """pays when the articles write "en/au X", ville when "à X"; None when they do not say."""
    if key in COUNTRIES and key not in METONYMS:
        return "pays"
    befores = {m.before for _, m in pool.by_kind.get("place", []) if fold_basic(m.text) == key}
    sorts = {
        "pays" if b in ("en", "au", "aux") else "ville"
        for b in befores
        if b in ("en", "au", "aux", "à")
    }
    return next(iter(sorts)) if len(sorts) == 1 else None


@dataclass(frozen=True)
class Kinship:
    """What a wrong choice must share with the answer to compete with it."""

    kind: str
    answer: str
    pool: Pool
    sort: str | None = None  # what an organisation, place or title is
    nations: frozenset[str] = frozenset()
    style: str = "other"
    shown: frozenset[str] = frozenset()  # words that pick the answer out of its sort
    source: str = ""
    near: frozenset[str] = frozenset()  # words said with the prompt's people; homes for places

    def accepts(self, text: str, m: Mention | None) -> bool:
        """True when `text` is a believable wrong answer beside this one."""
        check = getattr(self, f"_{self.kind}", None)
        return bool(check(text, m)) if check else True

    def _person(self, text: str, m: Mention | None) -> bool:
        key = fold_basic(text)
        if key in _names(self.pool, "place") | _names(self.pool, "organisation"):
            return False  # "Washington" taken for a person
        if not _looks_like_name(key) or (len(key.split()) < 2 and key not in _surnames(self.pool)):
            return False  # "République" from "Président de la République"
        if self.sort and self.sort not in _title_sorts(text, self.pool):
            return False  # who could hold the post asked about: a minister, not a gunman
        theirs = _person_nations(text, self.pool)
        if self.nations and theirs and not self.nations & theirs:
            return False
        if surname_key(key) in self.near:
            return False  # named beside the prompt's people: may have done it too
        return name_style(text) == self.style

    def _organisation(self, text: str, m: Mention | None) -> bool:
        context = context_of(self.pool, fold_basic(text))
        if organisation_sort(text, context) != self.sort:
            return False
        said = f"{context} {text}"
        if self.nations & nations(said):
            return False  # "l'agence de presse japonaise": another Japanese agency fits
        return not self.shown & set(fold_basic(said).split())  # fits the description too

    def _place(self, text: str, m: Mention | None) -> bool:
        key = fold_basic(text)
        if key in self.pool.subjects.get(self.source, frozenset()):
            return False  # "Russie" in an article about Russia: no one would pick it
        if (COUNTRIES.get(key) or CAPITALS.get(key)) in self.near:
            return False  # "Russie" or "Moscou" for where Putin travels
        if self.nations and CAPITALS.get(key, next(iter(self.nations))) not in self.nations:
            return False  # "Pékin" for a town "dans l'est de la Russie"
        return _place_sort(key, self.pool) == self.sort

    def _role(self, text: str, m: Mention | None) -> bool:
        if role_sort(text) != self.sort or nations(text) != self.nations:
            return False
        theirs = name_style(m.unit) if m and m.unit else "other"
        return "other" in (theirs, self.style) or theirs == self.style  # a Korean's post?

    def _year(self, text: str, m: Mention | None) -> bool:
        latest = max(
            (c.value or 0 for s, c in self.pool.by_kind.get("year", []) if s == self.source),
            default=0,
        )
        year, answer = _year_in(text), _year_in(self.answer)
        if not year or not answer:
            return False
        return abs(year - answer) <= 10 and (latest < answer or year <= latest)

    def _number(self, text: str, m: Mention | None) -> bool:
        mine, theirs = quantity(self.answer), quantity(text)
        if mine is None or theirs is None or theirs[0] == mine[0] or mine[0] <= 0:
            return False
        return 0.25 <= theirs[0] / mine[0] <= 4 and (theirs[2] != "%" or theirs[0] <= 100)

    def _day(self, text: str, m: Mention | None) -> bool:
        return date_shape(text) == date_shape(self.answer)

    _date = _day


def _year_in(text: str) -> int:
    found = re.search(r"\b\d{4}\b", text)
    return int(found.group()) if found else 0


def _names(pool: Pool, kind: str) -> frozenset[str]:
    """The folded names of one kind, worked out once per pool (asked for every candidate)."""
    if kind not in pool.folded:
        pool.folded[kind] = frozenset(fold_basic(m.text) for _, m in pool.by_kind.get(kind, []))
    return pool.folded[kind]


def _surnames(pool: Pool) -> frozenset[str]:
    """Single words that are the surname of a person named in full somewhere."""
    if " surnames" not in pool.folded:  # the space keeps it apart from the kinds
        full = _names(pool, "person")
        pool.folded[" surnames"] = frozenset(
            surname_key(k) for k in full if len(k.split()) > 1 and _looks_like_name(k)
        )
    return pool.folded[" surnames"]


def _looks_like_name(key: str) -> bool:
    """No title or institution word inside: "president de la republique" is not a name."""
    words = set(key.split())
    titles = sort_lexicon(tuple(ROLE_SORTS.items())).keys() | sort_lexicon(tuple(ORG_SORTS.items()))
    return not words & titles and not words & {"republique", "etat"}


def _title_sorts(name: str, pool: Pool) -> set[str]:
    """The families of the titles the articles give a person: held roles, words before them."""
    key = fold_basic(name)
    held = [m.text for _, m in pool.by_kind.get("role", []) if fold_basic(m.unit or "") == key]
    context = [w for c in context_of(pool, key).split(" | ") for w in c.split()]
    return {role_sort(t) for t in held} | {s for w in context if (s := sort_of([w], ROLE_SORTS))}


def _person_nations(name: str, pool: Pool) -> frozenset[str]:
    """Countries tied to a person by a title they hold or the words written before them."""
    key = fold_basic(name)
    titles = [m.text for _, m in pool.by_kind.get("role", []) if fold_basic(m.unit or "") == key]
    return nations(" ".join([*titles, context_of(pool, key)]))


def _described(q: Question) -> str:
    """The description an identity prompt asks to name: "l'agence de presse japonaise"."""
    found = re.match(r"^(?:Comment s'appellen?t?|Qui est|Qui sont) (.+?) \?$", q.prompt)
    return found.group(1) if q.identity and found else ""


def _kinship(q: Question, pool: Pool) -> Kinship | None:
    """The answer's own features, or None when no wrong choice could be fair."""
    kind = _answer_kind(q) or ""
    answer = choice_text(q)
    key = fold_basic(answer)
    if kind == "person":
        described = nations(_described(q)) | _person_nations(answer, pool)
        near = frozenset() if q.identity else _said_with(q, pool)
        post = role_sort(_described(q)) if _described(q) else None
        post = None if post == "autre" else post
        style = name_style(answer)
        return Kinship(kind, answer, pool, post, nations=described, style=style, near=near)
    if kind == "organisation":
        described = _described(q)
        sort = organisation_sort(described or answer, context_of(pool, key))
        if described:
            sort = sort_of(fold_basic(described).split(), ORG_SORTS) or sort
        lexicon = {w for ws in ORG_SORTS.values() for w in ws.split()} | STOP_WORDS
        shown = frozenset(NATION_RE.sub(" ", fold_basic(described)).split()) - lexicon
        shown = shown.union(*(group for group in SYNONYMS if group & shown))
        marks = nations(described)
        if sort is None or (described and not shown and not marks):
            return None  # no telling what competes, or every one of its sort fits
        return Kinship(kind, answer, pool, sort=sort, nations=marks, shown=shown)
    if kind == "place":
        homes = frozenset().union(*(nations(context_of(pool, p)) for p in _prompt_names(q)))
        sort = _place_sort(key, pool)
        within = nations_within(q.prompt) if sort == "ville" else frozenset()
        place = Kinship(kind, answer, pool, sort=sort, nations=within, near=homes)
        return replace(place, source=q.source_id)
    if kind == "role":
        holder = q.mentions[0].unit if q.mentions else ""
        style = name_style(holder or "")
        return Kinship(kind, answer, pool, role_sort(answer), nations(answer), style)
    return Kinship(kind, answer, pool, source=q.source_id)


def _prompt_names(q: Question) -> list[str]:
    """The folded capitalised names in a prompt, its first word aside."""
    body = q.prompt.split(" ", 1)[-1]
    return [fold_basic(n) for n in re.findall(r"[A-ZÉÈÎ][\w-]+(?: [A-ZÉÈÎ][\w-]+)*", body)]


def _said_with(q: Question, pool: Pool) -> frozenset[str]:
    """The words of every sentence naming a person of the prompt (not the answer)."""
    people = _surnames(pool) | pool.avoid
    answer = set(fold_basic(choice_text(q)).split())
    named = {w for w in fold_basic(q.prompt).split() if w in people and w not in answer}
    words = {w for p in named for s in sentences_naming(pool, q.source_id, p) for w in s.split()}
    return frozenset(re.sub(r"\W", "", w) for w in words)


def _told(text: str, m: Mention | None, q: Question) -> bool:
    """The prompt or the quote names it: a wrong choice the question itself rules out, or
    one that may be right too (another destination in the same sentence)."""
    names = [text, m.unit] if m is not None and m.kind == "role" and m.unit else [text]
    if q.kind in ("person", "organisation", "place", "role", "speaker"):
        where = f" {fold_basic(q.prompt)} {fold_basic(q.quote)} "
    else:
        where = f" {fold_basic(q.prompt)} "
    return any(f" {fold_basic(n)} " in where for n in names if fold_basic(n))


def _says_it_too(text: str, q: Question, pool: Pool) -> bool:
    """A source whose own sentence shares two content words with the prompt ("a ensuite
    indiqué que son train...") may have said it as well: not a fair wrong answer."""
    asked = {w for w in fold_basic(q.prompt).split() if len(w) > 4} - _ASKING_WORDS
    for sentence in sentences_naming(pool, q.source_id, fold_basic(text)):
        if len(asked & set(fold_basic(sentence).split())) >= 2:
            return True
    return False


def near_misses(q: Question, pool: Pool, limit: int = 5) -> list[str]:
    """Same-type names from the corpus close to an answer: never accepted by the grader."""
    answers = [v for a in q.answers for v in a]
    scored = []
    for text, _ in _candidates(q, pool):
        best = max(fuzz.ratio(fold_basic(text), fold_basic(v)) for v in answers)
        scored.append((-best, text))
    return [t for _, t in sorted(scored)[:limit]]


def shuffled(choices: list[str], key: str) -> list[str]:
    """Choices in an order fixed by `key` (the item id): stable across runs, not alphabetical."""
    return sorted(choices, key=lambda c: hashlib.sha256(f"{key}|{c}".encode()).hexdigest())
