"""Reads the hand-written Markdown pages in content/<lang>/ and their front matter.

Layout, for each language:
    content/<lang>/main/<slug>.md                  a page of the main site (the national site)
    content/<lang>/authority/<slug>.md             a page every local site has (filled with its data)
    content/<lang>/authorities/<id>/<slug>.md      one authority's own version of a shared page
    content/<lang>/handbook/<slug>.md              a chapter of the handbook's national core
    content/<lang>/handbook/regions/<id>/<slug>.md       a region's variation of the handbook
    content/<lang>/handbook/authorities/<id>/<slug>.md   an authority's variation of the handbook
    content/<lang>/stories/<site>/<slug>.md        a story or news item of the main site ('main') or an authority's
The file name is the page's slug in that language (index.md is the home page); the front matter's `id`
pairs a page with its translation.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from generator.memo import BoundedStore
from generator.model.errors import ContributorError, Problem
from generator.model.schema import AsOf, Id, NonEmpty, Strict, WholeNumber
from generator.model.source_text import read_source
from generator.model.validation import SLUG_PATTERN, validate_document
from generator.model.yaml_source import parse_yaml, still_used

HOME_SLUG = "index"
MAIN_SITE = "main"  # the folder of the main site's stories (content/<lang>/stories/main/)
# The version of a page a translation was made from: 8 letters a-p from its text's fingerprint (letters only,
# so YAML never reads it as a number).
TRANSLATES = Annotated[str, StringConstraints(pattern=r"^[a-p]{8}$")]


class FrontMatter(Strict):
    id: Id
    title: NonEmpty
    description: NonEmpty | None = None
    reviewed: datetime.date | None = None
    tags: list[str] = Field(default_factory=list)
    # On a translation: the version of the default-language page it translates (see checks/translation_status).
    translates: TRANSLATES | None = None
    # The site's list of stories or of events is this page: stories are published in its folder, and so are the
    # events' calendar files.
    lists: Literal["stories", "events"] | None = None
    # Parts of the theme's frame a page leaves out (Material's own front matter): a landing page hides the menu
    # and the table of contents.
    hide: list[Literal["navigation", "toc"]] = Field(default_factory=list)


class ChangeNote(Strict):
    release: NonEmpty  # a release id from data/handbook.yml
    note: NonEmpty


class ReviewedMeta(FrontMatter):
    """Handbook material: someone owns it, and it is reviewed on a schedule."""

    owner: NonEmpty
    reviewed: datetime.date
    review_months: WholeNumber = Field(ge=1, le=60)
    changes: list[ChangeNote] = Field(min_length=1)


class ChapterMeta(ReviewedMeta):
    pass


Anchor = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class VariationMeta(ReviewedMeta):
    """A region's or an authority's change to its handbook: a chapter of its own, a section added or replaced."""

    action: Literal["add-chapter", "add-section", "replace-section"]
    chapter: Id | None = None  # the core chapter changed (add-section, replace-section)
    section: Anchor | None = None  # replace-section: the section replaced; add-section: the one it follows
    after: Id | None = None  # add-chapter: the chapter it follows

    @model_validator(mode="after")
    def _fields_fit_the_action(self) -> VariationMeta:
        if self.action == "add-chapter":
            if self.chapter or self.section:
                raise ValueError("A new chapter takes 'after' (the chapter it follows), not 'chapter' or 'section'. "
                                 "How to fix: remove 'chapter:' and 'section:'.")
        else:
            if not self.chapter:
                raise ValueError(f"'{self.action}' needs 'chapter': the id of the chapter it changes. How to fix: "
                                 "add e.g. 'chapter: supervision-and-support'.")
            if self.after:
                raise ValueError("'after' is only for a new chapter. How to fix: for a section, use 'section:' "
                                 "(the section it follows).")
            if self.action == "replace-section" and not self.section:
                raise ValueError("'replace-section' needs 'section': the anchor of the section it replaces. How to "
                                 "fix: add e.g. 'section: who-does-what'.")
        return self


class StoryMeta(FrontMatter):
    """A story or a piece of news, written in our own words from a published source."""

    description: NonEmpty  # one or two sentences: shown in lists and feeds
    kind: Literal["story", "news"]
    # When it happened or was published, to the precision the source gives: a day, a month or a year.
    date: AsOf
    # When it was posted here (feeds date entries by it); needed when `date` is only a month or a year.
    posted: datetime.date | None = None
    source: Id  # the published source it is written from (data/sources.yml)

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, value):
        # YAML reads 2021-07-15 as a date and 2022 as a number: keep the text the contributor wrote.
        return value.isoformat() if isinstance(value, datetime.date) else str(value) if isinstance(value, int) \
            else value

    @model_validator(mode="after")
    def _dated(self) -> StoryMeta:
        if self.posted is None and len(self.date) < len("2021-07-15"):
            raise ValueError(f"'date: {self.date}' is not a full day, so say when the story was posted here. How to "
                             "fix: add 'posted:' with the day it was added, e.g. 'posted: 2026-12-05'.")
        if self.posted is not None and self.posted.isoformat()[:len(self.date)] < self.date:
            raise ValueError(f"'posted: {self.posted}' is before the story's date ({self.date}). How to fix: "
                             "correct 'posted' or 'date'.")
        return self

    @property
    def entry_date(self) -> datetime.date:
        """The day a feed dates the story by: when it was posted, or its date."""
        return self.posted or datetime.date.fromisoformat(self.date)


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file, parsed but not yet rendered."""

    file: str  # relative to the project root
    lang: str
    kind: str  # "main", "authority", "chapter" (handbook core), "variation" (handbook variation) or "story"
    authority: str | None  # set for an authority's own version of a shared page, handbook variation or story
    slug: str
    meta: FrontMatter
    body: str
    body_line: int  # the line of the file where the body starts, for error messages
    meta_lines: dict[str, int]  # front matter field -> its line
    region: str | None = None  # set for a region's handbook variation

    def field_line(self, name: str) -> int:
        return self.meta_lines.get(name, 1)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def is_home(self) -> bool:
        return self.slug == HOME_SLUG


def load_pages(root: Path, languages: list[str]) -> list[SourcePage]:
    """Every page under content/, for the given languages. Raises ContributorError listing every problem."""
    pages: list[SourcePage] = []
    problems: list[Problem] = []
    for lang in languages:
        base = root / "content" / lang
        for path in sorted(base.rglob("*.md")):
            try:
                pages.append(_load_page(root, base, path, lang))
            except ContributorError as error:
                problems.extend(error.problems)
    if problems:
        raise ContributorError(problems)
    return pages


# Front matter read and validated in this process, by its text: a build server reads the same again build after
# build (the validated models are not changed once made).
_front_matters = BoundedStore(16 * 2**20, cost=lambda key, found: len(key[0]))


def _front_matter(text: str, file: str, schema: type[FrontMatter]) -> tuple[FrontMatter, dict[str, int]]:
    """The page's front matter, validated, and the line of each of its fields."""
    key = (text, file, schema)
    found = _front_matters.get(key)
    if found is None:
        doc = parse_yaml("\n" + text, file)  # line numbers are offset by the opening '---'
        meta = validate_document(doc, schema, {})
        found = (meta, {str(path[0]): line for path, line in doc.lines.items() if len(path) == 1})
        _front_matters.put(key, found)
    else:
        still_used("\n" + text, file)
    return found


def _load_page(root: Path, base: Path, path: Path, lang: str) -> SourcePage:
    file = path.relative_to(root).as_posix()  # found under root: no need to resolve it
    parts = path.relative_to(base).parts
    authority = region = None
    schema: type[FrontMatter] = FrontMatter
    if len(parts) == 2 and parts[0] in ("main", "authority"):
        kind = parts[0]
    elif len(parts) == 3 and parts[0] == "authorities":
        kind, authority = "authority", parts[1]
    elif len(parts) == 2 and parts[0] == "handbook":
        kind, schema = "chapter", ChapterMeta
    elif len(parts) == 4 and parts[0] == "handbook" and parts[1] in ("regions", "authorities"):
        kind, schema = "variation", VariationMeta
        region, authority = (parts[2], None) if parts[1] == "regions" else (None, parts[2])
    elif len(parts) == 3 and parts[0] == "stories":
        kind, schema = "story", StoryMeta
        authority = None if parts[1] == MAIN_SITE else parts[1]
    else:
        raise ContributorError([Problem(
            file, "This page is not in a folder the generator knows.",
            fix=f"Move it to content/{lang}/main/, content/{lang}/authority/, "
                f"content/{lang}/authorities/<authority id>/, content/{lang}/stories/<'main' or authority id>/, "
                f"content/{lang}/handbook/, "
                f"content/{lang}/handbook/regions/<region id>/ or content/{lang}/handbook/authorities/<authority id>/.",
        )])
    slug = path.stem
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise ContributorError([Problem(
            file, f"The file name '{path.name}' cannot be used as a web address.",
            fix="Rename it using lowercase letters a-z, digits and hyphens only, e.g. 'pwy-all-faethu.md'.",
        )])
    text = read_source(path, file)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContributorError([Problem(
            file, "The page must start with front matter: a line '---', then 'id:' and 'title:', then '---'.",
            line=1, fix="Copy the first lines of another page in the same folder and change them.",
        )])
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ContributorError([Problem(
            file, "The front matter is never closed.", line=1, fix="Add a line '---' after the 'title:' line.",
        )]) from None
    meta, meta_lines = _front_matter("\n".join(lines[1:end]), file, schema)
    return SourcePage(file, lang, kind, authority, slug, meta, "\n".join(lines[end + 1:]), end + 2, meta_lines,
                      region)
