"""A contributor's pull request on GitHub (issue 29): the workflows are valid and run what `make pr-check` runs;
under GitHub Actions a mistake is printed as an annotation on its file and line; the job summary lists the
changed pages with their places in the preview and their translation state; "Edit this page" leads to the
page's own file in content/ when the tenant names its repository.

All cheap: `generator check` and `generator changes` validate in memory without building; the one build is of
the small English-only tenant.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Built, append, copy_project, edit, line_of, parse, run_generator

WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "https://github.com/example-council/fostering-site"


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is in requirements-test.txt: run `make .venv/.test-installed`"
    return found


# --- The workflows ------------------------------------------------------------------------------------------


def test_workflows_are_clean_by_actionlint(tmp_path):
    result = subprocess.run([actionlint(), "-no-color", *sorted(map(str, WORKFLOWS.glob("*.yml")))],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # ...and actionlint does find a mistake in one (an unknown expression context), so the pass above means something.
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
                      .replace("${{ github.base_ref }}", "${{ gihtub.base_ref }}"), encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "gihtub" in result.stdout


def _make_steps(workflow: dict) -> list[str]:
    return [step["run"].removeprefix("make ").strip() for job in workflow["jobs"].values()
            for step in job["steps"] if step.get("run", "").startswith("make ")]


def test_pr_check_runs_the_pull_request_workflows_steps_in_its_order():
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    steps = re.search(r"^PR_STEPS := (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1).split()
    assert _make_steps(workflow) == steps == ["check", "site", "pr-summary", "gates"]
    dry = subprocess.run(["make", "-n", "pr-check"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert dry.returncode == 0 and all(f"make --no-print-directory {step}" in dry.stdout for step in steps)


def test_every_action_is_pinned_to_a_commit():
    files = [*WORKFLOWS.glob("*.yml"), *(ROOT / ".github" / "actions").rglob("action.yml")]
    uses = [line.split("uses:", 1)[1].strip() for path in files
            for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    for use in uses:
        assert use.startswith("./") or re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", use), use


# --- Annotations --------------------------------------------------------------------------------------------


def test_a_mistake_is_annotated_on_its_file_and_line(project_copy, monkeypatch):
    regions = project_copy / "data" / "regions.yml"
    edit(regions, "name: {en: Gwent, cy: Gwent}", "name: {cy: Gwent}")
    line = line_of(regions, "name: {cy: Gwent}")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    plain = run_generator(project_copy, "check")
    assert plain.returncode == 1 and "::error" not in plain.stdout + plain.stderr  # only under GitHub Actions
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("RUNNER_TEMP", raising=False)
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    annotation = next(text for text in result.stdout.splitlines() if text.startswith("::error "))
    assert annotation.startswith(f"::error file=data/regions.yml,line={line},title=Must be fixed%3A field '")
    assert annotation.endswith("::The English (en) text is missing.%0AHow to fix: write the English text as "
                               "'en: ...', or mark it 'awaiting_translation: true' until it is translated "
                               "(a release build refuses that).")
    assert "data/regions.yml, line" in result.stderr  # the plain report as well


# --- The job summary ----------------------------------------------------------------------------------------


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", *args],
                          cwd=folder, capture_output=True, text=True, check=True, timeout=120).stdout


def test_job_summary_lists_the_changed_pages_and_their_translation_state(project_copy, tmp_path, monkeypatch):
    _git(project_copy, "init", "-q", "-b", "main")
    _git(project_copy, "add", "-A")
    _git(project_copy, "commit", "-q", "-m", "base")
    # The English page changes, its Welsh translation does not: the Welsh is now out of date.
    append(project_copy / "content" / "en" / "main" / "about.md", "\nA sentence added in a pull request.\n")
    job_summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(job_summary))
    result = run_generator(project_copy, "changes", "--base", "main", "--preview", "https://example.invalid/zip")
    assert result.returncode == 0, result.stderr
    text = job_summary.read_text(encoding="utf-8")
    assert text == result.stdout
    row = next(line for line in text.splitlines() if line.startswith("| `content/en/main/about.md`"))
    assert "About Foster Wales (English)" in row and "Foster Wales: `en/about/`" in row
    assert ("Welsh (`content/cy/main/amdanom-ni.md`, not changed here): **out of date**: the English page has "
            "changed since it was translated") in row
    assert "Compared with `main`: 1 changed file." in text
    assert "[download the built sites](https://example.invalid/zip)" in text

    # Both changed: the Welsh is listed too, translating the English page that changed with it.
    append(project_copy / "content" / "cy" / "main" / "amdanom-ni.md", "\nBrawddeg newydd.\n")
    result = run_generator(project_copy, "changes", "--base", "main")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| `content/cy/main/amdanom-ni.md`"))
    assert "(Welsh)" in row and "`cy/amdanom-ni/`" in row
    assert "translates `content/en/main/about.md` (also changed here): **out of date**" in row


# --- Edit this page -----------------------------------------------------------------------------------------


def test_no_edit_button_when_the_tenant_names_no_repository(built: Built):
    page = parse(built.output / "en" / "about" / "index.html")
    assert "repository" not in (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    assert page.select("main .md-content") and not page.select('a[rel="edit"]')


@pytest.mark.parametrize("bad", [f"{REPOSITORY}.git", f"{REPOSITORY}/", "github.com/example/site"])
def test_a_repository_address_must_be_a_web_address(project_copy, bad):
    append(project_copy / "data" / "site.yml", f"repository:\n  url: {bad}\n")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1 and "is not a repository's web address" in result.stderr


def test_edit_this_page_opens_the_pages_own_source_file(tmp_path):
    """Built for the small English-only tenant: its pages' edit buttons open their files in content/, named
    from the repository's root (tenants/rotherham/content/...), on the branch the data names."""
    root = copy_project(tmp_path)
    tenant = root / "tenants" / "rotherham"
    shutil.copytree(ROOT / "tenants" / "rotherham", tenant, ignore=shutil.ignore_patterns(".build"))
    append(tenant / "data" / "site.yml", f"repository:\n  url: {REPOSITORY}\n  branch: live\n")
    result = run_generator(root, "--tenant", "rotherham", "build")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    pages = [path for path in site.rglob("index.html") if path.parent != site]
    assert pages
    for path in pages:
        buttons = parse(path).select('a.md-content__button[rel="edit"]')
        assert len(buttons) == 1, path
        href = buttons[0]["href"]
        assert href.startswith(f"{REPOSITORY}/edit/live/tenants/rotherham/"), href
        source = href.removeprefix(f"{REPOSITORY}/edit/live/")
        assert (root / source).is_file(), f"{path} leads to {source}, which is not a file"
        assert "/content/" in source or source.endswith("data/handbook.yml"), source
    home = parse(site / "en" / "index.html").select_one('a[rel="edit"]')["href"]
    assert home == f"{REPOSITORY}/edit/live/tenants/rotherham/content/en/main/index.md"
