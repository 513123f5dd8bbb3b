"""Cheap tests that rule out comparing a response with a variant: `match` would find nothing.

Each test is never False when `match` could find something (numbers, a word key in common or
one typo away, the same letters, an acronym), so skipping on False changes no verdict; they
only spare work. A variant without a number is compared with a response by words alone
(`compare_numbers` has no number of the variant to miss, and a response's number matches
nothing there): only the variant's numbers make a test pass without a word in common.
No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factquiz.folding import letter_runs
from factquiz.matching import is_acronym
from factquiz.normalize import TRIGGER_WORDS, Analysed


def could_match(resp: Analysed, exp: Analysed) -> bool:
    """False only when `match` is sure to find nothing: no number in the variant, no word
    key in common nor a pair of long words with one first letter (a typo), not the same
    letters, no acronym. Cheap: most accepted variants of a wrong answer stop here."""
    if exp.numerics or resp.squashed == exp.squashed:
        return True
    long_starts = {k[0] for k in exp.keys if len(k) >= 5}
    keys = set(exp.keys)
    for k in resp.keys:
        if k in keys or (len(k) >= 5 and k[0] in long_starts):
            return True
    return is_acronym(resp, exp)


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
# Digits, symbols, ordinal endings: a variant with one may have a number.
_MAY_BE_NUMERIC = re.compile(r"[\d$€£%]|(?:ieme|th)\b")
# The first letters of a word whose key may begin with a given letter (`_KEY_STARTS` turned
# around): `s` for a key in `s` is written `s`, `c` (`ch`) or `t` (`tch`).
_WORD_STARTS: dict[str, frozenset[str]] = {}
for _first, _starts in _KEY_STARTS.items():
    for _start in _starts:
        _WORD_STARTS[_start] = _WORD_STARTS.get(_start, frozenset(_start)) | {_first}


@lru_cache(maxsize=1 << 12)
def _word_starts(keys: tuple[str, ...]) -> frozenset[str]:
    """The first letters of the words whose key may begin like one of `keys`."""
    return frozenset().union(*(_WORD_STARTS.get(k[0], k[0]) for k in keys))


def could_match_text(resp: Analysed, folded: str) -> bool:
    """`could_match` for a variant not analysed yet, from its quick key (folded letters):
    False only when the variant has no number, no word of which a key could begin like a
    word of the response, and cannot be an acronym of it or have it for acronym. Cheaper
    than analysing the variant."""
    if not resp.keys or _MAY_BE_NUMERIC.search(folded):
        return True
    tokens = letter_runs(folded)
    if not _NUMBER_TRIGGERS.isdisjoint(tokens):
        return True  # spelled numbers, dates: the analysis decides
    starts = _word_starts(resp.keys)
    if any(t[0] in starts for t in tokens):
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
    if answer.numeric or resp.squashed in answer.squashed:
        return True
    keys, starts = answer.keys, answer.long_starts
    for k in resp.keys:
        if k in keys or (len(k) >= 5 and k[0] in starts):
            return True
    words = resp.words
    if len(words) == 1:
        return words[0] in answer.initials
    return len(words) >= 2 and "".join(w[0] for w in words) in answer.single_words


def clear_caches() -> None:
    """Forget the first letters cached per response (benchmarks measure cold runs)."""
    _word_starts.cache_clear()
