"""One registry of tools, from which the router, the planner prompt and the grammar are built.

Tools are registered by import path so that listing them imports nothing heavy: SymPy loads only
when the symbolic tool is first run.
"""
from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass

from .base import DEFAULT_TIMEOUT, Tool, ToolResult


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    target: str  # "package.module:attribute" of an object with the Tool protocol


_SPECS: dict[str, ToolSpec] = {}
_LOADED: dict[str, Tool] = {}
_LOCK = threading.Lock()  # guards the two dicts only; never held while a tool module imports


def register(name: str, description: str, target: str) -> None:
    with _LOCK:
        _SPECS[name] = ToolSpec(name, description, target)
        _LOADED.pop(name, None)


def specs() -> list[ToolSpec]:
    with _LOCK:
        return list(_SPECS.values())


def names() -> list[str]:
    with _LOCK:
        return list(_SPECS)


def get(name: str) -> Tool:
    """The tool object, importing its module on first use. Safe from many threads at once.

    The import runs outside our lock: Python's own import lock already makes threads importing the same
    module wait for one another, and holding a second lock across an import could deadlock against a
    thread that is importing a tool module directly while that module asks the registry for something.
    """
    tool = _LOADED.get(name)
    if tool is not None:
        return tool
    with _LOCK:
        spec = _SPECS[name]
    module_name, _, attr = spec.target.partition(":")
    tool = getattr(importlib.import_module(module_name), attr)
    with _LOCK:
        if _SPECS.get(name) is spec:  # not re-registered meanwhile: the first import to finish is the one kept
            tool = _LOADED.setdefault(name, tool)
    return tool


def run(name: str, text: str, timeout: float = DEFAULT_TIMEOUT) -> ToolResult:
    """The stable entry point: run tool `name` on `text`; unknown tools are an error result, not an exception."""
    known = names()
    if name not in known:
        return ToolResult.failure("unknown_tool", f"unknown tool {name!r}; known tools: {', '.join(known)}")
    try:
        tool = get(name)
    except Exception as exc:  # a tool whose module cannot load (a missing dependency) is an answer, not a crash
        return ToolResult.failure("unavailable", f"the {name} tool could not load: {type(exc).__name__}: {exc}")
    return tool.run(text, timeout=timeout)


register("calculator", "exact arithmetic: 2^10, 7/4, 17% of 250, sqrt(2), 5!, 3.5e6 * 2", "tools.calculator:TOOL")
register("bigint", "integer functions: factor(n), is_prime(n), nth_prime(n), powmod(a,b,m), totient(n), digits(n), ...", "tools.calculator:BIGINT")
register("symbolic", "algebra and calculus: solve(x^2-5x+6=0, x), diff(x^3, x), integrate(x e^x, x), simplify(...)", "tools.symbolic:TOOL")
register("rewrite", "rule-based rewriting: simplify(sin(x)^2 + cos(x)^2) with rules like sin(~x)^2 + cos(~x)^2 => 1", "tools.rewrite:TOOL")
register("python", "run Python code in a sandbox; prints and the last expression's value are returned", "tools.python:TOOL")
