"""Reads the text of a built page's article (the page body), remembering what surrounds each piece.

The article is read by pattern, as html.parser would read it (tags, end tags, comments, the raw text of
<script> and <style>, character references), in one quick pass.
"""

from __future__ import annotations

import re
from html import unescape
from typing import NamedTuple

from generator.checks.html_tags import MARKUP, Tag

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd", "blockquote"}
_EXEMPT = {"time", "code", "script", "style"}
_MARKUP = re.compile(MARKUP + r"|</([a-zA-Z][^\s/>]*)\s*>", re.S | re.I)  # and end tags


class TextPiece(NamedTuple):  # a tuple: made for every piece of text of every page
    text: str
    sourced: bool  # inside an element carrying data-source
    exempt: bool  # inside <time>, <code>, <script>, <style> or a data-category element: not prose
    block: int  # which block element (paragraph, list item...) it belongs to, -1 if none


def article_text(html: str) -> list[TextPiece]:
    """The pieces of text inside the <article> of html (the article itself, or a page holding one)."""
    reader = _Reader()
    position = 0
    for match in _MARKUP.finditer(html):
        reader.data(html[position:match.start()])
        position = match.end()
        raw, raw_attributes, content, name, attributes, end = match.groups()
        if raw:
            reader.start(raw.lower(), raw_attributes)
            reader.data(content, escaped=False)
            reader.end(raw.lower())
        elif name:
            reader.start(name.lower(), attributes)
            if attributes.endswith("/"):  # written <tag ... />: opened and closed at once
                reader.end(name.lower())
        elif end:
            reader.end(end.lower())
    reader.data(html[position:])
    return reader.pieces


class _Reader:
    def __init__(self) -> None:
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, sourced, exempt)
        self.pieces: list[TextPiece] = []
        self.in_article = 0
        self.blocks = 0
        self.block_stack: list[int] = []

    def start(self, tag: str, attributes: str) -> None:
        if tag in _VOID:
            return
        names = Tag(tag, attributes).values() if "data-" in attributes.lower() else {}
        sourced = bool(self.stack and self.stack[-1][1]) or "data-source" in names
        # Dates, code, and categories rendered from data definitions (age bands) are not figures.
        exempt = bool(self.stack and self.stack[-1][2]) or tag in _EXEMPT or "data-category" in names
        self.stack.append((tag, sourced, exempt))
        if tag == "article":
            self.in_article += 1
        if tag in BLOCKS:
            self.blocks += 1
            self.block_stack.append(self.blocks)

    def end(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            top = self.stack.pop()[0]
            if top == "article":
                self.in_article -= 1
            if top in BLOCKS and self.block_stack:
                self.block_stack.pop()
            if top == tag:
                break

    def data(self, text: str, escaped: bool = True) -> None:
        if self.in_article and text.strip():
            _, sourced, exempt = self.stack[-1] if self.stack else ("", False, False)
            block = self.block_stack[-1] if self.block_stack else -1
            self.pieces.append(TextPiece(unescape(text) if escaped else text, sourced, exempt, block))
