"""Questions on the noun phrases the other builders leave: "Quel(le)(s) <nom> ...".

Readers of news (and the people who wrote the PIAF questions) ask for the specific noun
phrases a claim is made of: its subject, its direct object, the complement of a preposition.
When such a phrase is a definite description with something that tells it apart ("la
convention démocrate", "l'oral de rattrapage"), the question names the class by the head
noun and asks which one: "Quelle candidate le conseil a-t-il choisie ?". A verb's
prepositional argument that is a thing is asked with "quoi": "À quoi la Cour
constitutionnelle a-t-elle procédé ?" (un revirement de jurisprudence). Only the
clauses the claim extractor accepted are used, and the question is realised by the same
code as every other (realise.ask), so the word order and agreements are the tested ones.
A phrase some other builder already asks about, in the same sentence, is left to it.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import (
    Clause,
    Phrase,
    morph,
    noun_gender,
)
from factquiz.generate.document import Article
from factquiz.generate.questions import (
    Question,
    _question,
    quote_of,
)
from factquiz.generate.realise import Wh, quel
from factquiz.generate.targets import (
    HUMAN_NOUNS,
    NAMED,
    PLACE_NOUNS,
    TIME_NOUNS,
    VAGUE_HEADS,
    MentionTable,
    Target,
    without_article,
)
from factquiz.text import fold_basic

# Prepositions after which "<Prép> quel <nom>" reads as French; "de" ("De quel ...") is
# mostly a complement of a noun or an idiom, and "en" wants no article.
PREPOSITIONS = {
    "à": "à", "au": "à", "aux": "à", "dans": "dans", "sur": "sur", "pour": "pour",
    "avec": "avec", "contre": "contre", "par": "par", "vers": "vers", "chez": "chez",
    "sous": "sous", "parmi": "parmi", "après": "après", "avant": "avant", "pendant": "pendant",
}  # fmt: skip
MOTION_VERBS = {
    "arriver", "aller", "venir", "rendre", "retourner", "parvenir", "envoyer", "rentrer",
    "installer", "transférer", "conduire", "mener", "partir", "revenir", "positionner",
}  # fmt: skip
# Adjectives that tell nothing apart on their own ("la même équipe", "la dernière période").
WEAK_ADJECTIVES = {
    "même", "autre", "seul", "tel", "dernier", "premier", "prochain", "suivant", "précédent",
    "nouveau", "grand", "petit", "certain", "différent", "plusieurs", "tout", "actuel",
    "principal", "nombreux", "bon", "mauvais", "propre", "entier", "futur", "ancien",
    "local", "national", "officiel", "important", "récent", "fort", "haut", "long", "simple",
    "divers", "particulier", "spécial", "possible", "éventuel",
}  # fmt: skip
# Nouns of actions and qualities ("la mise en orbite", "la destruction de la porte"): "Quelle
# destruction ..." asks nothing a reader would; concrete things and bodies are asked for.
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ité", "ise", "age", "ure", "isme")
# Bodies, places, events and documents with those endings: "Quelle commission a publié le
# rapport ?", "Quelle convention s'ouvre à Charlotte ?" are asked.
CONCRETE_EXCEPTIONS = {
    "commission", "organisation", "association", "fédération", "administration", "nation",
    "institution", "station", "délégation", "coalition", "fondation", "région", "mission",
    "entreprise", "agence", "préfecture", "université", "municipalité", "communauté",
    "assemblée", "ambassade", "village", "équipage", "voiture", "structure", "monument",
    "gouvernement", "parlement", "département", "régiment", "bâtiment", "appartement",
    "autorité", "alliance",
    # Named events and documents: "Quelle convention ...", "Quelle résolution ...".
    "convention", "conférence", "réunion", "élection", "compétition", "exposition",
    "édition", "session", "résolution", "opération",
}  # fmt: skip
# Heads too general for "Quel <nom>" to ask anything ("Quel élément ...").
GENERAL_HEADS = VAGUE_HEADS | TIME_NOUNS | {
    "élément", "aspect", "question", "problème", "situation", "moment", "fois", "chose",
    "niveau", "ensemble", "lieu", "sorte", "type", "genre", "nombre", "série", "reste",
    "fin", "début", "suite", "part", "côté", "heure", "jour", "année", "an", "mois",
    "nouvelle", "vue", "intérieur", "extérieur", "idée", "forme", "surface", "lutte", "mort",
    "arrivée", "chute", "cas", "cours", "terme", "base", "cadre", "sein", "occasion", "raison",
    "service", "membre", "cadet", "cadette", "aîné", "aînée", "fils", "fille", "frère", "sœur",
    "père", "mère", "épouse", "mari", "femme", "homme", "enfant", "partisan", "proche",
}  # fmt: skip
MAX_ANSWER_WORDS = 8
MAX_PROMPT_WORDS = 22
# Prepositions of a verb's argument asked with "quoi": "À quoi", "Sur quoi", "De quoi".
ARGUMENT_PREPOSITIONS = {
    "à": "À", "au": "À", "aux": "À", "sur": "Sur", "de": "De", "d'": "De", "du": "De",
    "des": "De", "contre": "Contre", "avec": "Avec", "pour": "Pour",
}  # fmt: skip
# "la troisième place", "le 5e arrondissement": the rank tells the thing apart.
ORDINAL = re.compile(r"(?:ième|ièmes|^\d+(?:e|er|re|ème))$", re.I)
ACTORS = {"person", "organisation", "place"}
CONTRACTED = {"du", "des", "au", "aux"}


def span_questions(
    article: Article, clauses: list[Clause], table: MentionTable, existing: list[Question]
) -> list[Question]:
    """ "Quel <nom>" questions on the clauses' subjects, objects and prepositional phrases
    that no question in `existing` already asks about in the same sentence."""
    taken = {(q.sentence, fold_basic(v)) for q in existing for a in q.answers for v in a}
    out: list[Question] = []
    for clause in clauses:
        if clause.synthetic:
            continue  # a participle's clause has no finite verb to invert
        start = clause.evidence_start if clause.evidence_start is not None else clause.sentence[0]
        quote = quote_of(article, start, clause.sentence[1])
        phrases = [(p, False) for p in clause.phrases]
        if not clause.subject.resolved:
            phrases.insert(0, (clause.subject.phrase, True))
        for phrase, subject in phrases:
            target = which_noun_target(article, clause, phrase, table, subject)
            if target is None and not subject:
                target = what_argument_target(article, clause, phrase, table)
            if target is None or (clause.sentence[0], fold_basic(target.answers[0][0])) in taken:
                continue
            if not _askable(article, clause, target, subject):
                continue
            question = _question(article, clause, target, subject, quote, target.removed)
            if question is not None and not malformed_prompt(question.prompt):
                out.append(question)
                taken.add((clause.sentence[0], fold_basic(target.answers[0][0])))
    return out


def _askable(article: Article, clause: Clause, target: Target, subject: bool) -> bool:
    """The question would be clear, grammatical and not given away by the headline."""
    if not _enough_left(clause, target, subject) or in_headline(article, target):
        return False
    if _holds_a_place(article, target):
        return False
    if subject:
        return True
    words = clause.subject.text.casefold().split()
    if "," in clause.subject.text or "autres" in words[:2] or "autre" in words[:2]:
        return False  # "le commerce, notamment d'ivoire", "les autres couleurs": unclear
    return not _unsure_inversion(article, clause, target)


def _holds_a_place(article: Article, target: Target) -> bool:
    """ "la voie diplomatique à Pékin" for "Par quelle voie ... ?": the answer swallowed a
    place of its own, another fact, which the prompt's noun does not ask for."""
    doc = article.doc
    return any(
        doc[t].pos_ == "PROPN"
        and doc[t].dep_ == "nmod"
        and any(c.dep_ == "case" and c.text.casefold() in ("à", "au", "aux", "en", "dans")
                for c in doc[t].children)
        for t in target.removed
    )  # fmt: skip


def in_headline(article: Article, target: Target) -> bool:
    """The answer, or every noun of it, stands in the article's title ("au mythique yéti"
    under "des poils de yéti"): the student reads it there, the question tests nothing."""
    title = f" {fold_basic(article.meta.title or '')} "
    for v in target.answers[0]:
        if len(v) >= 4 and f" {fold_basic(without_article(v))} " in title:
            return True
    doc = article.doc
    nouns = [
        fold_basic(doc[t].text)
        for t in target.removed
        if doc[t].pos_ in ("NOUN", "PROPN") and doc[t].dep_ != "case"
    ]
    return bool(nouns) and all(f" {n} " in title for n in nouns)


def malformed_prompt(prompt: str) -> bool:
    """ "le mont Aimé ( ), au sud, ,": the question kept the shell of an aside it dropped;
    or the prompt runs past MAX_PROMPT_WORDS, where these builders' questions lose the
    thread ("Quelle idole est confirmée sur le banc ce qui entraîne ...")."""
    if len(prompt.split()) > MAX_PROMPT_WORDS:
        return True
    return bool(re.search(r"\(\s*\)|,\s*,|\(\s*,|,\s*\)|\s,\s*\?", prompt)) or prompt.count(
        "("
    ) != prompt.count(")")


def _enough_left(clause: Clause, target: Target, subject: bool) -> bool:
    """A subject question keeps an object or a complement besides the verb: "Quelles
    modalités restent inchangées ?" could be asked of many things."""
    if not subject:
        return True
    return any(
        p.dep in ("obj", "obl", "obl:arg", "obl:mod", "iobj", "obl:agent")
        and any(t not in target.removed for t in p.tokens)
        for p in clause.phrases
    )


def _unsure_inversion(article: Article, clause: Clause, target: Target) -> bool:
    """ "Michelle Obama ouvrira-t-il": a name the tagger gave no gender, whose first word may
    be a woman's first name, so the inverted pronoun would likely be wrong; or a pronoun
    subject ("Nous") or a participle the source already inflected, which the fronted object
    would inflect twice ("justifiése")."""
    doc = article.doc
    head = doc[clause.subject.phrase.head]
    if head.pos_ == "PRON" and not clause.subject.resolved:
        return True
    finite_number = morph(doc[clause.finite], "Number", "")
    if finite_number and finite_number != clause.subject.number:
        return True  # "un total de 130 femmes servaient": which pronoun would agree?
    verb = doc[clause.verb].text.casefold()
    if target.wh.object_agreement is not None and verb.endswith(("ée", "és", "ées", "is", "ts")):
        return True
    if head.pos_ != "PROPN" or morph(head, "Gender", ""):
        return False
    first = doc[clause.subject.phrase.tokens[0]].text.casefold()
    return (
        first.endswith(("a", "e"))
        or morph(doc[clause.subject.phrase.tokens[0]], "Gender", "") == "Fem"
    )


def which_noun_target(
    article: Article, clause: Clause, phrase: Phrase, table: MentionTable, subject: bool
) -> Target | None:
    """ "Quelle convention", "À quel oral": a definite noun phrase asked for by its head."""
    doc = article.doc
    head = doc[phrase.head]
    case = _preposition(article, phrase, subject)
    if case is None or not _specific_description(article, phrase, table):
        return None
    gender, number = noun_gender(head), morph(head, "Number", "Sing")
    if subject and (gender, number) != (clause.subject.gender, clause.subject.number):
        return None  # a conjoined or apposed subject: the verb agrees with something else
    words = f"{case} {quel(gender, number)} {head.text.casefold()}".strip()
    wh = Wh(
        words[:1].upper() + words[1:],
        subject=subject,
        agreement=(gender, number),
        object_agreement=(gender, number) if phrase.dep == "obj" else None,
    )
    answer_tokens = [t for t in phrase.tokens if doc[t].dep_ != "case" or doc[t].head.i != head.i]
    text = article.surface(answer_tokens)
    after = article.surface(t for t in phrase.tokens if t > head.i)
    rank = [t for t in phrase.tokens if t < head.i and ORDINAL.search(doc[t].text)]
    variants = [text, without_article(text), after, article.surface(rank)]
    if after.casefold().startswith(("de ", "d'", "du ", "des ")):
        variants.append(without_article(after.split(" ", 1)[-1].removeprefix("d'")))
    answers = (tuple(dict.fromkeys(v for v in variants if len(v) >= 3)),)
    return Target("thing", answers, frozenset(phrase.tokens), wh)


def what_argument_target(
    article: Article, clause: Clause, phrase: Phrase, table: MentionTable
) -> Target | None:
    """ "À quoi la Cour a-t-elle procédé ?", "Sur quoi portent les comparaisons ?": the thing
    a verb's prepositional argument names (not a time, a place or a person)."""
    doc = article.doc
    head = doc[phrase.head]
    case = ARGUMENT_PREPOSITIONS.get(phrase.case)
    if phrase.dep != "obl:arg" or case is None or head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.casefold()
    if lemma in HUMAN_NOUNS | GENERAL_HEADS or doc[phrase.tokens[0]].text.casefold() != phrase.case:
        return None
    if lemma in PLACE_NOUNS or doc[clause.verb].lemma_ in MOTION_VERBS:
        return None  # "à la frontière", "arrivent aux ambassades": where, not what
    toks = [doc[t] for t in phrase.tokens[1:]]
    if not toks or (case == "De" and phrase.case in ("de", "d'") and toks[0].pos_ != "DET"):
        return None  # "entraînerait de nouvelles sanctions": an article, not a preposition
    content = [t for t in toks if t.pos_ in ("NOUN", "ADJ", "PROPN")]
    if len(content) < 2 or len(toks) > MAX_ANSWER_WORDS:
        return None  # "l'accident", "l'expédition": the one the article spoke of, no fact
    if table.inside(phrase.tokens, NAMED | {"date", "year", "month", "day", "number"}):
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON", "PUNCT", "CCONJ", "SCONJ", "NUM") for t in toks):
        return None
    if any(t.pos_ == "DET" and not _plain_article(t) for t in toks):
        return None  # "à sa demande": points back to the article
    text = article.surface(t.i for t in toks)
    answers = (tuple(dict.fromkeys((text, without_article(text)))),)
    return Target("thing", answers, frozenset(phrase.tokens), Wh(f"{case} quoi"))


def _preposition(article: Article, phrase: Phrase, subject: bool) -> str | None:
    """The preposition the interrogative keeps ("À quel"), "" for a subject or an object,
    None for a phrase this builder does not ask about."""
    if subject:
        return "" if phrase.dep in ("nsubj", "nsubj:pass") else None
    if phrase.dep == "obj":
        return ""
    if phrase.dep not in ("obl", "obl:arg", "obl:mod") or phrase.case not in PREPOSITIONS:
        return None
    first = article.doc[phrase.tokens[0]]
    if first.text.casefold() != phrase.case:
        return None  # the preposition is not where the phrase starts: the parse is odd
    return PREPOSITIONS[phrase.case]


def _specific_description(article: Article, phrase: Phrase, table: MentionTable) -> bool:
    """A definite description of a common noun, told apart by what follows the head
    ("la convention démocrate", "le taux de chômage"), short and without a clause."""
    doc = article.doc
    head = doc[phrase.head]
    lemma = head.lemma_.casefold()
    if head.pos_ != "NOUN" or lemma in GENERAL_HEADS or len(lemma) < 3:
        return False
    if lemma.endswith(ABSTRACT_ENDINGS) and lemma not in CONCRETE_EXCEPTIONS:
        return False
    toks = [doc[t] for t in phrase.tokens]
    before = [t for t in toks if t.i < head.i and not (t.dep_ == "case" and t.head.i == head.i)]
    ordinals = [t for t in before[1:] if ORDINAL.search(t.text) and t.head.i == head.i]
    if len(before) != 1 + len(ordinals) or not _definite_article(before[0]):
        return False  # "une ONG": one of many; "sa stratégie", "cette résolution": points back
    after = [t for t in toks if t.i > head.i]
    if not (after or ordinals) or len(toks) > MAX_ANSWER_WORDS + 1:
        return False
    if any(t.pos_ in ("VERB", "AUX", "PRON", "PUNCT", "CCONJ", "SCONJ") for t in after):
        return False  # a clause, a list or an aside inside: too long to type, easy to misread
    if any(t.pos_ == "DET" and not _plain_article(t) for t in after):
        return False  # "la nouvelle de sa candidature": the answer points back to the article
    if table.inside(phrase.tokens, {"person"}):
        return False  # "le chef de l'État, Kim Jong-un": the person is the answer, asked as who
    if any(head.i in m.tokens for m in table.inside(phrase.tokens, NAMED)):
        return False  # a name: asked as who or where by the other builders
    if table.inside(phrase.tokens, {"date", "year", "month", "day"}):
        return False  # "le climat en avril": a date the parser hung on the noun, asked as when
    return bool(ordinals) or _tells_apart(head, after)


def _definite_article(tok: Any) -> bool:
    return tok.pos_ == "DET" and morph(tok, "Definite", "") == "Def" and _plain_article(tok)


def _plain_article(tok: Any) -> bool:
    """ "le", "une", "des", not "sa", "cette", "leurs"."""
    return morph(tok, "PronType", "") in ("Art", "") and morph(tok, "Poss", "") != "Yes"


def _tells_apart(head: Any, after: list[Any]) -> bool:
    """What follows the head narrows it down: an adjective that is not "même" or
    "dernier", a name or number ("l'hôpital Sao Joao", "de Villeurbanne"), or a bare noun
    making a compound ("l'oral de rattrapage"). A complement with its own article ("les lois
    de la République", "les marges des raffineurs") names a vague class, not one thing."""
    for t in after:
        if t.head.i != head.i:
            continue
        if t.dep_ == "amod" and t.lemma_.casefold() not in WEAK_ADJECTIVES:
            return True
        if t.dep_ not in ("nmod", "flat:name", "appos") or t.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        named = any(d.pos_ in ("PROPN", "NUM") for d in t.subtree)
        if named or not any(_article_of(c) for c in t.children):
            return True
    return False


def _article_of(tok: Any) -> bool:
    """An article on a complement, also inside "du", "des", "au", "aux" (tagged ADP)."""
    return tok.dep_ == "det" or (tok.dep_ == "case" and tok.text.casefold() in CONTRACTED)
