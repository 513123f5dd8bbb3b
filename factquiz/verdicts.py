"""Verdicts, and the one sentence that tells a student why an answer was accepted, refused or
sent to review, in French or English (the bank's language). No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from factquiz.dates import describe_date


@dataclass(frozen=True)
class Verdict:
    """The grade of one answer: band, credit, the answer it matched, and why."""

    verdict: str  # "correct" | "review" | "wrong"
    credit: float
    matched: str | None  # the preferred form of the accepted answer matched, or None
    reason: str


class Outcome(NamedTuple):
    """A verdict before its reason is written for a given response (decisions are cached
    per normalised response; the reason quotes each response as typed). A tuple: made for
    every decision, it must be cheap."""

    verdict: str
    credit: float
    matched: str | None  # the accepted answer matched: None unless accepted
    kind: str
    fields: tuple[tuple[str, str], ...] = ()
    shown: str | None = None  # what a reason quotes: the variant matched, or the closest

    def render(self, response: str, language: str) -> Verdict:
        """The verdict, its reason quoting `response` as the student typed it."""
        shown = self.shown or self.matched or ""
        text = _sentence(self.kind, language, response, shown, dict(self.fields))
        return Verdict(self.verdict, self.credit, self.matched, text)


_FR = {
    "exact": "Accepté : « {r} » est la réponse attendue.",
    "form": "Accepté : « {r} » est bien « {m} ».",
    "translit": "Accepté : « {r} » est une transcription de « {m} ».",
    "acronym": "Accepté : « {r} » est le sigle de « {m} ».",
    "typo": "Accepté : « {r} » est « {m} » avec une faute de frappe.",
    "question": "Accepté : « {r} » suffit, la question dit déjà « {a} ».",
    "contains": "Accepté : « {r} » contient « {m} ».",
    "surname": "Accepté : « {r} » est le nom de famille de « {m} ».",
    "surname_translit": "Accepté : « {r} » est une transcription de « {a} » ({m}).",
    "core": "Accepté : « {r} » désigne bien « {m} ».",
    "full_name": "Accepté : « {r} » sont le prénom et le nom de « {m} ».",
    "nickname": "Accepté : « {r} » est « {m} », avec un prénom abrégé.",
    "number_only": "Accepté : « {r} » donne le nombre de « {m} ».",
    "coarser_date": "Accepté : {a} est bien la date de {b} à l'échelle que demande la question.",
    "split": "Accepté : « {a} » est « {m} ».",
    "review": "À revoir : « {r} » ressemble à « {m} », mais « {a} » n'est pas « {b} ».",
    "partial_number": "À revoir : {a} est moins précis que {b}.",
    "number": "Refusé : {a} n'est pas {b}.",
    "number_missing": "Refusé : il manque {b}.",
    "number_short": "Refusé : {a} ne suffit pas, la question demande {b}.",
    "unit": "Refusé : l'unité « {a} » n'est pas « {b} ».",
    "token": "Refusé : « {r} » n'est pas « {m} » (« {a} » au lieu de « {b} »).",
    "partial": "Refusé : « {r} » ne suffit pas, il manque « {a} ».",
    "none": "Refusé : « {r} » ne correspond pas à « {m} ».",
    "empty": "Refusé : la réponse est vide.",
    "reject": "Refusé : « {r} » est une erreur connue pour cette question.",
    "entity": "Refusé : « {r} » désigne « {a} », pas « {m} ».",
    "first_name": "Refusé : « {r} » est une autre personne que « {b} » (« {a} »).",
    "surname_shared": "Refusé : « {r} » ne suffit pas, « {a} » porte aussi ce nom.",
    "hedge": "Refusé : « {a} » en plus de « {m} » est faux.",
    "all_found": "Accepté : les {n} réponses attendues y sont.",
    "all_partial": "Partiel : {k} des {n} réponses attendues ({a}).",
    "all_partial_wrong": "Partiel : {k} des {n} réponses attendues, et « {b} » est faux.",
    "all_none": "Refusé : aucune des {n} réponses attendues ({m}).",
    "choice_ok": "Accepté : le choix {n} (« {a} ») est le bon.",
    "choice_wrong": "Refusé : le choix {n} (« {a} ») n'est pas « {m} ».",
    "choice_unknown": "Refusé : « {r} » ne désigne aucun des choix ; la réponse est « {m} ».",
    "claim_ok": "Accepté : l'affirmation est bien {a}.",
    "claim_wrong": "Refusé : l'affirmation est {a}, pas {b}.",
    "claim_unknown": "Refusé : « {r} » n'est pas un verdict (vrai, faux ou absent des sources).",
}
_EN = {
    "exact": "Accepted: “{r}” is the expected answer.",
    "form": "Accepted: “{r}” is “{m}”.",
    "translit": "Accepted: “{r}” is a transliteration of “{m}”.",
    "acronym": "Accepted: “{r}” is the acronym of “{m}”.",
    "typo": "Accepted: “{r}” is “{m}” with a typo.",
    "question": "Accepted: “{r}” is enough, the question already says “{a}”.",
    "contains": "Accepted: “{r}” contains “{m}”.",
    "surname": "Accepted: “{r}” is the surname of “{m}”.",
    "surname_translit": "Accepted: “{r}” is a transliteration of “{a}” ({m}).",
    "core": "Accepted: “{r}” names “{m}”.",
    "full_name": "Accepted: “{r}” are the first and last names of “{m}”.",
    "nickname": "Accepted: “{r}” is “{m}” with a short first name.",
    "number_only": "Accepted: “{r}” gives the number in “{m}”.",
    "coarser_date": "Accepted: {a} is the date of {b} as precisely as the question asks.",
    "split": "Accepted: “{a}” is “{m}”.",
    "review": "Review: “{r}” looks like “{m}”, but “{a}” is not “{b}”.",
    "partial_number": "Review: {a} is less precise than {b}.",
    "number": "Rejected: {a} is not {b}.",
    "number_missing": "Rejected: {b} is missing.",
    "number_short": "Rejected: {a} is not enough, the question asks for {b}.",
    "unit": "Rejected: the unit “{a}” is not “{b}”.",
    "token": "Rejected: “{r}” is not “{m}” (“{a}” instead of “{b}”).",
    "partial": "Rejected: “{r}” is not enough, “{a}” is missing.",
    "none": "Rejected: “{r}” does not match “{m}”.",
    "empty": "Rejected: the answer is empty.",
    "reject": "Rejected: “{r}” is a known wrong answer to this question.",
    "entity": "Rejected: “{r}” names “{a}”, not “{m}”.",
    "first_name": "Rejected: “{r}” is another person than “{b}” (“{a}”).",
    "surname_shared": "Rejected: “{r}” is not enough, “{a}” has that name too.",
    "hedge": "Rejected: “{a}” besides “{m}” is wrong.",
    "all_found": "Accepted: all {n} expected answers are there.",
    "all_partial": "Partial: {k} of the {n} expected answers ({a}).",
    "all_partial_wrong": "Partial: {k} of the {n} expected answers, and “{b}” is wrong.",
    "all_none": "Rejected: none of the {n} expected answers ({m}).",
    "choice_ok": "Accepted: choice {n} (“{a}”) is right.",
    "choice_wrong": "Rejected: choice {n} (“{a}”) is not “{m}”.",
    "choice_unknown": "Rejected: “{r}” names none of the choices; the answer is “{m}”.",
    "claim_ok": "Accepted: the claim is indeed {a}.",
    "claim_wrong": "Rejected: the claim is {a}, not {b}.",
    "claim_unknown": "Rejected: “{r}” is not a verdict (true, false or not in the sources).",
}
_CLAIMS = {
    "fr": {
        "supported": "confirmée par les sources",
        "refuted": "contredite par les sources",
        "not_in_sources": "absente des sources",
    },
    "en": {
        "supported": "supported by the sources",
        "refuted": "refuted by the sources",
        "not_in_sources": "not in the sources",
    },
}
_NUMERIC_KINDS = {"number", "number_missing", "number_short", "partial_number", "coarser_date"}


def describe_numeric(token: str, language: str = "fr") -> str:
    """A canonical numeric token as a reader writes it: `2023-09-13` -> `13 septembre 2023`,
    `10e` -> `10th` (en), `1980s` -> `années 1980` (fr), `18c` -> `18e siècle` (fr),
    `1985~1993` -> `1985–1993`."""
    date = describe_date(token, language) if token[:1] in "-0123456789" else None
    if date is not None or not token[:1].isdigit():
        return date or token
    if "~" in token:
        return "–".join(describe_numeric(t, language) for t in token.split("~"))
    if token.endswith("s") and len(token) == 5:
        return token if language == "en" else f"années {token[:4]}"
    if token.endswith("c"):  # `18c`: the 18th century
        ordinal = describe_numeric(f"{token[:-1]}e", language)
        return f"{ordinal} century" if language == "en" else f"{ordinal} siècle"
    if token.endswith("e"):
        n = token[:-1]
        if language != "en":
            return "1er" if n == "1" else f"{n}e"
        suffix = {"1": "st", "2": "nd", "3": "rd"}.get(n[-1], "th")
        return f"{n}{'th' if n[-2:] in ('11', '12', '13') else suffix}"
    return token.replace(".", ",") if language != "en" else token


def shorten(text: str, limit: int = 60) -> str:
    """A response as quoted in a reason: one line, at most `limit` characters."""
    if len(text) <= limit and text.isprintable() and "  " not in text and text == text.strip():
        return text  # most answers: one line of single spaces (the only printable space)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_label(verdict: str, language: str) -> str:
    """`refuted` -> `contredite par les sources` (fr) or `refuted by the sources` (en)."""
    return _CLAIMS["en" if language == "en" else "fr"].get(verdict, verdict)


def reason(kind: str, language: str, response: str = "", matched: str = "", **fields: str) -> str:
    """The sentence for one kind of verdict; `fields` fill its `{a}`, `{b}`, `{n}`, `{k}`."""
    return _sentence(kind, language, response, matched, fields)


# Every field a sentence may name: one its verdict does not give is empty.
_NO_FIELDS = dict.fromkeys(("a", "b", "n", "k"), "")


def _sentence(kind: str, language: str, response: str, matched: str, fields: dict[str, str]) -> str:
    table = _EN if language == "en" else _FR
    if kind == "number_missing" and fields.get("a"):
        kind = "number_short"
    if kind in _NUMERIC_KINDS:
        fields = {k: describe_numeric(v, language) for k, v in fields.items()}
    r, m = shorten(response), shorten(matched)
    if kind == "exact" and r != m:
        kind = "form"
    values = {**_NO_FIELDS, **fields, "r": r, "m": m}
    return table.get(kind, table["none"]).format_map(values)
