"""The one seam between the generator and MkDocs/Material: every function, method, filter and template of
theirs that we replace, wrap or copy, registered here, checked here, installed (or left out) here.

Everything registered saves work and must not change a byte of the output: the plain route
(FOSTERING_PLAIN_MKDOCS=1) leaves all of it out and builds with MkDocs and Material as they are, and
tests/test_plain_route.py builds the default tenant both ways and compares every file. The one difference,
by design, is listed in `PLAIN_ROUTE_DIFFERENCES`.

Each entry names the original and a digest of it as it was when our version was written against it
(`SYNCED_WITH`). `check()` compares the installed originals with those digests and refuses to build when one
differs, naming what to re-sync: after upgrading MkDocs or Material, read the original's new code, bring our
version in line (the file named in the message), then update the digest (`python -m generator.mkdocs_ext.seam`
prints the current ones).

Four kinds of entry:
- `Replace`: installed at a worker's start (`install`), put back by `remove`;
- `PerBuild`: applied by the plugin to each build's theme or environment (`mkdocs_ext.plugin`), only while the
  seam is installed;
- `Copy`: a Material template we ship a changed copy of (`theme/`: put in front of Material's templates while
  the seam is installed), or one our templates wrap (`site_src/overrides/main.html` wraps blocks of base.html
  in `fw_once`, which renders them every time on the plain route), or one we ship a corrected copy of on both
  routes (`site_src/overrides/partials/languages/cy.html`: Material's Welsh interface strings);
- `Extend`: a behaviour of Material's we build on through its own extension point, on both routes (it changes
  what a site does, not how fast it is built), checked like the others so an upgrade is read before it ships.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

SYNCED_WITH = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}
PLAIN_SWITCH = "FOSTERING_PLAIN_MKDOCS"  # "1": the plain route
THEME_DIR = Path(__file__).resolve().parent / "theme"  # our copies of Material's partials

PLAIN_ROUTE_DIFFERENCES = {
    "theme assets": "A local site published under its language's address links to the theme's files (CSS, "
                    "JavaScript, the search worker) of the main site at the root of the language tree, and does "
                    "not carry its own copy (`mkdocs_ext.plugin`: the url filter for theme files). The plain route "
                    "gives every site its own copy and links to it.",
}


@dataclass(frozen=True)
class Replace:
    original: str  # "module:Qualified.name"
    replacement: str  # "module:name" of ours
    ours: str  # what to re-sync when the original changes
    when: str = "build"  # or "preview": installed only for the live preview


@dataclass(frozen=True)
class PerBuild:
    original: str
    ours: str


@dataclass(frozen=True)
class Copy:
    original: str  # "material:templates/<path>"
    ours: str


@dataclass(frozen=True)
class Extend:
    original: str
    ours: str


_EXT = "generator/mkdocs_ext/"
REGISTER: tuple[Replace | PerBuild | Copy | Extend, ...] = (
    # MkDocs reads the generated configuration and front matter (JSON) with json, not PyYAML.
    Replace("mkdocs.utils.meta:get_data", "generator.mkdocs_ext.json_sources:read_front_matter",
            _EXT + "json_sources.py"),
    Replace("mkdocs.config.defaults:yaml_load", "generator.mkdocs_ext.json_sources:read_config",
            _EXT + "json_sources.py (it merges INHERIT as this function does)"),
    # The installed themes, the theme's files and its compiled templates: once per process.
    Replace("mkdocs.utils:get_themes", "generator.mkdocs_ext.theme_env:get_themes", _EXT + "theme_env.py"),
    PerBuild("mkdocs.theme:Theme.get_env", _EXT + "theme_env.py (bytecode cache, theme files listed once)"),
    PerBuild("jinja2.loaders:FileSystemLoader.list_templates", _EXT + "theme_env.py (theme_files)"),
    PerBuild("mkdocs.structure.files:Files.add_files_from_theme", _EXT + "theme_env.py (the filter it detects)"),
    # A page converted, indexed or laid out before, with the same inputs, is not done again.
    Replace("mkdocs.structure.pages:Page.render", "generator.mkdocs_ext.markdown_memo:render",
            _EXT + "markdown_instances.py (a copy of it) and markdown_memo.py (what it sets)"),
    PerBuild("mkdocs.structure.pages:_RawHTMLPreprocessor", _EXT + "markdown_instances.py (_RawHTMLAnchors)"),
    Replace("material.plugins.search.plugin:SearchIndex.add_entry_from_context",
            "generator.mkdocs_ext.search_memo:add_entry_from_context", _EXT + "search_memo.py"),
    Replace("material.plugins.search.plugin:Parser", "generator.mkdocs_ext.search_memo:QuickParser",
            _EXT + "search_memo.py and html_events.py (the calls html.parser makes)"),
    Replace("material.plugins.search.plugin:SearchPlugin.on_page_context",
            "generator.mkdocs_ext.search_memo:on_page_context", _EXT + "search_memo.py"),
    Replace("mkdocs.commands.build:_build_page", "generator.mkdocs_ext.template_memo:build_page",
            _EXT + "template_memo.py (what a page's template reads)"),
    Replace("mkdocs.commands.build:_build_theme_template", "generator.mkdocs_ext.template_memo:build_theme_template",
            _EXT + "template_memo.py"),
    Replace("mkdocs.utils:write_file", "generator.mkdocs_ext.template_memo:write_file", _EXT + "template_memo.py"),
    # The page frame's parts rendered once per place, the menu's items once per way they are written.
    PerBuild("mkdocs.utils:get_relative_url", _EXT + "menu_cache.py and fragment_cache.py (how links are written)"),
    PerBuild("mkdocs.utils:_norm_parts", _EXT + "menu_cache.py (_parts)"),
    PerBuild("mkdocs.utils.templates:url_filter", _EXT + "plugin.py (_shared_assets_filter) and fragment_cache.py "
             "(noting_url), which wrap it"),
    Copy("material:templates/partials/nav.html", _EXT + "theme/partials/nav.html"),
    Copy("material:templates/partials/nav-item.html", _EXT + "theme/partials/nav-item.html"),
    Copy("material:templates/partials/search.html", _EXT + "theme/partials/search.html"),
    Copy("material:templates/partials/toc.html", _EXT + "theme/partials/toc.html"),
    Copy("material:templates/partials/top.html", _EXT + "theme/partials/top.html"),
    Copy("material:templates/base.html", "site_src/overrides/main.html (the blocks it wraps in fw_once: styles, "
         "config, analytics, scripts)"),
    # The header with the "Get in touch" action on every page (data/landing.yml), on both routes.
    Copy("material:templates/partials/header.html", "site_src/overrides/partials/header.html"),
    # Material's Welsh interface strings, corrected (a language's strings can only be changed by a copy).
    Copy("material:templates/partials/languages/cy.html", "site_src/overrides/partials/languages/cy.html"),
    # Search in a language of ours: Material's search plugin keeps the language and pipeline we set before its
    # on_config; its worker loads lunr/min/lunr.<lang>.min.js for every search language but "en" (so English is
    # "en-gb"), uses lunr[lang] as a plugin and removes the pipeline steps not configured; our language files
    # load lunr.forms.js with importScripts from the worker's own folder, and it wraps lunr 2.3.9's Index.query
    # (terms with wildcards skip lunr's search pipeline) and relies on Material marking a word missing unless a
    # matched term begins with it.
    Extend("material.plugins.search.plugin:SearchPlugin.on_config", _EXT + "search_language.py"),
    Extend("material:templates/assets/javascripts/workers/search.a7633da7.min.js",
           "site_src/overrides/assets/javascripts/lunr/min/lunr.forms.js, the language files beside it "
           "(lunr.cy.min.js, lunr.en-gb.min.js) and search_language.py"),
    # The live preview looks for changed files more often than MkDocs' server does by default.
    Replace("mkdocs.commands.serve:LiveReloadServer", "generator.mkdocs_ext.preview_server:LiveReloadServer",
            _EXT + "preview_server.py", when="preview"),
)


# Each original's digest as our version was last synced with it (`current_digest`).
DIGESTS = {
    "mkdocs.utils.meta:get_data": "90d85956daba713cb6ad35c5a7f96820",
    "mkdocs.config.defaults:yaml_load": "4edba5b010351a3af2afd46d4527ffe1",
    "mkdocs.utils:get_themes": "4c9298651b75ea5d39d55e5c87c08f89",
    "mkdocs.theme:Theme.get_env": "9f0dc8a330cb25ad11a2362b78b522a7",
    "jinja2.loaders:FileSystemLoader.list_templates": "e037cd23c530cd624e75d96dfd8d091f",
    "mkdocs.structure.files:Files.add_files_from_theme": "57a2f9c51bf86cd62d1ef516f9ecf63e",
    "mkdocs.structure.pages:Page.render": "ff0c8968f74a38a16386b21651a06f85",
    "mkdocs.structure.pages:_RawHTMLPreprocessor": "b0736eb116d443d70efb4843e156c095",
    "material.plugins.search.plugin:SearchIndex.add_entry_from_context": "9d4a966a213991e1c839c96809607221",
    "material.plugins.search.plugin:Parser": "c62450cbae99d5598ecfa8b8872618be",
    "material.plugins.search.plugin:SearchPlugin.on_page_context": "137d6879d0fa0f4f26bf8ad6d8bf1cb7",
    "mkdocs.commands.build:_build_page": "4445ad09111309db00889fcadc378339",
    "mkdocs.commands.build:_build_theme_template": "c3cd8dd14ae4be9c4ccf84722df46953",
    "mkdocs.utils:write_file": "33f25f38278aa27317bbbf953e2f0fe2",
    "mkdocs.utils:get_relative_url": "c4cd42e46c265344aa204c05fdf32c77",
    "mkdocs.utils:_norm_parts": "a722a6293660d0f5ab4276a7aaadd30c",
    "mkdocs.utils.templates:url_filter": "7c0d6d4283d2e0ca262f158b3cefdcf1",
    "material:templates/partials/nav.html": "00ea3f50139c6e835d50f95d3f6c90cb",
    "material:templates/partials/nav-item.html": "e386c37c9cbe1fe8b3726b35f20d8546",
    "material:templates/partials/search.html": "05c77612ec1c0a4940a0633e71ad993a",
    "material:templates/partials/toc.html": "003e2ea6275c6c84ae317b9ddc2a6a71",
    "material:templates/partials/top.html": "23ba2f90fab15f5d3c67556fe3acb894",
    "material:templates/base.html": "a43f44ae0f4a6a1abe9a3f1a25a3e12e",
    "material:templates/partials/header.html": "113230da675a645efce6a20b683c4f2c",
    "material:templates/partials/languages/cy.html": "37424eb5dcf26bc68ffb603ea62d835e",
    "material.plugins.search.plugin:SearchPlugin.on_config": "b635b73944a6a975b9f7e9ca51cf7706",
    "material:templates/assets/javascripts/workers/search.a7633da7.min.js": "5b617b7317db86e3496dc6047fc02b44",
    "mkdocs.commands.serve:LiveReloadServer": "3dd0540feb5ebc9e1f1e59148fa67d7d",
}


class MkDocsChanged(Exception):
    """The installed MkDocs or Material differs from what our replacements were written against."""


_installed: dict[str, Any] = {}  # original -> the object it was, while the seam is installed
_checked = False


def wanted() -> bool:
    """Whether builds in this process take the seam (not on the plain route)."""
    return os.environ.get(PLAIN_SWITCH) != "1"


def installed() -> bool:
    """Whether builds in this process use the seam's replacements."""
    return any(change.original in _installed for change in REGISTER if isinstance(change, Replace)
               and change.when == "build")


def apply() -> None:
    """Install the seam, or on the plain route make sure nothing of it is installed."""
    if wanted():
        install()
    else:
        remove()


def install(when: str = "build") -> None:
    """Replace what the seam replaces for builds (when="build"), or for the live preview ("preview")."""
    check()
    for change in REGISTER:
        if isinstance(change, Replace) and change.when == when and change.original not in _installed:
            owner, name = _owner(change.original)
            _installed[change.original] = getattr(owner, name)
            setattr(owner, name, _resolve(change.replacement))


def remove() -> None:
    for original, value in reversed(list(_installed.items())):
        owner, name = _owner(original)
        setattr(owner, name, value)
    _installed.clear()


def original(name: str) -> Any:
    """The original object registered under name (as it was before the seam was installed)."""
    return _installed.get(name) or _resolve(name)


def check() -> None:
    """Refuse (MkDocsChanged) when an original differs from the one our version was written against."""
    global _checked
    if _checked:
        return
    changed = [change for change in REGISTER if current_digest(change.original) != DIGESTS.get(change.original)]
    if changed:
        installed_versions = ", ".join(f"{name} {version(name)}" for name in SYNCED_WITH)
        synced = ", ".join(f"{name} {number}" for name, number in SYNCED_WITH.items())
        lines = [f"  - {change.original}: re-sync {change.ours}" for change in changed]
        raise MkDocsChanged(
            f"MkDocs or Material has changed under the generator (installed: {installed_versions}; its "
            f"replacements were written against {synced}). These originals differ:\n" + "\n".join(lines)
            + "\nRead each original's new code and bring ours in line, then update its digest in "
              "generator/mkdocs_ext/seam.py (python -m generator.mkdocs_ext.seam prints them). Until then, "
              f"{PLAIN_SWITCH}=1 builds with MkDocs and Material as they are.")
    _checked = True


def current_digest(name: str) -> str:
    """A digest of the installed original: a template's bytes, or a function's, method's or class's source."""
    if name.startswith("material:"):
        import material

        path = Path(material.__file__).parent / name.partition(":")[2]
        if not path.is_file():  # a renamed bundle (its name carries its hash) is a changed one
            return "missing"
        data = path.read_bytes()
    else:
        found = original(name)
        data = inspect.getsource(getattr(found, "__wrapped__", found)).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _owner(name: str) -> tuple[Any, str]:
    module, _, path = name.partition(":")
    owner: Any = importlib.import_module(module)
    *parents, attribute = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    return owner, attribute


def _resolve(name: str) -> Any:
    owner, attribute = _owner(name)
    if isinstance(owner, type) and attribute in owner.__dict__:
        return owner.__dict__[attribute]  # as defined, not bound
    return getattr(owner, attribute)


if __name__ == "__main__":
    for change in REGISTER:
        print(f"{current_digest(change.original)}  {change.original}")
