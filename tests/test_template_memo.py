"""A build server's worker reuses a page's rendered HTML when its template would read the same
(generator/template_memo.py): after an edit only the edited page is rendered again, a changed menu title
renders every page again, and the output is exactly what rendering every page gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build

from generator import cache, template_memo

from .conftest import ROOT, Built, build_with_mkdocs, relocated_config

PROJECT = ROOT / cache.PROJECTS_DIR / "cy" / "cardiff"  # a handbook section: pages one folder deeper too


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The pages whose template is rendered, in a process that builds projects again (a build server's
    worker), with a memo that starts empty."""
    rendered: list[str] = []
    keep = template_memo._keep

    def counting(key, html):
        rendered.append(key[3])  # the page's file
        return keep(key, html)

    monkeypatch.setattr(template_memo, "_keep", counting)
    monkeypatch.setattr(template_memo, "_kept", {})
    monkeypatch.setattr(template_memo, "wanted", True)
    return rendered


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path]:
    """A copy of Cardiff's Welsh project to edit: its mkdocs.yml and docs folder."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    return relocated_config(PROJECT, tmp_path, docs=docs), docs


def _every_page_rendered(config: Path, site_dir: Path, monkeypatch) -> dict[str, bytes]:
    with monkeypatch.context() as patched:
        patched.setattr(mkdocs_build, "_build_page", template_memo._build_page)
        patched.setattr(template_memo, "install", lambda: None)
        return build_with_mkdocs(config, site_dir)


def test_after_an_edit_only_the_edited_page_is_rendered_again_and_the_site_is_as_rendered_whole(
        built: Built, renders, project, tmp_path, monkeypatch):
    config, docs = project
    first = build_with_mkdocs(config, tmp_path / "first")
    pages = sum(1 for name in first if name.endswith(".html") and name != "404.html")
    assert len(renders) == pages, "the first build renders every page"

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

    pages = [name for name in again if name.endswith(".html") and name != "404.html"]
    assert len(renders) == len(pages)
    assert all(b"Teitl newydd y dudalen" in again[name] for name in pages)
    assert any(title.encode() in first[name] for name in pages)
    whole = _every_page_rendered(config, tmp_path / "whole", monkeypatch)
    assert [name for name in whole if again[name] != whole[name]] == []


def test_builds_in_their_own_process_keep_no_pages(built: Built, project, tmp_path, monkeypatch):
    monkeypatch.setattr(template_memo, "_kept", {})
    monkeypatch.setattr(template_memo, "wanted", False)
    config, _ = project
    build_with_mkdocs(config, tmp_path / "site")
    assert template_memo._kept == {}
