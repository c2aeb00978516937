"""Pages MkDocs would convert to the same HTML are converted once per process.

Every local site's handbook repeats the national chapters word for word, in the same place, and the local
sites of a language have the same files: about a third of the pages are such twins. And a build server's
worker builds a project again after an edit to one of its pages. MkDocs converts a page's Markdown in
`Page.render`; while a build of ours runs, that method is wrapped so that a page whose inputs are those of
a page converted before takes that page's results:

- the inputs: the page's Markdown (after the plugins' changes), its file's place, the address of every
  file of the project (what its links are resolved against), and the Markdown and link-check settings;
- the results, all that `Page.render` sets: the HTML, the contents list, the title found in it, its
  anchors and its links to other pages' anchors (checked afterwards, against this project's pages).

A conversion that logged a warning is not found, so the warning comes every time. At most 32 MiB of text
is kept per process, the oldest dropped first. Each page's results also go to the project's memo file, for
the next build of the project in a process of its own (`page_memos`). What is converted is converted by
`markdown_instances`, with a Markdown instance kept from page to page.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from typing import Any, NamedTuple

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator.memo import BoundedStore
from generator.mkdocs_ext import markdown_instances, page_memos

_mkdocs_render = Page.render  # MkDocs' own: the plain route's
_convert = markdown_instances.render  # the same conversion, with a Markdown instance kept from page to page
_converted = BoundedStore(32 * 2**20, cost=lambda key, rendered: len(key[0]) + len(rendered.content))
_project: tuple[Any, Any, str] = (None, None, "")
enabled = False  # set for each build by the plugin: off for the benchmark's plain MkDocs


class _Rendered(NamedTuple):
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


def render(page: Page, config, files) -> None:
    if not enabled:
        return _mkdocs_render(page, config, files)
    key = (page.markdown, page.file.src_uri, _project_digest(config, files))
    found = _converted.get(key)
    if found is None and (found := page_memos.find("conversions", key)) is not None:
        _converted.put(key, found)
    if found is None:
        warned = _Warned()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warned)
        try:
            _convert(page, config, files)
        finally:
            logger.removeHandler(warned)
        if not warned.any:
            _converted.put(key, found := _rendered(page))
            page_memos.note("conversions", key, found)
        return None
    page_memos.note("conversions", key, found)
    page.content = found.content
    page.toc = _copy_toc(found.toc)
    page._title_from_render = found.title
    page.present_anchor_ids = set(found.anchors)
    if found.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(links)
                                 for uri, links in found.links_to_anchors.items()}
    return None


def _rendered(page: Page) -> _Rendered:
    links = vars(page).get("links_to_anchors")  # set only when anchors are checked
    return _Rendered(page.content, _copy_toc(page.toc), page._title_from_render,
                     frozenset(page.present_anchor_ids or ()),
                     None if links is None else {file.src_uri: dict(found) for file, found in links.items()})


def _copy_toc(toc: TableOfContents) -> TableOfContents:
    """The contents list copied as `copy.deepcopy` would, in a sixth of the time: its links' attributes are
    strings, numbers and flags, and their children (anything else is deep-copied)."""
    copied = object.__new__(type(toc))
    for name, value in vars(toc).items():
        if name in ("items", "children"):
            value = [_copy_toc(link) for link in value]
        elif not isinstance(value, _IMMUTABLE):
            value = copy.deepcopy(value)
        setattr(copied, name, value)
    return copied


_IMMUTABLE = (str, int, float, bool, type(None))


def _project_digest(config, files) -> str:
    """What a page's links resolve against, and the settings of the conversion: once per build."""
    global _project
    if _project[0] is not files or _project[1] is not config:
        described = repr((sorted((file.src_uri, file.url) for file in files), config["markdown_extensions"],
                          config["mdx_configs"], config["validation"], config["use_directory_urls"]))
        _project = (files, config, hashlib.blake2b(described.encode(), digest_size=16).hexdigest())
    return _project[2]


class _Warned(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.any = False

    def emit(self, record: logging.LogRecord) -> None:
        self.any = True
