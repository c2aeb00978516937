"""What a change touches, in plain English: the pages its files are on, where they are in the preview, and the
translation state of each (a pull request's job summary: `make pr-summary`, `generator changes`).

The changed files are those between the base branch and the working folder (`changed_files`: what a pull request
would change, commits and uncommitted edits alike). Each changed page file is mapped to the pages it is on: a
national page to one page, a shared local page to every local site that has no version of its own, a handbook
chapter or variation to every handbook that shows it. A data file cannot be mapped exactly, so it is summarised as
what it holds and the pages whose text shows it.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks.translation_status import (
    NOT_RECORDED,
    OUT_OF_DATE,
    UP_TO_DATE,
    Translation,
    awaiting_translation,
    translations,
    version,
)
from generator.model.content import SourcePage
from generator.model.errors import ContributorError
from generator.model.handbook import compose
from generator.model.project import Page, Project
from generator.model.schema import language_name
from generator.render.templating import DATA_NAMES, render_page, site_name
from generator.render.urls import output_path

# What each data file holds, as a contributor would say it; the pages that show it are found from their text.
DATA_FILES = {
    "site": "the service's name, description, languages and colours (every page), and its facts",
    "sources": "the documents figures come from: every figure's source note",
    "navigation": "the order of the menu: every page's menu",
    "regions": "the regions and which councils are in each",
    "authorities": "the councils: every local site's name, address and contact details",
    "national_data": "the national figures and their charts",
    "good_practice": "the regions' and councils' initiatives",
    "glossary": "the glossary's standard terms",
    "payments": "allowances and fees",
    "offer": "what each council offers its carers, and the National Commitment",
    "handbook": "the handbook's chapter order, releases and the titles of its contents, amendments and print pages",
    "learning_framework": "the Learning and Development Framework and the Personal Learning Record",
    "checks": "the quality gates' settings: no page changes",
}
# Names a page's template code uses to show a data file, besides those of the renderer (DATA_NAMES).
_MORE_NAMES = {"site": ("facts",), "regions": ("regions",)}
MOST_PLACES = 3  # places listed one by one; more are counted
MOST_PAGES = 8  # pages listed for a data file; more are counted


@dataclass
class Row:
    """A changed page file and the pages it is on."""

    file: str  # from the tenant's folder
    title: str = ""
    lang: str = ""
    places: list[tuple[str, str]] = field(default_factory=list)  # (site's name, the page's folder in the preview)
    translation: list[str] = field(default_factory=list)  # plain-English sentences
    note: str = ""  # instead of pages: removed, or not a page


def changed_files(repository: Path, base: str) -> list[str]:
    """The files that differ from where the current branch left `base` (committed or not; new files too), from
    the repository's root. Raises ValueError, in plain English, when git cannot say."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise ValueError(f"git {' '.join(args)} failed: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout

    try:
        fork = git("merge-base", base, "HEAD").strip()
    except ValueError as error:
        raise ValueError(f"Cannot compare with {base!r}: is it a branch of this repository? "
                         f"(fetch it first, or name another with PR_BASE=...). {error}") from None
    changed = git("diff", "--name-only", "--no-renames", fork).split("\n")
    changed += git("ls-files", "--others", "--exclude-standard").split("\n")
    return sorted({name for name in changed if name})


def summary(project: Project, changed: list[str], folder: str = "", base: str | None = None,
            preview: str | None = None) -> str:
    """The job summary, in Markdown: the pages the changed files (from the repository's root) touch, their places
    in the preview and their translation state. folder: the tenant's ('' or 'tenants/<name>/')."""
    pages, data, others = [], [], []
    for name in changed:
        inside = name[len(folder):] if name.startswith(folder) else None
        if inside is not None and inside.startswith("content/"):
            pages.append(inside)
        elif inside is not None and inside.startswith("data/"):
            data.append(inside)
        else:
            others.append(name)
    lines = ["## What this change touches", ""]
    compared = f" with `{base}`" if base else ""
    lines += [f"Compared{compared}: {_count(len(changed), 'changed file')}.", ""]
    if pages:
        lines += ["### Pages", "", "| Changed file | Page | Where (its folder in the preview) | Translation |",
                  "|---|---|---|---|"]
        for row in page_rows(project, pages):
            lines.append("| " + " | ".join(_cell(text) for text in _row_cells(project, row, folder)) + " |")
        lines.append("")
    if data:
        lines += ["### Data", ""]
        lines += [f"- {text}" for text in (data_line(project, name, folder) for name in data)]
        lines.append("")
    if others:
        lines += ["### Other files", ""]
        reasons: dict[str, list[str]] = defaultdict(list)
        for name in others:
            reasons[_other(name, folder)].append(f"`{name}`")
        lines += [f"- {reason}: {', '.join(names)}" for reason, names in reasons.items()]
        lines.append("")
    if not changed:
        lines += ["Nothing has changed.", ""]
    lines += _preview_note(project, preview)
    return "\n".join(lines).rstrip() + "\n"


def page_rows(project: Project, files: list[str]) -> list[Row]:
    """Each changed page file (from the tenant's folder) with the pages it is on and its translation state."""
    sources = {page.file: page for page in project.pages}
    shown_on = _pages_by_file(project)
    by_translation = {item.page.file: item for item in translations(project)}
    by_original: dict[str, list[Translation]] = defaultdict(list)
    for item in translations(project):
        by_original[item.original.file].append(item)
    changed = set(files)
    rows = []
    for name in files:
        source = sources.get(name)
        if source is None:
            note = "removed: no longer a page" if name.endswith(".md") else "not a page"
            rows.append(Row(name, note=note))
            continue
        row = Row(name, _title(project, source, shown_on.get(name, [])), source.lang)
        for page, lang in shown_on.get(name, []):
            row.places.append((site_name(project, page.site.id, lang), output_path(page, lang)))
        if not row.places:
            row.note = "not shown on any page"
        row.translation = _translation_state(project, source, by_translation, by_original, changed)
        rows.append(row)
    return rows


def _title(project: Project, source: SourcePage, shown: list[tuple[Page, str]]) -> str:
    """The page's title as its first page shows it (a title may use template code: `{{ authority.in_name }}`)."""
    title = source.meta.title
    page = next((page for page, lang in shown if page.role == "page" and lang == source.lang), None)
    if "{" not in title or page is None:
        return title
    try:
        return render_page(project, page, source.lang).title
    except ContributorError:  # the check step reports it
        return title


def _pages_by_file(project: Project) -> dict[str, list[tuple[Page, str]]]:
    """Every page file (from the tenant's folder) -> the pages it is on, each with its language."""
    key = ("pages by file",)
    if key not in project.memo:
        found: dict[str, list[tuple[Page, str]]] = defaultdict(list)
        for page in project.all_pages():
            for lang in project.languages:
                for name in _files_of(project, page, lang):
                    found[name].append((page, lang))
        project.memo[key] = dict(found)
    return project.memo[key]


def _files_of(project: Project, page: Page, lang: str) -> list[str]:
    """The page files a page shows: its own, or a handbook chapter's core file and the variations changing it."""
    if page.role != "chapter":
        return [page.source(lang).file]
    chapter = next(chapter for chapter in compose(project, page.site, lang) if chapter.id == page.id)
    return [chapter.source.file, *(variation.file for variation in chapter.variations)]


def _translation_state(project: Project, source: SourcePage, by_translation: dict[str, Translation],
                       by_original: dict[str, list[Translation]], changed: set[str]) -> list[str]:
    default = project.default_language
    if len(project.languages) == 1:
        return ["one language only"]
    if source.lang != default:
        item = by_translation.get(source.file)
        if item is None:
            return [f"the {language_name(default)} page it translates is missing"]
        also = " (also changed here)" if item.original.file in changed else ""
        return [f"translates `{item.original.file}`{also}: {_state(item)}"]
    sentences = []
    items = {item.page.lang: item for item in by_original.get(source.file, [])}
    for code in project.languages[1:]:
        item = items.get(code)
        if item is None:
            sentences.append(f"{language_name(code)}: **missing**")
            continue
        also = ", also changed here" if item.page.file in changed else ", not changed here"
        sentences.append(f"{language_name(code)} (`{item.page.file}`{also}): {_state(item)}")
    return sentences


def _state(item: Translation) -> str:
    state = item.state
    if state == UP_TO_DATE:
        return "up to date"
    original = language_name(item.original.lang)
    if state == OUT_OF_DATE:
        return (f"**out of date**: the {original} page has changed since it was translated; update it, then run "
                f"`make translated FILE={item.page.file}`")
    assert state == NOT_RECORDED
    return (f"**not recorded**: check it says what the {original} page says (version {version(item.original)}), "
            f"then run `make translated FILE={item.page.file}`")


def data_line(project: Project, name: str, folder: str = "") -> str:
    """A changed data file (from the tenant's folder): what it holds, the pages showing it, and its text awaiting
    translation."""
    stem = Path(name).stem
    what = DATA_FILES.get(stem)
    text = f"`{folder}{name}`: " + (what or "not a data file the generator reads")
    if what is None or stem == "checks":
        return text + "."
    names = [key for key, data in DATA_NAMES.items() if data == stem] + list(_MORE_NAMES.get(stem, ()))
    showing = _pages_using(project, names) if names else []
    if stem == "handbook":
        default = project.default_language
        showing += [("every handbook's contents, amendments and print pages",
                     [(site_name(project, page.site.id, default), output_path(page, default))
                      for page in project.all_pages() if page.role == "contents"])]
    showing = [(title, places) for title, places in showing if places]
    if showing:
        listed = "; ".join(f"{title} ({_places(places)})" for title, places in showing[:MOST_PAGES])
        more = len(showing) - MOST_PAGES
        text += ". Shown on: " + listed + (f"; and {_count(more, 'other page')}" if more > 0 else "")
    awaiting = [problem for problem in awaiting_translation(project) if problem.file == name]
    if len(project.languages) > 1:
        lines = ", ".join(str(problem.line) for problem in awaiting if problem.line)
        text += (f". Text awaiting translation in this file: {len(awaiting)}" + (f" (lines {lines})" if lines else "")
                 if awaiting else ". Every text in this file is in every language")
    return text + "."


def _pages_using(project: Project, names: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The page files (default language) whose template code uses one of names, with the places they are on."""
    pattern = re.compile(r"\{[{%][^}]*\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    shown_on = _pages_by_file(project)
    default = project.default_language
    found = []
    for source in project.pages:
        if source.lang == default and pattern.search(source.body):
            places = [(site_name(project, page.site.id, lang), output_path(page, lang))
                      for page, lang in shown_on.get(source.file, []) if lang == default]
            found.append((_title(project, source, shown_on.get(source.file, [])), places))
    return found


def _row_cells(project: Project, row: Row, folder: str) -> list[str]:
    page = f"{row.title} ({language_name(row.lang)})" if row.title else ""
    where = row.note or _places(row.places)
    return [f"`{folder}{row.file}`", page, where, "; ".join(row.translation)]


def _places(places: list[tuple[str, str]]) -> str:
    """Where a page is: one to three sites by name, more counted; each with its folder in the preview."""
    if len(places) <= MOST_PLACES:
        return ", ".join(f"{name}: `{address}`" for name, address in places)
    name, address = places[0]
    return f"{_count(len(places), 'site')}, e.g. {name}: `{address}`"


def _other(name: str, folder: str) -> str:
    if name.startswith(("site_src/", f"{folder}site_src/")) or name == "mkdocs.yml":
        return "The theme, interface strings, spelling lists or base configuration (how every page looks and what " \
               "its interface says)"
    if name.startswith("tenants/") and not (folder and name.startswith(folder)):
        return f"Another service's files ({'/'.join(name.split('/')[:2])}/, not summarised here)"
    return "Not part of any page's text (the generator, its tests, documentation or settings)"


def _preview_note(project: Project, preview: str | None) -> list[str]:
    home = f"{project.default_language}/index.html"
    if preview:
        return [f"**The preview**: [download the built sites]({preview}) (a zip file), unzip it and open `{home}`, "
                "or a folder named above and its `index.html`."]
    return [f"**The preview**: the built sites are in `site/`; open `site/{home}`, or a folder named above and its "
            "`index.html`."]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
