"""No English paragraph left in a page of another language (a simple function-word count).

A paragraph of eight words or more is flagged when English function words clearly outnumber those of
the page's own language (the count is in `facts`). Names and short labels are too short to count.

A name kept in another language (data/glossary.yml `names`) must be inside an element marked with that
language; the build marks them (generator/render/names.py), so one found unmarked means that step was missed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from generator.checks.facts import PageFacts
from generator.checks.pages import built_pages
from generator.model.errors import Problem
from generator.model.project import Project
from generator.render.names import kept_names, unmarked


def check_language(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                   scope: Collection[str] | None = None) -> list[Problem]:
    problems = []
    names = kept_names(project)
    for page in built_pages(project, tree, scope):
        for name in sorted(set(unmarked(page.path.read_text(encoding="utf-8"), page.lang, names))):
            problems.append(Problem(page.source_file, f"This {page.lang} page has the name \"{name}\" without "
                                    "the language it is in marked, so screen readers mispronounce it.",
                                    fix="Build the site with `make site` (the build marks names listed in "
                                    "data/glossary.yml `names`), or wrap it in <span lang=\"..\">."))
        for sample in facts[page.relative].english:
            problems.append(Problem(page.source_file, f"This {page.lang} page has a paragraph that reads as "
                                    f"English: \"{sample}\".",
                                    fix="Translate it, or move it to the English page."))
    return problems
