"""The package layout: no import cycles (imports inside functions included), and each stage
imports only the stages below it.

The graph is read from the source with ``ast``, so an import hidden in a function counts.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "watcher"

# Lowest first. A stage may import itself and the stages listed before it, nothing after.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "progress", "__init__", "data", "states", "timestamps"}),
    frozenset({"config", "lock", "fetch", "formats", "i18n"}),
    frozenset({"store", "law", "places"}),
    frozenset({"ice", "costs", "agendas"}),
    frozenset({"documents", "analyst"}),
    frozenset({"alerts"}),
    frozenset({"sources", "discovery"}),
    frozenset({"runtime", "web", "demo"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)


def module_names() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["watcher", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("watcher"):
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("watcher"):
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in known else base


def import_graph() -> dict[str, set[str]]:
    known = module_names()
    return {
        name: {target for target in imports_of(name, path, known) if target != name}
        for name, path in known.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(stage: str) -> int:
    for number, layer in enumerate(LAYERS):
        if stage in layer:
            return number
    raise AssertionError(f"stage {stage!r} is in no layer of tests/test_layout.py")


def test_no_import_cycle_between_modules() -> None:
    assert cycles(import_graph()) == []


def test_each_stage_imports_only_the_stages_below_it() -> None:
    wrong = []
    for module, targets in import_graph().items():
        for target in targets:
            source, dest = stage_of(module), stage_of(target)
            # A package's __init__ re-exports its own members; the package root only its version.
            if source != dest and layer_of(dest) >= layer_of(source) and dest != "__init__":
                wrong.append(f"{module} -> {target}")
    assert sorted(wrong) == []


@pytest.mark.parametrize(
    "package", sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
)
def test_every_package_says_what_it_owns_and_may_import(package: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
    assert doc, f"watcher.{package} has no docstring"
    assert "import" in doc, f"watcher.{package}'s docstring does not say what it may import"


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
