"""Welsh and English formatting through Babel, and the completeness of the Welsh interface catalogue."""

from __future__ import annotations

import datetime

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.render import i18n
from tests.conftest import ROOT


def test_dates_in_welsh_and_english():
    day = datetime.date(2026, 11, 23)
    assert i18n.date(day, "cy") == "23 Tachwedd 2026"
    assert i18n.date(day, "en_GB") == "23 November 2026"
    # An "as of" keeps the precision the source gives.
    assert i18n.date("2021-07", "cy") == "Gorffennaf 2021"
    assert i18n.date("2021-07", "en_GB") == "July 2021"
    assert i18n.date("2021", "cy") == "2021"


def test_money_and_numbers():
    assert i18n.money(1234.5, "en_GB") == "£1,234.50"
    assert i18n.money(1234.5, "cy") == "£1,234.50"
    assert i18n.number(12345.5, "cy") == "12,345.5"


def test_welsh_catalogue_plural_rule_is_cldrs():
    with i18n.catalogue_path(ROOT, "cy").open("rb") as po:
        catalog = read_po(po)
    header = dict(catalog.mime_headers)["Plural-Forms"]
    assert header == i18n.gettext_plural_forms("cy")
    assert catalog.num_plurals == 6


def test_welsh_plural_forms_change_with_the_number():
    messages = i18n.translations(ROOT, "cy")

    def regions(n: int) -> str:
        return messages.ngettext("%(num)d region", "%(num)d regions", n) % {"num": n}

    assert [regions(n) for n in (1, 2, 3, 6, 22)] == [
        "1 rhanbarth", "2 ranbarth", "3 rhanbarth", "6 rhanbarth", "22 rhanbarth"]
    authorities = messages.ngettext("%(num)d local authority", "%(num)d local authorities", 22) % {"num": 22}
    assert authorities == "22 awdurdod lleol"


def test_every_interface_string_has_a_welsh_translation():
    with i18n.catalogue_path(ROOT, "cy").open("rb") as po:
        catalog = read_po(po)
    method_map = [("generator/**.py", "python"), ("site_src/overrides/**.html", "jinja2")]
    options = {"site_src/overrides/**.html": {"extensions": "jinja2.ext.i18n"}}
    used = {message[2] if isinstance(message[2], str) else message[2][0]
            for message in extract_from_dir(str(ROOT), method_map, options_map=options,
                                            keywords={"_": None, "gettext": None, "ngettext": (1, 2)})}
    assert used, "no interface strings found: extraction is broken"
    missing = [msgid for msgid in used
               if not catalog.get(msgid) or not all(catalog.get(msgid).string if isinstance(
                   catalog.get(msgid).string, tuple) else [catalog.get(msgid).string])]
    assert not missing, f"no Welsh for: {missing}"
