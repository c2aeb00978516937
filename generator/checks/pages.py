"""The built HTML file of every page, with the source file it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..model import Project


@dataclass(frozen=True)
class BuiltPage:
    path: Path
    lang: str
    source_file: str


def built_pages(project: Project, tree: Path) -> list[BuiltPage]:
    return [BuiltPage(tree / urls.output_path(page, lang) / "index.html", lang, page.source(lang).file)
            for page in project.all_pages() for lang in project.languages]
