"""The worker processes of a build in its own process: the warmed-up worker takes the first job."""

from __future__ import annotations

import itertools
import os
from types import SimpleNamespace

from generator.build import workers as build_module
from generator.build.workers import Builders, Job
from generator.mkdocs_ext import seam
from tests.conftest import PROJECTS, ROOT, Built


def _which_worker(site_dir: str, lang: str, previous) -> tuple[int, bool]:
    """Run in the worker after a build: which process it is, and whether it warmed up before its first job."""
    return os.getpid(), build_module.warmed


def _build(builders: Builders, names: list[str], folders, tmp_path) -> dict[str, tuple[int, bool]]:
    found: dict[str, tuple[int, bool]] = {}
    jobs = [Job(SimpleNamespace(name=name, lang=name.split("/")[0], sources={}), PROJECTS / name / "mkdocs.yml",
                tmp_path / str(next(folders))) for name in names]
    builders.build_all(ROOT, jobs, inspect=_which_worker,
                       on_built=lambda job, seen: found.update({job.project.name: seen}))
    return found


def test_an_edits_only_project_is_built_by_the_worker_that_warmed_up(built: Built, tmp_path):
    """Only one worker warms up while the pages load and render; the other, waiting on the shared queue, used
    to take the first job and import MkDocs then, on the edit's path."""
    folders = itertools.count()
    for _ in range(3):
        with Builders(workers=2, warm_up=PROJECTS / "en" / "cardiff" / "mkdocs.yml") as builders:
            (only,) = _build(builders, ["en/cardiff"], folders, tmp_path).values()
        assert only[1], "the edited project was built by the worker that had not warmed up"


def test_both_workers_build_when_there_are_several_projects(built: Built, tmp_path):
    folders = itertools.count()
    with Builders(workers=2, warm_up=PROJECTS / "en" / "cardiff" / "mkdocs.yml") as builders:
        found = _build(builders, ["en/cardiff", "cy/cardiff", "en/newport", "cy/newport"], folders, tmp_path)
    assert len({pid for pid, _ in found.values()}) == 2, "one worker stood by while the other built everything"


def test_a_chore_goes_to_the_worker_with_nothing_to_build_and_waits_for_none(built: Built, tmp_path):
    """After an edit one project is built: the staging tree is brought up to date in the other worker, while
    this process checks the content. When every worker has work, the chore is this process's own."""
    chores = []
    with Builders(2, warm_up=PROJECTS / "en" / "main" / "mkdocs.yml") as builders:

        def meanwhile():
            chores.append(builders.aside(os.getpid))
            chores.append(builders.aside(os.getpid))  # the other worker is building: none is free

        found: dict[str, tuple[int, bool]] = {}
        job = Job(SimpleNamespace(name="en/main", lang="en", sources={}), PROJECTS / "en" / "main" / "mkdocs.yml",
                  tmp_path / "main")
        builders.build_all(ROOT, [job], inspect=_which_worker, meanwhile=meanwhile,
                           on_built=lambda job, seen: found.update({job.project.name: seen}))
        chore, none = chores
        assert none is None
        assert chore.result() not in {os.getpid(), found["en/main"][0]}


def test_a_worker_lists_the_installed_themes_once_for_every_configuration_it_reads(monkeypatch):
    from mkdocs import utils
    from mkdocs.config import load_config

    listed = []
    original = utils.entry_points
    monkeypatch.setattr(utils, "entry_points", lambda **kwargs: listed.append(kwargs) or original(**kwargs))
    build_module._ready()
    seam.original("mkdocs.utils:get_themes").cache_clear()  # as in a new worker
    for site in ("en/main", "cy/cardiff"):
        load_config(str(PROJECTS / site / "mkdocs.yml"))
    assert listed == [{"group": "mkdocs.themes"}]
