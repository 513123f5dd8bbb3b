"""The paper quiz: Markdown rendered by a CommonMark parser (markdown-it-py) and HTML parsed by
the stdlib; bank text with markup must come out as the same text, never as formatting."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factquiz.bank import Bank, load_bank
from factquiz.export import export_bank, format_named
from factquiz.export.paper import md_escape

DATA = Path(__file__).resolve().parent / "data" / "export"


class _Page(HTMLParser):
    """The text and the tags of an HTML page."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.chunks: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.chunks))


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "hostile.yaml")


def _render(markdown: str) -> _Page:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _Page(md.render(markdown))


def test_markdown_writes_a_sheet_and_an_answer_key_beside_it(bank, tmp_path):
    result = export_bank(bank, tmp_path / "quiz.md", format_named("markdown"))
    assert result.files == (tmp_path / "quiz.md", tmp_path / "quiz-answers.md")
    sheet = (tmp_path / "quiz.md").read_text(encoding="utf-8")
    key = (tmp_path / "quiz-answers.md").read_text(encoding="utf-8")
    assert "Kojemiako" not in sheet and "Preuve" not in sheet  # no answer given away
    assert "Oleg Kojemiako" in key and "Preuve" in key


def test_markup_in_bank_text_renders_as_itself_in_markdown(bank, tmp_path):
    export_bank(bank, tmp_path / "quiz.md", format_named("markdown"))
    sheet = _render((tmp_path / "quiz.md").read_text(encoding="utf-8"))
    key = _render((tmp_path / "quiz-answers.md").read_text(encoding="utf-8"))
    for item in bank.items:
        assert item.prompt in sheet.text
        assert item.prompt in key.text
        if item.evidence:
            assert item.evidence.quote in key.text
    for choice in bank.items[3].choices:
        assert choice in sheet.text
    assert sheet.tags.count("h1") == 1  # the title only: '# Que disait...' is no heading
    assert not {"a", "code", "em", "del", "table", "h2", "b", "blockquote"} & set(key.tags)
    assert sheet.tags.count("em") == 5  # our own instructions under choice questions only


@pytest.mark.parametrize(
    "text",
    ["*gras* _it_ `code`", "[lien](http://x.y)", "<b>x</b> &amp; &copy;", "# titre", "a | b ~~c~~",
     "\\*déjà échappé\\*", "1. liste", "- tiret", "> cite"],
)  # fmt: skip
def test_md_escape_renders_any_markup_as_text(text):
    page = _render(f"**1.** {md_escape(text)}")
    assert page.text.strip() == f"1. {text}"
    assert page.tags == ["p", "strong"]


def test_html_sheet_and_key_print_bank_text_as_text(bank, tmp_path):
    result = export_bank(bank, tmp_path / "quiz.html", format_named("html"))
    assert result.files == (tmp_path / "quiz.html", tmp_path / "quiz-answers.html")
    sheet = _Page((tmp_path / "quiz.html").read_text(encoding="utf-8"))
    key = _Page((tmp_path / "quiz-answers.html").read_text(encoding="utf-8"))
    for item in bank.items:
        assert item.prompt in sheet.text and item.prompt in key.text
    assert "b" not in sheet.tags + key.tags  # '<b>balisage</b>' stayed text
    assert sheet.tags.count("li") == len(bank.items) + 5 + 3 + 3 * 3  # questions + boxes
    assert "@media print" in sheet.text
