"""Renders an authority's good-practice initiatives as Markdown: name, who runs it, what it is, its figures
(each marked with its source) and the source line."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.model.project import Project
from generator.model.schema import Initiative
from generator.render import i18n
from generator.render.html.charts import format_value
from generator.render.html.markup import sourced


def initiatives_markdown(project: Project, initiatives: list[Initiative], lang: str) -> Markup:
    locale = project.language(lang).locale
    messages = i18n.translations(project.root, lang)
    names = {a.id: a.name.get(lang) for a in project.authorities}
    blocks = []
    for initiative in initiatives:
        if initiative.scope.region:
            scope = messages.gettext("Regional initiative: %(region)s") % {
                "region": project.region(initiative.scope.region).name.get(lang)}
        else:
            scope = messages.gettext("Local initiative: %(places)s") % {
                "places": ", ".join(names[a] for a in initiative.scope.authorities)}
        source = project.sources[initiative.source]
        figures = "".join(
            f"<li><strong>{sourced(format_value(figure, figure.value, locale), {figure.source})}</strong> "
            f"{escape(figure.label.get(lang))}</li>"
            for figure in initiative.figures
        )
        source_line = (f"{messages.gettext('Source')}: {source.title.get(lang)} "
                       f"({i18n.date(initiative.as_of, locale)})")
        blocks.append(
            f"### {escape(initiative.name.get(lang))}\n\n"
            f'<p class="fw-scope">{escape(scope)}</p>\n\n'
            f"{escape(initiative.summary.get(lang))}\n\n"
            + (f'<ul class="fw-figures">{figures}</ul>\n\n' if figures else "")
            + f'<p class="fw-chart__source">{escape(source_line)}</p>\n'
        )
    return Markup("\n".join(blocks))
