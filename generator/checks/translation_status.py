"""Whether each translation is up to date with the page it translates, and the status report for pull requests.

Every page of the default language (English) has a *version*: 8 letters (a-p) from a fingerprint (SHA-256)
of its title, description and body, with line breaks and spacing ignored (re-wrapping a paragraph is not a
change). Letters only, so YAML never reads a version as a number. A translation records in its front matter
the version it was made from (`translates: kgbmdpae`). When the
English changes, its version changes and the translation is *out of date* until someone updates it and records
the new version. A translation that records no version is *not recorded*.

Both are warnings in a normal build and errors in a release build. Pages missing in a language and data text
missing a language are refused earlier, by validation (model.loader, model.schema); data text marked
`awaiting_translation` is listed here too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.model.content import SourcePage
from generator.model.errors import Findings, Problem
from generator.model.project import Project, walk
from generator.model.schema import Text, language_name
from generator.model.yaml_source import field_name

UP_TO_DATE = "up to date"
OUT_OF_DATE = "out of date"
NOT_RECORDED = "not recorded"


def version(page: SourcePage) -> str:
    """The version of a page's text: changes whenever its title, description or words change."""
    text = "\n".join((page.meta.title, page.meta.description or "", page.body))
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]
    return "".join(chr(ord("a") + int(digit, 16)) for digit in digest)


@dataclass(frozen=True)
class Translation:
    original: SourcePage  # the default-language page
    page: SourcePage  # its translation

    @property
    def state(self) -> str:
        if self.page.meta.translates is None:
            return NOT_RECORDED
        return UP_TO_DATE if self.page.meta.translates == version(self.original) else OUT_OF_DATE

    @property
    def label(self) -> str:
        where = f"{self.original.authority}'s own" if self.original.authority else self.original.kind
        return f"{where}: {self.original.id}"


def translations(project: Project) -> list[Translation]:
    """Every translated page with its original, in the order of the content folders."""
    default = project.default_language
    originals = {(p.kind, p.authority, p.id): p for p in project.pages if p.lang == default}
    return [Translation(originals[(p.kind, p.authority, p.id)], p) for p in project.pages
            if p.lang != default and (p.kind, p.authority, p.id) in originals]


def awaiting_translation(project: Project) -> list[Problem]:
    """Data text marked awaiting_translation, with its file, line and field."""
    found = []
    for model, doc in project.data.values():
        for path, item in walk(model):
            if isinstance(item, Text) and item.awaiting_translation:
                missing = [language_name(code) for code in project.languages if not item.root.get(code)]
                found.append(Problem(doc.file, f"This text is awaiting translation into {', '.join(missing)}; "
                                     "pages show it untranslated.", doc.line_of(path), field_name(path),
                                     "Add the translation and remove 'awaiting_translation: true'."))
    return found


def check_translations(project: Project, release: bool) -> Findings:
    """Out-of-date and unrecorded translations, and data awaiting translation: warnings, or errors in a release."""
    findings = Findings()
    default = project.default_language
    for page in project.pages:
        if page.lang == default and page.meta.translates is not None:
            findings.add(Problem(page.file, f"Only a translation records which version it translates; this is the "
                                 f"{language_name(default)} original.", page.field_line("translates"), "translates",
                                 "Remove the 'translates:' line."), error=True)
    for item in translations(project):
        original, page = item.original, item.page
        current = version(original)
        own, other = language_name(page.lang), language_name(original.lang)
        if item.state == OUT_OF_DATE:
            findings.add(Problem(
                page.file, f"The {other} page {original.file} has changed since this {own} translation was made "
                f"(it translates version {page.meta.translates}; the {other} page is now version {current}).",
                page.field_line("translates"), "translates",
                f"See what changed (git log -p {original.file}), update the {own} to match, then set "
                f"'translates: {current}' (or run: make translated FILE={page.file})."), error=release)
        elif item.state == NOT_RECORDED:
            findings.add(Problem(
                page.file, f"This {own} page does not say which version of {original.file} it translates.",
                page.field_line("id"),
                "translates", f"Check it says what the {other} page says, then add 'translates: {current}' to its "
                f"front matter (or run: make translated FILE={page.file})."), error=release)
    for problem in awaiting_translation(project):
        findings.add(problem, error=release)
    return findings


def status_report(project: Project) -> str:
    """Every page with its translation state, as a Markdown table to paste into a pull request."""
    default = project.default_language
    items = translations(project)
    others = [code for code in project.languages if code != default]
    counts = {state: sum(item.state == state for item in items) for state in (UP_TO_DATE, OUT_OF_DATE, NOT_RECORDED)}
    lines = ["## Translation status", "",
             f"{len(items)} translated pages: {counts[UP_TO_DATE]} up to date, {counts[OUT_OF_DATE]} out of date, "
             f"{counts[NOT_RECORDED]} not recorded.", ""]
    header = ["Page", language_name(default)] + [language_name(code) for code in others]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    by_original: dict[str, dict[str, Translation]] = {}
    for item in items:
        by_original.setdefault(item.original.file, {})[item.page.lang] = item
    for original_file, versions in by_original.items():
        first = next(iter(versions.values()))
        cells = [first.label, f"`{original_file}` ({version(first.original)})"]
        for code in others:
            item = versions.get(code)
            cells.append(_cell(item) if item else "**missing**")
        lines.append("| " + " | ".join(cells) + " |")
    awaiting = awaiting_translation(project)
    lines += ["", f"Data text awaiting translation: {len(awaiting)}."]
    if awaiting:
        lines += ["", "| File | Line | Field |", "|---|---|---|"]
        lines += [f"| `{p.file}` | {p.line or ''} | `{p.field}` |" for p in awaiting]
    return "\n".join(lines) + "\n"


def _cell(item: Translation) -> str:
    state = item.state
    text = f"`{item.page.file}`: "
    if state == UP_TO_DATE:
        return text + UP_TO_DATE
    if state == OUT_OF_DATE:
        return text + f"**out of date** (translates {item.page.meta.translates}, now {version(item.original)})"
    return text + "**not recorded**"


_FRONT_MATTER_END = re.compile(r"^---\s*$", re.MULTILINE)


def mark_translated(project: Project, files: list[str]) -> list[str]:
    """Record in each translation's front matter that it translates the current version of its original.

    Returns what was done, one line per file. Raises ValueError for a file that is not a translation.
    """
    by_file = {item.page.file: item for item in translations(project)}
    done = []
    for file in files:
        name = Path(file).resolve().relative_to(project.root).as_posix() if Path(file).is_absolute() else file
        item = by_file.get(Path(name).as_posix())
        if item is None:
            raise ValueError(f"{file} is not a translated page (a page under content/<language>/ other than "
                             f"content/{project.default_language}/).")
        current = version(item.original)
        path = project.root / item.page.file
        text = path.read_text(encoding="utf-8")
        closing = list(_FRONT_MATTER_END.finditer(text))[1]
        head, rest = text[:closing.start()], text[closing.start():]
        if re.search(r"^translates:.*$", head, re.MULTILINE):
            head = re.sub(r"^translates:.*$", f"translates: {current}", head, count=1, flags=re.MULTILINE)
        else:
            head += f"translates: {current}\n"
        path.write_text(head + rest, encoding="utf-8")
        done.append(f"{item.page.file}: translates {item.original.file} version {current}")
    return done
