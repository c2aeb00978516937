"""A page converted before in the same process is not converted again (generator/mkdocs_ext/markdown_memo.py): the
output must be exactly what converting every page gives, and a page that warned must warn every time."""

from __future__ import annotations

import copy
import shutil

import pytest
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

from generator.mkdocs_ext import markdown_memo

from .conftest import (
    PROJECTS,
    TWIN_SITES,
    Built,
    build_twin_sites,
    build_twin_sites_unwrapped,
    build_with_mkdocs,
    memo_calls,
    relocated_config,
)


@pytest.fixture
def conversions(monkeypatch) -> list[str]:
    """The pages MkDocs converts, with a memo that starts empty."""
    return memo_calls(monkeypatch, markdown_memo, "_convert", 0)


def test_twin_pages_of_two_sites_are_converted_once_and_come_out_as_when_each_is_converted(
        built: Built, conversions, tmp_path, monkeypatch):
    memo, pages = build_twin_sites(tmp_path / "memo")
    assert pages - len(conversions) >= 8, "the shared handbook chapters of the second site were converted again"

    alone = build_twin_sites_unwrapped(tmp_path / "alone", monkeypatch, markdown_memo, Page, "render",
                                       "_mkdocs_render")
    for site in TWIN_SITES:
        assert memo[site].keys() == alone[site].keys()
        assert [name for name in alone[site] if memo[site][name] != alone[site][name]] == [], site


def test_a_page_with_a_broken_link_fails_every_build_not_just_the_first(built: Built, conversions, tmp_path):
    project = PROJECTS / "cy" / "cardiff"
    docs = tmp_path / "docs"
    shutil.copytree(project / "docs", docs)
    chapter = next(path for path in sorted(docs.rglob("*.md")) if path.parent != docs)
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n[Dim](dim-tudalen-fel-hon.md)\n", encoding="utf-8")
    config = relocated_config(project, tmp_path, docs=docs)
    for attempt in ("first", "second"):
        with pytest.raises(Abort):
            build_with_mkdocs(config, tmp_path / attempt)
    assert conversions.count(chapter.relative_to(docs).as_posix()) == 2


def test_a_kept_contents_list_is_copied_as_deepcopy_copies_it_and_shares_nothing_changeable():
    tokens = [{"level": 2, "id": f"h{n}", "name": f"Heading <em>{n}</em>",
               "children": [{"level": 3, "id": f"h{n}-{m}", "name": "Sub", "children": []} for m in range(n)]}
              for n in range(4)]
    toc = get_toc(tokens)  # its first link is marked active
    toc.items[1].children[0].extra = ["a list"]  # not a plain value: deep-copied
    copied, expected = markdown_memo._copy_toc(toc), copy.deepcopy(toc)

    def described(links) -> list:
        return [(type(link), {k: v for k, v in vars(link).items() if k != "children"}, described(link.children))
                for link in links]

    assert type(copied) is TableOfContents and described(copied) == described(expected)
    originals = {id(link) for link in toc.items} | {id(child) for link in toc.items for child in link.children}
    assert not originals & ({id(link) for link in copied.items}
                            | {id(child) for link in copied.items for child in link.children})
    assert copied.items[1].children[0].extra is not toc.items[1].children[0].extra
