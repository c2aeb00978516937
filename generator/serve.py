"""Live preview of one site in one language, for marketing officers: edit, save, see it.

MkDocs' own server rebuilds when a generated doc changes; we watch the sources (content/, data/) and
re-render the generated docs when they change. A mistake is printed and the last good preview stays up.
"""

from __future__ import annotations

import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .errors import ContributorError
from .loader import load_project
from .render import render_project_files, write_projects


def serve(root: Path, site_id: str, lang: str, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    config = _render(root, site_id, lang)
    if config is None:
        raise SystemExit(1)
    observer = Observer()
    observer.schedule(_Rerender(root, site_id, lang), str(root / "content"), recursive=True)
    observer.schedule(_Rerender(root, site_id, lang), str(root / "data"), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(config), livereload=True, dev_addr=address)
    finally:
        observer.stop()


def _render(root: Path, site_id: str, lang: str) -> Path | None:
    try:
        project = load_project(root)
        if site_id not in {site.id for site in project.sites}:
            print(f"There is no site '{site_id}'. Use 'national' or an authority id from data/authorities.yml.")
            return None
        if lang not in project.languages:
            print(f"'{lang}' is not one of this site's languages: {', '.join(project.languages)}.")
            return None
        rendered = [item for item in render_project_files(project)
                    if item.site.id == site_id and item.lang == lang]
        return write_projects(project, rendered)[0]
    except ContributorError as error:
        print(error.report(), flush=True)
        return None


class _Rerender(FileSystemEventHandler):
    def __init__(self, root: Path, site_id: str, lang: str):
        self.args = (root, site_id, lang)
        self.lock = threading.Lock()

    def on_any_event(self, event) -> None:
        if event.is_directory or event.event_type not in ("modified", "created", "deleted", "moved"):
            return
        with self.lock:
            if _render(*self.args):
                print("Preview updated.", flush=True)
