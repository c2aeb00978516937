"""Renders allowances and fees as accessible HTML tables: weekly and yearly amounts formatted by Babel, each
known figure marked with its source, each unknown one marked "to be confirmed"."""

from __future__ import annotations

import datetime
import json

from markupsafe import Markup, escape

from generator.model.payments import WEEKS_IN_YEAR
from generator.model.project import Project
from generator.model.schema import AgeBand, Money, Rates, financial_year_ended
from generator.render import i18n, urls
from generator.render.html.markup import publisher, source_title, unconfirmed_marker

COMPARISON_ID = "compare-allowances"  # the comparison table's anchor, the same in every language
# The id of the main site's page with the comparison, which the calculator links to.
COMPARISON_PAGE = "allowances-and-fees"



class PaymentsRenderer:
    def __init__(self, project: Project, lang: str):
        self.project, self.lang = project, lang
        self.locale = project.language(lang).locale
        self.messages = i18n.translations(project.root, lang)
        self._ = self.messages.gettext

    def unconfirmed(self) -> Markup:
        return unconfirmed_marker(self.project.root, self.lang)

    def amount(self, money: Money, times: int = 1) -> Markup:
        if not money.known:
            return self.unconfirmed()
        return Markup('<span class="fw-figure" data-source="{}" data-as-of="{}">{}</span>').format(
            money.source, money.as_of, i18n.money(money.amount * times, self.locale))

    def band_label(self, band: AgeBand) -> Markup:
        # Age bands are categories the rates are set by, not figures: marked so the figure check knows.
        text = self._("Aged %(from)d to %(to)d") % {"from": band.from_age, "to": band.to_age}
        return Markup('<span data-category="age-band">{}</span>').format(text)

    def year_label(self, rates: Rates, markup: bool = False) -> Markup:
        """What the rates are for: their year, and if that year is over, that they are not today's. In a page the
        effective date is a <time> (a date, not a figure); as text for the calculator's script."""
        if rates.year is None:
            return Markup("")
        year = rates.year.replace("-", "–")
        if rates.effective_from:
            when = i18n.date(rates.effective_from, self.locale)
            if markup:
                when = Markup('<time datetime="{}">{}</time>').format(rates.effective_from.isoformat(), when)
            text = Markup(escape(self._("Rates for %(year)s, from %(date)s"))) % {"year": year, "date": when}
        else:
            text = Markup(escape(self._("Rates for %(year)s"))) % {"year": year}
        if financial_year_ended(rates.year, datetime.date.today()):
            text += ". " + self._("These are the latest rates found, not this year's: ask the council for its "
                                 "current rates.")
        return text

    def year_heading(self, rates: Rates) -> Markup:
        text = self.year_label(rates, markup=True)
        return Markup('<p class="fw-money__year" data-year="{}">{}</p>').format(rates.year, text) if text else \
            Markup("")

    def sources_line(self, amounts: list[Money]) -> Markup:
        """Where the known amounts come from, and as of when: shown under the tables they fill."""
        cited = sorted({(m.source, m.as_of) for m in amounts if m.known})
        if not cited:
            return Markup("")
        notes = Markup("; ").join(
            Markup('<span data-source="{}">{} ({})</span>').format(
                source, source_title(self.project.sources[source], self.lang), i18n.date(as_of, self.locale))
            for source, as_of in cited)
        return Markup('<p class="fw-chart__source">{}: {}</p>').format(self._("Source"), notes)

    def allowance_table(self, rates: Rates) -> Markup:
        rows = Markup("").join(
            Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(
                self.band_label(band), self.amount(rates.weekly[band.id]),
                self.amount(rates.weekly[band.id], WEEKS_IN_YEAR))
            for band in self.project.payments.age_bands)
        return Markup('<table class="fw-money"><caption>{}</caption><thead><tr><th scope="col">{}</th>'
                      '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>').format(
            self._("Weekly allowance for each child"), self._("Age of the child"), self._("Per week"),
            self._("Per year"), rows)

    def authority(self, authority) -> Markup:
        all_rates = self.project.rates_for(authority)
        if not all_rates:
            return Markup("<p>{}: {}</p>").format(self._("Allowances and fees"), self.unconfirmed())
        rates = all_rates[0]
        parts = [self.year_heading(rates), self.allowance_table(rates)]
        parts.append(Markup("<h3>{}</h3>").format(self._("Fees")))
        if rates.fees:
            parts.append(Markup("<ul>{}</ul>").format(Markup("").join(
                Markup('<li><span data-category="fee-level">{}</span>: {} {}</li>').format(
                    fee.name.get(self.lang), self.amount(fee.weekly),
                                                    self._("per week")) for fee in rates.fees)))
        else:
            parts.append(Markup("<p>{}: {}</p>").format(self._("Fee levels"), self.unconfirmed()))
        parts.append(Markup("<h3>{}</h3>").format(self._("Extra payments")))
        if rates.extras:
            parts.append(Markup("<ul>{}</ul>").format(Markup("").join(
                Markup("<li>{}: {} {}</li>").format(extra_name(self._, extra.kind), self.amount(extra.amount),
                                                    per_label(self._, extra.per))
                for extra in rates.extras)))
        else:
            parts.append(Markup("<p>{}: {}</p>").format(
                self._("Birthday, holiday and festival payments, paid respite, retainers, enhanced payments and When I "
                       "am Ready rates"), self.unconfirmed()))
        amounts = [*rates.weekly.values(), *(fee.weekly for fee in rates.fees), *(e.amount for e in rates.extras)]
        parts.append(self.sources_line(amounts))
        return Markup("\n").join(parts)

    def _compare_cell(self, money: Money | None) -> Markup:
        # data-amount lets the table be sorted by value in the browser; empty when unconfirmed.
        known = money is not None and money.known
        return Markup('<td data-amount="{}">{}</td>').format(
            money.amount if known else "", self.amount(money) if known else self.unconfirmed())

    def calculator_data(self) -> dict:
        """Everything the calculator's script needs, from the same model the tables are drawn from."""
        authorities = []
        for authority in self.project.authorities:
            rates = self.project.rates_for(authority)
            authorities.append({
                "id": authority.id,
                "name": authority.name.get(self.lang),
                "year": rates[0].year if rates else None,
                "yearText": self.year_label(rates[0]).unescape() if rates else "",
                "weekly": {b.id: (rates[0].weekly[b.id].amount if rates and rates[0].weekly[b.id].known else None)
                           for b in self.project.payments.age_bands},
            })
        return {
            "weeksInYear": WEEKS_IN_YEAR,
            "bands": [{"id": b.id, "from": b.from_age, "to": b.to_age} for b in self.project.payments.age_bands],
            "authorities": authorities,
            "text": {
                "unconfirmed": self._("to be confirmed"),
                "child": self._("Child %(number)s, aged %(age)s"),
                "noBand": self._("No allowance band covers this age"),
                "total": self._("Total"),
                "perWeek": self._("Per week"),
                "perYear": self._("Per year"),
                "removeChild": self._("Remove"),
                "age": self._("Age of the child"),
            },
        }

    def calculator(self, tables_link: str) -> Markup:
        """The calculator: a form the script brings to life, and a route to the tables without it."""
        data = json.dumps(self.calculator_data(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        options = Markup("").join(Markup('<option value="{}">{}</option>').format(a.id, a.name.get(self.lang))
                                  for a in self.project.authorities)
        return Markup(
            '<div class="fw-calculator" data-calculator>'
            '<script type="application/json" class="fw-calculator__data">{data}</script>'
            '<p class="fw-calculator__nojs">{nojs} <a href="{link}">{link_text}</a></p>'
            '<form class="fw-calculator__form" hidden>'
            '<p><label for="fw-calculator-council">{council}</label><br>'
            '<select id="fw-calculator-council" name="council"><option value="">{choose}</option>{options}</select></p>'
            '<fieldset><legend>{children}</legend><div class="fw-calculator__children"></div>'
            '<button type="button" class="md-button fw-calculator__add">{add}</button></fieldset>'
            "</form>"
            '<div class="fw-calculator__result" aria-live="polite"></div>'
            "</div>"
        ).format(data=Markup(data), nojs=self._("Without JavaScript, the amounts for every council and age are in "
                                                "the table of allowances:"),
                 link=tables_link, link_text=self._("compare councils"), council=self._("Council"),
                 choose=self._("Choose a council"), options=options, children=self._("Ages of the children"),
                 add=self._("Add a child"))

    def national_minimum(self) -> Markup:
        payments = self.project.payments
        records = sorted(payments.national_minimum_allowance, key=lambda r: r.year or "", reverse=True)
        parts = [self.year_heading(r) + self.allowance_table(r) + self.sources_line(list(r.weekly.values()))
                 for r in records]
        uplifts = sorted((u for u in payments.national_minimum_uplifts if u.known), key=lambda u: u.year,
                         reverse=True)
        if uplifts:
            parts.append(Markup("<p>{}</p>").format(self._("Yearly rises of the National Minimum Allowance:")))
            parts.append(Markup('<ul class="fw-uplifts">{}</ul>').format(Markup("").join(
                Markup('<li>{}: {} <span class="fw-uplift__source">({})</span></li>').format(
                    u.year.replace("-", "–"), self._uplift_text(u), self._source_name(u.source))
                for u in uplifts)))
        return Markup("\n").join(parts)

    def _uplift_text(self, uplift) -> Markup:
        figure = Markup('<span class="fw-figure" data-source="{}" data-as-of="{}">{}</span>').format(
            uplift.source, uplift.as_of, i18n.percent(uplift.percent, self.locale))
        if uplift.kind == "recommended":
            return Markup(escape(self._("a recommended rise of %(percent)s"))) % {"percent": figure}
        return Markup(escape(self._("a rise of %(percent)s, announced by the government"))) % {"percent": figure}

    def _source_name(self, source_id: str) -> Markup:
        source = self.project.sources[source_id]
        name = Markup("{}: {}").format(publisher(source, self.lang), source_title(source, self.lang))
        return name + (" – " + self._("secondary source") if source.secondary else "")

    def comparison(self, here: str) -> Markup:
        """Every authority's latest weekly allowance by age band, one row each, linked to its page."""
        bands = self.project.payments.age_bands
        head = Markup("").join(Markup('<th scope="col">{}</th>').format(self.band_label(b)) for b in bands)
        rows = []
        for authority in self.project.authorities:
            site = self.project.site(authority.id)
            page = next(p for p in self.project.site_pages(site) if p.id == "what-you-will-receive")
            link = urls.relative_link(here, urls.output_path(page, self.lang))
            rates = self.project.rates_for(authority)
            cells = Markup("").join(self._compare_cell(rates[0].weekly[b.id] if rates else None) for b in bands)
            year = rates[0].year if rates and rates[0].known else None
            cells += Markup('<td data-year="{}">{}</td>').format(
                year or "", year.replace("-", "–") if year else self.unconfirmed())
            rows.append(Markup('<tr><th scope="row"><a href="{}">{}</a></th>{}</tr>').format(
                link, authority.name.get(self.lang), cells))
        return Markup('<table class="fw-money fw-compare" id="{}" data-sortable data-filter-label="{}">'
                      '<caption>{}</caption><thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr>'
                      "</thead><tbody>{}</tbody></table>").format(
            COMPARISON_ID, self._("Find a council"), self._("Weekly allowance for each child, by council"),
            self._("Council"), head, self._("Year of the rates"),
            Markup("").join(rows))


def per_label(_, per: str) -> str:
    """How often an extra is paid, translated."""
    return {"year": _("a year"), "week": _("a week"), "mile": _("a mile"), "day": _("a day")}[per]


def extra_name(_, kind: str) -> str:
    """The name of an extra payment, translated (each a literal gettext call, so it is extracted)."""
    return {
        "birthday": _("Birthday payment"),
        "holiday": _("Holiday payment"),
        "festival": _("Festival payment"),
        "respite-days": _("Paid respite days"),
        "retainer": _("Retainer"),
        "mileage": _("Mileage"),
        "enhanced": _("Enhanced payment for complex needs"),
        "when-i-am-ready": _("When I am Ready weekly rate"),
    }[kind]
