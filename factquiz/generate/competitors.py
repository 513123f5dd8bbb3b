"""What makes a wrong choice a competitor of the answer: a general lexicon of news French.

Countries and nationalities, the sorts of titles and organisations, name styles, and the
forms a figure, a day, a date or a title can take, so that `choices` offers a press agency
among press agencies and a percentage among percentages of the same size.
"""

from __future__ import annotations

import functools
import hashlib
import re

from factquiz.generate.french_numbers import is_number_word, number_to_words, words_to_number
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.text import fold_basic

_PORTFOLIOS = (
    "de la Défense", "des Affaires étrangères", "de l'Intérieur", "de l'Économie",
    "de la Justice", "des Finances",
)  # fmt: skip


def role_forms(role: str) -> list[str]:
    """The same post with another portfolio, keeping its country and institution:
    "le ministre russe de la Défense" -> "le ministre russe des Affaires étrangères".

    Never another rank of the same post ("vice-ministre", "contre-amiral", "adjoint"): a
    choice between ranks tests trivia, not the article (judges struck those items out)."""
    posts = [role.replace(p, other) for p in _PORTFOLIOS if p in role for other in _PORTFOLIOS]
    return [f for f in dict.fromkeys(posts) if f != role]


# What makes two names, titles or figures competitors: a general lexicon of news French.
STOP_WORDS = {
    "le", "la", "les", "l", "de", "du", "des", "d", "en", "a", "au", "aux", "et", "un", "une",
}  # fmt: skip
METONYMS = {
    "kremlin": "russie", "maison blanche": "etats unis", "pentagone": "etats unis",
    "elysee": "france", "matignon": "france",
}  # fmt: skip
_COUNTRY_NAMES = (
    "russie|etats unis|coree du nord|coree du sud|japon|chine|france|royaume uni|allemagne|"
    "italie|espagne|ukraine|iran|israel|syrie|irak|afghanistan|pakistan|inde|turquie|canada|"
    "mexique|bresil|mali|algerie|maroc|tunisie|egypte|libye|vietnam|belgique|suisse|pologne|"
    "grece|portugal|liban|quebec|senegal|congo|nigeria|niger|tchad|soudan|ethiopie|kenya"
)
COUNTRIES = {c: c for c in _COUNTRY_NAMES.split("|")} | METONYMS
_DEMONYMS = {
    "russe": "russie", "sovietique": "russie", "americain": "etats unis",
    "nord coreen": "coree du nord", "sud coreen": "coree du sud", "coreen": "coree",
    "japonais": "japon", "chinois": "chine", "francais": "france", "britannique": "royaume uni",
    "anglais": "royaume uni", "allemand": "allemagne", "italien": "italie",
    "espagnol": "espagne", "ukrainien": "ukraine", "iranien": "iran", "israelien": "israel",
    "palestinien": "palestine", "syrien": "syrie", "irakien": "irak", "afghan": "afghanistan",
    "pakistanais": "pakistan", "indien": "inde", "turc": "turquie", "turque": "turquie",
    "canadien": "canada", "mexicain": "mexique", "bresilien": "bresil", "malien": "mali",
    "algerien": "algerie", "marocain": "maroc", "tunisien": "tunisie", "egyptien": "egypte",
    "libyen": "libye", "saoudien": "arabie saoudite", "vietnamien": "vietnam",
    "belge": "belgique", "suisse": "suisse", "polonais": "pologne", "grec": "grece",
    "portugais": "portugal", "libanais": "liban", "quebecois": "quebec",
    "senegalais": "senegal", "ivoirien": "cote d ivoire", "congolais": "congo",
}  # fmt: skip
SYNONYMS = (frozenset(("etatique", "officielle", "officiel", "publique", "public", "etat")),)
_ADJ_FORMS = ("", "e", "s", "es", "ne", "nes", "que", "ques")
CAPITALS = {
    "moscou": "russie", "washington": "etats unis", "pekin": "chine", "tokyo": "japon",
    "seoul": "coree du sud", "pyongyang": "coree du nord", "paris": "france",
    "londres": "royaume uni", "berlin": "allemagne", "rome": "italie", "madrid": "espagne",
    "kiev": "ukraine", "kyiv": "ukraine", "teheran": "iran", "damas": "syrie",
    "bagdad": "irak", "kaboul": "afghanistan", "new delhi": "inde", "ankara": "turquie",
    "ottawa": "canada", "hanoi": "vietnam", "bruxelles": "belgique", "berne": "suisse",
    "varsovie": "pologne", "athenes": "grece", "lisbonne": "portugal", "beyrouth": "liban",
    "le caire": "egypte", "alger": "algerie", "rabat": "maroc", "tunis": "tunisie",
    "bamako": "mali", "dakar": "senegal",
}  # fmt: skip
_NATION_WORDS = {f"{a}{e}": c for a, c in _DEMONYMS.items() for e in _ADJ_FORMS} | {
    f"{p} {n}": c for n, c in COUNTRIES.items() for p in ("de la", "du", "des", "de l", "d", "de")
}
NATION_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _NATION_WORDS), key=len, reverse=True)) + r")\b"
)
ROLE_SORTS = {
    "pouvoir": "ministre porte gouverneur president ambassadeur secretaire conseiller depute "
    "senateur maire chef dirigeant diplomate representant envoye fonctionnaire prefet consul "
    "commissaire directeur responsable negociateur chancelier roi reine prince",
    "savoir": "chercheur professeur expert analyste specialiste universitaire economiste "
    "historien politologue enseignant sociologue juriste",
    "armes": "amiral general marechal colonel commandant capitaine officier lieutenant soldat",
    "presse": "journaliste correspondant reporter redacteur photographe editorialiste",
    "sport": "joueur entraineur attaquant defenseur gardien athlete coureur champion pilote",
}
ORG_SORTS = {
    "agence de presse": "agence presse",
    "media": "journal quotidien hebdomadaire magazine chaine television radio media revue",
    "gouvernement": "ministere gouvernement departement administration cabinet presidence "
    "ambassade parlement assemblee senat congres",
    "recherche": "universite institut ecole academie laboratoire college",
    "parti": "parti",
    "groupe arme": "armee milice rebelles rebellion brigade brigades forces arme armes "
    "islamiste islamistes jihadiste djihadiste terroriste rebelle insurges",
    "ong": "ong association fondation collectif",
    "banque": "banque",
    "entreprise": "entreprise societe compagnie constructeur firme fabricant operateur groupe",
    "institution internationale": "conseil organisation onu nations union alliance otan "
    "commission fonds comite communaute unesco unicef oms fmi omc cedeao ue",
    "justice": "cour tribunal",
    "sport": "club equipe federation ligue",
}
_SLAVIC_FIRST = frozenset(
    "sergei serguei dmitri vladimir oleg andrei alexei igor ivan mikhail nikolai iouri yuri "  # noqa: SIM905
    "boris aissen alexandre alexander evgueni".split()
)
_SLAVIC_END = ("ov", "ev", "ova", "eva", "ine", "ina", "enko", "ko", "ski", "sky", "vich", "iev")
_KOREAN_FIRST = frozenset(
    "kim ri lee pak park choe choi jo kang lim yun jang han hwang moon kwon cho jung chung "  # noqa: SIM905
    "cheong ryu song shin yoo".split()
)


@functools.lru_cache(maxsize=8)
def sort_lexicon(sorts: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {w: sort for sort, ws in sorts for w in ws.split()}


def sort_of(words: list[str], sorts: dict[str, str]) -> str | None:
    """The first word of `words` that names a sort in `sorts`, as that sort."""
    lexicon = sort_lexicon(tuple(sorts.items()))
    return next((lexicon[w] for w in words if w in lexicon), None)


def nations(text: str) -> frozenset[str]:
    """The countries a title or description ties to ("le ministre russe" -> russie)."""
    return frozenset(_NATION_WORDS[m] for m in NATION_RE.findall(fold_basic(text)))


def nations_within(prompt: str) -> frozenset[str]:
    """The countries a prompt places its answer in: "en Russie", "dans l'est de la Russie"."""
    folded = f" {fold_basic(prompt)} "
    return frozenset(
        country
        for name, country in COUNTRIES.items()
        if name not in METONYMS and re.search(rf" (?:en|au|aux|de la|du|de l) {name} ", folded)
    )


def role_sort(role: str) -> str:
    """The family of a title by its head noun: pouvoir, savoir, armes, presse, sport..."""
    words = [w for w in fold_basic(role).split() if w not in STOP_WORDS]
    words = [w for w in words if w not in ("vice", "contre", "premier", "haut", "ancien")]
    return sort_of(words[:1], ROLE_SORTS) or "autre"


def name_style(name: str) -> str:
    """korean, slavic or other, from the shape of a person's name; mixing them gives it away."""
    words = fold_basic(name).split()
    raw = name.split()
    if words and words[0] in _KOREAN_FIRST and (len(raw) >= 3 or "-" in name):
        return "korean"
    if words and (words[0] in _SLAVIC_FIRST or words[-1].endswith(_SLAVIC_END)):
        return "slavic"
    return "other"


def organisation_sort(name: str, context: str) -> str | None:
    """What an organisation is, from its own first noun ("Université Ewha") or else the noun
    written just before it ("l'agence de presse sud-coréenne Yonhap"), or None."""
    own = sort_of(fold_basic(name).split()[:2], ORG_SORTS)
    if own:
        return own
    votes = [sort_of(list(reversed(c.split())), ORG_SORTS) for c in context.split(" | ")]
    votes = [v for v in votes if v]
    return max(sorted(set(votes)), key=votes.count) if votes else None


_QUANTITY = re.compile(r"^(?:environ |plus de |près de )?(\d[\d\s]*(?:[,.]\d+)?)\s*(.*)$")


def quantity(text: str) -> tuple[float, int, str] | None:
    """(value, decimals, unit) of "1,2 %", "18 jours" or "deux cent mille dollars"."""
    words = text.split()
    spelled = [all(map(is_number_word, w.split("-"))) for w in words]
    count = spelled.index(False) if False in spelled else len(words)
    if count and not words[0][0].isdigit():
        value = words_to_number(" ".join(words[:count]))
        return None if value is None else (float(value), 0, " ".join(words[count:]))
    found = _QUANTITY.match(text.strip())
    if not found:
        return None
    digits = re.sub(r"\s", "", found.group(1)).replace(",", ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), decimals, found.group(2)


def french_digits(value: float, decimals: int = 0) -> str:
    """A figure as French news prints it: "315 000", "1,2", "2 200" (thousands spaced)."""
    whole, _, fraction = f"{value:.{decimals}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", " ") if abs(int(whole)) >= 1000 else whole
    return f"{grouped},{fraction}" if fraction else grouped


def _quantity_text(value: float, decimals: int, unit: str, in_words: bool = False) -> str:
    number = french_digits(value, decimals)
    if in_words and not decimals and number_to_words(int(value)):
        # Written as the article writes it: "trois cent mille", not "trois-cent-mille".
        number = re.sub(r"\b(cents?|mille|millions?)-", r"\1 ", number_to_words(int(value)))
        number = re.sub(r"-(cents?|mille|millions?)\b", r" \1", number)
    return f"{number} {unit}".strip()


def in_words(text: str) -> bool:
    """True for "deux cent mille dollars", False for "environ 60 kilomètres" or "18 jours"."""
    first = text.split()[0] if text.split() else ""
    spelled = first.replace("-", "").isalpha() and all(map(is_number_word, first.split("-")))
    return spelled and quantity(text) is not None


def _roundness(value: float, decimals: int) -> float:
    """The step the answer is rounded to: 900 -> 100, 60 -> 10, 1,2 -> 0,1."""
    if decimals or value != int(value) or value == 0:
        return 10.0**-decimals
    step = 1
    while int(value) % (step * 10) == 0:
        step *= 10
    return float(step)


# Where the answer stands among four made-up figures: always second (x0.5, x1.5, x2) would
# let a student spot it across a quiz, so each answer gets its own rank.
_FACTOR_ORDERS = (
    (1.25, 1.5, 2),  # the smallest
    (0.5, 1.5, 2),  # second
    (0.5, 0.75, 1.5),  # third
    (0.4, 0.6, 0.8),  # the largest
)
_MORE_FACTORS = (3, 1.25, 0.8, 0.6, 0.75, 2.5)


def number_forms(answer: str) -> list[str]:
    """Close values of the answer's unit, rounded like it (1,2 % -> 0,6 %, 1,8 %, 2,4 %); the
    answer is the smallest, second, third or largest, by a stable hash of its text."""
    parsed = quantity(answer)
    if parsed is None:
        return []
    value, decimals, unit = parsed
    out = []
    step = _roundness(value, decimals)
    rank = int(hashlib.sha256(answer.encode()).hexdigest(), 16) % len(_FACTOR_ORDERS)
    for factor in _FACTOR_ORDERS[rank] + _MORE_FACTORS:
        v = round(int(value * factor / step + 0.5) * step, decimals)
        if v > 0 and v != value and (unit != "%" or v <= 100):
            out.append(_quantity_text(v, decimals, unit))
    return [f for f in dict.fromkeys(like_answer(o, answer) for o in out) if f]


def like_answer(text: str, answer: str) -> str | None:
    """A figure written the way the answer is: its unit words ("neuf autres personnes" ->
    "cinq autres personnes"), digits or words, plural agreed; None when it cannot agree
    ("un raffineries": the noun's singular and gender are unknown)."""
    mine, theirs = quantity(answer), quantity(text)
    if mine is None or theirs is None:
        return None
    value, decimals, _ = theirs
    unit = mine[2]
    if value <= 1 < mine[0] and unit[-1:] in ("s", "x"):
        return None
    if mine[0] <= 1 < value and unit[-1:].isalpha() and unit[-1] not in "sxz":
        unit = f"{unit}s"
    return _quantity_text(value, decimals, unit, in_words(answer))


def year_window(year: int, latest: int) -> list[int]:
    """Years near the answer, none after the article's latest year (a past event's date)."""
    bound = latest if latest >= year else year + 5
    return [year + d for d in (-2, 3, -5, 1, -1, 2, -3, 4) if year + d <= bound]


_TIMES_OF_DAY = ("matin", "soir", "après-midi")


def day_forms(answer: str) -> list[str]:
    """Other days of the answer's shape: "tôt mardi" -> "tôt lundi"; "samedi matin" ->
    "vendredi matin", "samedi soir" (a lone time of day among bare weekdays stands out)."""
    words = answer.split()
    at = next((i for i, w in enumerate(words) if w.casefold() in WEEKDAYS), None)
    if at is None:
        return []
    day = WEEKDAYS.index(words[at].casefold())
    time = next((i for i, w in enumerate(words) if w.casefold() in _TIMES_OF_DAY), None)
    out = []
    for shift in (-1, 1, 2, -2, 3):
        other = list(words)
        other[at] = WEEKDAYS[(day + shift) % 7]
        if time is not None and shift % 2 == 0:
            other[time] = next(t for t in _TIMES_OF_DAY if t != words[time].casefold())
        out.append(" ".join(other))
        if time is not None and shift == -1:
            same_day = list(words)
            same_day[time] = next(t for t in _TIMES_OF_DAY if t != words[time].casefold())
            out.append(" ".join(same_day))
    return out


def date_shape(text: str) -> tuple[bool, ...]:
    """Which parts a date has: weekday, day number, month, year, time of day."""
    words = text.casefold().split()
    return (
        any(w in WEEKDAYS for w in words),
        any(re.fullmatch(r"1er|\d{1,2}", w) for w in words),
        any(w in MONTHS for w in words),
        any(re.fullmatch(r"\d{4}", w) for w in words),
        tuple(w for w in words if w in _TIMES_OF_DAY or w == "tôt") != (),
    )


def date_forms(answer: str) -> list[str]:
    """The answer's date a few days off: "13 septembre" -> "12 septembre", "15 septembre"."""
    found = re.search(r"\b(\d{1,2})\b", answer)
    if found is None:
        return []
    day = int(found.group(1))
    shifted = [day + d for d in (-1, 2, -3, 4) if 1 <= day + d <= 28]
    out = [answer[: found.start()] + str(d) + answer[found.end() :] for d in shifted]
    if any(w in WEEKDAYS for w in answer.casefold().split()):
        return []  # a weekday fixes the date: shifting one without the other is absurd
    return out
