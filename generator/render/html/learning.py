"""Renders the Learning and Development Framework and the Personal Learning Record and Development Plan.

The framework is drawn from data/learning_framework.yml: each known fact with its source, each unknown one
"to be confirmed". The record is a form built from the same data (one entry for each learning area, once the
areas are confirmed); learning-record.js keeps what the carer types in their own browser, saves it to and
loads it from a file, and prints it. Nothing the carer types is sent anywhere.
"""

from __future__ import annotations

import json

from babel.dates import get_month_names
from markupsafe import Markup, escape

from generator.model.project import Project
from generator.model.schema import DateFact, EveryAuthority, Fact, LearningFrameworkFile, Sourced
from generator.render import i18n
from generator.render.html.markup import source_note, source_title, unconfirmed_marker

RECORD_FORMAT = "personal-learning-record"  # names the saved file's format; the script checks it
RECORD_VERSION = 1
BLANK_ENTRIES = 3  # learning entries on the form while the framework's learning areas are not confirmed
# The fields of one learning entry, in order: name -> kind of control.
ENTRY_FIELDS = (("area", "area"), ("learning", "text"), ("date", "date"), ("hours", "hours"),
                ("reflection", "textarea"), ("goal", "textarea"))


def learning_data(project: Project) -> LearningFrameworkFile:
    return project.data["learning_framework"][0]


class LearningRenderer:
    def __init__(self, project: Project, lang: str):
        self.project, self.lang = project, lang
        self.locale = project.language(lang).locale
        self.messages = i18n.translations(project.root, lang)
        self._ = self.messages.gettext
        self.data = learning_data(project)

    # --- The framework -------------------------------------------------------------------------------

    def known(self, item: Sourced, value: Markup | str) -> Markup:
        """A known value marked with its source; or "to be confirmed"."""
        if not item.known:
            return unconfirmed_marker(self.project.root, self.lang)
        return Markup('<span class="fw-figure" data-source="{}" data-as-of="{}">{}</span>').format(
            item.source, item.as_of, value)

    def cite(self, *cited: tuple[str | None, str | None]) -> Markup:
        """The documents values come from, and as of when, for a table's Source column."""
        known = sorted({(source, as_of) for source, as_of in cited if source and as_of})
        return Markup("; ").join(Markup('<span data-source="{}">{} ({})</span>').format(
            source, source_title(self.project.sources[source], self.lang), i18n.date(as_of, self.locale))
            for source, as_of in known)

    def date(self, fact: DateFact) -> Markup:
        text = Markup('<time datetime="{}">{}</time>').format(fact.date, i18n.date(fact.date, self.locale)) \
            if fact.known else ""
        return self.known(fact, text)

    def text(self, fact: Fact) -> Markup:
        return self.known(fact, fact.value.get(self.lang) if fact.known else "")

    def every_authority(self, fact: EveryAuthority) -> Markup:
        count = len(self.project.authorities)
        return self.known(fact, self.messages.ngettext(
            "in %(num)d local authority", "in all %(num)d local authorities", count) % {"num": count})

    def named_list(self, items) -> Markup:
        return Markup('<ul class="fw-learning__list">{}</ul>').format(Markup("").join(
            Markup("<li>{}</li>").format(item.name.get(self.lang)) for item in items))

    def framework(self, part: str = "facts") -> Markup:
        """Part of the framework: its 'facts', its 'aims', or how the 'regions' put it into practice."""
        parts = {"facts": self.facts, "aims": self.aims, "regions": self.regions}
        if part not in parts:
            raise LookupError(f"learning_framework: there is no part '{part}'; use one of: {', '.join(parts)}")
        return parts[part]()

    def facts(self) -> Markup:
        framework, record = self.data.framework, self.data.record
        rows = [
            (self._("Published"), framework.published, self.date(framework.published)),
            (self._("Published by"), framework.published_by, self.text(framework.published_by)),
            (self._("In line with"), framework.aligned_to, self.text(framework.aligned_to)),
            (self._("Where the framework is used"), framework.in_use, self.every_authority(framework.in_use)),
            (self._("Where the %(record)s is used") % {"record": record.name.get(self.lang)}, record.in_use,
             self.every_authority(record.in_use)),
            (self._("Learning areas"), framework.areas,
             self.known(framework.areas, self.named_list(framework.areas.items or []))),
            (self._("Stages"), framework.stages,
             self.known(framework.stages, self.named_list(framework.stages.items or []))),
            (self._("Hours of learning expected"), framework.learning_hours, self.text(framework.learning_hours)),
            (self._("Review"), framework.review, self.text(framework.review)),
            (self._("Where to read the framework"), framework.document, self.text(framework.document)),
        ]
        body = Markup("").join(Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(
            label, value, self.cite((item.source, item.as_of))) for label, item, value in rows)
        return Markup('<p>{} {}</p><table class="fw-learning"><caption>{}</caption><thead><tr>'
                      '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
                      "<tbody>{}</tbody></table>").format(
            framework.summary.get(self.lang),
            source_note(self.project, self.lang, framework.source, framework.as_of),
            framework.name.get(self.lang), self._("About the framework"), self._("What our sources say"),
            self._("Source"), body)

    def aims(self) -> Markup:
        aims = self.data.framework.aims
        items = Markup("").join(Markup("<li>{}</li>").format(item.get(self.lang)) for item in aims.items)
        return Markup('<ul class="fw-learning__aims">{}</ul><p>{}</p>').format(
            items, source_note(self.project, self.lang, aims.source, aims.as_of))

    def regions(self) -> Markup:
        rows = []
        for entry in self.data.regions:
            region = self.project.region(entry.region)
            done = entry.summary.get(self.lang) if entry.summary else unconfirmed_marker(self.project.root, self.lang)
            rows.append(Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>').format(
                region.name.get(self.lang), self.date(entry.launched), done,
                self.cite((entry.launched.source, entry.launched.as_of), (entry.source, entry.as_of))))
        return Markup('<table class="fw-learning"><caption>{}</caption><thead><tr><th scope="col">{}</th>'
                      '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
                      "<tbody>{}</tbody></table>").format(
            self._("How each region put the framework into practice"), self._("Region"), self._("Launch event"),
            self._("What the region did"), self._("Source"), Markup("").join(rows))

    # --- The Personal Learning Record and Development Plan -------------------------------------------

    def field(self, control_id: str, name: str, label: str, kind: str, selected: str = "") -> Markup:
        """A labelled control, followed by the box its value is copied into for printing."""
        attributes = Markup('id="{}" name="{}" data-field="{}"').format(control_id, name, name)
        if kind == "textarea":
            control = Markup('<textarea {} rows="3"></textarea>').format(attributes)
        elif kind == "council":
            options = Markup("").join(Markup('<option value="{}">{}</option>').format(a.id, a.name.get(self.lang))
                                      for a in self.project.authorities)
            control = Markup('<select {}><option value="">{}</option>{}</select>').format(
                attributes, self._("Choose your council"), options)
        elif kind == "area" and self.data.framework.areas.known:
            options = Markup("").join(
                Markup('<option value="{}"{}>{}</option>').format(
                    area.id, Markup(" selected") if area.id == selected else "", area.name.get(self.lang))
                for area in self.data.framework.areas.items)
            control = Markup('<select {}><option value="">{}</option>{}</select>').format(
                attributes, self._("Choose an area"), options)
        elif kind == "date":
            control = Markup('<input type="date" {}>').format(attributes)
        elif kind == "hours":
            control = Markup('<input type="number" min="0" step="0.5" inputmode="decimal" {}>').format(attributes)
        else:
            autocomplete = Markup(' autocomplete="name"') if name == "carer-name" else ""
            control = Markup('<input type="text" {}{}>').format(attributes, autocomplete)
        return Markup('<div class="fw-plr__field fw-plr__field--{}"><label for="{}">{}</label>{}'
                      '<div class="fw-plr__print" aria-hidden="true"></div></div>').format(
            kind, control_id, label, control)

    def entry(self, number: int, area: str = "") -> Markup:
        labels = {"area": self._("Learning area"), "learning": self._("What I did (a course, reading, an experience)"),
                  "date": self._("Date"), "hours": self._("Hours of learning"),
                  "reflection": self._("What I learned, and how I will use it"),
                  "goal": self._("What I want to develop next")}
        fields = Markup("").join(self.field(f"fw-plr-e{number}-{name}", name, labels[name], kind, area)
                                 for name, kind in ENTRY_FIELDS)
        # The entry's number is a position on the form, not a figure from data.
        legend = Markup(escape(self._("Learning entry %(number)s"))) % {
            "number": Markup('<span data-category="entry-number" class="fw-plr__number">{}</span>').format(number)}
        return Markup('<fieldset class="fw-plr__entry" data-entry><legend>{}</legend>{}</fieldset>').format(
            legend, fields)

    def record(self) -> Markup:
        areas = self.data.framework.areas
        initial = [area.id for area in areas.items] if areas.known else [""] * BLANK_ENTRIES
        entries = Markup("").join(self.entry(number, area) for number, area in enumerate(initial, start=1))
        about = Markup("").join(self.field(f"fw-plr-{name}", name, label, kind) for name, label, kind in (
            ("carer-name", self._("Your name"), "text"),
            ("council", self._("Your council"), "council"),
            ("supervising-social-worker", self._("Your supervising social worker"), "text"),
            ("review-date", self._("Date of your annual review"), "date")))
        plan = Markup("").join(self.field(f"fw-plr-{name}", name, label, kind) for name, label, kind in (
            ("plan-goals", self._("My learning goals for the coming year"), "textarea"),
            ("plan-support", self._("Support or training I need"), "textarea"),
            ("next-review", self._("Date of my next review"), "date")))
        areas_note = Markup("") if areas.known else Markup('<p class="fw-plr__hint">{} {}</p>').format(
            self._("The framework's learning areas are:"), unconfirmed_marker(self.project.root, self.lang))
        data = json.dumps(self.script_data(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return Markup(
            '<div class="fw-plr" data-learning-record>'
            '<script type="application/json" class="fw-plr__data">{data}</script>'
            '<p class="fw-plr__nojs">{nojs}</p>'
            '<p class="fw-plr__privacy">{privacy}</p>'
            '<div class="fw-plr__toolbar" hidden>'
            '<button type="button" class="md-button" data-action="save">{save}</button>'
            '<input type="file" id="fw-plr-load" class="fw-plr__file" accept=".json,application/json">'
            '<label class="md-button fw-plr__load" for="fw-plr-load">{load}</label>'
            '<button type="button" class="md-button" data-action="print">{print}</button>'
            '<button type="button" class="md-button" data-action="clear">{clear}</button>'
            "</div>"
            '<p class="fw-plr__status" role="status" aria-live="polite"></p>'
            '<p class="fw-plr__kept"></p>'
            '<form class="fw-plr__form" autocomplete="off">'
            '<fieldset class="fw-plr__section"><legend>{about_legend}</legend>{about}</fieldset>'
            '<fieldset class="fw-plr__section"><legend>{learning_legend}</legend>{areas_note}'
            '<div class="fw-plr__entries">{entries}</div>'
            '<button type="button" class="md-button fw-plr__add" hidden>{add}</button></fieldset>'
            '<fieldset class="fw-plr__section"><legend>{plan_legend}</legend>{plan}</fieldset>'
            "</form></div>"
        ).format(
            data=Markup(data), nojs=self._(
                "Keeping what you type, and saving it to or loading it from a file, need JavaScript, which is off or "
                "not working in this browser. You can still print this page and fill in the record by hand."),
            privacy=self._(
                "What you type stays in this browser on this device: it is kept here so that it is still here when "
                "you come back, and it is never sent anywhere. Anyone else who uses this browser could see it, so on "
                "a shared computer save it to a file and choose Clear when you have finished."),
            save=self._("Save to a file"), load=self._("Load from a file"), print=self._("Print"),
            clear=self._("Clear"), about_legend=self._("About you"), about=about,
            learning_legend=self._("Learning record"), areas_note=areas_note, entries=entries,
            add=self._("Add an entry"), plan_legend=self._("Development plan"), plan=plan)

    def script_data(self) -> dict:
        """What learning-record.js needs: the saved file's format and its messages, in the page's language."""
        return {
            "format": RECORD_FORMAT,
            "version": RECORD_VERSION,
            # Month names from Babel: browsers do not all know Welsh, so dates are written as Babel writes them.
            "months": [get_month_names("wide", locale=self.locale)[month] for month in range(1, 13)],
            "fileName": self._("personal-learning-record"),
            "text": {
                "kept": self._("Kept in this browser at %(time)s."),
                "notKept": self._("This browser is not keeping what you type: save it to a file before you leave "
                                  "the page."),
                "saved": self._("Saved to the file %(file)s."),
                "loaded": self._("Loaded your record from %(file)s."),
                "badFile": self._("%(file)s could not be loaded: it is not a personal learning record saved from "
                                  "this page. Your record has not been changed."),
                "confirmClear": self._("Clear everything you have typed, from this page and from this browser? Save "
                                       "it to a file first if you want to keep it."),
                "cleared": self._("The record has been cleared."),
                "remove": self._("Remove this entry"),
            },
        }
