"""Checks over the model and the built output. They never reach into the renderer."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import Project
from .figures import check_figures
from .glossary import check_glossary
from .language import check_language
from .links import check_links


def check_output(project: Project, tree: Path) -> list[Problem]:
    """Everything that must hold of a built tree before it is published."""
    return (check_links(project, tree) + check_figures(project, tree) + check_language(project, tree)
            + check_glossary(project, tree))
