"""Handbook material past its review date: a warning in a normal build, refused by a release build."""

from __future__ import annotations

import datetime

from generator.model.errors import Findings, Problem
from generator.model.handbook import due_date, is_overdue
from generator.model.project import Project
from generator.render.i18n import date


def check_reviews(project: Project, release: bool, today: datetime.date | None = None) -> Findings:
    today = today or datetime.date.today()
    findings = Findings()
    for page in project.pages:
        if page.kind not in ("chapter", "variation") or not is_overdue(page.meta, today):
            continue
        what = "chapter" if page.kind == "chapter" or page.meta.action == "add-chapter" else "section"
        findings.add(Problem(
            page.file, f"This {what} was due for review on {date(due_date(page.meta), 'en_GB')} (it was last "
            f"reviewed on {date(page.meta.reviewed, 'en_GB')}, and is reviewed every {page.meta.review_months} "
            f"months). Carers see it flagged as overdue.", page.field_line("reviewed"), "reviewed",
            f"Ask its owner ({page.meta.owner}) to review it; then set 'reviewed:' to the date of the review and, "
            "if anything changed, add a change note under 'changes:'."), error=release)
    return findings
