"""`html_events.replay` calls a parser's handlers exactly as html.parser's `feed` and `close` would, or leaves
the HTML to html.parser; Material's search index comes out the same either way."""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from material.plugins.search import plugin as material_search

from generator.checks.html_tags import article_span
from generator.mkdocs_ext import html_events, seam, search_memo
from tests.conftest import PROJECTS, Built, build_with_mkdocs


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.calls.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.calls.append(("startend", tag, attrs))

    def handle_endtag(self, tag):
        self.calls.append(("end", tag))

    def handle_data(self, data):
        self.calls.append(("data", data))

    def handle_comment(self, data):
        self.calls.append(("comment", data))


def _html_parser_calls(html: str) -> list[tuple]:
    parser = _Recorder()
    parser.feed(html)
    parser.close()
    return parser.calls


def _replayed_calls(html: str) -> list[tuple] | None:
    parser = _Recorder()
    return parser.calls if html_events.replay(parser, html) else None


PLAIN = [
    "", "just text", "<p>One &amp; two &lt;three&gt; &copy; &#169; &#xa9; &nosuch; & alone</p>",
    '<h2 id="a-b">Title <a class="headerlink" href="#a-b" title="Permanent link">&para;</a></h2>',
    "<P CLASS='x' Data-Source=\"s&quot;1\">Mixed case</P>", "<br/><br /><img src=x.png alt=''/>",
    '<input disabled><input value=a&amp;b>', '<a href="/x?a=1&amp;b=2" title="a > b">link</a>',
    "<div\nclass=\"multi\nline\"\n>text</div >", "<span  a=1   b = '2' c>x</span>", "<td>1</td\t>",
    "<p>ends with an ampersand &", "<p>ends with a reference &amp", "text > more text",
    '<a title="x\'y">q</a>', "<scripts>not a script</scripts>", "<x-y:z.w>custom</x-y:z.w>",
]
NOT_PLAIN = [
    "<!-- a comment --><p>x</p>", "<!DOCTYPE html><p>x</p>", "<?php x ?>", "<script>a<b</script>",
    "<style>p{}</style>", "a < b", "a <", "<p>x</ p>", "</>", "<a title='<b>'>x</a>",
    '<a b="c" d>', "<a href='x' '>", "<p>unclosed", "<div <span>",
]


@pytest.mark.parametrize("html", PLAIN)
def test_plain_html_is_replayed_as_html_parser_reads_it(html):
    assert _replayed_calls(html) == _html_parser_calls(html)


@pytest.mark.parametrize("html", NOT_PLAIN)
def test_other_html_is_left_to_html_parser(html):
    replayed = _replayed_calls(html)
    assert replayed is None or replayed == _html_parser_calls(html)
    if html.startswith(("<!", "<?", "<script", "<style")) or " < " in html:
        assert replayed is None


def test_every_built_pages_article_is_replayed_as_html_parser_reads_it(built: Built):
    articles = []
    for lang in ("en", "cy"):
        for page in built.page_files(lang):
            html = page.read_text(encoding="utf-8")
            start, end = article_span(html)
            articles.append(html[html.index(">", start) + 1:end - len("</article>")])
    replayed = [calls for calls in map(_replayed_calls, articles) if calls is not None]
    assert len(replayed) > 0.9 * len(articles) > 500
    assert all(_replayed_calls(html) in (None, _html_parser_calls(html)) for html in articles)


def test_a_sites_search_index_is_the_one_materials_parser_makes(built: Built, tmp_path, monkeypatch):
    project = PROJECTS / "cy" / "cardiff" / "mkdocs.yml"
    monkeypatch.setattr(search_memo, "_entries", search_memo._entries.emptied())
    replays = []
    original = html_events.replay
    monkeypatch.setattr(html_events, "replay", lambda parser, html: replays.append(original(parser, html))
                        or replays[-1])
    quick = build_with_mkdocs(project, tmp_path / "quick")
    assert material_search.Parser is search_memo.QuickParser
    assert sum(replays) > 0.9 * len(replays) > 15

    monkeypatch.setattr(search_memo, "_entries", search_memo._entries.emptied())
    with monkeypatch.context() as patched:
        seam.install()
        patched.setattr(material_search, "Parser", search_memo._Parser)  # Material's own, html.parser's reading
        materials = build_with_mkdocs(project, tmp_path / "materials")
    assert quick["search/search_index.json"] == materials["search/search_index.json"]


@pytest.mark.parametrize("content", ['<h1 id="a">A</h1><p data-search-exclude="x">Hidden</p><p>Shown</p>',
                                     '<h1 id="a">A</h1><p data-search-excluded>Kept as written</p>', "<p>Plain</p>"])
def test_the_search_plugins_page_step_does_what_materials_does(content, monkeypatch):
    """Material removes `data-search-*` attributes from a page's HTML after indexing it; ours looks for them
    only in HTML that has one."""
    monkeypatch.setattr(search_memo, "enabled", True)

    def run(step) -> tuple[str, list[str]]:
        indexed: list[str] = []
        index = SimpleNamespace(add_entry_from_context=lambda page: indexed.append(page.content))
        plugin = SimpleNamespace(config=SimpleNamespace(enabled=True), search_index=index)
        page = SimpleNamespace(content=content)
        assert step(plugin, {}, page=page, config={}, nav=None) is None
        return page.content, indexed

    assert run(search_memo.on_page_context) == run(search_memo._on_page_context)
