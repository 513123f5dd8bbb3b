"""Extract the claims of an article: one Clause per predicate the parse supports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from factquiz.generate.antecedents import (
    name_read_as_pronoun,
    named_antecedent,
    quoted_tokens,
    resolve_pronoun,
)
from factquiz.generate.clauses import (
    DISCOURSE_ADVERBS,
    NEGATIONS,
    SPEECH_VERBS,
    Clause,
    Phrase,
    Subject,
    attribution_spans,
    finite_token,
    has_relative,
    is_coherent,
    is_garbled,
    is_negated,
    later_clauses,
    morph,
    noun_gender,
    phrase_tokens,
    verb_chain,
    verb_group,
)
from factquiz.generate.document import Article
from factquiz.generate.parsing import entity_at
from factquiz.generate.phrases import YEAR, clause_phrases, has_que, is_time_word
from factquiz.generate.realise import lower_initial
from factquiz.generate.relatives import antecedent_subject, carries_fact, common_antecedent

PREDICATE_DEPS = {"ROOT", "conj", "ccomp", "parataxis", "advcl", "acl:relcl"}
# Subordinators whose clause the writer asserts ("tandis que", "parce que"), unlike "si" or
# "pour que", whose clause may be false.
ASSERTING_MARKS = {"tandis", "alors", "parce", "puisque", "lorsque", "quand", "bien", "car"}
PersonsOf = Callable[[Any], list[str]]


def sentences(article: Article) -> list[Any]:
    """The article's sentences, without the blank tokens between paragraphs."""
    return article.sentences


def doc_pos(article: Article, i: int) -> str:
    """The part of speech of token i."""
    return article.doc[i].pos_


def _asserted(verb: Any) -> bool:
    """An adverbial clause with its own subject, opened by an asserting subordinator or by
    "et" (a second main clause the parser took for an adverbial one)."""
    marks = [c for c in verb.children if c.dep_ in ("mark", "cc") and c.i < verb.i]
    if marks and marks[0].text.casefold() == "et":
        return any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)
    return bool(marks) and marks[0].text.casefold().removesuffix("'") in ASSERTING_MARKS


def _after_colon(verb: Any) -> bool:
    """A clause after ":" or ";" stands on its own; other parataxis is an incise."""
    doc = verb.doc
    left = verb.left_edge.i
    return (
        left > verb.sent.start
        and doc[left - 1].text in (":", ";")
        or (doc[left].text in (":", ";"))
    )


def _same_paragraph(a: Any, b: Any) -> bool:
    """No paragraph break between two sentences (the doc's own text costs a copy to read)."""
    doc = a.doc
    gap = [doc[a.end - 1].whitespace_] + [doc[k].text for k in range(a.end, b.start)]
    return not any("\n" in piece for piece in gap)


def extract_clauses(article: Article, persons_of: PersonsOf) -> list[Clause]:
    """Every clause of the article that a question can be built on."""
    out: list[Clause] = []
    previous = None
    for sent in sentences(article):
        text = sent.text.strip()
        if not text.endswith("?") and not is_garbled(sent) and len(sent) >= 5:
            context = previous if previous is not None and _same_paragraph(previous, sent) else None
            out.extend(_sentence_clauses(article, sent, context, persons_of))
        previous = sent
    return out


def _sentence_clauses(
    article: Article, sent: Any, context: Any, persons_of: PersonsOf
) -> list[Clause]:
    spans = attribution_spans(sent)
    banned = {i for r in spans for i in r}
    attribution = article.surface(spans[0]) if spans else None
    quoted = quoted_tokens(sent)
    clauses: dict[int, Clause] = {}
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ not in PREDICATE_DEPS:
            continue
        if verb.dep_ == "parataxis" and not _after_colon(verb):
            continue
        if verb.dep_ == "advcl" and not _asserted(verb):
            continue
        if verb.dep_ == "acl:relcl" and not (named_antecedent(verb) or common_antecedent(verb)):
            continue
        clause = _clause(article, verb, sent, banned, context, persons_of, clauses)
        if clause is not None:
            clauses[verb.i] = replace(clause, attribution=attribution, in_quotes=verb.i in quoted)
    return list(clauses.values())


def _clause(
    article: Article,
    verb: Any,
    sent: Any,
    banned: set[int],
    context: Any,
    persons_of: PersonsOf,
    done: dict[int, Clause],
) -> Clause | None:
    doc = article.doc
    own_subject = _has_subject(verb)
    orphan = verb.dep_ == "conj" and verb.head.i not in done and _governor(verb) is None
    if orphan and not own_subject:
        return None  # "a construit et continue de ...": the subject is the first verb's
    chain = verb_chain(verb)
    if any(sum(c.dep_ == "obj" for c in v.children) > 1 for v in chain):
        return None  # "a battu [la Polonaise] [Agnieszka] [Radwanska]": the parse fell apart
    relative_subject = verb.dep_ == "acl:relcl"
    if is_negated(chain) or (has_relative(verb) and not relative_subject):
        return None
    if verb.dep_ == "conj" and has_que(verb):
        return None  # "des danses rapides, mais que X a qualifiées de ...": a relative's object
    group = verb_group(chain)
    finite = finite_token(doc, group)
    if finite is None:
        return None
    subject, frame, evidence_start = _subject_of(article, verb, banned, context, persons_of, done)
    if subject is None or subject.phrase.start > finite:
        return None
    later = later_clauses(chain) - banned
    local = banned | later  # asides the phrases set apart go back into `banned`, not these
    phrases = clause_phrases(article, chain, local, subject, group)
    banned |= local - later
    phrases = [p for p in phrases if p.start > subject.phrase.start or _keeps_fronted(doc, p)]
    # "a indiqué que le gouvernement avait signé l'accord avec Renault le 3 mars": a date split
    # off the end of the reported clause is the signing's, not the saying's
    phrases = _reported_whole(chain, phrases)
    if any(doc[p.start].pos_ == "CCONJ" for p in phrases):
        return None  # "des bombes ..., ou des bombes ...": a coordination the parse split
    appositions = [p for p in phrases if _apposition_after_comma(doc, p)]
    banned.update(t for p in appositions for t in p.tokens)
    phrases = [p for p in phrases if p not in appositions]
    ignorable = banned | {
        k.i
        for v in chain
        for c in v.children
        if c.text.casefold() in DISCOURSE_ADVERBS | NEGATIONS or morph(c, "PronType", "") == "Rel"
        for k in c.subtree  # "non seulement"
    }
    kept = set(group) | set(subject.phrase.tokens) | {t for p in phrases for t in p.tokens}
    if any("[" in doc[t].text or _comment_inside(doc[t]) for t in kept):
        return None  # "par exemple[réf. nécessaire]"; "10 millions de francophones ce qui ..."
    fronted_tokens = {t for p in phrases if p.start < subject.phrase.start for t in p.tokens}
    if not own_subject:
        # "Moscou a construit et continue de développer": the shared subject stands apart
        fronted_tokens |= set(subject.phrase.tokens)
    if not is_coherent(doc, kept - fronted_tokens, ignorable):
        return None
    if any(c.dep_ in ("xcomp", "ccomp") and c.i not in kept for c in chain[-1].children):
        return None  # "Rimbaud voulait [être un visionnaire]": the verb needs what was cut
    if relative_subject and subject.resolved and not carries_fact(doc, tuple(phrases)):
        return None  # "des soldats qui avaient franchi la frontière": nothing to ask
    fronted = frozenset(p.head for p in phrases if p.start < subject.phrase.start)
    return Clause(
        sentence=(sent.start, sent.end), verb=chain[-1].i, finite=finite, group=tuple(group),
        subject=subject, phrases=tuple(phrases), frame=frame, evidence_start=evidence_start,
        fronted=fronted,
    )  # fmt: skip


def _reported_whole(chain: list[Any], phrases: list[Phrase]) -> list[Phrase]:
    """A date split off the end of a reported clause goes back into it: "a indiqué que le
    gouvernement avait signé l'accord avec Renault le 3 mars" dates the signing, not the
    saying."""
    reported = {t.i for v in chain for c in v.children if c.dep_ == "ccomp" for t in c.subtree}
    inside = [p for p in phrases if p.dep != "ccomp" and set(p.tokens) & reported]
    if not inside:
        return phrases
    kept = [p for p in phrases if p not in inside]
    ccomps = [p for p in kept if p.dep == "ccomp"]
    if len(ccomps) != 1:
        return kept
    whole = tuple(sorted(set(ccomps[0].tokens).union(*(p.tokens for p in inside))))
    return [replace(p, tokens=whole) if p is ccomps[0] else p for p in kept]


def _apposition_after_comma(doc: Any, phrase: Phrase) -> bool:
    """ "s'installe à Belleville dans l'Illinois, une ville située près de St. Louis": a noun
    with "un"/"une" after a comma describes the phrase before it; it is no object."""
    first = doc[phrase.start]
    return (
        phrase.dep == "obj"
        and phrase.start > 0
        and doc[phrase.start - 1].text == ","
        and first.lower_ in ("un", "une")
        and first.head.i == phrase.head
    )


def _comment_inside(tok: Any) -> bool:
    """ "ce qui fait de lui ..." parsed inside a phrase: the parse of the clause is astray."""
    return tok.lower_ == "ce" and any(k.dep_ == "acl:relcl" for k in tok.children)


def _has_subject(verb: Any) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)


def _governor(verb: Any) -> Any | None:
    """The predicate whose subject a coordinated finite verb shares: its head, or past the
    infinitives the parser hung it on ("La CEDEAO est prête à effectuer ..., mais attend le
    feu vert": a finite verb coordinates with "est prête", not with "effectuer")."""
    head = verb.head
    while head.dep_ == "xcomp" and morph(head, "VerbForm", "") == "Inf":
        head = head.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if head.pos_ not in ("VERB", "ADJ") or len(subjects) != 1 or head.i > verb.i:
        return None
    return head


def _keeps_fronted(doc: Any, phrase: Phrase) -> bool:
    """A phrase before the subject stays in questions only if it dates or places the claim."""
    start = phrase.tokens[0]
    if start > doc[start].sent.start and not doc[start - 1].is_punct:
        return False  # "Après l'effondrement de l'URSS en 1991": the year is the noun's
    words = [doc[t].text.casefold() for t in phrase.tokens]
    dated = any(is_time_word(doc[t]) or YEAR.match(doc[t].text) for t in phrase.tokens)
    return dated or (len(words) <= 4 and phrase.case in ("lors de", "lors du", "en", "à", "dans"))


def _subject_of(
    article: Article,
    verb: Any,
    banned: set[int],
    context: Any,
    persons_of: PersonsOf,
    done: dict[int, Clause],
) -> tuple[Subject | None, str | None, int | None]:
    """The clause's subject, its reporting frame, and where the quote must start."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) > 1:
        subjects = [
            s
            for s in subjects
            if not (is_time_word(s) or _stray_adjective(s, subjects) or _apposed(s, subjects))
        ]
    if not subjects and verb.dep_ == "conj" and verb.head.i in done:
        head = done[verb.head.i]
        return head.subject, head.frame, head.evidence_start
    governor = _governor(verb) if not subjects and verb.dep_ == "conj" else None
    if governor is not None:
        # "Moscou n'a pas précisé la date mais affirme que ...": no clause for the negated
        # first verb, yet its subject is the second's
        return _subject_of(article, governor, banned, context, persons_of, done)
    if len(subjects) != 1:
        return None, None, None
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
        return None, None, None  # "X a confirmé que A, et B a indiqué que C": whose claim is B?
    subj = subjects[0]
    if subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "X"):
        return None, None, None  # "Contrairement à la vente ..." read as a subject
    if subj.lower_ in ("autres", "certains", "certaines", "plusieurs", "beaucoup"):
        return None, None, None  # "d'autres proposent ...": which others?
    if is_time_word(subj):
        return None, None, None  # "une heure avant la rencontre, la Corée du Nord a tiré"
    if any(c.dep_ == "case" and not _partitive(c) for c in subj.children):
        return None, None, None  # "pour X, ..." read as a subject
    named = named_antecedent(verb) if verb.dep_ == "acl:relcl" else None
    noun = common_antecedent(verb) if named is None and verb.dep_ == "acl:relcl" else None
    if noun is not None:  # "deux missiles qui ont atterri": the missiles are the subject
        return antecedent_subject(article, verb, noun, banned), None, None
    if named is not None:
        span, head, cleft = named
        tokens = tuple(span)
        gender, number = noun_gender(head), morph(head, "Number", "Sing")
        text = article.surface(tokens)
        return (
            Subject(Phrase("nsubj", head.i, tokens), text, gender, number, cleft=cleft),
            None,
            None,
        )
    reported = verb.dep_ == "ccomp" and has_que(verb)
    frame = _frame(article, verb, banned) if reported else None
    speaker = done.get(verb.head.i) if reported and frame is None else None
    if speaker is not None and speaker.subject.resolved and verb.head.lemma_ in SPEECH_VERBS:
        # "Il a souligné que ...": the speaker the pronoun stands for, quoted with its sentence
        evidence = speaker.evidence_start
        frame, reported = f"Selon {speaker.subject.text}", False
    else:
        evidence = None
    if verb.dep_ == "advcl" and (verb.head.dep_ == "ccomp" or verb.head.lemma_ in SPEECH_VERBS):
        # "X rapporte que A, tandis que B": B is X's word too, whichever verb the parser chose
        speech_clause = verb.head if verb.head.dep_ == "ccomp" else verb
        frame = _frame(article, speech_clause, banned)
        if frame is None:
            return None, None, None
    if reported and frame is None:
        return None, None, None
    tokens = phrase_tokens(subj, banned)
    first = article.doc[tokens[0]] if tokens else None
    if first is None or first.pos_ == "ADP" and not _partitive(first):
        return None, None, None  # "pendant ce temps la colonne": an adverbial hung on it
    if (
        doc_pos(article, tokens[0]) == "ADV"
        and tokens[0] > 0
        and article.doc[tokens[0] - 1].text == ","
    ):
        return None, None, None  # "des groupes armés, particulièrement les islamistes,": an aside
    phrase = Phrase(subj.dep_, subj.i, tokens)
    if subj.pos_ == "PRON" and not name_read_as_pronoun(subj):
        resolved = resolve_pronoun(article, subj, phrase, context, persons_of)
        # the quote reaches back to the sentence before only when the name is not in this one
        here = resolved is not None and resolved.text in subj.sent.text
        return resolved, frame, context.start if context and not here else None
    conjuncts = [subj] + [c for c in subj.children if c.dep_ == "conj"]
    number = "Plur" if len(conjuncts) > 1 else morph(subj, "Number", "Sing")
    # "M. Poutine et M. Kim": the name apposed to the first title is not the whole subject.
    name = _apposed_name(subj) if len(conjuncts) == 1 else None
    if name is not None:
        phrase = Phrase(subj.dep_, subj.i, tuple(sorted(set(tokens) | set(name))))
    text = article.surface(name if name is not None else tokens)
    genders = {"Masc" if c.pos_ == "PRON" else noun_gender(c) for c in conjuncts}
    gender = "Fem" if genders == {"Fem"} else "Masc"  # "la femme et son compagnon" -> ils
    return Subject(phrase, text, gender, number), frame, evidence


def _partitive(tok: Any) -> bool:
    """ "des ouvriers", "du pétrole": the article tagged as a preposition; "De Santis a
    parlé": the particle of a name."""
    if tok.text.casefold() in ("des", "du") and morph(tok, "PronType", "") == "Art":
        return True
    name = tok.head
    after = name.right_edge.i + 1
    return (
        tok.text[:1].isupper()
        and name.pos_ == "PROPN"
        and tok.i == name.left_edge.i == name.i - 1
        and after < len(tok.doc)
        and tok.doc[after].text != ","
    )


def _apposed_name(subj: Any) -> list[int] | None:
    """The name apposed to a subject: "Le dirigeant de la Corée du Nord, Kim Jong-un,"."""
    if subj.pos_ != "NOUN":
        return None
    for c in subj.children:
        named = c.dep_ in ("appos", "flat:name", "nmod") and c.pos_ == "PROPN"
        if (
            named
            and c.ent_type_ in ("PER", "ORG")
            and not any(k.dep_ == "case" for k in c.children)
        ):
            ent = entity_at(subj.doc, c.i)
            return list(ent) if ent is not None else None
    return None


def _apposed(tok: Any, subjects: list[Any]) -> bool:
    """ "Kim Jong-un, le leader de la Corée du Nord, a ...": the apposition tagged a subject."""
    doc = tok.doc
    left = tok.left_edge.i
    return (
        tok.pos_ == "NOUN"
        and left > 0
        and doc[left - 1].text == ","
        and any(s.i < tok.i and s.pos_ == "PROPN" for s in subjects)
    )


def _stray_adjective(tok: Any, subjects: list[Any]) -> bool:
    """ "Les militaires sud-coréens": the adjective tagged as a second subject."""
    return tok.pos_ == "ADJ" and any(s.i == tok.i - 1 for s in subjects)


def _frame(article: Article, verb: Any, banned: set[int]) -> str | None:
    """The frame "Selon X" of a clause reported by a speech verb whose subject X is named."""
    speech = verb.head
    if speech.lemma_ not in SPEECH_VERBS:
        return None
    speakers = [c for c in speech.children if c.dep_ == "nsubj"]
    if not speakers and speech.dep_ == "conj":  # "Moscou n'a pas précisé ... mais affirme que"
        speakers = [c for c in speech.head.children if c.dep_ == "nsubj"]
    if len(speakers) != 1 or speakers[0].pos_ == "PRON" and not name_read_as_pronoun(speakers[0]):
        return None
    tokens = phrase_tokens(speakers[0], banned)
    if not tokens or len(tokens) > 8:
        return None
    return f"Selon {lower_initial(article.surface(tokens))}"
