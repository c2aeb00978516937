"""The built sites, read as a browser and a search engine would: pages, languages, switches, alternates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.render import urls
from tests.conftest import Built, parse

ENGLISH_SLUGS = ("anglesey gwynedd conwy denbighshire flintshire wrexham ceredigion powys carmarthenshire "
                 "pembrokeshire swansea neath-port-talbot bridgend rhondda-cynon-taf merthyr-tydfil caerphilly "
                 "blaenau-gwent torfaen monmouthshire newport cardiff vale-of-glamorgan").split()
WELSH_SLUGS = ("ynys-mon gwynedd conwy sir-ddinbych sir-y-fflint wrecsam ceredigion powys sir-gaerfyrddin "
               "sir-benfro abertawe castell-nedd-port-talbot pen-y-bont-ar-ogwr rhondda-cynon-taf merthyr-tudful "
               "caerffili blaenau-gwent tor-faen sir-fynwy casnewydd caerdydd bro-morgannwg").split()
LANGS = ("en", "cy")


def _url_to_file(built: Built, url: str) -> Path:
    """Map a published address back to the built file, through the configured base URLs."""
    for language in built.project.config.languages:
        if url.startswith(language.base_url):
            return built.output / language.code / url[len(language.base_url):] / "index.html"
    raise AssertionError(f"{url} is under no configured base URL")


def test_every_authority_has_a_site_in_both_languages_with_the_agreed_slugs(built: Built):
    for slug in ENGLISH_SLUGS:
        assert (built.output / "en" / slug / "index.html").is_file(), slug
    for slug in WELSH_SLUGS:
        assert (built.output / "cy" / slug / "index.html").is_file(), slug
    assert (built.output / "en" / "index.html").is_file()
    assert (built.output / "cy" / "index.html").is_file()


def test_page_counts_match_the_model_and_are_equal_in_both_languages(built: Built):
    expected = len(built.project.all_pages())
    assert expected == sum(len(built.project.site_pages(site)) for site in built.project.sites)
    assert len(built.project.sites) == 23
    for lang in LANGS:
        assert len(built.page_files(lang)) == expected, lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_declares_its_language(built: Built, lang):
    for path in built.page_files(lang) + [built.output / lang / "404.html"]:
        assert parse(path).html["lang"] == lang, path


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_goes_to_the_same_page_in_the_other_language_and_back(built: Built, lang):
    other = "cy" if lang == "en" else "en"
    for path in built.page_files(lang):
        links = parse(path).select("a.fw-language-switch__link")
        assert len(links) == 1, path
        link = links[0]
        assert link["hreflang"] == other and link["lang"] == other
        target = (path.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), f"{path}: switch to missing {link['href']}"
        back = parse(target).select_one("a.fw-language-switch__link")
        assert (target.parent / back["href"] / "index.html").resolve() == path.resolve()


def test_switch_pairs_pages_with_the_same_page_id(built: Built):
    for page in built.project.all_pages():
        en = built.output / urls.output_path(page, "en") / "index.html"
        cy_href = parse(en).select_one("a.fw-language-switch__link")["href"]
        cy = (en.parent / cy_href / "index.html").resolve()
        assert cy == (built.output / urls.output_path(page, "cy") / "index.html").resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_hreflang_alternates_are_complete_reciprocal_and_match_the_canonical(built: Built, lang):
    for path in built.page_files(lang):
        head = parse(path).head
        alternates = {link["hreflang"]: link["href"] for link in head.select('link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"en", "cy", "x-default"}, path
        assert alternates["x-default"] == alternates["en"]
        canonical = head.select_one('link[rel="canonical"]')["href"]
        assert canonical == alternates[lang], path
        assert _url_to_file(built, canonical).resolve() == path.resolve()
        for code in LANGS:
            partner = _url_to_file(built, alternates[code])
            assert partner.is_file(), f"{path}: hreflang {code} -> missing {alternates[code]}"
            partner_alternates = {link["hreflang"]: link["href"]
                                  for link in parse(partner).head.select('link[rel="alternate"][hreflang]')}
            assert partner_alternates[lang] == canonical, f"{partner} does not point back to {canonical}"


@pytest.mark.parametrize("lang", LANGS)
def test_sitemap_lists_every_page_once_with_its_alternate(built: Built, lang):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built.output / lang / "sitemap.xml").getroot()
    entries = root.findall("s:url", ns)
    locs = [entry.find("s:loc", ns).text for entry in entries]
    assert len(locs) == len(set(locs)) == len(built.page_files(lang))
    assert {_url_to_file(built, loc).resolve() for loc in locs} == {p.resolve() for p in built.page_files(lang)}
    for entry in entries:
        links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
        assert set(links) == set(LANGS)
        assert links[lang] == entry.find("s:loc", ns).text
        assert _url_to_file(built, links["cy" if lang == "en" else "en"]).is_file()
    assert not list((built.output / lang).rglob("sitemap.xml.gz"))


def test_welsh_pages_have_the_theme_interface_in_welsh(built: Built):
    cy_home = parse(built.output / "cy" / "index.html")
    en_home = parse(built.output / "en" / "index.html")
    assert cy_home.select_one("input.md-search__input")["placeholder"] == "Chwilio"
    assert en_home.select_one("input.md-search__input")["placeholder"] == "Search"


def test_local_pages_carry_the_authority_data_and_mark_unknown_contacts(built: Built):
    # Cardiff's web page is confirmed; its phone, email and how to enquire are not (data/authorities.yml).
    for lang, slug, council, marker, fields in (
            ("en", "cardiff/contact", "Cardiff Council", "to be confirmed", ["How to enquire", "Phone", "Email"]),
            ("cy", "caerdydd/cysylltu", "Cyngor Caerdydd", "i'w gadarnhau", ["Sut i holi", "Ffôn", "E-bost"])):
        page = parse(built.output / lang / slug / "index.html")
        assert council in page.select_one("article").get_text()
        markers = page.select('[data-unconfirmed="true"]')
        assert [m.get_text() for m in markers] == [marker] * len(fields)
        assert [m.find_parent("tr").td.get_text(strip=True) for m in markers] == fields


def test_plural_and_count_phrases_follow_each_languages_rules(built: Built):
    en = parse(built.output / "en" / "index.html").select_one("article").get_text(" ")
    cy = parse(built.output / "cy" / "index.html").select_one("article").get_text(" ")
    assert "22 local authorities" in en and "6 regions" in en
    assert "22 awdurdod lleol" in cy and "22 o awdurdodau" not in cy and "6 rhanbarth" in cy


def test_find_your_local_team_lists_every_authority_under_its_region(built: Built):
    project = built.project
    for lang in LANGS:
        page = project.site_pages(project.site("main"))
        team_page = next(p for p in page if p.id == "find-your-local-team")
        path = built.output / urls.output_path(team_page, lang) / "index.html"
        article = parse(path).select_one("article")
        # The place finder's own heading comes first; the regions follow it.
        region_headings = article.select("h2:not(.fw-place-finder__title)")
        assert [h.get_text(strip=True) for h in region_headings] == [r.name.get(lang) for r in project.regions]
        for heading in region_headings:
            region = next(r for r in project.regions if r.name.get(lang) == heading.get_text(strip=True))
            listed = [a.get_text(strip=True) for a in heading.find_next_sibling("ul").select("a")]
            assert listed == [a.name.get(lang) for a in project.authorities_in(region)]
            for anchor in heading.find_next_sibling("ul").select("a"):
                assert (path.parent / anchor["href"] / "index.html").is_file()


def test_local_sites_link_back_to_the_national_site_in_their_language(built: Built):
    page = built.output / "cy" / "ynys-mon" / "cysylltu" / "index.html"
    link = parse(page).select_one(".md-copyright a")
    assert link.get_text(strip=True) == "Ewch i wefan Maethu Cymru"
    assert (page.parent / link["href"] / "index.html").resolve() == (built.output / "cy" / "index.html").resolve()


def test_pages_make_no_requests_to_other_hosts(built: Built):
    for lang in LANGS:
        for path in built.page_files(lang):
            soup = parse(path)
            for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
                for element in soup.find_all(tag):
                    value = element.get(attribute)
                    if not value or (tag == "link" and element.get("rel") in (["canonical"], ["alternate"])):
                        continue
                    assert not urlsplit(value).netloc, f"{path}: {tag} loads {value}"
