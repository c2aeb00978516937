"""Publish: put the sites' outputs together, per-language sitemaps with their alternates, then swap the new
tree into place atomically.

Until the swap, the previous output is untouched; a failure anywhere before it leaves it as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from xml.sax.saxutils import quoteattr

from . import urls
from .model import Project

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_sitemaps(project: Project, tree: Path) -> None:
    """One sitemap per language tree, every page with its alternates; MkDocs' per-site ones are removed."""
    for leftover in list(tree.rglob("sitemap.xml")) + list(tree.rglob("sitemap.xml.gz")):
        leftover.unlink()
    pages = project.all_pages()
    multilingual = len(project.languages) > 1
    for lang in project.languages:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
        for page in pages:
            lines.append(f"  <url><loc>{_escape(urls.absolute_url(project, page, lang))}</loc>")
            if multilingual:
                for code in project.languages:
                    href = quoteattr(urls.absolute_url(project, page, code))
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href={href}/>')
            lines.append("  </url>")
        lines.append("</urlset>\n")
        (tree / lang).mkdir(parents=True, exist_ok=True)
        (tree / lang / "sitemap.xml").write_text("\n".join(lines), encoding="utf-8")


def assemble(built: Path, files: dict, destination: Path) -> None:
    """Put one site's built files (paths relative to built) into destination, by hard link where the file
    system allows (the build cache never rewrites a file in place, so a link is as good as a copy)."""
    made: set[str] = set()
    for relative in files:
        target = destination / relative
        parent = str(target.parent)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        try:
            os.link(built / relative, target)
        except OSError:
            shutil.copy2(built / relative, target)


def staging_dir(output: Path) -> Path:
    """A fresh folder beside the output (same file system, so the final rename is atomic)."""
    staging = output.with_name(f".{output.name}.staging")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def swap_into_place(staging: Path, output: Path) -> None:
    """Replace output with staging. Each rename is atomic; readers see the old tree or the new one."""
    previous = output.with_name(f".{output.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    if previous.exists():
        shutil.rmtree(previous)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
