"""The build server: builds handed to it publish what a build in its own process would, report a contributor's
mistake the same way, and it steps aside when the theme or generator changes, when told to, or when unused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.serve import build_server
from tests.conftest import copy_project, edit, inodes, line_of

SERVED = "(by the build server)"


def _environment(server: bool) -> dict[str, str]:
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", build_server.SWITCH: "1" if server else "0"}
    environment.pop("CI", None)  # CI turns the server off; these tests turn it on
    return environment


def _generator(root: Path, *args: str, server: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], capture_output=True,
                          text=True, env=_environment(server), timeout=600)


def _snapshot(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


def _wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def built_copy(built, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("served") / "project"
    root.mkdir()
    copy_project(root, warm=True)
    pipeline.build_if_changed(root, root / "site")
    return root


@pytest.fixture
def served(built_copy, tmp_path):
    """A copy of the built project with a build server running for it (stopped afterwards)."""
    root = tmp_path / "project"
    shutil.copytree(built_copy, root, symlinks=True)
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build-server",
                                "--idle", "120"], env=_environment(True), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    assert _wait_for(lambda: build_server.ask(root, {"command": "ping"}) is not None), "the server did not start"
    yield root, process
    build_server.stop(root)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_build_handed_to_the_server_publishes_what_a_build_of_its_own_would(served, tmp_path):
    root, _ = served
    about = root / "content" / "en" / "main" / "about.md"
    for number, (old, new) in enumerate([("## The regions", "## The six regions"),
                                         ("It grew out", "It grew, in time, out")]):
        before = _national_pages(root)
        edit(about, old, new)
        result = _generator(root, "build")
        assert result.returncode == 0, result.stderr
        assert SERVED in result.stdout and "1 of 46 site builds redone" in result.stdout
        if number:  # the first build took the other pages from the memo file; this one, from memory
            changed = [name for name, inode in _national_pages(root).items() if inode != before[name]]
            assert changed == ["about"], "the other pages are the files built before (linked, not written)"
    assert "The six regions" in (root / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert _generator(root, "build").stdout.startswith("Nothing has changed")

    # The same edits in a clone built before, with no server (that its build gives a cold build's bytes is
    # test_incremental's to show).
    own = tmp_path / "own"
    own.mkdir()
    copy_project(own, warm=True)
    edit(own / "content" / "en" / "main" / "about.md", "## The regions", "## The six regions")
    edit(own / "content" / "en" / "main" / "about.md", "It grew out", "It grew, in time, out")
    alone = _generator(own, "build", server=False)
    assert alone.returncode == 0 and SERVED not in alone.stdout
    assert _snapshot(root / "site") == _snapshot(own / "site")


def _national_pages(root: Path) -> dict[str, int]:
    """The national site's pages in English (not the local sites'), by folder: their inodes."""
    return {path.parent.name: path.stat().st_ino for path in (root / "site" / "en").glob("*/index.html")
            if not (path.parent / "search").is_dir()}


def test_while_it_waits_the_server_brings_the_tree_kept_for_the_next_build_up_to_date(served):
    """The tree a build replaces is where the next build puts its own together: after a build that changed
    most pages (a title in every page's menu), the server links it to what was just published, so the next
    build has only its own changes to make there."""
    root, _ = served
    edit(root / "content" / "en" / "main" / "about.md", "title: About Foster Wales", "title: About us")
    result = _generator(root, "build")
    assert result.returncode == 0 and SERVED in result.stdout, result.stderr
    site, kept = inodes(root / "site"), root / ".site.staging"
    assert _wait_for(lambda: inodes(kept) == site, 60), "the kept tree was left as the build replaced it"


def test_a_mistake_is_reported_by_the_server_as_by_a_build_of_its_own(served):
    root, _ = served
    page = root / "content" / "en" / "main" / "about.md"
    edit(page, "## The regions", "## The regions\n\nSee {{ page_url('no-such-page') }}.")
    before = _snapshot(root / "site")
    by_server = _generator(root, "build")
    assert by_server.returncode == 1
    assert f"content/en/main/about.md, line {line_of(page, 'no-such-page')}:" in by_server.stderr
    assert _snapshot(root / "site") == before, "a failed build leaves the published site as it was"
    alone = _generator(root, "build", server=False)
    assert (alone.returncode, alone.stderr) == (1, by_server.stderr)


def test_a_changed_theme_stops_the_server_and_the_build_runs_in_its_own_process(served):
    root, process = served
    stylesheet = root / "site_src" / "overrides" / "assets" / "stylesheets" / "fostering.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    result = _generator(root, "build", server=True)
    assert result.returncode == 0, result.stderr
    assert SERVED not in result.stdout
    assert process.wait(timeout=30) == 0, "the server that loaded the old theme stopped"
    assert "/* changed */" in next((root / "site" / "en").rglob("fostering.css")).read_text(encoding="utf-8")
    # The build started a fresh server, which loaded the new theme and builds the next edit.
    assert _wait_for(lambda: build_server.ask(root, {"command": "ping"}) is not None)
    edit(root / "content" / "en" / "main" / "about.md", "## The regions", "## The six regions")
    assert SERVED in _generator(root, "build").stdout


def test_the_server_stops_when_told_and_when_unused(built_copy, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built_copy, root, symlinks=True)
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build-server",
                                "--idle", "1"], env=_environment(True))
    assert process.wait(timeout=60) == 0, "an unused server stops by itself"
    assert not build_server.socket_path(root).exists()

    assert "No build server was running" in _generator(root, "build-server", "--stop").stdout
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build-server"],
                               env=_environment(True))
    assert _wait_for(lambda: build_server.ask(root, {"command": "ping"}) is not None)
    assert "Stopped the build server" in _generator(root, "build-server", "--stop").stdout
    assert process.wait(timeout=30) == 0


def test_a_server_stopped_by_a_signal_stops_its_workers(built_copy, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built_copy, root, symlinks=True)
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build-server"],
                               env=_environment(True))
    assert _wait_for(lambda: build_server.ask(root, {"command": "ping"}) is not None)
    workers = [int(pid) for pid in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
    assert workers, "the server has its MkDocs workers"
    process.terminate()
    assert process.wait(timeout=30) == 0
    assert _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 30), "workers left running"
    assert not build_server.socket_path(root).exists()


def test_no_server_is_started_in_ci_or_when_switched_off(built_copy, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built_copy, root, symlinks=True)
    for environment in ({**_environment(True), "CI": "true"}, _environment(False)):
        edit(root / "content" / "en" / "main" / "about.md", "## The", "## Then")  # one more each time
        result = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"],
                                capture_output=True, text=True, env=environment, timeout=600)
        assert result.returncode == 0, result.stderr
        time.sleep(1)
        assert build_server.ask(root, {"command": "ping"}) is None
        assert not build_server.socket_path(root).exists()
