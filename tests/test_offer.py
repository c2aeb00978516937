"""The local offer and the National Commitment: known provisions with their sources, the rest marked."""

from __future__ import annotations

import yaml

from generator.render import urls
from tests.conftest import ROOT, Built, edit, parse, run_generator


def _offer():
    return yaml.safe_load((ROOT / "data" / "offer.yml").read_text(encoding="utf-8"))


def test_national_commitment_lists_every_council_with_its_source(built: Built):
    for lang, path, yes in (("en", "national-commitment", "Yes"), ("cy", "yr-ymrwymiad-cenedlaethol", "Ydy")):
        table = parse(built.output / lang / path / "index.html").select_one("article table")
        rows = table.select("tbody tr")
        assert [r.th.get_text(strip=True) for r in rows] == [a.name.get(lang) for a in built.project.authorities]
        for row in rows:
            assert row.td.get_text(strip=True).startswith(yes)
            assert row.td.select_one("[data-source=nff-final-report]")
        contents = parse(built.output / lang / path / "index.html").select_one("article").select(
            '[data-unconfirmed="true"]')
        assert contents, "what the commitment includes is not in the sources, so it must show as unconfirmed"


def test_a_councils_offer_shows_what_is_known_for_it_and_marks_the_rest(built: Built):
    offer = _offer()
    names = {o["id"]: o["name"] for o in offer["offer_types"]}
    flintshire = parse(built.output / "cy/sir-y-fflint/beth-gewch-chi/index.html").select_one("article")
    cardiff = parse(built.output / "en/cardiff/what-you-will-receive/index.html").select_one("article")
    provided = [li.strong.get_text() for li in flintshire.select("ul.fw-offer:not(.fw-offer--unconfirmed) li")]
    expected = [names[k]["cy"] for k, v in offer["authorities"]["flintshire"].items() if v.get("provided")]
    expected += [o["name"]["cy"] for o in offer["offer_types"] if o.get("derived_from") == "handbook"]
    assert sorted(provided) == sorted(expected) and names["mockingbird"]["cy"] in provided
    assert names["mockingbird"]["en"] not in [strong.get_text() for strong in cardiff.select("ul.fw-offer li strong")]
    unknown = cardiff.select("ul.fw-offer--unconfirmed li")
    assert len(unknown) == sum(1 for v in offer["authorities"]["cardiff"].values() if v.get("unconfirmed"))
    assert all(li.select_one('[data-unconfirmed="true"]') for li in unknown)


def test_every_council_must_be_accounted_for(project_copy):
    edit(project_copy / "data" / "offer.yml", "\n  vale-of-glamorgan:\n", "\n  vale-of-glamorga:\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "'vale-of-glamorgan' is missing" in result.stderr
    assert "'vale-of-glamorga' is not an authority id" in result.stderr


def test_every_council_publishing_the_handbook_offers_it_linked_to_its_own_handbook(built: Built):
    """Derived from the site, not typed 22 times: each council's offer links to the handbook its site publishes."""
    project = built.project
    handbook = next(o for o in project.offer.offer_types if o.derived_from == "handbook")
    for authority in project.authorities:
        site = project.site(authority.id)
        assert project.publishes_handbook(site)
        for lang in ("en", "cy"):
            page = next(p for p in project.site_pages(site) if p.id == "what-you-will-receive")
            folder = built.output / urls.output_path(page, lang)
            item = parse(folder / "index.html").select_one('article li[data-derived="handbook"]')
            assert item is not None and item.strong.get_text() == handbook.name.get(lang), authority.id
            contents = next(p for p in project.site_pages(site) if p.role == "contents")
            assert (folder / item.a["href"] / "index.html").resolve() == (
                built.output / urls.output_path(contents, lang) / "index.html").resolve()
