"""Which built pages an incremental build checks: those where a check could now find what it did not find when
their site last passed.

What a site's checks read is its built projects (one per language) and the **check base**
(`build.keys.check_base`: the model digest and every project's reach). A site whose projects and base are
those it last passed with is not checked. When only its projects changed, each against the output it last
passed with, just their pages that came out differently are checked, with those pages' translations (the
alternates and glossary checks compare a page with them): every other page reads what it read when it passed.
Otherwise (new data, front matter, theme, a page added or removed, a heading's id, a site that never passed)
every page of the site is checked.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.checks.facts import TreeFacts
from generator.model.project import Project, Site
from generator.render.urls import page_files, site_output_dir

Passed = dict  # a site's record in the build cache: {"base": check base, "projects": {lang: project key}}


def records(project: Project, base: str, keys: Mapping[str, str]) -> dict[str, Passed]:
    """What each site's checks read now, as recorded when it passes (keys: each project's key by
    '<lang>/<site>', `cache.project_key`)."""
    return {site.id: {"base": base, "projects": {lang: keys[f"{lang}/{site.id}"] for lang in project.languages}}
            for site in project.sites}


def pages_to_check(project: Project, facts: TreeFacts, base: str, keys: Mapping[str, str],
                   passed: Mapping[str, Passed], rebuilt: Mapping[str, tuple[str | None, frozenset[str]]]) -> set[str]:
    """The tree-relative paths of the HTML files to check.

    keys: as for `records`; passed: each site's record when it last passed (`cache.checked`); rebuilt: for each
    project built in this build, the key of the output its pages were compared with (None: none) and the pages
    that came out differently (`facts.read_site`).
    """
    now = records(project, base, keys)
    scope: set[str] = set()
    for site in project.sites:
        record = passed.get(site.id)
        if record == now[site.id]:
            continue
        changed = _changed_pages(site, record, base, now[site.id]["projects"], rebuilt)
        if changed is None:
            scope.update(path for lang in project.languages for path in facts.paths_of(site_output_dir(site, lang)))
        else:
            scope.update(changed, *_translations(project, site, changed))
    return scope


def _changed_pages(site: Site, record: Passed | None, base: str, site_keys: Mapping[str, str],
                   rebuilt: Mapping[str, tuple[str | None, frozenset[str]]]) -> set[str] | None:
    """The site's pages that came out differently from when it passed; None when that is not known."""
    if not isinstance(record, dict) or record.get("base") != base:
        return None
    changed: set[str] = set()
    for lang, key in site_keys.items():
        before = record.get("projects", {}).get(lang)
        if before == key:
            continue
        compared_with, names = rebuilt.get(f"{lang}/{site.id}", (None, frozenset()))
        if before is None or compared_with != before:  # changed in a build that did not pass, or not rebuilt
            return None
        folder = site_output_dir(site, lang)
        changed.update(folder + name for name in names)
    return changed


def _translations(project: Project, site: Site, changed: set[str]) -> list[list[str]]:
    """For each of the site's pages with a language version in changed, every language version."""
    return [list(row.files.values()) for row in page_files(project)
            if row.page.site.id == site.id and not changed.isdisjoint(row.files.values())]
