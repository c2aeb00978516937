"""MkDocs' `Page.render` with one Markdown instance per set of extensions, not one per page.

Making a `markdown.Markdown` loads and sets up every extension: about a fifth of a page's conversion. A page's
own processors (its anchors, its links, its title) are registered again on the kept instance for each page,
replacing the last page's, and the instance is reset before each conversion, as Python-Markdown asks.
This is `mkdocs.structure.pages.Page.render` of MkDocs 1.6.1 (pinned) otherwise line for line, with its
private processors; the tests compare pages converted this way with pages MkDocs converted itself.
"""

from __future__ import annotations

import logging

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


def render(page, config, files) -> None:
    """Convert the page's Markdown to HTML, setting what `Page.render` sets."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _instance(config)
    raw_html_ext = _RawHTMLPreprocessor()
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


def _instance(config) -> markdown.Markdown:
    key = repr((config["markdown_extensions"], config["mdx_configs"] or {}))
    if key not in _instances:
        if len(_instances) >= 8:  # a build server's worker sees a handful of sets at most
            _instances.clear()
        _instances[key] = markdown.Markdown(extensions=config["markdown_extensions"],
                                            extension_configs=config["mdx_configs"] or {})
    return _instances[key]
