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
