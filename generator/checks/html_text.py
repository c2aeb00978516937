"""Reads the text of a built page's article (the page body), remembering what surrounds each piece."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd", "blockquote"}


@dataclass(frozen=True)
class TextPiece:
    text: str
    sourced: bool  # inside an element carrying data-source
    exempt: bool  # inside <time>, <code>, <script>, <style> or a data-category element: not prose
    block: int  # which block element (paragraph, list item...) it belongs to, -1 if none


class ArticleText(HTMLParser):
    """Collects the text inside <article>, with its context."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, sourced, exempt)
        self.pieces: list[TextPiece] = []
        self.in_article = 0
        self.blocks = 0
        self.block_stack: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        values = dict(attrs)
        sourced = bool(self.stack and self.stack[-1][1]) or "data-source" in values
        # Dates, code, and categories rendered from data definitions (age bands) are not figures.
        exempt = (bool(self.stack and self.stack[-1][2]) or tag in {"time", "code", "script", "style"}
                  or "data-category" in values)
        self.stack.append((tag, sourced, exempt))
        if tag == "article":
            self.in_article += 1
        if tag in BLOCKS:
            self.blocks += 1
            self.block_stack.append(self.blocks)

    def handle_endtag(self, tag):
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

    def handle_data(self, data):
        if self.in_article and data.strip():
            _, sourced, exempt = self.stack[-1] if self.stack else ("", False, False)
            block = self.block_stack[-1] if self.block_stack else -1
            self.pieces.append(TextPiece(data, sourced, exempt, block))
