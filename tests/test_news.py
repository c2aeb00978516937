"""Issue 30: events, stories and their feeds, on the main site of ONE copy of the project with fixture events
and stories, rendered and built with MkDocs (main site only, both languages) for two build dates."""

from __future__ import annotations

import datetime
import json

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from generator.model.loader import load_project
from generator.render.projects import render_project_files, write_project
from tests.conftest import build_with_mkdocs, copy_project

BEFORE = datetime.date(2026, 12, 5)  # the past event is over, the future one to come
AFTER = datetime.date(2027, 1, 20)  # the future event is over too

EVENTS = """timezone: Europe/London
events:
  - id: test-past-evening
    site: main
    title: {en: Past test evening, cy: Noson brawf a fu}
    start: 2026-11-10T18:30
    end: 2026-11-10T20:00
    place: {en: Test Hall, cy: Neuadd Brawf}
    languages: [cy, en]
    contact: {en: Ring the test team, cy: Ffoniwch y tîm prawf}
    source: test-news
    as_of: 2026-11-01
  - id: test-future-evening
    site: main
    title: {en: Future test evening, cy: Noson brawf i ddod}
    start: 2027-01-14T18:30
    end: 2027-01-14T20:00
    place: {en: Test Hall, cy: Neuadd Brawf}
    languages: [cy]
    booking: https://example.org/book
    source: test-news
    as_of: 2026-12-01
"""

STORY = """---
id: test-story
title: {title}
description: {title}.
kind: news
date: 2026-11-20
source: test-news
---
{title}.
"""


def _render(root, today):
    project = load_project(root)
    rendered = render_project_files(project, only={("main", "en"), ("main", "cy")}, today=today)
    return {item.lang: item for item in rendered}, {item.lang: write_project(project, item) for item in rendered}


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """The main site built for BEFORE twice (for byte-identity) and for AFTER once: lang -> file -> bytes."""
    root = copy_project(tmp_path_factory.mktemp("news"), ("test-news", "Test news", "Newyddion prawf"))
    (root / "data" / "events.yml").write_text(EVENTS, encoding="utf-8")
    for lang, story in (("en", "A test story"), ("cy", "Stori brawf")):  # listed by the main site's news page
        (root / "content" / lang / "stories" / "main").mkdir(parents=True)
        (root / "content" / lang / "stories" / "main" / f"{story.lower().replace(' ', '-')}.md").write_text(
            STORY.format(title=story), encoding="utf-8")
    builds = {}
    for name, today in (("first", BEFORE), ("again", BEFORE), ("after", AFTER)):
        items, configs = _render(root, today)
        builds[name] = {lang: build_with_mkdocs(config, tmp_path_factory.mktemp(f"{name}-{lang}"))
                        for lang, config in configs.items()}
        builds[name + "-files"] = {lang: item.files for lang, item in items.items()}
    return builds


def _page(files: dict[str, bytes], folder: str) -> BeautifulSoup:
    return BeautifulSoup(files[f"{folder}/index.html"], "lxml")


EVENTS_PAGE = {"en": "campaigns-and-events", "cy": "ymgyrchoedd-a-digwyddiadau"}
NEWS_PAGE = {"en": "news", "cy": "newyddion"}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_past_event_dropped_future_listed_with_calendar_and_json_ld(news, lang):
    files = news["first"][lang]
    page = _page(files, EVENTS_PAGE[lang])
    text = page.get_text(" ")
    future, past = {"en": ("Future test evening", "Past test evening"),
                    "cy": ("Noson brawf i ddod", "Noson brawf a fu")}[lang]
    assert future in text and past not in text
    # The site's calendar and the event's own .ics, parsed back by icalendar.
    folder = EVENTS_PAGE[lang]
    site_calendar = icalendar.Calendar.from_ical(files[f"{folder}/{folder}.ics"])
    events = site_calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [future]
    own = icalendar.Calendar.from_ical(files[f"{folder}/test-future-evening.ics"]).walk("VEVENT")[0]
    assert own["DTSTART"].dt == datetime.datetime(2027, 1, 14, 18, 30, tzinfo=own["DTSTART"].dt.tzinfo)
    assert str(own["DTSTART"].dt.tzinfo) == "Europe/London"
    assert f"{folder}/test-past-evening.ics" not in files
    # schema.org Event data: valid JSON, the future event only.
    data = [json.loads(tag.string) for tag in page.find_all("script", type="application/ld+json")]
    found = [item for block in data for item in (block if isinstance(block, list) else block.get("@graph", [block]))
             if item.get("@type") == "Event"]
    assert [item["name"] for item in found] == [future]
    assert found[0]["startDate"].startswith("2027-01-14T18:30")
    # The page's link to the .ics resolves to the published file.
    link = page.find("a", href=lambda href: href and href.endswith("test-future-evening.ics"))
    assert link is not None


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_atom_feed_parses_with_stable_ids(news, lang):
    feed_path = next(name for name in news["first"][lang] if name.startswith(NEWS_PAGE[lang] + "/")
                     and name.endswith(".xml"))
    first = feedparser.parse(news["first"][lang][feed_path])
    again = feedparser.parse(news["again"][lang][feed_path])
    assert not first.bozo, first.bozo_exception
    assert first.version == "atom10"
    # The main site's feed has every site's stories, newest first: the fixture story (November 2026) leads.
    assert first.entries[0].title == {"en": "A test story", "cy": "Stori brawf"}[lang]
    published = [e.published_parsed for e in first.entries]
    assert published == sorted(published, reverse=True)
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    assert first.feed.id == again.feed.id
    # The list page shows the story, newest first, and announces the feed in its head.
    page = _page(news["first"][lang], NEWS_PAGE[lang])
    assert page.find("link", rel="alternate", type="application/atom+xml") is not None
    assert {"en": "A test story", "cy": "Stori brawf"}[lang] in page.get_text(" ")


def test_same_date_rebuild_is_byte_identical(news):
    for lang in ("en", "cy"):
        first, again = news["first"][lang], news["again"][lang]
        assert first.keys() == again.keys()
        differing = [name for name in first if first[name] != again[name] and not name.endswith(".gz")]
        assert differing == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_later_date_re_renders_without_the_event(news, lang):
    folder = EVENTS_PAGE[lang]
    before, after = news["first"][lang], news["after"][lang]
    assert f"{folder}/test-future-evening.ics" in before and f"{folder}/test-future-evening.ics" not in after
    assert not icalendar.Calendar.from_ical(after[f"{folder}/{folder}.ics"]).walk("VEVENT")
    assert before[f"{folder}/index.html"] != after[f"{folder}/index.html"]
    assert "fw-events--none" in after[f"{folder}/index.html"].decode()
