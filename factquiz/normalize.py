"""The normal form of a short answer, and its parts the grader compares.

`normalize("le mardi 12 Septembre")` is `--09-12`, `normalize("L'Ukraine")` is `ukraine`,
`normalize("vingt-quatre ans")` is `24 an`: NFKC, case, accents, apostrophes, hyphens,
punctuation and leading articles folded; numbers, dates and units made canonical
(`factquiz.numbers`, `factquiz.dates`). `analyse` splits the result into words (with their
transliteration keys), numbers and units. Results are cached per text. No I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from factquiz import dates, numbers
from factquiz.folding import (
    LETTERS,
    PLAIN_END,
    fold,
    fold_letters,
    letter_runs,
    quick_key,
    undot,
)
from factquiz.text import APOSTROPHES
from factquiz.transliteration import transliteration_key

HEDGES = frozenset(
    str.split(
        "typically usually generally probably mostly perhaps maybe possibly likely "
        "generalement habituellement probablement surement certainement"
    )
)
# Leading words that carry no fact: articles, prepositions, honorifics, hedges.
LEADING = (
    frozenset(
        str.split(
            "le la les l un une des du de d en au aux a dans sur par pour vers chez depuis pendant "
            "environ autour the an in on at of to by from during since about around approximately "
            "roughly nearly almost m mr mme mrs ms mlle dr monsieur madame"
        )
    )
    | HEDGES
)  # `typically no`, `probablement Kozhemyako`: the same fact
# Titles before a name (`le président Poutine`), kept before a complement: `President of
# the United States`, `le président de la République`.
TITLES = frozenset(
    str.split(
        "sir lord lady general president presidente king queen prince princess roi reine pope "
        "pape colonel captain capitaine professor professeur pr maestro"
    )
)
# Leading phrases a student may type before the answer: `c'est`, `it is`.
_LEADING_PHRASES = (
    ("c", "est"),
    ("it", "is"),
    ("it", "s"),
    ("ce", "sont"),
    ("they", "are"),
    ("peut", "etre"),  # hedges of two words: `peut-être Kozhemyako`
    ("sans", "doute"),
)
# Words inside an answer that neither need matching nor count as extra: `Corée du Nord`.
WEIGHTLESS = frozenset(
    str.split("de du des la le les et of the and a an au aux en sur in on at to for pour par by")
)
_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "%": "%"}
# Words that may start a number, date or unit: only then do those passes run.
_PLAIN_WORDS = numbers.TRIGGER_WORDS | dates.TRIGGER_WORDS
TRIGGER_WORDS = _PLAIN_WORDS  # a text with none of these (and no digit) has no number

# Thousands: `10 000` anywhere, `10,000` in English (and `1,000,000` in French, where a
# single `,ddd` is a decimal: `2,187 milliards`).
_THOUSANDS = {
    "en": re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f,]\d{3})+)(?![\d,]|\.\d)"),
    "fr": re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+|(?:,\d{3}){2,})(?![\d,])"),
}
_DECIMAL_COMMA = re.compile(r"(\d),(\d)")
_NOT_DIGIT = re.compile(r"\D")
_CLOCK = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})\b")
_SYMBOL = re.compile(r"[$€£%]")
_ORDINAL_END = re.compile(r"(?:ieme|th)\b")
# Words first: most tokens are words, and no other alternative starts with a letter.
# Digit runs are cut at 30: no answer needs more, and Python refuses to turn a 4,300-digit
# string into an int.
_TOKEN = re.compile(
    r"[^\W\d_]+|\d{4}-\d{2}-\d{2}|--\d{2}(?:-\d{2})?|\d{4}-\d{2}(?!\d)"
    r"|\d{1,30}(?:\.\d{1,30})?~\d{1,30}(?:\.\d{1,30})?"
    r"|\d{1,30}(?:er|re|ere|eme|e|st|nd|rd|th)(?![^\W\d_])|\d{3}0s(?![^\W\d_])"
    r"|\d{1,30}(?:\.\d{1,30})?|[$€£%]"
)


class Analysed(NamedTuple):
    """A normalised answer, split into what the grader compares (a tuple: cheap to make)."""

    text: str  # the normal form: canonical tokens joined by spaces
    tokens: tuple[str, ...]
    words: tuple[str, ...]  # content words, in order
    keys: tuple[str, ...]  # transliteration key of each content word
    numerics: tuple[str, ...]  # numbers, ordinals, dates, decades, ranges
    units: frozenset[str]
    squashed: str  # keys and numerics joined without spaces: `kimjongun`
    source: str  # the text as written, for what its capitals say

    @property
    def person_like(self) -> bool:
        """Capitalised words, no comma or bracket: may be a person's name."""
        return _case_info(self.source)[0]

    @property
    def proper(self) -> frozenset[str]:
        """Words written with a capital after the first word: names."""
        return _case_info(self.source)[1]

    @property
    def lower(self) -> frozenset[str]:
        """Words written in lower case: common nouns."""
        return _case_info(self.source)[2]


class Prompt:
    """An item's question, analysed only when a rule first needs its words: most answers
    are decided without it."""

    __slots__ = ("text", "language", "_analysed", "_key_superset")

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self._analysed: Analysed | None = None
        self._key_superset: frozenset[str] | None = None

    @property
    def analysed(self) -> Analysed:
        """The question analysed (once)."""
        if self._analysed is None:
            self._analysed = analyse(self.text, self.language)
        return self._analysed

    @property
    def keys(self) -> tuple[str, ...]:
        """The transliteration keys of the question's words."""
        return self.analysed.keys

    def asks_any(self, keys: set[str]) -> bool:
        """Whether any of these word keys may be a key of the question: False only when none
        is, found without analysing the question (its numbers need not be parsed)."""
        if self._analysed is not None:
            return not keys.isdisjoint(self._analysed.keys)
        if self._key_superset is None:
            self._key_superset = _key_superset(self.text)
        return not keys.isdisjoint(self._key_superset)

    @property
    def words(self) -> tuple[str, ...]:
        """The question's content words."""
        return self.analysed.words

    @property
    def numerics(self) -> tuple[str, ...]:
        """The question's numbers and dates (none, without analysing, when it has no digit
        nor a word that may start a number)."""
        if self._analysed is None and not may_have_numbers(self.text):
            return ()
        return self.analysed.numerics

    @property
    def proper(self) -> frozenset[str]:
        """The question's capitalised words: names."""
        return self.analysed.proper


_HAS_DIGIT = re.compile(r"\d")


def _canonical_numbers(text: str, language: str) -> str:
    text = dates.numeric_dates(text, month_first=language == "en")
    thousands = _THOUSANDS["en" if language == "en" else "fr"]
    if thousands.search(text):
        text = thousands.sub(_whole_thousands, text)
    # A sub with a template costs even when nothing matches: search first.
    if "," in text and _DECIMAL_COMMA.search(text):
        text = _DECIMAL_COMMA.sub(_decimal_point, text)
    text = numbers.numeric_ranges(text)
    return _CLOCK.sub(_clock_time, text) if _CLOCK.search(text) else text


def _whole_thousands(m: re.Match[str]) -> str:
    return m[1] + _NOT_DIGIT.sub("", m[2])


def _decimal_point(m: re.Match[str]) -> str:
    return f"{m[1]}.{m[2]}"


def _clock_time(m: re.Match[str]) -> str:
    return f"{m[1]} h {m[2]}"


_PHRASE_STARTS = frozenset(p[0] for p in _LEADING_PHRASES)


def _strip_leading(tokens: list[str]) -> list[str]:
    start = 0
    while start < len(tokens) - 1:
        word = tokens[start]
        if word in _PHRASE_STARTS:
            phrase = next(
                (p for p in _LEADING_PHRASES if tuple(tokens[start : start + len(p)]) == p), ()
            )
            if phrase and start + len(phrase) < len(tokens):
                start += len(phrase)
                continue
        if word not in LEADING and (word not in TITLES or tokens[start + 1] in WEIGHTLESS):
            break
        start += 1
    return tokens[start:] if start else tokens


# Words the number passes may write that the text does not: canonical units (`kilometres`
# -> `km`), currencies (`$`), `%` (`pour cent`) and the `h` of a time (`10:30` -> `10 h 30`).
_WRITTEN_WORDS = numbers.UNIT_TOKENS | frozenset(_SYMBOLS.values()) | {"h"}


def _key_superset(text: str) -> frozenset[str]:
    """The keys of every run of letters of `text` as `analyse` folds it, and of every word
    the number passes may write: a superset of `analyse(text).keys`, made without parsing."""
    words = _WRITTEN_WORDS.union(letter_runs(undot(fold_letters(text))))
    return frozenset(map(transliteration_key, words))


def may_have_numbers(text: str) -> bool:
    """False only when `analyse(text)` has no number for sure: no digit nor symbol, no
    ordinal ending, no spelled number (`numbers.may_spell_numbers`), not a month alone."""
    folded = fold_letters(text)
    if _HAS_DIGIT.search(folded) or _ORDINAL_END.search(folded) or _SYMBOL.search(folded):
        return True
    words = letter_runs(undot(folded))
    if _PLAIN_WORDS.isdisjoint(words):
        return False
    # Without a digit, only the spelled numbers make one; a month alone is a date (`--09`).
    return numbers.may_spell_numbers(words) or dates.is_lone_month(words)


def _tokens(text: str, language: str) -> list[str]:
    folded = quick_key(text)  # spaces at either end separate no token
    core = folded.rstrip(PLAIN_END)
    if core.replace(" ", "").isalpha():  # plain words: no digit, symbol, dot nor hyphen
        has_digit = False
        tokens = core.split()
    else:
        folded = undot(folded)
        has_digit = _HAS_DIGIT.search(folded) is not None
        if has_digit:
            folded = _canonical_numbers(folded, language)
        # The token pattern skips apostrophes, hyphens and other punctuation between words.
        if _SYMBOL.search(folded):
            tokens = [_SYMBOLS.get(t, t) for t in _TOKEN.findall(folded)]
        else:  # without digits or symbols, every token is a word: a simpler pattern finds them
            tokens = (_TOKEN if has_digit else LETTERS).findall(folded)
    if has_digit or not _PLAIN_WORDS.isdisjoint(tokens) or _ORDINAL_END.search(folded):
        tokens = numbers.numbers_to_digits(tokens)
        tokens = dates.textual_dates(tokens)
        tokens = numbers.units_and_ranges(tokens)
    return _strip_leading(tokens)


def is_numeric(token: str) -> bool:
    """Numbers, ordinals (`10e`), dates (`2023-09-13`, `--09`) and decades (`1980s`)."""
    return token[:1].isdigit() or token.startswith("--")


def _middle_initial(tokens: list[str], i: int) -> bool:
    """`James P. Flynn`: a middle initial is not what tells two names apart."""
    if len(tokens[i]) != 1 or not 0 < i < len(tokens) - 1 or not tokens[i].isalpha():
        return False
    return len(tokens[i - 1]) > 1 and len(tokens[i + 1]) > 1


_APOS_SPLIT = re.compile(f"[{re.escape(APOSTROPHES)}\\s]+")
_NOT_A_NAME = re.compile(r"[,;()\[\]/]")


# Apostrophes that are letters too (`ʼ`): they split words all the same.
_LETTER_APOSTROPHES = frozenset(c for c in APOSTROPHES if c.isalpha())


@lru_cache(maxsize=1 << 14)
def _case_info(text: str) -> tuple[bool, frozenset[str], frozenset[str]]:
    """Whether `text` may be a person's name; its words capitalised after the first
    (`Vostochny` in `cosmodrome de Vostochny`); its words in lower case. A hyphenated word
    takes the case of its first part (`Jong-un`)."""
    # An ASCII word of letters folds to itself in lower case: no need to call `fold`.
    fold_word = str.lower if text.isascii() else fold
    plain = text[:1].isalpha() and text.replace(" ", "").isalpha()  # words and spaces only
    if plain and (text.isascii() or _LETTER_APOSTROPHES.isdisjoint(text)):
        words = text.split()
        person = all(w[0].isupper() or w.casefold() in WEIGHTLESS for w in words)
        lowered = [w for w in words if w[0].islower()]
        named = [w for w in words[1:] if not w[0].islower()]
        return person, frozenset(map(fold_word, named)), frozenset(map(fold_word, lowered))
    proper: set[str] = set()
    lower: set[str] = set()
    for n, part in enumerate(_APOS_SPLIT.split(text)):
        head = part[:1]
        if not head.isalpha():
            continue
        target = lower if head.islower() else proper if n else None
        if target is not None:
            target.update(map(fold_word, LETTERS.findall(part)))
    chunks = [w for w in text.split() if w[:1].isalpha()]
    person = (
        bool(chunks)
        and not _NOT_A_NAME.search(text)
        and all(w[0].isupper() or w.casefold() in WEIGHTLESS for w in chunks)
    )
    return person, frozenset(proper), frozenset(lower)


_NEW_ANALYSED = tuple.__new__  # Analysed(...) without the Python-level __new__ of a NamedTuple
_NO_UNITS: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 16)
def analyse(text: str, language: str = "fr") -> Analysed:
    """The normal form of `text` and its words, keys, numbers and units."""
    tokens = _tokens(text, language)
    joined = " ".join(tokens)
    if joined.replace(" ", "").isalpha() and min(map(len, tokens)) > 1:
        # The common case, in C loops: only words of two letters or more, so no number,
        # unit (units follow numbers) nor initial.
        all_small = WEIGHTLESS.issuperset(tokens)
        words = tokens if all_small else [t for t in tokens if t not in WEIGHTLESS]
        keys = tuple(map(transliteration_key, words))
        parts = (joined, tuple(tokens), tuple(words), keys, (), _NO_UNITS, "".join(keys), text)
        return _NEW_ANALYSED(Analysed, parts)
    return _analyse_tokens(text, tokens, joined)


def _analyse_tokens(text: str, tokens: list[str], joined: str) -> Analysed:
    words: list[str] = []
    keys: list[str] = []
    nums: list[str] = []
    units: set[str] = set()
    squashed: list[str] = []
    # `L`, `the`: when all is small words, the answer is the words themselves.
    all_small = WEIGHTLESS.issuperset(tokens)
    last = len(tokens) - 1
    key_of = transliteration_key
    for i, tok in enumerate(tokens):
        if tok[0].isdigit() or tok[:2] == "--":
            nums.append(tok)
            squashed.append(tok)
        elif i and tok in numbers.UNIT_TOKENS and numbers.is_number(tokens[i - 1]):
            units.add(tok)
            squashed.append(tok)
        elif all_small or (
            tok not in WEIGHTLESS and (len(tok) > 1 or not _middle_initial(tokens, i))
        ):
            key = key_of(tok)
            words.append(tok)
            keys.append(key)
            squashed.append(key)
        elif len(tok) == 1 and i == last and i:
            words.append(tok)  # `Vitamin A`: a last single letter is a word
            keys.append(key_of(tok))
            squashed.append(tok)
    parts = (
        joined,
        tuple(tokens),
        tuple(words),
        tuple(keys),
        tuple(nums),
        frozenset(units),
        "".join(squashed),
        text,
    )
    return _NEW_ANALYSED(Analysed, parts)


def normalize(text: str, language: str = "fr") -> str:
    """The normal form of an answer, the key for grouping equal answers for review."""
    return analyse(text, language).text


def clear_caches() -> None:
    """Forget cached analyses (for benchmarks that must measure cold runs)."""
    analyse.cache_clear()
    transliteration_key.cache_clear()
    _case_info.cache_clear()
