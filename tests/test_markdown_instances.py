"""Pages are converted as MkDocs converts them (generator/mkdocs_ext/markdown_instances.py): here, the anchors
found in a page's raw HTML, which MkDocs checks links to sections against, are those MkDocs' own processor finds, also
where the quicker processor skips parsing the page."""

from __future__ import annotations

import pytest
from mkdocs.structure.pages import _RawHTMLPreprocessor

from generator.mkdocs_ext import markdown_instances
from generator.mkdocs_ext.markdown_instances import _RawHTMLAnchors
from tests.conftest import PROJECTS, Built

TEXTS = [
    "No markup at all: an id, a name, ID and NAME as words.",
    '<a id="top">Top</a>',
    "<div ID='upper'>x</div>",
    "<a name=bare>old anchor</a>",
    '<span name="not-an-a">a name on a span is not an anchor</span>',
    "<p id>an id without a value</p>",
    '<img src="x.png"/id="after-a-slash">',
    '<p\nid="on-the-next-line">',
    '<p\tname="tab" data-id="d" title="id">',
    "<p data-id='x' aria-describedby=\"name\">no anchor: the words are only values or parts of names</p>",
    '<table><tr><td id="cell">1</td></tr></table>\n\n* a list\n',
    '<a href="#x" id = "spaced">',
    "<section id=last",
    "<!-- <a id=\"in-a-comment\"> -->",
    "<script>var s = '<a id=\"in-a-script\">';</script>",
]


def anchors(processor: _RawHTMLPreprocessor, text: str) -> set[str]:
    processor.run(text.split("\n"))
    return processor.present_anchor_ids


@pytest.mark.parametrize("text", TEXTS)
def test_the_anchors_of_raw_html_are_those_mkdocs_finds(text):
    assert anchors(_RawHTMLAnchors(), text) == anchors(_RawHTMLPreprocessor(), text)


def test_every_generated_page_has_the_anchors_mkdocs_finds_and_most_are_not_parsed(built: Built, monkeypatch):
    parsed = []
    monkeypatch.setattr(_RawHTMLPreprocessor, "run",
                        lambda self, lines, own=_RawHTMLPreprocessor.run: parsed.append(1) or own(self, lines))
    pages = sorted(PROJECTS.glob("*/*/docs/**/*.md"))
    with_anchors = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        mkdocs_found = anchors(_RawHTMLPreprocessor(), text)
        before = len(parsed)
        assert anchors(_RawHTMLAnchors(), text) == mkdocs_found, page
        with_anchors += bool(mkdocs_found)
        assert (len(parsed) > before) == bool(markdown_instances._MAYBE_ANCHOR_ATTRIBUTE.search(text)), page
    parsed_again = len(parsed) - len(pages)
    assert with_anchors > 0, "no generated page has an anchor in its raw HTML: the comparison shows little"
    assert parsed_again < len(pages) / 2, f"{parsed_again} of {len(pages)} pages were parsed"
