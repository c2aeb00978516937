"""A page whose template would read what it read before is not rendered again: its HTML is reused.

A build server builds a project again after an edit to one of its pages; the Markdown memo spares the
conversions, but the theme's templates (half of what is left: the menu, header, footer and contents list of
every page) would still be rendered for every page. While a build of ours runs, MkDocs' `_build_page` is
wrapped so that the template of a page whose inputs are those of a page rendered before returns that
page's HTML. The inputs are all the template can read:

- the page: its HTML, contents list, title, front matter, address, file and neighbours in the menu;
- the build: the project's configuration as loaded from its files (the site's name, address, language,
  theme and menu titles), every page's title and address in the menu, every file's address.

The theme's own pages (404.html) are kept likewise, by the build's inputs alone.

The HTML comes from one of two places:
- memory, in processes that build the same projects again (`wanted`: a build server's workers), at most
  48 MiB of it per process, the oldest dropped first. The theme's templates, catalogues and the code are not
  in the key: a build server stops when any of them changes;
- the project's previous output, whose memo file (`page_memos`, read only with the same theme, catalogues and
  code) names the file each key's page was written to. That file is what the template gave after the
  post-page steps; the only such step is ours (`_OWN_STEPS`: it removes an attribute, and done again it
  changes nothing), so the file stands for the template's output. With any other step, it is not used.

MkDocs still runs the page's plugin events and writes the file; a page taken from the previous output that
comes out byte for byte as that file is written as a hard link to it (a link costs the file system far less
than a new file). `make serve` (whose theme can change under it) renders every page.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from typing import Any

from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.nav import Link, Section

from generator.memo import BoundedStore
from generator.mkdocs_ext import page_memos

_build_page = mkdocs_build._build_page  # MkDocs' own
_build_theme_template = mkdocs_build._build_theme_template
_write_file = mkdocs_utils.write_file
_pages_html = BoundedStore(48 * 2**20, cost=lambda key, html: len(key[1]) + len(html))  # key[1]: the page's HTML
_build: tuple[Any, Any, str, bool] = (None, None, "", False)
wanted = False  # this process builds the same projects again (set in a build server's workers)
enabled = False  # set for each build by the plugin
# What a page goes through after its template: our plugin's steps only (see the module's docstring).
_OWN_STEPS = frozenset({"FosteringSitesPlugin.on_post_page", "FosteringSitesPlugin.on_post_template"})


# Pages whose HTML came from the previous output: where MkDocs will write each -> (that file, its bytes).
_previous_files: dict[str, tuple[str, bytes]] = {}


def write_file(content: bytes, output_path: str) -> None:
    """MkDocs' `write_file`, but a page that comes out as the previous output's file is linked to it."""
    previous = _previous_files.pop(output_path, None) if enabled else None
    if previous is not None and previous[1] == content:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        try:
            os.link(previous[0], output_path)
            return
        except OSError:
            pass
    _write_file(content, output_path)


def build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
    if not enabled or excluded:
        return _build_page(page, config, doc_files, nav, env, dirty, excluded)
    key = (page.content, page.url, page.file.src_uri, page.title, repr(page.meta), _toc_signature(page.toc),
           _neighbour(page.previous_page), _neighbour(page.next_page), page.canonical_url, page.edit_url,
           _build_digest(config, nav, doc_files))
    templates = _Templates(env, key, page.file.dest_uri, page.file.abs_dest_path)
    return _build_page(page, config, doc_files, nav, templates, dirty, excluded)


def build_theme_template(template_name, env, files, config, nav):
    """The theme's own pages (404.html): they read only the build's configuration, menu and files."""
    if not enabled:
        return _build_theme_template(template_name, env, files, config, nav)
    key = ("theme page", _build_digest(config, nav, files))
    return _build_theme_template(template_name, _Templates(env, key, template_name, None), files, config, nav)


class _Templates:
    """The theme's environment as `_build_page` uses it: the page's template, rendered once per key."""

    def __init__(self, env, key: tuple, written_to: str, target: str | None):
        self.env, self.key = env, key
        self.written_to, self.target = written_to, target  # the output file, in the site and on disk

    def get_template(self, name, *args, **kwargs):
        return _Template(self.env.get_template(name, *args, **kwargs), (name, *self.key), self.written_to,
                         self.target)


class _Template:
    def __init__(self, template, key: tuple, written_to: str, target: str | None):
        self.template, self.key, self.written_to, self.target = template, key, written_to, target

    def render(self, context) -> str:
        html = _pages_html.get(self.key) if wanted else None
        # The previous output's file: the HTML when memory has none, and what MkDocs' file may be linked to.
        found = _written_before(self.key) if html is None or self.target is not None else None
        if found is not None and self.target is not None:
            _previous_files[self.target] = found
        if html is None:
            html = found[1].decode("utf-8") if found is not None else self.template.render(context)
            if wanted:
                _pages_html.put(self.key, html)
        page_memos.note("templates", self.key, self.written_to)
        return html


def _written_before(key: tuple) -> tuple[str, bytes] | None:
    """The file of the project's previous output a page with this key was written to, and its bytes."""
    written_to, folder = page_memos.find("templates", key), page_memos.previous_output()
    if written_to is None or folder is None or not _build[3]:
        return None
    path = os.path.join(folder, written_to)
    try:
        with open(path, "rb") as file:
            return path, file.read()
    except OSError:
        return None


def _neighbour(page) -> tuple | None:
    return None if page is None else (page.title, page.url)


def _toc_signature(toc) -> tuple:
    return tuple((item.title, item.id, item.url, item.level, _toc_signature(item.children)) for item in toc)


def _build_digest(config, nav, files) -> str:
    """The project's configuration, menu and files: once per build."""
    global _build
    if _build[0] is not nav or _build[1] is not config:
        with warnings.catch_warnings():  # deprecated in MkDocs 1.6, but it is what the files said
            warnings.simplefilter("ignore", DeprecationWarning)
            loaded = [{name: value for name, value in user.items() if name != "site_dir"}
                      for user in config.user_configs]
        described = repr((loaded, _nav_signature(nav.items), sorted((file.src_uri, file.url) for file in files)))
        own_steps_only = all(getattr(step, "__qualname__", "") in _OWN_STEPS
                             for event in ("post_page", "post_template") for step in config.plugins.events[event])
        _build = (nav, config, hashlib.blake2b(described.encode(), digest_size=16).hexdigest(), own_steps_only)
        _previous_files.clear()  # a new build: any left were not written
    return _build[2]


def _nav_signature(items) -> tuple:
    signature = []
    for item in items:
        if isinstance(item, Section):
            signature.append(("section", item.title, _nav_signature(item.children)))
        elif isinstance(item, Link):
            signature.append(("link", item.title, item.url))
        else:
            signature.append(("page", item.title, item.url, item.file.src_uri))
    return tuple(signature)

