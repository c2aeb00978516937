"""Parts of the page frame that come out the same on many pages are rendered once per build for each depth.

Material writes into every page blocks that read nothing of the page but where it is: its stylesheets, the
configuration its scripts read, its analytics integration, the scripts it loads, the search box, the logo and
the back-to-top button.
The theme overrides wrap each in `{% call fw_once("name") %}...{% endcall %}`: the first page of each depth
(MkDocs' `base_url`) renders it, the others of that depth take its text. Its links are written relative to
the page (the `url` filter, with `mkdocs.utils.get_relative_url`): as many '../' as the page is deep, then
the link, unless the page's first folder is the link's own. So the first folders a part links into are
noted as it is rendered, and a page in one of them renders the part itself. The page's contents list, which
Material writes twice on each page (in the menu and beside the article), is wrapped in `fw_page_once`:
rendered once for each page. tests/test_fragment_cache.py checks that every page comes out as when every
part is rendered for each page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup


def fragments(enabled: bool, env) -> Callable[..., Any]:
    """The `fw_once` global of one build, whose theme environment is env (its `url` filter is wrapped to note
    the links a part writes); enabled False renders every part every time (plain MkDocs, for the benchmark)."""
    kept: dict[tuple, tuple[Markup, frozenset[str]]] = {}  # (part, base_url, no page) -> (text, folders linked)
    noting: list[set[str]] = []  # the folders linked by each part being rendered (a part may hold parts)

    @pass_context
    def fw_once(context, name: str, caller: Callable[[], str]) -> Markup:
        if not enabled:
            return Markup(caller())
        page = context.get("page")
        folder = _first_folder(str(page.url)) if page is not None else None
        key = (name, context.get("base_url"), page is None)
        found = kept.get(key)
        if found is not None and folder not in found[1]:
            return found[0]
        noting.append(set())
        try:
            html = Markup(caller())
        finally:
            linked = noting.pop()
        if folder not in linked:
            kept.setdefault(key, (html, frozenset(linked)))
        return html

    if enabled:
        url = env.filters["url"]

        @pass_context
        def noting_url(context, value):
            for folders in noting:
                folders.add(_first_folder(str(value)))
            return url(context, value)

        env.filters["url"] = noting_url
    return fw_once


def page_fragments(enabled: bool) -> Callable[..., Any]:
    """The `fw_page_once` global of one build: a part that reads only the page (not where it is written) is
    rendered once for each page; enabled False renders it every time."""
    last: dict[str, Markup] = {}  # the parts of the page being rendered, by name
    rendering: list = [None]  # that page

    @pass_context
    def fw_page_once(context, name: str, caller: Callable[[], str]) -> Markup:
        page = context.get("page")
        if not enabled or page is None:
            return Markup(caller())
        if rendering[0] is not page:
            rendering[0] = page
            last.clear()
        if name not in last:
            last[name] = Markup(caller())
        return last[name]

    return fw_page_once


def _first_folder(path: str) -> str:
    """The first folder of a path ('' for the site's root), leading '../' and './' aside."""
    parts = [part for part in posixpath.normpath(path).split("/") if part not in {"", ".", ".."}]
    return parts[0] if parts else ""
