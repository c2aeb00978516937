"""Standard terms are used consistently: where a page uses a glossary term, its translation uses the
term's translation (in one of its listed forms)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path

from generator.checks.facts import PageFacts
from generator.model.errors import Problem
from generator.model.project import Project
from generator.render.urls import page_files


def check_glossary(project: Project, tree: Path, facts: Mapping[str, PageFacts],
                   scope: Collection[str] | None = None) -> list[Problem]:
    default = project.default_language
    problems = []
    for page, files, _ in page_files(project):
        if scope is not None and not any(file in scope for file in files.values()):
            continue
        texts = {lang: facts[file].text for lang, file in files.items()}
        for term in project.glossary:
            if not _uses(texts[default], term.forms.get(default)):
                continue
            for lang in project.languages:
                if lang != default and not _uses(texts[lang], term.forms.get(lang)):
                    where = f" (on the {page.site.authority.name.get(default)} site)" if page.site.authority else ""
                    problems.append(Problem(
                        page.source(lang).file,
                        f"The {default} page uses '{term.term.get(default)}', but this page never uses the standard "
                        f"term '{term.term.get(lang)}'{where}.",
                        fix=f"Use '{term.term.get(lang)}' (or one of: {', '.join(term.forms.get(lang))}), as in "
                            "data/glossary.yml, or change the glossary if the standard term should change."))
    return list(dict.fromkeys(problems))


def _uses(text: str, forms: list[str]) -> bool:
    # Found by plain substring search, then the word boundaries tested where it was found: a pattern that
    # starts with a lookbehind would be tried at every character of a long page.
    for form in forms:
        form = form.lower()
        pattern = _whole_word(form)
        start = text.find(form)
        while start >= 0:
            if pattern.match(text, start):
                return True
            start = text.find(form, start + 1)
    return False


@cache
def _whole_word(form: str) -> re.Pattern:
    return re.compile(rf"(?<![\w']){re.escape(form)}(?!\w)")
