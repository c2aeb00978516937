"""The plain route (FOSTERING_PLAIN_MKDOCS=1: nothing of MkDocs or Material replaced, Material's own partials)
publishes what the seam's route publishes, byte for byte, but for the one difference the seam names.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.mkdocs_ext import seam
from tests.conftest import Built, copy_project, run_generator


def _files(tree: Path) -> dict[str, Path]:
    return {path.relative_to(tree).as_posix(): path for path in tree.rglob("*") if path.is_file()}


def _local_site(relative: str, local_sites: set[str]) -> str | None:
    """The local site folder ('cy/abertawe') a published file belongs to, if any."""
    parts = relative.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and "/".join(parts[:2]) in local_sites else None


def _as_shared(html: str, relative: str, site: str) -> str:
    """A plain-route page of a local site with its theme links written as the seam writes them: to the copy at
    the root of the language tree, one folder further up (and, on the error page, without the site's folder)."""
    depth = relative.count("/") - 1  # folders between the language tree's root and the page
    own = "../" * (depth - 1) + "assets/"
    html = re.sub(r'(["\'])' + re.escape(own), lambda match: match.group(1) + "../" * depth + "assets/", html)
    return html.replace(f'"/{site.split("/")[1]}/assets/', '"/assets/')


def test_the_plain_route_publishes_the_same_bytes_but_for_the_named_difference(built: Built, tmp_path,
                                                                               monkeypatch):
    assert set(seam.PLAIN_ROUTE_DIFFERENCES) == {"theme assets"}
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv(seam.PLAIN_SWITCH, "1")  # for the command line, a process of its own
    result = run_generator(project, "build", "--output", str(tmp_path / "plain"))
    assert result.returncode == 0, result.stderr
    plain, fast = _files(tmp_path / "plain"), _files(built.output)
    local_sites = {f"{lang}/{site.slug(lang)}" for site in built.project.sites if site.authority
                   for lang in built.project.languages}

    own_copies = {name for name in plain if _local_site(name, local_sites) and name.split("/")[2] == "assets"}
    assert own_copies, "the plain route gives every local site its own copy of the theme's files"
    for name in own_copies:  # each the same as the language tree's copy the seam's route links to
        shared = "/".join(name.split("/")[:1] + name.split("/")[2:])
        assert plain[name].read_bytes() == fast[shared].read_bytes(), name
    assert set(plain) - own_copies == set(fast)

    differ = []
    for name, path in fast.items():
        ours, theirs = path.read_bytes(), plain[name].read_bytes()
        if ours == theirs:
            continue
        site = _local_site(name, local_sites)
        if site and name.endswith(".html") and _as_shared(theirs.decode(), name, site) == ours.decode():
            continue
        differ.append(name)
    assert differ == []
    assert any(_local_site(name, local_sites) and fast[name].read_bytes() != plain[name].read_bytes()
               for name in fast if name.endswith(".html")), "the difference named is really there"

