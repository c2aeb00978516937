"""Figures past their age: a number shown from data whose as_of is older than data/checks.yml allows.

Policy: a warning in a normal build (the site may still be published while someone looks for newer figures),
an error in a release build. The figures are amounts of money, the national data set's charts and the figures
of good-practice initiatives (facts such as a phone number or what a council offers are not figures):
- a chart is as recent as its newest group: it compares years on purpose, so its older groups are history; a
  chart marked `historical` (no newer figure of its measure has been published) is not checked;
- allowances and fees: only each council's latest financial year (and the latest National Minimum Allowance),
  since earlier years are kept as history and not shown as current; and not a financial year that has ended,
  which pages show as that year's rates, never as today's (`make facts` lists those councils as waiting for
  their current rates).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from generator.checks.config import load_checks_config
from generator.model.errors import Findings, Problem
from generator.model.loader import DATA_FILES
from generator.model.project import Project, walk
from generator.model.schema import ChartGroup, Figure, Money, PaymentsFile, financial_year_ended
from generator.model.yaml_source import field_name
from generator.render import i18n

FIGURES = (Money, Figure, ChartGroup)


def check_freshness(project: Project, release: bool, today: datetime.date | None = None) -> Findings:
    today = today or datetime.date.today()
    config = load_checks_config(project.root, list(DATA_FILES)).freshness  # any data file a tenant may have
    findings = Findings()
    for name, (model, doc) in project.data.items():
        limit = config.by_file.get(name, config.figure_max_age_months)
        for path, as_of in _dated(model, today):
            age = months_between(end_of(as_of), today)
            if age > limit:
                findings.add(Problem(
                    doc.file, f"{_what(path)} as of {i18n.date(as_of, 'en_GB')}, {age} months ago; figures in "
                    f"{doc.file} are checked for newer ones after {limit} months.",
                    doc.line_of(path + ("as_of",)) or doc.line_of(path), field_name(path),
                    "Look for a newer figure at the source and update the value, source and as_of. If this is "
                    f"still the latest published, change freshness.by_file in data/checks.yml for {name}."),
                    error=release)
    return findings


def _dated(model, today: datetime.date) -> Iterator[tuple[tuple, str]]:
    """(path, as_of) of each figure that is shown as current."""
    superseded = _superseded_rates(model, today) if isinstance(model, PaymentsFile) else set()
    newest: dict[tuple, tuple[tuple, str]] = {}  # chart -> its newest group's path and as_of
    for path, item in walk(model):
        as_of = getattr(item, "as_of", None)
        if not isinstance(item, FIGURES) or as_of is None or any(path[:2] == old for old in superseded):
            continue
        if isinstance(item, ChartGroup):
            chart = path[:-2]
            if _chart_at(model, chart).historical:
                continue  # presented as history on the page: no newer figure exists for its measure
            if chart not in newest or end_of(as_of) > end_of(newest[chart][1]):
                newest[chart] = (path, as_of)
            continue
        yield path, as_of
    yield from newest.values()


def _chart_at(model, path: tuple):
    for key in path:
        model = model[key] if isinstance(key, int) else getattr(model, key)
    return model


def _superseded_rates(payments: PaymentsFile, today: datetime.date) -> set[tuple]:
    """Paths of the yearly rates that a later year of the same council (or of the national minimum) replaced, or
    whose financial year is over (shown as that year's)."""
    old = set()
    for key in ("national_minimum_allowance", "authorities"):
        records = getattr(payments, key)
        latest: dict[str, str] = {}
        for rates in records:
            who = getattr(rates, "authority", "")
            latest[who] = max(latest.get(who, rates.year or ""), rates.year or "")
        old |= {(key, index) for index, rates in enumerate(records)
                if (rates.year or "") != latest[getattr(rates, "authority", "")]
                or (rates.year and financial_year_ended(rates.year, today))}
    return old


def end_of(as_of: str) -> datetime.date:
    """The last day an as_of covers: '2020' -> 31 December 2020, '2020-03' -> 31 March 2020."""
    parts = [int(part) for part in as_of.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def months_between(start: datetime.date, end: datetime.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months



def _what(path: tuple) -> str:
    return "The newest figures of this chart are" if "groups" in path else "This figure is"
