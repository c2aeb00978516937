"""Renders a page's Markdown with Jinja, in a sandbox, with a small documented set of names.

Content is written by semi-trusted contributors, so:
- the environment is Jinja's ImmutableSandboxedEnvironment: no attribute starting with '_', no Python internals,
  no changing data;
- autoescaping is on: HTML inside a data string is shown as text, never run;
- an unknown name is an error (StrictUndefined), so a typo never silently prints nothing.
Pages see plain, already-translated values (strings, lists, dicts), never the model's objects.
The names are listed in CONTEXT_NAMES and documented in docs/contributor-guide.md.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from generator.model.errors import ContributorError, Problem
from generator.model.project import Page, Project
from generator.model.schema import Fact
from generator.render import i18n, urls
from generator.render.html.campaigns import CampaignsView
from generator.render.html.charts import chart_html
from generator.render.html.events import EventsView
from generator.render.html.initiatives import initiatives_markdown
from generator.render.html.landing import LandingView, enquiry_route
from generator.render.html.learning import LearningRenderer
from generator.render.html.markup import contact_link, sourced, unconfirmed_marker
from generator.render.html.offer import OfferRenderer
from generator.render.html.payments import COMPARISON_ID, COMPARISON_PAGE, PaymentsRenderer
from generator.render.html.places import PlacesView
from generator.render.html.stories import STORIES, StoriesView
from generator.render.jinja_cache import FolderBytecodeCache

CONTEXT_NAMES = ("brand", "site", "facts", "authority", "regions", "counts", "chart", "good_practice", "glossary",
                 "payments", "minimum_allowance", "compare_allowances", "calculator", "local_offer",
                 "national_commitment", "handbooks", "money", "date", "number", "page_url", "main_url")
CONTEXT_NAMES += ("learning_framework", "learning_record")
CONTEXT_NAMES += ("campaign_calendar", "campaign_this_month", "events", "upcoming_events", "stories", "latest_stories")
CONTEXT_NAMES += ("place_finder", "places_a_z", "landing")
# Names that show a data file's contents, defined only when the service has that file (data/<file>.yml).
DATA_NAMES = {"regions": "authorities", "counts": "authorities", "authority": "authorities", "chart": "national_data",
              "glossary": "glossary", "national_commitment": "offer", "local_offer": "offer", "payments": "payments",
              "minimum_allowance": "payments", "compare_allowances": "payments", "calculator": "payments",
              "handbooks": "handbook", "learning_framework": "learning_framework",
              "learning_record": "learning_framework", "good_practice": "good_practice",
              "campaign_calendar": "campaigns", "campaign_this_month": "campaigns", "events": "events",
              "upcoming_events": "events", "place_finder": "places", "places_a_z": "places", "landing": "landing"}


# Limits on what a page's template code may make, so a loop or a calculation typed by mistake (or on purpose)
# ends in a message instead of exhausting the machine. The biggest page the project renders is a few hundred KB.
MAX_OUTPUT = 4 * 2**20  # characters a page's text may come to
MAX_SECONDS = 10.0  # time a page's text may take to render
_HUGE_WIDTH = re.compile(r"\d{6,}")  # a width or precision of a million characters or more in a format


class _PageSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, which also refuses to make huge strings, lists or numbers in one step: range()
    is bounded by the sandbox itself, and these by the sizes of what they would make."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for times, other in ((left, right), (right, left)):
                if (isinstance(times, int) and isinstance(other, str | list | tuple)
                        and times * len(other) > MAX_OUTPUT):
                    raise _TooBig(f"'{operator}' would make {times:,} copies of a text or list")
        # No figure a page shows has 30 digits: a bigger power is a mistake (or an attempt to exhaust memory).
        if (operator == "**" and isinstance(left, int | float) and isinstance(right, int | float)
                and abs(left) > 1 and right * math.log10(abs(left)) > 30):
            raise _TooBig(f"{left} ** {right} is too large a number")
        if operator == "%" and isinstance(left, str) and _HUGE_WIDTH.search(left):
            raise _TooBig("the format asks for a text millions of characters wide")
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any):
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _HUGE_WIDTH.search(str(getattr(value, "__self__", ""))):
            raise _TooBig("the format asks for a text millions of characters wide")
        return wrapped


class _TooBig(OverflowError):
    """What a page's template code would make is too big (its message says what)."""


_TOO_SLOW: set[str] = set()  # page texts whose template code ran out of time in this process


class _TooSlow(Exception):
    """A page's template code ran past MAX_SECONDS."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TooSlow in the code running when seconds have passed (in the main thread, where signals arrive;
    elsewhere the output's own checks stand alone). A timer set before is put back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def out_of_time(signum, frame):
        raise _TooSlow

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, out_of_time)
    earlier, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier:
            signal.setitimer(signal.ITIMER_REAL, max(earlier - (time.monotonic() - started), 0.001))


def _render_bounded(template: jinja2.Template, values: dict) -> str:
    """The template's output, refused past MAX_OUTPUT characters or MAX_SECONDS."""
    parts, size = [], 0
    deadline = time.monotonic() + MAX_SECONDS
    with _time_limit(MAX_SECONDS):
        for part in template.generate(values):
            size += len(part)
            if size > MAX_OUTPUT:
                raise _TooBig(f"the page's text would come to more than {MAX_OUTPUT:,} characters")
            if time.monotonic() > deadline:
                raise _TooSlow
            parts.append(part)
    return "".join(parts)


@cache
def _environment(root: Path, lang: str) -> ImmutableSandboxedEnvironment:
    env = _PageSandbox(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        loader=_PageTexts(),
        bytecode_cache=_bytecode_cache(root),
    )
    env.install_gettext_translations(i18n.translations(root, lang), newstyle=True)  # type: ignore[attr-defined]
    return env


class _PageTexts(jinja2.BaseLoader):
    """Page texts by the hash of their text: a loader, so compiled pages can go in a bytecode cache."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def get_source(self, environment, template):
        return self.texts[template], None, lambda: True


def _bytecode_cache(root: Path) -> FolderBytecodeCache:
    """Compiled page templates, kept between builds in the working folder. The folder is named after this
    module's code, which sets how pages are compiled (Jinja itself checks each page's text)."""
    version = hashlib.blake2b(Path(__file__).read_bytes() + jinja2.__version__.encode(), digest_size=8)
    return FolderBytecodeCache(str(root / ".build" / "jinja-pages" / version.hexdigest()))


# Where Jinja's syntax can start (and a carriage return, which Jinja's output would turn into a newline).
_TEMPLATE_CODE = re.compile(r"\{[{%#]|\r")


def has_template_code(text: str) -> bool:
    """Whether Jinja could make anything of text but the text itself: most texts (titles, handbook pieces) are
    plain, and compiling each of them took most of a cold build's rendering."""
    return _TEMPLATE_CODE.search(text) is not None


@lru_cache(maxsize=4096)
def _template(root: Path, lang: str, text: str) -> jinja2.Template:
    """A page's compiled template: a shared page is compiled once, not once per site (nor per build)."""
    env = _environment(root, lang)
    name = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    env.loader.texts[name] = text
    return env.get_template(name)


@dataclass(frozen=True)
class PageContext:
    """Everything a page's template may use, already in the page's language."""

    project: Project
    page: Page
    lang: str
    today: datetime.date | None = None  # the build's date (events still to come, this month's campaign)

    @property
    def day(self) -> datetime.date:
        return self.today or datetime.date.today()

    @property
    def locale(self) -> str:
        return self.project.language(self.lang).locale

    def here(self) -> str:
        return urls.output_path(self.page, self.lang)

    def link_to(self, page: Page) -> str:
        return urls.relative_link(self.here(), urls.output_path(page, self.lang))

    def fact(self, fact: Fact) -> Markup:
        """A fact's value, marked with its source, or the 'to be confirmed' marker: never a guess."""
        if fact.unconfirmed or fact.value is None:
            return unconfirmed_marker(self.project.root, self.lang)
        return sourced(fact.value.get(self.lang), {fact.source})

    def contact(self, kind: str, fact) -> Markup:
        """A way to reach a team as a link (tel:, mailto:, its address), or 'to be confirmed'. A value published
        more than two years before the build says when it was published."""
        if fact.unconfirmed:
            return unconfirmed_marker(self.project.root, self.lang)
        href = {"phone": "tel:" + fact.tel if kind == "phone" else "", "email": "mailto:" + fact.value}.get(
            kind, fact.value)
        shown = urlsplit(fact.value).netloc if kind == "web" else fact.value
        published = None
        recent = (datetime.date.today() - datetime.timedelta(days=730)).isoformat()[:len(fact.as_of)]
        if fact.as_of < recent:
            published = i18n.translations(self.project.root, self.lang).gettext("published %(date)s") % {
                "date": i18n.date(fact.as_of, self.locale)}
        return contact_link(kind, shown, href, fact.source, published)

    def handbooks(self) -> Markup:
        """Every authority's handbook, by region: a carer finds their council's own."""
        project, lang = self.project, self.lang
        blocks = []
        for region in project.regions:
            links = []
            for authority in project.authorities_in(region):
                contents = next(p for p in project.site_pages(project.site(authority.id)) if p.role == "contents")
                links.append(Markup("- [{}]({})").format(authority.council.get(lang), self.link_to(contents)))
            blocks.append(Markup("### {}\n\n{}").format(region.name.get(lang), Markup("\n").join(links)))
        return Markup("\n\n").join(blocks)

    def values(self, needed: frozenset[str] | None = None) -> dict[str, Any]:
        """The names a page may use; only those in needed (when given) are worked out in full."""
        project, lang, site = self.project, self.lang, self.page.site
        pages_by_id = project.site_pages_by_id(site)
        main = project.site_pages_by_id(project.site("main"))

        def page_url(page_id: str) -> str:
            # Within a site, link to the Markdown file: MkDocs checks it exists and writes the URL.
            if page_id not in pages_by_id:
                raise LookupError(f"page_url: this site has no page with the id '{page_id}'")
            return urls.doc_link(self.page, pages_by_id[page_id], lang)

        def main_url(page_id: str = "home") -> str:
            if page_id not in main:
                raise LookupError(f"main_url: the main site has no page with the id '{page_id}'")
            return page_url(page_id) if site.kind == "main" else self.link_to(main[page_id])

        def authority_view(authority) -> dict[str, Any]:
            home = project.site_pages(project.site(authority.id))[0]
            return {
                "id": authority.id,
                "name": authority.name.get(lang),
                "in_name": authority.in_name.get(lang),
                "council": authority.council.get(lang),
                "url": self.link_to(home),
                "web_page": self.contact("web", authority.web_page_in.get(lang, authority.web_page)),
                "phone": self.contact("phone", authority.phone),
                "email": self.contact("email", authority.email),
                "enquiry": enquiry_route(project, lang, authority, self.contact),
            }

        def region_view(region) -> dict[str, Any]:
            return {"id": region.id, "name": region.name.get(lang),
                    "authorities": [authority_view(a) for a in project.authorities_in(region)]}

        # Every authority of every region, with a link from this page, and every fact with its source: the
        # dearest values, so only when used.
        regions = [region_view(r) for r in project.regions] if needed is None or "regions" in needed else []
        facts = ({name: self.fact(fact) for name, fact in project.config.facts.items()}
                 if needed is None or "facts" in needed else {})
        messages = i18n.translations(project.root, lang)
        charts = {c.id: c for c in project.charts}

        def chart(chart_id: str) -> Markup:
            if chart_id not in charts:
                raise LookupError(f"chart: there is no chart '{chart_id}' in data/national_data.yml")
            found = charts[chart_id]
            latest = max((g.as_of for g in found.groups), key=lambda value: value.ljust(10, "~"))
            sources = [project.sources[i] for i in dict.fromkeys([found.source] + [g.source for g in found.groups
                                                                                     if g.source])]
            history = messages.gettext("Historical figures: no newer figures for this measure have been found in a "
                                       "published source.") if found.historical else None
            return chart_html(found, lang, self.locale, sources, messages.gettext("Source"),
                              i18n.date(latest, self.locale), history)

        values: dict[str, Any] = {
            "brand": project.config.brand.get(lang),
            "facts": facts,
            "site": {"kind": site.kind, "name": site_name(project, site.id, lang)},
            "money": lambda amount: i18n.money(amount, self.locale),
            "date": lambda value: i18n.date(value, self.locale),
            "number": lambda value: i18n.number(value, self.locale),
            "page_url": page_url,
            "main_url": main_url,
        }
        # Names that show a data file's contents exist only when the tenant has that file: a page using one
        # otherwise is told the name does not exist here.
        if project.authorities:
            values["regions"] = regions
            values["counts"] = {
                "authorities": sourced(
                    messages.ngettext("%(num)d local authority", "%(num)d local authorities",
                                      len(project.authorities)) % {"num": len(project.authorities)},
                    {a.source for a in project.authorities}),
                "regions": sourced(
                    messages.ngettext("%(num)d region", "%(num)d regions",
                                      len(project.regions)) % {"num": len(project.regions)},
                    {r.source for r in project.regions}),
            }
        if project.charts:
            values["chart"] = chart
        if project.glossary:
            values["glossary"] = lambda: glossary_html(project, lang)
        if project.offer:
            values["national_commitment"] = lambda: OfferRenderer(project, lang).national_commitment()
        if project.payments:
            values["minimum_allowance"] = lambda: PaymentsRenderer(project, lang).national_minimum()
            values["compare_allowances"] = lambda: PaymentsRenderer(project, lang).comparison(self.here())
            # Raw HTML links are not rewritten by MkDocs, so this one is a real relative address.
            values["calculator"] = lambda: PaymentsRenderer(project, lang).calculator(
                self.link_to(main[COMPARISON_PAGE]) + "#" + COMPARISON_ID)
        if project.handbook and project.handbook.published_on == "local":
            values["handbooks"] = lambda: self.handbooks()
        if "learning_framework" in project.data:
            values["learning_framework"] = lambda part="facts": LearningRenderer(project, lang).framework(part)
            values["learning_record"] = lambda: LearningRenderer(project, lang).record()
        if project.campaigns:
            values["campaign_calendar"] = lambda: CampaignsView(project, lang, self.day).calendar()
            values["campaign_this_month"] = lambda: CampaignsView(project, lang, self.day).this_month()
        if project.events:
            values["events"] = lambda: EventsView(project, self.page, lang, self.day).listing(structured=True)
            values["upcoming_events"] = lambda limit=3: EventsView(project, self.page, lang, self.day).listing(
                _limit(limit))
        if project.places:
            # One include for any page (the landing pages too): the finder box, and the A–Z it falls back to.
            values["place_finder"] = lambda: PlacesView(project, lang, self.link_to, self.page.id).finder()
            values["places_a_z"] = lambda: PlacesView(project, lang, self.link_to).a_z()
        if project.list_page(site, STORIES):
            values["stories"] = lambda: StoriesView(project, self.page, lang).listing()
            values["latest_stories"] = lambda limit=3: StoriesView(project, self.page, lang).listing(_limit(limit))
        if site.authority:
            if project.payments:
                values["payments"] = lambda: PaymentsRenderer(project, lang).authority(site.authority)
            if project.offer:
                values["local_offer"] = lambda: OfferRenderer(project, lang).local_offer(site.authority, self.here())
            if "good_practice" in project.data:
                values["good_practice"] = lambda: initiatives_markdown(
                    project, project.initiatives_for(site.authority), lang)
            view = authority_view(site.authority)
            view["region"] = next((r for r in regions if r["id"] == site.authority.region), None) or region_view(
                project.region(site.authority.region))
            values["authority"] = view
        if "landing" in project.data:
            values["landing"] = lambda: LandingView(project, self.page, lang, self.link_to, values.get("authority")
                                                    ).html()
        return values


def _limit(value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"how many to show must be a whole number of at least 1, not {value!r}")
    return value


def glossary_html(project: Project, lang: str) -> Markup:
    """The glossary as a definition list in the page's language's alphabetical order, each term with its
    equivalents in the other languages (marked with their lang, so screen readers pronounce them)."""
    items, alphabet = [], project.language(lang).alphabet
    for term in sorted(project.glossary, key=lambda t: i18n.sort_key(t.term.get(lang), alphabet)):
        others = Markup("").join(Markup(' <span class="fw-glossary__other" lang="{}">({})</span>').format(
            code, term.term.get(code)) for code in project.languages if code != lang)
        items.append(Markup('<dt id="{}">{}{}</dt><dd>{}</dd>').format(
            term.id, term.term.get(lang), others, term.definition.get(lang)))
    return Markup('<dl class="fw-glossary">{}</dl>').format(Markup("").join(items))


def site_name(project: Project, site_id: str, lang: str) -> str:
    brand = project.config.brand.get(lang)
    if site_id == "main":
        return brand
    authority = project.site(site_id).authority
    return project.config.local_site_name.get(lang).replace("{authority}", authority.name.get(lang))


@dataclass(frozen=True)
class RenderedPage:
    title: str
    description: str | None
    body: str  # Markdown
    meta: dict = field(default_factory=dict)  # more front matter for MkDocs and the theme


def render_page(project: Project, page: Page, lang: str, today: datetime.date | None = None) -> RenderedPage:
    """The page's title, description and body with template expressions evaluated; today: the build's date.

    Raises ContributorError, pointing at the file and line, on any template fault.
    """
    source = page.source(lang)
    texts = (source.meta.title, source.meta.description or "", source.body)
    values = PageContext(project, page, lang, today).values(names_used(texts))
    title = render_text(project, source, lang, source.meta.title, values, source.field_line("title"))
    description = (render_text(project, source, lang, source.meta.description, values,
                           source.field_line("description")) if source.meta.description else None)
    body = render_text(project, source, lang, source.body, values, source.body_line)
    return RenderedPage(title.strip(), description.strip() if description else None, body)


def names_used(texts: tuple[str, ...]) -> frozenset[str]:
    """The context names the texts may refer to: every name written anywhere in those with template code (a
    superset, which is all values() needs to leave out what a page cannot use)."""
    coded = [text for text in texts if has_template_code(text)]
    return frozenset(name for name in CONTEXT_NAMES if any(name in text for text in coded))


def render_text(project: Project, source, lang: str, text: str, values: dict, first_line: int) -> str:
    if not has_template_code(text):
        return text  # what Jinja would give, without compiling it
    try:
        if text in _TOO_SLOW:  # one page is rendered for every site: its time limit is spent once, not per site
            raise _TooSlow
        return _render_bounded(_template(project.root, lang, text), values)
    except jinja2.TemplateSyntaxError as error:
        line, message, fix = error.lineno, f"The page's template code has a mistake: {error.message}.", (
            "Check the {{ }} and {% %} on that line: each must be closed, with a known name.")
    except SecurityError as error:
        line, message, fix = _template_line(), f"This page tries to reach something pages may not use ({error}).", (
            "Use only the names listed in the contributor guide.")
    except jinja2.UndefinedError as error:
        line, message = _template_line(), f"The page uses a name that does not exist here: {error.message}."
        fix = _undefined_fix(project, error.message or "")
    except _TooSlow:
        _TOO_SLOW.add(text)
        line, message, fix = _template_line(), (f"The page's template code did not finish within {MAX_SECONDS:.0f} "
                                                "seconds."), (
            "Check the loops ({% for %}) and macros on that line: a page's code should take a moment.")
    except (OverflowError, MemoryError) as error:
        line, message = _template_line(), f"The page's template code makes too much: {error or 'memory ran out'}."
        fix = "Check the loops ({% for %}), ranges and repetitions ('*') on that line."
    except RecursionError:
        line, message, fix = _template_line(), "The page's template code calls itself without end.", (
            "A macro must not call itself (directly or through another macro).")
    except ArithmeticError as error:
        line, message, fix = _template_line(), f"A calculation in the page's template code failed: {error}.", (
            "Check the numbers on that line (a division by zero, a number too large).")
    except (LookupError, TypeError, ValueError) as error:
        line, message, fix = _template_line(), f"A template expression failed: {error}.", (
            "Check the names and values used on that line against the contributor guide.")
    absolute = first_line + line - 1 if line else first_line
    raise ContributorError([Problem(source.file, message, absolute, None, fix)])


def _undefined_fix(project: Project, message: str) -> str:
    """What to do about an unknown name: a name whose data file is missing says which file."""
    name = next((n for n in DATA_NAMES if message.startswith(f"'{n}' ")), None)
    if name and DATA_NAMES[name] not in project.data:
        return (f"'{name}' shows data/{DATA_NAMES[name]}.yml, which is missing: restore it (git checkout -- "
                f"data/{DATA_NAMES[name]}.yml), or remove '{name}' from the page.")
    return ("Check the spelling. Pages may use: " + ", ".join(CONTEXT_NAMES) + " (authority only on local pages; "
            "some names only where their data file exists, see the contributor guide).")


def _template_line() -> int | None:
    """The template line being rendered when the current exception was raised (Jinja maps frames to it)."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
