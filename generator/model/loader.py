"""Load and validate: data/*.yml and content/** -> the model, or every problem a contributor must fix."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from generator.model.content import HOME_SLUG, MAIN_SITE, SourcePage, load_pages
from generator.model.errors import ContributorError, Problem, ProblemCollector
from generator.model.handbook import check_handbook, handbook_pages
from generator.model.project import Project, walk
from generator.model.quotations import holds
from generator.model.schema import (
    AuthoritiesFile,
    CampaignCalendarFile,
    EventsFile,
    GlossaryFile,
    GoodPracticeFile,
    HandbookFile,
    LandingFile,
    LearningFrameworkFile,
    NationalDataFile,
    NavigationFile,
    OfferFile,
    PaymentsFile,
    PlacesFile,
    RegionsFile,
    SiteFile,
    Source,
    Sourced,
    SourcesFile,
    Text,
    WebPage,
    language_name,
)
from generator.model.source_text import read_source
from generator.model.validation import validate_document
from generator.model.yaml_source import YamlDocument, field_name, parse_yaml, reusing_parsed_texts
from generator.paths import PARSED_YAML

DATA_FILES = {
    "site": SiteFile,
    "sources": SourcesFile,
    "regions": RegionsFile,
    "authorities": AuthoritiesFile,
    "navigation": NavigationFile,
    "national_data": NationalDataFile,
    "good_practice": GoodPracticeFile,
    "glossary": GlossaryFile,
    "payments": PaymentsFile,
    "offer": OfferFile,
    "handbook": HandbookFile,
    "learning_framework": LearningFrameworkFile,
    "campaigns": CampaignCalendarFile,
    "events": EventsFile,
    "places": PlacesFile,
    "landing": LandingFile,
}
# Every tenant has these; the others are optional (a tenant with one site has no regions or authorities, and
# the pages that show a missing file's data cannot be written).
REQUIRED_FILES = ("site", "sources", "navigation")
# Optional files that name what another file holds: each needs the other (a file that is missing while another
# needs it is one message, not one per entry that names it).
NEEDS = {"authorities": ("regions",), "regions": ("authorities",), "payments": ("authorities",),
         "offer": ("authorities",), "good_practice": ("authorities", "regions"), "learning_framework": ("regions",),
         "places": ("authorities",)}
_WHAT_IT_NAMES = {"regions": "the regions", "authorities": "the local authorities"}
# Files whose entries have ids that must be unique: file name -> key of the list.
_ID_LISTS = {"sources": "sources", "regions": "regions", "authorities": "authorities", "national_data": "charts",
             "good_practice": "initiatives", "glossary": "terms", "events": "events"}


def load_project(root: Path) -> Project:
    root = root.resolve()
    with reusing_parsed_texts(root / PARSED_YAML):
        return _load_project(root)


def _load_project(root: Path) -> Project:
    problems = ProblemCollector()
    docs: dict[str, YamlDocument] = {}
    for name in DATA_FILES:
        path = root / "data" / f"{name}.yml"
        if not path.exists() and name not in REQUIRED_FILES:
            continue
        if not path.exists():
            problems.add(Problem(f"data/{name}.yml", "This data file is missing.",
                                 fix="Restore it from the repository (git checkout -- data/)."))
            continue
        try:
            docs[name] = parse_yaml(read_source(path, f"data/{name}.yml"), f"data/{name}.yml")
        except ContributorError as error:
            problems.extend(error.problems)
    for name in docs:
        for needed in NEEDS.get(name, ()):
            if needed not in docs:
                problems.add(Problem(f"data/{needed}.yml", f"This data file is missing, but data/{name}.yml names "
                                     f"{_WHAT_IT_NAMES.get(needed, 'what it holds')}.",
                                     fix=f"Restore it (git checkout -- data/{needed}.yml), or remove data/{name}.yml "
                                         "too if the service has none."))
    problems.raise_if_any()

    # Every text is checked against the languages of site.yml: with those wrong, site.yml's problems alone.
    context = {"languages": _declared_languages(docs["site"])}
    parsed: dict[str, Any] = {}
    try:
        parsed["site"] = validate_document(docs["site"], SiteFile, context)
    except ContributorError as error:
        if any((problem.field or "").startswith("languages") or problem.field is None for problem in error.problems):
            raise
        problems.extend(error.problems)
    for name, schema in DATA_FILES.items():
        if name not in docs or name == "site":
            continue
        try:
            parsed[name] = validate_document(docs[name], schema, context)
        except ContributorError as error:
            problems.extend(error.problems)
    pages: list[SourcePage] = []
    try:
        pages = load_pages(root, context["languages"])
    except ContributorError as error:
        problems.extend(error.problems)
    problems.raise_if_any()

    def entries(name: str, key: str) -> tuple:
        return tuple(getattr(parsed[name], key)) if name in parsed else ()

    project = Project(
        root=root,
        config=parsed["site"],
        sources={s.id: s for s in parsed["sources"].sources},
        regions=entries("regions", "regions"),
        authorities=entries("authorities", "authorities"),
        navigation=parsed["navigation"],
        charts=entries("national_data", "charts"),
        initiatives=entries("good_practice", "initiatives"),
        glossary=entries("glossary", "terms"),
        payments=parsed.get("payments"),
        offer=parsed.get("offer"),
        handbook=parsed.get("handbook"),
        pages=tuple(pages),
        data={name: (parsed[name], docs[name]) for name in parsed},
        compose_handbook=handbook_pages,
        campaigns=parsed.get("campaigns"),
        events=parsed.get("events"),
        places=parsed.get("places"),
    )
    problems.extend(_cross_check(project, docs))
    problems.raise_if_any()
    return project


def _declared_languages(doc: YamlDocument) -> list[str]:
    languages = doc.data.get("languages") if isinstance(doc.data, dict) else None
    if not isinstance(languages, list):
        return []
    return [lang["code"] for lang in languages if isinstance(lang, dict) and isinstance(lang.get("code"), str)]


def _quotation_problems(item: Sourced, source: Source) -> list[tuple[str, str, str]]:
    """A known value from a public page needs the page's words holding it (a web page that is its own source
    needs none)."""
    value = getattr(item, item.VALUE)
    if not source.public or (isinstance(item, WebPage) and value == source.url):
        return []
    if isinstance(value, Text):  # the source's language's text holds it
        shown = next((text for text in value.root.values() if isinstance(text, str) and holds(item.quote or "", text)),
                     value.get(next(iter(value.root), "")))
    else:
        shown = value if isinstance(value, str | int | float) else None
    if item.quote is None:
        return [("quote", f"This value comes from a web page ({source.url}) but has no 'quote'.",
                 "Copy the sentence of the page that holds the value (at most about 200 characters) as "
                 "'quote: \"...\"', so anyone can check it.")]
    if shown is not None and not holds(item.quote, shown):
        return [(item.VALUE, f"The value {shown!r} is not in its quotation: \"{item.quote}\".",
                 "Check the value against the source and correct whichever is mistyped; the quotation must be "
                 "the source's own words, holding the value as the source writes it.")]
    return []


def _cross_check(project: Project, docs: dict[str, YamlDocument]) -> list[Problem]:
    """Rules that span files: unique ids and slugs, regions, sources, page parity and navigation."""
    found: list[Problem] = []

    def problem(doc: str, path: tuple, message: str, fix: str) -> None:
        found.append(Problem(docs[doc].file, message, docs[doc].line_of(path), field_name(path), fix))

    for name, key in _ID_LISTS.items():
        if name not in docs:
            continue
        seen: set[str] = set()
        for index, item in enumerate(docs[name].data[key]):
            if item["id"] in seen:
                problem(name, (key, index, "id"), f"The id '{item['id']}' is used twice.",
                        "Give each entry its own id.")
            seen.add(item["id"])

    if project.authorities and project.config.local_site_name is None:
        problem("site", ("local_site_name",), "There are local authorities, so their sites need a name.",
                "Add 'local_site_name:' with {authority} where the authority's name goes, e.g. "
                "'Fostering {authority}'.")
    region_ids = {r.id for r in project.regions}
    for index, authority in enumerate(project.authorities):
        if authority.region not in region_ids:
            problem("authorities", ("authorities", index, "region"),
                    f"{authority.name.get('en') or authority.id} is in no known region: "
                    f"'{authority.region}' is not a region in data/regions.yml.",
                    "Use one of: " + ", ".join(sorted(region_ids)) + ".")
    authority_ids = {a.id for a in project.authorities}
    for index, initiative in enumerate(project.initiatives):
        scope = initiative.scope
        if scope.region and scope.region not in region_ids:
            problem("good_practice", ("initiatives", index, "scope", "region"),
                    f"'{scope.region}' is not a region in data/regions.yml.",
                    "Use one of: " + ", ".join(sorted(region_ids)) + ".")
        for position, authority_id in enumerate(scope.authorities):
            if authority_id not in authority_ids:
                problem("good_practice", ("initiatives", index, "scope", "authorities", position),
                        f"'{authority_id}' is not an authority id in data/authorities.yml.",
                        "Use the id of an authority listed in data/authorities.yml.")
    for index, region in enumerate(project.regions):
        if not any(a.region == region.id for a in project.authorities):
            problem("regions", ("regions", index), f"The region '{region.id}' has no local authorities.",
                    "Set 'region: " + region.id + "' on its authorities in data/authorities.yml, "
                    "or remove the region.")

    for name, (model, _doc) in project.data.items():
        for path, item in walk(model):
            source_id = getattr(item, "source", None) if "source" in type(item).model_fields else None
            if isinstance(source_id, str) and source_id not in project.sources and name != "sources":
                problem(name, path + ("source",), f"The source '{source_id}' is not in data/sources.yml.",
                        "Add the document to data/sources.yml, or use the id of one listed there.")
            elif isinstance(item, Sourced) and item.known and (source := project.sources.get(source_id)):
                found.extend(Problem(docs[name].file, message, docs[name].line_of(path + (field,)),
                                     field_name(path + (field,)), fix)
                             for field, message, fix in _quotation_problems(item, source))

    main_slugs = {(p.lang, p.slug) for p in project.pages if p.kind == "main"}
    for lang in project.languages:
        seen_slugs: dict[str, str] = {}
        for index, authority in enumerate(project.authorities):
            slug = authority.slug.get(lang)
            if slug in seen_slugs:
                problem("authorities", ("authorities", index, "slug", lang),
                        f"The {language_name(lang)} slug '{slug}' is already used by '{seen_slugs[slug]}'.",
                        "Every authority needs its own address in each language.")
            elif (lang, slug) in main_slugs:
                problem("authorities", ("authorities", index, "slug", lang),
                        f"The {language_name(lang)} slug '{slug}' is also the address of a page of the main site.",
                        "Choose another slug, or rename that page.")
            seen_slugs[slug] = authority.id

    if "national_data" in docs:
        found.extend(_check_chart_quotes(project, docs["national_data"]))
    found.extend(_check_pages(project, docs))
    found.extend(_check_lists(project))
    found.extend(_check_stories(project))
    if project.events:
        found.extend(_check_events(project, docs["events"]))
    if project.places:
        found.extend(_check_places(project, docs["places"]))
    if project.payments:
        found.extend(_check_payments(project, docs["payments"]))
    if project.offer:
        found.extend(_check_offer(project, docs["offer"]))
    if project.handbook:
        found.extend(check_handbook(project))
    if "learning_framework" in project.data:
        found.extend(_check_learning(project, docs["learning_framework"]))
    if "landing" in project.data:
        found.extend(_check_landing(project, docs["landing"]))
    return found


def _check_landing(project: Project, doc: YamlDocument) -> list[Problem]:
    """The landing page links to pages that exist and shows figures the data holds."""
    landing = project.data["landing"][0]
    found: list[Problem] = []

    def problem(path: tuple, message: str, fix: str) -> None:
        found.append(Problem(doc.file, message, doc.line_of(path), field_name(path), fix))

    main_ids, local_ids = project.navigation.main, project.navigation.authority
    for kind, page_id in landing.contact.items():
        ids = main_ids if kind == "main" else local_ids
        if page_id not in ids:
            problem(("contact", kind), f"No {kind} page has the id '{page_id}'.",
                    "Use the id of a page listed under '" + ("main" if kind == "main" else "authority")
                    + "' in data/navigation.yml.")
    if project.authorities and (landing.local is None or "local" not in landing.contact):
        problem(("local",) if landing.local is None else ("contact",),
                "There are local authorities, so their home pages need 'local:' and 'contact: local:'.",
                "Add 'local:' (headline, intro, action) and the id of the local sites' contact page.")
    for path, page_id in [(("cards", i, "page"), c.page) for i, c in enumerate(landing.cards)] + [
            ((name, "page"), section.page) for name in ("find_your_team", "commitment")
            if (section := getattr(landing, name)) and section.page] + [
            (("footer", i), page_id) for i, page_id in enumerate(landing.footer)]:
        if page_id not in main_ids:
            problem(path, f"The main site has no page with the id '{page_id}'.",
                    "Use the id of a page listed under 'main' in data/navigation.yml.")
    for index, card in enumerate(landing.cards):
        if card.local_page and card.local_page not in local_ids:
            problem(("cards", index, "local_page"), f"The local sites have no page with the id '{card.local_page}'.",
                    "Use the id of a page listed under 'authority' in data/navigation.yml.")
    charts = {c.id: c for c in project.charts}
    for index, figure in enumerate(landing.figures):
        path = ("figures", index)
        if figure.fact:
            fact = project.config.facts.get(figure.fact)
            if fact is None:
                problem(path + ("fact",), f"data/site.yml has no fact '{figure.fact}'.",
                        "Use the name of a fact listed under 'facts:' in data/site.yml.")
            elif not fact.known:
                problem(path + ("fact",), f"The fact '{figure.fact}' is not confirmed, so it cannot be a key figure.",
                        "Choose a confirmed fact, or confirm this one first.")
        elif figure.chart not in charts:
            problem(path + ("chart",), f"There is no chart '{figure.chart}' in data/national_data.yml.",
                    "Use the id of a chart listed there.")
        elif figure.group not in {g.id for g in charts[figure.chart].groups}:
            problem(path + ("group",), f"The chart '{figure.chart}' has no group '{figure.group}'.",
                    "Use one of: " + ", ".join(g.id for g in charts[figure.chart].groups) + ".")
        elif figure.series not in {s.id for s in charts[figure.chart].series}:
            problem(path + ("series",), f"The chart '{figure.chart}' has no series '{figure.series}'.",
                    "Use one of: " + ", ".join(s.id for s in charts[figure.chart].series) + ".")
    return found


def _check_chart_quotes(project: Project, doc: YamlDocument) -> list[Problem]:
    """A chart's figures from a public page each carry the page's words holding them, as facts do."""
    found: list[Problem] = []
    for c, chart in enumerate(project.charts):
        for g, group in enumerate(chart.groups):
            source_id = group.source or chart.source
            source = project.sources.get(source_id)
            path = ("charts", c, "groups", g)
            if group.source and source is None:
                found.append(Problem(doc.file, f"The source '{group.source}' is not in data/sources.yml.",
                                     doc.line_of(path + ("source",)), field_name(path + ("source",)),
                                     "Add the document to data/sources.yml, or use the id of one listed there."))
                continue
            if source is None or not source.public:
                continue
            for serie, value in group.values.items():
                quote = group.quotes.get(serie)
                where = path + ("quotes", serie) if quote else path
                if quote is None:
                    found.append(Problem(doc.file, f"The figure '{serie}' comes from a web page ({source.url}) but "
                                         "has no quotation.", doc.line_of(where), field_name(path + ("quotes",)),
                                         f"Add '{serie}: \"...\"' under 'quotes': the page's words holding the value."))
                elif not holds(quote, value):
                    found.append(Problem(doc.file, f"The value {value} is not in its quotation: \"{quote}\".",
                                         doc.line_of(path + ("values", serie)), field_name(path + ("values", serie)),
                                         "Check the value against the source and correct whichever is mistyped."))
    return found


def _check_offer(project: Project, doc: YamlDocument) -> list[Problem]:
    """Every council says something (known or unconfirmed) about every kind of offer, and about the commitment."""
    found: list[Problem] = []
    authority_ids = [a.id for a in project.authorities]
    offer_ids = [o.id for o in project.offer.offer_types]
    derived = {o.id: o.derived_from for o in project.offer.offer_types if o.derived_from}
    for key, path, what in ((project.offer.authorities, ("authorities",), "the offer"),
                            (project.offer.national_commitment.adoption, ("national_commitment", "adoption"),
                             "the National Commitment")):
        for authority_id in authority_ids:
            if authority_id not in key:
                found.append(Problem(doc.file, f"'{authority_id}' is missing: say what is known about {what} for "
                                     "every council.", doc.line_of(path), field_name(path),
                                     f"Add '{authority_id}:', with 'unconfirmed: true' where nothing is known."))
        for authority_id in key:
            if authority_id not in authority_ids:
                found.append(Problem(doc.file, f"'{authority_id}' is not an authority id in data/authorities.yml.",
                                     doc.line_of(path + (authority_id,)), field_name(path + (authority_id,)),
                                     "Use the id of an authority listed in data/authorities.yml."))
    for authority_id, provisions in project.offer.authorities.items():
        path = ("authorities", authority_id)
        for offer_id in provisions:
            if offer_id not in offer_ids:
                found.append(Problem(doc.file, f"'{offer_id}' is not a kind of offer listed under offer_types.",
                                     doc.line_of(path + (offer_id,)), field_name(path + (offer_id,)),
                                     "Use one of: " + ", ".join(offer_ids) + "."))
        for offer_id in offer_ids:
            if offer_id in derived and offer_id in provisions:
                found.append(Problem(doc.file, f"'{offer_id}' is known from the site itself ({derived[offer_id]}), "
                                     f"not typed for {authority_id}.", doc.line_of(path + (offer_id,)),
                                     field_name(path + (offer_id,)), f"Remove '{offer_id}:' here."))
            elif offer_id not in provisions and offer_id not in derived:
                found.append(Problem(doc.file, f"Nothing is said about '{offer_id}' for {authority_id}.",
                                     doc.line_of(path), field_name(path),
                                     f"Add '{offer_id}: {{unconfirmed: true}}' if it is not known."))
    return found


def _check_payments(project: Project, doc: YamlDocument) -> list[Problem]:
    """Age bands known and complete, one set of rates per year, nobody paid below the national minimum."""
    found: list[Problem] = []
    payments = project.payments
    bands = [band.id for band in payments.age_bands]
    authority_ids = {a.id for a in project.authorities}

    def problem(path: tuple, message: str, fix: str) -> None:
        found.append(Problem(doc.file, message, doc.line_of(path), field_name(path), fix))

    for index, band in enumerate(payments.age_bands):
        if band.from_age > band.to_age or (index and band.from_age != payments.age_bands[index - 1].to_age + 1):
            problem(("age_bands", index), f"The age band '{band.id}' does not follow on from the one before.",
                    "List bands from youngest to oldest, each starting the year after the last one ends.")
    lists = (("national_minimum_allowance", payments.national_minimum_allowance),
             ("authorities", payments.authorities))
    for key, records in lists:
        seen: set[tuple] = set()
        for index, rates in enumerate(records):
            who = getattr(rates, "authority", "national minimum")
            if who != "national minimum" and who not in authority_ids:
                problem((key, index, "authority"), f"'{who}' is not an authority id in data/authorities.yml.",
                        "Use the id of an authority listed in data/authorities.yml.")
            if (who, rates.year) in seen:
                problem((key, index, "year"), f"There are two sets of rates for {who} in {rates.year}; years must "
                        "not overlap.", "Keep one entry per year; put a mid-year change in a new year's entry.")
            seen.add((who, rates.year))
            for band in rates.weekly:
                if band not in bands:
                    problem((key, index, "weekly", band), f"'{band}' is not an age band.",
                            "Use one of: " + ", ".join(bands) + ".")
            for band in bands:
                if band not in rates.weekly:
                    problem((key, index, "weekly"), f"There is no rate for the age band '{band}'.",
                            f"Add '{band}:' with an amount, or '{{unconfirmed: true}}'.")
    minimum = {(r.year, band): money for r in payments.national_minimum_allowance for band, money in r.weekly.items()}
    for index, rates in enumerate(payments.authorities):
        for band, money in rates.weekly.items():
            floor = minimum.get((rates.year, band))
            if money.known and floor is not None and floor.known and money.amount < floor.amount:
                name = next((a.name.get("en") for a in project.authorities if a.id == rates.authority),
                            rates.authority)
                problem(("authorities", index, "weekly", band),
                        f"{name}'s allowance for the age band '{band}' in {rates.year} (£{money.amount:.2f} a week) "
                        f"is below the National Minimum Allowance (£{floor.amount:.2f}).",
                        "Check the figure against the council's published rates: the government that sets the "
                        "national minimum says it should be applied to all foster carers.")
    return found


def _check_pages(project: Project, docs: dict[str, YamlDocument]) -> list[Problem]:
    found: list[Problem] = []
    languages = project.languages
    authority_ids = {a.id for a in project.authorities}
    by_key: dict[tuple, dict[str, SourcePage]] = defaultdict(dict)
    for page in project.pages:
        if page.kind not in ("main", "authority"):
            continue  # the handbook checks its own files
        key = (page.kind, page.authority, page.id)
        if page.lang in by_key[key]:
            other = by_key[key][page.lang]
            found.append(Problem(page.file, f"The page id '{page.id}' is also used by {other.file}.", 1, "id",
                                 "Give each page its own id; a page and its translation share one."))
        by_key[key][page.lang] = page
        if page.authority and page.authority not in authority_ids:
            found.append(Problem(page.file, f"'{page.authority}' is not an authority id in data/authorities.yml.",
                                 fix="Put the page in content/<lang>/authorities/<id>/ with an id from "
                                     "data/authorities.yml."))

    for (kind, authority, page_id), versions in by_key.items():
        for lang in languages:
            if lang not in versions:
                have = next(iter(versions.values()))
                folder = f"authorities/{authority}" if authority else kind
                found.append(Problem(
                    have.file, f"This page has no {language_name(lang)} version.",
                    fix=f"Add content/{lang}/{folder}/<{language_name(lang)} slug>.md with 'id: {page_id}'.",
                ))
        if authority:
            for lang, page in versions.items():
                shared = by_key.get((kind, None, page_id), {}).get(lang)
                if shared is None:
                    found.append(Problem(page.file, f"There is no shared page with id '{page_id}' to replace.",
                                         1, "id", f"Use the id of a page in content/{lang}/authority/."))
                elif shared.slug != page.slug:
                    found.append(Problem(page.file, f"An authority's own page must keep the shared page's name "
                                         f"'{shared.slug}.md'.", fix=f"Rename it to {shared.slug}.md."))

    for kind in ("main", "authority") if project.authorities else ("main",):
        order = getattr(project.navigation, kind)
        ids = {page_id for (k, a, page_id) in by_key if k == kind and a is None}
        for index, page_id in enumerate(order):
            if page_id in order[:index]:
                found.append(Problem("data/navigation.yml", f"The page '{page_id}' is listed twice.",
                                     docs["navigation"].line_of((kind, index)), f"{kind}[{index + 1}]",
                                     "Keep one entry: a page has one place in the menu."))
            elif page_id not in ids:
                found.append(Problem("data/navigation.yml", f"No {kind} page has the id '{page_id}'.",
                                     docs["navigation"].line_of((kind, index)), f"{kind}[{index + 1}]",
                                     f"Add the page under content/<lang>/{kind}/, or remove it from the list."))
        for page_id in sorted(ids - set(order)):
            page = next(iter(by_key[(kind, None, page_id)].values()))
            found.append(Problem(page.file, "This page is not in the navigation.",
                                 fix=f"Add '- {page_id}' under '{kind}:' in data/navigation.yml."))
        if kind == "main":
            found.extend(_check_menu_sections(project.navigation, docs["navigation"]))
        homes = [p for p in project.pages if p.kind == kind and p.authority is None and p.slug == HOME_SLUG]
        for lang in languages:
            if not any(p.lang == lang for p in homes):
                found.append(Problem(f"content/{lang}/{kind}/", "There is no home page (index.md) here.",
                                     fix=f"Add content/{lang}/{kind}/index.md."))
    return found


def _check_menu_sections(navigation, doc: YamlDocument) -> list[Problem]:
    """Each group starts at a page of the main menu, after the previous group's first page and not at the home
    page (which is the menu's first entry, on its own)."""
    found = []
    previous = 0
    for index, section in enumerate(navigation.main_sections):
        where = dict(line=doc.line_of(("main_sections", index, "first")), field=f"main_sections[{index + 1}].first")
        if section.first not in navigation.main:
            found.append(Problem("data/navigation.yml", f"'{section.first}' is not a page of the main menu.",
                                 **where, fix="Use the id of a page listed under 'main:'."))
        elif (position := navigation.main.index(section.first)) <= previous:
            found.append(Problem("data/navigation.yml", f"The group '{section.title.get('en') or section.first}' "
                                 "does not start after the one before it (or starts at the home page).", **where,
                                 fix="List the groups in the order of 'main:', each at the first page it holds."))
        else:
            previous = position
    return found


def _check_learning(project: Project, doc: YamlDocument) -> list[Problem]:
    """Every region is said something of, once; learning areas and stages have ids of their own."""
    found: list[Problem] = []
    learning = project.data["learning_framework"][0]
    region_ids = [r.id for r in project.regions]
    listed: list[str] = []
    for index, entry in enumerate(learning.regions):
        path = ("regions", index, "region")
        if entry.region not in region_ids:
            found.append(Problem(doc.file, f"'{entry.region}' is not a region in data/regions.yml.",
                                 doc.line_of(path), field_name(path), "Use one of: " + ", ".join(region_ids) + "."))
        elif entry.region in listed:
            found.append(Problem(doc.file, f"The region '{entry.region}' is listed twice.", doc.line_of(path),
                                 field_name(path), "Keep one entry for each region."))
        listed.append(entry.region)
    for region_id in region_ids:
        if region_id not in listed:
            found.append(Problem(doc.file, f"'{region_id}' is missing: say what is known of every region.",
                                 doc.line_of(("regions",)), "regions",
                                 f"Add '- region: {region_id}' with 'launched: {{unconfirmed: true}}' where nothing "
                                 "is known."))
    for key in ("areas", "stages"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(learning.framework, key).items or []):
            if item.id in seen:
                path = ("framework", key, "items", index, "id")
                found.append(Problem(doc.file, f"The id '{item.id}' is used twice.", doc.line_of(path),
                                     field_name(path), "Give each entry its own id."))
            seen.add(item.id)
    return found


def _check_lists(project: Project) -> list[Problem]:
    """At most one page of a kind of site lists its stories, and one its events; only menu pages can."""
    found: list[Problem] = []
    seen: dict[tuple, SourcePage] = {}
    for page in project.pages:
        what = page.meta.lists
        if what is None:
            continue
        if page.kind not in ("main", "authority"):
            found.append(Problem(page.file, f"Only a page of a site's menu can list its {what}.",
                                 page.field_line("lists"), "lists", "Remove 'lists:' from this page."))
            continue
        key = (page.kind, page.authority, page.lang, what)
        if key in seen:
            found.append(Problem(page.file, f"{seen[key].file} already lists the site's {what}.",
                                 page.field_line("lists"), "lists", f"Keep 'lists: {what}' on one page only."))
        seen[key] = page
    return found


def _check_stories(project: Project) -> list[Problem]:
    """Stories are in a site's folder, in every language with the same date and source, with ids and file names
    of their own, and the site has a page that lists them."""
    found: list[Problem] = []
    languages = project.languages
    authority_ids = {a.id for a in project.authorities}
    versions: dict[tuple, dict[str, SourcePage]] = defaultdict(dict)
    for page in (p for p in project.pages if p.kind == "story"):
        versions[(page.authority, page.id)][page.lang] = page
        if page.authority is not None and page.authority not in authority_ids:
            found.append(Problem(page.file, f"'{page.authority}' is not 'main' or an authority id in "
                                 "data/authorities.yml.", fix="Put the story in content/<lang>/stories/main/ (the "
                                 "main site) or content/<lang>/stories/<authority id>/."))
            continue
        if page.is_home:
            found.append(Problem(page.file, "A story cannot be called index.md: that is its list page's address.",
                                 fix="Rename it after what it is about, e.g. foster-care-fortnight-2027.md."))
        if page.meta.source not in project.sources:
            found.append(Problem(page.file, f"The source '{page.meta.source}' is not in data/sources.yml.",
                                 page.field_line("source"), "source",
                                 "Add the page the story is written from to data/sources.yml, or use the id of "
                                 "one listed there."))
        kind = "authority" if page.authority else "main"
        menu = project.navigation.authority if page.authority else project.navigation.main
        if page.id in menu:
            found.append(Problem(page.file, f"The id '{page.id}' is also the id of a page of the site's menu.",
                                 page.field_line("id"), "id", "Give the story an id of its own."))
        if not any(p.meta.lists == "stories" for p in project.pages if p.kind == kind and p.lang == page.lang):
            found.append(Problem(page.file, "The site has no page that lists its stories.",
                                 fix=f"Add 'lists: stories' to the front matter of the {kind} page that lists them "
                                     f"(a page in content/{page.lang}/{kind}/, in data/navigation.yml)."))
    for (authority, page_id), pages in versions.items():
        first = next(iter(pages.values()))
        for lang in languages:
            if lang not in pages:
                found.append(Problem(first.file, f"This story has no {language_name(lang)} version.",
                                     fix=f"Add content/{lang}/stories/{authority or MAIN_SITE}/<{language_name(lang)} "
                                         f"slug>.md with 'id: {page_id}'."))
        for page in pages.values():
            for name in ("date", "posted", "kind", "source"):
                if getattr(page.meta, name) != getattr(first.meta, name):
                    found.append(Problem(page.file, f"'{name}' differs from {first.file} ("
                                         f"{getattr(first.meta, name)}).", page.field_line(name), name,
                                         f"A story and its translation have the same '{name}': correct one of them."))
    return list(dict.fromkeys(found))


def _check_events(project: Project, doc: YamlDocument) -> list[Problem]:
    """Every event belongs to the main site or an authority, and each kind of site showing events has a page
    that lists them."""
    found: list[Problem] = []
    sites = {MAIN_SITE} | {a.id for a in project.authorities}
    for index, event in enumerate(project.events.events):
        path = ("events", index, "site")
        if event.site not in sites:
            found.append(Problem(doc.file, f"'{event.site}' is not 'main' or an authority id in data/authorities.yml.",
                                 doc.line_of(path), field_name(path),
                                 "Use 'main' for an event of the whole service, or the id of an authority."))
    kinds = ("main", "authority") if project.authorities else ("main",)
    for kind in kinds:
        for lang in project.languages:
            if not any(p.meta.lists == "events" for p in project.pages if p.kind == kind and p.lang == lang):
                found.append(Problem(doc.file, f"There are events, but no {kind} page in "
                                     f"{language_name(lang)} lists them.", doc.line_of(("events",)), "events",
                                     f"Add 'lists: events' to the front matter of the page in content/{lang}/{kind}/ "
                                     "that shows them (and list the page in data/navigation.yml)."))
    return found


def _check_places(project: Project, doc: YamlDocument) -> list[Problem]:
    """Every place and postcode district names councils and sources that exist, and each is listed once."""
    found: list[Problem] = []
    authority_ids = {a.id for a in project.authorities}

    def problem(path: tuple, message: str, fix: str) -> None:
        found.append(Problem(doc.file, message, doc.line_of(path), field_name(path), fix))

    def check(key: str, index: int, authorities: list[str], sources: list[str], field: str) -> None:
        for position, authority_id in enumerate(authorities):
            if authority_id not in authority_ids:
                problem((key, index, "authorities", position),
                        f"'{authority_id}' is not an authority id in data/authorities.yml.",
                        "Use the id of an authority listed in data/authorities.yml.")
        for position, source_id in enumerate(sources):
            if source_id not in project.sources:
                problem((key, index, field) + ((position,) if field == "sources" else ()),
                        f"The source '{source_id}' is not in data/sources.yml.",
                        "Add the page that says where the place is to data/sources.yml, or use the id of one "
                        "listed there.")

    seen: set[tuple[str, tuple[str, ...]]] = set()
    for index, place in enumerate(project.places.places):
        # A place's one `source` is checked with every data file's (_cross_check); a district has several.
        check("places", index, place.authorities, [], "source")
        key = (place.name.get(project.default_language).casefold(), tuple(sorted(place.authorities)))
        if key in seen:
            problem(("places", index, "name"), f"'{place.name.get(project.default_language)}' is listed twice "
                    "for the same council.", "Remove one of the two entries.")
        seen.add(key)
    districts: set[str] = set()
    for index, area in enumerate(project.places.postcode_districts):
        check("postcode_districts", index, area.authorities, area.sources, "sources")
        if area.district in districts:
            problem(("postcode_districts", index, "district"), f"The postcode district {area.district} is listed "
                    "twice.", "List it once, with every council it reaches in 'authorities' and every source in "
                    "'sources'.")
        districts.add(area.district)
    return found
