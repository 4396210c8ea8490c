"""What crosses the pipe between the tool and its worker: plain dataclasses, pickled, no SymPy objects.

The parent never imports SymPy: results come back as text, and the exact SymPy object only as
pickled bytes that `SymbolicValue.sympy()` loads on demand (the bytes come from our own worker).
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Request:
    tree: Any  # a tools.parsing node: plain frozen dataclasses
    budget: float  # seconds the worker may spend before it stops itself
    kind: str = "run"  # "run" a tool call; "ping" to check the worker is alive
    bare: bool = False  # True only for benchmarks timing the engines: no checks, no LaTeX/pretty forms

    def __reduce__(self):
        # pickle recurses once per tree level: a 5,000-term sum crosses the pipe in its flat form instead
        from ..parsing.walk import flatten

        tree = flatten(self.tree) if self.tree is not None else None
        return (_request, (tree, self.budget, self.kind, self.bare))


def _request(records, budget: float, kind: str, bare: bool) -> Request:
    from ..parsing.walk import unflatten

    return Request(unflatten(records) if records is not None else None, budget, kind, bare)


@dataclass
class Reply:
    ok: bool
    output: str = ""
    answer: str | None = None
    latex: str | None = None
    pretty: str | None = None
    decimal: str | None = None
    understood: str | None = None
    operation: str = ""
    engine: str = "sympy"
    checks: list[dict] = field(default_factory=list)
    error_type: str = ""
    error_message: str = ""
    value_bytes: bytes | None = None


@dataclass(frozen=True)
class SymbolicValue:
    """The exact result: its text, and the SymPy object on demand (loading SymPy only then)."""

    text: str
    value_bytes: bytes | None = None

    def sympy(self):
        if self.value_bytes is None:
            return None
        return pickle.loads(self.value_bytes)

    def __str__(self) -> str:
        return self.text
