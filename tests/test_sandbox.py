"""Content templates run sandboxed: no reaching Python internals, no changing data, data HTML shown as text."""

from __future__ import annotations

import pytest

from tests.conftest import append, edit, line_of, parse, run_generator

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ money.__globals__ }}",
    "{{ page_url.__code__ }}",
    "{{ regions.append(1) }}",
    "{{ site.update({'name': 'x'}) }}",
    "{{ cycler.__init__.__globals__.os.system('echo pwned') }}",
    "{{ self._TemplateReference__context }}",
]


@pytest.mark.parametrize("attempt", ESCAPES)
def test_escape_attempts_are_refused_with_the_line_to_fix(project_copy, attempt):
    page = project_copy / "content" / "en" / "main" / "about.md"
    append(page, f"\nA paragraph with {attempt} in it.\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "pwned" not in result.stdout + result.stderr
    assert f"content/en/main/about.md, line {line_of(page, attempt)}" in result.stderr, result.stderr


def test_unknown_name_is_reported_with_file_and_line(project_copy):
    page = project_copy / "content" / "cy" / "authority" / "cysylltu.md"
    edit(page, "{{ authority.phone }}", "{{ authority.ffon }}")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"content/cy/authority/cysylltu.md, line {line_of(page, 'authority.ffon')}" in result.stderr
    assert "does not exist here" in result.stderr and "ffon" in result.stderr


def test_template_syntax_error_is_reported_with_file_and_line(project_copy):
    page = project_copy / "content" / "en" / "main" / "who-can-foster.md"
    append(page, "\n{% if %} A broken condition.\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert f"content/en/main/who-can-foster.md, line {line_of(page, '{% if %}')}" in result.stderr
    assert "template code has a mistake" in result.stderr


def test_html_in_a_data_string_is_shown_as_text_not_run(warm_copy):
    hostile = "<script>alert('x')</script><b>Bold</b> & Co"
    edit(warm_copy / "data" / "authorities.yml", "council: {en: Cardiff Council,",
         f"council: {{en: \"{hostile}\",")
    result = run_generator(warm_copy, "build")
    assert result.returncode == 0, result.stderr
    page = warm_copy / "site" / "en" / "cardiff" / "contact" / "index.html"
    article = parse(page).select_one("article")
    assert hostile in article.get_text()  # shown to the reader as the literal text
    assert not article.select("b") and all("alert" not in (s.string or "") for s in parse(page).select("script"))
