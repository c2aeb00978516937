"""MkDocs plugin `fostering_sites`: our catalogue and formatting in the theme, one copy of the theme's files per
language tree, and (while the seam is installed) less work per build.

Always:
- theme templates get our gettext catalogue and Babel formatting: our overrides in site_src/overrides write
  `{{ _("Part of %(brand)s", brand=...) }}` and get the string in the page's language, plural forms included;
- search uses our lunr pipeline for the site's language where the theme ships one (`search_language`);
- the search's count of results in every plural form of the language (`fw_search_counts`, for fostering.js);
- Material's invalid `tabindex=""` on a menu section's label is left out;
- names kept in another language (data/glossary.yml `names`) are marked with it (generator/render/names.py).
- a page's "Edit this page" address (`fw.edit_url` in its front matter, written by the renderer when the tenant
  names its repository) becomes the page's `edit_url`, which Material's edit button shows: the generated file's
  own address would lead to a copy no contributor edits.

While the seam is installed (`seam`; not on the plain route, FOSTERING_PLAIN_MKDOCS=1):
- a local site uses the theme's static files (CSS, JavaScript, the search worker) of the site whose root is
  `theme_assets` away (the main site of its language tree) instead of copying its own: the files are left out
  of its build and the theme's `url` filter points at the shared copy (the one difference from the plain route);
- the theme environment is made as `theme_env` says (files listed once, templates compiled once), our copies
  of Material's partials (`theme/`) come before Material's own, and MkDocs' per-site sitemaps are not written
  (the publish stage writes one per language tree);
- the menu's items and the frame's parts are rendered once and reused where they come out the same
  (`menu_cache`, `fragment_cache`); pages converted, indexed or laid out before are not done again
  (`markdown_memo`, `search_memo`, `template_memo`, `page_memos`).
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from generator.mkdocs_ext import markdown_memo, page_memos, seam, search_language, search_memo, template_memo
from generator.mkdocs_ext.fragment_cache import fragments, page_fragments
from generator.mkdocs_ext.menu_cache import MenuCache
from generator.mkdocs_ext.theme_env import wrap_get_env
from generator.paths import THEME_BYTECODE_DIR
from generator.render import i18n, names


class FosteringSitesConfig(Config):
    root = config_options.Type(str)  # the project root, where site_src/locales lives (relative: to mkdocs.yml)
    lang = config_options.Type(str)
    locale = config_options.Type(str)
    # The relative path from this site's root to the site holding the shared theme files ('' = own copy).
    theme_assets = config_options.Type(str, default="")
    # Names kept in another language, by language (data/glossary.yml `names`): marked with it in every page.
    names = config_options.Type(dict, default={})
    # The tenant's languages: our search files for other languages are not published (a tenant in English only
    # ships no Welsh pipeline).
    languages = config_options.Type(list, default=[])


class FosteringSitesPlugin(BasePlugin[FosteringSitesConfig]):
    serving = False  # `mkdocs serve` (our live preview) serves one site alone: it keeps its own theme files

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this instance for every rebuild of a `serve` session.
        self.serving = command == "serve"

    @event_priority(100)  # before the search plugin, which loads theme templates in its on_config
    def on_config(self, config):
        seam.apply()  # a worker has applied it before reading any configuration; `mkdocs serve` has not
        self.fast = seam.installed()
        self.root = Path(config.config_file_path).parent / self.config.root if config.config_file_path else Path(
            self.config.root)
        markdown_memo.enabled = search_memo.enabled = self.fast
        template_memo.enabled = (template_memo.wanted or page_memos.active()) and self.fast and not self.serving
        theme = config.theme
        search_language.configure(config, self.config.lang)
        if self.fast:
            if str(seam.THEME_DIR) not in theme.dirs:
                theme.dirs.insert(1 if theme.custom_dir else 0, str(seam.THEME_DIR))
            wrap_get_env(theme, self.root / THEME_BYTECODE_DIR, self.serving)
        self._theme_dirs = [os.path.normpath(folder) for folder in theme.dirs]
        return config

    def on_files(self, files, /, *, config):
        if self.config.languages:
            unused = search_language.unused_files(config, self.config.languages)
            for file in [f for f in files if f.src_uri in unused]:
                files.remove(file)
        if self._shares_assets():
            for file in [f for f in files if not f.is_documentation_page() and _within(f.abs_src_path,
                                                                                     self._theme_dirs)]:
                files.remove(file)
        if self.fast:
            config.theme.static_templates.discard("sitemap.xml")
        return files

    def _shares_assets(self) -> bool:
        return bool(self.config.theme_assets) and not self.serving and self.fast

    def on_env(self, env, /, *, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(i18n.translations(self.root.resolve(), self.config.lang),
                                         newstyle=True)
        env.filters["fw_date"] = lambda value: i18n.date(value, self.config.locale)
        env.filters["fw_money"] = lambda value: i18n.money(value, self.config.locale)
        env.globals["fw_search_counts"] = json.dumps(
            i18n.search_counts(self.root.resolve(), self.config.lang, self.config.locale), ensure_ascii=False,
            sort_keys=True)
        if self._shares_assets():
            env.filters["url"] = _shared_assets_filter(env.filters["url"], self.config.theme_assets,
                                                       self._theme_dirs)
        theme = (config.theme.get("language"), tuple(config.theme.get("features") or ()),
                 repr(config.extra.get("status")))
        # fw_once wraps parts of our own templates: on the plain route it renders them every time.
        env.globals["fw_menu"] = MenuCache(env.filters["url"] if self.fast else None, theme)
        env.globals["fw_once"] = fragments(self.fast, env)
        env.globals["fw_page_once"] = page_fragments(self.fast)
        return env

    def on_page_markdown(self, markdown, /, *, page, config, files):
        edit_url = (page.meta.get("fw") or {}).get("edit_url")
        if edit_url:
            page.edit_url = edit_url
        return markdown

    def on_post_page(self, output, /, *, page, config):
        # mkdocs-material writes tabindex="" on the label of a menu section (the handbook's), which is not
        # valid HTML (an integer is required); without the attribute the label behaves the same.
        return names.mark(output.replace(' tabindex=""', ""), self.config.lang, self.config.names)

    def on_post_template(self, output, /, *, template_name, config):
        if not template_name.endswith(".html"):
            return output
        # The 404 page's menu, as above.
        return names.mark(output.replace(' tabindex=""', ""), self.config.lang, self.config.names)


def _within(path: str, folders: list[str]) -> bool:
    path = os.path.normpath(path)
    return any(path.startswith(folder + os.sep) for folder in folders)


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
