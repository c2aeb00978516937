"""Checks over the model and the built output. They never reach into the renderer.

Each HTML file is read once into `facts.PageFacts` (which an incremental build keeps for the files it did
not rebuild); the checks judge the facts of the whole tree.
`check_output` runs in every build before publishing; `gates` runs every quality gate (`make gates`).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from pathlib import Path

from generator.checks.alternates import check_alternates
from generator.checks.facts import PageFacts, read_tree
from generator.checks.figures import check_figures
from generator.checks.freshness import check_freshness
from generator.checks.glossary import check_glossary
from generator.checks.handbook_reviews import check_reviews
from generator.checks.language import check_language
from generator.checks.links import check_links
from generator.checks.safety import check_output_safety
from generator.checks.translation_status import check_translations
from generator.model.errors import Findings, Problem
from generator.model.project import Project


def check_output(project: Project, tree: Path, facts: Mapping[str, PageFacts] | None = None,
                 scope: Collection[str] | None = None, files: Mapping[str, object] | None = None) -> list[Problem]:
    """Everything that must hold of a built tree before it is published.

    facts: every HTML file's facts by its path relative to tree; read from the tree when not given.
    scope: the HTML files to judge (paths relative to tree), when not all of them: an incremental build judges
    only the sites that changed. The rest of the tree is still read where a judged file needs it (a link's
    target, a page's translation). files: every file of tree (by relative path), when known.
    """
    if facts is None:
        facts = read_tree(tree)
    return (check_links(project, tree, facts, scope, files) + check_alternates(project, tree, facts, scope)
            + check_figures(project, tree, facts, scope) + check_language(project, tree, facts, scope)
            + check_glossary(project, tree, facts, scope) + check_output_safety(project, tree, facts, scope))


def check_currency(project: Project, release: bool, today: datetime.date | None = None) -> Findings:
    """Out-of-date translations, figures and handbook chapters: warnings in a normal build, errors in a
    release build."""
    findings = check_translations(project, release)
    findings.extend(check_freshness(project, release, today))
    findings.extend(check_reviews(project, release, today))
    return findings
