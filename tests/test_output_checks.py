"""The checks run on every build before publishing: each can fail, and says which source file to edit."""

from __future__ import annotations

from tests.conftest import append, line_of, run_generator


def test_a_figure_typed_into_a_page_is_refused(warm_copy):
    append(warm_copy / "content" / "en" / "main" / "about.md", "\nWe approved 169 households last year.\n")
    result = run_generator(warm_copy, "build")
    assert result.returncode == 1
    # Refused as written, before anything is built: the file and the line of the figure.
    line = line_of(warm_copy / "content" / "en" / "main" / "about.md", "169 households")
    assert f"content/en/main/about.md, line {line}:" in result.stderr
    assert "The figure '169' is typed into the text" in result.stderr
    assert not (warm_copy / "site").exists()


def test_years_and_dates_are_not_figures(warm_copy):
    append(warm_copy / "content" / "en" / "main" / "about.md", "\nThe service began in 2015.\n")
    assert run_generator(warm_copy, "build").returncode == 0


def test_an_english_paragraph_in_a_welsh_page_is_refused(warm_copy):
    append(warm_copy / "content" / "cy" / "main" / "amdanom-ni.md",
            "\nYou can talk to your local team about fostering and what it means for your family.\n")
    result = run_generator(warm_copy, "build")
    assert result.returncode == 1
    assert "content/cy/main/amdanom-ni.md" in result.stderr
    assert "reads as English" in result.stderr


def test_a_data_summary_may_not_type_a_figure(project_copy):
    data = project_copy / "data" / "national_data.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "rose from {start.children} in 2016", "rose from 5,851 in 2016"), encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    assert "data/national_data.yml" in result.stderr and "types the figure '5,851'" in result.stderr


def test_release_build_refuses_unconfirmed_facts_with_file_line_and_field(warm_copy):
    result = run_generator(warm_copy, "build", "--release")
    assert result.returncode == 1
    line = line_of(warm_copy / "data" / "authorities.yml", "phone: {unconfirmed: true,")
    assert f"data/authorities.yml, line {line}, field 'authorities[1].phone'" in result.stderr
    assert "marked unconfirmed; a release cannot publish it" in result.stderr
    assert not (warm_copy / "site").exists()


def test_text_awaiting_translation_builds_but_cannot_be_released(warm_copy):
    regions = warm_copy / "data" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8").replace(
        "name: {en: Gwent, cy: Gwent}", "name: {en: Gwent, awaiting_translation: true}"), encoding="utf-8")
    assert run_generator(warm_copy, "check").returncode == 0
    result = run_generator(warm_copy, "build", "--release")
    assert result.returncode == 1
    assert "data/regions.yml" in result.stderr and "awaiting translation" in result.stderr
