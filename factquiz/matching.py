"""How one analysed response compares with one accepted answer.

Words are compared one by one through their transliteration keys, with a typo allowed in long
words only, so `Kojemiako` matches `Kozhemyako` while `Jong-il` never matches `Jong-un`.
Numbers, years and dates must agree exactly (a date may leave out its year). The result is a
`Match`: a kind, a score used to rank it against other answers and known entities, and the
words or numbers a reason can quote. No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from factquiz.normalize import TITLES, TRIGGER_WORDS, Analysed, Prompt, transliteration_key
from factquiz.number_matching import closest, coarser_kind, compare_numeric

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

# Korean and Chinese surnames come first: `Kim` is the surname of `Kim Jong-un`.
SURNAME_FIRST = frozenset(
    str.split(
        "kim lee li ri yi rhee park pak choi choe jo cho chung jung jeong kang yoon yun jang "
        "lim im han oh seo shin kwon hwang ahn an song hong moon mun xi mao hu deng zhou wang "
        "zhang liu chen"
    )
)


# Nouns that name what kind of thing a name is: `Vostochny` is enough for `le cosmodrome de
# Vostochny`, while `Ukraine` is not enough for `la guerre en Ukraine`.
CATEGORY_NOUNS = frozenset(
    str.split(
        "ville village port gare aeroport cosmodrome base region province republique pays etat "
        "fleuve riviere lac mont montagne ile mer ocean cap baie quartier rue avenue universite "
        "agence journal ministere parti groupe entreprise compagnie societe usine forum sommet "
        "city town village port station airport base region province republic country state "
        "river lake mount mountain island sea ocean cape bay county district street university "
        "agency newspaper ministry party group company firm factory summit"
    )
)

# Words that describe a person before the name (folded): `le gouverneur Kozhemyako`,
# `President Nixon`. Any other word just before a surname is read as a given name.
ROLE_NOUNS = frozenset(
    str.split(
        "gouverneur ministre president presidente premier premiere secretaire general generale "
        "porte parole dirigeant dirigeante chef leader maire depute senateur ambassadeur "
        "directeur directrice patron roi reine prince princesse pape colonel capitaine "
        "commandant marechal amiral juge procureur professeur docteur monsieur madame "
        "camarade vice adjoint conseiller conseillere envoye delegue homologue m mme mlle mr "
        "mrs ms dr sir lord lady saint st governor minister secretary spokesman spokeswoman "
        "spokesperson chief head mayor senator congressman congresswoman representative "
        "ambassador director chairman chairwoman ceo king queen princess pope captain "
        "commander marshal admiral judge justice prosecutor professor doctor mister comrade "
        "deputy adviser advisor envoy delegate counterpart"
    )
)
# Other words that may stand before a surname and are no given name: `South Sudan`.
_NOT_GIVEN_NAMES = ROLE_NOUNS | frozenset(
    str.split(
        "russe russian nord coreen korean sud est ouest north south east west northern "
        "southern eastern western new old"
    )
)


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


def align(
    r_keys: tuple[str, ...], e_keys: tuple[str, ...], initials: bool = False
) -> tuple[list[int], list[int], int]:
    """Pair expected words with response words: exact keys first, then typos, then (for
    names, `initials`) an initial with a word it begins (`R. B. Bennett`).

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
    if initials and len(missing) < len(e_keys):
        for j in list(missing):
            for i in free_r:
                a, b = r_keys[i], e_keys[j]
                if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
                    free_r.remove(i)
                    missing.remove(j)
                    typos += 1
                    break
    return free_r, missing, typos


def _acronym(resp: Analysed, exp: Analysed) -> bool:
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
    if _acronym(resp, exp):
        return numbers or _make("acronym")
    return _compare_words(resp, exp, question, numbers)


def could_match(resp: Analysed, exp: Analysed) -> bool:
    """False only when `match` is sure to find nothing: no number on either side, no word
    key in common nor a pair of long words with one first letter (a typo), not the same
    letters, no acronym. Cheap: most accepted variants of a wrong answer stop here."""
    if resp.numerics or exp.numerics or resp.squashed == exp.squashed:
        return True
    long_starts = {k[0] for k in exp.keys if len(k) >= 5}
    keys = set(exp.keys)
    for k in resp.keys:
        if k in keys or (len(k) >= 5 and k[0] in long_starts):
            return True
    return _acronym(resp, exp)


# The first letters a word's transliteration key may have, by the word's first letter
# (`choigou` -> `shoigu`, `yevgenia` -> `evgenia`, `kh` -> `h`, `ph` -> `f`, `tch` -> `sh`).
_KEY_STARTS = {
    "c": "cks",
    "q": "qk",
    "x": "xk",
    "w": "wv",
    "y": "yie",
    "i": "ie",
    "o": "ou",
    "e": "eo",
    "k": "kh",
    "p": "pf",
    "t": "ts",
    "z": "zj",
    "d": "dj",
}
_NUMBER_TRIGGERS = TRIGGER_WORDS
_ORDINAL_END = re.compile(r"(?:ieme|th)\b")
_PLAIN_TOKEN = re.compile(r"[^\W\d_]+")
_NOT_PLAIN = re.compile(r"[\d$€£%]")


def could_match_text(resp: Analysed, folded: str) -> bool:
    """`could_match` for a variant not analysed yet, from its quick key (folded letters):
    False only when the variant has no number, no word of which a key could begin like a
    word of the response, and cannot be an acronym of it or have it for acronym. Cheaper
    than analysing the variant."""
    if resp.numerics or _NOT_PLAIN.search(folded) or not resp.keys:
        return True
    tokens = _PLAIN_TOKEN.findall(folded)
    if not _NUMBER_TRIGGERS.isdisjoint(tokens) or _ORDINAL_END.search(folded):
        return True  # spelled numbers, dates, ordinals: the analysis decides
    starts = {k[0] for k in resp.keys}
    for t in tokens:
        if t[0] in starts or not starts.isdisjoint(_KEY_STARTS.get(t[0], "")):
            return True
    if len(resp.words) == 1:  # the response may be the initials of the variant's words
        initials = iter(t[0] for t in tokens)
        return len(tokens) >= 2 and all(c in initials for c in resp.words[0])
    return len(tokens) == 1 or "." in folded  # a one-word variant may be the response's initials


@dataclass(frozen=True, slots=True)
class Probe:
    """What `could_match` reads of all the variants of one answer at once."""

    keys: frozenset[str]
    long_starts: frozenset[str]  # first letters of words long enough for a typo
    squashed: frozenset[str]
    initials: frozenset[str]  # of the variants of several words: acronyms a word may be
    single_words: frozenset[str]  # of the variants of one word: what initials may spell
    numeric: bool


def probe(forms: tuple[Analysed, ...]) -> Probe:
    """The `Probe` of an answer's analysed variants."""
    keys = frozenset(k for f in forms for k in f.keys)
    return Probe(
        keys=keys,
        long_starts=frozenset(k[0] for k in keys if len(k) >= 5),
        squashed=frozenset(f.squashed for f in forms),
        initials=frozenset("".join(w[0] for w in f.words) for f in forms if len(f.words) >= 2),
        single_words=frozenset(f.words[0] for f in forms if len(f.words) == 1 and not f.numerics),
        numeric=any(f.numerics for f in forms),
    )


def could_match_any(resp: Analysed, answer: Probe) -> bool:
    """Whether `could_match` may hold for some variant of the answer (never False when it
    does for one): one test for all the variants of an answer a response shares nothing with."""
    if answer.numeric or resp.numerics or resp.squashed in answer.squashed:
        return True
    keys, starts = answer.keys, answer.long_starts
    for k in resp.keys:
        if k in keys or (len(k) >= 5 and k[0] in starts):
            return True
    words = resp.words
    if len(words) == 1:
        return words[0] in answer.initials
    return len(words) >= 2 and "".join(w[0] for w in words) in answer.single_words


def _compare_words(
    resp: Analysed, exp: Analysed, question: Prompt | None, numbers: Match | None
) -> Match:
    extra, missing, typos = align(resp.keys, exp.keys, exp.person_like)
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
    found_number = any(
        compare_numeric(r, e) is not None for r in resp.numerics for e in exp.numerics
    )
    if len(exp.keys) == len(missing) and not found_number:
        return NO_MATCH  # no word of the answer, whatever the question says
    needs_question = question is not None and (said_more or missing or typos)
    asked = set(question.keys) if needs_question and question is not None else set()
    # Words repeated from the question are no new fact (`Central`, `region`, for `Central
    # Germany`), yet they are more words: never an exact answer (`Kozhemyako ou Shoigu` to
    # a question that names both is no `Kozhemyako`).
    extra = [i for i in said_more if resp.keys[i] not in asked]
    forgiven = [j for j in missing if exp.keys[j] in asked]
    missing = [j for j in missing if exp.keys[j] not in asked]
    if missing or (forgiven and extra):
        if missing:  # `Michael Jackson` for `Jermaine Jackson`, even if the question says Michael
            extra = said_more
        if not extra:
            return numbers or _subset(resp, exp, missing, len(resp.words))
        if _nickname(resp, exp, extra, missing):
            return numbers or _make("nickname", exp.words[-1])
        if missing and all(exp.words[j] in ROLE_NOUNS or exp.words[j] in TITLES for j in missing):
            # `John Marshall Harlan` for `Justice Harlan`: the title only describes the name
            return numbers or _make("contains", *(resp.words[i] for i in extra))
        if len(resp.words) >= SENTENCE and not forgiven:
            inner = _subset(resp, exp, missing, len(exp.words) - len(missing))
            if inner.kind == "full_name":  # a sentence that names the person: `George Barnes`
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
    if exp.words[0] in SHORT_FORMS.get(resp.words[extra[0]], ()):
        return True
    return len(given) >= 3 and len(expected) >= 3 and given[:3] == expected[:3]


# Short forms of given names that do not begin like the name (`Dave` does: `David`).
_SHORT_FORMS = (
    ("james", "jim jimmy jamie"),
    ("william", "bill billy will willy liam"),
    ("robert", "bob bobby rob robbie bert"),
    ("richard", "dick rick ricky rich"),
    ("edward", "ted teddy ed eddie ned"),
    ("john", "jack johnny"),
    ("henry", "harry hank"),
    ("margaret", "peggy maggie meg"),
    ("elizabeth", "liz lizzie beth betty bess"),
    ("katherine", "kate katie kathy kitty"),
    ("catherine", "cathy kate katie"),
    ("anthony", "tony"),
    ("charles", "chuck charlie"),
    ("alexander", "sasha sacha"),
    ("alexandre", "sasha sacha"),
    ("dmitri", "dima"),
    ("vladimir", "volodia vova"),
    ("mikhail", "misha"),
    ("ivan", "vania vanya"),
)
SHORT_FORMS: dict[str, frozenset[str]] = {}
for _name, _shorts in _SHORT_FORMS:
    for _short in _shorts.split():
        SHORT_FORMS[_short] = SHORT_FORMS.get(_short, frozenset()) | {_name}


def _subset(resp: Analysed, exp: Analysed, missing: list[int], said: int) -> Match:
    """A response that says part of the answer (`said` of its words): a surname, first and
    last names, a name without its category noun, a number without its noun, or too little."""
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
    if all(w in exp.lower for w in gone) and kept * 2 >= kept + sum(map(len, gone)):
        return _make("core", *gone)  # `rotation` for `angular rotation`
    return _make("partial", *gone)


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


# --- another person with the same surname ----------------------------------------------------


# Small words that a person's name never has (`Climate of Dundee` is no person).
_NOT_IN_NAMES = frozenset(str.split("of the and et in on at for to by a an au aux en sur pour par"))


def person_name(name: Analysed) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """A person's name in an answer, after any description (`le gouverneur Oleg Kozhemyako`
    -> `Oleg Kozhemyako`): its 2 to 5 words, their keys and where the surname stands; None
    when the answer names no person (`Climate of Dundee`, `Justice Harlan`)."""
    if name.numerics or not _NOT_IN_NAMES.isdisjoint(name.tokens):
        return None
    words, lower = name.words, name.lower
    start = 0
    while start < len(words) and (
        words[start] in lower or words[start] in ROLE_NOUNS or words[start] in TITLES
    ):
        start += 1
    if not 2 <= len(words) - start <= 5 or (start == 0 and not name.person_like):
        return None
    if any(w in lower for w in words[start:]):
        return None
    words, keys = words[start:], name.keys[start:]
    return words, keys, 0 if words[0] in SURNAME_FIRST else len(words) - 1


def _same_given_name(word: str, said: str, given: tuple[str, ...]) -> bool:
    """A given name (`word`, key `said`) written another way: the same key, a typo, an
    initial, a short form (`Jimmy` for `James`)."""
    if any(transliteration_key(name) in given for name in SHORT_FORMS.get(word, ())):
        return True
    for g in given:
        if said == g or typo_edits(said, g) is not None:
            return True
        if (len(said) == 1 or len(g) == 1) and said[0] == g[0]:
            return True
        if len(said) >= 3 and len(g) >= 3 and said[:3] == g[:3]:
            return True
    return False


def other_given_name(
    resp: Analysed,
    full: Analysed,
    known: tuple[frozenset[str], frozenset[str]],
    extra: frozenset[str],
) -> str | None:
    """The given name `resp` writes beside `full`'s surname when it is none of `full`'s
    (`Boris` in `Boris Kozhemyako` for `Oleg Kozhemyako`): another person. None when it
    writes none, or `full`'s, or a title (`le gouverneur Kozhemyako`), or a word of an
    accepted answer (`Kozlov Kojemiako`: two answers) or of the question (`known`: keys,
    words), or when the surname is one of the `extra` words, beside the answer (`Rockwell
    featuring Michael Jackson`)."""
    accepted, asked = known
    person = person_name(full)
    if person is None:
        return None
    names, keys, s = person
    surname = keys[s]
    found = [
        i
        for i, k in enumerate(resp.keys)
        if (k == surname or typo_edits(k, surname) is not None) and resp.words[i] not in extra
    ]
    if not found:
        return None
    step = 1 if s == 0 else -1
    given = keys[:s] + keys[s + 1 :]
    run: list[int] = []
    j = found[0] + step
    while 0 <= j < len(resp.keys):
        if _same_given_name(resp.words[j], resp.keys[j], given):
            return None  # `Oleg Nikolaïevitch Kozhemyako`: a middle name may come between
        if resp.words[j] in _NOT_GIVEN_NAMES or resp.keys[j] in accepted or resp.words[j] in asked:
            break
        run.append(j)
        j += step
    return resp.words[run[-1] if step < 0 else run[0]] if run else None
