"""Errors a contributor can cause, told in plain English with the file, line and field to edit."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Problem:
    """One thing a contributor must fix."""

    file: str  # path relative to the project root, as the contributor sees it
    message: str  # what is wrong, in plain English
    line: int | None = None
    field: str | None = None
    fix: str | None = None  # what to do about it

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        text = f"{where}:\n    {self.message}"
        if self.fix:
            text += f"\n    How to fix: {self.fix}"
        return text


class ContributorError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def report(self, folder: str = "") -> str:
        """The problems, their files named from folder (a tenant's, e.g. 'tenants/rotherham/')."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n\n".join(str(p) for p in in_folder(self.problems, folder))
        return f"The site was not built: {count} {noun} to fix.\n\n{body}\n"


def warnings_report(problems: list[Problem], folder: str = "") -> str:
    """Problems that do not stop a normal build, but that a release build refuses."""
    count = len(problems)
    body = "\n\n".join(str(problem) for problem in in_folder(problems, folder))
    return (f"\n{count} warning{'s' if count != 1 else ''} (this build went ahead; a release build refuses "
            f"{'them' if count != 1 else 'it'}):\n\n{body}\n")


def in_folder(problems: list[Problem], folder: str) -> list[Problem]:
    """Problems with their files named from the folder a contributor works in (files are relative to the
    tenant's folder; setup problems, in parentheses, name no file)."""
    if not folder:
        return problems
    return [problem if problem.file.startswith("(") else replace(problem, file=folder + problem.file)
            for problem in problems]


class ProblemCollector:
    """Gathers problems during a stage, then raises them together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContributorError(self.problems)


@dataclass
class Findings:
    """What a check found: errors stop the build (or fail a gate); warnings are shown and the build goes on."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem, error: bool) -> None:
        (self.errors if error else self.warnings).append(problem)

    def extend(self, other: Findings) -> None:
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
