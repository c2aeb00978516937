"""Problems as GitHub Actions workflow commands, so each appears on its line in a pull request's changed files.

Under GitHub Actions (GITHUB_ACTIONS=true) every problem a command reports is also printed on standard output as
`::error file=data/site.yml,line=12,title=...::message` (`::warning` for a warning). The runner turns each such line
into an annotation: shown on that line of the pull request's "Files changed" tab and in the run's summary. The plain
report is printed as before; the annotations are extra.

Files are named from the repository's root (a tenant's as tenants/<name>/...), as the pull request shows them.
The same problem is reported by more than one step of a workflow (the check, the build and the gates all warn of an
out-of-date translation): each is printed once a job, remembered in the job's temporary folder (RUNNER_TEMP).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TextIO

from generator.model.errors import Problem, in_folder

Level = Literal["error", "warning"]
TITLES = {"error": "Must be fixed", "warning": "Needs attention"}
_SEEN = "fostering-annotations.txt"  # in RUNNER_TEMP: the digests of the annotations printed in this job


def enabled() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A message, escaped as GitHub's runner reads it back (%, carriage return and line feed)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property's value (file, title): also ':' and ',', which separate the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem, level: Level) -> str:
    """One problem as a workflow command line (its file already named from the repository's root)."""
    title = TITLES[level] + (f": field '{problem.field}'" if problem.field else "")
    properties = []
    if not problem.file.startswith("("):  # a setup problem, in parentheses, names no file
        properties.append(f"file={escape_property(problem.file)}")
        if problem.line:
            properties.append(f"line={problem.line}")
    properties.append(f"title={escape_property(title)}")
    message = problem.message + (f"\nHow to fix: {problem.fix}" if problem.fix else "")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def emit(problems: Iterable[Problem], level: Level, folder: str = "", out: TextIO | None = None) -> None:
    """Print the problems as workflow commands when running under GitHub Actions (nothing otherwise).
    folder: the tenant's folder the problems' files are in ('' or 'tenants/<name>/')."""
    if not enabled():
        return
    lines = [command(problem, level) for problem in in_folder(list(problems), folder)]
    seen = _seen_file()
    printed = set(seen.read_text(encoding="utf-8").split()) if seen and seen.exists() else set()
    fresh = []
    for line in lines:
        digest = hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]
        if digest not in printed:
            printed.add(digest)
            fresh.append((digest, line))
    if not fresh:
        return
    out = out or sys.stdout
    out.write("".join(line + "\n" for _, line in fresh))
    out.flush()
    if seen:
        with seen.open("a", encoding="utf-8") as record:
            record.write("".join(digest + "\n" for digest, _ in fresh))


def _seen_file() -> Path | None:
    folder = os.environ.get("RUNNER_TEMP")
    return Path(folder) / _SEEN if folder and Path(folder).is_dir() else None
