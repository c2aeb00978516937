"""The calls `html.parser.HTMLParser` makes to its handlers for a page's HTML, found more quickly.

Material's search plugin reads every page's HTML with an `HTMLParser` subclass; the parsing (pure Python,
character by character at each tag) took more of a page's build than the plugin's own work on what it found.
For HTML made only of start tags, end tags and text (no comment, declaration, processing instruction,
<script> or <style>, and every '<' starting a tag: what Markdown makes of our pages), `replay` finds the tags
with html.parser's own patterns, each distinct start tag's name and attributes read once as
`HTMLParser.parse_starttag` reads them, and calls the handlers as `feed` followed by `close` would. Anything
else is left to html.parser (`replay` returns False without calling a handler). Tests compare the calls with
html.parser's on every built page and on edge cases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser, attrfind_tolerant, endtagfind, locatestarttagend_tolerant, tagfind_tolerant

# What html.parser reads otherwise than as a start tag, an end tag or text: comments, declarations and
# processing instructions, raw text elements, and a '<' that starts no tag (read as text, one piece at a time).
_NOT_PLAIN = re.compile(r"<[!?]|<(?:script|style)\b|<(?![a-zA-Z/])", re.I)


def replay(parser: HTMLParser, html: str) -> bool:
    """Call parser's handlers for html as `parser.feed(html); parser.close()` would, on a parser that has read
    nothing yet (with `convert_charrefs`, html.parser's default); False, and nothing called, for HTML that is
    not plain tags and text."""
    if not parser.convert_charrefs or _NOT_PLAIN.search(html):
        return False
    found = _events(html)
    if found is None:
        return False
    for event in found:
        if event[0] == "data":
            parser.handle_data(event[1])
        elif event[0] == "end":
            parser.handle_endtag(event[1])
        elif event[0] == "start":
            parser.handle_starttag(event[1], list(event[2]))
        else:
            parser.handle_startendtag(event[1], list(event[2]))
    return True


def _events(html: str) -> list[tuple] | None:
    events: list[tuple] = []
    at, size = 0, len(html)
    while at < size:
        tag = html.find("<", at)
        if tag < 0:
            events.append(("data", unescape(html[at:])))
            break
        if at < tag:
            events.append(("data", unescape(html[at:tag])))
        if html.startswith("</", tag):
            end = endtagfind.match(html, tag)
            if end is None:  # html.parser reads it leniently
                return None
            events.append(("end", end.group(1).lower()))
            at = end.end()
            continue
        # HTMLParser.check_for_whole_start_tag: where the start tag ends.
        after = locatestarttagend_tolerant.match(html, tag).end()
        if html.startswith(">", after):
            at = after + 1
        elif html.startswith("/>", after):
            at = after + 2
        else:
            return None
        start = _start_tag(html[tag:at])
        if start is None:
            return None
        events.append(start)
    return events


@lru_cache(maxsize=1 << 14)  # the same tags recur on every page
def _start_tag(text: str) -> tuple | None:
    """A whole start tag as `HTMLParser.parse_starttag` reads it: ("start" or "startend", its name, its
    attributes); None where it would not read it as one, or would then read raw text."""
    match = tagfind_tolerant.match(text, 1)
    at = match.end()
    name = match.group(1).lower()
    attributes = []
    while at < len(text):
        found = attrfind_tolerant.match(text, at)
        if not found:
            break
        attribute, rest, value = found.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attributes.append((attribute.lower(), value))
        at = found.end()
    end = text[at:].strip()
    if end not in (">", "/>") or name in HTMLParser.CDATA_CONTENT_ELEMENTS:
        return None
    return ("startend" if end.endswith("/>") else "start", name, tuple(attributes))
