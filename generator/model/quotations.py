"""A fact taken from a public page carries the page's own words holding its value, and the value must be in them.

So a mistyped number, phone or address fails the build at its line instead of being published. Numbers are
found in the quotation as numbers (`7,198`, `£163.59`, `67.7%` hold 7198, 163.59 and 67.7); text values (a phone
number, an address, a web address) as text, spaces and letter case aside.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def numbers_in(text: str) -> set[Decimal]:
    found = set()
    for match in _NUMBER.finditer(text):
        try:
            found.add(Decimal(match.group().replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
    return found


def holds(quote: str, value: object) -> bool:
    """Whether the quotation holds the value."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return Decimal(str(value)) in numbers_in(quote)
    return _plain(str(value)) in _plain(quote)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()
