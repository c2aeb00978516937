"""The package's layout is its architecture: stages import one way only, and no module imports itself back.

Every import in generator/ counts (at the top, inside functions, under TYPE_CHECKING): the stage graph below is
the one docs/architecture.md draws. A new edge means either a misplaced module or a new rule to argue for.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# stage -> the stages it may import (besides itself). `base` is the leaf helpers any stage may use.
ALLOWED = {
    "base": set(),
    "model": {"base"},
    "render": {"model", "base"},
    "mkdocs_ext": {"render", "model", "base"},
    "build": {"mkdocs_ext", "render", "model", "base"},
    "checks": {"render", "model", "base"},
    "pipeline": {"build", "checks", "render", "model", "base"},
    "serve": {"pipeline", "build", "checks", "render", "model", "mkdocs_ext", "base"},
    "cli": {"serve", "pipeline", "build", "checks", "render", "model", "mkdocs_ext", "base"},
    "__main__": {"cli"},
}
BASE = {"generator", "generator.paths", "generator.memo", "generator.trees"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def stage(module: str) -> str:
    if module in BASE:
        return "base"
    return module.split(".")[1]


def imports(module: str) -> set[str]:
    """The generator modules `module` imports, anywhere in its text."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module and name.startswith("generator"):
                found.add(name)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_every_module_is_in_a_stage_with_rules():
    assert {stage(module) for module in MODULES} <= set(ALLOWED)


def test_stages_import_one_way_only():
    wrong = sorted(f"{module} imports {target} ({stage(module)} -> {stage(target)})"
                   for module, targets in GRAPH.items() for target in targets
                   if stage(target) != stage(module) and stage(target) not in ALLOWED[stage(module)])
    assert wrong == []


def test_no_module_imports_itself_back():
    cycles = set()

    def visit(module: str, path: list[str]) -> None:
        for target in GRAPH[module]:
            if target in path:
                cycle = path[path.index(target):]
                start = cycle.index(min(cycle))
                cycles.add(" -> ".join(cycle[start:] + cycle[:start] + [min(cycle)]))
            elif target not in done:
                visit(target, path + [target])
        done.add(module)

    done: set[str] = set()
    for module in sorted(GRAPH):
        if module not in done:
            visit(module, [module])
    assert sorted(cycles) == []


def test_the_checker_sees_edges_inside_functions_and_type_checking_blocks():
    # pipeline/__init__ loads the build run inside a function; workers name the cache entry's type only.
    assert "generator.pipeline.run" in GRAPH["generator.pipeline"]
    assert "generator.build.cache" in GRAPH["generator.build.workers"]
