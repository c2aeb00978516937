"""The carer handbook: the core chapters, then (on a local site) its region's and its own variations.

Composition works on Markdown before template code is evaluated: a chapter is split into pieces (its
introduction, then one piece per `## ` section), and variations add chapters, add sections or replace
sections. Each piece keeps the file and line it came from, so a mistake in it is reported there.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from string import ascii_uppercase

from markdown.extensions.toc import slugify

from generator.model.content import ChapterMeta, FrontMatter, SourcePage, VariationMeta
from generator.model.errors import Problem
from generator.model.project import Page, Project, Site
from generator.model.schema import language_name

CONTENTS, AMENDMENTS, PRINT = "handbook", "handbook-amendments", "handbook-print"
FENCE = re.compile(r"^\s*(```|~~~)")  # a line opening or closing a code block


@dataclass(frozen=True)
class Piece:
    """A run of a chapter's Markdown from one file: the introduction, or one section."""

    source: SourcePage
    text: str  # Markdown with template code not yet evaluated
    first_line: int  # the line of source.file where text starts
    anchor: str | None = None  # a section's anchor (None for an introduction)
    heading: str | None = None  # a variation's section heading (its `title`), written by the renderer

    @property
    def local(self) -> bool:
        return self.source.kind == "variation"


@dataclass(frozen=True)
class Chapter:
    id: str
    number: str  # "3" for the third core chapter, "4A" for a local chapter after it
    source: SourcePage  # the core chapter, or the variation that adds it
    pieces: tuple[Piece, ...]
    variations: tuple[SourcePage, ...]  # every variation that changed it (the chapter's own file excluded)

    @property
    def local(self) -> bool:
        return self.source.kind == "variation"

    @property
    def reviewed_material(self) -> tuple[SourcePage, ...]:
        return (self.source, *self.variations)


def anchor(heading: str) -> str:
    """A heading's anchor, as MkDocs writes it (and as a contributor sees it in the address bar)."""
    return slugify(heading.strip(), "-")


def split_sections(source: SourcePage) -> list[Piece]:
    """The introduction (if any), then a piece per `## ` section, code fences respected."""
    pieces: list[Piece] = []
    lines = source.body.split("\n")
    start, heading, fenced = 0, None, False
    for index, line in enumerate(lines + ["## "]):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or not (line.startswith("## ") or index == len(lines)):
            continue
        text = "\n".join(lines[start:index])
        if heading is not None or text.strip():
            pieces.append(Piece(source, text, source.body_line + start, anchor(heading) if heading else None))
        start, heading = index, line[3:]
    return pieces


def due_date(meta: ChapterMeta | VariationMeta) -> datetime.date:
    """When the material must next be reviewed: `review_months` after it was last reviewed."""
    month = meta.reviewed.month - 1 + meta.review_months
    year, month = meta.reviewed.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(meta.reviewed.day, calendar.monthrange(year, month)[1]))


def is_overdue(meta: ChapterMeta | VariationMeta, today: datetime.date) -> bool:
    return due_date(meta) < today


def variations_for(project: Project, site: Site, lang: str) -> list[SourcePage]:
    """The variations that apply to an authority's handbook: its region's first, then its own (none on the
    main site)."""
    authority = site.authority
    if authority is None:
        return []
    found = [p for p in project.pages if p.kind == "variation" and p.lang == lang
             and (p.region == authority.region or p.authority == authority.id)]
    return sorted(found, key=lambda p: (p.authority is not None, p.file))


def compose(project: Project, site: Site, lang: str) -> list[Chapter]:
    """The chapters of one site's handbook in one language, in order, numbered (composed once per build: every
    page of the handbook asks for it)."""
    key = ("handbook", site.id, lang)
    if key not in project.memo:
        project.memo[key] = _compose(project, site, lang)
    return project.memo[key]


def _compose(project: Project, site: Site, lang: str) -> list[Chapter]:
    core = {p.id: p for p in project.pages if p.kind == "chapter" and p.lang == lang}
    pieces = {chapter_id: list(_sections_of(project, core[chapter_id])) for chapter_id in project.handbook.chapters}
    changed_by: dict[str, list[SourcePage]] = defaultdict(list)
    added: dict[str | None, list[SourcePage]] = defaultdict(list)
    for variation in variations_for(project, site, lang):
        meta: VariationMeta = variation.meta
        if meta.action == "add-chapter":
            added[meta.after].append(variation)
            continue
        target = pieces[meta.chapter]
        piece = Piece(variation, variation.body, variation.body_line, anchor(meta.title), meta.title)
        position = next((i for i, p in enumerate(target) if p.anchor == meta.section), None)
        if meta.action == "replace-section":
            target[position] = piece
        else:
            target.insert(len(target) if position is None else position + 1, piece)
        changed_by[meta.chapter].append(variation)

    chapters: list[Chapter] = []

    def add_local_chapters(after: str | None, number: int) -> None:
        for letter, variation in zip(ascii_uppercase, added.get(after, []), strict=False):
            chapters.append(Chapter(variation.id, f"{number}{letter}", variation,
                                    tuple(split_sections(variation)), ()))

    for number, chapter_id in enumerate(project.handbook.chapters, start=1):
        chapters.append(Chapter(chapter_id, str(number), core[chapter_id], tuple(pieces[chapter_id]),
                                tuple(changed_by[chapter_id])))
        add_local_chapters(chapter_id, number)
    add_local_chapters(None, len(project.handbook.chapters))
    return chapters


def _sections_of(project: Project, chapter: SourcePage) -> tuple[Piece, ...]:
    """A core chapter's pieces, split once per build (every authority's handbook starts from them)."""
    key = ("sections", chapter.file)
    if key not in project.memo:
        project.memo[key] = tuple(split_sections(chapter))
    return project.memo[key]


def handbook_pages(project: Project, site: Site) -> list[Page]:
    """An authority's handbook as pages of its site: contents, the chapters, amendments, the print view."""
    handbook = project.handbook
    folder = {lang: handbook.folder.get(lang) for lang in project.languages}
    composed = {lang: compose(project, site, lang) for lang in project.languages}

    def generated(page_id: str, slug: dict[str, str], title) -> dict[str, SourcePage]:
        return {lang: SourcePage("data/handbook.yml", lang, "handbook", None, slug[lang],
                                 FrontMatter(id=page_id, title=title.get(lang)), "", 1, {})
                for lang in project.languages}

    languages = project.languages
    pages = [Page(site, CONTENTS, generated(CONTENTS, dict.fromkeys(languages, "index"), handbook.contents.title),
                  folder, "contents")]
    first = composed[languages[0]]
    for index, chapter in enumerate(first):
        pages.append(Page(site, chapter.id, {lang: composed[lang][index].source for lang in languages},
                          folder, "chapter"))
    for page_id, spec, role in ((AMENDMENTS, handbook.amendments, "amendments"), (PRINT, handbook.print, "print")):
        slugs = {lang: spec.slug.get(lang) for lang in languages}
        pages.append(Page(site, page_id, generated(page_id, slugs, spec.title), folder, role))
    return pages


def check_handbook(project: Project) -> list[Problem]:
    """Chapters listed and present in every language; variations that pair up and point at what exists."""
    found: list[Problem] = []
    handbook_file = project.data["handbook"][1]
    languages = project.languages
    chapters = [p for p in project.pages if p.kind == "chapter"]
    variations = [p for p in project.pages if p.kind == "variation"]
    by_lang = {lang: {p.id: p for p in chapters if p.lang == lang} for lang in languages}
    release_ids = {r.id for r in project.handbook.releases}
    region_ids = {r.id for r in project.regions}
    authority_ids = {a.id for a in project.authorities}
    site_page_ids = set(project.navigation.main if project.handbook.published_on == "main"
                        else project.navigation.authority) | {CONTENTS, AMENDMENTS, PRINT}

    for index, chapter_id in enumerate(project.handbook.chapters):
        for lang in languages:
            if chapter_id not in by_lang[lang]:
                found.append(Problem(handbook_file.file, f"No chapter in content/{lang}/handbook/ has the id "
                                     f"'{chapter_id}'.", handbook_file.line_of(("chapters", index)),
                                     f"chapters[{index + 1}]", f"Add content/{lang}/handbook/<slug>.md with "
                                     f"'id: {chapter_id}', or remove it from the list."))
    for page in chapters:
        if page.id not in project.handbook.chapters:
            found.append(Problem(page.file, "This chapter is not in the handbook's list of chapters.",
                                 page.field_line("id"), "id",
                                 f"Add '- {page.id}' under 'chapters:' in data/handbook.yml."))

    for page in chapters + variations:
        for position, change in enumerate(page.meta.changes):
            if change.release not in release_ids:
                found.append(Problem(page.file, f"The release '{change.release}' is not in data/handbook.yml.",
                                     page.field_line("changes"), f"changes[{position + 1}].release",
                                     "Use the id of a release listed under 'releases:' in data/handbook.yml, or "
                                     "add the new release there first."))
        if page.id in site_page_ids:
            found.append(Problem(page.file, f"The id '{page.id}' is already the id of a page of the site the "
                                 "handbook is in.", page.field_line("id"), "id", "Give the chapter another id."))

    pairs: dict[tuple, dict[str, SourcePage]] = defaultdict(dict)
    for page in variations:
        key = (page.region, page.authority, page.id)
        if page.lang in pairs[key]:
            found.append(Problem(page.file, f"The id '{page.id}' is also used by {pairs[key][page.lang].file}.",
                                 page.field_line("id"), "id", "Give each variation its own id; a variation and its "
                                 "translation share one."))
        pairs[key][page.lang] = page
        if page.region and page.region not in region_ids:
            found.append(Problem(page.file, f"'{page.region}' is not a region in data/regions.yml.",
                                 fix="Put the file in content/<lang>/handbook/regions/<region id>/, using one of: "
                                     + ", ".join(sorted(region_ids)) + "."))
        if page.authority and page.authority not in authority_ids:
            found.append(Problem(page.file, f"'{page.authority}' is not an authority id in data/authorities.yml.",
                                 fix="Put the file in content/<lang>/handbook/authorities/<authority id>/."))
        found.extend(_check_target(project, page, by_lang[page.lang]))

    for (region, authority, page_id), versions in pairs.items():
        have = next(iter(versions.values()))
        folder = f"regions/{region}" if region else f"authorities/{authority}"
        for lang in languages:
            if lang not in versions:
                found.append(Problem(have.file, f"This variation has no {language_name(lang)} version.",
                                     fix=f"Add content/{lang}/handbook/{folder}/<slug>.md with 'id: {page_id}'."))
        found.extend(_check_pair(project, versions, by_lang))
    for lang in languages:
        reserved = {"index", project.handbook.amendments.slug.get(lang), project.handbook.print.slug.get(lang)}
        core_slugs = {p.slug for p in by_lang[lang].values()}
        for page in chapters + variations:
            if page.lang != lang or (page.kind == "variation" and page.meta.action != "add-chapter"):
                continue
            taken = reserved | (core_slugs if page.kind == "variation" else set())
            if page.slug in taken:
                found.append(Problem(page.file, f"The file name '{page.slug}.md' is already the address of another "
                                     "page of the handbook.", fix="Rename the file."))
    return found


def _check_target(project: Project, page: SourcePage, core: dict[str, SourcePage]) -> list[Problem]:
    """A variation names a chapter and section that exist in its own language."""
    meta: VariationMeta = page.meta
    chapter_id = meta.after if meta.action == "add-chapter" else meta.chapter
    field = "after" if meta.action == "add-chapter" else "chapter"
    if chapter_id is None:
        return []
    if chapter_id not in project.handbook.chapters or chapter_id not in core:
        return [Problem(page.file, f"There is no chapter with the id '{chapter_id}'.", page.field_line(field), field,
                        "Use the id of a chapter listed under 'chapters:' in data/handbook.yml.")]
    if meta.section:
        anchors = [p.anchor for p in split_sections(core[chapter_id]) if p.anchor]
        if meta.section not in anchors:
            return [Problem(page.file, f"The chapter '{chapter_id}' ({core[chapter_id].file}) has no section "
                            f"'{meta.section}'.", page.field_line("section"), "section",
                            "Use the anchor of one of its sections: " + ", ".join(anchors) + ".")]
    return []


def _check_pair(project: Project, versions: dict[str, SourcePage], by_lang: dict) -> list[Problem]:
    """A variation's translations do the same thing to the same place."""
    found = []
    first_lang, first = next(iter(versions.items()))
    for lang, page in versions.items():
        if lang == first_lang:
            continue
        for field in ("action", "chapter", "after"):
            if getattr(page.meta, field) != getattr(first.meta, field):
                found.append(Problem(page.file, f"'{field}' is '{getattr(page.meta, field)}' here but "
                                     f"'{getattr(first.meta, field)}' in {first.file}.", page.field_line(field), field,
                                     "A variation and its translation must change the same place."))
        chapter_id = page.meta.chapter
        if page.meta.section and chapter_id in by_lang[lang] and chapter_id in by_lang[first_lang]:
            positions = [_section_index(by_lang[code][chapter_id], v.meta.section)
                         for code, v in ((first_lang, first), (lang, page))]
            if None not in positions and positions[0] != positions[1]:
                found.append(Problem(page.file, f"The section '{page.meta.section}' is not the same section as "
                                     f"'{first.meta.section}' in {first.file}.", page.field_line("section"),
                                     "section", "Name the section in the same place of the chapter in each "
                                     "language."))
    return found


def _section_index(chapter: SourcePage, section: str) -> int | None:
    anchors = [p.anchor for p in split_sections(chapter) if p.anchor]
    return anchors.index(section) if section in anchors else None


def handbook_texts_digest(project: Project, lang: str) -> str:
    """The texts of every handbook chapter and variation in a language: what each handbook page is composed
    from (once per loaded project)."""
    key = ("handbook-texts", lang)
    if key not in project.memo:
        digest = hashlib.blake2b(digest_size=20)
        for source in project.pages:
            if source.lang == lang and source.kind in ("chapter", "variation"):
                digest.update(source.file.encode() + b"\0" + source.body.encode() + b"\0")
        project.memo[key] = digest.hexdigest()
    return project.memo[key]
