"""The stages in order: load + validate -> render -> build -> check -> publish. Each stage is its own module.

Builds are incremental (see `cache` and `dependencies`): only the projects whose inputs changed are rendered,
only those whose rendered files changed are built again by MkDocs (the others' output is reused from
`.build/out/`), and only the pages where a check could find something new are checked (`check_scope`). The
published tree is brought up to date from the projects' outputs by hard links, and swapped into place
atomically.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import cache

# Heavy modules (pydantic, Jinja, MkDocs) are imported inside the functions that need them, so a build with
# nothing to do finishes before they would have loaded.


@dataclass
class Summary:
    """What a build did, for the command line."""

    sites: int
    languages: int
    pages: int
    built: list[str] = field(default_factory=list)  # projects built by MkDocs this time ('<lang>/<site>')
    rendered: int = 0  # projects whose pages were rendered (the others' inputs had not changed)
    reused: int = 0  # projects whose previous output was reused
    unchanged: bool = False  # nothing to do: the output was already up to date
    warnings: str = ""  # what the contributor should still see (repeated by a build with nothing to do)
    served: bool = False  # built by the build server
    # Every published file (path in the output -> the file it is a link to), for the build state.
    published: dict[str, Path] = field(default_factory=dict, repr=False)

    def to_data(self) -> dict:
        return {"sites": self.sites, "languages": self.languages, "pages": self.pages, "warnings": self.warnings}


def check(root: Path, warnings: list | None = None):
    """Validate data and content and render every page in memory, without building.

    Warnings (out-of-date translations, old figures, handbook chapters due for review) are added to `warnings`
    when given.
    """
    from .checks import check_currency
    from .checks.safety import check_raw_html
    from .loader import load_project

    project = load_project(root)
    _render(project, check_raw_html(project))
    if warnings is not None:
        warnings.extend(check_currency(project, release=False).warnings)
    return project


def build_if_changed(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
                     release: bool = False, builders=None, server: bool = False) -> Summary:
    """Build, unless nothing has changed since output was built (and output is as it was left).

    server: hand the build to the project folder's build server if one is running (see `build_server`).
    builders: the worker processes to build with (a build server's), instead of new ones.
    """
    root = root.resolve()
    print_ = cache.fingerprint(root, _options(output, absolute_links, release))
    summary = cache.up_to_date(root, output, print_)
    if summary is not None:
        return Summary(**summary, unchanged=True)
    if server and workers is None and (served := _ask_server(root, output, absolute_links, release)):
        return served
    report = Summary(0, 0, 0)
    build(root, output, absolute_links, workers, release, report=report, builders=builders)
    cache.record_published(root, output, print_, report.to_data(), report.published or None)
    return report


def _ask_server(root: Path, output: Path, absolute_links: bool, release: bool) -> Summary | None:
    from . import build_server

    answer = build_server.ask(root, {"command": "build", "output": str(output), "absolute_links": absolute_links,
                                     "release": release})
    if answer and "summary" in answer:
        return Summary(**{**answer["summary"], "served": True})
    if answer and "problems" in answer:
        from .errors import ContributorError, Problem

        raise ContributorError([Problem(**problem) for problem in answer["problems"]])
    return None  # no server, or it could not build: build here


def build(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
          release: bool = False, report: Summary | None = None, builders=None):
    """Build every site and language into output; output is replaced only if everything succeeded.

    A release build also refuses anything unconfirmed, awaiting translation, out of date or too old; a normal
    build puts the last two in the report's warnings and goes ahead. Returns the project.
    """
    from .build import Builders

    root = root.resolve()
    cache.forget_published(root, output)  # whatever happens next, output is no longer known to be current
    if builders is not None:
        return _build(root, output, absolute_links, release, report, builders)
    # Loaded before the workers are forked, so they share what MkDocs needs too (Jinja, Markdown, YAML) instead
    # of importing it while this process imports it: on two cores, three processes importing at once slowed
    # the build of one edited page by about a quarter.
    from . import checks, dependencies, loader, publish, render  # noqa: F401

    with Builders(workers, warm_up=previous_config(root)) as builders:
        return _build(root, output, absolute_links, release, report, builders)


def _build(root: Path, output: Path, absolute_links: bool, release: bool, report: Summary | None, builders):
    from . import check_scope, dependencies
    from .build import Job
    from .checks import check_currency, check_output
    from .checks.facts import SiteReading, TreeFacts, read_site
    from .checks.release import check_release
    from .checks.safety import check_raw_html
    from .errors import ContributorError, warnings_report
    from .loader import load_project
    from .publish import NextStaging, link_files, site_files, staging_dir, swap_into_place, sync_tree, write_sitemaps
    from .render import render_projects, write_project
    from .tenant import folder_name
    from .urls import site_output_dir

    project = load_project(root)
    currency = None
    found_first: list | None = None

    def problems_first() -> list:
        """What is wrong with the data and content whatever is rendered (worked out while the workers build:
        nothing is stored or published if there is any)."""
        nonlocal currency, found_first
        if found_first is None:
            currency = check_currency(project, release)
            found_first = (check_release(project) if release else []) + currency.errors + check_raw_html(project)
        return found_first

    shared = cache.shared_digest(root)
    model = dependencies.model_digest(project, shared, _render_options(absolute_links))
    units = {f"{lang}/{site.id}": (site, lang) for site in project.sites for lang in project.languages}
    render_keys = {name: dependencies.render_key(project, model, site, lang) for name, (site, lang) in units.items()}
    # A project whose inputs are unchanged since its output was built is not even rendered. The others are
    # rendered biggest first, so the last builds to finish are small ones; but the smallest goes first, so a
    # worker starts as soon as possible (rendering the biggest kept both waiting: a quarter of a second at x10).
    entries = {name: cache.load_entry(root, name, render_key=render_keys[name]) for name in units}
    stale = sorted(((site.id, lang) for name, (site, lang) in units.items() if entries[name] is None),
                   key=lambda unit: -len(project.site_pages(project.site(unit[0]))))
    stale = stale[-1:] + stale[:-1]
    keys: dict[str, str] = {}
    jobs: list[Job] = []
    rendered = 0

    def jobs_to_build():
        """Render the stale projects one at a time, handing over a job for each whose files changed, so the
        workers build while the rest are rendered. Every problem is reported together at the end."""
        nonlocal rendered
        try:
            # Rendered pages are kept in memory only where the same projects are built again (a build server).
            for item in render_projects(project, stale, absolute_links, model, keep=builders.rebuilds):
                rendered += 1
                config = write_project(project, item)
                keys[item.name] = cache.project_key(shared, item.files)
                entry = cache.load_entry(root, item.name, key=keys[item.name])
                if entry is None:
                    # The output built before, still as recorded: its unchanged pages' facts are not read again,
                    # unless other code (or theme, or packages) built it: a page's facts depend on the code.
                    previous = cache.load_entry(root, item.name)
                    # The job keeps what a report needs, not the files written (a cold build holds every job).
                    jobs.append(Job(replace(item, files={}, pages={}), config,
                                    cache.new_output_folder(root, item.name),
                                    previous if previous and previous.shared == shared else None,
                                    keys[item.name], shared))
                    yield jobs[-1]
                else:  # rendered again to the same files: the output stands
                    entries[item.name] = cache.set_render_key(entry, render_keys[item.name])
        except ContributorError as error:
            raise ContributorError(list(dict.fromkeys(problems_first() + error.problems))) from None

    staging, new_staging = staging_dir(output)
    published: dict[str, Path] = {}  # what staging holds: path in it -> the file it is a link to
    facts = TreeFacts()
    built_facts: dict[str, dict] = {}
    rebuilt: dict[str, tuple[str | None, frozenset[str]]] = {}  # for check_scope
    # With no tree published before, none becomes the next build's staging tree: one is made alongside.
    next_staging = NextStaging(output) if not output.exists() else None

    def publish(files: dict[str, Path]) -> None:
        published.update(files)

    def store(job: Job, reading: SiteReading) -> None:
        """A project built cleanly: into the cache, and its files into the tree, while the others build."""
        name = job.project.name
        entries[name] = cache.store_entry(root, name, keys[name], render_keys[name], job.site_dir, reading.facts,
                                            shared, reading.files)
        built_facts[name] = reading.facts
        rebuilt[name] = (job.previous.key if job.previous else None, reading.changed)
        built = files_of(name)
        link_files(staging, built)
        publish(built)

    def files_of(name: str) -> dict[str, Path]:
        entry, folder = entries[name], site_output_dir(*units[name])
        load = (lambda found=built_facts[name]: found) if name in built_facts else entry.facts
        facts.add(folder, [file for file in entry.files if file.endswith(".html")], load)
        return site_files(folder, entry.folder, entry.files)

    def meanwhile() -> None:
        """What needs no new build, done while the workers build. Bringing the staging tree up to date (before
        any built project's files are linked into it: `store`) goes to a worker with nothing to build, if
        there is one (an edit's build): this process removes the replaced outputs and checks the content meanwhile."""
        ready = write_sitemaps(project, root / cache.CACHE_DIR / "sitemaps")
        for name in units:
            if entries[name] is not None:
                ready.update(files_of(name))
        aside = builders.aside(sync_tree, staging, ready)
        try:
            if aside is None:
                sync_tree(staging, ready)
            cache.remove_replaced_outputs(root)
            if problems_first():
                raise ContributorError(list(dict.fromkeys(found_first)))
        finally:
            if aside is not None:
                aside.result()
        publish(ready)

    try:
        try:
            builders.build_all(root, jobs_to_build(), inspect=read_site, on_built=store, meanwhile=meanwhile)
        finally:
            for job in jobs:
                cache.remove_output_folder(job.site_dir)
        # Only the pages where a check could find something new since their site last passed are checked.
        base = dependencies.check_base(model, dependencies.reach_digest(
            (site_output_dir(*units[name]), entry.reach) for name, entry in entries.items()))
        project_keys = {name: entry.key for name, entry in entries.items()}
        if next_staging:  # by the workers, idle now, while this process checks the tree
            next_staging.make(published, builders.aside)
        scope = check_scope.pages_to_check(project, facts, base, project_keys, cache.checked(root), rebuilt)
        problems = check_output(project, staging, facts, scope, published)  # staging holds what was published
        if problems:
            raise ContributorError(problems)
        cache.record_checked(root, check_scope.records(project, base, project_keys))
    except BaseException:
        if next_staging:
            next_staging.discard()
        if new_staging:  # a kept staging tree stays for the next build, which brings it up to date
            shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, output)
    if next_staging:
        next_staging.keep()
    if report is not None:
        report.sites, report.languages = len(project.sites), len(project.languages)
        report.pages = len(project.all_pages()) * len(project.languages)
        report.built = sorted(job.project.name for job in jobs)
        report.rendered = rendered
        report.reused = len(units) - len(jobs)
        report.warnings = warnings_report(currency.warnings, folder_name(root)) if currency.warnings else ""
        report.published = published
    return project


def prepare_next_build(output: Path, published: dict[str, Path], stop=None) -> None:
    """Bring the tree kept for the next build (the one the last build replaced) up to date with what it
    published (path in output -> the file), so the next build changes there only what it changes itself.
    stop: asked now and then whether to leave off (the next build finishes the job)."""
    from .publish import staging_path, sync_tree

    staging = staging_path(output)
    if published and staging.is_dir() and not staging.is_symlink():
        sync_tree(staging, published, stop)


def _render(project, problems: list) -> list:
    """Render every page; raise with the problems found so far and any the rendering finds, all together."""
    from .errors import ContributorError
    from .render import render_project_files

    try:
        rendered = render_project_files(project)
    except ContributorError as error:
        problems = problems + error.problems
        rendered = []
    if problems:
        raise ContributorError(list(dict.fromkeys(problems)))
    return rendered


def clean(root: Path, output: Path) -> None:
    """Remove the output, the tree kept to publish the next one, and the build working folder (not the
    virtualenv)."""
    from .publish import next_staging_path, staging_path

    for path in (output, staging_path(output), next_staging_path(output), root / cache.CACHE_DIR):
        shutil.rmtree(path, ignore_errors=True)


def previous_config(root: Path) -> Path | None:
    """A generated mkdocs.yml from an earlier build, for the workers to warm up on."""
    folder = root / cache.PROJECTS_DIR
    for config in (folder.glob("*/main/mkdocs.yml") if folder.is_dir() else ()):
        return config
    return None


def _options(output: Path, absolute_links: bool, release: bool) -> dict:
    return {"output": str(output), "release": release, **_render_options(absolute_links)}


def _render_options(absolute_links: bool) -> dict:
    # Today's date is an input: it decides which handbook chapters are shown as overdue.
    return {"absolute_links": absolute_links, "today": datetime.date.today().isoformat()}
