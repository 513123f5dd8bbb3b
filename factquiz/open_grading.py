"""One response against an open item: the comparison with each accepted answer, the checks
that make a close answer wrong (reject list, a better known name, another person, a shared
surname), and list answers (`require: any` and `require: all`). See `factquiz.grading` for
the rules in order. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factquiz.answer_key import Accepted, Answer, AnswerKey
from factquiz.folding import fold
from factquiz.matching import ACCEPT, REVIEW, SENTENCE, Match, match
from factquiz.normalize import LEADING, TITLES, Analysed, analyse
from factquiz.transliteration import transliteration_key
from factquiz.variants import exact_given
from factquiz.verdicts import Outcome

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


def _evaluate(response: str, key: AnswerKey, written_otherwise: bool = False) -> Outcome:
    """The outcome of one response (or one part of a list) against an open item;
    `written_otherwise`: it is known to be written as none of the given variants."""
    exact = None if written_otherwise else key.exact(response)
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
    return response[:1].isalnum() or _ALNUM.search(response) is not None


# `,` before a digit is part of a date or a number (`October 1, 1982`), not a list.
_LIST_SEPARATORS = re.compile(r"\s*(?:,(?!\s*\d)|[;/+&\n]|\bet\b|\band\b|\bou\b|\bor\b)\s*", re.I)
# A part that starts like this qualifies the answer (`Vladivostok, en Russie`): no hedge.
QUALIFIER = re.compile(r"^\s*(?:en|au|aux|a|à|in|near|pres|près|dans|de|du|of)\b", re.I)
_SURE = ("exact", "form", "translit", "typo", "acronym")


_MAY_BE_A_LIST = re.compile(r"[,;/+&\n]|\b(?:et|and|ou|or)\b", re.I)


def split_list(response: str) -> list[str]:
    """The parts of a list answer: `Kozhemyako, Kozlov` or `Kozhemyako et Kozlov`."""
    parts = _LIST_SEPARATORS.split(response) if _MAY_BE_A_LIST.search(response) else [response]
    return [p for p in parts if p and has_text(p)]


def grade_any(response: str, key: AnswerKey, written_otherwise: bool = False) -> Outcome:
    """A response to a `require: any` item (see `grade_open`)."""
    whole = _evaluate(response, key, written_otherwise)
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
        other = o.kind in ("reject", "entity", "first_name") and not QUALIFIER.match(p)
        if other or (o.verdict != "correct" and _another_name(p, key)):
            return Outcome("wrong", 0.0, None, "hedge", (("a", p.strip()),), good[0][1].matched)
    if whole.verdict == "correct":
        return whole
    others = [p for p, o in outcomes if o.verdict != "correct" and not QUALIFIER.match(p)]
    if not all(described(p) for p in others):
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


def described(part: str) -> bool:
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
        elif not QUALIFIER.match(part):
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


def grade_open(response: str, key: AnswerKey, written_otherwise: bool = False) -> Outcome:
    """A response to an open item; `written_otherwise`: `given_form` found it written as
    none of the given variants, so the key need not look again."""
    if not has_text(response):
        return Outcome("wrong", 0.0, None, "empty")
    if key.require == "all" and len(key.answers) > 1:
        return _grade_all(response, key)
    return grade_any(response, key, written_otherwise)


def given_form(
    response: str, accepted: Accepted, reject: tuple[str, ...], require: str
) -> Outcome | None:
    """An answer written as an accepted variant is right, decided before any key is built
    (what `grade_open` decides for it, cheaply): None when a reject list or `require: all`
    may change that, or for another answer."""
    if not may_be_given(response, reject, require):
        return None
    found = exact_given(accepted, response)
    if found is None:
        return None
    return Outcome("correct", 1.0, found[0], "exact", shown=found[1])


def may_be_given(response: str, reject: tuple[str, ...], require: str) -> bool:
    """Whether `given_form` looks for `response` among the given variants: not when a
    reject list or `require: all` may change the decision, nor for an answer with no text."""
    if require == "all" or any(isinstance(r, str) and r.strip() for r in reject):
        return False
    return has_text(response)
