"""How one analysed response compares with one accepted answer.

Words are compared one by one through their transliteration keys, with a typo allowed in long
words only, so `Kojemiako` matches `Kozhemyako` while `Jong-il` never matches `Jong-un`.
Numbers, years and dates must agree exactly (a date may leave out its year). The result is a
`Match`: a kind, a score used to rank it against other answers and known entities, and the
words or numbers a reason can quote. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from factquiz.name_words import CATEGORY_NOUNS, ROLE_NOUNS, SHORT_FORMS, SURNAME_FIRST
from factquiz.normalize import TITLES, Analysed, Prompt
from factquiz.number_matching import closest, coarser_kind, compare_numeric
from factquiz.transliteration import transliteration_key

ACCEPT = 0.7  # scores at or above: correct
REVIEW = 0.5  # scores at or above, below ACCEPT: the teacher decides
SENTENCE = 6  # words from which a response is a sentence, not a list of names

SCORES = {
    "exact": 1.0,  # the same normal form
    "form": 0.99,  # the same words once spaces and small words are dropped
    "translit": 0.97,  # another transliteration of the same name
    "acronym": 0.95,  # `CSNU` for `Conseil de sécurité des Nations unies`
    "typo": 0.9,  # a slip in a long word
    "question": 0.85,  # what is missing is already in the question
    "contains": 0.8,  # the answer and more words
    "full_name": 0.78,  # first and last name without the middle ones
    "nickname": 0.76,  # the surname with a short first name: `Dave Gahan`
    "surname": 0.75,  # the surname of a person
    "number_only": 0.74,  # `5` for `5 missiles`: the number is the fact
    "core": 0.72,  # the name without its category noun: `Vostochny` for `cosmodrome de...`
    "coarser_date": 0.71,  # `1942` for `June 22, 1942`, to a question that asks when
    "review": 0.6,  # close on a long answer, but a word differs
    "partial_number": 0.55,  # a coarser date: the year alone for a full date
    "number": 0.3,  # a number, year or date that differs
    "unit": 0.3,
    "token": 0.2,  # a word that differs
    "partial": 0.15,  # words of the answer are missing
    "number_missing": 0.1,  # the answer's number is not in the response
    "none": 0.0,
}


@dataclass(frozen=True, slots=True)
class Match:
    """How a response compares with one accepted form: kind, score, what a reason quotes."""

    kind: str
    score: float
    detail: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        """Whether this match makes the answer correct."""
        return self.score >= ACCEPT


NO_MATCH = Match("none", 0.0)


def _make(kind: str, *detail: str) -> Match:
    return Match(kind, SCORES[kind], detail)


# --- numbers -------------------------------------------------------------------------------


class _AskedNumbers:
    """The question's numbers, read only if a rule asks (`x in asked`)."""

    __slots__ = ("question",)

    def __init__(self, question: Prompt | None) -> None:
        self.question = question

    def __contains__(self, token: str) -> bool:
        return self.question is not None and token in self.question.numerics


def compare_numbers(resp: Analysed, exp: Analysed, question: Prompt | None) -> Match | None:
    """None when the numbers agree; else a `number` or `partial_number` match to report."""
    if not resp.numerics and not exp.numerics and not resp.units:
        return None
    asked = _AskedNumbers(question)
    for r in resp.numerics:
        if exp.numerics and not any(compare_numeric(r, e) for e in exp.numerics) and r not in asked:
            return _make("number", r, closest(r, exp.numerics))
    partial: Match | None = None
    for e in exp.numerics:
        found = [compare_numeric(r, e) for r in resp.numerics]
        if "equal" in found or "finer" in found:
            continue
        if "coarser" in found:
            r = resp.numerics[found.index("coarser")]
            words = frozenset(question.words) if question is not None else None
            partial = partial or _make(coarser_kind(r, e, words), r, e)
            continue
        if e in asked:
            continue
        return (
            _make("number", resp.numerics[0], e)
            if resp.numerics
            else _make("number_missing", "", e)
        )
    if resp.units and exp.units and resp.units.isdisjoint(exp.units):
        return _make("unit", min(resp.units), min(exp.units))
    return partial


# --- words ---------------------------------------------------------------------------------


def typo_edits(a: str, b: str) -> int | None:
    """Edits between two long words when few enough to be a typo (or the same stem:
    `sharecroppers`/`sharecropping`), else None."""
    la, lb = len(a), len(b)
    if min(la, lb) < 5 or a[0] != b[0]:
        return None
    stem = min(la, lb) * 3 // 4
    if stem >= 6 and a[:stem] == b[:stem]:
        return 2
    if abs(la - lb) > 2:
        return None
    limit = 1 if max(la, lb) <= 7 else 2
    d = Levenshtein.distance(a, b, score_cutoff=limit)
    return d if d <= limit else None


def align(r_keys: tuple[str, ...], e_keys: tuple[str, ...]) -> tuple[list[int], list[int], int]:
    """Pair expected words with response words: exact keys first, then typos (for names,
    `pair_initials` then pairs what is left: `R. B. Bennett`).

    Returns the unmatched response indexes, the unmatched expected indexes, and the number
    of pairs that are not exact.
    """
    free_r = list(range(len(r_keys)))
    missing: list[int] = []
    for j, e in enumerate(e_keys):
        for i in free_r:
            if r_keys[i] == e:
                free_r.remove(i)
                break
        else:
            missing.append(j)
    typos = 0
    for j in list(missing):
        for i in free_r:
            if typo_edits(r_keys[i], e_keys[j]) is not None:
                free_r.remove(i)
                missing.remove(j)
                typos += 1
                break
    return free_r, missing, typos


def pair_initials(
    r_keys: tuple[str, ...], e_keys: tuple[str, ...], free_r: list[int], missing: list[int]
) -> int:
    """Pair initials with the words they begin (`R. B. Bennett`, `B.R. Ambedkar`), removing
    them from `free_r` and `missing`; returns how many pairs are not exact."""
    typos = 0
    for j in list(missing):
        for i in free_r:
            a, b = r_keys[i], e_keys[j]
            if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
                free_r.remove(i)
                missing.remove(j)
                typos += 1
                break
    return typos + _joined_initials(r_keys, e_keys, free_r, missing)


def _joined_initials(
    r_keys: tuple[str, ...], e_keys: tuple[str, ...], free_r: list[int], missing: list[int]
) -> int:
    """`B.R. Ambedkar` for `Bhimrao Ramji Ambedkar`: a word of two or three letters that
    spells the initials of given names in a row (never the surname, the last word). Pairs
    them (removed from `free_r` and `missing`); returns how many words it stood for."""
    found = 0
    for i in list(free_r):
        a = r_keys[i]
        n = len(a)
        if not 2 <= n <= 3 or len(missing) < n:
            continue
        for j in missing:
            run = list(range(j, j + n))
            inside = run[-1] < len(e_keys) - 1 and all(k in missing for k in run)
            if inside and "".join(e_keys[k][0] for k in run) == a:
                free_r.remove(i)
                for k in run:
                    missing.remove(k)
                found += n
                break
    return found


def is_acronym(resp: Analysed, exp: Analysed) -> bool:
    for short, long in ((resp, exp), (exp, resp)):
        if len(short.words) == 1 and not short.numerics and len(long.words) >= 2:  # noqa: SIM102
            if short.words[0] == "".join(w[0] for w in long.words):
                return True
    return False


def _surname(resp: Analysed, exp: Analysed, j: int, said: int) -> bool:
    """Whether expected word j is a person's surname (with `said` == 2: whether j == 0 is
    the first name of a name with middle names)."""
    if not exp.person_like or not 2 <= len(exp.words) <= 5 or exp.numerics:
        return False
    first_is_surname = exp.words[0] in SURNAME_FIRST
    if said == 2:  # first and last names: never for `Kim Jong-un`
        return j == 0 and not first_is_surname and len(exp.words) >= 3
    if j == len(exp.words) - 1:
        return not first_is_surname
    return j == 0 and first_is_surname


def match(resp: Analysed, exp: Analysed, question: Prompt | None = None) -> Match:
    """Compare a response with one accepted form (both analysed)."""
    if not resp.tokens:
        return NO_MATCH
    if resp.text == exp.text:
        return _make("exact")
    numbers = compare_numbers(resp, exp, question)
    if numbers is not None and numbers.score < SCORES["partial_number"]:
        return numbers
    if resp.squashed == exp.squashed and exp.squashed:
        return numbers or _same_words(resp, exp, set())
    if is_acronym(resp, exp):
        return numbers or _make("acronym")
    return _compare_words(resp, exp, question, numbers)


def _compare_words(
    resp: Analysed, exp: Analysed, question: Prompt | None, numbers: Match | None
) -> Match:
    extra, missing, typos = align(resp.keys, exp.keys)
    # Initials only for a person's name, read (from its capitals) only when words are left.
    if missing and extra and len(missing) < len(exp.keys) and exp.person_like:
        typos += pair_initials(resp.keys, exp.keys, extra, missing)
    m = _judge_words(resp, exp, question, numbers, (extra, missing, typos))
    if typos and m.accepted and m.kind != "typo":
        # A slip ranks below the same match without one: `Kozlova` is the known `Kozlova`
        # before it is `Kozlov` with a typo.
        return Match(m.kind, max(ACCEPT, m.score - 0.01 * typos), m.detail)
    return m


def _judge_words(
    resp: Analysed,
    exp: Analysed,
    question: Prompt | None,
    numbers: Match | None,
    aligned: tuple[list[int], list[int], int],
) -> Match:
    said_more, missing, typos = aligned
    if len(exp.keys) == len(missing) and not any(
        compare_numeric(r, e) is not None for r in resp.numerics for e in exp.numerics
    ):
        return NO_MATCH  # no word of the answer nor number, whatever the question says
    # Only the words said more or missing may be the question's: it is analysed if they may.
    asked: set[str] = set()
    if question is not None and (said_more or missing):
        said = {resp.keys[i] for i in said_more}.union(exp.keys[j] for j in missing)
        if question.asks_any(said):
            asked = set(question.keys)
    # Words repeated from the question are no new fact (`Central`, `region`, for `Central
    # Germany`), yet they are more words: never an exact answer (`Kozhemyako ou Shoigu` to
    # a question that names both is no `Kozhemyako`).
    if asked:
        extra = [i for i in said_more if resp.keys[i] not in asked]
        forgiven = [j for j in missing if exp.keys[j] in asked]
        missing = [j for j in missing if exp.keys[j] not in asked]
    else:
        extra, forgiven = said_more, []
    if missing or (forgiven and said_more):
        if missing:  # `Michael Jackson` for `Jermaine Jackson`, even if the question says Michael
            extra = said_more
        if not extra and not missing:
            # `Licensing Authority` for `local authorities`, both words from the question
            return _mismatch(resp, exp, said_more, forgiven)
        if not extra:
            echo = bool(forgiven) and asked.issuperset(resp.keys)
            return numbers or _subset(resp, exp, missing, len(resp.words), echo)
        if _nickname(resp, exp, extra, missing):
            return numbers or _make("nickname", exp.words[-1])
        if missing and all(exp.words[j] in ROLE_NOUNS or exp.words[j] in TITLES for j in missing):
            # `John Marshall Harlan` for `Justice Harlan`: the title only describes the name
            return numbers or _make("contains", *(resp.words[i] for i in extra))
        if len(resp.words) >= SENTENCE and not forgiven:
            inner = _subset(resp, exp, missing, len(exp.words) - len(missing))
            # a sentence that names the person (`George Barnes`) or the thing (`ARPANET`)
            if inner.kind == "full_name" or _named_thing(exp, missing):
                return numbers or _make("contains", *(resp.words[i] for i in extra))
        # `Central Europe` for `Central Germany`, even if the question says Germany
        return _mismatch(resp, exp, extra, missing or forgiven)
    if numbers is not None:
        return numbers
    if said_more:
        return _make("contains", *(resp.words[i] for i in said_more))
    if typos:
        return _make("typo")
    if forgiven:
        return _make("question", *(exp.words[j] for j in forgiven))
    return _same_words(resp, exp, asked)


def _same_words(resp: Analysed, exp: Analysed, asked: set[str]) -> Match:
    """`form` when the words are spelt alike (`Viêt Nam`/`Vietnam`), else `translit`."""
    said = [
        w for w, k in zip(resp.words, resp.keys, strict=True) if k not in asked or k in exp.keys
    ]
    return _make("form" if sorted("".join(said)) == sorted("".join(exp.words)) else "translit")


def _nickname(resp: Analysed, exp: Analysed, extra: list[int], missing: list[int]) -> bool:
    """`Dave Gahan` for `David Gahan`, `Kate Walsh` for `Kathleen Erin Walsh`: the surname,
    and a first name that begins like the expected one (the surname alone would do)."""
    last = len(exp.words) - 1
    if not 1 <= len(extra) <= 2 or extra[0] != 0 or 0 not in missing or last in missing:
        return False  # the response's first name, and perhaps a middle name, are new
    if not _surname(resp, exp, last, 1):
        return False
    given, expected = resp.keys[extra[0]], exp.keys[0]
    if exp.keys[0] in _short_form_keys(resp.words[extra[0]]):
        return True
    return len(given) >= 3 and len(expected) >= 3 and given[:3] == expected[:3]


def _short_form_keys(word: str) -> frozenset[str]:
    """The keys of the given names `word` is a short or foreign form of (`piotr` for
    `Peter`), whichever way they are transliterated."""
    return frozenset(transliteration_key(n) for n in SHORT_FORMS.get(word, ()))


def _subset(
    resp: Analysed, exp: Analysed, missing: list[int], said: int, echo: bool = False
) -> Match:
    """A response that says part of the answer (`said` of its words): a surname, first and
    last names, a name without its category noun, a number without its noun, or too little.
    `echo`: the response only repeats words of the question, which says others of the
    answer."""
    present = [j for j in range(len(exp.words)) if j not in missing]
    gone = [exp.words[j] for j in missing]
    if said == 1 and len(present) == 1 and _surname(resp, exp, present[0], 1):
        return _make("surname", exp.words[present[0]])
    if present == [0, len(exp.words) - 1] and said == 2 and _surname(resp, exp, 0, 2):
        return _make("full_name", *gone)
    if not resp.words and resp.numerics:
        return _make("number_only", *gone)
    names = [j for j in present if exp.words[j] in exp.proper]
    if names and all(w in CATEGORY_NOUNS for w in gone):
        return _make("core", *gone)
    if names and names == present and _apposition(exp, missing):
        return _make("core", *gone)  # `Jackie Pallo` for `Wrestler Jackie Pallo`
    kept = sum(len(exp.keys[j]) for j in present)
    # `rotation` for `angular rotation`; not `biscuit` for `biscuit-sized cakes` to `a
    # biscuit or a cake?`: an alternative the question offered says nothing new.
    small = all(w in exp.lower for w in gone) and kept * 2 >= kept + sum(map(len, gone))
    if small and not echo:
        return _make("core", *gone)
    return _make("partial", *gone)


def _named_thing(exp: Analysed, missing: list[int]) -> bool:
    """Whether the missing words are only category nouns beside a name (`project` in `the
    ARPANET project`): a response that says the name says the thing."""
    said = [w for j, w in enumerate(exp.words) if j not in missing]
    gone = [exp.words[j] for j in missing]
    return (
        bool(said) and all(w in exp.proper for w in said) and all(w in CATEGORY_NOUNS for w in gone)
    )


def _apposition(exp: Analysed, missing: list[int]) -> bool:
    """Whether the missing words are a description just before the name, with no
    preposition between (`le gouverneur Oleg Kozhemyako`, `the British band Argent`, not
    `la guerre en Ukraine`)."""
    if missing != list(range(len(missing))):
        return False
    if exp.words[missing[-1]] in exp.proper:
        return False  # the word just before the name is a description, not another name
    first_name = exp.words[len(missing)]
    before = exp.tokens[exp.tokens.index(first_name) - 1] if first_name in exp.tokens else ""
    return before == exp.words[missing[-1]]


def _mismatch(resp: Analysed, exp: Analysed, extra: list[int], missing: list[int]) -> Match:
    """A word differs: wrong, or for review when it is one long word spelt almost alike
    (beyond a typo) in a long answer. `direct`/`indirect` is a difference, not a slip."""
    pairs = (resp.words[extra[0]], exp.words[missing[0]])
    said, meant = resp.keys[extra[0]], exp.keys[missing[0]]
    one_word = len(extra) == len(missing) == 1 and min(len(said), len(meant)) >= 6
    negated = said.endswith(meant) or meant.endswith(said)
    close = one_word and Indel.normalized_similarity(said, meant) >= 0.75
    if close and not negated and len(exp.squashed) >= 12:
        return _make("review", *pairs)
    return _make("token", *pairs)
