"""The validated model: everything the renderer and the checks need, and nothing about templates or MkDocs."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from generator.model.content import MAIN_SITE, SourcePage, StoryMeta
from generator.model.schema import (
    Authority,
    CampaignCalendarFile,
    Chart,
    Event,
    EventsFile,
    HandbookFile,
    Initiative,
    NavigationFile,
    OfferFile,
    PaymentsFile,
    PlacesFile,
    Region,
    SiteFile,
    SiteKind,
    Source,
    Term,
)
from generator.model.yaml_source import YamlDocument

MAIN = MAIN_SITE


@dataclass(frozen=True)
class Site:
    """The tenant's main site, or one authority's site."""

    id: str  # "main" or the authority's id
    kind: SiteKind
    authority: Authority | None = None

    def slug(self, lang: str) -> str:
        """The site's folder inside a language tree ('' for the main site)."""
        return self.authority.slug.get(lang) if self.authority else ""

    @property
    def authority_id(self) -> str | None:
        return self.authority.id if self.authority else None


@dataclass(frozen=True)
class Page:
    """A page of one site, with its source file in each language.

    `folder` places the page in a folder of its site, per language (the handbook's, the stories'); `role` says
    how it is rendered: "page" from its Markdown, "story" from its Markdown with its date and source, or one of
    the handbook's roles ("contents", "chapter", "amendments", "print").
    """

    site: Site
    id: str
    sources: dict[str, SourcePage]
    folder: dict[str, str] = field(default_factory=dict)
    role: str = "page"

    def source(self, lang: str) -> SourcePage:
        return self.sources[lang]

    def slug(self, lang: str) -> str:
        return self.sources[lang].slug

    def doc_name(self, lang: str) -> str:
        """The page's path within its site without '.md': 'contact', 'index', 'llawlyfr/iechyd'."""
        folder = self.folder.get(lang)
        return f"{folder}/{self.slug(lang)}" if folder else self.slug(lang)


@dataclass(frozen=True)
class Project:
    root: Path
    config: SiteFile
    sources: dict[str, Source]
    regions: tuple[Region, ...]
    authorities: tuple[Authority, ...]
    navigation: NavigationFile
    charts: tuple[Chart, ...]
    initiatives: tuple[Initiative, ...]
    glossary: tuple[Term, ...]
    payments: PaymentsFile | None  # None: the tenant has no such data file
    offer: OfferFile | None
    handbook: HandbookFile | None
    pages: tuple[SourcePage, ...]
    data: dict[str, tuple[BaseModel, YamlDocument]]  # data file name -> its model and where each value is
    # Composes a site's handbook pages from the project (`handbook.handbook_pages`, given by the loader: the
    # handbook reads the project, so the project does not import it).
    compose_handbook: Callable[[Project, Site], list[Page]] | None = field(default=None, repr=False, compare=False)
    campaigns: CampaignCalendarFile | None = None
    events: EventsFile | None = None
    places: PlacesFile | None = None

    @property
    def languages(self) -> list[str]:
        return [language.code for language in self.config.languages]

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def language(self, code: str):
        return self._languages[code]

    @cached_property
    def _languages(self) -> dict:
        return {language.code: language for language in self.config.languages}

    @cached_property
    def sites(self) -> tuple[Site, ...]:
        main = Site(MAIN, "main")
        return (main,) + tuple(Site(a.id, "authority", a) for a in self.authorities)

    def site(self, site_id: str) -> Site:
        return next(site for site in self.sites if site.id == site_id)

    def region(self, region_id: str) -> Region:
        return next(region for region in self.regions if region.id == region_id)

    def authorities_in(self, region: Region) -> list[Authority]:
        return [a for a in self.authorities if a.region == region.id]

    def rates_for(self, authority: Authority):
        """The authority's rates, latest year first."""
        return sorted((r for r in self.payments.authorities if r.authority == authority.id),
                      key=lambda r: r.year or "", reverse=True)

    def initiatives_for(self, authority: Authority) -> list[Initiative]:
        """The authority's own initiatives first, then its region's."""
        own = [i for i in self.initiatives if authority.id in i.scope.authorities]
        regional = [i for i in self.initiatives if i.scope.region == authority.region]
        return own + regional

    def site_pages(self, site: Site) -> list[Page]:
        """The site's pages in navigation order (the handbook, where it is published, last); an authority's own version
        replaces the shared page."""
        return list(self._pages_by_site[site.id])  # asked for thousands of times while rendering

    def site_pages_by_id(self, site: Site) -> dict[str, Page]:
        """The site's pages by id (not to be changed: every page of the site is given the same)."""
        key = ("pages by id", site.id)
        if key not in self.memo:
            self.memo[key] = {page.id: page for page in self._pages_by_site[site.id]}
        return self.memo[key]

    @cached_property
    def _pages_by_site(self) -> dict[str, list[Page]]:
        return {site.id: self._compose_site_pages(site) for site in self.sites}

    def _compose_site_pages(self, site: Site) -> list[Page]:
        result = self.navigation_pages(site)
        result.extend(self.story_pages(site))
        if self.publishes_handbook(site) and self.compose_handbook is not None:
            result.extend(self.compose_handbook(self, site))
        return result

    def list_page(self, site: Site, what: str) -> Page | None:
        """The site's page that lists its stories or its events (front matter `lists:`), if it has one."""
        return next((page for page in self.navigation_pages(site)
                     if page.source(self.default_language).meta.lists == what), None)

    def upcoming_events(self, site: Site, today: datetime.date) -> list[Event]:
        """The events a site lists on `today`, soonest first: the main site's are every event, an authority's its
        own. An event is listed until its last day is over."""
        if self.events is None:
            return []
        return sorted((event for event in self.events.events
                       if (site.kind == "main" or event.site == site.id) and event.last_day >= today),
                      key=lambda event: (event.start, event.id))

    def story_pages(self, site: Site) -> list[Page]:
        """The site's stories and news, newest first, in the folder of its list page (none without one)."""
        key = ("story pages", site.id)
        if key not in self.memo:
            listing = self.list_page(site, "stories")
            found: dict[str, dict[str, SourcePage]] = {}
            for page in self.pages:
                if page.kind == "story" and page.authority == site.authority_id:
                    found.setdefault(page.id, {})[page.lang] = page
            pages = [Page(site, page_id, sources, {lang: listing.slug(lang) for lang in self.languages}, "story")
                     for page_id, sources in found.items() if listing and len(sources) == len(self.languages)]
            self.memo[key] = sorted(pages, key=story_order)
        return list(self.memo[key])

    def navigation_pages(self, site: Site) -> list[Page]:
        """The site's pages of data/navigation.yml, in order (not the handbook's, which are composed)."""
        order = self.navigation.main if site.kind == "main" else self.navigation.authority
        result = []
        for page_id in order:
            sources = {}
            for lang in self.languages:
                shared = self._sources_by_id[(site.kind, lang, page_id)]
                own = [p for p in shared if p.authority == site.id]
                sources[lang] = own[0] if own else next(p for p in shared if p.authority is None)
            result.append(Page(site, page_id, sources))
        return result

    def publishes_handbook(self, site: Site) -> bool:
        return bool(self.handbook) and self.handbook.published_on == ("local" if site.authority else "main")

    @cached_property
    def _sources_by_id(self) -> dict[tuple[str, str, str], list[SourcePage]]:
        """(kind, language, page id) -> the source pages, in the order they were loaded."""
        found: dict[tuple[str, str, str], list[SourcePage]] = {}
        for page in self.pages:
            found.setdefault((page.kind, page.lang, page.id), []).append(page)
        return found

    @cached_property
    def memo(self) -> dict:
        """Views derived from the model once per build (a council's composed handbook, every page's built files
        and addresses), by a key of their own."""
        return {}

    def all_pages(self) -> list[Page]:
        return [page for site in self.sites for page in self.site_pages(site)]


def story_meta(page: Page) -> StoryMeta:
    """A story's front matter in the default language (dates and sources are the same in every language)."""
    return next(iter(page.sources.values())).meta  # type: ignore[return-value]


def story_order(page: Page) -> tuple:
    """Newest first: by date (a month or a year counts from its start), then by when it was posted, then by id."""
    meta = story_meta(page)
    parts = [int(part) for part in meta.date.split("-")]
    start = datetime.date(*parts, *[1] * (3 - len(parts)))
    return (-start.toordinal(), -meta.entry_date.toordinal(), page.id)


def walk(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every model nested in value (value included), with its field path: for rules that span a file."""
    if isinstance(value, BaseModel):
        yield path, value
        if not isinstance(value, RootModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), path + (name,))
    elif isinstance(value, list | tuple):
        for index, element in enumerate(value):
            yield from walk(element, path + (index,))
    elif isinstance(value, dict):
        for key, element in value.items():
            yield from walk(element, path + (key,))
