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


def check(root: Path):
    """Validate data and content and render every page in memory, without building."""
    from .loader import load_project
    from .render import render_project_files

    project = load_project(root)
    render_project_files(project)
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

    A release build also refuses anything unconfirmed or awaiting translation. Returns the project.
    """
    from .build import Builders

    root = root.resolve()
    cache.forget_published(root, output)  # whatever happens next, output is no longer known to be current
    with Builders(workers, warm_up=_previous_config(root)) as builders:
        return _build(root, output, absolute_links, release, report, builders)


def _build(root: Path, output: Path, absolute_links: bool, release: bool, report: Summary | None, builders):
    from .build import Job
    from .checks import check_output, check_warnings
    from .checks.facts import PageFacts, read_site
    from .checks.release import check_release
    from .errors import ContributorError, warnings_report
    from .loader import load_project
    from .publish import assemble, staging_dir, swap_into_place, write_sitemaps
    from .render import render_project_files, write_projects

    project = load_project(root)
    if release and (problems := check_release(project)):
        raise ContributorError(problems)
    rendered = render_project_files(project, absolute_links)
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
        warnings = check_warnings(project)
        report.warnings = warnings_report(warnings) if warnings else ""
    return project


def clean(root: Path, output: Path) -> None:
    """Remove the output and the build working folder (not the virtualenv)."""
    for path in (output, root / cache.CACHE_DIR):
        shutil.rmtree(path, ignore_errors=True)


def _previous_config(root: Path) -> Path | None:
    """A generated mkdocs.yml from an earlier build, for the workers to warm up on."""
    from .render import PROJECTS_DIR

    folder = root / PROJECTS_DIR
    for config in (folder.glob("*/national/mkdocs.yml") if folder.is_dir() else ()):
        return config
    return None


def _options(output: Path, absolute_links: bool, release: bool) -> dict:
    # Today's date is an input: it decides which handbook chapters are shown as overdue.
    return {"output": str(output), "absolute_links": absolute_links, "release": release,
            "today": datetime.date.today().isoformat()}
