"""Reuse the menu's items from page to page, and from build to build in one process.

Material writes the whole menu into every page, so a site of n pages renders n*n menu items; on the national
site most of a build's time went there. A top-level item whose branch does not hold the page being built
comes out the same on every page that writes the branch's links the same way, so it is rendered once for
each way and reused. The branch holding the page (opened, marked active, with the page's contents) is
rendered every time. On a page where every other item's links are written by the page's depth alone (see
below), the items are the same strings as on every page of that depth: they are joined around the page's own
branch, each looked up once per depth and build.

An item is kept by all that Material's macro reads of it (each title, address and icon, status and subtitle
of its branch), the theme features, the item's place in the menu and its links as written: so the local
sites of a language, whose menus are alike, share their items in a worker, and a build server's worker
renders after an edit only the items that changed. At most 16 MiB of HTML per process, the oldest dropped
first.

Links are written relative to the page's folder (MkDocs' `url` filter). A link to a page whose first folder
differs from the page's own first folder is written as one '../' per folder the page is deep, then the
link's own path: the depth is then all that matters. Otherwise every link of the branch is worked out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from mkdocs.structure.pages import Page

from generator.memo import BoundedStore

_items = BoundedStore(16 * 2**20, cost=lambda key, html: len(html))


class MenuCache:
    """The theme's `partials/nav.html` (our override) calls this with Material's own macro for one item, the
    menu's top-level items and the page. One instance per build: the menu's items are that build's objects."""

    def __init__(self, url_filter: Callable[[dict, str], str] | None, theme: tuple = ()):
        self._url = url_filter  # the theme's `url` filter; None: render every time (plain MkDocs, for the benchmark)
        self._theme = theme  # what else the macro reads: the theme's features and status labels
        self._branches: dict[int, _Branch] = {}
        self._page: tuple[Any, list[str]] = (None, [])
        self._menus: dict[int, _Menu] = {}

    def __call__(self, render: Callable[..., Any], items, page) -> Markup:
        """The items as Material's loop writes them: each between the same white space, with its path."""
        if self._url is not None and isinstance(page, Page):
            found = self._around_branch(render, items, page)
            if found is not None:
                return found
        return Markup("".join(self._entry(render, item, number, page) for number, item in enumerate(items, 1)))

    def _entry(self, render: Callable[..., Any], item, number: int, page) -> str:
        return f"\n      \n      {self._item(render, item, f'__nav_{number}', page)}\n    "

    def _around_branch(self, render: Callable[..., Any], items, page: Page) -> Markup | None:
        """The items, when at most one of them is written otherwise than by the page's depth (its own branch,
        or one reaching into the page's first folder): the others are the entries kept for the depth."""
        menu = self._menus.get(id(items))
        if menu is None or menu.items is not items:
            menu = self._menus[id(items)] = _Menu(items, [self._branch(item) for item in items])
        folders = self._folders(page)
        special = set(menu.not_pages_only)
        if folders:
            special.update(menu.by_first_folder.get(folders[0], ()))
        top = page
        while top.parent is not None:
            top = top.parent
        if id(top) in menu.index:
            special.add(menu.index[id(top)])
        if len(special) > 1:
            return None
        entries, missing = menu.at_depth(len(folders))
        for number in missing - special:
            entries[number] = self._entry(render, items[number], number + 1, page)
            missing.discard(number)
        if not special:
            return Markup("".join(entries))
        (own,) = special
        return Markup("".join(entries[:own]) + self._entry(render, items[own], own + 1, page)
                      + "".join(entries[own + 1:]))

    def child(self, render: Callable[..., Any], item, path: str, level: int, parent, page) -> Any:
        """An item of a section, as Material's macro writes it (our `partials/nav-item.html` calls this in its
        loop). A page of the site other than this one is written by its title, its icon, status and subtitle,
        and its link as written from this page: kept by those (the open section of the page being built, such
        as a handbook's chapters, is written again on each of its pages)."""
        if self._url is None or not isinstance(page, Page) or not isinstance(item, Page) or item.active \
                or item is page or item.children:
            return render(item, path, level, parent)
        key = ("child", self._theme, _signature(item), self._url({"page": page, "base_url": ""}, str(item.url)))
        found = _items.get(key)
        if found is None:
            found = render(item, path, level, parent)
            _items.put(key, found)
        return found

    def _item(self, render: Callable[..., Any], item, path: str, page) -> Any:
        if self._url is None or not isinstance(page, Page) or item.active or item is page:
            return render(item, path, 1)
        key = (self._theme, self._branch(item).signature, path, self._links_written(item, page))
        found = _items.get(key)
        if found is None:
            found = render(item, path, 1)
            _items.put(key, found)
        return found

    def _links_written(self, item, page: Page) -> tuple:
        """What decides how the branch's links come out on this page."""
        branch = self._branch(item)
        folders = self._folders(page)
        if branch.pages_only and not (folders and folders[0] in branch.first_folders):
            return ("depth", len(folders))
        context = {"page": page, "base_url": ""}  # with a page, the filter writes links relative to it
        return tuple(self._url(context, link) for link in branch.links)

    def _folders(self, page: Page) -> list[str]:
        """The page's folder as MkDocs splits it to write relative links (mkdocs.utils.get_relative_url)."""
        if self._page[0] is not page:
            self._page = (page, _parts(_folder(page.url)))
        return self._page[1]

    def _branch(self, item) -> _Branch:
        if id(item) not in self._branches:
            self._branches[id(item)] = _Branch(item)
        return self._branches[id(item)]


class _Menu:
    """A menu's top-level items: which of them reach into each first folder, and each item's entry as written
    on a page of each depth where its links are written by the depth alone."""

    def __init__(self, items, branches: list[_Branch]):
        self.items = items
        self.index = {id(item): number for number, item in enumerate(items)}
        self.not_pages_only = [number for number, branch in enumerate(branches) if not branch.pages_only]
        self.by_first_folder: dict[str, list[int]] = {}
        for number, branch in enumerate(branches):
            for folder in branch.first_folders:
                self.by_first_folder.setdefault(folder, []).append(number)
        self._by_depth: dict[int, tuple[list, set[int]]] = {}

    def at_depth(self, depth: int) -> tuple[list, set[int]]:
        """The items' entries on a page of this depth, and the numbers of those not yet written."""
        if depth not in self._by_depth:
            self._by_depth[depth] = ([None] * len(self.items), set(range(len(self.items))))
        return self._by_depth[depth]


class _Branch:
    """An item and everything under it: the addresses it links to and their first folders, and all Material's
    macro reads of it."""

    def __init__(self, item):
        self.links: list[str] = []
        self.pages_only = True  # only the site's own pages (no external or hand-written links)
        stack = [item]
        while stack:
            node = stack.pop()
            if getattr(node, "url", None) is not None:
                self.links.append(str(node.url))
                self.pages_only &= isinstance(node, Page)
            stack.extend(getattr(node, "children", None) or ())
        self.first_folders = {parts[0] for parts in map(_parts, self.links) if parts}
        self.signature = _signature(item)


def _signature(node) -> tuple:
    meta = getattr(node, "meta", None) or {}
    return (type(node).__name__, node.title, getattr(node, "url", None), meta.get("icon"), meta.get("status"),
            meta.get("subtitle"), getattr(node, "encrypted", None), repr(getattr(node, "typeset", None)),
            tuple(_signature(child) for child in getattr(node, "children", None) or ()))


def _folder(url: str) -> str:
    folder, _, name = url.rpartition("/")
    return folder if "." in name else url


def _parts(path: str) -> list[str]:
    """As mkdocs.utils._norm_parts (private)."""
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []
