"""A built page's facts are read from its menu item by item, each distinct item once (generator/checks/facts.py):
they must be exactly what a scan of the whole page, tag by tag, finds, on every built page and on menus whose
items are not plain tags."""

from __future__ import annotations

import pytest

from generator.checks import facts
from generator.checks.html_tags import article_span
from tests.conftest import Built


def _scanned_whole(html: str, lang: str) -> dict:
    """The page's facts with its tags found by one scan of the whole page (as before items were kept)."""
    start, end = article_span(html)
    found = facts._Found(start, end)
    found.scan(html, 0, len(html))
    page = facts.facts_of(html, lang)
    return facts.PageFacts(tuple(found.targets), frozenset(found.ids), page.figures, page.english, page.text,
                           found.head, tuple(found.unsafe)).to_data()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_pages_facts_are_those_of_a_scan_of_the_whole_page(built: Built, lang, monkeypatch):
    monkeypatch.setattr(facts, "_items", {})
    monkeypatch.setattr(facts, "_tails", {})
    pages = built.page_files(lang)
    assert len(pages) > 400
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert facts.facts_of(html, lang).to_data() == _scanned_whole(html, lang), page
    # The menus were read item by item, and items recur: far fewer distinct items than pages times items;
    # what follows the article is the same on every page of a depth.
    assert 0 < len(facts._items) < len(pages) * 5
    assert 0 < len(facts._tails) < 20


# What menu items may hold that is not plain tags (put into the second item and the third): a comment, one
# running from one item into the next, a script, a '<' that starts no tag, an attribute whose value holds what
# starts an item, a tag running on into the next item.
_ODD_ITEMS = [
    ('<!-- <a href="../commented/"> -->', ""),
    ("<!-- ", ' <a href="../commented/"> -->'),
    ('<script>var a = "<a href=\'../scripted/\'>";</script>', ""),
    ('<span>1 < 2 <a href="../after-a-less-than/">x</a></span>', ""),
    ('<a title="<li class=&quot;md-nav__item" href="../quoted/">x</a>', ""),
    ('<a title="x <li class="md-nav__item" href="../split/">x</a>', ""),
    ('<a href="../unclosed/"', ""),
]


@pytest.mark.parametrize(("second", "third"), _ODD_ITEMS)
def test_menu_items_that_are_not_plain_tags_give_the_facts_of_a_whole_scan(built: Built, second, third,
                                                                           monkeypatch):
    monkeypatch.setattr(facts, "_items", {})
    page = next(p for p in built.page_files("en") if p.parent.name == "about")
    html = page.read_text(encoding="utf-8")
    marker = '<li class="md-nav__item'
    items = [at for at in range(len(html)) if html.startswith(marker, at)][1:3]
    odd = html[:items[0]] + second + html[items[0]:items[1]] + third + html[items[1]:]
    assert facts.facts_of(odd, "en").to_data() == _scanned_whole(odd, "en")
    assert facts.facts_of(html, "en").to_data() == _scanned_whole(html, "en")


# What may run on from the article into what follows it: a comment, a script, an unclosed tag.
_ODD_ENDINGS = ['<!-- <a href="../commented/">', '<script>var a = "<a href=\'../scripted/\'>";',
                '<a href="../unclosed/" title="', '<a href="../closed/">x</a>']


@pytest.mark.parametrize("ending", _ODD_ENDINGS)
def test_what_runs_on_past_the_article_gives_the_facts_of_a_whole_scan(built: Built, ending, monkeypatch):
    monkeypatch.setattr(facts, "_tails", {})
    page = next(p for p in built.page_files("en") if p.parent.name == "about")
    html = page.read_text(encoding="utf-8")
    end = html.rindex("</article>")
    odd = html[:end] + ending + html[end:end + len("</article>")] + '\n<a href="../after/">y</a>' + html[
        end + len("</article>"):]
    if "-->" not in odd[end:] and ending.startswith("<!--"):
        odd = odd.replace("</footer>", "--></footer>", 1)
    assert facts.facts_of(odd, "en").to_data() == _scanned_whole(odd, "en")


def test_a_link_found_good_from_one_folder_is_worked_out_again_from_another(built: Built):
    """The link check takes a link climbing out of its page's folder ('../x/') as good for every page of the
    folder above once it was good there: from pages of another folder, the same address is checked again."""
    from generator.checks.links import check_links
    local = [p for p in built.page_files("en") if p.parent.parent.name == "anglesey"][:2]
    national = next(p for p in built.page_files("en") if p.parent.name == "calculator")
    assert (national.parent.parent / "anglesey" / "handbook").is_dir()
    assert not (national.parent.parent / "handbook").exists()
    page = facts.facts_of(national.read_text(encoding="utf-8"), "en")
    only = {path.relative_to(built.output).as_posix(): facts.PageFacts(("a ../handbook/",), page.ids, (), (), "",
                                                                       page.head, ())
            for path in [*local, national]}
    assert sorted(only)[-1] == "en/calculator/index.html"  # checked after the local pages found it good
    problems = check_links(built.project, built.output, only)
    assert [p.message for p in problems] == [
        "A link to '../handbook/' leads to a page that does not exist (on en/calculator/index.html)."]
