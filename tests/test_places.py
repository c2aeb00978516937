"""Find your team by place (issue 26, item 3): the finder box and the A–Z of places, both languages.

On the session's built tree: the A–Z page of each language links to every council's site in that language
(the way without JavaScript, which the finder's form leads to); in Chromium, one page load per language, the
finder suggests Cardiff for "Caerdydd", "cardiff", "CF10" and a mutated form, Ynys Môn for "Ynys Mon", and
works with the keyboard alone. A bad entry in data/places.yml is named by file, line and field.
"""

from __future__ import annotations

import posixpath

import pytest

from generator.model.errors import ContributorError
from generator.model.loader import load_project
from generator.render import urls
from tests.conftest import copy_project, edit, http_server, line_of, parse

FINDER_PAGE = "find-your-local-team"
A_Z_PAGE = "places-a-z"


def _main_page(built, page_id: str):
    return built.project.site_pages_by_id(built.project.site("main"))[page_id]


def _homes(built, lang: str) -> dict[str, str]:
    """Each council's site address in a language (its home page's folder) -> the authority id."""
    project = built.project
    return {urls.output_path(project.site_pages(project.site(a.id))[0], lang): a.id for a in project.authorities}


def _resolve(here: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(here, href.split("#")[0])) + "/"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_z_reaches_every_council_without_javascript(built, lang):
    project = built.project
    a_z = urls.output_path(_main_page(built, A_Z_PAGE), lang)
    soup = parse(built.output / a_z / "index.html")
    homes = _homes(built, lang)
    reached = {homes.get(_resolve(a_z, link["href"])) for link in soup.select(".fw-places a[href]")
               if not link["href"].startswith("#")}
    assert reached == {a.id for a in project.authorities}
    listed = {item.select_one(".fw-places__name").get_text() for item in soup.select(".fw-places__list li")}
    # Every council under its name in the page's language, and every place and postcode district of the data.
    assert {a.name.get(lang) for a in project.authorities} <= listed
    assert {place.name.get(lang) for place in project.places.places} <= listed
    assert {area.district for area in project.places.postcode_districts} <= listed
    # The letters lead to their sections; in Welsh, Ll is a letter of its own.
    for link in soup.select(".fw-places__letters a"):
        assert soup.find(id=link["href"][1:]) is not None
    if lang == "cy":
        assert "Ll" in [link.get_text() for link in soup.select(".fw-places__letters a")]

    # Without JavaScript, the finder on the find-your-team page is a form that goes to the A–Z.
    here = urls.output_path(_main_page(built, FINDER_PAGE), lang)
    form = parse(built.output / here / "index.html").select_one(".fw-place-finder form")
    assert form is not None and _resolve(here, form["action"]) == a_z
    assert form.select_one("label")["for"] == form.select_one("input")["id"]


# Each query and the council its first suggestion must lead to.
QUERIES = [("Caerdydd", "cardiff"), ("cardiff", "cardiff"), ("CF10", "cardiff"), ("cf10 1aa", "cardiff"),
           ("Nghaerdydd", "cardiff"), ("Ynys Mon", "anglesey"), ("ynys môn", "anglesey"), ("Aberteifi", "ceredigion"),
           ("penybont", "bridgend")]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_finder_suggests_councils_and_works_with_the_keyboard(built, browser, lang):
    here = urls.output_path(_main_page(built, FINDER_PAGE), lang)
    homes = _homes(built, lang)
    with http_server(built.output) as base:
        page = browser.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{base}/{here}")
        page.wait_for_function("window.fwWelshRules !== undefined")
        field = page.get_by_role("combobox")
        assert field.get_attribute("aria-expanded") == "false"
        for query, authority in QUERIES:
            field.fill(query)
            options = page.get_by_role("option")
            assert options.count() >= 1, query
            assert field.get_attribute("aria-expanded") == "true"
            first = options.first
            council = built.project.site(authority).authority.council.get(lang)
            assert council in first.inner_text(), (query, first.inner_text())
        # A district spanning two councils offers both.
        field.fill("CF3")
        shown = page.get_by_role("option").all_inner_texts()
        for authority in ("cardiff", "newport"):
            assert any(built.project.site(authority).authority.council.get(lang) in text for text in shown), shown
        # Nothing found: said so, in the page's language, and the list is closed.
        field.fill("Xyzzy")
        assert page.get_by_role("option").count() == 0 and field.get_attribute("aria-expanded") == "false"
        assert page.locator(".fw-place-finder__status").inner_text() == (
            "No results. Try the list of places from A to Z." if lang == "en"
            else "Dim canlyniadau. Rhowch gynnig ar y rhestr o leoedd o A i Y.")

        # The keyboard alone: type, arrow down to an option (announced as active), Escape closes, Enter goes.
        field.fill("")
        field.focus()
        page.keyboard.type("caerd")
        page.keyboard.press("ArrowDown")
        active = field.get_attribute("aria-activedescendant")
        assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
        page.keyboard.press("Escape")
        assert field.get_attribute("aria-expanded") == "false" and field.get_attribute("aria-activedescendant") is None
        page.keyboard.press("ArrowDown")
        assert field.get_attribute("aria-activedescendant")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        path = page.url[len(base) + 1:]
        assert homes.get(path) == "cardiff", path
        assert all(url.startswith(base) for url in requests), "the finder asked another host"
        page.close()


def test_a_bad_place_is_named_by_file_line_and_field(tmp_path):
    root = copy_project(tmp_path)
    places = root / "data" / "places.yml"
    edit(places, "authorities: [anglesey], source: wikipedia-welsh-principal-areas}",
         "authorities: [atlantis], source: wikipedia-welsh-principal-areas}")
    edit(places, "{district: CF5,", "{district: CF 5,")
    with pytest.raises(ContributorError) as raised:
        load_project(root)
    message = str(raised.value)
    assert f"data/places.yml, line {line_of(places, '{district: CF 5,')}, field 'postcode_districts[2].district'" \
        in message
    assert "is not a postcode district" in message
    # (Items are counted from 1, as people count.) The unknown council is a cross-file rule: reported once the
    # file itself is valid.
    edit(places, "{district: CF 5,", "{district: CF5,")
    with pytest.raises(ContributorError) as raised:
        load_project(root)
    message = str(raised.value)
    assert f"data/places.yml, line {line_of(places, '[atlantis]')}, field 'places[1].authorities[1]'" in message
    assert "'atlantis' is not an authority id in data/authorities.yml" in message
