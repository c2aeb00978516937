"""Render: the model -> one MkDocs project per site and language (docs/*.md and mkdocs.yml).

Each generated mkdocs.yml INHERITs the repository's mkdocs.yml and adds only what differs per site and
language. Everything a theme template needs about a page's translations (the language switch target,
hreflang alternates) is computed here, from the model, and written into the page's front matter under `fw`.
The renderer does not know how or where projects are built.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import memo
from generator.memo import BoundedStore
from generator.model.content import SourcePage
from generator.model.errors import ContributorError, ProblemCollector
from generator.model.handbook import handbook_texts_digest
from generator.model.project import Page, Project, Site
from generator.model.tenant import folder_name, repository
from generator.paths import beside, project_folder
from generator.render import i18n, urls
from generator.render.feed_files import feed_files
from generator.render.html.landing import contact_page, landing_data
from generator.render.html.stories import story_body
from generator.render.names import kept_names
from generator.render.templating import RenderedPage, render_page, site_name


@dataclass(frozen=True)
class RenderedProject:
    site: Site
    lang: str
    files: dict[str, str]  # path inside the project folder -> text
    sources: dict[str, SourcePage]  # generated doc file name -> the page it was rendered from
    pages: dict[bytes, RenderedPage] = field(default_factory=dict)  # by render key (digest), when known

    @property
    def name(self) -> str:
        return f"{self.lang}/{self.site.id}"


def render_project_files(project: Project, only: Collection[tuple[str, str]] | None = None,
                         today: datetime.date | None = None) -> list[RenderedProject]:
    """Render every site in every language (or only the (site id, language) pairs given) in memory.

    Raises ContributorError listing every problem."""
    units = [(site.id, lang) for site in project.sites for lang in project.languages
             if only is None or (site.id, lang) in only]
    return list(render_projects(project, units, today=today))


def render_projects(project: Project, units: Iterable[tuple[str, str]], absolute_links: bool = False,
                    model: str | None = None, keep: bool = False, today: datetime.date | None = None
                    ) -> Iterator[RenderedProject]:
    """Render the (site id, language) pairs in the order given, yielding each project as soon as it is
    rendered (so it can be built while the next is rendered).

    today: the build's date (which events are still to come, which handbook chapters are overdue); it must be
    part of the model digest, since the pages depend on it.

    model: the model digest (`build.keys.model_digest`), when known: a page rendered before from the same
    model and text is not rendered again. The pages a project's files were last written from are kept beside
    them (`write_project`); keep: also in this process's memory (a build server's).
    A project with a mistake is not yielded; once every other has been, ContributorError lists every problem.
    """
    problems = ProblemCollector()
    today = today or datetime.date.today()
    for site_id, lang in units:
        try:
            rendered = _render_site(project, project.site(site_id), lang, absolute_links, model, keep, today)
        except ContributorError as error:
            problems.extend(error.problems)
            continue
        yield rendered
    # One faulty shared page fails for every authority: report each distinct problem once.
    problems.problems = list(dict.fromkeys(problems.problems))
    problems.raise_if_any()


def write_project(project: Project, item: RenderedProject) -> Path:
    """Write a project under .build/projects/<lang>/<site>/, touching only files whose text changed.

    Returns its mkdocs.yml. Files no longer rendered are removed, so a deleted page disappears.
    """
    folder = _project_folder(project, item.site, item.lang)
    existing = folder.exists()  # on a first build there is nothing to compare with or remove
    if existing:
        wanted = {folder / name for name in item.files}
        for path in folder.rglob("*"):
            if path.is_file() and path not in wanted:
                path.unlink()
    made: set[Path] = set()
    for name, text in item.files.items():
        path = folder / name
        if existing and path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
    if item.pages:
        memo.write(_pages_file(folder), item.pages)
    return folder / "mkdocs.yml"


def _project_folder(project: Project, site: Site, lang: str) -> Path:
    return project_folder(project.root, f"{lang}/{site.id}")


def _pages_file(folder: Path) -> Path:
    """The pages a project's files were written from, by render key (see `memo`)."""
    return beside(folder, ".pages")


def _render_site(project: Project, site: Site, lang: str, absolute_links: bool, model: str | None, keep: bool,
                 today: datetime.date) -> RenderedProject:
    problems = ProblemCollector()
    files: dict[str, str] = {}
    sources: dict[str, SourcePage] = {}
    nav: list = []
    folders: dict[str, list] = {}  # a folder's pages form one section of the menu, titled by its first page
    written = memo.read(_pages_file(_project_folder(project, site, lang))) if model else None
    pages = _Pages(model, written if isinstance(written, dict) else {}, keep, today)
    feeds = feed_files(project, site, lang, today)
    sections = {section.first: section.title.get(lang)
                for section in project.navigation.main_sections} if site.kind == "main" else {}
    top = nav  # where the next menu entry goes: the menu, or the group it is in
    for page in project.site_pages(site):
        if page.id in sections:
            nav.append({sections[page.id]: (top := [])})
        try:
            rendered = pages.render(project, page, lang)
        except ContributorError as error:
            problems.extend(error.problems)
            continue
        filename = f"{page.doc_name(lang)}.md"
        meta = _page_meta(project, page, lang, rendered, absolute_links, feeds.links)
        files[f"docs/{filename}"] = "---\n" + _dump(meta) + "---\n\n" + rendered.body
        sources[filename] = page.source(lang)
        folder = page.folder.get(lang)
        if page.role == "story":
            continue  # stories are reached from their list, not the menu
        if folder is None:
            top.append({rendered.title: filename})
        elif folder not in folders:
            folders[folder] = [filename]
            top.append({rendered.title: folders[folder]})
        else:
            folders[folder].append({rendered.title: filename})
    problems.raise_if_any()
    files.update(feeds.files)
    files["mkdocs.yml"] = _dump(_config(project, site, lang, nav))
    return RenderedProject(site, lang, files, sources, pages.made)


# Pages rendered in this process (a build server's), by render key.
_rendered = BoundedStore(32 * 2**20, cost=lambda key, page: len(page.body))


class _Pages:
    """A project's pages rendered, or found rendered before, by all they are rendered from (see
    `build.keys`): the model digest, the page and its language, and its text (a handbook page's: every
    chapter and variation of its language). After an edit, only the pages it changed are rendered again."""

    def __init__(self, model: str | None, written: dict[bytes, RenderedPage], keep: bool, today: datetime.date):
        self.model, self.written, self.keep = model, written, keep  # written: the project's files' pages
        self.today = today  # in the model digest
        self.made: dict[bytes, RenderedPage] = {}

    def render(self, project: Project, page: Page, lang: str) -> RenderedPage:
        if self.model is None:
            return _render_page_again(project, page, lang, self.today)
        key = memo.digest((self.model, page.site.id, page.id, page.role, lang, _text_of(project, page, lang)))
        rendered = (_rendered.get((key,)) if self.keep else None) or self.written.get(key)
        if rendered is None:
            rendered = _render_page_again(project, page, lang, self.today)
        if self.keep:
            _rendered.put((key,), rendered)
        self.made[key] = rendered
        return rendered


def _text_of(project: Project, page: Page, lang: str) -> str:
    """The text a page is rendered from besides the model."""
    if page.role in ("page", "story"):
        source = page.source(lang)
        return f"{source.file}\0{source.body}"
    return handbook_texts_digest(project, lang)


def _render_page_again(project: Project, page: Page, lang: str, today: datetime.date) -> RenderedPage:
    if page.role == "page":
        return render_page(project, page, lang, today)
    if page.role == "story":
        rendered = render_page(project, page, lang, today)
        return replace(rendered, body=story_body(project, page, lang, rendered.body))
    from generator.render.html.handbook import render_handbook_page  # only local sites have a handbook

    return render_handbook_page(project, page, lang, today)


def _page_meta(project: Project, page: Page, lang: str, rendered: RenderedPage, absolute_links: bool,
               feeds: list[tuple[Page, str, str, str]]) -> dict:
    source = page.source(lang)
    here = urls.output_path(page, lang)
    others = [code for code in project.languages if code != lang]
    fw: dict = {
        "page_id": page.id,
        "alternates": [
            {
                "lang": code,
                "name": project.language(code).name,
                "href": urls.absolute_url(project, page, code) if absolute_links
                else urls.relative_link(here, urls.output_path(page, code)),
            }
            for code in others
        ],
        "hreflang": _hreflang(project, page),
    }
    if page.site.kind != "main":
        main_home = project.site_pages(project.site("main"))[0]
        fw["main_home"] = (urls.absolute_url(project, main_home, lang) if absolute_links
                           else urls.relative_link(here, urls.output_path(main_home, lang)))
    if "landing" in project.data:
        fw.update(_frame_links(project, page, lang, here, absolute_links))
    if project.config.repository:
        # "Edit this page" opens the page's own source file (a handbook chapter's core file; data/handbook.yml
        # for the handbook's generated pages), not the generated project's copy. Set on the page by the plugin.
        fw["edit_url"] = project.config.repository.edit_url(folder_name(project.root) + source.file)
    # The site's feeds, announced by its home page and the page that lists them (feed readers look there).
    home = project.site_pages(page.site)[0]
    announced = [(title, urls.relative_link(here, urls.output_path(listing, lang)) + name, kind)
                 for listing, name, title, kind in feeds if page.id in (listing.id, home.id)]
    if announced:
        fw["feeds"] = [{"title": title, "href": href, "type": kind} for title, href, kind in announced]
    if source.meta.reviewed:
        fw["reviewed"] = i18n.date(source.meta.reviewed, project.language(lang).locale)
        fw["reviewed_iso"] = source.meta.reviewed.isoformat()
    meta = {"title": rendered.title, "fw": fw, **rendered.meta}
    if source.meta.hide:
        meta["hide"] = list(source.meta.hide)
    if rendered.description:
        meta["description"] = rendered.description
    return meta


def _frame_links(project: Project, page: Page, lang: str, here: str, absolute_links: bool) -> dict:
    """The header's "Get in touch" action (the page's council, else the main site's contact page) and the
    footer's links (data/landing.yml, footer: main site pages), for the theme's header and footer."""

    def href(target: Page) -> str:
        return (urls.absolute_url(project, target, lang) if absolute_links and target.site != page.site
                else urls.relative_link(here, urls.output_path(target, lang)))

    links: dict = {}
    contact = contact_page(project, page)
    if contact is not None:
        links["contact"] = href(contact)
    main = project.site_pages_by_id(project.site("main"))
    links["footer"] = [{"title": main[page_id].source(lang).meta.title, "href": href(main[page_id])}
                       for page_id in landing_data(project).footer if page_id in main and main[page_id] != contact]
    return links


def _hreflang(project: Project, page: Page) -> list[dict]:
    if len(project.languages) < 2:
        return []
    links = [{"lang": code, "href": urls.absolute_url(project, page, code)} for code in project.languages]
    links.append({"lang": "x-default", "href": urls.absolute_url(project, page, project.default_language)})
    return links


def _config(project: Project, site: Site, lang: str, nav: list) -> dict:
    language = project.language(lang)
    theme = project.config.theme
    home = project.site_pages(site)[0]
    others = [code for code in project.languages if code != lang]
    here = _project_folder(project, site, lang)
    shared = repository(project.root)  # the theme and base configuration every tenant uses
    config: dict = {
        "INHERIT": os.path.relpath(shared / "mkdocs.yml", here),
        "site_name": site_name(project, site.id, lang),
        "site_url": urls.site_base_url(project, site, lang),
        "site_description": project.config.description.get(lang),
        "docs_dir": "docs",
        # Paths relative to the project folder, so generated projects (and their cached builds) do not
        # depend on where the repository is.
        "theme": {"language": lang, "custom_dir": os.path.relpath(shared / "site_src" / "overrides", here)},
        "plugins": {"fostering_sites": {"root": os.path.relpath(project.root, here), "lang": lang,
                                    "locale": language.locale, "theme_assets": _theme_assets(site, lang),
                                    "names": kept_names(project), "languages": list(project.languages)}},
        "extra": {
            # A true value makes the theme's header include partials/alternate.html, our language switch.
            "alternate": bool(others),
            "fw": {
                "site_kind": site.kind,
                "brand": project.config.brand.get(lang),
                "colours": theme.colours.model_dump() if theme.colours else None,
                "logo_text": theme.logo_text.get(lang) if theme.logo_text else None,
                # Where a page without its own alternates (the 404 page) sends the language switch.
                "alternate_homes": [
                    {"lang": code, "name": project.language(code).name,
                     "href": urls.absolute_url(project, home, code)} for code in others
                ],

                # Where the 404 page's "Get in touch" goes (pages have their own: page.meta.fw.contact).
                "contact_home": _contact_home(project, lang),
            },
        },
        "nav": nav,
    }
    stories = project.story_pages(site)
    if stories:  # reached from their list, not the menu
        config["not_in_nav"] = "\n".join(f"/{story.doc_name(lang)}.md" for story in stories)
    return config


def _contact_home(project: Project, lang: str) -> str | None:
    if "landing" not in project.data:
        return None
    main = project.site("main")
    target = contact_page(project, project.site_pages(main)[0])
    return urls.absolute_url(project, target, lang) if target else None


def _theme_assets(site: Site, lang: str) -> str:
    """Where a site finds the theme's static files: a local site published under its language's address
    uses the main site's copy at the root of the language tree; the main site, and a site with an
    address of its own, carry their own ('')."""
    if site.kind == "main" or (site.authority and site.authority.base_url):
        return ""
    return "../" * urls.site_dir(site, lang).count("/")


def _dump(data: dict) -> str:
    # JSON, which YAML reads as it is (front matter and mkdocs.yml): every string quoted, so nothing is
    # misread as a boolean or a date, and far quicker to write than YAML.
    return json.dumps(data, ensure_ascii=False) + "\n"
