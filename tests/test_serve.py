"""The live preview renders only the site being previewed, once per save."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

from generator.serve import preview as serve


def test_a_save_that_fires_many_events_renders_once():
    rendered = threading.Event()
    calls = []

    def render():
        calls.append(1)
        rendered.set()
        return True

    handler = serve._Rerender(render, settle=0.3)
    for kind in ("modified", "closed", "modified", "created", "modified"):  # what an editor's save looks like
        handler.on_any_event(SimpleNamespace(is_directory=False, event_type=kind, src_path="content/en/x.md"))
    assert rendered.wait(10)
    time.sleep(1)  # time for a second render, were one coming
    handler.cancel()
    assert calls == [1]


def test_the_preview_renders_only_the_site_it_shows(project_copy):
    config = serve._render(project_copy, "anglesey", "cy")
    assert config == project_copy / ".build" / "projects" / "cy" / "anglesey" / "mkdocs.yml"
    projects = sorted(p.parent.relative_to(project_copy / ".build" / "projects").as_posix()
                      for p in (project_copy / ".build" / "projects").glob("*/*/mkdocs.yml"))
    assert projects == ["cy/anglesey"]
