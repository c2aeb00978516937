"""Draws a chart from the data set as accessible HTML: inline SVG bars, a data table and a summary.

The SVG is generated at build time (no JavaScript, no third-party library). The table carries the exact
figures for screen readers and for anyone who prefers numbers; the summary says what the chart shows.
"""

from __future__ import annotations

import re
from html import escape as _html_escape

from babel.numbers import format_decimal
from markupsafe import Markup

from generator.model.schema import Chart, Figure, Source
from generator.render import i18n


def escape(text: str) -> str:
    """Text for an element's content (not xml.sax.saxutils, which imports urllib.request, http and ssl)."""
    return _html_escape(text, quote=False)


_COLOURS = ("#2d3a6a", "#b3134e", "#2f6b3a", "#8a4b08")  # distinct, each 4.5:1 or more against white
_WIDTH, _BAR_AREA, _BAR, _ROW, _GAP = 420, 340, 18, 46, 12


def format_value(figure: Chart | Figure, value: float, locale: str) -> str:
    """A count or a percentage, in the locale's style: 1,321 / 26.3%."""
    if figure.unit == "percent":
        return i18n.percent(value, locale)
    return format_decimal(value, locale=locale)


def summary_text(chart: Chart, lang: str, locale: str) -> str:
    """The summary with each {group.series} replaced by the formatted figure."""
    groups = {g.id: g for g in chart.groups}
    return re.sub(r"\{([a-z0-9-]+)\.([a-z0-9-]+)\}",
                  lambda m: format_value(chart, groups[m.group(1)].values[m.group(2)], locale),
                  chart.summary.get(lang))


def chart_html(chart: Chart, lang: str, locale: str, sources: list[Source], source_label: str, as_of: str,
               history: str | None = None) -> Markup:
    """One <figure>: caption, SVG, summary, table and source line, all in the page's language; a historical
    chart says so under its title."""
    anchor = f"chart-{chart.id}"
    title = escape(chart.title.get(lang))
    summary = escape(summary_text(chart, lang, locale))
    head = "".join(f'<th scope="col">{escape(s.label.get(lang))}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{escape(g.label.get(lang))}</th>'
        + "".join(f"<td>{format_value(chart, g.values[s.id], locale)}</td>" for s in chart.series) + "</tr>"
        for g in chart.groups
    )
    titles = "; ".join(s.title.get(lang) for s in sources)
    source_line = escape(f"{source_label}: {titles} ({as_of})")
    note = f'<p class="fw-chart__history">{escape(history)}</p>' if history else ""
    return Markup(
        f'<figure class="fw-chart" id="{anchor}" data-source="{escape(sources[0].id)}"'
        f'{" data-historical" if history else ""}>'
        f'<figcaption class="fw-chart__title">{title}</figcaption>{note}'
        f"{_svg(chart, lang, locale, anchor)}"
        f'<p class="fw-chart__summary">{summary}</p>'
        f'<table class="fw-chart__table"><thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>'
        f'<p class="fw-chart__source">{source_line}</p>'
        "</figure>"
    )


def _svg(chart: Chart, lang: str, locale: str, anchor: str) -> str:
    """Horizontal bars, each labelled above (long Welsh labels never overflow) and valued at its end."""
    scale = 100 if chart.unit == "percent" else (max(max(g.values.values()) for g in chart.groups) or 1)
    parts, y = [], 0
    # With one series, its name is the table's heading: each bar goes straight under its group's label.
    labelled = len(chart.series) > 1
    top = 20 if labelled else 0
    for group in chart.groups:
        parts.append(f'<text x="0" y="{y + 17}" class="fw-chart__group">{escape(group.label.get(lang))}</text>')
        y += 28
        for i, series in enumerate(chart.series):
            value = group.values[series.id]
            width = max(1.0, _BAR_AREA * value / scale)
            label = (f'<text x="0" y="{y + 14}" class="fw-chart__label">{escape(series.label.get(lang))}</text>'
                     if labelled else "")
            parts.append(
                f'{label}<rect x="0" y="{y + top}" width="{width:.1f}" height="{_BAR}" '
                f'fill="{_COLOURS[i % len(_COLOURS)]}"/>'
                f'<text x="{width + 6:.1f}" y="{y + top + 14}" class="fw-chart__value">'
                f"{format_value(chart, value, locale)}</text>"
            )
            y += _ROW if labelled else _ROW - top
        y += _GAP
    # The table that follows gives the same figures; the image is labelled by the chart's title.
    return (f'<svg class="fw-chart__image" viewBox="0 0 {_WIDTH} {y}" role="img" '
            f'aria-labelledby="{anchor}-title" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{anchor}-title">{escape(chart.title.get(lang))}</title>{"".join(parts)}</svg>')
