"""Every change to MkDocs' or Material's behaviour is in the seam's register, checked against the installed
originals, installed and removed as a whole (generator/mkdocs_ext/seam.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.build import workers
from generator.mkdocs_ext import seam

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
THEIRS = ("mkdocs", "material", "jinja2", "markdown", "pymdownx")


@pytest.fixture
def unchecked(monkeypatch):
    monkeypatch.setattr(seam, "_checked", False)


def test_every_registered_original_is_the_one_our_version_was_written_against(unchecked):
    seam.check()
    assert {change.original for change in seam.REGISTER} == set(seam.DIGESTS)


def test_a_changed_original_is_refused_naming_what_to_re_sync(unchecked, monkeypatch):
    monkeypatch.setitem(seam.DIGESTS, "mkdocs.structure.pages:Page.render", "0" * 32)
    monkeypatch.setitem(seam.DIGESTS, "material:templates/partials/nav.html", "0" * 32)
    with pytest.raises(seam.MkDocsChanged) as refused:
        seam.check()
    message = str(refused.value)
    assert "mkdocs 1.6.1" in message and "mkdocs-material 9.8.1" in message
    assert ("mkdocs.structure.pages:Page.render: re-sync generator/mkdocs_ext/markdown_instances.py" in message)
    assert "material:templates/partials/nav.html: re-sync generator/mkdocs_ext/theme/partials/nav.html" in message
    assert message.count("re-sync") == 2


def test_a_refusal_stops_a_build_with_its_message_and_publishes_nothing(project_copy, tmp_path, monkeypatch,
                                                                          capsys):
    """The check runs in the workers (forked from here, with the changed digest); the command line prints its
    message, not a traceback, and exits 2."""
    from generator import cli

    monkeypatch.setattr(seam, "_checked", False)
    monkeypatch.setitem(seam.DIGESTS, "mkdocs.utils:write_file", "0" * 32)
    output = tmp_path / "site"
    assert cli.main(["--root", str(project_copy), "build", "--output", str(output)]) == 2
    error = capsys.readouterr().err
    assert "mkdocs.utils:write_file: re-sync generator/mkdocs_ext/template_memo.py" in error
    assert "Traceback" not in error and "Internal error" not in error
    assert not output.exists()


def test_installing_and_removing_puts_every_original_back(unchecked):
    replaced = [change for change in seam.REGISTER if isinstance(change, seam.Replace) and change.when == "build"]
    seam.install()
    try:
        for change in replaced:
            assert seam._resolve(change.original) is seam._resolve(change.replacement), change.original
    finally:
        originals = {change.original: seam.original(change.original) for change in replaced}
        seam.remove()
    assert not seam.installed()
    for change in replaced:
        assert seam._resolve(change.original) is originals[change.original], change.original
    seam.install()  # as the rest of the session's builds in this process had it


def test_on_the_plain_route_a_worker_leaves_mkdocs_and_material_as_they_are(monkeypatch):
    """Even in a process where the seam was installed before (a worker forked from it inherits it)."""
    seam.install()
    monkeypatch.setenv(seam.PLAIN_SWITCH, "1")
    workers._ready()
    try:
        assert not seam.installed()
        for change in seam.REGISTER:
            if isinstance(change, seam.Replace):
                assert seam._resolve(change.original) is not seam._resolve(change.replacement), change.original
    finally:
        monkeypatch.delenv(seam.PLAIN_SWITCH)
        seam.install()


def _imported_from_theirs(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            for alias in node.names:
                root = (module or alias.name).split(".")[0]
                if root in THEIRS:
                    names.add(alias.asname or alias.name.split(".")[0])
    return names


def test_nothing_outside_the_seam_assigns_to_mkdocs_or_material():
    """No module but seam.py sets an attribute of a module or class it imported from MkDocs, Material, Jinja
    or Markdown (per-build changes to a theme or an environment are made on those objects, not on MkDocs)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "seam.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        theirs = _imported_from_theirs(tree)
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, ast.AugAssign | ast.AnnAssign) else []
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
                targets = [node.args[0]]
            for target in targets:
                while isinstance(target, ast.Attribute):
                    target = target.value
                    if isinstance(target, ast.Name) and target.id in theirs:
                        found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert found == []
