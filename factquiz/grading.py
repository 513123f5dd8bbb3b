"""Grading free-text answers: forgiving about form, strict about facts.

One answer::

    grade("Kojemiako", [["Oleg Kozhemyako"], "Alexander Kozlov"], reject=["Sergei Shoigu"])
    grade_item("2", item, language="fr", entities=bank_entities(bank))

Many answers (a class's answer sheets): `Grader(language=..., entities=...)` keeps, per item,
the analysed accepted answers, and per (item, `decision_key`) the decision, so each answer
is graded once per form that may change its verdict (case and accents never do; a list's
separators, a leading `en` or `le`, a `?` that is not a blank may); `grade_many(pairs,
language=..., entities=...)` grades (item, response) pairs with one Grader. The reason is
written for each response.

A `Verdict` is `correct`, `review` (the grader cannot tell: the teacher decides; credit 0
until then) or `wrong`, with a credit in [0, 1] (partial for `require: all` items), the
accepted answer it matched, and one sentence in the bank's language saying why.

The rules, in order: an empty answer is wrong; an answer equal in form to an accepted variant
is right; an answer matching a `reject` entry is wrong; otherwise the closest accepted variant
decides (`factquiz.matching`): numbers and dates must agree, every word of the answer must be
there (transliterations and typos in long words forgiven, words of the question may be left
out), a surname alone or a name without its category noun will do, more words will do (words
repeated from the question are more words, never an exact answer); then an answer that
matches a known name of the bank (`entities`) better is wrong, another given name before an
accepted surname is another person (`Igor Kozhemyako` when the answer or the bank says `Oleg
Kozhemyako`; `Sacha` for `Alexander` is a short form), and a surname that another known name
shares is not enough. A list answer is split on `,`, `et`, `ou`...: for `require: all` each
answer found earns its share and each wrong one costs one; for `require: any` a wrong part
that is a known wrong name, another person, or a name the question offered as an alternative
(`Kozhemyako ou Shoigu ?`) makes the answer wrong.

Modules: `factquiz.open_grading` (one response against an open item, list answers, and the
cheap decision on an answer written as an accepted variant), `factquiz.folding` (case,
accents, elisions) and `factquiz.normalize` (form),
`factquiz.transliteration` (spelling-insensitive word keys), `factquiz.numbers` and
`factquiz.dates`,
`factquiz.matching` and `factquiz.number_matching` (comparison), `factquiz.person_names` and
`factquiz.name_words` (people), `factquiz.variants` and `factquiz.answer_key` (an item's
accepted answers, prepared), `factquiz.match_filters` (cheap tests that spare comparisons),
`factquiz.choice_grading` (choices and claims), `factquiz.verdicts` (the sentences). No I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from factquiz import answer_key
from factquiz.answer_key import Accepted, AnswerKey
from factquiz.choice_grading import choice_picks, claim_verdict, grade_choice, grade_claim
from factquiz.normalize import clear_caches as clear_analyses
from factquiz.normalize import normalize
from factquiz.number_matching import compare_numeric
from factquiz.open_grading import (
    QUALIFIER,
    described,
    given_form,
    grade_any,
    has_text,
    may_be_given,
    split_list,
)
from factquiz.open_grading import grade_open as _grade_open
from factquiz.variants import quick_key
from factquiz.verdicts import Outcome, Verdict

if TYPE_CHECKING:
    from factquiz.bank import Bank, Item

__all__ = ["Grader", "Verdict", "bank_entities", "grade", "grade_item", "grade_many", "normalize"]

# --- choices: their text may be graded like an open answer ---------------------------------


def _text_pick(language: str) -> Callable[[str, Sequence[str]], int | None]:
    """The choice a response writes in other words, found by the open grader."""

    def by_text(text: str, options: Sequence[str]) -> int | None:
        matched = grade_any(text, AnswerKey([[c] for c in options], language=language)).matched
        return list(options).index(matched) if matched is not None and matched in options else None

    return by_text


def _grade_choice(
    response: str, choices: Sequence[str], accepted: Accepted, require: str, language: str
) -> Outcome:
    correct = [a.preferred for a in answer_key.answers(accepted, language)]
    return grade_choice(response, list(choices), correct, require, language, _text_pick(language))


def names_a_choice(response: str, choices: Sequence[str], language: str = "fr") -> bool:
    """Whether a response names one of the choices: its number, letter or text, even with a
    typo. `play` asks again, rather than marking wrong, an answer that names none."""
    picks = choice_picks(response, list(choices), language, _text_pick(language))
    return bool(response.strip()) and bool(picks)


# --- the public API ----------------------------------------------------------------------


def grade(
    response: str,
    accepted: Accepted,
    *,
    question: str = "",
    reject: Iterable[str] = (),
    require: str = "any",
    language: str = "fr",
    entities: Iterable[str] = (),
    kind: str = "open",
    choices: Sequence[str] = (),
    verdict: str | None = None,
) -> Verdict:
    """Grade one answer. `accepted` has a bank item's `answers` shape; see the module doc."""
    response = response if isinstance(response, str) else ""
    language = bank_language(language)
    if kind == "claim":
        outcome = grade_claim(response, verdict, language)
    elif kind == "choice":
        outcome = _grade_choice(response, choices, accepted, require, language)
    else:
        reject = tuple(reject)
        outcome = given_form(response, accepted, reject, require)
        if outcome is None:
            key = answer_key.answer_key(accepted, question, reject, require, language, entities)
            outcome = _grade_open(response, key, may_be_given(response, reject, require))
    return outcome.render(response, language)


def grade_item(
    response: str, item: Item, *, language: str = "fr", entities: Iterable[str] = ()
) -> Verdict:
    """Grade one answer to a bank item (open, choice or claim)."""
    return grade(
        response,
        item.accepted,
        question=item.prompt,
        reject=item.reject,
        require=item.require,
        language=language,
        entities=entities,
        kind=item.type,
        choices=item.choices,
        verdict=item.verdict,
    )


def bank_language(tag: str) -> str:
    """`en` for an English BCP 47 tag (`en`, `en-GB`), else `fr`: the grader's two languages."""
    return "en" if isinstance(tag, str) and tag.lower().startswith("en") else "fr"


def bank_entities(bank: Bank) -> tuple[str, ...]:
    """The names, places and numbers a bank knows: answers' preferred forms, rejects, choices."""
    names: dict[str, None] = {}
    for it in bank.items:
        names.update(dict.fromkeys(a[0] for a in it.answers if a))
        names.update(dict.fromkeys(it.reject))
        names.update(dict.fromkeys(it.choices))
    return tuple(n for n in names if n.strip())


# Outcomes that quote the response's own words are written per response, never cached.
_UNCACHED = frozenset({"hedge", "split", "all_partial_wrong"})
_MAX_TYPED = 1 << 18


class Grader:
    """Grades many answers: each item prepared once, each distinct answer to it graded once."""

    def __init__(self, *, language: str = "fr", entities: Iterable[str] = ()) -> None:
        self.language = bank_language(language)
        self.entities = tuple(entities)
        # Keyed by id(item); holding the item keeps its id from being reused by another.
        self._held: dict[int, Item] = {}
        self._keys: dict[int, AnswerKey] = {}
        self._decisions: dict[tuple[int, tuple[object, ...]], Outcome] = {}
        # Answers typed identically skip even normalisation (bounded: a class's answers).
        self._verdicts: dict[tuple[int, str], Verdict] = {}

    def _hold(self, item: Item) -> None:
        """Keep `item` alive while its decisions are cached; if another item had its id
        (freed, then the id reused), forget that one's key and decisions first."""
        held = self._held.get(id(item))
        if held is item:
            return
        if held is not None:
            stale = id(item)
            self._keys.pop(stale, None)
            self._decisions = {k: v for k, v in self._decisions.items() if k[0] != stale}
            self._verdicts = {k: v for k, v in self._verdicts.items() if k[0] != stale}
        self._held[id(item)] = item

    def answer_key(self, item: Item) -> AnswerKey:
        """The item's answer key, prepared on first use."""
        self._hold(item)
        key = self._keys.get(id(item))
        if key is None:
            key = AnswerKey(
                item.accepted, item.prompt, item.reject, item.require, self.language, self.entities
            )
            self._keys[id(item)] = key
        return key

    def _decide(self, item: Item, response: str) -> Outcome:
        if item.type == "claim":
            return grade_claim(response, item.verdict, self.language)
        if item.type == "choice":
            return _grade_choice(response, item.choices, item.accepted, item.require, self.language)
        # An answer written as a given variant is decided before the item's key is made.
        outcome = given_form(response, item.answers, item.reject, item.require)
        if outcome is None:
            key = self.answer_key(item)
            outcome = _grade_open(response, key, may_be_given(response, item.reject, item.require))
        return outcome

    def grade(self, item: Item, response: str) -> Verdict:
        """Grade one answer to `item`, reusing the decision for an answer that must get it."""
        response = response if isinstance(response, str) else ""
        self._hold(item)
        typed = (id(item), response)
        verdict = self._verdicts.get(typed)
        if verdict is not None:
            return verdict
        decision = (id(item), decision_key(item, response))
        outcome = self._decisions.get(decision)
        if outcome is None:
            outcome = self._decide(item, response)
            if outcome.kind not in _UNCACHED:
                if len(self._decisions) >= _MAX_TYPED:
                    self._decisions.clear()
                self._decisions[decision] = outcome
        verdict = outcome.render(response, self.language)
        if len(self._verdicts) >= _MAX_TYPED:
            self._verdicts.clear()
        self._verdicts[typed] = verdict
        return verdict


def decision_key(item: Item, response: str) -> tuple[object, ...]:
    """What the decision on `response` depends on: equal keys, equal decisions.

    An open answer is decided from its quick key (case, accents, elisions folded), its list
    parts and how each part starts; a claim answer from the verdict it names; a choice
    answer as typed. An answer that folds to nothing (`?`) is never merged with a blank.
    """
    if item.type == "claim":
        return ("claim", claim_verdict(response), bool(response.strip()))
    if item.type != "open":
        return ("choice", response)
    written = has_text(response)
    parts = split_list(response)
    if len(parts) < 2:
        return ("open", written, quick_key(response))
    shape = tuple((quick_key(p), bool(QUALIFIER.match(p)), described(p)) for p in parts)
    return ("open", written, quick_key(response), shape)


def grade_many(
    pairs: Iterable[tuple[Item, str]], *, language: str = "fr", entities: Iterable[str] = ()
) -> list[Verdict]:
    """Grade (item, response) pairs with one `Grader`: the batch entry point."""
    grader = Grader(language=language, entities=entities)
    return [grader.grade(item, response) for item, response in pairs]


def clear_caches() -> None:
    """Forget every cached analysis and entity index (benchmarks measure cold runs)."""
    clear_analyses()
    answer_key.clear_caches()
    compare_numeric.cache_clear()
