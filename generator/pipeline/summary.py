"""What a build did, as the command line and the build server report it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Summary:
    """What a build did, for the command line."""

    sites: int
    languages: int
    pages: int
    built: list[str] = field(default_factory=list)  # projects built by MkDocs this time ('<lang>/<site>')
    rendered: int = 0  # projects whose pages were rendered (the others' inputs had not changed)
    reused: int = 0  # projects whose previous output was reused
    unchanged: bool = False  # nothing to do: the output was already up to date
    warnings: str = ""  # what the contributor should still see (repeated by a build with nothing to do)
    # The same warnings, each a Problem's fields (its file named from the repository), for annotations.
    warning_problems: list[dict] = field(default_factory=list)
    served: bool = False  # built by the build server
    # Every published file (path in the output -> the file it is a link to), for the build state.
    published: dict[str, Path] = field(default_factory=dict, repr=False)

    def to_data(self) -> dict:
        return {"sites": self.sites, "languages": self.languages, "pages": self.pages, "warnings": self.warnings,
                "warning_problems": self.warning_problems}
