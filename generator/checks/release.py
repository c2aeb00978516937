"""A release build publishes nothing unconfirmed. (Nothing awaiting translation or out of date either: that is
translation_status, which warns in a normal build and refuses in a release build.)"""

from __future__ import annotations

from generator.model.errors import Problem
from generator.model.project import Project, walk
from generator.model.schema import Sourced
from generator.model.yaml_source import field_name


def check_release(project: Project) -> list[Problem]:
    problems = []
    for model, doc in project.data.values():
        for path, item in walk(model):
            if isinstance(item, Sourced) and item.unconfirmed:
                problems.append(Problem(doc.file, "This fact is marked unconfirmed; a release cannot publish it.",
                                        doc.line_of(path), field_name(path),
                                        "Confirm it and give its value, source and as_of."))
    return problems
