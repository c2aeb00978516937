"""Live preview of one site in one language, for marketing officers: edit, save, see it.

MkDocs' own server rebuilds the served project when one of its generated docs changes (and when the theme
overrides or catalogue in site_src/ change), looking every POLL_SECONDS. We watch the sources (content/,
data/) and, once a save has settled (an editor's save fires several events), render that one project again;
only files whose text changed are rewritten, so MkDocs rebuilds once, and only if the preview really
changes. A mistake is printed and the last good preview stays up.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.mkdocs_ext import seam
from generator.model.errors import ContributorError
from generator.model.loader import load_project
from generator.model.tenant import repository
from generator.pipeline import build_date
from generator.render.projects import render_project_files, write_project

# How long the sources must be quiet before rendering: one render per save, however many events it fires.
SETTLE_SECONDS = 0.05


def serve(root: Path, site_id: str, lang: str, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if seam.wanted():
        seam.install("preview")  # MkDocs' server looking for changed files more often

    config = _render(root, site_id, lang)
    if config is None:
        raise SystemExit(1)
    handler = _Rerender(lambda: _render(root, site_id, lang))
    observer = Observer()
    for folder in ("content", "data"):
        observer.schedule(handler, str(root / folder), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(config), livereload=True, dev_addr=address, watch=[str(repository(root) / "site_src")])
    finally:
        observer.stop()
        handler.cancel()


def _render(root: Path, site_id: str, lang: str) -> Path | None:
    """Render the served project (only that one) and write the files that changed; None on a mistake."""
    try:
        project = load_project(root)
        if site_id not in {site.id for site in project.sites}:
            print(f"There is no site '{site_id}'. Use 'main' or an authority id from data/authorities.yml.")
            return None
        if lang not in project.languages:
            print(f"'{lang}' is not one of this site's languages: {', '.join(project.languages)}.")
            return None
        rendered = render_project_files(project, only={(site_id, lang)}, today=build_date())
        return write_project(project, rendered[0])
    except ContributorError as error:
        print(error.report(), flush=True)
        return None


class _Rerender(FileSystemEventHandler):
    """Calls render once the sources have been quiet for SETTLE_SECONDS after the last change."""

    def __init__(self, render, settle: float = SETTLE_SECONDS):
        self.render = render
        self.settle = settle
        self.lock = threading.Lock()
        self.rendering = threading.Lock()  # one render at a time
        self.timer: threading.Timer | None = None
        self.renders = 0  # how many times render ran (for tests)

    def on_any_event(self, event) -> None:
        if event.is_directory or event.event_type not in ("modified", "created", "deleted", "moved", "closed"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.settle, self._fire)
            self.timer.daemon = True
            self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            self.timer = None
        with self.rendering:
            started = time.perf_counter()
            self.renders += 1
            if self.render():
                print(f"Preview updated ({time.perf_counter() - started:.2f} s to render).", flush=True)

    def cancel(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
