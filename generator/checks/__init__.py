"""Checks over the model and the built output. They never reach into the renderer.

Each HTML file is read once into `facts.PageFacts` (which an incremental build keeps for the files it did
not rebuild); the checks judge the facts of the whole tree.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..errors import Problem
from ..model import Project
from .facts import PageFacts, read_tree
from .figures import check_figures
from .glossary import check_glossary
from .handbook_reviews import check_reviews
from .language import check_language
from .links import check_links


def check_output(project: Project, tree: Path, facts: dict[str, PageFacts] | None = None) -> list[Problem]:
    """Everything that must hold of a built tree before it is published.

    facts: every HTML file's facts by its path relative to tree; read from the tree when not given.
    """
    if facts is None:
        facts = read_tree(tree)
    return (check_links(project, tree, facts) + check_figures(project, tree, facts)
            + check_language(project, tree, facts) + check_glossary(project, tree, facts))


def check_warnings(project: Project, today: datetime.date | None = None) -> list[Problem]:
    """What a contributor should see after a normal build, and a release build refuses."""
    return check_reviews(project, today or datetime.date.today())
