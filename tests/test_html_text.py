"""The article's text is read by pattern (quicker than html.parser over a thousand pages): it must read
what html.parser would, with each piece's context."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.checks.html_text import TextPiece, article_text

PAGE = """<html><head><title>Not article text</title></head><body><nav><a href="#">Menu 12</a></nav>
<article class="md-content__inner">
<h1 id="x">Fees &amp; allowances</h1>
<p>A fee of <span data-source="s1">£250&nbsp;a week</span> and <b>1,000</b> carers.</p>
<!-- a comment with 99 in it -->
<p>Dated <time datetime="2020-03-01">March 2020</time>; age <span DATA-CATEGORY="age">0-4</span>.</p>
<ul><li>One<li>Two</ul>
<script>var x = "5 &amp; 6";</script>
<div data-source='s2'><p>Nested 7<br/>after a break</p></div>
<span/>Self-closed, then text
</article><footer>Footer 2026</footer></body></html>"""


def test_text_pieces_and_their_context():
    pieces = article_text(PAGE[PAGE.index("<article"):PAGE.index("</article>") + len("</article>")])
    texts = [piece.text for piece in pieces]
    assert "Fees & allowances" in texts  # character references read
    assert "£250\xa0a week" in texts
    assert not any("Menu" in t or "Footer" in t or "99" in t for t in texts)  # only the article, no comments
    by_text = {piece.text: piece for piece in pieces}
    assert by_text["£250\xa0a week"].sourced and not by_text["1,000"].sourced
    assert by_text["March 2020"].exempt and by_text["0-4"].exempt  # attribute names in any case
    assert by_text['var x = "5 &amp; 6";'].exempt  # a script's text is raw, not unescaped
    assert by_text["Nested 7"].sourced and by_text["after a break"].sourced  # inherited, past a void tag
    # Pieces of one paragraph share its block number; an unclosed <li> ends where its list ends.
    assert by_text["A fee of "].block == by_text["1,000"].block != by_text["Dated "].block
    assert by_text["One"].block != by_text["Two"].block
    assert by_text["Self-closed, then text\n"].block == -1


def test_reads_as_html_parser_does():
    """The same pieces as a reader built on html.parser (how the text was read before)."""

    class Reference(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.texts, self.depth = [], 0

        def handle_starttag(self, tag, attrs):
            self.depth += tag == "article"

        def handle_endtag(self, tag):
            self.depth -= tag == "article"

        def handle_data(self, data):
            if self.depth and data.strip():
                self.texts.append(data)

    reference = Reference()
    reference.feed(PAGE)
    assert [piece.text for piece in article_text(PAGE)] == reference.texts
    assert all(isinstance(piece, TextPiece) for piece in article_text(PAGE))
