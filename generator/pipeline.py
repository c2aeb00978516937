"""The stages in order: load + validate -> render -> build -> check -> publish. Each stage is its own module.

Builds are incremental (see `cache`): every page is always rendered, but only the MkDocs projects whose
rendered files changed are built again; the others' output is reused from `.build/out/`. The published tree
is put together from the projects' outputs by hard links, checked, and swapped into place atomically.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass, field
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
    reused: int = 0  # projects whose previous output was reused
    unchanged: bool = False  # nothing to do: the output was already up to date
    warnings: str = ""  # what the contributor should still see (repeated by a build with nothing to do)

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
                     release: bool = False) -> Summary:
    """Build, unless nothing has changed since output was built (and output is as it was left)."""
    root = root.resolve()
    print_ = cache.fingerprint(root, _options(output, absolute_links, release))
    summary = cache.up_to_date(root, output, print_)
    if summary is not None:
        return Summary(**summary, unchanged=True)
    report = Summary(0, 0, 0)
    build(root, output, absolute_links, workers, release, report=report)
    cache.record_published(root, output, print_, report.to_data())
    return report


def build(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
          release: bool = False, report: Summary | None = None):
    """Build every site and language into output; output is replaced only if everything succeeded.

    A release build also refuses anything unconfirmed, awaiting translation, out of date or too old; a normal
    build puts the last two in the report's warnings and goes ahead. Returns the project.
    """
    from .build import Builders

    root = root.resolve()
    cache.forget_published(root, output)  # whatever happens next, output is no longer known to be current
    with Builders(workers, warm_up=_previous_config(root)) as builders:
        return _build(root, output, absolute_links, release, report, builders)


def _build(root: Path, output: Path, absolute_links: bool, release: bool, report: Summary | None, builders):
    from .build import Job
    from .checks import check_currency, check_output
    from .checks.facts import PageFacts, read_site
    from .checks.release import check_release
    from .checks.safety import check_raw_html
    from .errors import ContributorError, warnings_report
    from .loader import load_project
    from .publish import assemble, staging_dir, swap_into_place, write_sitemaps
    from .render import write_projects
    from .tenant import folder_name

    project = load_project(root)
    currency = check_currency(project, release)
    rendered = _render(project, (check_release(project) if release else []) + currency.errors
                       + check_raw_html(project), absolute_links)
    configs = write_projects(project, rendered)
    shared = cache.shared_digest(root)
    keys = {item.name: cache.project_key(shared, item.files) for item in rendered}
    entries = {item.name: cache.load_entry(root, item.name, keys[item.name]) for item in rendered}
    jobs = [Job(item, config, cache.new_output_folder(root, item.name))
            for item, config in zip(rendered, configs, strict=True) if entries[item.name] is None]

    def store(job: Job, facts: dict) -> None:
        name = job.project.name
        entries[name] = cache.store_entry(root, name, keys[name], job.site_dir, facts)

    staging = staging_dir(output)
    facts: dict[str, PageFacts] = {}

    def publish(item) -> None:
        entry = entries[item.name]
        assemble(entry.folder, entry.files, staging / item.output_dir())
        facts.update({item.output_dir() + name: PageFacts.from_data(data) for name, data in entry.facts.items()})

    def meanwhile() -> None:
        """What needs no new build, done while the workers build."""
        for item in rendered:
            if entries[item.name] is not None:
                publish(item)
        write_sitemaps(project, staging)

    try:
        try:
            builders.build_all(root, jobs, inspect=read_site, on_built=store, meanwhile=meanwhile)
        finally:
            for job in jobs:
                shutil.rmtree(job.site_dir, ignore_errors=True)
        for job in jobs:
            publish(job.project)
        problems = check_output(project, staging, facts)
        if problems:
            raise ContributorError(problems)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, output)
    if report is not None:
        report.sites, report.languages = len(project.sites), len(project.languages)
        report.pages = len(project.all_pages()) * len(project.languages)
        report.built = sorted(job.project.name for job in jobs)
        report.reused = len(rendered) - len(jobs)
        report.warnings = warnings_report(currency.warnings, folder_name(root)) if currency.warnings else ""
    return project


def _render(project, problems: list, absolute_links: bool = False) -> list:
    """Render every page; raise with the problems found so far and any the rendering finds, all together."""
    from .errors import ContributorError
    from .render import render_project_files

    try:
        rendered = render_project_files(project, absolute_links)
    except ContributorError as error:
        problems = problems + error.problems
        rendered = []
    if problems:
        raise ContributorError(list(dict.fromkeys(problems)))
    return rendered


def clean(root: Path, output: Path) -> None:
    """Remove the output and the build working folder (not the virtualenv)."""
    for path in (output, root / cache.CACHE_DIR):
        shutil.rmtree(path, ignore_errors=True)


def _previous_config(root: Path) -> Path | None:
    """A generated mkdocs.yml from an earlier build, for the workers to warm up on."""
    from .render import PROJECTS_DIR

    folder = root / PROJECTS_DIR
    for config in (folder.glob("*/main/mkdocs.yml") if folder.is_dir() else ()):
        return config
    return None


def _options(output: Path, absolute_links: bool, release: bool) -> dict:
    # Today's date is an input: it decides which handbook chapters are shown as overdue.
    return {"output": str(output), "absolute_links": absolute_links, "release": release,
            "today": datetime.date.today().isoformat()}
