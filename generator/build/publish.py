"""Publish: put the sites' outputs together with per-language sitemaps, then swap the new tree into place
atomically.

Every published file is a hard link to a file of the build cache (which never rewrites a file in place, so
a link is as good as a copy). A tree of two thousand folders takes a while to make, so the tree published
before the current one is kept beside it (`.site.staging` for `site/`) and brought up to date for the next
build: only the files of sites that changed are unlinked and linked again (a first build makes one while
its tree is checked: `NextStaging`). Until the swap, the published tree is untouched; a failure anywhere
before it leaves it as it was.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Callable, Mapping
from html import escape  # not xml.sax.saxutils: it imports urllib.request, http, ssl and email
from pathlib import Path
from typing import Any

from generator.model.project import Project
from generator.paths import next_staging_path, staging_path
from generator.render import urls
from generator.trees import folders_holding, scan_tree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# MkDocs writes one per site; the published tree has one per language tree instead (write_sitemaps).
SITE_SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}


def write_sitemaps(project: Project, folder: Path) -> dict[str, Path]:
    """One sitemap per language tree, every page with its alternates, written under folder (a file is only
    rewritten when its text changes). Returns where each goes in the published tree -> the file."""
    pages = urls.page_files(project)
    multilingual = len(project.languages) > 1
    written = {}
    for lang in project.languages:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
        for _, _, addresses in pages:
            lines.append(f"  <url><loc>{escape(addresses[lang], quote=False)}</loc>")
            if multilingual:
                for code in project.languages:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" '
                                 f'href="{escape(addresses[code])}"/>')
            lines.append("  </url>")
        lines.append("</urlset>\n")
        text = "\n".join(lines)
        path = folder / lang / "sitemap.xml"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name("sitemap.xml.new")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        written[f"{lang}/sitemap.xml"] = path
    return written


def site_files(folder: str, built: Path, files: Mapping) -> dict[str, Path]:
    """One site's built files (names relative to built) as they go into the tree under folder, less MkDocs'
    per-site sitemaps."""
    return {folder + name: built / name for name in files if name.rpartition("/")[2] not in SITE_SITEMAPS}


def sync_tree(tree: Path, wanted: dict[str, Path], stop: Callable[[], bool] | None = None) -> bool:
    """Make tree hold exactly the wanted files (path in the tree -> the file it is a link to), changing only
    what differs: a file already linked to the wanted file stays; anything else is removed.

    stop: asked every few hundred files whether to leave off (the tree is then only partly brought up to
    date, which the next call finishes). Returns whether the tree was brought up to date."""
    tree.mkdir(parents=True, exist_ok=True)
    present, folders = scan_tree(tree)
    needed = folders_holding(wanted)
    kept = set()
    for count, (relative, inode) in enumerate(present.items()):
        if stop and count % 256 == 0 and stop():
            return False
        source = wanted.get(relative)
        if source is not None and inode == os.stat(source).st_ino:
            kept.add(relative)
        else:
            os.unlink(tree / relative)
    for folder in sorted(folders - needed, key=lambda name: -name.count("/")):  # the deepest first
        os.rmdir(tree / folder)
    missing = [(relative, source) for relative, source in wanted.items() if relative not in kept]
    made = folders & needed
    for begin in range(0, len(missing), 256):
        if stop and begin and stop():
            return False
        link_files(tree, dict(missing[begin:begin + 256]), made)
    return True


def link_files(tree: Path, files: Mapping[str, Path | str], made: set[str] | None = None) -> None:
    """Add files to tree (path in the tree -> the file), by hard link where the file system allows.
    made: folders known to exist already (the folders made are added to it)."""
    made = set() if made is None else made
    for relative, source in files.items():
        parent = relative.rpartition("/")[0]
        if parent and parent not in made:
            os.makedirs(tree / parent, exist_ok=True)
            made.add(parent)
        target = tree / relative
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


class NextStaging:
    """The next build's staging tree, made alongside this build's own for a first build: with no tree
    published before it, the next build would otherwise make its own from nothing, a folder per page: longer
    than the rest of an edit's build.

    It is made once every project is built (`make`), by the workers, which then have nothing else to do, while
    this process checks the tree: made as the projects were published, its folders (the time goes in the
    kernel) took a core from the builds. `keep()` after the swap makes it the staging tree; `discard()` if the
    build failed.
    """

    def __init__(self, output: Path):
        self.staging, self.folder = staging_path(output), next_staging_path(output)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.making: list = []  # the workers' futures

    def make(self, files: Mapping[str, Path], aside: Callable[..., Any]) -> None:
        """Link files (path in the tree -> the file) into the tree: half each by two idle workers, through
        `aside(function, *args)` (which gives a future, or None when no worker is idle: then here)."""
        names = sorted(files)  # halves of the sorted paths share few folders
        for part in (names[:len(names) // 2], names[len(names) // 2:]):
            batch = {name: str(files[name]) for name in part}
            future = aside(link_files, self.folder, batch)
            if future is None:
                link_files(self.folder, batch)
            else:
                self.making.append(future)

    def _finish(self) -> None:
        for future in self.making:
            future.result()
        self.making = []

    def keep(self) -> None:
        self._finish()
        if self.staging.exists():  # another build's: this one is not needed
            self.discard()
        else:
            self.folder.rename(self.staging)

    def discard(self) -> None:
        try:
            self._finish()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def staging_dir(output: Path) -> tuple[Path, bool]:
    """The folder the next tree is put together in, beside the output (same file system, so the final rename
    is atomic): the tree published before the current one, when there is one. Returns it and whether it is
    new (and so removed again if the build fails)."""
    staging = staging_path(output)
    if staging.is_dir() and not staging.is_symlink():
        return staging, False
    if staging.is_symlink() or staging.exists():
        staging.unlink()
    staging.mkdir(parents=True)
    return staging, True


def swap_into_place(staging: Path, output: Path) -> None:
    """Replace output with staging; the replaced tree becomes the next build's staging. Where the system can
    (Linux renameat2 with RENAME_EXCHANGE) the two trees change places in one step, so there is no moment
    without output (a server or a reader sees the old tree or the new one, and a build killed at any point
    leaves one of them in place); elsewhere, two atomic renames with an instant between them."""
    if output.exists() and _exchange(staging, output):
        return
    previous = output.with_name(f".{output.name}.previous")
    if previous.exists():  # left by a build that was stopped mid-swap
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    if previous.exists():
        previous.rename(staging)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(2); False where the C library, kernel or file system has no
    RENAME_EXCHANGE (the caller then renames twice)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))
