"""What the checks need from one built HTML file, read in a single pass.

Facts depend only on the file's text (and the page's language), so they can be worked out where the file
is built, in parallel, and kept with the build output: an incremental build reads again only the files it
rebuilt. The checks (links, figures, language, glossary) then judge the facts of the whole tree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ..data_schema import NUMERAL
from .alternates import Head, read_head
from .html_text import ArticleText
from .safety import scan_safety

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}

ENGLISH = set("the and of to is are you your with for that this be will can our we they their it in on "
              "what who how when if not have has from".split())
# Function words of the languages pages are checked in; a language without a list is not checked.
OWN_WORDS = {
    "cy": set("y yr a ac i o yn mae eich ein chi ni gyda ar am sy'n bod wedi neu ond hefyd gan fel pan beth "
              "pwy sut os nid nad eu ei dim ydy oes fydd bydd".split()),
}
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class PageFacts:
    targets: tuple[tuple[str, str], ...]  # (tag, address) of every link, image, stylesheet and script, srcset
    # candidates included (not canonical and alternate links)
    ids: frozenset[str]  # every id on the page, for links to a section
    figures: tuple[tuple[str, str], ...]  # (numeral, the text around it) typed outside a sourced element
    english: tuple[str, ...]  # the start of each paragraph that reads as English on a page of another language
    text: str  # the article's text, lower case, for the glossary check
    head: Head  # the canonical address, hreflang alternates and language switch links, for the alternates check
    unsafe: tuple[tuple[bool, str], ...]  # (inside the article, what) loaded or run that must not be (safety)

    def to_data(self) -> dict:
        """Plain data (for the build cache's JSON)."""
        return {"targets": [list(t) for t in self.targets], "ids": sorted(self.ids),
                "figures": [list(f) for f in self.figures], "english": list(self.english), "text": self.text,
                "head": self.head.to_data(), "unsafe": [list(u) for u in self.unsafe]}

    @classmethod
    def from_data(cls, data: dict) -> PageFacts:
        return cls(tuple(tuple(t) for t in data["targets"]), frozenset(data["ids"]),
                   tuple(tuple(f) for f in data["figures"]), tuple(data["english"]), data["text"],
                   Head.from_data(data["head"]), tuple(tuple(u) for u in data["unsafe"]))


# A page is mostly its menu; the full HTML parser (pure Python) is kept for the article, where the context
# of each piece of text matters, and the links and ids of the whole page are found by pattern, as html.parser
# would find them: comments and the contents of <script> and <style> are not markup.
_ATTRS = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_TOKEN = re.compile(rf"<!--.*?-->|<(script|style)\b{_ATTRS}>.*?</\1\s*>|<([a-zA-Z][^\s/>]*){_ATTRS}>",
                    re.S | re.I)
_VALUE = r"""\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)"""
_ATTRIBUTES = {name: re.compile(rf"(?:^|\s){name}{_VALUE}", re.I) for name in ("href", "src", "id", "rel", "srcset")}


def _attribute(attributes: str, name: str) -> str | None:
    """The value of an attribute (the last, if written twice), unquoted and unescaped; None if absent."""
    found = _ATTRIBUTES[name].findall(attributes)
    if not found:
        return None
    value = found[-1]
    return unescape(value[1:-1] if value[:1] in "\"'" else value)


def _links_and_ids(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    targets: list[tuple[str, str]] = []
    ids: set[str] = set()
    for raw, raw_attributes, name, attributes in _TOKEN.findall(html):
        if raw:  # <script> or <style>: only its own tag is markup
            name, attributes = raw, raw_attributes
        if not attributes:
            continue
        if ("id" in attributes or "ID" in attributes.upper()) and (found := _attribute(attributes, "id")):
            ids.add(found)
        tag = name.lower()
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and (target := _attribute(attributes, attribute)) and not (
                tag == "link" and _attribute(attributes, "rel") in {"canonical", "alternate"}):
            targets.append((tag, target))
        if "srcset" in attributes.lower() and (candidates := _attribute(attributes, "srcset")):
            targets.extend((tag, candidate.split()[0]) for candidate in candidates.split(",") if candidate.strip())
    return targets, ids


def _article(html: str) -> str:
    start, end = html.find("<article"), html.rfind("</article>")
    return html[start:end + len("</article>")] if start >= 0 and end > start else ""


def read_facts(path: Path, lang: str) -> PageFacts:
    html = path.read_text(encoding="utf-8")
    reader = ArticleText()
    reader.feed(_article(html))
    pieces = reader.pieces
    targets, ids = _links_and_ids(html)
    figures = tuple((match.group(), piece.text) for piece in pieces if not (piece.sourced or piece.exempt)
                    for match in NUMERAL.finditer(piece.text))
    return PageFacts(tuple(targets), frozenset(ids), figures, _english(pieces, lang),
                     " ".join(piece.text for piece in pieces).lower().replace("’", "'"), read_head(html),
                     scan_safety(html))


def _english(pieces, lang: str) -> tuple[str, ...]:
    """A paragraph of eight words or more is flagged when English function words clearly outnumber those of
    the page's own language. Names and short labels are too short to count."""
    own = OWN_WORDS.get(lang)
    if own is None:
        return ()
    blocks: dict[int, list[str]] = defaultdict(list)
    for piece in pieces:
        if not piece.exempt and piece.block >= 0:
            blocks[piece.block].append(piece.text)
    found = []
    for text in blocks.values():
        words = [w.lower().replace("’", "'") for w in _WORD.findall(" ".join(text))]
        english = sum(w in ENGLISH for w in words)
        native = sum(w in own for w in words)
        if len(words) >= 8 and english >= 3 and english > 2 * native:
            found.append(" ".join(" ".join(text).split())[:90])
    return tuple(found)


def read_tree(tree: Path) -> dict[str, PageFacts]:
    """Facts of every HTML file of a published tree, by path relative to it (its first folder is the
    language)."""
    names = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*.html"))
    return {name: read_facts(tree / name, name.split("/", 1)[0]) for name in names}


def read_site(folder: Path, lang: str) -> dict[str, dict]:
    """Facts of every HTML file of one built site (a folder of one language), as plain data."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): read_facts(p, lang).to_data() for p in sorted(folder.rglob("*.html"))}
