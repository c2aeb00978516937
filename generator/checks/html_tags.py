"""The start tags of a built page, found by pattern as html.parser would find them.

A page is mostly its menu, and html.parser (pure Python) takes milliseconds over one; the checks that need
only tags and attributes (links, ids, the head's alternates, what a page loads or runs) find them with
`TOKEN`, in one quick pass (`facts`). Comments and the contents of <script> and <style> are not markup.
`html_text` reads the article's text the same way.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from typing import NamedTuple

# Possessive runs: a quoted value or a stretch of plain text is taken whole, never tried again piece by piece.
_ATTRIBUTES = r"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)"""
# Markup as html.parser reads it: a comment, a <script> or <style> with its raw text, a start tag. Groups: the
# script or style tag's name, attributes and text; a start tag's name and attributes (`html_text` adds end tags).
MARKUP = rf"<!--.*?-->|<(script|style)\b{_ATTRIBUTES}>(.*?)</\1\s*>|<([a-zA-Z][^\s/>]*){_ATTRIBUTES}>"
TOKEN = re.compile(MARKUP, re.S | re.I)
_VALUE = r"""\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)"""
# Any attribute, as html.parser reads them: a name may follow a quote or a slash without a space.
_ANY_ATTRIBUTE = re.compile(r"""(?:(?<=['"\s/])|^)([^\s/>=][^\s/=>]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']*))?""")


@cache
def _one(name: str) -> re.Pattern:
    return re.compile(rf"(?:^|\s){name}{_VALUE}", re.I)


class Tag(NamedTuple):
    name: str  # lower case
    attributes: str  # as written

    def get(self, name: str) -> str | None:
        """An attribute's value (the last, if written twice), unquoted and unescaped; None if absent."""
        found = _one(name).findall(self.attributes)
        return _value(found[-1]) if found else None

    def values(self) -> dict[str, str]:
        """Every attribute, names in lower case ('' for an attribute written without a value)."""
        return {name.lower(): _value(value) for name, value in _ANY_ATTRIBUTE.findall(self.attributes)}


def _value(raw: str) -> str:
    return unescape(raw[1:-1] if raw[:1] in "\"'" and len(raw) > 1 else raw)


def article_span(html: str) -> tuple[int, int]:
    """Where the page's <article> (its body, as against the theme's frame) starts and ends; (0, 0) if none."""
    start, end = html.find("<article"), html.rfind("</article>")
    return (start, end + len("</article>")) if start >= 0 and end > start else (0, 0)
