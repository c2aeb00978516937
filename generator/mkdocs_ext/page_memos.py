"""A project's page memos on disk: a build in a process of its own redoes only the pages an edit changed.

The memos (markdown_memo, search_memo, template_memo) keep in memory what a page's conversion, search entries
and template came to, under everything that decides them. A build server's workers keep them from build to
build; a build in a fresh process (the first after a while, CI, FOSTERING_BUILD_SERVER=0) starts with them
empty, and would convert, index and lay out every page of an edited project again. So a clean build of a
project also writes what its pages came to, under a digest of each key, beside its output
(`.build/out/<lang>/<site>.memo`, replaced with the output), and the next build of the project looks there
when memory has nothing:

- `conversions`: the HTML, contents list, title and anchors (markdown_memo);
- `search`: the page's search entries (search_memo);
- `templates`: the file the page's template was written to. It is read from that output instead of being
  rendered (template_memo), so the pages' HTML is not stored twice.

The keys leave out what every project shares (the theme and its overrides, the catalogues, the base
mkdocs.yml, the code, the installed packages: `build.fingerprint.shared_digest`), so the file is read only by a
build with the same shared inputs, of the output it was written with (its key). It is a pickle: it is written and read
only by this program, in its own working folder (`memo`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.memo import digest, read, write
from generator.paths import beside

KINDS = ("conversions", "search", "templates")


class _Build:
    """The memo file the project's previous output left (read when first needed), and what this build makes."""

    def __init__(self, previous: Path | None, previous_key: str | None, shared: str, key: str):
        self.previous, self.previous_key = previous, previous_key  # the previous output's folder and key
        self.shared, self.key = shared, key
        self.found: dict[str, dict[bytes, Any]] | None = None
        self.made: dict[str, dict[bytes, Any]] = {kind: {} for kind in KINDS}
        self.last: tuple[Any, bytes] = (None, b"")

    def digest(self, key: tuple) -> bytes:
        if self.last[0] is not key:  # `find` then `note` with the same key: hashed once
            self.last = (key, digest(key))
        return self.last[1]

    def stored(self) -> dict[str, dict[bytes, Any]]:
        if self.found is None:
            stored = read(path_beside(self.previous)) if self.previous is not None else None
            usable = (isinstance(stored, dict) and stored.get("shared") == self.shared
                      and stored.get("key") == self.previous_key and isinstance(stored.get("memos"), dict))
            self.found = stored["memos"] if usable else {}
        return self.found


_build: _Build | None = None  # the project being built in this process, when its memos go to disk


def path_beside(folder: Path) -> Path:
    """The memo file of the output in folder."""
    return beside(folder, ".memo")


def begin(shared: str, key: str, previous: Path | None = None, previous_key: str | None = None) -> None:
    """A build of a project starts. shared: `build.fingerprint.shared_digest`; key: the project key it builds;
    previous: the folder of the output it was last built into, built from previous_key."""
    global _build
    _build = _Build(previous, previous_key, shared, key)


def end(output: Path | None) -> None:
    """The build is over: write its memos beside its output folder (None: it did not build cleanly)."""
    global _build
    build, _build = _build, None
    if build is None or output is None:
        return
    write(path_beside(output), {"shared": build.shared, "key": build.key, "memos": build.made})


def active() -> bool:
    """Whether the project being built in this process has its memos on disk."""
    return _build is not None


def find(kind: str, key: tuple) -> Any | None:
    """What the previous build of this project stored under key, if anything."""
    if _build is None:
        return None
    return _build.stored().get(kind, {}).get(_build.digest(key))


def note(kind: str, key: tuple, value: Any) -> None:
    """What this page came to, for the next build of the project."""
    if _build is not None:
        _build.made[kind][_build.digest(key)] = value


def previous_output() -> Path | None:
    """The folder of the output the stored memos were written with (their `templates` name files in it)."""
    return _build.previous if _build is not None and _build.stored() else None
