"""Build: run MkDocs in-process on the generated projects, two at a time, and collect what it warns.

MkDocs runs strict, so any warning fails the build; warnings are mapped back to the contributor's source
file (the generated docs are an implementation detail nobody should edit).
"""

from __future__ import annotations

import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import ContributorError, Problem
from .render import RenderedProject


@dataclass(frozen=True)
class Job:
    project: RenderedProject
    config_file: Path
    site_dir: Path


def build_all(root: Path, jobs: list[Job], workers: int | None = None) -> None:
    """Build every job; raise ContributorError naming the source files if any build warns or fails.

    The national site of a language is built first: MkDocs empties its output folder, which holds the
    local sites' folders.
    """
    workers = workers or min(2, os.cpu_count() or 1)
    national = [job for job in jobs if job.project.site.kind == "national"]
    local = [job for job in jobs if job.project.site.kind != "national"]
    problems: list[Problem] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for phase in (national, local):
            results = pool.map(_build_one, [str(j.config_file) for j in phase], [str(j.site_dir) for j in phase])
            for job, messages in zip(phase, results, strict=True):
                problems.extend(_explain(root, job.project, message) for message in messages)
    if problems:
        raise ContributorError(list(dict.fromkeys(problems)))


def _build_one(config_file: str, site_dir: str) -> list[str]:
    """Build one project; return MkDocs' warnings and errors (empty when all is well)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    captured: list[str] = []
    handler = _Capture(captured)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        build(load_config(config_file, site_dir=site_dir))
    except MkDocsException as error:
        message = str(error)
        if not message.startswith("Aborted with"):  # the strict-mode summary repeats the warnings
            captured.append(message)
    finally:
        logger.removeHandler(handler)
    return captured


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
