"""A text without template code is used as it is, not compiled: Jinja would give the text itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.loader import load_project
from generator.render import templating
from generator.render.projects import render_project_files

ROOT = Path(__file__).resolve().parents[1]

PLAIN = ["", "A title", "100% sure {not code}", "a } b { c", "}} and %} and #}", "{ {", "%{ #{",
         "line one\n\nline two\n", "ends without a newline", "  indented\n\ttabbed\n", "Gofalwr maeth: £31.50 {x}"]
CODED = ["{{ 1 + 1 }}", "{% if true %}yes{% endif %}", "{# a comment #}text", "{%- raw -%}x{% endraw %}",
         "windows\r\nline", "old mac\rline"]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_what_jinja_gives(text):
    assert not templating.has_template_code(text)
    assert templating._template(ROOT, "en", text).render({}) == text


@pytest.mark.parametrize("text", CODED)
def test_text_with_template_code_goes_through_jinja(text):
    assert templating.has_template_code(text)
    assert templating._template(ROOT, "en", text).render({}) != text  # so passing it over would be wrong


def test_every_plain_text_of_the_project_is_what_jinja_gives(monkeypatch):
    """Every title, description, body and handbook piece rendered that has no template code."""
    plain: set[str] = set()
    original = templating.has_template_code

    def noting(text: str) -> bool:
        coded = original(text)
        if not coded:
            plain.add(text)
        return coded

    monkeypatch.setattr(templating, "has_template_code", noting)
    monkeypatch.setattr("generator.render.html.handbook.has_template_code", noting)
    render_project_files(load_project(ROOT))
    assert len(plain) > 200  # titles and most handbook pieces
    for text in plain:
        for lang in ("en", "cy"):
            assert templating._template(ROOT, lang, text).render({}) == text, text[:80]
