"""Article text made fit to parse: page furniture, credits and captions out, prose kept.

Every paragraph kept is a stretch of the original file in which only what
`fold_for_quote` also folds has changed (spacing, apostrophes, soft hyphens), so any
sentence cut from it stands in the original file as an evidence quote. Nothing is
rewritten; furniture is dropped whole and glued-on datelines are cut off the front.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factquiz.text import APOSTROPHES, SOFT_HYPHEN

# Whole lines that belong to the page, not to the article.
_FURNITURE = re.compile(
    r"""^(?:
        en\ direct | [aà]\ suivre(?:\ aussi)? | ailleurs\ sur\ le\ web
        | lire\ aussi.* | voir\ aussi.* | derni[eè]res\ (?:actualit[eé]s|nouvelles|infos)
        | .*:\s*derni[eè]res\ (?:actualit[eé]s|nouvelles)
        | partager(?:\ cet\ article)?.* | commentaires?\s*\(\d+\) | poster\ un\ commentaire
        | temps\ de\ lecture\s*:?.* | publi[eé]\ le\ .* | mis\ [aà]\ jour\ le\ .* | source\s*:.*
        | par\ (?:[A-ZÉÈ][\w'-]+\ ?){1,3} | -\ dans | [_=*\-]{3,} | (?:photo|cr[eé]dits?)\s*:.*
        | suivez\ .* | abonnez-vous.* | retrouvez-nous.* | s'abonner.* | newsletter.*
        | (?:pub(?:licit[eé])?|annonce) | tags?\s*:.* | (?:[àa]\ lire|sur\ le\ m[eê]me\ sujet).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Credit and follow-us sentences that may sit inside longer lines.
_CREDIT = re.compile(
    r"ont\ apport[eé]\ leur\ contribution|a\ contribu[eé]\ [àa]\ cet\ article"
    r"|https?://|www\.|\bsuivez\ (?:la|notre|nos)\b|\(avec\ (?:AFP|AP|Reuters)\)"
    r"|©|\[(?:Reuters|AFP|AP|Getty[^\]]*)\]\s*$",
    re.IGNORECASE | re.VERBOSE,
)
_BULLET = re.compile(r"^\s*[•·▪◦*–—-]\s")
# A dateline glued to the first sentence: "SEOUL, Corée du Sud – " or "22 mai 2012. - ".
_DATELINE = re.compile(
    r"^(?:[A-ZÉÈ][A-ZÉÈ' -]{2,}(?:,[^–—\-.]{1,40})?\s+[–—-]\s+"
    r"|\d{1,2}(?:er)?\s+\w+\s+\d{4}\.?\s+[–—-]\s+)"
)
# Two words glued by a lost line break: "froidesDepuis", "ParisVladimir".
_GLUE = re.compile(r"(?<=[a-zà-ÿ]{4})(?=[A-ZÀ-Ý][a-zà-ÿ]{3,}\b)")
_END = re.compile(r"[.!?…»\")]\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2009\u2007\u200b]+")
_APOS = re.compile(f"[{re.escape(APOSTROPHES)}]")


@dataclass(frozen=True)
class Paragraph:
    """A run of prose kept from the article, ready to parse."""

    text: str
    index: int


def normalise_line(line: str) -> str:
    """Fold only what quote matching folds too: soft hyphens, apostrophes, odd spaces."""
    line = line.replace(SOFT_HYPHEN, "")
    line = _APOS.sub("'", line)
    return _SPACES.sub(" ", line).strip()


def is_furniture(line: str) -> bool:
    """A line that belongs to the web page or the credits, never to the story."""
    if _FURNITURE.match(line) or _CREDIT.search(line):
        return True
    return bool(_BULLET.match(line)) and len(line.split()) < 12


def _joins_next(line: str, following: str) -> bool:
    """A hard line break in mid-sentence: the line does not end, the next one goes on."""
    if not following or _END.search(line):
        return False
    if following[0].islower() or following[0] in ",;:":
        return True
    # A long line cut before a capitalised word ("... et la\nChine, premier partenaire").
    return len(line) > 60 and bool(re.search(r"\b(?:la|le|les|de|des|du|et|à|en|un|une)$", line))


def _raw_blocks(text: str) -> list[str]:
    """Lines with mid-sentence line breaks mended; a blank line always ends a block."""
    blocks: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = normalise_line(raw)
        if not line:
            if current:
                blocks.append(current)
            current = ""
            continue
        if current and _joins_next(current, line):
            current = f"{current} {line}"
        else:
            if current:
                blocks.append(current)
            current = line
    if current:
        blocks.append(current)
    return blocks


def _is_prose(block: str) -> bool:
    """Sentences, not headlines, sub-heads or captions without a full stop."""
    return bool(_END.search(block)) and len(block.split()) >= 5 and not block.endswith("?")


_LAST_STOP = re.compile(r"^(.*[.!?…][»\")]?)\s+[^.!?…]*$", re.DOTALL)


def _complete_sentences(block: str) -> str:
    """The block up to its last full stop: "... deux États parias. Les deux pays font l'objet
    de lourdes sanctions internationales" loses its unfinished last sentence, not the rest."""
    if _END.search(block):
        return block
    found = _LAST_STOP.match(block)
    return found.group(1) if found else block


def clean_article(text: str) -> list[Paragraph]:
    """The article's prose paragraphs, in order, with furniture, credits and captions gone."""
    out: list[Paragraph] = []
    for block in _raw_blocks(text):
        if is_furniture(block):
            continue
        block = _DATELINE.sub("", block, count=1)
        for piece in _GLUE.split(block):
            piece = _complete_sentences(piece.strip())
            if _is_prose(piece) and not is_furniture(piece):
                out.append(Paragraph(piece, len(out)))
    return out
