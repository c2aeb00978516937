"""The menu's items are reused from page to page and from site to site (generator/mkdocs_ext/menu_cache.py): the pages
must come out exactly as Material writes them when it renders the whole menu for every page."""

from __future__ import annotations

import pytest

import generator.mkdocs_ext.plugin
from generator.mkdocs_ext import menu_cache
from generator.mkdocs_ext.menu_cache import MenuCache, Page
from tests.conftest import PROJECTS, TWIN_SITES, Built, build_with_mkdocs, with_materials_partials

MENU = ["nav.html", "nav-item.html"]  # our copies; Material's own for comparison


class _Counting(MenuCache):
    rendered = written = 0
    branches_rendered = 0  # of the items whose branch does not hold the page (the others, and the menu of a
    # page that is not a page of the site, such as 404.html, are always rendered)

    def __call__(self, render, items, page):
        def counted(item, path, level):
            _Counting.rendered += 1
            _Counting.branches_rendered += isinstance(page, Page) and not (item.active or item is page)
            return render(item, path, level)

        _Counting.written += len(items)
        return super().__call__(counted, items, page)

    children_written = children_rendered = 0  # the items of sections (a local site's handbook)

    def child(self, render, item, path, level, parent, page):
        def counted(*args):
            _Counting.children_rendered += 1
            return render(*args)

        _Counting.children_written += 1
        return super().child(counted, item, path, level, parent, page)


@pytest.mark.parametrize("site", ["en/main", "cy/cardiff"])
def test_pages_with_reused_menu_items_are_byte_for_byte_those_of_materials_own_menu(built: Built, site, tmp_path,
                                                                                   monkeypatch):
    """The national site (a flat menu) and a local one (a menu with its handbook as a section, whose pages
    are one folder deeper): every file is the same as when Material renders the whole menu on every page."""
    project = PROJECTS / site
    monkeypatch.setattr(generator.mkdocs_ext.plugin, "MenuCache", _Counting)
    monkeypatch.setattr(menu_cache, "_items", menu_cache._items.emptied())
    _Counting.rendered = _Counting.written = _Counting.children_rendered = _Counting.children_written = 0
    ours = build_with_mkdocs(project / "mkdocs.yml", tmp_path / "ours")
    with_materials_partials(monkeypatch, tmp_path, MENU)
    materials = build_with_mkdocs(project / "mkdocs.yml", tmp_path / "materials")

    pages = [path for path in materials if path.endswith("index.html")]
    assert len(pages) >= 20 and any(path.count("/") > 1 for path in pages) == (site != "en/main")
    assert _Counting.written > 3 * _Counting.rendered, "most menu items were reused"
    if site != "en/main":  # the handbook's section: on each of its pages, most of its chapters were reused
        assert _Counting.children_written > 3 * _Counting.children_rendered > 0, vars(_Counting)
    assert ours.keys() == materials.keys()
    assert [path for path in materials if ours[path] != materials[path]] == []


def test_a_site_whose_menu_is_like_another_s_reuses_its_items_and_comes_out_as_with_materials_menu(
        built: Built, tmp_path, monkeypatch):
    """Two local sites of one region in one process: the second renders only the items that differ (its own
    pages' titles), and each file is as Material's whole menu writes it."""
    monkeypatch.setattr(generator.mkdocs_ext.plugin, "MenuCache", _Counting)
    monkeypatch.setattr(menu_cache, "_items", menu_cache._items.emptied())
    _Counting.branches_rendered = 0
    build_with_mkdocs(PROJECTS / TWIN_SITES[0] / "mkdocs.yml", tmp_path / "first")
    first, _Counting.branches_rendered = _Counting.branches_rendered, 0
    second = build_with_mkdocs(PROJECTS / TWIN_SITES[1] / "mkdocs.yml", tmp_path / "second")
    assert 0 < _Counting.branches_rendered <= first // 4, "the second site rendered its menu's items again"

    with_materials_partials(monkeypatch, tmp_path, MENU)
    materials = build_with_mkdocs(PROJECTS / TWIN_SITES[1] / "mkdocs.yml", tmp_path / "materials")
    assert [path for path in materials if second[path] != materials[path]] == []
