"""The stages in order: load + validate (model) -> render -> build (MkDocs) -> check -> publish.

This package calls the stages; it does none of their work. `build_if_changed` first compares the inputs'
fingerprint with the one the output was built from, using only the standard library, so a build with nothing
to do finishes before the stages load; `run.BuildRun` is one build, step by step.
"""

from __future__ import annotations

import datetime
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.build import cache, fingerprint
from generator.model.errors import ContributorError, Problem
from generator.paths import WORK_DIR, next_staging_path, staging_path
from generator.pipeline.summary import Summary

# Asked to build before this process does (the build server's client): a Summary, or None to build here.
Delegate = Callable[[Path, Path, bool, bool], "Summary | None"]


def check(root: Path, warnings: list | None = None):
    """Validate data and content and render every page in memory, without building. Warnings (out-of-date
    translations, old figures, handbook chapters due for review) are added to `warnings` when given."""
    from generator.pipeline.run import check_sources

    return check_sources(root, warnings, build_date())


def build_if_changed(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
                     release: bool = False, builders=None, delegate: Delegate | None = None) -> Summary:
    """Build, unless nothing has changed since output was built (and output is as it was left).

    delegate: asked to build first (a build server), when workers are not chosen; builders: the worker
    processes to build with (a build server's), instead of new ones.
    """
    root = root.resolve()
    inputs = fingerprint.fingerprint(root, build_options(output, absolute_links, release))
    summary = cache.up_to_date(root, output, inputs)
    if summary is not None:
        return Summary(**summary, unchanged=True)
    if delegate is not None and workers is None and (served := delegate(root, output, absolute_links, release)):
        return served
    report = Summary(0, 0, 0)
    build(root, output, absolute_links, workers, release, report=report, builders=builders)
    cache.record_published(root, output, inputs, report.to_data(), report.published or None)
    return report


def build(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
          release: bool = False, report: Summary | None = None, builders=None):
    """Build every site and language into output; output is replaced only if everything succeeded.

    A release build also refuses anything unconfirmed, awaiting translation, out of date or too old; a normal
    build puts the last two in the report's warnings and goes ahead. Returns the project.
    """
    from generator.pipeline.run import BuildRun

    root = root.resolve()
    cache.forget_published(root, output)  # whatever happens next, output is no longer known to be current
    return BuildRun(root, output, absolute_links, render_options(absolute_links), release, report).run(workers,
                                                                                                   builders)


def prepare_next_build(output: Path, published: dict[str, Path], stop=None) -> None:
    """Bring the tree kept for the next build (the one the last build replaced) up to date with what it
    published (path in output -> the file), so the next build changes there only what it changes itself.
    stop: asked now and then whether to leave off (the next build finishes the job)."""
    from generator.build.publish import sync_tree

    staging = staging_path(output)
    if published and staging.is_dir() and not staging.is_symlink():
        sync_tree(staging, published, stop)


def clean(root: Path, output: Path) -> None:
    """Remove the output, the trees kept to publish the next one, and the build working folder (not the
    virtualenv)."""
    for path in (output, staging_path(output), next_staging_path(output), root / WORK_DIR):
        shutil.rmtree(path, ignore_errors=True)


def build_options(output: Path, absolute_links: bool, release: bool) -> dict:
    return {"output": str(output), "release": release, **render_options(absolute_links)}


def render_options(absolute_links: bool) -> dict:
    # The build's date is an input: it decides which handbook chapters are shown as overdue, which events are
    # still to come and which month's campaign is shown.
    return {"absolute_links": absolute_links, "today": build_date().isoformat()}


BUILD_DATE = "FOSTERING_BUILD_DATE"


def build_date() -> datetime.date:
    """The day the sites are built for: today, or the day FOSTERING_BUILD_DATE gives (YYYY-MM-DD), to see them as
    they will be on another day."""
    value = os.environ.get(BUILD_DATE)
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ContributorError([Problem(BUILD_DATE, f"{value!r} is not a date.",
                                        fix=f"Set {BUILD_DATE} to a date written as YYYY-MM-DD, or unset it to "
                                            "build for today.")]) from None
