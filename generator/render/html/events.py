"""Events as HTML: a site's upcoming events, each with its calendar file, and their schema.org data.

A site lists only events still to come on the build's date (`Project.upcoming_events`): past ones are left
out of the page, its structured data and its calendar files alike. Times are the events' local times
(data/events.yml `timezone`), shown in <time> with their offset.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval, format_time
from markupsafe import Markup

from generator.model.project import Page, Project, Site
from generator.model.schema import Event
from generator.render import i18n, urls

EVENTS = "events"  # the `lists:` of a site's events page


def calendar_name(list_page: Page, lang: str) -> str:
    """The site's calendar of every upcoming event, in its events page's folder: 'events.ics'."""
    return f"{list_page.slug(lang)}.ics"


def event_file_name(event: Event) -> str:
    return f"{event.id}.ics"


def organiser(project: Project, event: Event, lang: str) -> str:
    if event.site == "main" or not project.authorities:
        return project.config.brand.get(lang)
    return project.site(event.site).authority.council.get(lang)


def local_time(project: Project, value: datetime.datetime) -> datetime.datetime:
    return value.replace(tzinfo=ZoneInfo(project.events.timezone))


def languages_text(project: Project, codes: list[str], lang: str, messages) -> str:
    """'Welsh', or 'Welsh and English (bilingual)', in the page's language."""
    locale = project.language(lang).locale
    names = [Locale.parse(project.language(code).locale).get_display_name(locale) or code for code in codes]
    if len(names) == 1:
        return names[0]
    text = names[0]
    for name in names[1:]:
        text = messages.gettext("%(first)s and %(second)s") % {"first": text, "second": name}
    if len(names) == 2:
        text = messages.gettext("%(languages)s (bilingual)") % {"languages": text}
    return text


def when_text(start: datetime.datetime, end: datetime.datetime | None, locale: str) -> str:
    """'Thursday, 14 January 2027, 18:30–20:00', or from one day to another."""
    day = format_date(start, "full", locale=locale)
    if end is None:
        return f"{day}, {format_time(start, 'short', locale=locale)}"
    if end.date() == start.date():
        return f"{day}, {format_interval(start.time(), end.time(), 'Hm', locale=locale)}"
    return (f"{day}, {format_time(start, 'short', locale=locale)} – {format_date(end, 'full', locale=locale)}, "
            f"{format_time(end, 'short', locale=locale)}")


@dataclass(frozen=True)
class EventsView:
    """The events a page of a site shows, in the page's language."""

    project: Project
    page: Page
    lang: str
    today: datetime.date

    @cached_property
    def messages(self):
        return i18n.translations(self.project.root, self.lang)

    def _(self, message: str, **names) -> str:
        text = self.messages.gettext(message)
        return text % names if names else text

    @property
    def site(self) -> Site:
        return self.page.site

    @cached_property
    def events(self) -> list[Event]:
        return self.project.upcoming_events(self.site, self.today)

    @cached_property
    def list_page(self) -> Page | None:
        return self.project.list_page(self.site, EVENTS)

    def file_link(self, name: str) -> str:
        """A link from this page to a calendar file in the events page's folder."""
        here = urls.output_path(self.page, self.lang)
        return urls.relative_link(here, urls.output_path(self.list_page, self.lang)) + name

    def listing(self, limit: int | None = None, structured: bool = False) -> Markup:
        """The upcoming events (the first `limit` of them), each under a ### heading; `structured` adds their
        schema.org data. With none, says so."""
        events = self.events[:limit] if limit else self.events
        if not events:
            return self.none_to_come()
        parts = [self.event_html(event) for event in events]
        if not limit:
            parts.append(Markup('<p class="fw-events__calendar"><a href="{}" download>{}</a></p>').format(
                self.file_link(calendar_name(self.list_page, self.lang)),
                self._("Subscribe to every upcoming event (iCalendar)")))
        elif len(self.events) > limit and self.page.id != self.list_page.id:
            parts.append(Markup('<p><a href="{}">{}</a></p>').format(
                urls.relative_link(urls.output_path(self.page, self.lang),
                                   urls.output_path(self.list_page, self.lang)), self._("See every upcoming event")))
        if structured:
            parts.append(self.structured_data(events))
        return Markup('<div class="fw-events">\n{}\n</div>').format(Markup("\n").join(parts))

    def none_to_come(self) -> Markup:
        if self.site.authority:
            text = self._("No events are listed %(in_name)s at the moment. The fostering team is glad to talk at any "
                          "time, and can tell you about its next information session.",
                          in_name=self.site.authority.in_name.get(self.lang))
        else:
            text = self._("No events are listed at the moment. Every local fostering team is glad to talk at any "
                          "time, and can tell you about its next information session.")
        return Markup('<p class="fw-events fw-events--none">{}</p>').format(text)

    def event_html(self, event: Event) -> Markup:
        locale = self.project.language(self.lang).locale
        start = local_time(self.project, event.start)
        end = local_time(self.project, event.end) if event.end else None
        facts = [(self._("When"), Markup('<time datetime="{}">{}</time>').format(
            start.isoformat(), when_text(start, end, locale)))]
        where = []
        if event.place:
            where.append(event.place.get(self.lang))
        if event.online:
            where.append(self._("Online"))
        facts.append((self._("Where"), Markup("; ").join(where)))
        facts.append((self._("Language of the event"), languages_text(self.project, event.languages, self.lang,
                                                                      self.messages)))
        booking = []
        if event.booking:
            booking.append(Markup('<a href="{}">{}</a>').format(event.booking, self._("Book a place")))
        if event.contact:
            booking.append(Markup("{}").format(event.contact.get(self.lang)))
        facts.append((self._("How to book or ask"), Markup("; ").join(booking)))
        if self.site.kind == "main":
            facts.append((self._("Organised by"), organiser(self.project, event, self.lang)))
        rows = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(label, value) for label, value in facts)
        description = (Markup("<p>{}</p>").format(event.description.get(self.lang)) if event.description
                       else Markup(""))
        return Markup('<div class="fw-event" id="event-{id}">\n<h3>{title}</h3>\n<dl class="fw-event__facts">{rows}'
                      '</dl>\n{description}<p class="fw-event__calendar"><a href="{ics}" download>{add}</a></p>\n'
                      '</div>').format(
            id=event.id, title=event.title.get(self.lang), rows=rows, description=description,
            ics=self.file_link(event_file_name(event)), add=self._("Add to your calendar (.ics)"))

    def structured_data(self, events: list[Event]) -> Markup:
        """schema.org Event data for search engines, as JSON-LD (data, never run)."""
        address = urls.absolute_url(self.project, self.list_page, self.lang)
        items = [event_data(self.project, event, self.lang, f"{address}#event-{event.id}") for event in events]
        text = json.dumps(items if len(items) > 1 else items[0], ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
        # Nothing in it can close the element or start markup.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Markup('<script type="application/ld+json">{}</script>').format(Markup(text))


def event_data(project: Project, event: Event, lang: str, address: str) -> dict:
    """An event as schema.org describes one."""
    start = local_time(project, event.start)
    mode = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}[(event.place is not None,
                                                                                       event.online)]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title.get(lang),
        "startDate": start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "inLanguage": event.languages if len(event.languages) > 1 else event.languages[0],
        "url": address,
        "organizer": {"@type": "Organization", "name": organiser(project, event, lang),
                      "url": urls.site_base_url(project, project.site(event.site), lang)},
    }
    if event.end:
        data["endDate"] = local_time(project, event.end).isoformat()
    locations = []
    if event.place:
        place = event.place.get(lang)
        locations.append({"@type": "Place", "name": place, "address": place})
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.booking or address})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if event.description:
        data["description"] = event.description.get(lang)
    return data
