"""The built HTML file of every page, with the source file it came from."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..model import Project


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
    found = []
    for page in project.all_pages():
        for lang in project.languages:
            relative = urls.output_path(page, lang) + "index.html"
            if scope is None or relative in scope:
                found.append(BuiltPage(tree, relative, lang, page.source(lang).file))
    return found
