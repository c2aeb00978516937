"""The national data set page: every figure exactly as the data file gives it, in both languages,
as an accessible chart with a table, a summary and its source."""

from __future__ import annotations

import pytest
import yaml
from babel.numbers import format_decimal

from generator.checks.freshness import check_freshness
from generator.render import urls
from tests.conftest import ROOT, Built, edit, line_of, parse, run_generator

LOCALES = {"en": "en_GB", "cy": "cy"}


def _data_page(built: Built, lang: str):
    national = built.project.site_pages(built.project.site("main"))
    page = next(p for p in national if p.id == "fostering-in-numbers")
    return parse(built.output / urls.output_path(page, lang) / "index.html")


def _expected(value, unit, locale):
    # A percentage as the source writes it, decimals kept (26.3%, not 26%); both languages write it so.
    return f"{value:g}%" if unit == "percent" else format_decimal(value, locale=locale)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_chart_shows_the_data_files_figures(built: Built, lang):
    # Read the data file directly, not through the generator, so a mistake in the model would show.
    charts = yaml.safe_load((ROOT / "data" / "national_data.yml").read_text(encoding="utf-8"))["charts"]
    page = _data_page(built, lang)
    for chart in charts:
        figure = page.select_one(f"figure#chart-{chart['id']}")
        assert figure is not None, chart["id"]
        assert figure["data-source"] == chart["source"]
        # A chart whose measure has no newer figure says it is history; the others do not.
        assert bool(figure.select(".fw-chart__history")) == chart.get("historical", False), chart["id"]
        assert figure.select_one("figcaption").get_text(strip=True) == chart["title"][lang]
        headers = [th.get_text(strip=True) for th in figure.select("thead th")]
        assert headers == [s["label"][lang] for s in chart["series"]]
        rows = figure.select("tbody tr")
        assert [r.th.get_text(strip=True) for r in rows] == [g["label"][lang] for g in chart["groups"]]
        for row, group in zip(rows, chart["groups"], strict=True):
            cells = [td.get_text(strip=True) for td in row.select("td")]
            assert cells == [_expected(group["values"][s["id"]], chart["unit"], LOCALES[lang])
                             for s in chart["series"]]
        # The drawn bars carry the same values, and the image has a text alternative.
        svg = figure.select_one("svg")
        assert svg["role"] == "img" and svg.title.get_text() == chart["title"][lang]
        drawn = [t.get_text() for t in svg.select("text.fw-chart__value")]
        assert drawn == [_expected(g["values"][s["id"]], chart["unit"], LOCALES[lang])
                         for g in chart["groups"] for s in chart["series"]]
        summary = figure.select_one(".fw-chart__summary").get_text()
        assert "{" not in summary
        for group in chart["groups"]:
            for series in chart["series"]:
                if f"{{{group['id']}.{series['id']}}}" in chart["summary"][lang]:
                    assert _expected(group["values"][series["id"]], chart["unit"], LOCALES[lang]) in summary
        source = figure.select_one(".fw-chart__source").get_text()
        assert source.startswith("Source:" if lang == "en" else "Ffynhonnell:")


def test_welsh_figures_use_welsh_month_names(built: Built):
    page = _data_page(built, "cy")
    assert "Mawrth 2020" in page.select_one("figure#chart-children-looked-after").get_text()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_percentages_of_a_regions_good_practice_keep_their_decimals(built: Built, lang):
    project = built.project
    shown = 0
    for authority in project.authorities:
        figures = [f for i in project.initiatives_for(authority) for f in i.figures
                   if f.unit == "percent" and f.value != int(f.value)]
        if not figures:
            continue
        page = next(p for p in project.site_pages(project.site(authority.id)) if p.id == "our-region")
        texts = [s.get_text() for s in parse(built.output / urls.output_path(page, lang) / "index.html")
                 .select(".fw-figure")]
        for figure in figures:
            assert f"{figure.value:g}%" in texts, (authority.id, figure.value)
            shown += 1
    assert shown >= 4  # Cwm Taf Morgannwg's 26.3%, 40.9%, 13.2% and 17.2%, at least


def test_the_freshness_gate_passes_on_the_real_data(built: Built):
    findings = check_freshness(built.project, release=True)
    assert not findings.errors and not findings.warnings, [p.message for p in findings.errors]


def test_a_chart_figure_not_in_its_quotation_stops_the_build_at_its_line(project_copy):
    data = project_copy / "data" / "national_data.yml"
    edit(data, "values: {children: 7198}", "values: {children: 7189}")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"data/national_data.yml, line {line_of(data, 'children: 7189')}" in result.stderr
    assert "The value 7189 is not in its quotation" in result.stderr
