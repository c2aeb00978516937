"""Incremental builds publish exactly what a cold build would: nothing stale, nothing different.

One cold build of a project copy is made per module; each test works on its own copy of that built
project (data, content, theme, generated projects, build cache and site/ alike).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import checks, pipeline
from generator.build import cache, fingerprint
from generator.build.workers import Builders
from generator.checks import facts
from generator.mkdocs_ext import markdown_memo, search_memo, template_memo
from generator.model.errors import ContributorError
from generator.model.loader import load_project
from generator.paths import PROJECTS_DIR
from generator.render import projects as render
from generator.trees import listing
from tests.conftest import _parse_cached, append, copy_project, edit, inodes, memo_store, parse, run_generator


def _snapshot(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


def _stats(tree: Path) -> dict[str, tuple[int, int, int]]:
    return {p.relative_to(tree).as_posix(): (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(tree.rglob("*")) if p.is_file()}


def _build(root: Path, workers: int | None = None, builders=None) -> pipeline.Summary:
    return pipeline.build_if_changed(root, root / "site", workers=workers, builders=builders)


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("incremental") / "project"
    root.mkdir()
    copy_project(root)
    summary = _build(root, workers=2)
    assert summary.reused == 0 and summary.built
    return root


@pytest.fixture
def project(built_copy, tmp_path) -> Path:
    """A copy of the built project: its inputs, build cache and published site."""
    root = tmp_path / "project"
    shutil.copytree(built_copy, root, symlinks=True)
    return root


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_cold_incremental_and_one_or_two_workers_give_the_same_bytes(project):
    cold_two_workers = _snapshot(project / "site")
    page = project / "content" / "en" / "main" / "about.md"
    original = page.read_text(encoding="utf-8")
    edit(page, "title: About Foster Wales", "title: All about Foster Wales")

    incremental = _build(project)
    assert incremental.built == ["en/main"], "only the site that shows the page is rebuilt"
    after_edit = _snapshot(project / "site")
    assert _differences(cold_two_workers, after_edit), "the edit is published"

    shutil.rmtree(project / ".build")
    cold = _build(project, workers=1)
    assert cold.reused == 0
    assert not _differences(after_edit, _snapshot(project / "site")), "incremental differs from a cold build"

    page.write_text(original, encoding="utf-8")
    back = _build(project, workers=2)
    assert back.built == ["en/main"]
    assert not _differences(cold_two_workers, _snapshot(project / "site"))


def _menu(page: Path) -> list[str]:
    return [a.get_text(" ", strip=True) for a in parse(page).select("nav.md-nav--primary a.md-nav__link")]


def test_a_changed_title_is_updated_on_every_page_that_shows_it(project):
    """A shared page's title is in the menu of every page of every local site, in the page's own <title>
    and in each site's search index: every one of them changes."""
    old, new = "Contact the fostering team", "Talk to the fostering team"
    site = project / "site"
    local_sites = [folder for folder in (site / "en").iterdir() if (folder / "search").is_dir()]
    assert len(local_sites) == 22
    local_pages = [page for folder in local_sites for page in folder.rglob("index.html")]
    assert all(old in _menu(p) for p in local_pages)

    edit(project / "content" / "en" / "authority" / "contact.md", f"title: {old}", f"title: {new}")
    summary = _build(project)
    assert len(summary.built) == 22 and all(name.startswith("en/") for name in summary.built)

    _parse_cached.cache_clear()
    for page in local_pages:
        menu = _menu(page)
        assert new in menu and old not in menu, page
    for contact in site.glob("en/*/contact/index.html"):
        assert parse(contact).title.get_text().startswith(new)
        assert f'"title":"{new}"' in (contact.parent.parent / "search" / "search_index.json").read_text(
            encoding="utf-8")
    welsh = parse(site / "cy" / "ynys-mon" / "cysylltu" / "index.html")
    assert welsh.select_one("a.fw-language-switch__link")["href"] == "../../../en/anglesey/contact/"


def test_a_renamed_authority_is_renamed_on_its_own_site_and_on_the_others(project):
    authorities = project / "data" / "authorities.yml"
    edit(authorities, "name: {en: Vale of Glamorgan,", "name: {en: Vale Glamorgan,")
    summary = _build(project)
    assert len(summary.built) > 1, "the national site lists every authority; the authority's own site changes"
    site = project / "site" / "en"
    assert "Foster Wales Vale Glamorgan" in (site / "vale-of-glamorgan" / "contact" / "index.html").read_text(
        encoding="utf-8")
    assert ">Vale Glamorgan<" in (site / "find-your-local-team" / "index.html").read_text(encoding="utf-8")

    after = _snapshot(project / "site")
    shutil.rmtree(project / ".build")
    _build(project)
    assert not _differences(after, _snapshot(project / "site")), "incremental differs from a cold build"


def test_an_added_page_appears_and_a_deleted_page_disappears(project):
    navigation = project / "data" / "navigation.yml"
    edit(navigation, "  - privacy\n", "  - privacy\n  - open-evenings\n")
    for lang, slug, title in (("en", "open-evenings", "Open evenings"), ("cy", "nosweithiau-agored",
                                                                         "Nosweithiau agored")):
        (project / "content" / lang / "main" / f"{slug}.md").write_text(
            f"---\nid: open-evenings\ntitle: {title}\n---\n{title}.\n", encoding="utf-8")
    _build(project)
    assert (project / "site" / "en" / "open-evenings" / "index.html").is_file()
    assert "Open evenings" in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")

    edit(navigation, "  - open-evenings\n", "")
    for lang, slug in (("en", "open-evenings"), ("cy", "nosweithiau-agored")):
        (project / "content" / lang / "main" / f"{slug}.md").unlink()
    _build(project)
    assert not (project / "site" / "en" / "open-evenings").exists()
    assert not (project / "site" / "cy" / "nosweithiau-agored").exists()
    assert not (project / ".build" / "projects" / "en" / "main" / "docs" / "open-evenings.md").exists()
    for path in (project / "site").rglob("*.html"):
        assert "open-evenings" not in path.read_text(encoding="utf-8"), path


def test_an_edit_to_one_councils_handbook_renders_only_handbook_sites_and_rebuilds_only_that_council(project):
    """A handbook page is composed from every chapter and variation: a variation's edit renders the local sites
    of its language again (nothing else), and only the council whose handbook it is changes."""
    variation = project / "content" / "en" / "handbook" / "authorities" / "gwynedd" / "fostering-in-welsh.md"
    edit(variation, "at home, at school and in the community.", "at home, at school, at work and in the community.")
    summary = _build(project)
    assert summary.built == ["en/gwynedd"]
    assert summary.rendered == 22, "every local site in English, which has a handbook: not the main site, not cy"
    chapter = project / "site" / "en" / "gwynedd" / "handbook" / "fostering-in-welsh" / "index.html"
    assert "at school, at work and" in chapter.read_text(encoding="utf-8")

    after = _snapshot(project / "site")
    shutil.rmtree(project / ".build")
    _build(project)
    assert not _differences(after, _snapshot(project / "site")), "incremental differs from a cold build"


def test_an_edit_to_one_page_renders_only_the_site_that_shows_it(project):
    edit(project / "content" / "cy" / "main" / "amdanom-ni.md", "\n## ", "\nBrawddeg newydd yma.\n\n## ")
    summary = _build(project)
    assert (summary.rendered, summary.built) == (1, ["cy/main"])


def test_a_rebuilt_site_reads_again_only_the_pages_that_changed_and_its_facts_are_a_full_readings(
        project, tmp_path, monkeypatch):
    """Facts (what the checks read from each built page) are kept for the pages of a rebuilt site that came
    out the same; the edited page is read again, and the whole is what reading every page gives."""
    page = project / "content" / "cy" / "main" / "amdanom-ni.md"
    edit(page, "\n## ", "\nBrawddeg newydd am y rhanbarthau yma.\n\n## ")
    assert _build(project).built == ["cy/main"]
    entry = cache.load_entry(project, "cy/main")
    kept = entry.facts()
    assert "brawddeg newydd am y rhanbarthau" in kept["amdanom-ni/index.html"]["text"]
    reading = facts.read_site(entry.folder, "cy")
    assert kept == reading.facts
    # The site's files as the worker listed them are those recorded in the build cache (which did not list
    # them again), and the output's own files.
    assert reading.files == entry.files == listing(entry.folder)

    changed = tmp_path / "changed"
    shutil.copytree(entry.folder, changed)
    about = changed / "amdanom-ni" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("</article>", "<p>Un arall.</p></article>"),
                     encoding="utf-8")
    read = []
    facts_of = facts.facts_of
    monkeypatch.setattr(facts, "facts_of", lambda html, lang: read.append(lang) or facts_of(html, lang))
    again = facts.read_site(changed, "cy", previous=entry)
    assert len(read) == 1 and "un arall" in again.facts["amdanom-ni/index.html"]["text"]
    assert again.changed == {"amdanom-ni/index.html"}
    monkeypatch.undo()
    assert again.facts == facts.read_site(changed, "cy").facts


def test_after_a_change_to_the_code_every_page_is_read_again(project, monkeypatch, tmp_path):
    """A page's facts depend on the code reading them: facts are never taken from output other code (or
    another theme, or other packages) built, even for pages that come out byte for byte the same."""
    log = tmp_path / "read.log"
    facts_of = facts.facts_of

    def logged(html: str, lang: str):  # in the workers too: they are forked from this process
        with log.open("a", encoding="utf-8") as file:
            file.write(lang + "\n")
        return facts_of(html, lang)

    monkeypatch.setattr(facts, "facts_of", logged)
    shared_digest = fingerprint.shared_digest
    monkeypatch.setattr(fingerprint, "shared_digest", lambda root: "other code " + shared_digest(root))
    before = _snapshot(project / "site")
    _build(project)
    assert _snapshot(project / "site") == before
    assert len(log.read_text(encoding="utf-8").splitlines()) == sum(name.endswith(".html") for name in before)


def _checked_pages(monkeypatch) -> list[set[str]]:
    """The pages each build's output checks judge (the checks run as ever)."""
    scopes: list[set[str]] = []
    check_output = checks.check_output

    def recording(project, tree, facts, scope=None, files=None):
        scopes.append(set(facts) if scope is None else set(scope))
        return check_output(project, tree, facts, scope, files)

    monkeypatch.setattr(checks, "check_output", recording)
    return scopes


def test_an_edit_to_a_pages_text_checks_that_page_and_its_translations_only(project, monkeypatch):
    scopes = _checked_pages(monkeypatch)
    append(project / "content" / "en" / "main" / "about.md", "\nAsk us anything about fostering.\n")
    _build(project)
    assert scopes == [{"en/about/index.html", "cy/amdanom-ni/index.html"}]

    edit(project / "content" / "en" / "main" / "about.md", "## The regions", "## Our regions")
    _build(project)
    assert len(scopes[1]) > 1000, "a heading's id changed: every page that may link to it is checked"


def test_a_page_that_failed_its_checks_is_checked_until_it_passes_whatever_else_is_edited(project, monkeypatch):
    """The pages checked are those that changed since their site last passed, not since the last build."""
    scopes = _checked_pages(monkeypatch)
    welsh = project / "content" / "cy" / "main"
    append(welsh / "amdanom-ni.md", "\nYou can talk to your local team about fostering and what it means for you.\n")
    with pytest.raises(ContributorError) as failure:
        _build(project)
    assert {p.file for p in failure.value.problems} == {"content/cy/main/amdanom-ni.md"}

    append(welsh / "preifatrwydd.md", "\nGallwch ofyn i ni am unrhyw beth.\n")
    with pytest.raises(ContributorError) as failure:
        _build(project)
    assert {p.file for p in failure.value.problems} == {"content/cy/main/amdanom-ni.md"}
    assert "cy/amdanom-ni/index.html" in scopes[1]

    edit(welsh / "amdanom-ni.md", "You can talk to your local team about fostering and what it means for you.",
         "Gallwch siarad â'ch tîm lleol am faethu.")
    _build(project)
    append(welsh / "preifatrwydd.md", "\nMae croeso i chi gysylltu.\n")
    _build(project)
    assert scopes[-1] == {"cy/preifatrwydd/index.html", "en/privacy/index.html"}


def test_a_first_build_leaves_the_next_builds_staging_tree_ready(built_copy):
    """With no tree published before it, a first build makes the next build's staging tree while its own is
    checked: the same files, links to the same files of the build cache."""
    published = inodes(built_copy / "site")
    assert len(published) > 1000 and inodes(built_copy / ".site.staging") == published
    assert not (built_copy / ".site.staging.next").exists()


def test_a_build_server_renders_again_only_the_edited_page(project, monkeypatch):
    """The pages an edit did not change come from what the build server's process rendered before, and the
    project's files are what rendering every page gives."""
    about = project / "content" / "en" / "main" / "about.md"
    rendered = _counting_renders(monkeypatch)
    with Builders(rebuilds=True) as builders:
        append(about, "\nAsk us anything about fostering.\n")
        _build(project, builders=builders)
        rendered.clear()
        (project / PROJECTS_DIR / "en" / "main.pages").unlink()  # what a build in its own process reads
        append(about, "\nOr call your local team.\n")
        assert _build(project, builders=builders).built == ["en/main"]
    assert rendered == ["content/en/main/about.md"]
    _assert_rendered_whole(project)


def _counting_renders(monkeypatch) -> list[str]:
    """The pages rendered (not found rendered before), in a process with none rendered yet."""
    rendered: list[str] = []
    render_again = render._render_page_again

    def counting(model, page, lang, *rest):
        rendered.append(page.source(lang).file)
        return render_again(model, page, lang, *rest)

    monkeypatch.setattr(render, "_render_page_again", counting)
    monkeypatch.setattr(render, "_rendered", render._rendered.emptied())
    return rendered


def _assert_rendered_whole(project: Path) -> None:
    whole = render.render_project_files(load_project(project), only=[("main", "en")])[0]
    folder = project / PROJECTS_DIR / "en" / "main"
    # As written: an iCalendar file's lines end with CRLF (RFC 5545), which read_text would turn into LF.
    assert {name: (folder / name).read_bytes().decode() for name in whole.files} == whole.files


def _redone(monkeypatch, log: Path) -> None:
    """Log to a file, from the workers, each page converted, indexed or laid out by its template (not found
    done before), with the memos of the processes emptied: as in a build in a process of its own."""
    def logging(kind: str, original, page_of):
        def logged(*args):
            with log.open("a", encoding="utf-8") as file:
                file.write(f"{kind} {page_of(*args)}\n")
            return original(*args)
        return logged

    for memo in (markdown_memo, search_memo, template_memo):
        store = memo_store(memo)
        monkeypatch.setattr(memo, store, getattr(memo, store).emptied())
    monkeypatch.setattr(markdown_memo, "_convert", logging("converted", markdown_memo._convert,
                                                            lambda page, config, files: page.file.src_uri))
    monkeypatch.setattr(search_memo, "_index", logging("indexed", search_memo._index,
                                                       lambda index, page: page.file.src_uri))
    written_before = template_memo._written_before

    def laid_out(key):
        html = written_before(key)
        if html is None:
            with log.open("a", encoding="utf-8") as file:
                file.write(f"laid out {key[3] if len(key) > 3 else key[0]}\n")
        return html

    monkeypatch.setattr(template_memo, "_written_before", laid_out)


def test_a_build_in_its_own_process_redoes_only_the_edited_page(project, monkeypatch, tmp_path):
    """What a project's pages came to is kept beside its files and output (render's pages file, memo_file):
    a fresh process building it again after an edit renders, converts, indexes and lays out the edited page
    alone, and publishes exactly what a cold build does."""
    about = project / "content" / "en" / "main" / "about.md"
    rendered = _counting_renders(monkeypatch)
    log = tmp_path / "redone.log"
    _redone(monkeypatch, log)
    append(about, "\nAsk us anything about fostering.\n")
    _build(project)  # a build in this folder first: a page's memo keys hold the theme's folder
    rendered.clear()
    log.unlink()
    national = {path: path.stat().st_ino for path in (project / "site" / "en").glob("*/index.html")
                if not (path.parent / "search").is_dir()}  # the national site's pages, not the local sites'
    append(about, "\nOr call your local team.\n")
    assert _build(project).built == ["en/main"]
    assert rendered == ["content/en/main/about.md"]
    _assert_rendered_whole(project)
    assert log.read_text(encoding="utf-8").splitlines() == ["converted about.md", "indexed about.md",
                                                             "laid out about.md"]
    # The pages that came out as before are the files built before (linked, not written again).
    relinked = [path.parent.name for path, inode in national.items() if path.stat().st_ino != inode]
    assert relinked == ["about"] and len(national) > 10
    edited = _snapshot(project / "site")

    shutil.rmtree(project / ".build")
    rendered.clear()
    assert _build(project).reused == 0
    assert not _differences(edited, _snapshot(project / "site")), "the memos changed the output"
    assert len(rendered) == len(list((project / PROJECTS_DIR).glob("*/*/docs/**/*.md"))), len(rendered)


def test_the_memos_on_disk_are_not_used_with_another_theme(project, monkeypatch, tmp_path):
    """The memos' keys leave out the theme and the code: a build with a changed theme template (or catalogue,
    or generator) does not read them, and every page shows the change."""
    _redone(monkeypatch, tmp_path / "redone.log")
    about = project / "content" / "en" / "main" / "about.md"
    append(about, "\nAsk us anything about fostering.\n")
    _build(project)  # a build in this folder first: a page's memo keys hold the theme's folder
    edit(project / "site_src" / "overrides" / "partials" / "copyright.html", '<div class="md-copyright">',
         '<div class="md-copyright" data-theme="edited">')
    append(about, "\nOr call your local team.\n")
    assert len(_build(project).built) == 46
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) > 1000
    assert all('data-theme="edited"' in page.read_text(encoding="utf-8") for page in pages)


def test_a_link_into_another_site_is_checked_again_when_that_site_changes(project):
    """Only sites whose output changed are checked again, and a site whose links reach a changed site: a
    heading removed from the national page breaks a link to it from every local site, which did not change."""
    contact = project / "content" / "en" / "authority" / "contact.md"
    edit(contact, "steps, with no commitment.", "steps, with no commitment. Read [our story]({{ main_url('about') }}"
         "#the-regions).")
    _build(project)
    edit(project / "content" / "en" / "main" / "about.md", "## The regions", "## Our regions")
    with pytest.raises(ContributorError) as failure:
        _build(project)
    broken = [p for p in failure.value.problems if "#the-regions" in p.message]
    assert len(broken) == 22 and {p.file for p in broken} == {"content/en/authority/contact.md"}
    assert "en/anglesey/contact/index.html" in " ".join(p.message for p in broken)


# A page_url() to a missing page is reported the same way (tests/test_build_server.py, tests/test_mistakes_named.py).
@pytest.mark.parametrize(("mistake", "said"), [('\n<iframe src="x.html"></iframe>\n', "<iframe>")])
def test_a_mistake_found_while_other_sites_build_publishes_nothing_and_keeps_no_partial_build(project, mistake,
                                                                                              said):
    """Sites are built while the rest are still being rendered, and while the content is checked for what
    is wrong whatever is rendered (raw HTML, unconfirmed facts in a release). When a site rendered later has
    a mistake, or the content has, the builds already handed over are stopped or finished and thrown away: the
    mistake is reported, and neither site/ nor the build cache changes. Once it is mended, the build is as a
    cold one."""
    site, out = project / "site", project / ".build" / "out"
    published, cached = _stats(site), _builds(out)
    # A shared local page (22 sites to render and build) and a national page with a mistake.
    edit(project / "content" / "en" / "authority" / "contact.md", "title: Contact the fostering team",
         "title: Talk to the fostering team")
    about = project / "content" / "en" / "main" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + mistake, encoding="utf-8")
    with pytest.raises(ContributorError) as failure:
        _build(project)
    assert [p.file for p in failure.value.problems] == ["content/en/main/about.md"]
    assert said in failure.value.problems[0].message
    assert _stats(site) == published, "nothing is published"
    assert _builds(out) == cached, "no build is stored or left half-made in the cache"

    about.write_text(original, encoding="utf-8")
    mended = _build(project)
    assert len(mended.built) == 22
    after = _snapshot(site)
    shutil.rmtree(project / ".build")
    _build(project)
    assert not _differences(after, _snapshot(site))


def _builds(out: Path) -> dict[str, tuple[int, int, int]]:
    """The cached builds and their facts, less each project's record (`<lang>/<site>.json`): a project
    rendered again to the same files has its record brought up to date, whatever happens to the others."""
    return {name: stat for name, stat in _stats(out).items()
            if not (name.count("/") == 1 and name.endswith(".json") and not name.endswith(".facts.json"))}


def test_a_file_added_to_the_published_site_by_hand_is_removed(project):
    """The tree published before is kept and brought up to date for the next build: it must end up exactly
    as a cold build would make it, whatever was added to it."""
    cold = _snapshot(project / "site")  # the copy's site is a cold build of these inputs
    stray = project / "site" / "en" / "anglesey" / "notes.txt"
    stray.write_text("not ours", encoding="utf-8")
    (project / "site" / "cy" / "extra").mkdir()
    edit(project / "content" / "en" / "main" / "about.md", "## The regions", "## Our regions")
    _build(project)
    assert not stray.exists() and not (project / "site" / "cy" / "extra").exists()
    edit(project / "content" / "en" / "main" / "about.md", "## Our regions", "## The regions")
    _build(project)
    assert not _differences(cold, _snapshot(project / "site"))


def test_the_link_check_of_an_edit_sees_the_tree_as_published(project):
    """The link check takes the published files from the build, not from a walk of the tree: they must be
    the tree's files, and a link to a page no site has is still refused after an edit."""
    (project / "site" / "en" / "anglesey" / "notes.txt").write_text("not ours", encoding="utf-8")
    edit(project / "content" / "en" / "main" / "about.md", "## The regions", "## Our regions")
    summary = _build(project)
    assert set(summary.published) == set(_stats(project / "site"))
    append(project / "content" / "en" / "main" / "about.md", "\nSee [our offer](../../cy/dim-tudalen/).\n")
    with pytest.raises(ContributorError, match="dim-tudalen"):
        _build(project)


def test_a_replaced_output_is_set_aside_and_removed_by_the_next_build(project):
    out = project / ".build" / "out"
    append(project / "content" / "en" / "main" / "about.md", "\nAsk us anything about fostering.\n")
    assert _build(project).built == ["en/main"]
    assert (out / "en" / "main.old").is_dir(), "the output it replaced is set aside"
    append(project / "content" / "cy" / "main" / "amdanom-ni.md", "\nGofynnwch unrhyw beth am faethu.\n")
    assert _build(project).built == ["cy/main"]
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.old")) == ["cy/main.old"]


def test_nothing_changed_leaves_site_untouched(project):
    assert _build(project).built == [], "a moved project reuses every site's build"
    before = _stats(project / "site")
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Nothing has changed" in result.stdout
    assert _stats(project / "site") == before


def test_a_file_changed_in_the_published_tree_is_rebuilt(project):
    """The published files are hard links into the build cache: an edit made there must not survive."""
    published = project / "site" / "cy" / "index.html"
    original = published.read_bytes()
    with published.open("ab") as file:  # written in place, as an editor might
        file.write(b"<!-- edited by hand -->")
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Nothing has changed" not in result.stdout
    assert published.read_bytes() == original


def test_theme_assets_are_stored_once_per_language_tree(project):
    site = project / "site"
    for lang in ("en", "cy"):
        copies = [p for p in (site / lang).rglob("main.*.min.css") if "assets" in p.parts]
        assert len(copies) == 1, copies
    page = site / "cy" / "ynys-mon" / "cysylltu" / "index.html"
    stylesheet = next(line for line in page.read_text(encoding="utf-8").splitlines() if "main." in line)
    href = stylesheet.split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("../../assets/stylesheets/")
    assert (page.parent / href).resolve().is_file()
    assert os.path.getsize(page) > 0
