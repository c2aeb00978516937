"""The files a site publishes for feed readers and calendars, beside the pages that list them: the Atom feed of
its stories (`<list>/<list>.xml`), the iCalendar file of its upcoming events (`<events>/<events>.ics`) and one
per event (`<events>/<event id>.ics`). They go into the MkDocs project's docs/ folder, which MkDocs copies into
the site as they are, so they are built, cached and published with the site's pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from generator.model.project import Page, Project, Site
from generator.render import i18n, urls
from generator.render.calendars import calendar_text
from generator.render.feeds import stories_feed
from generator.render.html.events import EVENTS, calendar_name, event_file_name
from generator.render.html.stories import STORIES, feed_name
from generator.render.templating import site_name


@dataclass
class SiteFeeds:
    files: dict[str, str] = field(default_factory=dict)  # path in the project folder -> text
    links: list[tuple[Page, str, str, str]] = field(default_factory=list)  # (list page, file name, title, type)


def feed_files(project: Project, site: Site, lang: str, today: datetime.date) -> SiteFeeds:
    found = SiteFeeds()
    messages = i18n.translations(project.root, lang)
    name = site_name(project, site.id, lang)
    stories = project.list_page(site, STORIES)
    if stories is not None:
        file = feed_name(stories, lang)
        title = messages.gettext("%(site)s: stories and news") % {"site": name}
        address = urls.absolute_url(project, stories, lang) + file
        found.files[f"docs/{stories.doc_name(lang)}/{file}"] = stories_feed(project, stories, lang, title, address,
                                                                              today)
        found.links.append((stories, file, title, "application/atom+xml"))
    events = project.list_page(site, EVENTS)
    if events is not None and project.events is not None:
        upcoming = project.upcoming_events(site, today)
        title = messages.gettext("%(site)s: events") % {"site": name}
        address = urls.absolute_url(project, events, lang)
        folder = f"docs/{events.doc_name(lang)}/"
        found.files[folder + calendar_name(events, lang)] = calendar_text(project, site, lang, upcoming, title,
                                                                           address)
        for event in upcoming:
            found.files[folder + event_file_name(event)] = calendar_text(project, site, lang, [event],
                                                                          event.title.get(lang), address)
        found.links.append((events, calendar_name(events, lang), title, "text/calendar"))
    return found
