"""The landing page of a site (data/landing.yml): a first screen with one primary action, the slot where a
visitor finds their team, journey cards, key figures with their sources, the National Commitment, and on a
council's site its contact card and region. Everything shown comes from data; every figure keeps its source."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup

from generator.model.project import Page, Project
from generator.model.schema import LandingFigure, LandingFile, LandingSection
from generator.render import i18n
from generator.render.html.charts import format_value
from generator.render.html.markup import publisher, source_title, sourced, unconfirmed_marker
from generator.render.html.places import PlacesView


@cache
def _icons() -> Path:
    # The theme's bundled icon set (Material Design Icons, shipped with mkdocs-material): no request elsewhere.
    spec = importlib.util.find_spec("material")
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons" / "material"


@cache
def icon(name: str) -> Markup:
    path = _icons() / f"{name}.svg"
    if not path.is_file():
        raise LookupError(f"landing: there is no icon '{name}' in the theme's icon set (data/landing.yml)")
    svg = path.read_text(encoding="utf-8").replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return Markup(svg)


def landing_data(project: Project) -> LandingFile:
    return project.data["landing"][0]


def contact_page(project: Project, page: Page) -> Page | None:
    """Where the page's "Get in touch" action goes: its own council's contact page on a local site, else the main
    site's (data/landing.yml, contact)."""
    if "landing" not in project.data:
        return None
    contact = landing_data(project).contact
    site, kind = (page.site, "local") if page.site.authority else (project.site("main"), "main")
    return project.site_pages_by_id(site).get(contact.get(kind, ""))


@dataclass(frozen=True)
class LandingView:
    project: Project
    page: Page
    lang: str
    link_to: Callable[[Page], str]  # a relative address from this page
    authority: dict | None = None  # the page's authority as pages see it (templating.authority_view)

    @property
    def data(self) -> LandingFile:
        return landing_data(self.project)

    def gettext(self, message: str) -> str:
        return i18n.translations(self.project.root, self.lang).gettext(message)

    def _text(self, text) -> str:
        value = text.get(self.lang)
        if self.authority:
            value = value.replace("{in_name}", self.authority["in_name"]).replace("{council}",
                                                                                  self.authority["council"])
        return value

    def _main_link(self, page_id: str) -> str:
        return self.link_to(self.project.site_pages_by_id(self.project.site("main"))[page_id])

    def html(self) -> Markup:
        parts = [self.hero(), self.find_your_team(), self.cards(), self.figures(), self.commitment()]
        if self.authority:
            parts.insert(1, self.contact_card())
        return Markup('<div class="fw-landing">\n{}\n</div>').format(Markup("\n").join(p for p in parts if p))

    def hero(self) -> Markup:
        hero = self.data.local if self.authority else self.data.main
        target = contact_page(self.project, self.page)
        return Markup(
            '<section class="fw-hero" aria-labelledby="fw-hero-title">'
            '<h1 id="fw-hero-title">{}</h1><p class="fw-hero__intro">{}</p>'
            '<p><a class="md-button md-button--primary fw-hero__action" href="{}">{}</a></p></section>'
        ).format(self._text(hero.headline), self._text(hero.intro), self.link_to(target), self._text(hero.action))

    def find_your_team(self) -> Markup:
        """Where a visitor finds their council: the place finder where the tenant has places, else a link."""
        section = self.data.find_your_team
        if "places" not in self.project.data or section is None:
            return self._section(section, "fw-find-team", "map-marker")
        finder = PlacesView(self.project, self.lang, self.link_to, self.page.id).finder("fw-landing-place")
        link = (Markup('<p class="fw-band__link"><a href="{}">{}</a></p>').format(
            self._main_link(section.page), self._text(section.title)) if section.page else Markup())
        return Markup('<section class="fw-band fw-find-team">{}<div>{}{}</div></section>').format(
            icon("map-marker"), finder, link)

    def commitment(self) -> Markup:
        return self._section(self.data.commitment, "fw-commitment", "handshake")

    def _section(self, section: LandingSection | None, name: str, icon_name: str) -> Markup:
        if section is None:
            return Markup()
        link = (Markup(' <a href="{}">{}</a>').format(self._main_link(section.page), self._text(section.title))
                if section.page else Markup())
        return Markup(
            '<section class="fw-band {0}" aria-labelledby="{0}-title">{1}<div><h2 id="{0}-title">{2}</h2>'
            '<p>{3}</p>{4}</div></section>'
        ).format(name, icon(icon_name), self._text(section.title), self._text(section.text),
                 Markup('<p class="fw-band__link">{}</p>').format(link) if section.page else Markup())

    def cards(self) -> Markup:
        items = []
        local = self.project.site_pages_by_id(self.page.site) if self.authority else {}
        for card in self.data.cards:
            target = local.get(card.local_page) if card.local_page else None
            href = self.link_to(target) if target else self._main_link(card.page)
            items.append(Markup(
                '<li class="fw-card">{}<h3 class="fw-card__title"><a href="{}">{}</a></h3><p>{}</p></li>'
            ).format(icon(card.icon), href, self._text(card.title), self._text(card.text)))
        return Markup(
            '<section class="fw-journey" aria-labelledby="fw-journey-title"><h2 id="fw-journey-title">{}</h2>'
            '<ul class="fw-cards">{}</ul></section>'
        ).format(self._text(self.data.cards_title), Markup("").join(items))

    def figures(self) -> Markup:
        if not self.data.figures:
            return Markup()
        items = [self._figure(index, figure) for index, figure in enumerate(self.data.figures)]
        title = self._text(self.data.figures_title) if self.data.figures_title else self.gettext("Key figures")
        return Markup(
            '<section class="fw-figures" aria-labelledby="fw-figures-title"><h2 id="fw-figures-title">{}</h2>'
            '<ul class="fw-figures__list">{}</ul></section>'
        ).format(title, Markup("").join(items))

    def _figure(self, index: int, figure: LandingFigure) -> Markup:
        project, locale = self.project, self.project.language(self.lang).locale
        if figure.fact:
            fact = project.config.facts[figure.fact]
            value, source_id, as_of = fact.value.get(self.lang), fact.source, fact.as_of
        else:
            chart = next(c for c in project.charts if c.id == figure.chart)
            group = next(g for g in chart.groups if g.id == figure.group)
            value = format_value(chart, group.values[figure.series], locale)
            source_id, as_of = group.source or chart.source, group.as_of
        source = project.sources[source_id]
        when = i18n.date(as_of, locale)
        tip = f"fw-figure-source-{index}"
        # The value takes keyboard focus so the source, always shown under it, is also announced with it and
        # shown in full (publisher and date) on hover and focus.
        title = source_title(source, self.lang)
        detail = Markup("{}, {}, {}").format(title, publisher(source, self.lang), when)
        cite = Markup('<a href="{}">{}</a>').format(source.url, title) if source.url else title
        return Markup(
            '<li class="fw-keyfigure"><span class="fw-keyfigure__value" tabindex="0" aria-describedby="{0}">{1}'
            '<span class="fw-keyfigure__tip" role="tooltip" data-source="{7}">{2}</span></span>'
            '<span class="fw-keyfigure__label">{3}</span>'
            '<span class="fw-keyfigure__source" id="{0}" data-source="{7}">{4}: {5} ({6})</span></li>'
        ).format(tip, sourced(value, {source_id}), detail, self._text(figure.label), self.gettext("Source"), cite, when,
                 source_id)

    def contact_card(self) -> Markup:
        view = self.authority
        title = (self._text(self.data.contact_card) if self.data.contact_card
                 else self.gettext("Contact the fostering team"))
        rows = [(self.gettext("How to enquire"), view["enquiry"]), (self.gettext("Web page"), view["web_page"]),
                (self.gettext("Phone"), view["phone"]), (self.gettext("Email"), view["email"]),
                (self.gettext("Region"), view["region"]["name"])]
        cells = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(label, value) for label, value in rows)
        return Markup(
            '<section class="fw-contact-card" aria-labelledby="fw-contact-title">{}<div>'
            '<h2 id="fw-contact-title">{}</h2><dl>{}</dl></div></section>'
        ).format(icon("phone"), title, cells)


def enquiry_route(project: Project, lang: str, authority, contact: Callable) -> Markup:
    """How an authority takes enquiries, as a link where there is one (its form, its regional front door), or
    'to be confirmed': the sites take no enquiries themselves."""
    enquiries = authority.enquiries
    if enquiries is None or not enquiries.known:
        return unconfirmed_marker(project.root, lang)
    gettext = i18n.translations(project.root, lang).gettext
    if enquiries.route == "phone":
        return contact("phone", authority.phone)
    if enquiries.route == "email":
        return contact("email", authority.email)
    address = enquiries.address or authority.web_page.value
    words = (gettext("Online enquiry form") if enquiries.route == "form"
             else (enquiries.name.get(lang) if enquiries.name else gettext("Regional fostering service")))
    return Markup('<a class="fw-contact fw-contact--enquiry" href="{}" data-source="{}">{}</a>').format(
        address, enquiries.source, words)
