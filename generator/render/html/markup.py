"""HTML snippets every renderer shares, so a figure's source and an unknown value look the same everywhere
(and the output checks can rely on them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.render import i18n

if TYPE_CHECKING:
    from generator.model.project import Project
@cache
def unconfirmed_marker(root: Path, lang: str) -> Markup:
    """The visible "to be confirmed" for a value the data does not know."""
    text = i18n.translations(root, lang).gettext("to be confirmed")
    return Markup('<span class="fw-unconfirmed" data-unconfirmed="true">{}</span>').format(text)


def sourced(text: str, sources: set[str]) -> Markup:
    """A figure shown on a page, marked with the data sources it comes from."""
    return Markup('<span class="fw-figure" data-source="{}">{}</span>').format(" ".join(sorted(sources)), text)


def source_note(project: Project, lang: str, source_id: str, as_of: str) -> Markup:
    """"(Source: its title, as of when)" after a value taken from a document, marked with the source."""
    source = project.sources[source_id]
    return Markup('<span class="fw-chart__source" data-source="{}">({}: {}, {})</span>').format(
        source.id, i18n.translations(project.root, lang).gettext("Source"), source_title(source, lang),
        i18n.date(as_of, project.language(lang).locale))


def contact_link(kind: str, value: str, href: str, source: str, published: str | None = None) -> Markup:
    """A phone number, email address or web page people can use at once (tel:, mailto:, the address), marked with
    its source. published: shown after it ("published May 2016") when the source is not recent."""
    link = Markup('<a class="fw-contact fw-contact--{}" href="{}" data-source="{}">{}</a>').format(
        kind, href, source, value)
    if published:
        link += Markup(' <span class="fw-contact__published">({})</span>').format(published)
    return link


def publisher(source, lang: str) -> Markup:
    """A source's publisher as written (names are not translated), marked with the language of the document
    where that is not the page's, so it is read and spell-checked in its own language."""
    if source.language and source.language != lang:
        return Markup('<span lang="{}">{}</span>').format(source.language, source.publisher)
    return Markup("{}").format(source.publisher)


def source_title(source, lang: str) -> Markup:
    """A source's title in the page's language; a title not translated (a web page's own) is marked with the
    language of the document, so it is read and spell-checked in that language."""
    title = source.title.get(lang)
    if source.language and source.language != lang and title == source.title.get(source.language):
        return Markup('<span lang="{}">{}</span>').format(source.language, title)
    return Markup("{}").format(title)
