"""What the checks need from one built HTML file, read in a single pass.

Facts depend only on the file's text (and the page's language), so they can be worked out where the file
is built, in parallel, and kept with the build output: an incremental build reads again only the files it
rebuilt. The checks (links, figures, language, glossary) then judge the facts of the whole tree.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from generator.checks.html_tags import TOKEN, Tag, article_span
from generator.checks.html_text import article_text
from generator.checks.page_head import Head, head_part
from generator.checks.tag_safety import tag_safety
from generator.model.schema import NUMERAL
from generator.trees import listing

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
    # "<tag> <address>" (a tag name has no space) of every link, image, stylesheet and script, srcset candidates
    # included (not canonical and alternate links): one string each, as kept in the build cache (hundreds a page)
    targets: tuple[str, ...]
    ids: frozenset[str]  # every id on the page, for links to a section
    figures: tuple[tuple[str, str], ...]  # (numeral, the text around it) typed outside a sourced element
    english: tuple[str, ...]  # the start of each paragraph that reads as English on a page of another language
    text: str  # the article's text, lower case, for the glossary check
    head: Head  # the canonical address, hreflang alternates and language switch links, for the alternates check
    unsafe: tuple[tuple[bool, str], ...]  # (inside the article, what) loaded or run that must not be (safety)

    def to_data(self) -> dict:
        """Plain data (for the build cache's JSON, and from a worker to the main process). Each target stays
        one string: a page has hundreds, and a pair of strings in a list each costs several times as much to send
        and to read back."""
        return {"targets": list(self.targets), "ids": sorted(self.ids),
                "figures": [list(f) for f in self.figures], "english": list(self.english), "text": self.text,
                "head": self.head.to_data(), "unsafe": [list(u) for u in self.unsafe]}

    @classmethod
    def from_data(cls, data: dict) -> PageFacts:
        return cls(tuple(data["targets"]), frozenset(data["ids"]),
                   tuple(tuple(f) for f in data["figures"]), tuple(data["english"]), data["text"],
                   Head.from_data(data["head"]), tuple(tuple(u) for u in data["unsafe"]))


class _TagFacts(NamedTuple):
    """What one piece of markup tells the checks."""
    id: str | None
    targets: tuple[str, ...]  # as in `PageFacts`
    head: tuple | None  # `alternates.head_part`
    unsafe: tuple[str, ...]  # what it loads or runs that it must not
    inline_script: bool  # a <script> running text of its own


_NOTHING = _TagFacts(None, (), None, (), False)
# By the markup as written. A site's menu repeats the same tags on every page, so most are worked out once.
_known: dict[str, _TagFacts] = {}


def _tag_facts(raw: str | None, raw_attributes: str | None, content: str | None, name: str | None,
               attributes: str | None) -> _TagFacts:
    """One `html_tags.TOKEN` match's groups: a <script> or <style> with its text, a start tag, or neither
    (a comment)."""
    if raw:
        name, attributes = raw, raw_attributes or ""
    elif not name:
        return _NOTHING
    tag = Tag(name.lower(), attributes or "")
    found_id, targets = _tag_links(tag) if tag.attributes else (None, ())
    found = _TagFacts(found_id, targets, head_part(tag), *tag_safety(tag.name, tag.attributes, content))
    return _NOTHING if found == _NOTHING else found


def _tag_links(tag: Tag) -> tuple[str | None, tuple[str, ...]]:
    """A tag's id and what it links to or loads."""
    name, attributes = tag
    found_id = tag.get("id") if "id" in attributes or "ID" in attributes.upper() else None
    targets = []
    attribute = _LINK_ATTRIBUTES.get(name)
    if attribute and (target := tag.get(attribute)) and not (
            name == "link" and tag.get("rel") in {"canonical", "alternate"}):
        targets.append(f"{name} {target}")
    if "srcset" in attributes.lower() and (candidates := tag.get("srcset")):
        targets.extend(f"{name} {candidate.split()[0]}" for candidate in candidates.split(",") if candidate.strip())
    return found_id, tuple(targets)


def read_facts(path: Path, lang: str) -> PageFacts:
    return facts_of(path.read_text(encoding="utf-8"), lang)


def facts_of(html: str, lang: str) -> PageFacts:
    start, end = article_span(html)
    pieces = article_text(html[start:end])
    found = _Found(start, end)
    if not _read_with_menu(html, start, found):
        found = _Found(start, end)
        found.scan(html, 0, len(html))
    figures = tuple((match.group(), piece.text) for piece in pieces if not (piece.sourced or piece.exempt)
                    for match in NUMERAL.finditer(piece.text))
    return PageFacts(tuple(found.targets), frozenset(found.ids), figures, _english(pieces, lang),
                     " ".join(piece.text for piece in pieces).lower().replace("’", "'"), found.head,
                     tuple(found.unsafe))


class _Found:
    """The facts of a page's tags, added in the order they are written."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end  # the article's span
        self.targets: list[str] = []
        self.ids: set[str] = set()
        self.head = Head()
        self.unsafe: list[tuple[bool, str]] = []

    def scan(self, html: str, begin: int, stop: int) -> None:
        """The tags of html[begin:stop], taken as they are found in the whole page from begin on."""
        for match in TOKEN.finditer(html, begin, stop):
            self.add(_facts_of_token(match), self.start < match.start() < self.end)

    def add_outside(self, found: _TagFacts) -> None:
        """Several tags' facts together (`_item_tags`), outside the article. Called for every menu item of
        every page: most items have only links, and the rest is skipped without a call."""
        ids, targets, heads, unsafe, _ = found
        if ids:
            self.ids.update(ids)
        self.targets.extend(targets)
        if heads:
            for part in heads:
                self.head.add(part)
        if unsafe:
            self.unsafe.extend((False, what) for what in unsafe)

    def add(self, found: _TagFacts, inside: bool) -> None:
        if found is _NOTHING:
            return
        found_id, found_targets, found_head, found_unsafe, inline_script = found
        if found_id:
            self.ids.add(found_id)
        if found_targets:
            self.targets.extend(found_targets)
        if found_head:
            self.head.add(found_head)
        if found_unsafe or inline_script:
            self.unsafe.extend((inside, what) for what in found_unsafe)
            if inline_script and inside:
                self.unsafe.append((True, "an inline script in the page body"))


def _facts_of_token(match: re.Match) -> _TagFacts:
    token = match.group()
    found = _known.get(token)
    if found is None:
        if len(_known) >= 1 << 16:
            _known.clear()
        found = _known[token] = _tag_facts(*match.groups())
    return found


# The theme's menu, between its start and the article, is most of a page and the same items recur on every
# page of a site: it is read item by item (split where each item starts), each distinct item once.
_MENU = '<nav class="md-nav md-nav--primary"'
_ITEM = '<li class="md-nav__item'
_NOT_TAGS = re.compile(r"<!--|<script|<style", re.I)
_items: dict[str, _TagFacts | None] = {}  # an item's text -> its tags' facts together (None: not plain)
_tails: dict[str, _TagFacts] = {}  # what follows a page's article -> its tags' facts together


def _read_with_menu(html: str, start: int, found: _Found) -> bool:
    """Read the page as `_Found.scan` would, its menu item by item and what follows its article as a whole
    (each distinct one once); False (with found half filled) where the menu is not plain start and end tags,
    the article does not follow it or a tag runs on past the article's end, and the page must be scanned
    whole."""
    menu = html.find(_MENU, 0, start) if start else -1
    if menu < 0:
        return False
    # The tags before the menu, as a scan of the whole page finds them: none may run on into the menu.
    for match in TOKEN.finditer(html, 0):
        if match.start() >= menu:
            if match.start() > menu:
                return False
            break
        if match.end() > menu:
            return False
        found.add(_facts_of_token(match), False)
    edges = [menu]
    at = html.find(_ITEM, menu + 1, start)
    while at >= 0:
        edges.append(at)
        at = html.find(_ITEM, at + 1, start)
    edges.append(start)
    for begin, stop in zip(edges, edges[1:], strict=False):
        item = html[begin:stop]
        tags = _items.get(item, False)
        if tags is False:
            if len(_items) >= 1 << 14:
                _items.clear()
            tags = _items[item] = _item_tags(item)
        if tags is None:
            return False
        if tags is not _NOTHING:
            found.add_outside(tags)
    # The article, then what follows it: the theme's footer and scripts, the same on every page of a depth.
    for match in TOKEN.finditer(html, start):
        if match.start() >= found.end:
            break
        if match.end() > found.end:
            return False
        found.add(_facts_of_token(match), found.start < match.start())
    tail = html[found.end:]
    tags = _tails.get(tail)
    if tags is None:
        if len(_tails) >= 1 << 8:
            _tails.clear()
        # No tag of the whole page runs past the article's end, so its tags after it are those found from there.
        tags = _tails[tail] = _together(map(_facts_of_token, TOKEN.finditer(tail)))
    if tags is not _NOTHING:
        found.add_outside(tags)
    return True


def _item_tags(item: str) -> _TagFacts | None:
    """The facts of an item's tags together (ids, targets, head parts and what they load or run, each a
    tuple), or None unless the item's tags are found in it as in the whole page: it holds no comment, script
    or style, and every '<' but an end tag's starts one of its tags, so none of the whole page's tags can
    start in it and end beyond it (each is the same start tag, matched the same way)."""
    if _NOT_TAGS.search(item):
        return None
    matches = list(TOKEN.finditer(item))
    if len(matches) != item.count("<") - item.count("</"):
        return None
    return _together(map(_facts_of_token, matches))


def _together(found: Iterable[_TagFacts]) -> _TagFacts:
    """Tags' facts as one, for tags outside the article (`_Found.add_outside`)."""
    tags = [tag for tag in found if tag is not _NOTHING]
    if not tags:
        return _NOTHING
    return _TagFacts(tuple(tag.id for tag in tags if tag.id), sum((tag.targets for tag in tags), ()),
                     tuple(tag.head for tag in tags if tag.head), sum((tag.unsafe for tag in tags), ()), False)


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
        words = _WORD.findall(" ".join(text).lower().replace("’", "'"))
        english = sum(w in ENGLISH for w in words)
        native = sum(w in own for w in words)
        if len(words) >= 8 and english >= 3 and english > 2 * native:
            found.append(" ".join(" ".join(text).split())[:90])
    return tuple(found)


class TreeFacts(Mapping[str, PageFacts]):
    """The facts of every HTML file of a tree put together from its sites' builds, by path relative to the
    tree. A site's facts are loaded (from the build cache) only when a check asks for one of its files."""

    def __init__(self) -> None:
        self._folder_of: dict[str, str] = {}  # path -> the folder it was added with
        self._paths: dict[str, list[str]] = {}  # folder -> its paths
        self._load: dict[str, Callable[[], dict[str, dict]]] = {}
        self._data: dict[str, dict[str, dict]] = {}  # folder -> its loaded facts as plain data, by name
        self._loaded: dict[str, PageFacts] = {}

    def add(self, folder: str, names: Iterable[str], load: Callable[[], dict[str, dict]]) -> None:
        """The HTML files of one site's build, published under folder; load() gives their facts as plain data
        (`PageFacts.to_data`) by name."""
        paths = [folder + name for name in names]
        self._paths[folder] = paths
        self._load[folder] = load
        self._folder_of.update(dict.fromkeys(paths, folder))

    def paths_of(self, folder: str) -> list[str]:
        return self._paths.get(folder, [])

    def __getitem__(self, path: str) -> PageFacts:
        if path not in self._loaded:  # a site's pages are loaded together, and each page's facts made when asked
            folder = self._folder_of[path]
            if folder not in self._data:
                self._data[folder] = self._load[folder]()
            self._loaded[path] = PageFacts.from_data(self._data[folder][path[len(folder):]])
        return self._loaded[path]

    def __contains__(self, path: object) -> bool:
        return path in self._folder_of

    def __iter__(self) -> Iterator[str]:
        return iter(self._folder_of)

    def __len__(self) -> int:
        return len(self._folder_of)


def read_tree(tree: Path) -> dict[str, PageFacts]:
    """Facts of every HTML file of a published tree, by path relative to it (its first folder is the
    language)."""
    names = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*.html"))
    return {name: read_facts(tree / name, name.split("/", 1)[0]) for name in names}


class PreviousOutput(Protocol):
    """A site's output built before, as the build cache keeps it: its folder and its pages' facts."""

    folder: Path

    def facts(self) -> dict: ...


class SiteReading(NamedTuple):
    facts: dict[str, dict]  # every HTML file's facts as plain data (`PageFacts.to_data`), by its relative path
    changed: frozenset[str]  # the files that did not come out as in the output built before (all, without it)
    files: dict[str, list[int]]  # every file of the site (`trees.listing`), so the build cache need not list it


def read_site(folder: Path, lang: str, previous: PreviousOutput | None = None) -> SiteReading:
    """Facts of every HTML file of one built site (a folder of one language).

    previous: the site's output built before (its build cache entry, still as recorded), whose facts are taken
    for every file that came out the same: after an edit to one page, most of a site's pages do."""
    folder = Path(folder)
    try:
        earlier = previous.facts() if previous else {}
    except (OSError, ValueError):  # unreadable: every page is read
        earlier = {}
    files = listing(folder)
    found, changed = {}, set()
    for name in sorted(name for name in files if name.endswith(".html")):
        path = folder / name
        if name in earlier and _same_file(path, previous.folder / name):  # linked to it (template_memo)
            found[name] = earlier[name]
            continue
        data = path.read_bytes()
        if name in earlier and _read_bytes(previous.folder / name) == data:
            found[name] = earlier[name]
        else:
            found[name] = facts_of(data.decode("utf-8"), lang).to_data()
            changed.add(name)
    return SiteReading(found, frozenset(changed), files)


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
