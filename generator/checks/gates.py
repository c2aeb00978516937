"""The quality gates a pull request must pass, run over the data, the content and a built tree (`make gates`).

Each gate is one module of generator/checks; this only runs them in order and writes one report. A gate
returns errors (the gate fails) and warnings (shown; a release build turns them into errors). A tool a gate
needs that is not installed fails that gate with a setup problem, never silently.

The cheap gates (links, content, safety) also run in every build, before anything is published; translations
and freshness are reported by every build as warnings. Spelling, HTML validity and accessibility need outside
tools (hunspell, Java, Chromium) and run here only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.checks.accessibility import check_accessibility
from generator.checks.alternates import check_alternates
from generator.checks.facts import read_tree
from generator.checks.figures import check_figures
from generator.checks.freshness import check_freshness
from generator.checks.glossary import check_glossary
from generator.checks.handbook_reviews import check_reviews
from generator.checks.html_validity import check_html
from generator.checks.language import check_language
from generator.checks.links import check_links
from generator.checks.safety import check_output_safety, check_raw_html
from generator.checks.spelling import check_spelling
from generator.checks.tools import MissingTool
from generator.checks.translation_status import check_translations
from generator.model.errors import Findings, Problem, in_folder
from generator.model.project import Project


@dataclass(frozen=True)
class Gate:
    name: str
    title: str
    run: Callable[[Project, Path, bool], Findings]  # (project, built tree, release)


def _content(project: Project, tree: Path, facts) -> list[Problem]:
    return (check_figures(project, tree, facts) + check_language(project, tree, facts)
            + check_glossary(project, tree, facts))


def _links(project: Project, tree: Path, facts) -> list[Problem]:
    return check_links(project, tree, facts) + check_alternates(project, tree, facts)


def _fresh(project: Project, release: bool) -> Findings:
    findings = check_freshness(project, release)
    findings.extend(check_reviews(project, release))
    return findings


def _errors(check: Callable[[Project, Path], list[Problem]]) -> Callable[[Project, Path, bool], Findings]:
    return lambda project, tree, release: Findings(errors=check(project, tree))


GATES = (
    Gate("links", "internal links, anchors, images and assets, the language switch, hreflang pairs",
         _errors(lambda project, tree: _links(project, tree, read_tree(tree)))),
    Gate("content", "figures shown with their source, each page in its own language, the glossary's standard terms",
         _errors(lambda project, tree: _content(project, tree, read_tree(tree)))),
    Gate("translations", "every translation up to date with the page it translates, no text awaiting translation",
         lambda project, tree, release: check_translations(project, release)),
    Gate("freshness", "figures younger than data/checks.yml allows, handbook chapters reviewed on time",
         lambda project, tree, release: _fresh(project, release)),
    Gate("safety", "raw HTML within the allow-list, nothing loaded or run from other websites",
         _errors(lambda project, tree: check_raw_html(project) + check_output_safety(project, tree, read_tree(tree)))),
    Gate("spelling", "spelling in every language (hunspell, with the project's word lists)", _errors(check_spelling)),
    Gate("html", "valid HTML (the Nu HTML Checker)", _errors(check_html)),
    Gate("accessibility", "WCAG 2.2 A and AA (axe-core in Chromium), visible focus, the language switch",
         _errors(check_accessibility)),
)
NAMES = [gate.name for gate in GATES]


@dataclass(frozen=True)
class GateResult:
    gate: Gate
    findings: Findings
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.findings.errors


def run_gates(project: Project, tree: Path, release: bool = False, names: list[str] | None = None) -> list[GateResult]:
    results = []
    for gate in GATES:
        if names and gate.name not in names:
            continue
        started = time.monotonic()
        try:
            findings = gate.run(project, tree, release)
        except MissingTool as missing:
            findings = Findings(errors=[missing.problem])
        findings.errors[:] = list(dict.fromkeys(findings.errors))
        findings.warnings[:] = list(dict.fromkeys(findings.warnings))
        results.append(GateResult(gate, findings, time.monotonic() - started))
    return results


def report(results: list[GateResult], folder: str = "") -> str:
    """The gates' results; files are named from folder (a tenant's, e.g. 'tenants/rotherham/')."""
    lines = ["Quality gates:", ""]
    for result in results:
        errors, warnings = len(result.findings.errors), len(result.findings.warnings)
        state = "passed" if result.passed else f"FAILED ({errors} to fix)"
        extra = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
        lines.append(f"  {result.gate.name:<14} {state}{extra}  ({result.seconds:.0f} s) - {result.gate.title}")
    for result in results:
        if result.findings.errors:
            lines += ["", f"== {result.gate.name}: {len(result.findings.errors)} to fix ==", ""]
            lines += [str(problem) + "\n" for problem in in_folder(result.findings.errors, folder)]
    for result in results:
        if result.findings.warnings:
            lines += ["", f"== {result.gate.name}: {len(result.findings.warnings)} warnings (a release build refuses "
                      "them) ==", ""]
            lines += [str(problem) + "\n" for problem in in_folder(result.findings.warnings, folder)]
    return "\n".join(lines).rstrip() + "\n"
