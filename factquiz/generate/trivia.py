"""Is an answer trivia a student guesses without reading? The headline gives it, it names
the article's main subject or a leader every student knows, or it is general knowledge (the
host year of the Olympics, who adopts UN resolutions), a standing rule, a bare weekday, the
venue that only sets the scene. `trivial` says which; `ranking` drops those questions."""

from __future__ import annotations

import re
from collections.abc import Mapping

from factquiz.generate.competitors import nations
from factquiz.generate.french_numbers import is_number_word
from factquiz.generate.mentions import surname_key
from factquiz.generate.questions import Question
from factquiz.generate.specificity import WEEKDAY_ANSWER, WHEN_WHERE, WHO, content_words
from factquiz.text import fold_basic

_NAMES_IN = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*(?:\s+(?:du|de|des|de la)?\s*[A-ZÀ-Ý][\w'’-]*)*")
_ATLAS = re.compile(
    r"\b(?:kilomètres|km|milles)\b.*\b(?:situé|située|situés|situées|se trouve|se trouvent)\b"
)
# "Quel président demandait une enquête ?": a country's leader, whom every student knows.
_HEAD_OF_STATE = re.compile(
    r"^(?:[^,?]*,\s)?Quel(?:le)?\s+(?:président|présidente|roi|reine|pape|chancelier|chancelière"
    r"|premier ministre|première ministre)\b(?!\s+(?:de|du|des)\b|\s+d['’])"
)
# A recurring event named with its year's host ("les jeux olympiques de Rio de Janeiro"):
# its year or host is in every almanac, not learned from the article.
_CALENDAR_EVENT = re.compile(
    r"\b(?i:jeux olympiques|JO|jeux paralympiques|coupe du monde|exposition universelle"
    r"|championnats? du monde)(?:\s+d['’]\w+|\s+de \w+)?\s+(?:de|d['’]|à|au|en)\s*[A-ZÀ-Ý]"
)
# "les candidats ayant des notes comprises entre 8 et 10 devront ...": an obligation on a
# class defined by a condition is a standing rule, which readers know without the article.
_STANDING_RULE = re.compile(
    r"\b(?:les|des|tous les|toutes les) [\w-]+ (?:ayant|dont les)\b.*"
    r"\b(?:devront|doivent|devaient|devraient)(?:-(?:t-)?(?:ils|elles))?\b"
)
# "Par qui la résolution ... a-t-elle été adoptée ?" (the Security Council), "Par qui le
# rapport sur les revenus des ménages a-t-il été établi ?" (INSEE): the kind of document
# names the body that makes it, which readers knew without the article.
_ACT_OF_OFFICE = re.compile(
    r"^Par qui (?:la |le |les |l['’])(?:résolution|loi|décret|rapport|traité|règlement"
    r"|directive|ordonnance)s?\b"
)
# "Où a eu lieu le congrès ... ?" when the sentence's news is what was said there ("devant le
# congrès de la Mutualité française réuni à Nice, François Hollande demandait ...").
_VENUE_ASKED = re.compile(r"^Où (?:a eu lieu|s'est tenue?|se tenait|se tient|se tiendra) (.+?) \?$")
_SETTING = re.compile(r"\b(?:devant|lors d[eu]|lors de la|au cours d[eu]|en marge d[eu])\b")


def trivial(q: Question, known: Mapping[str, float]) -> str | None:
    """Why the answer is trivia (None when it is not): the headline gives it, it names the
    article's main subject or the country's leader, which a student guesses without reading,
    or it is a bare weekday ("Quel jour ... ?" -> "vendredi"), which tells nothing."""
    if q.kind == "role":
        return None
    if q.kind in WHO and _HEAD_OF_STATE.match(q.prompt):
        return "head of state"
    if q.kind == "number" and _ATLAS.search(q.prompt):
        return "atlas fact"  # how far a town lies from another is in the atlas, not the news
    if q.kind in ("organisation", "person") and _ACT_OF_OFFICE.match(q.prompt):
        return "general knowledge"  # a UN resolution's adopter, a household survey's author
    if q.kind == "place" and _peripheral_venue(q):
        return "venue"
    if _STANDING_RULE.search(q.prompt):
        return "standing rule"  # what "les candidats ayant 8 à 10" must do: the rules, not news
    if q.kind in ("year", "place") and _CALENDAR_EVENT.search(q.prompt):
        return "general knowledge"  # "les jeux olympiques de Rio" are 2016 in every almanac
    if q.kind in WHEN_WHERE and WEEKDAY_ANSWER.match(fold_basic(q.answers[0][0])):
        return "weekday"  # "mardi": the article's date is not shown, the weekday tells nothing
    folded = [fold_basic(v) for v in q.answers[0]]
    headline = getattr(known, "headlines", {}).get(q.source_id)
    if headline and _in_headline(q.answers[0], f" {headline} "):
        return "in headline"
    subjects = getattr(known, "subjects", {}).get(q.source_id, frozenset())
    keys = {person_key(f) if q.kind in ("person", "speaker") else f for f in folded}
    # "le dirigeant nord-coréen Kim Jong Un" names the protagonist behind a title.
    titled = q.kind not in WHO and any(
        f.endswith(f" {name}") for f in folded for name in known if " " in name
    )
    if (keys & subjects or titled) and not _one_voice_of_many(q, known):
        return "main subject"
    # "la puissance de la Russie", "toute vente d'armes à la Corée du Nord": a thing whose
    # only name is the article's main subject is the story itself, guessed without reading.
    if q.kind in ("thing", "place") and subjects:
        answer = q.answers[0][0]
        named = {fold_basic(n) for n in _NAMES_IN.findall(answer)}
        if named and all(any(n == s or n in s.split() for s in subjects) for n in named):
            return "main subject"
        # "à la frontière russe" in an article about Russia: the adjective is the subject.
        if not named and nations(answer) and nations(answer) <= subjects:
            return "main subject"
    return None


def _one_voice_of_many(q: Question, known: Mapping[str, float]) -> bool:
    """ "Qui a affirmé que ... ?" in an article that quotes its sporting director among
    three or more people: who said which is read, not guessed, unless the speaker is a
    figure every student knows (Kim, Poutine)."""
    if q.kind != "speaker" or len(q.answers[0][0].split()) < 2:
        return False
    named = getattr(known, "people_named", {}).get(q.source_id, 0)
    cost = max((known.get(person_key(fold_basic(v)), 0.0) for v in q.answers[0]), default=0.0)
    return named >= 3 and cost < 0.35


def _peripheral_venue(q: Question) -> bool:
    """The place of a meeting that only sets the scene of the sentence's news: readers call
    the venue peripheral."""
    asked = _VENUE_ASKED.match(q.prompt)
    if asked is None:
        return False
    words = [w for w in fold_basic(asked.group(1)).split() if w not in ("le", "la", "les", "l")]
    quote = fold_basic(q.quote)
    setting = _SETTING.search(quote)
    return bool(words and setting and words[0] in quote[setting.end() :].split()[:4])


def _in_headline(answer: tuple[str, ...], headline: str) -> bool:
    """The headline holds the answer, or its head noun and another of its words, singular
    or plural ("la crise économique et financière de 2009" under "la crise financière
    touche ...", "la mort de neuf personnes" under "Neuf morts dans les Alpes")."""
    folded = [fold_basic(v) for v in answer]
    if any(f" {f} " in headline for f in folded if len(f) >= 3 or f.isdigit()):
        return True
    shown_words = {_singular(w) for w in headline.split()}
    figures = [f for f in folded if f.isdigit() or is_number_word(f) and f not in ("un", "une")]
    if any(f in shown_words for f in figures):
        return True  # "9 personnes" under "Neufs morts ...": the figure is read off the headline
    words = [_singular(fold_basic(w)) for w in content_words(answer[0])]
    shown = [w for w in words if w in shown_words]
    if len(words) >= 2 and words[0] in shown and len(shown) >= 2:
        return True
    # "les notes de 28 banques espagnoles" under "Moody's dégrade 28 banques espagnoles": a
    # figure with its noun in the headline gives the answer away, whatever noun heads it.
    counted = re.findall(r"\b(\d[\d\s,.]*)\s+(\w+)", fold_basic(answer[0]))
    singular = f" {' '.join(_singular(w) for w in headline.split())} "
    return any(f" {n.strip()} {_singular(w)} " in singular for n, w in counted)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def person_key(folded: str) -> str:
    """A name as `protagonists` keys it: a single word as is, a full name whole."""
    return folded if " " in folded else surname_key(folded)
