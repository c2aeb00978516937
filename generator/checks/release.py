"""A release build publishes nothing unconfirmed and nothing awaiting translation."""

from __future__ import annotations

from ..data_schema import Sourced, Text
from ..errors import Problem
from ..model import Project, walk
from ..yaml_source import field_name


def check_release(project: Project) -> list[Problem]:
    from . import check_warnings  # everything a normal build only warns about

    problems = check_warnings(project)
    for model, doc in project.data.values():
        for path, item in walk(model):
            if isinstance(item, Sourced) and item.unconfirmed:
                problems.append(Problem(doc.file, "This fact is marked unconfirmed; a release cannot publish it.",
                                        doc.line_of(path), field_name(path),
                                        "Confirm it and give its value, source and as_of."))
            elif isinstance(item, Text) and item.awaiting_translation:
                problems.append(Problem(doc.file, "This text is awaiting translation; a release cannot publish it.",
                                        doc.line_of(path), field_name(path),
                                        "Add the missing translation and remove 'awaiting_translation'."))
    return problems
