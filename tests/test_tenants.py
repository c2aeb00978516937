"""Tenants: one generator, more than one fostering service.

Foster Wales is the default tenant (the repository's data/ and content/); Fostering Rotherham lives in
tenants/rotherham/: one English site, no regions. Both build and pass the quality gates; Rotherham's output has
no Welsh and no trace of Foster Wales; Foster Wales' output does not depend on the other tenant being there;
and nothing in the generator or the shared templates names Wales, its languages, bodies, places or domains.
"""

from __future__ import annotations

import ast
import filecmp
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import pipeline
from generator.checks.gates import NAMES, report, run_gates
from generator.model.loader import load_project
from generator.model.schema import language_name
from generator.model.tenant import tenant_root
from tests.conftest import ROOT, Built, copy_project, parse, run_generator

ROTHERHAM = tenant_root(ROOT, "rotherham")


@pytest.fixture(scope="module")
def rotherham(tmp_path_factory) -> Built:
    output = tmp_path_factory.mktemp("rotherham") / "site"
    return Built(pipeline.build(ROTHERHAM, output), output)


# --- Nothing Wales-specific in the generator or the shared templates -------------------------------------------


def wales_specific_names() -> set[str]:
    """What only Foster Wales' data may say: its brand and site names, its regions and councils, the bodies its
    sources come from, its domains, and the names of its languages (other than English, which the other tenant
    shares)."""
    project = load_project(ROOT)
    config = project.config
    names = {"Wales", "Welsh", "Cymru", "Cymraeg"}
    texts = [config.brand, *(r.name for r in project.regions)]
    texts += [text for a in project.authorities for text in (a.name, a.council)]
    for text in texts:
        names.update(value for key, value in text.root.items() if isinstance(value, str))
    names.update(config.local_site_name.get(lang).replace("{authority}", "").strip() for lang in project.languages)
    names.update(source.publisher for source in project.sources.values())
    for language in config.languages:
        host = urlsplit(language.base_url).hostname
        names.update({host, host.removeprefix("www.")})
        if language.code != "en":
            names.update({language.name, language_name(language.code)})
    return {name for name in names if name}


def _python_code(path: Path) -> list[str]:
    """A module's identifiers and string constants: what it does, not what its comments and docstrings say."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append(node.value)
        elif isinstance(node, ast.Name):
            found.append(node.id)
        elif isinstance(node, ast.Attribute):
            found.append(node.attr)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            found.append(node.name)
    return found


_COMMENTS = {".html": r"\{#.*?#\}|<!--.*?-->", ".css": r"/\*.*?\*/", ".js": r"/\*.*?\*/|(?<![:\"'])//[^\n]*",
             ".yml": r"(?m)#[^\n]*$"}


def shared_code() -> dict[str, list[str]]:
    """Every file of the generator and the shared templates, without comments."""
    files = sorted((ROOT / "generator").rglob("*.py")) + [ROOT / "mkdocs.yml"]
    files += sorted(p for p in (ROOT / "site_src" / "overrides").rglob("*") if p.suffix in _COMMENTS)
    code = {}
    for path in files:
        if path.suffix == ".py":
            code[path.relative_to(ROOT).as_posix()] = _python_code(path)
        else:
            text = re.sub(_COMMENTS[path.suffix], "", path.read_text(encoding="utf-8"), flags=re.S)
            code[path.relative_to(ROOT).as_posix()] = [text]
    return code


def test_nothing_wales_specific_is_hard_coded_in_the_generator_or_shared_templates():
    names = wales_specific_names()
    assert {"Maethu Cymru", "Gwent", "Cyngor Sir Ynys Môn", "Welsh Government", "maethucymru.llyw.cymru"} <= names
    patterns = {name: re.compile(rf"(?<![a-z]){re.escape(name.casefold())}(?![a-z])") for name in names}
    found = [f"{file}: {name!r} in {piece[:80]!r}" for file, pieces in shared_code().items() for piece in pieces
             for name, pattern in patterns.items() if pattern.search(piece.casefold())]
    assert not found, "\n".join(found)


def test_the_scan_finds_a_hard_coded_name(tmp_path):
    """The scan above can fail: the same reading finds a region's name written into code."""
    module = tmp_path / "example.py"
    module.write_text('"""Docstrings may mention Gwent."""\n# so may comments: Cymru\nREGION = "Gwent"\n')
    assert _python_code(module) == ["REGION", "Gwent"]


# --- Rotherham: English only, one site, its own brand ----------------------------------------------------------


def test_rotherham_is_one_english_site(rotherham: Built):
    project = rotherham.project
    assert project.languages == ["en"] and [site.id for site in project.sites] == ["main"]
    assert sorted(p.name for p in rotherham.output.iterdir()) == ["en"], "no Welsh tree"
    pages = rotherham.page_files("en")
    ids = [page.id for page in project.site_pages(project.site("main"))]
    assert ids[:6] == ["home", "why-foster-with-rotherham", "our-offer-and-money", "support-for-foster-carers",
                       "our-plan-aims-and-progress", "contact"]
    assert len(pages) == len(ids)
    for path in pages:
        soup = parse(path)
        assert soup.html["lang"] == "en"
        assert not soup.select(".fw-language-switch, .md-select"), f"{path}: a language switch"
        assert not soup.select("link[hreflang]"), f"{path}: hreflang alternates"
        assert soup.select_one("link[rel=canonical]")["href"].startswith("https://www.rotherham.gov.uk/fostering/")
    sitemap = (rotherham.output / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len(ids) and "hreflang" not in sitemap


def test_rotherham_output_never_mentions_foster_wales_or_welsh(rotherham: Built):
    names = wales_specific_names()
    patterns = [re.compile(rf"(?<![a-z]){re.escape(name.casefold())}(?![a-z])") for name in names]
    for path in rotherham.output.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js", ".css"}:
            text = path.read_text(encoding="utf-8").casefold()
            assert not [p.pattern for p in patterns if p.search(text)], path


def test_rotherham_has_its_brand_and_handbook(rotherham: Built):
    project = rotherham.project
    home = parse(rotherham.output / "en" / "index.html")
    assert home.title.get_text().endswith("Fostering Rotherham")
    colours = project.config.theme.colours
    assert f"--md-primary-fg-color:{colours.primary}" in home.find("style").get_text()
    assert home.select_one(".md-logo .fw-logo-text").get_text(strip=True) == project.config.theme.logo_text.get("en")
    contents = parse(rotherham.output / "en" / "handbook" / "index.html")
    rows = contents.select("article table tbody tr")
    assert len(rows) == len(project.handbook.chapters)
    printed = parse(rotherham.output / "en" / "handbook" / "print" / "index.html")
    assert len(printed.select(".fw-print-chapter")) == len(project.handbook.chapters)
    assert "Fostering Rotherham" in printed.select_one(".fw-print-cover").get_text()


def test_rotherham_figures_carry_their_source_and_unknowns_are_marked(rotherham: Built):
    project = rotherham.project
    offer = next(p for p in project.site_pages(project.site("main")) if p.id == "our-offer-and-money")
    article = parse(rotherham.output / "en" / offer.slug("en") / "index.html").select_one("article")
    figures = article.select("[data-source]")
    assert figures and {f["data-source"] for f in figures} == {"rotherham-fostering-plan"}
    shown = {f.get_text(strip=True) for f in figures}
    known = {name: fact.value.get("en") for name, fact in project.config.facts.items() if fact.known}
    assert any("£" in value for value in known.values() if value in shown), shown
    assert article.select('[data-unconfirmed="true"]'), "the amounts the plan does not give are to be confirmed"


def test_rotherham_builds_from_the_command_line_into_site(tmp_path):
    """`make site TENANT=rotherham` runs this: the tenant's pages go into the repository's site/."""
    root = copy_project(tmp_path)
    copy_tenant(root)
    result = run_generator(root, "--tenant", "rotherham", "build")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "en" / "handbook" / "index.html").exists() and not (root / "site" / "cy").exists()
    assert not (root / ".build").exists(), "each tenant has its own working folder"
    missing = run_generator(root, "--tenant", "nowhere", "build")
    assert missing.returncode == 1 and "There is no tenant 'nowhere'" in missing.stderr
    assert "rotherham" in missing.stderr


def copy_tenant(root: Path) -> Path:
    target = root / "tenants" / "rotherham"
    shutil.copytree(ROTHERHAM, target, ignore=shutil.ignore_patterns(".build"))
    return target


@pytest.mark.parametrize("name", NAMES)
def test_rotherham_passes_every_quality_gate(rotherham: Built, name):
    results = run_gates(rotherham.project, rotherham.output, names=[name])
    assert results and all(result.passed for result in results), report(results)


# --- Foster Wales does not depend on the other tenant ------------------------------------------------------------


def test_foster_wales_output_is_the_same_without_the_other_tenant(built: Built, tmp_path):
    root = copy_project(tmp_path)  # the data, content and theme: no tenants/
    assert not (root / "tenants").exists()
    alone = root / "site"
    pipeline.build(root, alone)
    comparison = filecmp.dircmp(built.output, alone)
    differences = _differences(comparison)
    assert not differences, differences[:10]


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found += [f"{comparison.left}/{name}" for name in mismatch + errors]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found
