"""The content people need is there, in both languages, built from data, with gaps marked."""

from __future__ import annotations

import pytest
import yaml

from generator.render import i18n, urls
from tests.conftest import ROOT, Built, append, parse, run_generator

NATIONAL_PAGES = ("home why-local-authority-fostering who-can-foster types-of-fostering the-process transferring "
                  "support about fostering-in-numbers faq find-your-local-team accessibility privacy "
                  "welsh-language glossary").split()
LOCAL_PAGES = "home how-to-enquire support-and-learning our-region contact".split()


def _page(built: Built, site_id: str, page_id: str, lang: str):
    page = next(p for p in built.project.site_pages(built.project.site(site_id)) if p.id == page_id)
    return parse(built.output / urls.output_path(page, lang) / "index.html")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_national_site_has_every_page_people_need(built: Built, lang):
    for page_id in NATIONAL_PAGES:
        article = _page(built, "main", page_id, lang).select_one("article")
        assert len(article.get_text(" ", strip=True).split()) > 60, f"{page_id} ({lang}) is nearly empty"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_local_site_has_its_pages_filled_with_its_own_data(built: Built, lang):
    for authority in built.project.authorities:
        for page_id in LOCAL_PAGES:
            article = _page(built, authority.id, page_id, lang).select_one("article")
            assert article is not None
        home = _page(built, authority.id, "home", lang)
        assert home.h1.get_text(strip=True).endswith(authority.in_name.get(lang))
        assert authority.council.get(lang) in home.select_one("article").get_text()


def test_types_of_fostering_covers_each_type(built: Built):
    headings = " ".join(h.get_text() for h in _page(built, "main", "types-of-fostering", "en").select("h2, h3"))
    for kind in ("Short-term", "Long-term", "Short breaks", "Parent and child", "Community parent and child",
                 "Family and friends", "When I am Ready", "Mockingbird", "Supported lodgings"):
        assert kind in headings, kind


@pytest.mark.parametrize("lang,sections", [
    ("en", ["Compliance status", "Non-accessible content", "Enforcement procedure", "Preparation of this statement"]),
    ("cy", ["Statws cydymffurfio", "Cynnwys nad yw'n hygyrch", "Y drefn orfodi", "Paratoi'r datganiad hwn"]),
])
def test_accessibility_statement_has_the_sections_the_regulations_ask_for(built: Built, lang, sections):
    headings = [h.get_text(strip=True) for h in _page(built, "main", "accessibility", lang).select("h2, h3")]
    for section in sections:
        assert any(h.startswith(section) for h in headings), (section, headings)


@pytest.mark.parametrize("lang,marker", [("en", "to be confirmed"), ("cy", "i'w gadarnhau")])
def test_unknown_service_facts_are_shown_as_unconfirmed(built: Built, lang, marker):
    site = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    unconfirmed = [name for name, fact in site["facts"].items() if fact.get("unconfirmed")]
    assert unconfirmed
    shown = _page(built, "main", "accessibility", lang).select('[data-unconfirmed="true"]')
    assert shown and all(m.get_text() == marker for m in shown)
    # The marker is only ever the data's doing: the words never appear loose in a page.
    for path in built.page_files(lang):
        article = parse(path).select_one("article")
        loose = article.get_text().count(marker) - len(article.select('[data-unconfirmed="true"]'))
        assert loose == 0, path


def test_a_council_shows_its_own_and_its_regions_good_practice_only(built: Built):
    practice = yaml.safe_load((ROOT / "data" / "good_practice.yml").read_text(encoding="utf-8"))["initiatives"]
    mockingbird = next(i for i in practice if i["id"] == "flintshire-mockingbird")
    flintshire = _page(built, "flintshire", "our-region", "cy").select_one("article")
    cardiff = _page(built, "cardiff", "our-region", "cy").select_one("article")
    assert mockingbird["name"]["cy"] in [h.get_text(strip=True) for h in flintshire.select("h3")]
    assert mockingbird["name"]["cy"] not in cardiff.get_text()
    figures = [s.get_text() for s in flintshire.select(".fw-figures .fw-figure[data-source]")]
    for figure in mockingbird["figures"]:
        assert i18n.number(figure["value"], "cy") in figures
    enfys = next(i for i in practice if i["id"] == "cardiff-and-vale-enfys")
    assert enfys["name"]["cy"] in cardiff.get_text()


def test_one_file_changes_one_councils_page(warm_copy):
    for lang, slug, text in (("en", "contact", "Call in at our Barry office any weekday."),
                             ("cy", "cysylltu", "Galwch heibio i'n swyddfa yn y Barri unrhyw ddiwrnod o'r wythnos.")):
        shared = (warm_copy / "content" / lang / "authority" / f"{slug}.md").read_text(encoding="utf-8")
        own = warm_copy / "content" / lang / "authorities" / "vale-of-glamorgan" / f"{slug}.md"
        own.parent.mkdir(parents=True)
        own.write_text(shared + f"\n{text}\n", encoding="utf-8")
    result = run_generator(warm_copy, "build")
    assert result.returncode == 0, result.stderr
    site = warm_copy / "site"
    assert "Call in at our Barry office" in (site / "en/vale-of-glamorgan/contact/index.html").read_text()
    assert "swyddfa yn y Barri" in (site / "cy/bro-morgannwg/cysylltu/index.html").read_text()
    assert "Barry office" not in (site / "en/cardiff/contact/index.html").read_text()


def test_glossary_follows_each_languages_alphabet(built: Built):
    terms = [dt.contents[0].strip() for dt in _page(built, "main", "glossary", "cy").select("dl dt")]
    assert terms.index("lwfans") < terms.index("llety â chymorth")  # ll is a letter after l
    alphabet = built.project.language("cy").alphabet
    assert terms == sorted(terms, key=lambda t: i18n.sort_key(t, alphabet))
    english = _page(built, "main", "glossary", "cy").select("dl dt span[lang=en]")
    assert len(english) == len(terms)


def test_welsh_sort_key_treats_digraphs_as_letters(built: Built):
    words = ["llaeth", "lwc", "ffa", "fel", "chwech", "cyw", "pan fydd", "panel", "rhif", "robin"]
    alphabet = built.project.language("cy").alphabet  # from data/site.yml
    assert sorted(words, key=lambda w: i18n.sort_key(w, alphabet)) == [
        "cyw", "chwech", "fel", "ffa", "lwc", "llaeth", "pan fydd", "panel", "robin", "rhif"]


def test_inconsistent_welsh_term_is_refused(warm_copy):
    append(warm_copy / "content" / "en" / "main" / "privacy.md",
           "\nYour supervising social worker can help.\n")
    page = warm_copy / "content" / "cy" / "main" / "preifatrwydd.md"
    text = page.read_text(encoding="utf-8")
    for form in ("gweithiwr cymdeithasol goruchwylio", "weithiwr cymdeithasol goruchwylio"):
        assert form not in text
    result = run_generator(warm_copy, "build")
    assert result.returncode == 1
    assert "content/cy/main/preifatrwydd.md" in result.stderr
    assert "standard term 'gweithiwr cymdeithasol goruchwylio'" in result.stderr
