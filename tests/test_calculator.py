"""The allowance calculator in a real browser gives exactly the answers of the Python computation, for every
council and age band; without JavaScript the same figures are reachable as tables."""

from __future__ import annotations

import pytest
from babel.numbers import format_currency

from generator.model.loader import load_project
from generator.model.payments import calculate
from tests.conftest import ROOT, copy_project, http_server, run_generator

BANDS = ["age-0-4", "age-5-10", "age-11-15", "age-16-17"]


def _fixture_rates(index: int) -> dict[str, float | None]:
    """Distinct made-up weekly rates per council (test data only); one council has a band unconfirmed."""
    rates = {band: round(150 + index * 3.17 + position * 21.45, 2) for position, band in enumerate(BANDS)}
    if index == 5:
        rates["age-11-15"] = None
    return rates


@pytest.fixture(scope="module")
def calculator_site(built, tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("calculator"), ("test-rates", "Test rates", "Cyfraddau prawf"),
                        warm=True)
    payments = root / "data" / "payments.yml"
    text = payments.read_text(encoding="utf-8")
    head, _, _ = text.partition("\nauthorities:")
    project = load_project(ROOT)
    entries = []
    for index, authority in enumerate(project.authorities):
        lines = [f"  - authority: {authority.id}", "    year: 2026-27", "    effective_from: 2026-04-01", "    weekly:"]
        for band, amount in _fixture_rates(index).items():
            lines.append(f"      {band}: " + ("{unconfirmed: true}" if amount is None
                                              else f"{{amount: {amount}, source: test-rates, as_of: 2026-04}}"))
        entries.append("\n".join(lines))
    payments.write_text(head + "\nauthorities:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    with http_server(root / "site") as address:
        yield root, address


def _pence_text(pence: int | None, marker: str) -> str:
    return marker if pence is None else format_currency(pence / 100, "GBP", locale="en_GB")


@pytest.mark.parametrize("lang,path,marker", [("en", "en/calculator", "to be confirmed"),
                                              ("cy", "cy/cyfrifiannell", "i'w gadarnhau")])
def test_calculator_matches_python_for_every_council_and_age_band(calculator_site, browser, lang, path, marker):
    root, address = calculator_site
    project = load_project(root)
    page = browser.new_page()
    page.goto(f"{address}/{path}/")
    assert page.locator(".fw-calculator__nojs").is_hidden()
    age_input = page.locator(".fw-calculator__child input").first
    checked = 0
    for authority in project.authorities:
        page.select_option("#fw-calculator-council", authority.id)
        for band in project.payments.age_bands:
            for age in (band.from_age, band.to_age):
                age_input.fill(str(age))
                expected = calculate(project, authority, [age])
                row = page.locator(".fw-calculator__table tbody tr[data-age]")
                weekly = row.locator("td").nth(0)
                expected_weekly = expected.weekly_pence
                assert weekly.get_attribute("data-pence") == ("" if expected_weekly is None else str(expected_weekly))
                assert weekly.inner_text() == _pence_text(expected_weekly, marker)
                yearly = page.locator(".fw-calculator__total td").nth(1)
                assert yearly.get_attribute("data-pence") == (
                    "" if expected.yearly_pence is None else str(expected.yearly_pence))
                checked += 1
    assert checked == len(project.authorities) * len(project.payments.age_bands) * 2
    page.close()


def test_several_children_are_itemised_and_totalled(calculator_site, browser):
    root, address = calculator_site
    project = load_project(root)
    authority = project.authorities[3]
    ages = [0, 7, 12, 17]
    page = browser.new_page()
    page.goto(f"{address}/en/calculator/")
    page.select_option("#fw-calculator-council", authority.id)
    page.locator(".fw-calculator__child input").first.fill(str(ages[0]))
    for age in ages[1:]:
        page.click(".fw-calculator__add")
        page.locator(".fw-calculator__child input").last.fill(str(age))
    expected = calculate(project, authority, ages)
    rows = page.locator(".fw-calculator__table tbody tr[data-age]")
    assert rows.count() == len(ages)
    for index, item in enumerate(expected.items):
        assert rows.nth(index).locator("td").nth(0).get_attribute("data-pence") == str(round(item.weekly * 100))
    total = page.locator(".fw-calculator__total td")
    assert total.nth(0).get_attribute("data-pence") == str(expected.weekly_pence)
    assert total.nth(1).inner_text() == _pence_text(expected.yearly_pence, "")
    page.close()


def test_without_javascript_the_calculator_leads_to_the_tables(calculator_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{calculator_site[1]}/cy/cyfrifiannell/")
    assert page.locator(".fw-calculator__form").is_hidden()
    link = page.locator(".fw-calculator__nojs a")
    assert link.is_visible()
    link.click()
    assert page.locator("table#compare-allowances").is_visible()
    assert page.locator("table#compare-allowances tbody tr").count() == 22
    context.close()


def test_comparison_table_sorts_by_amount_and_filters_by_name(calculator_site, browser):
    page = browser.new_page()
    page.goto(f"{calculator_site[1]}/en/allowances-and-fees/")
    table = page.locator("table#compare-allowances")
    table.locator("thead th").nth(1).locator("button").click()
    amounts = [a for a in table.locator("tbody tr td:nth-child(2)").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-amount'))")]
    numbers = [float(a) for a in amounts if a]
    assert numbers == sorted(numbers) and len(numbers) == 22
    assert table.locator("thead th").nth(1).get_attribute("aria-sort") == "ascending"
    page.fill("#fw-filter-0", "vale")
    visible = [n for n in table.locator("tbody tr:not([hidden]) th").all_inner_texts()]
    assert visible == ["Vale of Glamorgan"]
    page.close()
