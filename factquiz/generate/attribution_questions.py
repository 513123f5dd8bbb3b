"""Who said it: questions on the source of a reported statement ("..., a indiqué M. Peskov",
"selon KCNA, ...", "X a déclaré que ...", "pour X, ...")."""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import SPEECH_VERBS, attribution_spans, phrase_tokens, verb_group
from factquiz.generate.document import Article
from factquiz.generate.questions import (
    MAX_PROMPT_WORDS,
    REPORTING_VERBS,
    Question,
    ShortForm,
    askable_sentences,
)
from factquiz.generate.realise import elide, join, lower_initial, mend_slips, well_formed
from factquiz.generate.targets import MentionTable


def attribution_questions(
    article: Article, table: MentionTable, short_form: ShortForm
) -> list[Question]:
    """Who said it: "..., a indiqué M. Peskov" and "selon KCNA, ..." made into questions."""
    out: list[Question] = []
    for sent, quote in askable_sentences(article):
        for make in (_incise_question, _selon_question, _framed_question, _pour_question):
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
    if m.kind != "person":
        return m, (m.text,)
    # "M. Peskov" is the "Dmitri Peskov" the article named in full: both are right.
    fulls = [
        o.text
        for o in table.mentions
        if o.kind == "person" and " " in o.text and short_form(o.text) == m.text
    ]
    variants = (*fulls[:1], m.text, short_form(m.text))
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
    if any(doc[t].text.casefold() in ("tel", "telle", "tels", "telles") for t in tokens):
        return None  # "avec un tel coach": such as which? the sentence before says
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


def _framed_question(
    article: Article, sent: Any, table: MentionTable, short_form: ShortForm, quote: str
):
    """Who said it, from a report opening the sentence: "L'ambassadeur Robert Wood a déclaré
    mardi que <claim>." -> "Qui a déclaré mardi que <claim> ?"."""
    doc = article.doc
    for verb in sent:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if verb.lemma_ not in REPORTING_VERBS or verb.pos_ != "VERB" or len(subjects) != 1:
            continue
        group = verb_group([verb])
        que = next((t for t in sent if t.i > verb.i and t.text.casefold() in ("que", "qu'")), None)
        if que is None or subjects[0].left_edge.i != sent.start or que.i - group[-1] > 3:
            return None
        between = range(group[-1] + 1, que.i)  # "a déclaré mardi que": a date may stay
        if any(doc[t].is_punct or doc[t].pos_ in ("VERB", "AUX", "SCONJ") for t in between):
            return None
        rest = list(range(que.i + 1, sent.end))
        if _reported_elsewhere(sent, rest) or doc[que.i + 1].pos_ == "PRON":
            return None  # nested reports ("..., a déclaré l'agence"); "qu'il": who?
        speaker = _speaker(article, table, phrase_tokens(subjects[0], set()), short_form)
        content = _content(article, rest)
        if speaker is None or content is None or _plural(doc, group):
            return None
        prompt = ""
        for said in ([*group, *between], group):  # without its date if it is too long
            verb_words = article.surface(said)
            prompt = mend_slips(f"Qui {_reported(verb_words, content)}") + " ?"
            if len(prompt.split()) <= MAX_PROMPT_WORDS:
                break
        if not well_formed(prompt):
            return None
        return Question(
            article.source_id, "speaker", prompt, (speaker[1],), quote, sent.start, (speaker[0],)
        )
    return None


def _reported_elsewhere(sent: Any, tokens: list[int]) -> bool:
    """The reported words hold another attribution: "selon X", or an incise ", a dit X"."""
    doc, inside = sent.doc, set(tokens)
    if any(set(span) & inside for span in attribution_spans(sent)):
        return True
    return any(
        doc[t].lemma_ in SPEECH_VERBS
        and doc[t].pos_ == "VERB"
        and doc[t - 1].text == ","
        or doc[t].pos_ == "AUX"
        and doc[t - 1].text == ","
        and doc[t + 1].lemma_ in SPEECH_VERBS
        for t in tokens
        if t + 1 < len(doc)
    )


def _plural(doc: Any, group: list[int]) -> bool:
    """ "ont déclaré": "Qui ont déclaré" cannot be asked."""
    return any("Plur" in doc[t].morph.get("Number") for t in group)


def _pour_question(
    article: Article, sent: Any, table: MentionTable, short_form: ShortForm, quote: str
):
    """Whose view it is: "Enfin, pour Andreï Lankov, expert de ..., <view>." -> "Qui estime
    que <view> ?". Only for a person: "pour la Russie" may say who benefits, not who thinks."""
    doc = article.doc
    k = sent.start
    if doc[k].pos_ in ("ADV", "CCONJ") and doc[k + 1].text == ",":
        k += 2  # "Enfin, pour ..."
    if doc[k].text.casefold() != "pour":
        return None
    names = [
        m for m in table.inside(tuple(range(k + 1, k + 5)), {"person"}) if m.tokens[0] == k + 1
    ]
    if len(names) != 1 or doc[names[0].tokens[-1] + 1].text != ",":
        return None
    start = names[0].tokens[-1] + 2
    if doc[start].pos_ == "NOUN":  # ", expert de la Corée du Nord à ...,": a bare title
        start = next((t.i + 1 for t in doc[start : sent.end] if t.text == ","), sent.end)
    rest = [t for t in range(start, sent.end) if doc[t].text.casefold() != "donc"]
    content = _content(article, rest) if not _reported_elsewhere(sent, rest) else None
    speaker = _speaker(article, table, names[0].tokens, short_form)
    if content is None or speaker is None or doc[start].pos_ == "PRON":
        return None
    prompt = mend_slips(f"Qui {_reported('estime', content)}") + " ?"
    if not well_formed(prompt):
        return None
    return Question(
        article.source_id, "speaker", prompt, (speaker[1],), quote, sent.start, (speaker[0],)
    )
