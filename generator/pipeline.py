"""The stages in order: load + validate -> render -> build -> publish. Each stage is its own module."""

from __future__ import annotations

import shutil
from pathlib import Path

from .build import Job, build_all
from .checks import check_currency, check_output
from .checks.release import check_release
from .checks.safety import check_raw_html
from .errors import ContributorError, Problem
from .loader import load_project
from .model import Project
from .publish import staging_dir, swap_into_place, write_sitemaps
from .render import PROJECTS_DIR, RenderedProject, render_project_files, write_projects


def check(root: Path, warnings: list[Problem] | None = None) -> Project:
    """Validate data and content and render every page in memory, without building.

    Warnings (out-of-date translations, old figures) are added to `warnings` when given.
    """
    project = load_project(root)
    _render(project, check_raw_html(project))
    if warnings is not None:
        warnings.extend(check_currency(project, release=False).warnings)
    return project


def build(root: Path, output: Path, absolute_links: bool = False, workers: int | None = None,
          release: bool = False, warnings: list[Problem] | None = None) -> Project:
    """Build every site and language into output; output is replaced only if everything succeeded.

    A release build also refuses anything unconfirmed, awaiting translation, out of date or too old; a normal
    build adds the last two to `warnings` (when given) and goes ahead.
    """
    project = load_project(root)
    currency = check_currency(project, release)
    rendered = _render(project, (check_release(project) if release else []) + currency.errors
                       + check_raw_html(project), absolute_links)
    configs = write_projects(project, rendered)
    staging = staging_dir(output)
    try:
        jobs = [Job(item, config, staging / item.output_dir()) for item, config in zip(rendered, configs, strict=True)]
        build_all(project.root, jobs, workers)
        write_sitemaps(project, staging)
        problems = check_output(project, staging)
        if problems:
            raise ContributorError(problems)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, output)
    if warnings is not None:
        warnings.extend(currency.warnings)
    return project


def _render(project: Project, problems: list[Problem], absolute_links: bool = False) -> list[RenderedProject]:
    """Render every page; raise with the problems found so far and any the rendering finds, all together."""
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
    for path in (output, root / PROJECTS_DIR.parent):
        shutil.rmtree(path, ignore_errors=True)
