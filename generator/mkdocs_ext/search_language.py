"""The search language of a site: a language pipeline of ours for lunr.js, where the theme ships one.

mkdocs-material's search builds its index in the browser with lunr.js. Its worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for each search language but "en" and uses it as a lunr
plugin, so a language file in our theme overrides (`site_src/overrides/assets/...`) gives that language
its own trimming, stop words and stemming; the language files share `lunr.forms.js` beside them. English gets
stemming through a search language of its own, "en-gb" (`SEARCH_LANGUAGES`).

MkDocs' check of `search.lang` knows only the languages MkDocs ships (and falls back to English), so the search
plugin's language and pipeline are set here, after the configuration is read and before the search plugin's
`on_config`, which keeps values already set. The pipeline names all three steps so that Material removes none
of ours. Registered in `seam` (`Extend`): applied on the plain route too, since it changes what a site does.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGE_FILE = "assets/javascripts/lunr/min/lunr.{lang}.min.js"
PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]

# A site language -> its search language, where the two differ. Material's worker loads no lunr file for "en"
# (its English has no stemming), so English sites search in "en-gb", whose file (lunr.en-gb.min.js) stems
# British English. Any other language is its own search language.
SEARCH_LANGUAGES = {"en": "en-gb"}


def search_language(lang: str) -> str:
    """The search language of a site in `lang`: the code of its lunr file, if the theme ships one."""
    return SEARCH_LANGUAGES.get(lang, lang)


def configure(config, lang: str) -> None:
    """Give the search plugin the search language of `lang` and our full pipeline when the theme overrides ship
    its lunr file."""
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    custom_dir = config.theme.custom_dir
    code = search_language(lang)
    if search is None or not custom_dir or not (Path(custom_dir) / LANGUAGE_FILE.format(lang=code)).is_file():
        return
    search.config.lang = [code]
    search.config.pipeline = list(PIPELINE)


def unused_files(config, languages: list[str]) -> set[str]:
    """The lunr files of ours that no search language of `languages` loads."""
    wanted = {search_language(lang) for lang in languages}
    return {LANGUAGE_FILE.format(lang=code) for code in ours(config) if code not in wanted}


def ours(config) -> list[str]:
    """The search languages whose lunr file the theme overrides ship."""
    custom_dir = config.theme.custom_dir
    folder = Path(custom_dir) / Path(LANGUAGE_FILE).parent if custom_dir else None
    if folder is None or not folder.is_dir():
        return []
    return sorted(path.name.removeprefix("lunr.").removesuffix(".min.js") for path in folder.glob("lunr.*.min.js"))
