"""The variants an accepted answer implies, and the quick keys that find an exact answer.

A written variant implies: itself without a bracketed aside (`Kazuo Ishiguro (about ...)`) or
a quoted nickname (`James "Jamie" Dornan`), each side of `X or Y` / `X ou Y`, the head of a
placed name (`Tucson` for `Tucson, Arizona`), the name before `of`, `in`, `by` (`United States`
for `United States of America`), either half of a double surname (`Tamera Mowry-Housley`);
and the items of a lowercase list (`the brain and spinal cord`), enough for an answer of one
item only. A quick key folds case, accents and elided articles: equal quick keys, equal
analyses. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factquiz.folding import fold, fold_letters, quick_key
from factquiz.numbers import NUMBER_WORDS

_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_NICKNAME = re.compile(r"\s*[\"“«][^\"”»]*[\"”»]")
_LIST_END = re.compile(r"\b(?:and|et|or|ou)\b|&", re.I)
_ALTERNATIVES = re.compile(r"\s+(?:or|ou)\s+", re.I)
# What a variant has when it implies others (brackets, quotes, commas, hyphens, linking words).
_MAY_IMPLY = re.compile('[(\\["“«,&-]|\\s(?:or|ou|of|in|by|and|et)\\s', re.I)


def written_as(raw: str, key: str) -> bool:
    """Whether a variant's quick key is `key` (a response's), folding it only when it may
    be: an ASCII variant folds by lowering its case, dropping elided articles (`l'`, `qu'`,
    `'s`: 3 characters at most each) and stripping, so its length tells first."""
    if not raw.isascii():
        return quick_key(raw) == key
    size, n = len(key), len(raw)
    if n < size:
        return False
    if "'" not in raw and "`" not in raw:
        return raw.lower().strip() == key  # no elision to drop: the fold is lower()
    quotes = raw.count("'") + raw.count("`")
    return n - 3 * quotes - (n - len(raw.strip())) <= size and quick_key(raw) == key


def exact_given(accepted: Sequence[str | Sequence[str]], response: str) -> tuple[str, str] | None:
    """(preferred form, variant) of the first accepted answer with a variant given in the
    same form as `response` (equal quick keys), found without preparing a key: the most
    common right answer, decided cheaply (`AnswerKey.exact` finds the same)."""
    key = quick_key(response)
    for answer in accepted:
        preferred = None
        for raw in (answer,) if isinstance(answer, str) else answer:
            if not isinstance(raw, str) or not raw.strip():
                continue
            preferred = preferred or raw
            if written_as(raw, key):
                return preferred, raw
    return None


_JOINER = "\x1e"  # a record separator: no answer has one, and no fold makes or crosses one


def quick_keys(texts: list[str]) -> list[str]:
    """`quick_key` of each text, folded in one pass (an item's variants, cheaply)."""
    joined = _JOINER.join(texts)
    if len(texts) < 2 or joined.count(_JOINER) >= len(texts) or not joined.isascii():
        return [quick_key(t) for t in texts]  # accents, mojibake: one text at a time
    return [k.strip() for k in fold_letters(joined).split(_JOINER)]


def implies_others(variant: str) -> bool:
    """False for most variants: nothing to imply (no bracket, quote, comma, hyphen, `or`,
    `of`, `in`, `by`, no list), so `implied_variants` and `list_items` are empty."""
    return variant != variant.strip() or _MAY_IMPLY.search(variant) is not None


@lru_cache(maxsize=1 << 14)
def implied_variants(variant: str) -> tuple[str, ...]:
    """The variants one written variant implies (see the module doc)."""
    if not implies_others(variant):
        return ()
    implied: list[str] = []
    bare = variant
    # Each pattern runs only on a text with the characters it needs (most have none).
    if not _NICKNAME_OR_BRACKET.isdisjoint(variant):
        bare = _BRACKETED.sub("", _NICKNAME.sub("", variant))
    bare = bare.strip()
    if bare and bare != variant:
        implied.append(bare)
    text = bare or variant
    lowered = text.lower()
    sides = _ALTERNATIVES.split(text) if "or" in lowered or "ou" in lowered else [text]
    implied.extend(p for p in sides if p.strip() and p != variant)
    head = _place_head(text) if "," in text else None
    if head:
        implied.append(head)
    implied.extend(_narrower(text))
    return tuple(implied)


_NICKNAME_OR_BRACKET = frozenset('"“«([')


# `X by Y`, `X in Y`, `X of Y` with X a name of two words or more and Y a name or a year: X
# names the thing (`United States of America`, `Charles Carroll of Carrollton`, `RAF
# Coningsby in Lincolnshire`, `Zen and the Art of Motorcycle Maintenance by Robert M. Pirsig`,
# `Civil Rights Act of 1964`).
_QUALIFIED = {
    link: re.compile(rf"^(?P<head>.+)\s+{link}\s+(?:the\s+)?[A-Z0-9]")
    for link in ("by", "in", "of")
}
_SMALL = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "et",
    ]
)
# `Tamera Mowry-Housley`: either half of a double surname names the person.
_DOUBLE_SURNAME = re.compile(r"^((?:[A-Z][\w.]*\s+){1,3})([A-Z]\w+)-([A-Z]\w+)$")


def _narrower(text: str) -> list[str]:
    found: list[str] = []
    for link, pattern in _QUALIFIED.items():
        m = pattern.match(text) if link in text else None
        if m:
            head = m.group("head")
            words = [w for w in head.split() if w.lower() not in _SMALL]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                found.append(head)
            break
    m = _DOUBLE_SURNAME.match(text) if "-" in text else None
    if m:
        found += [m.group(1) + m.group(2), m.group(1) + m.group(3)]
    return found


# Two given names and the surname they share: `Connor and Owen Fielding`.
_SHARED_SURNAME = re.compile(r"^([^\W\d_]+) (?:and|et|&) ([^\W\d_]+) ([^\W\d_][\w-]+)$")
_ITEM_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:and|et)\s+|\s*&\s*", re.I)
_LIST_WORD = re.compile(r"\s(?:and|et)\s|&", re.I)


def _title_case(text: str) -> bool:
    """Whether every word but the small ones is capitalised, as in a title or a name
    (`Pride`, `Prejudice`), not `the Ayyubid army`."""
    words = [w for w in text.split() if w.lower() not in _SMALL]
    return bool(words) and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=1 << 14)
def list_items(variant: str) -> tuple[str, ...]:
    """The items of an answer that is a list (`the brain and spinal cord`, `Saladin and the
    Ayyubid army`): each names part of the answer, enough for an answer of one item. Not a
    number (`ten thousand and one`), not alternatives (`X or Y`), not a title."""
    if not _LIST_WORD.search(variant) or _ALTERNATIVES.search(variant):
        return ()
    if any(c.isdigit() for c in variant) or not NUMBER_WORDS.isdisjoint(fold(variant).split()):
        return ()
    shared = _SHARED_SURNAME.match(variant.strip())
    if shared and all(name[0].isupper() for name in shared.groups()):
        first, second, surname = shared.groups()  # `Pierre et Marie Curie`: each is a Curie
        return (f"{first} {surname}", f"{second} {surname}")
    items = tuple(p for p in _ITEM_SEPARATORS.split(variant) if p.strip())
    if all(_title_case(i) for i in items):
        return ()  # a title or a name (`Pride and Prejudice`, `Procter & Gamble`): one thing
    return items if len(items) >= 2 else ()


def _place_head(text: str) -> str | None:
    """`Tucson, Arizona` -> `Tucson`: a name followed by the names that place it (not a
    list: `Brazil, Colombia and Ecuador`)."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or _LIST_END.search(text):
        return None
    capitalised = all(w[:1].isupper() for p in parts for w in p.split())
    return parts[0] if capitalised and parts[0] else None


def clear_caches() -> None:
    """Forget quick keys, implied variants and list items (benchmarks measure cold runs)."""
    quick_key.cache_clear()
    implied_variants.cache_clear()
    list_items.cache_clear()
