"""Numbers, ordinals, units and ranges in French and English, as canonical tokens.

Works on the folded tokens of `factquiz.normalize` (lower case, no accents). It turns
`vingt-quatre`, `twenty four` and `24` into `24`; `dixième`, `10th` and `10e` into `10e`;
`kilomètres` after a number into `km`; `£50m` into `50000000 gbp`; `1980s` and `années 80`
into `1980s`; `XVIIIe siècle` into `18c`; `1985-1993`, `entre 2 et 3` and `200 to 500` into
ranges `1985~1993`. No I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factquiz.text import HYPHENS


def word_list(spec: str) -> list[str]:
    """`"a b c"` -> ["a", "b", "c"]: word tables written compactly."""
    return spec.split()


def word_table(spec: str) -> dict[str, int | str]:
    """`"1: janvier janv january; 2: ..."` -> {"janvier": 1, ...}; values stay str if not digits."""
    table: dict[str, int | str] = {}
    for entry in spec.split(";"):
        value, words = entry.split(":")
        key: int | str = int(value) if value.strip().isdigit() else value.strip()
        table.update(dict.fromkeys(words.split(), key))
    return table


_UNITS_FR = word_list("zero un deux trois quatre cinq six sept huit neuf")
_TEENS_FR = word_list("dix onze douze treize quatorze quinze seize")
_TENS_FR = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50}
_TENS_FR["soixante"] = 60
_UNITS_EN = word_list("zero one two three four five six seven eight nine")
_TEENS_EN = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS_EN = word_list("twenty thirty forty fifty sixty seventy eighty ninety")

SMALL: dict[str, int] = {w: i for i, w in enumerate(_UNITS_FR)}
SMALL.update({w: 10 + i for i, w in enumerate(_TEENS_FR)})
SMALL.update(_TENS_FR)
SMALL.update({w: i for i, w in enumerate(_UNITS_EN)})
SMALL.update({w: 10 + i for i, w in enumerate(_TEENS_EN.split())})
SMALL.update({w: 20 + 10 * i for i, w in enumerate(_TENS_EN)})
SMALL["une"] = 1
HUNDREDS = {"cent", "cents", "hundred", "hundreds"}
# English billion; a French "billion" (10^12) is rare in news.
SCALES: dict[str, int] = word_table(  # type: ignore[assignment]
    "1000: mille thousand thousands; 1000000: million millions;"
    "1000000000: milliard milliards billion billions"
)
NUMBER_WORDS = set(SMALL) | HUNDREDS | set(SCALES)
# Words that are numbers only next to another number word or a unit: `un train`, `a dog`.
_ARTICLE_NUMBERS = {"un": 1, "une": 1, "a": 1, "an": 1}

ORDINAL_WORDS: dict[str, int] = word_table(  # type: ignore[assignment]
    "1: premier premiere first; 2: second seconde; 3: third; 5: fifth; 8: eighth; 9: ninth;"
    "12: twelfth"
)
_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf", "milli": "mille", "un": "un"}
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:e|eme|er|re|ere|nd|st|rd|th)$")

# Unit words after a number, to one canonical token each (French and English).
UNITS: dict[str, str] = word_table(  # type: ignore[assignment]
    "km: km kms kilometre kilometres kilometer kilometers; m: m metre metres meter meters;"
    "cm: cm centimetre centimetres centimeter centimeters; h: h heure heures hour hours hr hrs;"
    "min: min mn mins minute minutes; s: s sec secs seconde secondes second seconds;"
    "an: an ans annee annees year years yr yrs; mois: mois month months;"
    "semaine: semaine semaines week weeks; jour: jour jours day days;"
    "kg: kg kilo kilos kilogramme kilogrammes kilogram kilograms; t: t tonne tonnes ton tons;"
    "%: % pct pourcent percent; eur: eur euro euros; usd: usd dollar dollars;"
    "gbp: gbp livre livres pound pounds; mi: mi mile miles"
)
UNIT_TOKENS = frozenset(UNITS.values())
_PERCENT_PAIRS = {("pour", "cent"), ("per", "cent")}
_PERCENT_FIRST = frozenset(first for first, _ in _PERCENT_PAIRS)

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_CENTURY = {"siecle", "siecles", "century", "centuries"}
_DECADE_WORDS = {"annees", "decennie"}


def is_number(token: str) -> bool:
    """Whether a canonical token is a plain number (`2006`, `1.5`)."""
    return token[:1].isdigit() and token.replace(".", "", 1).isdigit()


def format_number(value: Decimal | int) -> str:
    """`2006`, `1.5`, `2190000000`: exact decimals, no trailing zeros, no exponent."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _ordinal_value(word: str) -> int | None:
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    m = _ORDINAL_SUFFIX.match(word)
    if m:
        return int(m.group(1))
    if word.endswith("th") and word[:-2] in SMALL:  # fourth, sixth, tenth, ...
        return SMALL[word[:-2]]
    if word.endswith("ieth") and word[:-4] + "y" in SMALL:  # twentieth
        return SMALL[word[:-4] + "y"]
    if word.endswith("ieme") and len(word) > 4:
        stem = word[:-4]
        stem = _ORDINAL_STEMS.get(stem, stem)
        for cand in (stem, stem + "e", stem + "s"):
            if cand in SMALL or cand in HUNDREDS or cand in SCALES:
                value = SMALL.get(cand) or (100 if cand in HUNDREDS else SCALES.get(cand, 0))
                return value
    return None


def _roman_value(word: str) -> int | None:
    if not word or not _ROMAN_RE.match(word):
        return None
    total = 0
    for a, b in zip(word, word[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


class _NumberRun:
    """Accumulates a spelled-out number: `quatre vingt dix sept`, `two thousand and six`."""

    def __init__(self) -> None:
        self.total = 0
        self.current = 0
        self.last = 0  # the last word's value, to refuse `deux trois` as one number
        self.prev_word = ""
        self.words = 0

    def accepts(self, word: str) -> bool:
        if word in HUNDREDS or word in SCALES:
            return True
        value = SMALL.get(word)
        if value is None:
            return False
        if self.words == 0:
            return True
        if word in ("vingt", "vingts") and self.prev_word == "quatre":
            return True
        # `vingt quatre`, `soixante dix`, `cent deux`, `mille six` join; `deux trois` does not.
        return self.last >= 10 and self.last % 10 == 0 and value < self.last

    def add(self, word: str) -> None:
        if word in HUNDREDS:
            self.current = max(self.current, 1) * 100
            self.last = 100
        elif word in SCALES:
            self.total += max(self.current, 1) * SCALES[word]
            self.current = 0
            self.last = SCALES[word]
        elif word in ("vingt", "vingts") and self.prev_word == "quatre":
            self.current += 76  # `quatre vingt`: the 4 already added becomes 80
            self.last = 80
        else:
            self.current += SMALL[word]
            self.last = SMALL[word]
        self.prev_word = word
        self.words += 1

    @property
    def value(self) -> int:
        return self.total + self.current


def _spelled_number(tokens: list[str], i: int) -> tuple[int, bool, int] | None:
    """The number spelled from tokens[i]: (value, is_ordinal, index after it), or None."""
    run = _NumberRun()
    j = i
    n = len(tokens)
    while j < n:
        word = tokens[j]
        if run.words and word in ("et", "and") and j + 1 < n:
            following = _ordinal_cardinal(tokens[j + 1]) or tokens[j + 1]
            if run.accepts(following):
                j += 1
                continue
        if run.accepts(word):
            run.add(word)
            j += 1
            continue
        cardinal = _ordinal_cardinal(word)
        if cardinal and (run.words == 0 or run.accepts(cardinal)):
            run.add(cardinal)
            return run.value, True, j + 1
        break
    if run.words == 0:
        return None
    return run.value, False, j


def _ordinal_cardinal(word: str) -> str | None:
    """The cardinal word behind a spelled ordinal (`dixieme` -> `dix`), or None."""
    if not (word.endswith(("ieme", "th")) or word in ORDINAL_WORDS):
        return None
    value = _ordinal_value(word)
    return None if value is None else _CARDINAL_WORD.get(value)


_CARDINAL_WORD = {v: w for w, v in reversed(list(SMALL.items()))}
_CARDINAL_WORD.update({100: "cent", 1000: "mille"})


def _is_unit_start(tokens: list[str], j: int) -> bool:
    if j >= len(tokens):
        return False
    word = tokens[j]
    if word in UNITS or word in SCALES or word in HUNDREDS:
        return True
    return j + 1 < len(tokens) and (word, tokens[j + 1]) in _PERCENT_PAIRS


def _starts_number(tokens: list[str], i: int, out: list[str]) -> bool:
    word = tokens[i]
    if word in _ARTICLE_NUMBERS:
        # `un train`, `a dog` and `Kim Jong Un` are no numbers; `une heure`, `a million` are.
        return len(tokens) == 1 or _is_unit_start(tokens, i + 1)
    if word == "sept" and out and out[-1].rstrip("e").isdigit() and int(out[-1].rstrip("e")) <= 31:
        return False  # `13 sept 2023`: the month, not seven
    if word == "cent" and i and tokens[i - 1] in ("pour", "per"):
        return False  # `pour cent` is a unit
    if word in ORDINAL_WORDS:
        return not (word.startswith("second") and out and is_number(out[-1]))
    return word in NUMBER_WORDS or word.endswith(("ieme", "th"))


def may_spell_numbers(tokens: list[str]) -> bool:
    """Whether `numbers_to_digits` may change anything: a number or ordinal word, a word in
    `-th` or `-ieme`, an article before a unit or a scale, a digit with a suffix, a scale,
    a century."""
    if not _SPELLING_WORDS.isdisjoint(tokens):
        return True
    if not _ARTICLE_WORDS.isdisjoint(tokens) and (
        len(tokens) == 1 or not _AFTER_ARTICLE.isdisjoint(tokens)
    ):
        return True
    return any(t.endswith(("ieme", "th")) or (t[:1].isdigit() and t[-1].isalpha()) for t in tokens)


def numbers_to_digits(tokens: list[str]) -> list[str]:
    """Spelled numbers and ordinals to digits; thousands/millions after digits multiplied."""
    if not may_spell_numbers(tokens):
        return tokens
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        word = tokens[i]
        may_start = word in _NUMBER_STARTS or word.endswith(_ORDINAL_ENDS)
        if may_start and _starts_number(tokens, i, out):
            parsed = _spelled_number(tokens, i)
            if parsed is None and word in _ARTICLE_NUMBERS:
                # `a hundred`, `an hour`: the article is the number one, or the scale's 1.
                parsed = _spelled_number(tokens, i + 1) or (1, False, i + 1)
            if parsed is not None:
                value, ordinal, i = parsed
                if tokens[i - 1] in SCALES:
                    _scale_range_start(out, SCALES[tokens[i - 1]])
                out.append(f"{value}e" if ordinal else str(value))
                continue
        if word[:1].isdigit():
            m = _ORDINAL_SUFFIX.match(word)
            if m:
                out.append(f"{int(m.group(1))}e")
                i += 1
                continue
            if is_number(word) and i + 1 < n and tokens[i + 1] in SCALES:
                _scale_range_start(out, SCALES[tokens[i + 1]])
                out.append(format_number(Decimal(word) * SCALES[tokens[i + 1]]))
                i += 2
                continue
        elif i + 1 < n and tokens[i + 1] in _CENTURY:
            roman = _roman_value(word[:-3] if word.endswith("eme") else word.rstrip("e"))
            if roman:
                out.append(f"{roman}e")  # `XVIIIe siecle`
                i += 1
                continue
        out.append(word)
        i += 1
    return out


def _scale_range_start(out: list[str], scale: int) -> None:
    """`2 et 3 millions`: the scale of the range's end is its start's too."""
    if len(out) >= 2 and out[-1] in _RANGE_JOIN and is_number(out[-2]):
        out[-2] = format_number(Decimal(out[-2]) * scale)


_CURRENCIES = frozenset(("usd", "eur", "gbp"))
_CURRENCY_SCALES = {"m": 10**6, "bn": 10**9, "md": 10**9, "k": 1000}
_RANGE_OPEN = frozenset(("entre", "between", "from", "de"))
_RANGE_JOIN = frozenset(("to", "a", "au", "et", "and"))


def _range_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """`entre 2 et 3`, `between 2 and 3`, `2 to 3`, `de 2 a 3` at tokens[i] -> (`2~3`, end)."""
    opened = tokens[i] in _RANGE_OPEN
    j = i + 1 if opened else i
    if j + 2 >= len(tokens) + (0 if opened else 0) or j + 2 > len(tokens) - 1:
        return None
    lo, join, hi = tokens[j], tokens[j + 1], tokens[j + 2]
    if not (is_number(lo) and is_number(hi) and join in _RANGE_JOIN):
        return None
    if join in ("et", "and") and not opened:
        return None  # `2 et 3` is two numbers; `entre 2 et 3` a range
    if float(lo) >= float(hi):
        return None
    return f"{lo}~{hi}", j + 3


def units_and_ranges(tokens: list[str]) -> list[str]:
    """Canonical units after numbers (`60 kilometres` -> `60 km`, `£50m` -> `50000000 gbp`),
    spelled ranges (`entre 2 et 3` -> `2~3`), decades (`annees 80` -> `1980s`) and centuries
    (`18e siecle` -> `18c`)."""
    if _UNIT_OR_RANGE_WORDS.isdisjoint(tokens):
        return tokens  # no unit, range word, currency, `pour cent` or decade word
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        word = tokens[i]
        opens = word in _RANGE_OPEN or (word[:1].isdigit() and is_number(word))
        found = _range_at(tokens, i) if opens else None
        if found is not None:
            out.append(found[0])
            i = found[1]
            continue
        if word in _CURRENCIES and i + 1 < n and is_number(tokens[i + 1]):
            value = Decimal(tokens[i + 1])
            scale = _CURRENCY_SCALES.get(tokens[i + 2], 1) if i + 2 < n else 1
            out += [format_number(value * scale), word]  # `$75,000` -> `75000 usd`
            i += 3 if scale != 1 else 2
            continue
        # Only a unit or `pour`, `per` reads what comes before.
        after_number = (word in UNITS or word in _PERCENT_FIRST) and (
            bool(out) and (is_number(out[-1]) or "~" in out[-1])
        )
        if after_number and i + 1 < n and (word, tokens[i + 1]) in _PERCENT_PAIRS:
            out.append("%")
            i += 2
            continue
        if after_number and word in UNITS:
            out.append(UNITS[word])
        elif i + 1 < n and tokens[i + 1] in _CENTURY and _ORDINAL_TOKEN.match(word):
            out.append(f"{word[:-1]}c")  # `18e siecle` -> `18c`: a span of years
            i += 1
        elif word in _DECADE_WORDS and i + 1 < n and _decade_year(tokens[i + 1]):
            out.append(f"{_decade_year(tokens[i + 1])}s")
            i += 1
        else:
            out.append(word)
        i += 1
    return out


_RANGE = re.compile(
    f"(?<![\\d.,/:])(\\d{{1,4}}(?:\\.\\d+)?)\\s*[{re.escape(HYPHENS)}]\\s*(\\d{{1,4}}(?:\\.\\d+)?)(?![\\d/:])"
)


_HYPHEN = re.compile(f"[{re.escape(HYPHENS)}]")


def numeric_ranges(text: str) -> str:
    """`1985-1993`, `10–12`, `1979-80` -> `1985~1993`, `10~12`, `1979~1980` (low < high)."""

    def as_range(m: re.Match[str]) -> str:
        lo, hi = m.group(1), m.group(2)
        if len(lo) == 4 and len(hi) == 2:
            hi = lo[:2] + hi
        return f" {lo}~{hi} " if float(lo) < float(hi) else m.group(0)

    return _RANGE.sub(as_range, text) if _HYPHEN.search(text) else text


def _decade_year(token: str) -> int | None:
    """`1980` or `80` as the start of a decade, else None."""
    if not token.isdigit() or token[-1] != "0":
        return None
    if len(token) == 4:
        return int(token)
    return 1900 + int(token) if len(token) == 2 else None


# Words that may start a number, an ordinal, a unit or a range: only texts with one of them
# (or a digit) go through the number passes.
TRIGGER_WORDS = (
    frozenset(NUMBER_WORDS)
    | frozenset(ORDINAL_WORDS)
    | _DECADE_WORDS
    | frozenset(_CENTURY)
    | frozenset(w for w in UNITS if len(w) > 2)  # `an hour`, `une heure`
)

# What each pass needs to find before it can change a token (see the guards above).
_SPELLING_WORDS = (
    frozenset(NUMBER_WORDS) | frozenset(ORDINAL_WORDS) | frozenset(SCALES) | frozenset(_CENTURY)
)
_ARTICLE_WORDS = frozenset(_ARTICLE_NUMBERS)
_AFTER_ARTICLE = frozenset(UNITS) | frozenset(SCALES) | frozenset(HUNDREDS) | {"pour", "per"}
_UNIT_OR_RANGE_WORDS = (
    _RANGE_JOIN
    | _CURRENCIES
    | frozenset(UNITS)
    | frozenset(_DECADE_WORDS)
    | frozenset(_CENTURY)
    | {"pour", "per"}
)
_ORDINAL_TOKEN = re.compile(r"^\d{1,2}e$")
# The words `_starts_number` may take for the start of a number (besides `-ieme`, `-th`).
_NUMBER_STARTS = frozenset(NUMBER_WORDS) | frozenset(ORDINAL_WORDS) | _ARTICLE_WORDS
_ORDINAL_ENDS = ("ieme", "th")
