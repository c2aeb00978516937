"""Parts of the page frame are rendered once for each place (generator/mkdocs_ext/fragment_cache.py): every page
must come out exactly as when each part is rendered for every page, with Material's own partials."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest
from jinja2 import Environment, pass_context
from mkdocs.utils import get_relative_url

import generator.mkdocs_ext.plugin
from generator.mkdocs_ext import fragment_cache
from tests.conftest import PROJECTS, Built, build_with_mkdocs, with_materials_partials


@pytest.mark.parametrize("site", ["en/main", "cy/cardiff"])
def test_pages_with_kept_parts_are_byte_for_byte_those_rendering_every_part_for_every_page(
        built: Built, site, tmp_path, monkeypatch):
    """The national site (every page one folder deep) and a local one (its handbook a folder deeper)."""
    rendered: Counter[str] = Counter()

    def counting(enabled, env):
        once = fragment_cache.fragments(enabled, env)

        @pass_context
        def fw_once(context, name, caller):
            return once(context, name, caller=lambda: rendered.update([name]) or caller())

        return fw_once

    asked: Counter[str] = Counter()

    def counting_per_page(enabled):
        once = fragment_cache.page_fragments(enabled)

        @pass_context
        def fw_page_once(context, name, caller):
            asked.update([name])
            return once(context, name, caller=lambda: rendered.update([name]) or caller())

        return fw_page_once

    project = PROJECTS / site
    monkeypatch.setattr(generator.mkdocs_ext.plugin, "fragments", counting)
    monkeypatch.setattr(generator.mkdocs_ext.plugin, "page_fragments", counting_per_page)
    ours = build_with_mkdocs(project / "mkdocs.yml", tmp_path / "ours")

    monkeypatch.setattr(generator.mkdocs_ext.plugin, "fragments",
                        lambda enabled, env: fragment_cache.fragments(False, env))
    monkeypatch.setattr(generator.mkdocs_ext.plugin, "page_fragments",
                        lambda enabled: fragment_cache.page_fragments(False))
    with_materials_partials(monkeypatch, tmp_path, ["search.html", "toc.html", "top.html"])
    every_time = build_with_mkdocs(project / "mkdocs.yml", tmp_path / "every")

    pages = [path for path in ours if path.endswith("index.html")]
    assert len(pages) >= 20 and any(path.count("/") > 1 for path in pages) == (site != "en/main")
    toc = rendered.pop("toc")
    assert set(rendered) == {"styles", "config", "analytics", "scripts", "search", "logo", "top"}
    # A part is rendered once for each depth, and once for the error page (no page, absolute links).
    depths = {path.count("/") for path in pages}
    assert max(rendered.values()) <= len(depths) + 1, rendered
    # The contents list: once for each page and for the error page, though most pages write it twice.
    assert toc == len(pages) + 1 and asked["toc"] - toc > len(pages) // 2, (toc, asked)
    assert ours.keys() == every_time.keys()
    assert [path for path in every_time if ours[path] != every_time[path]] == []


def test_a_page_in_the_folder_a_part_links_into_renders_the_part_itself():
    env = Environment()
    env.filters["url"] = pass_context(lambda context, value: get_relative_url(value, context["page"].url))
    env.globals["fw_once"] = fragment_cache.fragments(True, env)
    template = env.from_string('{% call fw_once("styles") %}{{ "assets/main.css" | url }} {{ page.url }}{% endcall %}')

    def render(url: str) -> str:
        return template.render(page=SimpleNamespace(url=url), base_url=get_relative_url(".", url))

    assert render("about/") == "../assets/main.css about/"
    assert render("contact/") == "../assets/main.css about/"  # the same depth: kept
    assert render("assets/guide/") == "../main.css assets/guide/"  # in the folder linked: its own
    assert render("handbook/one/") == "../../assets/main.css handbook/one/"  # another depth
    assert render("assets/other/") == "../main.css assets/other/"
    assert render("handbook/two/") == "../../assets/main.css handbook/one/"
