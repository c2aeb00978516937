"""Issue 28: no page makes a request to another host. One page of every page type, in both languages, loaded in
Chromium from a local server, every request intercepted: anything not for the local server fails the test
(Material's language switcher used to fetch sitemap.xml beside every hreflang link, on the live domains)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import http_server

# One page of each type: home, content, calculator, charts, allowance tables, glossary, finder, handbook list,
# learning record, local home, local content, local handbook chapter and print version, 404.
PAGES = {
    "en": ["", "about/", "calculator/", "fostering-in-numbers/", "allowances-and-fees/", "glossary/",
           "find-your-local-team/", "carer-handbooks/", "personal-learning-record/", "cardiff/", "cardiff/contact/",
           "cardiff/handbook/health/", "cardiff/handbook/print/", "404.html"],
    "cy": ["", "amdanom-ni/", "cyfrifiannell/", "maethu-mewn-ffigurau/", "lwfansau-a-ffioedd/", "geirfa/",
           "dod-o-hyd-i-dim-lleol/", "llawlyfrau-gofalwyr-maeth/", "cofnod-dysgu-personol/", "caerdydd/",
           "caerdydd/cysylltu/", "caerdydd/llawlyfr/iechyd/", "caerdydd/llawlyfr/argraffu/", "404.html"],
}


@pytest.fixture(scope="module")
def served(built):
    with http_server(built.output) as address:
        yield address


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_no_request_to_another_host(browser, built, served, lang):
    local = urlsplit(served).netloc
    elsewhere: list[str] = []
    failed: list[str] = []
    context = browser.new_context()

    def route(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in {"http", "https"} and parts.netloc != local:
            elsewhere.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    current = [""]
    # The 404 page links to the theme at the server's root (it is served at any address): not loaded here.
    page.on("requestfailed", lambda request: current[0] != "404.html" and failed.append(request.url))
    # Nor does a page ask its own site for what is not there (the theme looked for sitemap.xml beside each feed).
    missing: list[str] = []
    page.on("response", lambda response: response.status == 404 and current[0] != "404.html"
            and missing.append(response.url))
    try:
        for path in PAGES[lang]:
            assert (built.output / lang / (path or "index.html")).exists() or (
                built.output / lang / path / "index.html").exists(), path
            current[0] = path
            page.goto(f"{served}/{lang}/{path}", wait_until="load")
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert elsewhere == [], f"requests to other hosts: {sorted(set(elsewhere))}"
    assert failed == [], f"this site's own files failed to load (so its scripts were not tried): {failed}"
    assert missing == [], f"requests for files this site does not have: {missing}"
