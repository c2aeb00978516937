"""The menu's items are reused from page to page (generator/menu_cache.py): the pages must come out exactly
as Material writes them when it renders the whole menu for every page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.mkdocs_plugin
from generator import cache
from generator.menu_cache import MenuCache

from .conftest import ROOT, Built, build_with_mkdocs, relocated_config


class _Counting(MenuCache):
    rendered = reused = 0

    def _item(self, render, item, path, page):
        calls = []
        result = super()._item(lambda *args: calls.append(args) or render(*args), item, path, page)
        _Counting.rendered += bool(calls)
        _Counting.reused += not calls
        return result


def _with_materials_menu(project: Path, folder: Path) -> Path:
    """The project's configuration with our theme overrides less partials/nav.html: Material's own menu."""
    overrides = folder / "overrides"
    shutil.copytree(ROOT / "site_src" / "overrides", overrides)
    (overrides / "partials" / "nav.html").unlink()
    return relocated_config(project, folder, overrides=overrides)


@pytest.mark.parametrize("site", ["en/main", "cy/cardiff"])
def test_pages_with_reused_menu_items_are_byte_for_byte_those_of_materials_own_menu(built: Built, site, tmp_path,
                                                                                   monkeypatch):
    """The national site (a flat menu) and a local one (a menu with its handbook as a section, whose pages
    are one folder deeper): every file is the same as when Material renders the whole menu on every page."""
    project = ROOT / cache.PROJECTS_DIR / site
    monkeypatch.setattr(generator.mkdocs_plugin, "MenuCache", _Counting)
    _Counting.rendered = _Counting.reused = 0
    ours = build_with_mkdocs(project / "mkdocs.yml", tmp_path / "ours")
    materials = build_with_mkdocs(_with_materials_menu(project, tmp_path), tmp_path / "materials")

    pages = [path for path in materials if path.endswith("index.html")]
    assert len(pages) >= 20 and any(path.count("/") > 1 for path in pages) == (site != "en/main")
    assert _Counting.reused > 2 * _Counting.rendered, "most menu items were reused"
    assert ours.keys() == materials.keys()
    assert [path for path in materials if ours[path] != materials[path]] == []
