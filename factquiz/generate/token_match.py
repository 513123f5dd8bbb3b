"""The French tokenizer's `token_match` pattern, rewritten so it compiles in milliseconds.

spaCy's French `TOKEN_MATCH` (words like "Saint-Pétersbourg" or "entr'amis" kept whole) is
one 1.4 MB regular expression: 266 alternatives, each repeating spaCy's list of letters of
every Latin, Greek and Cyrillic block, under `(?i)`. Python's `re` takes about 3 s to compile
it, and it is compiled on every model load: nearly half of `factquiz generate`'s wall time.

Under `(?iu)` a class holding exactly spaCy's letters (upper, lower or both) matches what
Python's `[^\\W\\d_]` matches on every letter of those blocks, so the rewrite swaps each such
class for it, and a class that adds hyphens or apostrophes to the letters for an alternation
of the two. A test checks, on the words of real French articles, that the rewritten pattern
matches exactly the words the original matches.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

LETTER = r"[^\W\d_]"
_MIN_LENGTH = 100_000  # only spaCy's token_match is this long


def _letter_sets() -> tuple[str, ...]:
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER

    return (ALPHA, ALPHA_LOWER, ALPHA_UPPER)


def cheap_pattern(pattern: str, letter_sets: tuple[str, ...]) -> str:
    """`pattern` with every character class built on one of `letter_sets` made cheap.

    Only for patterns compiled case-insensitively: the lower-case letters then match both.
    """
    out = pattern
    for letters in letter_sets:
        out = out.replace(f"[{letters}]", LETTER)
    for letters in letter_sets:
        out = _split_mixed_classes(out, letters)
    return out


def _split_mixed_classes(pattern: str, letters: str) -> str:
    """`[-'{letters}]` as `(?:[^\\W\\d_]|[-'])`: the letters apart from what the class adds."""
    parts: list[str] = []
    pos = 0
    while (at := pattern.find(letters, pos)) >= 0:
        start = pattern.rfind("[", pos, at)
        end = pattern.find("]", at + len(letters))
        before = pattern[start + 1 : at]
        after = pattern[at + len(letters) : end]
        if start < 0 or end < 0 or "]" in before or "\\" in before + after or "^" in before[:1]:
            return pattern  # a shape this rewrite does not know: leave the pattern whole
        rest = before + after
        parts += [pattern[pos:start], f"(?:{LETTER}|[{rest}])" if rest else LETTER]
        pos = end + 1
    parts.append(pattern[pos:])
    return "".join(parts)


@contextlib.contextmanager
def fast_token_match() -> Iterator[None]:
    """While spaCy loads, compile the rewritten form of its French token_match pattern."""
    original = re.compile
    letter_sets = _letter_sets()

    def compile_cheaply(pattern: Any, flags: int = 0) -> re.Pattern:
        if (
            isinstance(pattern, str)
            and len(pattern) > _MIN_LENGTH
            and pattern.startswith("(?iu)")
            and not flags
        ):
            pattern = cheap_pattern(pattern, letter_sets)
        return original(pattern, flags)

    re.compile = compile_cheaply  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original  # type: ignore[assignment]
