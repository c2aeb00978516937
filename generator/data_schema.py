"""Schemas of the files in data/: what a contributor may write, and the typed, immutable model they become.

Every human-readable string is a Text: one entry per language of the tenant (data/site.yml). The list of
languages reaches the validators through pydantic's validation context, so nothing here names a language.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from babel import Locale
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .validation import ID_PATTERN, SLUG_PATTERN

AWAITING = "awaiting_translation"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
# "As of" keeps the precision the source gives: a year, a month or a day.
AsOf = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class Strict(BaseModel):
    """Unknown fields are mistakes (usually spelling), and the model never changes once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def language_name(code: str) -> str:
    """'cy' -> 'Welsh', for messages to contributors (who read English error messages)."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, LookupError):
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

    def get(self, lang: str, fallback: str | None = None) -> str:
        value = self.root.get(lang)
        if isinstance(value, str) and value:
            return value
        return str(self.root.get(fallback, "")) if fallback else ""

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
            "How to fix: write it like 'https://fosterwales.gov.wales/'."
        )
    return value


# --- Sources and facts ---------------------------------------------------------------------------


class Source(Strict):
    """A document facts are taken from."""

    id: Id
    title: Text
    publisher: NonEmpty
    published: AsOf | None = None  # left out where the document does not say
    reference: NonEmpty | None = None  # where the project keeps a copy, or a public address


class SourcesFile(Strict):
    sources: list[Source]


class Fact(Strict):
    """A single fact shown on a page (a phone number, an address): known and sourced, or unconfirmed."""

    value: Text | None = None
    source: Id | None = None
    as_of: AsOf | None = None
    unconfirmed: bool = False

    @model_validator(mode="after")
    def _known_or_unconfirmed(self) -> Fact:
        if self.unconfirmed:
            if self.value is not None:
                raise ValueError(
                    "This fact has a value but is marked unconfirmed. How to fix: remove 'unconfirmed: true' "
                    "once the value is checked (and give its source and as_of), or remove the value."
                )
        elif self.value is None or not self.source or not self.as_of:
            raise ValueError(
                "A fact needs a value, a source and an as_of date, or 'unconfirmed: true' if it is not known "
                "yet. How to fix: add the missing fields, or write 'unconfirmed: true'; never guess a value."
            )
        return self


# --- The tenant: brand, languages, addresses -----------------------------------------------------


class Language(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    name: NonEmpty  # the language's name in itself, shown on the language switch
    locale: NonEmpty  # Babel locale for dates, numbers and plurals, e.g. en_GB
    base_url: str  # where this language's tree is published

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        try:
            Locale.parse(value)
        except (ValueError, LookupError):
            raise ValueError(
                f"{value!r} is not a locale Babel knows. How to fix: use a code like 'en_GB' or 'cy'."
            ) from None
        return value

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _check_base_url(value)


class SiteFile(Strict):
    """data/site.yml: the service as a whole."""

    brand: Text  # the national site's name, e.g. Foster Wales / Maethu Cymru
    local_site_name: Text  # the name of a local site, with {authority} for the authority's name
    description: Text
    languages: list[Language] = Field(min_length=1)

    @field_validator("local_site_name")
    @classmethod
    def _has_placeholder(cls, value: Text) -> Text:
        for code, text in value.root.items():
            if isinstance(text, str) and "{authority}" not in text:
                raise ValueError(
                    f"The {language_name(code)} local site name must contain {{authority}}. "
                    "How to fix: write it like 'Foster Wales {authority}'."
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
    council: Text
    slug: Slugs
    region: Id
    source: Id
    base_url: Urls | None = None  # when the authority publishes on its own address
    phone: Fact
    email: Fact


class AuthoritiesFile(Strict):
    authorities: list[Authority] = Field(min_length=1)


# --- Navigation ----------------------------------------------------------------------------------


class NavigationFile(Strict):
    """The order of pages in each kind of site, by page id."""

    national: list[Id] = Field(min_length=1)
    authority: list[Id] = Field(min_length=1)


SiteKind = Literal["national", "authority"]
