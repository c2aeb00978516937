"""Safety: content may use only a small allow-list of raw HTML, and no page loads or runs anything from elsewhere.

Two checks, because a page can go wrong in two places:
- `check_raw_html` reads the Markdown a contributor wrote: any HTML tag or attribute outside the allow-list
  is refused, with its line (code blocks and `code` are text, not HTML, and are skipped).
- `check_output_safety` reads the built pages: nothing is loaded from another host (scripts, styles, images,
  frames), no inline event handler (onclick=...) or javascript: address, and no inline script inside the page
  body other than data (type="application/json"). Markdown attributes ({: ...}) and theme overrides are covered
  here, since they never show up as raw HTML.
A template expression the sandbox refuses is reported when pages are rendered (generator/render/templating.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from generator.checks.pages import sources as page_sources
from generator.checks.tag_safety import SAFE_SCHEMES, unsafe_scheme
from generator.model.errors import Problem
from generator.model.project import Project
from generator.model.source_text import read_source

if TYPE_CHECKING:
    from generator.checks.facts import PageFacts

# What a page's Markdown may contain as raw HTML. Everything else has a Markdown form, or a helper
# ({{ chart(...) }}, {{ glossary() }}...); a new need is a change for the developers, not for content.
ALLOWED_TAGS = {"abbr", "bdi", "br", "kbd", "small", "span", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"class", "dir", "id", "lang", "title"}
THEME = "site_src/overrides/"

_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# A tag left unclosed at the end of the text is still a tag to a browser.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)([^>]*)(?:>|$)")
_ATTRIBUTE = re.compile(r"([^\s=/\"']+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# Where Markdown takes an address: [text](address), ![alt](address), [name]: address, <scheme:address>.
_ADDRESS = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:\s|$)"
                      r"|<([a-z][a-z0-9+.-]*:[^>\s]*)>", re.MULTILINE | re.IGNORECASE)
# An attribute list (attr_list): {: #id .class name=value } or { .class } after a heading or a link.
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][^\s}]+|[^\s=}]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"
                        r"(?:[ \t]+(?:[#.][^\s}]+|[^\s=}]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)))*)[ \t]*\}")
_SCHEMES_FIX = ("Link to a page of this site (its .md file), or to another website with an address starting "
                "https://; e-mail and phone links start mailto: and tel:. Other schemes (javascript:, data:...) are "
                "refused because they can run code.")


def check_raw_html(project: Project) -> list[Problem]:
    problems = []
    for page in project.pages:
        if not _MAYBE_UNSAFE.search(page.body):  # no tag, address or attribute list in the body: few pages
            continue
        text = written_markdown(project, page)
        problems.extend(_unsafe_markdown(page, text))
        for match in _TAG.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            if line < page.body_line:
                continue
            name = match.group(2).lower()
            if name not in ALLOWED_TAGS:
                problems.append(Problem(page.file, f"The page contains the HTML tag <{name}>, which pages may not "
                                        "use.", line, fix=_tag_fix(name)))
                continue
            for attribute in _ATTRIBUTE.findall(match.group(3)):
                if attribute.lower() not in ALLOWED_ATTRIBUTES:
                    problems.append(Problem(page.file, f"The HTML attribute '{attribute}' on <{name}> is not allowed "
                                            "in pages.", line,
                                            fix="Remove it. Attributes pages may use: "
                                                + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + "."))
    return problems


_MAYBE_UNSAFE = re.compile(r"<|\]\(|\]:|\{")


def written_markdown(project: Project, page) -> str:
    """A page's source file as its contributor wrote it, with code and template expressions blanked out (line
    breaks kept, so line numbers stay right): what is left is the Markdown and HTML written by hand."""
    text = read_source(project.root / page.file, page.file)
    for pattern in (_FENCE, _JINJA, _CODE_SPAN):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return text


def addresses(page, text: str) -> Iterator[tuple[int, str]]:
    """Each address the body of `written_markdown` gives a link or image, with its line."""
    for match in _ADDRESS.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line >= page.body_line:
            yield line, next(group for group in match.groups() if group is not None)


def _unsafe_markdown(page, text: str) -> list[Problem]:
    """Link addresses whose scheme is not allowed (after the decoding a browser does), and attribute-list
    attributes outside ALLOWED_ATTRIBUTES (a style can load from another host or cover the page)."""
    problems = []
    for line, address in addresses(page, text):
        if scheme := unsafe_scheme(address):
            problems.append(Problem(page.file, f"The link address '{address}' uses the scheme '{scheme}:', which "
                                    f"pages may not use (allowed: {', '.join(sorted(SAFE_SCHEMES))}).", line,
                                    fix=_SCHEMES_FIX))
    for match in _ATTR_LIST.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        for attribute in _ATTRIBUTE.findall(match.group(1)):
            if line >= page.body_line and attribute[:1] not in "#." and attribute.lower() not in ALLOWED_ATTRIBUTES:
                problems.append(Problem(page.file, f"The attribute list sets '{attribute}', which pages may not "
                                        "set.", line, fix="Remove it. Attributes pages may set: #id, .class, "
                                        + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + "."))
    return problems


def _tag_fix(name: str) -> str:
    if name in {"script", "iframe", "embed", "object", "style", "link", "form"}:
        return ("Remove it: pages may not run scripts, embed other websites or load anything from them. "
                "Link to the other website instead.")
    return ("Write it in Markdown instead (headings ##, lists -, links [text](address), tables |), or use one of "
            "the allowed tags: " + ", ".join(f"<{tag}>" for tag in sorted(ALLOWED_TAGS)) + ".")


# A tag worth reading in full: one that loads or embeds, or whose attributes may hold a handler (a name
# starting "on") or a script address (perhaps written with character references). A quick test, never a miss.
def check_output_safety(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                        scope: Collection[str] | None = None) -> list[Problem]:
    sources = page_sources(project)
    problems = []
    theme: dict[str, list[str]] = {}  # what the templates produce -> the pages it is on
    for relative in sorted(facts if scope is None else scope):
        for inside, what in facts[relative].unsafe:
            if inside and relative in sources:
                problems.append(Problem(sources[relative], f"The page contains {what} (on {relative}).",
                                        fix="Remove it: pages may not load or run anything from other websites, "
                                            "and may not run scripts of their own. Link to the other website "
                                            "instead."))
            else:
                theme.setdefault(what, []).append(relative)
    for what, pages in theme.items():
        problems.append(Problem(THEME, f"The page template produces {what}, on {len(pages)} pages "
                                f"(e.g. {pages[0]}).",
                                fix="Remove it from the theme overrides: no page may load or run anything from "
                                    "another website (no trackers, no third-party scripts)."))
    return list(dict.fromkeys(problems))
