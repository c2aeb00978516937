"""Allowances and fees: validated against the national minimum, shown as the data file gives them."""

from __future__ import annotations

import pytest
from babel.numbers import format_currency

from generator.render import urls
from tests.conftest import copy_project, edit, line_of, parse, run_generator

# A council with no rates found (no year): the fixture gives it made-up rates for 2026-27.
NEWPORT = """  - authority: newport
    weekly:
      age-0-4: {unconfirmed: true}
      age-5-10: {unconfirmed: true}
      age-11-15: {unconfirmed: true}
      age-16-17: {unconfirmed: true}"""
CARDIFF = NEWPORT.replace("newport", "cardiff").replace(
    "    weekly:", "    year: 2026-27\n    effective_from: 2026-04-01\n    weekly:")
# Figures for the tests only: not real rates, never committed to data/.
FIXTURE_RATES = {"age-0-4": 171.43, "age-5-10": 195.02, "age-11-15": 240.0, "age-16-17": 280.56}
FIXTURE_MINIMUM = {"age-0-4": 160.0, "age-5-10": 180.0, "age-11-15": 220.0, "age-16-17": 260.0}


def _confirmed(rates: dict[str, float], indent: str = "      ") -> str:
    return "".join(f"\n{indent}{band}: {{amount: {amount}, source: test-rates, as_of: 2026-04}}"
                   for band, amount in rates.items())


def _with_fixture_rates(root) -> None:
    sources = root / "data" / "sources.yml"
    test_source = ("  - id: test-rates\n    title: {en: Test rates, cy: Cyfraddau prawf}\n    publisher: Tests\n"
                   "    reference: made-up figures of the tests\n")
    sources.write_text(sources.read_text(encoding="utf-8") + test_source, encoding="utf-8")
    payments = root / "data" / "payments.yml"
    text = payments.read_text(encoding="utf-8")
    minimum = text[text.index("national_minimum_allowance:"):text.index("\n\n", text.index("national_minimum"))]
    text = text.replace(minimum, "national_minimum_allowance:\n  - year: 2026-27\n    effective_from: 2026-04-01\n"
                        "    weekly:" + _confirmed(FIXTURE_MINIMUM))
    text = text.replace(text[text.index("  - authority: cardiff"):text.index("  - authority: vale-of-glamorgan")],
                        CARDIFF + "\n")
    cardiff = CARDIFF.split("    weekly:")[0] + "    weekly:" + _confirmed(FIXTURE_RATES) + (
        "\n    fees:\n      - id: level-2\n        name: {en: Level 2, cy: Lefel 2}"
        "\n        weekly: {amount: 125.5, source: test-rates, as_of: 2026-04}"
        "\n    extras:\n      - kind: birthday\n        amount: {amount: 150, source: test-rates, as_of: 2026-04}"
        "\n        per: year")
    assert CARDIFF in text
    payments.write_text(text.replace(CARDIFF, cardiff), encoding="utf-8")


@pytest.fixture(scope="module")
def fixture_site(built, tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("money"), warm=True)
    _with_fixture_rates(root)
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("lang,path,locale", [("en", "en/cardiff/what-you-will-receive", "en_GB"),
                                              ("cy", "cy/caerdydd/beth-gewch-chi", "cy")])
def test_a_councils_page_shows_the_figures_of_its_data_weekly_and_yearly(fixture_site, lang, path, locale):
    table = parse(fixture_site / path / "index.html").select_one("table.fw-money")
    rows = table.select("tbody tr")
    assert len(rows) == len(FIXTURE_RATES)
    for row, amount in zip(rows, FIXTURE_RATES.values(), strict=True):
        weekly, yearly = row.select("td .fw-figure")
        assert weekly.get_text() == format_currency(amount, "GBP", locale=locale)
        assert yearly.get_text() == format_currency(amount * 52, "GBP", locale=locale)
        assert weekly["data-source"] == "test-rates" and weekly["data-as-of"] == "2026-04"
    article = parse(fixture_site / path / "index.html").select_one("article")
    assert format_currency(125.5, "GBP", locale=locale) in article.get_text()
    assert not table.select('[data-unconfirmed="true"]')
    money_section = str(article).split('id="the-local-offer"' if lang == "en" else 'id="y-cynnig-lleol"')[0]
    assert 'data-unconfirmed="true"' not in money_section  # fees and extras are confirmed in the fixture
    source = article.select_one("p.fw-chart__source")
    assert source.get_text() == ("Source: Test rates (April 2026)" if lang == "en"
                                 else "Ffynhonnell: Cyfraddau prawf (Ebrill 2026)")


def test_unconfirmed_councils_stay_marked_and_the_comparison_agrees(fixture_site):
    newport = parse(fixture_site / "en/newport/what-you-will-receive/index.html").select_one("table.fw-money")
    assert len(newport.select('[data-unconfirmed="true"]')) == 2 * len(FIXTURE_RATES)
    compare = parse(fixture_site / "en/allowances-and-fees/index.html").select_one("table.fw-compare")
    cardiff = next(r for r in compare.select("tbody tr") if r.th.get_text(strip=True) == "Cardiff")
    assert [c.get_text() for c in cardiff.select("td")[:-1]] == [
        format_currency(a, "GBP", locale="en_GB") for a in FIXTURE_RATES.values()]
    assert (fixture_site / "en" / "allowances-and-fees" / cardiff.a["href"] / "index.html").resolve() == (
        fixture_site / "en/cardiff/what-you-will-receive/index.html").resolve()
    assert len(compare.select("tbody tr")) == 22


def _year_text(rates, lang: str) -> str:
    year = rates.year.replace("-", "–")
    return f"Rates for {year}" if lang == "en" else f"Cyfraddau {year}"


@pytest.mark.parametrize("lang,locale", [("en", "en_GB"), ("cy", "cy")])
def test_a_councils_page_shows_its_confirmed_rates_with_their_year_never_as_current(built, lang, locale):
    """Every council with rates found in a source shows each confirmed amount with its source and the year it is
    for; a year that is over is said to be so. The other councils' tables stay "to be confirmed"."""
    project = built.project
    confirmed = 0
    for authority in project.authorities:
        site = project.site(authority.id)
        page = next(p for p in project.site_pages(site) if p.id == "what-you-will-receive")
        article = parse(built.output / urls.output_path(page, lang) / "index.html").select_one("article")
        table = article.select_one("table.fw-money")
        rates = project.rates_for(authority)[0]
        for row, band in zip(table.select("tbody tr"), project.payments.age_bands, strict=True):
            money = rates.weekly[band.id]
            weekly = row.select("td")[0]
            if money.known:
                confirmed += 1
                figure = weekly.select_one(".fw-figure")
                assert figure.get_text() == format_currency(money.amount, "GBP", locale=locale), authority.id
                assert figure["data-source"] == money.source
            else:
                assert weekly.select_one('[data-unconfirmed="true"]'), authority.id
        heading = article.select_one(".fw-money__year")
        if rates.year is None:
            assert heading is None
            continue
        assert heading["data-year"] == rates.year and _year_text(rates, lang) in heading.get_text()
        past = "not this year's" if lang == "en" else "nid cyfraddau eleni"
        assert past in heading.get_text()  # every year found so far is over
    assert confirmed >= 10


def test_the_comparison_gives_each_councils_year_and_marks_the_rest(built):
    compare = parse(built.output / "cy/lwfansau-a-ffioedd/index.html").select_one("table.fw-compare")
    rows = {row.th.a.get_text(): row for row in compare.select("tbody tr")}
    for authority in built.project.authorities:
        row, rates = rows[authority.name.get("cy")], built.project.rates_for(authority)[0]
        year = row.select("td")[-1]
        if rates.known:
            assert year["data-year"] == rates.year and year.get_text() == rates.year.replace("-", "–")
        else:
            assert year.select_one('[data-unconfirmed="true"]') and all(
                c.select_one('[data-unconfirmed="true"]') for c in row.select("td"))


def test_the_national_minimums_sourced_rises_keep_their_decimals(built):
    article = parse(built.output / "en/allowances-and-fees/index.html").select_one("article")
    rises = article.select("ul.fw-uplifts li")
    uplifts = sorted(built.project.payments.national_minimum_uplifts, key=lambda u: u.year, reverse=True)
    assert len(rises) == len(uplifts) >= 2
    for item, uplift in zip(rises, uplifts, strict=True):
        assert item.select_one(".fw-figure").get_text() == f"{uplift.percent:g}%"
        assert item.get_text().startswith(uplift.year.replace("-", "–"))
    # The amounts themselves are not known: they stay marked, with no year claimed.
    table = article.select_one("table.fw-money")
    assert all(c.select_one('[data-unconfirmed="true"]') for c in table.select("tbody td"))


def _payments(root):
    return root / "data" / "payments.yml"


def test_amount_written_with_a_pound_sign_is_explained(project_copy):
    _with_fixture_rates(project_copy)
    edit(_payments(project_copy), "age-0-4: {amount: 171.43,", "age-0-4: {amount: '£171.43',")
    result = run_generator(project_copy, "check")
    line = line_of(_payments(project_copy), "'£171.43'")
    assert result.returncode == 1
    assert f"data/payments.yml, line {line}" in result.stderr and "without '£' or commas" in result.stderr


def test_unknown_age_band_is_refused(project_copy):
    edit(_payments(project_copy), NEWPORT, NEWPORT.replace("age-16-17:", "age-16-18:"))
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "'age-16-18' is not an age band" in result.stderr and "no rate for the age band 'age-16-17'" in result.stderr


def test_overlapping_years_are_refused(project_copy):
    dated = CARDIFF.replace("cardiff", "newport")
    edit(_payments(project_copy), NEWPORT, dated + "\n" + dated)
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "two sets of rates for newport in 2026-27" in result.stderr


def test_allowance_below_the_national_minimum_names_council_band_and_year(project_copy):
    _with_fixture_rates(project_copy)
    edit(_payments(project_copy), "age-5-10: {amount: 195.02,", "age-5-10: {amount: 175.0,")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert ("Cardiff's allowance for the age band 'age-5-10' in 2026-27 (£175.00 a week) is below the National "
            "Minimum Allowance (£180.00)") in result.stderr
    assert f"line {line_of(_payments(project_copy), 'amount: 175.0,')}" in result.stderr


def test_release_build_refuses_unconfirmed_rates(warm_copy):
    result = run_generator(warm_copy, "build", "--release")
    assert result.returncode == 1
    assert "data/payments.yml" in result.stderr and "marked unconfirmed" in result.stderr
