"""Questions built on the claims of an article, each with its answers and its quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from factquiz.generate.claims import sentences
from factquiz.generate.clauses import (
    SPEECH_VERBS,
    Clause,
    Phrase,
    attribution_spans,
    is_garbled,
    morph,
    noun_gender,
    phrase_tokens,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.mentions import Mention
from factquiz.generate.participles import STATE_VERBS
from factquiz.generate.realise import ask, elide, join, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import (
    MentionTable,
    Target,
    actor_place_target,
    agent_target,
    cleft_target,
    organisation_target,
    person_target,
    place_target,
    subject_thing_target,
    thing_target,
)
from factquiz.generate.when_how_many import date_target, number_target

# Answers a question can leave out when another question on the clause asks for them.
LEAN_KINDS = {"date", "year", "month", "day", "place", "number", "direction"}
# Verbs that report words; "craindre" or "penser" say what someone fears or thinks, which is
# no attribution question.
REPORTING_VERBS = SPEECH_VERBS - {"craindre", "penser", "croire", "supposer", "juger"}
SKILLS = {
    "person": "who", "organisation": "who", "place": "where", "direction": "where",
    "date": "when", "year": "when", "month": "when", "day": "when", "number": "number",
    "thing": "what", "speaker": "attribution", "role": "who",
}  # fmt: skip
# Words that only make sense on the day the article was written.
DEICTIC = re.compile(
    r"\b(?:hier|aujourd'hui|demain|ce matin|ce soir|cette nuit|cette semaine|cette année"
    r"|l'année dernière|l'an dernier|la semaine dernière|le mois dernier)\b",
    re.I,
)
ShortForm = Callable[[str], "str | None"]
PlaceClass = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Question:
    """A question before ranking, with everything the bank item needs."""

    source_id: str
    kind: str
    prompt: str
    answers: tuple[tuple[str, ...], ...]
    quote: str
    sentence: int
    mentions: tuple[Mention, ...] = ()
    in_quotes: bool = False
    resolved: bool = False
    framed: bool = False
    identity: bool = False  # "Qui est le porte-parole du Kremlin ?"
    require: str = "any"
    vague_subject: bool = False
    topic: str = ""  # questions on one topic (a person's identity) are asked once
    clitic: bool = False  # "prévoit de les attaquer": the prompt points back to unnamed things
    lean: bool = False  # asked without the clause's other dates, places and numbers
    crowded: bool = False  # holds an answer that another question on the clause asks for

    @property
    def skill(self) -> str:
        return SKILLS[self.kind]


def quote_of(article: Article, start: int, end: int) -> str:
    """The article's words from token start to end-1, on one line."""
    doc = article.doc
    while end > start and doc[end - 1].is_space:
        end -= 1
    first, last = doc[start], doc[end - 1]
    return " ".join(article.text[first.idx : last.idx + len(last.text)].split())


def clause_questions(
    article: Article,
    clause: Clause,
    table: MentionTable,
    short_form: ShortForm,
    place_class: PlaceClass,
) -> list[Question]:
    """Every question one clause supports, one per phrase that has a typed answer, each also
    in a lean form without the other answerable phrases (when it can do without them), so two
    questions on one clause need not give each other's answers away."""
    start = clause.evidence_start if clause.evidence_start is not None else clause.sentence[0]
    quote = quote_of(article, start, clause.sentence[1])
    targets = []
    for phrase, subject in [(clause.subject.phrase, True)] + [(p, False) for p in clause.phrases]:
        if subject and clause.subject.resolved:
            continue
        target = _target(article, clause, phrase, table, short_form, place_class, subject)
        if target is not None and (not subject or _says_more(clause, target, article.doc)):
            targets.append((target, subject))
    optional = {
        t for target, subject in targets
        if not subject and target.kind in LEAN_KINDS and len(target.removed) <= 6
        for t in target.removed
    }  # fmt: skip
    out: list[Question] = []
    for target, subject in targets:
        lean = target.removed | optional
        has_lean = lean != target.removed and (
            not subject or _says_more(clause, replace(target, removed=lean), article.doc)
        )
        question = _question(article, clause, target, subject, quote, target.removed)
        if question is not None:
            out.append(replace(question, crowded=has_lean))
        if has_lean:
            question = _question(article, clause, target, subject, quote, lean)
            if question is not None:
                out.append(replace(question, lean=True))
    return out


def _question(
    article: Article, clause: Clause, target: Target, subject: bool, quote: str,
    removed: frozenset[int],
) -> Question | None:  # fmt: skip
    kind = target.kind
    if subject and article.doc[clause.verb].lemma_ in REPORTING_VERBS and kind in (
        "person", "organisation", "place"
    ):  # fmt: skip
        kind = "speaker"
    if not reads_whole(article, clause, removed):
        return None
    prompt = ask(article, clause, set(removed) | _deictic_phrases(article, clause), target.wh)
    if not prompt:
        return None
    return Question(
        article.source_id, kind, prompt, target.answers, quote, clause.sentence[0],
        target.mentions, clause.in_quotes, clause.subject.resolved, clause.frame is not None,
        require=target.require, vague_subject=not subject and _anaphoric(article, clause),
        clitic=_object_clitic(article, clause),
    )  # fmt: skip


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
    if any(_holds_a_clause(doc, p) or _cut_coordination(doc, clause, p) for p in clause.phrases):
        return False
    words = [t for p in (clause.subject.phrase, *clause.phrases) for t in p.tokens]
    if any(_disagreeing_adjective(doc[t]) for t in words):
        return False
    if _orphans(doc, clause, removed, [t for t in words if t not in removed]):
        return False
    if _list_item(doc, clause, removed):
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
    if finite.lower_.endswith(("isse", "isses", "issent")) and finite.lemma_.endswith(("ir", "re")):
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
    verbs = [doc[t] for t in clause.group if doc[t].pos_ in ("VERB", "AUX")]
    return any(
        c.dep_ == "obj"
        and c.i not in kept
        and c.pos_ != "PRON"
        and doc[max(c.left_edge.i - 1, 0)].text != ","  # an apposition tagged as object
        for v in verbs
        for c in v.children
    )


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


def _deictic_phrases(article: Article, clause: Clause) -> set[int]:
    """ "hier", "ce matin": a time only the day's reader can place; the question holds
    without it ("a débuté hier, le 9 juin" asks "a débuté le 9 juin")."""
    doc = article.doc
    out: set[int] = set()
    for p in clause.phrases:
        if DEICTIC.fullmatch(article.surface(p.tokens)):
            out.update(p.tokens)
    for t in clause.group:
        if doc[t].pos_ == "ADV" and DEICTIC.fullmatch(doc[t].text):
            out.add(t)
    return out


_CLITICS = {"le", "la", "les", "l'", "lui", "leur", "y", "en"}


def _object_clitic(article: Article, clause: Clause) -> bool:
    """An object pronoun in the verb group ("l'a rejoint", "de les attaquer")."""
    doc = article.doc
    return any(
        doc[t].pos_ == "PRON" and doc[t].text.casefold() in _CLITICS and doc[t].dep_ != "expl:comp"
        for t in clause.group
    )


def _says_more(clause: Clause, target: Target, doc: Any = None) -> bool:
    """Some phrase of the clause stays in a subject question besides the verb, and names
    something ("Qu'est-ce qui vient d'être publié ?" says nothing)."""
    kept = [t for p in clause.phrases for t in p.tokens if t not in target.removed]
    if doc is None:
        return bool(kept)
    return any(doc[t].pos_ in ("NOUN", "PROPN", "NUM") for t in kept)


def _anaphoric(article: Article, clause: Clause) -> bool:
    """A subject like "les photos" or "la rencontre" points back to what the article said."""
    doc = article.doc
    toks = [doc[t] for t in clause.subject.phrase.tokens]
    if clause.subject.resolved or len(toks) != 2:
        return False
    det, noun = toks
    return (
        det.pos_ == "DET"
        and noun.pos_ == "NOUN"
        and det.text.casefold() in ("le", "la", "les", "l'")
    )


def _target(
    article: Article,
    clause: Clause,
    phrase: Phrase,
    table: MentionTable,
    short_form: ShortForm,
    place_class: PlaceClass,
    subject: bool,
) -> Target | None:
    if phrase.dep in ("ccomp", "xcomp"):
        return None
    if clause.synthetic and not subject:
        return _participle_target(article, clause, phrase, table, short_form)
    if subject:
        target = (
            person_target(article, phrase, table, short_form, clause.subject.number)
            or organisation_target(article, phrase, table, True)
            or actor_place_target(article, phrase, table, place_class, clause.subject.number)
            or (cleft_target(article, phrase) if clause.subject.cleft else None)
            or subject_thing_target(article, phrase, table, clause.subject.number)
            or number_target(article, phrase, table, True)
        )
    else:
        target = (
            date_target(article, phrase, table)
            or number_target(article, phrase, table, False)
            or person_target(article, phrase, table, short_form, None)
            or (agent_target(article, phrase, table) if phrase.dep == "obl:agent" else None)
            or organisation_target(article, phrase, table, False)
            or place_target(article, clause, phrase, table)
            or actor_place_target(article, phrase, table, place_class, None)
            or thing_target(article, phrase, table)
        )
    if target is None or not _keeps_names_whole(target, table):
        return None
    return None if not subject and _cuts_noun_phrase(article, target) else target


def _cuts_noun_phrase(article: Article, target: Target) -> bool:
    """ "a battu la Polonaise [Agnieszka Radwanska]": the answer is the name apposed to a noun
    the question would keep, which no longer reads as French."""
    doc = article.doc
    first = min(target.removed)
    if first == 0:
        return False
    before = doc[first - 1]
    return before.pos_ in ("NOUN", "PROPN", "ADJ") and (
        before.head.i in target.removed or doc[first].head.i == before.i
    )


def _participle_target(
    article: Article, clause: Clause, phrase: Phrase, table: MentionTable, short_form: ShortForm
) -> Target | None:
    """A participle's own phrases asked for: its agent, date, quantity, or where a thing
    "est située"; "les biens de luxe destinés à la Corée du Nord" is no question."""
    target = date_target(article, phrase, table) or number_target(article, phrase, table, False)
    if target is None and phrase.dep == "obl:agent":
        target = person_target(article, phrase, table, short_form, None) or agent_target(
            article, phrase, table
        )
    if target is None and article.doc[clause.verb].lemma_ in STATE_VERBS:
        target = place_target(article, clause, phrase, table)
    return target if target is not None and _keeps_names_whole(target, table) else None


def _keeps_names_whole(target: Target, table: MentionTable) -> bool:
    """The hidden tokens never cut a name or date in two ("la Corée" | "du Nord")."""
    removed = target.removed
    for m in table.mentions:
        inside = sum(t in removed for t in m.tokens)
        if 0 < inside < len(m.tokens):
            return False
    return True


def askable_sentences(article: Article) -> list[tuple[Any, str]]:
    """The sentences questions may be drawn from (not mangled, not questions), with quotes."""
    return [
        (sent, quote_of(article, sent.start, sent.end))
        for sent in sentences(article)
        if not is_garbled(sent) and not sent.text.strip().endswith("?")
    ]


def attribution_questions(
    article: Article, table: MentionTable, short_form: ShortForm
) -> list[Question]:
    """Who said it: "..., a indiqué M. Peskov" and "selon KCNA, ..." made into questions."""
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for make in (_incise_question, _selon_question):
            q = make(article, sent, table, short_form, quote)
            if q is not None:
                out.append(q)
    return out


def _speaker(article: Article, table: MentionTable, tokens: tuple[int, ...], short_form: ShortForm):
    """The one named person or organisation among the tokens, with its answer variants."""
    names = table.inside(tokens, {"person", "organisation"})
    if len(names) != 1:
        return None
    m = names[0]
    variants = (m.text, short_form(m.text)) if m.kind == "person" else (m.text,)
    return m, tuple(dict.fromkeys(v for v in variants if v))


def _content(article: Article, tokens: list[int]) -> str | None:
    """Reported words as they stand, between 4 and 35 words, without edge punctuation."""
    doc = article.doc

    def loose(k: int) -> bool:
        tok = doc[tokens[k]]
        return tok.is_space or (tok.is_punct and tok.text not in ("«", "»", '"'))

    while tokens and (loose(-1) or loose(0)):
        tokens = tokens[:-1] if loose(-1) else tokens[1:]
        if (
            len(tokens) > 2
            and doc[tokens[0]].pos_ in ("ADV", "CCONJ")
            and doc[tokens[1]].text == ","
        ):
            tokens = tokens[2:]  # "Cependant, ..." belongs to the article's flow, not the claim
    if len(tokens) > 2 and doc[tokens[0]].pos_ in ("ADV", "CCONJ") and doc[tokens[1]].text == ",":
        tokens = tokens[2:]
    text = article.surface(tokens)
    if not 4 <= len(text.split()) <= 35:
        return None
    if text.count("«") != text.count("»"):
        return None
    return text


def _reported(verb_words: str, content: str) -> str:
    if content.startswith(("«", '"')):
        return f"{verb_words} : {content}"
    lowered = lower_initial(content)
    return join(elide(f"{verb_words} que", lowered), lowered)


def _incise_question(
    article: Article, sent: Any, table: MentionTable, short_form: ShortForm, quote: str
):
    """Who said it, from an incise: "<words>, a indiqué M. Peskov." -> "Qui a indiqué que ...?"."""
    doc = article.doc
    for verb in sent:
        if verb.lemma_ not in REPORTING_VERBS or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
        group = verb_group([verb])
        if len(subjects) != 1 or group[0] - 1 <= sent.start or doc[group[0] - 1].text != ",":
            continue
        speaker = _speaker(article, table, phrase_tokens(subjects[0], set()), short_form)
        content = _content(article, list(range(sent.start, group[0] - 1)))
        if speaker is None or content is None:
            continue
        verb_words = article.surface(t for t in group if doc[t].pos_ != "ADV")
        prompt = mend_slips(f"Qui {_reported(verb_words, content)}") + " ?"
        if not well_formed(prompt):
            return None
        return Question(
            article.source_id, "speaker", prompt, (speaker[1],), quote, sent.start, (speaker[0],)
        )
    return None


def _selon_question(
    article: Article, sent: Any, table: MentionTable, short_form: ShortForm, quote: str
):
    """Who said it, from an attribution: "selon KCNA, <claim>" -> "Quelle source affirme ..."."""
    spans = attribution_spans(sent)
    if len(spans) != 1:
        return None
    speaker = _speaker(article, table, tuple(spans[0]), short_form)
    if speaker is None:
        return None
    rest = [t for t in range(sent.start, sent.end) if t not in spans[0]]
    content = _content(article, rest)
    if content is None:
        return None
    content = content.replace(" ,", ",").replace(", ,", ",")
    who = "Qui" if speaker[0].kind == "person" else "Quelle source"
    prompt = mend_slips(f"{who} {_reported('affirme', content)}") + " ?"
    if not well_formed(prompt):
        return None
    return Question(
        article.source_id, "speaker", prompt, (speaker[1],), quote, sent.start, (speaker[0],)
    )
