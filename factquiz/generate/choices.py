"""Distractors and near-misses of the answer's own type, drawn from the articles.

A person gets other people, a year other years, a place other places: never the answer
twice, never another name for the same thing ("Kim" for "Kim Jong Un"). A distractor must
also be a genuine competitor (see `Kinship`): a press agency among press agencies, a
Russian post among Russian posts, a percentage of the same size. When the articles cannot
supply three, the question gets no choices at all.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, replace
from itertools import zip_longest

from rapidfuzz import fuzz

from factquiz.generate.french_numbers import is_number_word, number_to_words, words_to_number
from factquiz.generate.mentions import Mention, surname_key
from factquiz.generate.parsing import MONTHS, WEEKDAYS
from factquiz.generate.questions import Question
from factquiz.generate.targets import without_article
from factquiz.text import fold_basic, strip_accents

POOL_KIND = {
    "person": "person", "organisation": "organisation", "place": "place", "year": "year",
    "date": "date", "month": "month", "day": "day", "number": "number", "role": "role",
}  # fmt: skip
MAX_CANDIDATES = 12  # enough for five near-misses
DIRECTIONS = ("vers le nord", "vers le sud", "vers l'est", "vers l'ouest")
CONTEXT_WORDS = 6  # words read before a name to learn what it is ("l'agence de presse X")
_BOUNDARY = re.compile(r"[.;:!?()«»\"\n]")
_BOUNDARY_SENTENCE = re.compile(r"[.!?\n]")
_ASKING_WORDS = {"quelle", "quelles", "source", "selon", "quels"}


@dataclass(frozen=True)
class Pool:
    """Every typed mention of the corpus, by kind, with the article it comes from."""

    by_kind: dict[str, list[tuple[str, Mention]]]
    aliases: dict[str, set[str]] = field(default_factory=dict)
    related: dict[str, set[str]] = field(default_factory=dict)  # articles on the same story
    contexts: dict[str, str] = field(default_factory=dict)  # name -> words before it (cache)
    articles: dict[str, str] = field(default_factory=dict)  # source -> lowered text
    avoid: frozenset[str] = frozenset()  # the protagonists' surnames


def build_pool(
    mentions: list[tuple[str, Mention]],
    avoid: set[str] = frozenset(),
    aliases: dict[str, set[str]] | None = None,
) -> Pool:
    """Group (source id, mention) pairs by kind, in corpus order.

    A name seen only at the start of a sentence may be a capitalised common word the model
    took for a name ("Parti de Pyongyang"), and names in `avoid` (the protagonists, whom
    every student knows) make giveaway distractors: neither is offered as a choice.
    """
    elsewhere = {fold_basic(m.text) for _, m in mentions if not m.initial}
    by_kind: dict[str, list[tuple[str, Mention]]] = {}
    for source, m in mentions:
        key = fold_basic(m.text)
        if m.initial and key not in elsewhere:
            continue
        if m.kind == "role" and surname_key(fold_basic(m.unit or "")) in avoid:
            continue  # the protagonist's own title would give the game away
        if m.kind == "person" and surname_key(key) in avoid:
            continue
        by_kind.setdefault(m.kind, []).append((source, m))
    return Pool(by_kind, aliases or {}, _related(mentions), avoid=frozenset(avoid))


def with_contexts(pool: Pool, articles: dict[str, str]) -> Pool:
    """The pool with the articles' text, so that each name's context can be read: the words
    written just before it in its sentence, "agence de presse sud coreenne" before "Yonhap"."""
    lowered = {source: _lowered(text) for source, text in articles.items()}
    return replace(pool, contexts={}, articles=lowered)


def _lowered(text: str) -> str:
    """Casefolded, accents off, apostrophes and hyphens as spaces, punctuation kept."""
    text = strip_accents(text.casefold())
    return re.sub(r"['’\-]", " ", text)


def context_of(pool: Pool, key: str) -> str:
    """The words written before a folded name wherever the articles name it, " | " between."""
    if key not in pool.contexts:
        words = []
        for text in pool.articles.values():
            for f in re.finditer(rf"\b{re.escape(key)}\b", text) if key else ():
                before = _BOUNDARY.split(text[max(0, f.start() - 80) : f.start()])[-1]
                words.append(" ".join(re.findall(r"\w+", before)[-CONTEXT_WORDS:]))
        pool.contexts[key] = " | ".join(words)
    return pool.contexts[key]


def _sentences_naming(pool: Pool, source: str, word: str) -> list[str]:
    """The sentences of an article that hold a folded word."""
    text = pool.articles.get(source, "")
    return [s for s in _BOUNDARY_SENTENCE.split(text) if re.search(rf"\b{re.escape(word)}\b", s)]


def _related(mentions: list[tuple[str, Mention]]) -> dict[str, set[str]]:
    """Articles naming at least three of the same people, places or organisations tell one
    story: their names make fair distractors for each other; a stranger's names do not."""
    names: dict[str, set[str]] = {}
    for source, m in mentions:
        if m.kind in ("person", "place", "organisation"):
            names.setdefault(source, set()).add(fold_basic(m.text))
    return {a: {b for b in names if b != a and len(names[a] & names[b]) >= 3} for a in names}


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return fold_basic(text)


def _same_thing(a: str, b: str, aliases: dict[str, set[str]] | None = None) -> bool:
    """Two names for one thing: equal once folded, one inside the other word for word, an
    acronym of the other, or two people sharing a surname ("Mr Saputo", "Joey Saputo")."""
    fa, fb = f" {_fold(a)} ", f" {_fold(b)} "
    if fa.strip() == fb.strip() or fa in fb or fb in fa:
        return True
    if aliases and fb.strip() in aliases.get(fa.strip(), set()):
        return True
    wa, wb = fa.split(), fb.split()
    names = a[:1].isupper() and b[:1].isupper() and (len(wa) > 1 or len(wb) > 1)
    return names and bool(wa) and bool(wb) and wa[-1] == wb[-1] and len(wa[-1]) > 2


def _clash(candidate: str, q: Question, aliases: dict[str, set[str]]) -> bool:
    return any(_same_thing(candidate, v, aliases) for answer in q.answers for v in answer)


def _answer_kind(q: Question) -> str | None:
    if q.kind == "speaker":
        return q.mentions[0].kind if q.mentions else None
    return POOL_KIND.get(q.kind)


def _display(m: Mention) -> str:
    if m.kind == "number" and m.value is not None:
        return f"{m.value} {m.unit}" if m.unit else str(m.value)
    if m.kind == "day":
        return next((w for w in m.text.casefold().split() if w in WEEKDAYS), m.text)
    text = m.text.strip()
    return without_article(text) if m.kind in ("date", "day") else text


def _candidates(
    q: Question, pool: Pool, limit: int | None = MAX_CANDIDATES
) -> list[tuple[str, Mention]]:
    """Same-kind mentions of the corpus, those of the question's own article first."""
    kind = _answer_kind(q)
    if kind is None:
        return []
    unit = q.mentions[0].unit if kind == "number" and q.mentions else None
    own, other = [], []
    allowed = pool.related.get(q.source_id, set()) | {q.source_id}
    for source, m in pool.by_kind.get(kind, []):
        if source not in allowed and kind not in ("year", "day", "month"):
            continue
        if kind == "number" and (m.unit or "").casefold() != (unit or "").casefold():
            continue
        text = _display(m)
        if (
            not text
            or len(text) > (90 if kind == "role" else 45)
            or (kind in ("person", "place", "organisation") and not text[0].isupper())
        ):
            continue
        (own if source == q.source_id else other).append((text, m))
    out: list[tuple[str, Mention]] = []
    first = {}
    for text, m in own + other:
        first.setdefault(text, m)
    for text, m in first.items():
        if not _clash(text, q, pool.aliases) and not any(_same_thing(text, t) for t, _ in out):
            out.append((text, m))
        if limit is not None and len(out) >= limit:
            break
    return out


def _fallback(q: Question, pool: Pool) -> list[str]:
    """Plausible values when the articles hold too few of the kind: nearby years, other days."""
    m = q.mentions[0] if q.mentions else None
    if q.kind == "year" and m and m.value:
        years = pool.by_kind.get("year", [])
        latest = max((c.value or 0 for s, c in years if s == q.source_id), default=0)
        return [str(y) for y in year_window(m.value, latest)]
    if q.kind == "day":
        return day_forms(q.answers[0][0])
    if q.kind == "month":
        return [mo for mo in MONTHS]
    if q.kind == "direction":
        return list(DIRECTIONS)
    if q.kind == "date":
        return date_forms(q.answers[0][0])
    if q.kind == "number":
        return number_forms(choice_text(q))
    if q.kind == "role":
        return role_forms(q.answers[0][0])
    return []


_PORTFOLIOS = (
    "de la Défense", "des Affaires étrangères", "de l'Intérieur", "de l'Économie",
    "de la Justice", "des Finances",
)  # fmt: skip
_HEAD_SWAPS = {
    "ministre": ("vice-ministre",), "vice-ministre": ("ministre",),
    "porte-parole": ("conseiller", "chef de cabinet", "chef de l'administration"),
    "gouverneur": ("vice-gouverneur",),
    "président": ("vice-président", "secrétaire général", "directeur"),
    "vice-président": ("président",),
    "ambassadeur": ("ambassadeur adjoint", "consul"), "chercheur": ("professeur", "analyste"),
    "professeur": ("chercheur", "directeur"), "expert": ("chercheur", "professeur"),
    "amiral": ("vice-amiral", "contre-amiral", "commandant"),
    "général": ("colonel", "commandant", "général de brigade"),
    "conseiller": ("porte-parole", "chef de cabinet"), "directeur": ("directeur adjoint",),
}  # fmt: skip


def role_forms(role: str) -> list[str]:
    """The same post with another portfolio or rank, keeping its country and institution:
    "le ministre russe de la Défense" -> "le ministre russe des Affaires étrangères",
    "le vice-ministre russe de la Défense"."""
    found = re.match(r"^(le |la |l')(\S+)(?: adjoint)?(.*)$", role)
    if found is None:
        return []
    article, head, rest = found.groups()
    ranks = [f"{article}{head}{rest}"]  # "l'ambassadeur adjoint américain" -> without adjoint
    for swap in _HEAD_SWAPS.get(head.casefold(), ()):
        new_article = "l'" if swap[0] in "aeéiou" else ("la " if article == "la " else "le ")
        ranks.append(f"{new_article}{swap}{rest}")
    posts = [role.replace(p, other) for p in _PORTFOLIOS if p in role for other in _PORTFOLIOS]
    mixed = [f for pair in zip_longest(posts, ranks) for f in pair if f]
    return [f for f in dict.fromkeys(mixed) if f != role]


def choice_text(q: Question) -> str:
    """The answer as a choice shows it: "18 jours", not only "18"."""
    m = q.mentions[0] if q.mentions else None
    if q.kind == "number" and m and m.value is not None:
        if _in_words(m.text) and m.unit and m.text.endswith(m.unit):
            return m.text  # "deux cent mille dollars", as the article writes it
        return f"{m.value} {m.unit}" if m.unit else str(m.value)
    return q.answers[0][0]


def distractors(q: Question, pool: Pool, count: int = 3) -> list[str]:
    """Up to `count` wrong choices that compete with the answer, chosen the same way on
    every run; fewer than `count` tells the caller the question should not be a choice."""
    kin = _kinship(q, pool)
    if kin is None:
        return []
    picked: list[str] = []
    options = _candidates(q, pool, limit=None)
    made: list[tuple[str, Mention | None]] = [(t, None) for t in _fallback(q, pool)]
    # Another person's real title is ruled out by the item that asks about that person.
    options = made + options if kin.kind == "role" else options + made
    for text, m in options:
        if len(picked) == count:
            break
        if kin.kind == "number":
            text = like_answer(text, kin.answer) or ""
            if not text or fold_basic(text) in {fold_basic(t) for t in [kin.answer, *picked]}:
                continue  # "cent mille" is not "deux cent mille": no word-inside-word test
        elif _clash(text, q, pool.aliases) or any(_same_thing(text, t) for t in picked):
            continue
        if q.kind == "speaker" and _says_it_too(text, q, pool):
            continue
        if kin.accepts(text, m) and not _told(text, m, q):
            picked.append(text)
    return picked


# What makes two names, titles or figures competitors: a general lexicon of news French.
_STOP = {"le", "la", "les", "l", "de", "du", "des", "d", "en", "a", "au", "aux", "et", "un", "une"}
_METONYMS = {
    "kremlin": "russie", "maison blanche": "etats unis", "pentagone": "etats unis",
    "elysee": "france", "matignon": "france",
}  # fmt: skip
_COUNTRY_NAMES = (
    "russie|etats unis|coree du nord|coree du sud|japon|chine|france|royaume uni|allemagne|"
    "italie|espagne|ukraine|iran|israel|syrie|irak|afghanistan|pakistan|inde|turquie|canada|"
    "mexique|bresil|mali|algerie|maroc|tunisie|egypte|libye|vietnam|belgique|suisse|pologne|"
    "grece|portugal|liban|quebec|senegal|congo|nigeria|niger|tchad|soudan|ethiopie|kenya"
)
_COUNTRIES = {c: c for c in _COUNTRY_NAMES.split("|")} | _METONYMS
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
_SYNONYMS = (frozenset(("etatique", "officielle", "officiel", "publique", "public", "etat")),)
_ADJ_FORMS = ("", "e", "s", "es", "ne", "nes", "que", "ques")
_CAPITALS = {
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
    f"{p} {n}": c for n, c in _COUNTRIES.items() for p in ("de la", "du", "des", "de l", "d", "de")
}
_NATION_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _NATION_WORDS), key=len, reverse=True)) + r")\b"
)
_ROLE_SORTS = {
    "pouvoir": "ministre porte gouverneur president ambassadeur secretaire conseiller depute "
    "senateur maire chef dirigeant diplomate representant envoye fonctionnaire prefet consul "
    "commissaire directeur responsable negociateur chancelier roi reine prince",
    "savoir": "chercheur professeur expert analyste specialiste universitaire economiste "
    "historien politologue enseignant sociologue juriste",
    "armes": "amiral general marechal colonel commandant capitaine officier lieutenant soldat",
    "presse": "journaliste correspondant reporter redacteur photographe editorialiste",
    "sport": "joueur entraineur attaquant defenseur gardien athlete coureur champion pilote",
}
_ORG_SORTS = {
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
def _lexicon(sorts: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {w: sort for sort, ws in sorts for w in ws.split()}


def _sort_of(words: list[str], sorts: dict[str, str]) -> str | None:
    """The first word of `words` that names a sort in `sorts`, as that sort."""
    lexicon = _lexicon(tuple(sorts.items()))
    return next((lexicon[w] for w in words if w in lexicon), None)


def nations(text: str) -> frozenset[str]:
    """The countries a title or description ties to ("le ministre russe" -> russie)."""
    return frozenset(_NATION_WORDS[m] for m in _NATION_RE.findall(fold_basic(text)))


def _within(prompt: str) -> frozenset[str]:
    """The countries a prompt places its answer in: "en Russie", "dans l'est de la Russie"."""
    folded = f" {fold_basic(prompt)} "
    return frozenset(
        country
        for name, country in _COUNTRIES.items()
        if name not in _METONYMS and re.search(rf" (?:en|au|aux|de la|du|de l) {name} ", folded)
    )


def role_sort(role: str) -> str:
    """The family of a title by its head noun: pouvoir, savoir, armes, presse, sport..."""
    words = [w for w in fold_basic(role).split() if w not in _STOP]
    words = [w for w in words if w not in ("vice", "contre", "premier", "haut", "ancien")]
    return _sort_of(words[:1], _ROLE_SORTS) or "autre"


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
    own = _sort_of(fold_basic(name).split()[:2], _ORG_SORTS)
    if own:
        return own
    votes = [_sort_of(list(reversed(c.split())), _ORG_SORTS) for c in context.split(" | ")]
    votes = [v for v in votes if v]
    return max(sorted(set(votes)), key=votes.count) if votes else None


_PLACE_SORTS = {"en": "pays", "au": "pays", "aux": "pays", "à": "ville"}


def _place_sort(key: str, pool: Pool) -> str | None:
    """pays when the articles write "en/au X", ville when "à X"; None when they do not say."""
    if key in _COUNTRIES and key not in _METONYMS:
        return "pays"
    befores = {m.before for _, m in pool.by_kind.get("place", []) if fold_basic(m.text) == key}
    sorts = {
        "pays" if b in ("en", "au", "aux") else "ville"
        for b in befores
        if b in ("en", "au", "aux", "à")
    }
    return next(iter(sorts)) if len(sorts) == 1 else None


_QUANTITY = re.compile(r"^(?:environ |plus de |près de )?(\d[\d\s]*(?:[,.]\d+)?)\s*(.*)$")


def _quantity(text: str) -> tuple[float, int, str] | None:
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


def _quantity_text(value: float, decimals: int, unit: str, in_words: bool = False) -> str:
    number = f"{value:.{decimals}f}".replace(".", ",")
    if in_words and not decimals and number_to_words(int(value)):
        # Written as the article writes it: "trois cent mille", not "trois-cent-mille".
        number = re.sub(r"\b(cents?|mille|millions?)-", r"\1 ", number_to_words(int(value)))
        number = re.sub(r"-(cents?|mille|millions?)\b", r" \1", number)
    return f"{number} {unit}".strip()


def _in_words(text: str) -> bool:
    """True for "deux cent mille dollars", False for "environ 60 kilomètres" or "18 jours"."""
    first = text.split()[0] if text.split() else ""
    spelled = first.replace("-", "").isalpha() and all(map(is_number_word, first.split("-")))
    return spelled and _quantity(text) is not None


def _roundness(value: float, decimals: int) -> float:
    """The step the answer is rounded to: 900 -> 100, 60 -> 10, 1,2 -> 0,1."""
    if decimals or value != int(value) or value == 0:
        return 10.0**-decimals
    step = 1
    while int(value) % (step * 10) == 0:
        step *= 10
    return float(step)


def number_forms(answer: str) -> list[str]:
    """Close values of the answer's unit, rounded like it: 1,2 % -> 0,6 %, 1,8 %, 2,4 %."""
    parsed = _quantity(answer)
    if parsed is None:
        return []
    value, decimals, unit = parsed
    out = []
    step = _roundness(value, decimals)
    for factor in (0.5, 1.5, 2, 0.75, 3, 1.25, 0.8, 0.6):
        v = round(int(value * factor / step + 0.5) * step, decimals)
        if v > 0 and v != value and (unit != "%" or v <= 100):
            out.append(_quantity_text(v, decimals, unit))
    return [f for f in dict.fromkeys(like_answer(o, answer) for o in out) if f]


def like_answer(text: str, answer: str) -> str | None:
    """A figure written the way the answer is: its unit words ("neuf autres personnes" ->
    "cinq autres personnes"), digits or words, plural agreed; None when it cannot agree
    ("un raffineries": the noun's singular and gender are unknown)."""
    mine, theirs = _quantity(answer), _quantity(text)
    if mine is None or theirs is None:
        return None
    value, decimals, _ = theirs
    unit = mine[2]
    if value <= 1 < mine[0] and unit[-1:] in ("s", "x"):
        return None
    if mine[0] <= 1 < value and unit[-1:].isalpha() and unit[-1] not in "sxz":
        unit = f"{unit}s"
    return _quantity_text(value, decimals, unit, _in_words(answer))


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


def _shape(text: str) -> tuple[bool, ...]:
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


@dataclass(frozen=True)
class Kinship:
    """What a wrong choice must share with the answer to compete with it."""

    kind: str
    answer: str
    pool: Pool
    sort: str | None = None  # what an organisation, place or title is
    nations: frozenset[str] = frozenset()
    style: str = "other"
    shown: frozenset[str] = frozenset()  # words that pick the answer out of its sort
    source: str = ""
    near: frozenset[str] = frozenset()  # words said with the prompt's people; homes for places

    def accepts(self, text: str, m: Mention | None) -> bool:
        """True when `text` is a believable wrong answer beside this one."""
        check = getattr(self, f"_{self.kind}", None)
        return bool(check(text, m)) if check else True

    def _person(self, text: str, m: Mention | None) -> bool:
        key = fold_basic(text)
        if key in _names(self.pool, "place") | _names(self.pool, "organisation"):
            return False  # "Washington" taken for a person
        if not _looks_like_name(key) or (len(key.split()) < 2 and key not in _surnames(self.pool)):
            return False  # "République" from "Président de la République"
        if self.sort and self.sort not in _title_sorts(text, self.pool):
            return False  # who could hold the post asked about: a minister, not a gunman
        theirs = _person_nations(text, self.pool)
        if self.nations and theirs and not self.nations & theirs:
            return False
        if surname_key(key) in self.near:
            return False  # named beside the prompt's people: may have done it too
        return name_style(text) == self.style

    def _organisation(self, text: str, m: Mention | None) -> bool:
        context = context_of(self.pool, fold_basic(text))
        if organisation_sort(text, context) != self.sort:
            return False
        said = f"{context} {text}"
        if self.nations & nations(said):
            return False  # "l'agence de presse japonaise": another Japanese agency fits
        return not self.shown & set(fold_basic(said).split())  # fits the description too

    def _place(self, text: str, m: Mention | None) -> bool:
        key = fold_basic(text)
        if (_COUNTRIES.get(key) or _CAPITALS.get(key)) in self.near:
            return False  # "Russie" or "Moscou" for where Putin travels
        if self.nations and _CAPITALS.get(key, next(iter(self.nations))) not in self.nations:
            return False  # "Pékin" for a town "dans l'est de la Russie"
        return _place_sort(key, self.pool) == self.sort

    def _role(self, text: str, m: Mention | None) -> bool:
        if role_sort(text) != self.sort or nations(text) != self.nations:
            return False
        theirs = name_style(m.unit) if m and m.unit else "other"
        return "other" in (theirs, self.style) or theirs == self.style  # a Korean's post?

    def _year(self, text: str, m: Mention | None) -> bool:
        latest = max(
            (c.value or 0 for s, c in self.pool.by_kind.get("year", []) if s == self.source),
            default=0,
        )
        year, answer = _year_in(text), _year_in(self.answer)
        if not year or not answer:
            return False
        return abs(year - answer) <= 10 and (latest < answer or year <= latest)

    def _number(self, text: str, m: Mention | None) -> bool:
        mine, theirs = _quantity(self.answer), _quantity(text)
        if mine is None or theirs is None or theirs[0] == mine[0] or mine[0] <= 0:
            return False
        return 0.25 <= theirs[0] / mine[0] <= 4 and (theirs[2] != "%" or theirs[0] <= 100)

    def _day(self, text: str, m: Mention | None) -> bool:
        return _shape(text) == _shape(self.answer)

    _date = _day


def _year_in(text: str) -> int:
    found = re.search(r"\b\d{4}\b", text)
    return int(found.group()) if found else 0


def _names(pool: Pool, kind: str) -> set[str]:
    return {fold_basic(m.text) for _, m in pool.by_kind.get(kind, [])}


def _surnames(pool: Pool) -> set[str]:
    """Single words that are the surname of a person named in full somewhere."""
    full = [fold_basic(m.text) for _, m in pool.by_kind.get("person", [])]
    return {surname_key(k) for k in full if len(k.split()) > 1 and _looks_like_name(k)}


def _looks_like_name(key: str) -> bool:
    """No title or institution word inside: "president de la republique" is not a name."""
    words = set(key.split())
    titles = _lexicon(tuple(_ROLE_SORTS.items())).keys() | _lexicon(tuple(_ORG_SORTS.items()))
    return not words & titles and not words & {"republique", "etat"}


def _title_sorts(name: str, pool: Pool) -> set[str]:
    """The families of the titles the articles give a person: held roles, words before them."""
    key = fold_basic(name)
    held = [m.text for _, m in pool.by_kind.get("role", []) if fold_basic(m.unit or "") == key]
    context = [w for c in context_of(pool, key).split(" | ") for w in c.split()]
    return {role_sort(t) for t in held} | {s for w in context if (s := _sort_of([w], _ROLE_SORTS))}


def _person_nations(name: str, pool: Pool) -> frozenset[str]:
    """Countries tied to a person by a title they hold or the words written before them."""
    key = fold_basic(name)
    titles = [m.text for _, m in pool.by_kind.get("role", []) if fold_basic(m.unit or "") == key]
    return nations(" ".join([*titles, context_of(pool, key)]))


def _described(q: Question) -> str:
    """The description an identity prompt asks to name: "l'agence de presse japonaise"."""
    found = re.match(r"^(?:Comment s'appellen?t?|Qui est|Qui sont) (.+?) \?$", q.prompt)
    return found.group(1) if q.identity and found else ""


def _kinship(q: Question, pool: Pool) -> Kinship | None:
    """The answer's own features, or None when no wrong choice could be fair."""
    kind = _answer_kind(q) or ""
    answer = choice_text(q)
    key = fold_basic(answer)
    if kind == "person":
        described = nations(_described(q)) | _person_nations(answer, pool)
        near = frozenset() if q.identity else _said_with(q, pool)
        post = role_sort(_described(q)) if _described(q) else None
        post = None if post == "autre" else post
        style = name_style(answer)
        return Kinship(kind, answer, pool, post, nations=described, style=style, near=near)
    if kind == "organisation":
        described = _described(q)
        sort = organisation_sort(described or answer, context_of(pool, key))
        if described:
            sort = _sort_of(fold_basic(described).split(), _ORG_SORTS) or sort
        lexicon = {w for ws in _ORG_SORTS.values() for w in ws.split()} | _STOP
        shown = frozenset(_NATION_RE.sub(" ", fold_basic(described)).split()) - lexicon
        shown = shown.union(*(group for group in _SYNONYMS if group & shown))
        marks = nations(described)
        if sort is None or (described and not shown and not marks):
            return None  # no telling what competes, or every one of its sort fits
        return Kinship(kind, answer, pool, sort=sort, nations=marks, shown=shown)
    if kind == "place":
        homes = frozenset().union(*(nations(context_of(pool, p)) for p in _prompt_names(q)))
        sort = _place_sort(key, pool)
        within = _within(q.prompt) if sort == "ville" else frozenset()
        return Kinship(kind, answer, pool, sort=sort, nations=within, near=homes)
    if kind == "role":
        holder = q.mentions[0].unit if q.mentions else ""
        style = name_style(holder or "")
        return Kinship(kind, answer, pool, role_sort(answer), nations(answer), style)
    return Kinship(kind, answer, pool, source=q.source_id)


def _prompt_names(q: Question) -> list[str]:
    """The folded capitalised names in a prompt, its first word aside."""
    body = q.prompt.split(" ", 1)[-1]
    return [fold_basic(n) for n in re.findall(r"[A-ZÉÈÎ][\w-]+(?: [A-ZÉÈÎ][\w-]+)*", body)]


def _said_with(q: Question, pool: Pool) -> frozenset[str]:
    """The words of every sentence naming a person of the prompt (not the answer)."""
    people = _surnames(pool) | pool.avoid
    answer = set(fold_basic(choice_text(q)).split())
    named = {w for w in fold_basic(q.prompt).split() if w in people and w not in answer}
    words = {w for p in named for s in _sentences_naming(pool, q.source_id, p) for w in s.split()}
    return frozenset(re.sub(r"\W", "", w) for w in words)


def _told(text: str, m: Mention | None, q: Question) -> bool:
    """The prompt or the quote names it: a wrong choice the question itself rules out, or
    one that may be right too (another destination in the same sentence)."""
    names = [text, m.unit] if m is not None and m.kind == "role" and m.unit else [text]
    if q.kind in ("person", "organisation", "place", "role", "speaker"):
        where = f" {fold_basic(q.prompt)} {fold_basic(q.quote)} "
    else:
        where = f" {fold_basic(q.prompt)} "
    return any(f" {fold_basic(n)} " in where for n in names if fold_basic(n))


def _says_it_too(text: str, q: Question, pool: Pool) -> bool:
    """A source whose own sentence shares two content words with the prompt ("a ensuite
    indiqué que son train...") may have said it as well: not a fair wrong answer."""
    asked = {w for w in fold_basic(q.prompt).split() if len(w) > 4} - _ASKING_WORDS
    for sentence in _sentences_naming(pool, q.source_id, fold_basic(text)):
        if len(asked & set(fold_basic(sentence).split())) >= 2:
            return True
    return False


def near_misses(q: Question, pool: Pool, limit: int = 5) -> list[str]:
    """Same-type names from the corpus close to an answer: never accepted by the grader."""
    answers = [v for a in q.answers for v in a]
    scored = []
    for text, _ in _candidates(q, pool):
        best = max(fuzz.ratio(fold_basic(text), fold_basic(v)) for v in answers)
        scored.append((-best, text))
    return [t for _, t in sorted(scored)[:limit]]


def shuffled(choices: list[str], key: str) -> list[str]:
    """Choices in an order fixed by `key` (the item id): stable across runs, not alphabetical."""
    return sorted(choices, key=lambda c: hashlib.sha256(f"{key}|{c}".encode()).hexdigest())
