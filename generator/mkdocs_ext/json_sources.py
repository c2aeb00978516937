"""MkDocs reads the files the generator writes as JSON with `json`, not PyYAML.

Each generated mkdocs.yml, and each page's front matter, is JSON (which is YAML too: see `render._dump`).
PyYAML builds Python objects from it node by node, in Python: in a warm rebuild of a big site, reading the
configuration and the front matter was a third of MkDocs' time. `json` gives the same objects, except for
numbers with a fraction or an exponent (PyYAML reads '1e-05' as a string), so a text with any of those,
or anything else that is not a JSON object, is left to PyYAML as before. A configuration's INHERIT is
merged as MkDocs merges it.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any

import mergedeep
from mkdocs.config import defaults
from mkdocs.utils import meta
from mkdocs.utils import yaml as mkdocs_yaml

_get_data = meta.get_data  # MkDocs' own (this module is imported before the seam replaces them)
_yaml_load = defaults.yaml_load


class _NotPlainJSON(ValueError):
    pass


def _object(text: str) -> dict[str, Any] | None:
    """text as a JSON object, or None when PyYAML might read it otherwise."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        found = json.loads(text, parse_float=_refuse, parse_constant=_refuse)
    except ValueError:  # not JSON, or a number PyYAML reads otherwise
        return None
    return found if isinstance(found, dict) else None


def _refuse(text: str):
    raise _NotPlainJSON(text)


def read_front_matter(doc: str) -> tuple[str, dict[str, Any]]:
    if (match := meta.YAML_RE.match(doc)) and (data := _object(match.group(1))) is not None:
        return doc[match.end():].lstrip("\n"), data
    return _get_data(doc)


def read_config(source: IO | str, loader=None) -> dict[str, Any]:
    if isinstance(source, str) or not hasattr(source, "read") or not hasattr(source, "name"):
        return _yaml_load(source, loader)
    start = source.tell()
    text = source.read()
    result = _object(text.decode("utf-8") if isinstance(text, bytes) else text)
    if result is None:
        source.seek(start)
        return _yaml_load(source, loader)
    if "INHERIT" in result:  # as mkdocs.utils.yaml.yaml_load does it
        path = os.path.normpath(os.path.join(os.path.dirname(source.name), result.pop("INHERIT")))
        if not os.path.exists(path):
            source.seek(start)
            return _yaml_load(source, loader)  # which reports it as MkDocs does
        with open(path, "rb") as parent:
            result = mergedeep.merge(mkdocs_yaml.yaml_load(parent, loader), result)
    return result
