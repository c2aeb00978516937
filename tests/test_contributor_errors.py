"""A contributor's mistake: a plain-English message naming file, line and field; exit 1; no traceback;
the previously published site/ left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import append, edit, line_of, remove_line, run_generator


def _publish_sentinel(root: Path) -> Path:
    """Stand-in for the previously published site: it must survive any failed build untouched."""
    sentinel = root / "site" / "en" / "index.html"
    sentinel.parent.mkdir(parents=True)
    sentinel.write_text("previous release", encoding="utf-8")
    return sentinel


def _fails_cleanly(root: Path, *expected: str) -> str:
    sentinel = _publish_sentinel(root)
    result = run_generator(root, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in result.stderr, f"{text!r} not in:\n{result.stderr}"
    assert sentinel.read_text(encoding="utf-8") == "previous release"
    assert sorted(p.name for p in (root / "site").rglob("*")) == ["en", "index.html"]
    assert not list(root.glob(".site.*")), "staging folder left behind"
    return result.stderr


def test_yaml_syntax_error_names_file_and_line(project_copy):
    regions = project_copy / "data" / "regions.yml"
    edit(regions, "  - id: gwent\n", "  - id: gwent\n   name: [oops\n")
    _fails_cleanly(project_copy, f"data/regions.yml, line {line_of(regions, '   name: [oops')}:",
                   "The YAML could not be read")


def test_wrong_type_names_the_field_and_what_was_expected(project_copy):
    site = project_copy / "data" / "site.yml"
    edit(site, "    locale: en_GB\n", "    locale: [en_GB]\n")
    _fails_cleanly(project_copy, f"data/site.yml, line {line_of(site, 'locale: [en_GB]')}, "
                   "field 'languages[1].locale'", "Expected text, but found a list")


@pytest.fixture
def misspelt_field(project_copy):
    edit(project_copy / "data" / "authorities.yml", "    region: mid-and-west-wales\n",
         "    regon: mid-and-west-wales\n")
    return project_copy


def test_misspelt_field_is_named_with_its_line_and_the_allowed_fields(misspelt_field):
    line = line_of(misspelt_field / "data" / "authorities.yml", "regon:")
    stderr = _fails_cleanly(misspelt_field, f"data/authorities.yml, line {line}, field 'authorities[7].regon'",
                            "'regon' is not a field", "Did you mean 'region'?",
                            "Fields allowed here: id, name, in_name, council, slug, region")
    assert "is required but missing" not in stderr  # one mistake, one message


def test_missing_welsh_text_is_named(project_copy):
    regions = project_copy / "data" / "regions.yml"
    edit(regions, "name: {en: Gwent, cy: Gwent}", "name: {en: Gwent}")
    _fails_cleanly(project_copy, f"data/regions.yml, line {line_of(regions, 'name: {en: Gwent}')}, "
                   "field 'regions[5].name'",
                   "The Welsh (cy) text is missing", "write the Welsh text as 'cy: ...'")


def test_duplicate_slug_is_refused(project_copy):
    edit(project_copy / "data" / "authorities.yml", "slug: {en: cardiff, cy: caerdydd}",
         "slug: {en: cardiff, cy: caerffili}")
    _fails_cleanly(project_copy, "field 'authorities[21].slug.cy'",
                   "The Welsh slug 'caerffili' is already used by 'caerphilly'")


def test_authority_in_no_region_is_refused(project_copy):
    edit(project_copy / "data" / "authorities.yml", "region: cardiff-and-vale\n", "region: atlantis\n")
    _fails_cleanly(project_copy, "field 'authorities[21].region'", "Cardiff is in no known region",
                   "Use one of: cardiff-and-vale")


def test_duplicate_key_is_refused(project_copy):
    regions = project_copy / "data" / "regions.yml"
    edit(regions, "  - id: gwent\n", "  - id: gwent\n    id: gwent2\n")
    _fails_cleanly(project_copy, f"data/regions.yml, line {line_of(regions, 'id: gwent2')}, field 'regions[5].id'",
                   "'id' appears twice")


def test_bad_slug_characters_are_explained(project_copy):
    edit(project_copy / "data" / "authorities.yml", "cy: ynys-mon}", "cy: Ynys Môn}")
    _fails_cleanly(project_copy, "field 'authorities[1].slug.cy'", "lowercase letters a-z")


def test_page_missing_in_welsh_is_refused(project_copy):
    (project_copy / "content" / "cy" / "main" / "amdanom-ni.md").unlink()
    _fails_cleanly(project_copy, "content/en/main/about.md", "This page has no Welsh version",
                   "content/cy/main/<Welsh slug>.md with 'id: about'")


def test_page_without_title_names_the_field(project_copy):
    remove_line(project_copy / "content" / "cy" / "main" / "amdanom-ni.md", "title:")
    _fails_cleanly(project_copy, "content/cy/main/amdanom-ni.md", "The field 'title' is required")


def test_broken_link_in_content_stops_the_build_after_mkdocs_and_names_the_source(warm_copy):
    page = warm_copy / "content" / "en" / "main" / "who-can-foster.md"
    append(page, "\nSee [our fees](fees-and-allowances.md).\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    _fails_cleanly(warm_copy, f"content/en/main/who-can-foster.md, line {line}",
                   "fees-and-allowances.md")


def test_broken_cross_site_link_is_caught_by_the_output_link_check(warm_copy):
    page = warm_copy / "content" / "cy" / "authority" / "cysylltu.md"
    append(page, "\n[Hafan](../../dim-yma/)\n")
    _fails_cleanly(warm_copy, "content/cy/authority/cysylltu.md", "leads to a page that does not exist")


def test_check_command_validates_without_building(project_copy):
    result = run_generator(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert "All data and content are valid" in result.stdout
    assert not (project_copy / "site").exists()
    edit(project_copy / "data" / "regions.yml", "name: {en: Gwent, cy: Gwent}", "name: {cy: Gwent}")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1 and "The English (en) text is missing" in result.stderr


def test_successful_build_replaces_the_previous_site(warm_copy):
    sentinel = _publish_sentinel(warm_copy)
    result = run_generator(warm_copy, "build")
    assert result.returncode == 0, result.stderr
    assert sentinel.read_text(encoding="utf-8") != "previous release"
    assert (warm_copy / "site" / "cy" / "ynys-mon" / "index.html").is_file()


def test_a_deleted_optional_data_file_is_named_where_a_page_uses_it(project_copy):
    """Data files other than site, sources and navigation are optional (a tenant may have none), so deleting
    one is caught where a page shows its data, naming the file."""
    (project_copy / "data" / "payments.yml").unlink()
    page = project_copy / "content" / "en" / "authority" / "what-you-will-receive.md"
    _fails_cleanly(project_copy, f"content/en/authority/what-you-will-receive.md, line {line_of(page, 'payments()')}",
                   "'payments' shows data/payments.yml, which is missing")


def test_local_sites_need_a_name(project_copy):
    edit(project_copy / "data" / "site.yml",
         "local_site_name:\n  en: Foster Wales {authority}\n  cy: Maethu Cymru {authority}\n", "")
    _fails_cleanly(project_copy, "data/site.yml", "field 'local_site_name'", "their sites need a name")
