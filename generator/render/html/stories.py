"""Stories and news as HTML: a site's list (newest first), the "latest" block, and a story's own page with its
date and its source.

The main site lists every site's stories; a local site, its own. A story's date is shown to the precision its
source gives (a day, a month or a year), in <time>.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from babel import Locale
from markupsafe import Markup

from generator.model.project import Page, Project, story_meta, story_order
from generator.render import i18n, urls
from generator.render.html.markup import publisher, source_title

STORIES = "stories"  # the `lists:` of a site's page of stories


def feed_name(list_page: Page, lang: str) -> str:
    """The site's Atom feed, in its list page's folder: 'news.xml'."""
    return f"{list_page.slug(lang)}.xml"


def site_stories(project: Project, page: Page) -> list[Page]:
    """The stories a site shows, newest first: on the main site every site's, on a local site its own."""
    if page.site.kind != "main":
        return project.story_pages(page.site)
    key = ("every story",)
    if key not in project.memo:
        project.memo[key] = sorted((story for site in project.sites for story in project.story_pages(site)),
                                   key=story_order)
    return list(project.memo[key])


def kind_label(messages, kind: str) -> str:
    return messages.gettext("News") if kind == "news" else messages.gettext("Story")


def date_html(value: str | datetime.date, locale: str) -> Markup:
    text = value.isoformat() if isinstance(value, datetime.date) else value
    return Markup('<time datetime="{}">{}</time>').format(text, i18n.date(text, locale))


@dataclass(frozen=True)
class StoriesView:
    """The stories a page of a site shows, in the page's language."""

    project: Project
    page: Page
    lang: str

    @cached_property
    def messages(self):
        return i18n.translations(self.project.root, self.lang)

    def _(self, message: str, **names) -> str:
        text = self.messages.gettext(message)
        return text % names if names else text

    @property
    def locale(self) -> str:
        return self.project.language(self.lang).locale

    @cached_property
    def list_page(self) -> Page | None:
        return self.project.list_page(self.page.site, STORIES)

    def link(self, target: Page) -> str:
        return urls.relative_link(urls.output_path(self.page, self.lang), urls.output_path(target, self.lang))

    def listing(self, limit: int | None = None) -> Markup:
        """The site's stories, newest first (the first `limit` of them), each under a ### heading."""
        stories = site_stories(self.project, self.page)
        if self.list_page is None:
            return Markup("")
        shown = stories[:limit] if limit else stories
        if not shown:
            parts = [Markup('<p class="fw-stories--none">{}</p>').format(self._("No stories or news yet."))]
        else:
            parts = [self.item(story) for story in shown]
        if limit and self.page.id != self.list_page.id:
            parts.append(Markup('<p><a href="{}">{}</a></p>').format(self.link(self.list_page),
                                                                     self._("All stories and news")))
        else:
            feed = urls.relative_link(urls.output_path(self.page, self.lang),
                                      urls.output_path(self.list_page, self.lang)) + feed_name(self.list_page,
                                                                                               self.lang)
            parts.append(Markup('<p class="fw-stories__feed"><a href="{}" type="application/atom+xml">{}</a></p>')
                         .format(feed, self._("Follow the stories and news with a feed reader (Atom)")))
        return Markup('<div class="fw-stories">\n{}\n</div>').format(Markup("\n").join(parts))

    def item(self, story: Page) -> Markup:
        meta = story.source(self.lang).meta
        about = [kind_label(self.messages, meta.kind), date_html(meta.date, self.locale)]
        if story.site.kind != self.page.site.kind and story.site.authority:
            about.append(story.site.authority.council.get(self.lang))
        # On the list's own page the stories are its sections; elsewhere they sit under the page's heading.
        level = 2 if self.page.id == self.list_page.id else 3
        return Markup('<div class="fw-story-item">\n<h{level}><a href="{href}">{title}</a></h{level}>\n'
                      '<p class="fw-story-item__about">{about}</p>\n<p>{summary}</p>\n</div>').format(
            level=level, href=self.link(story), title=meta.title, about=Markup(" · ").join(about),
            summary=meta.description)


def story_body(project: Project, page: Page, lang: str, body: str) -> str:
    """A story's page around its rendered text: what kind it is and its date, then its source and a link to the
    others."""
    view = StoriesView(project, page, lang)
    meta = story_meta(page)
    source = project.sources[meta.source]
    locale = view.locale
    header = Markup('<p class="fw-story__about">{} · {}</p>').format(kind_label(view.messages, meta.kind),
                                                                      date_html(meta.date, locale))
    title = source_title(source, lang)
    cited = Markup('<a href="{}">{}</a>').format(source.url, title) if source.url else Markup("{}").format(title)
    details = [publisher(source, lang)]
    if source.published:
        details.append(Markup(view._("published %(date)s")) % {"date": date_html(source.published, locale)})
    if source.language and source.language != lang:
        details.append(view._("in %(language)s", language=language_name(project, source.language, lang)))
    line = Markup("{}: {} ({}).").format(view._("Source"), cited, Markup(", ").join(details))
    if source.read:
        line += Markup(" ") + Markup(view._("Read on %(date)s.")) % {"date": date_html(source.read, locale)}
    footer = Markup('<p class="fw-story__source" data-source="{}">{}</p>\n\n<p><a href="{}">{}</a></p>').format(
        source.id, line, view.link(view.list_page), view._("More stories and news"))
    return f"{header}\n\n{body.rstrip()}\n\n{footer}\n"


def language_name(project: Project, code: str, lang: str) -> str:
    """A language's name in the page's language: 'English', 'Saesneg'."""
    locale = project.language(code).locale if code in project.languages else code
    return Locale.parse(locale).get_language_name(project.language(lang).locale) or code  # not "(Y Deyrnas Unedig)"
