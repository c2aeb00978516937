"""Links a contributor wrote by hand lead to pages that exist: checked in the Markdown, so `generator check`
refuses them with the file and line before anything is built.

The built-tree gate (`checks.links`) checks every link of the output, the theme's and the templates' included,
but can only name the page a link is on. This reads what was written in each page's file: a link to another
page's file (`contact.md`, `../handbook/health.md`) and a link to a page's address (`../contact/`), resolved
from every site the page is published on. Links made by `page_url(...)`/`main_url(...)` are worked out from
the page's id (an unknown id is refused when the page is rendered); links to other files (images, feeds,
documents) and to other websites are left to the built-tree gates.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from generator.checks.safety import addresses, written_markdown
from generator.model.content import SourcePage
from generator.model.errors import Problem
from generator.model.handbook import compose
from generator.model.project import Page, Project
from generator.render import urls

# A page's address ends with '/' or names no file ('contact', '../money'); anything with an extension but .md
# (an image, a feed, a PDF) is a file, which the built-tree gate checks.
_FILE = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_FIX = ("Correct the link (a page's file, like contact.md, or its address, like ../contact/), or write "
        "{{ page_url('page-id') }} or {{ main_url('page-id') }} so the address is worked out for you.")


def check_source_links(project: Project) -> list[Problem]:
    published = {urls.output_path(page, lang)
                 for site in project.sites for page in project.site_pages(site) for lang in page.sources}
    written: dict[str, list[tuple[int, str]]] = {}  # a file's hand-written page links, read once
    problems: dict[tuple[str, int, str], Problem] = {}
    for site in project.sites:
        for page in project.site_pages(site):
            for lang in page.sources:
                for source in _written_sources(project, page, lang):
                    if source.file not in written:
                        written[source.file] = [(line, address) for line, address in
                                                addresses(source, written_markdown(project, source))
                                                if _page_link(address)]
                    for line, address in written[source.file]:
                        if (source.file, line, address) in problems:
                            continue
                        if not _leads_somewhere(project, page, lang, unquote(urlsplit(address).path), published):
                            problems[source.file, line, address] = Problem(
                                source.file, f"The link '{address}' leads to a page that does not exist (from "
                                f"{urls.output_path(page, lang)}).", line, fix=_FIX)
    return list(problems.values())


def _written_sources(project: Project, page: Page, lang: str) -> tuple[SourcePage, ...]:
    """The Markdown files a page is made from: a handbook chapter's core file and the variations its site's
    handbook applies to it (or the variation that adds it); any other page's own file."""
    if page.role == "chapter":
        for chapter in compose(project, page.site, lang):
            if chapter.id == page.id:
                return chapter.reviewed_material
    source = page.source(lang)
    return (source,) if source.file.endswith(".md") else ()


def _page_link(address: str) -> bool:
    """A relative link to a page: no scheme, host or root, not only a '#section', not another kind of file."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return False
    return parts.path.endswith(".md") or not _FILE.search(parts.path.rstrip("/"))


def _leads_somewhere(project: Project, page: Page, lang: str, path: str, published: set[str]) -> bool:
    if path.endswith(".md"):  # a page's file, relative to this page's file, as MkDocs resolves it
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.doc_name(lang)), path))
        return any(f"{other.doc_name(lang)}.md" == target
                   for other in project.site_pages(page.site) if lang in other.sources)
    folder = posixpath.normpath(posixpath.join(urls.output_path(page, lang), path))
    return f"{folder}/" in published
