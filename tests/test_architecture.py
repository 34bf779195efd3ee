"""The package's shape: its import graph has no cycle, rendering never plans, no module is too long,
and no module shares a name with the standard library's (Python puts a hook's folder on sys.path)."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 400  # a module past this wants splitting along its seams


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules one module imports, anywhere in it (TYPE_CHECKING and function bodies too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)  # `from generator.check import rules`
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    known = set(modules())
    return {name: imports_of(path, known) - {name} for name, path in modules().items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk, each as the list of modules round it."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the walk's path, 2 done

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for child in sorted(graph[node]):
            if state.get(child) == 1:
                found.append([*path[path.index(child) :], child])
            elif not state.get(child):
                walk(child, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            walk(node, [])
    return found


def reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for child in graph[todo.pop()] - seen:
            seen.add(child)
            todo.append(child)
    return seen


def test_the_package_imports_have_no_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in found)


def test_a_cycle_in_the_import_graph_is_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_rendering_never_imports_the_planner() -> None:
    graph = import_graph()
    for name in graph:
        if name.startswith("generator.render"):
            assert "generator.weeks.planner" not in reaches(graph, name), f"{name} reaches the planner: rendering receives the planned weeks"


def test_the_rules_share_a_context_that_imports_no_rule() -> None:
    graph = import_graph()
    rule_modules = {"generator.check.rules", "generator.check.plan_rules", "generator.check.wording", "generator.check.page_links", "generator.check.registry"}
    assert not reaches(graph, "generator.check.context") & rule_modules
    importers = {name for name, imported in graph.items() if "generator.check.registry" in imported}
    assert importers <= {"generator.check.validate"}, f"only the check stage imports the registry, not {sorted(importers)}"


def test_the_pipeline_runs_the_stages_in_order() -> None:
    source = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    body = source[source.index("def generate(") :]
    calls = [body.index(call) for call in ("load(root, ", "link(library)", "plan_weeks(library)", "render_site(", "write_tree(")]
    assert calls == sorted(calls), "load -> link -> plan -> render -> write"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_is_longer_than_about_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines; split it along its seams"


def test_no_module_or_folder_shares_a_name_with_the_standard_library() -> None:
    # MkDocs puts the folder of a hook (generator/serve_hook.py) on sys.path, Python the folder of a
    # script it runs (benchmarks/, scripts/) and pytest the repository: so no module or folder anywhere
    # in the repository may shadow a standard module (issue 25: generator/calendar.py broke Python 3.13).
    names: set[str] = set()
    for folder, subfolders, files in os.walk(REPO):  # symlinks (.venv, .tools) not followed
        subfolders[:] = [name for name in subfolders if not name.startswith(".") and name not in {"build", "site", "node_modules", "__pycache__"}]
        names |= set(subfolders) | {name.removesuffix(".py") for name in files if name.endswith(".py")}
    clashes = sorted(name for name in names if name in sys.stdlib_module_names)
    assert not clashes, f"these shadow standard modules when their folder is on sys.path: {clashes}"
