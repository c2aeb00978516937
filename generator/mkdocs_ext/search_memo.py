"""A page's search index entries are worked out once per process for pages that come out the same.

Material's search plugin parses every page's HTML into sections (with Python's html.parser: a third of what
MkDocs does for a page built again from the Markdown memo). The entries depend only on the page: its HTML,
its contents list, its address, its title and three fields of its front matter (`title`, `tags`,
`search`). So while a build of ours runs, `SearchIndex.add_entry_from_context` is wrapped: a page whose
inputs are those of a page indexed before (a handbook's national chapter on every local site, every page of
a project built again after an edit) gets copies of that page's entries. At most 16 MiB of text is kept per
process, the oldest dropped first. The entries also go to the project's memo file, for the next build of the
project in a process of its own (`page_memos`). A page that is indexed is read by Material's parser, given
the page's tags and text by `html_events` where it can (most pages), by html.parser otherwise.
"""

from __future__ import annotations

from typing import Any

from material.plugins.search import plugin as material_search
from material.plugins.search.plugin import SearchIndex, SearchPlugin

from generator.memo import BoundedStore
from generator.mkdocs_ext import html_events, page_memos

_index = SearchIndex.add_entry_from_context  # Material's own
_Parser = material_search.Parser
_on_page_context = SearchPlugin.on_page_context


def _cost(key: tuple, entries: tuple[dict, ...]) -> int:
    return len(key[0]) + sum(len(entry["text"]) + len(entry["title"]) for entry in entries)


_entries = BoundedStore(16 * 2**20, _cost)
enabled = False  # set for each build by the plugin: off for the benchmark's plain MkDocs


def on_page_context(plugin: SearchPlugin, context, *, page, config, nav):
    """Material's, but its removal of `data-search-*` attributes from the page's HTML is done only when the
    HTML has one: its pattern is tried at every character of every page (a twentieth of the plugin's time)."""
    if not enabled or "data-search-" in page.content:
        return _on_page_context(plugin, context, page=page, config=config, nav=nav)
    if plugin.config.enabled:
        plugin.search_index.add_entry_from_context(page)
    return None


class QuickParser(_Parser):
    """Material's parser of a page's HTML into sections, given the page's tags and text by `html_events`
    where the HTML is plain tags and text (as html.parser would give them, more quickly)."""

    def feed(self, data: str) -> None:
        if not (enabled and html_events.replay(self, data)):
            super().feed(data)


def add_entry_from_context(index: SearchIndex, page) -> None:
    if not enabled:
        return _index(index, page)
    meta = page.meta
    key = (page.content, page.url, page.title, repr((meta.get("title"), meta.get("tags"), meta.get("search"))),
           _toc_signature(page.toc))
    found = _entries.get(key)
    if found is None and (found := page_memos.find("search", key)) is not None:
        _entries.put(key, found)
    if found is None:
        first = len(index.entries)
        _index(index, page)
        _entries.put(key, found := tuple(_copy(entry) for entry in index.entries[first:]))
    else:
        index.entries.extend(_copy(entry) for entry in found)
    page_memos.note("search", key, found)
    return None


def _copy(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as the index would have made it (its tags list is its own)."""
    copied = dict(entry)
    if "tags" in copied:
        copied["tags"] = list(copied["tags"])
    return copied


def _toc_signature(toc) -> tuple:
    """What an entry reads from the contents list: each heading's id and address."""
    return tuple((item.id, item.url, _toc_signature(item.children)) for item in toc)

