"""The words an export prints around a bank's own text, in the bank's language.

French for French banks (factquiz's users), English for every other language. The verdict
labels also let an import recognise a claim that was exported as a three-way choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from factquiz.bank import Source
from factquiz.text import fold_basic


@dataclass(frozen=True)
class Wording:
    """Labels for one language."""

    verdicts: dict[str, str]
    answer: str
    accepted: str
    evidence: str
    source: str
    explanation: str
    name_line: str
    answer_key: str
    claim_instruction: str
    choice_instruction: str
    all_instruction: str
    never_accepted: str
    colon: str

    def label(self, text: str) -> str:
        """`text` followed by a colon as the language sets it (`Preuve :`, `Evidence:`)."""
        return f"{text}{self.colon}"


FRENCH = Wording(
    verdicts={
        "supported": "Confirmé par les sources",
        "refuted": "Démenti par les sources",
        "not_in_sources": "Absent des sources",
    },
    answer="Réponse",
    accepted="Aussi accepté",
    evidence="Preuve",
    source="Source",
    explanation="Explication",
    name_line="Nom : ______________________   Date : ____________",
    answer_key="Corrigé",
    claim_instruction="Cochez le verdict.",
    choice_instruction="Cochez la bonne réponse.",
    all_instruction="Cochez toutes les bonnes réponses.",
    never_accepted="Refusé",
    colon="\u00a0:",
)

ENGLISH = Wording(
    verdicts={
        "supported": "Supported by the sources",
        "refuted": "Refuted by the sources",
        "not_in_sources": "Not in the sources",
    },
    answer="Answer",
    accepted="Also accepted",
    evidence="Evidence",
    source="Source",
    explanation="Explanation",
    name_line="Name: ______________________   Date: ____________",
    answer_key="Answer key",
    claim_instruction="Tick the verdict.",
    choice_instruction="Tick the right answer.",
    all_instruction="Tick every right answer.",
    never_accepted="Not accepted",
    colon=":",
)


def wording_for(language: str) -> Wording:
    """French for `fr` and `fr-*` tags, English otherwise."""
    return FRENCH if language.lower().split("-")[0] == "fr" else ENGLISH


def verdict_from_labels(labels: list[str]) -> dict[str, str] | None:
    """If `labels` are exactly the three verdict labels of one language, map label -> verdict."""
    folded = {fold_basic(label): label for label in labels}
    if len(labels) != 3 or len(folded) != 3:
        return None
    for wording in (FRENCH, ENGLISH):
        by_label = {fold_basic(text): verdict for verdict, text in wording.verdicts.items()}
        if set(by_label) == set(folded):
            return {folded[key]: verdict for key, verdict in by_label.items()}
    return None


def source_label(source: Source | None, fallback: str = "") -> str:
    """`Title, Outlet, 2023-09-12, https://...`: what a reader needs to find the article."""
    if source is None:
        return fallback
    parts = [source.title, source.outlet, source.published, source.url]
    return ", ".join(p for p in parts if p) or source.id
