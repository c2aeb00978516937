"""Accessibility: axe-core in headless Chromium over one page of every page type, in every language.

- axe-core (node_modules/axe-core, pinned in package-lock.json) runs in Debian's Chromium under Playwright, with
  the WCAG 2.0, 2.1 and 2.2 A and AA rules; any violation fails the gate. Every page of the main site is a page type of
  its own (each has its own helpers: charts, tables, the calculator), local pages are tested on one council's
  site (they are one template filled with each council's data) plus every council's own versions, and the
  404 page. Each language tree is served at its own address's path, as it is published.
- Keyboard focus is visible: tabbing through the start of each language's home page, every focused element
  looks different from the same place once focus has moved back with Shift+Tab (compared as screenshots, so
  any indicator counts: an outline, a shadow, a change of colour, a skip link or a search panel appearing).
- The language switch is announced correctly: on every page tested, a link whose accessible name is the
  other language's own name, marked with that language's lang and hreflang.
Violations inside the page body are traced to the page's Markdown (with the line where the element's text is
found); others, and rules about presentation (contrast, links told apart by colour, target size) wherever
they occur, to the theme (site_src/overrides/), once per rule with the number of pages.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.checks import tools
from generator.checks.local_server import serve_folder
from generator.model.errors import Problem
from generator.model.project import Page, Project
from generator.render import urls

THEME = "site_src/overrides/"
STYLESHEET = THEME + "assets/stylesheets/fostering.css"
# Rules about how things look: the stylesheet causes them, wherever the element is.
STYLE_RULES = {"color-contrast", "link-in-text-block", "target-size"}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUS_STEPS = 12  # focusable elements checked from the start of each home page

_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    tags: v.tags.filter(t => t.startsWith('wcag')),
    nodes: v.nodes.map(n => {
      const target = n.target.flat().join(' ');
      let element = null;
      try { element = document.querySelector(n.target[n.target.length - 1]); } catch (e) {}
      return {target, html: n.html.slice(0, 200), inArticle: !!(element && element.closest('article')),
              text: element ? (element.innerText || element.getAttribute('alt') || '').trim().slice(0, 80) : ''};
    }),
  }));
}"""

_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  return {html: el.outerHTML.slice(0, 160), x: box.x, y: box.y, width: box.width, height: box.height};
}"""


@dataclass(frozen=True)
class Target:
    path: str  # the page's address inside its language tree, e.g. 'cardiff/contact/'
    lang: str
    source: str | None  # the page's Markdown (None for the theme's 404 page)
    page: Page | None


def targets(project: Project) -> list[Target]:
    """One page of every page type, in every language: the main site's pages, one council site's, and the pages
    only one council has (its stories, its own versions); the other councils' shared pages come from the same
    templates."""
    main = project.site_pages(project.site("main"))
    local = [site for site in project.sites if site.kind != "main"]
    first = [page for site in local[:1] for page in project.site_pages(site)]

    def version(page: Page) -> tuple:  # a council's own version of a shared page has its own files
        return page.id, tuple(page.source(code).file for code in project.languages)

    seen = {version(page) for page in first}
    own = [page for site in local[1:] for page in project.site_pages(site) if version(page) not in seen]
    pages = main + first + own
    result = []
    for lang in project.languages:
        for page in pages:
            result.append(Target(urls.output_path(page, lang).split("/", 1)[1], lang, page.source(lang).file, page))
        result.append(Target("404.html", lang, None, None))
    return result


def check_accessibility(project: Project, tree: Path, selected: list[Target] | None = None) -> list[Problem]:
    # Playwright's sync API refuses to start where an asyncio loop runs (another Playwright session, as in the
    # tests), so the browser is driven from a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_check, project, tree, selected).result()


def _check(project: Project, tree: Path, selected: list[Target] | None) -> list[Problem]:
    from playwright.sync_api import sync_playwright

    axe = tools.axe_script()
    chromium = tools.chromium()
    selected = targets(project) if selected is None else selected
    content: dict[tuple[str, str], tuple[int | None, str, str]] = {}
    theme: dict[tuple[str, str], tuple[str, list[str]]] = {}
    problems: list[Problem] = []
    with ExitStack() as stack:
        # Each language tree served at its published address's path, so root-relative links (404 pages) work.
        bases = {lang: stack.enter_context(serve_folder(tree / lang, urlsplit(project.language(lang).base_url).path))
                 for lang in project.languages}
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=str(chromium), args=tools.CHROMIUM_ARGS)
        stack.callback(browser.close)
        context = browser.new_context()
        context.add_init_script(path=str(axe))  # axe-core in every page, before the page's own scripts
        tab = context.new_page()
        for target in selected:
            where = f"{target.lang}/{target.path}"
            tab.goto(f"{bases[target.lang]}/{target.path}")
            for violation in tab.evaluate(_RUN_AXE, TAGS):
                for node in violation["nodes"]:
                    message = (f"{violation['help']} (axe rule '{violation['id']}', {', '.join(violation['tags'])}; "
                               f"{violation['impact']}): {node['html']}")
                    if node["inArticle"] and target.source and violation["id"] not in STYLE_RULES:
                        key = (target.source, message)
                        if key not in content:
                            line = _source_line(project.root / target.source, node["text"])
                            content[key] = (line, where, violation["helpUrl"])
                    else:
                        source = STYLESHEET if violation["id"] in STYLE_RULES else THEME
                        theme.setdefault((source, message), (violation["helpUrl"], []))[1].append(where)
            if target.page is not None:
                problems.extend(_check_switch(project, tab, target, where))
        for lang in project.languages:
            problems.extend(_check_focus(tab, f"{bases[lang]}/", lang))
    problems += [Problem(source, f"An accessibility rule is broken on {where}: {message}.", line,
                         fix=f"Change the page so the rule holds (see {url}). Usual causes in a page: a link "
                             "with no text, an image with no description, a heading level skipped.")
                 for (source, message), (line, where, url) in content.items()]
    problems += [Problem(source, f"An accessibility rule is broken by the theme on {len(pages)} pages "
                         f"(e.g. {pages[0]}): {message}.",
                         fix=f"Correct the template or stylesheet in site_src/overrides/ (see {url}); do not turn "
                             "the rule off.")
                 for (source, message), (url, pages) in theme.items()]
    return list(dict.fromkeys(problems))


def _check_switch(project: Project, tab, target: Target, where: str) -> list[Problem]:
    problems = []
    for language in project.config.languages:
        if language.code == target.lang:
            continue
        switch = tab.locator(".fw-language-switch").get_by_role("link", name=language.name, exact=True)
        if switch.count() != 1:
            problems.append(Problem(THEME + "partials/alternate.html", f"On {where}, the language switch has no "
                                    f"link announced as '{language.name}'.", fix="Give the switch one link per "
                                    "language, whose text is the language's own name."))
            continue
        for attribute in ("lang", "hreflang"):
            if switch.get_attribute(attribute) != language.code:
                problems.append(Problem(THEME + "partials/alternate.html", f"On {where}, the language switch link "
                                        f"'{language.name}' is not marked {attribute}=\"{language.code}\", so it "
                                        "is not pronounced or paired correctly.",
                                        fix=f"Add {attribute}=\"{language.code}\" to the link."))
    return problems


def _check_focus(tab, address: str, lang: str) -> list[Problem]:
    """Tab through the start of a page: each element must look different focused and not (Shift+Tab away)."""
    tab.goto(address)
    problems = []
    for _ in range(FOCUS_STEPS):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(_FOCUSED)
        if not focused or focused["width"] <= 0 or focused["height"] <= 0:
            continue
        viewport = tab.viewport_size or {"width": 1280, "height": 720}
        x, y = max(focused["x"] - 6, 0), max(focused["y"] - 6, 0)
        clip = {"x": x, "y": y, "width": min(focused["width"] + 12, viewport["width"] - x),
                "height": min(focused["height"] + 12, viewport["height"] - y)}
        if clip["width"] <= 0 or clip["height"] <= 0:
            continue
        with_focus = tab.screenshot(clip=clip, animations="disabled")
        tab.keyboard.press("Shift+Tab")  # back to the element before, as a keyboard user would
        without_focus = tab.screenshot(clip=clip, animations="disabled")
        tab.keyboard.press("Tab")
        if with_focus == without_focus:
            problems.append(Problem(STYLESHEET, f"Keyboard focus is not visible on {lang}/: this element looks the "
                                    f"same focused and not focused: {focused['html']}.",
                                    fix="Give focused elements a visible outline (:focus-visible) in the stylesheet; "
                                        "never remove the outline without another indicator."))
    return problems


def _source_line(source: Path, text: str) -> int | None:
    """The line of the Markdown where the element's text appears, if it does."""
    text = " ".join(text.split())
    if len(text) < 3:
        return None
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if text[:40] in line:
            return number
    return None
