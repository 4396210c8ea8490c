"""The house's floors: sandbox -> tools -> assistant -> tui. A module imports only from its own floor or below,
and no modules import each other round in a circle, counting the imports made inside functions too (a lazy
import is still an arrow). Read from the source with `ast`; nothing is imported."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"sandbox": 0, "tools": 1, "assistant": 2, "tui": 3}


def _modules() -> dict[str, Path]:
    found = {}
    for top in FLOORS:
        for path in (ROOT / top).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The module (or the package) of ours that `name` imports; None for another project's."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imported(module: str, path: Path, modules: dict[str, Path]) -> set[tuple[str, int]]:
    """(our module it imports, line) for every import statement anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            # `from pkg import sub` imports the submodule when there is one, else a name of pkg
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        found |= {(target, node.lineno) for target in map(lambda n: _known(n, modules), names) if target}
    return found


def _graph() -> dict[str, set[tuple[str, int]]]:
    modules = _modules()
    return {module: _imported(module, path, modules) for module, path in modules.items()}


def _floor(module: str) -> int:
    return FLOORS[module.split(".")[0]]


def _circles(graph: dict[str, set[tuple[str, int]]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted({t for t, _ in graph[start]})))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted({t for t, _ in graph[target]}))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_import_runs_up_a_floor():
    graph = _graph()
    upward = [f"{module} line {line} imports {target}" for module, targets in sorted(graph.items())
              for target, line in sorted(targets) if _floor(target) > _floor(module)]
    assert not upward, "imports up a floor (sandbox -> tools -> assistant -> tui):\n" + "\n".join(upward)


def test_no_import_circle():
    graph = _graph()
    described = []
    for group in _circles(graph):
        arrows = [f"  {m} line {line} -> {t}" for m in group for t, line in sorted(graph[m]) if t in group]
        described.append(" <-> ".join(group) + "\n" + "\n".join(arrows))
    assert not described, ("modules that import each other (move what both need into a module below them, or "
                           "hand it in as an argument):\n" + "\n".join(described))


def test_the_scan_sees_arrows_and_circles():
    """The checks above are only as good as the scan: it must find a known import, a lazy one, and a circle."""
    graph = _graph()
    assert any(t == "tools.parsing.walk" for t, _ in graph["tools.parsing.printer"])  # from .walk import ...
    assert any(t == "assistant.cli_commands" for t, _ in graph["assistant.cli"])  # imported inside a method
    assert _circles({"a": {("b", 1)}, "b": {("c", 1)}, "c": {("a", 1)}, "d": {("a", 1)}}) == [["a", "b", "c"]]
