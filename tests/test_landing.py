"""Landing pages, the "Get in touch" action and the footer (issue 26), on the session's real build: what a
visitor sees comes from data/landing.yml and the authorities' data, in both languages; the action goes to the
page's own council; axe-core finds nothing on the landing pages; no page type scrolls sideways at 320 px."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from generator.checks import accessibility
from generator.render import urls
from generator.render.html.charts import format_value
from tests.conftest import Built, http_server, parse

LANGS = ("en", "cy")


def _landing(built: Built):
    return built.project.data["landing"][0]


def _file(built: Built, page, lang: str) -> Path:
    path = built.output / urls.output_path(page, lang)
    return path / "index.html" if not path.suffix else path


def _target(built: Built, page_file: Path, href: str) -> Path:
    """The built file a relative link from page_file leads to."""
    joined = posixpath.normpath(posixpath.join(page_file.parent.as_posix(), href.split("#")[0]))
    path = Path(joined)
    return path / "index.html" if not path.suffix else path


def _home(built: Built, site_id: str):
    return built.project.site_pages(built.project.site(site_id))[0]


def _pages(built: Built, site_id: str) -> dict:
    return built.project.site_pages_by_id(built.project.site(site_id))


@pytest.mark.parametrize("lang", LANGS)
def test_the_national_landing_page_is_drawn_from_the_data(built: Built, lang: str):
    landing, project = _landing(built), built.project
    home = _home(built, "main")
    page_file = _file(built, home, lang)
    soup = parse(page_file)
    hero = soup.select_one(".fw-hero")
    assert hero.h1.get_text(strip=True) == landing.main.headline.get(lang)
    assert soup.select("article h1") == [hero.h1]  # one headline: Material adds no title of its own
    action = hero.select_one("a.fw-hero__action")
    assert action.get_text(strip=True) == landing.main.action.get(lang)
    assert _target(built, page_file, action["href"]) == _file(built, _pages(built, "main")[landing.contact["main"]],
                                                              lang)
    # Journey cards: each card's title, in the page's language, links to the page the data names.
    cards = soup.select(".fw-card")
    assert [c.h3.get_text(strip=True) for c in cards] == [card.title.get(lang) for card in landing.cards]
    for element, card in zip(cards, landing.cards, strict=True):
        assert _target(built, page_file, element.a["href"]) == _file(built, _pages(built, "main")[card.page], lang)
        assert element.svg is not None and element.svg["aria-hidden"] == "true"
    # Key figures: the chart's value in the page's number style, its source in the page and in the tooltip.
    charts = {c.id: c for c in project.charts}
    figures = soup.select(".fw-keyfigure")
    assert len(figures) == len(landing.figures) > 0
    for element, figure in zip(figures, landing.figures, strict=True):
        chart = charts[figure.chart]
        group = next(g for g in chart.groups if g.id == figure.group)
        value = element.select_one(".fw-keyfigure__value .fw-figure")
        assert value.get_text(strip=True) == format_value(chart, group.values[figure.series],
                                                          project.language(lang).locale)
        source_id = group.source or chart.source
        assert value["data-source"] == source_id
        source_title = project.sources[source_id].title.get(lang)
        assert source_title in element.select_one(".fw-keyfigure__source").get_text()
        focusable = element.select_one(".fw-keyfigure__value")
        assert focusable["tabindex"] == "0" and focusable["aria-describedby"] == element.select_one(
            ".fw-keyfigure__source")["id"]
        assert source_title in element.select_one("[role=tooltip]").get_text()
    assert soup.select_one(".fw-commitment h2").get_text(strip=True) == landing.commitment.title.get(lang)
    # The find-your-team band holds the place finder (this tenant has places), and links to the list of teams.
    band = soup.select_one(".fw-find-team")
    assert band.select_one(".fw-place-finder input[type=text]") is not None
    assert landing.find_your_team.title.get(lang) in [a.get_text(strip=True) for a in band.select("a")]
    assert soup.select_one(".fw-contact-card") is None  # the national site belongs to no council
    # The landing page hides the menu and the table of contents.
    assert soup.select_one(".md-sidebar--primary")["hidden"] is not None
    assert soup.select_one(".md-sidebar--secondary")["hidden"] is not None


@pytest.mark.parametrize("lang", LANGS)
def test_a_council_landing_page_shows_its_own_contact_card_and_region(built: Built, lang: str):
    project, landing = built.project, _landing(built)
    authority = next(a for a in project.authorities if a.id == "cardiff")
    region = project.region(authority.region)
    page_file = _file(built, _home(built, "cardiff"), lang)
    soup = parse(page_file)
    headline = landing.local.headline.get(lang).replace("{in_name}", authority.in_name.get(lang))
    assert soup.select_one(".fw-hero h1").get_text(strip=True) == headline
    assert authority.council.get(lang) in soup.select_one(".fw-hero__intro").get_text()
    action = soup.select_one("a.fw-hero__action")
    assert _target(built, page_file, action["href"]) == _file(built, _pages(built, "cardiff")["contact"], lang)
    card = soup.select_one(".fw-contact-card")
    rows = dict(zip([dt.get_text(strip=True) for dt in card.select("dt")], card.select("dd"), strict=True))
    web = (authority.web_page_in.get(lang) or authority.web_page).value
    assert any(a.get("href") == web for dd in rows.values() for a in dd.select("a"))
    assert region.name.get(lang) in [dd.get_text(strip=True) for dd in rows.values()]
    # An unconfirmed phone number is said to be unconfirmed, never guessed.
    if authority.phone.unconfirmed:
        assert card.select(".fw-unconfirmed")
    # Journey cards prefer the council's own pages where the data names one.
    for element, item in zip(soup.select(".fw-card"), landing.cards, strict=True):
        expected = _pages(built, "cardiff")[item.local_page] if item.local_page else _pages(built, "main")[item.page]
        assert _target(built, page_file, element.a["href"]) == _file(built, expected, lang)


def test_a_council_contact_page_sends_enquiries_where_the_council_takes_them(built: Built):
    project = built.project
    routed = [a for a in project.authorities if a.enquiries and a.enquiries.known and a.enquiries.route == "form"]
    assert routed, "no council in the data says it has an enquiry form"
    for authority in routed:
        for lang in LANGS:
            soup = parse(_file(built, _pages(built, authority.id)["contact"], lang))
            link = soup.select_one("article a.fw-contact--enquiry")
            assert link is not None, f"{authority.id} {lang}: no enquiry link on the contact page"
            assert link["href"] == (authority.enquiries.address or authority.web_page.value)


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_action_goes_to_the_pages_council_else_to_find_your_team(built: Built, lang: str):
    landing = _landing(built)
    main_contact = _file(built, _pages(built, "main")[landing.contact["main"]], lang)
    cases = [(_pages(built, "main")["who-can-foster"], main_contact),
             (_pages(built, "main")["home"], main_contact)]
    for site in ("cardiff", "anglesey"):
        contact = _file(built, _pages(built, site)["contact"], lang)
        cases += [(page, contact) for page in built.project.site_pages(built.project.site(site))]
    for page, expected in cases:
        page_file = _file(built, page, lang)
        link = parse(page_file).select_one("header .fw-get-in-touch__link")
        assert link is not None, f"{page_file}: no Get in touch in the header"
        assert link.get_text(strip=True) == {"en": "Get in touch", "cy": "Cysylltwch"}[lang]
        assert _target(built, page_file, link["href"]) == expected, page_file


@pytest.mark.parametrize("lang", LANGS)
def test_every_footer_link_leads_to_a_page_that_exists(built: Built, lang: str):
    for page in [_home(built, "main"), _pages(built, "cardiff")["how-to-enquire"]]:
        page_file = _file(built, page, lang)
        links = parse(page_file).select("footer .fw-footer-links a")
        titles = [a.get_text(strip=True) for a in links]
        assert len(links) >= 4, titles
        for link in links:
            assert _target(built, page_file, link["href"]).is_file(), (page_file, link["href"])
        accessibility_page = _pages(built, "main")["accessibility"]
        assert accessibility_page.source(lang).meta.title in titles


def test_axe_finds_no_violation_on_the_landing_pages(built: Built):
    selected = [t for t in accessibility.targets(built.project) if t.page and t.page.id == "home"]
    assert {t.lang for t in selected} == set(LANGS) and len(selected) >= 4
    problems = accessibility.check_accessibility(built.project, built.output, selected)
    assert not problems, "\n".join(map(str, problems))


_WIDER = """() => {
  const width = document.documentElement.clientWidth;
  return document.documentElement.scrollWidth > width
    ? [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1
        && !e.closest('.md-sidebar, .md-search, .fw-table-scroll, .md-typeset__scrollwrap'))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)
    : [];
}"""


def test_no_page_type_scrolls_sideways_at_320_px(built: Built, browser):
    """WCAG reflow: one page of every page type (the accessibility gate's list), in both languages."""
    selected = [t for t in accessibility.targets(built.project) if t.page]
    wide = []
    with http_server(built.output) as base:
        tab = browser.new_page(viewport={"width": 320, "height": 640})
        for target in selected:
            tab.goto(f"{base}/{target.lang}/{target.path}")
            scroll = tab.evaluate("document.documentElement.scrollWidth")
            if scroll > 320:
                wide.append(f"{target.lang}/{target.path}: {scroll} px {tab.evaluate(_WIDER)}")
        tab.close()
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_dialog_and_the_hidden_contents_toggle_have_names(built: Built, browser, lang: str):
    page = _pages(built, "main")["who-can-foster"]  # a page with a table of contents
    with http_server(built.output) as base:
        tab = browser.new_page(viewport={"width": 390, "height": 800})
        tab.goto(f"{base}/{urls.output_path(page, lang)}")
        dialog = tab.locator(".md-search[role=dialog]")
        field = tab.locator(".md-search__input").get_attribute("aria-label")
        toc_title = tab.locator(".md-nav--secondary label.md-nav__title[for=__toc]").first.inner_text().strip()
        assert field and dialog.get_attribute("aria-label") == field
        assert toc_title and tab.locator("#__toc").get_attribute("aria-label") == toc_title
        # A visitor's search opens a dialog announced by that name.
        tab.locator("label.md-header__button[for=__search]").click()
        assert tab.get_by_role("dialog", name=field).count() == 1
        tab.close()


def test_the_tenants_colours_from_its_data_are_the_ones_shown(built: Built, browser):
    """data/site.yml's colours win over the theme's default palette: the header, the hero and the main action."""
    colours = built.project.config.theme.colours

    def rgb(hex_colour: str) -> str:
        value = hex_colour.lstrip("#")
        return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))

    with http_server(built.output) as base:
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.goto(f"{base}/en/")
        style = "(selector) => getComputedStyle(document.querySelector(selector)).backgroundColor"
        assert tab.evaluate(style, "header.md-header") == rgb(colours.primary)
        assert tab.evaluate(style, ".fw-hero") == rgb(colours.primary_dark)
        assert tab.evaluate(style, ".fw-hero__action") == rgb(colours.accent)
        assert tab.evaluate(style, ".fw-get-in-touch__link") == rgb(colours.accent)
        tab.close()


BUDGET = 150 * 1024  # a first visit to a home page, compressed as a server would send it (issue 26)


def test_a_first_visit_to_a_home_page_stays_within_the_page_weight_budget(built: Built, browser):
    import gzip

    with http_server(built.output) as base:
        for path in ("en/", "cy/", urls.output_path(_home(built, "cardiff"), "en")):
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            responses = []
            tab.on("response", lambda response, seen=responses: seen.append(response))
            tab.goto(f"{base}/{path}", wait_until="networkidle")
            sizes = {r.url: len(gzip.compress(r.body(), 6)) for r in responses if r.ok}
            tab.close()
            assert len(sizes) >= 4, sizes  # the page, its stylesheets and scripts were all counted
            assert sum(sizes.values()) < BUDGET, (path, sorted(sizes.items(), key=lambda item: -item[1]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_national_menu_is_grouped_as_the_data_says(built: Built, lang: str):
    """The main site's menu: its home page, then the groups of data/navigation.yml, each holding its pages."""
    navigation, pages = built.project.navigation, _pages(built, "main")
    menu = parse(_file(built, pages["about"], lang)).select_one("nav.md-nav--primary > ul.md-nav__list")
    top = menu.find_all("li", class_="md-nav__item", recursive=False)
    firsts = [section.first for section in navigation.main_sections]
    assert [item.select_one(".md-nav__link").get_text(" ", strip=True) for item in top] == (
        [pages["home"].source(lang).meta.title] + [s.title.get(lang) for s in navigation.main_sections])
    bounds = [navigation.main.index(first) for first in firsts] + [len(navigation.main)]
    for item, start, end in zip(top[1:], bounds[:-1], bounds[1:], strict=True):
        links = item.select("nav.md-nav a.md-nav__link")
        titles = [a.get_text(" ", strip=True) for a in links if not a.find_parent("nav", class_="md-nav--secondary")]
        assert titles == [pages[page_id].source(lang).meta.title for page_id in navigation.main[start:end]]


@pytest.mark.parametrize("lang", LANGS)
def test_council_and_handbook_pages_show_where_they_are(built: Built, lang: str):
    """Breadcrumbs: the national site, the council's site, and on a handbook chapter the handbook."""
    label = {"en": "You are here", "cy": "Rydych chi yma"}[lang]
    cardiff = _pages(built, "cardiff")
    chapter = next(page for page in cardiff.values() if page.role == "chapter")
    for page in (cardiff["contact"], chapter):
        page_file = _file(built, page, lang)
        crumbs = parse(page_file).select_one(f'nav.fw-breadcrumbs[aria-label="{label}"]')
        links = crumbs.select("a")
        assert _target(built, page_file, links[0]["href"]) == _file(built, _home(built, "main"), lang)
        assert _target(built, page_file, links[1]["href"]) == _file(built, _home(built, "cardiff"), lang)
        steps = [li.get_text(strip=True) for li in crumbs.select("li")]
        assert len(steps) == (3 if page is chapter else 2), steps
    assert parse(_file(built, _home(built, "cardiff"), lang)).select_one("nav.fw-breadcrumbs") is None
