"""The carer handbook: composition per authority, review dates and flags, amendments, print view, search."""

from __future__ import annotations

import datetime
import json

import pytest

from generator.model.handbook import compose, due_date
from generator.model.loader import load_project
from generator.render import urls
from tests.conftest import copy_project, edit, line_of, parse, run_generator

LANGS = ("en", "cy")


def handbook_page(built, site_id: str, page_id: str, lang: str):
    page = next(p for p in built.project.site_pages(built.project.site(site_id)) if p.id == page_id)
    return page, parse(built.output / urls.output_path(page, lang) / "index.html")


def variation_titles(project, lang: str) -> dict:
    """Every variation's heading in a language, by its file."""
    return {p.file: p.meta.title for p in project.pages if p.kind == "variation" and p.lang == lang}


def applies(page, authority) -> bool:
    return page.region == authority.region or page.authority == authority.id


def test_the_handbook_has_its_own_folder_in_each_language(built):
    project = built.project
    for authority in project.authorities:
        for lang in LANGS:
            folder = project.handbook.folder.get(lang)
            home = built.output / lang / authority.slug.get(lang) / folder / "index.html"
            assert home.exists(), home
    assert project.handbook.folder.get("en") == "handbook" and project.handbook.folder.get("cy") == "llawlyfr"


@pytest.mark.parametrize("lang", LANGS)
def test_each_authority_gets_the_core_and_its_own_variations_and_no_one_elses(built, lang):
    project = built.project
    variations = [p for p in project.pages if p.kind == "variation" and p.lang == lang]
    assert {p.region for p in variations if p.region} and {p.authority for p in variations if p.authority}
    core_titles = {p.meta.title for p in project.pages if p.kind == "chapter" and p.lang == lang}
    for authority in project.authorities:
        _, soup = handbook_page(built, authority.id, "handbook-print", lang)
        text = soup.select_one("article").get_text(" ")
        headings = {h.get_text(" ").strip() for h in soup.select("article h2, article h3")}
        for title in core_titles:
            assert any(h.endswith(title) for h in headings), (authority.id, title)
        for variation in variations:
            shown = any(h.endswith(variation.meta.title) for h in headings)
            assert shown == applies(variation, authority), (authority.id, variation.file)
            if shown:  # visibly marked as the region's or council's own
                place = (project.region(variation.region) if variation.region else authority).name.get(lang)
                assert place in text


@pytest.mark.parametrize("lang", LANGS)
def test_local_sections_sit_in_a_labelled_box(built, lang):
    project = built.project
    section = next(p for p in project.pages if p.kind == "variation" and p.lang == lang
                   and p.meta.action == "add-section" and p.region)
    authority = next(a for a in project.authorities if a.region == section.region)
    _, soup = handbook_page(built, authority.id, section.meta.chapter, lang)
    box = next(h for h in soup.select("article h2") if h.get_text().strip() == section.meta.title).parent
    assert "fw-local" in box.get("class", [])
    assert project.region(section.region).name.get(lang) in box.select_one(".fw-local__label").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_chapters_are_numbered_in_order_with_local_chapters_lettered(built, lang):
    project = built.project
    added = next(p for p in project.pages if p.kind == "variation" and p.lang == lang
                 and p.meta.action == "add-chapter")
    site = project.site(added.authority)
    chapters = compose(project, site, lang)
    _, soup = handbook_page(built, site.id, "handbook", lang)
    rows = soup.select("article table tbody tr")
    assert [r.select_one(".fw-chapter-number").get_text() for r in rows] == [f"{c.number}." for c in chapters]
    core_numbers = [c.number for c in chapters if not c.local]
    assert core_numbers == [str(n) for n in range(1, len(project.handbook.chapters) + 1)]
    after = project.handbook.chapters.index(added.meta.after) + 1
    assert next(c.number for c in chapters if c.local) == f"{after}A"


@pytest.mark.parametrize("lang", LANGS)
def test_each_chapter_shows_its_owner_and_review_dates(built, lang):
    project = built.project
    for chapter_id in project.handbook.chapters:
        page, soup = handbook_page(built, "cardiff", chapter_id, lang)
        meta = page.source(lang).meta
        review = soup.select_one("article .fw-review")
        times = [t["datetime"] for t in review.select("time")]
        assert times == [meta.reviewed.isoformat(), due_date(meta).isoformat()]
        assert meta.owner in review.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_view_holds_every_chapter_and_is_kept_out_of_search(built, lang):
    project = built.project
    for site_id in ("gwynedd", "newport"):
        chapters = compose(project, project.site(site_id), lang)
        page, soup = handbook_page(built, site_id, "handbook-print", lang)
        printed = soup.select("article h2.fw-print-chapter")
        assert [h.select_one(".fw-chapter-number").get_text() for h in printed] == [f"{c.number}." for c in chapters]
        site_root = built.output / lang / project.site(site_id).slug(lang)
        index = json.loads((site_root / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        print_location = urls.page_dir(page, lang)
        assert print_location not in locations
        assert any(loc.startswith(project.handbook.folder.get(lang) + "/") and loc != print_location
                   for loc in locations), "chapters are searchable"


def test_the_language_switch_of_a_chapter_goes_to_the_same_chapter(built):
    page, soup = handbook_page(built, "gwynedd", "supervision-and-support", "en")
    switch = soup.select_one('a[hreflang="cy"]')
    target = (built.output / urls.output_path(page, "en") / switch["href"]).resolve() / "index.html"
    assert target == (built.output / urls.output_path(page, "cy") / "index.html").resolve()
    assert target.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_amendments_list_every_change_note_by_release(built, lang):
    project = built.project
    _, soup = handbook_page(built, "flintshire", "handbook-amendments", lang)
    releases = [h.select_one('[data-category="release"]').get_text() for h in soup.select("article h2")]
    assert releases == [r.id for r in project.handbook.releases]
    rows = soup.select("article table tbody tr")
    chapters = compose(project, project.site("flintshire"), lang)
    notes = [change.note for c in chapters for s in c.reviewed_material for change in s.meta.changes]
    assert len(rows) == len(notes)
    assert sorted(r.select("td")[1].get_text().strip() for r in rows) == sorted(notes)


# --- A copy of the project, changed the way a contributor would, built once -------------------------


@pytest.fixture(scope="module")
def changed(built, tmp_path_factory):
    """A region replaces a section, a chapter falls overdue, and a new release notes a change."""
    root = copy_project(tmp_path_factory.mktemp("handbook"), warm=True)
    project = load_project(root)
    chapter = {lang: next(p for p in project.pages if p.kind == "chapter" and p.lang == lang
                          and p.id == "supervision-and-support") for lang in LANGS}
    first_section = {lang: next(line[3:] for line in chapter[lang].body.split("\n") if line.startswith("## "))
                     for lang in LANGS}
    from generator.model.handbook import anchor
    titles = {"en": "How supervision works in North Wales", "cy": "Sut mae goruchwylio'n gweithio yng Ngogledd Cymru"}
    for lang in LANGS:
        folder = root / "content" / lang / "handbook" / "regions" / "north-wales"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"test-{lang}.md").write_text(
            "---\nid: north-wales-supervision\naction: replace-section\nchapter: supervision-and-support\n"
            f"section: {anchor(first_section[lang])}\ntitle: {titles[lang]}\nowner: North Wales team\n"
            "reviewed: 2026-09-01\nreview_months: 12\nchanges:\n  - release: \"2026.2\"\n    note: "
            + ("Explains supervision in the region." if lang == "en" else "Yn esbonio goruchwylio yn y rhanbarth.")
            + "\n---\n" + ("Supervision in {{ authority.region.name }} follows the regional model."
                           if lang == "en" else "Mae goruchwylio yn {{ authority.region.name }} yn dilyn y model "
                           "rhanbarthol.") + "\n", encoding="utf-8")
        edit(root / chapter[lang].file, "reviewed: ", "reviewed: 2020-01-01\n# was: ")
    edit(root / "data" / "handbook.yml", "releases:\n", "releases:\n  - id: \"2026.2\"\n    date: 2026-12-01\n"
         "    summary:\n      en: Regional supervision.\n      cy: Goruchwylio rhanbarthol.\n")
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    return root, result, load_project(root), first_section, titles


@pytest.mark.parametrize("lang", LANGS)
def test_a_replaced_section_is_gone_and_its_replacement_is_marked(changed, lang):
    root, _, project, first_section, titles = changed
    for site_id, inside in (("gwynedd", True), ("cardiff", False)):
        page = next(p for p in project.site_pages(project.site(site_id)) if p.id == "supervision-and-support")
        soup = parse(root / "site" / urls.output_path(page, lang) / "index.html")
        headings = [h.get_text().strip() for h in soup.select("article h2")]
        assert (titles[lang] in headings) == inside
        assert (first_section[lang].strip() in headings) != inside
        if inside:
            box = soup.find("h2", string=titles[lang]).parent
            assert "fw-local" in box["class"] and project.region("north-wales").name.get(lang) in box.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_an_overdue_chapter_is_flagged_on_its_page_and_in_the_contents(changed, lang):
    root, _, project, _, _ = changed
    pages = {p.id: p for p in project.site_pages(project.site("anglesey"))}
    chapter = parse(root / "site" / urls.output_path(pages["supervision-and-support"], lang) / "index.html")
    assert chapter.select_one("article .fw-review [data-overdue]")
    other = parse(root / "site" / urls.output_path(pages["health"], lang) / "index.html")
    assert not other.select_one("[data-overdue]")
    contents = parse(root / "site" / urls.output_path(pages["handbook"], lang) / "index.html")
    flagged = [row.select_one("a").get_text() for row in contents.select("article tbody tr")
               if row.select("[data-overdue]")]
    assert flagged == [pages["supervision-and-support"].source(lang).meta.title]


def test_the_build_warns_about_an_overdue_chapter_and_a_release_refuses_it(changed):
    root, result, project, _, _ = changed
    source = next(p for p in project.pages
                  if p.kind == "chapter" and p.lang == "cy" and p.id == "supervision-and-support")
    expected = f"{source.file}, line {line_of(root / source.file, 'reviewed: 2020-01-01')}, field 'reviewed'"
    assert expected in result.stderr and "was due for review on 1 January 2021" in result.stderr
    release = run_generator(root, "build", "--release", "--output", str(root / "release"))
    assert release.returncode == 1 and expected in release.stderr
    assert not (root / "release").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_release_lists_its_change_notes_first(changed, lang):
    root, _, project, _, _ = changed
    page = next(p for p in project.site_pages(project.site("conwy")) if p.id == "handbook-amendments")
    soup = parse(root / "site" / urls.output_path(page, lang) / "index.html")
    first = soup.select("article h2")[0]
    assert first.select_one('[data-category="release"]').get_text() == "2026.2"
    assert first.select_one("time")["datetime"] == "2026-12-01"
    table = first.find_next("table")
    assert len(table.select("tbody tr")) == 1 and "North Wales team" not in table.get_text()
    assert project.region("north-wales").name.get(lang) in table.get_text()
    # The release's notes belong to North Wales: a council elsewhere has nothing in it.
    cardiff = next(p for p in project.site_pages(project.site("cardiff")) if p.id == "handbook-amendments")
    soup = parse(root / "site" / urls.output_path(cardiff, lang) / "index.html")
    release = soup.select("article h2")[0]
    section = []
    for element in release.find_next_siblings():
        if element.name == "h2":
            break
        section.append(element)
    assert section and not any(element.name == "table" for element in section)


# --- Mistakes a contributor can make, reported without building ------------------------------------


def variation(root, lang: str, **fields) -> str:
    folder = root / "content" / lang / "handbook" / "authorities" / "powys"
    folder.mkdir(parents=True, exist_ok=True)
    front = {"id": "powys-test", "action": "add-section", "chapter": "health", "title": "Local health",
             "owner": "Powys team", "reviewed": "2026-10-01", "review_months": "12", **fields}
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items() if v is not None)
    text += "changes:\n  - release: \"2026.1\"\n    note: New.\n---\nText.\n"
    path = folder / "test.md"
    path.write_text(text, encoding="utf-8")
    return f"content/{lang}/handbook/authorities/powys/test.md"


def test_a_section_that_does_not_exist_is_named_with_the_ones_that_do(project_copy):
    en = variation(project_copy, "en", action="replace-section", section="no-such-section")
    variation(project_copy, "cy", action="replace-section", section="no-such-section")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    line = line_of(project_copy / en, "section: no-such-section")
    assert f"{en}, line {line}, field 'section'" in result.stderr
    assert "has no section 'no-such-section'" in result.stderr
    assert "Use the anchor of one of its sections" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_variation_without_its_welsh_version_is_refused(project_copy):
    en = variation(project_copy, "en")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"{en}:\n    This variation has no Welsh version." in result.stderr
    assert "content/cy/handbook/authorities/powys/" in result.stderr


def test_a_replacement_without_a_section_says_what_is_missing(project_copy):
    en = variation(project_copy, "en", action="replace-section")
    variation(project_copy, "cy", action="replace-section")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert en in result.stderr and "'replace-section' needs 'section'" in result.stderr


def test_an_unknown_release_in_a_change_note_is_refused(project_copy):
    chapter = next(p for p in load_project(project_copy).pages if p.kind == "chapter" and p.lang == "en")
    edit(project_copy / chapter.file, 'release: "2026.1"', 'release: "2031.9"')
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"{chapter.file}, line {line_of(project_copy / chapter.file, 'changes:')}, field 'changes[1].release'" \
        in result.stderr and "'2031.9' is not in data/handbook.yml" in result.stderr


def test_a_chapter_missing_in_welsh_names_the_list_entry(project_copy):
    chapter = next(p for p in load_project(project_copy).pages if p.kind == "chapter" and p.lang == "cy"
                   and p.id == "health")
    (project_copy / chapter.file).unlink()
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    line = line_of(project_copy / "data" / "handbook.yml", "  - health")
    assert f"data/handbook.yml, line {line}" in result.stderr
    assert "No chapter in content/cy/handbook/ has the id 'health'" in result.stderr


def test_review_due_dates_keep_the_day_or_the_end_of_a_short_month():
    from generator.model.content import ChapterMeta
    def due(reviewed: str, months: int) -> datetime.date:
        meta = ChapterMeta(id="x", title="x", owner="x", reviewed=reviewed, review_months=months,
                           changes=[{"release": "r", "note": "n"}])
        return due_date(meta)

    assert due("2026-11-02", 12) == datetime.date(2027, 11, 2)
    assert due("2026-08-31", 6) == datetime.date(2027, 2, 28)
    assert due("2027-11-30", 3) == datetime.date(2028, 2, 29)
