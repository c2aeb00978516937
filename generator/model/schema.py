"""Schemas of the files in data/: what a contributor may write, and the typed, immutable model they become.

Every human-readable string is a Text: one entry per language of the tenant (data/site.yml). The list of
languages reaches the validators through pydantic's validation context, so nothing here names a language.
"""

from __future__ import annotations

import datetime
import math
import re
import zoneinfo
from typing import Annotated, ClassVar, Literal
from urllib.parse import quote

from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator.model.validation import ID_PATTERN, SLUG_PATTERN

AWAITING = "awaiting_translation"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _real_date(value: str) -> str:
    """A year, a month or a day that exists: '2026-13' or '2026-02-30' is refused where it is written."""
    year, month, day = (int(part) for part in (value.split("-") + ["1", "1"])[:3])
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date that exists. How to fix: write a year, a month or a day as "
                         "YYYY, YYYY-MM or YYYY-MM-DD (months 01 to 12, days up to the month's last).") from None
    return value


# "As of" keeps the precision the source gives: a year, a month or a day.
AsOf = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"), AfterValidator(_real_date)]


def refuse_true_or_false(value):
    """YAML reads yes, no, on, off, true and false as true or false: never a number a page may show."""
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not a number. How to fix: write the number itself (YAML reads "
                         "yes, no, on, off, true and false as true or false).")
    return value


# A figure a page shows: a finite number (Strict refuses .inf and .nan), never true or false, never negative.
Quantity = Annotated[float | int, BeforeValidator(refuse_true_or_false), Field(ge=0)]
# A whole number (validation is lax, so `int` alone would take true as 1).
WholeNumber = Annotated[int, BeforeValidator(refuse_true_or_false)]


class Strict(BaseModel):
    """Unknown fields are mistakes (usually spelling), and the model never changes once built."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def language_name(code: str) -> str:
    """'cy' -> 'Welsh', for messages to contributors (who read English error messages)."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, LookupError, UnknownLocaleError):
        return code


def _check_languages(values: dict, info: ValidationInfo, what: str, allow_awaiting: bool) -> None:
    languages = (info.context or {}).get("languages", [])
    awaiting = allow_awaiting and values.get(AWAITING) is True
    for code in languages:
        if not values.get(code) and not awaiting:
            name = language_name(code)
            state = "empty" if code in values else "missing"
            raise ValueError(
                f"The {name} ({code}) {what} is {state}. How to fix: write the {name} {what} "
                f"as '{code}: ...'"
                + (f", or mark it '{AWAITING}: true' until it is translated (a release build refuses that)."
                   if allow_awaiting else ".")
            )
    unknown = [key for key in values if key not in languages and key != AWAITING]
    if unknown:
        raise ValueError(
            f"'{unknown[0]}' is not one of this site's languages. How to fix: use "
            + " and ".join(f"'{c}'" for c in languages) + "."
        )


class Text(RootModel[dict[str, str | bool | None]]):
    """A string in every language: {en: ..., cy: ...}."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> Text:
        _check_languages(self.root, info, "text", allow_awaiting=True)
        for code, value in self.root.items():
            if code != AWAITING and value is not None and not isinstance(value, str):
                raise ValueError(f"The {language_name(code)} ({code}) text must be text, not {value!r}.")
        return self

    def get(self, lang: str) -> str:
        """The text in lang; while awaiting translation, the text of the first language that has it."""
        value = self.root.get(lang)
        if isinstance(value, str) and value:
            return value
        return next((v for k, v in self.root.items() if k != AWAITING and isinstance(v, str) and v), "")

    @property
    def awaiting_translation(self) -> bool:
        return self.root.get(AWAITING) is True

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, str(v)) for k, v in self.root.items())))


class Slugs(RootModel[dict[str, Slug]]):
    """A URL slug in every language: {en: anglesey, cy: ynys-mon}."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> Slugs:
        _check_languages(self.root, info, "slug", allow_awaiting=False)
        return self

    def get(self, lang: str) -> str:
        return self.root[lang]


class Urls(RootModel[dict[str, str]]):
    """An absolute base URL in every language."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> Urls:
        _check_languages(self.root, info, "address", allow_awaiting=False)
        for value in self.root.values():
            _check_base_url(value)
        return self

    def get(self, lang: str) -> str:
        return self.root[lang]


def _check_base_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?/", value):
        raise ValueError(
            f"{value!r} is not a full web address ending in '/'. "
            "How to fix: write it like 'https://www.example.org/fostering/'."
        )
    return value


# --- Sources and facts ---------------------------------------------------------------------------


# A public web address.
WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/]+\S*$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class Source(Strict):
    """A document facts are taken from: one of the project's seed documents (`reference`), or a public web page
    that was read (`url` and the date it was `read`). A fact taken from a public page carries the quotation of
    the page's text that contains its value."""

    id: Id
    title: Text
    publisher: NonEmpty
    published: AsOf | None = None  # left out where the document does not say
    reference: NonEmpty | None = None  # where the project keeps a copy
    url: WebAddress | None = None  # the public page's address
    read: datetime.date | None = None  # when it was read (the page may have changed since)
    # A secondary source (news, a blog, a directory) repeats what the publisher of the fact said.
    secondary: bool = False
    note: NonEmpty | None = None  # what an editor should know about it
    language: LanguageCode | None = None  # the language it is written in, where pages should say so

    @model_validator(mode="after")
    def _where_it_is(self) -> Source:
        if not self.reference and not self.url:
            raise ValueError("A source needs 'url' (a public web page) or 'reference' (a document the project "
                             "keeps). How to fix: add the page's address as 'url' and the date you read it as "
                             "'read'.")
        if self.url and self.read is None:
            raise ValueError("A web page source needs 'read': the date you read it, like 2026-12-05.")
        return self

    @property
    def public(self) -> bool:
        """A page anyone can read, whose facts are quoted (the project's seed documents are not)."""
        return self.url is not None

    @field_validator("published", mode="before")
    @classmethod
    def _as_text(cls, value):
        # YAML reads 2021-07-15 as a date and 2021 as a number: keep the text the contributor wrote.
        return value.isoformat() if isinstance(value, datetime.date) else str(value) if isinstance(value, int) \
            else value


class SourcesFile(Strict):
    sources: list[Source]


class Sourced(Strict):
    """Anything a page shows as known, with its source and as_of, or explicitly `unconfirmed: true`.

    Subclasses name the field that carries the known value (`VALUE`), and any other fields that only a
    known entry may have (`DETAILS`).
    """

    VALUE: ClassVar[str]
    DETAILS: ClassVar[tuple[str, ...]] = ()

    source: Id | None = None
    as_of: AsOf | None = None
    # The source's own words holding the value (at most about 200 characters), for a value from a public page:
    # the build checks the value is in it.
    quote: Annotated[str, StringConstraints(min_length=1, max_length=400)] | None = None
    unconfirmed: bool = False
    # Why it is unconfirmed, or what an editor should know: shown in `make facts`, never on a page.
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _known_or_unconfirmed(self) -> Sourced:
        given = [name for name in (self.VALUE, *self.DETAILS) if getattr(self, name) is not None]
        if self.unconfirmed and self.quote:
            given = [*given, "quote"]
        if self.unconfirmed and given:
            raise ValueError(f"This is marked unconfirmed but also gives '{given[0]}'. How to fix: remove "
                             f"'unconfirmed: true' once it is checked (and give its source and as_of), or remove "
                             f"'{given[0]}'.")
        if not self.unconfirmed and (getattr(self, self.VALUE) is None or not self.source or not self.as_of):
            raise ValueError(f"This needs '{self.VALUE}', 'source' and 'as_of', or 'unconfirmed: true' if it is not "
                             "known yet. How to fix: add the missing fields, or write 'unconfirmed: true'; never "
                             "guess.")
        return self

    @property
    def known(self) -> bool:
        return not self.unconfirmed


class Fact(Sourced):
    """A single fact shown on a page (a phone number, an address)."""

    VALUE: ClassVar[str] = "value"
    value: Text | None = None


class Phone(Sourced):
    """A telephone number, as the source writes it."""

    VALUE: ClassVar[str] = "value"
    value: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{6,18}[0-9]$")] | None = None

    @property
    def tel(self) -> str:
        """The number for a tel: link (international form, for a UK number written from 0)."""
        digits = self.value.replace(" ", "") if self.value else ""
        return "+44" + digits[1:] if digits.startswith("0") else digits


class Email(Sourced):
    VALUE: ClassVar[str] = "value"
    value: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None


class WebPage(Sourced):
    """A public web page (its address is usually its own source)."""

    VALUE: ClassVar[str] = "value"
    value: WebAddress | None = None


class Enquiries(Sourced):
    """How an authority takes enquiries from people thinking about fostering, where a source says."""

    VALUE: ClassVar[str] = "route"
    DETAILS: ClassVar[tuple[str, ...]] = ("address", "name")
    route: Literal["form", "phone", "email", "regional"] | None = None
    # The page the form (or the regional service) is on; a form on the authority's web page may leave it out.
    address: WebAddress | None = None
    name: Text | None = None  # a regional service's name


# --- The tenant: brand, languages, addresses -----------------------------------------------------


class Language(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    name: NonEmpty  # the language's name in itself, shown on the language switch
    locale: NonEmpty  # Babel locale for dates, numbers and plurals, e.g. en_GB
    base_url: str  # where this language's tree is published
    # The hunspell dictionary the spelling gate uses (e.g. en_GB), looked for in .tools/hunspell/ and then in
    # /usr/share/hunspell/; a language without one is not spell-checked.
    dictionary: Annotated[str, StringConstraints(pattern=r"^[A-Za-z_-]+$")] | None = None
    # The language's letters in alphabetical order, where some are written with more than one character
    # (e.g. 'ch', 'dd'): lists such as the glossary are sorted by them. Left out: sorted character by character.
    alphabet: list[Annotated[str, StringConstraints(min_length=1)]] | None = None

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        try:
            Locale.parse(value)
        except (ValueError, LookupError, UnknownLocaleError):
            raise ValueError(
                f"{value!r} is not a locale Babel knows. How to fix: use a code like 'en_GB' or 'cy'."
            ) from None
        return value

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _check_base_url(value)


Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Colours(Strict):
    """The brand's colours, as CSS hex colours. White text on primary and accent must be readable (WCAG AA)."""

    primary: Colour  # the header and navigation
    primary_light: Colour
    primary_dark: Colour
    accent: Colour  # links on hover, focus outlines

    @model_validator(mode="after")
    def _readable(self) -> Colours:
        for name in ("primary", "primary_dark", "accent"):
            ratio = contrast_with_white(getattr(self, name))
            if ratio < 4.5:
                raise ValueError(f"White text on the {name} colour {getattr(self, name)} has a contrast of only "
                                 f"{ratio:.1f}:1. How to fix: choose a darker colour (at least 4.5:1).")
        return self


def contrast_with_white(colour: str) -> float:
    """WCAG's contrast ratio between a hex colour and white."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class Theme(Strict):
    """How the tenant's sites look: the text beside the header's logo, and the brand's colours."""

    logo_text: Text | None = None  # short text in the header's logo place (the theme's icon when left out)
    colours: Colours | None = None  # the theme's own colours when left out


class Repository(Strict):
    """Where the tenant's files are kept on a code host: every page then links to its own source file
    ("Edit this page"), opened in the host's web editor."""

    url: str  # the repository's address, e.g. https://github.com/<owner>/<name>
    branch: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$")] = "main"  # the branch edits start from

    @field_validator("url")
    @classmethod
    def _repository_address(cls, value: str) -> str:
        if not re.fullmatch(r"https://[^\s/]+/[^\s]*[^\s/]", value) or value.endswith(".git"):
            raise ValueError(f"{value!r} is not a repository's web address. How to fix: write it like "
                             "'https://github.com/owner/name', without '.git' or a '/' at the end.")
        return value

    def edit_url(self, path: str) -> str:
        """The address that opens a file (its path from the repository's root) in the host's web editor."""
        return f"{self.url}/edit/{quote(self.branch)}/{quote(path)}"


class SiteFile(Strict):
    """data/site.yml: the service as a whole."""

    brand: Text  # the service's name: the main site's, and the start of every local site's
    # The name of a local site, with {authority} for the authority's name (needed when there are authorities).
    local_site_name: Text | None = None
    description: Text
    languages: list[Language] = Field(min_length=1)
    theme: Theme = Field(default_factory=lambda: Theme())
    # Facts about the service pages may show as facts.<name>: contact details, accessibility status...
    facts: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], Fact] = Field(default_factory=dict)
    # The code host's repository of these files: every page gets an "Edit this page" link (none when left out).
    repository: Repository | None = None

    @field_validator("languages")
    @classmethod
    def _each_once(cls, value: list[Language]) -> list[Language]:
        codes = [language.code for language in value]
        for code in codes:
            if codes.count(code) > 1:
                raise ValueError(f"The language code '{code}' is listed {codes.count(code)} times. How to fix: list "
                                 "each language once (every text in the data gives one version per language).")
        return value

    @field_validator("local_site_name")
    @classmethod
    def _has_placeholder(cls, value: Text | None) -> Text | None:
        for code, text in (value.root.items() if value else ()):
            if isinstance(text, str) and "{authority}" not in text:
                raise ValueError(
                    f"The {language_name(code)} local site name must contain {{authority}}. "
                    "How to fix: write it like 'Fostering {authority}'."
                )
        return value


# --- Regions and authorities ---------------------------------------------------------------------


class Region(Strict):
    id: Id
    name: Text
    source: Id


class RegionsFile(Strict):
    regions: list[Region] = Field(min_length=1)


class Authority(Strict):
    id: Id  # stable key used by content overrides; never shown
    name: Text
    in_name: Text  # "in Cardiff" / "yng Nghaerdydd": Welsh mutates a name after "yn", so it is written out
    council: Text
    slug: Slugs
    region: Id
    source: Id
    base_url: Urls | None = None  # when the authority publishes on its own address
    # How people reach its fostering team: each known (value, source, as_of, quote) or unconfirmed.
    web_page: WebPage
    # The team's page in another of the tenant's languages, where one was found: {cy: {value: ..., ...}}.
    web_page_in: dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")], WebPage] = Field(
        default_factory=dict)
    phone: Phone
    email: Email
    enquiries: Enquiries | None = None


class AuthoritiesFile(Strict):
    authorities: list[Authority] = Field(min_length=1)


# --- Figures, and prose that must not hide them ---------------------------------------------------

# A numeral that is not a year (1900-2099) or the end of a year range ("2016–17").
NUMERAL = re.compile(r"(?<![\w\-–])(?!(?:19|20)\d\d(?!\d))\d[\d,.]*")


class Prose(Text):
    """Text that states no figures itself: every number shown comes from data with a source.

    Years (1900-2099) are allowed; any other numeral must move to a sourced figure.
    """

    @model_validator(mode="after")
    def _no_numbers(self) -> Prose:
        for code, value in self.root.items():
            if isinstance(value, str) and (match := NUMERAL.search(value)):
                raise ValueError(
                    f"The {language_name(code)} text contains the figure '{match.group()}'. How to fix: remove it "
                    "from the text and give it as a figure with its source and as_of, so the page can show "
                    "where it comes from."
                )
        return self


class Figure(Strict):
    """A number a page shows, with what it counts and where it comes from."""

    label: Text
    value: Quantity
    unit: Literal["count", "percent"] = "count"
    source: Id
    as_of: AsOf


# --- The national data set: charts ----------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\.([a-z0-9-]+)\}")


class ChartSeries(Strict):
    id: Id
    label: Text


class ChartGroup(Strict):
    id: Id
    label: Text
    as_of: AsOf
    values: dict[Id, Quantity]
    source: Id | None = None  # where it differs from the chart's source
    # series id -> the source's own words holding the value, for a group from a public page (checked at build)
    quotes: dict[Id, Annotated[str, StringConstraints(min_length=1, max_length=400)]] = Field(default_factory=dict)


class Chart(Strict):
    """A set of figures from one source, drawn as bars and given as a table and a sentence.

    The summary names figures by placeholder, {group.series}, so no number is typed twice.
    """

    id: Id
    title: Text
    unit: Literal["count", "percent"]
    series: list[ChartSeries] = Field(min_length=1)
    groups: list[ChartGroup] = Field(min_length=1)
    summary: Text
    source: Id
    # No newer figure for this measure has been found: the page presents the chart as history, and the freshness
    # gate does not ask for one. `note` says what was looked for (for editors and `make facts`, not shown).
    historical: bool = False
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Chart:
        series = [s.id for s in self.series]
        for group in self.groups:
            if sorted(group.values) != sorted(series):
                raise ValueError(
                    f"The group '{group.id}' must give a value for each series ({', '.join(series)}). "
                    "How to fix: add the missing values, or remove the extra ones."
                )
        groups = {g.id for g in self.groups}
        for code, text in self.summary.root.items():
            if not isinstance(text, str):
                continue
            for group, serie in _PLACEHOLDER.findall(text):
                if group not in groups or serie not in series:
                    raise ValueError(
                        f"The {language_name(code)} summary names {{{group}.{serie}}}, which is not a figure of "
                        "this chart. How to fix: use {group id.series id} of a value listed under 'groups'."
                    )
            if brace := re.search(r"[{}]", _PLACEHOLDER.sub("", text)):
                raise ValueError(
                    f"The {language_name(code)} summary has a '{brace.group()}' that is not part of a "
                    "{group id.series id} placeholder. How to fix: write each placeholder as {group id.series id}, "
                    "with both braces, and no other braces."
                )
            if match := NUMERAL.search(_PLACEHOLDER.sub("", text)):
                raise ValueError(
                    f"The {language_name(code)} summary types the figure '{match.group()}'. How to fix: write "
                    "{group id.series id} instead, so the number comes from the data."
                )
        return self


class NationalDataFile(Strict):
    charts: list[Chart]


# --- Regional and local good practice ----------------------------------------------------------


class Scope(Strict):
    """Who an initiative belongs to: a whole region, or named authorities."""

    region: Id | None = None
    authorities: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_of(self) -> Scope:
        if bool(self.region) == bool(self.authorities):
            raise ValueError(
                "Give either 'region' or 'authorities', not both and not neither. How to fix: write "
                "'region: <region id>' for a regional initiative, or 'authorities: [<authority id>]' for a local one."
            )
        return self


class Initiative(Strict):
    id: Id
    name: Text
    scope: Scope
    summary: Prose
    figures: list[Figure] = Field(default_factory=list)
    source: Id
    as_of: AsOf


class GoodPracticeFile(Strict):
    initiatives: list[Initiative]


# --- Money: allowances and fees -----------------------------------------------------------------

FinancialYear = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]


class Money(Sourced):
    """An amount in pounds (weekly, or per item)."""

    VALUE: ClassVar[str] = "amount"
    amount: float | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _plain_number(cls, value):
        refuse_true_or_false(value)
        if isinstance(value, str):
            raise ValueError(
                f"{value!r} is not an amount the generator can read. How to fix: write pounds as a plain number "
                "without '£' or commas, e.g. 1234.50."
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value!r} is not an amount in pounds. How to fix: write the amount as a plain number, "
                             "e.g. 160.50.")
        if value is not None and (value < 0 or round(value, 2) != value):
            raise ValueError(f"{value!r} is not an amount in pounds and pence. How to fix: use at most two decimal "
                             "places, e.g. 160.50.")
        return value


class AgeBand(Strict):
    id: Id
    from_age: WholeNumber = Field(ge=0, le=25)
    to_age: WholeNumber = Field(ge=0, le=25)
    source: Id | None = None  # a source that pays its allowance in this band


def financial_year_ended(year: str, today: datetime.date) -> bool:
    """Whether the financial year ('2022-23': April 2022 to March 2023) is over."""
    return today >= datetime.date(int(year[:4]) + 1, 4, 1)


class Rates(Strict):
    """One year's rates: weekly amounts by age band, from an effective date where the source gives one.

    Rates nobody has found yet give no year (a year would be a claim without a source)."""

    year: FinancialYear | None = None
    effective_from: datetime.date | None = None
    weekly: dict[Id, Money]

    @field_validator("year")
    @classmethod
    def _consecutive(cls, value: str | None) -> str | None:
        if value is None:
            return value
        start, end = int(value[:4]), int(value[5:])
        if (start + 1) % 100 != end:
            raise ValueError(f"{value!r} is not a financial year. How to fix: write it like '2026-27'.")
        return value

    @property
    def known(self) -> bool:
        return any(money.known for money in self.weekly.values())

    @model_validator(mode="after")
    def _effective_in_year(self) -> Rates:
        if self.year is None:
            if self.known or self.effective_from:
                raise ValueError("Rates with a known amount or an effective_from need the financial 'year' they are "
                                 "for. How to fix: add 'year:' as the source gives it, like '2023-24'.")
            return self
        start = int(self.year[:4])
        effective = self.effective_from
        if effective and not datetime.date(start, 4, 1) <= effective < datetime.date(start + 1, 4, 1):
            raise ValueError(f"effective_from {self.effective_from} is outside the financial year {self.year}. "
                             f"How to fix: use a date from {start}-04-01 to {start + 1}-03-31.")
        return self


class FeeLevel(Strict):
    id: Id
    name: Text
    weekly: Money


class Extra(Strict):
    """A payment on top of the weekly allowance: birthday, holiday, festival, respite days, retainer, an enhanced
    payment for complex needs, or the weekly rate for a young person staying on under When I am Ready."""

    kind: Literal["birthday", "holiday", "festival", "respite-days", "retainer", "mileage", "enhanced",
                  "when-i-am-ready"]
    amount: Money
    per: Literal["year", "week", "mile", "day"]


class AuthorityRates(Rates):
    authority: Id
    fees: list[FeeLevel] = Field(default_factory=list)
    extras: list[Extra] = Field(default_factory=list)


class Uplift(Sourced):
    """A yearly rise of the National Minimum Allowance, in per cent, as a source reports it."""

    VALUE: ClassVar[str] = "percent"
    DETAILS: ClassVar[tuple[str, ...]] = ()
    percent: float | None = None
    year: FinancialYear
    # "announced" by the Welsh Government, or "recommended" to it (the Senedd answer for 2023-24)
    kind: Literal["announced", "recommended"] = "announced"


class PaymentsFile(Strict):
    age_bands: list[AgeBand] = Field(min_length=1)
    national_minimum_allowance: list[Rates]
    national_minimum_uplifts: list[Uplift] = Field(default_factory=list)
    authorities: list[AuthorityRates]


# --- The local offer and the National Commitment ------------------------------------------------------


class OfferType(Strict):
    """A kind of support or benefit councils offer foster carers (council tax reduction, peer mentoring...)."""

    id: Id
    name: Text
    description: Prose
    # Known from the site itself, not typed per council: "handbook" is provided by every council whose site
    # publishes the foster carer handbook (councils then give no entry for it).
    derived_from: Literal["handbook"] | None = None


class Provision(Sourced):
    """Whether a council provides something."""

    VALUE: ClassVar[str] = "provided"
    DETAILS: ClassVar[tuple[str, ...]] = ("detail",)
    provided: bool | None = None
    detail: Prose | None = None


class NationalCommitment(Strict):
    name: Text
    summary: Prose
    source: Id
    as_of: AsOf
    contents: Provision  # what the commitment includes, where a source says
    adoption: dict[Id, Provision]  # authority id -> whether it has adopted the commitment


class OfferFile(Strict):
    national_commitment: NationalCommitment
    offer_types: list[OfferType] = Field(min_length=1)
    authorities: dict[Id, dict[Id, Provision]]  # authority id -> offer type id -> provision


# --- Glossary -------------------------------------------------------------------------------------


class Forms(RootModel[dict[str, list[NonEmpty]]]):
    """How a term appears in running text, per language (plurals; Welsh mutations)."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> Forms:
        _check_languages(self.root, info, "list of forms", allow_awaiting=False)
        return self

    def get(self, lang: str) -> list[str]:
        return self.root[lang]


class Term(Strict):
    id: Id
    term: Text
    definition: Prose
    forms: Forms


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)
    # Names kept in their own language on pages of the others (a programme's name), by language code: every
    # page of another language marks them with it (generator/render/names.py).
    names: dict[str, list[str]] = Field(default_factory=dict)


# --- Navigation ----------------------------------------------------------------------------------


class MenuSection(Strict):
    """A group of the main site's menu: its title, and the first page in it (the group runs to the next one)."""

    title: Text
    first: Id


class NavigationFile(Strict):
    """The order of pages in each kind of site, by page id."""

    main: list[Id] = Field(min_length=1)
    authority: list[Id] = Field(default_factory=list)  # needed when the tenant has local authorities
    # The main site's menu in a few groups, in the order of `main`; the pages before the first stay on their own.
    main_sections: list[MenuSection] = Field(default_factory=list)


SiteKind = Literal["main", "authority"]


# --- The carer handbook --------------------------------------------------------------------------


class HandbookRelease(Strict):
    """A published edition of the handbook; chapters' change notes name the release they went into."""

    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-z][0-9a-z.\-]*$")]
    date: datetime.date
    summary: Text


class HandbookPage(Strict):
    """A page the generator writes for every handbook: its contents page (the handbook's folder index)."""

    title: Text
    introduction: Text | None = None


class HandbookSubpage(HandbookPage):
    """A generated page with its own address inside the handbook's folder (amendments, print view)."""

    slug: Slugs


class HandbookFile(Strict):
    """Where the handbook lives, the order of its core chapters, and the releases."""

    # "local": every local authority's site publishes its handbook (core, then regional and local variations);
    # "main": the main site publishes the core alone (a tenant with one site).
    published_on: Literal["main", "local"]
    folder: Slugs  # the handbook's folder inside each local site, per language
    contents: HandbookPage
    amendments: HandbookSubpage
    print: HandbookSubpage
    chapters: list[Id] = Field(min_length=1)
    releases: list[HandbookRelease] = Field(min_length=1)  # newest first
# --- The Learning and Development Framework and the Personal Learning Record ------------------------


class DateFact(Sourced):
    """A date a page shows, to the precision its source gives (a year, a month or a day)."""

    VALUE: ClassVar[str] = "date"
    date: AsOf | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, value):
        # YAML reads 2019-03-01 as a date; keep every date as the text the contributor wrote.
        return value.isoformat() if isinstance(value, datetime.date) else value


class EveryAuthority(Sourced):
    """That every local authority does something, where a source says so."""

    VALUE: ClassVar[str] = "every_authority"
    every_authority: Literal[True] | None = None


class LearningArea(Strict):
    """An area of learning the framework sets out: the Personal Learning Record gives each one an entry."""

    id: Id
    name: Text
    description: Prose | None = None


class LearningAreas(Sourced):
    VALUE: ClassVar[str] = "items"
    items: list[LearningArea] | None = Field(default=None, min_length=1)


class Stage(Strict):
    """A stage of a foster carer's learning after approval (for example, the first year)."""

    id: Id
    name: Text
    description: Prose


class Stages(Sourced):
    VALUE: ClassVar[str] = "items"
    items: list[Stage] | None = Field(default=None, min_length=1)


class Aims(Strict):
    items: list[Prose] = Field(min_length=1)
    source: Id
    as_of: AsOf


class LearningFramework(Strict):
    name: Text
    summary: Prose
    source: Id
    as_of: AsOf
    published: DateFact
    published_by: Fact
    aligned_to: Fact
    in_use: EveryAuthority
    review: Fact
    document: Fact  # where carers can read the framework itself
    areas: LearningAreas
    stages: Stages
    learning_hours: Fact  # how much learning the framework expects, in words, e.g. "... hours a year"
    aims: Aims


class LearningRecord(Strict):
    name: Text
    summary: Prose
    source: Id
    as_of: AsOf
    in_use: EveryAuthority


class RegionalLearning(Strict):
    """How a region put the framework into practice: when it launched it, and what it did."""

    region: Id
    launched: DateFact
    summary: Prose | None = None
    source: Id | None = None
    as_of: AsOf | None = None

    @model_validator(mode="after")
    def _summary_sourced(self) -> RegionalLearning:
        if self.summary is not None and not (self.source and self.as_of):
            raise ValueError("A summary needs the 'source' and 'as_of' it comes from. How to fix: add them, or "
                             "remove the summary.")
        return self


class LearningFrameworkFile(Strict):
    framework: LearningFramework
    record: LearningRecord
    regions: list[RegionalLearning]


# --- The campaign calendar ------------------------------------------------------------------------------


class CampaignMonth(Strict):
    """One month of a campaign calendar: its theme, as the source words it."""

    month: int = Field(ge=1, le=12)
    theme: Text
    # The theme names a campaign of its own (an awareness week or fortnight, an appeal), not only a subject.
    named_campaign: bool = False


class CampaignCalendarFile(Strict):
    """data/campaigns.yml: a calendar of campaign months and themes, as one source sets it out."""

    about: Prose  # what the calendar is and whose it is, as the source shows it: pages say it above the calendar
    source: Id
    months: list[CampaignMonth] = Field(min_length=1)

    @field_validator("months")
    @classmethod
    def _in_order(cls, months: list[CampaignMonth]) -> list[CampaignMonth]:
        for before, after in zip(months, months[1:], strict=False):
            if after.month <= before.month:
                raise ValueError(f"Month {after.month} comes after month {before.month}. How to fix: list each month "
                                 "once, from January (1) to December (12).")
        return months


# --- Events ---------------------------------------------------------------------------------------------


class Event(Strict):
    """An event people can come to (an information evening, a drop-in), on one site or on the main site."""

    id: Id  # never change it once published: calendars know the event by it
    site: Id  # an authority id, or 'main' for an event of the whole service (shown on the main site)
    title: Text
    start: datetime.datetime  # local time, in the file's time zone, e.g. 2027-01-14T18:30
    end: datetime.datetime | None = None
    place: Text | None = None  # where it is; leave out for an event that is only online
    online: bool = False
    languages: list[LanguageCode] = Field(min_length=1)  # the languages it is held in: [cy], [en] or [cy, en]
    booking: WebAddress | None = None  # where to book a place
    contact: Text | None = None  # or how to book or ask (a phone number, an email address)
    description: Prose | None = None
    source: Id  # where the event was announced
    as_of: datetime.date  # when the announcement was read: calendars take it as the event's last change

    @field_validator("start", "end")
    @classmethod
    def _local_time(cls, value: datetime.datetime | None) -> datetime.datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("Write the local time without a time zone, e.g. 2027-01-14T18:30. How to fix: remove "
                             "the '+00:00' or 'Z' at the end; the file's 'timezone' says where the time is.")
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        languages = (info.context or {}).get("languages", [])
        for code in codes:
            if languages and code not in languages:
                raise ValueError(f"'{code}' is not one of this site's languages. How to fix: use "
                                 + " and ".join(f"'{c}'" for c in languages) + ".")
        if len(set(codes)) != len(codes):
            raise ValueError("A language is listed twice. How to fix: list each language once.")
        return codes

    @model_validator(mode="after")
    def _complete(self) -> Event:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"The event ends ({self.end:%Y-%m-%dT%H:%M}) before it starts "
                             f"({self.start:%Y-%m-%dT%H:%M}). How to fix: correct 'start' or 'end'.")
        if self.place is None and not self.online:
            raise ValueError("The event needs a 'place', or 'online: true'. How to fix: say where it is held.")
        if self.booking is None and self.contact is None:
            raise ValueError("Say how to book or ask: give 'booking' (a web address) or 'contact' (how to get in "
                             "touch), or both.")
        return self

    @property
    def last_day(self) -> datetime.date:
        """The day the event ends: it is listed until that day is over."""
        return (self.end or self.start).date()


class EventsFile(Strict):
    """data/events.yml: the events the sites list while they are to come."""

    timezone: NonEmpty  # where the events' times are, e.g. Europe/London (an IANA time zone)
    events: list[Event] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone. How to fix: write one like 'Europe/London'.") from None
        return value


# --- Places: find your team by place -------------------------------------------------------------------

PostcodeDistrict = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")]


class PlaceName(RootModel[dict[str, NonEmpty]]):
    """A place's name in the languages its source gives: {en: Cardigan, cy: Aberteifi}, or {en: Tregaron}.
    A language left out shows the name as given (a proper name is not translated)."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _known_languages(self, info: ValidationInfo) -> PlaceName:
        languages = (info.context or {}).get("languages", [])
        if not self.root:
            raise ValueError("The place has no name. How to fix: write it as '{en: ..., cy: ...}'.")
        unknown = [code for code in self.root if languages and code not in languages]
        if unknown:
            raise ValueError(f"'{unknown[0]}' is not one of this site's languages. How to fix: use "
                             + " and ".join(f"'{c}'" for c in languages) + ".")
        return self

    def get(self, lang: str) -> str:
        return self.root.get(lang) or next(iter(self.root.values()))

    def forms(self) -> tuple[str, ...]:
        """Every written form, each once."""
        return tuple(dict.fromkeys(self.root.values()))


class Place(Strict):
    name: PlaceName
    authorities: list[Id] = Field(min_length=1)  # the council(s) it is in
    source: Id


class PostcodeArea(Strict):
    """A postcode district (the first half of a postcode) and every council with addresses in it."""

    district: PostcodeDistrict
    authorities: list[Id] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)

    @field_validator("district", mode="before")
    @classmethod
    def _upper(cls, value):
        if isinstance(value, str) and not re.fullmatch(r"[A-Za-z]{1,2}[0-9][0-9A-Za-z]?", value.strip()):
            raise ValueError(f"{value!r} is not a postcode district. How to fix: write the first half of a "
                             "postcode, like CF10 or NP4.")
        return value.strip().upper() if isinstance(value, str) else value


class PlacesFile(Strict):
    """data/places.yml: places and postcode districts, each with its council(s) and its source."""

    places: list[Place] = Field(default_factory=list)
    postcode_districts: list[PostcodeArea] = Field(default_factory=list)

# --- The landing page: the home page of every site, drawn from data/landing.yml -------------------------


class LandingCard(Strict):
    """One step of a visitor's journey: a card linking to the page that tells them more."""

    page: Id  # the main site's page it links to (its id)
    local_page: Id | None = None  # on a local site, that site's own page instead, where it has one
    icon: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]  # a Material icon's name
    title: Text
    text: Text


class LandingFigure(Strict):
    """A key figure: a value of a chart in data/national_data.yml or a fact of data/site.yml (never typed here,
    so its source goes with it)."""

    label: Text  # what the figure counts, shown under it
    chart: Id | None = None
    group: Id | None = None
    series: Id | None = None
    fact: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")] | None = None  # as in data/site.yml

    @model_validator(mode="after")
    def _one_origin(self) -> LandingFigure:
        if self.fact and (self.chart or self.group or self.series):
            raise ValueError("A figure comes from a chart or from a fact, not both. How to fix: keep either "
                             "'fact:' or 'chart:', 'group:' and 'series:'.")
        if not self.fact and not (self.chart and self.group and self.series):
            raise ValueError("A figure needs where its value comes from. How to fix: give 'chart:', 'group:' and "
                             "'series:' (a value of data/national_data.yml), or 'fact:' (a fact of data/site.yml).")
        return self


class LandingHero(Strict):
    """The first screen: a plain headline and a sentence or two. On local sites {in_name} ("in Cardiff") and
    {council} are replaced by the authority's."""

    headline: Text
    intro: Text
    action: Text  # the words of the one primary action's button


class LandingSection(Strict):
    title: Text
    text: Text
    page: Id | None = None  # the main site's page it links to


class LandingFile(Strict):
    """data/landing.yml: the home page of the main site and of every local site."""

    # Where every page's "Get in touch" action and the landing page's primary action go, by page id: on a local
    # site its own page `local`, on the main site (and pages of no local site) the main site's page `main`.
    contact: dict[Literal["main", "local"], Id]
    main: LandingHero
    local: LandingHero | None = None  # needed when the tenant has local authorities
    find_your_team: LandingSection | None = None  # the slot the place finder fills
    cards_title: Text
    cards: list[LandingCard] = Field(min_length=1, max_length=8)
    figures_title: Text | None = None
    figures: list[LandingFigure] = Field(default_factory=list, max_length=6)
    commitment: LandingSection | None = None
    contact_card: Text | None = None  # the heading of a council's contact card
    footer: list[Id] = Field(default_factory=list)  # main site pages every page's footer links to
