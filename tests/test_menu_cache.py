"""The menu's items are reused from page to page (generator/menu_cache.py): the pages must come out exactly
as Material writes them when it renders the whole menu for every page."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import generator.mkdocs_plugin
from generator import cache
from generator.menu_cache import MenuCache

from .conftest import ROOT, Built

OUR_PARTIALS = ROOT / "site_src" / "overrides" / "partials"


class _Counting(MenuCache):
    reused = 0

    def __call__(self, render, item, path, page):
        calls = []
        result = super().__call__(lambda *args: calls.append(args) or render(*args), item, path, page)
        _Counting.reused += not calls
        return result


class _Uncached(MenuCache):
    def __init__(self, url_filter):
        super().__init__(None)


def _build(config: Path, site_dir: Path) -> dict[str, bytes]:
    logging.getLogger("mkdocs").propagate = False
    build(load_config(str(config), site_dir=str(site_dir)))
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("project", ["en/main", "cy/cardiff"])
def test_pages_with_reused_menu_items_are_byte_for_byte_those_rendered_whole(built: Built, project, tmp_path,
                                                                               monkeypatch):
    """The national site (a flat menu) and a local one (a menu with its handbook as a section, whose pages
    are one folder deeper): every file, menu cache or not, is the same."""
    config = ROOT / cache.PROJECTS_DIR / project / "mkdocs.yml"
    monkeypatch.setattr(generator.mkdocs_plugin, "MenuCache", _Counting)
    _Counting.reused = 0
    cached = _build(config, tmp_path / "cached")
    monkeypatch.setattr(generator.mkdocs_plugin, "MenuCache", _Uncached)
    whole = _build(config, tmp_path / "whole")

    pages = [name for name in whole if name.endswith("index.html")]
    assert len(pages) >= 20 and any(name.count("/") > 1 for name in pages) == (project != "en/main")
    assert _Counting.reused > len(pages), "menu items were reused"
    assert cached.keys() == whole.keys()
    assert [name for name in whole if cached[name] != whole[name]] == []


def test_the_menu_template_is_materials_own_but_for_the_cached_items():
    """partials/nav.html overrides Material's: if Material changes its own, ours must be brought up to date."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "nav.html").read_text(encoding="utf-8")
    ours = (OUR_PARTIALS / "nav.html").read_text(encoding="utf-8")

    def body(text: str) -> list[str]:
        return text.split("-#}\n", 1)[1].splitlines()

    assert len(body(theirs)) == len(body(ours))
    changed = [(a, b) for a, b in zip(body(theirs), body(ours), strict=True) if a != b]
    assert changed == [("      {{ item.render(nav_item, path, 1) }}",
                        "      {{ fw_menu_item(item.render, nav_item, path, page) }}")]
