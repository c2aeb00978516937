"""The Learning and Development Framework (facts with their sources, the rest marked) and the Personal Learning
Record and Development Plan, which keeps, saves, loads and prints what a carer types, in a real browser."""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import unquote

import pytest
import yaml

from generator.model.loader import load_project
from generator.render import i18n
from generator.render.html.learning import BLANK_ENTRIES, RECORD_FORMAT
from tests.conftest import ROOT, Built, copy_project, edit, http_server, parse, run_generator

PAGES = {"en": ("learning-and-development", "personal-learning-record"),
         "cy": ("dysgu-a-datblygu", "cofnod-dysgu-personol")}
JS = ROOT / "site_src" / "overrides" / "assets" / "javascripts" / "learning-record.js"
# The facts table's rows: label (an interface string) -> where the value is in data/learning_framework.yml.
FACT_ROWS = {"Published": ("framework", "published"), "Published by": ("framework", "published_by"),
             "In line with": ("framework", "aligned_to"), "Where the framework is used": ("framework", "in_use"),
             "Learning areas": ("framework", "areas"), "Stages": ("framework", "stages"),
             "Hours of learning expected": ("framework", "learning_hours"), "Review": ("framework", "review"),
             "Where to read the framework": ("framework", "document")}


def _data() -> dict:
    return yaml.safe_load((ROOT / "data" / "learning_framework.yml").read_text(encoding="utf-8"))


def _(lang: str, message: str) -> str:
    return i18n.translations(ROOT, lang).gettext(message)


def _article(built: Built, lang: str, index: int):
    return parse(built.output / lang / PAGES[lang][index] / "index.html").select_one("article")


# --- The framework's page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_framework_facts_show_their_sources_and_mark_the_rest(built: Built, lang):
    data, article = _data(), _article(built, lang, 0)
    table = article.select_one("table.fw-learning")
    rows = {row.th.get_text(" ", strip=True): row.select("td") for row in table.select("tbody tr")}
    for label, (part, key) in FACT_ROWS.items():
        value, source = rows[_(lang, label)]
        entry = data[part][key]
        if entry.get("unconfirmed"):
            assert value.select_one('[data-unconfirmed="true"]'), f"{label} is unconfirmed and must say so"
            assert not source.select("[data-source]") and not value.select("[data-source]")
        else:
            assert value.select_one(f'[data-source="{entry["source"]}"][data-as-of="{entry["as_of"]}"]'), label
            assert source.select_one(f'[data-source="{entry["source"]}"]'), label
            assert not value.select('[data-unconfirmed="true"]')
    published = rows[_(lang, "Published")][0].select_one("time")
    assert published["datetime"] == str(data["framework"]["published"]["date"])
    assert published.get_text() == i18n.date(published["datetime"], built.project.language(lang).locale)
    aligned = data["framework"]["aligned_to"]["value"][lang]
    assert rows[_(lang, "In line with")][0].get_text(" ", strip=True) == aligned
    every = str(len(built.project.authorities))
    assert every in rows[_(lang, "Where the framework is used")][0].select_one("[data-source]").get_text()
    record_row = next(cells for label, cells in rows.items() if data["record"]["name"][lang] in label)
    assert every in record_row[0].select_one("[data-source]").get_text()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_region_is_listed_with_what_is_known_and_the_rest_marked(built: Built, lang):
    data, article = _data(), _article(built, lang, 0)
    table = article.select("table.fw-learning")[1]
    rows = table.select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == [r.name.get(lang) for r in built.project.regions]
    by_region = {entry["region"]: entry for entry in data["regions"]}
    for row, region in zip(rows, built.project.regions, strict=True):
        launched, did, source = row.select("td")
        entry = by_region[region.id]
        if entry["launched"].get("unconfirmed"):
            assert launched.select_one('[data-unconfirmed="true"]')
        else:
            assert launched.select_one("time")["datetime"] == str(entry["launched"]["date"])
        if "summary" in entry:
            assert did.get_text(" ", strip=True) == entry["summary"][lang]
            assert source.select_one(f'[data-source="{entry["source"]}"]')
        else:
            assert did.select_one('[data-unconfirmed="true"]')


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_aims_are_cited(built: Built, lang):
    data, article = _data(), _article(built, lang, 0)
    items = [li.get_text(" ", strip=True) for li in article.select("ul.fw-learning__aims li")]
    assert items == [item[lang] for item in data["framework"]["aims"]["items"]]
    assert article.select_one("ul.fw-learning__aims + p [data-source]")["data-source"] == data["framework"]["aims"][
        "source"]


def test_every_region_must_be_accounted_for(project_copy):
    edit(project_copy / "data" / "learning_framework.yml", "  - region: mid-and-west-wales\n",
         "  - region: mid-and-west-wale\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "'mid-and-west-wale' is not a region in data/regions.yml" in result.stderr
    assert "'mid-and-west-wales' is missing" in result.stderr


def test_a_guess_without_a_source_is_refused(project_copy):
    edit(project_copy / "data" / "learning_framework.yml", "  learning_hours: {unconfirmed: true}\n",
         "  learning_hours: {value: {en: Twenty hours a year, cy: Ugain awr y flwyddyn}}\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "framework.learning_hours" in result.stderr and "'source' and 'as_of'" in result.stderr


def test_a_release_build_refuses_what_is_unconfirmed(warm_copy):
    result = run_generator(warm_copy, "build", "--release")
    assert result.returncode == 1
    assert re.search(r"data/learning_framework\.yml, line \d+, field 'framework\.areas'", result.stderr)


# --- The record's form, as built ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_control_of_the_record_has_a_label_in_the_page_language(built: Built, lang):
    record = _article(built, lang, 1).select_one("[data-learning-record]")
    controls = record.select("input, select, textarea")
    assert len(controls) > 10
    for control in controls:
        label = record.select_one(f'label[for="{control["id"]}"]')
        assert label is not None and label.get_text(strip=True), control["id"]
    assert record.select_one('label[for="fw-plr-carer-name"]').get_text() == _(lang, "Your name")
    council = [o.get_text() for o in record.select("#fw-plr-council option[value]") if o["value"]]
    assert council == [a.name.get(lang) for a in built.project.authorities]
    # The framework's learning areas are not confirmed: blank entries, with the areas marked unconfirmed.
    assert _data()["framework"]["areas"].get("unconfirmed")
    assert len(record.select("[data-entry]")) == BLANK_ENTRIES
    assert record.select_one(".fw-plr__hint [data-unconfirmed]")
    assert json.loads(record.select_one("script.fw-plr__data").string)["format"] == RECORD_FORMAT
    page = parse(built.output / lang / PAGES[lang][1] / "index.html")
    assert page.select_one('script[src$="learning-record.js"]')
    assert not parse(built.output / lang / PAGES[lang][0] / "index.html").select_one(
        'script[src$="learning-record.js"]')


def test_the_record_script_has_no_way_to_send_anything():
    script = JS.read_text(encoding="utf-8")
    for api in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", ".submit("):
        assert api not in script


# --- In the browser --------------------------------------------------------------------------------------

TYPED = {"#fw-plr-carer-name": "Siân Prydderch-Test", "#fw-plr-supervising-social-worker": "Alys Test-Worker",
         "#fw-plr-review-date": "2026-10-05", "#fw-plr-e1-area": "Diogelu / Safeguarding",
         "#fw-plr-e1-learning": "Safeguarding course (test)", "#fw-plr-e1-date": "2026-09-14",
         "#fw-plr-e1-hours": "6.5", "#fw-plr-e1-reflection": "First line\nSecond line, with \"quotes\" & <tags>",
         "#fw-plr-e1-goal": "Attachment course", "#fw-plr-plan-goals": "Goal one\nGoal two",
         "#fw-plr-next-review": "2027-10-05"}
COUNCIL = "vale-of-glamorgan"
EXTRA = {"#fw-plr-e4-learning": "An added entry", "#fw-plr-e4-hours": "2"}


@pytest.fixture(scope="module")
def server(built: Built):
    with http_server(built.output) as address:
        yield address


def _url(server: str, lang: str) -> str:
    return f"{server}/{lang}/{PAGES[lang][1]}/"


def _fill(page) -> None:
    for selector, value in TYPED.items():
        page.fill(selector, value)
    page.select_option("#fw-plr-council", COUNCIL)
    page.click(".fw-plr__add")
    for selector, value in EXTRA.items():
        page.fill(selector, value)


def _assert_restored(page) -> None:
    for selector, value in {**TYPED, **EXTRA}.items():
        assert page.input_value(selector) == value, selector
    assert page.input_value("#fw-plr-council") == COUNCIL
    assert page.locator("[data-entry]").count() == BLANK_ENTRIES + 1


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_what_is_typed_is_kept_in_the_browser_across_a_reload(browser, server, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(_url(server, lang))
    assert page.locator(".fw-plr__nojs").is_hidden() and page.locator(".fw-plr__toolbar").is_visible()
    _fill(page)
    page.reload()
    _assert_restored(page)
    # A new page in the same browser finds it too; another browser (context) does not.
    other = context.new_page()
    other.goto(_url(server, lang))
    _assert_restored(other)
    context.close()
    fresh = browser.new_context()
    stranger = fresh.new_page()
    stranger.goto(_url(server, lang))
    assert stranger.input_value("#fw-plr-carer-name") == ""
    fresh.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_record_saved_to_a_file_loads_in_another_browser(browser, server, lang, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(_url(server, lang))
    _fill(page)
    with page.expect_download() as download_info:
        page.click("[data-action=save]")
    download = download_info.value
    assert download.suggested_filename.startswith(_(lang, "personal-learning-record") + "-")
    assert download.suggested_filename.endswith(".json")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == RECORD_FORMAT
    assert data["fields"]["carer-name"] == TYPED["#fw-plr-carer-name"]
    assert data["entries"][0]["reflection"] == TYPED["#fw-plr-e1-reflection"]
    assert page.locator(".fw-plr__status").inner_text() == _(lang, "Saved to the file %(file)s.") % {
        "file": download.suggested_filename}
    context.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(_url(server, lang))
    assert page.input_value("#fw-plr-carer-name") == ""
    page.set_input_files("#fw-plr-load", str(saved))
    expected = _(lang, "Loaded your record from %(file)s.") % {"file": saved.name}
    page.wait_for_function("text => document.querySelector('.fw-plr__status').textContent === text", arg=expected)
    _assert_restored(page)
    page.reload()  # what was loaded is kept in this browser too
    _assert_restored(page)
    fresh.close()


BAD_FILES = {
    "not-json.json": "this is not JSON {",
    "other-format.json": json.dumps({"format": "something-else", "version": 1, "fields": {}, "entries": []}),
    "wrong-types.json": json.dumps({"format": RECORD_FORMAT, "version": 1, "fields": {"carer-name": 42},
                                    "entries": []}),
    "entries-not-a-list.json": json.dumps({"format": RECORD_FORMAT, "version": 1, "fields": {}, "entries": "x"}),
}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_file_that_is_not_a_record_is_refused_with_a_plain_message(browser, server, lang, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(_url(server, lang))
    page.fill("#fw-plr-carer-name", "Kept as it was")
    for name, content in BAD_FILES.items():
        bad = tmp_path / name
        bad.write_text(content, encoding="utf-8")
        page.set_input_files("#fw-plr-load", str(bad))
        expected = _(lang, "%(file)s could not be loaded: it is not a personal learning record saved from this "
                           "page. Your record has not been changed.") % {"file": name}
        page.wait_for_function("text => document.querySelector('.fw-plr__status').textContent === text",
                               arg=expected)
        assert "fw-plr__status--error" in page.get_attribute(".fw-plr__status", "class")
        assert page.input_value("#fw-plr-carer-name") == "Kept as it was"
    context.close()


def test_clear_empties_the_form_and_the_browser_after_asking(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(_url(server, "cy"))
    _fill(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-action=clear]")
    assert page.input_value("#fw-plr-carer-name") == TYPED["#fw-plr-carer-name"]
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.click("[data-action=clear]")
    assert messages == [_("cy", "Clear everything you have typed, from this page and from this browser? Save it "
                                "to a file first if you want to keep it.")]
    assert page.input_value("#fw-plr-carer-name") == ""
    assert page.locator("[data-entry]").count() == BLANK_ENTRIES
    page.reload()
    assert page.input_value("#fw-plr-carer-name") == ""
    context.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_printed_record_shows_every_value_and_no_navigation(browser, server, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(_url(server, lang))
    _fill(page)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-footer", ".fw-plr__toolbar", ".fw-plr__privacy", ".fw-reviewed",
                     "#fw-plr-carer-name", "#fw-plr-e1-reflection"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article h1").is_visible()

    def printed(selector: str) -> str:
        return page.locator(selector).locator("xpath=..").locator(".fw-plr__print").inner_text()

    assert printed("#fw-plr-carer-name") == TYPED["#fw-plr-carer-name"]
    assert printed("#fw-plr-e1-reflection") == TYPED["#fw-plr-e1-reflection"]
    council = next(a for a in load_project(ROOT).authorities if a.id == COUNCIL)
    assert printed("#fw-plr-council") == council.name.get(lang)
    locale = next(language.locale for language in load_project(ROOT).config.languages if language.code == lang)
    assert printed("#fw-plr-e1-date") == i18n.date(datetime.date(2026, 9, 14), locale)
    context.close()


def test_nothing_typed_is_sent_anywhere(browser, server, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(_url(server, "en"))
    _fill(page)
    with page.expect_download():
        page.click("[data-action=save]")
    page.reload()
    assert requests
    for request in requests:
        assert request.method == "GET" and not request.post_data, request.url
        for value in (*TYPED.values(), *EXTRA.values()):
            assert len(value) < 6 or value not in unquote(request.url)  # short values (hours) are in any URL
    context.close()


def test_without_javascript_the_record_explains_and_prints_blank(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_url(server, "cy"))
    assert page.locator(".fw-plr__nojs").inner_text() == _("cy", (
        "Keeping what you type, and saving it to or loading it from a file, need JavaScript, which is off or not "
        "working in this browser. You can still print this page and fill in the record by hand."))
    assert page.locator(".fw-plr__toolbar").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".fw-plr__nojs").is_hidden()
    assert page.locator("#fw-plr-carer-name").is_visible() and page.locator("#fw-plr-e1-reflection").is_visible()
    context.close()


# --- Once the learning areas are confirmed -----------------------------------------------------------------

AREAS = """  areas:
    source: test-framework
    as_of: "2026"
    items:
      - id: area-one
        name: {en: Test area one, cy: Maes prawf un}
      - id: area-two
        name: {en: Test area two, cy: Maes prawf dau}
"""


@pytest.fixture(scope="module")
def areas_site(built, tmp_path_factory):
    """A copy of the project whose framework lists learning areas (made-up test data, from a test source)."""
    root = copy_project(tmp_path_factory.mktemp("learning"), ("test-framework", "Test framework", "Fframwaith prawf"),
                        warm=True)
    edit(root / "data" / "learning_framework.yml", "  areas: {unconfirmed: true}\n", AREAS)
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    with http_server(root / "site") as address:
        yield root, address


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_confirmed_learning_areas_give_the_record_an_entry_each(areas_site, browser, lang):
    root, address = areas_site
    names = {"en": ["Test area one", "Test area two"], "cy": ["Maes prawf un", "Maes prawf dau"]}[lang]
    facts = parse(root / "site" / lang / PAGES[lang][0] / "index.html").select_one("table.fw-learning")
    row = next(r for r in facts.select("tbody tr") if r.th.get_text(strip=True) == _(lang, "Learning areas"))
    assert [li.get_text() for li in row.select("td [data-source=test-framework] li")] == names
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{address}/{lang}/{PAGES[lang][1]}/")
    assert page.locator("[data-entry]").count() == len(names)
    assert page.locator(".fw-plr__hint").count() == 0
    for number, area in enumerate(("area-one", "area-two"), start=1):
        assert page.input_value(f"#fw-plr-e{number}-area") == area
    page.fill("#fw-plr-e2-learning", "Course for area two")
    page.click(".fw-plr__add")
    page.select_option("#fw-plr-e3-area", "area-one")
    page.reload()
    assert page.locator("[data-entry]").count() == len(names) + 1
    assert page.input_value("#fw-plr-e2-learning") == "Course for area two"
    assert page.input_value("#fw-plr-e3-area") == "area-one"
    context.close()


def test_the_record_works_from_the_keyboard(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(_url(server, "en"))
    page.focus("[data-action=save]")
    order = []
    for _step in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.dataset.action"))
    assert order == ["fw-plr-load", "print", "clear"]
    page.focus("#fw-plr-load")
    outline = page.evaluate("getComputedStyle(document.querySelector('.fw-plr__load')).outlineStyle")
    assert outline == "solid", "the visible 'Load from a file' button shows where the keyboard is"
    page.focus(".fw-plr__add")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"fw-plr-e{BLANK_ENTRIES + 1}-area"
    page.keyboard.type("Typed from the keyboard")
    page.reload()
    assert page.input_value(f"#fw-plr-e{BLANK_ENTRIES + 1}-area") == "Typed from the keyboard"
    context.close()
