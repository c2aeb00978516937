"""The campaign calendar as HTML: the whole calendar with what it is and its source, and the month a page is
built in (or the next month the calendar has a theme for)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from babel.dates import format_date
from markupsafe import Markup

from generator.model.project import Project
from generator.model.schema import CampaignMonth
from generator.render import i18n
from generator.render.html.markup import source_title


@dataclass(frozen=True)
class CampaignsView:
    project: Project
    lang: str
    today: datetime.date

    @cached_property
    def messages(self):
        return i18n.translations(self.project.root, self.lang)

    def _(self, message: str, **names) -> str:
        text = self.messages.gettext(message)
        return text % names if names else text

    def month_name(self, month: int) -> str:
        return format_date(datetime.date(2000, month, 1), "LLLL", locale=self.project.language(self.lang).locale)

    def kind(self, row: CampaignMonth) -> str:
        return self._("Named campaign") if row.named_campaign else self._("Theme")

    def source_line(self) -> Markup:
        calendar = self.project.campaigns
        source = self.project.sources[calendar.source]
        return Markup('<p class="fw-chart__source" data-source="{}">{}: {}</p>').format(
            source.id, self._("Source"), source_title(source, self.lang))

    def calendar(self) -> Markup:
        calendar = self.project.campaigns
        rows = Markup("").join(
            Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(
                self.month_name(row.month), row.theme.get(self.lang), self.kind(row))
            for row in calendar.months)
        return Markup('<p>{about}</p>\n<table class="fw-money fw-campaigns"><caption>{caption}</caption><thead><tr>'
                      '<th scope="col">{month}</th><th scope="col">{theme}</th><th scope="col">{kind}</th></tr>'
                      '</thead><tbody>{rows}</tbody></table>\n{source}').format(
            about=calendar.about.get(self.lang), caption=self._("Campaign calendar"), month=self._("Month"),
            theme=self._("Theme or campaign"), kind=self._("Kind"), rows=rows, source=self.source_line())

    def this_month(self) -> Markup:
        """The theme of the month the page is built in, or else the next month that has one."""
        months = self.project.campaigns.months
        current = next((row for row in months if row.month == self.today.month), None)
        if current is not None:
            label = self._("This month's campaign theme (%(month)s)", month=self.month_name(current.month))
            row = current
        else:
            row = next((row for row in months if row.month > self.today.month), months[0])
            label = self._("Next in the campaign calendar (%(month)s)", month=self.month_name(row.month))
        return Markup('<div class="fw-campaign">\n<p class="fw-campaign__month">{label}</p>\n'
                      '<p class="fw-campaign__theme"><strong>{theme}</strong> ({kind})</p>\n{source}\n</div>').format(
            label=label, theme=row.theme.get(self.lang), kind=self.kind(row).lower(), source=self.source_line())
