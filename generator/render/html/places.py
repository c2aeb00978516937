"""Find your team by place: the finder box (one include, `place_finder()`) and the A–Z of places.

The places are data (data/places.yml, each with its source) plus every council's own name in each language.
The finder is a form: without JavaScript it goes to the A–Z page, where every place links to its council's
site; with it (fostering.js, "Find your team by place") it suggests places as the visitor types, using the
ARIA combobox pattern, from the JSON embedded in the box. Matching (folding case, accents and Welsh
mutations) happens in the browser with the rules of the Welsh search (lunr.cy.min.js), so there is one copy.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from markupsafe import Markup

from generator.model.project import Page, Project
from generator.model.schema import Authority
from generator.render import i18n

A_Z_PAGE = "places-a-z"  # the main site's page id of the A–Z of places


@dataclass(frozen=True, eq=False)
class Entry:
    """One thing a visitor may type: a place, a council's own name or a postcode district."""

    names: dict[str, str]  # language -> the name as written in it
    authorities: tuple[Authority, ...]
    kind: str  # "council", "place" or "postcode"

    def name(self, lang: str) -> str:
        return self.names.get(lang) or next(iter(self.names.values()))

    def name_lang(self, lang: str) -> str:
        """The language the name shown in lang is written in: another one where it has no form in lang."""
        return lang if self.names.get(lang) else next(iter(self.names))


def entries(project: Project) -> list[Entry]:
    """Every council by its own name, then the places and postcode districts of data/places.yml."""
    by_id = {a.id: a for a in project.authorities}
    found = [Entry({lang: a.name.get(lang) for lang in project.languages}, (a,), "council")
             for a in project.authorities]
    def key(entry: Entry) -> tuple:
        return entry.name(project.default_language).casefold(), tuple(a.id for a in entry.authorities)

    seen = {key(e) for e in found}
    for place in project.places.places:
        entry = Entry(dict(place.name.root), tuple(by_id[i] for i in place.authorities), "place")
        # A place named like its council (Cardiff) is the council's entry already.
        if key(entry) not in seen:
            found.append(entry)
    found.extend(Entry({lang: area.district for lang in project.languages},
                       tuple(by_id[i] for i in area.authorities), "postcode")
                 for area in project.places.postcode_districts)
    return found


def _plain(text: str) -> str:
    """Without accents, for sorting and for the A–Z's letters (Môn sorts with Mon)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class PlacesView:
    """The finder and the A–Z in a page's language; link(page) is the page's relative link to another page."""

    project: Project
    lang: str
    link: Callable[[Page], str]
    page_id: str = ""  # the page showing it: the A–Z page does not link to itself

    def _gettext(self, message: str) -> str:
        return i18n.translations(self.project.root, self.lang).gettext(message)

    def _home(self, authority: Authority) -> str:
        return self.link(self.project.site_pages(self.project.site(authority.id))[0])

    def _a_z(self) -> str | None:
        page = self.project.site_pages_by_id(self.project.site("main")).get(A_Z_PAGE)
        return self.link(page) if page else None

    def _on_a_z(self) -> bool:
        return self.page_id == A_Z_PAGE

    def finder(self, ident: str = "fw-place") -> Markup:
        """The box: a label, a hint, a text field and a button, and the places as JSON for the script."""
        _ = self._gettext
        lang = self.lang
        data = [{"n": e.name(lang), "l": e.name_lang(lang),
                 "o": [name for code, name in e.names.items() if code != lang and name != e.name(lang)],
                 "p": e.kind == "postcode",
                 "c": [[a.council.get(lang), self._home(a)] for a in e.authorities]}
                for e in entries(self.project)]
        a_z = self._a_z()
        strings = {"results": _("Results: %(num)s"), "none": _("No results. Try the list of places from A to Z."),
                   "postcode": _("%(district)s (postcode district)"), "suggestions": _("Suggestions")}
        # JSON inside <script>: "</" is written "<\/" so no value can close the element.
        payload = json.dumps({"places": data, "strings": strings}, ensure_ascii=False,
                             separators=(",", ":")).replace("</", "<\\/")
        a_z_link = Markup('<p class="fw-place-finder__a-z"><a href="{}">{}</a></p>').format(
            a_z, _("All places from A to Z")) if a_z and not self._on_a_z() else Markup("")
        return Markup(
            '<div class="fw-place-finder" data-fw-place-finder>'
            '<form class="fw-place-finder__form" role="search" method="get"{action} aria-labelledby="{id}-title">'
            '<h2 class="fw-place-finder__title" id="{id}-title">{title}</h2>'
            '<label class="fw-place-finder__label" for="{id}-q">{label}</label>'
            '<p class="fw-place-finder__hint" id="{id}-hint">{hint}</p>'
            '<div class="fw-place-finder__row">'
            '<input class="fw-place-finder__input" id="{id}-q" name="q" type="text" autocomplete="off" '
            'spellcheck="false" aria-describedby="{id}-hint">'
            '<button class="md-button md-button--primary fw-place-finder__button" type="submit">{find}</button>'
            '</div></form>{a_z}'
            '<script type="application/json" class="fw-place-finder__data">{payload}</script></div>'
        ).format(action=Markup(' action="{}"').format(a_z) if a_z else Markup(""), id=ident,
                 title=_("Find your team by where you live"),
                 label=_("Your town, village, community or postcode"),
                 hint=self._hint(),
                 find=_("Find"), a_z=a_z_link, payload=Markup(payload))

    def _hint(self) -> str:
        """What to type: a place (in any of the site's languages, named in the page's) or a postcode district,
        with the data's first district as the example."""
        _ = self._gettext
        districts = self.project.places.postcode_districts
        hint = (_("Type a town, village or community, or the first half of your postcode (for example "
                  "%(district)s).") % {"district": districts[0].district} if districts
                else _("Type a town, village or community."))
        # The page's language first: in Welsh, "Cymraeg neu Saesneg" needs no mutation after "neu".
        codes = [self.lang] + [code for code in self.project.languages if code != self.lang]
        if len(codes) > 1:
            names = Locale.parse(self.project.language(self.lang).locale).languages
            joined = names.get(codes[0], codes[0])
            for code in codes[1:]:
                joined = _("%(first)s or %(second)s") % {"first": joined, "second": names.get(code, code)}
            hint += " " + _("You can use its %(languages)s name.") % {"languages": joined}
        return hint

    def a_z(self) -> Markup:
        """Every place in the page's language's alphabetical order, by letter, each linking to its council(s);
        then the postcode districts."""
        _ = self._gettext
        lang, alphabet = self.lang, self.project.language(self.lang).alphabet
        all_entries = entries(self.project)
        places = sorted((e for e in all_entries if e.kind != "postcode"),
                        key=lambda e: i18n.sort_key(_plain(e.name(lang)), alphabet))
        letters: dict[str, list[Entry]] = {}
        for entry in places:
            letters.setdefault(self._letter(entry.name(lang)), []).append(entry)
        nav = Markup("").join(Markup('<li><a href="#{}">{}</a></li>').format(self._anchor(letter), letter)
                              for letter in letters)
        sections = []
        for letter, items in letters.items():
            rows = Markup("").join(Markup("<li>{}</li>").format(self._item(e)) for e in items)
            sections.append(Markup('<h2 id="{}">{}</h2><ul class="fw-places__list">{}</ul>').format(
                self._anchor(letter), letter, rows))
        postcodes = sorted((e for e in all_entries if e.kind == "postcode"),
                           key=lambda e: (e.name(lang)[:2], int("".join(c for c in e.name(lang)[1:] if c.isdigit())
                                                                or 0)))
        if postcodes:
            rows = Markup("").join(Markup("<li>{}</li>").format(self._item(e)) for e in postcodes)
            sections.append(Markup('<h2 id="postcode">{}</h2><p>{}</p><ul class="fw-places__list">{}</ul>').format(
                _("Postcode districts"), _("A postcode district can reach into more than one council. The councils "
                                           "listed are those our sources name; if yours is not among them, look "
                                           "for your town or village instead."), rows))
            nav += Markup('<li><a href="#postcode">{}</a></li>').format(_("Postcode districts"))
        return Markup('<div class="fw-places"><nav class="fw-places__letters" aria-label="{}"><ul>{}</ul></nav>'
                      '{}</div>').format(_("Letters"), nav, Markup("").join(sections))

    def _letter(self, name: str) -> str:
        """The letter a name is listed under: in Welsh, Llangefni under Ll."""
        plain = _plain(name)
        alphabet = self.project.language(self.lang).alphabet or []
        first = next((letter for letter in sorted(alphabet, key=len, reverse=True)
                      if plain.casefold().startswith(letter)), plain[:1].casefold())
        return first[:1].upper() + first[1:]

    @staticmethod
    def _anchor(letter: str) -> str:
        return "letter-" + letter.casefold()

    def _item(self, entry: Entry) -> Markup:
        lang = self.lang
        others = Markup("").join(Markup(' <span lang="{}">({})</span>').format(code, name)
                                 for code, name in entry.names.items()
                                 if code != lang and name != entry.name(lang))
        links = Markup(", ").join(Markup('<a href="{}">{}</a>').format(self._home(a), a.council.get(lang))
                                  for a in entry.authorities)
        written = entry.name_lang(lang)
        name = (Markup('<span class="fw-places__name">{}</span>').format(entry.name(lang)) if written == lang else
                Markup('<span class="fw-places__name" lang="{}">{}</span>').format(written, entry.name(lang)))
        return name + Markup("{}: {}").format(others, links)
