"""One build, step by step: plan what to redo, render and build it, check it, publish it.

Builds are incremental: only the projects whose inputs changed are rendered (`build.keys.render_key`), only
those whose rendered files changed are built again by MkDocs (the others' output is reused from the build
cache), and only the pages where a check could find something new are checked (`checks.scope`). The workers
build while this process renders the next projects and checks the content; the published tree is brought up
to date from the projects' outputs by hard links, checked, and swapped into place.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import asdict, replace
from pathlib import Path

from generator import checks
from generator.build import cache, fingerprint, keys
from generator.build.publish import (
    NextStaging,
    link_files,
    site_files,
    staging_dir,
    swap_into_place,
    sync_tree,
    write_sitemaps,
)
from generator.build.workers import Builders, Job, previous_config
from generator.checks import scope
from generator.checks.facts import SiteReading, TreeFacts, read_site
from generator.checks.release import check_release
from generator.checks.safety import check_raw_html
from generator.checks.source_figures import check_source_figures
from generator.checks.source_links import check_source_links
from generator.model.errors import ContributorError, in_folder, warnings_report
from generator.model.loader import load_project
from generator.model.project import Project
from generator.model.tenant import folder_name
from generator.paths import SITEMAPS_DIR
from generator.pipeline.summary import Summary
from generator.render.projects import render_project_files, render_projects, write_project
from generator.render.urls import site_output_dir


def check_sources(root: Path, warnings: list | None = None, today: datetime.date | None = None) -> Project:
    """Load and validate, and render every page in memory (as on the day `today`); raise with every problem
    found."""
    project = load_project(root)
    problems = check_raw_html(project) + check_source_links(project) + check_source_figures(project)
    try:
        render_project_files(project, today=today)
    except ContributorError as error:
        problems = problems + error.problems
    if problems:
        raise ContributorError(list(dict.fromkeys(problems)))
    if warnings is not None:
        warnings.extend(checks.check_currency(project, release=False, today=today).warnings)
    return project


class BuildRun:
    """A build of every site and language into `output`, replaced only if everything succeeded."""

    def __init__(self, root: Path, output: Path, absolute_links: bool, options: dict, release: bool,
                 report: Summary | None):
        """options: what rendering depends on besides the sources (`pipeline.render_options`)."""
        self.root, self.output, self.release, self.report = root, output, release, report
        self.absolute_links, self.options = absolute_links, options
        self.today = datetime.date.fromisoformat(options["today"])
        self.content_problems: list | None = None  # worked out once, while the workers build
        self.currency = None
        self.jobs: list[Job] = []
        self.rendered = 0
        self.published: dict[str, Path] = {}  # what the staging tree holds: path in it -> the file it links to
        self.facts = TreeFacts()
        self.built_facts: dict[str, dict] = {}
        self.rebuilt: dict[str, tuple[str | None, frozenset[str]]] = {}  # for checks.scope

    def run(self, workers: int | None, builders: Builders | None) -> Project:
        if builders is not None:
            return self._run_with(builders)
        with Builders(workers, warm_up=previous_config(self.root)) as own:
            return self._run_with(own)

    def _run_with(self, builders: Builders) -> Project:
        self.builders = builders
        self.plan()
        self.staging, new_staging = staging_dir(self.output)
        # With no tree published before, none becomes the next build's staging tree: one is made alongside.
        next_staging = NextStaging(self.output) if not self.output.exists() else None
        try:
            try:
                builders.build_all(self.root, self.render_jobs(), inspect=read_site, on_built=self.store,
                                   meanwhile=self.meanwhile)
            finally:
                for job in self.jobs:
                    cache.remove_output_folder(job.site_dir)
            if next_staging:  # by the workers, idle now, while this process checks the tree
                next_staging.make(self.published, builders.aside)
            self.check_output()
        except BaseException:
            if next_staging:
                next_staging.discard()
            if new_staging:  # a kept staging tree stays for the next build, which brings it up to date
                shutil.rmtree(self.staging, ignore_errors=True)
            raise
        swap_into_place(self.staging, self.output)
        if next_staging:
            next_staging.keep()
        self.fill_report()
        return self.project

    # --- the steps ----------------------------------------------------------------------------------------

    def plan(self) -> None:
        """Load the project; work out each project's render key and which cached outputs still stand."""
        self.project = project = load_project(self.root)
        self.shared = fingerprint.shared_digest(self.root)
        self.model = keys.model_digest(project, self.shared, self.options)
        self.units = {f"{lang}/{site.id}": (site, lang) for site in project.sites for lang in project.languages}
        self.render_keys = {name: keys.render_key(project, self.model, site, lang)
                            for name, (site, lang) in self.units.items()}
        self.project_keys: dict[str, str] = {}
        # A project whose inputs are unchanged since its output was built is not even rendered.
        self.entries = {name: cache.load_entry(self.root, name, render_key=self.render_keys[name])
                        for name in self.units}
        # The others are rendered biggest first, so the last builds to finish are small; but the smallest goes
        # first, so a worker starts as soon as possible.
        stale = sorted(((site.id, lang) for name, (site, lang) in self.units.items() if self.entries[name] is None),
                       key=lambda unit: -len(project.site_pages(project.site(unit[0]))))
        self.stale = stale[-1:] + stale[:-1]

    def render_jobs(self):
        """Render the stale projects one at a time, handing over a job for each whose files changed, so the
        workers build while the rest are rendered. Every problem is reported together at the end."""
        root = self.root
        try:
            # Rendered pages are kept in memory only where the same projects are built again (a build server).
            for item in render_projects(self.project, self.stale, self.absolute_links, self.model,
                                        keep=self.builders.rebuilds, today=self.today):
                self.rendered += 1
                config = write_project(self.project, item)
                key = self.project_keys[item.name] = keys.project_key(self.shared, item.files)
                entry = cache.load_entry(root, item.name, key=key)
                if entry is None:
                    # The output built before, still as recorded: its unchanged pages' facts are not read again,
                    # unless other code (or theme, or packages) built it: a page's facts depend on the code.
                    previous = cache.load_entry(root, item.name)
                    # The job keeps what a report needs, not the files written (a cold build holds every job).
                    self.jobs.append(Job(replace(item, files={}, pages={}), config,
                                         cache.new_output_folder(root, item.name),
                                         previous if previous and previous.shared == self.shared else None,
                                         key, self.shared))
                    yield self.jobs[-1]
                else:  # rendered again to the same files: the output stands
                    self.entries[item.name] = cache.set_render_key(entry, self.render_keys[item.name])
        except ContributorError as error:
            raise ContributorError(list(dict.fromkeys(self.problems_in_sources() + error.problems))) from None

    def problems_in_sources(self) -> list:
        """What is wrong with the data and content whatever is rendered (nothing is stored or published if
        there is any); also the warnings a normal build reports."""
        if self.content_problems is None:
            self.currency = checks.check_currency(self.project, self.release, self.today)
            self.content_problems = ((check_release(self.project) if self.release else []) + self.currency.errors
                                     + check_raw_html(self.project) + check_source_links(self.project)
                                     + check_source_figures(self.project))
        return self.content_problems

    def store(self, job: Job, reading: SiteReading) -> None:
        """A project built cleanly: into the cache, and its files into the tree, while the others build."""
        name = job.project.name
        self.entries[name] = cache.store_entry(self.root, name, self.project_keys[name], self.render_keys[name],
                                               job.site_dir, reading.facts, self.shared, reading.files)
        self.built_facts[name] = reading.facts
        self.rebuilt[name] = (job.previous.key if job.previous else None, reading.changed)
        built = self.files_of(name)
        link_files(self.staging, built)
        self.published.update(built)

    def files_of(self, name: str) -> dict[str, Path]:
        """A project's output as it goes into the tree; its pages' facts are noted for the checks."""
        entry, folder = self.entries[name], site_output_dir(*self.units[name])
        load = (lambda found=self.built_facts[name]: found) if name in self.built_facts else entry.facts
        self.facts.add(folder, [file for file in entry.files if file.endswith(".html")], load)
        return site_files(folder, entry.folder, entry.files)

    def meanwhile(self) -> None:
        """What needs no new build, done while the workers build. Bringing the staging tree up to date (before
        any built project's files are linked into it: `store`) goes to a worker with nothing to build, if
        there is one (an edit's build): this process removes the replaced outputs and checks the content
        meanwhile."""
        ready = write_sitemaps(self.project, self.root / SITEMAPS_DIR)
        for name in self.units:
            if self.entries[name] is not None:
                ready.update(self.files_of(name))
        aside = self.builders.aside(sync_tree, self.staging, ready)
        try:
            if aside is None:
                sync_tree(self.staging, ready)
            cache.remove_replaced_outputs(self.root)
            if self.problems_in_sources():
                raise ContributorError(list(dict.fromkeys(self.content_problems)))
        finally:
            if aside is not None:
                aside.result()
        self.published.update(ready)

    def check_output(self) -> None:
        """Check the pages where a check could find something new since their site last passed."""
        base = keys.check_base(self.model, keys.reach_digest(
            (site_output_dir(*self.units[name]), entry.reach) for name, entry in self.entries.items()))
        project_keys = {name: entry.key for name, entry in self.entries.items()}
        to_check = scope.pages_to_check(self.project, self.facts, base, project_keys, cache.checked(self.root),
                                           self.rebuilt)
        # The staging tree holds what is to be published.
        problems = checks.check_output(self.project, self.staging, self.facts, to_check, self.published)
        if problems:
            raise ContributorError(problems)
        cache.record_checked(self.root, scope.records(self.project, base, project_keys))

    def fill_report(self) -> None:
        report, project = self.report, self.project
        if report is None:
            return
        report.sites, report.languages = len(project.sites), len(project.languages)
        report.pages = len(project.all_pages()) * len(project.languages)
        report.built = sorted(job.project.name for job in self.jobs)
        report.rendered = self.rendered
        report.reused = len(self.units) - len(self.jobs)
        warnings = self.currency.warnings
        report.warnings = warnings_report(warnings, folder_name(self.root)) if warnings else ""
        report.warning_problems = [asdict(problem) for problem in in_folder(warnings, folder_name(self.root))]
        report.published = self.published
