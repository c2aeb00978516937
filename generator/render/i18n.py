"""Interface strings, dates, numbers and money in each language, all through Babel.

Interface strings live in gettext catalogues at site_src/locales/<lang>/LC_MESSAGES/messages.po, written in
English as the source language. They are compiled in memory when needed, so no binary .mo file is kept in
the repository. Plural rules are CLDR's, as Babel gives them (Welsh has six forms: zero, one, two, few,
many, other); the catalogue header must agree, and a test holds it to that.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.plural import to_gettext
from babel.support import NullTranslations, Translations

from generator.model.tenant import repository

CATALOGUE_DIR = Path("site_src") / "locales"
DOMAIN = "messages"


def catalogue_path(root: Path, lang: str) -> Path:
    """Every tenant shares the repository's catalogues."""
    return repository(root) / CATALOGUE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(root: Path, lang: str) -> NullTranslations:
    """The language's compiled catalogue; the source language (no catalogue) translates to itself."""
    path = catalogue_path(root, lang)
    if not path.exists():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext_plural_forms(locale: str) -> str:
    """The Plural-Forms header CLDR implies for a locale, e.g. Welsh's six forms."""
    return to_gettext(Locale.parse(locale).plural_form)


def search_counts(root: Path, lang: str, locale: str) -> dict[str, str]:
    """How the theme's search states its number of results in each plural category of the language (CLDR's:
    zero, one, two, few, many, other), '#' standing for the number. Material knows only one and other, so
    fostering.js puts the right form in (Welsh: "2 ddogfen sy'n cyfateb", "3 dogfen sy'n cyfateb")."""
    messages = translations(root, lang)
    forms = {}
    for category, count in _plural_samples(locale).items():
        forms[category] = messages.ngettext("%(num)d matching document", "%(num)d matching documents",
                                            count).replace("%(num)d", "#")
    return forms


@cache
def _plural_samples(locale: str) -> dict[str, int]:
    """The smallest whole number of each plural category of the locale."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for count in range(1000):
        samples.setdefault(rule(count), count)
    return samples


# Babel's formatting is pure and slow (tens of microseconds), and pages show the same amounts and dates again.
# Typed: 1 and 1.0 are kept apart, since they might be written differently.
@lru_cache(maxsize=1 << 12, typed=True)
def money(amount: float, locale: str) -> str:
    """£1,234.50"""
    return format_currency(amount, "GBP", locale=locale)


@lru_cache(maxsize=1 << 12, typed=True)
def number(value: float, locale: str) -> str:
    return format_decimal(value, locale=locale)


@lru_cache(maxsize=1 << 12, typed=True)
def percent(value: float, locale: str) -> str:
    """2.6%: the source's decimals kept, not rounded to a whole number."""
    # Decimal, so 2.6 / 100 is exactly 0.026 (a float division would show 2.6000000000000002%).
    return format_percent(Decimal(str(value)) / 100, locale=locale, decimal_quantization=False)


@lru_cache(maxsize=1 << 12, typed=True)
def date(value: datetime.date | str, locale: str) -> str:
    """A date, or an 'as of' of any precision: '2021', 'Gorffennaf 2021', '23 Tachwedd 2026'."""
    if isinstance(value, datetime.date):
        return format_date(value, "long", locale=locale)
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return format_date(datetime.date(*parts), "long", locale=locale)


def sort_key(text: str, alphabet: list[str] | None) -> tuple:
    """Alphabetical order as readers of the language expect it, by its alphabet (data/site.yml), in which
    some letters are written with two characters: in Welsh, 'llety' comes after 'lwfans'."""
    text = text.casefold()
    if not alphabet:
        return (text,)
    longest_first = sorted(alphabet, key=len, reverse=True)
    key, i = [], 0
    while i < len(text):
        letter = next((d for d in longest_first if text.startswith(d, i)), text[i])
        if letter in alphabet:
            key.append(alphabet.index(letter))
        else:  # a space or hyphen sorts before any letter, other characters after
            key.append(-1 if letter in " -" else 100 + ord(letter))
        i += len(letter)
    return tuple(key)
