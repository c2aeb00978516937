"""Every link, image, stylesheet and script inside the built tree points at something that exists.

MkDocs checks links within one site; this checks the whole output (links between sites and between
languages included), and names the source page a contributor must edit.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from generator.checks.facts import PageFacts
from generator.checks.pages import sources as page_sources
from generator.model.errors import Problem
from generator.model.project import Project
from generator.trees import folders_holding, scan_tree

THEME_FOLDER = Path("site_src/overrides")
_KINDS = {"img": "image", "source": "image", "script": "script", "link": "stylesheet or icon"}


def check_links(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                scope: Collection[str] | None = None, files: Mapping[str, object] | None = None
                ) -> list[Problem]:
    """files: every file of tree (by relative path), when known: the tree is then not walked."""
    sources = page_sources(project)
    if files is None:
        files, folders = scan_tree(tree)
    else:
        folders = folders_holding(files)
    # Each language tree is published at its base address: a root-relative link (as the 404 pages write them)
    # starts with that address's path.
    base_paths = {lang: urlsplit(project.language(lang).base_url).path for lang in project.languages}
    destinations = _Destinations(base_paths, folders)
    problems = []
    # A link climbing out of its page's folder ('../x/', most of a menu) leads to the same place from every
    # page of the folder above: once it is found good there, it is not worked out again.
    good_from: dict[str, set[str]] = {}
    for relative in sorted(facts if scope is None else scope):
        folders_up = _folders_up(relative)
        good = good_from.setdefault(folders_up[1], set()) if len(folders_up) > 1 else set()
        for written in facts[relative].targets:  # "<tag> <address>"
            if written in good:
                continue
            tag, _, target = written.partition(" ")
            link = _internal(target)
            if link is None:
                continue  # external links are checked only on request
            resolved = destinations.of(relative, folders_up, link)
            fragment = link.fragment
            source = sources.get(relative, f"(generated page {relative})")
            if (resolved is None or resolved not in files) and tag != "a":
                problems.append(Problem(source, f"The {_KINDS.get(tag, 'file')} '{target}' does not exist "
                                        f"(on {relative}).", fix="Correct the address, or add the file (images and "
                                        "other files of the theme go in site_src/overrides/assets/)."))
            elif resolved is None or resolved not in files:
                problems.append(Problem(source, f"A link to '{target}' leads to a page that does not exist "
                                        f"(on {relative}).", fix="Correct the link, or use page_url('page-id') "
                                        "or main_url('page-id') so the address is worked out for you."))
            elif fragment and resolved.endswith(".html") and fragment not in _ids(tree, facts, resolved):
                problems.append(Problem(source, f"A link to '{target}' points at a section ('#{fragment}') "
                                        f"that the page does not have (on {relative}).",
                                        fix="Use the id of a heading on that page, or remove the '#...' part."))
            elif link.climbs:
                good.add(written)
    problems.extend(_check_stylesheets(tree, sorted(name for name in files if name.endswith(".css"))))
    return list(dict.fromkeys(problems))


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def _check_stylesheets(tree: Path, sheets: list[str]) -> list[Problem]:
    """Addresses in stylesheets (sheets: their paths relative to tree); a site with its own copy of the
    theme's has the same fault, so it is reported once."""
    found: dict[tuple[str, str], str] = {}
    for sheet in (tree / name for name in sheets):
        for target in _CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("#"):
                continue
            if not (sheet.parent / unquote(parts.path)).resolve().exists():
                relative = sheet.relative_to(tree).as_posix()
                ours = THEME_FOLDER / relative[relative.find("assets/"):]
                source = ours.as_posix() if (ours.name and "assets/" in relative) else relative
                found.setdefault((source, target), relative)
    return [Problem(source, f"The stylesheet loads '{target}', which does not exist (e.g. in {relative}).",
                    fix="Correct the address (relative to the stylesheet), or add the file under "
                        "site_src/overrides/assets/.")
            for (source, target), relative in found.items()]


class _Link(NamedTuple):
    path: str  # unquoted
    fragment: str
    climbs: int  # how many leading '../' the path has
    rest: str  # the path after them


@lru_cache(maxsize=1 << 16)  # bounded: a build server lives through many builds
def _internal(target: str) -> _Link | None:
    """A link within the tree, taken apart (once per distinct address); None for another website, mail, phone
    or data."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "data:")):
        return None
    path = unquote(parts.path)
    climbs = 0
    while path.startswith("../", 3 * climbs):
        climbs += 1
    return _Link(path, parts.fragment, climbs, path[3 * climbs:])


def _folders_up(page: str) -> list[str]:
    """The page's folder, then each folder above it up to the tree's root ('')."""
    folders = [page.rpartition("/")[0]]
    while folders[-1]:
        folders.append(folders[-1].rpartition("/")[0])
    return folders


class _Destinations:
    """Where a link leads: the tree-relative path of the file (a folder's index.html), None if it leaves the
    tree. Every page of a site carries the whole menu, so the same few relative links recur on thousands of
    pages: a link climbing out of the page's folder ('../x/') is worked out once from the folder it climbs
    to, for every page below that folder."""

    def __init__(self, base_paths: dict[str, str], folders: set[str]):
        self.base_paths, self.folders = base_paths, folders
        self.known: dict[tuple[str, str], str | None] = {}

    def of(self, page: str, folders_up: list[str], link: _Link) -> str | None:
        if not link.path:
            return self._file(page)
        if link.path.startswith("/"):  # read from the language tree's base address: alike for all its pages
            language = page.split("/", 1)[0]
            key, stand_in = (language, link.path), f"{language}/_"
        elif link.climbs < len(folders_up) and not link.rest.startswith("/"):
            folder = folders_up[link.climbs]
            key, stand_in = (folder, link.rest), (f"{folder}/_" if folder else "_")
        else:  # leaves the tree, or oddly written: worked out for this page alone
            return self._file(_resolve(page, link.path, self._base(page)))
        if key not in self.known:
            # Resolved from a stand-in page ('_') in the folder climbed to: the same as from the page itself.
            self.known[key] = self._file(_resolve(stand_in, key[1] or ".", self._base(page)))
        return self.known[key]

    def _base(self, page: str) -> str:
        return self.base_paths.get(page.split("/", 1)[0], "/")

    def _file(self, resolved: str | None) -> str | None:
        if resolved is not None and resolved in self.folders:
            return posixpath.join(resolved, "index.html") if resolved else "index.html"
        return resolved


def _resolve(page: str, path: str, base_path: str) -> str | None:
    """The tree-relative path a link on page leads to; None if it leaves the tree. A root-relative path is
    read from the base address's path of the page's language tree (base_path, e.g. '/' or '/fostering/')."""
    if not path:
        return page
    if path.startswith("/"):
        if not (path + "/").startswith(base_path):
            return None
        joined = posixpath.join(page.split("/", 1)[0], path[len(base_path):])
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    resolved = posixpath.normpath(joined)
    if resolved == ".":
        return ""
    return None if resolved == ".." or resolved.startswith("../") else resolved


def _ids(tree: Path, facts: Mapping[str, PageFacts], page: str) -> frozenset[str]:
    if page in facts:
        return facts[page].ids
    from generator.checks.facts import read_facts
    return read_facts(tree / page, page.split("/", 1)[0]).ids
