"""A build server's worker reuses a page's rendered HTML when its template would read the same
(generator/mkdocs_ext/template_memo.py): after an edit only the edited page is rendered again, a changed menu title
renders every page again, and the output is exactly what rendering every page gives. And a build server sends
a project back to the worker that holds its pages."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands import build as mkdocs_build

from generator.build.workers import Builders, Job
from generator.mkdocs_ext import seam, template_memo
from tests.conftest import PROJECTS, ROOT, Built, build_with_mkdocs, relocated_config

PROJECT = PROJECTS / "cy" / "cardiff"  # a handbook section: pages one folder deeper too


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The pages whose template is rendered, in a process that builds projects again (a build server's
    worker), with a memo that starts empty."""
    rendered: list[str] = []
    kept = template_memo._pages_html.emptied()
    put = kept.put

    def counting(key, html):
        rendered.append(key[3] if len(key) > 3 else key[0])  # the page's file, or a theme page's template
        return put(key, html)

    kept.put = counting
    monkeypatch.setattr(template_memo, "_pages_html", kept)
    monkeypatch.setattr(template_memo, "wanted", True)
    return rendered


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path]:
    """A copy of Cardiff's Welsh project to edit: its mkdocs.yml and docs folder."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    return relocated_config(PROJECT, tmp_path, docs=docs), docs


def _every_page_rendered(config: Path, site_dir: Path, monkeypatch) -> dict[str, bytes]:
    seam.install()  # so the plugin installs nothing over MkDocs' own functions put back below
    with monkeypatch.context() as patched:
        patched.setattr(mkdocs_build, "_build_page", template_memo._build_page)
        patched.setattr(mkdocs_build, "_build_theme_template", template_memo._build_theme_template)
        return build_with_mkdocs(config, site_dir)


def test_after_an_edit_only_the_edited_page_is_rendered_again_and_the_site_is_as_rendered_whole(
        built: Built, renders, project, tmp_path, monkeypatch):
    config, docs = project
    first = build_with_mkdocs(config, tmp_path / "first")
    pages = sum(1 for name in first if name.endswith(".html") and name != "404.html")
    assert len(renders) == pages + 1 and "404.html" in renders, "the first build renders every page"

    chapter = next(path for path in sorted(docs.rglob("*.md")) if path.parent != docs)
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nBrawddeg newydd ar ddiwedd y bennod.\n",
                       encoding="utf-8")
    renders.clear()
    again = build_with_mkdocs(config, tmp_path / "again")
    assert renders == [chapter.relative_to(docs).as_posix()]

    whole = _every_page_rendered(config, tmp_path / "whole", monkeypatch)
    assert again.keys() == whole.keys()
    assert [name for name in whole if again[name] != whole[name]] == []
    assert b"Brawddeg newydd ar ddiwedd y bennod." in again[chapter.relative_to(docs).with_suffix("").as_posix()
                                                          + "/index.html"]


def test_a_changed_menu_title_renders_every_page_again(built: Built, renders, project, tmp_path, monkeypatch):
    config, _ = project
    first = build_with_mkdocs(config, tmp_path / "first")
    settings = json.loads(config.read_text(encoding="utf-8"))
    (title, page), = settings["nav"][1].items()
    settings["nav"][1] = {"Teitl newydd y dudalen": page}
    config.write_text(json.dumps(settings), encoding="utf-8")
    renders.clear()
    again = build_with_mkdocs(config, tmp_path / "again")

    pages = [name for name in again if name.endswith(".html")]
    assert len(renders) == len(pages) and "404.html" in renders
    assert all(b"Teitl newydd y dudalen" in again[name] for name in pages)
    assert any(title.encode() in first[name] for name in pages)
    whole = _every_page_rendered(config, tmp_path / "whole", monkeypatch)
    assert [name for name in whole if again[name] != whole[name]] == []


def test_builds_in_their_own_process_keep_no_pages(built: Built, project, tmp_path, monkeypatch):
    monkeypatch.setattr(template_memo, "_pages_html", template_memo._pages_html.emptied())
    monkeypatch.setattr(template_memo, "wanted", False)
    config, _ = project
    build_with_mkdocs(config, tmp_path / "site")
    assert len(template_memo._pages_html) == 0


def _worker(site_dir: str, lang: str, previous) -> tuple[int, int]:
    """Run in the worker after a build: which process it is, and how many pages its memo holds."""
    return os.getpid(), len(template_memo._pages_html)


def test_a_build_servers_project_goes_back_to_the_worker_whose_memo_holds_its_pages(built: Built, tmp_path):
    projects = {name: SimpleNamespace(name=name, lang=name.split("/")[0], sources={})
                for name in ("cy/cardiff", "en/cardiff")}
    folders = itertools.count()

    def build(*names: str) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        jobs = [Job(projects[name], PROJECTS / name / "mkdocs.yml", tmp_path / str(next(folders)))
                for name in names]
        builders.build_all(ROOT, jobs, inspect=_worker,
                           on_built=lambda job, seen: found.update({job.project.name: seen}))
        return found

    with Builders(workers=2, rebuilds=True) as builders:
        first = build("cy/cardiff")
        both = build("cy/cardiff", "en/cardiff")
        again = build("en/cardiff")
    assert both["cy/cardiff"][0] == first["cy/cardiff"][0]
    assert both["en/cardiff"][0] != both["cy/cardiff"][0], "two projects at once are built side by side"
    assert again["en/cardiff"][0] == both["en/cardiff"][0], "the project went to the worker without its pages"
    assert again["en/cardiff"][1] == both["en/cardiff"][1] > 0, "its pages were rendered again"
