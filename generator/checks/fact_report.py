"""`make facts`: a report, for a marketing officer, of what the data knows and what it still waits for.

Every fact a page shows as known or "to be confirmed" (a phone number, a rate, an offer, a chart's figure) is
counted per data file and per council; confirmed facts are listed oldest first (the first to check for a newer
one), unconfirmed ones with what each waits for (its `note`, or a published source). Read from the validated
model, so the report and the pages never disagree.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.checks.freshness import end_of
from generator.model.project import Project, walk
from generator.model.schema import Chart, Sourced
from generator.model.yaml_source import field_name

WAITING = "a published source that gives it"


@dataclass(frozen=True)
class Entry:
    file: str
    line: int | None
    field: str
    council: str | None  # the authority id, where the fact is one council's
    known: bool
    as_of: str | None
    source: str | None
    waiting: str  # what an unconfirmed fact waits for; "" when known


def entries(project: Project) -> list[Entry]:
    found = []
    for name, (model, doc) in project.data.items():
        for path, item in walk(model):
            if isinstance(item, Sourced):
                found.append(Entry(doc.file, doc.line_of(path), field_name(path), _council(project, name, path),
                                   item.known, item.as_of, item.source, "" if item.known else item.note or WAITING))
            elif isinstance(item, Chart):
                for g, group in enumerate(item.groups):
                    for serie in group.values:
                        where = path + ("groups", g, "values", serie)
                        found.append(Entry(doc.file, doc.line_of(where), field_name(where),
                                           group.id if group.id in {a.id for a in project.authorities} else None,
                                           True, group.as_of, group.source or item.source, ""))
    # The online handbook is known from the site itself for every council whose site publishes it.
    for offer in project.offer.offer_types if project.offer else ():
        if offer.derived_from == "handbook":
            for authority in project.authorities:
                known = project.publishes_handbook(project.site(authority.id))
                found.append(Entry("data/offer.yml", None, f"{offer.id} (from the site's handbook)", authority.id,
                                   known, None, None, "" if known else "the site to publish the handbook"))
    return found


def _council(project: Project, name: str, path: tuple) -> str | None:
    model = project.data[name][0]
    item = model
    for index, key in enumerate(path):
        item = item[key] if isinstance(key, int | str) and isinstance(item, dict | list | tuple) else getattr(item,
                                                                                                             key)
        if index == 1 and name == "offer" and path[0] in ("authorities",):
            return path[1]
        if name == "offer" and path[:2] == ("national_commitment", "adoption") and index == 2:
            return path[2]
        authority = getattr(item, "authority", None) or (getattr(item, "id", None) if name == "authorities" else None)
        if isinstance(authority, str):
            return authority
    return None


def summary(project: Project, found: list[Entry]) -> dict[str, int]:
    """The figures of the README (issue 25, items 2 and 3)."""
    authorities = project.authorities
    contact = sum(1 for a in authorities if a.phone.known or a.email.known)
    web = sum(1 for a in authorities if a.web_page.known)
    rates = [r for r in project.payments.authorities if r.known] if project.payments else []
    return {
        "councils": len(authorities),
        "councils with a confirmed phone or email": contact,
        "councils with a confirmed web page": web,
        "councils with confirmed allowance rates (of some year)": len({r.authority for r in rates}),
        "council allowance rates confirmed (age bands)": sum(m.known for r in rates for m in r.weekly.values()),
        "council allowance rates still unconfirmed (age bands)": sum(
            not m.known for r in project.payments.authorities for m in r.weekly.values()) if project.payments else 0,
        "National Minimum Allowance amounts confirmed": sum(
            m.known for r in project.payments.national_minimum_allowance for m in r.weekly.values())
        if project.payments else 0,
        "National Minimum Allowance yearly rises confirmed": sum(
            u.known for u in project.payments.national_minimum_uplifts) if project.payments else 0,
        "facts confirmed": sum(e.known for e in found),
        "facts unconfirmed": sum(not e.known for e in found),
    }


def report(project: Project, today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    found = entries(project)
    names = {a.id: a.name.get("en") for a in project.authorities}
    lines = [f"# Facts: confirmed and unconfirmed ({today.isoformat()})", "", "## Summary", ""]
    lines += [f"- {what}: {count}" for what, count in summary(project, found).items()]

    lines += ["", "## By file", "", "| File | Confirmed | Unconfirmed | Oldest confirmed |", "|---|---|---|---|"]
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in found:
        by_file[entry.file].append(entry)
    for file in sorted(by_file):
        group = by_file[file]
        lines.append(f"| {file} | {sum(e.known for e in group)} | {sum(not e.known for e in group)} | "
                     f"{_oldest(group)} |")

    lines += ["", "## By council", "", "| Council | Confirmed | Unconfirmed | Oldest confirmed | Waiting for |",
              "|---|---|---|---|---|"]
    by_council: dict[str, list[Entry]] = defaultdict(list)
    for entry in found:
        if entry.council in names:
            by_council[entry.council].append(entry)
    for authority in project.authorities:
        group = by_council[authority.id]
        waits = Counter(e.waiting for e in group if not e.known)
        waiting = "; ".join(f"{what} ({count})" for what, count in waits.most_common())
        lines.append(f"| {names[authority.id]} | {sum(e.known for e in group)} | {sum(not e.known for e in group)}"
                     f" | {_oldest(group)} | {waiting or '-'} |")

    lines += ["", "## Confirmed facts, oldest first", "", "| As of | File, line | Field | Source |",
              "|---|---|---|---|"]
    dated = (e for e in found if e.known and e.as_of)
    for entry in sorted(dated, key=lambda e: (end_of(e.as_of), e.file, e.line or 0)):
        lines.append(f"| {entry.as_of} | {entry.file}, line {entry.line} | {entry.field} | {entry.source} |")

    lines += ["", "## Unconfirmed facts and what each waits for", "", "| File, line | Field | Waiting for |",
              "|---|---|---|"]
    for entry in sorted((e for e in found if not e.known), key=lambda e: (e.file, e.line or 0)):
        where = f"{entry.file}, line {entry.line}" if entry.line else entry.file
        lines.append(f"| {where} | {entry.field} | {entry.waiting} |")
    return "\n".join(lines) + "\n"


def _oldest(group: list[Entry]) -> str:
    dated = [e.as_of for e in group if e.known and e.as_of]
    return min(dated, key=end_of) if dated else "-"
