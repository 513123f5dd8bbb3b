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

Modules: `factquiz.normalize` (form), `factquiz.numbers` and `factquiz.dates`,
`factquiz.matching` and `factquiz.number_matching` (comparison), `factquiz.person_names` and
`factquiz.name_words` (people), `factquiz.variants` and `factquiz.answer_key` (an item's
accepted answers, prepared), `factquiz.match_filters` (cheap tests that spare comparisons),
`factquiz.choice_grading` (choices and claims), `factquiz.verdicts` (the sentences). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from factquiz import answer_key
from factquiz.answer_key import Accepted, Answer, AnswerKey
from factquiz.choice_grading import claim_verdict, grade_choice, grade_claim
from factquiz.matching import ACCEPT, REVIEW, SENTENCE, Match, match
from factquiz.normalize import (
    LEADING,
    TITLES,
    Analysed,
    analyse,
    fold,
    normalize,
    transliteration_key,
)
from factquiz.normalize import clear_caches as clear_analyses
from factquiz.variants import quick_key
from factquiz.verdicts import Outcome, Verdict

if TYPE_CHECKING:
    from factquiz.bank import Bank, Item

__all__ = ["Grader", "Verdict", "bank_entities", "grade", "grade_item", "grade_many", "normalize"]

EXACT = Match("exact", 1.0)
# Matches that say every word of the answer and nothing else: no other person can hide there.
_SAME_WORDS = frozenset(("exact", "form", "translit", "acronym", "none"))


# --- one response against an open item -----------------------------------------------------


def _best(resp: Analysed, key: AnswerKey) -> tuple[Match, Answer | None, str]:
    """The closest accepted answer, and the variant of it that matched."""
    best: tuple[Match, Answer | None, str] = (Match("none", 0.0), None, "")
    question = key.question
    for answer, raw, form in key.candidates(resp):
        m = match(resp, form, question)
        if m.score > best[0].score:
            best = (m, answer, raw)
            if m.score >= 1.0:
                break
    return best


_WORDS = re.compile(r"[^\W\d_]+")


def _as_written(words: Iterable[str], *texts: str) -> str:
    """Folded words shown as the texts wrote them: `nord` -> `Nord`."""
    written = {fold(w): w for text in texts for w in _WORDS.findall(text)}
    return " ".join(written.get(w, w) for w in words)


def _fields(best: Match, response: str, raw: str) -> tuple[tuple[str, str], ...]:
    detail = best.detail
    if best.kind in ("partial", "question", "core"):
        return (("a", _as_written(detail, raw)),)
    if best.kind in ("token", "review") and len(detail) == 2:
        return (("a", _as_written(detail[:1], response)), ("b", _as_written(detail[1:], raw)))
    if best.kind == "surname":
        return (("a", _as_written(detail, raw)),)
    return tuple(zip("ab", detail, strict=False))


def _evaluate(response: str, key: AnswerKey) -> Outcome:
    """The outcome of one response (or one part of a list) against an open item."""
    exact = key.exact(response)
    if exact is not None and not key.rejects and has_text(response):
        return Outcome("correct", 1.0, exact[0].preferred, "exact", shown=exact[1])
    resp = analyse(response, key.language)
    if not resp.tokens:
        return Outcome("wrong", 0.0, None, "empty")
    best, answer, raw = (EXACT, *exact) if exact is not None else _best(resp, key)
    shown = answer.preferred if answer else key.expected()
    if key.rejects and key.rejected(resp, best):
        return Outcome("wrong", 0.0, None, "reject", shown=shown)
    if answer is None:
        return Outcome("wrong", 0.0, None, "none", shown=shown)
    if REVIEW <= best.score < 1.0 and key.entities:
        other = key.better_known(resp, best)
        if other is not None:
            return Outcome("wrong", 0.0, None, "entity", (("a", other),), shown)
    if best.score >= ACCEPT and best.kind not in _SAME_WORDS:
        person = key.other_person(resp, best)
        if person is not None:
            named = (("a", _as_written((person[0],), response)), ("b", person[1]))
            return Outcome("wrong", 0.0, None, "first_name", named, shown)
    kind, fields = best.kind, _fields(best, response, raw)
    if kind in ("surname", "nickname"):
        other = key.shared_surname(transliteration_key(best.detail[0]), answer)
        if other is not None:
            return Outcome("wrong", 0.0, None, "surname_shared", (("a", other),), shown)
        if kind == "surname" and resp.words != best.detail[:1]:
            kind = "surname_translit"
    if best.score >= ACCEPT:
        return Outcome("correct", 1.0, answer.preferred, kind, fields, raw)
    band = "review" if best.score >= REVIEW else "wrong"
    return Outcome(band, 0.0, None, kind, fields, raw)


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts, found without a Python loop


def has_text(response: str) -> bool:
    """Whether a response has a letter or a digit (`?` and blanks have none)."""
    return _ALNUM.search(response) is not None


# `,` before a digit is part of a date or a number (`October 1, 1982`), not a list.
_LIST_SEPARATORS = re.compile(r"\s*(?:,(?!\s*\d)|[;/+&\n]|\bet\b|\band\b|\bou\b|\bor\b)\s*", re.I)
# A part that starts like this qualifies the answer (`Vladivostok, en Russie`): no hedge.
_QUALIFIER = re.compile(r"^\s*(?:en|au|aux|a|à|in|near|pres|près|dans|de|du|of)\b", re.I)
_SURE = ("exact", "form", "translit", "typo", "acronym")


_MAY_BE_A_LIST = re.compile(r"[,;/+&\n]|\b(?:et|and|ou|or)\b", re.I)


def split_list(response: str) -> list[str]:
    """The parts of a list answer: `Kozhemyako, Kozlov` or `Kozhemyako et Kozlov`."""
    parts = _LIST_SEPARATORS.split(response) if _MAY_BE_A_LIST.search(response) else [response]
    return [p for p in parts if p and has_text(p)]


def _grade_any(response: str, key: AnswerKey) -> Outcome:
    whole = _evaluate(response, key)
    if whole.kind in _SURE:
        return whole
    parts = split_list(response)
    if len(parts) < 2:
        return whole
    outcomes = [(p, _evaluate(p, key)) for p in parts]
    good = [(p, o) for p, o in outcomes if o.verdict == "correct"]
    if not good:
        return whole
    for p, o in outcomes:
        other = o.kind in ("reject", "entity", "first_name") and not _QUALIFIER.match(p)
        if other or (o.verdict != "correct" and _another_name(p, key)):
            return Outcome("wrong", 0.0, None, "hedge", (("a", p.strip()),), good[0][1].matched)
    if whole.verdict == "correct":
        return whole
    others = [p for p, o in outcomes if o.verdict != "correct" and not _QUALIFIER.match(p)]
    if not all(_described(p) for p in others):
        return whole  # `Ecuador, Peru, Bolivia`: a list of answers, not an answer and a comment
    part, outcome = good[0]
    return Outcome("correct", 1.0, outcome.matched, "split", (("a", part.strip()),))


# A part that starts like this places the answer (`Kozhemyako, à Khasan`): no alternative.
_PLACE = re.compile(r"^\s*(?:en|au|aux|a|à|in|near|pres|près|dans|at|on)\b", re.I)


def _another_name(part: str, key: AnswerKey) -> bool:
    """Whether a wrong part names another person (`Igor Kozhemyako`) or repeats a name of
    the question: then the answer hedges."""
    return _echoes_a_name(part, key) or key.other_person(analyse(part, key.language)) is not None


def _echoes_a_name(part: str, key: AnswerKey) -> bool:
    """Whether a part only repeats a name of the question (an alternative it offered: `ou
    Shoigu` to `Kozhemyako ou Shoigu ?`), rather than placing or describing the answer."""
    question = key.question
    if question is None or _PLACE.match(part):
        return False
    said = analyse(part, key.language)
    asked = set(question.keys)
    names = question.proper | set(question.numerics)
    return bool(said.keys) and asked.issuperset(said.keys) and not names.isdisjoint(said.words)


def _described(part: str) -> bool:
    """Whether a part is a short description, starting with an article or a title: `le
    gouverneur`, not `Peru`, nor a sentence (`The World Fair was filmed in Los Angeles`)."""
    words = fold(part).split()
    short = 0 < len(words) < SENTENCE
    return short and (words[0] in LEADING or words[0] in TITLES)


def _grade_all(response: str, key: AnswerKey) -> Outcome:
    n = len(key.answers)
    found: dict[str, None] = {}  # a repeated answer counts once
    wrong: list[str] = []
    for part in split_list(response):
        outcome = _evaluate(part, key)
        if outcome.matched is not None:
            found[outcome.matched] = None
        elif not _QUALIFIER.match(part):
            wrong.append(part.strip())
    if len(found) < n:  # full names without separators: `Oleg Kozhemyako Alexander Kozlov`
        whole = analyse(response, key.language)
        for answer in key.answers:
            if any(match(whole, f, key.question).kind == "contains" for f in answer.forms):
                found[answer.preferred] = None
        wrong = [] if len(found) == n and len(split_list(response)) == 1 else wrong
    credit = max(0.0, (len(found) - len(wrong)) / n)
    fields = (("n", str(n)), ("k", str(len(found))), ("a", ", ".join(found)))
    if not found:
        return Outcome("wrong", 0.0, None, "all_none", fields, key.expected())
    names = " ; ".join(found)
    if credit >= 1.0:
        return Outcome("correct", 1.0, names, "all_found", fields)
    if wrong:
        return Outcome("wrong", credit, names, "all_partial_wrong", (*fields, ("b", wrong[0])))
    return Outcome("wrong", credit, names, "all_partial", fields)


def _grade_open(response: str, key: AnswerKey) -> Outcome:
    if not has_text(response):
        return Outcome("wrong", 0.0, None, "empty")
    if key.require == "all" and len(key.answers) > 1:
        return _grade_all(response, key)
    return _grade_any(response, key)


# --- choices: their text may be graded like an open answer ---------------------------------


def _grade_choice(
    response: str, choices: Sequence[str], accepted: Accepted, require: str, language: str
) -> Outcome:
    correct = [a.preferred for a in answer_key.answers(accepted, language)]

    def by_text(text: str, options: Sequence[str]) -> int | None:
        matched = _grade_any(text, AnswerKey([[c] for c in options], language=language)).matched
        return list(options).index(matched) if matched is not None and matched in options else None

    return grade_choice(response, list(choices), correct, require, language, by_text)


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
        key = answer_key.answer_key(accepted, question, reject, require, language, entities)
        outcome = _grade_open(response, key)
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
        self._keys: dict[int, tuple[Item, AnswerKey]] = {}
        self._decisions: dict[tuple[int, tuple[object, ...]], Outcome] = {}
        # Answers typed identically skip even normalisation (bounded: a class's answers).
        self._verdicts: dict[tuple[int, str], Verdict] = {}

    def answer_key(self, item: Item) -> AnswerKey:
        """The item's answer key, prepared on first use."""
        held = self._keys.get(id(item))
        if held is None or held[0] is not item:
            if held is not None:  # another item now has this id: forget the old decisions
                stale = id(item)
                self._decisions = {k: v for k, v in self._decisions.items() if k[0] != stale}
                self._verdicts = {k: v for k, v in self._verdicts.items() if k[0] != stale}
            key = AnswerKey(
                item.accepted, item.prompt, item.reject, item.require, self.language, self.entities
            )
            held = (item, key)
            self._keys[id(item)] = held
        return held[1]

    def _decide(self, item: Item, response: str) -> Outcome:
        if item.type == "claim":
            return grade_claim(response, item.verdict, self.language)
        if item.type == "choice":
            return _grade_choice(response, item.choices, item.accepted, item.require, self.language)
        return _grade_open(response, self.answer_key(item))

    def grade(self, item: Item, response: str) -> Verdict:
        """Grade one answer to `item`, reusing the decision for an answer that must get it."""
        response = response if isinstance(response, str) else ""
        typed = (id(item), response)
        verdict = self._verdicts.get(typed)
        if verdict is not None:
            return verdict
        decision = (id(item), decision_key(item, response))
        outcome = self._decisions.get(decision)
        if outcome is None:
            outcome = self._decide(item, response)
            if outcome.kind not in _UNCACHED:
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
    shape = tuple((quick_key(p), bool(_QUALIFIER.match(p)), _described(p)) for p in parts)
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
