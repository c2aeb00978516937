"""The handbook's pages as Markdown for MkDocs: contents, chapters, amendments and the print view.

Chapter numbers and release ids are marked with `data-category` (they are labels, not figures), dates are
<time> elements, and local material sits in a labelled box so a carer always sees what is national and what
is their region's or council's own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from generator.model.content import SourcePage
from generator.model.handbook import FENCE, Chapter, Piece, compose, due_date, is_overdue
from generator.model.project import Page, Project
from generator.render import i18n
from generator.render.templating import PageContext, RenderedPage, has_template_code, names_used, render_text

_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def render_handbook_page(project: Project, page: Page, lang: str, today: datetime.date | None = None) -> RenderedPage:
    view = HandbookView(project, page, lang, today or datetime.date.today())
    return {"contents": view.contents, "chapter": view.chapter, "amendments": view.amendments,
            "print": view.print_view}[page.role]()


@dataclass(frozen=True)
class HandbookView:
    project: Project
    page: Page
    lang: str
    today: datetime.date

    @cached_property
    def chapters(self) -> list[Chapter]:
        return compose(self.project, self.page.site, self.lang)

    @cached_property
    def values(self) -> dict:
        key = ("handbook-names", self.page.site.id, self.lang)
        if key not in self.project.memo:
            texts = tuple(text for chapter in self.chapters for source in (chapter.source, *chapter.variations)
                          for text in (source.meta.title, source.body))
            self.project.memo[key] = names_used(texts)
        return PageContext(self.project, self.page, self.lang, self.today).values(self.project.memo[key])

    @cached_property
    def _messages(self):
        return i18n.translations(self.project.root, self.lang)

    def _(self, message: str, **names) -> str:
        return self._messages.gettext(message) % names if names else self._messages.gettext(message)

    @property
    def _locale(self) -> str:
        return self.project.language(self.lang).locale

    def _text(self, source: SourcePage, text: str, first_line: int) -> str:
        if not has_template_code(text):
            return text  # as render_text gives it, without working out the page's values (most pieces)
        return render_text(self.project, source, self.lang, text, self.values, first_line)

    def _title(self, source: SourcePage) -> str:
        return self._text(source, source.meta.title, source.field_line("title")).strip()

    def _time(self, value: datetime.date) -> Markup:
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), i18n.date(value, self._locale))

    def _link(self, chapter: Chapter) -> str:
        """A Markdown link target from this page to a chapter (all handbook pages share one folder)."""
        return f"{chapter.source.slug}.md"

    # --- pieces ---------------------------------------------------------------------------------

    def _number(self, chapter: Chapter) -> Markup:
        return Markup('<span class="fw-chapter-number" data-category="chapter-number">{}.</span>').format(
            chapter.number)

    def _place(self, source: SourcePage) -> str:
        if source.region:
            return self._("Regional: %(place)s", place=self.project.region(source.region).name.get(self.lang))
        authority = next(a for a in self.project.authorities if a.id == source.authority)
        return self._("Local: %(place)s", place=authority.name.get(self.lang))

    def _review_line(self, source: SourcePage) -> Markup:
        meta = source.meta
        due = due_date(meta)
        # Our catalogue's strings are trusted markup; Markup's % escapes what is put into them.
        parts = [
            Markup(self._("Looked after by %(owner)s.")) % {"owner": meta.owner},
            Markup(self._("Last reviewed %(date)s.")) % {"date": self._time(meta.reviewed)},
            Markup(self._("Next review due %(date)s.")) % {"date": self._time(due)},
        ]
        overdue = ""
        if is_overdue(meta, self.today):
            overdue = Markup(' <strong class="fw-overdue" data-overdue="true">{}</strong>').format(
                self._("This is overdue for review: check anything important with your supervising social worker."))
        return Markup('<p class="fw-review">{}{}</p>').format(Markup(" ").join(parts), overdue)

    def _piece(self, piece: Piece, level_shift: int, boxed: bool) -> str:
        """A piece's Markdown; a region's or authority's own section in a labelled box."""
        text = self._text(piece.source, piece.text, piece.first_line)
        if piece.heading is not None:
            heading = self._text(piece.source, piece.heading, piece.source.field_line("title")).strip()
            text = f"## {heading}\n\n{text}"
        text = _shift_headings(text, level_shift)
        if not (boxed and piece.local):
            return text
        return (f'<div class="fw-local" markdown>\n\n<p class="fw-local__label">{escape(self._place(piece.source))}'
                f"</p>\n\n{text}\n\n{self._review_line(piece.source)}\n\n</div>")

    def _chapter_body(self, chapter: Chapter, level_shift: int) -> str:
        parts = []
        if chapter.local:
            parts.append(f'<p class="fw-local__label fw-local__label--chapter">'
                         f"{escape(self._place(chapter.source))}</p>")
        parts.append(str(self._review_line(chapter.source)))
        # A local chapter is labelled once, at its top; a core chapter's local sections each in their box.
        parts.extend(self._piece(piece, level_shift, boxed=not chapter.local) for piece in chapter.pieces)
        return "\n\n".join(parts)

    # --- pages ----------------------------------------------------------------------------------

    def _find(self) -> Chapter:
        return next(c for c in self.chapters if c.id == self.page.id)

    def chapter(self) -> RenderedPage:
        chapter = self._find()
        title = self._title(chapter.source)
        body = f"# {self._number(chapter)} {escape(title)}\n\n{self._chapter_body(chapter, 0)}\n"
        description = chapter.source.meta.description
        if description:
            description = self._text(chapter.source, description, chapter.source.field_line("description")).strip()
        return RenderedPage(f"{chapter.number}. {title}", description, body)

    def contents(self) -> RenderedPage:
        handbook = self.project.handbook
        rows = []
        for chapter in self.chapters:
            local = f' <span class="fw-local-tag">{escape(self._place(chapter.source))}</span>' if chapter.local else ""
            dues = [due_date(s.meta) for s in chapter.reviewed_material]
            overdue = any(is_overdue(s.meta, self.today) for s in chapter.reviewed_material)
            flag = Markup(' <strong class="fw-overdue" data-overdue="true">{}</strong>').format(
                self._("Overdue")) if overdue else ""
            rows.append(f"| {self._number(chapter)} [{_cell(self._title(chapter.source))}]({self._link(chapter)})"
                        f"{local} | {self._time(chapter.source.meta.reviewed)} | {self._time(min(dues))}{flag} |")
        headings = (self._("Chapter"), self._("Last reviewed"), self._("Next review due"))
        table = _table(headings, rows)
        amendments = self.project.handbook.amendments
        print_page = self.project.handbook.print
        links = (f"[{escape(amendments.title.get(self.lang))}]({amendments.slug.get(self.lang)}.md) · "
                 f"[{escape(print_page.title.get(self.lang))}]({print_page.slug.get(self.lang)}.md)")
        intro = escape(handbook.contents.introduction.get(self.lang)) if handbook.contents.introduction else ""
        body = f"{intro}\n\n{links}\n\n{table}\n"
        return RenderedPage(handbook.contents.title.get(self.lang), None, body)

    def amendments(self) -> RenderedPage:
        spec = self.project.handbook.amendments
        sections = [escape(spec.introduction.get(self.lang)) if spec.introduction else ""]
        for release in self.project.handbook.releases:
            rows = []
            for chapter in self.chapters:
                for source in chapter.reviewed_material:
                    local = (f' <span class="fw-local-tag">{escape(self._place(source))}</span>'
                             if source.kind == "variation" else "")
                    rows.extend(f"| {self._number(chapter)} [{_cell(self._title(chapter.source))}]"
                                f"({self._link(chapter)}){local} | {_cell(change.note)} |"
                                for change in source.meta.changes if change.release == release.id)
            heading = (f'## <span data-category="release">{escape(release.id)}</span> '
                       f"({self._time(release.date)})")
            table = (_table((self._("Chapter"), self._("Change")), rows) if rows
                     else escape(self._("No changes to this handbook in this release.")))
            sections.append(f"{heading}\n\n{escape(release.summary.get(self.lang))}\n\n{table}")
        return RenderedPage(spec.title.get(self.lang), None, "\n\n".join(sections) + "\n")

    def print_view(self) -> RenderedPage:
        spec = self.project.handbook.print
        button = Markup('<p><button type="button" class="md-button fw-print-button" data-fw-print hidden>{}'
                        "</button></p>").format(self._("Print this handbook"))
        # On paper, the first thing a reader sees says whose handbook this is.
        site = self.page.site
        council = site.authority.council.get(self.lang) if site.authority else self.project.config.brand.get(self.lang)
        cover = Markup('<p class="fw-print-cover"><strong>{}: {}</strong></p>').format(
            self.project.handbook.contents.title.get(self.lang), council)
        parts = [str(cover), escape(spec.introduction.get(self.lang)) if spec.introduction else "", str(button)]
        for chapter in self.chapters:
            parts.append(f'## {self._number(chapter)} {escape(self._title(chapter.source))} '
                         f'{{ #chapter-{chapter.source.slug} .fw-print-chapter }}')
            parts.append(self._chapter_body(chapter, 1))
        # The print view repeats every chapter: keep it out of search, or every result appears twice.
        return RenderedPage(spec.title.get(self.lang), None, "\n\n".join(parts) + "\n",
                            {"search": {"exclude": True}})


def _table(headings: tuple[str, ...], rows: list[str]) -> str:
    """A Markdown table: escaped headings, rows already written as Markdown."""
    return "\n".join(["| " + " | ".join(_cell(h) for h in headings) + " |",
                      "|" + " --- |" * len(headings), *rows])


def _cell(text: str) -> str:
    """Text made safe for a Markdown table cell."""
    return str(escape(text)).replace("|", "&#124;").replace("\n", " ")


def _shift_headings(text: str, levels: int) -> str:
    """Demote every Markdown heading by `levels` (outside code fences), for the one-page print view."""
    if not levels:
        return text
    lines, fenced = text.split("\n"), False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and _HEADING.match(line):
            lines[index] = "#" * levels + line
    return "\n".join(lines)
