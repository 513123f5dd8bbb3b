"""How the grader folds a text before it reads words: NFKC, case, accents, letters that do
not decompose, digits that are not decimal, elided articles; and the runs of letters of a
folded text. No I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factquiz.text import APOSTROPHES, HYPHENS, SOFT_HYPHEN, strip_accents

# Digits that NFKC leaves as they are and that are no decimal digits (`❷`, Ethiopic `፩`):
# Python calls them digits, yet int() refuses them. Read as the digits they are.
_OTHER_DIGITS = (
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
)
# What NFKC, casefold and NFKD leave: letters that do not decompose, soft hyphens, digits
# that are not decimal.
_LETTER_FOLD = {
    code: str(unicodedata.digit(chr(code)))
    for first, last in _OTHER_DIGITS
    for code in range(first, last + 1)
} | str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        SOFT_HYPHEN: "",
    }
)
# Apostrophes and hyphens separate words: `Kim Jong-un` -> `kim jong un`.
_SEPARATORS = str.maketrans(dict.fromkeys(APOSTROPHES + HYPHENS, " "))
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
LETTERS = re.compile(r"[^\W\d_]+")


def repair_mojibake(text: str) -> str:
    """`DÃ¡in` -> `Dáin`: UTF-8 read as Latin-1, as copied from a broken web page."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


_APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_APOS_CLASS = f"[{re.escape(APOSTROPHES)}]"
# `l'`, `d'`, `qu'`... before a word, and the English `'s`; `c'est` stays a leading phrase.
_ELISION = re.compile(
    f"(?<![^\\W\\d_])(?:[ldjnmst]|qu|c(?!{_APOS_CLASS}est\\b)){_APOS_CLASS}(?=[^\\W\\d_])"
    f"|(?<=[^\\W\\d_]){_APOS_CLASS}s\\b"
)


def fold_letters(text: str) -> str:
    """NFKC, casefold, accents and soft hyphens folded; elided articles (`l'`, `d'`, `qu'`)
    and the English possessive `'s` dropped. Punctuation stays."""
    if text.isascii():  # the common case: NFKC, accents and the letter folds change nothing
        text = text.lower()
        return _ELISION.sub("", text) if "'" in text or "`" in text else text
    if "Ã" in text or "Â" in text or "â€" in text:
        text = repair_mojibake(text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if _APOSTROPHE.search(text):
        text = _ELISION.sub("", text)
    text = text.translate(_LETTER_FOLD)
    return text if text.isascii() else strip_accents(text)


@lru_cache(maxsize=1 << 16)
def quick_key(text: str) -> str:
    """Equal quick keys give equal analyses: the cheap test for an exact answer (the text
    as `fold_letters` leaves it, stripped; `analyse` reads it too)."""
    return fold_letters(text).strip()


def fold(text: str) -> str:
    """`fold_letters`, then apostrophes and hyphens as spaces: `Kim Jong-un` -> `kim jong un`."""
    return fold_letters(text).translate(_SEPARATORS)


def _undotted(m: re.Match[str]) -> str:
    return m.group().replace(".", "")


def undot(folded: str) -> str:
    """Dotted acronyms of a folded text joined, as `analyse` reads them: `u.s.a.` -> `usa`."""
    return _DOTTED_ACRONYM.sub(_undotted, folded) if "." in folded else folded


# What may end a text of plain words: a question mark, a full stop, spaces.
PLAIN_END = "?!. "


def letter_runs(folded: str) -> list[str]:
    """The runs of letters of a folded text (`LETTERS.findall`), split on spaces when the
    text has only letters and spaces, and perhaps a final `?` or `.` (most answers)."""
    core = folded.rstrip(PLAIN_END)
    if core.replace(" ", "").isalpha():
        return core.split()
    return LETTERS.findall(folded)
