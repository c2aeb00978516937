"""Every council can be reached from its site: its confirmed phone, email and web page are links a visitor can
use at once (tel:, mailto:, the address), each marked with its source; what is not confirmed says so. A value
taken from a web page carries the page's words holding it, and a mistyped one stops the build at its line."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Built, edit, line_of, parse, run_generator


def _contact_page(built: Built, authority, lang: str):
    site = built.project.site(authority.id)
    page = next(p for p in built.project.site_pages(site) if p.id == "contact")
    from generator.render import urls

    return parse(built.output / urls.output_path(page, lang) / "index.html")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_councils_contact_page_shows_its_confirmed_contacts_as_links(built: Built, lang):
    linked = {"phone": 0, "email": 0, "web": 0}
    for authority in built.project.authorities:
        article = _contact_page(built, authority, lang).select_one("article")
        web = authority.web_page_in.get(lang, authority.web_page)
        page_link = article.select_one("a.fw-contact--web")
        assert page_link["href"] == web.value and page_link["data-source"] == web.source
        linked["web"] += 1
        for kind, fact, scheme in (("phone", authority.phone, "tel:"), ("email", authority.email, "mailto:")):
            link = article.select_one(f"a.fw-contact--{kind}")
            if fact.unconfirmed:
                assert link is None
                continue
            linked[kind] += 1
            assert link.get_text() == fact.value and link["data-source"] == fact.source
            assert link["href"] == scheme + (fact.tel if kind == "phone" else fact.value)
        assert article.select(".fw-unconfirmed") or (authority.phone.known and authority.email.known)
    assert linked["web"] == 22 and linked["phone"] >= 1 and linked["email"] >= 1, linked


def test_a_phone_number_is_called_in_its_international_form():
    from generator.model.schema import Phone

    assert Phone(value="029 2087 3797", source="s", as_of="2026").tel == "+442920873797"
    assert Phone(value="+44 1352 702190", source="s", as_of="2026").tel == "+441352702190"


def test_a_value_not_in_its_quotation_stops_the_build_at_its_line(project_copy):
    authorities = project_copy / "data" / "authorities.yml"
    edit(authorities, "value: \"0800 22 30 627\"", "value: \"0800 22 30 672\"")
    line = line_of(authorities, "0800 22 30 672")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"data/authorities.yml, line {line}, field 'authorities\[\d+\]\.phone\.value'", result.stderr), \
        result.stderr
    assert "'0800 22 30 672' is not in its quotation" in result.stderr


def test_a_value_from_a_web_page_without_its_quotation_is_refused(project_copy):
    authorities = project_copy / "data" / "authorities.yml"
    edit(authorities, "      quote: \"Email: fostering@powys.gov.uk\"\n", "")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert re.search(r"field 'authorities\[\d+\]\.email\.quote'", result.stderr), result.stderr
    assert "has no 'quote'" in result.stderr
