"""An item's answer key, prepared once for grading many responses.

Each accepted answer keeps its variants as written, then the ones they imply
(`factquiz.variants`: without a bracketed aside, each side of `X or Y`, `United States` for
`United States of America`...), then the items of a lowercase list, enough for an answer of
one item only.

Variants are analysed only when a response needs them: a response equal in form to a variant
is found in an index of quick keys (all variants folded in one pass); a variant whose letters
show it cannot match is not analysed (`could_match_text`); an answer with many variants sends
to full comparison only those a fast C similarity (rapidfuzz) does not rule out. `prepare()`
analyses everything at once (batch grading): then one `Probe` per answer rules out all its
variants in one test. `answer_key()` shares a prepared key between calls for the same item
(bounded cache). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from factquiz import match_filters, variants
from factquiz.match_filters import Probe, could_match, could_match_any, could_match_text, probe
from factquiz.matching import ACCEPT, NO_MATCH, Match, match
from factquiz.normalize import Analysed, Prompt, analyse
from factquiz.person_names import WordsOnFirstUse, other_given_name, person_name
from factquiz.variants import implied_variants, list_items, quick_key, quick_keys

Accepted = Sequence[str | Sequence[str]]

# What a response that may be a list of answers has (the grader splits it on these).
_MAY_BE_A_LIST = re.compile(r"[,;/+&\n]|\b(?:et|and|ou|or)\b", re.I)
# Above this many variants, a fast similarity picks those worth a full comparison.
MANY_VARIANTS = 4
# token_set_ratio below which a variant cannot be matched by any rule (checked on the
# benchmark: no decision changes with or without the filter, see benchmarks/).
PREFILTER_CUTOFF = 40
_DIGIT_OR_SHORT = re.compile(r"\d|^\S{1,6}$")


# A key answers its first responses by scanning its variants, then builds an index.
_SCANS_BEFORE_INDEX = 2


class Answer:
    """One accepted answer: its preferred form, its variants, their analyses (lazily)."""

    __slots__ = ("preferred", "given", "language", "_variants", "_forms", "_probe", "_items")

    def __init__(self, given: tuple[str, ...], language: str) -> None:
        self.preferred = given[0]
        self.given = given
        self.language = language
        self._variants: tuple[str, ...] | None = None
        self._forms: tuple[Analysed, ...] | None = None
        self._probe: Probe | None = None
        self._items: frozenset[str] = frozenset()

    @property
    def variants(self) -> tuple[str, ...]:
        """The given variants, the implied ones, then the items of lists."""
        if self._variants is not None:
            return self._variants
        implying = [g for g in self.given if variants.implies_others(g)]
        if not implying:
            self._variants = self.given  # most answers: no bracket, list, `or`, `of`...
            return self._variants
        implied = [v for g in implying for v in implied_variants(g)]
        known = dict.fromkeys(self.given + tuple(implied))
        # A variant that implies nothing is no list either: `list_items` is empty for it.
        quiet = frozenset(self.given).difference(implying)
        items = [i for v in known if v not in quiet for i in list_items(v) if i not in known]
        self._items = frozenset(items)
        self._variants = tuple(known) + tuple(dict.fromkeys(items))
        return self._variants

    @property
    def items(self) -> frozenset[str]:
        """The variants that are one item of a list: enough only for an answer of one."""
        _ = self.variants
        return self._items

    @property
    def forms(self) -> tuple[Analysed, ...]:
        """Every variant analysed (once)."""
        if self._forms is None:
            self._forms = tuple(analyse(v, self.language) for v in self.variants)
        return self._forms

    @property
    def probe(self) -> Probe:
        """What a response must share with some variant to match it (`could_match_any`)."""
        if self._probe is None:
            self._probe = probe(self.forms)
        return self._probe

    def form(self, variant: str) -> Analysed:
        """One variant analysed (all of them once they are all needed)."""
        if self._forms is not None:
            return self._forms[self.variants.index(variant)]
        return analyse(variant, self.language)


def answers(accepted: Accepted, language: str) -> tuple[Answer, ...]:
    """The accepted answers of an item (`answers` shape), empty variants dropped."""
    out = []
    for answer in accepted:
        given = [answer] if isinstance(answer, str) else list(answer)
        given = [v for v in given if isinstance(v, str) and v.strip()]
        if given:
            out.append(Answer(tuple(dict.fromkeys(given)), language))
    return tuple(out)


@dataclass(frozen=True)
class KnownNames:
    """The bank's other names, indexed by word key and number."""

    forms: tuple[tuple[str, Analysed], ...]
    by_key: dict[str, tuple[int, ...]]


@lru_cache(maxsize=64)
def known_names(entities: tuple[str, ...], language: str) -> KnownNames:
    """Index a bank's entities once (a bank's entity tuple is the cache key)."""
    forms = tuple((e, analyse(e, language)) for e in dict.fromkeys(entities) if e.strip())
    by_key: dict[str, list[int]] = {}
    for n, (_, a) in enumerate(forms):
        for k in set(a.keys) | set(a.numerics):
            by_key.setdefault(k, []).append(n)
    return KnownNames(forms, {k: tuple(v) for k, v in by_key.items()})


class AnswerKey:
    """An open item prepared for grading: answers, rejects, question, known names. Each part
    is prepared when a response first needs it, then kept."""

    __slots__ = (
        "answers",
        "rejects",
        "question_text",
        "require",
        "language",
        "entities",
        "_prompt",
        "_exact",
        "_folded",
        "_scans",
        "_accepted_keys",
    )

    def __init__(
        self,
        accepted: Accepted,
        question: str = "",
        reject: Iterable[str] = (),
        require: str = "any",
        language: str = "fr",
        entities: Iterable[str] = (),
    ) -> None:
        self.answers = answers(accepted, language)
        self.rejects = tuple(r for r in reject if isinstance(r, str) and r.strip())
        self.question_text = question
        self.require = require
        self.language = language
        self.entities = tuple(entities)
        self._prompt: Prompt | None = None
        self._exact: dict[str, tuple[Answer, str]] | None = None
        self._folded: dict[str, str] = {}
        self._scans = 0
        self._accepted_keys: frozenset[str] | None = None

    @property
    def question(self) -> Prompt | None:
        """The item's prompt (None without one), analysed when a rule needs its words."""
        if self._prompt is None and self.question_text.strip():
            self._prompt = Prompt(self.question_text, self.language)
        return self._prompt

    @property
    def known(self) -> KnownNames:
        """The bank's other names, indexed."""
        return known_names(self.entities, self.language)

    @property
    def reject_forms(self) -> tuple[Analysed, ...]:
        """The item's known wrong answers, analysed."""
        return tuple(analyse(r, self.language) for r in self.rejects)

    @property
    def accepted_keys(self) -> frozenset[str]:
        """The word keys of every accepted variant."""
        if self._accepted_keys is None:
            forms = (f for a in self.answers for f in a.forms)
            self._accepted_keys = frozenset(k for f in forms for k in f.keys)
        return self._accepted_keys

    def prepare(self) -> AnswerKey:
        """Everything a response may need, prepared now (batch grading, benchmarks)."""
        for answer in self.answers:
            _ = [f.person_like for f in answer.forms], answer.probe
        self.index()
        _ = self.accepted_keys, self.reject_forms, self.known
        if self.question is not None:
            _ = self.question.analysed
        return self

    def expected(self) -> str:
        """The expected answers as a reason shows them."""
        return " ; ".join(a.preferred for a in self.answers)

    def exact(self, response: str) -> tuple[Answer, str] | None:
        """The answer and given variant equal in form to `response`, without analysing: by
        a scan of the variants for the first responses, then by an index of their keys."""
        key = quick_key(response)
        if self._exact is None:
            self._scans += 1
            if self._scans <= _SCANS_BEFORE_INDEX:
                return self._scan(key)
            self.index()
        return self._exact.get(key) if self._exact is not None else None

    def _scan(self, key: str) -> tuple[Answer, str] | None:
        for answer in self.answers:
            for raw in answer.given:
                if variants.written_as(raw, key):
                    return answer, raw
        return None

    def index(self) -> None:
        """Fold every given variant (in one pass) into the index of exact forms."""
        given = [(a, raw) for a in self.answers for raw in a.given]
        keys = quick_keys([raw for _, raw in given])
        # Reversed, so that the first variant with a key is the one kept.
        self._exact = dict(zip(reversed(keys), reversed(given), strict=True))
        self._folded = dict(zip((raw for _, raw in given), keys, strict=True))

    def candidates(self, resp: Analysed) -> Iterator[tuple[Answer, str, Analysed]]:
        """(answer, variant, analysis) worth comparing with `resp`, answer by answer: none
        that `could_match` rules out."""
        a_list: bool | None = None  # whether the response may be a list: asked when needed
        for answer in self.answers:
            prepared = answer._forms is not None
            if prepared and not could_match_any(resp, answer.probe):
                continue  # one test rules out every variant
            variants = answer.variants
            items = answer.items
            if items:
                if a_list is None:
                    a_list = _MAY_BE_A_LIST.search(resp.source) is not None
                items = items if a_list else frozenset()
            if len(variants) > MANY_VARIANTS and not _needs_all(resp):
                variants = _similar(resp, variants)
            elif prepared:
                for raw, form in zip(variants, answer.forms, strict=True):
                    if raw not in items and could_match(resp, form):
                        yield answer, raw, form
                continue
            for raw in variants:
                if raw in items:
                    continue
                # Not analysed yet: a look at its letters may spare the analysis.
                if prepared or could_match_text(resp, self.folded(raw)):
                    form = answer.form(raw)
                    if could_match(resp, form):
                        yield answer, raw, form

    def folded(self, variant: str) -> str:
        """The quick key of a variant (those given are folded for the exact index)."""
        return self._folded.get(variant) or quick_key(variant)

    def better_known(self, resp: Analysed, best: Match) -> str | None:
        """A known name, not an accepted one, that the response matches better, if any."""
        known = self.known
        found = {n for k in resp.keys + resp.numerics for n in known.by_key.get(k, ())}
        for n in sorted(found):
            raw, form = known.forms[n]
            if any(_same_name(form, a) for a in self.answers):
                continue
            m = match(resp, form, self.question)
            if m.score > best.score and m.score >= ACCEPT:
                return raw
        return None

    def shared_surname(self, surname: str, answer: Answer) -> str | None:
        """Another name of the item or the bank with this surname (`Kim Jong-il`, `Kim`)."""
        others = [(a.preferred, f) for a in self.answers if a is not answer for f in a.forms]
        others += [self.known.forms[n] for n in self.known.by_key.get(surname, ())]
        for raw, form in others:
            if surname in form.keys and not _same_name(form, answer):
                return raw
        return None

    def rejected(self, resp: Analysed, best: Match) -> bool:
        """Whether the response matches a reject entry as well as the best answer (or all
        but exactly): a known wrong answer is never accepted."""
        for form in self.reject_forms:
            m = match(resp, form, self.question)
            if m.score >= ACCEPT and (m.score >= best.score or m.score >= 0.97):
                return True
        return False

    def other_person(self, resp: Analysed, best: Match = NO_MATCH) -> tuple[str, str] | None:
        """(given name written, expected full name) when the response writes another given
        name with the surname it matched (`best`) of an accepted person, or of a known one:
        `Igor Kozhemyako` for `Kozhemyako` when the bank knows `Oleg Kozhemyako`."""
        extra = frozenset(best.detail if best.kind == "contains" else ())
        forms = [(a.preferred, f) for a in self.answers for f in self._sharing_a_word(a, resp)]
        known = self.known
        found = {n for k in resp.keys for n in known.by_key.get(k, ())}
        candidates = forms + [known.forms[n] for n in sorted(found)]
        names = [n for n in candidates if person_name(n[1]) is not None]
        if not names:
            return None
        # Read only when the response writes a surname of one of the names.
        accepted = WordsOnFirstUse(lambda: self.accepted_keys)
        asked = WordsOnFirstUse(lambda: frozenset(self.question.words if self.question else ()))
        for raw, full in names:
            given = other_given_name(resp, full, (accepted, asked), extra)
            if given is not None:
                return given, raw
        return None

    def _sharing_a_word(self, answer: Answer, resp: Analysed) -> Iterable[Analysed]:
        """The variants of an answer analysed, but for those not analysed yet whose letters
        show that no word of theirs is a word of the response or a typo of one."""
        if answer._forms is not None:
            return answer.forms
        return [
            answer.form(raw) for raw in answer.variants if could_match_text(resp, self.folded(raw))
        ]


@lru_cache(maxsize=1024)
def _shared_key(
    accepted: Accepted,
    question: str,
    reject: tuple[str, ...],
    require: str,
    language: str,
    entities: tuple[str, ...],
) -> AnswerKey:
    return AnswerKey(accepted, question, reject, require, language, entities)


def answer_key(
    accepted: Accepted,
    question: str = "",
    reject: Iterable[str] = (),
    require: str = "any",
    language: str = "fr",
    entities: Iterable[str] = (),
) -> AnswerKey:
    """The prepared key of an item, shared by every call with the same fields (a quiz asks
    the same item again and again); a new one when a field cannot be a cache key."""
    frozen = tuple(a if isinstance(a, str) else tuple(a) for a in accepted)
    fields = (frozen, question, tuple(reject), require, language, tuple(entities))
    try:
        return _shared_key(*fields)
    except TypeError:  # an unhashable value inside `accepted`: graded, just not shared
        return AnswerKey(accepted, question, reject, require, language, entities)


def _same_name(form: Analysed, answer: Answer) -> bool:
    """Whether a known name is this answer or a shorter form of it (`Kozhemyako`)."""
    return any(
        form.text == f.text or (bool(form.keys) and set(form.keys) <= set(f.keys))
        for f in answer.forms
    )


def _needs_all(resp: Analysed) -> bool:
    """Numbers, dates and acronyms can match texts that look nothing alike."""
    return bool(resp.numerics) or (len(resp.words) == 1 and len(resp.words[0]) <= 6)


def _similar(resp: Analysed, variants: tuple[str, ...]) -> tuple[str, ...]:
    found = process.extract(
        resp.text,
        variants,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        score_cutoff=PREFILTER_CUTOFF,
        limit=None,
    )
    kept = {v for v, _, _ in found}
    return tuple(v for v in variants if v in kept or _DIGIT_OR_SHORT.search(v))


def clear_caches() -> None:
    """Forget quick keys and entity indexes (benchmarks measure cold runs)."""
    variants.clear_caches()
    match_filters.clear_caches()
    _shared_key.cache_clear()
    known_names.cache_clear()
