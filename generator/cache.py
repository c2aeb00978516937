"""The build cache: what was built from what, so a build redoes only what changed.

In the working folder `.build/`:
- A **fingerprint** of every input (data, content, theme overrides, base mkdocs.yml, the generator's own
  code, the installed packages, the build's options). When it equals the one recorded for the output folder
  and the output is exactly as it was published, there is nothing to do (checked before anything heavy is
  imported, so a no-op build takes a fraction of a second).
- One **entry per generated MkDocs project**, next to its built output in `.build/out/<lang>/<site>/`: the
  render key its files were rendered from (see `dependencies`), the project key it was built from (a hash of
  the project's rendered files and of the shared inputs), the shared inputs' digest (facts and memos are
  taken from it only by a build with the same), the size and modification time of every file it produced,
  its reach (what a link into it can find), and, in files of their own, the facts the output checks
  need from its HTML and its pages' memos (see `memo_file`). A project whose render key is unchanged is not
  even rendered; one whose rendered files are unchanged is not rebuilt: its output is reused, however the rest
  changed.
- The **sites that passed the checks**, with what their checks read (`checked.json`): the check base and the
  keys of their projects.

This module imports only the standard library (and `kept`, `memo_file` and `tenant`, which do too): it runs
before anything else is loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .kept import Kept  # like this module, these load only the standard library
from .memo_file import path_beside as memo_beside
from .tenant import repository

CACHE_DIR = Path(".build")
OUT_DIR = CACHE_DIR / "out"
PROJECTS_DIR = CACHE_DIR / "projects"  # the generated MkDocs projects (render.py writes them)
STATE_FILE = CACHE_DIR / "state.json"
PARSED_YAML = CACHE_DIR / "parsed-yaml.memo"  # the data and front matter texts parsed (yaml_source.parsed_kept)
# The parts of a project folder a build reads (besides the generator and the installed packages).
INPUT_PARTS = ("data", "content", "site_src", "mkdocs.yml")
# What every tenant shares from the repository (see tenant.py).
SHARED_PARTS = ("site_src", "mkdocs.yml")
# Outputs remembered in the state (site/ and, say, a test's or a deployment's folder).
_KEPT_OUTPUTS = 8
# The build cache's JSON files read in this process: a build server reads the same ones build after build (each
# file is replaced when it changes, never rewritten in place). Read into Python, a file takes about six times
# its size.
_json_read = Kept(64 * 2**20, cost=lambda key, data: 6 * key[2])


def _read_json(path: Path):
    """The JSON file's data (not to be changed: it is kept for the next build)."""
    stat = os.stat(path)
    key = (os.fspath(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)
    found = _json_read.get(key)
    if found is None:
        found = json.loads(path.read_text(encoding="utf-8"))
        _json_read.keep(key, found)
    return found


def hash_tree(digest, base: Path, path: Path, suffixes: tuple[str, ...] = ()) -> None:
    if path.is_file():
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        return
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            if not suffixes or name.endswith(suffixes):
                file = Path(folder) / name
                digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")


def tools_digest() -> str:
    """The generator's code, Python's version and the installed packages' versions: what turns inputs into
    output. A change here rebuilds everything."""
    digest = hashlib.blake2b(digest_size=20)
    package = Path(__file__).resolve().parent
    hash_tree(digest, package.parent, package, (".py",))
    digest.update(sys.version.encode())
    for folder in sys.path:
        if folder.endswith("site-packages") and os.path.isdir(folder):
            digest.update("\n".join(sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))).encode())
    return digest.hexdigest()


def shared_digest(root: Path) -> str:
    """Everything every MkDocs project reads besides its own files: theme overrides and catalogues, the base
    mkdocs.yml, and the tools."""
    digest = hashlib.blake2b(digest_size=20)
    shared = repository(root)
    for part in SHARED_PARTS:
        if (shared / part).exists():
            hash_tree(digest, shared, shared / part)
    digest.update(tools_digest().encode())
    return digest.hexdigest()


def fingerprint(root: Path, options: dict) -> str:
    """Every input of a build, and its options."""
    digest = hashlib.blake2b(digest_size=20)
    for part in INPUT_PARTS:
        if (root / part).exists():
            hash_tree(digest, root, root / part)
    shared = repository(root)
    if shared != root:  # a tenant: the repository's theme, catalogues and base configuration too
        for part in SHARED_PARTS:
            hash_tree(digest, shared, shared / part)
    digest.update(tools_digest().encode())
    digest.update(json.dumps(options, sort_keys=True).encode())
    return digest.hexdigest()


def project_key(shared: str, files: dict[str, str]) -> str:
    """What a project's build depends on: its rendered files and the shared inputs."""
    digest = hashlib.blake2b(shared.encode(), digest_size=20)
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return digest.hexdigest()


# --- the published output ---------------------------------------------------------------------------

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
    """Every file in tree (relative path -> inode, from the directory listing) and every folder (relative
    paths; '' is the tree itself)."""
    files: dict[str, int] = {}
    folders: set[str] = {""}
    for relative, entry in _walk(tree):
        if entry.is_dir(follow_symlinks=False):
            folders.add(relative)
        else:
            files[relative] = entry.inode()
    return files, folders


def folders_holding(files: Iterable[str]) -> set[str]:
    """The folders a tree holding these files has (relative paths; '' is the tree itself)."""
    folders = {""}
    for relative in files:
        parent = relative.rpartition("/")[0]
        while parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    return folders


def _load_state(root: Path) -> dict:
    try:
        return json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(root: Path, output: Path, print_: str) -> dict | None:
    """The summary of the last build into output if it had this fingerprint and output is untouched."""
    record = _load_state(root).get(str(output))
    if not record or record.get("fingerprint") != print_ or not output.is_dir():
        return None
    if listing(output) != record.get("files"):
        return None
    return record.get("summary")


def record_published(root: Path, output: Path, print_: str, summary: dict, links: dict[str, Path] | None = None
                     ) -> None:
    """links: every file of output (relative path -> the file it is a hard link to or a copy of, whose size and
    modification time it shares), when known: the files are then found without walking output's folders."""
    state = _load_state(root)
    state.pop(str(output), None)
    files = listing(output) if links is None else {relative: [stat.st_size, stat.st_mtime_ns]
                                                    for relative, source in links.items()
                                                    for stat in (os.stat(source),)}
    state[str(output)] = {"fingerprint": print_, "summary": summary, "files": files}
    while len(state) > _KEPT_OUTPUTS:
        state.pop(next(iter(state)))
    _write_atomically(root / STATE_FILE, json.dumps(state))


def forget_published(root: Path, output: Path) -> None:
    state = _load_state(root)
    if state.pop(str(output), None) is not None:
        _write_atomically(root / STATE_FILE, json.dumps(state))


# --- one entry per MkDocs project ---------------------------------------------------------------------

@dataclass
class Entry:
    """A project's built output in the cache, and what it was built from."""

    folder: Path  # .build/out/<lang>/<site>
    key: str  # the project's rendered files and the shared inputs (project_key)
    render_key: str  # what those files were rendered from (see `dependencies`)
    files: dict[str, list[int]]  # relative path -> [size, mtime_ns]
    reach: str  # digest of its file names and of each page's ids: what a link into the project can find
    shared: str | None = None  # the shared inputs it was built with (`shared_digest`: the code among them)

    def facts(self) -> dict:
        """Relative path of each HTML file -> its facts for the checks (plain data), read when asked for.
        Not to be changed: a build server's process keeps what it read for the next build."""
        return _read_json(_facts_file(self.folder))


def entry_folder(root: Path, name: str) -> Path:
    return root / OUT_DIR / name


def _record_file(folder: Path) -> Path:
    return folder.with_name(folder.name + ".json")


def _facts_file(folder: Path) -> Path:
    return folder.with_name(folder.name + ".facts.json")


def load_entry(root: Path, name: str, key: str | None = None, render_key: str | None = None) -> Entry | None:
    """The cached output of project `name` if it was built from `key` (or rendered from `render_key`) and is
    still exactly as built."""
    folder = entry_folder(root, name)
    try:
        data = _read_json(_record_file(folder))
    except (OSError, ValueError):
        return None
    if key not in (None, data.get("key")) or render_key not in (None, data.get("render_key")):
        return None
    if not folder.is_dir() or not _facts_file(folder).is_file():
        return None
    top = os.fspath(folder)
    try:
        for relative, (size, mtime) in data["files"].items():
            stat = os.stat(os.path.join(top, relative))
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return None
    except OSError:
        return None
    return Entry(folder, data["key"], data["render_key"], data["files"], data["reach"], data.get("shared"))


def new_output_folder(root: Path, name: str) -> Path:
    """An empty folder to build project `name` into, beside its cache slot."""
    folder = entry_folder(root, name)
    fresh = folder.with_name(folder.name + ".new")
    remove_output_folder(fresh)
    fresh.parent.mkdir(parents=True, exist_ok=True)
    return fresh


def remove_output_folder(folder: Path) -> None:
    """A fresh build's folder and memo file, if they were not stored (an unfinished or failed build)."""
    shutil.rmtree(folder, ignore_errors=True)
    memo_beside(folder).unlink(missing_ok=True)


def store_entry(root: Path, name: str, key: str, render_key: str, built: Path, facts: dict, shared: str,
                files: dict[str, list[int]] | None = None) -> Entry:
    """Move a fresh build into the project's cache slot and record what it was built from. files: its
    `listing`, when known (the worker that built it listed it, and moving the folder changes no file).

    The previous output is never rewritten: files published from it by hard link stay as they were. It is
    set aside, and removed by the next build while its workers build (`remove_replaced_outputs`): removing a
    site's folders and files was about 0.03 s of an edit's path.
    """
    folder = entry_folder(root, name)
    record = _record_file(folder)
    record.unlink(missing_ok=True)
    if folder.exists():
        old = _replaced(folder)
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    built.rename(folder)
    if memo_beside(built).exists():
        memo_beside(built).rename(memo_beside(folder))
    else:
        memo_beside(folder).unlink(missing_ok=True)
    files = listing(folder) if files is None else files
    reach = hashlib.blake2b(json.dumps([sorted(files), {page: sorted(found["ids"]) for page, found in
                                                          facts.items()}], sort_keys=True).encode(),
                            digest_size=20).hexdigest()
    _write_atomically(_facts_file(folder), json.dumps(facts))
    entry = Entry(folder, key, render_key, files, reach, shared)
    _write_record(entry)
    return entry


def _replaced(folder: Path) -> Path:
    return folder.with_name(folder.name + ".old")


def remove_replaced_outputs(root: Path) -> None:
    """The outputs that builds before this one replaced (nothing reads them any more)."""
    out = root / OUT_DIR
    for old in out.glob("*/*.old") if out.is_dir() else ():
        shutil.rmtree(old, ignore_errors=True)


def set_render_key(entry: Entry, render_key: str) -> Entry:
    """Record that the entry's rendered files were rendered again, unchanged, from other inputs."""
    entry.render_key = render_key
    _write_record(entry)
    return entry


def _write_record(entry: Entry) -> None:
    _write_atomically(_record_file(entry.folder), json.dumps(
        {"key": entry.key, "render_key": entry.render_key, "files": entry.files, "reach": entry.reach,
         "shared": entry.shared}))


# --- sites whose output passed the checks -------------------------------------------------------------

CHECKED_FILE = CACHE_DIR / "checked.json"


def checked(root: Path) -> dict[str, dict]:
    """Site id -> what its checks read when it last passed (see `check_scope.records`)."""
    try:
        return json.loads((root / CHECKED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_checked(root: Path, passed: dict[str, dict]) -> None:
    _write_atomically(root / CHECKED_FILE, json.dumps(passed, sort_keys=True))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
