"""A name given with its acronym is accepted either way, each written as the article writes
it: a student's answer list never shows a name in capitals without its accents."""

from __future__ import annotations

ARTICLE = (
    "La Communauté économique des États de l'Afrique de l'Ouest (CEDEAO) a organisé un sommet "
    "à Abuja samedi. Le président nigérian a reçu les délégations. La CEDEAO a envoyé "
    "3 000 soldats au Mali en mars."
)
NAME = "Communauté économique des États de l'Afrique de l'Ouest"


def test_a_name_and_its_acronym_answer_for_each_other_as_written(questions_of) -> None:
    answers = [a for q in questions_of(ARTICLE) for a in q.answers if "CEDEAO" in a or NAME in a]
    assert answers, "no question on the CEDEAO"
    for answer in answers:
        assert "CEDEAO" in answer and NAME in answer
        assert not any(v.isupper() and " " in v for v in answer)  # no "COMMUNAUTE ECONOMIQUE"
