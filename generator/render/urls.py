"""Where every page lands in the output, and the links between pages.

Output: one tree per language, `<lang>/` for the national site and `<lang>/<authority slug>/` for each local
site; a page `<slug>.md` becomes `<slug>/index.html` (MkDocs' directory URLs), the home page `index.html`.
"""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from generator.model.project import Page, Project, Site


def page_dir(page: Page, lang: str) -> str:
    """The page's folder within its site: '' for the home page, 'slug/', 'llawlyfr/' for a folder's index."""
    name = page.doc_name(lang)
    return name.removesuffix("index") if name == "index" or name.endswith("/index") else f"{name}/"


def doc_link(from_page: Page, to_page: Page, lang: str) -> str:
    """A Markdown link from one page's file to another's in the same site, which MkDocs checks and rewrites."""
    here = posixpath.dirname(from_page.doc_name(lang))
    return posixpath.relpath(f"{to_page.doc_name(lang)}.md", here or ".")


def site_dir(site: Site, lang: str) -> str:
    slug = site.slug(lang)
    return f"{slug}/" if slug else ""


def site_output_dir(site: Site, lang: str) -> str:
    """The site's folder relative to the output root, e.g. 'cy/ynys-mon/' ('cy/' for the main site)."""
    return f"{lang}/{site_dir(site, lang)}"


def output_path(page: Page, lang: str) -> str:
    """The page's folder relative to the output root, e.g. 'cy/ynys-mon/cysylltu/'."""
    return site_output_dir(page.site, lang) + page_dir(page, lang)


def relative_link(from_dir: str, to_dir: str) -> str:
    """A link from one output folder to another that works wherever the tree is served."""
    # Both are normalised folders under the output root ('cy/ynys-mon/cysylltu/'): posixpath.relpath
    # without its trip through the working directory (called thousands of times per build).
    here, there = [p for p in from_dir.split("/") if p], [p for p in to_dir.split("/") if p]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    link = posixpath.join(*[".."] * (len(here) - common), *there[common:]) if here[common:] or there[common:] else "."
    return "./" if link == "." else link + "/"


def site_base_url(project: Project, site: Site, lang: str) -> str:
    """The site's published address in a language: its own, or the language's base plus its folder."""
    if site.authority and site.authority.base_url:
        return site.authority.base_url.get(lang)
    return project.language(lang).base_url + site_dir(site, lang)


def absolute_url(project: Project, page: Page, lang: str) -> str:
    return site_base_url(project, page.site, lang) + page_dir(page, lang)


class PageFiles(NamedTuple):
    page: Page
    files: dict[str, str]  # language -> its built file, relative to the tree ('cy/ynys-mon/cysylltu/index.html')
    addresses: dict[str, str]  # language -> its published address


def page_files(project: Project) -> list[PageFiles]:
    """Every page's built file and address in each language: worked out once per loaded project, as the
    sitemaps and every output check ask (an incremental build checks only a few pages)."""
    if "page-files" not in project.memo:
        languages = project.languages
        project.memo["page-files"] = [
            PageFiles(page, {lang: output_path(page, lang) + "index.html" for lang in languages},
                      {lang: absolute_url(project, page, lang) for lang in languages})
            for page in project.all_pages()]
    return project.memo["page-files"]
