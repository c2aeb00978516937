"""What the checks need from one built HTML file, read in a single pass.

Facts depend only on the file's text (and the page's language), so they can be worked out where the file
is built, in parallel, and kept with the build output: an incremental build reads again only the files it
rebuilt. The checks (links, figures, language, glossary) then judge the facts of the whole tree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..data_schema import NUMERAL
from .html_text import ArticleText

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
    targets: tuple[tuple[str, str], ...]  # (tag, href/src/srcset address) of every link, image, stylesheet and
    # script on the page (not canonical and alternate links)
    ids: frozenset[str]  # every id on the page, for links to a section
    figures: tuple[tuple[str, str], ...]  # (numeral, the text around it) typed outside a sourced element
    english: tuple[str, ...]  # the start of each paragraph that reads as English on a page of another language
    text: str  # the article's text, lower case, for the glossary check

    def to_data(self) -> dict:
        """Plain data (for the build cache's JSON)."""
        return {"targets": [list(t) for t in self.targets], "ids": sorted(self.ids),
                "figures": [list(f) for f in self.figures], "english": list(self.english), "text": self.text}

    @classmethod
    def from_data(cls, data: dict) -> PageFacts:
        return cls(tuple(tuple(t) for t in data["targets"]), frozenset(data["ids"]),
                   tuple(tuple(f) for f in data["figures"]), tuple(data["english"]), data["text"])


class _Reader(ArticleText):
    """The article's text with its context, plus the links and ids of the whole page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) and not (tag == "link" and values.get("rel") in {"canonical",
                                                                                               "alternate"}):
            self.targets.append((tag, values[attribute]))
        if values.get("srcset"):
            self.targets.extend((tag, candidate.split()[0]) for candidate in values["srcset"].split(",")
                                if candidate.strip())
        super().handle_starttag(tag, attrs)


def read_facts(path: Path, lang: str) -> PageFacts:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    pieces = reader.pieces
    figures = tuple((match.group(), piece.text) for piece in pieces if not (piece.sourced or piece.exempt)
                    for match in NUMERAL.finditer(piece.text))
    return PageFacts(tuple(reader.targets), frozenset(reader.ids), figures, _english(pieces, lang),
                     " ".join(piece.text for piece in pieces).lower().replace("’", "'"))


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
