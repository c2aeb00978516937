"""MkDocs plugin `fosterwales`: gives theme templates our gettext catalogue and Babel formatting.

With it, our template overrides in site_src/overrides write `{{ _("Part of %(brand)s", brand=...) }}` and get
the string in the page's language, plural forms included.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from . import i18n


class FosterWalesConfig(Config):
    root = config_options.Type(str)  # the project root, where site_src/locales lives
    lang = config_options.Type(str)
    locale = config_options.Type(str)


class FosterWalesPlugin(BasePlugin[FosterWalesConfig]):
    def on_env(self, env, /, *, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(i18n.translations(Path(self.config.root), self.config.lang),
                                         newstyle=True)
        env.filters["fw_date"] = lambda value: i18n.date(value, self.config.locale)
        env.filters["fw_money"] = lambda value: i18n.money(value, self.config.locale)
        return env
