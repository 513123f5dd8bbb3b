"""French numbers both ways, so a student may type "18" or "dix-huit" for the same answer."""

from __future__ import annotations

import re

_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_VALUES = {w: i for i, w in enumerate(_UNITS)} | {v: k * 10 for k, v in _TENS.items()}
_VALUES |= {"une": 1, "septante": 70, "huitante": 80, "nonante": 90, "vingts": 20}
_DECIMAL = re.compile(r"^\d+(?:,\d+|\.(?!\d{3}(?:\.\d{3})*$)\d+)$")
_MULTIPLIERS = {"cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "millions": 10**6}
_MULTIPLIERS |= {"milliard": 10**9, "milliards": 10**9}


def _below_hundred(n: int) -> str:
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        return f"{base}-{'et-' if n == 71 else ''}{_below_hundred(10 + unit)}"
    word = "quatre-vingt" if tens == 8 else _TENS[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else word
    return f"{word}-et-un" if unit == 1 and tens != 8 else f"{word}-{_UNITS[unit]}"


def number_to_words(n: int) -> str | None:
    """`18` -> `dix-huit`, `200000` -> `deux-cent-mille` (1990 spelling); None past a billion."""
    if n < 0 or n >= 10**9:
        return None
    if n < 100:
        return _below_hundred(n)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]}-cent{'s' if rest == 0 else ''}"
        return head if rest == 0 else f"{head}-{_below_hundred(rest)}"
    for size, name in ((10**6, "million"), (1000, "mille")):
        if n >= size:
            count, rest = divmod(n, size)
            spoken = number_to_words(count) or ""
            if name == "mille":
                plural_free = spoken[:-1] if spoken.endswith(("cents", "vingts")) else spoken
                head = "mille" if count == 1 else f"{plural_free}-mille"
            else:
                head = f"{spoken}-million{'s' if count > 1 else ''}"
            return head if rest == 0 else f"{head}-{number_to_words(rest)}"
    return None


def is_decimal(text: str) -> bool:
    """ "2,1", "71,8", "1.4": a number with a decimal part, which has no int value."""
    return bool(_DECIMAL.match(text.strip()))


def words_to_number(text: str) -> int | None:
    """`quarante cinq` -> 45, `deux cent mille` -> 200000, `18` -> 18; None if not a number."""
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if _DECIMAL.match(cleaned):
        return None  # "2,1", "1.4": not a whole number ("1.500" is fifteen hundred)
    digits = cleaned.replace(" ", "").replace(".", "")
    if digits.isdigit():
        return int(digits)
    words = [w for w in cleaned.casefold().replace("-", " ").split() if w != "et"]
    # "quatre vingt" is 4 x 20; every other pair adds up ("soixante dix" = 60 + 10).
    words = " ".join(words).replace("quatre vingts", "80").replace("quatre vingt", "80").split()
    total, current = 0, 0
    for word in words:
        if word.isdigit():
            current += int(word)  # "12 millions"
        elif word in _VALUES:
            current += _VALUES[word]
        elif word in ("cent", "cents"):
            current = max(current, 1) * 100
        elif word in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[word]
            current = 0
        else:
            return None
    return total + current if words else None


def is_number_word(word: str) -> bool:
    """True for a French number word or a string of digits."""
    w = word.casefold()
    return w.replace(" ", "").isdigit() or w in _VALUES or w in _MULTIPLIERS
