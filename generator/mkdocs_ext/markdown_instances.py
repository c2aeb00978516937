"""MkDocs' `Page.render` with one Markdown instance per set of extensions, not one per page.

Making a `markdown.Markdown` loads and sets up every extension: about a fifth of a page's conversion. A page's
own processors (its anchors, its links, its title) are registered again on the kept instance for each page,
replacing the last page's, and the instance is reset before each conversion, as Python-Markdown asks.
This is `mkdocs.structure.pages.Page.render` of MkDocs 1.6.1 (pinned) otherwise line for line, with its
private processors; the tests compare pages converted this way with pages MkDocs converted itself. One
processor is quicker: MkDocs parses each page's whole text with `html.parser` only to collect the ids (and
`<a name>`s) written in its raw HTML, for checking links to anchors; a page with no attribute that could be
one (most pages) is not parsed.
"""

from __future__ import annotations

import logging
import re

import markdown
from mkdocs.structure.pages import (
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

_log = logging.getLogger("mkdocs.structure.pages")  # the logger MkDocs' own method consults
_instances: dict[str, markdown.Markdown] = {}  # by the extensions and their settings
# Where html.parser could find an attribute named id or name: its name begins after a quote, a space or a
# slash and ends at a space, a slash, '=', '>' or the end (`attrfind_tolerant`); names are compared in lower case.
_MAYBE_ANCHOR_ATTRIBUTE = re.compile(r"""(?<=['"\s/])(?:id|name)(?=[\s/=>]|$)""", re.IGNORECASE)


def render(page, config, files) -> None:
    """Convert the page's Markdown to HTML, setting what `Page.render` sets."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _instance(config)
    raw_html_ext = _RawHTMLAnchors()
    raw_html_ext._register(md)
    extract_anchors_ext = _ExtractAnchorsTreeprocessor(page.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = _RelativePathTreeprocessor(page.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = _ExtractTitleTreeprocessor()
    extract_title_ext._register(md)

    page.content = md.reset().convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = extract_title_ext.title
    page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if _log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_path_ext.links_to_anchors


class _RawHTMLAnchors(_RawHTMLPreprocessor):
    """MkDocs' processor, which finds no anchor (and need not parse) where no attribute could name one."""

    def run(self, lines: list[str]) -> list[str]:
        if not _MAYBE_ANCHOR_ATTRIBUTE.search("\n".join(lines)):
            self.present_anchor_ids = set()
            return lines
        return super().run(lines)


def _instance(config) -> markdown.Markdown:
    key = repr((config["markdown_extensions"], config["mdx_configs"] or {}))
    if key not in _instances:
        if len(_instances) >= 8:  # a build server's worker sees a handful of sets at most
            _instances.clear()
        _instances[key] = markdown.Markdown(extensions=config["markdown_extensions"],
                                            extension_configs=config["mdx_configs"] or {})
    return _instances[key]
