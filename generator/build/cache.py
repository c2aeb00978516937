"""The build cache: what was built from what, so a build redoes only what changed.

In the working folder (`paths`):
- for each output folder (site/, a test's), the **fingerprint** it was built from (`fingerprint`) and its files'
  sizes and times: when both are unchanged there is nothing to do;
- one **entry per generated MkDocs project**, next to its built output in `.build/out/<lang>/<site>/`: the
  render key its files were rendered from and the project key it was built from (`keys`), the shared inputs'
  digest (facts and memos are taken from it only by a build with the same), the size and modification time of
  every file it produced, its reach (what a link into it can find), and, in files of their own, the facts the
  output checks need from its HTML and its pages' memos (`mkdocs_ext.page_memos`). A project whose render key
  is unchanged is not even rendered; one whose rendered files are unchanged is not rebuilt: its output is
  reused, however the rest changed;
- the **sites that passed the checks**, with what their checks read (`checked.json`).

Only the standard library (and `paths`, `trees`, `memo`, which need no more): it runs before anything heavy is
loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.memo import BoundedStore
from generator.paths import CHECKED_FILE, OUT_DIR, STATE_FILE, beside, output_folder
from generator.trees import listing, write_atomically

# Outputs remembered in the state (site/ and, say, a test's or a deployment's folder).
_OUTPUTS_REMEMBERED = 8
# The build cache's JSON files read in this process: a build server reads the same ones build after build (each
# file is replaced when it changes, never rewritten in place). Read into Python, a file takes about six times
# its size.
_json_read = BoundedStore(64 * 2**20, cost=lambda key, data: 6 * key[2])


def _read_json(path: Path):
    """The JSON file's data (not to be changed: it is kept for the next build)."""
    stat = os.stat(path)
    key = (os.fspath(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)
    found = _json_read.get(key)
    if found is None:
        found = json.loads(path.read_text(encoding="utf-8"))
        _json_read.put(key, found)
    return found


# --- the published output ---------------------------------------------------------------------------

def _load_state(root: Path) -> dict:
    try:
        return json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(root: Path, output: Path, fingerprint: str) -> dict | None:
    """The summary of the last build into output if it had this fingerprint and output is untouched."""
    record = _load_state(root).get(str(output))
    if not record or record.get("fingerprint") != fingerprint or not output.is_dir():
        return None
    if listing(output) != record.get("files"):
        return None
    return record.get("summary")


def record_published(root: Path, output: Path, fingerprint: str, summary: dict, links: dict[str, Path] | None = None
                     ) -> None:
    """links: every file of output (relative path -> the file it is a hard link to or a copy of, whose size and
    modification time it shares), when known: the files are then found without walking output's folders."""
    state = _load_state(root)
    state.pop(str(output), None)
    files = listing(output) if links is None else {relative: [stat.st_size, stat.st_mtime_ns]
                                                    for relative, source in links.items()
                                                    for stat in (os.stat(source),)}
    state[str(output)] = {"fingerprint": fingerprint, "summary": summary, "files": files}
    while len(state) > _OUTPUTS_REMEMBERED:
        state.pop(next(iter(state)))
    write_atomically(root / STATE_FILE, json.dumps(state))


def forget_published(root: Path, output: Path) -> None:
    state = _load_state(root)
    if state.pop(str(output), None) is not None:
        write_atomically(root / STATE_FILE, json.dumps(state))


# --- one entry per MkDocs project ---------------------------------------------------------------------

@dataclass
class Entry:
    """A project's built output in the cache, and what it was built from."""

    folder: Path  # .build/out/<lang>/<site>
    key: str  # the project's rendered files and the shared inputs (project_key)
    render_key: str  # what those files were rendered from (`keys.render_key`)
    files: dict[str, list[int]]  # relative path -> [size, mtime_ns]
    reach: str  # digest of its file names and of each page's ids: what a link into the project can find
    shared: str | None = None  # the shared inputs it was built with (`shared_digest`: the code among them)

    def facts(self) -> dict:
        """Relative path of each HTML file -> its facts for the checks (plain data), read when asked for.
        Not to be changed: a build server's process keeps what it read for the next build."""
        return _read_json(_facts_file(self.folder))


def _record_file(folder: Path) -> Path:
    return beside(folder, ".json")


def _facts_file(folder: Path) -> Path:
    return beside(folder, ".facts.json")


def _memo_file(folder: Path) -> Path:
    return beside(folder, ".memo")


def load_entry(root: Path, name: str, key: str | None = None, render_key: str | None = None) -> Entry | None:
    """The cached output of project `name` if it was built from `key` (or rendered from `render_key`) and is
    still exactly as built."""
    folder = output_folder(root, name)
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
    folder = output_folder(root, name)
    fresh = folder.with_name(folder.name + ".new")
    remove_output_folder(fresh)
    fresh.parent.mkdir(parents=True, exist_ok=True)
    return fresh


def remove_output_folder(folder: Path) -> None:
    """A fresh build's folder and memo file, if they were not stored (an unfinished or failed build)."""
    shutil.rmtree(folder, ignore_errors=True)
    _memo_file(folder).unlink(missing_ok=True)


def store_entry(root: Path, name: str, key: str, render_key: str, built: Path, facts: dict, shared: str,
                files: dict[str, list[int]] | None = None) -> Entry:
    """Move a fresh build into the project's cache slot and record what it was built from. files: its
    `listing`, when known (the worker that built it listed it, and moving the folder changes no file).

    The previous output is never rewritten: files published from it by hard link stay as they were. It is
    set aside, and removed by the next build while its workers build (`remove_replaced_outputs`), off an
    edit's path.
    """
    folder = output_folder(root, name)
    record = _record_file(folder)
    record.unlink(missing_ok=True)
    if folder.exists():
        old = _replaced(folder)
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    built.rename(folder)
    if _memo_file(built).exists():
        _memo_file(built).rename(_memo_file(folder))
    else:
        _memo_file(folder).unlink(missing_ok=True)
    files = listing(folder) if files is None else files
    reach = hashlib.blake2b(json.dumps([sorted(files), {page: sorted(found["ids"]) for page, found in
                                                          facts.items()}], sort_keys=True).encode(),
                            digest_size=20).hexdigest()
    write_atomically(_facts_file(folder), json.dumps(facts))
    entry = Entry(folder, key, render_key, files, reach, shared)
    _write_record(entry)
    return entry


def _replaced(folder: Path) -> Path:
    return beside(folder, ".old")


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
    write_atomically(_record_file(entry.folder), json.dumps(
        {"key": entry.key, "render_key": entry.render_key, "files": entry.files, "reach": entry.reach,
         "shared": entry.shared}))


# --- sites whose output passed the checks -------------------------------------------------------------

def checked(root: Path) -> dict[str, dict]:
    """Site id -> what its checks read when it last passed (see `checks.scope.records`)."""
    try:
        return json.loads((root / CHECKED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_checked(root: Path, passed: dict[str, dict]) -> None:
    write_atomically(root / CHECKED_FILE, json.dumps(passed, sort_keys=True))


