"""The built HTML file of every page, with the source file it came from."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.model.project import Project
from generator.render.urls import page_files


def sources(project: Project) -> dict[str, str]:
    """The source file a contributor edits of every page's built file (by its path relative to the tree):
    worked out once per loaded project, as every check asks."""
    if "page-sources" not in project.memo:
        project.memo["page-sources"] = {relative: row.page.source(lang).file
                                        for row in page_files(project) for lang, relative in row.files.items()}
    return project.memo["page-sources"]


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
