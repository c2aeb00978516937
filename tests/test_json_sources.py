"""MkDocs reads the generated configuration and front matter with json (generator/mkdocs_ext/json_sources.py): what it
reads must be what PyYAML reads, for every generated file, and anything json could read otherwise is left
to PyYAML."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import get_yaml_loader

from generator.mkdocs_ext import json_sources
from tests.conftest import PROJECTS, Built


@pytest.mark.parametrize("site", ["en/main", "cy/cardiff"])
def test_every_generated_file_reads_as_pyyaml_reads_it(built: Built, site):
    project = PROJECTS / site
    pages = sorted((project / "docs").rglob("*.md"))
    assert len(pages) > 15
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\n{"), page
        assert json_sources.read_front_matter(text) == json_sources._get_data(text), page
    with open(project / "mkdocs.yml", "rb") as ours, open(project / "mkdocs.yml", "rb") as theirs:
        read = json_sources.read_config(ours, get_yaml_loader())
        assert "INHERIT" not in read and read["theme"]["name"] == "material"  # the base file merged in
        assert read == json_sources._yaml_load(theirs, get_yaml_loader())


@pytest.mark.parametrize("front_matter", [
    '{"title": "Ffioedd", "ratio": 1e-05}',  # PyYAML reads this number as a string
    '{"title": "Ffioedd", "share": 0.5}',
    '{"title": "Ffioedd", "limit": NaN}',
    'title: Ffioedd\ntags: [maethu]',  # YAML, not JSON
    '["a list"]',
])
def test_what_json_could_read_otherwise_is_read_by_pyyaml(front_matter):
    text = f"---\n{front_matter}\n---\n\n# Ffioedd\n"
    assert json_sources._object(front_matter) is None
    assert json_sources.read_front_matter(text) == json_sources._get_data(text)
