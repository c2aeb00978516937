"""iCalendar files of events (RFC 5545), made with the `icalendar` library: one per event, and one per site with
every event it lists. Written beside the site's events page, so they are published with the site.

The same event has the same UID on every site and in every language (people who add it twice get it once), and
its DTSTAMP is the day its announcement was read (`as_of`), so a file changes only when its events do.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from generator.model.project import Project, Site
from generator.model.schema import Event
from generator.render import i18n
from generator.render.html.events import languages_text, local_time, organiser


def calendar_text(project: Project, site: Site, lang: str, events: list[Event], name: str, address: str) -> str:
    """A calendar of events in a language; name: the calendar's title; address: the events page's published
    address (each event's URL is its place there)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{project.config.brand.get(lang)}//{name}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", project.events.timezone)
    host = urlsplit(project.language(project.default_language).base_url).hostname
    messages = i18n.translations(project.root, lang)
    for event in events:
        calendar.add_component(_event(project, event, lang, host, f"{address}#event-{event.id}", messages))
    if events:
        # Only the time zone's rules for the years the events fall in, not every year since 1970.
        calendar.add_missing_timezones(first_date=datetime.date(min(e.start.year for e in events), 1, 1),
                                       last_date=datetime.date(max(e.last_day.year for e in events) + 1, 1, 1))
    return calendar.to_ical().decode("utf-8")


def _event(project: Project, event: Event, lang: str, host: str, address: str, messages) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@{host}")
    entry.add("dtstamp", datetime.datetime.combine(event.as_of, datetime.time(), datetime.UTC))
    entry.add("dtstart", local_time(project, event.start))
    if event.end:
        entry.add("dtend", local_time(project, event.end))
    entry.add("summary", event.title.get(lang))
    where = [event.place.get(lang)] if event.place else []
    if event.online:
        where.append(messages.gettext("Online"))
    entry.add("location", "; ".join(where))
    lines = [event.description.get(lang)] if event.description else []
    lines.append(f"{messages.gettext('Language of the event')}: "
                 f"{languages_text(project, event.languages, lang, messages)}")
    if event.booking:
        lines.append(f"{messages.gettext('Book a place')}: {event.booking}")
    if event.contact:
        lines.append(f"{messages.gettext('How to book or ask')}: {event.contact.get(lang)}")
    lines.append(f"{messages.gettext('Organised by')}: {organiser(project, event, lang)}")
    entry.add("description", "\n".join(lines))
    entry.add("url", address)
    return entry
