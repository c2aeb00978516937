"""Validates parsed YAML against a pydantic schema and explains failures in plain English."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.model.errors import ContributorError, Problem
from generator.model.yaml_source import YamlDocument, field_name

Model = TypeVar("Model", bound=BaseModel)

# What each kind of value looks like, for "Expected ..." messages.
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "decimal_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date written as YYYY-MM-DD, for example 2026-11-23",
    "date_parsing": "a date written as YYYY-MM-DD, for example 2026-11-23",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD, for example 2026-11-23",
    "datetime_type": "a date and time written as YYYY-MM-DDTHH:MM, for example 2027-01-14T18:30",
    "datetime_parsing": "a date and time written as YYYY-MM-DDTHH:MM, for example 2027-01-14T18:30",
    "datetime_from_date_parsing": "a date and time written as YYYY-MM-DDTHH:MM, for example 2027-01-14T18:30",
    "list_type": "a list (each item on its own line starting with '- ')",
    "dict_type": "a group of 'name: value' lines, indented under this one",
    "model_type": "a group of 'name: value' lines, indented under this one",
    "model_attributes_type": "a group of 'name: value' lines, indented under this one",
}


def validate_document(doc: YamlDocument, model: type[Model], context: dict[str, Any]) -> Model:
    """Validate doc.data as model; on failure raise ContributorError with one problem per mistake."""
    try:
        return model.model_validate(doc.data, context=context, strict=False)
    except ValidationError as error:
        errors = _drop_missing_explained_by_misspelling(error.errors(), model)
        raise ContributorError([_explain(doc, model, e) for e in errors]) from None


def _drop_missing_explained_by_misspelling(errors: list, model: type[BaseModel]) -> list:
    """'regon' given and 'region' missing is one mistake: keep the message about the misspelling."""
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            for guess in _close(loc[-1], _allowed_fields(model, loc[:-1])):
                suggested.add(loc[:-1] + (guess,))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in suggested)]


def _close(name: object, allowed: list[str]) -> list[str]:
    return difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.75)


def _explain(doc: YamlDocument, model: type[BaseModel], error: Any) -> Problem:
    loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
    kind = error["type"]
    line = doc.line_of(loc)
    where = field_name(loc) or None
    found = error.get("input")
    if kind == "missing":
        return Problem(doc.file, f"The field '{loc[-1]}' is required but missing.", line, where,
                       f"Add '{loc[-1]}:' with a value here.")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        fix = "Check the spelling, or remove it."
        guess = _close(loc[-1], allowed)
        if guess:
            fix = f"Did you mean '{guess[0]}'? Correct the spelling, or remove it."
        if allowed:
            fix += " Fields allowed here: " + ", ".join(allowed) + "."
        return Problem(doc.file, f"'{loc[-1]}' is not a field this file can have here.", line, where, fix)
    if kind in _EXPECTED:
        return Problem(doc.file, f"Expected {_EXPECTED[kind]}, but found {_show(found)}.", line, where)
    if kind == "literal_error":
        return Problem(doc.file, f"{_show(found)} is not one of the allowed values.", line, where,
                       f"Use one of: {error['ctx']['expected']}.")
    if kind == "string_pattern_mismatch":
        return Problem(doc.file, f"{_show(found)} is not written the way this field needs.", line, where,
                       _PATTERN_HELP.get(error["ctx"]["pattern"], f"It must match {error['ctx']['pattern']}."))
    if kind == "finite_number":
        return Problem(doc.file, f"Expected a number, but found {_show(found)}.", line, where,
                       "Write the number itself (.inf and .nan are not numbers a page can show).")
    if kind in _BOUNDS:
        limit = next(iter(error["ctx"].values()))
        return Problem(doc.file, f"Expected a number {_BOUNDS[kind]} {limit}, but found {_show(found)}.", line,
                       where)
    if kind == "string_too_short":
        return Problem(doc.file, "This text is empty.", line, where, "Write the text, or remove the field.")
    if kind == "value_error":
        # Our own validators raise ValueError("message. How to fix: ...").
        message = str(error["ctx"]["error"])
        text, _, fix = message.partition(" How to fix: ")
        return Problem(doc.file, text, line, where, fix or None)
    return Problem(doc.file, f"{error['msg']} (found {_show(found)}).", line, where)


_BOUNDS = {"greater_than_equal": "of at least", "greater_than": "above", "less_than_equal": "of at most",
           "less_than": "below"}
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_PATTERN_HELP = {
    SLUG_PATTERN: "Use lowercase letters a-z, digits and single hyphens, with no accents or spaces "
    "(for example 'cote-d-ivoire' for Côte d'Ivoire).",
    r"^[a-p]{8}$": "Use the 8 letters the translation status report gives for the page it translates "
    "(`make translations`).",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "Write a year, a month or a day: 2021, 2021-07 or 2021-07-15.",
    r"^https?://[^\s/]+\S*$": "Write the full web address, starting with https://.",
    r"^[a-z]{2,3}$": "Write a language code, like 'en' or 'cy'.",
}


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value) if isinstance(value, str) else f"'{value}'"


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the chosen union member's name in loc (e.g. 'function-after[...]'); people never see it.
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "bool", "float"})


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the schema object found by walking loc from model (empty if unknown)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            args = typing.get_args(current)
            current = args[-1] if args else None
            continue
        info = current.model_fields.get(part)
        current = info.annotation if info else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Optional[X] / X | None -> X."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation
