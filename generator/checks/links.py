"""Every link, image, stylesheet and script inside the built tree points at something that exists.

MkDocs checks links within one site; this checks the whole output (links between sites and between
languages included), and names the source page a contributor must edit.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..cache import scan_tree
from ..errors import Problem
from ..model import Project
from .facts import PageFacts
from .pages import built_pages

THEME_FOLDER = Path("site_src/overrides")
_KINDS = {"img": "image", "source": "image", "script": "script", "link": "stylesheet or icon"}


def check_links(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                scope: Collection[str] | None = None) -> list[Problem]:
    sources = {page.relative: page.source_file for page in built_pages(project, tree)}
    listed, folders = scan_tree(tree)
    files = set(listed)
    # Each language tree is published at its base address: a root-relative link (as the 404 pages write them)
    # starts with that address's path.
    base_paths = {lang: urlsplit(project.language(lang).base_url).path for lang in project.languages}
    problems = []
    for relative in sorted(facts if scope is None else scope):
        for tag, target in facts[relative].targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "data:")):
                continue  # external links are checked only on request
            resolved = _resolve(relative, unquote(parts.path), base_paths.get(relative.split("/", 1)[0], "/"))
            if resolved in folders:
                resolved = posixpath.join(resolved, "index.html") if resolved else "index.html"
            source = sources.get(relative, f"(generated page {relative})")
            if (resolved is None or resolved not in files) and tag != "a":
                problems.append(Problem(source, f"The {_KINDS.get(tag, 'file')} '{target}' does not exist "
                                        f"(on {relative}).", fix="Correct the address, or add the file (images and "
                                        "other files of the theme go in site_src/overrides/assets/)."))
            elif resolved is None or resolved not in files:
                problems.append(Problem(source, f"A link to '{target}' leads to a page that does not exist "
                                        f"(on {relative}).", fix="Correct the link, or use page_url('page-id') "
                                        "or main_url('page-id') so the address is worked out for you."))
            elif parts.fragment and resolved.endswith(".html") and parts.fragment not in _ids(tree, facts, resolved):
                problems.append(Problem(source, f"A link to '{target}' points at a section ('#{parts.fragment}') "
                                        f"that the page does not have (on {relative}).",
                                        fix="Use the id of a heading on that page, or remove the '#...' part."))
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
    from .facts import read_facts

    return read_facts(tree / page, page.split("/", 1)[0]).ids
