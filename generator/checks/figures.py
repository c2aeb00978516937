"""Every figure a page shows comes from data with a source: numbers outside sourced elements are refused.

Data-driven figures are rendered inside an element with `data-source` (charts, counts); dates are in
<time>. Any other numeral (a year excepted) was typed into a page, where nobody can see its source.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from generator.checks.facts import PageFacts
from generator.checks.pages import built_pages
from generator.model.errors import Problem
from generator.model.project import Project


def check_figures(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                  scope: Collection[str] | None = None) -> list[Problem]:
    problems = []
    for page in built_pages(project, tree, scope):
        for numeral, text in facts[page.relative].figures:
            problems.append(Problem(
                page.source_file, f"The page shows the figure '{numeral}' typed into its text, with no "
                f"source (in \"{text.strip()[:80]}\").",
                fix="Put the figure in a data file with its source and as_of, and show it from there "
                    "(see the contributor guide), or write the sentence without it."))
    return list(dict.fromkeys(problems))
