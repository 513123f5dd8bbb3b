"""The words of a question as text: French elisions, slips of the source mended, and the
checks that refuse a prompt a reader would stumble on. Builders join words the source never
had side by side ("se" + "est"); this is where the joins are made French again."""

from __future__ import annotations

import re

_SENTENCE_INITIAL_WORDS = {
    "Le", "La", "Les", "L'", "Un", "Une", "Des", "Du", "De", "Son", "Sa", "Ses", "Leur",
    "Leurs", "Ce", "Cette", "Ces", "Certains", "Certaines", "Plusieurs", "Toute", "Tout",
    "Tous", "Toutes", "Aucun", "Aucune", "Deux", "Trois", "Quatre", "Cinq", "Six", "Sept",
    "Huit", "Neuf", "Dix", "Notre", "Nos", "Votre", "Vos", "Mon", "Ma", "Mes",
    "En", "À", "Au", "Aux", "Dans", "Lors", "Pour", "Après", "Avant", "Depuis", "Pendant",
    "Selon", "Par", "Sur", "Avec", "Chez", "Vers", "Entre", "Lundi", "Mardi", "Cet", "Dès",
    "Début", "Fin", "Mi", "Durant", "Malgré", "Grâce", "Face", "Sous", "Contre", "Outre",
    "Parmi", "Chaque", "Quelques", "D'", "Près", "Environ", "Jusqu'",
    "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Il", "Elle", "Ils", "Elles",
}  # fmt: skip


# "ont périt", "a finit": a present-tense form after avoir where the participle ends in -i;
# "dit", "écrit", "fait", "conduit", "droit" and "mis" (not "mit") are left alone.
_AFTER_AVOIR = re.compile(
    r"\b((?:a|ont|avait|avaient|aura|auront|aurait|auraient|ayant)(?:-t-(?:il|elle|ils|elles))?"
    r"\s+(?:(?:déjà|aussi|également|bien|tous|toutes|tout|finalement|ainsi)\s+)?)(\w{2,}it)\b"
)
_RIGHT_IN_T = ("uit", "dit", "crit", "ait", "oit", "mit")


_ENGLISH_TITLE = re.compile(r"\bMr\.?\s+(?=[A-ZÀ-Ý])")
# Words that elide before a vowel or a mute h; a builder that joins "se" to "est" or "que" to
# "il" must write "s'est", "qu'il". "le"/"la" stay apart from numbers ("le onze") and "y".
_VOWEL = "aeiouéèêëàâîïôûæœAEIOUÉÈÊËÀÂÎÏÔÛ"
_MUTE_H = (
    r"h(?:ab|ebd|éb|égém|élic|ér[ié]|ésit|eur|ier|ist|iv|om|on[no]|orai|oriz|orr|ospi|ôp|ôt|ui|um"
    r"|yd|yg|yp)"
)
_ELIDING = re.compile(
    r"\b(?P<w>[Ss]e|[Nn]e|[Mm]e|[Tt]e|[Jj]e|[Qq]ue|[Dd]e|[Ll]e|[Ll]a|[Jj]usque|[Ll]orsque"
    r"|[Pp]uisque) +(?=(?:[" + _VOWEL + r"]|" + _MUTE_H + r")(?!nze\b|nzième|ui\b|uate))"
)
_SI_IL = re.compile(r"\b([Ss])i +(?=ils?\b)")
_CE_EST = re.compile(r"\b([Cc])e +(?=(?:est|était|étaient|sont)\b)")


def mend_elisions(text: str) -> str:
    """ "se est" -> "s'est", "que il" -> "qu'il", "si il" -> "s'il": elisions a builder missed
    when it joined words the source did not have side by side."""
    text = _ELIDING.sub(lambda m: m["w"][:-1] + "'", text)
    text = _SI_IL.sub(r"\1'", text)
    return _CE_EST.sub(r"\1'", text)


def mend_slips(text: str) -> str:
    """Slips of the source mended outside quotation marks (words in « » are the speaker's
    and stay verbatim): a past participle in -i misspelt with the present's -t ("ont périt"
    -> "ont péri"), the English "Mr" for the French "M.", a missed elision ("se est"), a
    space before a comma."""

    def mend(m: re.Match[str]) -> str:
        word = m[2]
        return m[0] if word.endswith(_RIGHT_IN_T) else m[1] + word[:-1]

    parts = re.split(r"(«[^»]*»)", text)
    return "".join(
        p
        if p.startswith("«")
        else mend_elisions(_ENGLISH_TITLE.sub("M. ", _AFTER_AVOIR.sub(mend, p))).replace(" ,", ",")
        for p in parts
    )


_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[)\]]|«\s*»")
_DOUBLED = re.compile(r"\b(?!nous\b|vous\b)(\w+)\s+\1\b", re.I)
_DANGLING = re.compile(
    r"(?:^|\s)(?:à|au|aux|de|du|des|d'|en|par|pour|avec|sur|contre|dans|vers|chez|entre|sans|sous"
    r"|et|ou|que|qui|dont|le|la|les|un|une|près|environ|presque|jusqu'|plus|moins)\s*\?$",
    re.I,
)


_CONJUNCTION_AFTER_WH = re.compile(r"\b(?:qui|quoi|où|quand|combien)\s+(?:et|ou|mais)\b", re.I)


def well_formed(prompt: str) -> bool:
    """No question a reader would stumble on: quotation marks and brackets that open and
    close around words, no word written twice in a row, no preposition or article left
    hanging before the question mark."""
    depth = 0
    for ch in prompt:
        depth += 1 if ch == "«" else -1 if ch == "»" else 0
        if depth not in (0, 1):
            return False
    if depth or prompt.count('"') % 2 or prompt.count("(") != prompt.count(")"):
        return False
    if _CONJUNCTION_AFTER_WH.search(prompt):
        return False  # "Par qui et Corinne se font-ils repérer ?"
    if _EMPTY_BRACKETS.search(prompt):
        return False  # "de techniciens supérieurs ( )": the bracket's words were taken out
    return not _DOUBLED.search(prompt) and not _DANGLING.search(prompt.strip())


def lower_initial(text: str) -> str:
    """ "Le train" -> "le train" where the capital only marked a sentence start; a
    surname's particle stays ("De Santis", "Du Bellay": "De" before a name is no article)."""
    words = text.split()
    first = words[0] if words else ""
    if first in ("De", "Du") and len(words) > 1 and words[1][:1].isupper():
        return text
    stem = first.split("'")[0] + "'" if "'" in first else first
    if first in _SENTENCE_INITIAL_WORDS or stem in _SENTENCE_INITIAL_WORDS:
        return text[0].lower() + text[1:]
    return text
