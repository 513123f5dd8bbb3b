"""Does a question, with its answer taken out, still say what the source said?

The checks a clause must pass before it is asked about: its main verb is no subjunctive
copied from a subordinate clause, the verb keeps its object, nothing that depends on the
answer stays behind, no second sentence rides inside a phrase, and the answer is no lone
item of a list or end of a range. Each is a rule of French or of parsing, not of one text.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import Clause, Phrase, morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.targets import Target

# Prepositions that open a complement of an event noun as often as of the verb: "des
# sanctions contre X", "une enquête sur X". Left behind when the noun is asked for, they
# would say the verb's subject acted against X.
_NOUN_COMPLEMENT_CASES = {"contre", "envers", "sur", "entre", "vis-à-vis"}
_EVENT_NOUN = re.compile(r"(?:tion|sion|ment|ance|ence|age|ure)s?$")


def reads_whole(article: Article, clause: Clause, removed: frozenset[int]) -> bool:
    """The clause, with the answer taken out, still says what the source said: its main verb
    is no subjunctive copied from a subordinate clause ("brandisse"), the verb keeps its
    object, and no complement of the answer is left behind in the question."""
    doc = article.doc
    if not clause.synthetic and _subjunctive(doc, clause):
        return False
    if _object_left_out(article, clause) or _stray_object(doc, removed):
        return False
    if any(
        _holds_a_clause(doc, p) or _cut_coordination(doc, clause, p) or _bare_infinitive(doc, p)
        for p in clause.phrases
    ):
        return False
    words = [t for p in (clause.subject.phrase, *clause.phrases) for t in p.tokens]
    if any(_disagreeing_adjective(doc[t]) for t in words):
        return False
    if _orphans(doc, clause, removed, [t for t in words if t not in removed]):
        return False
    if _list_item(doc, clause, removed):
        return False
    if removed and in_range_or_relative(doc, clause, removed):
        return False
    return not _orphan_complement(article, clause, removed)


_LIST_MARKS = {",", "et", "ou"}


def _list_item(doc: Any, clause: Clause, removed: frozenset[int]) -> bool:
    """ "en Irlande, [en Écosse], au Canada et ...": the answer is one item of a list of the
    verb's phrases; the question would run the others together with no comma between."""
    if not removed:
        return False
    first, last = min(removed), max(removed)
    if first < 2 or last + 2 >= len(doc):
        return False
    if doc[first - 1].lower_ not in _LIST_MARKS or doc[last + 1].lower_ not in _LIST_MARKS:
        return False
    phrases = {t for p in clause.phrases for t in p.tokens if p.head not in clause.fronted}
    return first - 2 in phrases and last + 2 in phrases


def _orphans(doc: Any, clause: Clause, removed: frozenset[int], kept: list[int]) -> bool:
    """ "dans des pièces de Shakespeare, [Jean-Pierre Marielle], George Bernard Shaw": the
    answer is one item of a list, or words that depend on the answer stay in the question."""
    own_heads = {p.head for p in clause.phrases}  # phrases the builder split off on purpose
    if any(doc[t].head.i in removed and t not in own_heads and doc[t].dep_ != "acl" for t in kept):
        return True
    return any(
        doc[t].dep_ == "conj" and doc[t].head.i not in removed and doc[t].head.i in kept
        for t in removed
    )


def _disagreeing_adjective(tok: Any) -> bool:
    """ "l'équipe actuel": an adjective right after its noun in the other gender, a slip of
    the source that a question (or an answer) must not copy."""
    if tok.pos_ != "ADJ" or tok.dep_ != "amod" or tok.i == 0 or tok.head.i != tok.i - 1:
        return False
    noun, gender = tok.head, morph(tok, "Gender", "")
    if noun.pos_ != "NOUN" or not gender or tok.lower_.endswith("e"):
        return False
    if morph(tok, "Number", "") != "Sing":
        return False  # "des obus et des roquettes vieillissants" agrees with both nouns
    return gender == "Masc" and noun_gender(noun) == "Fem"


def _bare_infinitive(doc: Any, phrase: Phrase) -> bool:
    """ "sur les points suivants sécuriser l'approvisionnement": an infinitive hung on a noun
    or adjective with no "de", "à" or "pour" is the start of a list the source lost its
    colon before."""
    for t in phrase.tokens:
        tok = doc[t]
        if tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm"):
            continue
        if tok.head.pos_ in ("NOUN", "PROPN", "ADJ") and not any(
            c.dep_ in ("mark", "case") and c.i < tok.i for c in tok.children
        ):
            return True
    return False


def _holds_a_clause(doc: Any, phrase: Phrase) -> bool:
    """ "a été réalisé [et sa mission ... sera l'objectif]": a phrase holding a subject and
    its own verb with no relative pronoun or conjunction to join it is a second sentence the
    parser hung on the first."""
    inside = set(phrase.tokens)
    for t in phrase.tokens:
        tok = doc[t]
        if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.head.i not in inside:
            continue
        head = tok.head
        if head.dep_ in ("acl:relcl", "acl") or any(c.dep_ == "mark" for c in head.children):
            continue
        if any(c.dep_ in ("cop", "aux", "aux:tense", "aux:pass") for c in head.children):
            return True
        if head.pos_ == "VERB" and morph(head, "VerbForm", "") == "Fin":
            return True
    return False


def _cut_coordination(doc: Any, clause: Clause, phrase: Phrase) -> bool:
    """ "des munitions ... en Ukraine [et Moscou] a les technologies": the last conjunct of
    the phrase is the subject of the next clause, whose verb follows it."""
    last = max(phrase.tokens)
    if last + 1 >= len(doc) or doc[last].dep_ != "conj":
        return False
    following = doc[last + 1]
    return following.pos_ in ("VERB", "AUX") and following.i not in clause.group


# Verbs and conjunctions whose "que" clause takes the subjunctive: "craint que X brandisse".
_SUBJUNCTIVE_VERBS = {
    "craindre", "redouter", "vouloir", "souhaiter", "exiger", "demander", "falloir",
    "refuser", "préférer", "ordonner", "permettre", "douter", "accepter", "regretter",
    "attendre", "empêcher", "éviter", "aimer", "désirer", "suggérer", "proposer",
}  # fmt: skip
_SUBJUNCTIVE_MARKS = {
    "pour", "afin", "avant", "bien", "quoique", "sans", "jusqu'", "condition", "pourvu",
    "peur", "crainte", "moins",
}  # fmt: skip


def _subjunctive(doc: Any, clause: Clause) -> bool:
    """The finite verb is a subjunctive: tagged so, a form like "brandisse" of a verb in -ir,
    or the verb of a "que" clause after "craindre", "vouloir", "pour que", "avant que"..."""
    finite, verb = doc[clause.finite], doc[clause.verb]
    if morph(finite, "Mood", "") == "Sub":
        return True
    # "finisse" is only a subjunctive; "finissent" is the present indicative as well
    if finite.lower_.endswith(("isse", "isses")) and finite.lemma_.endswith(("ir", "re")):
        return True
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if not any(m.lower_ in ("que", "qu'") for m in marks):
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_ in _SUBJUNCTIVE_VERBS:
        return True
    before = [doc[k].lower_ for k in range(max(marks[0].i - 3, 0), marks[0].i)]
    return any(w in _SUBJUNCTIVE_MARKS for w in before)


def _object_left_out(article: Article, clause: Clause) -> bool:
    """ "Les États-Unis ont accusé [la Corée du Nord] de ...": a direct object of the verb
    the clause did not keep (it is no phrase and no clitic of the group)."""
    doc = article.doc
    kept = set(clause.group) | {t for p in clause.phrases for t in p.tokens}
    kept |= set(clause.subject.phrase.tokens)
    # every verb the question keeps, in the group or inside a phrase ("les nazis qui
    # entreprennent [la construction d'un camp]")
    verbs = [doc[t] for t in sorted(kept) if doc[t].pos_ == "VERB"]
    verbs += [doc[t] for t in clause.group if doc[t].pos_ == "AUX"]
    for v in verbs:
        objects = [c for c in v.children if c.dep_ == "obj" and c.pos_ != "PRON"]
        if any(c.i in kept for c in objects):
            continue  # "met en vedette William Clark, un marin": an apposition tagged object
        if any(c.i not in kept for c in objects):
            return True
    return False


_DURATIONS = {"seconde", "minute", "heure", "jour", "semaine", "mois", "an", "année", "siècle"}


def _stray_object(doc: Any, removed: frozenset[int]) -> bool:
    """ "pendant 12 heures des personnes": a noun phrase with its article and no preposition,
    or "des" after a duration, hung inside the answer; it is the verb's object, which the
    question would lose."""
    for t in removed:
        tok = doc[t]
        if tok.dep_ != "nmod" or tok.pos_ != "NOUN" or tok.head.i not in removed:
            continue
        kids = [k for k in tok.children if k.i < tok.i]
        cases = [k.lower_ for k in kids if k.dep_ in ("case", "fixed")]
        if not cases and any(k.dep_ == "det" for k in kids):
            return True
        duration = tok.head.lemma_ in _DURATIONS and any(
            k.dep_ == "nummod" for k in tok.head.children
        )
        if duration and cases in (["des"], ["du"]):
            return True
    return False


_RANGE_MARKS = {"-", "–", "—", "/"}


def in_range_or_relative(doc: Any, clause: Clause, removed: frozenset[int]) -> bool:
    """ "en 1997-1998": the answer is one end of a range; "une commande [qu'il ne paie pas]":
    a relative clause right after the answer is the answer's, whatever the parser said."""
    if not removed:
        return False
    first, last = min(removed), max(removed)
    if first > 1 and doc[first - 1].text in _RANGE_MARKS and doc[first - 2].like_num:
        return True
    if last + 2 < len(doc) and doc[last + 1].text in _RANGE_MARKS and doc[last + 2].like_num:
        return True
    kept = {t for p in clause.phrases for t in p.tokens} - removed
    if last + 2 < len(doc) and doc[last + 1].text == "," and last + 2 in kept:
        # ", qu'il ne paie pas": after a comma "que" opens no completive, only a relative
        return doc[last + 2].lower_ in _RELATIVE_WORDS
    after = last + 1
    return (
        after in kept
        and doc[after].pos_ == "PRON"
        and doc[after].head.dep_ == "acl:relcl"
        and morph(doc[after], "PronType", "") == "Rel"
    )


_RELATIVE_WORDS = {
    "qui",
    "que",
    "qu'",
    "dont",
    "où",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
}


def _orphan_complement(article: Article, clause: Clause, removed: frozenset[int]) -> bool:
    """ "ont bloqué l'imposition de sanctions [contre X]": the phrase right after an answer
    naming an event is its complement as likely as the verb's; asking without the answer
    would hang it on the verb."""
    doc = article.doc
    if not removed:
        return False
    after = max(removed) + 1
    if after >= len(doc) or doc[after].lower_ not in _NOUN_COMPLEMENT_CASES:
        return False
    if not any(after in p.tokens for p in clause.phrases):
        return False
    return any(doc[t].pos_ == "NOUN" and _EVENT_NOUN.search(doc[t].lower_) for t in removed)


# Words an answer cannot end on: "gardiens SS et" lost what came after.
_OPEN_ENDINGS = {"et", "ou", "de", "du", "des", "d'", "à", "au", "aux", "le", "la", "les", "en"}


# Words an answer cannot begin with: "et le Dr Arnim Zola" is the end of a list.
_OPENINGS = {"et", "ou", "mais", ",", "dont"}


def answers_whole(answers: tuple[tuple[str, ...], ...]) -> bool:
    """No answer stops on a conjunction, preposition or article ("gardiens SS et") or starts
    with a conjunction ("et le Dr Arnim Zola")."""
    words = [v.split() for a in answers for v in a if v.split()]
    return not any(w[-1].casefold() in _OPEN_ENDINGS or w[0].casefold() in _OPENINGS for w in words)


_WHEN = {"date", "day", "month", "year"}


def left_out(target: Target, optional: list[Target]) -> frozenset[int]:
    """What a lean question on the target leaves out: the other answers, but never the place
    of a when-question ("Quand le train s'est-il arrêté ?" stopped where? it stopped twice),
    and nothing of a count, whose period and qualifiers are part of it ("12 écoles fermées
    depuis 2015" are not 12 of all time)."""
    if target.kind == "number":
        return frozenset()
    return frozenset(
        t
        for other in optional
        if not (target.kind in _WHEN and other.kind in ("place", "direction"))
        for t in other.removed
    )


# Verbs whose place is part of what they say: "Qui se rend ?" and "Où habite-t-il ?" need it.
_PLACE_VERBS = {"rendre", "aller", "habiter", "résider", "séjourner", "loger", "situer", "trouver"}


def may_go(article: Article, clause: Clause, target: Target) -> bool:
    """A lean question may leave out this answer of another question: no direct object
    ("Qui obtient au deuxième tour ?") and no place a verb of going or being needs."""
    doc = article.doc
    dated = target.kind in ("date", "day", "month", "year")  # "a déclaré [mardi]" is no object
    if not dated and any(
        doc[t].dep_ == "obj" and doc[t].head.i == clause.verb for t in target.removed
    ):
        return False
    return not (target.kind in ("place", "direction") and doc[clause.verb].lemma_ in _PLACE_VERBS)
