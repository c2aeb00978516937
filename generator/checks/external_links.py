"""Links to other websites: collected from every built page, checked over the network only when asked.

CI has no network, so this is not part of `make test` or the build: run `make external-links` on a machine that
is online. It asks each address once (HEAD, or GET where a server refuses HEAD), a few at a time, and writes a
Markdown report: every external address, its answer and the source files that link to it.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.checks.pages import built_pages
from generator.model.errors import Problem
from generator.model.project import Project

USER_AGENT = "fostering-site-generator-link-check/1.0"


@dataclass
class ExternalLink:
    url: str
    sources: list[str] = field(default_factory=list)
    status: str = "not checked"
    ok: bool | None = None


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href and urlsplit(href).scheme in {"http", "https"}:
            self.hrefs.append(href)


def external_links(project: Project, tree: Path) -> list[ExternalLink]:
    """Every link to another website in the built pages (not our own published addresses), with its sources."""
    own = tuple(language.base_url for language in project.config.languages)
    links: dict[str, ExternalLink] = {}
    for page in built_pages(project, tree):
        parser = _Anchors()
        parser.feed(page.path.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if href.startswith(own):
                continue
            link = links.setdefault(href, ExternalLink(href))
            if page.source_file not in link.sources:
                link.sources.append(page.source_file)
    return sorted(links.values(), key=lambda link: link.url)


def check_external_links(links: list[ExternalLink], timeout: float = 15.0, workers: int = 4) -> list[ExternalLink]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda link: _ask(link, timeout), links))
    return links


def _ask(link: ExternalLink, timeout: float) -> None:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(link.url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                link.status, link.ok = f"{response.status} {response.reason}", True
                return
        except urllib.error.HTTPError as error:
            link.status, link.ok = f"{error.code} {error.reason}", False
            if error.code not in {403, 405, 501}:  # servers that refuse HEAD get a GET
                return
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            link.status, link.ok = f"no answer ({reason})", False
            return


def problems(project: Project, links: list[ExternalLink]) -> list[Problem]:
    found = []
    for link in links:
        if link.ok is False:
            for source in link.sources:
                found.append(Problem(source, f"The link to {link.url} does not work: {link.status}.",
                                     _line(project.root / source, link.url),
                                     fix="Check the address in a browser; correct it, link to the page that "
                                         "replaced it, or remove the link."))
    return found


def report(links: list[ExternalLink]) -> str:
    broken = [link for link in links if link.ok is False]
    lines = ["## External links", "",
             f"{len(links)} addresses on other websites; {len(broken)} not working.", "",
             "| Address | Answer | Linked from |", "|---|---|---|"]
    for link in sorted(links, key=lambda link: (link.ok is not False, link.url)):
        answer = link.status if link.ok is not False else f"**{link.status}**"
        lines.append(f"| {link.url} | {answer} | {', '.join(f'`{s}`' for s in link.sources)} |")
    return "\n".join(lines) + "\n"


def _line(path: Path, url: str) -> int | None:
    if not path.exists():
        return None
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if url in text or url.rstrip("/") in text:
            return number
    return None

