"""No figure typed into a page's Markdown: checked in what a contributor wrote, so `generator check` refuses it
with the file and line before anything is built.

The built-page gate (`checks.figures`) sees every numeral a page shows outside a sourced element, but names only
the file a page is built from (for a handbook chapter, its core file, not the regional variation that was
edited). This reads each Markdown file with template code blanked out: any numeral left (a year excepted, as in
`schema.NUMERAL`) was typed by hand. Addresses, attribute lists, tags and list numbers are not text.
"""

from __future__ import annotations

import re

from generator.checks.safety import written_markdown
from generator.model.errors import Problem
from generator.model.project import Project
from generator.model.schema import NUMERAL

_NOT_TEXT = re.compile(r"\]\([^)]*\)|^[ \t]{0,3}\[[^\]\n]+\]:.*$|\{[^}\n]*\}|<[^>\n]*>|^[ \t]*\d+[.)][ \t]"
                       r"|\bhttps?://\S+", re.MULTILINE)


def check_source_figures(project: Project) -> list[Problem]:
    problems = []
    for page in project.pages:
        if not page.file.endswith(".md") or not NUMERAL.search(page.body):
            continue
        for number, line in enumerate(written_markdown(project, page).split("\n"), start=1):
            if number >= page.body_line and (match := NUMERAL.search(_NOT_TEXT.sub(" ", line))):
                problems.append(Problem(
                    page.file, f"The figure '{match.group()}' is typed into the text, with no source.", number,
                    fix="Put the figure in a data file with its source and as_of, and show it from there (see the "
                        "contributor guide), or write the sentence without it."))
    return problems
