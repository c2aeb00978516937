"""Every link, image, stylesheet and script inside the built tree points at something that exists.

Also every address a stylesheet loads (url(...)) and every image candidate of a srcset. Links to other
websites are checked only on request (generator/checks/external_links.py), since CI has no network.

MkDocs checks links within one site; this checks the whole output (links between sites and between
languages included), and names the source page a contributor must edit.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem
from ..model import Project
from .pages import built_pages

THEME_FOLDER = Path("site_src/overrides")
_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}
_KINDS = {"img": "image", "source": "image", "script": "script", "link": "stylesheet or icon"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []  # (tag, address)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) and not (tag == "link" and values.get("rel") in {"canonical",
                                                                                               "alternate"}):
            self.targets.append((tag, values[attribute]))
        if values.get("srcset"):
            self.targets.extend((tag, candidate.split()[0]) for candidate in values["srcset"].split(",")
                                if candidate.strip())


def check_links(project: Project, tree: Path) -> list[Problem]:
    sources = {page.path.relative_to(tree).as_posix(): page.source_file for page in built_pages(project, tree)}
    parsed: dict[Path, _Collector] = {}

    def parse(path: Path) -> _Collector:
        if path not in parsed:
            collector = _Collector()
            collector.feed(path.read_text(encoding="utf-8"))
            parsed[path] = collector
        return parsed[path]

    problems = []
    for page_file in sorted(tree.rglob("*.html")):
        for tag, target in parse(page_file).targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "data:")):
                continue  # external links are checked only on request
            resolved = _resolve(tree, page_file, unquote(parts.path))
            if resolved.is_dir():
                resolved = resolved / "index.html"
            relative = page_file.relative_to(tree).as_posix()
            source = sources.get(relative, f"(generated page {relative})")
            if (not resolved.exists() or tree.resolve() not in resolved.parents) and tag != "a":
                problems.append(Problem(source, f"The {_KINDS.get(tag, 'file')} '{target}' does not exist "
                                        f"(on {relative}).", fix="Correct the address, or add the file (images and "
                                        "other files of the theme go in site_src/overrides/assets/)."))
            elif not resolved.exists() or tree.resolve() not in resolved.parents:
                problems.append(Problem(source, f"A link to '{target}' leads to a page that does not exist "
                                        f"(on {relative}).", fix="Correct the link, or use page_url('page-id') "
                                        "or national_url('page-id') so the address is worked out for you."))
            elif parts.fragment and resolved.suffix == ".html" and parts.fragment not in parse(resolved).ids:
                problems.append(Problem(source, f"A link to '{target}' points at a section ('#{parts.fragment}') "
                                        f"that the page does not have (on {relative}).",
                                        fix="Use the id of a heading on that page, or remove the '#...' part."))
    problems.extend(_check_stylesheets(tree))
    return list(dict.fromkeys(problems))


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def _check_stylesheets(tree: Path) -> list[Problem]:
    """Addresses in stylesheets; each site has its own copy of the theme's, so a fault is reported once."""
    found: dict[tuple[str, str], str] = {}
    for sheet in sorted(tree.rglob("*.css")):
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


def _resolve(tree: Path, page_file: Path, path: str) -> Path:
    if not path:
        return page_file
    if path.startswith("/"):
        # Each language tree is published at the root of its own address (the 404 pages link this way).
        language_root = tree / page_file.relative_to(tree).parts[0]
        return (language_root / path.lstrip("/")).resolve()
    return (page_file.parent / path).resolve()
