"""Checks over the model and the built output. They never reach into the renderer."""

from __future__ import annotations

import datetime
from pathlib import Path

from ..errors import Problem
from ..model import Project
from .figures import check_figures
from .glossary import check_glossary
from .handbook_reviews import check_reviews
from .language import check_language
from .links import check_links


def check_output(project: Project, tree: Path) -> list[Problem]:
    """Everything that must hold of a built tree before it is published."""
    return (check_links(project, tree) + check_figures(project, tree) + check_language(project, tree)
            + check_glossary(project, tree))


def check_warnings(project: Project, today: datetime.date | None = None) -> list[Problem]:
    """What a contributor should see after a normal build, and a release build refuses."""
    return check_reviews(project, today or datetime.date.today())
