"""Rank questions and keep the best: precision first, a teacher wants good items, not many.

Hard filters drop a question whose answer shows in the prompt, whose prompt leans on a
pronoun or a demonstrative the student cannot resolve, that is too short or too long, too
bare to have one answer (a when or where question on a subject and a verb alone), whose
answer did what someone else also did ("a également averti"), is an indefinite description
("une ONG"), or whose attributed words are the journalist's narration. Answers in the
headline or naming the article's main subject are trivia and are dropped too. The score
then prefers specific facts over trivia, and the selection spreads items over sentences and
answers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from factquiz.generate.main_subjects import Known, protagonists
from factquiz.generate.mentions import surname_key
from factquiz.generate.prompt_filters import dangles, loose_end, unbalanced, unnamed_pair
from factquiz.generate.questions import DEICTIC as _DEICTIC
from factquiz.generate.questions import Question
from factquiz.generate.specificity import (
    NARRATION,
    adjective_asked,
    dangling_possessive,
    indefinite,
    one_of_many,
    polished,
    someone_else_too,
    too_bare,
    unfinished_comparison,
    unnamed_group,
    vague_description,
)
from factquiz.generate.trivia import person_key, trivial
from factquiz.text import fold_basic

__all__ = ["Known", "Ranked", "fates", "protagonists", "rank", "rejection", "score", "select"]

KIND_VALUE = {
    "number": 0.35, "year": 0.3, "date": 0.3, "month": 0.25, "day": 0.2, "speaker": 0.25,
    "place": 0.25, "direction": 0.15, "person": 0.25, "organisation": 0.25, "thing": 0.1,
    "role": 0.2,
}  # fmt: skip
MIN_SCORE = 0.5
PER_ANSWER = 3
# One person or body answering many items of one bank (Peskov three times): readers struck
# it out; the bank tests more facts when each answers at most twice.
PER_BANK = 2
# Who holds which title ("Qui est le porte-parole du Kremlin ?", "Qui est Peskov ?"): five of
# six independent judges struck these out as trivia that skips what the person said, which
# the attribution questions ask ("Qui a déclaré que ... ?" -> Peskov). None by default.
IDENTITY_PER_ARTICLE = 0
_FUNCTION_BEFORE_NAME = {"de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en"}
# "Quel ministre russe de la Défense ... ?", "Quelle agence de presse sud-coréenne ... ?": the
# title or the description names one holder; the question asks who holds it.
_TITLE_ASKED = re.compile(
    r"^(?:Selon [^,]+, )?(?:(?:[AÀ]|[Aa]vec|[Aa]uprès d[eu]|[Cc]hez|[Dd]e|[Pp]ar|[Pp]our) )?"
    r"[Qq]uel(?:le)? (?:ministre|vice-ministre|porte-parole|président"
    r"|présidente|ambassadeur|gouverneur|agence de presse (?!(?:a|ont|avait|est|sera|va)\b)\S+)\b"
)
_LEADING = re.compile(r"^(?:(?:a|en|au|aux|dans|de|du|des)\s+)?(?:(?:la|le|les|l)\s+)?")
_DEMONSTRATIVE = re.compile(
    r"\b(?<!est-)(?:ce|cet|cette|ces)\s+(?!que\b|qui\b|qu'|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\w+",
    re.I,
)
_POSSESSIVE = re.compile(r"\b(?:son|sa|ses|leur|leurs)\s+\w+", re.I)
_OPINION = re.compile(r"«|»|\"")


@dataclass(frozen=True)
class Ranked:
    """A question with its score."""

    question: Question
    score: float


def gives_away(q: Question) -> bool:
    """The prompt contains an answer: its full form, or the surname a student would type."""
    return names_an_answer(q.prompt, q.answers)


def names_an_answer(prompt: str, answers: Sequence[Sequence[str]]) -> bool:
    """Whether `prompt` holds one of the answers' variants as whole words (three letters or
    more, so "M." or "de" never count)."""
    folded_prompt = f" {fold_basic(prompt)} "
    for answer in answers:
        for variant in answer:
            folded = fold_basic(variant)
            if len(folded) >= 3 and f" {folded} " in folded_prompt:
                return True
    return False


def rejection(q: Question) -> str | None:
    """Why a question must not be asked at all (None when it may be): the hard filters,
    named so a benchmark can count what each one drops."""
    words = len(q.prompt.split())
    checks = (
        ("length", not 4 <= words <= 34),
        ("gives away", gives_away(q)),
        ("in quotes", q.in_quotes),
        ("clitic", q.clitic),
        ("dangling", dangles(q.prompt)),
        ("dangling", q.kind != "speaker" and unnamed_pair(q.prompt)),
        ("deictic", bool(_DEICTIC.search(q.prompt))),
        ("unbalanced quotes", unbalanced(q.prompt)),
        ("loose end", loose_end(q.prompt)),
        ("too bare", too_bare(q)),
        ("someone else too", someone_else_too(q)),
        ("indefinite", indefinite(q)),
        ("vague description", vague_description(q)),
        ("one of many", one_of_many(q)),
        ("vague description", unnamed_group(q)),
        ("name asked as a thing", _names_someone(q)),
        ("dangling", dangling_possessive(q)),
        ("unfinished comparison", unfinished_comparison(q)),
        ("adjective asked", adjective_asked(q)),
        ("narration", q.kind == "speaker" and bool(NARRATION.search(q.prompt))),
    )
    return next((name for name, failed in checks if failed), None)


def score(q: Question, protagonists: dict[str, float]) -> float | None:
    """A question's worth in [0, 1.5], or None when it must not be asked at all."""
    if rejection(q) is not None or trivial(q, protagonists) is not None:
        return None
    words = len(q.prompt.split())
    value = 0.5 + KIND_VALUE.get(q.kind, 0.0)
    if _DEMONSTRATIVE.search(q.prompt):
        value -= 0.3
    if q.vague_subject:
        value -= 0.4 if q.kind == "person" else 0.15  # "Qui les photos montrent-elles ?"
    if q.skill != "attribution" and _POSSESSIVE.search(q.prompt.split(" ", 2)[-1]):
        value -= 0.15
    named = {person_key(fold_basic(a[0])) for a in q.answers if fold_basic(a[0])}
    if q.kind == "role":
        named = {person_key(fold_basic(m.unit or "")) for m in q.mentions}
    known = max((protagonists.get(n, 0.0) for n in named), default=0.0)
    if q.identity and known >= 0.35:
        return None  # "Qui est le président russe ?": every student knows
    if q.kind in ("person", "speaker", "role"):
        value -= known
    if q.topic:  # of "Qui est le porte-parole ?" and "Qui est Peskov ?", ask one, either way
        flip = int(hashlib.sha256(q.topic.encode()).hexdigest(), 16) % 2 == 1
        value += 0.1 if (q.kind == "role") == flip else 0.0
    if words > 24:
        value -= 0.02 * (words - 24)
    if q.resolved:
        value -= 0.05
    if q.crowded:
        value -= 0.05  # it holds another question's answer; its lean form is asked first
    if q.kind == "thing" and len(q.answers[0][0].split()) > 8:
        value -= 0.2
    if _OPINION.search(q.prompt) and q.skill != "attribution":
        value -= 0.1
    if q.prompt.startswith("Qu'est-ce qui"):
        value -= 0.1  # the sentence's subject is its topic, often the story's: ask what it did
    return round(value, 4)


def rank(questions: list[Question], known: dict[str, float]) -> list[Ranked]:
    """Scored questions, best first; ties broken by sentence, then by the order the builders
    made them, so output is stable.
    `known` holds the protagonists' names (see `protagonists`)."""
    ranked = []
    for q in map(polished, questions):
        s = score(q, known)
        if s is not None and s >= MIN_SCORE:
            ranked.append(Ranked(q, s))
    ranked = _full_when_alone(ranked)
    order = {id(r): i for i, r in enumerate(ranked)}
    # At one score the earlier sentence first: news puts what matters most at the top, and
    # an answer capped per article or bank is then asked where it matters most.
    return sorted(ranked, key=lambda r: (-r.score, r.question.sentence, order[id(r)]))


def _full_when_alone(ranked: list[Ranked]) -> list[Ranked]:
    """A question in its full form ("Où le train de Kim s'est-il arrêté tôt mardi ?") goes
    before its lean twin when no other question asked on the sentence needs what the full
    form holds (a bare weekday is never asked): the lean form lost context for nothing."""
    by_sentence: dict[tuple[str, int], list[Ranked]] = {}
    for r in ranked:
        by_sentence.setdefault((r.question.source_id, r.question.sentence), []).append(r)
    out = []
    for r in ranked:
        q = r.question
        if q.crowded:
            others = by_sentence[(q.source_id, q.sentence)]
            needed = any(
                gives_away(replace(o.question, prompt=q.prompt))
                for o in others
                if _answer_key(o.question.answers[0][0]) != _answer_key(q.answers[0][0])
            )
            r = r if needed else Ranked(q, round(r.score + 0.1, 4))
        out.append(r)
    return out


def fates(questions: list[Question], known: dict[str, float], kept: list[Ranked]) -> Counter[str]:
    """What became of each candidate: the hard filter that dropped it, a score too low,
    the selection (a sentence, answer or topic already asked), or kept; for benchmarks."""
    chosen, mended = {id(r.question) for r in kept}, [r.question for r in kept]
    out: Counter[str] = Counter()
    for raw in questions:
        q = polished(raw)
        reason = rejection(q) or trivial(q, known)
        if reason is None:
            s = score(q, known)
            reason = "known to all" if s is None else "low score" if s < MIN_SCORE else "selection"
        kept_it = id(q) in chosen or q is not raw and q in mended
        out["kept" if kept_it else reason] += 1
    return out


def _gives_away_other(q: Question, kept: list[Ranked]) -> bool:
    """Two questions on one sentence must not answer each other ("Combien de banques ont été
    dégradées de quatre crans ?" next to "De combien de crans 6 banques ...")."""
    for r in kept:
        other = r.question
        if other.source_id != q.source_id or other.sentence != q.sentence:
            continue
        if gives_away(replace(q, prompt=other.prompt)) or gives_away(
            replace(other, prompt=q.prompt)
        ):
            return True
    return False


def _answer_key(answer: str) -> str:
    """One answer however it is framed: "à la frontière russe" is "la frontière russe", and
    "l'agence de presse sud-coréenne Yonhap" is "Yonhap"."""
    name = re.search(r"(?:\b[A-ZÀ-Ý][\w'’-]*(?:\s+|$))+$", answer.strip())
    before = answer[: name.start()].split()[-1:] if name else []
    if before and fold_basic(before[0]) not in _FUNCTION_BEFORE_NAME:
        return fold_basic(name.group())  # a name in apposition, not "la puissance de la Russie"
    return _LEADING.sub("", fold_basic(answer))


def _names_someone(q: Question) -> bool:
    """ "l'agence de presse sud-coréenne Yonhap" for "Quelle agence ... ?": the answer is a
    name in apposition, which the who-questions ask for as a name ("une voiture Aurus Senat"
    for "Qu'est-ce que ... ?" is a thing and stays)."""
    if q.kind != "thing" or not q.prompt.startswith("Quel"):
        return False
    answer = q.answers[0][0]
    return _answer_key(answer) != _LEADING.sub("", fold_basic(answer))


def select(
    ranked: list[Ranked],
    max_items: int | None = None,
    per_sentence: int = 2,
    askable: Callable[[Question], bool] | None = None,
    titles: int = IDENTITY_PER_ARTICLE,
) -> list[Ranked]:
    """The best questions: a few per sentence (more in a long one), never one answer twice
    from one sentence, more than `PER_ANSWER` times in an article or `PER_BANK` times in the
    bank for a who-answer, one question per identity and at most `titles` on who holds which
    title; two questions on one sentence never answer each other.

    `askable` tells whether the bank can make an item of a question ("Qui est X ?" needs
    three rival titles for its choices): a question it cannot ask takes no sentence slot,
    answer or identity from the others ("Qui est le porte-parole du Kremlin ?" is then
    asked instead)."""
    kept: list[Ranked] = []
    per_sent: Counter[tuple[str, int]] = Counter()
    per_answer: Counter[tuple[str, str]] = Counter()
    per_bank: Counter[str] = Counter()
    identities: Counter[str] = Counter()
    seen: set[tuple[str, ...]] = set()
    for r in speakers_cede(ranked):
        q = r.question
        answer, who = _answer_key(q.answers[0][0]), _who_key(q)
        keys = {
            ("prompt", fold_basic(q.prompt)),
            (q.source_id, str(q.sentence), answer, str(q.identity)),
        }
        if q.topic:
            keys.add((q.source_id, q.topic))
        if per_sent[(q.source_id, q.sentence)] >= _sentence_cap(q, per_sentence) or keys & seen:
            continue
        if per_answer[(q.source_id, answer)] >= PER_ANSWER or _gives_away_other(q, kept):
            continue
        if who and per_bank[who] >= PER_BANK:
            continue
        titled = q.identity or q.kind == "role" or bool(_TITLE_ASKED.match(q.prompt))
        if titled and identities[q.source_id] >= titles:
            continue
        if askable is not None and not askable(q):
            continue
        identities[q.source_id] += titled
        kept.append(r)
        per_sent[(q.source_id, q.sentence)] += 1
        per_answer[(q.source_id, answer)] += 1
        per_bank[who] += bool(who)
        seen.update(keys)
        if max_items is not None and len(kept) >= max_items:
            break
    return kept


def _sentence_cap(q: Question, per_sentence: int) -> int:
    """A long sentence holds more distinct facts: one more slot from 20 words, another
    from 35 (the questions on it must still not answer each other)."""
    words = len(q.quote.split())
    return per_sentence + (words >= 20) + (words >= 35)


def _who_key(q: Question) -> str:
    """The person or body a who-question answers, as the bank counts it ("Peskov" and
    "Dmitri Peskov" are one); "" for other questions."""
    if q.kind not in ("person", "speaker", "organisation"):
        return ""
    answer = q.answers[0][0]
    named = all(w[:1].isupper() for w in answer.split()) and len(answer.split()) <= 4
    if q.kind == "person" or q.kind == "speaker" and named:
        return surname_key(fold_basic(answer))
    return _answer_key(answer)


def speakers_cede(ranked: list[Ranked]) -> list[Ranked]:
    """A speaker asked as the source of several sentences cedes each sentence where what
    they said is asked ("Selon M. Peskov, après quel forum ... ?" before "Qui a déclaré que
    ... après le forum de Vladivostok ?"): the two answer each other, and the bank then
    tests one more fact instead of the same name again."""
    sentences: dict[str, set[tuple[str, int]]] = {}
    for r in ranked:
        if r.question.kind == "speaker":
            place = (r.question.source_id, r.question.sentence)
            sentences.setdefault(_who_key(r.question), set()).add(place)
    repeated = {who for who, places in sentences.items() if len(places) >= 2}
    said = {
        (r.question.source_id, r.question.sentence, who)
        for r in ranked
        for who in repeated
        if _reports(r.question, who)
    }
    ceding = [
        r
        for r in ranked
        if r.question.kind == "speaker"
        and (r.question.source_id, r.question.sentence, _who_key(r.question)) in said
    ]
    moved = {id(r) for r in ceding}
    return [r for r in ranked if id(r) not in moved] + ceding


def _reports(q: Question, who: str) -> bool:
    """ "Selon M. Peskov, ... ?": a question on what `who` said, framed by their name."""
    if q.kind == "speaker" or not q.framed or not q.prompt.startswith("Selon "):
        return False
    frame = fold_basic(q.prompt.split(",", 1)[0])
    return who in frame.split() or f" {who} " in f" {frame} "
