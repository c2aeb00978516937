"""The quality gates: each passes on the real build, and each fails, naming the file and line to edit, when a
fault is put into a copy of the project.

Faults the build itself refuses are tested where the build is (test_contributor_errors.py: a broken link in a
page, a page or a data text missing in Welsh; test_sandbox.py: template expressions the sandbox refuses).
"""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import pipeline
from generator.checks import accessibility, external_links
from generator.checks.alternates import check_alternates
from generator.checks.facts import read_tree
from generator.checks.freshness import check_freshness
from generator.checks.gates import NAMES, report, run_gates
from generator.checks.links import check_links
from generator.model.loader import load_project
from tests.conftest import Built, append, copy_project, edit, line_of, run_generator

# --- Every gate passes on the real build --------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_gate_passes_on_the_real_build(built: Built, name):
    results = run_gates(built.project, built.output, names=[name])
    assert results and all(result.passed for result in results), report(results)


# --- A copy of the project with faults the build lets through, built once -----------------------------------

ABOUT = "content/en/main/about.md"
WHO = "content/en/main/who-can-foster.md"
AMDANOM = "content/cy/main/amdanom-ni.md"


@pytest.fixture(scope="module")
def faulty(built, tmp_path_factory) -> Built:
    root = copy_project(tmp_path_factory.mktemp("faulty"), warm=True)
    # Accessibility: a language written as a name, not a code (axe: valid-lang).
    append(root / ABOUT, '\nThe Welsh for welcome is <span lang="cymraeg">croeso</span>.\n')
    # HTML validity: the same id given to two headings.
    append(root / WHO, "\n## Meetings near you { #meetings }\n\nDates are on the events page.\n\n"
                       "## Meetings online { #meetings }\n\nSome teams meet online.\n")
    # Spelling: a Welsh typo.
    edit(root / AMDANOM, "yw rhwydwaith cenedlaethol", "yw rhwydwiath cenedlaethol")
    project = pipeline.build(root, root / "site")
    return Built(project, root / "site")


def _gate(built: Built, name: str, release: bool = False):
    (result,) = run_gates(built.project, built.output, release=release, names=[name])
    return result, report([result])


def test_accessibility_gate_fails_on_a_violation_and_names_the_page_and_line(faulty: Built):
    selected = [target for target in accessibility.targets(faulty.project)
                if target.page and target.page.site.kind == "main" and target.page.id == "about"]
    assert len(selected) == 2  # in English and in Welsh
    problems = accessibility.check_accessibility(faulty.project, faulty.output, selected)
    text = "\n".join(map(str, problems))
    line = line_of(faulty.output.parent / ABOUT, 'lang="cymraeg"')
    assert f"{ABOUT}, line {line}:" in text, text
    assert "lang attribute must have a valid value (axe rule 'valid-lang'" in text
    assert "How to fix:" in text


def _national_site_only(built: Built, folder: Path) -> Built:
    """The built tree without the local sites' folders (each with its own search index): the national site."""
    def local_sites(parent: str, names: list[str]) -> list[str]:
        if Path(parent).parent != built.output:  # only a language folder's subfolders may be local sites
            return []
        return [name for name in names if (Path(parent) / name / "search").is_dir()]

    shutil.copytree(built.output, folder / "site", ignore=local_sites)
    return Built(built.project, folder / "site")


def test_html_gate_fails_on_invalid_html_and_names_the_page(faulty: Built, tmp_path):
    # Over the national site, where the fault is (the real build's gate, above, checks every page).
    result, text = _gate(_national_site_only(faulty, tmp_path), "html")
    assert not result.passed
    problem = next(p for p in result.findings.errors if "Duplicate ID “meetings”" in p.message)
    assert problem.file == WHO
    assert problem.line in {line_of(faulty.output.parent / WHO, "Meetings near you"),
                            line_of(faulty.output.parent / WHO, "Meetings online")}
    assert "The HTML is not valid" in text and "How to fix" in text


def test_spelling_gate_fails_on_a_misspelling_with_its_line_and_a_suggestion(faulty: Built):
    result, text = _gate(faulty, "spelling")
    assert not result.passed
    line = line_of(faulty.output.parent / AMDANOM, "rhwydwiath")
    assert f"{AMDANOM}, line {line}:" in text, text
    assert "'rhwydwiath' is not a Welsh word the spelling dictionary knows" in text
    assert "Did you mean 'rhwydwaith'" in text and "site_src/spelling/words-cy.txt" in text
    assert len(result.findings.errors) == 1, text  # nothing else in the project is flagged


def test_welsh_page_older_than_its_english_is_a_warning_and_a_release_error(faulty: Built):
    result, text = _gate(faulty, "translations")
    assert result.passed  # a normal build goes ahead
    messages = {(p.file, p.message) for p in result.findings.warnings}
    assert any(file == AMDANOM and f"{ABOUT} has changed since this Welsh translation" in message
               for file, message in messages), text
    assert any(file == "content/cy/main/pwy-all-faethu.md" for file, _ in messages)
    result, text = _gate(faulty, "translations", release=True)
    assert not result.passed and "make translated FILE=content/cy/main/amdanom-ni.md" in text


def test_gates_command_reports_every_gate_and_fails(faulty: Built):
    result = run_generator(faulty.output.parent, "gates", "--only", "links,spelling,translations")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "links          passed" in result.stdout
    assert "spelling       FAILED (1 to fix)" in result.stdout
    assert "translations   passed, 2 warnings" in result.stdout
    assert "rhwydwiath" in result.stdout


# --- Translation status ---------------------------------------------------------------------------------------


def test_translation_status_report_lists_every_page_as_a_markdown_table(project_copy):
    result = run_generator(project_copy, "translations")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and "`content/" in line]
    project = load_project(project_copy)
    assert len(rows) == len([p for p in project.pages if p.lang == "en"])
    assert all(row.endswith(": up to date |") for row in rows), result.stdout
    append(project_copy / WHO, "\nA new paragraph, not translated yet.\n")
    result = run_generator(project_copy, "translations")
    assert "`content/cy/main/pwy-all-faethu.md`: **out of date**" in result.stdout
    assert "1 out of date" in result.stdout
    marked = run_generator(project_copy, "translated", "content/cy/main/pwy-all-faethu.md")
    assert marked.returncode == 0, marked.stderr
    assert "0 out of date" in run_generator(project_copy, "translations").stdout


def test_a_welsh_page_without_a_recorded_version_is_reported(project_copy):
    page = project_copy / AMDANOM
    page.write_text("\n".join(line for line in page.read_text(encoding="utf-8").split("\n")
                              if not line.startswith("translates:")), encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 0
    assert f"{AMDANOM}, line 2, field 'translates'" in result.stderr
    assert f"does not say which version of {ABOUT} it translates" in result.stderr


# --- Freshness ------------------------------------------------------------------------------------------------


def test_a_figure_past_its_age_is_a_warning_and_a_release_error(project_copy):
    payments = project_copy / "data" / "payments.yml"
    # An older year of the same council is history, and is never reported.
    latest = "  - authority: anglesey\n    year: 2026-27\n    effective_from: 2026-04-01\n    weekly:\n"
    edit(payments, "  - authority: anglesey\n    weekly:\n      age-0-4: {unconfirmed: true}\n",
         "  - authority: anglesey\n    year: 2020-21\n    effective_from: 2020-04-01\n    weekly:\n"
         "      age-0-4: {amount: 150.00, source: nff-final-report, as_of: 2020-04}\n"
         "      age-5-10: {unconfirmed: true}\n      age-11-15: {unconfirmed: true}\n"
         "      age-16-17: {unconfirmed: true}\n"
         + latest + "      age-0-4: {amount: 300.00, source: nff-final-report, as_of: 2023-04}\n")
    line = line_of(payments, "amount: 300.00")
    result = run_generator(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert f"data/payments.yml, line {line}, field 'authorities[2].weekly.age-0-4'" in result.stderr, result.stderr
    assert "This figure is as of April 2023" in result.stderr
    assert "checked for newer ones after 18 months" in result.stderr
    assert "as of April 2020" not in result.stderr
    findings = check_freshness(load_project(project_copy), release=True)
    assert [(p.file, p.line) for p in findings.errors if p.file == "data/payments.yml"] == [("data/payments.yml", line)]


def test_the_age_limits_are_validated(project_copy):
    edit(project_copy / "data" / "checks.yml", "    payments: 18", "    paymentz: 18")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "data/checks.yml" in result.stderr and "'paymentz' is not a data file" in result.stderr


# --- Safety ---------------------------------------------------------------------------------------------------


def test_raw_html_outside_the_allow_list_is_refused_with_its_line(project_copy):
    page = project_copy / ABOUT
    append(page, '\n<iframe src="https://video.example/embed/1"></iframe>\n\nSee <span style="color:red">this</span>.\n'
                 "\n```\n<div>code is not HTML</div>\n```\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"{ABOUT}, line {line_of(page, '<iframe')}:" in result.stderr
    assert "The page contains the HTML tag <iframe>, which pages may not use." in result.stderr
    assert f"{ABOUT}, line {line_of(page, 'style=')}:" in result.stderr and "'style'" in result.stderr
    assert "<div>" not in result.stderr


def test_third_party_scripts_and_inline_handlers_stop_the_build(project_copy):
    scripts = '{% block scripts %}\n  {% call fw_once("scripts") %}{{ super() }}{% endcall %}'
    edit(project_copy / "site_src" / "overrides" / "main.html", scripts,
         scripts + '\n  <script src="https://tracker.example/analytics.js"></script>')
    result = run_generator(project_copy, "build")
    assert result.returncode == 1
    assert ("site_src/overrides/:\n    The page template produces <script> loading "
            "'https://tracker.example/analytics.js' from another website") in result.stderr, result.stderr
    assert not (project_copy / "site").exists()
    # A handler in a page's attribute list is refused as written, with its line, before anything is built.
    append(project_copy / ABOUT, "\n[Who can foster]({{ page_url('who-can-foster') }}){onclick=\"track()\"}\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert (f"{ABOUT}, line {line_of(project_copy / ABOUT, 'onclick')}:\n    The attribute list sets 'onclick'"
            in result.stderr), result.stderr


# --- Links, on a copy of the real build -------------------------------------------------------------------------


@pytest.fixture
def tree(built: Built, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built.output, copy)
    return copy


def _inject(page: Path, html: str) -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def test_missing_image_and_anchor_are_named_with_the_source_page(built: Built, tree: Path):
    _inject(tree / "en" / "about" / "index.html",
            '<img src="../assets/images/family.jpg" alt="A family"><a href="../who-can-foster/#nowhere">x</a>')
    text = "\n".join(map(str, check_links(built.project, tree, read_tree(tree))))
    assert f"{ABOUT}:\n    The image '../assets/images/family.jpg' does not exist (on en/about/index.html)" in text
    assert "points at a section ('#nowhere') that the page does not have" in text


def test_language_switch_to_a_missing_page_is_named(built: Built, tree: Path):
    shutil.rmtree(tree / "cy" / "amdanom-ni")
    text = "\n".join(map(str, check_alternates(built.project, tree, read_tree(tree))))
    assert (f"{ABOUT}:\n    The language switch links to '../../cy/amdanom-ni/', a page that does not exist "
            "(on en/about/)") in text, text


def test_language_switch_to_another_page_or_its_folder_is_told_apart(built: Built, tree: Path):
    """The switch is followed within the tree: a folder means its index.html, and a page that exists but is
    not this page's translation is named as such."""
    page = tree / "en" / "about" / "index.html"
    edit(page, 'href="../../cy/amdanom-ni/" hreflang="cy"', 'href="../../cy/geirfa" hreflang="cy"')
    text = "\n".join(map(str, check_alternates(built.project, tree, read_tree(tree))))
    assert (f"{ABOUT}:\n    The language switch links to '../../cy/geirfa', which is not this page in cy "
            "(on en/about/)") in text, text
    edit(page, 'href="../../cy/geirfa" hreflang="cy"', 'href="../../cy/amdanom-ni/index.html" hreflang="cy"')
    assert not check_alternates(built.project, tree, read_tree(tree))


def test_hreflang_pairs_must_be_reciprocal(built: Built, tree: Path):
    page = tree / "cy" / "amdanom-ni" / "index.html"
    edit(page, 'hreflang="en" href="https://fosterwales.gov.wales/about/"',
         'hreflang="en" href="https://fosterwales.gov.wales/privacy/"')
    text = "\n".join(map(str, check_alternates(built.project, tree, read_tree(tree))))
    assert (f"{ABOUT}:\n    The hreflang 'cy' alternate 'https://maethucymru.llyw.cymru/amdanom-ni/' does not point "
            "back to this page") in text, text
    assert (f"{AMDANOM}:\n    The hreflang 'en' alternate 'https://fosterwales.gov.wales/privacy/' is another "
            "page") in text


class _Answers(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 (the standard library's name)
        self.send_response(200 if self.path == "/fine" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args) -> None:
        pass


def test_external_links_are_checked_only_when_asked_and_reported(built: Built, tree: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Answers))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        _inject(tree / "en" / "about" / "index.html", f'<a href="{base}/gone">old</a><a href="{base}/fine">ok</a>')
        links = external_links.external_links(built.project, tree)
        assert {link.url for link in links} >= {f"{base}/gone", f"{base}/fine"}
        assert all(link.status == "not checked" for link in links)  # collecting needs no network
        local = [link for link in links if link.url.startswith(base)]
        external_links.check_external_links(local, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    text = external_links.report(local)
    assert f"| {base}/gone | **404 Not Found** | `{ABOUT}` |" in text
    assert f"| {base}/fine | 200 OK |" in text
    problems = external_links.problems(built.project, local)
    assert [(p.file, p.message) for p in problems] == [
        (ABOUT, f"The link to {base}/gone does not work: 404 Not Found.")]
