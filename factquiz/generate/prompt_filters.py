"""Prompts that lean on what the student cannot see: a pronoun or "ensuite" pointing to the
paragraph, an unnamed pair ("les deux dirigeants"), quotation marks left open, a preposition
left hanging at the end. The prompt-level hard filters of `ranking.rejection`."""

from __future__ import annotations

import re

_LOOSE_END = {
    "lors",
    "de",
    "à",
    "par",
    "pour",
    "avec",
    "en",
    "sur",
    "dans",
    "que",
    "qui",
    "et",
    "ou",
}
_DANGLING = re.compile(
    r"\b(?:y|lui|leur|celle-ci|celui-ci|ceux-ci|cette dernière|ce dernier)\b"
    r"|\ben (?:échange|retour)\b(?!\s+(?:de|d['’]|du|des)\b)"  # in exchange for what?
    r"|\b(?:le|ce) week-end(?: dernier)?\b"  # which weekend? the article's date is not shown
    r"|\bensuite\b"  # after what? the event before it is in the paragraph, not the prompt
    r"|\b(?:récemment|dernièrement)\b",  # recent to the article's date, which is not shown
    re.I,
)
_VERB_AFTER = re.compile(
    r"(?:a|ont|avait|avaient|aura|auront|est|sont|sera|seront|était|étaient"
    r"|\w+(?:er|é|ée|és|ées|ait|aient|ent|ra|ront))\b"
)
_PLURAL_BEFORE = re.compile(r"\b(?:les|des|aux)\s|-(?:t-)?(?:ils|elles)\b", re.I)
_PAIR = re.compile(
    r"\bles deux (?:dirigeants|hommes|femmes|pays|parties|camps|leaders|présidents|chefs"
    r"|États|Etats|responsables|capitales|armées|dirigeantes|ministres)\b",
    re.I,
)
_NAMED_PAIR = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)* et [A-ZÀ-Ý]")


def dangles(prompt: str) -> bool:
    """A word that points to what the prompt does not say ("y", "lui", "ensuite"); "leur"
    before a noun, after a plural subject the prompt names, is that subject's own ("les 10 %
    des habitants ont-ils vu leur niveau de vie reculer")."""
    for found in _DANGLING.finditer(prompt):
        if found.group().casefold() == "leur" and _owned(prompt, found.start(), found.end()):
            continue
        return True
    return False


def unnamed_pair(prompt: str) -> bool:
    """ "Qu'est-ce que les deux dirigeants ont dénoncé ?": which two? Like a pronoun, the
    pair points to the paragraph unless the prompt names them ("Kim et Poutine")."""
    return bool(_PAIR.search(prompt)) and not _NAMED_PAIR.search(prompt)


def _owned(prompt: str, start: int, end: int) -> bool:
    after = prompt[end:].split()[:1]
    if not after or _VERB_AFTER.match(after[0].casefold()):
        return False  # "leur a donné": the pronoun, to whom?
    return bool(_PLURAL_BEFORE.search(prompt[:start]))


def unbalanced(prompt: str) -> bool:
    return prompt.count("«") != prompt.count("»") or prompt.count('"') % 2 == 1


def loose_end(prompt: str) -> bool:
    last = prompt.removesuffix("?").split()
    return bool(last) and last[-1].casefold() in _LOOSE_END
