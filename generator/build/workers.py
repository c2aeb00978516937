"""Build: run MkDocs in-process on the generated projects, in parallel, and collect what it warns.

Each project is built into a folder of its own (the pipeline puts the folders together), so projects can be
built in any order, alone or together, by worker processes: they load MkDocs and warm up while this process
loads and renders the projects. MkDocs runs strict, so any warning fails the build; warnings are mapped back
to the contributor's source file (the generated docs are an implementation detail nobody should edit).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.mkdocs_ext import page_memos, seam  # neither loads MkDocs: the workers load it, not this process
from generator.model.errors import ContributorError, Problem
from generator.paths import PROJECTS_DIR

if TYPE_CHECKING:  # not imported at run time: the workers start before the renderer is loaded
    from generator.build.cache import Entry
    from generator.render.projects import RenderedProject


@dataclass(frozen=True)
class Job:
    project: RenderedProject
    config_file: Path
    site_dir: Path
    previous: Entry | None = None  # the project's output built before, for `inspect` to compare with
    key: str = ""  # the project key it is built from (keys.project_key)
    shared: str = ""  # what every project reads (fingerprint.shared_digest): its page memos on disk need the same


def previous_config(root: Path) -> Path | None:
    """A generated mkdocs.yml from an earlier build, for the workers to warm up on."""
    folder = root / PROJECTS_DIR
    for config in (folder.glob("*/main/mkdocs.yml") if folder.is_dir() else ()):
        return config
    return None


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class Builders:
    """Worker processes that build projects; started before the pages are rendered, so they import MkDocs
    and warm up while this process loads and renders (the machine has two cores: both work at once).

    Use as a context manager; `warm_up` is the mkdocs.yml of a previous build, if there is one. `rebuilds`:
    the workers will build the same projects again (a build server's), so they keep each page's HTML to reuse
    (`template_memo`), and a project goes back to the worker that built it last, whose memos hold its pages,
    unless that worker has more waiting than another. Then each worker is a pool of its own; otherwise one
    pool's idle worker takes the next job.
    """

    def __init__(self, workers: int | None = None, warm_up: Path | None = None, rebuilds: bool = False):
        self.workers = workers or default_workers()
        self.rebuilds = rebuilds
        pools, size = (self.workers, 1) if rebuilds else (1, self.workers)
        context = multiprocessing.get_context("fork")
        # A build server warms every worker up; a build of its own only the first: it may have one project to
        # build (an edit), and the others' imports would slow this process loading and rendering meanwhile.
        # The others wait to take jobs until the first has taken one: a worker waiting for the shared queue holds
        # its lock, so the one that skipped the warm-up took every first job (an edit's only one) and paid for
        # MkDocs' imports while the warm one stood by.
        turns = None if rebuilds else context.Value("i", 0)
        self._first_took_job = None if rebuilds else context.Event()
        self.pools = [ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=_warm_up,
                                          initargs=(str(warm_up) if warm_up else None, rebuilds, turns,
                                                    self._first_took_job))
                      for _ in range(pools)]
        for pool in self.pools:
            pool.submit(int)  # start a worker now (a shared pool's others start when there is work for them)
        self.waiting: list[set] = [set() for _ in self.pools]  # each pool's jobs not yet done
        self.last: dict[str, int] = {}  # the pool that last built each project

    def __enter__(self) -> Builders:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._first_took_job is not None:
            self._first_took_job.set()  # the workers still waiting for it: let them see the pool shut down
        for pool in self.pools:
            pool.shutdown(wait=True, cancel_futures=True)

    def broken(self) -> bool:
        """Whether a worker died (its pool then refuses work: new ones are needed)."""
        return any(getattr(pool, "_broken", False) for pool in self.pools)

    def _forget_done(self) -> None:
        for waiting in self.waiting:
            waiting.difference_update([future for future in waiting if future.done()])

    def _submit(self, name: str, *args):
        self._forget_done()
        loads = [len(waiting) for waiting in self.waiting]
        chosen = self.last.get(name)
        if chosen is None or loads[chosen] > min(loads):
            chosen = loads.index(min(loads))
        self.last[name] = chosen
        future = self.pools[chosen].submit(_build_one, *args)
        self.waiting[chosen].add(future)
        return future

    def aside(self, function: Callable[..., Any], *args) -> Future | None:
        """Run function(*args) in a worker that has nothing to build (after an edit, one project is built and
        the other worker stands by), returning its future; None when every worker has work."""
        self._forget_done()
        size = self.workers // len(self.pools)
        idle = [number for number, waiting in enumerate(self.waiting) if len(waiting) < size]
        if not idle:
            return None
        future = self.pools[idle[0]].submit(function, *args)
        self.waiting[idle[0]].add(future)
        return future

    def build_all(self, root: Path, jobs: Iterable[Job], inspect: Callable[[str, str, Entry | None], Any] | None = None,
                  on_built: Callable[[Job, Any], None] | None = None,
                  meanwhile: Callable[[], None] | None = None) -> None:
        """Build every job into its own site_dir; raise ContributorError naming the source files if any build
        warns or fails.

        Each job starts as soon as `jobs` yields it (so projects are built while later ones are rendered);
        if `jobs` raises, the jobs not started are cancelled and the running ones finished before it goes on.
        inspect(site_dir, lang, previous) runs where the project was built, right after it built cleanly (in
        the worker, so in parallel); on_built(job, what inspect returned) then runs here, for each project built
        cleanly. meanwhile() runs here while the workers build, once every job has been handed over; if it
        raises, the builds are cancelled or finished first, and nothing is handed to on_built.
        """
        futures = []
        try:
            for job in jobs:
                futures.append((job, self._submit(job.project.name, str(job.config_file), str(job.site_dir),
                                                  job.project.lang, inspect, job.previous,
                                                  (job.shared, job.key) if job.key else None)))
            if meanwhile:
                meanwhile()
        except BaseException:
            for _, future in futures:
                future.cancel()
            wait([future for _, future in futures])
            raise
        problems: list[Problem] = []
        for job, future in futures:
            messages, inspected = future.result()
            problems.extend(_explain(root, job.project, message) for message in messages)
            if not messages and on_built:
                on_built(job, inspected)
        if problems:
            raise ContributorError(list(dict.fromkeys(problems)))


_rebuilds = False  # whether this worker will build the same projects again (a build server's)
_took_job = None  # the first worker's: set when it starts its first job
warmed = False  # whether this worker warmed up before its first job


def _warm_up(config_file: str | None, rebuilds: bool = False, turns=None, took_job=None) -> None:
    """Import MkDocs, the theme, the plugins and the Markdown extensions, and list the theme's files. turns:
    a count shared by the workers (None: every one warms up); all but the first do it at their first build,
    and take no job before the first has taken one (took_job)."""
    global _rebuilds, _took_job, warmed
    _rebuilds = rebuilds
    if turns is not None:
        with turns.get_lock():
            turns.value += 1
            first = turns.value == 1
        if not first:
            if took_job is not None:
                took_job.wait()
            return
        _took_job = took_job
    try:
        _ready()
    except seam.MkDocsChanged:  # only a warm-up: the first build reports it
        return
    from mkdocs.commands import build  # noqa: F401
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    if not config_file or not os.path.exists(config_file):
        return
    try:
        config = load_config(config_file)
        config.plugins.on_config(config)
        Files([]).add_files_from_theme(config.theme.get_env(), config)
    except Exception:  # only a warm-up: the real build reports any problem
        return
    warmed = True


def _ready() -> None:
    """What every build in a worker needs first: the seam installed (or, on the plain route, left out) before
    any configuration is read or plugin loaded (MkDocs takes a plugin's event methods as it loads it)."""
    from generator.mkdocs_ext import template_memo

    seam.apply()
    template_memo.wanted = _rebuilds
    logger = logging.getLogger("mkdocs")
    logger.propagate = False


def _build_one(config_file: str, site_dir: str, lang: str, inspect: Callable[[str, str, Entry | None], Any] | None,
               previous: Entry | None = None, memo: tuple[str, str] | None = None) -> tuple[list[str], Any]:
    """Build one project; return MkDocs' warnings and errors (empty when all is well) and, when all is well,
    what inspect found in the output. memo: the shared inputs' digest and the project key, to read and write
    the project's page memos on disk (`page_memos`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    global _took_job
    if _took_job is not None:
        _took_job.set()  # the other workers may take jobs now
        _took_job = None
    _ready()
    captured: list[str] = []
    handler = _Capture(captured)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.propagate = False
    if memo:
        page_memos.begin(*memo, previous.folder if previous else None, previous.key if previous else None)
    built = False
    try:
        build(load_config(config_file, site_dir=site_dir))
        built = True
    except MkDocsException as error:
        message = str(error)
        if not message.startswith("Aborted with"):  # the strict-mode summary repeats the warnings
            captured.append(message)
    finally:
        logger.removeHandler(handler)
        page_memos.end(Path(site_dir) if memo and built and not captured else None)
    if captured or inspect is None:
        return captured, None
    return captured, inspect(site_dir, lang, previous)


class _Capture(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


def _explain(root: Path, project: RenderedProject, message: str) -> Problem:
    """Point a MkDocs message at the source file it came from, and at the line when a link is named."""
    match = re.search(r"Doc file '([^']+)'", message)
    if not match:
        return Problem(f"(site {project.name})", f"MkDocs reported: {message}")
    generated = match.group(1)
    source = project.sources.get(generated)
    if source is None:
        return Problem(f"(site {project.name}, {generated})", f"MkDocs reported: {message}")
    line = None
    link = re.search(r"link '([^']+)'", message)
    if link:
        for number, content in enumerate((root / source.file).read_text(encoding="utf-8").splitlines(), 1):
            if link.group(1) in content:
                line = number
                break
    text = message.replace(f"Doc file '{generated}'", "This page")
    return Problem(source.file, text, line, None,
                   "Fix the link: point it at an existing page's file name (e.g. 'who-can-foster.md'), "
                   "or use {{ page_url('page-id') }}.")
