"""Valid HTML: the Nu HTML Checker (vnu.jar, from the npm registry, run by Debian's Java) over every built page.

It runs once over the whole tree (one Java start-up) and reports errors only. Each error is traced back:
inside the page body (<article>) to the page's Markdown, with the line when the offending text is found
there; elsewhere to the theme (site_src/overrides/), reported once with the number of pages it is on.

Known false positives are filtered here, each with its reason (IGNORED); nothing else is.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.checks import tools
from generator.checks.pages import built_pages
from generator.model.errors import Problem
from generator.model.project import Project

THEME = "site_src/overrides/"


@dataclass(frozen=True)
class Ignored:
    message: str  # a fragment of the checker's message
    extract: str  # a fragment of the offending markup
    reason: str


IGNORED = (
    Ignored("Attribute “autocomplete” is only allowed", 'class="md-toggle"',
            "mkdocs-material's base template puts autocomplete=\"off\" on its menu and search toggles (hidden "
            "checkboxes) so that Firefox does not restore them open after going back; browsers and assistive "
            "technology ignore the attribute there, and removing it means forking the theme's base template."),
)


def check_html(project: Project, tree: Path) -> list[Problem]:
    files = sorted(tree.rglob("*.html"))
    if not files:
        return []
    command = [tools.java(), "-Xss4m", "-jar", str(tools.vnu_jar()), "--format", "json",
               "--errors-only", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"The Nu HTML Checker did not report in JSON: {(result.stderr or '')[:500]}") from None
    sources = {page.path.resolve(): page.source_file for page in built_pages(project, tree)}
    content: dict[tuple[str, str], tuple[int | None, str]] = {}
    theme: dict[str, list[str]] = {}
    spans: dict[Path, tuple[int, int]] = {}
    for message in messages:
        if message.get("type") != "error" or _ignored(message):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        relative = path.relative_to(tree.resolve()).as_posix() if tree.resolve() in path.parents else str(path)
        text = message["message"]
        line = message.get("lastLine") or message.get("firstLine")
        if path not in spans and path.exists():
            spans[path] = _article_lines(path)
        start, end = spans.get(path, (0, 0))
        if path in sources and line and start <= line <= end:
            source = sources[path]
            key = (source, text)
            if key not in content:
                content[key] = (_source_line(project.root / source, message.get("extract", "")), relative)
        else:
            theme.setdefault(text, []).append(relative)
    problems = [Problem(source, f"The HTML is not valid: {text} (on {relative}).", line,
                        fix="Check the Markdown around that line (a raw HTML tag, a heading level skipped, an "
                            "attribute in {: ...}). The rules are those of the Nu HTML Checker, validator.w3.org/nu.")
                for (source, text), (line, relative) in content.items()]
    problems += [Problem(THEME, f"The HTML is not valid: {text} (on {len(pages)} pages, e.g. {pages[0]}).",
                         fix="Correct the template in site_src/overrides/ (or the HTML a helper in generator/ "
                             "writes); the rules are those of the Nu HTML Checker, validator.w3.org/nu.")
                 for text, pages in theme.items()]
    return problems


def _ignored(message: dict) -> bool:
    return any(rule.message in message.get("message", "") and rule.extract in message.get("extract", "")
               for rule in IGNORED)


def _article_lines(path: Path) -> tuple[int, int]:
    """The first and last line of the page body (<article>) in a built page, (0, 0) if it has none."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find("<article"), text.rfind("</article>")
    if start < 0 or end < 0:
        return 0, 0
    return text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1


def _source_line(source: Path, extract: str) -> int | None:
    """The line of the Markdown holding the text around the error, when some of it can be found there."""
    words = [w for w in re.sub(r"<[^>]*>?", " ", extract).split() if len(w) > 3]
    lines = source.read_text(encoding="utf-8").splitlines()
    for word in sorted(words, key=len, reverse=True):
        for number, text in enumerate(lines, start=1):
            if word in text:
                return number
    return None
