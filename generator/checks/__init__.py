"""Checks over the model and the built output. They never reach into the renderer.

`check_output` runs in every build before publishing; `gates` runs every quality gate (`make gates`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Findings, Problem
from ..model import Project
from .alternates import check_alternates
from .figures import check_figures
from .freshness import check_freshness
from .glossary import check_glossary
from .language import check_language
from .links import check_links
from .safety import check_output_safety
from .translation_status import check_translations


def check_output(project: Project, tree: Path) -> list[Problem]:
    """Everything that must hold of a built tree before it is published."""
    return (check_links(project, tree) + check_alternates(project, tree) + check_figures(project, tree)
            + check_language(project, tree) + check_glossary(project, tree) + check_output_safety(project, tree))


def check_currency(project: Project, release: bool) -> Findings:
    """Out-of-date translations and figures: warnings in a normal build, errors in a release build."""
    findings = check_translations(project, release)
    findings.extend(check_freshness(project, release))
    return findings
