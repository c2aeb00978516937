"""MkDocs plugin `fostering_sites`: our catalogue and formatting in the theme, and less work per build.

- Theme templates get our gettext catalogue and Babel formatting: our overrides in site_src/overrides write
  `{{ _("Part of %(brand)s", brand=...) }}` and get the string in the page's language, plural forms included.
- Every build reuses what does not change between builds: the list of the theme's files (thousands of
  icons walked and filtered) and the theme's compiled templates (a bytecode cache in .build/jinja, shared
  by every build and process). MkDocs would otherwise redo both for each of the 46 projects.
- A local site can use the theme's static files (CSS, JavaScript, fonts, the search worker) of the site
  whose root is `theme_assets` away (the main site of its language tree) instead of copying its own:
  the files are left out of its build and the theme's `url` filter points at the shared copy.
- MkDocs' own per-site sitemaps are not written: the publish stage writes one per language tree.
- The menu's top-level items are rendered once and reused on every page where they come out the same
  (generator/menu_cache.py): Material otherwise renders the whole menu again for every page.
- A page whose Markdown, place and links are those of a page converted before in the same process (a
  handbook's national chapters on every local site, a project built again after an edit) takes that page's
  HTML instead of being converted again (generator/markdown_memo.py), and a page whose HTML, address and
  title are those of a page indexed before takes that page's search entries (generator/search_memo.py).
  A build server's workers also keep each page's HTML, for a page whose template would read the same
  (generator/template_memo.py). What the pages of a project came to is also written beside its output, for
  the next build of the project in a process of its own (generator/memo_file.py).

With FOSTERING_PLAIN_MKDOCS=1 in the environment the plugin does only the first (what the theme needs to
render at all; the menu is then rendered whole on every page, and every page converted and indexed): the
benchmark's baseline, plain MkDocs (bench/bench.py).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from . import i18n, json_sources, markdown_memo, memo_file, search_memo, template_memo
from .fragment_cache import fragments, page_fragments
from .menu_cache import MenuCache

# Process-wide caches, so a worker building many projects does each of these once.
_THEME_FILES: dict[tuple, list[str]] = {}
_BYTECODE: dict[str, object] = {}


class FosteringSitesConfig(Config):
    root = config_options.Type(str)  # the project root, where site_src/locales lives (relative: to mkdocs.yml)
    lang = config_options.Type(str)
    locale = config_options.Type(str)
    # The relative path from this site's root to the site holding the shared theme files ('' = own copy).
    theme_assets = config_options.Type(str, default="")


class FosteringSitesPlugin(BasePlugin[FosteringSitesConfig]):
    serving = False  # `mkdocs serve` (our live preview) serves one site alone: it keeps its own theme files

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this instance for every rebuild of a `serve` session.
        self.serving = command == "serve"

    @event_priority(100)  # before the search plugin, which loads theme templates in its on_config
    def on_config(self, config):
        self.plain = os.environ.get("FOSTERING_PLAIN_MKDOCS") == "1"
        self.root = Path(config.config_file_path).parent / self.config.root if config.config_file_path else Path(
            self.config.root)
        self._theme_dirs = [os.path.normpath(folder) for folder in config.theme.dirs]
        markdown_memo.enabled = search_memo.enabled = not self.plain
        template_memo.enabled = (template_memo.wanted or memo_file.active()) and not self.plain and not self.serving
        if self.plain:
            return config
        json_sources.install()
        markdown_memo.install()
        search_memo.install()
        template_memo.install()
        theme = config.theme
        original = type(theme).get_env
        key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)))
        cache_dir = self.root / ".build" / "jinja"

        def get_env():
            env = original(theme)
            env.bytecode_cache = _bytecode_cache(cache_dir)
            unfiltered = env.list_templates

            def list_templates(extensions=None, filter_func=None):
                # MkDocs lists the theme's files to find its static files, with a filter that refuses every
                # path with a part starting with '.': walk without those folders (Material's thousands of
                # icons are in '.icons'), once per process.
                if (self.serving or extensions is not None or filter_func is None or filter_func(".x")
                        or filter_func("a/.x")):
                    return unfiltered(extensions, filter_func)
                if key not in _THEME_FILES:
                    _THEME_FILES[key] = [name for name in _theme_files(theme.dirs) if filter_func(name)]
                return list(_THEME_FILES[key])

            env.list_templates = list_templates
            return env

        theme.get_env = get_env
        return config

    def on_files(self, files, /, *, config):
        if self._shares_assets():
            for file in [f for f in files if not f.is_documentation_page() and _within(f.abs_src_path,
                                                                                     self._theme_dirs)]:
                files.remove(file)
        if not self.plain:
            config.theme.static_templates.discard("sitemap.xml")
        return files

    def _shares_assets(self) -> bool:
        return bool(self.config.theme_assets) and not self.serving and not self.plain

    def on_env(self, env, /, *, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(i18n.translations(self.root.resolve(), self.config.lang),
                                         newstyle=True)
        env.filters["fw_date"] = lambda value: i18n.date(value, self.config.locale)
        env.filters["fw_money"] = lambda value: i18n.money(value, self.config.locale)
        if self._shares_assets():
            env.filters["url"] = _shared_assets_filter(env.filters["url"], self.config.theme_assets,
                                                       self._theme_dirs)
        theme = (config.theme.get("language"), tuple(config.theme.get("features") or ()),
                 repr(config.extra.get("status")))
        env.globals["fw_menu"] = MenuCache(None if self.plain else env.filters["url"], theme)
        env.globals["fw_once"] = fragments(not self.plain, env)
        env.globals["fw_page_once"] = page_fragments(not self.plain)
        return env

    def on_post_page(self, output, /, *, page, config):
        # mkdocs-material writes tabindex="" on the label of a menu section (the handbook's), which is not
        # valid HTML (an integer is required); without the attribute the label behaves the same.
        return output.replace(' tabindex=""', "")

    def on_post_template(self, output, /, *, template_name, config):
        return output.replace(' tabindex=""', "")  # the 404 page's menu, as above


def _theme_files(folders: list[str]) -> list[str]:
    """What jinja2.FileSystemLoader.list_templates finds, less anything under a folder starting with '.'."""
    found = set()
    for folder in folders:
        for base, subfolders, names in os.walk(folder, followlinks=True):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            prefix = os.path.relpath(base, folder).replace(os.sep, "/")
            found.update(name if prefix == "." else f"{prefix}/{name}" for name in names)
    return sorted(found)


def _within(path: str, folders: list[str]) -> bool:
    path = os.path.normpath(path)
    return any(path.startswith(folder + os.sep) for folder in folders)


def _bytecode_cache(folder: Path):
    from .jinja_cache import FolderBytecodeCache

    key = os.path.realpath(folder)  # each project names the working folder by a path of its own
    if key not in _BYTECODE:
        _BYTECODE[key] = FolderBytecodeCache(key)
    return _BYTECODE[key]


def _shared_assets_filter(url_filter, prefix: str, theme_dirs: list[str]):
    """The theme's `url` filter, sending a theme file's address to the shared copy `prefix` away."""
    from jinja2 import pass_context

    known: dict[str, bool] = {}

    def is_theme_file(value: str) -> bool:
        if value not in known:
            path = value.split("?", 1)[0].split("#", 1)[0]
            known[value] = bool(path) and not path.startswith(("/", ".")) and "://" not in path and any(
                (Path(folder) / path).is_file() for folder in theme_dirs)
        return known[value]

    @pass_context
    def url(context, value):
        value = str(value)
        if not is_theme_file(value):
            return url_filter(context, value)
        result = url_filter(context, prefix + value)
        # Error pages use absolute paths ('/anglesey/../assets/...'): write them without the '..'.
        return posixpath.normpath(result) if result.startswith("/") else result

    return url
