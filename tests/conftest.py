"""Shared fixtures: one real build of the real project per test session, and throwaway project copies."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import pipeline
from generator.checks import tools
from generator.checks.local_server import serve_folder
from generator.memo import BoundedStore
from generator.mkdocs_ext import seam
from generator.model.project import Project
from generator.paths import PROJECTS_DIR, WORK_DIR

# No test build starts a build server in the background (tests/test_build_server.py starts its own).
os.environ["FOSTERING_BUILD_SERVER"] = "0"

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = ROOT / PROJECTS_DIR  # the generated MkDocs projects of the built repository
PROJECT_PARTS = ("data", "content", "site_src", "mkdocs.yml")


@dataclass(frozen=True)
class Built:
    project: Project
    output: Path

    def page_files(self, lang: str) -> list[Path]:
        """Every content page's HTML in a language tree (not the theme's 404 and search pages)."""
        tree = self.output / lang
        return sorted(p for p in tree.rglob("index.html")
                      if "search" not in p.relative_to(tree).parts and "assets" not in p.relative_to(tree).parts)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    output = tmp_path_factory.mktemp("build") / "site"
    project = pipeline.build(ROOT, output)
    return Built(project, output)


CHROMIUM = tools.CHROMIUM


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright (installed by `make test`; never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: run the tests with `make test`, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=tools.CHROMIUM_ARGS)
        yield browser
        browser.close()


def http_server(folder: Path):
    """Serve a built tree on loopback, as a visitor would get it (directory addresses, index.html)."""
    return serve_folder(folder)


@cache
def _parse_cached(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def parse(path: Path) -> BeautifulSoup:
    return _parse_cached(str(path))


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's data, content and theme, to break on purpose."""
    return copy_project(tmp_path)


@pytest.fixture
def warm_copy(built, tmp_path) -> Path:
    """A copy of the project with the session build's cache (`copy_project`), for a test that builds it."""
    return copy_project(tmp_path, warm=True)


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the command line as a contributor would, in a project folder."""
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
                          timeout=600)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text is not there (so a test never goes stale)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of a file on which text first appears."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def inodes(tree: Path) -> dict[str, int]:
    """Every file under tree (relative path) -> its inode: which files are hard links to which."""
    return {p.relative_to(tree).as_posix(): p.stat().st_ino for p in tree.rglob("*") if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def remove_line(path: Path, prefix: str) -> None:
    """Delete the first line starting with prefix (failing if there is none)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    path.write_text("\n".join(lines[:index] + lines[index + 1:]), encoding="utf-8")


def copy_project(root: Path, test_source: tuple[str, str, str] | None = None, warm: bool = False) -> Path:
    """Copy the project's data, content and theme into root, for a build with changed data. test_source
    (id, English title, Welsh title) adds a source for made-up test data to data/sources.yml. warm: with the
    build cache of the session's build (`built` must have run), as a contributor's clone has it after a build,
    so that a build of the copy redoes only what the change touches; its output is byte for byte a cold build's
    (tests/test_incremental.py), and the cold build is the session's own."""
    for part in PROJECT_PARTS:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
    if warm:  # copied with their times, which the cache checks its files by; not a build server's socket or log
        shutil.copytree(ROOT / WORK_DIR, root / WORK_DIR, ignore=shutil.ignore_patterns("build-server.*"))
    if test_source:
        source_id, english, welsh = test_source
        append(root / "data" / "sources.yml",
               f"  - id: {source_id}\n    title: {{en: {english}, cy: {welsh}}}\n    publisher: Tests\n"
               "    reference: made-up figures of the tests\n")
    return root


def build_with_mkdocs(config: Path, site_dir: Path) -> dict[str, bytes]:
    """Build one generated MkDocs project in this process, as a worker does; every output file's bytes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").propagate = False
    build(load_config(str(config), site_dir=str(site_dir)))
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


TWIN_SITES = ("cy/cardiff", "cy/vale-of-glamorgan")  # one region: the same handbook chapters


def build_twin_sites(folder: Path) -> tuple[dict[str, dict[str, bytes]], int]:
    """Two generated sites whose handbooks share chapters, built in this process: each one's files, and how
    many pages they have together."""
    built = {site: build_with_mkdocs(PROJECTS / site / "mkdocs.yml", folder / site)
             for site in TWIN_SITES}
    return built, sum(1 for files in built.values() for name in files if name.endswith("index.html"))


def build_twin_sites_unwrapped(folder: Path, monkeypatch, memo, owner, name: str, original: str
                               ) -> dict[str, dict[str, bytes]]:
    """The twin sites built one at a time with a memo module's wrapping undone: `owner.name` is MkDocs' or
    Material's own function again (the memo's saved copy `original`), as in a build without our memos."""
    with monkeypatch.context() as patched:
        seam.install()  # so the plugin does not install the memo again over the original put back below
        patched.setattr(owner, name, getattr(memo, original))
        return {site: build_with_mkdocs(PROJECTS / site / "mkdocs.yml", folder / site)
                for site in TWIN_SITES}


def memo_calls(monkeypatch, memo, original: str, page_argument: int) -> list[str]:
    """The pages (their files) for which a memo module calls the function it wraps (its saved copy named
    `original`, whose argument `page_argument` is the page), with the memo emptied first."""
    called: list[str] = []
    wrapped = getattr(memo, original)

    def counting(*args):
        called.append(args[page_argument].file.src_uri)
        return wrapped(*args)

    monkeypatch.setattr(memo, original, counting)
    store = memo_store(memo)
    monkeypatch.setattr(memo, store, getattr(memo, store).emptied())
    return called


def with_materials_partials(monkeypatch, folder: Path, names: list[str]) -> None:
    """Builds in this process use Material's own partials `names` instead of our copies (`seam.THEME_DIR`)."""
    theme = folder / "theme"
    shutil.copytree(seam.THEME_DIR, theme)
    for name in names:
        (theme / "partials" / name).unlink()
    monkeypatch.setattr(seam, "THEME_DIR", theme)


def memo_store(memo) -> str:
    """The name of a memo module's store in memory (its one `BoundedStore`)."""
    (name,) = [name for name, value in vars(memo).items() if isinstance(value, BoundedStore)]
    return name


def relocated_config(project: Path, folder: Path, docs: Path | None = None, overrides: Path | None = None) -> Path:
    """A generated project's mkdocs.yml written into folder, every path in it absolute: with other docs or
    theme overrides if given."""
    config = json.loads((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["INHERIT"] = str((project / config["INHERIT"]).resolve())
    config["docs_dir"] = str(docs or project / config["docs_dir"])
    config["theme"]["custom_dir"] = str(overrides or (project / config["theme"]["custom_dir"]).resolve())
    plugin = config["plugins"]["fostering_sites"]
    plugin["root"] = str((project / plugin["root"]).resolve())
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path
