"""The quality gates' settings, data/checks.yml: its schema and loading (line-numbered errors like any data file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, PositiveInt

from generator.model.errors import ContributorError, Problem
from generator.model.schema import Strict, refuse_true_or_false
from generator.model.source_text import read_source
from generator.model.validation import validate_document
from generator.model.yaml_source import parse_yaml

CONFIG_FILE = "data/checks.yml"


Months = Annotated[PositiveInt, BeforeValidator(refuse_true_or_false)]


class Freshness(Strict):
    figure_max_age_months: Months
    by_file: dict[str, Months] = Field(default_factory=dict)


class ChecksFile(Strict):
    freshness: Freshness


def load_checks_config(root: Path, data_files: list[str]) -> ChecksFile:
    """Read data/checks.yml; data_files are the names by_file may use."""
    path = root / CONFIG_FILE
    if not path.exists():
        raise ContributorError([Problem(CONFIG_FILE, "The quality gates' settings file is missing.",
                                        fix="Restore it from the repository (git checkout -- data/checks.yml).")])
    doc = parse_yaml(read_source(path, CONFIG_FILE), CONFIG_FILE)
    config = validate_document(doc, ChecksFile, {})
    problems = [Problem(CONFIG_FILE, f"'{name}' is not a data file.", doc.line_of(("freshness", "by_file", name)),
                        f"freshness.by_file.{name}", "Use the name of a file in data/ without .yml: "
                        + ", ".join(data_files) + ".")
                for name in config.freshness.by_file if name not in data_files]
    if problems:
        raise ContributorError(problems)
    return config
