"""Turn a clause with one phrase taken out into a French question.

Subject questions keep the declarative order ("Qui a accueilli Kim ?"). Every other
question puts the interrogative first and inverts with a pronoun after the finite verb,
which French allows with any subject: "Où le train de Kim s'est-il arrêté ?". After
"Qu'est-ce que" the order stays declarative, since "Que Kim a-t-il ..." is not French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factquiz.generate.clauses import Clause
from factquiz.generate.document import Article
from factquiz.generate.prompt_text import lower_initial, mend_slips, well_formed

_PRONOUNS = {
    ("Masc", "Sing"): "il",
    ("Fem", "Sing"): "elle",
    ("Masc", "Plur"): "ils",
    ("Fem", "Plur"): "elles",
}
_VOWEL_START = re.compile(r"^[aeiouyhàâéèêëîïôûAEIOUYHÀÂÉÈÊËÎÏÔÛ]")
_STRESSED = {"eux", "lui", "elle", "elles", "nous", "vous", "moi", "toi"}
_QUEL = {
    ("Masc", "Sing"): "quel",
    ("Fem", "Sing"): "quelle",
    ("Masc", "Plur"): "quels",
    ("Fem", "Plur"): "quelles",
}


@dataclass(frozen=True)
class Wh:
    """The interrogative phrase and how the clause around it is ordered."""

    words: str  # "Où", "Par qui", "Combien de kilomètres", "Qu'est-ce que"
    subject: bool = False  # the answer is the subject: no inversion
    declarative: bool = False  # "Qu'est-ce que ..." keeps the declarative order
    object_agreement: tuple[str, str] | None = (
        None  # a fronted direct object the participle agrees with
    )
    agreement: tuple[str, str] = ("Masc", "Sing")  # gender and number of a subject interrogative


_CONTRACTED = {"du": "de", "des": "de", "au": "à", "aux": "à"}


def bare_case(case: str) -> str:
    """The preposition without the article it was contracted with: "au" -> "à" (an
    interrogative takes no article: "À qui", "De quel pays", never "Au qui")."""
    return _CONTRACTED.get(case, case)


def quel(gender: str, number: str) -> str:
    """quel / quelle / quels / quelles agreeing with a noun."""
    return _QUEL[
        (gender if gender in ("Masc", "Fem") else "Masc", number if number == "Plur" else "Sing")
    ]


def inversion_suffix(verb: str, gender: str, number: str) -> str:
    """ "-t-il" after a vowel ("a-t-il", "rencontrera-t-elle"), "-il" after a consonant."""
    pronoun = _PRONOUNS[
        (gender if gender == "Fem" else "Masc", number if number == "Plur" else "Sing")
    ]
    return f"-t-{pronoun}" if verb[-1:] in ("a", "e", "c") else f"-{pronoun}"


_SINGULAR = {
    "ont": "a", "sont": "est", "avaient": "avait", "étaient": "était", "auront": "aura",
    "seront": "sera", "auraient": "aurait", "seraient": "serait", "peuvent": "peut",
    "pourraient": "pourrait", "doivent": "doit", "devraient": "devrait", "veulent": "veut",
    "font": "fait", "vont": "va", "eurent": "eut", "furent": "fut",
}  # fmt: skip


# Present plurals of verbs not in -er whose singular is no mere "-ent" cut.
_IRREGULAR_PLURALS = ("nnent", "isent", "ttent", "vent", "rtent", "ssent", "aignent", "eignent")


def singular_verb(form: str, lemma: str = "") -> str | None:
    """ "ont" -> "a", "estiment" -> "estime", "bloquaient" -> "bloquait", "commencèrent" ->
    "commença"; None if unsure. The lemma, when given, tells "quittent" (quitter: "quitte")
    from "mettent" (mettre: "met")."""
    if form in _SINGULAR:
        return _SINGULAR[form]
    if form.endswith("aient"):
        return form[:-5] + "ait"
    if form.endswith("èrent") and lemma == form[:-5] + "er":  # passé simple: "commencèrent"
        stem = form[:-5]
        stem = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        return stem + "a"
    if form.endswith(("irent", "urent")) and not lemma.endswith("er"):  # "prirent" -> "prit"
        return form[:-4] + "t"
    if not form.endswith("ent") or len(form) <= 4 or form.endswith(("ient", "oient")):
        return None
    if lemma.endswith("er") and lemma != "aller":
        return form[:-2]  # "quittent" -> "quitte", "récupèrent" -> "récupère"
    if form.endswith("èrent"):
        return None  # no lemma: a passé simple or a present, who knows
    return None if form.endswith(_IRREGULAR_PLURALS) else form[:-2]


def base_participle(form: str, gender: str, number: str) -> str:
    """The masculine singular of a participle that agreed: "rapprochées" -> "rapproché"."""
    if number == "Plur" and form.endswith("s") and not form.endswith(("is", "us")):
        form = form[:-1]
    if gender == "Fem" and form.endswith("e") and len(form) > 3:
        form = form[:-1]
    return form


def agree_participle(form: str, gender: str, number: str) -> str:
    """A past participle agreeing with a direct object placed before it ("offerte", "tirés")."""
    if not form.endswith(("é", "i", "u", "t", "s", "it", "is")):
        return form
    stem = form
    if gender == "Fem" and not stem.endswith("e"):
        stem += "e"
    if number == "Plur" and not stem.endswith("s"):
        stem += "s"
    return stem


def elide(words: str, following: str) -> str:
    """ "que" + "il" -> "qu'il"; "de" + "armes" -> "d'armes"."""
    if _VOWEL_START.match(following) and words.endswith((" que", " de", "Que", "De", " ce")):
        return words[:-1] + "'"
    return words


def join(*parts: str) -> str:
    """Words joined by single spaces, apostrophes kept tight."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("'") or part.startswith(("-", ",")):
            out += part
        else:
            out = f"{out} {part}"
    return out


def ask(article: Article, clause: Clause, removed: set[int], wh: Wh) -> str:
    """The question asking for the removed tokens of the clause."""
    doc = article.doc
    subject_tokens = set(clause.subject.phrase.tokens)
    body = set(clause.group)
    for p in clause.phrases:
        body.update(t for t in p.tokens if t not in removed)
    fronted = {t for p in clause.phrases if p.head in clause.fronted for t in p.tokens}
    main = sorted(t for t in body - fronted - subject_tokens if t not in removed)
    main = _with_commas(doc, main)
    tail = lower_initial(article.surface(t for t in sorted(fronted) if t not in removed))
    if clause.synthetic:
        before, after = [], main
    else:
        before = [t for t in main if t <= clause.finite]
        after = [t for t in main if t > clause.finite]
    if not wh.subject and subject_tokens and _ahead_of_subject(clause, before, subject_tokens):
        return ""  # "Où particulièrement les islamistes ont-ils ...": the parse is astray
    if _name_with_plural_verb(doc, clause):
        return ""  # "Afrique parlent": the parser missed part of the subject
    verb_text = clause.synthetic[0] if clause.synthetic else article.surface(before)
    after_text = _agreed(article, after, clause, wh)
    if clause.synthetic:
        after_text = join(clause.synthetic[1], after_text)
    frame = f"{clause.frame}, " if clause.frame else ""
    pronoun = clause.attribution and clause.attribution.split()[-1].casefold() in _STRESSED
    if not frame and clause.attribution and len(clause.attribution.split()) <= 8 and not pronoun:
        frame = f"{clause.attribution[:1].upper()}{clause.attribution[1:]}, "  # "Selon KCNA, ..."
    if wh.subject:
        agreed = _subject_agreed(article, clause, wh, before, after)
        if agreed is None:
            return ""
        verb_text, after_text = agreed
        question = join(wh.words, verb_text, after_text, tail)
    elif wh.declarative:
        subject = _closed(doc, clause, lower_initial(clause.subject.text))
        after_text = _passive_agreed(article, clause, after_text)
        question = join(elide(wh.words, subject), subject, verb_text, after_text, tail)
    elif _unsure_gender(doc, clause):
        # "Michelle Obama ouvrira-t-il": a person's name says nothing the tagger can trust
        # about "il" or "elle"; "est-ce que" keeps the declarative order and needs neither.
        subject = clause.subject.text
        question = join(wh.words, "est-ce que", subject, verb_text, after_text, tail)
    else:
        finite = clause.synthetic[0] if clause.synthetic else doc[clause.finite].text
        suffix = inversion_suffix(finite, clause.subject.gender, _number(doc, clause))
        subject = _closed(doc, clause, lower_initial(clause.subject.text))
        after_text = _passive_agreed(article, clause, after_text)
        question = join(wh.words, subject, verb_text + suffix, after_text, tail)
    question = frame + question[:1].lower() + question[1:] if frame else _capitalise(question)
    question = mend_slips(re.sub(r"\s+", " ", question).strip(" ,")) + " ?"
    return question if well_formed(question) else ""


def _passive_agreed(article: Article, clause: Clause, after_text: str) -> str:
    """After être the participle agrees with the subject, whatever the source wrote: "la
    maternité a été fermé" is asked "La maternité a-t-elle été fermée ?". Pronominal verbs
    ("s'est offert un cadeau") are left as written: they may agree with nothing."""
    doc = article.doc
    if not _etre(doc, clause) or clause.verb == clause.finite:
        return after_text
    if any(doc[t].lower_ in ("se", "s'", "s’") for t in clause.group):
        return after_text
    if "Part" not in doc[clause.verb].morph.get("VerbForm"):
        return after_text
    subject = (clause.subject.gender, clause.subject.number)
    if subject[0] not in ("Masc", "Fem") or subject[1] not in ("Sing", "Plur"):
        return after_text
    form = article.surface([clause.verb])
    if not re.search(r"é(?:e|s|es)?$", form):
        return after_text  # only the regular "-é" participles: "pris"/"prise" need a lexicon
    agreed = form[: form.rindex("é") + 1] + ("e" if subject[0] == "Fem" else "")
    agreed += "s" if subject[1] == "Plur" else ""
    return re.sub(rf"\b{re.escape(form)}\b", agreed, after_text, count=1)


def _subject_agreed(
    article: Article, clause: Clause, wh: Wh, before: list[int], after: list[int]
) -> tuple[str, str] | None:
    """The verb group made to agree with the interrogative ("Les États-Unis ont" -> "Qui a")."""
    doc = article.doc
    subject = (clause.subject.gender, _number(doc, clause))
    verb_text, after_text = article.surface(before), article.surface(after)
    if clause.synthetic:
        verb_text, after_text = clause.synthetic[0], join(clause.synthetic[1], after_text)
    verb_text, after_text = _unagreed_after_avoir(article, clause, verb_text, after_text)
    if subject == wh.agreement or (
        subject[1] == wh.agreement[1] and wh.agreement[0] == "Masc" and not _etre(doc, clause)
    ):
        return verb_text, after_text
    if subject[1] != wh.agreement[1]:
        finite = clause.synthetic[0] if clause.synthetic else article.surface([clause.finite])
        single = singular_verb(finite, doc[clause.finite].lemma_ if not clause.synthetic else "")
        if single is None or wh.agreement[1] != "Sing":
            return None
        verb_text = re.sub(rf"\b{re.escape(finite)}\b", single, verb_text, count=1)
    if _etre(doc, clause) and "Part" in doc[clause.verb].morph.get("VerbForm"):
        form = article.surface([clause.verb])
        base = agree_participle(base_participle(form, *subject), *wh.agreement)
        pattern = rf"\b{re.escape(form)}\b"
        if clause.verb in before:
            verb_text = re.sub(pattern, base, verb_text, count=1)
        else:
            after_text = re.sub(pattern, base, after_text, count=1)
    return verb_text, after_text


def _unagreed_after_avoir(
    article: Article, clause: Clause, verb_text: str, after_text: str
) -> tuple[str, str]:
    """ "Qui a organisée un sommet": a slip of the source (avoir, no object before the verb);
    the question says "a organisé"."""
    doc = article.doc
    if clause.synthetic or _etre(doc, clause):
        return verb_text, after_text
    if not any(doc[t].lemma_ == "avoir" and doc[t].pos_ == "AUX" for t in clause.group):
        return verb_text, after_text
    form = article.surface([clause.verb])
    if not form.endswith(("ée", "ées", "és")):
        return verb_text, after_text
    base = form[: form.rindex("é") + 1]
    pattern = rf"\b{re.escape(form)}\b"
    return re.sub(pattern, base, verb_text, count=1), re.sub(pattern, base, after_text, count=1)


def _with_commas(doc: Any, tokens: list[int]) -> list[int]:
    """The commas of a list the parser split into sibling phrases ("en Irlande, en Écosse,
    au Canada") or before a non-restrictive relative ("de Jean Stablinski, qu'il ne paie
    pas"): a comma between a noun and a preposition or relative, both kept, stays."""
    kept = set(tokens)
    commas = [
        t + 1
        for t in tokens
        if t + 2 in kept
        and t + 1 not in kept
        and doc[t + 1].text == ","
        and doc[t].pos_ in ("NOUN", "PROPN")
        and (doc[t + 2].pos_ == "ADP" or doc[t + 2].lower_ in ("qui", "que", "qu'", "dont"))
    ]
    return sorted(kept | set(commas))


def _closed(doc: Any, clause: Clause, subject: str) -> str:
    """ "cinq territoires, faiblement peuplés, choisissent": an aside inside the subject
    keeps the comma that closes it."""
    tokens = clause.subject.phrase.tokens
    if "," not in subject or clause.subject.resolved or not tokens:
        return subject
    after = max(tokens) + 1
    return subject + "," if after < len(doc) and doc[after].text == "," else subject


def _name_with_plural_verb(doc: Any, clause: Clause) -> bool:
    """A singular name as subject of a plural verb: the real subject was longer ("X et Y",
    "les habitants d'Afrique"), so neither "Qui" nor the name alone is the answer."""
    if clause.synthetic or clause.subject.resolved:
        return False
    head = doc[clause.subject.phrase.head]
    if head.pos_ != "PROPN" or clause.subject.number != "Sing":
        return False
    if any(c.dep_ == "conj" or "Plur" in c.morph.get("Number") for c in head.children):
        return False  # "X et Y", "les SS": the subject is plural after all
    return _number(doc, clause) == "Plur"


def _unsure_gender(doc: Any, clause: Clause) -> bool:
    """The subject is a person's bare name that may be a woman's: a given name ending in -a
    or -e ("Michelle Obama"), or a name the tagger calls feminine, which it often does of
    men ("Angelo Moratti"). With no title or article, "il" or "elle" would be a guess."""
    if clause.subject.resolved:
        return False  # the pronoun it replaced gave the gender
    head = doc[clause.subject.phrase.head]
    if head.pos_ != "PROPN" or head.ent_type_ != "PER" or len(clause.subject.text.split()) > 4:
        return False
    if "Fem" in head.morph.get("Gender"):
        return True
    words = clause.subject.text.split()
    return len(words) >= 2 and words[0].casefold().endswith(("a", "e"))


def _ahead_of_subject(clause: Clause, before: list[int], subject: set[int]) -> bool:
    """A word the question would put between the interrogative and the subject, which
    stood before the subject in the source and belongs to no verb group or fronted phrase."""
    first = min(subject)
    return any(t < first and t not in clause.group for t in before)


def _number(doc: Any, clause: Clause) -> str:
    """The subject's number as the finite verb shows it ("Un total de 130 femmes servaient"):
    the verb agreed with the real subject in the source, whatever noun heads the phrase."""
    if clause.synthetic:
        return clause.subject.number
    shown = doc[clause.finite].morph.get("Number")
    return shown[0] if shown and shown[0] in ("Sing", "Plur") else clause.subject.number


def _etre(doc: Any, clause: Clause) -> bool:
    if clause.synthetic:
        return True  # "a été adoptée", "est située": the participle agrees
    return any(doc[t].lemma_ == "être" and doc[t].pos_ == "AUX" for t in clause.group)


def _agreed(article: Article, tokens: list[int], clause: Clause, wh: Wh) -> str:
    """The rest of the clause, with the participle agreeing with a fronted direct object."""
    text = article.surface(tokens)
    if wh.object_agreement is None and not wh.subject:
        return _unagreed_after_avoir(article, clause, "", text)[1]  # "Où X a-t-il organisé"
    if wh.object_agreement is None or clause.verb not in tokens:
        return text
    if article.doc[clause.verb].lemma_ in _MEASURE_VERBS:
        return text  # "Combien de jours a-t-il duré ?": a measure is no direct object
    doc = article.doc
    if not any(doc[t].lemma_ == "avoir" and doc[t].pos_ == "AUX" for t in clause.group):
        return text
    if "Part" not in doc[clause.verb].morph.get("VerbForm"):
        return text
    form = article.surface([clause.verb])
    agreed = agree_participle(form, *wh.object_agreement)
    return re.sub(rf"\b{re.escape(form)}\b", agreed, text, count=1)


# Verbs whose measure ("a duré quinze jours", "a coûté deux millions") is no direct object.
_MEASURE_VERBS = {
    "durer", "coûter", "valoir", "peser", "mesurer", "vivre", "courir", "régner", "dormir",
    "marcher", "résister",
}  # fmt: skip


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
