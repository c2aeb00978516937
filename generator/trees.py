"""Reading and writing trees of files: listing them quickly, hashing them, replacing a file in one step.

Any stage may use it (it needs only the standard library). Paths inside a tree are strings relative to it,
with '/' between folders; '' is the tree itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def hash_tree(digest, base: Path, path: Path, suffixes: tuple[str, ...] = ()) -> None:
    """Add every file under path (or path itself, a file) to digest: its path relative to base and its bytes,
    in a fixed order. suffixes: only files whose names end so."""
    if path.is_file():
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        return
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            if not suffixes or name.endswith(suffixes):
                file = Path(folder) / name
                digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")


def _walk(tree: Path) -> Iterator[tuple[str, os.DirEntry]]:
    """Every file and folder under tree: its path relative to tree, and its directory entry. Strings, not
    Paths, and scandir's entries, not os.walk: a site has a folder for every page."""
    top = os.fspath(tree)
    stack = [""]
    while stack:
        folder = stack.pop()
        with os.scandir(os.path.join(top, folder) if folder else top) as entries:
            for entry in entries:
                relative = f"{folder}/{entry.name}" if folder else entry.name
                yield relative, entry
                if entry.is_dir(follow_symlinks=False):
                    stack.append(relative)


def listing(folder: Path) -> dict[str, list[int]]:
    """Every file under folder (relative path -> [size, modification time in ns])."""
    found = {}
    for relative, entry in _walk(folder):
        if not entry.is_dir(follow_symlinks=False):
            stat = entry.stat()
            found[relative] = [stat.st_size, stat.st_mtime_ns]
    return found


def scan_tree(tree: Path) -> tuple[dict[str, int], set[str]]:
    """Every file in tree (relative path -> inode, from the directory listing) and every folder."""
    files: dict[str, int] = {}
    folders: set[str] = {""}
    for relative, entry in _walk(tree):
        if entry.is_dir(follow_symlinks=False):
            folders.add(relative)
        else:
            files[relative] = entry.inode()
    return files, folders


def folders_holding(files: Iterable[str]) -> set[str]:
    """The folders a tree holding these files has."""
    folders = {""}
    for relative in files:
        parent = relative.rpartition("/")[0]
        while parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    return folders


def write_atomically(path: Path, text: str) -> None:
    """Replace path's text in one step: a reader sees the old text or the new, never part of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
