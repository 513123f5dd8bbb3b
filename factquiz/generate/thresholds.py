"""Thresholds: a rule that holds below or above a figure, asked for the figure.

"Un couple marié ... était considéré comme pauvre s'il disposait d'un revenu disponible
inférieur ou égal à 2 200 €" gives "Jusqu'à quel revenu disponible un couple marié ... était-il
considéré comme pauvre ?" (2 200 €): the comparison is in the interrogative ("Jusqu'à quel",
"En dessous de quel", "À partir de quel", "Au-dessus de quel"), so the answer is the figure
alone and the question keeps what the rule says.
"""

from __future__ import annotations

from typing import Any

from factquiz.generate.clauses import DISCOURSE_ADVERBS, morph, noun_gender
from factquiz.generate.document import Article
from factquiz.generate.questions import Question, askable_sentences
from factquiz.generate.realise import inversion_suffix, lower_initial, mend_slips, quel, well_formed
from factquiz.generate.targets import MentionTable
from factquiz.generate.when_how_many import number_variants

# (comparative, "ou égal") -> the interrogative's preposition
_WORDS = {
    ("inférieur", True): "Jusqu'à", ("inférieur", False): "En dessous de",
    ("supérieur", True): "À partir de", ("supérieur", False): "Au-dessus de",
}  # fmt: skip
_CONDITIONS = {"si", "s'"}
_KEPT_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "xcomp"}


def threshold_questions(article: Article, table: MentionTable) -> list[Question]:
    """A question for every conditional rule on a figure ("s'il disposait d'un revenu
    inférieur ou égal à 2 200 €")."""
    out = []
    for sent, quote in askable_sentences(article):
        for tok in sent:
            if tok.lemma_ not in ("inférieur", "supérieur") or tok.dep_ != "amod":
                continue
            found = _figure_after(article, table, tok)
            if found is None:
                continue
            figure, or_equal = found
            prompt = _prompt(article, tok, or_equal)
            if prompt is None:
                continue
            answers = (number_variants(figure),)
            out.append(
                Question(article.source_id, "number", prompt, answers, quote, sent.start, (figure,))
            )
    return out


def _figure_after(article: Article, table: MentionTable, adjective: Any) -> tuple[Any, bool] | None:
    """The figure right after "inférieur [ou égal] à", and whether "ou égal" was said."""
    doc = article.doc
    k = adjective.i + 1
    or_equal = False
    if k + 1 < len(doc) and doc[k].lower_ == "ou" and doc[k + 1].lemma_ == "égal":
        or_equal, k = True, k + 2
    if k >= len(doc) or doc[k].lower_ != "à":
        return None
    found = [m for m in table.by_token.get(k + 1, []) if m.kind == "number" and m.start == k + 1]
    return (found[0], or_equal) if len(found) == 1 else None


def _prompt(article: Article, adjective: Any, or_equal: bool) -> str | None:
    noun = adjective.head
    condition = noun.head
    main = condition.head
    # "s'il": the tagger reads "s'" as a reflexive pronoun as often as a conjunction
    marks = [c.lower_ for c in condition.children if c.i < condition.i and c.dep_ != "nsubj"]
    if noun.pos_ != "NOUN" or condition.dep_ != "advcl" or not set(marks) & _CONDITIONS:
        return None
    if any(c.lower_ in ("ne", "n'") for c in main.children):
        return None
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
        return None
    subject = subjects[0]
    named = [noun.i] + [c.i for c in noun.children if c.dep_ == "amod" and c.i != adjective.i]
    if sorted(named) != list(range(min(named), max(named) + 1)):
        return None
    said = _rule(article, main, subject, condition)
    if said is None:
        return None
    gender, number = noun_gender(noun), morph(noun, "Number", "Sing")
    words = f"{_WORDS[(adjective.lemma_, or_equal)]} {quel(gender, number)}"
    prompt = mend_slips(f"{words} {article.surface(named)} {said}") + " ?"
    return prompt if well_formed(prompt) and len(prompt.split()) <= 34 else None


def _rule(article: Article, main: Any, subject: Any, condition: Any) -> str | None:
    """ "un couple marié, avec ..., était-il considéré comme pauvre": the main clause with its
    subject and the verb inverted, without the condition."""
    doc = article.doc
    span = list(range(subject.left_edge.i, subject.right_edge.i + 1))
    auxes = sorted(c.i for c in main.children if c.dep_.startswith("aux"))
    finite = auxes[0] if auxes else main.i
    if morph(doc[finite], "VerbForm", "") != "Fin" or span[-1] >= finite:
        return None
    between = [t for t in range(span[-1] + 1, finite) if not doc[t].is_punct]
    if between:
        return None
    rest = [t for t in auxes[1:]] + ([main.i] if main.i != finite else [])
    for c in main.children:
        if c.i <= finite or c.i == condition.i or c.dep_ not in _KEPT_DEPS:
            if c.i > finite and c.dep_ not in ("punct", "advcl") and c.i != condition.i:
                return None  # a phrase the question cannot place
            continue
        rest += [t.i for t in c.subtree]
    for c in main.children:
        if c.i < span[0] and not (c.is_punct or c.lower_ in DISCOURSE_ADVERBS):
            return None  # something fronted the rule may need
    subject_text = lower_initial(article.surface(span))
    if "," in subject_text:
        subject_text += ","  # "un couple marié, avec à sa charge deux mineurs ...,"
    gender = noun_gender(subject)
    suffix = inversion_suffix(doc[finite].text, gender, morph(subject, "Number", "Sing"))
    return f"{subject_text} {doc[finite].text}{suffix} {article.surface(sorted(rest))}"
