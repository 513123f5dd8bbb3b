"""Is a question specific and worth asking? The filters behind `ranking.rejection`.

A when or where question on a subject and a verb alone is too bare to have one answer; an
answer that did what someone else also did ("a également averti") is not the only one; an
indefinite description ("une ONG") names nothing; attributed words that are the journalist's
narration are no quotation (trivia, which a student guesses, is `trivia.trivial`).
`polished` mends what a prompt or an answer copies badly from the source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factquiz.generate.competitors import nations
from factquiz.generate.questions import WHEN_WHERE, Question
from factquiz.generate.realise import mend_slips
from factquiz.text import fold_basic


def _vocabulary(words: str) -> frozenset[str]:
    """Folded words, hyphens kept as spaces ("porte parole")."""
    return frozenset(fold_basic(w) for w in words.split())


WHO = {"person", "organisation", "speaker"}
_FUNCTION_WORDS = _vocabulary(
    "le la les un une des du de d au aux a en et ou ni que qu qui quoi dont se s sa son ses "
    "leur leurs ce cet cette ces il elle ils elles on y ne n pas plus par pour sur dans avec "
    "sans sous entre vers chez lors est sont ete etre etait etaient ont avait avaient aura "
    "auront sera seront serait seraient aurait auraient fut va vont t quel quelle quels "
    "quelles quand combien comment pourquoi selon apres avant depuis pendant"
)
# Nouns an interrogative carries ("Quel jour", "De quel pays"), and the compass points of a
# region ("dans l'est de la Russie"): they narrow the answer, not which event is asked.
_WH_NOUNS = _vocabulary(
    "jour annee mois date heure pays ville lieu endroit region nord sud est ouest centre "
    "nord-est nord-ouest sud-est sud-ouest"
)
# Titles beside a name ("le président russe Vladimir Poutine") say who, not which event.
_TITLES = _vocabulary(
    "president presidente dirigeant dirigeante ministre chef leader porte parole "
    "secretaire roi reine directeur directrice gouverneur porte-parole"
)
_AUXILIARIES = _vocabulary("a ont est sont avait avaient etait etaient aura auront sera seront")
_WORD = re.compile(r"(?:\b([lLdD])['’])?([\w-]+)")
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$")
WEEKDAY_ANSWER = re.compile(
    r"^(?:tot |ce |dans la nuit de )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?: matin| soir| midi| apres midi)?$"
)
_PLACE_ANCHOR = re.compile(r"\b(?:à|en|au|aux|dans|près de)\s+(?:l['’])?[A-ZÀ-Ý]")
# "X a également averti la Russie": someone else did it too, "Qui a averti" has two answers.
_ALSO = re.compile(r"^(?:\S+\s+){0,3}?(?:egalement|aussi|de son cote|de leur cote|a son tour)\b")
_INDEFINITE = re.compile(r"^(?:un|une|des|d')\s", re.I)
_INDEFINITE_SUBJECT = re.compile(
    r"^(?:[^,?]*,\s)?(?:\w+\s)?(?:Quand|Où|Comment|Pourquoi|Quel jour|En quelle année"
    r"|Combien de \w+|Quel(?:le)?s?\s\w+)\s+(?:un|une)\s[^?]*?-(?:t-)?(?:il|elle)\b"
)
# "de presse", "d'armement": a noun with no article after "de" makes one compound kind.
_COMPOUND = re.compile(r"\s(?:de\s|d['’])(?!(?:la|le|les|l['’]|un|une|des)\b)[a-zà-ÿ]+\b")
_REPORTED_POSSESSIVE = re.compile(r"\bqu(?:e\s|['’])(?:[^«]*?\s)?(?:son|sa|ses)\s", re.I)
_GROUP = re.compile(
    r"\bles (?:militaires|analystes|experts|autorités|responsables|médias|observateurs"
    r"|spécialistes|diplomates|soldats)\b"
)
# "les militaires sud-coréens", "les analystes de l'Institut", "les experts cités par X"
_GROUP_QUALIFIED = re.compile(
    r"\s+(?:[a-zà-ÿ-]+(?:ain|aine|ains|aines|ais|aise|aises|ien|ienne|iens|iennes|éen|éenne"
    r"|éens|éennes|ois|oise|oises|ique|iques)\b(?!-)|de\s|du\s|des\s|d['’]|[A-ZÀ-Ý])"
)
_REACTION = re.compile(
    r"^Qui (?:a|ont) (?:exprimé (?:son|sa|leur)|condamné|dénoncé|salué|critiqué|déploré)\b"
)
_COMPANY = re.compile(r"\baccompagnée?s?\b", re.I)
# "plus terrestres" compares; "plus de trois ans", "pas moins de neuf personnes" hedge a figure.
_COMPARATIVE = re.compile(
    r"\b(?:plus|moins|davantage)\s+(?!d(?:e\s+|['’])(?:\d|(?:un|une|deux|trois|quatre|cinq|six"
    r"|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante"
    r"|cinquante|soixante|cent|mille)\b))[a-zà-ÿ]+",
    re.I,
)
_COMPLEMENT = re.compile(r"\b(?:de|du|des|à|au|aux|en)\s|\bd['’]|\d|\s[A-ZÀ-Ý]")
NARRATION = re.compile(r"\bqu(?:e\s|['’]).*?\s:\s*«")
_NATIONAL_BODY = re.compile(
    r"^(?:Selon [^,]+, )?Quel(?:le)?s? (?:agence(?: de presse)?|journal|quotidien|chaîne"
    r"|société|entreprise|compagnie|firme|banque|ONG|organisation|association|fondation"
    r"|institut|université) (?P<nation>[a-zà-ÿ-]+) (?=[a-zà-ÿ])"
)
_ASKED_NOUN = re.compile(r"^(?:[^,?]*,\s)?(?:\w+\s)?[Qq]uel(?:le)?s?\s+([\w-]+)")
_UN_LONG = re.compile(r"\bdes Nations [Uu]nies\b")
_UN_SHORT = re.compile(r"\bde l['’]ONU\b")
_COURTESY = re.compile(r"^(?:Mr\.?|Mrs\.?|Ms\.?|Mme|M\.)\s+(?=[A-ZÀ-Ý])")


def content_words(text: str) -> list[str]:
    """The words that carry meaning, as written: no articles, prepositions, pronouns or
    auxiliaries; a word after an elided "l'" or "d'" is a noun ("l'est")."""
    out = []
    for elided, word in _WORD.findall(text):
        word = _INVERTED.sub("", word)
        if elided or fold_basic(word) not in _FUNCTION_WORDS and fold_basic(word):
            out.append(word)
    return out


def _anchors(prompt: str) -> int:
    """How many common words pin the event down beyond its verb, the interrogative's noun,
    names and titles: "Où Poutine se rendra-t-il ?" has none."""
    words = prompt.removesuffix("?").split()
    inverted = next((i for i, w in enumerate(words) if _INVERTED.search(w)), None)
    verb = set()
    if inverted is not None:
        stem = fold_basic(_INVERTED.sub("", words[inverted]).split("'")[-1])
        verb.add(inverted)
        if stem in _AUXILIARIES:  # "a-t-il rencontré": the participle is the verb too
            after = [i for i in range(inverted + 1, len(words)) if content_words(words[i])]
            verb.update(after[:1])
    count, title = 0, False
    for i, word in enumerate(words):
        for w in content_words(word) if i not in verb else ():
            folded = fold_basic(w)
            if w[:1].isupper() or folded in _WH_NOUNS:
                continue
            if folded in _TITLES or title:  # "président russe": a title and its adjective
                title = not title
                continue
            count += 1
    return count


def too_bare(q: Question) -> bool:
    """Too little context to have one answer: a when or where question on a subject and a
    verb ("Quand Kim a-t-il rencontré Poutine ?"), a bare weekday asked without a place or
    a detailed event, or a prompt of two meaningful words ("Qui a averti la Russie ?")."""
    if q.identity:
        return False
    inverted = any(_INVERTED.search(w) for w in q.prompt.split())
    if q.kind in WHEN_WHERE and inverted and _anchors(q.prompt) == 0:
        return True
    weekday = WEEKDAY_ANSWER.match(fold_basic(q.answers[0][0]))
    if weekday and not _PLACE_ANCHOR.search(q.prompt) and _anchors(q.prompt) < 3:
        return True
    if q.kind == "thing" and _open_what(q.prompt):
        return True
    body = q.prompt.removesuffix("?").split()[1:]
    nameless = not any(w[:1].isupper() or w[:1].isdigit() for w in body)
    if q.kind == "person" and nameless and len(content_words(" ".join(body))) <= 3:
        return True  # "Qui craignait les voyages en avion ?": who, in which story?
    return q.kind != "speaker" and len(content_words(q.prompt.removesuffix("?"))) < 3


def _open_what(prompt: str) -> bool:
    """ "Qu'est-ce que François Hollande demandait ?" (a verb and nothing it bears on) and
    "Qu'est-ce qui a été développé par une société privée ?" (no name, no figure): many
    things fit, so the question has no single answer."""
    body = prompt.removesuffix("?").split()[1:]
    named = any(w[:1].isupper() or w[:1].isdigit() for w in body)
    if prompt.startswith("Qu'est-ce qui"):
        return not named
    if not prompt.startswith("Qu'est-ce qu"):
        return False
    common = [w for w in content_words(" ".join(body)) if not w[:1].isupper()]
    last_name = max((i for i, w in enumerate(body) if w[:1].isupper()), default=-1)
    verb_at = max((i for i, w in enumerate(body) if w in common), default=-1)
    return len(common) <= 1 and last_name < verb_at


def someone_else_too(q: Question) -> bool:
    """The answer did what the prompt says "also" (également, aussi, de son côté): someone
    else in the article did it too, so the question has two answers."""
    if q.identity:
        return False
    quote = f" {fold_basic(q.quote)} "
    if q.kind in ("place", "thing", "direction"):
        return _also_before(quote, q.answers[0])
    if q.kind not in WHO:
        return False
    for variant in q.answers[0]:
        folded = fold_basic(variant)
        at = quote.find(f" {folded} ") if len(folded) >= 3 else -1
        if at >= 0 and _ALSO.match(quote[at + len(folded) + 2 :]):
            return True
    return False


def _also_before(quote: str, answer: tuple[str, ...]) -> bool:
    """ "il a également été mis en place à l'hôpital Sao Joao": a place or thing that comes
    after "également" in its clause is one of several (the metro too)."""
    for variant in answer:
        folded = fold_basic(variant)
        at = quote.find(f" {folded} ") if len(folded) >= 3 else -1
        if at < 0:
            continue
        clause = re.split(r"[,;:]", quote[:at])[-1].split()[-8:]
        if {"egalement", "aussi"} & set(clause):
            return True
    return False


def indefinite(q: Question) -> bool:
    """An answer naming no one in particular ("une ONG", "un député"), or a prompt whose
    subject does not ("Quand un député a-t-il ..."): not one answer."""
    if q.kind in WHO | {"place"} and _INDEFINITE.match(q.answers[0][0]):
        return True
    return bool(_INDEFINITE_SUBJECT.match(q.prompt))


def vague_description(q: Question) -> bool:
    """ "Qui est le député touareg ?", "Comment s'appelle l'agence américaine ?": a title or
    a kind with no complement, or an indefinite one, fits many, not the one in the article.
    A compound kind ("l'agence de presse") is no complement: with a country it names one
    ("l'agence de presse japonaise"), with "étatique" alone it does not."""
    if not q.identity or q.kind == "role":
        return False
    described = re.sub(r"^(?:Qui est|Comment s'appellen?t?)\s+", "", q.prompt).removesuffix("?")
    if re.search(r"\bd['’]une?\s|\bde (?:plusieurs|nombreu)", described):
        return True  # "la présidente d'une ONG": which one?
    bare = _COMPOUND.sub(" ", described)
    if _COMPLEMENT.search(f" {bare.strip()[1:]} "):
        return False
    return bare == described or not nations(described)


def dangling_possessive(q: Question) -> bool:
    """ "Quelle agence a indiqué que son train s'était dirigé vers le nord ?": whose train? A
    possessive in reported words, with nobody named before it, points to the paragraph."""
    if q.kind != "speaker":
        return False
    found = _REPORTED_POSSESSIVE.search(q.prompt)
    if found is None:
        return False
    before = q.prompt[: found.end()].split()[1:-1]  # up to the possessive
    return not any(w[:1].isupper() for w in before)


def unnamed_group(q: Question) -> bool:
    """ "Dans quelles zones les militaires ont-ils observé ... ?": which military? A group
    named by its trade alone ("les militaires", "les analystes") is not one group."""
    found = _GROUP.search(q.prompt)
    return bool(found) and not _GROUP_QUALIFIED.match(q.prompt[found.end() :])


def one_of_many(q: Question) -> bool:
    """ "De qui Kim est-il accompagné ?": a companion is one of a party; "Qui a exprimé son
    inquiétude ... ?": a reaction is voiced by many. The article names others either way."""
    if q.kind not in ("person", "organisation"):
        return False
    return bool(_COMPANY.search(q.prompt) or _REACTION.match(q.prompt))


def adjective_asked(q: Question) -> bool:
    """ "Quels militaires ... ?" -> "les militaires sud-coréens", "Dans quelles zones ... ?" ->
    "les zones frontalières": the answer is the asked noun and one adjective, which the story
    gives away (who fires on North Korean soldiers at the border?)."""
    asked = _ASKED_NOUN.search(q.prompt)
    if q.kind not in ("thing", "place") or asked is None:
        return False
    words = re.sub(r"^(?:(?:les|la|le)\s+|l['’])", "", q.answers[0][0], flags=re.I).split()
    if len(words) != 2 or words[1][:1].isupper():
        return False
    return fold_basic(words[0]) == fold_basic(asked.group(1))


def unfinished_comparison(q: Question) -> bool:
    """ "des activités plus terrestres": more than what? An answer that compares without its
    "que" means nothing out of its paragraph."""
    answer = q.answers[0][0]
    if not _COMPARATIVE.search(answer):
        return False
    after = q.quote.split(answer, 1)[-1] if answer in q.quote else ""
    return not re.search(r"\bqu(?:e\b|['’])", after)


def polished(q: Question) -> Question:
    """The question with its slips mended: a participle misspelt in the source ("ont
    périt"), an English courtesy title ("Mr Saputo" is asked "M. Saputo", answered
    "Saputo")."""
    prompt = _by_deed(mend_slips(q.prompt), q.kind)
    answers = tuple(_un_forms(_without_courtesy(a)) for a in q.answers)
    if prompt == q.prompt and answers == q.answers:
        return q
    return replace(q, prompt=prompt, answers=answers)


def _by_deed(prompt: str, kind: str) -> str:
    """ "Quelle agence de presse sud-coréenne a publié une photo ... ?" names its one holder
    by the nationality (Yonhap, guessed without reading); "Quelle agence de presse a publié
    une photo ... ?" asks the body for its deed, among rivals of every country."""
    found = _NATIONAL_BODY.match(prompt)
    if kind != "organisation" or found is None or not nations(found.group("nation")):
        return prompt
    return prompt[: found.start("nation")] + prompt[found.end("nation") + 1 :]


def _un_forms(answer: tuple[str, ...]) -> tuple[str, ...]:
    """ "Conseil de sécurité des Nations unies" is also "Conseil de sécurité de l'ONU": both
    are right answers, and neither may be offered as a wrong choice beside the other."""
    out = list(answer)
    for variant in answer:
        out.append(_UN_LONG.sub("de l'ONU", variant))
        out.append(_UN_SHORT.sub("des Nations unies", variant))
    return tuple(dict.fromkeys(out))


def _without_courtesy(answer: tuple[str, ...]) -> tuple[str, ...]:
    """ "Mr Saputo" -> "Saputo", "M. Saputo"; "M. Peskov" stays a variant after "Peskov"."""
    out: list[str] = []
    for variant in answer:
        bare = _COURTESY.sub("", variant)
        if bare == variant:
            out.append(variant)
        else:  # English titles are not French usage: "M." replaces them
            out += [bare, f"M. {bare}" if variant.startswith(("Mr", "Ms")) else variant]
    return tuple(dict.fromkeys(v for v in out if v))
