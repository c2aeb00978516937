"""The data files and pages' front matter parsed by one load are kept in the working folder, so a load in
another process (a build of its own after an edit) parses only the texts that changed, and finds the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import content, yaml_source
from generator.model.errors import ContributorError
from generator.model.loader import load_project
from generator.paths import PARSED_YAML
from tests.conftest import append, edit


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files parsed, each load starting as a fresh process would (no front matter kept in memory)."""
    files: list[str] = []
    parse = yaml_source._parse
    monkeypatch.setattr(yaml_source, "_parse", lambda text, file: files.append(file) or parse(text, file))
    return files


def _load(root: Path, monkeypatch):
    monkeypatch.setattr(content, "_front_matters", content._front_matters.emptied())
    return load_project(root)


def test_a_load_parses_only_the_texts_that_changed_since_the_last(project_copy, parsed, monkeypatch):
    first = _load(project_copy, monkeypatch)
    pages = len(list((project_copy / "content").rglob("*.md")))
    assert len(parsed) > pages and "data/authorities.yml" in parsed
    assert (project_copy / PARSED_YAML).is_file()

    parsed.clear()
    again = _load(project_copy, monkeypatch)
    assert parsed == []
    assert again.pages == first.pages and again.authorities == first.authorities

    about = project_copy / "content" / "en" / "main" / "about.md"
    append(about, "\nA sentence more.\n")  # the body: no YAML changed
    _load(project_copy, monkeypatch)
    assert parsed == []
    edit(about, "title: ", "title: Our story - ")
    edited = _load(project_copy, monkeypatch)
    assert parsed == ["content/en/main/about.md"]
    assert next(p for p in edited.pages if p.file == "content/en/main/about.md").meta.title.startswith("Our story - ")


def test_a_memo_written_by_other_code_is_not_used(project_copy, parsed, monkeypatch):
    _load(project_copy, monkeypatch)
    monkeypatch.setattr(yaml_source, "_CODE", "other code")
    parsed.clear()
    _load(project_copy, monkeypatch)
    assert "data/site.yml" in parsed and len(parsed) > 100


def test_a_mistake_is_reported_the_same_when_the_other_texts_come_from_the_memo(project_copy, monkeypatch):
    _load(project_copy, monkeypatch)
    edit(project_copy / "data" / "regions.yml", "regions:", "regions:\n  - id: [unclosed")
    with pytest.raises(ContributorError) as failure:
        _load(project_copy, monkeypatch)
    assert "data/regions.yml" in str(failure.value)
