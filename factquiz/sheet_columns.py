"""Which columns of a form export hold the student's name and which the answer to which item.

Google Forms and Microsoft Forms name each answer column by the question's text; Moodle and
hand-made sheets may use item ids. The student is found by the column's name (email first,
as it is unique; then first name + name). Columns that forms add around the answers
(timestamps, scores) are passed over quietly; any other column that matches no item is
reported.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from factquiz.bank import Bank
from factquiz.bank_rules import Problem
from factquiz.errors import Location
from factquiz.text import fold_basic


def _names(spec: str) -> frozenset[str]:
    return frozenset(spec.split("|"))


def _warn(problems: list[Problem], where: Location, message: str, hint: str = "") -> None:
    problems.append(Problem(where, message, "warning", hint))


def _error(problems: list[Problem], where: Location, message: str, hint: str = "") -> None:
    problems.append(Problem(where, message, "error", hint))


# Header names, folded with fold_basic, that say who the student is, by preference.
STUDENT_HEADERS = _names(
    "student|etudiant|etudiante|eleve|student id|username|identifiant|nom d utilisateur"
)
EMAIL_HEADERS = _names(
    "email|e mail|email address|e mail address|adresse e mail|adresse email|adresse mail"
    "|adresse de courriel|courriel|adresse de messagerie|mail"
)
NAME_HEADERS = _names(
    "name|nom|full name|nom complet|nom et prenom|prenom nom|nom prenom|last name|surname"
    "|nom de famille"
)
FIRST_NAME_HEADERS = _names("prenom|first name|given name")
# Columns that forms and Moodle add around the answers: read quietly past, never reported.
IGNORED_HEADERS = _names(
    "horodateur|timestamp|date|heure|id|start time|completion time|last modified time"
    "|heure de debut|heure de fin|heure de la derniere modification|started on|completed"
    "|commence le|termine|time taken|temps utilise|duree|state|etat|score|total score|note"
    "|points|total points|grade|group|groupe|groups|groupes|class|classe|institution"
    "|department|departement|feedback|commentaires|comments"
)
IGNORED_PREFIXES = ("note ", "grade ", "score ", "points ")  # Moodle: "Note/20,00"
CLOSE_PROMPT = 0.85


@dataclass(frozen=True)
class ColumnPlan:
    """Which columns of a CSV name the student and which hold the answer to which item."""

    width: int
    student_columns: tuple[int, ...]
    student_label: str
    items: tuple[str, ...]
    answer_columns: tuple[int, ...]


def plan_columns(
    header: list[str], bank: Bank, name: str, problems: list[Problem]
) -> ColumnPlan | None:
    """Match header cells to item ids or prompts and find the student column(s)."""
    roles, columns = _classify(header, _HeaderMatcher(bank), name, problems)
    student = _student_columns(roles)
    if not student:
        _error(
            problems,
            Location(name, 1),
            "no student column; file skipped",
            "name one column Nom, Name, Email, Adresse e-mail or student",
        )
        return None
    if not columns:
        _error(
            problems,
            Location(name, 1),
            "no column matches an item of the bank; file skipped",
            "name the columns by item id or by the question's text",
        )
        return None
    order = [it.id for it in bank.items if it.id in columns]
    label = " + ".join(header[i].strip() for i in student)
    return ColumnPlan(len(header), student, label, tuple(order), tuple(columns[i] for i in order))


def _classify(
    header: list[str], matcher: _HeaderMatcher, name: str, problems: list[Problem]
) -> tuple[dict[str, list[int]], dict[str, int]]:
    roles: dict[str, list[int]] = {"student": [], "email": [], "name": [], "first": []}
    columns: dict[str, int] = {}
    for col, cell in enumerate(header):
        at = Location(name, 1, col + 1)
        folded = fold_basic(cell)
        item_id = matcher.exact(cell)
        role = None if item_id else _identity_role(folded)
        if item_id is None and role is None and not _ignored(folded):
            item_id = matcher.close(folded, cell, at, problems)
        if role is not None:
            roles[role].append(col)
        elif item_id is not None and item_id in columns:
            _warn(
                problems,
                at,
                f"a second column for item {item_id!r}; ignored",
                f"column {columns[item_id] + 1} already holds it",
            )
        elif item_id is not None:
            columns[item_id] = col
    return roles, columns


def _identity_role(folded: str) -> str | None:
    for role, names in (
        ("student", STUDENT_HEADERS),
        ("email", EMAIL_HEADERS),
        ("name", NAME_HEADERS),
        ("first", FIRST_NAME_HEADERS),
    ):
        if folded in names:
            return role
    return None


def _ignored(folded: str) -> bool:
    return not folded or folded in IGNORED_HEADERS or folded.startswith(IGNORED_PREFIXES)


def _student_columns(roles: dict[str, list[int]]) -> tuple[int, ...]:
    # An email is unique where names are not; first name + name reads best when there is no email.
    if roles["student"]:
        return (roles["student"][0],)
    if roles["email"]:
        return (roles["email"][0],)
    return tuple(roles["first"][:1] + roles["name"][:1])


class _HeaderMatcher:
    def __init__(self, bank: Bank) -> None:
        self.ids = {it.id: it.id for it in bank.items}
        self.ids.update({f"{bank.id}/{it.id}": it.id for it in bank.items})
        prompts: dict[str, list[str]] = {}
        for it in bank.items:
            prompts.setdefault(fold_basic(it.prompt), []).append(it.id)
        # Two items with the same prompt cannot be told apart by a header.
        self.prompts = {p: ids[0] for p, ids in prompts.items() if len(ids) == 1}

    def exact(self, cell: str) -> str | None:
        return self.ids.get(cell.strip()) or self.prompts.get(fold_basic(cell))

    def close(self, folded: str, cell: str, at: Location, problems: list[Problem]) -> str | None:
        close = difflib.get_close_matches(folded, list(self.prompts), n=2, cutoff=CLOSE_PROMPT)
        if len(close) == 1:
            item_id = self.prompts[close[0]]
            _warn(
                problems,
                at,
                f"column {cell.strip()!r} read as item {item_id!r} (close wording)",
                "check it, or name the column by the item id",
            )
            return item_id
        _warn(
            problems,
            at,
            f"column {cell.strip()!r} matches no item of the bank; ignored",
            "name the column by item id or copy the question's text",
        )
        return None
