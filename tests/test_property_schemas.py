"""Issue 28: property-based test (hypothesis) over the data and front-matter schemas. A value anywhere in a real
data file, or a front-matter field of a real page, is replaced by an arbitrary one (any YAML scalar, list or
group; text with control characters; .inf; true...): the result is accepted or refused with problems naming the
file, never any other exception (an internal error). Bounded: few examples, no deadline, a few seconds."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model.content import ChapterMeta, FrontMatter, _front_matter
from generator.model.errors import ContributorError
from generator.model.loader import DATA_FILES, _declared_languages
from generator.model.validation import validate_document
from generator.model.yaml_source import parse_yaml
from tests.conftest import ROOT

SCALARS = (st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats() | st.dates()
           | st.text(max_size=12) | st.sampled_from(["en", "cy", "2026-02-30", "{x", "javascript:x", "yes", ".inf"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEXTS = {name: (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8") for name in DATA_FILES}
CONTEXT = {"languages": _declared_languages(parse_yaml(TEXTS["site"], "data/site.yml"))}
PAGES = {"content/en/main/who-can-foster.md": FrontMatter, "content/en/handbook/health.md": ChapterMeta}


def _paths(value, path=()):
    """Every place in a parsed document a value can be replaced."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _replace(data, path, new):
    if not path:
        return new
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replace(data[path[0]], path[1:], new)
    return copy


def _refused_or_accepted(text: str, file: str, validate) -> None:
    try:
        validate(parse_yaml(text, file))
    except ContributorError as error:
        assert error.problems and all(problem.file == file for problem in error.problems)
        for problem in error.problems:
            assert "Traceback" not in problem.message


@SETTINGS
@given(st.sampled_from(sorted(DATA_FILES)), st.data())
def test_any_value_in_a_data_file_is_accepted_or_named(name, data):
    file = f"data/{name}.yml"
    original = yaml.safe_load(TEXTS[name])
    paths = list(_paths(original))
    path = paths[data.draw(st.integers(0, len(paths) - 1), label="place")]
    changed = _replace(original, path, data.draw(VALUES, label="value"))
    text = yaml.safe_dump(changed, allow_unicode=True)
    _refused_or_accepted(text, file, lambda doc: validate_document(doc, DATA_FILES[name], CONTEXT))


@SETTINGS
@given(st.sampled_from(sorted(PAGES)), st.text(max_size=10), VALUES)
def test_any_front_matter_field_is_accepted_or_named(file, field, value):
    text = (ROOT / file).read_text(encoding="utf-8").split("---\n")[1]
    meta = yaml.safe_load(text)
    meta[field or "title"] = value
    front = yaml.safe_dump(meta, allow_unicode=True)
    schema = PAGES[file]
    try:
        _front_matter(front, file, schema)
    except ContributorError as error:
        assert error.problems and all(problem.file == file for problem in error.problems)


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_as_yaml_is_read_or_named(text):
    _refused_or_accepted(text, "data/regions.yml", lambda doc: validate_document(doc, DATA_FILES["regions"], CONTEXT))
