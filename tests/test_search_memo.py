"""A page indexed before in the same process is not parsed for the search index again
(generator/mkdocs_ext/search_memo.py): each site's index must be exactly what indexing every page gives."""

from __future__ import annotations

import pytest
from material.plugins.search.plugin import SearchIndex

from generator.mkdocs_ext import search_memo

from .conftest import (
    PROJECTS,
    TWIN_SITES,
    Built,
    build_twin_sites,
    build_twin_sites_unwrapped,
    build_with_mkdocs,
    memo_calls,
)

INDEX = "search/search_index.json"


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The pages Material's search plugin parses, with a memo that starts empty."""
    return memo_calls(monkeypatch, search_memo, "_index", 1)


def test_twin_pages_are_parsed_once_and_every_site_gets_the_index_parsing_every_page_gives(
        built: Built, parsed, tmp_path, monkeypatch):
    memo, pages = build_twin_sites(tmp_path / "memo")
    assert pages - len(parsed) >= 8, "the shared handbook chapters of the second site were parsed again"

    again = build_with_mkdocs(PROJECTS / TWIN_SITES[0] / "mkdocs.yml", tmp_path / "again")
    assert len(parsed) < pages, "a site built again was parsed again"
    assert again[INDEX] == memo[TWIN_SITES[0]][INDEX]

    alone = build_twin_sites_unwrapped(tmp_path / "alone", monkeypatch, search_memo, SearchIndex,
                                       "add_entry_from_context", "_index")
    for site in TWIN_SITES:
        assert memo[site][INDEX] == alone[site][INDEX], site
