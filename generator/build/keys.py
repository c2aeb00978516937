"""What each generated project is rendered from, and what each site's output checks read, as digests.

An incremental build renders again only the projects whose render key changed, and checks again only the
pages where a check could find something new (`check_base`, and `checks.scope`; see `cache` for what is
kept). The keys are deliberately coarse: a page is rendered from its own text and from the **model
digest**, which covers everything but the pages' texts (the data, every page's front matter and file, the
theme, catalogues and generator, and the build's options). So an edit to one page's text renders only the
projects showing that page, while a changed title, slug or data value renders everything. A handbook page is
composed from every chapter and variation, so a project with handbook pages depends on all of them in its
language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from generator.model.handbook import handbook_texts_digest
from generator.model.project import Project, Site
from generator.trees import hash_tree


def _digest(*parts: str) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest


def model_digest(project: Project, shared: str, options: dict) -> str:
    """Everything a build reads except the pages' texts; shared is `fingerprint.shared_digest`."""
    digest = _digest(shared, json.dumps(options, sort_keys=True))
    hash_tree(digest, project.root, project.root / "data")
    for page in sorted(project.pages, key=lambda page: page.file):
        digest.update(json.dumps([page.file, page.lang, page.kind, page.authority, page.region, page.slug,
                                  page.body_line, page.meta_lines, page.meta.model_dump(mode="json")],
                                 sort_keys=True).encode())
    return digest.hexdigest()


def render_key(project: Project, model: str, site: Site, lang: str) -> str:
    """What the project of one site in one language is rendered from: the model digest and the texts of its
    pages in that language."""
    digest = _digest(model, site.id, lang)
    # The handbook's pages need not be composed: see below.
    for page in project.navigation_pages(site) + project.story_pages(site):
        source = page.source(lang)
        digest.update(source.file.encode() + b"\0" + source.body.encode() + b"\0")
    if project.publishes_handbook(site):
        digest.update(handbook_texts_digest(project, lang).encode())
    return digest.hexdigest()


def project_key(shared: str, files: dict[str, str]) -> str:
    """What a project's build depends on: its rendered files and the shared inputs."""
    digest = hashlib.blake2b(shared.encode(), digest_size=20)
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return digest.hexdigest()


def check_base(model: str, reach: str) -> str:
    """What the output checks of every site read besides its own built projects: the model digest and what
    links into other sites can reach (see `checks.scope`)."""
    return _digest(model, reach).hexdigest()


def reach_digest(reaches: Iterable[tuple[str, str]]) -> str:
    """Every project's reach (output folder, digest of its file names and ids), together."""
    return _digest(*(f"{folder} {reach}" for folder, reach in sorted(reaches))).hexdigest()
