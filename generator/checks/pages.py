"""The built HTML file of every page, with the source file it came from."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .. import urls
from ..model import Page, Project


class PageFiles(NamedTuple):
    page: Page
    files: dict[str, str]  # language -> its built file, relative to the tree ('cy/ynys-mon/cysylltu/index.html')
    addresses: dict[str, str]  # language -> its published address


class _Table(NamedTuple):
    project: Project | None
    pages: list[PageFiles]
    sources: dict[str, str]  # built file -> the source file a contributor edits


_table = _Table(None, [], {})


def _table_of(project: Project) -> _Table:
    """Worked out once per loaded project: every check asks, and an incremental build checks a few pages."""
    global _table
    if _table.project is not project:
        pages = [PageFiles(page, {lang: urls.output_path(page, lang) + "index.html" for lang in project.languages},
                           {lang: urls.absolute_url(project, page, lang) for lang in project.languages})
                 for page in project.all_pages()]
        sources = {relative: row.page.source(lang).file for row in pages for lang, relative in row.files.items()}
        _table = _Table(project, pages, sources)
    return _table


def page_files(project: Project) -> list[PageFiles]:
    """Every page's built files and addresses in each language."""
    return _table_of(project).pages


def sources(project: Project) -> dict[str, str]:
    """The source file of every page's built file (by its path relative to the tree)."""
    return _table_of(project).sources


@dataclass(frozen=True)
class BuiltPage:
    tree: Path
    relative: str  # the path relative to the tree, e.g. 'cy/ynys-mon/cysylltu/index.html'
    lang: str
    source_file: str

    @property
    def path(self) -> Path:
        return self.tree / self.relative


def built_pages(project: Project, tree: Path, scope: Collection[str] | None = None) -> list[BuiltPage]:
    """Every page's built file; only those in scope (paths relative to tree), when given."""
    found = sources(project)
    return [BuiltPage(tree, relative, lang, found[relative])
            for _, files, _ in page_files(project) for lang, relative in files.items()
            if scope is None or relative in scope]
