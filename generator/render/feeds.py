"""Atom feeds (RFC 4287) of a site's stories and news, one per site and language, made with `feedgen`.

Written beside the site's list of stories, so it is published with the site. Nothing in a feed depends on when
it is built but the build's date where a site has nothing to date it by: entries are dated by their stories
(`StoryMeta.entry_date`), the feed by its newest entry, and ids are names, not addresses (`urn:uuid:` from the
site, story and language), so they stay the same when a page is renamed.
"""

from __future__ import annotations

import datetime
import uuid

from feedgen.feed import FeedGenerator

from generator.model.project import Page, Project, story_meta
from generator.render import i18n, urls
from generator.render.html.stories import kind_label, site_stories


def feed_id(project: Project, *parts: str) -> str:
    """A name that stays the same from build to build: the tenant's address and the parts."""
    name = "/".join((project.language(project.default_language).base_url, *parts))
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), datetime.UTC)


def stories_feed(project: Project, list_page: Page, lang: str, title: str, address: str,
                 today: datetime.date) -> str:
    """The Atom feed of the stories the list page shows. title: the feed's; address: its own published address."""
    messages = i18n.translations(project.root, lang)
    site = list_page.site
    stories = site_stories(project, list_page)
    feed = FeedGenerator()
    feed.id(feed_id(project, site.id, "stories", lang))
    feed.title(title)
    feed.language(lang)
    feed.link(href=urls.absolute_url(project, list_page, lang), rel="alternate", type="text/html")
    feed.link(href=address, rel="self", type="application/atom+xml")
    feed.author(name=_author(project, site, lang))
    reviewed = list_page.source(lang).meta.reviewed
    newest = max((story_meta(story).entry_date for story in stories), default=reviewed or today)
    feed.updated(_midnight(newest))
    for story in stories:
        meta = story.source(lang).meta
        entry = feed.add_entry(order="append")
        entry.id(feed_id(project, story.site.id, story.id, lang))
        entry.title(meta.title)
        entry.link(href=urls.absolute_url(project, story, lang), rel="alternate", type="text/html")
        entry.updated(_midnight(meta.entry_date))
        entry.published(_midnight(meta.entry_date))
        entry.summary(meta.description)
        entry.category(term=meta.kind, label=kind_label(messages, meta.kind))
        entry.author(name=_author(project, story.site, lang))
    return feed.atom_str(pretty=True).decode("utf-8")


def _author(project: Project, site, lang: str) -> str:
    return site.authority.council.get(lang) if site.authority else project.config.brand.get(lang)
