"""Every page's translations are linked both ways: hreflang alternates, the canonical address and the language switch.

- each page has a canonical address that is its own, and one `hreflang` alternate per language plus x-default;
- each alternate is the published address of a page that exists, and that page's alternate for this language
  points back here (search engines ignore pairs that are not reciprocal);
- the language switch links to the same page (same page id) in each other language, marked with that
  language's `lang` and `hreflang`.
The addresses come from data/site.yml (base_url), data/authorities.yml and the page slugs; the theme
(site_src/overrides/main.html, partials/alternate.html) only shows them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from generator.checks.page_head import Head
from generator.model.errors import Problem
from generator.model.project import Project
from generator.render import urls
from generator.render.urls import page_files

if TYPE_CHECKING:
    from generator.checks.facts import PageFacts
_FIX = ("The language links are worked out from the page ids and slugs, data/site.yml (base_url) and "
        "data/authorities.yml, and shown by site_src/overrides/main.html and partials/alternate.html: check "
        "the page's id matches its translation's, and that those files were not changed by mistake.")


def check_alternates(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                     scope: Collection[str] | None = None) -> list[Problem]:
    languages = project.languages
    address: dict[str, tuple] = {}  # published address -> (page, language)
    files: dict[str, str] = {}  # published address -> built file
    for row in page_files(project):
        for lang, url in row.addresses.items():
            address[url], files[url] = (row.page, lang), row.files[lang]
    heads: dict[str, Head | None] = {}

    def head_of(url: str) -> Head | None:
        """The page's head, read when first needed (None: the page was not built)."""
        if url not in heads:
            heads[url] = facts[files[url]].head if files[url] in facts else None
        return heads[url]

    problems = []
    for url, (page, lang) in address.items():
        if scope is not None and files[url] not in scope:
            continue
        head = head_of(url)
        if head is None:
            continue  # a missing page is reported by the link check
        source = page.source(lang).file
        where = f" (on {urls.output_path(page, lang)})"

        def problem(message: str, source: str = source, where: str = where) -> None:
            problems.append(Problem(source, message + where, fix=_FIX))

        if head.canonical != url:
            problem(f"The page's canonical address is '{head.canonical}', not its own address '{url}'.")
        if len(languages) > 1:
            for code in [*languages, "x-default"]:
                if code not in head.alternates:
                    problem(f"The page has no hreflang alternate for '{code}'.")
            expected_default = urls.absolute_url(project, page, project.default_language)
            if head.alternates.get("x-default", expected_default) != expected_default:
                problem(f"The x-default alternate is '{head.alternates['x-default']}', not the "
                        f"{project.default_language} page '{expected_default}'.")
        for code, href in head.alternates.items():
            if code == "x-default":
                continue
            target = address.get(href)
            if target is None:
                problem(f"The hreflang '{code}' alternate '{href}' is not the address of any page.")
            elif target[0].id != page.id or target[0].site != page.site or target[1] != code:
                problem(f"The hreflang '{code}' alternate '{href}' is another page, not this page's translation.")
            elif head_of(href) and head_of(href).alternates.get(lang) != url:
                problem(f"The hreflang '{code}' alternate '{href}' does not point back to this page "
                        f"(it gives '{head_of(href).alternates.get(lang)}'): hreflang pairs must be reciprocal.")
        problems.extend(_check_switch(project, facts, page, lang, head, address, source, where))
    return list(dict.fromkeys(problems))


def _check_switch(project: Project, facts: Mapping[str, PageFacts], page, lang: str, head: Head, address: dict,
                  source: str, where: str) -> list[Problem]:
    """The page's language switch links to this page in each other language. A relative link is followed
    within the tree, whose pages are the keys of facts (paths relative to the tree)."""
    problems = []
    others = [code for code in project.languages if code != lang]
    found = {link.get("hreflang"): link for link in head.switches}
    here = urls.output_path(page, lang) + "index.html"
    for code in others:
        link = found.get(code)
        if link is None:
            problems.append(Problem(source, f"The language switch has no link to the {code} page{where}.", fix=_FIX))
            continue
        if link.get("lang") != code:
            problems.append(Problem(source, f"The language switch link to {code} is not marked lang=\"{code}\", so "
                                    f"screen readers pronounce it wrongly{where}.", fix=_FIX))
        expected = urls.output_path(page, code) + "index.html"
        href = link.get("href", "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            target = address.get(href)
            ok = target is not None and (target[0].site, target[0].id, target[1]) == (page.site, page.id, code)
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
            folder = "" if resolved == "." else resolved
            if not posixpath.splitext(resolved)[1] or posixpath.join(folder, "index.html") in facts:
                resolved = posixpath.join(folder, "index.html")
            if resolved not in facts:
                problems.append(Problem(source, f"The language switch links to '{href}', a page that does not "
                                        f"exist{where}.", fix=_FIX))
                continue
            ok = resolved == expected
        if not ok:
            problems.append(Problem(source, f"The language switch links to '{href}', which is not this page in "
                                    f"{code}{where}.", fix=_FIX))
    return problems
