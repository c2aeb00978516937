"""The search language of a site: a language pipeline of ours for lunr.js, where the theme ships one.

mkdocs-material's search builds its index in the browser with lunr.js. Its worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for each search language but English and uses it as a lunr
plugin, so a language file in our theme overrides (`site_src/overrides/assets/...`) gives that language
its own trimming, stop words and stemming. MkDocs' check of `search.lang` knows only the languages MkDocs
ships (and falls back to English), so the search plugin's language and pipeline are set here, after the
configuration is read and before the search plugin's `on_config`, which keeps values already set. The
pipeline names all three steps so that Material removes none of ours. Registered in `seam` (`Extend`): applied
on the plain route too, since it changes what a site does.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGE_FILE = "assets/javascripts/lunr/min/lunr.{lang}.min.js"
PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]


def configure(config, lang: str) -> None:
    """Give the search plugin `lang` and our full pipeline when the theme overrides ship its lunr file."""
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    custom_dir = config.theme.custom_dir
    if search is None or not custom_dir or not (Path(custom_dir) / LANGUAGE_FILE.format(lang=lang)).is_file():
        return
    search.config.lang = [lang]
    search.config.pipeline = list(PIPELINE)


def ours(config) -> list[str]:
    """The languages whose lunr file the theme overrides ship."""
    custom_dir = config.theme.custom_dir
    folder = Path(custom_dir) / Path(LANGUAGE_FILE).parent if custom_dir else None
    if folder is None or not folder.is_dir():
        return []
    return sorted(path.name.removeprefix("lunr.").removesuffix(".min.js") for path in folder.glob("lunr.*.min.js"))
