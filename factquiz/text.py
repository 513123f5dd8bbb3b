"""Small text folds shared by the bank checks, the grader and the generator.

No I/O and no third-party imports: both `bank` and `grading` stand on this.
"""

from __future__ import annotations

import re
import unicodedata

# Every character that a French text may use for an apostrophe or a hyphen/dash.
APOSTROPHES = "'’‘ʼʹ`´′＇‛"
HYPHENS = "-‐‑‒–—―−﹘﹣－"
SOFT_HYPHEN = "\u00ad"
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_HYPH_RE = re.compile(f"[{re.escape(HYPHENS)}]")
_SPACE_RE = re.compile(r"\s+")
# One table for every character-for-character fold of a quote (apostrophes, dashes,
# guillemets, soft hyphen): a single `translate` instead of one pass each.
_QUOTE_FOLD = str.maketrans(
    {
        **{c: "'" for c in APOSTROPHES},
        **{c: "-" for c in HYPHENS},
        **{c: '"' for c in "«»“”„"},
        SOFT_HYPHEN: None,
    }
)
# Guillemets carry thin or non-breaking spaces inside them in French typography.
_GUILLEMET_SPACE_RE = re.compile(r'\s*"\s*')


def fold_for_quote(text: str) -> str:
    """Fold what an evidence quote may legitimately differ in from its article.

    Whitespace runs (including hard line breaks and non-breaking spaces) become one space,
    apostrophes become ', dashes become -, soft hyphens vanish, guillemets become ".
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD)
    if '"' in text:
        text = _GUILLEMET_SPACE_RE.sub('"', text)
    return _SPACE_RE.sub(" ", text).strip()


# The combining-mark blocks: Latin, Greek and Cyrillic accents, and their extensions.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """Remove combining marks: `Choïgou` -> `Choigou`, `Élysée` -> `Elysee`."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


_NOT_WORD = re.compile(r"[\W_]+")


def fold_basic(text: str) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form of a short answer."""
    text = strip_accents(unicodedata.normalize("NFKC", text).replace(SOFT_HYPHEN, "")).casefold()
    return _NOT_WORD.sub(" ", text).strip()


# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides/isolates that
# can make a line read differently from what it holds (Trojan Source).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def safe_text(text: object) -> str:
    """Text that factquiz did not write, made inert for a terminal.

    Control and bidi characters become visible `\\x1b`-style escapes, so an ANSI or OSC
    sequence in a bank or an answer is shown, never obeyed. Rich markup is left to the
    caller, which must print the result as `rich.text.Text`, never as markup.
    """
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def find_folded(text: str, part: str) -> tuple[int, int] | None:
    """Where `part` stands in `text` as (start, end), ignoring case, accents, spacing and the
    forms of apostrophes and dashes; None if it does not."""
    folded: list[str] = []
    origin: list[int] = []  # index in `text` of each folded character
    for i, c in enumerate(text):
        for f in _fold_char(c):
            if f == " " and folded and folded[-1] == " ":
                continue
            folded.append(f)
            origin.append(i)
    needle = _SPACE_RE.sub(" ", "".join(_fold_char(c) for c in part)).strip()
    if not needle:
        return None
    start = "".join(folded).find(needle)
    if start < 0:
        return None
    return origin[start], origin[start + len(needle) - 1] + 1


def _fold_char(c: str) -> str:
    if c in APOSTROPHES:
        return "'"
    if c in HYPHENS:
        return "-"
    if c.isspace():
        return " "
    return strip_accents(c).casefold()
